"""Blocks of a section's content: the model of each kind, and the one registry of kinds.

A block is plain text, or a mapping whose key names its kind: ``{text: …}``,
``{items: […]}`` and ``{table: …}`` hold prose written in the plan; the others
(``{themes: table}``, ``{assessment: 分层项目}`` …) refer to plan data that the
template turns into sentences or tables, so every figure in them is computed.

:data:`KINDS` is the one list of kinds. Everything else derives from it: the
:data:`Block` union and its discriminator (the tags are the keys), the keys an
error message offers, the coverage rules (the data a block shows, the ids it
names, the lists it counts) and the template macro that renders a kind
(``block_<key>``, see :mod:`plancc.layout.blocks`). A new kind is a model class here,
an entry in :data:`KINDS` and a macro in ``templates/default/blocks.xml.j2``.
"""

import sys
from dataclasses import dataclass
from typing import Annotated, Any, Callable, ClassVar, Literal, Optional, Union

from pydantic import AfterValidator, BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from plancc.model.base import _finite, Keywords, PlanModel, Text, Words, zh
from plancc.model.numbering import NumberingForm

#: Word cannot show a table with more columns than this.
MAX_TABLE_COLUMNS = 63

Width = Annotated[float, Field(gt=0, le=1_000_000), BeforeValidator(_finite)]
"""A relative column width: a positive finite number."""

#: the largest finite float: “finite” in JSON Schema's words (NaN cannot be written in JSON)
_FINITE = sys.float_info.max

Cell = Union[Words, int, Annotated[float, AfterValidator(_finite), Keywords(minimum=-_FINITE, maximum=_FINITE)]]


class Paragraph(PlanModel):
    """A paragraph with options; a plain string is the common short form."""

    model_config = zh("段落", "带选项的段落（样式、加粗）；普通段落直接写文字即可。")

    text: Text = Field(description="段落文字（可用 **加粗**，可引用数据如 {=hours.required}）")
    style: Literal["body", "caption", "note", "plain"] = Field(
        "body", description="样式：body 正文（首行缩进）、caption 居中标注、note 备注、plain 无缩进"
    )
    bold: bool = Field(False, description="整段加粗")


class ItemList(PlanModel):
    """Items numbered in the rung after their section's (1. under （一）), in a form of their own, or not at all."""

    model_config = zh("列表", "正文中的列表：按所在小节的下一层编号，或指定编号形式，或不编号。")

    items: list[Text] = Field(description="列表项")
    numbered: bool = Field(True, description="是否编号")
    numbering: Optional[NumberingForm] = Field(
        None, description="编号形式：一、 （一） 1. （1） ① A. a.；不写时用所在小节的下一层（“（一）”下的列表编为 1. 2. 3.）"
    )


class TableCell(PlanModel):
    """A cell written as a mapping: one that spans several columns, or continues the cell above it."""

    model_config = zh("单元格", "写成映射的单元格：横向合并几列（span），或与上一行的单元格纵向合并（merge: up）。")

    text: Cell = Field("", description="单元格文字或数字")
    span: int = Field(1, ge=1, le=MAX_TABLE_COLUMNS, description="横向合并：占几列（默认 1）")
    merge: Optional[Literal["up"]] = Field(
        None, title="纵向合并", description="写 up：与上一行同一位置的单元格纵向合并（本格不写文字，占的列数与上一格相同）"
    )


AnyCell = Union[Cell, TableCell]


def cell_span(cell) -> int:
    return cell.span if isinstance(cell, TableCell) else 1


def _starts(row: list) -> dict[int, int]:
    """Grid column (0-based) where each cell of a row starts → its span."""
    out, pos = {}, 0
    for cell in row:
        out[pos] = cell_span(cell)
        pos += cell_span(cell)
    return out


