"""The laid-out document: what the layout stage hands to an emitter.

Everything here is already decided: heading numbers are literal text, table
merges are explicit, column widths are in twips, a dense table carries its
smaller font size, a centred 署名 its indent, every figure is a string. An
emitter (python-docx today) only maps these blocks onto styles from the layout
profile and writes what they say; it never looks at the plan and measures no
text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

# Paragraph kinds map one-to-one onto named styles in the layout profile.
ParagraphKind = Literal[
    "title",  # 二号 小标宋, centred; one Paragraph per title line
    "subtitle",  # issuing institution under the title, centred
    "masthead",  # 发文机关标志 of the 版头: centred, 小标宋, above the title (GB/T 9704 7.2.3)
    "doc_number",  # 发文字号 line: centred, 仿宋 (GB/T 9704 7.2.4)
    "attachment_label",  # 附件1, flush left, 黑体
    "addressee",  # 主送机关 line: flush left, no indent
    "body",  # 仿宋 三号, first line indented two characters
    "heading1",  # 一、 黑体
    "heading2",  # （一） 楷体
    "heading3",  # 1. 仿宋 (bold is a profile flag)
    "heading4",  # （1） 仿宋
    "item",  # ①②③ list items below level 4, same look as body
    "caption",  # table caption / figure placeholder, centred 黑体; kept with the table below it
    "note",  # small note under a table (备注), body look
    "attachments",  # 附件说明 block lines
    "signature",  # 落款 issuer, right side
    "date",  # 成文日期, right side, 4 characters in from the margin
]


@dataclass(slots=True)
class Run:
    """A stretch of text. `role` picks the character look inside a paragraph:
    "self" keeps the paragraph style's font, "body" switches to body text (run-in
    text after a heading)."""

    text: str
    bold: bool = False
    role: Literal["self", "body"] = "self"


@dataclass(slots=True)
class Paragraph:
    kind: ParagraphKind
    runs: list[Run]
    # literal heading/list number ("一、", "（一）", "1.", "（1）", "①"); emitted as
    # the first run in the paragraph's own font, never as Word auto-numbering
    number: str = ""
    # None: as the paragraph style says; True/False: override it (a run-in
    # heading carries body text and must not drag the next paragraph along)
    keep_with_next: bool | None = None
    page_break_before: bool = False
    # twips from the right margin, with no left or first-line indent (a 署名 centred
    # over the date); None: the paragraph style's indents
    right_indent: int | None = None
    # a heading whose first paragraph runs on after its title (“（2）培训目标：……”):
    # written as a body paragraph with the number and title in the heading's look,
    # so it carries no outline level and the navigation pane lists only headings
    # that stand alone
    run_in: bool = False

    @property
    def text(self) -> str:
        return self.number + "".join(r.text for r in self.runs)


@dataclass(slots=True)
class Cell:
    text: str
    # horizontal span in grid columns (w:gridSpan)
    span: int = 1
    # vertical merge: None = no merge, "restart" = first cell of a merged
    # block, "continue" = covered by the cell above (its text is ignored)
    vmerge: Literal["restart", "continue"] | None = None
    # in a header row, used only where the profile's table.header_bold says so
    bold: bool = False
    # None: the column's alignment in body rows, the header style's in header rows
    align: Literal["left", "center", "right"] | None = None


@dataclass(slots=True)
class Column:
    title: str
    # twips; the columns of a table add up to the profile's table width
    width: int
    align: Literal["left", "center", "right"] = "left"


@dataclass(slots=True)
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    # header rows: by default one row made of the column titles; set to give
    # several header rows (with spans) instead
    header: list[list[Cell]] | None = None
    # a stable name for tests and read-back (e.g. "catalog", "assessment:分层")
    name: str = ""
    # half-points; set by layout when the headers do not fit at the profile's
    # cell size (a dense table in 小四), None for the profile's size
    font_size: int | None = None
    # body rows (0-based) kept on the page of the row after them: the rows of a short
    # vertical merge (an item of several rows under one merged cell), decided by layout
    keep_with_next: frozenset[int] = frozenset()

    def header_rows(self) -> list[list[Cell]]:
        if self.header is not None:
            return self.header
        return [[Cell(c.title, bold=True, align="center") for c in self.columns]]


Block = Union[Paragraph, Table]


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    # document properties; fixed values keep the output byte-identical
    title: str = ""
    author: str = ""
    # date written into core properties (ISO "YYYY-MM-DD"); "" means a fixed epoch
    date: str = ""
