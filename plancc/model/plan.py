"""The plan: the root of the model and the one function that builds it."""

from typing import Literal, Optional, Union

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from plancc.model.assessment import Assessment, Evaluation, Rubric
from plancc.model.base import PlanModel, Text, zh
from plancc.model.curriculum import Catalog, ModuleSet
from plancc.model.document import Document
from plancc.model.figures import FigureLike, FigureName, Rates
from plancc.model.hours import Hours
from plancc.model.outline import Body
from plancc.model.people import Audience, Group, Post, Stage, Tier
from plancc.model.period import Period
from plancc.model.schedule import Mode, Phase

SCHEMA_VERSION = 1

PlanKind = Literal["annual", "cycle", "project", "new_teacher", "school_based", "semester"]
#: what the required hours of a plan of each kind cover, unless hours.scope says otherwise
KIND_SCOPES = {"annual": "year", "cycle": "cycle", "project": "project", "new_teacher": "probation",
               "school_based": "year", "semester": "semester"}


class Plan(PlanModel):
    """一份教师继续教育培训实施方案。"""

    model_config = zh("plancc 培训实施方案", "一份教师继续教育培训实施方案：公文要素、培训时间、学时、对象、课程、进度、考核和正文各节。")

    plancc: Literal[1] = Field(description="计划语言版本，目前为 1")
    include: Union[Text, list[Text], None] = Field(
        None, description="共用定义文件（相对于本文件）：先读入它们，本文件中写的键优先；用于多份计划共用学段、层次、政策数值和通用章节"
    )
    template: Optional[Text] = Field(None, description="渲染所用模板的名称或路径（默认 default）")
    kind: Optional[PlanKind] = Field(
        None,
        description="方案类别：annual 年度全员培训、cycle 多年周期规划、project 培训项目、new_teacher 新教师培训、"
        "school_based 校本研修、semester 学期研修；不写时有 period.year 即为 annual，只有周期为 cycle。"
        "各规则按类别比较同类数字（如三年项目的学时不按年度下限衡量）",
    )
    document: Document = Field(title="公文要素", description="标题、附件标识、依据文件、导语、落款等")
    period: Optional[Period] = Field(None, description="培训年度、周期与培训时间")
    audience: Union[Text, Audience, None] = Field(None, description="培训对象；可直接写文字")
    hours: Optional[Hours] = Field(None, description="学时要求")
    rates: Optional[Rates] = Field(None, description="换算率（每学时分钟数、每天学时数、每学分学时数），声明一次，各处算式共用")
    figures: dict[FigureName, FigureLike] = Field(
        default_factory=dict,
        description="其他有名称的数字（人数、名额、比例、各学段学时……）及其组成和算法；正文用 {=figures.名称} 引用",
    )
    tiers: list[Tier] = Field(default_factory=list, description="教师层次（按教龄）")
    stages: list[Stage] = Field(default_factory=list, description="学段，及各学段×层次的主题与目标")
    posts: list[Post] = Field(default_factory=list, description="分岗项目：班主任、校长、园长、党组织书记等")
    modes: list[Mode] = Field(default_factory=list, description="培训方式")
    module_sets: list[ModuleSet] = Field(default_factory=list, title="模块组", description="各学段×层次或岗位的模块组")
    catalog: Optional[Catalog] = Field(None, description="课程目录（学段/学科/模块/课程）")
    phases: list[Phase] = Field(default_factory=list, description="培训进度安排（各阶段）")
    assessments: list[Assessment] = Field(default_factory=list, description="考核方案")
    evaluations: list[Evaluation] = Field(default_factory=list, description="加权评价表（如对班级辅导者的评价）")
    rubrics: list[Rubric] = Field(default_factory=list, description="评分细则")
    groups: list[Group] = Field(default_factory=list, title="小组", description="领导小组、工作小组、专家组、学员分组等：成员及职务、办公室、职责；正文用 {group: 简称} 呈现")
    sections: Body = Field(default_factory=list, description="正文各节（一、二、三……），编号自动生成，形式可由各节的 numbering 指定")
    wording: dict[str, Text] = Field(
        default_factory=dict,
        description="整份计划的句式：数据块生成的句子按这里的写法（键是句子名称，见“句式”一节），"
        "如 module_set: \"{=verb}{=names}共{=count}个模块{?共{=hours}学时}{=ending}\"；"
        "块自己的 wording 优先，plancc.toml 的 [wording] 在它之下",
    )

    @field_validator("wording")
    @classmethod
    def _check_wording(cls, value: dict[str, str]) -> dict[str, str]:
        from plancc.text.wording import PatternError, check_entry

        for key, pattern in value.items():
            try:
                check_entry(key, pattern, None)
            except PatternError as exc:
                raise PydanticCustomError("value_error", "{error}", {"error": exc, "at": (key,)}) from None
        return value

    @model_validator(mode="after")
    def _check_wording_items(self) -> "Plan":
        """A block's ``key[item]`` names an item the block writes (a module set it lists, a
        component of its assessment, a phase …), located at the pattern."""
        from plancc.text.wording import item_problem

        def walk(sections, path):
            for i, s in enumerate(sections):
                for j, blk in enumerate(s.content):
                    for key in getattr(blk, "wording", None) or {}:
                        if "[" in key:
                            problem = item_problem(key, self, blk)
                            if problem is not None:
                                at = (*path, i, "content", j, "wording", key)
                                raise PydanticCustomError("value_error", "{error}", {"error": problem, "at": at})
                walk(s.sections, (*path, i, "sections"))

        walk(self.sections, ("sections",))
        return self

    # -- lookups used by rules and templates ------------------------------
    def stage(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

    def tier(self, name: str) -> Tier | None:
        return next((t for t in self.tiers if t.name == name), None)

    def module_set(self, id: str) -> ModuleSet | None:
        return next((m for m in self.module_sets if m.id == id), None)

    def assessment(self, id: str) -> Assessment | None:
        return next((a for a in self.assessments if a.id == id), None)

    def evaluation(self, id: str) -> Evaluation | None:
        return next((e for e in self.evaluations if e.id == id), None)

    def rubric(self, id: str) -> Rubric | None:
        return next((r for r in self.rubrics if r.id == id), None)

    @property
    def issue_date(self):
        """The plan's date for the document's properties: its written date, else the start of
        its period, else its year (PartialDate, or None)."""
        from plancc.model.dates import PartialDate

        if self.document.date:
            return self.document.date
        p = self.period
        if p is not None:
            if p.start:
                return p.start
            if p.year:
                return PartialDate(p.year, 1)
            if p.school_year_range:
                return PartialDate(p.school_year_range[0], 9)
        return None

    @property
    def plan_kind(self) -> str:
        """The kind written, or the one the period implies."""
        if self.kind:
            return self.kind
        p = self.period
        if p is not None and p.cycle is not None and p.year is None and not p.school_year:
            return "cycle"
        return "annual"

    @property
    def hours_scope(self) -> str:
        """What ``hours.required`` covers: written, or the plan kind's usual scope."""
        if self.hours is not None and self.hours.scope:
            return self.hours.scope
        return KIND_SCOPES[self.plan_kind]

    @property
    def audience_text(self) -> str | None:
        if self.audience is None:
            return None
        return self.audience if isinstance(self.audience, str) else self.audience.description
