"""Where the layout profile's facts go in a .docx: names, ids and places that the
writer (plancc.emit.styles, plancc.emit.ooxml, plancc.emit.docx) and the read-back
check (plancc.emit.readback) share, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from plancc.layout.profile import FooterSide, PageNumber, Profile

#: Word built-in style names (as stored in styles.xml, lower-case where Word
#: stores them so) → the style ids Word itself uses. Word and WPS recognise these
#: (outline levels, navigation pane, caption numbering) by name.
BUILTIN_STYLES: dict[str, tuple[str, str]] = {
    n.casefold(): (n, i)
    for n, i in (
        ("Normal", "Normal"),
        ("Title", "Title"),
        ("Subtitle", "Subtitle"),
        ("heading 1", "Heading1"),
        ("heading 2", "Heading2"),
        ("heading 3", "Heading3"),
        ("heading 4", "Heading4"),
        ("heading 5", "Heading5"),
        ("caption", "Caption"),
        ("footer", "Footer"),
        ("header", "Header"),
        ("List Paragraph", "ListParagraph"),
        ("Body Text", "BodyText"),
        ("Date", "Date"),
        ("Signature", "Signature"),
        ("Note Heading", "NoteHeading"),
        ("Default Paragraph Font", "DefaultParagraphFont"),
        ("Normal Table", "TableNormal"),
    )
}

#: settings.xml's compatibilityMode: 15 is Word 2013 and later, so Word opens the file
#: without “[兼容模式]”. LibreOffice sets the examples the same in 14 and 15 (compared
#: glyph by glyph: pdftotext -bbox and the page images are identical).
COMPATIBILITY_MODE = 15

#: Attributes of w:pgMar, one per margin of the profile's page.
PGMAR_ATTRS = ("top", "right", "bottom", "left", "header", "footer", "gutter")
#: Sides of w:tblBorders; the profile's one border applies to all of them.
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


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


def written_name(name: str) -> str:
    """The w:name a profile style name is written as: Word's spelling of a built-in name."""
    builtin = BUILTIN_STYLES.get(name.casefold())
    return builtin[0] if builtin else name


def grid_type(profile_type: str) -> str | None:
    """w:docGrid's w:type for the profile's grid type; "default" is written as no attribute."""
    return None if profile_type == "default" else profile_type


def footer_sides(pn: "PageNumber") -> list[tuple[str, "FooterSide"]]:
    """(w:footerReference type, the profile's side) of each footer written: odd pages
    in the default footer, even pages in their own when even and odd differ."""
    return [("default", pn.odd)] + ([("even", pn.even)] if pn.even_and_odd else [])


def page_number_text(pn: "PageNumber") -> str:
    """The footer's text with the PAGE field as {PAGE}, e.g. “— {PAGE} —”."""
    return f"{pn.prefix}{{PAGE}}{pn.suffix}"


#: Heading kinds a run-in heading can take its look from. A run-in heading
#: (“（2）培训目标：……” followed by its text) is a body paragraph: its number and
#: title are set in a character style with the heading's look, so only headings
#: that stand alone carry an outline level (Word's navigation pane lists them).
RUN_IN_KINDS = ("heading1", "heading2", "heading3", "heading4")

#: Cell styles that come in one copy per table text size (a dense table in 小四).
SIZED_KINDS = ("table_cell", "table_header")

# Chinese names of the usual sizes, in half-points (二号 = 44, 四号 = 28, 小四 = 24)
_SIZE_NAMES = {84: "初号", 72: "小初", 52: "一号", 48: "小一", 44: "二号", 36: "小二", 32: "三号",
               30: "小三", 28: "四号", 24: "小四", 21: "五号", 18: "小五", 15: "六号", 13: "小六"}


def size_label(half_points: int) -> str:
    """“小四”, “四号”, … or “11.5磅” for a size without a Chinese name."""
    return _SIZE_NAMES.get(half_points) or f"{half_points / 2:g}磅"


def run_in_style(profile: "Profile", kind: str) -> tuple[str, str]:
    """(w:styleId, w:name) of the character style a run-in heading of ``kind`` is set in."""
    name = getattr(profile.styles, kind).name
    return "planccRunIn" + _camel(kind), f"{written_name(name)} 接排"


def sized_style(profile: "Profile", kind: str, half_points: int) -> tuple[str, str]:
    """(w:styleId, w:name) of the copy of a cell style (``SIZED_KINDS``) at another size."""
    base = getattr(profile.styles, kind).name
    sid = style_ids(profile)[kind]
    return f"{sid}{half_points}", f"{written_name(base)} {size_label(half_points)}"


def table_sizes(profile: "Profile", sizes: "Iterable[int]" = ()) -> list[int]:
    """The table text sizes whose cell styles are written: the profile's dense size and ``sizes``."""
    out = {s for s in sizes if s}
    if profile.table.dense_size:
        out.add(profile.table.dense_size)
    return sorted(out)


def derived_styles(profile: "Profile", sizes: "Iterable[int]" = ()) -> dict[str, tuple[str, int | None]]:
    """Written name of every style derived from a profile style → (the profile kind, its
    size when it differs from the kind's own): the run-in heading styles and the cell
    styles at each of ``sizes`` (the profile's dense size is always among them)."""
    out: dict[str, tuple[str, int | None]] = {}
    for kind in RUN_IN_KINDS:
        out[run_in_style(profile, kind)[1]] = (kind, None)
    for size in table_sizes(profile, sizes):
        for kind in SIZED_KINDS:
            if size != getattr(profile.styles, kind).size:
                out[sized_style(profile, kind, size)[1]] = (kind, size)
    return out
