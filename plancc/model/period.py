"""When the plan runs: its year or school year, its multi-year cycle and its period."""

from __future__ import annotations

import re
from typing import Optional

from pydantic import Field, field_validator

from plancc.model.base import PlanModel, Text, Year
from plancc.model.dates import PartialDate


class Cycle(PlanModel):
    """A multi-year plan this year belongs to (e.g. the 2022–2026 five-year plan)."""

    name: Optional[Text] = Field(None, description="周期规划的名称")
    start: Year = Field(description="周期起始年份")
    end: Year = Field(description="周期结束年份")
    year: Optional[int] = Field(None, ge=1, le=20, description="本方案是周期的第几年（1 表示第一年）")
    total_hours: Optional[float] = Field(None, ge=0, le=100000, description="周期内每位教师应完成的总学时，如 360")
    school_based_hours: Optional[float] = Field(None, ge=0, le=100000, description="周期总学时中校本研修不少于多少学时，如 120")

    @property
    def years(self) -> int:
        return self.end - self.start + 1


class Period(PlanModel):
    """培训年度与培训时间。"""

    year: Optional[Year] = Field(None, description="培训年度（自然年），如 2022")
    school_year: Optional[str] = Field(None, description="学年度，如 2024-2025", examples=["2024-2025"])
    cycle: Optional[Cycle] = Field(None, description="所属的多年周期规划")
    start: Optional[PartialDate] = Field(None, description="培训开始：年-月 或 年-月-日")
    end: Optional[PartialDate] = Field(None, description="培训结束：年-月 或 年-月-日")

    @field_validator("school_year")
    @classmethod
    def _school_year(cls, v: Optional[str]) -> Optional[str]:
        if v is None:
            return v
        m = re.fullmatch(r"(\d{4})\s*[-—–－~至]\s*(\d{4})", v.strip())
        if not m:
            raise ValueError("学年度应写成 2024-2025 的形式")
        a, b = int(m.group(1)), int(m.group(2))
        if b != a + 1:
            raise ValueError(f"学年度 {a}-{b} 应当是相邻的两年")
        return f"{a}-{b}"

    @property
    def school_year_range(self) -> tuple[int, int] | None:
        if not self.school_year:
            return None
        a, b = self.school_year.split("-")
        return int(a), int(b)
