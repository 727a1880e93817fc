"""Dates as plans write them: a month ("2022-11") or a day ("2022-11-15").

Real plans mix both precisions ("2022年11月—2023年4月", "2023年4月3日前"), and
comparing a month with a day must respect that a month is a span: a phase
"2023-04" ends on the last day of April when it is an end, and starts on the
first when it is a start.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

_RE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise PydanticCustomError("partial_date_type", "expected a date like 2022-11 or 2022-11-15")
        text = value.strip()
        # accept the Chinese forms people paste: 2022年11月15日, 2022年11月
        m = re.match(r"^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$", text)
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
        return cls(year, month, day)

    # -- comparisons at the right precision ------------------------------
    @property
    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> _dt.date:
        return _dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def has_day(self) -> bool:
        return self.day is not None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    def cn(self) -> str:
        """2022年11月15日 / 2022年11月 (GB/T 9704: Arabic numerals, no zero padding)."""
        return f"{self.year}年{self.month}月" + (f"{self.day}日" if self.day else "")

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
            "pattern": r"^\d{4}-\d{1,2}(-\d{1,2})?$",
            "description": "日期：年-月（2022-11）或年-月-日（2022-11-15）",
            "examples": ["2022-11", "2022-11-15"],
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
    tail = f"{end.month}月" + (f"{end.day}日" if end.day else "")
    return start.cn() + sep + tail
