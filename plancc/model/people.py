"""Who is trained: stages (学段), tiers (层次), posts (岗位) and exemptions."""

from typing import Annotated, Literal, Optional, Union

from pydantic import AfterValidator, Field, TypeAdapter

from plancc.model.base import Keywords, Number, PlanModel, Text, zh

TeachingYears = Annotated[int, Field(ge=0, le=60)]
"""Years of teaching, 0 to 60."""


def _span(v: list) -> list:
    if len(v) != 2 or v[0] is None:
        raise ValueError("教龄范围应写成 [起, 止]，如 [3, 8]，或 [15, null]")
    return v


YearsSpan = Annotated[
    list[Optional[TeachingYears]], AfterValidator(_span),
    # what _span checks: two items, the first given
    Keywords(minItems=2, maxItems=2, prefixItems=lambda: [TypeAdapter(TeachingYears).json_schema()]),
]


class Tier(PlanModel):
    """A career stage defined by years of teaching (新教师 1–2 年, 提升期 15 年以上)."""

    model_config = zh("教师层次", "按教龄划分的教师层次，如新教师 1–2 年、提升期 15 年以上。")

    name: Text = Field(description="层次名称，如“新教师”“成长期教师”")
    years: Optional[YearsSpan] = Field(
        None,
        title="教龄范围",
        description="教龄范围 [起, 止]（含两端）；最后一个层次可写 [15, null] 表示“15年以上”",
        examples=[[1, 2], [15, None]],
    )

    @property
    def years_text(self) -> str:
        if not self.years:
            return ""
        lo, hi = self.years
        return f"教龄{lo}年以上" if hi is None else f"教龄{lo}-{hi}年"


class Stage(PlanModel):
    """A school stage (学段) with its theme per tier and its goals."""

    model_config = zh("学段", "一个学段：各层次的培训主题和本学段的目标。")

    name: Text = Field(description="学段名称，如“学前教育”“义务教育”“高中”")
    label: Optional[Text] = Field(None, description="作小标题时的称呼，如“学前教育教师”“义务教育阶段教师”；默认“名称+教师”")
    cell_prefix: Optional[Text] = Field(None, description="主题列表里各层次前的前缀，如“义务教育段”；默认同名称")
    themes: dict[str, Optional[Text]] = Field(
        default_factory=dict, description="各层次的培训主题：层次名称 → 主题；明确不设主题时写 null"
    )
    goals: Optional[Text] = Field(None, description="本学段的培训目标")
    goals_label: Optional[Text] = Field(None, description="目标段落前的标签，默认“标签+目标”")

    @property
    def heading(self) -> str:
        return self.label or f"{self.name}教师"

    @property
    def prefix(self) -> str:
        return self.cell_prefix or self.name

    @property
    def goals_heading(self) -> str:
        return self.goals_label or f"{self.heading}目标"


class Post(PlanModel):
    """A post-based project (分岗项目): 班主任, 校长, 园长, 党组织书记."""

    model_config = zh("分岗项目", "按岗位设置的培训项目，如班主任、校长、园长、党组织书记。")

    name: Text = Field(description="岗位名称，如“班主任”")
    title: Optional[Text] = Field(None, description="项目小标题，如“班主任培训”；默认同岗位名称")
    theme: Optional[Text] = Field(None, description="培训主题")
    goals: Optional[Text] = Field(None, description="培训目标")
    hours: Optional[Number] = Field(None, description="本岗位项目的学时")

    @property
    def heading(self) -> str:
        return self.title or self.name


class Exemption(PlanModel):
    """Teachers exempted from part of the hours (e.g. 60 学时 of provincial training done)."""

    model_config = zh("免修规定", "可免修部分学时的教师（如已参加省培 60 学时）：名单、依据和学时。")

    teachers: list[Text] = Field(default_factory=list, description="免修教师姓名")
    reason: Optional[Text] = Field(None, description="免修依据，如“参加2024年度省培”")
    hours: Optional[Number] = Field(None, description="须已完成的学时")
    component: Optional[Text] = Field(None, description="免修的学时组成部分名称（须与 hours.components 中的名称一致）")


class Audience(PlanModel):
    """培训对象。"""

    model_config = zh("培训对象", "培训对象：表述、参训人数和免修规定。")

    description: Text = Field(description="培训对象的表述，如“全镇在职中小学教师。”")
    count: Optional[int] = Field(None, ge=0, le=10_000_000, description="参训人数")
    exemptions: list[Exemption] = Field(default_factory=list, description="免修规定")


