"""Emit a laid-out document (plancc.layout.ir) as an official-style .docx.

python-docx supplies the package (its default template, parts, relationships,
footers); everything that carries layout is written here with lxml from the
layout profile: styles.xml is rebuilt from scratch (one named style per IR
paragraph kind), the page, grid and footers are set, and the body is built as
XML directly. Two reasons for the latter: speed (``Document.add_paragraph``
rescans the body for its sectPr on every call and ``add_row`` + ``cell.text``
costs ~0.6 ms a row; catalogs run to 20,000 rows) and control (python-docx has
no API for tblHeader, cantSplit, fields or the document grid). Table rows go
one step further: each row shape is serialized once and filled in as text, and
the rows are spliced into document.xml after saving, so a large catalog never
exists as an element tree.

The output is deterministic: fixed core properties and a re-zipped package with
fixed entry order and timestamps, so the same IR and profile give the same bytes.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Sequence

import docx as _python_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from plancc.emit import ooxml as ox
from plancc.emit.atomic import atomic_write_bytes
from plancc.errors import RenderError
from plancc.layout import ir
from plancc.layout.profile import ParagraphStyle, Profile, RunStyle

__all__ = [
    "EmitError",
    "render_docx",
    "write_docx",
    "style_ids",
    "BUILTIN_STYLES",
    "ZIP_EPOCH",
]

#: Timestamp of every zip entry (the earliest a zip can carry) and the default
#: core-properties date when the IR has none.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE_EPOCH = "1980-01-01T00:00:00Z"

BUILTIN_STYLES = ox.BUILTIN_STYLES

_W = ox.W_NS
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
_TR = ox.qn("w:tr")
_TC = ox.qn("w:tc")
_VAL = ox.qn("w:val")
_SECTPR = ox.qn("w:sectPr")
_STYLE = ox.qn("w:style")

# texts that cannot simply be assigned to a w:t (line breaks, tabs, XML-illegal characters)
_NEEDS_WORK = re.compile("[\x00-\x08\x09\x0a\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")


class EmitError(RenderError, ValueError):
    """The IR cannot be written as given (e.g. a table row whose spans do not fill the grid)."""


# ====================================================================== styles


def _camel(kind: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in kind.split("_"))


def style_ids(profile: Profile) -> dict[str, str]:
    """Kind (IR paragraph kinds, table_cell, table_header, page_number, body_run) → w:styleId.

    Built-in names get Word's own ids; custom names get ASCII ids ``plancc<Kind>``
    (Word derives ids from names, which for Chinese names is unreadable)."""
    out: dict[str, str] = {}
    for kind in type(profile.styles).model_fields:
        name = getattr(profile.styles, kind).name
        builtin = BUILTIN_STYLES.get(name.casefold())
        out[kind] = builtin[1] if builtin else "plancc" + _camel(kind)
    return out


def _style_name(name: str) -> str:
    builtin = BUILTIN_STYLES.get(name.casefold())
    return builtin[0] if builtin else name


def _style_element(
    *,
    type_: str,
    style_id: str,
    name: str,
    based_on: str | None = None,
    next_: str | None = None,
    default: bool = False,
    ui_priority: int | None = None,
    q_format: bool = True,
    semi_hidden: bool = False,
) -> etree._Element:
    attrs: dict[str, object] = {"type": type_}
    if default:
        attrs["default"] = 1
    if not BUILTIN_STYLES.get(name.casefold()) and type_ != "table":
        attrs["customStyle"] = 1
    attrs["styleId"] = style_id
    st = ox.el("w:style", attrs)
    ox.put_new(st, "w:name", val=_style_name(name))
    if based_on:
        ox.put_new(st, "w:basedOn", val=based_on)
    if next_:
        ox.put_new(st, "w:next", val=next_)
    if ui_priority is not None:
        ox.put_new(st, "w:uiPriority", val=ui_priority)
    if semi_hidden:
        ox.put_new(st, "w:semiHidden")
        ox.put_new(st, "w:unhideWhenUsed")
    if q_format:
        ox.put_new(st, "w:qFormat")
    return st


def _run_props(style: RunStyle, profile: Profile) -> etree._Element:
    rpr = ox.build_rpr(style, profile.color, profile.language.latin, profile.language.east_asia)
    # explicit tracking even when 0: a derived style must not inherit Normal's −5
    ox.put_new(rpr, "w:spacing", val=style.char_spacing)
    return rpr


def _paragraph_style(kind: str, style: ParagraphStyle, sid: str, profile: Profile, ids: dict[str, str]) -> etree._Element:
    # the body style is the document's default paragraph style whatever its name
    # (everything else is based on it); only kind decides, so a renamed body works
    is_normal = kind == "body"
    st = _style_element(
        type_="paragraph",
        style_id=sid,
        name=style.name,
        based_on=None if is_normal else ids["body"],
        next_=None if is_normal or kind in ("table_cell", "table_header", "page_number") else ids["body"],
        default=is_normal,
        ui_priority=0 if is_normal else (9 if kind.startswith("heading") else None),
    )
    ppr = ox.build_ppr(style)
    if not style.keep_next and not is_normal:
        ox.put_new(ppr, "w:keepNext", val="0")
    if style.snap_to_grid and not is_normal:
        ox.put_new(ppr, "w:snapToGrid", val="1")
    if style.outline_level is None and not is_normal:
        ox.put_new(ppr, "w:outlineLvl", val=9)  # 9 = body text level: do not inherit one
    ox.put(st, ppr)
    ox.put(st, _run_props(style, profile))
    return st


def _build_styles(styles_root: etree._Element, profile: Profile, ids: dict[str, str]) -> None:
    """Replace every style of the template (blue bold headings, theme fonts, list
    styles, …) with the profile's styles."""
    for st in styles_root.findall(_STYLE):
        styles_root.remove(st)
    ox.reset_doc_defaults(styles_root, profile)
    ox.strip_theme_fonts(styles_root)
    ox.strip_colors(styles_root)

    styles: list[etree._Element] = []
    pstyles = profile.styles.paragraph_styles()
    # Normal (body) first: everything else is based on it
    order = ["body"] + [k for k in pstyles if k != "body"]
    for kind in order:
        styles.append(_paragraph_style(kind, pstyles[kind], ids[kind], profile, ids))

    dpf = _style_element(
        type_="character", style_id="DefaultParagraphFont", name="Default Paragraph Font",
        default=True, ui_priority=1, q_format=False, semi_hidden=True,
    )
    styles.append(dpf)
    run = profile.styles.body_run
    cst = _style_element(
        type_="character", style_id=ids["body_run"], name=run.name,
        based_on="DefaultParagraphFont", q_format=True,
    )
    ox.put(cst, _run_props(run, profile))
    styles.append(cst)

    tnormal = _style_element(
        type_="table", style_id="TableNormal", name="Normal Table",
        default=True, ui_priority=99, q_format=False, semi_hidden=True,
    )
    tblpr = ox.el("w:tblPr")
    ox.put_new(tblpr, "w:tblInd", w=0, type="dxa")
    mar = ox.put_new(tblpr, "w:tblCellMar")
    cm = profile.table.cell_margins
    for side, v in (("top", cm.top), ("left", cm.left), ("bottom", cm.bottom), ("right", cm.right)):
        ox.sub(mar, "w:" + side, w=v, type="dxa")
    ox.put(tnormal, tblpr)
    styles.append(tnormal)

    for st in styles:
        styles_root.append(st)


