"""Word documents plancc did not make, written the way other counties and schools write them
(tests/importer/foreign/, see its README): each is imported, the plan checked and rendered, and
the render read back and compared with the source sentence by sentence (tests/importer/fidelity.py).

Each document ``NAME.docx`` (or .doc) has ``NAME.expect.yaml`` beside it:

    about: what the document is and what it tries
    errors: [PL802]         # error codes the imported plan may have (slips the source really has)
    figures:                # data the import must recover: a dotted path in the plan → its value
      hours.required: 72
      phases.0.start: "2025-03"
    lengths:                # a dotted path → how many items it holds
      phases: 5
    changed:                # a source sentence (normalised) → why the render prints it otherwise
      "2024-11-11": 成文日期按 GB/T 9704 印作汉字年月日
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.importer.fidelity import measure, normal

FOREIGN = Path(__file__).parent / "foreign"
DOCUMENTS = sorted(p for p in FOREIGN.iterdir() if p.suffix.lower() in (".docx", ".doc", ".wps") and not p.name.startswith("~$"))


def _at(plan, dotted: str):
    here = plan
    for part in dotted.split("."):
        if isinstance(here, list):
            here = here[int(part)]
        elif isinstance(here, dict):
            if part not in here:
                raise KeyError(f"{dotted}: no {part!r} (has {sorted(here)})")
            here = here[part]
        else:
            raise KeyError(f"{dotted}: {part!r} under a {type(here).__name__}")
    return here


def _expect(doc: Path) -> dict:
    path = doc.with_name(doc.stem + ".expect.yaml")
    assert path.exists(), f"{doc.name} has no {path.name}"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def test_there_are_foreign_documents():
    assert len(DOCUMENTS) >= 1


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda p: p.name)
def test_import_is_faithful(doc):
    if doc.suffix.lower() != ".docx":
        import shutil

        if not (shutil.which("soffice") or shutil.which("libreoffice")):
            pytest.skip("LibreOffice is needed to read .doc/.wps")
    expect = _expect(doc)
    f = measure(doc)
    allowed = set(expect.get("errors") or [])
    assert set(f.error_codes()) <= allowed, f.errors
    if allowed - set(f.error_codes()):
        pytest.fail(f"expected errors that no longer fire: {sorted(allowed - set(f.error_codes()))} (update {doc.stem}.expect.yaml)")
    for dotted, value in (expect.get("figures") or {}).items():
        assert _at(f.plan, dotted) == value, dotted
    for dotted, n in (expect.get("lengths") or {}).items():
        assert len(_at(f.plan, dotted)) == n, dotted
    if allowed:
        return  # a plan with errors does not render
    assert f.rendered
    changed = {normal(k) for k in (expect.get("changed") or {})}
    missing = [s for s in f.missing if s not in changed]
    assert not missing, "source sentences the render does not print:\n" + "\n".join(missing)
    stale = [k for k in changed if k not in f.missing]
    assert not stale, f"'changed' entries the render now prints as the source: {stale} (update {doc.stem}.expect.yaml)"
