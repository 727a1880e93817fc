"""Reading a .docx package into :class:`DocxFacts`: the main part through the package
relationships, then styles, settings, body, section, footers and core properties."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO, Union

from lxml import etree

from plancc.emit.mapping import PGMAR_ATTRS
from plancc.emit.readback.facts import DocxFacts, StyleFacts
from plancc.emit.readback.paras import Numbering, para_facts
from plancc.emit.readback.parts import (
    NS,
    R,
    _footer_facts,
    _int,
    _on,
    _on_attr,
    _order_problems,
    _para_text,
    _q,
    _resolve_target,
    _style_facts,
    _table_facts,
    _val,
)

# theme fonts and colours are found by a byte scan: fast on big documents
_THEME_ATTR = re.compile(rb'\bw:(?:ascii|hAnsi|eastAsia|cs)[Tt]heme="')
_THEME_COLOR = re.compile(rb'\bw:themeColor="')
_COLOR = re.compile(rb'<w:color\b[^>]*\bw:val="([^"]*)"')

Source = Union[str, Path, bytes, IO[bytes]]

#: bounds on what one package may cost to read: its parts unpacked, together and each
MAX_UNPACKED = 512 * 1024 * 1024
MAX_PART = 128 * 1024 * 1024
#: no DTD entities, no network, libxml2's own depth and size limits kept (huge_tree off)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


class PackageError(ValueError):
    """The package cannot be read as a WordprocessingML document; ``reason`` says why (a key
    of plancc.catalog: docx.reason.*)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=_PARSER)


