"""The body of the document: nested sections holding prose and data blocks.

Section numbers (一、（一）1.（1）) come from nesting, never from the text. A
block is either prose (a string, a styled paragraph, a list, a small table)
or a reference to plan data (themes, module sets, the catalog, phases,
assessments …) that the template turns into sentences or tables, so every
figure in them is computed.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AfterValidator, BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from plancc.model.base import Words, PlanModel, Text, _finite

#: Word cannot show a table with more columns than this.
MAX_TABLE_COLUMNS = 63

Width = Annotated[float, Field(gt=0, le=1_000_000), BeforeValidator(_finite)]
"""A relative column width: a positive finite number."""

Cell = Union[Words, int, Annotated[float, AfterValidator(_finite)]]


class Paragraph(PlanModel):
    """A paragraph with options; a plain string is the common short form."""

    text: Text = Field(description="段落文字（可用 **加粗**，可引用数据如 {=hours.required}）")
    style: Literal["body", "caption", "note", "plain"] = Field(
        "body", description="样式：body 正文（首行缩进）、caption 居中标注、note 备注、plain 无缩进"
    )
    bold: bool = Field(False, description="整段加粗")


class ItemList(PlanModel):
    """Items numbered ①②③ (or without numbers)."""

    items: list[Text] = Field(description="列表项")
    numbered: bool = Field(True, description="是否用 ①②③ 编号")


class TableSpec(PlanModel):
    caption: Optional[Text] = Field(None, description="表题")
    columns: list[Text] = Field(description="列标题（1 至 63 列）", min_length=1, max_length=MAX_TABLE_COLUMNS)
    widths: Optional[list[Width]] = Field(None, description="各列相对宽度（正数，个数与列数相同），如 [1, 1, 3]")
    rows: list[list[Cell]] = Field(description="表格各行，每行是与列数相同的文字或数字列表")
    merge: list[int] = Field(default_factory=list, description="相邻相同内容纵向合并的列（从 1 数起）")

    @model_validator(mode="after")
    def _fits_columns(self) -> "TableSpec":
        """Every row, the widths and the merge columns match the columns, each located
        at the item at fault (``at`` in the error context extends its location)."""
        n = len(self.columns)
        for i, row in enumerate(self.rows):
            if len(row) != n:
                raise PydanticCustomError(
                    "table_row_cells", "row {row} has {cells} cell(s) but the table has {columns} column(s)",
                    {"row": i + 1, "cells": len(row), "columns": n, "at": ("rows", i)},
                )
        if self.widths is not None and len(self.widths) != n:
            raise PydanticCustomError(
                "table_widths_count", "{widths} width(s) for {columns} column(s)",
                {"widths": len(self.widths), "columns": n, "at": ("widths",)},
            )
        for i, col in enumerate(self.merge):
            if not 1 <= col <= n:
                raise PydanticCustomError(
                    "table_merge_column", "merge column {col} is not one of the columns 1 to {columns}",
                    {"col": col, "columns": n, "at": ("merge", i)},
                )
        return self


class TableBlock(PlanModel):
    """A small free table written in the plan."""

    table: TableSpec = Field(description="表格")


class ThemesBlock(PlanModel):
    """The stage × tier themes, as a nested list or as a table with merged stage cells."""

    themes: Literal["list", "table"] = Field(description="list：按学段分项列出；table：学段×层次主题表")
    caption: Optional[Text] = Field(None, description="表题（table 时）")


class GoalsBlock(PlanModel):
    """Each stage's goals as a labelled paragraph."""

    goals: Literal["stages"] = Field(description="写 stages：按学段列出各学段的培训目标")


class PostsBlock(PlanModel):
    """One numbered subsection per post: 培训主题, 培训目标 (and module set)."""

    posts: Literal["all"] = Field(description="写 all：按岗位逐项列出主题与目标")


class ModulesBlock(PlanModel):
    """Sentences generated from module sets, numbered when there are several."""

    module_sets: list[Text] = Field(description="要列出的模块组 id")
    numbered: bool = Field(True, description="多个模块组时是否编号为 1. 2. …")
    style: Literal["sentence", "sections"] = Field(
        "sentence", description="sentence：每个模块组一句话；sections：每个模块一个编号小节（模块名称为小标题，模块说明为正文）"
    )
    lead: Words = Field("", description="同一段中模块句子之前的文字（sentence 时），如“根据培训目标要求，……严格按照《……》，”；默认不写")
    ending: Optional[Words] = Field(
        None, description="模块句子在“N个模块（共H学时）”之后的结尾（sentence 时），写了就代替“的{offer}。”，如“，并……增加设置学科教学选修模块。”"
    )


