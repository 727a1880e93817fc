"""Small WordprocessingML helpers for what python-docx has no API for.

East-Asian fonts (w:eastAsia, no *Theme overrides), docDefaults, page setup with a
line grid, PAGE-field footers, table/row/cell properties. Everything works on
plain lxml elements and inserts children in the order the OOXML schema
prescribes: pPr, rPr, tcPr, tblPr, sectPr and style children are xsd:sequences,
and Word refuses a file whose children are out of order (LibreOffice forgives,
so a LibreOffice preview does not prove the order is right).

Over 400 lines on purpose: the helpers are small and all lean on the one
schema-order table at the top (:func:`put`); kept together, a change to the
order is made in one place.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Iterable

from lxml import etree

from plancc.emit.mapping import BORDER_SIDES, PGMAR_ATTRS, grid_type

if TYPE_CHECKING:  # only for annotations: keep this module importable on its own
    from plancc.layout.profile import (
        FontSpec,
        FooterSide,
        Page,
        ParagraphStyle,
        Profile,
        RunStyle,
        TableLook,
    )

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}
_W = "{%s}" % W_NS
XML_SPACE = "{%s}space" % XML_NS

_qn_cache: dict[str, str] = {}


def qn(tag: str) -> str:
    """``"w:pPr"`` → Clark notation ``"{ns}pPr"`` (only the w: and r: prefixes are needed here)."""
    try:
        return _qn_cache[tag]
    except KeyError:
        prefix, _, local = tag.partition(":")
        ns = {"w": W_NS, "r": R_NS, "xml": XML_NS}[prefix]
        _qn_cache[tag] = out = "{%s}%s" % (ns, local)
        return out


def el(tag: str, attrs: dict[str, object] | None = None, **kw: object) -> etree._Element:
    """A new detached w: element. Attribute names without prefix get the w: namespace."""
    e = etree.Element(qn(tag), nsmap=NSMAP)
    _set_attrs(e, attrs, kw)
    return e


def sub(parent: etree._Element, tag: str, attrs: dict[str, object] | None = None, **kw: object) -> etree._Element:
    """Append a w: child (at the end; use :func:`put` for schema-ordered insertion)."""
    e = etree.SubElement(parent, qn(tag))
    _set_attrs(e, attrs, kw)
    return e


def _set_attrs(e: etree._Element, attrs: dict[str, object] | None, kw: dict[str, object]) -> None:
    for src in (attrs, kw):
        if not src:
            continue
        for k, v in src.items():
            if v is None:
                continue
            e.set(qn(k) if ":" in k else _W + k, _attr(v))


def _attr(v: object) -> str:
    if v is True:
        return "1"
    if v is False:
        return "0"
    return str(v)


# ---------------------------------------------------------------- schema order
# Children of these elements form xsd:sequence's (ECMA-376 Part 1, §17.3.1.26 pPr,
# §17.3.2.28 rPr, §17.4.70 tcPr, §17.4.60 tblPr, §17.6.17 sectPr, §17.7.4.17 style).

PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
TCPR_ORDER = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
).split()
# trPr is an xsd:choice (any order); this is the order Word writes.
TRPR_ORDER = (
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden ins del trPrChange"
).split()
TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription "
    "tblPrChange"
).split()
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()
STYLE_ORDER = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed "
    "qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
).split()
BORDER_ORDER = "top left start bottom right end insideH insideV".split()
CELLMAR_ORDER = "top left start bottom right end".split()

_ORDERS: dict[str, dict[str, int]] = {
    qn("w:" + parent): {qn("w:" + t): i for i, t in enumerate(order)}
    for parent, order in (
        ("pPr", PPR_ORDER),
        ("rPr", RPR_ORDER),
        ("tcPr", TCPR_ORDER),
        ("trPr", TRPR_ORDER),
        ("tblPr", TBLPR_ORDER),
        ("sectPr", SECTPR_ORDER),
        ("style", STYLE_ORDER),
        ("tblBorders", BORDER_ORDER),
        ("tcBorders", BORDER_ORDER),
        ("tblCellMar", CELLMAR_ORDER),
        ("tcMar", CELLMAR_ORDER),
    )
}
_REPEATABLE = {qn("w:headerReference"), qn("w:footerReference")}


def put(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Insert ``child`` into ``parent`` at its schema position, replacing an existing
    child with the same tag (unless that tag may repeat)."""
    order = _ORDERS.get(parent.tag)
    if order is None:
        raise ValueError(f"no schema order known for {parent.tag}")
    rank = order.get(child.tag)
    if rank is None:
        raise ValueError(f"{child.tag} is not a known child of {parent.tag}")
    if child.tag not in _REPEATABLE:
        for old in parent.findall(child.tag):
            parent.remove(old)
    for i, existing in enumerate(parent):
        r = order.get(existing.tag, -1)
        if r > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def put_new(parent: etree._Element, tag: str, attrs: dict[str, object] | None = None, **kw: object) -> etree._Element:
    """Create a w: element and :func:`put` it (schema order, replacing the old one)."""
    e = parent.makeelement(qn(tag), {})
    _set_attrs(e, attrs, kw)
    return put(parent, e)