class TableSpec(PlanModel):
    model_config = zh("表格", "表格：表题、列标题或多行表头、各列宽度、各行和纵向合并的列。")

    caption: Optional[Text] = Field(None, description="表题")
    columns: Optional[list[Words]] = Field(
        None, description="列标题（1 至 63 列；可为空白）；写了 header 时可不写（取 header 末行）", min_length=1,
        max_length=MAX_TABLE_COLUMNS,
    )
    header: Optional[list[list[AnyCell]]] = Field(
        None, description="多行表头（代替 columns 印出）：每行的单元格同 rows，可横向合并（span）、纵向合并（merge: up）",
        min_length=1, max_length=8,
    )
    widths: Optional[list[Width]] = Field(None, description="各列相对宽度（正数，个数与列数相同），如 [1, 1, 3]")
    rows: list[list[AnyCell]] = Field(
        description="表格各行，每行是与列数相同的文字或数字列表；合并的格写成 {text: 合计, span: 2} 或 {merge: up}"
    )
    merge: list[int] = Field(default_factory=list, description="相邻相同内容纵向合并的列（从 1 数起）")

    @property
    def column_count(self) -> int:
        if self.columns is not None:
            return len(self.columns)
        return sum(cell_span(c) for c in (self.header or [[]])[0])

    @property
    def titles(self) -> list[str]:
        """Each column's name: ``columns``, else the header's last row (a cell over several
        columns names each; a merged-up cell takes the text above it)."""
        if self.columns is not None:
            return list(self.columns)
        names = [""] * self.column_count
        for row in self.header or []:
            pos = 0
            for cell in row:
                span = cell_span(cell)
                text = cell.text if isinstance(cell, TableCell) else cell
                if not (isinstance(cell, TableCell) and cell.merge == "up"):
                    for k in range(pos, min(pos + span, len(names))):
                        names[k] = str(text)
                pos += span
        return names

    @model_validator(mode="after")
    def _fits_columns(self) -> "TableSpec":
        """Every row, the widths and the merge columns match the columns, each located
        at the item at fault (``at`` in the error context extends its location)."""
        if self.columns is None and self.header is None:
            raise PydanticCustomError("table_no_columns", "a table needs columns (or header rows)", {"at": ()})
        n = self.column_count
        for part, rows in (("header", self.header or []), ("rows", self.rows)):
            above: Optional[dict[int, int]] = None  # a body cell does not merge into the header
            for i, row in enumerate(rows):
                width = sum(cell_span(c) for c in row)
                if width != n:
                    raise PydanticCustomError(
                        "table_row_cells", "row {row} has {cells} cell(s) but the table has {columns} column(s)",
                        {"row": i + 1, "cells": width, "columns": n, "at": (part, i)},
                    )
                pos = 0
                for j, cell in enumerate(row):
                    if isinstance(cell, TableCell) and cell.merge == "up":
                        if above is None or above.get(pos) != cell.span:
                            raise PydanticCustomError(
                                "table_merge_up", "cell {cell} of row {row} continues the cell above it, but there is "
                                "no cell of the same width above it", {"cell": j + 1, "row": i + 1, "at": (part, i, j)},
                            )
                        if cell.text not in ("", None):
                            raise PydanticCustomError(
                                "table_merge_up_text", "cell {cell} of row {row} continues the cell above it and cannot "
                                "have text of its own", {"cell": j + 1, "row": i + 1, "at": (part, i, j, "text")},
                            )
                    pos += cell_span(cell)
                above = _starts(row)
        if self.columns is not None and self.header is not None:
            raise PydanticCustomError("table_columns_and_header", "write columns or header, not both", {"at": ("header",)})
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


WORDING_DESCRIPTION = (
    "本块生成的句子的句式：键是句子名称（见“句式”一节），值是用 {=名称} 引用条目数值的文字，如"
    " module_set: \"{=verb}{=names}共{=count}个模块{?共{=hours}学时}{=ending}\"；"
    "{?……} 中的值缺少时整段不写；键后加 [条目] 只用于一个条目，如 module_set[幼儿园成熟期教师]"
)


