"""The layout profile: every number of the official-document look, as data.

The default profile ships as ``profiles/gbt9704.yaml`` next to this module. A
user profile file and an overrides dict are deep-merged on top of it, then the
result is validated here, so a typo in a county's profile is an error and not
a silently ignored key (loading and its messages: plancc.layout.profile_load).
Importable without python-docx: the checking side reads the same profile to
compare a rendered document against it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from typing_extensions import Annotated

from plancc.errors import ConfigError, Worded

__all__ = [
    "DEFAULT_PROFILE_PATH",
    "PARAGRAPH_KINDS",
    "Profile",
    "ProfileError",
    "ParagraphStyle",
    "RunStyle",
    "FontSpec",
    "load_profile",
    "check_overrides",
    "deep_merge",
    "expand_dotted",
]

DEFAULT_PROFILE_PATH = Path(__file__).with_name("profiles") / "gbt9704.yaml"

# Paragraph kinds of the IR (plancc.layout.ir.ParagraphKind), in document order of
# a typical 公文; every kind has a style in the profile.
PARAGRAPH_KINDS: tuple[str, ...] = (
    "title",
    "subtitle",
    "masthead",
    "doc_number",
    "attachment_label",
    "addressee",
    "body",
    "heading1",
    "heading2",
    "heading3",
    "heading4",
    "item",
    "caption",
    "note",
    "attachments",
    "signature",
    "date",
)

#: Word's largest page side, 22 inches: no length in a document can usefully exceed it.
MAX_TWIPS = 31680
#: Font sizes Word accepts (ST_HpsMeasure): 0.5 pt to 1638 pt, in half-points.
MAX_HALF_POINTS = 3276

_CONTROL = __import__("re").compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _printable(v: str) -> str:
    m = _CONTROL.search(v)
    if m:
        raise Worded("value.error.control", code=f"U+{ord(m.group()):04X}")
    return v


#: A length in twips, 0 to 22 inches.
Twips = Annotated[int, Field(ge=0, le=MAX_TWIPS)]
#: A length that must be positive (a grid pitch, a table width).
PositiveTwips = Annotated[int, Field(ge=1, le=MAX_TWIPS)]
#: A page side: Word accepts 0.1 inch to 22 inches.
PageSide = Annotated[int, Field(ge=144, le=MAX_TWIPS)]
#: A length that may be negative (indents): ±22 inches.
SignedTwips = Annotated[int, Field(ge=-MAX_TWIPS, le=MAX_TWIPS)]
#: A font size in half-points, as Word accepts it.
HalfPoints = Annotated[int, Field(ge=1, le=MAX_HALF_POINTS)]
#: Text written into the document's XML (style and font names, page-number dashes).
Name = Annotated[str, Field(max_length=255), AfterValidator(_printable)]
Align = Literal["left", "center", "right", "both"]
HexColor = str
LangTag = Annotated[str, Field(pattern=r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]


class ProfileError(ConfigError, ValueError):
    """A profile file or override could not be read or does not validate."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- page


class Margins(_Model):
    top: Twips = Field(description="上白边（天头），缇")
    bottom: Twips = Field(description="下白边，缇")
    left: Twips = Field(description="左白边（订口），缇")
    right: Twips = Field(description="右白边（切口），缇")
    header: Twips = Field(851, description="页眉距页面上边缘的距离，缇")
    footer: Twips = Field(description="页脚距页面下边缘的距离，缇（页码一字线上距版心下边缘 7 mm）")
    gutter: Twips = Field(0, description="装订线宽度，缇")


class Grid(_Model):
    type: Literal["lines", "default"] = Field(
        "lines", description="文档网格类型：lines 仅指定行网格（linesAndChars 在 LibreOffice 中每行仅 14 字，不用）"
    )
    line_pitch: PositiveTwips = Field(description="行距网格（缇），579 = 28.95 磅，每页 22 行")
    lines_per_page: int = Field(22, description="每页行数（校验用）", gt=0, le=1000)
    chars_per_line: int = Field(28, description="每行字数（校验用）", gt=0, le=1000)


