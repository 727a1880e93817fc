"""``plancc import``: last year's Word document → a plan.

The pipeline is the compiler's run backwards, one module per stage:

    read (docx.py, convert.py)  bytes of .docx/.doc/.wps → :class:`source.SourceDoc`
    structure (structure.py)    paragraphs → title block, outline (sections by numbering
                                level, not by font), basis documents → a plan of prose
    recognise (recognise/)      prose and tables → the data the language holds (period,
                                hours, tiers, phases, assessments, catalogs, groups), the
                                prose keeping ``{=…}`` references to it
    write (write.py)            the plan as commented YAML with the modeline; every
                                character of the source's body text is in it

Each stage records its guesses (:class:`source.Guess`, with the place in the source),
which the report prints and the YAML carries as comments.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancc.importer.source import Guess, SourceDoc

#: Word documents plancc reads (``plancc import`` and ``plancc validate``): these directly …
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")
#: … and these through LibreOffice (plancc.importer.convert; read_document sniffs the bytes,
#: so a .docx named .doc is still read directly)
CONVERTED_SUFFIXES = (".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt")
SUFFIXES = DOCX_SUFFIXES + CONVERTED_SUFFIXES


def is_word_file(path: "str | Path") -> bool:
    """Whether a path names a Word document (by its suffix), not a plan."""
    return str(path).lower().endswith(SUFFIXES)


def read(path: str | Path, lang: str = "zh") -> "SourceDoc":
    """The document at ``path`` as a :class:`SourceDoc`. A name that is no Word document's
    (a plan .yaml given by mistake) is refused here, an unreadable document by the reader:
    both UsageErrors (exit 2)."""
    from plancc.catalog import message
    from plancc.errors import UsageError
    from plancc.text.escape import printable

    p = Path(path)
    if p.suffix.lower() not in SUFFIXES:
        raise UsageError(message("import.unknown_suffix", lang, path=printable(str(path))))
    try:
        from plancc.importer.docx import read_document
    except ImportError:  # a stage not installed in this build
        raise UsageError(message("import.no_reader", lang, path=printable(str(path)), suffix=p.suffix.lower())) from None
    return read_document(p, lang=lang)


def run_import(doc: "SourceDoc") -> "tuple[dict, list[Guess]]":
    """structure, then recognise when that stage is installed: the plan and every guess."""
    from plancc.importer.structure import structure_places

    from plancc.importer.structure import annexes, exact_tables

    plan, guesses, places = structure_places(doc)
    try:
        from plancc.importer.recognise import recognise
    except ImportError:
        return plan, in_source_order(annexes(plan, exact_tables(plan, guesses)), doc)
    plan, more = recognise(plan, doc, places)
    return plan, in_source_order(annexes(plan, exact_tables(plan, [*guesses, *more])), doc)


def in_source_order(guesses: "list[Guess]", doc: "SourceDoc | None" = None) -> "list[Guess]":
    """Guesses in the order of their places in the source: by the position in the body of the
    paragraph or table they name (from ``doc``; without it, by page, paragraph, then table), then
    row and cell; those without a place last. Stable: guesses at one place keep the order they
    were made in."""
    from plancc.importer.source import SPara

    para_at: dict[int, int] = {}
    table_at: dict[int, int] = {}
    for i, b in enumerate(doc.blocks if doc is not None else ()):
        if isinstance(b, SPara):
            if b.place.paragraph is not None:
                para_at.setdefault(b.place.paragraph, i)
        elif b.place.table is not None:
            table_at.setdefault(b.place.table, i)

    def key(g: "Guess") -> tuple:
        p = g.place
        if p.paragraph is None and p.table is None:
            return (1, 0, 0, 0, 0, 0)
        if doc is not None:
            pos = para_at.get(p.paragraph, -1) if p.paragraph is not None else table_at.get(p.table, -1)
            if pos >= 0:
                return (0, pos, p.row or 0, p.cell or 0, 0, 0)
        return (0, p.page or 0, p.paragraph or 0, p.table or 0, p.row or 0, p.cell or 0)

    return sorted(guesses, key=key)
