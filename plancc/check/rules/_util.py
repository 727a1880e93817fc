"""Small helpers shared by rule modules."""

from __future__ import annotations

from plancc.model.base import fmt_number

EPS = 1e-6


def n(v) -> str:
    """A figure as the message shows it."""
    return fmt_number(v)


def differs(a: float, b: float) -> bool:
    return abs(a - b) > EPS


def join_parts(parts: list[tuple[str, float]], lang_sep: str = " + ") -> str:
    """“专业知识 60 + 公需知识 30”."""
    return lang_sep.join(f"{name} {n(v)}" for name, v in parts)
