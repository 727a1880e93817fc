"""How trainees and tutors are assessed: schemes, weighted evaluations, rubrics."""

from typing import Optional, Union

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from plancc.model.base import Number, Percent, PlanModel, Text, Words, zh
from plancc.model.figures import AmountText, FigureLike, FigureName


class AssessmentComponent(PlanModel):
    """A weighted part of a scheme (过程性考核 70%, 结果性考核 30%)."""

    model_config = zh("考核组成", "考核方案中加权的一部分，如过程性考核 70%、结果性考核 30%。")

    name: Text = Field(description="考核组成名称，如“过程性考核”")
    weight: Optional[Percent] = Field(None, title="权重", description="占总成绩的百分比（写 70 表示 70%）")
    points: Optional[Number] = Field(None, title="满分", description="本部分满分")
    parts: dict[FigureName, FigureLike] = Field(
        default_factory=dict,
        description="本部分的分项及分值（如 作业一 50、作业二 50），之和应等于 points；"
        "再按 weight 折算计入总成绩（满分 100 的作业按 60% 计入）",
        examples=[{"作业一": 50, "作业二": 50}],
    )
    description: Optional[Text] = Field(None, description="考核内容说明")


class AssessmentItem(PlanModel):
    """A row of an assessment table: what is assessed, for how many points, how."""

    model_config = zh("考核项目", "考核表的一行：考核什么、多少分、怎样计分和评价。")

    part: Optional[Text] = Field(None, description="考核环节，如“网络研修”“校本研修”")
    category: Optional[Text] = Field(None, description="考核类别，如“过程性评价”“终结性评价”")
    name: Text = Field(description="考核项目")
    criteria: Optional[Text] = Field(None, description="评价指标/要求")
    points: Optional[Number] = Field(None, description="分值；不计分的项目（如实践任务）不写")
    scoring: Optional[Text] = Field(None, description="计分方式")
    method: Optional[Text] = Field(None, description="评价方式，如“自动评价”“人工评价”")
    minimum: Optional[Number] = Field(None, description="本项合格至少需要的分数")
    required: bool = Field(False, description="是否必做")
    note: Optional[Text] = Field(None, description="备注")


class Band(PlanModel):
    """A grade band (优秀 90–100): its range of scores and, where a plan caps it, its quota."""

    model_config = zh("成绩等次", "一个成绩等次（如优秀 90–100）：分数范围，以及方案限定时的名额比例。")

    name: Text = Field(description="等次名称，如“优秀”“良好”“合格”“不合格”")
    min: Optional[Number] = Field(None, description="本等次的最低分（含），如 90；最低的等次可不写")
    max: Optional[Number] = Field(None, description="本等次的最高分（含），如 89.9；最高的等次可不写（到满分）")
    below: Optional[Number] = Field(None, description="低于多少分（不含），如“60分以下”写 60；与 max 只写一个")
    passing: Optional[bool] = Field(None, description="是否为合格等次；不写时名称含“不合格”的为不合格，其余为合格")
    quota: Union[Number, AmountText, None] = Field(
        None, description="本等次的名额比例上限，如“≤5%”（占参训人数的百分比）", examples=["≤5%", "不超过15%"]
    )

    @property
    def is_passing(self) -> bool:
        return self.passing if self.passing is not None else "不合格" not in self.name


class Assessment(PlanModel):
    """An assessment scheme for one project type (分层项目, 分岗项目, 参训教师)."""

    model_config = zh("考核方案", "一类项目（分层项目、分岗项目、参训教师等）的考核方案：加权的考核组成、考核项目表、满分、合格线和成绩等次。")

    id: Text = Field(description="考核方案名称，供正文引用，如“分层项目”")
    caption: Optional[Text] = Field(None, description="表题（以表格形式呈现时）")
    components: list[AssessmentComponent] = Field(default_factory=list, description="加权的考核组成，权重之和应为 100%")
    items: list[AssessmentItem] = Field(default_factory=list, description="考核项目（表格行），分值之和应等于 total")
    total: Optional[Number] = Field(None, description="满分，如 100")
    pass_mark: Optional[Number] = Field(None, description="合格分数线")
    excellent_mark: Optional[Number] = Field(None, description="优秀分数线")
    pass_condition: Optional[Text] = Field(None, description="合格条件（渲染为“备注：条件，至少达到 N 分才能合格。”）")
    credited_hours: Optional[Number] = Field(None, description="考核合格后认定的学时")
    bands: list[Band] = Field(
        default_factory=list,
        description="成绩等次（从高到低），如 优秀 90–100、良好 75–89.9、合格 60–74.9、不合格 60分以下；"
        "应首尾相接、互不重叠、不超过满分",
    )
    formula: Optional[Text] = Field(None, description="计分公式说明")

    @property
    def item_points(self) -> float:
        """The points of the items that carry points (a practical task may carry none)."""
        return sum(i.points for i in self.items if i.points is not None)

    @property
    def pointed_items(self) -> list["AssessmentItem"]:
        return [i for i in self.items if i.points is not None]


class EvaluationItem(PlanModel):
    """A weighted indicator of an evaluation table (seed: the tutor evaluation)."""

    model_config = zh("评价指标", "加权评价表中的一个指标：类别、指标、描述、评价方式和权重。")

    category: Optional[Text] = Field(None, description="类别，如“过程性评价”")
    indicator: Text = Field(description="评价指标")
    sub: Optional[Text] = Field(None, description="下级指标（指标下再分项时填写，如“学情统计”）")
    description: Optional[Text] = Field(None, description="指标描述")
    method: Optional[Text] = Field(None, description="评价方式")
    weight: Percent = Field(description="权重（写 15 表示 15%）")