def is_in_schema_order(parent: etree._Element) -> bool:
    """True if the known children of ``parent`` appear in schema order (for tests/read-back)."""
    order = _ORDERS.get(parent.tag)
    if order is None:
        return True
    ranks = [order.get(c.tag, -1) for c in parent if isinstance(c.tag, str)]
    ranks = [r for r in ranks if r >= 0]
    return ranks == sorted(ranks)


# ---------------------------------------------------------------- fonts & run look

_THEME_ATTRS = tuple(qn("w:" + a) for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))


def set_fonts(rpr: etree._Element, font: "FontSpec") -> etree._Element:
    """Name the fonts of every script slot (python-docx's ``font.name`` writes only
    ascii/hAnsi, so Chinese text would fall back to the theme's East-Asian font)."""
    rfonts = put_new(
        rpr,
        "w:rFonts",
        ascii=font.ascii,
        hAnsi=font.h_ansi_name,
        eastAsia=font.east_asia,
        cs=font.cs_name,
        hint=font.hint,
    )
    for a in _THEME_ATTRS:  # a *Theme attribute wins over the named font in Word
        rfonts.attrib.pop(a, None)
    return rfonts


def strip_theme_fonts(root: etree._Element) -> int:
    """Remove every *Theme font attribute under ``root``; returns how many were removed."""
    n = 0
    for rfonts in root.iter(qn("w:rFonts")):
        for a in _THEME_ATTRS:
            if rfonts.attrib.pop(a, None) is not None:
                n += 1
    return n


def strip_colors(root: etree._Element) -> int:
    """Remove w:color elements that are not plain black and any themeColor reference
    (the default template's headings are accent blue). Returns how many changed."""
    n = 0
    for c in list(root.iter(qn("w:color"))):
        theme = any(k.endswith("}themeColor") or k.endswith("}themeShade") or k.endswith("}themeTint") for k in c.attrib)
        if theme or (c.get(qn("w:val"), "auto").upper() not in ("000000", "AUTO")):
            c.getparent().remove(c)
            n += 1
    return n


def set_lang(rpr: etree._Element, latin: str, east_asia: str) -> etree._Element:
    """``w:lang`` with the East-Asian language (zh-CN picks Chinese glyph forms and fallbacks)."""
    return put_new(rpr, "w:lang", val=latin, eastAsia=east_asia, bidi="ar-SA")


def build_rpr(style: "RunStyle", color: str, latin: str, east_asia: str, *, explicit_bold: bool = True) -> etree._Element:
    """A complete run-properties element for a style (fonts, bold, colour, tracking, size, language)."""
    rpr = el("w:rPr")
    set_fonts(rpr, style.font)
    if style.bold or explicit_bold:
        put_new(rpr, "w:b", val=None if style.bold else "0")
        put_new(rpr, "w:bCs", val=None if style.bold else "0")
    put_new(rpr, "w:color", val=color)
    if style.char_spacing:
        put_new(rpr, "w:spacing", val=style.char_spacing)
    put_new(rpr, "w:sz", val=style.size)
    put_new(rpr, "w:szCs", val=style.size)
    set_lang(rpr, latin, east_asia)
    return rpr


