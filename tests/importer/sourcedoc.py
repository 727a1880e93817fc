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


def written_and_checked(plan: dict, guesses=()):
    """The plan structure made, written as import writes it: (YAML text, its check report).
    The text must load back to the same plan and check without errors."""
    import yaml

    from plancc.importer.write import write_yaml
    from tests.helpers import check

    text = write_yaml(plan, guesses, "t.docx")
    assert yaml.safe_load(text) == plan
    report = check(text)
    assert report.errors == 0, [d.message for d in report.diagnostics if d.severity.value == "error"]
    return text, report