class CatalogBlock(PlanModel):
    """The course catalog table."""

    catalog: Literal["table"] = Field(description="写 table：课程目录表")


class PhasesBlock(PlanModel):
    """The timeline, in one of three layouts."""

    phases: Literal["dated", "staged", "table"] = Field(
        description="dated：“（一）2022年11月15日前，任务”；staged：“第一阶段：名称（时间）”；table：进度表"
    )
    caption: Optional[Text] = Field(None, description="表题（table 时）")


class AssessmentBlock(PlanModel):
    """An assessment scheme as sentences (components) or as a table (items)."""

    assessment: Text = Field(description="考核方案 id")
    style: Literal["text", "table"] = Field("text", description="text：按组成写成条目；table：考核表")


class EvaluationBlock(PlanModel):
    evaluation: Text = Field(description="评价表 id")


class RubricBlock(PlanModel):
    rubric: Text = Field(description="评分细则 id")


class HoursBlock(PlanModel):
    """The hours sentence: 每人年度参训不少于90学时（其中……）。"""

    hours: Literal["sentence"] = Field(description="写 sentence：由学时数据生成的句子")
    lead: Words = Field("每人年度参训", description="句首")


class ExemptionsBlock(PlanModel):
    """The exemption sentence: 参加……的甲、乙教师，在完成60学时的培训任务后，可免于……。"""

    exemptions: Literal["sentence"] = Field(description="写 sentence：由免修数据生成的句子")
    lead: Words = Field(
        "", description="同一段中免修句子之前的文字，如培训对象 {=audience}（“全镇在职中小学教师。”）；默认不写"
    )


class ModesBlock(PlanModel):
    """The delivery modes: “名称：说明” paragraphs, or numbered run-in items 1.名称：说明."""

    modes: Literal["list"] = Field(description="写 list：逐项列出培训方式及说明")
    numbered: bool = Field(False, description="是否把各培训方式编号为下一级小标题（1.名称：说明）")


def _block_kind(value: Any) -> str | None:
    """The tag of a block as written (text or mapping): its first known key."""
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        for key in BLOCK_KEYS:
            if key in value:
                return key
    return None


def block_kind(block: Any) -> str | None:
    """The tag of a validated block: "str", or the key that names its kind."""
    if isinstance(block, str):
        return "str"
    for key in BLOCK_KEYS:
        if key in type(block).model_fields:
            return key
    return None


BLOCK_KEYS = (
    "text",
    "items",
    "table",
    "themes",
    "goals",
    "posts",
    "module_sets",
    "catalog",
    "phases",
    "assessment",
    "evaluation",
    "rubric",
    "hours",
    "exemptions",
    "modes",
)

Block = Annotated[
    Union[
        Annotated[Text, Tag("str")],
        Annotated[Paragraph, Tag("text")],
        Annotated[ItemList, Tag("items")],
        Annotated[TableBlock, Tag("table")],
        Annotated[ThemesBlock, Tag("themes")],
        Annotated[GoalsBlock, Tag("goals")],
        Annotated[PostsBlock, Tag("posts")],
        Annotated[ModulesBlock, Tag("module_sets")],
        Annotated[CatalogBlock, Tag("catalog")],
        Annotated[PhasesBlock, Tag("phases")],
        Annotated[AssessmentBlock, Tag("assessment")],
        Annotated[EvaluationBlock, Tag("evaluation")],
        Annotated[RubricBlock, Tag("rubric")],
        Annotated[HoursBlock, Tag("hours")],
        Annotated[ExemptionsBlock, Tag("exemptions")],
        Annotated[ModesBlock, Tag("modes")],
    ],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message="a block is text, or a mapping with one of the keys: " + ", ".join(BLOCK_KEYS),
        custom_error_context={"keys": ", ".join(BLOCK_KEYS)},
    ),
]



class Section(PlanModel):
    """A numbered section of the body; nesting decides 一、（一）1.（1）."""

    title: Words = Field(
        "",
        description="小标题（不写编号，编号按层级自动生成；可引用数据如 {=phases.count:cn}）；不写时编号直接接正文第一段，如“（一）紧紧围绕……”",
    )
    run_in: bool = Field(False, description="是否把第一段正文接在小标题之后（“三、培训时间：2022年11月—2023年4月。”）")
    numbered: bool = Field(True, description="是否编号；不编号的小标题单独成行")
    content: list[Block] = Field(default_factory=list, description="本节正文：段落、列表、表格或数据块")
    sections: list["Section"] = Field(default_factory=list, description="下级小节")


Section.model_rebuild()
