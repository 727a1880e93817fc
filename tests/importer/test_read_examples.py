"""The reader on real documents: the example plans as plancc renders them, and after a
round trip through LibreOffice's .doc. Nothing a reader sees may be missing."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from plancc.importer.docx import read_docx, read_document

from ..helpers import ROOT, check_example, render_example

EXAMPLES = sorted((ROOT / "plans").glob("*.yaml"))
needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice missing")


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request) -> tuple[Path, bytes]:
    path = request.param
    return path, render_example(check_example(path), path)


def letters(text: str) -> Counter:
    return Counter("".join(text.split()))


def test_every_text_run_of_the_body_is_read(rendered):
    """Every w:t of document.xml (plancc writes no fields, hidden text or revisions) is in the body text."""
    _, data = rendered
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    expected = Counter()
    for m in re.finditer(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml):
        expected += letters(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'))
    src = read_docx(data)
    assert letters(src.body_text()) == expected


def test_headings_keep_their_styles_and_levels(rendered):
    _, data = rendered
    src = read_docx(data)
    heads = [p for p in src.paragraphs() if p.outline_level is not None]
    assert heads, "rendered plans have headings"
    assert heads[0].outline_level == 0 and re.match(r"[一二三四五六七八九十]+、", heads[0].text)
    assert {p.font for p in heads if p.outline_level == 0} == {"黑体"}
    body = [p for p in src.paragraphs() if p.text and p.outline_level is None and p.style == "Normal"]
    assert body and all(p.size == 32 for p in body)


@pytest.mark.pdf
@needs_soffice
def test_visible_text_equals_libreoffices_own_reading(rendered, tmp_path):
    from plancc.emit.pdf import find_soffice, soffice_convert

    path, data = rendered
    docx = tmp_path / (path.stem + ".docx")
    docx.write_bytes(data)
    with soffice_convert(find_soffice(), docx, "txt:Text (encoded):UTF8", "txt", 120) as txt:
        reference = txt.read_text(encoding="utf-8-sig")
    assert letters(read_document(docx).body_text()) == letters(reference)


@pytest.mark.pdf
@needs_soffice
def test_a_doc_saved_by_libreoffice_reads_the_same(tmp_path):
    from plancc.emit.pdf import find_soffice, soffice_convert

    path = ROOT / "plans" / "huaibei-2022-2023.yaml"
    data = render_example(check_example(path), path)
    docx = tmp_path / "huaibei.docx"
    docx.write_bytes(data)
    with soffice_convert(find_soffice(), docx, "doc:MS Word 97", "doc", 120) as made:
        old = tmp_path / "huaibei.doc"
        old.write_bytes(made.read_bytes())
    direct, converted = read_docx(data), read_document(old)
    assert converted.converted_from == ".doc"
    assert letters(converted.body_text()) == letters(direct.body_text())
    assert len(converted.tables()) == len(direct.tables())
    for a, b in zip(direct.tables(), converted.tables()):
        assert [[c.text if c else None for c in row] for row in a.grid()] == [[c.text if c else None for c in row] for row in b.grid()]
