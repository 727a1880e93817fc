"""Parse a template's XML outline into the laid-out document (plancc.layout.ir).

This is where structure becomes layout: sections and lists get their numbers
(一、（一）1.（1）① A. a.: the plan's own forms, else the ladder from where
they sit, plancc.layout.numbering), run-in headings absorb their first paragraph,
merge columns become vertical merges (hierarchically: a cell merges only
when the merge columns to its left merge too), column widths are set from
the content so short cells such as dates do not wrap (plancc.layout.columns),
and the 署名 is centred over the date (plancc.layout.signature).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from plancc.catalog import message
from plancc.layout import ir
from plancc.layout.columns import TableText, one_table_size, scale_widths, size_columns
from plancc.layout.inline import parse_inline
from plancc.layout.metrics import Metrics
from plancc.layout.numbering import MAX_RUNG, heading_kind, heading_number
from plancc.layout.rows import merged_rows_kept
from plancc.layout.signature import centre_signatures
from plancc.text.ladder import FORMS, rung_of

__all__ = ["Metrics", "OutlineError", "parse_outline", "MAX_DEPTH", "MAX_COLUMNS"]


class OutlineError(Exception):
    """The template produced an outline plancc cannot lay out (a template bug): a catalog
    key (``outline.*``) and its values, worded in the user's language by :meth:`words`."""

    def __init__(self, key: str, /, **values: Any):
        super().__init__(key)
        self.key, self.values = key, values

    def words(self, lang: str = "zh") -> str:
        return message(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.words()


_P_KINDS = {"body": "body", "caption": "caption", "note": "note", "plain": "addressee"}


#: Deepest nesting of outline elements (sections in sections …); a document needs a handful.
MAX_DEPTH = 50
#: Word's limit on the columns of a table.
MAX_COLUMNS = 63
#: header rows of one table (the plan language allows 8)
MAX_HEADER_ROWS = 8
_ALIGNS = ("left", "center", "right")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def parse_outline(xml_text: str, metrics: Metrics | None = None) -> ir.Document:
    """The laid-out document of a template's outline; OutlineError for anything it cannot lay out."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as exc:
        line, col = exc.position
        raise OutlineError("outline.not_xml", line=line, col=col, problem=exc) from exc
    except (RecursionError, MemoryError) as exc:
        raise OutlineError("outline.too_large") from exc
    if root.tag != "document":
        raise OutlineError("outline.root")
    date = root.get("date", "").strip()
    if date and not _valid_date(date):
        raise OutlineError("outline.date", date=repr(date))
    metrics = metrics or Metrics()
    p = _Parser(metrics)
    doc = ir.Document(title=root.get("title", ""), author=root.get("author", ""), date=date)
    p.children(root, 0, doc.blocks, 1)
    one_table_size(p.sized, metrics)
    if metrics.centring is not None:
        centre_signatures(doc.blocks, metrics.centring)
    keep_lead_ins(doc.blocks)
    return doc


#: how a sentence announces the table after it (“具体考核内容见下表：”“资源模块及课程名称如下：”)
_LEAD_IN = re.compile(r"(?:[:：]|如下|下表|见表\S{0,6})\s*$")


def keep_lead_ins(blocks: list) -> None:
    """A body paragraph that announces the table right after it stays on the table's page
    (keep with next), so a page never ends with “……如下：” and the table alone on the next."""
    for i, here in enumerate(blocks):
        if not (isinstance(here, ir.Paragraph) and here.kind == "body" and here.keep_with_next is None):
            continue
        j = i + 1
        while j < len(blocks) and isinstance(blocks[j], ir.Paragraph) and blocks[j].kind == "caption":
            j += 1  # a table's caption keeps with its table already
        if j < len(blocks) and isinstance(blocks[j], ir.Table) and _LEAD_IN.search(here.text):
            here.keep_with_next = True


def _valid_date(text: str) -> bool:
    import datetime

    m = _DATE.match(text)
    if m is None:
        return False
    try:
        datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def _int_attr(el: ET.Element, name: str, default: int, low: int, high: int) -> int:
    raw = el.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise OutlineError("outline.whole_number", tag=el.tag, name=name, raw=repr(raw)) from None
    if not low <= value <= high:
        raise OutlineError("outline.between", tag=el.tag, name=name, raw=repr(raw), low=low, high=high)
    return value


def _numbering_attr(el: ET.Element) -> int | None:
    """The rung an element's numbering= names (一、 … a.), None when it names none."""
    raw = el.get("numbering")
    if raw is None or not raw.strip():
        return None
    rung = rung_of(raw)
    if rung is None:
        raise OutlineError("outline.numbering", tag=el.tag, raw=repr(raw), forms=" ".join(FORMS))
    return rung


def _align_attr(el: ET.Element, default: str | None) -> str | None:
    raw = el.get("align")
    if raw is None:
        return default
    if raw not in _ALIGNS:
        raise OutlineError("outline.align", tag=el.tag, raw=repr(raw))
    return raw


def _blank(keep: bool | None = None) -> ir.Paragraph:
    return ir.Paragraph("body", [], keep_with_next=keep)


def _is_blank(block) -> bool:
    return isinstance(block, ir.Paragraph) and block.kind == "body" and not block.runs


def _keep_last_with_next(out: list) -> None:
    """The 落款 never stands alone on a page: the last body paragraph goes with it (GB/T 9704 7.3.5)."""
    if out and isinstance(out[-1], ir.Paragraph):
        out[-1].keep_with_next = True


class _Parser:
    def __init__(self, metrics: Metrics):
        self.metrics = metrics
        self.sized: list[tuple[ir.Table, TableText]] = []  # tables whose widths come from their content

    def children(self, parent: ET.Element, depth: int, out: list, rung: int) -> None:
        """Lay out `parent`'s elements; `rung` is the numbering form its sections and lists
        take unless they name their own (plancc.layout.numbering)."""
        count = 0
        form = rung  # the form of the numbered section before: its siblings keep it
        elements = list(parent)
        for i, el in enumerate(elements):
            tag = el.tag
            if tag == "section":
                own = _numbering_attr(el)
                here = own or form
                if el.get("numbered", "1") != "0":
                    count = _int_attr(el, "number-from", count + 1, 1, 9999)
                    form = here
                    self.section(el, depth + 1, here, count, out)
                else:
                    self.section(el, depth + 1, here, 0, out)
            elif tag == "p":
                out.append(self.paragraph(el))
            elif tag == "list":
                self.list(el, out, rung)
            elif tag == "table":
                caption = el.get("caption")
                if caption:  # the caption stays on the page of the table
                    out.append(ir.Paragraph("caption", [ir.Run(caption)], keep_with_next=True))
                out.append(self.table(el))
            elif tag == "title":
                out.append(ir.Paragraph("title", [ir.Run(_text(el))], keep_with_next=True))
                nxt = elements[i + 1].tag if i + 1 < len(elements) else None
                if nxt not in ("title", "subtitle"):
                    out.append(_blank())
            elif tag == "subtitle":
                out.append(ir.Paragraph("subtitle", [ir.Run(_text(el))]))
                if not (i + 1 < len(elements) and elements[i + 1].tag == "doc-number"):
                    out.append(_blank())
            elif tag == "masthead":
                out.append(ir.Paragraph("masthead", [ir.Run(_text(el))], keep_with_next=True))
                out.append(_blank(keep=True))
            elif tag == "doc-number":
                if len(out) > 1 and _is_blank(out[-1]) and getattr(out[-2], "kind", None) == "title":
                    out.pop()  # the number sits right under the title lines; the blank line comes after it
                out.append(ir.Paragraph("doc_number", [ir.Run(_text(el))]))
                out.append(_blank())
            elif tag == "attachment-label":
                out.append(ir.Paragraph("attachment_label", [ir.Run(_text(el))]))
                out.append(_blank())
            elif tag == "addressee":
                out.append(ir.Paragraph("addressee", [ir.Run(_text(el))]))
            elif tag == "attachments":
                self.attachments(el, out)
            elif tag == "attachment-page":  # an attachment printed with the document: a new page, its own numbering
                if depth > 0:
                    raise OutlineError("outline.unknown", tag=tag)
                start = len(out)
                self.children(el, depth, out, 1)
                first = next((b for b in out[start:] if isinstance(b, ir.Paragraph)), None)
                if first is not None:
                    first.page_break_before = True
            elif tag == "signature":
                _keep_last_with_next(out)
                out.append(_blank(keep=True))
                out.append(ir.Paragraph("signature", [ir.Run(_text(el))], keep_with_next=True))
            elif tag == "date":
                if not out or getattr(out[-1], "kind", None) != "signature":
                    _keep_last_with_next(out)
                    out.append(_blank(keep=True))
                out.append(ir.Paragraph("date", [ir.Run(_text(el))]))
            else:
                raise OutlineError("outline.unknown", tag=tag)

    def section(self, el: ET.Element, depth: int, rung: int, n: int, out: list) -> None:
        if depth > MAX_DEPTH:
            raise OutlineError("outline.too_deep", depth=MAX_DEPTH)
        title = el.get("title", "")
        if n and rung > MAX_RUNG:
            raise OutlineError("outline.numbering_too_deep", title=title or _text(el)[:20], rung=rung, most=MAX_RUNG,
                               forms=" ".join(FORMS))
        number = heading_number(rung, n) if n else ""
        kind = heading_kind(rung)
        items = list(el)
        run_in = (el.get("run-in") == "1" or not title) and items and items[0].tag == "p"
        if run_in:
            first = items.pop(0)
            runs = [ir.Run(title)] if title else []
            if title:
                runs.append(ir.Run(el.get("separator", "：")))
            runs.extend(parse_inline(_text(first), role="body"))
            out.append(ir.Paragraph(kind, runs, number=number, keep_with_next=False, run_in=True))
        else:
            out.append(ir.Paragraph(kind, [ir.Run(title)] if title else [], number=number, keep_with_next=True))
        rest = ET.Element("section")
        rest.extend(items)
        self.children(rest, depth, out, rung + 1)

    def paragraph(self, el: ET.Element) -> ir.Paragraph:
        kind = _P_KINDS.get(el.get("style", "body"), "body")
        runs = parse_inline(_text(el))
        if el.get("bold") == "1":
            for r in runs:
                r.bold = True
        return ir.Paragraph(kind, runs)  # type: ignore[arg-type]

    def list(self, el: ET.Element, out: list, rung: int) -> None:
        """Items numbered in their own form, else in the rung after the section they sit in."""
        numbered = el.get("numbered", "1") != "0"
        rung = _numbering_attr(el) or rung
        items = el.findall("li")
        if numbered and items and rung > MAX_RUNG:
            raise OutlineError("outline.list_too_deep", item=_text(items[0])[:20], rung=rung, most=MAX_RUNG,
                               forms=" ".join(FORMS))
        first = _int_attr(el, "number-from", 1, 1, 9999)
        for i, li in enumerate(items, first):
            out.append(ir.Paragraph("item", parse_inline(_text(li)), number=heading_number(rung, i) if numbered else ""))

    def attachments(self, el: ET.Element, out: list) -> None:
        titles = [_text(a) for a in el.findall("attachment")]
        if not titles:
            return
        out.append(_blank())
        for i, title in enumerate(titles, 1):
            lead = "附件：" if i == 1 else "\u3000" * 3
            numbered = f"{i}." if len(titles) > 1 else ""
            out.append(ir.Paragraph("attachments", [ir.Run(f"{lead}{numbered}{title}")]))

    # -- tables ------------------------------------------------------------
    def table(self, el: ET.Element) -> ir.Table:
        import math

        cols = []
        weights: list[float] = []
        merge_cols: list[int] = []
        explicit = False
        row_els = []
        header_els: list[ET.Element] = []
        for child in el:
            tag = child.tag
            if tag == "row":
                row_els.append(child)
            elif tag == "col":
                weight = child.get("weight")
                w = 0.0
                if weight is not None:
                    explicit = True
                    try:
                        w = float(weight)
                    except ValueError:
                        raise OutlineError("outline.weight_number", weight=repr(weight)) from None
                    if not (math.isfinite(w) and 0 < w <= 1e6):
                        raise OutlineError("outline.weight_range", weight=repr(weight))
                cols.append(ir.Column(child.get("title", ""), 0, _align_attr(child, "left")))  # type: ignore[arg-type]
                weights.append(w)
                if child.get("merge") == "1":
                    merge_cols.append(len(cols) - 1)
            elif tag == "header":  # one element per header row
                if len(header_els) >= MAX_HEADER_ROWS:
                    raise OutlineError("outline.two_headers", most=MAX_HEADER_ROWS)
                header_els.append(child)
            else:
                raise OutlineError("outline.in_table", tag=tag)
        ncols = len(cols)
        if ncols == 0:
            raise OutlineError("outline.no_col", table=repr(el.get('name', '')))
        if ncols > MAX_COLUMNS:
            raise OutlineError("outline.too_many_columns", table=repr(el.get('name', '')), columns=ncols, most=MAX_COLUMNS)
        # a column's alignment passes to its cells unless it is the default
        aligns = [c.align if c.align != "left" else None for c in cols]
        Cell = ir.Cell
        rows: list[list[ir.Cell]] = []
        ups = False
        for n, r in enumerate(row_els, 1):  # thousands of rows in a catalog: keep this loop lean
            row = []
            pos = 0
            for c in r:
                if c.tag != "cell":
                    raise OutlineError("outline.in_row", tag=c.tag)
                span = _int_attr(c, "span", 1, 1, ncols) if c.attrib else 1
                align = _align_attr(c, None) if c.attrib else None
                row.append(Cell(_text(c), span, None, False, align or (aligns[pos] if pos < ncols else None)))  # type: ignore[arg-type]
                if c.attrib and c.get("merge") == "up":  # this cell continues the one above it
                    row[-1].vmerge = "continue"
                    ups = True
                pos += span
            if pos != ncols:
                raise OutlineError("outline.row_span", table=repr(el.get('name', '')), row=n, span=pos, columns=ncols)
            rows.append(row)
        header = None
        if header_els:
            header = []
            for c_row in header_els:
                cells = []
                pos = 0
                for c in c_row:
                    if c.tag != "cell":
                        raise OutlineError("outline.in_header", tag=c.tag)
                    span = _int_attr(c, "span", 1, 1, ncols)
                    cells.append(ir.Cell(_text(c), span=span, bold=True, align="center"))
                    if c.get("merge") == "up":
                        cells[-1].vmerge = "continue"
                    pos += span
                if pos != ncols:
                    raise OutlineError("outline.header_span", table=repr(el.get('name', '')), span=pos, columns=ncols)
                header.append(cells)
            if any(c.vmerge == "continue" for row in header for c in row):
                _merges_up(header, el.get("name", ""))
        if merge_cols:
            _vertical_merges(rows, merge_cols)
        if ups:
            _merges_up(rows, el.get("name", ""))
        if explicit and not all(weights):
            raise OutlineError("outline.weights_all", table=repr(el.get('name', '')))
        text = None
        if explicit:
            widths, font_size = scale_widths(weights, self.metrics.table_width), None
        else:
            text = TableText([c.title for c in cols], rows, header)
            widths, font_size = size_columns(text, self.metrics)
        for c, w in zip(cols, widths):
            c.width = w
        table = ir.Table(cols, rows, header=header, name=el.get("name", ""), font_size=font_size,
                         keep_with_next=merged_rows_kept(rows, self.metrics.keep_merged_rows))
        if text is not None:
            self.sized.append((table, text))
        return table


def _text(el: ET.Element) -> str:
    if not len(el):  # a plain cell or paragraph: no need to walk children
        return (el.text or "").strip()
    return "".join(el.itertext()).strip()


def _grid(row: list[ir.Cell]) -> dict[int, ir.Cell]:
    out, pos = {}, 0
    for cell in row:
        out[pos] = cell
        pos += cell.span
    return out


def _merges_up(rows: list[list[ir.Cell]], table: str) -> None:
    """Cells written ``merge="up"`` continue the cell above them (of the same span), which starts
    the merged block unless it continues one itself: a rubric item's cell over its rows."""
    prev: dict[int, ir.Cell] = {}
    for n, row in enumerate(rows, 1):
        grid = _grid(row)
        for pos, cell in grid.items():
            if cell.vmerge != "continue":
                continue
            above = prev.get(pos)
            if above is None or above.span != cell.span:
                raise OutlineError("outline.merge_up", table=repr(table), row=n)
            if above.vmerge is None:
                above.vmerge = "restart"
        prev = grid


def _vertical_merges(rows: list[list[ir.Cell]], merge_cols: list[int]) -> None:
    """Merge equal consecutive cells of merge columns, left to right, hierarchically."""
    prev: dict[int, ir.Cell] | None = None
    prev_text: dict[int, str] = {}
    for row in rows:
        grid = _grid(row)
        merged_left = True
        for col in merge_cols:
            cell = grid.get(col)
            above = prev.get(col) if prev else None
            if (
                merged_left
                and cell is not None
                and above is not None
                and cell.span == above.span
                and cell.text == prev_text.get(col)
                # an empty cell merges only under a merged cell (通识 rows have no 学科),
                # so blank rows of a free table do not fuse into one
                and (cell.text != "" or col != merge_cols[0])
            ):
                if above.vmerge is None:
                    above.vmerge = "restart"
                cell.vmerge = "continue"
            else:
                merged_left = False
        prev_text = {c: grid[c].text for c in grid}
        prev = grid
