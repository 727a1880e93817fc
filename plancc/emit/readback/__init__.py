"""Read a .docx back and check it against the layout profile.

Two steps, usable on any WordprocessingML file, not only plancc's own:

- :func:`read_docx` (plancc.emit.readback.reader) reads the package with
  zipfile + lxml only (no python-docx, no Word) into plain layout facts
  (:class:`DocxFacts`): page, grid, footers, the effective fonts and indents of
  every style used, tables, paragraph texts, theme and colour leftovers, children
  out of schema order;
- :func:`check_against_profile` (plancc.emit.readback.check) compares those facts
  with a layout profile and returns one human-readable line per mismatch.

Who uses it now: the test suite, which renders documents and checks them against
the very profile that produced them. No command calls it yet; it is meant for a
later ``plancc validate FILE.docx`` that checks any Word document against the
profile. The check reads the profile through plancc.emit.mapping, as the emitter
writes it, so the two agree on names and places.
"""

from __future__ import annotations

from plancc.emit.readback.check import check_against_profile
from plancc.emit.readback.facts import DocxFacts, FooterFacts, ParaFacts, StyleFacts, TableFacts
from plancc.emit.readback.reader import PackageError, Source, read_docx

__all__ = [
    "StyleFacts",
    "FooterFacts",
    "TableFacts",
    "ParaFacts",
    "PackageError",
    "DocxFacts",
    "Source",
    "read_docx",
    "check_against_profile",
]