# ====================================================================== fonts, properties


def _font_table_xml(profile: Profile) -> bytes:
    """fontTable.xml naming the profile's fonts (charset 86 = GB2312 for Chinese faces,
    first alternate as w:altName) instead of the template's Japanese faces."""
    root = etree.Element(ox.qn("w:fonts"), nsmap={"w": _W})
    east = {getattr(profile.styles, k).font.east_asia for k in type(profile.styles).model_fields}
    for name, alternates in profile.fonts().items():
        f = ox.sub(root, "w:font", name=name)
        cjk = name in east or any(ord(ch) > 0x2E7F for ch in name)
        if alternates:
            ox.sub(f, "w:altName", val=alternates[0])
        ox.sub(f, "w:charset", val="86" if cjk else "00")
        ox.sub(f, "w:family", val="auto" if cjk else "roman")
        ox.sub(f, "w:pitch", val="variable")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_xml(doc: ir.Document, profile: Profile) -> bytes:
    """docProps/core.xml with only stable facts: title, author, language, date."""
    ns = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "dcmitype": "http://purl.org/dc/dcmitype/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    stamp = _core_date(doc.date)
    root = etree.Element("{%s}coreProperties" % ns["cp"], nsmap=ns)
    for tag, text in (
        ("{%s}title" % ns["dc"], doc.title),
        ("{%s}creator" % ns["dc"], doc.author),
        ("{%s}language" % ns["dc"], profile.language.east_asia),
    ):
        e = etree.SubElement(root, tag)
        e.text = ox.clean_text(text) if text else None
    for tag in ("created", "modified"):
        e = etree.SubElement(root, "{%s}%s" % (ns["dcterms"], tag))
        e.set("{%s}type" % ns["xsi"], "dcterms:W3CDTF")
        e.text = stamp
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_date(value: str) -> str:
    """The W3CDTF stamp of the document date: a day, or the first day of a month ("2024-11")."""
    if not value:
        return _CORE_EPOCH
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value.strip())
    try:
        if m is None:
            raise ValueError(value)
        d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError as exc:
        raise EmitError(f"文档日期应为 YYYY-MM-DD 或 YYYY-MM 格式，得到 {value!r}") from exc
    return f"{d.isoformat()}T00:00:00Z"


