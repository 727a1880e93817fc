"""What is taught: module sets (per stage × tier or per post) and the course catalog."""

from typing import Any, Literal, Optional, Union

from pydantic import Field, model_validator

from plancc.model.base import Number, PlanModel, Text, Words, zh


class Module(PlanModel):
    """A module; written as plain text when it has no hours of its own."""

    model_config = zh("模块", "一个课程模块；没有自己的学时时可直接写名称。")

    name: Text = Field(description="模块名称")
    hours: Optional[Number] = Field(None, description="本模块学时")
    compulsory: bool = Field(False, description="是否必修（必学）；必学模块组（compulsory: true）中的模块都是必学")
    description: Union[Text, list[Text], None] = Field(
        None, description="模块说明（modules 块写 style: sections 时作为该模块小节的正文）；多段时写成列表"
    )

    @property
    def paragraphs(self) -> list[str]:
        if self.description is None:
            return []
        return [self.description] if isinstance(self.description, str) else list(self.description)


class ModuleSet(PlanModel):
    """The modules offered to one group, rendered as
    “{label}：{verb}A、B……N个模块共H学时的{offer}。”"""

    model_config = zh("模块组", "提供给一类教师的模块，渲染为“{称呼}：{动词}A、B……N个模块共H学时的{句尾}。”")

    id: Text = Field(description="模块组的名称，供正文和其他地方引用，如“幼儿园新教师”")
    label: Optional[Text] = Field(None, description="句首的对象称呼，如“幼儿园新教师”；不写则句子不带称呼")
    stage: Optional[Text] = Field(None, description="对应的学段名称（须在 stages 中）")
    tier: Optional[Text] = Field(None, description="对应的层次名称（须在 tiers 中）")
    post: Optional[Text] = Field(None, description="对应的岗位名称（须在 posts 中）")
    verb: Words = Field("设置", description="动词，如“设置”“提供”")
    modules: list[Union[Text, Module]] = Field(description="模块列表；只有名称时直接写文字")
    total_hours: Optional[Number] = Field(None, description="本组课程总学时（“共100学时”）；各模块都写了学时时应等于其和")
    module_count: Optional[int] = Field(
        None, ge=0, le=1000, description="原文声明的模块数（仅用于核对：与模块列表数目不符时 validate 会报告；渲染总是按列表计数）"
    )
    offer: Words = Field("课程供参训教师选学", description="句尾，如“网络研修课程供参训教师选择”")
    compulsory: Optional[bool] = Field(
        None, title="必学或选学", description="本组是必学（true）还是选学（false）的一部分；modules 块写 style: parts 时印作“第一部分：（必学）……”；不写则不分"
    )

    @property
    def part_kind(self) -> str | None:
        """“compulsory”, “elective”, or None when the set is not marked."""
        return None if self.compulsory is None else ("compulsory" if self.compulsory else "elective")

    @property
    def compulsory_modules(self) -> list[Module]:
        """The modules every teacher of the set must take: all of a compulsory set, the marked ones of another."""
        return self.items if self.compulsory else [m for m in self.items if m.compulsory]

    @property
    def compulsory_hours(self) -> float | None:
        """The hours of the compulsory modules: the set's hours for a compulsory set,
        else the sum of its compulsory modules' when each has hours."""
        if self.compulsory:
            return self.hours
        mods = self.compulsory_modules
        if mods and all(m.hours is not None for m in mods):
            return sum(m.hours for m in mods)  # type: ignore[misc]
        return None

    @property
    def audience(self) -> tuple:
        """Whom the set addresses (stage, tier, post): the sets of one audience are what one teacher takes."""
        return (self.stage, self.tier, self.post)

    @property
    def items(self) -> list[Module]:
        return [m if isinstance(m, Module) else Module(name=m) for m in self.modules]

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.items]

    @property
    def summed_hours(self) -> float | None:
        items = self.items
        if items and all(m.hours is not None for m in items):
            return sum(m.hours for m in items)  # type: ignore[misc]
        return None

    @property
    def hours(self) -> float | None:
        return self.total_hours if self.total_hours is not None else self.summed_hours


class Course(PlanModel):
    """One catalog row: 学段 / 学科 / 模块 / 课程 (/ 学时)."""

    model_config = zh("课程", "课程目录的一行：学段、学科、模块、课程（及学时）。")

    stage: Text = Field(description="学段，如“初中”；通用课程写“通识”")
    subject: Words = Field("", description="学科；通识课程留空")
    module: Text = Field(description="所属模块")
    title: Text = Field(description="课程名称")
    hours: Optional[Number] = Field(None, description="课程学时（可选）")
    minutes: Optional[Number] = Field(None, description="课程时长（分钟，可选）")


_ROW_KEYS = ("stage", "subject", "module", "title", "hours")


class Catalog(PlanModel):
    """课程目录表。每行可写成列表 [学段, 学科, 模块, 课程, 学时?]，也可写成映射。"""

    model_config = zh("课程目录", "课程目录表。每行可写成列表 [学段, 学科, 模块, 课程, 学时?]，也可写成映射。")

    caption: Optional[Text] = Field(None, description="表题")
    module_set: Optional[Text] = Field(None, description="目录对应的模块组 id；写了就核对目录中的模块名称都在该组中")
    courses: list[Course] = Field(description="课程行：[学段, 学科, 模块, 课程] 或 [学段, 学科, 模块, 课程, 学时]")
    show_hours: bool = Field(False, description="是否在表中显示学时列")

    @model_validator(mode="before")
    @classmethod
    def _rows_as_lists(cls, data: Any) -> Any:
        # Thousands of rows read best as short lists; turn them into mappings
        # here so every later stage sees one shape (indices keep locations).
        if isinstance(data, dict) and isinstance(data.get("courses"), list):
            rows = []
            for row in data["courses"]:
                if isinstance(row, list):
                    if not 4 <= len(row) <= 5:
                        rows.append({"_row_length": len(row)})
                        continue
                    rows.append(dict(zip(_ROW_KEYS, row)))
                else:
                    rows.append(row)
            data = {**data, "courses": rows}
        return data


ThemeStyle = Literal["list", "table"]
