"""styles.xml and fontTable.xml of the .docx, built from the layout profile.

Every style of python-docx's template (blue bold headings, theme fonts, list
styles, …) is replaced by one named style per IR paragraph kind, the run-in
character style and Normal Table; built-in names keep Word's own ids and
names (plancc.emit.mapping, which the read-back check reads too).
"""

from __future__ import annotations

from lxml import etree

from plancc.emit import ooxml as ox
from plancc.emit.mapping import BUILTIN_STYLES, RUN_IN_KINDS, SIZED_KINDS, run_in_style, sized_style, table_sizes, written_name
from plancc.layout.profile import ParagraphStyle, Profile, RunStyle

_STYLE = ox.qn("w:style")


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
    ox.put_new(st, "w:name", val=written_name(name))
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


def _sized_style(kind: str, size: int, profile: Profile, ids: dict[str, str]) -> etree._Element:
    """A cell style at another size (a dense table): based on the kind's style, only the size differs."""
    sid, name = sized_style(profile, kind, size)
    st = _style_element(type_="paragraph", style_id=sid, name=name, based_on=ids[kind], q_format=False)
    rpr = ox.el("w:rPr")
    ox.put_new(rpr, "w:sz", val=size)
    ox.put_new(rpr, "w:szCs", val=size)
    ox.put(st, rpr)
    return st


def _run_in_style(kind: str, profile: Profile) -> etree._Element:
    """The character style of a run-in heading's number and title: the heading's font,
    size, weight and tracking inside a body paragraph (no outline level)."""
    sid, name = run_in_style(profile, kind)
    st = _style_element(type_="character", style_id=sid, name=name, based_on="DefaultParagraphFont", q_format=False)
    ox.put(st, _run_props(profile.styles[kind], profile))
    return st


def build_styles(styles_root: etree._Element, profile: Profile, ids: dict[str, str], sizes: tuple[int, ...] = ()) -> None:
    """Replace every style of the template (blue bold headings, theme fonts, list
    styles, …) with the profile's styles, a character style per run-in heading level
    and a copy of the cell styles at each table size in ``sizes`` (the profile's
    dense size among them), so no run in a table carries a size of its own."""
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
    for size in table_sizes(profile, sizes):
        for kind in SIZED_KINDS:
            if size != pstyles[kind].size:
                styles.append(_sized_style(kind, size, profile, ids))

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
    styles.extend(_run_in_style(kind, profile) for kind in RUN_IN_KINDS)

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


def font_table_xml(profile: Profile) -> bytes:
    """fontTable.xml naming the profile's fonts (charset 86 = GB2312 for Chinese faces,
    first alternate as w:altName) instead of the template's Japanese faces."""
    root = etree.Element(ox.qn("w:fonts"), nsmap={"w": ox.W_NS})
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
