"""Read a rendered .docx back and compare it with the layout profile.

The emitter writes from the profile; this module reads the package with
zipfile + lxml only (no python-docx, no Word) and reports layout facts — page,
grid, footers, effective style fonts, tables, paragraph texts — so a test or the
validate step can check the output against the very profile that produced it.
``check_against_profile`` returns one human-readable line per mismatch.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Union

from lxml import etree

from plancc.emit.ooxml import BUILTIN_STYLES, is_in_schema_order
from plancc.layout.profile import Profile

__all__ = [
    "StyleFacts",
    "FooterFacts",
    "TableFacts",
    "DocxFacts",
    "read_docx",
    "check_against_profile",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_w = "{%s}" % W
NS = {"w": W, "r": R}

_THEME_ATTR = re.compile(rb'\bw:(?:ascii|hAnsi|eastAsia|cs)[Tt]heme="')
_THEME_COLOR = re.compile(rb'\bw:themeColor="')
_COLOR = re.compile(rb'<w:color\b[^>]*\bw:val="([^"]*)"')
_SCHEMA_CHECKED = ("pPr", "rPr", "tcPr", "tblPr", "sectPr", "style")


def _q(local: str) -> str:
    return _w + local


def _val(e: etree._Element | None, attr: str = "val") -> str | None:
    return None if e is None else e.get(_q(attr))


def _int(v: str | None) -> int | None:
    try:
        return None if v is None else int(v)
    except ValueError:
        return None


def _on_attr(v: str | None) -> bool:
    return v is not None and v.lower() in ("1", "true", "on")


def _on(e: etree._Element | None) -> bool | None:
    """OOXML on/off element: absent → None, present without val or val true → True."""
    if e is None:
        return None
    v = e.get(_q("val"))
    return v is None or v.lower() in ("1", "true", "on")


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
class DocxFacts:
    page_width: int | None = None
    page_height: int | None = None
    orientation: str | None = None
    margins: dict[str, int | None] = field(default_factory=dict)
    grid_type: str | None = None
    line_pitch: int | None = None
    even_and_odd: bool = False
    doc_defaults: StyleFacts | None = None
    styles: dict[str, StyleFacts] = field(default_factory=dict)  # used styles by name
    theme_font_refs: list[str] = field(default_factory=list)  # "part: attribute"
    non_black_colors: list[str] = field(default_factory=list)  # "part: value"
    footers: list[FooterFacts] = field(default_factory=list)
    tables: list[TableFacts] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (style name, text), body level
    out_of_order: list[str] = field(default_factory=list)
    core: dict[str, str] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [t for _, t in self.paragraphs]


# ====================================================================== reading


def _resolve_target(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = (base_dir + "/" + target).split("/") if base_dir else target.split("/")
    out: list[str] = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        elif p and p != ".":
            out.append(p)
    return "/".join(out)


def _rpr_into(facts: StyleFacts, rpr: etree._Element | None) -> None:
    """Apply an rPr on top of facts (later = more specific)."""
    if rpr is None:
        return
    rf = rpr.find(_q("rFonts"))
    if rf is not None:
        for attr, slot in (("eastAsia", "east_asia"), ("ascii", "ascii"), ("hAnsi", "h_ansi"), ("cs", "cs")):
            v = rf.get(_q(attr))
            if v is not None:
                setattr(facts, slot, v)
        for a in rf.attrib:
            if a.lower().endswith("theme"):
                facts.theme_fonts.append(etree.QName(a).localname)
    b = _on(rpr.find(_q("b")))
    if b is not None:
        facts.bold = b
    c = _val(rpr.find(_q("color")))
    if c is not None:
        facts.color = c
    sz = _int(_val(rpr.find(_q("sz"))))
    if sz is not None:
        facts.size = sz
    sp = _int(_val(rpr.find(_q("spacing"))))
    if sp is not None:
        facts.char_spacing = sp
    lang = rpr.find(_q("lang"))
    if lang is not None and lang.get(_q("eastAsia")):
        facts.east_asia_lang = lang.get(_q("eastAsia"))


def _ppr_into(facts: StyleFacts, ppr: etree._Element | None) -> None:
    if ppr is None:
        return
    jc = _val(ppr.find(_q("jc")))
    if jc is not None:
        facts.align = jc
    ind = ppr.find(_q("ind"))
    if ind is not None:
        for attr, slot in (("left", "indent_left"), ("start", "indent_left"), ("right", "indent_right"), ("end", "indent_right")):
            v = _int(ind.get(_q(attr)))
            if v is not None:
                setattr(facts, slot, v)
        fl = _int(ind.get(_q("firstLine")))
        hang = _int(ind.get(_q("hanging")))
        if fl is not None:
            facts.first_line = fl
        if hang is not None:
            facts.first_line = -hang
    sp = ppr.find(_q("spacing"))
    if sp is not None:
        line = _int(sp.get(_q("line")))
        if line is not None:
            facts.line = line
            facts.line_rule = sp.get(_q("lineRule"), "auto")
    snap = _on(ppr.find(_q("snapToGrid")))
    if snap is not None:
        facts.snap_to_grid = snap
    kn = _on(ppr.find(_q("keepNext")))
    if kn is not None:
        facts.keep_next = kn


def _style_facts(styles_root: etree._Element) -> tuple[StyleFacts, dict[str, StyleFacts]]:
    """Effective facts of every style: docDefaults, then the basedOn chain, then the style."""
    by_id = {s.get(_q("styleId")): s for s in styles_root.findall(_q("style"))}
    defaults = StyleFacts(style_id="", name="(docDefaults)", type="defaults")
    dd = styles_root.find(_q("docDefaults"))
    if dd is not None:
        _rpr_into(defaults, dd.find("w:rPrDefault/w:rPr", NS))
        _ppr_into(defaults, dd.find("w:pPrDefault/w:pPr", NS))

    out: dict[str, StyleFacts] = {}
    for sid, st in by_id.items():
        chain = []
        cur: etree._Element | None = st
        seen = set()
        while cur is not None and cur.get(_q("styleId")) not in seen:
            seen.add(cur.get(_q("styleId")))
            chain.append(cur)
            parent = _val(cur.find(_q("basedOn")))
            cur = by_id.get(parent) if parent else None
        f = StyleFacts(
            style_id=sid or "",
            name=_val(st.find(_q("name"))) or sid or "",
            type=st.get(_q("type"), "paragraph"),
            based_on=_val(st.find(_q("basedOn"))),
        )
        # copy defaults
        for k, v in defaults.__dict__.items():
            if k not in ("style_id", "name", "type", "based_on", "theme_fonts"):
                setattr(f, k, v)
        f.theme_fonts = list(defaults.theme_fonts)
        for s in reversed(chain):
            _ppr_into(f, s.find(_q("pPr")))
            _rpr_into(f, s.find(_q("rPr")))
        out[sid] = f
    return defaults, out


def _para_text(p: etree._Element) -> str:
    parts: list[str] = []
    for e in p.iter(_q("t"), _q("tab"), _q("br"), _q("instrText")):
        if e.tag == _q("t"):
            parts.append(e.text or "")
        elif e.tag == _q("tab"):
            parts.append("\t")
        elif e.tag == _q("br"):
            parts.append("\n")
    return "".join(parts)


def _footer_facts(kind: str, part: str, root: etree._Element, style_names: dict[str, str]) -> FooterFacts:
    p = root.find(_q("p"))
    ppr = p.find(_q("pPr")) if p is not None else None
    style = _val(ppr.find(_q("pStyle"))) if ppr is not None else None
    align = _val(ppr.find(_q("jc"))) if ppr is not None else None
    ind = ppr.find(_q("ind")) if ppr is not None else None
    left = _int(ind.get(_q("left"))) if ind is not None else None
    right = _int(ind.get(_q("right"))) if ind is not None else None
    # text with field results replaced by {INSTR}
    text: list[str] = []
    has_page = False
    state = None  # None, "instr", "result"
    instr = ""
    for e in root.iter(_q("t"), _q("fldChar"), _q("instrText"), _q("fldSimple")):
        if e.tag == _q("fldSimple"):
            name = (e.get(_q("instr")) or "").split()
            if name and name[0].upper() == "PAGE":
                has_page = True
            text.append("{%s}" % (name[0].upper() if name else ""))
            continue
        if e.tag == _q("fldChar"):
            t = e.get(_q("fldCharType"))
            if t == "begin":
                state, instr = "instr", ""
            elif t == "separate":
                state = "result"
                word = instr.split()
                if word and word[0].upper() == "PAGE":
                    has_page = True
                text.append("{%s}" % (word[0].upper() if word else ""))
            elif t == "end":
                state = None
        elif e.tag == _q("instrText"):
            instr += e.text or ""
        elif state != "result" and not (e.getparent() is not None and e.getparent().getparent() is not None and e.getparent().getparent().tag == _q("fldSimple")):
            text.append(e.text or "")
    joined = "".join(text)
    return FooterFacts(
        kind=kind,
        part=part,
        style=style_names.get(style or "", style),
        align=align,
        indent_left=left or 0,
        indent_right=right or 0,
        has_page_field=has_page,
        text=joined,
        em_dashes=joined.count("\u2014"),
    )


def _table_facts(tbl: etree._Element, style_names: dict[str, str]) -> TableFacts:
    tblpr = tbl.find(_q("tblPr"))
    width = layout = None
    borders: dict[str, tuple[str | None, str | None, str | None]] = {}
    if tblpr is not None:
        width = _int(_val(tblpr.find(_q("tblW")), "w"))
        layout = _val(tblpr.find(_q("tblLayout")), "type")
        tb = tblpr.find(_q("tblBorders"))
        if tb is not None:
            for b in tb:
                borders[etree.QName(b).localname] = (b.get(_q("val")), b.get(_q("sz")), b.get(_q("color")))
    grid = [_int(g.get(_q("w"))) or 0 for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    header, cant = [], []
    cell_styles: set[str] = set()
    spans = vmerges = 0
    TRPR, TBLH, CANT = _q("trPr"), _q("tblHeader"), _q("cantSplit")
    for tr in tbl.iterchildren(_q("tr")):
        trpr = tr.find(TRPR)
        header.append(bool(trpr is not None and _on(trpr.find(TBLH))))
        cant.append(bool(trpr is not None and _on(trpr.find(CANT))))
    for ps in tbl.iter(_q("pStyle")):
        cell_styles.add(style_names.get(ps.get(_q("val")) or "", ps.get(_q("val")) or ""))
    spans = sum(1 for _ in tbl.iter(_q("gridSpan")))
    vmerges = sum(1 for _ in tbl.iter(_q("vMerge")))
    return TableFacts(
        grid_widths=grid,
        width=width,
        layout=layout,
        rows=len(header),
        header_flags=header,
        cant_split=cant,
        borders=borders,
        cell_styles=cell_styles,
        gridspans=spans,
        vmerges=vmerges,
    )


def _order_problems(root: etree._Element, part: str, limit: int = 20) -> list[str]:
    """Elements whose children are out of schema order (Word refuses such files)."""
    out: list[str] = []
    tags = {_q(t) for t in _SCHEMA_CHECKED}
    seen_sigs: set[tuple] = set()
    for e in root.iter(*tags):
        sig = (e.tag, tuple(c.tag for c in e))
        if sig in seen_sigs:  # big tables repeat the same shapes thousands of times
            continue
        seen_sigs.add(sig)
        if not is_in_schema_order(e):
            out.append(f"{part}: {etree.QName(e).localname} children {[etree.QName(c).localname for c in e]}")
            if len(out) >= limit:
                break
    return out


Source = Union[str, Path, bytes, IO[bytes]]


def read_docx(source: Source) -> DocxFacts:
    """Layout facts of a .docx given as a path, bytes or a binary file object."""
    import io

    if isinstance(source, (bytes, bytearray)):
        zf = zipfile.ZipFile(io.BytesIO(source))
    else:
        zf = zipfile.ZipFile(source)  # type: ignore[arg-type]
    with zf:
        names = set(zf.namelist())
        facts = DocxFacts()

        # main part via the package relationships
        doc_part = "word/document.xml"
        rels = etree.fromstring(zf.read("_rels/.rels"))
        for rel in rels:
            if rel.get("Type", "").endswith("/officeDocument"):
                doc_part = _resolve_target("", rel.get("Target", doc_part))
        base = doc_part.rsplit("/", 1)[0] if "/" in doc_part else ""
        doc_rels_name = f"{base}/_rels/{doc_part.rsplit('/', 1)[-1]}.rels"
        targets: dict[str, tuple[str, str]] = {}
        if doc_rels_name in names:
            for rel in etree.fromstring(zf.read(doc_rels_name)):
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
        default_paragraph_style: str | None = None
        if styles_part in raw_parts:
            sroot = etree.fromstring(raw_parts[styles_part])
            facts.doc_defaults, style_by_id = _style_facts(sroot)
            default_paragraph_style = next(
                (s.get(_q("styleId")) for s in sroot.findall(_q("style"))
                 if s.get(_q("type")) == "paragraph" and _on_attr(s.get(_q("default")))),
                None,
            )
            facts.out_of_order += _order_problems(sroot, styles_part)
        style_names = {sid: f.name for sid, f in style_by_id.items()}

        # settings
        settings_part = next((t for typ, t in targets.values() if typ == "settings"), f"{base}/settings.xml")
        if settings_part in raw_parts:
            sroot = etree.fromstring(raw_parts[settings_part])
            facts.even_and_odd = bool(_on(sroot.find(_q("evenAndOddHeaders"))))

        # document
        droot = etree.fromstring(raw_parts[doc_part]) if doc_part in raw_parts else etree.fromstring(zf.read(doc_part))
        facts.out_of_order += _order_problems(droot, doc_part)
        body = droot.find(_q("body"))
        used: set[str] = set()
        default_para = default_paragraph_style or "Normal"
        sect = None
        if body is not None:
            for child in body:
                if child.tag == _q("p"):
                    ps = child.find("w:pPr/w:pStyle", NS)
                    sid = _val(ps) or default_para
                    facts.paragraphs.append((style_names.get(sid, sid), _para_text(child)))
                elif child.tag == _q("tbl"):
                    facts.tables.append(_table_facts(child, style_names))
                elif child.tag == _q("sectPr"):
                    sect = child
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
                facts.margins = {k: _int(mar.get(_q(k))) for k in ("top", "bottom", "left", "right", "header", "footer", "gutter")}
            grid = sect.find(_q("docGrid"))
            facts.grid_type = _val(grid, "type")
            facts.line_pitch = _int(_val(grid, "linePitch"))
            for ref in sect.findall(_q("footerReference")):
                kind = ref.get(_q("type"), "default")
                rid = ref.get("{%s}id" % R)
                if rid in targets:
                    part = targets[rid][1]
                    froot = etree.fromstring(raw_parts.get(part) or zf.read(part))
                    facts.footers.append(_footer_facts(kind, part, froot, style_names))
                    facts.out_of_order += _order_problems(froot, part)
                    for e in froot.iter(_q("pStyle"), _q("rStyle")):
                        used.add(e.get(_q("val")) or "")
        facts.footers.sort(key=lambda f: {"default": 0, "even": 1, "first": 2}.get(f.kind, 3))
        for sid in sorted(used):
            if sid in style_by_id:
                facts.styles[style_by_id[sid].name] = style_by_id[sid]
            else:
                facts.styles[sid] = StyleFacts(style_id=sid, name=f"(undefined style {sid})", type="missing")

        if "docProps/core.xml" in names:
            croot = etree.fromstring(zf.read("docProps/core.xml"))
            for e in croot:
                facts.core[etree.QName(e).localname] = e.text or ""
    return facts


# ====================================================================== checking


def _canonical(name: str) -> str:
    return name.casefold()


def check_against_profile(facts: DocxFacts, profile: Profile) -> list[str]:
    """Every way the document differs from the profile; an empty list means it conforms."""
    out: list[str] = []

    def expect(what: str, got: Any, want: Any) -> None:
        if got != want:
            out.append(f"{what}: 应为 {want!r}，实为 {got!r}")

    page = profile.page
    expect("纸张宽度", facts.page_width, page.width)
    expect("纸张高度", facts.page_height, page.height)
    expect("纸张方向", facts.orientation, "portrait" if page.width < page.height else "landscape")
    m = page.margins
    for k in ("top", "bottom", "left", "right", "header", "footer", "gutter"):
        expect(f"页边距 {k}", facts.margins.get(k), getattr(m, k))
    expect("文档网格类型", facts.grid_type, None if page.grid.type == "default" else page.grid.type)
    expect("文档网格行距", facts.line_pitch, page.grid.line_pitch)
    expect("奇偶页不同", facts.even_and_odd, profile.page_number.even_and_odd)

    for ref in facts.theme_font_refs:
        out.append(f"残留主题字体引用：{ref}")
    for ref in facts.non_black_colors:
        out.append(f"非黑色文字/边框：{ref}")
    for prob in facts.out_of_order:
        out.append(f"子元素顺序不符合 OOXML 架构：{prob}")

    # styles
    by_name: dict[str, tuple[str, Any]] = {}
    for kind in type(profile.styles).model_fields:
        st = getattr(profile.styles, kind)
        builtin = BUILTIN_STYLES.get(st.name.casefold())
        by_name[_canonical(builtin[0] if builtin else st.name)] = (kind, st)
    color = profile.color.upper()
    for name, sf in facts.styles.items():
        if sf.type == "missing":
            out.append(f"文档引用了未定义的样式 {sf.style_id!r}")
            continue
        entry = by_name.get(_canonical(name))
        if entry is None:
            out.append(f"文档使用了版式配置之外的样式 {name!r}")
            continue
        kind, st = entry
        label = f"样式 {name}（{kind}）"
        expect(f"{label} 中文字体", sf.east_asia, st.font.east_asia)
        expect(f"{label} 西文字体", sf.ascii, st.font.ascii)
        expect(f"{label} hAnsi 字体", sf.h_ansi, st.font.h_ansi_name)
        expect(f"{label} 字号", sf.size, st.size)
        expect(f"{label} 加粗", sf.bold, st.bold)
        expect(f"{label} 颜色", (sf.color or "auto").upper(), color)
        expect(f"{label} 字符间距", sf.char_spacing, st.char_spacing)
        expect(f"{label} 东亚语言", sf.east_asia_lang, profile.language.east_asia)
        if sf.theme_fonts:
            out.append(f"{label} 仍引用主题字体 {sorted(set(sf.theme_fonts))}")
        if kind == "body_run":
            continue
        expect(f"{label} 对齐", sf.align, st.align)
        expect(f"{label} 首行缩进", sf.first_line, st.indent.first_line)
        expect(f"{label} 左缩进", sf.indent_left, st.indent.left)
        expect(f"{label} 右缩进", sf.indent_right, st.indent.right)
        expect(f"{label} 行距", (sf.line, sf.line_rule), (st.spacing.line, st.spacing.rule))
        expect(f"{label} 对齐网格", sf.snap_to_grid, st.snap_to_grid)
        expect(f"{label} 与下段同页", sf.keep_next, st.keep_next)

    # footers
    pn = profile.page_number
    wanted = [("default", pn.odd)] + ([("even", pn.even)] if pn.even_and_odd else [])
    have = {f.kind: f for f in facts.footers}
    for kind, side in wanted:
        f = have.get(kind)
        label = "单页页脚" if kind == "default" else "双页页脚"
        if f is None:
            out.append(f"缺少{label}")
            continue
        expect(f"{label} 对齐", f.align, side.align)
        expect(f"{label} 左缩进", f.indent_left, side.indent_left)
        expect(f"{label} 右缩进", f.indent_right, side.indent_right)
        if not f.has_page_field:
            out.append(f"{label} 没有 PAGE 域")
        expect(f"{label} 文字", f.text, f"{pn.prefix}{{PAGE}}{pn.suffix}")

    # tables
    look = profile.table
    b = look.border
    for i, t in enumerate(facts.tables, start=1):
        label = f"第 {i} 个表格"
        expect(f"{label} 列宽之和", sum(t.grid_widths), look.width)
        expect(f"{label} 表格宽度", t.width, look.width)
        expect(f"{label} 布局", t.layout, look.layout)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            got = t.borders.get(side)
            expect(f"{label} 边框 {side}", got, (b.style, str(b.size), b.color.upper()))
        if look.repeat_header and t.rows and t.header_rows == 0:
            out.append(f"{label} 没有重复表头行（w:tblHeader）")
        if any(t.header_flags[t.header_rows:]):
            out.append(f"{label} 表头标记出现在正文行中")
        if look.cant_split and not all(t.cant_split):
            out.append(f"{label} 有 {t.cant_split.count(False)} 行允许跨页断行（缺 w:cantSplit）")
    return out
