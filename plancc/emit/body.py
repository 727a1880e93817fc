"""The body of the .docx: IR paragraphs and tables as WordprocessingML.

The body is built as lxml elements directly rather than through python-docx,
for speed (``Document.add_paragraph`` rescans the body for its sectPr on every
call and ``add_row`` + ``cell.text`` costs ~0.6 ms a row; catalogs run to
20,000 rows) and control (python-docx has no API for tblHeader, cantSplit,
fields or the document grid). Table rows go one step further: each row shape
is serialized once and filled in as text, and the rows are spliced into
document.xml after saving (:func:`splice_rows`), so a large catalog never
exists as an element tree.

Everything about where text goes is in the IR already (column widths, a dense
table's size, a centred 署名's indent); this module maps kinds onto style ids
and writes.
"""

from __future__ import annotations

import copy
import re
from typing import Sequence

from lxml import etree

from plancc.emit import ooxml as ox
from plancc.emit.errors import EmitError
from plancc.emit.mapping import RUN_IN_KINDS, run_in_style, sized_style
from plancc.layout import ir
from plancc.layout.profile import Profile

_P = ox.qn("w:p")
_PPR = ox.qn("w:pPr")
_PSTYLE = ox.qn("w:pStyle")
_KEEPNEXT = ox.qn("w:keepNext")
_PAGEBREAK = ox.qn("w:pageBreakBefore")
_JC = ox.qn("w:jc")
_R = ox.qn("w:r")
_RPR = ox.qn("w:rPr")
_RSTYLE = ox.qn("w:rStyle")
_B = ox.qn("w:b")
_BCS = ox.qn("w:bCs")
_T = ox.qn("w:t")
_DELTEXT = ox.qn("w:delText")
#: the author Word shows for the changes plancc diff --docx marks
CHANGE_AUTHOR = "plancc diff"
_TR = ox.qn("w:tr")
_TC = ox.qn("w:tc")
_VAL = ox.qn("w:val")

# texts that cannot simply be assigned to a w:t (line breaks, tabs, XML-illegal characters)
_NEEDS_WORK = re.compile("[\x00-\x08\x09\x0a\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")