class _Worded(PlanModel):
    """A block that writes sentences: its ``wording:`` patterns are checked against the
    registry of sentences (plancc.text.wording), each error at the pattern at fault."""

    #: the block kind whose sentences ``wording:`` may word
    sentence_block: ClassVar[str] = ""

    @model_validator(mode="after")
    def _check_wording(self):
        from plancc.text.wording import PatternError, check_entry

        for key, pattern in (getattr(self, "wording", None) or {}).items():
            try:
                check_entry(key, pattern, self.sentence_block)
            except PatternError as exc:
                raise PydanticCustomError("value_error", "{error}", {"error": exc, "at": ("wording", key)}) from None
        return self


def _wording_field():
    return Field(default_factory=dict, description=WORDING_DESCRIPTION)


class TableBlock(PlanModel):
    """A small free table written in the plan."""

    model_config = zh("表格块", "计划中直接写出的小表格。")

    table: TableSpec = Field(description="表格")


class ThemesBlock(_Worded):
    """The stage × tier themes, as a nested list or as a table with merged stage cells."""

    model_config = zh("培训主题块", "学段×层次的培训主题：按学段分项列出，或印成学段单元格合并的表格。")

    themes: Literal["list", "table"] = Field(title="呈现方式", description="list：按学段分项列出；table：学段×层次主题表")
    caption: Optional[Text] = Field(None, description="表题（table 时）")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "themes"


class GoalsBlock(_Worded):
    """Each stage's goals as a labelled paragraph."""

    model_config = zh("培训目标块", "按学段列出各学段的培训目标，每段带标签。")

    goals: Literal["stages"] = Field(title="各学段目标", description="写 stages：按学段列出各学段的培训目标")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "goals"


class PostsBlock(_Worded):
    """One numbered subsection per post: 培训主题, 培训目标 (and module set)."""

    model_config = zh("分岗项目块", "每个岗位一个编号小节：培训主题、培训目标（及模块组）。")

    posts: Literal["all"] = Field(title="分岗项目", description="写 all：按岗位逐项列出主题与目标")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "posts"


class ModulesBlock(_Worded):
    """Sentences generated from module sets, numbered when there are several."""

    model_config = zh("模块组块", "由模块组生成的句子、小节或部分；有多个模块组时编号。")

    module_sets: list[Text] = Field(description="要列出的模块组 id")
    numbered: bool = Field(True, description="多个模块组时是否编号（编号形式按所在层级，如一、下为（一））")
    style: Literal["sentence", "sections", "parts"] = Field(
        "sentence", title="呈现方式", description="sentence：每个模块组一句话；sections：每个模块一个编号小节（模块名称为小标题，模块说明为正文）；"
        "parts：每个模块组一部分，小标题“第一部分：（必学）名称”，其下列出各模块（名称、学时、说明）"
    )
    lead: Words = Field("", description="同一段中模块句子之前的文字（sentence 时），如“根据培训目标要求，……严格按照《……》，”；默认不写")
    ending: Optional[Words] = Field(
        None, title="句尾", description="模块句子在“N个模块（共H学时）”之后的结尾（sentence 时），写了就代替“的{offer}。”，如“，并……增加设置学科教学选修模块。”"
    )
    compulsory_word: Words = Field("必学", description="parts 时必学部分小标题括号里的字（句式 module_set.part 的 {=kind}），如“必修”")
    elective_word: Words = Field("选学", description="parts 时选学部分小标题括号里的字（句式 module_set.part 的 {=kind}），如“选修”")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "module_sets"