AudienceLike = Union[Text, Audience]


# ---- groups: who leads and runs the training ---------------------------------

GroupKind = Literal["leadership", "working", "expert", "trainees", "tutors", "other"]
"""What a group is: 领导小组, 工作小组, 专家指导组, 学员分组, 辅导者团队, or another."""


#: Roles that head a group besides the “…长” ones (组长, 班长, 执行组长): never a “副…”.
HEAD_ROLES = ("主任", "首席专家", "坊主", "负责人", "召集人", "主持人")


def heads(role: str) -> bool:
    """Whether a role heads its group: 组长, 常务组长, 主任, 首席专家 — not 副组长, 成员, 秘书."""
    return "副" not in role and (role.endswith("长") or role in HEAD_ROLES)


class Member(PlanModel):
    """One person in a group: role, name and post (组长：张三（县教育体育局局长））."""

    model_config = zh("小组成员", "小组中的一个人：职务、姓名和本人职务（组长：张三（县教育体育局局长））。")

    name: Text = Field(description="姓名，如“张三”；也可写一类人，如“各中小学校长”")
    role: Text = Field("成员", description="在小组中的职务：组长、副组长、成员、秘书、学习委员、坊主……；默认“成员”")
    post: Optional[Text] = Field(None, description="本人的职务或单位，如“县教育体育局局长”；渲染在姓名后的括号里")


MemberLike = Union[Text, Member]
"""A member: a name alone (a 成员), or a mapping with role and post."""


class Office(PlanModel):
    """The group's office (领导小组下设办公室，办公室设在……，由……兼任办公室主任)."""

    model_config = zh("小组办公室", "小组下设的办公室：设在哪里、由谁兼任主任、负责什么。")

    at: Text = Field(description="办公室设在哪里，如“县教研师训办”")
    head: Optional[Text] = Field(None, description="办公室主任姓名；是小组成员时写作“由某某兼任办公室主任”")
    duties: Optional[Text] = Field(None, description="办公室的职责，接在主任之后，如“负责培训的日常管理工作”")


class Group(PlanModel):
    """A leadership, working, expert or trainee group, with its members, office and duties."""

    model_config = zh("小组", "领导小组、工作小组、专家组或学员分组：成员、办公室和职责。")

    id: Text = Field(description="小组的简称，供正文 {group: …} 和 {=groups.简称.组长} 引用，如“领导小组”")
    name: Optional[Text] = Field(None, description="小组全称，如“宾川县教师全员培训工作领导小组”；默认同简称")
    kind: GroupKind = Field(
        "working",
        description="类别：leadership 领导小组、working 工作小组、expert 专家指导组、trainees 学员分组、tutors 辅导者团队、other 其他",
    )
    members: list[MemberLike] = Field(
        default_factory=list,
        description="成员，按渲染顺序；只写姓名的是“成员”，要写职务时写 {role: 组长, name: 张三, post: 县教育体育局局长}",
        examples=[[{"role": "组长", "name": "张三", "post": "县教育体育局局长"}, {"role": "副组长", "name": "李四"}, "王五", "赵六"]],
    )
    office: Optional[Office] = Field(None, description="下设办公室")
    duties: Union[Text, list[Text], None] = Field(
        None, description="小组的职责：一段文字，或逐条列出（渲染为 ①②③）", examples=["负责全县教师培训工作的统筹规划和组织领导。"]
    )

    @property
    def title(self) -> str:
        return self.name or self.id

    @property
    def people(self) -> list[Member]:
        """Every member as a :class:`Member` (a bare name is a 成员)."""
        return [Member(name=m) if isinstance(m, str) else m for m in self.members]

    @property
    def roles(self) -> list[tuple[str, list[Member]]]:
        """(role, its members) in the order each role first appears."""
        out: dict[str, list[Member]] = {}
        for m in self.people:
            out.setdefault(m.role, []).append(m)
        return list(out.items())

    @property
    def heads(self) -> list[Member]:
        """The members heading the group (组长 …), in order."""
        return [m for m in self.people if heads(m.role)]

    def has_member(self, name: str) -> bool:
        return any(m.name == name for m in self.people)