def _app_xml() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element("{%s}Properties" % ns, nsmap={None: ns})
    for tag, text in (("Application", "plancc"), ("DocSecurity", "0"), ("ScaleCrop", "false"),
                      ("LinksUpToDate", "false"), ("SharedDoc", "false"),
                      ("HyperlinksChanged", "false")):
        etree.SubElement(root, "{%s}%s" % (ns, tag)).text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ====================================================================== body


class _BodyWriter:
    """Builds body blocks as lxml elements and inserts them before the final sectPr."""

    def __init__(self, profile: Profile, ids: dict[str, str], sect_pr: etree._Element):
        self.profile = profile
        self.ids = ids
        self.sect_pr = sect_pr
        self.v_align = profile.table.cell_v_align
        self.body_run_id = ids["body_run"]
        self.row_chunks: list[list[str]] = []  # serialized rows of each table, spliced in later

    # ---------------------------------------------------------------- paragraphs

    def add(self, e: etree._Element) -> None:
        self.sect_pr.addprevious(e)

    def paragraph(self, p: ir.Paragraph) -> etree._Element:
        sid = self.ids.get(p.kind)
        if sid is None or p.kind in ("table_cell", "table_header", "page_number", "body_run"):
            raise EmitError(f"未知的段落类型 {p.kind!r}")
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
        if p.number:
            ox.add_text(etree.SubElement(e, _R), p.number)
        for run in p.runs:
            r = etree.SubElement(e, _R)
            if run.role == "body" or run.bold:
                rpr = etree.SubElement(r, _RPR)
                if run.role == "body":
                    etree.SubElement(rpr, _RSTYLE).set(_VAL, self.body_run_id)
                if run.bold:
                    etree.SubElement(rpr, _B)
                    etree.SubElement(rpr, _BCS)
            ox.add_text(r, run.text)
        return e

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
        # (see _splice_rows): a 20,000-row table as lxml elements costs ~250 MB and
        # most of the render time; as text it is a join over pre-serialized pieces.
        chunk: list[str] = []
        tbl.append(etree.Comment(f"{_ROWS_MARK}{len(self.row_chunks)}"))
        self.row_chunks.append(chunk)
        protos: dict[tuple, _RowText] = {}
        starts = [sum(widths[:i]) for i in range(ncols + 1)]

        def emit_rows(rows: Sequence[Sequence[ir.Cell]], header: bool, first: int) -> None:
            style_id = self.ids["table_header" if header else "table_cell"]
            style_align = self.profile.styles.table_header.align if header else self.profile.styles.table_cell.align
            keep_bold = look.header_bold or not header
            add = chunk.append
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
                key = (header, tuple(shape))
                proto = protos.get(key)
                if proto is None:
                    proto = protos[key] = _RowText(
                        self._row_prototype(shape, header, style_id, style_align, widths, starts, t.font_size)
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
        font_size: int | None = None,
    ) -> etree._Element:
        """One row with the given cell shapes and empty w:t's, deep-copied for every
        row of that shape (~15× faster than python-docx's add_row + cell.text)."""
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
            if align != style_align:
                etree.SubElement(ppr, _JC).set(_VAL, align)
            if font_size:  # a dense table: the paragraph mark and the run one size smaller
                _set_size(etree.SubElement(ppr, _RPR), font_size)
            if vmerge == "continue":
                continue  # covered cell: an empty paragraph, its text is ignored
            r = etree.SubElement(p, _R)
            if bold or font_size:
                rpr = etree.SubElement(r, _RPR)
                if bold:
                    etree.SubElement(rpr, _B)
                    etree.SubElement(rpr, _BCS)
                if font_size:
                    _set_size(rpr, font_size)
            etree.SubElement(r, _T)
        return tr


