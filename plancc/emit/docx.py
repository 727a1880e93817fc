"""Emit a laid-out document (plancc.layout.ir) as an official-style .docx.

python-docx supplies the package (its default template, parts, relationships,
footers); everything that carries layout is written with lxml from the layout
profile and the IR, in four parts:

- plancc.emit.styles: styles.xml rebuilt from scratch (one named style per IR
  paragraph kind) and fontTable.xml;
- plancc.emit.body: paragraphs and tables (rows serialized as text, spliced in
  after saving);
- plancc.emit.properties: core and app properties;
- this module: the package — template parts dropped, page, grid, footers and
  settings set, and the deterministic zip.

The emitter takes no layout decisions: column widths, a dense table's size,
captions and the 署名's indent come in the IR; the profile gives the styles.
The output is deterministic: fixed core properties and a re-zipped package with
fixed entry order and timestamps, so the same IR and profile give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx as _python_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from plancc.emit import ooxml as ox
from plancc.emit.atomic import atomic_write_bytes
from plancc.emit.body import BodyWriter, splice_rows
from plancc.emit.errors import EmitError
from plancc.emit.mapping import BUILTIN_STYLES, COMPATIBILITY_MODE, footer_sides, style_ids
from plancc.emit.properties import app_xml, core_xml
from plancc.emit.styles import build_styles, font_table_xml
from plancc.layout import ir
from plancc.layout.profile import Profile

__all__ = [
    "EmitError",
    "render_docx",
    "write_docx",
    "style_ids",
    "BUILTIN_STYLES",
    "ZIP_EPOCH",
]

#: Timestamp of every zip entry (the earliest a zip can carry).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_SECTPR = ox.qn("w:sectPr")


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
    for kind, side in footer_sides(pn):
        footer = section.footer if kind == "default" else section.even_page_footer
        footer.is_linked_to_previous = False
        ftr = footer._element  # the w:ftr root of the footer part
        for child in list(ftr):
            ftr.remove(child)
        ftr.append(ox.page_number_paragraph(ids["page_number"], side, pn.prefix, pn.suffix))


_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _set_settings(document, profile: Profile, doc: ir.Document) -> None:
    settings = document.settings.element
    ox.remove_rsids(settings)
    # each document its own id, the same from run to run: derived from its title and date
    digest = hashlib.sha256(f"{doc.title}\n{doc.date}".encode("utf-8")).hexdigest()
    doc_id = f"{int(digest[:8], 16) & 0x7FFFFFFF:08X}"
    for el in settings.iter("{%s}docId" % _W14):
        el.set("{%s}val" % _W14, doc_id)
    ox.set_even_and_odd(settings, profile.page_number.even_and_odd)
    for cs in settings.iter(ox.qn("w:compatSetting")):
        if cs.get(ox.qn("w:name")) == "compatibilityMode":
            cs.set(ox.qn("w:val"), str(COMPATIBILITY_MODE))
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
    core = core_xml(doc, profile)  # validates the date before any work
    document = _python_docx.Document()  # python-docx's default template, reset below
    ids = style_ids(profile)

    _drop_template_parts(document)
    sizes = tuple(sorted({b.font_size for b in doc.blocks if isinstance(b, ir.Table) and b.font_size}))
    build_styles(document.styles.element, profile, ids, sizes)
    _set_settings(document, profile, doc)
    _set_footers(document, profile, ids)

    body = document.element.body
    sect_pr = body.find(_SECTPR)
    ox.page_setup(sect_pr, profile.page)
    for child in list(body):  # the template's body is empty, but be sure
        if child is not sect_pr:
            body.remove(child)

    writer = BodyWriter(profile, ids, sect_pr)
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
        document_xml = splice_rows(z.read("word/document.xml"), writer.row_chunks)
    del document, body, sect_pr, writer

    return _deterministic_zip(
        package,
        {
            "word/document.xml": document_xml,
            "word/fontTable.xml": font_table_xml(profile),
            "docProps/core.xml": core,
            "docProps/app.xml": app_xml(),
        },
    )


def write_docx(doc: ir.Document, profile: Profile, path: str | os.PathLike[str]) -> Path:
    """Render and write atomically: a failed render leaves a previous file untouched."""
    data = render_docx(doc, profile)
    return atomic_write_bytes(path, data)
