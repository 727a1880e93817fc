"""When the plan runs: its year or school year, its semester, its multi-year cycle and its period."""

import re
from typing import Annotated, Optional

from pydantic import Field, field_validator, model_validator

from plancc.model.base import RE_SPACE, SPACE, Keywords, PlanModel, Text, Year, YEARS, zh
from plancc.model.dates import D, PartialDate, between


_TERMS = {"第一学期": 1, "上学期": 1, "秋季学期": 1, "第一": 1, "1": 1,
          "第二学期": 2, "下学期": 2, "春季学期": 2, "第二": 2, "2": 2}
_TERM_NAMES = {1: "第一学期", 2: "第二学期"}
_S = f"[{SPACE}]"  # in the JSON Schema patterns; RE_SPACE in Python's
_DASH = "[-—–－~至]"


def _school_year(s: str = _S) -> str:
    """A school year: 2024-2025, 2024—2025, 2024至2025 (`s`: the class of spaces)."""
    return rf"({D}{{4}}){s}*{_DASH}{s}*({D}{{4}})"


def _semester(end: str, year: str = "?", s: str = _S) -> str:
    """A semester with its school year or (`year` "?") without: 2024-2025学年第一学期, 第二学期,
    2024-2025-1 (`end`: what may follow a bare 第一 or 1)."""
    return (rf"(?:{_school_year(s)}{s}*(?:学年度?|年度)?{s}*[-—–－]?{s}*){year}"
            rf"(第[一二]学期|[上下]学期|秋季学期|春季学期|第[一二](?={end})|[12](?={end}))")


_SCHOOL_YEAR = _school_year(RE_SPACE)
_SEMESTER_RE = re.compile(_semester("$", s=RE_SPACE))
_YEARS_RE = re.compile(rf"({D}{{4}}){RE_SPACE}*年?{RE_SPACE}*{_DASH}{RE_SPACE}*({D}{{4}}){RE_SPACE}*年?")
# the same in JSON Schema: the text before strip(), so spaces may surround it
SEMESTER_PATTERN = f"^{_S}*{_semester(f'{_S}*$')}{_S}*$"
#: period.semester names its school year
YEAR_SEMESTER_PATTERN = f"^{_S}*{_semester(f'{_S}*$', year='')}{_S}*$"
SCHOOL_YEAR_PATTERN = f"^{_S}*{_school_year()}{_S}*$"
#: a cycle in years only, each year one Cycle.start and .end accept
CYCLE_PATTERN = f"^{_S}*{between(*YEARS)}{_S}*年?{_S}*{_DASH}{_S}*{between(*YEARS)}{_S}*年?{_S}*$"


def parse_semester(text: str) -> tuple[tuple[int, int] | None, int]:
    """“2024-2025学年第一学期” → ((2024, 2025), 1); “第二学期” → (None, 2); “2024-2025-1” too.

    Raises ValueError (in Chinese, the plan's language) when the text is no semester.
    """
    m = _SEMESTER_RE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"“{text}”不是学期，应写成 2024-2025学年第一学期 或 第一学期、第二学期")
    term = _TERMS[m.group(3)]
    if m.group(1) is None:
        return None, term
    a, b = int(m.group(1)), int(m.group(2))
    if b != a + 1:
        raise ValueError(f"学年 {a}-{b} 应当是相邻的两年")
    return (a, b), term


def semester_words(school_year: tuple[int, int] | None, term: int) -> str:
    """2024-2025学年第一学期 (or 第一学期 without the school year)."""
    return (f"{school_year[0]}-{school_year[1]}学年" if school_year else "") + _TERM_NAMES[term]


def semester_span(school_year: tuple[int, int], term: int) -> tuple[PartialDate, PartialDate]:
    """The months a semester covers, as schools keep them: the first from September to the
    next January, the second from February to July."""
    a, b = school_year
    if term == 1:
        return PartialDate(a, 9), PartialDate(b, 1)
    return PartialDate(b, 2), PartialDate(b, 7)


