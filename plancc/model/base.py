"""Shared pieces of the plan model: the strict base class and small value types."""

from __future__ import annotations

import math
import re
from typing import Annotated, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


class PlanModel(BaseModel):
    """Base of every plan object: unknown keys are errors, types are strict.

    Strict mode keeps YAML 1.1 surprises visible: ``no`` (a boolean) is not
    accepted as text, and ``"72"`` (text) is not accepted as a number.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=False, populate_by_name=True, defer_build=True)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _printable(v: str) -> str:
    """Control characters cannot be printed in a document (nor stored in .docx XML)."""
    m = _CONTROL.search(v)
    if m:
        raise ValueError(f"control:U+{ord(m.group()):04X}")
    return v


def _not_blank(v: str) -> str:
    if not v.strip():
        raise ValueError("blank")
    return _printable(v)


def _finite(v: float) -> float:
    if isinstance(v, float) and not math.isfinite(v):
        raise ValueError("not finite")
    return v


Text = Annotated[str, AfterValidator(_not_blank)]
"""Non-blank text written by the plan author (prose, names)."""

Words = Annotated[str, AfterValidator(_printable)]
"""Text that may be empty (a phrase such as “，”, an empty subject)."""

Number = Annotated[float, Field(ge=0, le=1_000_000), BeforeValidator(_finite)]
"""A non-negative finite figure: hours, points, minutes."""

Percent = Annotated[float, Field(ge=0, le=100), BeforeValidator(_finite)]
"""A percentage written without the % sign (70 means 70%)."""

Year = Annotated[int, Field(ge=1949, le=2199)]


def fmt_number(v: float | int) -> str:
    """72 → "72", 72.0 → "72", 2.5 → "2.5": figures as a clerk would type them."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)
