"""The text of an HTML page as paragraphs and tables: what a .docx holds as an “alternative
format chunk” (``w:altChunk``, the way document generators and office systems put a web page
into a Word document; Word shows the page in its place).

Block elements (p, div, h1–h6, li, …) end a paragraph, ``<br>`` is a line break inside one,
inline elements are their text; tables are laid on their grid with ``rowspan``/``colspan``
(a table inside a cell becomes lines of that cell, its cells separated by tabs). Scripts,
styles and the head are no text. The page is parsed by lxml's HTML parser (no network, no
entities beyond HTML's own) and walked without recursion, so that its depth costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Union

from plancc.importer.source import SCell

_BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre address center section article header "
                    "footer aside nav main figure figcaption caption form fieldset legend hr body html".split())
_SKIP = frozenset("head script style noscript template iframe object embed applet svg math title select option textarea".split())
_CELLS = frozenset(("td", "th"))
_ROWS = frozenset(("thead", "tbody", "tfoot"))
MAX_SPAN = 64
MAX_ROWSPAN = 1000
MAX_COLS = 256  # rowspans can push cells right without bytes of their own: the grid stops here


@dataclass
class HtmlTable:
    cells: list[SCell] = field(default_factory=list)
    n_rows: int = 0
    n_cols: int = 0
    header_rows: int = 0


@dataclass
class HtmlPara:
    """A paragraph with what the page says about it (a plain one is a bare string)."""

    text: str
    number: str = ""  # what the browser numbers an ordered list's item with: “1.”, “a.”
    level: Optional[int] = None  # 0-based depth of its list
    fmt: str = ""  # decimal, lowerLetter, … or bullet
    align: str = ""  # left, center, right, both
    outline: Optional[int] = None  # h1–h6 → 0–5


Item = Union[str, HtmlPara, HtmlTable]
_LIST_FMT = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_ALIGN = re.compile(r"text-align\s{0,16}:\s{0,16}(left|center|right|justify)", re.I)


def html_items(text: str) -> list[Item]:
    """The page's paragraphs (strings, line breaks as "\\n") and tables, in order."""
    import lxml.html
    from lxml import etree

    text = text.strip()
    if not text:
        return []
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(no_network=True, remove_comments=True,
                                                                                 remove_pis=True, default_doctype=False))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    out: list[Item] = []
    _Walker(out).walk(root, None)
    return out


def _tag(el) -> str:
    tag = el.tag
    return tag.lower().rpartition("}")[2] if isinstance(tag, str) else ""


_SPACE = re.compile(r"[ \t\r\n\f]+")


def _inline(s: Optional[str]) -> str:
    """Text as a browser shows it: runs of white space (not the full-width or no-break ones) as one space."""
    return _SPACE.sub(" ", s) if s else ""


MAX_TABLE_DEPTH = 32


