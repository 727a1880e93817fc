"""Facts of one part or element of a .docx: styles resolved through w:basedOn and
docDefaults, footers, tables, paragraph texts, schema order."""

from __future__ import annotations

from lxml import etree

from plancc.emit.ooxml import R_NS, W_NS, is_in_schema_order
from plancc.emit.readback.facts import FooterFacts, StyleFacts, TableFacts

R = R_NS
_w = "{%s}" % W_NS
NS = {"w": W_NS, "r": R_NS}
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
    _set_found(facts, (
        ("bold", _on(rpr.find(_q("b")))),
        ("color", _val(rpr.find(_q("color")))),
        ("size", _int(_val(rpr.find(_q("sz"))))),
        ("char_spacing", _int(_val(rpr.find(_q("spacing"))))),
    ))
    lang = rpr.find(_q("lang"))
    if lang is not None and lang.get(_q("eastAsia")):
        facts.east_asia_lang = lang.get(_q("eastAsia"))


def _ppr_into(facts: StyleFacts, ppr: etree._Element | None) -> None:
    if ppr is None:
        return
    _set_found(facts, (("align", _val(ppr.find(_q("jc")))),))
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
    _set_found(facts, (
        ("snap_to_grid", _on(ppr.find(_q("snapToGrid")))),
        ("keep_next", _on(ppr.find(_q("keepNext")))),
    ))


def _set_found(facts: StyleFacts, values: tuple[tuple[str, object], ...]) -> None:
    """Set each fact the element states (not None); the rest keep what they inherited."""
    for slot, value in values:
        if value is not None:
            setattr(facts, slot, value)


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