def _set_size(rpr: etree._Element, half_points: int) -> None:
    etree.SubElement(rpr, ox.qn("w:sz")).set(_VAL, str(half_points))
    etree.SubElement(rpr, ox.qn("w:szCs")).set(_VAL, str(half_points))


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


def _splice_rows(document_xml: bytes, chunks: list[list[str]]) -> bytes:
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


# ====================================================================== package


_DROP_DOC_RELS = {
    RT.CUSTOM_XML,  # template's bibliography sources
    RT.NUMBERING,  # template's bullet lists; numbering here is literal text
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",  # Word 2010 copy of the blue styles
}
_DROP_PKG_RELS = {RT.THUMBNAIL}


def _drop_template_parts(document: "_python_docx.document.Document") -> None:
    part = document.part
    for rId, rel in sorted(part.rels.items()):
        if not rel.is_external and rel.reltype in _DROP_DOC_RELS:
            part.drop_rel(rId)
    pkg_rels = part.package.rels
    for rId in sorted(k for k, rel in pkg_rels.items() if rel.reltype in _DROP_PKG_RELS):
        del pkg_rels[rId]


def _set_footers(document, profile: Profile, ids: dict[str, str]) -> None:
    section = document.sections[0]
    pn = profile.page_number
    sides = [(section.footer, pn.odd)]
    if pn.even_and_odd:
        sides.append((section.even_page_footer, pn.even))
    for footer, side in sides:
        footer.is_linked_to_previous = False
        ftr = footer._element  # the w:ftr root of the footer part
        for child in list(ftr):
            ftr.remove(child)
        ftr.append(ox.page_number_paragraph(ids["page_number"], side, pn.prefix, pn.suffix))


def _set_settings(document, profile: Profile) -> None:
    settings = document.settings.element
    ox.remove_rsids(settings)
    ox.set_even_and_odd(settings, profile.page_number.even_and_odd)
    lang = settings.find(ox.qn("w:themeFontLang"))
    if lang is not None:
        lang.set(ox.qn("w:val"), profile.language.latin)
        lang.set(ox.qn("w:eastAsia"), profile.language.east_asia)


def _deterministic_zip(raw: bytes, replace: dict[str, bytes]) -> bytes:
    """Re-zip a package with a fixed entry order, timestamps and attributes."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    names = src.namelist()
    first = [n for n in ("[Content_Types].xml", "_rels/.rels", "word/document.xml") if n in names]
    ordered = first + sorted(n for n in names if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name in ordered:
            data = replace.get(name)
            if data is None:
                data = src.read(name)
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            dst.writestr(info, data, compresslevel=6)
    return out.getvalue()


def render_docx(doc: ir.Document, profile: Profile) -> bytes:
    """The .docx bytes of ``doc`` laid out with ``profile``; identical input gives identical bytes."""
    core = _core_xml(doc, profile)  # validates the date before any work
    document = _python_docx.Document()  # python-docx's default template, reset below
    ids = style_ids(profile)

    _drop_template_parts(document)
    _build_styles(document.styles.element, profile, ids)
    _set_settings(document, profile)
    _set_footers(document, profile, ids)

    body = document.element.body
    sect_pr = body.find(_SECTPR)
    ox.page_setup(sect_pr, profile.page)
    for child in list(body):  # the template's body is empty, but be sure
        if child is not sect_pr:
            body.remove(child)

    writer = _BodyWriter(profile, ids, sect_pr)
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if isinstance(block, ir.Paragraph):
            writer.add(writer.paragraph(block))
        elif isinstance(block, ir.Table):
            for e in writer.table(block):
                writer.add(e)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or isinstance(nxt, ir.Table):
                writer.add(writer.spacer())
        else:
            raise EmitError(f"未知的块类型 {type(block).__name__}")

    # Never detach the big body (lxml re-homes namespaces node by node on unlink,
    # which takes seconds for a large table): python-docx serializes it in place.
    raw = io.BytesIO()
    document.save(raw)
    package = raw.getvalue()
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        document_xml = _splice_rows(z.read("word/document.xml"), writer.row_chunks)
    del document, body, sect_pr, writer

    return _deterministic_zip(
        package,
        {
            "word/document.xml": document_xml,
            "word/fontTable.xml": _font_table_xml(profile),
            "docProps/core.xml": core,
            "docProps/app.xml": _app_xml(),
        },
    )


def write_docx(doc: ir.Document, profile: Profile, path: str | os.PathLike[str]) -> Path:
    """Render and write atomically: a failed render leaves a previous file untouched."""
    data = render_docx(doc, profile)
    return atomic_write_bytes(path, data)