class Evaluation(PlanModel):
    """A weighted evaluation table (e.g. of class tutors); weights sum to 100%."""

    model_config = zh("加权评价表", "加权评价表（如对班级辅导者的评价），各指标权重之和为 100%。")

    id: Text = Field(description="评价表名称，供正文引用，如“班级辅导者”")
    caption: Optional[Text] = Field(None, description="表题")
    items: list[EvaluationItem] = Field(description="评价指标，权重之和应为 100%")


class RubricRow(PlanModel):
    """One row of a rubric item that takes several rows: its own points, requirement and rule."""

    model_config = zh("评分项目的一行", "占几行的评分项目中的一行：本行分值、要求和评分办法。")

    points: Optional[Number] = Field(None, description="本行分值；各行都写时，项目的 points 应等于各行之和（PL209）")
    requirement: Optional[Text] = Field(None, description="本行要求")
    deduction: Optional[Text] = Field(None, description="本行评分办法，如“每少1次扣1分”")


class RubricItem(PlanModel):
    """A rubric line: points, requirement and deduction rule (“每少1次扣1分”); an item of
    several rows lists them in ``rows`` and its name cell spans them all."""

    model_config = zh("评分项目", "评分细则的一项：分值、要求和扣分办法（“每少1次扣1分”）；分几行时写在 rows 中，项目单元格纵向合并。")

    name: Text = Field(description="项目（考核内容）")
    points: Optional[Number] = Field(
        None, description="分值；写了 rows 且各行有分值时可不写（按各行之和计），都写时应相等（PL209）"
    )
    requirement: Optional[Text] = Field(None, description="要求（没有 rows 时）")
    deduction: Optional[Text] = Field(None, description="扣分办法（评分办法），如“每少1次扣1分”（没有 rows 时）")
    rows: list[RubricRow] = Field(
        default_factory=list,
        description="项目分几行时逐行写出（分值、要求、评分办法），表中项目单元格纵向合并；各行不写分值时项目的分值单元格也合并",
        examples=[[{"points": 4, "requirement": "按时参加集中研修", "deduction": "缺一次扣1分"},
                   {"points": 6, "requirement": "提交研修日志", "deduction": "少一篇扣2分"}]],
    )

    @model_validator(mode="after")
    def _has_points(self) -> "RubricItem":
        if self.points is None and not any(r.points is not None for r in self.rows):
            raise PydanticCustomError(
                "rubric_item_points", "rubric item '{name}' has no points: give points, or points on its rows",
                {"name": self.name, "at": ("name",)},
            )
        if self.rows and (self.requirement is not None or self.deduction is not None):
            raise PydanticCustomError(
                "rubric_item_rows_text", "rubric item '{name}' has rows: write its requirement and deduction on the rows",
                {"name": self.name, "at": ("requirement" if self.requirement is not None else "deduction",)},
            )
        return self

    @property
    def row_points(self) -> float | None:
        """The sum of the rows' points, when a row has points."""
        pts = [r.points for r in self.rows if r.points is not None]
        return sum(pts) if pts else None

    @property
    def score(self) -> float:
        """The item's points: as written, else the sum of its rows'."""
        return self.points if self.points is not None else self.row_points  # type: ignore[return-value]

    @property
    def lines(self) -> list[RubricRow]:
        """The table rows of the item: its rows, or one row of its own fields."""
        return self.rows or [RubricRow(points=self.points, requirement=self.requirement, deduction=self.deduction)]

    @property
    def merged_points(self) -> bool:
        """Whether the item's points cell spans its rows (the rows carry no points of their own)."""
        return len(self.rows) > 1 and all(r.points is None for r in self.rows)


class RubricHeaders(PlanModel):
    """The rubric's column headers as the plan prints them; each may cite figures with {=…}."""

    model_config = zh("评分细则列标题", "评分细则表印出的列标题，可用 {=…} 引用数字。")

    name: Text = Field("项目", description="项目列的标题，如“考核内容”")
    points: Text = Field("分值", description="分值列的标题，可带计算出的总分，如“分值（{=rubrics.校本研修.total}分）”")
    requirement: Text = Field("要求", description="要求列的标题")
    deduction: Text = Field("扣分办法", description="扣分办法列的标题，如“评分办法”")


class Rubric(PlanModel):
    """A scoring rubric whose items sum to a stated total."""

    model_config = zh("评分细则", "评分细则表：各项分值之和等于总分。")

    id: Text = Field(description="评分细则名称，供正文引用")
    caption: Optional[Text] = Field(None, description="表题")
    total: Optional[Number] = Field(None, description="总分；各项分值之和应等于它（PL206）；不写时按各项之和计")
    headers: RubricHeaders = Field(
        default_factory=RubricHeaders,
        description="列标题，默认 项目 / 分值 / 要求 / 扣分办法；要求、扣分办法两列只在有内容时出现",
        examples=[{"name": "考核内容", "points": "分值（{=rubrics.校本研修.total}分）", "requirement": "要求", "deduction": "评分办法"}],
    )
    unit: Words = Field("", description="分值单元格中数字后的单位，如写“分”则印作“4分”；默认不写")
    total_row: bool = Field(True, description="是否在表末加合计行（有总分时）；有的方案不印合计行，写 false")
    total_label: Text = Field("合计", description="合计行的名称，如“总分”")
    items: list[RubricItem] = Field(description="评分项目")

    @property
    def item_sum(self) -> float:
        return sum(it.score for it in self.items)

    @property
    def score(self) -> float:
        """The total: as written, else the items' sum."""
        return self.total if self.total is not None else self.item_sum
