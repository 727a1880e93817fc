"""A SourceDoc typed in a test, the way a reader would give it (shared by the structure tests)."""

from __future__ import annotations

from plancc.importer.source import Place, SourceDoc, SPara, STable


def source_doc(*items) -> SourceDoc:
    """Strings become paragraphs; (text, dict) pairs paragraphs with those fields; STable as given.
    Paragraphs are numbered in body order."""
    blocks: list = []
    n = 0
    for it in items:
        if isinstance(it, STable):
            blocks.append(it)
            continue
        n += 1
        text, kw = it if isinstance(it, tuple) else (it, {})
        blocks.append(SPara(text, Place(paragraph=n), **kw))
    return SourceDoc(blocks, path="t.docx")
