"""Hour quotas: what is required, what is offered, and how it breaks down."""

from typing import Optional

from pydantic import Field

from plancc.model.base import Number, PlanModel, Text, zh
from plancc.model.figures import Scope


class HourComponent(PlanModel):
    """One part of the required hours (专业科目 60, 公需科目 30; 县本 70, 校本 30)."""

    model_config = zh("学时组成", "要求学时的一个组成部分，如专业科目 60、公需科目 30；县本 70、校本 30。")

    name: Text = Field(description="组成部分的名称，如“专业知识”“公需知识”")
    hours: Number = Field(title="学时", description="该部分的学时")
    at_least: bool = Field(False, title="不少于", description="是否为“不少于”的下限")
    description: Optional[Text] = Field(None, description="说明")


class Hours(PlanModel):
    """学时要求。"""

    model_config = zh("学时要求", "学时要求：每位教师需完成的学时、提供的学时及其组成和折算。")

    required: Optional[Number] = Field(None, title="要求学时", description="每位教师需完成的学时，如 72")
    at_least: bool = Field(False, title="要求学时为“不少于”", description="required 是否为“不少于”的下限")
    scope: Optional[Scope] = Field(
        None,
        title="学时覆盖的范围",
        description="required 覆盖的范围：year 每年、cycle 整个周期、semester 每学期、project 本项目、probation 新教师试用期；"
        "不写时按方案类别（kind）推定",
    )
    offered: Optional[Number] = Field(None, title="提供学时", description="平台提供（供选学）的学时，如 100（不少于）")
    offered_ratio: Optional[float] = Field(None, ge=1, le=100, description="提供学时不低于要求学时的倍数，如 2 表示“2倍以上”")
    components: list[HourComponent] = Field(default_factory=list, description="学时的组成（应当加起来等于 required）")
    minutes_per_hour: Optional[int] = Field(None, ge=10, le=60, description="每学时折合多少分钟（网络研修常为 40 或 45）")
    required_minutes: Optional[Number] = Field(None, description="要求的学习时长（分钟），应等于 学时 × 每学时分钟数")
    compulsory_minutes: Optional[Number] = Field(None, description="其中必修课不少于多少分钟")
    credits: Optional[Number] = Field(None, description="折合学分")
    hours_per_credit: Optional[Number] = Field(None, description="多少学时折合 1 学分")
    school_based: Optional[Number] = Field(None, description="其中校本研修学时")
    new_teacher: Optional[Number] = Field(None, title="新教师学时", description="新教师（试用期）的学时要求")
    head_teacher: Optional[Number] = Field(None, description="班主任专项培训的学时要求")