class Page(_Model):
    width: PageSide = Field(description="纸张宽度，缇（A4 = 11906；Word 允许 144–31680）")
    height: PageSide = Field(description="纸张高度，缇（A4 = 16838；Word 允许 144–31680）")
    margins: Margins = Field(description="页边距")
    grid: Grid = Field(description="文档网格：每页行数与行距")

    @property
    def type_area_width(self) -> int:
        """版心宽度（缇）。"""
        return self.width - self.margins.left - self.margins.right

    @property
    def type_area_height(self) -> int:
        """版心高度（缇）。"""
        return self.height - self.margins.top - self.margins.bottom


class Language(_Model):
    east_asia: LangTag = Field("zh-CN", description="东亚文字语言（w:lang eastAsia）")
    latin: LangTag = Field("en-US", description="西文语言（w:lang val）")


class Typography(_Model):
    hanging_punctuation: bool = Field(
        True,
        description="允许标点溢出边界（w:overflowPunct）：行末第29个字是不能居行首的标点（，。、；：？！）时把它悬挂在版心外；"
        "关掉时 LibreOffice 在两端对齐的满行后会丢掉这个标点",
    )


# --------------------------------------------------------------------------- styles


class FontSpec(_Model):
    east_asia: Name = Field(description="中文字体名（w:eastAsia），如 仿宋_GB2312", min_length=1)
    ascii: Name = Field(description="西文字体名（w:ascii），用于数字和拉丁字母", min_length=1)
    h_ansi: Optional[Name] = Field(None, description="高位 ANSI 字体名（w:hAnsi），缺省同 ascii", min_length=1)
    cs: Optional[Name] = Field(None, description="复杂文种字体名（w:cs），缺省同 ascii", min_length=1)
    hint: Optional[Literal["eastAsia", "default", "cs"]] = Field(
        "eastAsia", description="歧义字符（引号、一字线等）取哪种字体：eastAsia 表示用中文字体"
    )
    alternates: list[Annotated[Name, Field(min_length=1)]] = Field(
        default_factory=list, description="中文字体的替代字体名（写入字体表 w:altName，缺字体时参考）"
    )

    @property
    def h_ansi_name(self) -> str:
        return self.h_ansi or self.ascii

    @property
    def cs_name(self) -> str:
        return self.cs or self.ascii


class Indent(_Model):
    first_line: SignedTwips = Field(0, description="首行缩进，缇（640 = 三号两个字；负值表示悬挂缩进）")
    left: SignedTwips = Field(0, description="左缩进，缇")
    right: SignedTwips = Field(0, description="右缩进，缇（成文日期右空四字 = 1280）")


class Spacing(_Model):
    before: Twips = Field(0, description="段前间距，缇")
    after: Twips = Field(0, description="段后间距，缇")
    line: PositiveTwips = Field(description="行距：rule 为 exact/atLeast 时单位为缇，为 auto 时 240 = 单倍")
    rule: Literal["exact", "atLeast", "auto"] = Field(description="行距规则")


class RunStyle(_Model):
    """Character look (also the run part of a paragraph style)."""

    name: Name = Field(description="Word 样式名（内置样式用英文内置名，如 heading 1）", min_length=1)
    font: FontSpec = Field(description="字体")
    size: HalfPoints = Field(description="字号，半磅（三号 = 32，四号 = 28，小四 = 24，二号 = 44；Word 允许 1–3276）")
    bold: bool = Field(False, description="是否加粗")
    char_spacing: SignedTwips = Field(0, description="字符间距，1/20 磅（-5 使三号字每行 28 字）")


class ParagraphStyle(RunStyle):
    align: Align = Field("both", description="对齐：left/center/right/both（两端对齐）")
    indent: Indent = Field(default_factory=Indent, description="缩进")
    spacing: Spacing = Field(description="段前段后与行距")
    keep_next: bool = Field(False, description="与下段同页")
    widow_control: bool = Field(False, description="孤行控制（关闭时每页排满 22 行）")
    snap_to_grid: bool = Field(True, description="对齐文档网格（表格和页码中关闭）")
    outline_level: Optional[int] = Field(None, description="大纲级别（0 = 一级标题），用于导航窗格", ge=0, le=8)