class BodyWriter:
    """Builds body blocks as lxml elements and inserts them before the final sectPr."""

    def __init__(self, profile: Profile, ids: dict[str, str], sect_pr: etree._Element):
        self.profile = profile
        self.ids = ids
        self.sect_pr = sect_pr
        self.v_align = profile.table.cell_v_align
        self.body_run_id = ids["body_run"]
        self.run_in_ids = {k: run_in_style(profile, k)[0] for k in RUN_IN_KINDS}
        self.row_chunks: list[list[str]] = []  # serialized rows of each table, spliced in later
        self.change_id = 0  # the last id of a tracked change (w:ins / w:del)

    # ---------------------------------------------------------------- paragraphs

    def add(self, e: etree._Element) -> None:
        self.sect_pr.addprevious(e)

    def paragraph(self, p: ir.Paragraph) -> etree._Element:
        sid = self.ids.get(p.kind)
        if sid is None or p.kind in ("table_cell", "table_header", "page_number", "body_run"):
            raise EmitError(f"未知的段落类型 {p.kind!r}")
        # a run-in heading is a body paragraph whose number and title are in the heading's look
        heading_run = self.run_in_ids.get(p.kind) if p.run_in else None
        if heading_run is not None:
            sid = self.ids["body"]
        e = etree.Element(_P, nsmap=ox.NSMAP)
        ppr = etree.SubElement(e, _PPR)
        etree.SubElement(ppr, _PSTYLE).set(_VAL, sid)
        if p.keep_with_next is not None:
            keep = etree.SubElement(ppr, _KEEPNEXT)
            if not p.keep_with_next:
                keep.set(_VAL, "0")
        if p.page_break_before:
            etree.SubElement(ppr, _PAGEBREAK)
        if p.right_indent is not None:
            ox.put_new(ppr, "w:ind", left=0, right=p.right_indent, firstLine=0)
        if p.change is not None:  # the paragraph mark itself inserted or deleted (last child of pPr)
            self._mark(etree.SubElement(ppr, _RPR), p.change, empty=True)
        if p.number:
            r = etree.SubElement(e, _R)
            if heading_run is not None:
                etree.SubElement(etree.SubElement(r, _RPR), _RSTYLE).set(_VAL, heading_run)
            ox.add_text(r, p.number)
        for run in p.runs:
            if run.change is not None:
                r = etree.SubElement(self._mark(e, run.change), _R)
            else:
                r = etree.SubElement(e, _R)
            if heading_run is not None:
                # in the body paragraph: the heading's own runs take its look, the body text none
                char_style = heading_run if run.role == "self" else None
            else:
                char_style = self.body_run_id if run.role == "body" else None
            if char_style or run.bold:
                rpr = etree.SubElement(r, _RPR)
                if char_style:
                    etree.SubElement(rpr, _RSTYLE).set(_VAL, char_style)
                if run.bold:
                    etree.SubElement(rpr, _B)
                    etree.SubElement(rpr, _BCS)
            ox.add_text(r, run.text)
            if run.change == "del":  # deleted text is w:delText
                for t in r.iter(_T):
                    t.tag = _DELTEXT
        return e

    def _mark(self, parent: etree._Element, change: str, empty: bool = False) -> etree._Element:
        """A w:ins or w:del under ``parent`` (around runs, or empty in a paragraph mark's rPr),
        with a document-unique id; no date, so the output stays byte-identical."""
        self.change_id += 1
        return ox.sub(parent, "w:ins" if change == "ins" else "w:del", id=self.change_id, author=CHANGE_AUTHOR)

    def spacer(self) -> etree._Element:
        """Empty body paragraph: keeps two tables apart (Word would join them) and ends
        the body with a paragraph after a final table, as Word requires."""
        e = etree.Element(_P, nsmap=ox.NSMAP)
        etree.SubElement(etree.SubElement(e, _PPR), _PSTYLE).set(_VAL, self.ids["body"])
        return e

    # ---------------------------------------------------------------- tables

    def table(self, t: ir.Table) -> list[etree._Element]:
        look = self.profile.table
        ncols = len(t.columns)
        label = f"表格“{t.name or '?'}”"
        if ncols == 0:
            raise EmitError(f"{label}没有列")
        widths = [c.width for c in t.columns]
        if any(not (isinstance(w, int) and w > 0) for w in widths):
            raise EmitError(f"{label}：列宽必须为正整数（缇）")
        out: list[etree._Element] = []
        tbl = etree.Element(ox.qn("w:tbl"), nsmap=ox.NSMAP)
        tbl.append(ox.table_properties(look, sum(widths)))
        tbl.append(ox.table_grid(widths))
        # Rows are written as XML text and spliced in after the package is saved
        # (see splice_rows): a 20,000-row table as lxml elements costs ~250 MB and
        # most of the render time; as text it is a join over pre-serialized pieces.
        chunk: list[str] = []
        tbl.append(etree.Comment(f"{_ROWS_MARK}{len(self.row_chunks)}"))
        self.row_chunks.append(chunk)
        protos: dict[tuple, _RowText] = {}
        starts = [sum(widths[:i]) for i in range(ncols + 1)]

        def emit_rows(rows: Sequence[Sequence[ir.Cell]], header: bool, first: int) -> None:
            kind = "table_header" if header else "table_cell"
            style_id = self.ids[kind]
            if t.font_size and t.font_size != self.profile.styles[kind].size:
                style_id = sized_style(self.profile, kind, t.font_size)[0]  # a dense table: its own style
            style_align = self.profile.styles.table_header.align if header else self.profile.styles.table_cell.align
            keep_bold = look.header_bold or not header
            add = chunk.append
            kept = t.keep_with_next if not header else frozenset()
            for n, row in enumerate(rows, start=first):
                shape = []
                col = 0
                texts = []
                for c in row:
                    span = c.span if c.span and c.span > 0 else 1
                    if col + span > ncols:
                        col += span
                        break
                    align = c.align or (t.columns[col].align if not header else None) or style_align
                    shape.append((span, c.vmerge, bool(c.bold and keep_bold), align))
                    if c.vmerge != "continue":
                        texts.append(c.text if c.text is not None else "")
                    col += span
                if col != ncols:
                    raise EmitError(
                        f"{label}第 {n} 行占 {sum(max(c.span, 1) for c in row)} 列（含合并），"
                        f"但表格有 {ncols} 列"
                    )
                keep = (n - first) in kept
                key = (header, keep, tuple(shape))
                proto = protos.get(key)
                if proto is None:
                    proto = protos[key] = _RowText(
                        self._row_prototype(shape, header, style_id, style_align, widths, starts, keep)
                    )
                add(proto.fill(texts))

        emit_rows(t.header_rows(), True, 1)
        emit_rows(t.rows, False, len(t.header_rows()) + 1)
        out.append(tbl)
        return out

    def _row_prototype(
        self,
        shape: list[tuple],
        header: bool,
        style_id: str,
        style_align: str,
        widths: list[int],
        starts: list[int],
        keep: bool = False,
    ) -> etree._Element:
        """One row with the given cell shapes and empty w:t's, deep-copied for every
        row of that shape (~15× faster than python-docx's add_row + cell.text).
        ``keep``: every paragraph of the row keeps with the next (the row stays on the
        next row's page: plancc.layout.rows)."""
        look = self.profile.table
        tr = etree.Element(_TR, nsmap=ox.NSMAP)
        trpr = ox.row_properties(header=header and look.repeat_header, cant_split=look.cant_split)
        if trpr is not None:
            tr.append(trpr)
        col = 0
        for span, vmerge, bold, align in shape:
            w = starts[col + span] - starts[col]
            col += span
            tc = etree.SubElement(tr, _TC)
            tc.append(ox.cell_properties(w, span=span, vmerge=vmerge, v_align=self.v_align))
            p = etree.SubElement(tc, _P)
            ppr = etree.SubElement(p, _PPR)
            etree.SubElement(ppr, _PSTYLE).set(_VAL, style_id)
            if keep:
                etree.SubElement(ppr, _KEEPNEXT)
            if align != style_align:
                etree.SubElement(ppr, _JC).set(_VAL, align)
            if vmerge == "continue":
                continue  # covered cell: an empty paragraph, its text is ignored
            r = etree.SubElement(p, _R)
            if bold:
                rpr = etree.SubElement(r, _RPR)
                etree.SubElement(rpr, _B)
                etree.SubElement(rpr, _BCS)
            etree.SubElement(r, _T)
        return tr


