"""When things happen: delivery modes and the phase timeline."""

from typing import Annotated, Optional, Union

from pydantic import Field, field_validator, model_validator

from plancc.model.base import Keywords, PlanModel, Text, zh
from plancc.model.dates import PartialDate
from plancc.model.period import SEMESTER_PATTERN, parse_semester, semester_words


class Mode(PlanModel):
    """A delivery mode (网络研修, 校本研修, 集中培训, 送教下乡)."""

    model_config = zh("培训方式", "一种培训方式，如网络研修、校本研修、集中培训、送教下乡。")

    name: Text = Field(description="培训方式名称")
    description: Optional[Text] = Field(None, description="说明")


class Phase(PlanModel):
    """A phase of the timeline: a span (start–end), or only a deadline (due)."""

    model_config = zh("培训阶段", "进度安排的一个阶段：起止时间（start–end），或只有截止日期（due）。")

    name: Optional[Text] = Field(None, description="阶段名称，如“暑假研修”")
    start: Optional[PartialDate] = Field(None, description="开始：年-月 或 年-月-日")
    end: Optional[PartialDate] = Field(None, description="结束：年-月 或 年-月-日，截止时刻可带钟点（2023-05-10 17:00）")
    due: Optional[PartialDate] = Field(None, description="截止日期（“……前”），与 start/end 二选一；可带钟点，如 2023-05-10 17:00（渲染为 2023年5月10日17:00前）")
    semester: Optional[Annotated[Text, Keywords(pattern=SEMESTER_PATTERN, patternErrorMessage="学期应写成“第一学期”“第二学期”或“2024-2025学年第二学期”")]] = Field(
        None, description="所在学期：“第一学期”“第二学期”（按培训的学年），或写全“2024-2025学年第二学期”；可与 start/end 同用",
        examples=["第一学期", "2024-2025学年第二学期"],
    )
    tasks: Union[Text, list[Text], None] = Field(None, description="本阶段任务；多项时写成列表")
    form: Optional[Text] = Field(None, description="培训形式，如“集中+远程”")
    responsible: Optional[Text] = Field(None, description="责任单位或责任人")

    @field_validator("semester")
    @classmethod
    def _semester(cls, v: Optional[str]) -> Optional[str]:
        return v if v is None else semester_words(*parse_semester(v))

    @model_validator(mode="after")
    def _when(self):
        if self.due is not None and (self.start is not None or self.end is not None):
            raise ValueError("due（截止日期）不能与 start/end 同时使用")
        return self

    @property
    def task_list(self) -> list[str]:
        if self.tasks is None:
            return []
        return [self.tasks] if isinstance(self.tasks, str) else list(self.tasks)

    @property
    def first(self) -> PartialDate | None:
        return self.start or self.due or self.end

    @property
    def last(self) -> PartialDate | None:
        return self.end or self.due or self.start