class Styles(_Model):
    """One style per IR paragraph kind, plus table, page-number and run-in styles."""

    title: ParagraphStyle = Field(description="标题（二号小标宋，居中）")
    subtitle: ParagraphStyle = Field(description="标题下的机关名称等副标题行")
    masthead: ParagraphStyle = Field(description="版头的发文机关标志（小标宋，居中，标题之上）")
    doc_number: ParagraphStyle = Field(description="发文字号（三号仿宋，居中）")
    attachment_label: ParagraphStyle = Field(description="附件标识（附件1，黑体，顶格）")
    addressee: ParagraphStyle = Field(description="主送机关（顶格）")
    body: ParagraphStyle = Field(description="正文（三号仿宋，首行缩进二字）；作为 Normal 样式")
    heading1: ParagraphStyle = Field(description="一级标题“一、”（黑体）")
    heading2: ParagraphStyle = Field(description="二级标题“（一）”（楷体）")
    heading3: ParagraphStyle = Field(description="三级标题“1.”（仿宋，可加粗）")
    heading4: ParagraphStyle = Field(description="四级标题“（1）”（仿宋）")
    item: ParagraphStyle = Field(description="①②③ 列项")
    caption: ParagraphStyle = Field(description="表格标题（黑体，居中，与表格同页）")
    note: ParagraphStyle = Field(description="表下备注")
    attachments: ParagraphStyle = Field(description="附件说明")
    signature: ParagraphStyle = Field(description="发文机关署名（落款）")
    date: ParagraphStyle = Field(description="成文日期（右空四字）")
    table_cell: ParagraphStyle = Field(description="表格单元格文字")
    table_header: ParagraphStyle = Field(description="表头文字（黑体）")
    page_number: ParagraphStyle = Field(description="页码（四号宋体）")
    body_run: RunStyle = Field(description="标题后接排正文所用字符样式")

    def __getitem__(self, kind: str) -> RunStyle:
        """``styles["table_cell"]``: mapping-style access by kind (KeyError if unknown)."""
        if kind not in type(self).model_fields:
            raise KeyError(kind)
        return getattr(self, kind)

    def __contains__(self, kind: object) -> bool:
        return isinstance(kind, str) and kind in type(self).model_fields

    def paragraph_styles(self) -> dict[str, ParagraphStyle]:
        """Kind → paragraph style, in a fixed order (styles.xml is written in this order)."""
        return {k: getattr(self, k) for k in type(self).model_fields if k != "body_run"}

    @model_validator(mode="after")
    def _unique_names(self) -> "Styles":
        seen: dict[str, str] = {}
        for key in type(self).model_fields:
            name = getattr(self, key).name
            if name.casefold() in seen:
                raise Worded("profile.style_name_twice", name=name, first=seen[name.casefold()], second=key)
            seen[name.casefold()] = key
        return self


# --------------------------------------------------------------------------- page number


class FooterSide(_Model):
    align: Literal["left", "center", "right"] = Field(description="页码对齐")
    indent_left: SignedTwips = Field(0, description="左缩进，缇（双页码居左空一字 = 280）")
    indent_right: SignedTwips = Field(0, description="右缩进，缇（单页码居右空一字 = 280）")


class Signature(_Model):
    center_over_date: bool = Field(
        True,
        description="发文机关署名以成文日期为准居中编排（7.3.5.1）；关闭时按 styles.signature 的缩进（右空二字，7.3.5.2）",
    )


class PageNumber(_Model):
    prefix: Annotated[Name, Field(max_length=20)] = Field("— ", description="页码前缀（一字线 U+2014 加空格）")
    suffix: Annotated[Name, Field(max_length=20)] = Field(" —", description="页码后缀")
    odd: FooterSide = Field(description="单页（默认页脚）")
    even: FooterSide = Field(description="双页页脚")
    even_and_odd: bool = Field(True, description="奇偶页不同（settings.xml 中 w:evenAndOddHeaders）")


# --------------------------------------------------------------------------- tables