class Cycle(PlanModel):
    """A multi-year plan this year belongs to (e.g. the 2022–2026 five-year plan).

    Also written in years only, as plans name a programme: ``cycle: 2019—2022年``.
    """

    model_config = zh("周期规划", "本方案所属的多年周期规划（如 2022—2026 年五年规划）；也可只写年份，如 2019—2022年。")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        # what _years_only reads: a mapping, or the years as text
        mapping = dict(handler(core_schema))
        notes = {k: mapping.pop(k) for k in ("title", "description") if k in mapping}
        return {**notes, "anyOf": [mapping, {"type": "string", "pattern": CYCLE_PATTERN,
                                             "patternErrorMessage": "应写成 2019—2022年（1949 至 2199 年）或 {start: 2019, end: 2022}"}]}

    @model_validator(mode="before")
    @classmethod
    def _years_only(cls, data):
        if isinstance(data, str):
            m = _YEARS_RE.fullmatch(data.strip())
            if m is None:
                raise ValueError(f"“{data}”不是年份区间，应写成 2019—2022年 或 {{start: 2019, end: 2022}}")
            return {"start": int(m.group(1)), "end": int(m.group(2))}
        return data

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

    model_config = zh("培训时间", "培训年度与培训时间。")

    year: Optional[Year] = Field(None, description="培训年度（自然年），如 2022")
    school_year: Optional[Annotated[str, Keywords(pattern=SCHOOL_YEAR_PATTERN, patternErrorMessage="学年度应写成 2024-2025 的形式")]] = Field(
        None, description="学年度，如 2024-2025", examples=["2024-2025"])
    semester: Optional[Annotated[str, Keywords(pattern=YEAR_SEMESTER_PATTERN,
                                               patternErrorMessage="学期应写明学年，如“2024-2025学年第一学期”")]] = Field(
        None, description="学期：按学期组织的培训写学年和学期，如“2024-2025学年第一学期”（第一学期按9月至次年1月、第二学期按2月至7月计）",
        examples=["2024-2025学年第一学期"],
    )
    cycle: Optional[Cycle] = Field(None, description="所属的多年周期规划")
    start: Optional[PartialDate] = Field(None, description="培训开始：年-月 或 年-月-日")
    end: Optional[PartialDate] = Field(None, description="培训结束：年-月 或 年-月-日")

    @field_validator("school_year")
    @classmethod
    def _school_year(cls, v: Optional[str]) -> Optional[str]:
        if v is None:
            return v
        m = re.fullmatch(_SCHOOL_YEAR, v.strip())
        if not m:
            raise ValueError("学年度应写成 2024-2025 的形式")
        a, b = int(m.group(1)), int(m.group(2))
        if b != a + 1:
            raise ValueError(f"学年度 {a}-{b} 应当是相邻的两年")
        return f"{a}-{b}"

    @field_validator("semester")
    @classmethod
    def _semester(cls, v: Optional[str]) -> Optional[str]:
        if v is None:
            return v
        school_year, term = parse_semester(v)
        if school_year is None:
            raise ValueError("period.semester 应写明学年，如“2024-2025学年第一学期”；阶段里可以只写“第一学期”")
        return semester_words(school_year, term)

    @property
    def school_year_range(self) -> tuple[int, int] | None:
        if not self.school_year:
            return None
        a, b = self.school_year.split("-")
        return int(a), int(b)

    @property
    def semester_parts(self) -> tuple[tuple[int, int], int] | None:
        """((2024, 2025), 1) for 2024-2025学年第一学期."""
        if not self.semester:
            return None
        school_year, term = parse_semester(self.semester)
        return school_year, term  # type: ignore[return-value]

    @property
    def semester_span(self) -> tuple[PartialDate, PartialDate] | None:
        parts = self.semester_parts
        return semester_span(*parts) if parts else None

    def resolve_semester(self, text: str) -> tuple[tuple[int, int] | None, int]:
        """A phase's semester (“第二学期”) in this plan's school year: its own, else the
        period's semester's, else period.school_year."""
        school_year, term = parse_semester(text)
        if school_year is None:
            parts = self.semester_parts
            school_year = parts[0] if parts else self.school_year_range
        return school_year, term