class TiersBlock(_Worded):
    """The tiers as plans name them: 新教师（教龄1-2年）、成长期教师（教龄3-8年）…, in a sentence or a list
    (sentences ``tiers`` and ``tier``: a tier's own pattern may join it with “和”)."""

    model_config = zh("教师层次块", "按计划的写法列出教师层次：新教师（教龄1-2年）、成长期教师（教龄3-8年）……写成一句或逐项列出。")

    tiers: Literal["sentence", "list"] = Field(
        title="呈现方式",
        description="sentence：写成一句（“新教师（教龄1-2年）、成长期教师（教龄3-8年）……四个层次。”）；list：逐项列出"
    )
    years: bool = Field(True, description="是否在名称后的括号里写教龄范围（“（教龄1-2年）”）")
    lead: Words = Field("", description="同一段中层次之前的文字（sentence 时，句式 tiers 的 {=lead}），如“每个阶段分为”；默认不写")
    ending: Words = Field(
        "{=tiers.count:count}个层次。",
        description="层次之后的结尾（sentence 时，句式 tiers 的 {=ending}），可引用数据，如“{=tiers.count:cn}个不同层次，其中……”；默认“N个层次。”",
    )
    numbered: bool = Field(True, description="list 时是否编号（编号形式按所在层级，如一、下为（一））")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "tiers"


class CatalogBlock(PlanModel):
    """The course catalog table."""

    model_config = zh("课程目录块", "把课程目录印成表格。")

    catalog: Literal["table"] = Field(title="课程目录表", description="写 table：课程目录表")


class PhasesBlock(_Worded):
    """The timeline, in one of three layouts."""

    model_config = zh("进度安排块", "把培训进度安排写进正文：按日期、按阶段或印成进度表。")

    phases: Literal["dated", "staged", "table"] = Field(
        title="呈现方式",
        description="dated：“（一）2022年11月15日前，任务”；staged：“第一阶段：名称（时间）”；table：进度表"
    )
    caption: Optional[Text] = Field(None, description="表题（table 时）")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "phases"


class AssessmentBlock(_Worded):
    """An assessment scheme as sentences (components) or as a table (items)."""

    model_config = zh("考核方案块", "把一个考核方案写进正文：按组成写成条目（text），或印成考核表（table）。")

    assessment: Text = Field(description="考核方案 id")
    style: Literal["text", "table"] = Field("text", title="呈现方式", description="text：按组成写成条目；table：考核表")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "assessment"


class EvaluationBlock(PlanModel):
    model_config = zh("评价表块", "把一张加权评价表印进正文。")

    evaluation: Text = Field(description="评价表 id")


class RubricBlock(PlanModel):
    model_config = zh("评分细则块", "把一张评分细则表印进正文。")

    rubric: Text = Field(description="评分细则 id")


class HoursBlock(_Worded):
    """The hours sentence: 每人年度参训不少于90学时（其中……）。"""

    model_config = zh("学时句子块", "由学时数据生成的句子：每人年度参训不少于90学时（其中……）。")

    hours: Literal["sentence"] = Field(title="学时句子", description="写 sentence：由学时数据生成的句子")
    lead: Words = Field("每人年度参训", description="句首")
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "hours"


class ExemptionsBlock(_Worded):
    """The exemption sentence: 参加……的甲、乙教师，在完成60学时的培训任务后，可免于……。"""

    model_config = zh("免修句子块", "由免修规定生成的句子：参加……的甲、乙教师，在完成60学时的培训任务后，可免于……。")

    exemptions: Literal["sentence"] = Field(title="免修句子", description="写 sentence：由免修数据生成的句子")
    lead: Words = Field(
        "", description="同一段中免修句子之前的文字，如培训对象 {=audience}（“全镇在职中小学教师。”）；默认不写"
    )
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "exemptions"


class ModesBlock(_Worded):
    """The delivery modes: “名称：说明” paragraphs, or numbered run-in items 1.名称：说明."""

    model_config = zh("培训方式块", "逐项列出培训方式：“名称：说明”段落，或编号的小标题 1.名称：说明。")

    modes: Literal["list"] = Field(title="培训方式列表", description="写 list：逐项列出培训方式及说明")
    numbered: bool = Field(False, description="是否把各培训方式编号为下一级小标题（1.名称：说明）")
    numbering: Optional[NumberingForm] = Field(
        None, description="编号形式（numbered 时）：一、 （一） 1. （1） ① A. a.；不写时用所在小节的下一层；原文跳过层级时照原文写，如“一、”下直接编为 1."
    )
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "modes"