def read_docx(source: Source, *, layout_only: bool = False) -> DocxFacts:
    """Layout facts of a .docx given as a path, bytes or a binary file object. ``layout_only``
    (what ``plancc validate FILE.docx`` asks for: it reads the text with the importer's reader)
    leaves out what only the read-back tests look at: the paragraphs' texts (``paragraphs``),
    children out of schema order, the styles used and the core properties."""
    import io

    if isinstance(source, (bytes, bytearray)):
        zf = zipfile.ZipFile(io.BytesIO(source))
    else:
        zf = zipfile.ZipFile(source)  # type: ignore[arg-type]
    with zf:
        infos = zf.infolist()
        if sum(i.file_size for i in infos) > MAX_UNPACKED or any(i.file_size > MAX_PART for i in infos):
            raise PackageError("too_big")
        names = set(zf.namelist())
        facts = DocxFacts()

        # main part via the package relationships
        doc_part = "word/document.xml"
        rels = _xml(zf.read("_rels/.rels"))
        for rel in rels:
            if rel.get("Type", "").endswith("/officeDocument"):
                doc_part = _resolve_target("", rel.get("Target", doc_part))
        base = doc_part.rsplit("/", 1)[0] if "/" in doc_part else ""
        doc_rels_name = f"{base}/_rels/{doc_part.rsplit('/', 1)[-1]}.rels"
        targets: dict[str, tuple[str, str]] = {}
        if doc_rels_name in names:
            for rel in _xml(zf.read(doc_rels_name)):
                if rel.get("TargetMode") == "External":
                    continue
                targets[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], _resolve_target(base, rel.get("Target", "")))

        raw_parts: dict[str, bytes] = {}
        for name in sorted(names):
            if name.endswith(".xml") and name.startswith(base + "/") and "/theme/" not in name:
                raw_parts[name] = zf.read(name)

        # theme fonts and colours anywhere in the word/ parts (byte scan: fast on big documents)
        for name, data in raw_parts.items():
            for m in _THEME_ATTR.finditer(data):
                facts.theme_font_refs.append(f"{name}: {m.group(0)[:-2].decode()}")
            if _THEME_COLOR.search(data):
                facts.non_black_colors.append(f"{name}: themeColor")
            for m in _COLOR.finditer(data):
                v = m.group(1).decode()
                if v.upper() not in ("000000", "AUTO"):
                    facts.non_black_colors.append(f"{name}: {v}")

        # styles
        styles_part = next((t for typ, t in targets.values() if typ == "styles"), f"{base}/styles.xml")
        style_by_id: dict[str, StyleFacts] = {}
        style_elems: dict[str, etree._Element] = {}
        char_styles: dict[str, etree._Element] = {}
        default_paragraph_style: str | None = None
        if styles_part in raw_parts:
            sroot = _xml(raw_parts[styles_part])
            for st in sroot.findall(_q("style")):
                sid = st.get(_q("styleId")) or ""
                (char_styles if st.get(_q("type")) == "character" else style_elems)[sid] = st
            facts.doc_defaults, style_by_id = _style_facts(sroot)
            default_paragraph_style = next(
                (s.get(_q("styleId")) for s in sroot.findall(_q("style"))
                 if s.get(_q("type")) == "paragraph" and _on_attr(s.get(_q("default")))),
                None,
            )
            if not layout_only:
                facts.out_of_order += _order_problems(sroot, styles_part)
        style_names = {sid: f.name for sid, f in style_by_id.items()}

        # settings
        settings_part = next((t for typ, t in targets.values() if typ == "settings"), f"{base}/settings.xml")
        if settings_part in raw_parts:
            sroot = _xml(raw_parts[settings_part])
            facts.even_and_odd = bool(_on(sroot.find(_q("evenAndOddHeaders"))))
            for cs in sroot.iter(_q("compatSetting")):
                if cs.get(_q("name")) == "compatibilityMode":
                    facts.compatibility_mode = _int(cs.get(_q("val")))

        # automatic numbering
        numbering_part = next((t for typ, t in targets.values() if typ == "numbering"), f"{base}/numbering.xml")
        numbering = Numbering(_xml(raw_parts[numbering_part]) if numbering_part in raw_parts else None)
        facts.part_names = sorted(names)

        # document
        droot = _xml(raw_parts[doc_part]) if doc_part in raw_parts else _xml(zf.read(doc_part))
        if not layout_only:
            facts.out_of_order += _order_problems(droot, doc_part)
        body = droot.find(_q("body"))
        used: set[str] = set()
        default_para = default_paragraph_style or "Normal"
        sect = None
        if body is not None:
            facts.pages_known = body.find(".//w:lastRenderedPageBreak", NS) is not None
            page = 1
            for child in body:
                if child.tag == _q("p"):
                    ps = child.find("w:pPr/w:pStyle", NS)
                    sid = _val(ps) or default_para
                    name = style_names.get(sid, sid)
                    if not layout_only:
                        facts.paragraphs.append((name, _para_text(child)))
                    if facts.pages_known:
                        if _on(child.find("w:pPr/w:pageBreakBefore", NS)):
                            page += 1
                        page += _breaks(child)
                    facts.body.append(para_facts(child, len(facts.body) + 1, page if facts.pages_known else None,
                                                 style_by_id.get(sid), name, style_elems, numbering, char_styles))
                elif child.tag == _q("tbl"):
                    facts.tables.append(_table_facts(child, style_names))
                    if facts.body:
                        facts.body[-1].table_after = facts.body[-1].table_after or len(facts.tables)
                    if facts.pages_known:
                        page += _breaks(child)
                elif child.tag == _q("sectPr"):
                    sect = child
            if not layout_only:
                for e in body.iter(_q("pStyle"), _q("rStyle")):
                    used.add(e.get(_q("val")) or "")
                if any(True for p in body.iter(_q("p")) if p.find("w:pPr/w:pStyle", NS) is None):
                    used.add(default_para)
        if sect is None and body is not None:
            sect = body.find(".//w:sectPr", NS)
        if sect is not None:
            sz = sect.find(_q("pgSz"))
            facts.page_width = _int(_val(sz, "w"))
            facts.page_height = _int(_val(sz, "h"))
            facts.orientation = _val(sz, "orient") or "portrait"
            mar = sect.find(_q("pgMar"))
            if mar is not None:
                facts.margins = {k: _int(mar.get(_q(k))) for k in PGMAR_ATTRS}
            grid = sect.find(_q("docGrid"))
            facts.grid_type = _val(grid, "type")
            facts.line_pitch = _int(_val(grid, "linePitch"))
            for ref in sect.findall(_q("footerReference")):
                kind = ref.get(_q("type"), "default")
                rid = ref.get("{%s}id" % R)
                if rid in targets:
                    part = targets[rid][1]
                    froot = _xml(raw_parts.get(part) or zf.read(part))
                    facts.footers.append(_footer_facts(kind, part, froot, style_names))
                    if not layout_only:
                        facts.out_of_order += _order_problems(froot, part)
                        for e in froot.iter(_q("pStyle"), _q("rStyle")):
                            used.add(e.get(_q("val")) or "")
        facts.footers.sort(key=lambda f: {"default": 0, "even": 1, "first": 2}.get(f.kind, 3))
        for sid in sorted(used):
            if sid in style_by_id:
                facts.styles[style_by_id[sid].name] = style_by_id[sid]
            else:
                facts.styles[sid] = StyleFacts(style_id=sid, name=f"(undefined style {sid})", type="missing")

        if "docProps/core.xml" in names and not layout_only:
            croot = _xml(zf.read("docProps/core.xml"))
            for e in croot:
                facts.core[etree.QName(e).localname] = e.text or ""
    return facts


def _breaks(e: etree._Element) -> int:
    """Page breaks inside an element: Word's rendered ones, else typed page breaks."""
    rendered = sum(1 for _ in e.iter(_q("lastRenderedPageBreak")))
    return rendered or sum(1 for b in e.iter(_q("br")) if b.get(_q("type")) == "page")