_ROWS_MARK = "plancc-rows-"
_ROWS_MARK_RE = re.compile(r"<!--" + _ROWS_MARK + r"(\d+)-->")
_NS_DECL = re.compile(r'\sxmlns(?::\w+)?="[^"]*"')


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


class _RowText:
    """A row prototype as serialized XML with one slot per w:t, filled by string joins.

    The prototype's namespace declarations are dropped: the row is spliced into
    document.xml, whose root declares the same ``w`` prefix.
    """

    __slots__ = ("proto", "pieces")

    def __init__(self, proto: etree._Element):
        self.proto = proto
        marked = copy.deepcopy(proto)
        for i, t_el in enumerate(marked.iter(_T)):
            t_el.text = f"@@{i}@@"
        self.pieces = re.split(r"<w:t>@@\d+@@</w:t>", _row_xml(marked))

    def fill(self, texts: list[str]) -> str:
        pieces = self.pieces
        whole = "|".join(texts)  # one scan for the rare cases, not one per cell
        if len(texts) != len(pieces) - 1 or _NEEDS_WORK.search(whole):
            return self._slow(texts)
        plain = not ("&" in whole or "<" in whole or ">" in whole or " " in whole)
        out = [pieces[0]]
        for text, piece in zip(texts, pieces[1:]):
            if not text:
                out.append("<w:t/>")
            elif plain:
                out.append("<w:t>" + text + "</w:t>")
            elif text[0] == " " or text[-1] == " " or "  " in text:
                out.append('<w:t xml:space="preserve">' + _escape(text) + "</w:t>")
            else:
                out.append("<w:t>" + _escape(text) + "</w:t>")
            out.append(piece)
        return "".join(out)

    def _slow(self, texts: list[str]) -> str:
        """Texts with line breaks, tabs or XML-illegal characters go through lxml."""
        tr = copy.deepcopy(self.proto)
        for t_el, text in zip(list(tr.iter(_T)), texts):
            if not text:
                continue
            r = t_el.getparent()
            r.remove(t_el)
            ox.add_text(r, text)
        return _row_xml(tr)


def _row_xml(tr: etree._Element) -> str:
    """A w:tr as text, without the namespace declarations lxml puts on it."""
    xml = etree.tostring(tr, encoding="unicode")
    head_end = xml.index(">")
    return _NS_DECL.sub("", xml[:head_end]) + xml[head_end:]


def splice_rows(document_xml: bytes, chunks: list[list[str]]) -> bytes:
    """Put each table's serialized rows where its marker comment stands."""
    if not chunks:
        return document_xml
    text = document_xml.decode("utf-8")
    parts: list[str] = []
    pos = 0
    for m in _ROWS_MARK_RE.finditer(text):
        parts.append(text[pos : m.start()])
        parts.extend(chunks[int(m.group(1))])
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts).encode("utf-8")