class GroupBlock(_Worded):
    """A group's members (as role lines, one run, or a table), its office and its duties."""

    model_config = zh("小组块", "把一个小组印进正文：成员（按职务分行、写成一段或名单表）、办公室和职责。")

    group: Text = Field(description="小组简称（groups 中的 id），如“领导小组”")
    style: Literal["lines", "run", "table"] = Field(
        "lines",
        title="呈现方式",
        description="lines：每种职务一行（“组　长：张三（县教育体育局局长）”）；run：写成一段（“组长：张三；副组长：李四、王五；成员：……。”）；"
        "table：职务、姓名、职务或单位三列的名单表（成员多时）",
    )
    caption: Optional[Text] = Field(None, description="表题（table 时）")
    pad_names: bool = Field(False, description="两字姓名中间加全角空格（“张　三”），与三字姓名对齐；默认不加")
    parts: list[Literal["members", "office", "duties"]] = Field(
        default_factory=lambda: ["members", "office", "duties"],
        description="呈现哪些部分及顺序：members 成员、office 办公室、duties 职责；默认全部",
    )
    wording: dict[str, Text] = _wording_field()

    sentence_block: ClassVar[str] = "group"


# ---- the registry ------------------------------------------------------------


@dataclass(frozen=True)
class OnlyHere:
    """Data that reaches the document only through its block: where it is and what PL510 calls it."""

    path: tuple[str, ...]
    kind: str
    kind_en: str
    name: Callable[[Any], str]


@dataclass(frozen=True)
class Shows:
    """Plan data a block presents; without it the block would leave an empty place (PL505)."""

    data: str
    """The data as the messages name it: “stages（含 themes）”."""
    data_en: str
    present: Callable[[Any], bool]
    """Whether the plan (a :class:`plancc.model.plan.Plan`) has the data."""
    only_here: Optional[OnlyHere] = None
    """Set when this block is the document's only way to show the data (PL510 warns when no block does)."""


@dataclass(frozen=True)
class Refers:
    """Ids a block names (its key's value: one id or a list of them) and the plan collection
    defining them, by ``id`` (PL503 when one is undefined, PL510 when a definition is never named)."""

    collection: str
    """The plan's attribute: ``module_sets``, ``assessments`` …"""
    kind: str
    kind_en: str


@dataclass(frozen=True)
class BlockKind:
    """One kind of block: its key, its model, and what the stages after the model need to know."""

    key: Optional[str]
    """The key that names the kind in a mapping; None for plain text."""
    model: Any
    """The model class (for plain text, the text type)."""
    shows: Optional[Shows] = None
    refers: Optional[Refers] = None
    lists: tuple[str, ...] = ()
    """Plan lists the block presents: “N个阶段” in its section is compared with ``phases`` (PL801)."""

    def __post_init__(self) -> None:
        if self.key is not None and self.key not in self.model.model_fields:
            raise TypeError(f"block kind {self.key!r}: its model {self.model.__name__} has no field {self.key!r}")

    @property
    def tag(self) -> str:
        """The discriminator tag, and the name templates dispatch on: the key, or ``str``."""
        return self.key or "str"

    @property
    def macro(self) -> str:
        """The template macro that renders this kind."""
        return "block_" + self.tag

    def ids(self, block: Any) -> list[tuple[tuple, str]]:
        """(path below the block, id) for every id the block names."""
        if self.refers is None or self.key is None:
            return []
        value = getattr(block, self.key)
        if isinstance(value, list):
            return [((self.key, k), v) for k, v in enumerate(value)]
        return [((self.key,), value)]