def build_ppr(style: "ParagraphStyle") -> etree._Element:
    """Paragraph properties of a style: keep, grid snapping, spacing, indents, alignment, outline."""
    ppr = el("w:pPr")
    if style.keep_next:
        put_new(ppr, "w:keepNext")
    put_new(ppr, "w:widowControl", val=None if style.widow_control else "0")
    if not style.snap_to_grid:
        put_new(ppr, "w:snapToGrid", val="0")
    sp = style.spacing
    put_new(ppr, "w:spacing", before=sp.before, after=sp.after, line=sp.line, lineRule=sp.rule)
    ind = style.indent
    attrs: dict[str, object] = {"left": ind.left, "right": ind.right}
    if ind.first_line >= 0:
        attrs["firstLine"] = ind.first_line
    else:
        attrs["hanging"] = -ind.first_line
    # Twips only: LibreOffice ignores firstLineChars, and no style here writes it, so
    # Word has no character-unit indent to inherit that would override these values.
    put_new(ppr, "w:ind", attrs)
    put_new(ppr, "w:jc", val=style.align)
    if style.outline_level is not None:
        put_new(ppr, "w:outlineLvl", val=style.outline_level)
    return ppr


def reset_doc_defaults(styles_root: etree._Element, profile: "Profile") -> etree._Element:
    """Replace w:docDefaults: body font/size/language instead of theme fonts and ja-JP,
    no space after and single line rule instead of the template's after=200 line=276."""
    old = styles_root.find(qn("w:docDefaults"))
    dd = el("w:docDefaults")
    rpr_default = sub(dd, "w:rPrDefault")
    body = profile.styles.body
    rpr = build_rpr(body, profile.color, profile.language.latin, profile.language.east_asia, explicit_bold=False)
    if rpr.find(qn("w:spacing")) is not None:  # tracking lives in the styles, not the defaults
        rpr.remove(rpr.find(qn("w:spacing")))
    rpr_default.append(rpr)
    ppr_default = sub(dd, "w:pPrDefault")
    ppr = sub(ppr_default, "w:pPr")
    # CT_PPrBase order: overflowPunct before spacing
    put_new(ppr, "w:overflowPunct", val=1 if profile.typography.hanging_punctuation else 0)
    put_new(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
    if old is not None:
        styles_root.replace(old, dd)
    else:
        styles_root.insert(0, dd)
    return dd


# ---------------------------------------------------------------- page setup


def page_setup(sect_pr: etree._Element, page: "Page") -> None:
    """A4 portrait, 公文 margins, footer distance and a lines-only document grid."""
    for a in list(sect_pr.attrib):  # rsid noise from the template
        if a.startswith(_W + "rsid"):
            del sect_pr.attrib[a]
    m = page.margins
    put_new(sect_pr, "w:pgSz", w=page.width, h=page.height)
    put_new(sect_pr, "w:pgMar", {side: getattr(m, side) for side in PGMAR_ATTRS})
    put_new(sect_pr, "w:cols", space=425)
    grid = grid_type(page.grid.type)
    if grid is None:
        put_new(sect_pr, "w:docGrid", linePitch=page.grid.line_pitch)
    else:
        put_new(sect_pr, "w:docGrid", type=grid, linePitch=page.grid.line_pitch)


def set_even_and_odd(settings_root: etree._Element, on: bool) -> None:
    """``w:evenAndOddHeaders`` in settings.xml (schema position: after w:defaultTableStyle,
    before the book-fold and drawing-grid settings)."""
    tag = qn("w:evenAndOddHeaders")
    for old in settings_root.findall(tag):
        settings_root.remove(old)
    if not on:
        return
    before = (
        "writeProtection view zoom removePersonalInformation removeDateAndTime "
        "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
        "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
        "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
        "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
        "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
        "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
        "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
        "clickAndTypeStyle defaultTableStyle"
    ).split()
    before_tags = {qn("w:" + t) for t in before}
    e = settings_root.makeelement(tag, {})
    idx = 0
    for i, child in enumerate(settings_root):
        if child.tag in before_tags:
            idx = i + 1
    settings_root.insert(idx, e)


def remove_rsids(settings_root: etree._Element) -> None:
    """Drop the template's revision-save ids (editing-session noise)."""
    for e in settings_root.findall(qn("w:rsids")):
        settings_root.remove(e)


# ---------------------------------------------------------------- text & fields

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile("[\n\t\r]")


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (lxml would raise on them)."""
    return _ILLEGAL_XML.sub("", text) if _ILLEGAL_XML.search(text) else text


def set_t(t: etree._Element, text: str) -> None:
    """Set a w:t's text, preserving leading/trailing/double spaces."""
    t.text = text
    if text and (text[0] == " " or text[-1] == " " or "  " in text):
        t.set(XML_SPACE, "preserve")


def add_text(run: etree._Element, text: str) -> None:
    """Append ``text`` to a w:r: newlines become w:br, tabs w:tab."""
    text = clean_text(text)
    if not _SPECIAL.search(text):
        set_t(sub(run, "w:t"), text)
        return
    for piece in re.split("(\r\n|[\n\t\r])", text):
        if piece in ("\n", "\r", "\r\n"):
            sub(run, "w:br")
        elif piece == "\t":
            sub(run, "w:tab")
        elif piece:
            set_t(sub(run, "w:t"), piece)


def add_field(paragraph: etree._Element, instr: str, placeholder: str, rpr: etree._Element | None = None) -> None:
    """A complex field (fldChar begin / instrText / separate / result / end): Word and
    LibreOffice both recalculate PAGE fields at layout time."""

    def run() -> etree._Element:
        r = sub(paragraph, "w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        return r

    sub(run(), "w:fldChar", fldCharType="begin")
    it = sub(run(), "w:instrText")
    it.text = f" {instr} "
    it.set(XML_SPACE, "preserve")
    sub(run(), "w:fldChar", fldCharType="separate")
    set_t(sub(run(), "w:t"), placeholder)
    sub(run(), "w:fldChar", fldCharType="end")


def page_number_paragraph(style_id: str, side: "FooterSide", prefix: str, suffix: str) -> etree._Element:
    """``— N —`` footer paragraph: literal dashes around a PAGE field, aligned per side."""
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    put_new(ppr, "w:pStyle", val=style_id)
    put_new(ppr, "w:ind", left=side.indent_left, right=side.indent_right, firstLine=0)
    put_new(ppr, "w:jc", val=side.align)
    # hint=eastAsia: Word renders the ambiguous U+2014 with the East-Asian font (full width)
    dash_rpr = el("w:rPr")
    put_new(dash_rpr, "w:rFonts", hint="eastAsia")
    if prefix:
        r = sub(p, "w:r")
        r.append(copy.deepcopy(dash_rpr))
        set_t(sub(r, "w:t"), prefix)
    add_field(p, "PAGE", "1")
    if suffix:
        r = sub(p, "w:r")
        r.append(copy.deepcopy(dash_rpr))
        set_t(sub(r, "w:t"), suffix)
    return p


# ---------------------------------------------------------------- tables


def table_properties(look: "TableLook", width: int) -> etree._Element:
    """tblPr: total width, centring, 0.5 pt single black borders, fixed layout, cell margins."""
    tblpr = el("w:tblPr")
    put_new(tblpr, "w:tblW", w=width, type="dxa")
    put_new(tblpr, "w:jc", val=look.align)
    put_new(tblpr, "w:tblInd", w=0, type="dxa")
    borders = put_new(tblpr, "w:tblBorders")
    b = look.border
    for side in BORDER_SIDES:
        sub(borders, "w:" + side, val=b.style, sz=b.size, space=0, color=b.color.upper())
    put_new(tblpr, "w:tblLayout", type=look.layout)
    mar = put_new(tblpr, "w:tblCellMar")
    cm = look.cell_margins
    for side, v in (("top", cm.top), ("left", cm.left), ("bottom", cm.bottom), ("right", cm.right)):
        sub(mar, "w:" + side, w=v, type="dxa")
    put_new(
        tblpr,
        "w:tblLook",
        val="04A0",
        firstRow=1,
        lastRow=0,
        firstColumn=0,
        lastColumn=0,
        noHBand=0,
        noVBand=1,
    )
    return tblpr


def table_grid(widths: Iterable[int]) -> etree._Element:
    grid = el("w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", w=w)
    return grid


def row_properties(*, header: bool, cant_split: bool) -> etree._Element | None:
    """trPr with cantSplit (rows never break across pages) and tblHeader (repeat on each page)."""
    if not (header or cant_split):
        return None
    trpr = el("w:trPr")
    if cant_split:
        put_new(trpr, "w:cantSplit")
    if header:
        put_new(trpr, "w:tblHeader")
    return trpr


def cell_properties(width: int, *, span: int = 1, vmerge: str | None = None, v_align: str | None = None) -> etree._Element:
    """tcPr: width, gridSpan, vMerge (restart/continue) and vertical alignment, in schema order."""
    tcpr = el("w:tcPr")
    put_new(tcpr, "w:tcW", w=width, type="dxa")
    if span > 1:
        put_new(tcpr, "w:gridSpan", val=span)
    if vmerge == "restart":
        put_new(tcpr, "w:vMerge", val="restart")
    elif vmerge == "continue":
        put_new(tcpr, "w:vMerge")
    if v_align:
        put_new(tcpr, "w:vAlign", val=v_align)
    return tcpr
