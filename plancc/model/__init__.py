"""The plan model: pydantic types for everything a real plan says."""

from plancc.model.plan import SCHEMA_VERSION, Plan

__all__ = ["Plan", "SCHEMA_VERSION"]