def _exemptions(plan: Any) -> bool:
    return plan.audience is not None and not isinstance(plan.audience, str) and bool(plan.audience.exemptions)


#: Every kind of block, in the order a mapping's key is looked for and the docs list them.
KINDS: tuple[BlockKind, ...] = (
    BlockKind(None, Text),
    BlockKind("text", Paragraph),
    BlockKind("items", ItemList),
    BlockKind("table", TableBlock),
    BlockKind("themes", ThemesBlock, Shows("stages（含 themes）", "stages with themes", lambda p: any(s.themes for s in p.stages)),
              lists=("stages", "tiers")),
    # a stage's goals speak of its tiers: “三个层次” beside them is checked too
    BlockKind("goals", GoalsBlock, Shows("stages（含 goals）", "stages with goals", lambda p: any(s.goals for s in p.stages)),
              lists=("stages", "tiers")),
    BlockKind("posts", PostsBlock, Shows("posts", "posts", lambda p: bool(p.posts)), lists=("posts",)),
    BlockKind("module_sets", ModulesBlock, refers=Refers("module_sets", "模块组", "module set")),
    BlockKind("tiers", TiersBlock, Shows("tiers", "tiers", lambda p: bool(p.tiers)), lists=("tiers",)),
    BlockKind("catalog", CatalogBlock, Shows("catalog", "catalog", lambda p: p.catalog is not None,
                                             OnlyHere(("catalog",), "课程目录", "catalog", lambda p: p.catalog.caption or "catalog"))),
    BlockKind("phases", PhasesBlock, Shows("phases", "phases", lambda p: bool(p.phases),
                                           OnlyHere(("phases",), "进度安排", "phases", lambda p: "phases")),
              lists=("phases",)),
    BlockKind("assessment", AssessmentBlock, refers=Refers("assessments", "考核方案", "assessment")),
    BlockKind("evaluation", EvaluationBlock, refers=Refers("evaluations", "评价表", "evaluation")),
    BlockKind("rubric", RubricBlock, refers=Refers("rubrics", "评分细则", "rubric")),
    BlockKind("hours", HoursBlock, Shows("hours", "hours", lambda p: p.hours is not None and p.hours.required is not None)),
    BlockKind("exemptions", ExemptionsBlock, Shows("audience.exemptions", "audience.exemptions", _exemptions)),
    BlockKind("modes", ModesBlock, Shows("modes", "modes", lambda p: bool(p.modes))),
    BlockKind("group", GroupBlock, refers=Refers("groups", "小组", "group")),
)

_BY_MODEL: dict[Any, BlockKind] = {k.model: k for k in KINDS if k.key is not None}
TEXT = next(k for k in KINDS if k.key is None)

#: The keys that name a kind in a mapping (plain text has none).
BLOCK_KEYS: tuple[str, ...] = tuple(k.key for k in KINDS if k.key is not None)


def kind_for(block: Any) -> BlockKind | None:
    """The kind of a validated block."""
    if isinstance(block, str):
        return TEXT
    return _BY_MODEL.get(type(block))


def block_kind(block: Any) -> str | None:
    """The tag of a validated block: "str", or the key that names its kind."""
    kind = kind_for(block)
    return kind.tag if kind is not None else None


def _written_kind(value: Any) -> str | None:
    """The tag of a block as written (text or mapping): its first known key."""
    if isinstance(value, str):
        return TEXT.tag
    if isinstance(value, dict):
        for key in BLOCK_KEYS:
            if key in value:
                return key
    return None


Block = Annotated[
    Union[tuple(Annotated[k.model, Tag(k.tag)] for k in KINDS)],  # type: ignore[misc]
    Discriminator(
        _written_kind,
        custom_error_type="block_kind",
        custom_error_message="a block is text, or a mapping with one of the keys: " + ", ".join(BLOCK_KEYS),
        custom_error_context={"keys": ", ".join(BLOCK_KEYS)},
    ),
]
"""A block of a section's content, validated by the model its key names."""
