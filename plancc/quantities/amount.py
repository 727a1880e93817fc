"""A figure as a plan writes it, and the interval of values it allows.

Plans state figures exactly (980 人), as floors (不少于 50 学时, ≥150, 150人以上)
or as ceilings (不超过 15 学分, ≤5%, 5%以内). An :class:`Amount` keeps the number,
the bound and the unit written with it; :class:`Interval` is what the bound
allows, so a breakdown "市级 ≥150 + 县级 ≥250" of 400 can be checked by
adding intervals: the parts allow [400, ∞), the whole is exactly 400, they meet.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from plancc.text.patterns import lazy

#: how a floor or a ceiling is written before or after the number
AT_LEAST_BEFORE = ("≥", ">=", "不少于", "不低于", "不小于", "至少", "最少", "最低")
AT_MOST_BEFORE = ("≤", "<=", "不超过", "不多于", "不高于", "不大于", "至多", "最多", "最高")
AT_LEAST_AFTER = ("及以上", "以上")
AT_MOST_AFTER = ("及以下", "以下", "以内")

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_REF = r"\{=[^{}:\s]+\}"
_RE = lazy(
    r"^\s*(?P<before>" + "|".join(map(re.escape, AT_LEAST_BEFORE + AT_MOST_BEFORE)) + r")?\s*"
    r"(?:(?P<number>" + _NUMBER + r")|(?P<ref>" + _REF + r"))\s*"
    r"(?P<unit>%|[\u4e00-\u9fff]{1,4}?)??\s*"
    r"(?P<after>" + "|".join(map(re.escape, AT_LEAST_AFTER + AT_MOST_AFTER)) + r")?\s*$"
)


@dataclass(frozen=True)
class Amount:
    """A number (or a reference to one), whether it is a floor or a ceiling, and its unit."""

    number: Fraction | None
    at_least: bool = False
    at_most: bool = False
    unit: str | None = None
    #: a reference ``{=name}`` written instead of the number
    ref: str | None = None

    def interval(self, number: Fraction | None = None) -> "Interval":
        v = self.number if number is None else number
        if v is None:
            return Interval.ANY
        if self.at_least:
            return Interval(v, None)
        if self.at_most:
            return Interval(Fraction(0), v)
        return Interval(v, v)


class AmountError(ValueError):
    """A figure that cannot be read; ``text`` is what was written."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def parse_amount(value) -> Amount:
    """72 → exactly 72; "≥150" / "不少于150人" / "150人以上" → at least 150; "≤5%" → at most 5."""
    if isinstance(value, bool):
        raise AmountError(str(value))
    if isinstance(value, (int, float)):
        return Amount(to_fraction(value))
    text = str(value)
    m = _RE().match(text)
    if m is None:
        raise AmountError(text)
    before, after = m.group("before"), m.group("after")
    at_least = before in AT_LEAST_BEFORE or after in AT_LEAST_AFTER
    at_most = before in AT_MOST_BEFORE or after in AT_MOST_AFTER
    if at_least and at_most:
        raise AmountError(text)
    number = m.group("number")
    ref = m.group("ref")
    return Amount(
        to_fraction(number.replace(",", "")) if number else None,
        at_least,
        at_most,
        m.group("unit") or None,
        ref[2:-1] if ref else None,
    )


def to_fraction(v) -> Fraction:
    """An exact number: 0.1 + 0.2 is 0.3 when figures are added."""
    if isinstance(v, Fraction):
        return v
    if isinstance(v, float):
        if not math.isfinite(v):
            raise AmountError(str(v))
        return Fraction(repr(v))
    return Fraction(v)


@dataclass(frozen=True)
class Interval:
    """The values a figure allows: [low, high], high None when there is no ceiling."""

    low: Fraction | None
    high: Fraction | None

    ANY: "Interval" = None  # type: ignore[assignment]  (set below)

    def __add__(self, other: "Interval") -> "Interval":
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high)

    def meets(self, other: "Interval") -> bool:
        """Some value is allowed by both."""
        lo = max((v for v in (self.low, other.low) if v is not None), default=None)
        hi = min((v for v in (self.high, other.high) if v is not None), default=None)
        return lo is None or hi is None or lo <= hi

    def contains(self, v: Fraction) -> bool:
        return (self.low is None or self.low <= v) and (self.high is None or v <= self.high)

    @property
    def exact(self) -> Fraction | None:
        return self.low if self.low is not None and self.low == self.high else None


Interval.ANY = Interval(Fraction(0), None)


def show(v: Fraction | None) -> str:
    """A number as a clerk types it: 72, 2.5, 1/3 as 0.333…"""
    if v is None:
        return "?"
    if v.denominator == 1:
        return str(v.numerator)
    f = float(v)
    text = f"{f:.4f}".rstrip("0").rstrip(".")
    return text if Fraction(text) == v else text + "…"


def show_interval(iv: Interval) -> str:
    if iv.exact is not None:
        return show(iv.exact)
    if iv.high is None:
        return "≥" + show(iv.low or Fraction(0))
    if not iv.low:
        return "≤" + show(iv.high)
    return f"{show(iv.low)}–{show(iv.high)}"
