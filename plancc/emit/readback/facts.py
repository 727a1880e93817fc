"""The layout facts read from a .docx: plain data, no XML."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class StyleFacts:
    """Effective look of one style (resolved through w:basedOn and docDefaults)."""

    style_id: str
    name: str
    type: str
    based_on: str | None = None
    east_asia: str | None = None
    ascii: str | None = None
    h_ansi: str | None = None
    cs: str | None = None
    size: int | None = None
    bold: bool = False
    color: str | None = None
    char_spacing: int = 0
    east_asia_lang: str | None = None
    align: str | None = None
    first_line: int = 0
    indent_left: int = 0
    indent_right: int = 0
    line: int | None = None
    line_rule: str | None = None
    snap_to_grid: bool = True
    keep_next: bool = False
    theme_fonts: list[str] = field(default_factory=list)


@dataclass
class FooterFacts:
    kind: str  # "default" (odd pages) or "even" / "first"
    part: str
    style: str | None
    align: str | None
    indent_left: int
    indent_right: int
    has_page_field: bool
    text: str  # field results replaced by {PAGE}
    em_dashes: int


@dataclass
class TableFacts:
    grid_widths: list[int]
    width: int | None
    layout: str | None
    rows: int
    header_flags: list[bool]
    cant_split: list[bool]
    borders: dict[str, tuple[str | None, str | None, str | None]]
    cell_styles: set[str]
    gridspans: int
    vmerges: int

    @property
    def header_rows(self) -> int:
        """Leading rows marked as repeating header rows."""
        n = 0
        for flag in self.header_flags:
            if not flag:
                break
            n += 1
        return n


@dataclass
class ParaFacts:
    """The effective look of one body paragraph (style chain, its own pPr, most of its runs)."""

    index: int  # 1-based among the body's paragraphs (tables' paragraphs not counted)
    text: str
    style: str = ""
    page: int | None = None  # from the page breaks Word recorded when it last laid the document out
    number: str = ""  # the text automatic numbering gives it (“一、”), "" without
    num_level: int | None = None
    num_format: str = ""
    outline_level: int | None = None
    align: str | None = None
    first_line: int = 0
    first_line_chars: int | None = None
    indent_left: int = 0
    indent_right: int = 0
    east_asia: str | None = None
    ascii: str | None = None
    size: int | None = None
    bold: bool = False
    page_break_before: bool = False
    #: the paragraph holds a typed page break (Ctrl+Enter: w:br w:type="page")
    page_break: bool = False
    #: the body's n-th table comes right after this paragraph (n, 1-based), 0 for none
    table_after: int = 0

    @property
    def full_text(self) -> str:
        """The text as printed: the number Word generates, then the typed text."""
        return self.number + self.text


@dataclass
class DocxFacts:
    page_width: int | None = None
    page_height: int | None = None
    orientation: str | None = None
    margins: dict[str, int | None] = field(default_factory=dict)
    grid_type: str | None = None
    line_pitch: int | None = None
    even_and_odd: bool = False
    compatibility_mode: int | None = None  # settings.xml w:compatSetting compatibilityMode
    doc_defaults: StyleFacts | None = None
    styles: dict[str, StyleFacts] = field(default_factory=dict)  # used styles by name
    theme_font_refs: list[str] = field(default_factory=list)  # "part: attribute"
    non_black_colors: list[str] = field(default_factory=list)  # "part: value"
    footers: list[FooterFacts] = field(default_factory=list)
    tables: list[TableFacts] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (style name, text), body level
    out_of_order: list[str] = field(default_factory=list)
    core: dict[str, str] = field(default_factory=dict)
    #: every body paragraph's effective look (plancc.emit.readback.paras)
    body: list[ParaFacts] = field(default_factory=list)
    #: Word recorded where its pages broke (w:lastRenderedPageBreak): ParaFacts.page is known
    pages_known: bool = False
    #: the parts of the package, for a reader that wants more (numbering.xml present …)
    part_names: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [t for _, t in self.paragraphs]
