"""``plancc import``: last year's Word document → a plan.

The pipeline is the compiler's run backwards, one module per stage:

    read (docx.py, convert.py)  bytes of .docx/.doc/.wps → :class:`source.SourceDoc`
    structure (structure.py)    paragraphs → title block, outline (sections by numbering
                                level, not by font), basis documents → a plan of prose
    recognise (recognise.py)    prose and tables → the data the language holds (period,
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

#: the suffixes import reads, and the reader of each (module, function), imported when used
READERS = {".docx": ("plancc.importer.docx", "read_docx"), ".doc": ("plancc.importer.convert", "convert"),
           ".wps": ("plancc.importer.convert", "convert")}


def read(path: str | Path, lang: str = "zh") -> "SourceDoc":
    """The document at ``path`` as a :class:`SourceDoc`, by its suffix; an unreadable input
    raises a UsageError (exit 2) from the reader, an unknown suffix one from here."""
    import importlib

    from plancc.catalog import message
    from plancc.errors import UsageError
    from plancc.text.escape import printable

    p = Path(path)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        raise UsageError(message("import.unknown_suffix", lang, path=printable(str(path))))
    module, name = reader
    try:
        func = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):  # a stage not installed in this build
        raise UsageError(message("import.no_reader", lang, path=printable(str(path)), suffix=p.suffix.lower())) from None
    got = func(p)
    if module.endswith(".convert") and not hasattr(got, "blocks"):  # a converted .docx (path or bytes): read it
        from plancc.importer.docx import read_docx

        got = read_docx(got)
        got.converted_from = p.suffix.lower()
    return got


def run_import(doc: "SourceDoc") -> "tuple[dict, list[Guess]]":
    """structure, then recognise when that stage is installed: the plan and every guess."""
    from plancc.importer.structure import structure

    plan, guesses = structure(doc)
    try:
        from plancc.importer.recognise import recognise
    except ImportError:
        return plan, guesses
    plan, more = recognise(plan, doc)
    return plan, [*guesses, *more]