class Border(_Model):
    style: Literal["single", "double", "none", "nil"] = Field("single", description="边框线型")
    size: int = Field(4, description="线宽，1/8 磅（4 = 0.5 磅；Word 允许 0–96）", ge=0, le=96)
    color: HexColor = Field("000000", description="边框颜色（RRGGBB）", pattern=r"^[0-9A-Fa-f]{6}$")


class CellMargins(_Model):
    top: Twips = Field(0, description="单元格上边距，缇")
    bottom: Twips = Field(0, description="单元格下边距，缇")
    left: Twips = Field(108, description="单元格左边距，缇")
    right: Twips = Field(108, description="单元格右边距，缇")


class TableLook(_Model):
    width: PositiveTwips = Field(description="表格总宽，缇（版心宽 8844）；各列宽按权重缩放后之和正好等于此值")
    align: Literal["left", "center", "right"] = Field("center", description="表格在版心中的对齐")
    layout: Literal["fixed", "autofit"] = Field("fixed", description="固定列宽")
    border: Border = Field(default_factory=Border, description="表格边框（外框与内线相同）")
    cell_margins: CellMargins = Field(default_factory=CellMargins, description="单元格边距")
    cell_v_align: Literal["top", "center", "bottom"] = Field("center", description="单元格垂直对齐")
    repeat_header: bool = Field(True, description="表头行在每页重复（w:tblHeader）")
    cant_split: bool = Field(True, description="行不跨页断开（w:cantSplit）")
    keep_merged_rows: int = Field(
        8, ge=0, le=100,
        description="纵向合并单元格跨越的一组行不超过这么多行时不跨页断开（组内各行段落“与下段同页”）；更长的组照常断开；0 表示不保持",
    )
    header_bold: bool = Field(False, description="表头行是否采用 IR 中的加粗标记（黑体本身已醒目，默认不加粗）")
    dense_size: Optional[HalfPoints] = Field(
        24, description="列多、表头在常规字号下排不开时整张表改用的字号，半磅（24 = 小四）；null 表示从不缩小"
    )
    one_size: bool = Field(
        True, description="一份文件中的表格用同一字号：有一张表需要改用 dense_size 时，其余按内容定列宽的表格也改用它"
    )


# --------------------------------------------------------------------------- profile


class Profile(_Model):
    version: Literal[1] = Field(1, description="版式配置格式版本")
    page: Page = Field(description="纸张、页边距与文档网格")
    color: HexColor = Field("000000", description="文字颜色（公文一律黑色）", pattern=r"^[0-9A-Fa-f]{6}$")
    language: Language = Field(default_factory=Language, description="语言标记")
    typography: Typography = Field(default_factory=Typography, description="中文排版：标点悬挂")
    styles: Styles = Field(description="各段落类型的样式")
    page_number: PageNumber = Field(description="页码")
    signature: Signature = Field(default_factory=Signature, description="落款与成文日期的相对位置")
    table: TableLook = Field(description="表格外观")

    @model_validator(mode="after")
    def _fits_type_area(self) -> "Profile":
        area = self.page.type_area_width
        if area <= 0 or self.page.type_area_height <= 0:
            raise Worded("profile.margins_too_wide")
        if self.table.width > area:
            raise Worded("profile.table_too_wide", width=self.table.width, area=area)
        return self

    def fonts(self) -> dict[str, list[str]]:
        """Every font name the profile uses → its alternates (for the font table), in a stable order."""
        out: dict[str, list[str]] = {}
        for key in Styles.model_fields:
            f: FontSpec = getattr(self.styles, key).font
            for name in (f.east_asia, f.ascii, f.h_ansi_name, f.cs_name):
                out.setdefault(name, [])
            for alt in f.alternates:
                if alt not in out[f.east_asia]:
                    out[f.east_asia].append(alt)
        return out


# The loading half (merging, reading, error messages) lives in plancc.layout.profile_load;
# its public names are part of this module's interface, imported last because they
# build on the models above.
from plancc.layout.profile_load import (  # noqa: E402
    check_overrides,
    deep_merge,
    expand_dotted,
    load_profile,
)
