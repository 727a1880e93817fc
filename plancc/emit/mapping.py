"""Where the layout profile's facts go in a .docx: names, ids and places that the
writer (plancc.emit.styles, plancc.emit.ooxml, plancc.emit.docx) and the read-back
check (plancc.emit.readback) share, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