class _Walker:
    def __init__(self, out: list):
        self.out = out
        self.depth = 0  # tables inside tables
        self.numbers: dict[int, int] = {}  # id of an <li> of an <ol> → its number

    def walk(self, root, sink: Optional[list]) -> None:
        """Paragraphs and tables under ``root``: to ``self.out`` (sink None) or as lines to ``sink``."""
        parts: list[str] = []
        open_blocks: list = []  # block elements entered and not yet left, innermost last
        counters: dict[int, int] = {}  # id of an <ol> → the number its next item gets

        def flush():
            line = "".join(parts).strip(" ")
            parts.clear()
            if not line.strip():
                return
            if sink is not None:
                sink.append(line)
                return
            meta = self.meta(open_blocks, counters) if open_blocks else None
            self.out.append(HtmlPara(line, *meta) if meta else line)

        # (element, entering) events; the tail of an element follows its end
        stack: list[tuple[object, bool]] = [(root, True)]
        while stack:
            el, entering = stack.pop()
            tag = _tag(el)
            if not entering:
                if tag in _BLOCKS or tag in _CELLS:
                    flush()
                    if open_blocks and open_blocks[-1] is el:
                        open_blocks.pop()
                parts.append(_inline(el.tail))
                continue
            if not tag:  # a comment or processing instruction left by the parser: its tail is text
                parts.append(_inline(getattr(el, "tail", None)))
                continue
            if tag in _SKIP:
                parts.append(_inline(el.tail))
                continue
            if tag == "br":
                parts.append("\n")
                parts.append(_inline(el.tail))
                continue
            if tag == "table":
                flush()
                self.table(el, sink)
                parts.append(_inline(el.tail))
                continue
            if tag in _BLOCKS:
                flush()
                open_blocks.append(el)
                if tag == "li":
                    self.number_item(el, counters)
            parts.append(_inline(el.text))
            stack.append((el, False))
            stack.extend((ch, True) for ch in reversed(el))
        flush()

    def number_item(self, li, counters: dict[int, int]) -> None:
        """An ordered list's item gets its number as the browser counts it (start, value, type)."""
        ol = li.getparent()
        if ol is None or _tag(ol) != "ol":
            return
        key = id(ol)
        n = counters.get(key)
        if n is None:
            n = _int(ol.get("start"), 1)
        n = _int(li.get("value"), n)
        counters[key] = n + 1
        self.numbers[id(li)] = n

    def meta(self, open_blocks: list, counters: dict[int, int]) -> Optional[tuple]:
        """(number, level, fmt, align, outline) of the paragraph the innermost open block makes."""
        el = open_blocks[-1]
        tag = _tag(el)
        number, level, fmt, outline = "", None, "", None
        if tag == "li":
            lists = [b for b in open_blocks if _tag(b) in ("ol", "ul")]
            level = max(0, len(lists) - 1)
            parent = el.getparent()
            if parent is not None and _tag(parent) == "ol":
                fmt = _LIST_FMT.get(parent.get("type") or "1", "decimal")
                from plancc.importer.docx import format_number

                number = format_number(self.numbers.get(id(el), 1), fmt) + "."
            else:
                fmt = "bullet"
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            outline = int(tag[1]) - 1
        align = ""
        for b in reversed(open_blocks):
            found = _ALIGN.search(b.get("style") or "") if b.get("style") else None
            value = (found.group(1) if found else b.get("align") or ("center" if _tag(b) == "center" else "")).lower()
            if value:
                align = "both" if value == "justify" else value if value in ("left", "center", "right") else ""
                break
        if not (number or fmt or align or outline is not None):
            return None
        return number, level, fmt, align, outline

    def table(self, tbl, sink: Optional[list]) -> None:
        if self.depth >= MAX_TABLE_DEPTH:  # deeper tables as their bare text
            text = _inline("".join(tbl.itertext())).strip()
            if text:
                (sink if sink is not None else self.out).append(text)
            return
        rows = []
        for ch in tbl:
            tag = _tag(ch)
            if tag == "tr":
                rows.append((False, ch))
            elif tag in _ROWS:
                rows.extend((tag == "thead", tr) for tr in ch if _tag(tr) == "tr")
        grid_rows: list[list[tuple[str, int, int]]] = []
        heads = []
        for head, tr in rows:
            cells = []
            for td in tr:
                if _tag(td) not in _CELLS:
                    continue
                lines: list[str] = []
                self.walk_cell(td, lines)
                cells.append(("\n".join(lines), _span(td.get("rowspan"), MAX_ROWSPAN), _span(td.get("colspan"), MAX_SPAN)))
            grid_rows.append(cells)
            heads.append(head)
        if sink is not None:  # a table in a cell: its rows as lines
            sink.extend("\t".join(t for t, _, _ in cells) for cells in grid_rows if any(t.strip() for t, _, _ in cells))
            return
        table = HtmlTable()
        kept = [cells for cells in grid_rows
                if cells and not (all(not t.strip() for t, _, _ in cells) and all(rs == 1 for _, rs, _ in cells))]
        busy: dict[int, int] = {}  # column → the last row a cell spanning down from above covers
        for r_out, cells in enumerate(kept):
            col = 0
            last: Optional[SCell] = None
            for text, rowspan, colspan in cells:
                while col < MAX_COLS and busy.get(col, -1) >= r_out:
                    col += 1
                if col >= MAX_COLS:  # past the widest table read: its text goes to the row's last cell (or the table's)
                    into = last or (table.cells[-1] if table.cells else None)
                    if into is not None and text.strip():
                        into.text = into.text + "\t" + text if into.text else text
                    continue
                colspan = min(colspan, MAX_COLS - col)
                rowspan = min(rowspan, len(kept) - r_out)  # a rowspan past the last row ends with the table
                last = SCell(text=text, row=r_out, col=col, rowspan=rowspan, colspan=colspan)
                table.cells.append(last)
                if rowspan > 1:
                    for c in range(col, col + colspan):
                        busy[c] = r_out + rowspan - 1
                col += colspan
                table.n_cols = max(table.n_cols, col)
        r_out = len(kept)
        table.n_rows = r_out
        table.header_rows = next((i for i, h in enumerate(heads) if not h), len(heads)) if table.cells else 0
        table.header_rows = min(table.header_rows, r_out)
        if table.cells:
            self.out.append(table)

    def walk_cell(self, td, lines: list) -> None:
        self.depth += 1
        try:
            self.walk(td, lines)
        finally:
            self.depth -= 1


def _int(v: Optional[str], default: int) -> int:
    try:
        return max(-10**6, min(int(str(v).strip()), 10**6)) if v is not None else default
    except ValueError:
        return default


def _span(v: Optional[str], cap: int) -> int:
    try:
        return max(1, min(int(str(v).strip()), cap)) if v is not None else 1
    except ValueError:
        return 1
