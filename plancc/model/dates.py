"""Dates as plans write them: a month ("2022-11"), a day ("2022-11-15") or a deadline
with its clock time ("2023-05-10 17:00", written 2023年5月10日17:00).

Real plans mix both precisions ("2022年11月—2023年4月", "2023年4月3日前"), and
comparing a month with a day must respect that a month is a span: a phase
"2023-04" ends on the last day of April when it is an end, and starts on the
first when it is a start. A clock time narrows a day the same way: a deadline at
17:00 on the period's last day is inside the period.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from plancc.model.base import RE_SPACE, SPACE

#: a digit as plans type it: ASCII, or full width from a Chinese input method
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _d(digits: str = "0123456789") -> str:
    """A class of the given digits in both widths ([0-9０-９], [48４８])."""
    runs, ds = [], sorted(set(digits))
    for d in ds:
        if runs and ord(d) == ord(runs[-1][-1]) + 1:
            runs[-1] += d
        else:
            runs.append(d)
    ascii_ = "".join(r if len(r) < 3 else f"{r[0]}-{r[-1]}" for r in runs)
    return f"[{ascii_}{ascii_.translate(_FULL)}]"


D = _d()


def between(lo: int, hi: int, width: int = 4) -> str:
    """A pattern of the `width`-digit numbers lo…hi (years 1949…2199: 194[9]|19[5-9]\\d|2[01]\\d\\d)."""
    if width == 0:
        return ""
    unit = 10 ** (width - 1)
    if lo == 0 and hi == 10 * unit - 1:
        return f"{D}{{{width}}}" if width > 1 else D
    a, b = lo // unit, hi // unit
    if a == b:
        return _d(str(a)) + between(lo % unit, hi % unit, width - 1)
    parts = [_d(str(a)) + between(lo % unit, unit - 1, width - 1)]
    if b - a > 1:
        parts.append(_d("".join(str(x) for x in range(a + 1, b))) + between(0, unit - 1, width - 1))
    parts.append(_d(str(b)) + between(0, hi % unit, width - 1))
    return "(?:" + "|".join(parts) + ")"
_S = RE_SPACE
_RE = re.compile(rf"^({D}{{4}})-({D}{{1,2}})(?:-({D}{{1,2}}))?$")
_CN_RE = re.compile(rf"^({D}{{4}})年({D}{{1,2}})月(?:({D}{{1,2}})日)?$")
# the clock time after a day: " 17:00", "T17:00", "17时", "17时30分", "17点"
_TIME_RE = re.compile(rf"^(.*?(?:{D}|日))(?:{_S}*T|{_S}+|(?<=日)){_S}*({D}{{1,2}}){_S}*"
                      rf"(?:[:：]{_S}*({D}{{2}})|[时点](?:{_S}*({D}{{1,2}}){_S}*分)?|[时点]整){_S}*$")


def _either(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


def _numbers(ns, pad: bool = True) -> str:
    """The numbers as \\d{1,2} writes them: 5 or (with `pad`) 05, 11; grouped by tens."""
    ns = sorted(set(ns))
    groups = []
    ones = "".join(str(n) for n in ns if n < 10)
    if ones:
        groups.append((_d("0") + "?" if pad else "") + _d(ones))
    for tens in sorted({n // 10 for n in ns if n >= 10}):
        groups.append(_d(str(tens)) + _d("".join(str(n % 10) for n in ns if n // 10 == tens)))
    return _either(*groups)


def _date_pattern() -> str:
    """The regular expression (JSON Schema ``pattern``) of every text :meth:`PartialDate.parse`
    accepts, built from the same pieces: its separators, its Chinese form, its clock forms,
    and the calendar. February 29 is allowed in leap years only: with four-digit years that
    is still a regular language (the year's last two digits divisible by 4 and not 00, or
    a century divisible by 400)."""
    by_length: dict[int, list[int]] = {}
    for month in range(1, 13):
        by_length.setdefault(calendar.monthrange(2001, month)[1], []).append(month)  # 2001: not a leap year
    year = f"{D}{{4}}"
    leap = _either(D + D + _either(_d("0") + _d("48"), _d("2468") + _d("048"), _d("13579") + _d("26")),
                   _either(_d("02468") + _d("048"), _d("13579") + _d("26")) + _d("0") + _d("0"))
    month = _numbers(range(1, 13))

    def dates(sep1: str, sep2: str, month_end: str, day_end: str) -> tuple[str, str]:
        """(a month, a day) in one written form: year sep1 month [sep2 day]."""
        days = _either(*(_numbers(ms) + sep2 + _numbers(range(1, last + 1)) for last, ms in sorted(by_length.items())))
        day = _either(year + sep1 + days, leap + sep1 + _numbers([2]) + sep2 + _numbers([29])) + day_end
        return year + sep1 + month + month_end, day

    s = f"[{SPACE}]"
    m_dash, d_dash = dates("[-/.]", "[-/.]", "", "")
    m_cn, d_cn = dates("年", "月", "月", "日")
    two = _d("012345") + D  # a minute as :MM writes it
    one_or_two = _either(D, _d("012345") + D)  # as 30分 writes it
    hour = _either(D, _d("01") + D, _d("2") + _d("0123"))
    clock = hour + s + "*" + _either(f"[:：]{s}*{two}", f"[时点](?:{s}*{one_or_two}{s}*分)?", "[时点]整")
    zero = _d("0")
    midnight = _d("2") + _d("4") + s + "*" + _either(f"[:：]{s}*{zero}{zero}", f"[时点](?:{s}*{zero}?{zero}{s}*分)?", "[时点]整")
    at = s + "*" + _either(clock, midnight)
    # a clock time after the day: “ 17:00”, “T17:00”; right after 日 too (“10日17:00”)
    dash = d_dash + "(?:" + _either(f"{s}*T", f"{s}+") + at + ")?"
    cn = d_cn + f"(?:(?:{s}*T)?" + at + ")?"
    return f"^{s}*" + _either(m_dash, m_cn, dash, cn) + f"{s}*$"


DATE_PATTERN = _date_pattern()


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: int
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):  # a YAML timestamp with seconds (2023-05-10 17:00:00)
            return cls(value.year, value.month, value.day, value.hour, value.minute)
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise PydanticCustomError("partial_date_type", "expected a date like 2022-11 or 2022-11-15")
        text = value.strip()
        hour = minute = None
        t = _TIME_RE.match(text) if len(text) <= 40 else None  # a date with its time is short; never scan a pasted page
        if t is not None:
            text, hour = t.group(1).strip(), int(t.group(2))
            minute = int(t.group(3) or t.group(4) or 0)
            if hour > 24 or minute > 59 or (hour == 24 and minute):
                raise PydanticCustomError("partial_date_time", "'{value}': there is no time {time}",
                                          {"value": value.strip(), "time": f"{hour}:{minute:02d}"})
        # accept the Chinese forms people paste: 2022年11月15日, 2022年11月
        m = _CN_RE.match(text)
        if m is None:
            m = _RE.match(text.replace("/", "-").replace(".", "-"))
        if m is None:
            raise PydanticCustomError("partial_date_format", "'{value}' is not a date like 2022-11 or 2022-11-15", {"value": text})
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        if not 1 <= month <= 12:
            raise PydanticCustomError("partial_date_month", "'{value}': there is no month {month}", {"value": text, "month": month})
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise PydanticCustomError(
                    "partial_date_day", "'{value}': {year}-{month} has {last} days", {"value": text, "year": year, "month": month, "last": last}
                )
        if hour is not None and day is None:
            raise PydanticCustomError("partial_date_time_day", "'{value}': a clock time needs a day", {"value": value.strip()})
        return cls(year, month, day, hour, minute)

    # -- comparisons at the right precision ------------------------------
    @property
    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> _dt.date:
        return _dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def first_moment(self) -> _dt.datetime:
        """The earliest instant the date can mean: its clock time, else the start of its first day."""
        if self.hour is not None:
            return _dt.datetime.combine(self.first_day, _dt.time()) + _dt.timedelta(hours=self.hour, minutes=self.minute or 0)
        return _dt.datetime.combine(self.first_day, _dt.time())

    @property
    def last_moment(self) -> _dt.datetime:
        """The latest instant the date can mean: its clock time, else the end of its last day."""
        if self.hour is not None:
            return self.first_moment
        return _dt.datetime.combine(self.last_day, _dt.time(23, 59, 59))

    @property
    def has_day(self) -> bool:
        return self.day is not None

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def clock(self) -> str:
        """17:00 (empty without a time)."""
        return f"{self.hour}:{self.minute or 0:02d}" if self.hour is not None else ""

    def iso(self) -> str:
        return (f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
                + (f" {self.hour:02d}:{self.minute or 0:02d}" if self.hour is not None else ""))

    def cn(self) -> str:
        """2022年11月15日 / 2022年11月 / 2023年5月10日17:00 (GB/T 9704: Arabic numerals, no zero
        padding; a clock time as plans write a deadline, “5月10日17:00前”)."""
        return f"{self.year}年{self.month}月" + (f"{self.day}日" if self.day else "") + self.clock()

    def __str__(self) -> str:
        return self.iso()

    # -- pydantic integration ------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.iso())
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return {
            "type": "string",
            "pattern": DATE_PATTERN,
            "patternErrorMessage": "不是存在的日期：应写成 2022-11 或 2022-11-15（月份 1 至 12，日不超过当月天数），"
            "截止时间可带钟点，如 2023-05-10 17:00",
            "description": "日期：年-月（2022-11）、年-月-日（2022-11-15），截止时间可带钟点（2023-05-10 17:00，也可写 2023年5月10日17:00、2023-05-10 17时）",
            "examples": ["2022-11", "2022-11-15", "2023-05-10 17:00"],
        }


def cn_range(start: PartialDate | None, end: PartialDate | None, sep: str = "—") -> str:
    """2022年11月—2023年4月; 2023年4月3日—5月31日; 2024年7—9月.

    Within one year the year is written once; within one month at month
    precision the month is written once, as bureau documents do.
    """
    if start is None and end is None:
        return ""
    if start is None:
        return end.cn() + "前"  # type: ignore[union-attr]
    if end is None:
        return start.cn() + "起"
    if start.year != end.year:
        return start.cn() + sep + end.cn()
    if not start.has_day and not end.has_day:
        if start.month == end.month:
            return start.cn()
        return f"{start.year}年{start.month}{sep}{end.month}月"
    if start.has_time and end.has_time and (start.month, start.day) == (end.month, end.day):
        return start.cn() + sep + end.clock()  # 2023年5月10日9:00—17:00
    tail = f"{end.month}月" + (f"{end.day}日" if end.day else "") + end.clock()
    return start.cn() + sep + tail
