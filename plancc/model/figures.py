"""Named figures with their breakdowns and derivations, and the rates that convert units.

Every figure a plan states can be data::

    figures:
      参训人数:
        value: 980
        unit: 人
        parts: {博士: 3, 硕士: 301, 本科: 676}
      骨干教师:
        value: 400
        unit: 人
        parts: {市级: ≥150, 县级: ≥250}
      校本研修学时:
        value: 64
        unit: 学时
        derive: 16周 × 2学时 × 2学期

A figure is a number, a floor or a ceiling written as text ("≥150", "不少于50学时",
"5%以内"), a reference to another figure ("{=hours.required}"), or a mapping
with its parts (which may have parts again) and how it is derived. Prose cites
it as ``{=figures.参训人数}``, ``{=figures.参训人数.硕士}``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional, Union

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from plancc.model.base import Keywords, Number, PlanModel, SPACE, Text, zh
from plancc.model.dates import D
from plancc.quantities.amount import (AT_LEAST_AFTER, AT_LEAST_BEFORE, AT_MOST_AFTER, AT_MOST_BEFORE, Amount, AmountError,
                                      parse_amount)
from plancc.quantities.expr import Derivation, ExprError, parse

#: a name usable in ``{=figures.名称.部分}``: no dots, braces, colons or spaces
NAME_PATTERN = f"^[^.{{}}:{SPACE}]+$"
_NAME = re.compile(NAME_PATTERN)


def _amount_text(v: str) -> str:
    try:
        parse_amount(v)
    except AmountError:
        raise PydanticCustomError("figure_amount", "cannot read the figure '{value}'", {"value": v}) from None
    return v


def _derive_text(v: str) -> str:
    try:
        parse(v)
    except ExprError as e:
        raise PydanticCustomError(
            "figure_derive", "cannot read the derivation '{value}' at character {pos}",
            {"value": v, "pos": e.at + 1, "rest": v[e.at:e.at + 12] or "…"},
        ) from None
    return v


def _name(v: str) -> str:
    if not _NAME.fullmatch(v):
        raise PydanticCustomError("figure_name", "'{value}' cannot be a figure name", {"value": v})
    return v


def _amount_pattern() -> str:
    """What parse_amount reads, as a JSON Schema pattern built from its words: a floor or a
    ceiling word before the number or after it (not one of each kind), the number (or a
    {=reference}) and a unit of at most four characters (or %)."""
    s = f"[{SPACE}]"

    def words(ws):
        return "(?:" + "|".join(re.escape(w) for w in ws) + ")"

    number = rf"{D}+(?:,{D}{{3}})*(?:\.{D}+)?"
    ref = rf"\{{=[^{{}}:{SPACE}]+\}}"
    good = (rf"{s}*{words(AT_LEAST_BEFORE + AT_MOST_BEFORE)}?{s}*(?:{number}|{ref}){s}*(?:%|[\u4e00-\u9fff]{{1,4}})?"
            rf"{s}*{words(AT_LEAST_AFTER + AT_MOST_AFTER)}?{s}*$")
    both = [rf"{s}*{words(AT_LEAST_BEFORE)}[\s\S]*{words(AT_MOST_AFTER)}{s}*$",
            rf"{s}*{words(AT_MOST_BEFORE)}[\s\S]*{words(AT_LEAST_AFTER)}{s}*$"]
    return "^" + "".join(f"(?!{b})" for b in both) + good


AMOUNT_PATTERN = _amount_pattern()

AmountText = Annotated[str, AfterValidator(_amount_text),
                       Keywords(pattern=AMOUNT_PATTERN, patternErrorMessage="应写成数字或“≥150”“不少于50学时”“5%以内”“{=名称}”")]
"""A figure written as text: "≥150", "不少于50学时", "5%以内", "{=hours.required}"."""

FigureName = Annotated[str, AfterValidator(_name),
                       Keywords(pattern=NAME_PATTERN, patternErrorMessage="名称中不能有点、花括号、冒号或空白")]

Scope = Literal["year", "cycle", "semester", "project", "probation", "total"]
SCOPE_WORDS = {"year": "每年", "cycle": "每周期", "semester": "每学期", "project": "本项目", "probation": "试用期", "total": "合计"}


class Figure(PlanModel):
    """一个有名称的数字：人数、学时、比例、名额等，可写组成部分和算法。"""

    model_config = zh("数字", "一个有名称的数字：人数、学时、比例、名额等，可写组成部分和算法。")

    value: Union[Number, AmountText, None] = Field(
        None,
        description="数值：写数字，或“≥150”“不少于50”“5%以内”这样的上下限，或 {=名称} 引用别的数字；"
        "不写时取各部分之和",
        examples=[980, "≥150", "{=hours.required}"],
    )
    at_least: bool = Field(False, title="不少于", description="数值是否为“不少于”的下限（也可直接写“≥数字”）")
    at_most: bool = Field(False, title="不超过", description="数值是否为“不超过”的上限（也可直接写“≤数字”）")
    unit: Optional[Text] = Field(None, description="单位，如 人、学时、学分、天、%；写 % 且不写数值时各部分之和应为 100",
                                 examples=["人", "学时", "%"])
    scope: Optional[Scope] = Field(
        None,
        description="数字覆盖的范围：year 每年、cycle 每周期、semester 每学期、project 本项目、probation 新教师试用期、total 合计",
    )
    mode: Optional[Text] = Field(None, description="培训方式（按方式取不同换算率时用，如“集中培训”）")
    derive: Optional[Annotated[str, AfterValidator(_derive_text)]] = Field(
        None,
        description="数值的算法，如“16周 × 2学时 × 2学期”“5天”（按 rates 换算）“0.5学时 × 4份”；算得的值应与 value 相符",
        examples=["16周 × 2学时 × 2学期", "5天", "6门 × 240分钟"],
    )
    parts: dict[FigureName, "FigureLike"] = Field(
        default_factory=dict,
        description="组成部分：名称 → 数字、“≥数字”或再分的数字；各部分之和应与数值相符",
        examples=[{"博士": 3, "硕士": 301, "本科": 676}, {"市级": "≥150", "县级": "≥250"}],
    )
    description: Optional[Text] = Field(None, description="说明")

    @field_validator("at_most")
    @classmethod
    def _one_bound(cls, v, info):
        if v and info.data.get("at_least"):
            raise PydanticCustomError("figure_both_bounds", "a figure cannot be both a floor and a ceiling")
        return v


FigureLike = Union[Number, AmountText, Figure]
Figure.model_rebuild()  # resolves "FigureLike" in its parts (the docs and diff's wording read them)



class Rates(PlanModel):
    """换算率：每学时分钟数、每天学时数、每学分学时数，声明一次，各处算式共用。"""

    model_config = zh("换算率", "换算率：每学时分钟数、每天学时数、每学分学时数，声明一次，各处算式共用。")

    minutes_per_hour: Optional[Annotated[float, Field(gt=0, le=600)]] = Field(
        None, description="1 学时折合多少分钟，如 45（网络研修常为 40 或 45）"
    )
    hours_per_day: Union[Annotated[float, Field(gt=0, le=24)], dict[Text, Annotated[float, Field(gt=0, le=24)]], None] = Field(
        None, description="1 天折合多少学时，如 6 或 8；按培训方式不同时写成 方式 → 学时 的映射",
        examples=[6, {"集中培训": 8, "跟岗研修": 6}],
    )
    hours_per_credit: Union[Annotated[float, Field(gt=0, le=1000)], dict[Text, Annotated[float, Field(gt=0, le=1000)]], None] = Field(
        None, description="多少学时折合 1 学分；按培训方式不同时写成 方式 → 学时 的映射，如 集中培训 6、非集中培训 8",
        examples=[10, {"集中培训": 6, "非集中培训": 8}],
    )
    days_per_week: Optional[Annotated[float, Field(gt=0, le=7)]] = Field(
        None, description="1 周按多少天计（默认 7；按工作日计时写 5）"
    )


class Breakdown:
    """A figure read for the checks: its amount and its parts, each a Breakdown again."""

    __slots__ = ("name", "amount", "figure", "parts", "number_key")

    def __init__(self, name: str, value: "FigureLike"):
        self.name = name
        #: the key a mapping writes the number under
        self.number_key = "value"
        self.figure = value if isinstance(value, Figure) else None
        if isinstance(value, Figure):
            a = parse_amount(value.value) if value.value is not None else Amount(None)
            self.amount = Amount(a.number, a.at_least or value.at_least, a.at_most or value.at_most,
                                 value.unit or a.unit, a.ref)
            self.parts = [Breakdown(k, v) for k, v in value.parts.items()]
        else:
            self.amount = parse_amount(value)
            self.parts = []

    @classmethod
    def of(cls, name: str, number, parts: dict, number_key: str) -> "Breakdown":
        """A figure held by another object (a component's points and their parts)."""
        b = cls(name, Figure(value=number, parts=parts))
        b.number_key = number_key
        return b

    @property
    def unit(self) -> str | None:
        return self.amount.unit

    def derivation(self) -> Derivation | None:
        return parse(self.figure.derive) if self.figure is not None and self.figure.derive else None
