"""A Word document as the importer reads it: paragraphs and tables in body order.

This is the one interface between reading (docx.py) and the later stages: they never
see OOXML. Numbers Word generates (automatic numbering) are resolved to their text in
:attr:`SPara.number`; typed numbers stay in :attr:`SPara.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional, Union


@dataclass(frozen=True, slots=True)
class Place:
    """Where something is in the source, 1-based: a body paragraph, or a table's row and cell."""

    paragraph: Optional[int] = None  # the n-th body paragraph (tables' paragraphs not counted)
    table: Optional[int] = None  # the n-th table
    row: Optional[int] = None
    cell: Optional[int] = None
    page: Optional[int] = None  # where the source says (rendered page breaks), else None

    def words(self, lang: str = "zh") -> str:
        """第3段 / 第2个表格第4行第1格, with 第N页 first when known (第3页，第2个表格第4行第1格)."""
        from plancc.catalog import message

        parts = []
        if self.page is not None:
            parts.append(message("import.place.page", lang, n=self.page))
        if self.table is not None:
            key = "cell" if self.row is not None and self.cell is not None else "row" if self.row is not None else "table"
            parts.append(message(f"import.place.{key}", lang, table=self.table, row=self.row, cell=self.cell))
        elif self.paragraph is not None:
            parts.append(message("import.place.paragraph", lang, n=self.paragraph))
        return message("import.place.join", lang).join(parts)


@dataclass(slots=True)
class SPara:
    """One body paragraph."""

    text: str  # its text as typed (typed numbers such as “（一）” included), runs joined
    place: Place
    number: str = ""  # the number Word generates for it (automatic numbering), resolved: “一、”, “（二）”, “1.”
    num_level: Optional[int] = None  # 0-based w:ilvl of automatic numbering, None without
    num_format: str = ""  # w:numFmt of that level (decimal, chineseCounting, …), "" without
    style: str = ""  # the style's name (“heading 1”, “Normal”, “标题 1” …), "" for none
    outline_level: Optional[int] = None  # 0-based w:outlineLvl from the paragraph or its style
    align: Literal["left", "center", "right", "both", ""] = ""
    bold: bool = False  # every visible run bold
    size: Optional[int] = None  # half-points of most of its text, when known
    font: str = ""  # east-Asian face of most of its text, when known
    page_break_before: bool = False
    # a footnote's or endnote's paragraph, placed after the paragraph citing it (its mark left
    # out of that paragraph's text; its place is that paragraph's): "footnote", "endnote", "" for body text
    note: Literal["", "footnote", "endnote"] = ""


@dataclass(slots=True)
class SCell:
    """One cell of a table, on the grid: a merged cell appears once, with its spans."""

    text: str  # paragraphs joined with "\n"
    row: int  # 0-based grid row of its top-left corner
    col: int  # 0-based grid column
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class STable:
    """A table: its cells on the grid, empty rows (page-break leftovers) dropped."""

    cells: list[SCell]
    place: Place
    n_rows: int = 0
    n_cols: int = 0
    header_rows: int = 0  # rows marked to repeat as header (w:tblHeader)

    def grid(self) -> list[list[Optional[SCell]]]:
        """Rows × columns; a merged cell fills every position it covers (the same object)."""
        out: list[list[Optional[SCell]]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.rowspan, self.n_rows)):
                for k in range(c.col, min(c.col + c.colspan, self.n_cols)):
                    out[r][k] = c
        return out


Block = Union[SPara, STable]


@dataclass(slots=True)
class SourceDoc:
    """The body of the document in order, and what the package says about it."""

    blocks: list[Block] = field(default_factory=list)
    path: str = ""  # the file as the user named it (for messages)
    converted_from: str = ""  # ".doc" / ".wps" when LibreOffice converted it, else ""

    def paragraphs(self) -> list[SPara]:
        return [b for b in self.blocks if isinstance(b, SPara)]

    def tables(self) -> list[STable]:
        return [b for b in self.blocks if isinstance(b, STable)]

    def body_text(self) -> str:
        """Every character of the body, in order (numbers Word generates included): what
        import must not lose."""
        parts: list[str] = []
        for b in self.blocks:
            if isinstance(b, SPara):
                parts.append(b.number + b.text)
            else:
                parts.extend(c.text for c in b.cells)
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class Guess:
    """Something import decided without being sure: said in the report and as a YAML comment."""

    key: str  # catalog key of the words (import.guess.*), worded with ``values``
    place: Place
    values: tuple[tuple[str, object], ...] = ()
    path: tuple = ()  # where in the written plan it landed (data path), when known
