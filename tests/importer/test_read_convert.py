""".doc, .wps and other non-.docx Word files through LibreOffice: converted in a private
folder with a profile of their own, under a timeout, with clear words when LibreOffice is
missing or fails, and nothing left behind."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

from plancc.emit import pdf as pdfmod
from plancc.errors import WordFileError
from plancc.importer.docx import OLE_MAGIC, read_document

from .docxbuild import Doc

needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice missing")


@pytest.fixture(autouse=True)
def private_tmp(tmp_path, monkeypatch) -> Path:
    """Temporary folders of this test only, so that what is left behind is ours to see."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def leftovers() -> set[str]:
    tmp = Path(tempfile.gettempdir())
    return {p.name for p in tmp.iterdir() if p.name.startswith(("plancc-import-", "plancc-soffice-"))}


def fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!{sys.executable}\nimport sys, time, os\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@pytest.fixture
def old_doc(tmp_path) -> Path:
    path = tmp_path / "去年的方案.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504)
    return path


def test_without_libreoffice_the_words_say_what_to_do(old_doc, monkeypatch):
    monkeypatch.setattr(pdfmod.shutil, "which", lambda name: None)
    with pytest.raises(WordFileError) as e:
        read_document(old_doc)
    assert e.value.key == "import.convert.no_libreoffice" and e.value.exit_code == 2
    words = str(e.value)
    assert "LibreOffice" in words and "另存为 .docx" in words and "去年的方案.doc" in words


@pytest.mark.skipif(os.name != "posix", reason="shebang scripts")
def test_a_failed_conversion_is_reported_and_cleaned_up(old_doc, tmp_path, monkeypatch):
    before = leftovers()
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: fake_soffice(tmp_path, "sys.stderr.write('Error: source file could not be loaded'); sys.exit(1)"))
    with pytest.raises(WordFileError) as e:
        read_document(old_doc)
    assert e.value.key == "import.convert.failed" and "could not be loaded" in str(e.value)
    assert leftovers() <= before and not leftovers()


@pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")
def test_a_conversion_out_of_time_is_killed(old_doc, tmp_path, monkeypatch):
    before = leftovers()
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: fake_soffice(tmp_path, "time.sleep(60)"))
    t0 = time.monotonic()
    with pytest.raises(WordFileError) as e:
        read_document(old_doc, convert_timeout=1)
    assert time.monotonic() - t0 < 15
    assert e.value.key == "import.convert.timeout" and "1 秒" in str(e.value)
    assert leftovers() <= before and not leftovers()


@pytest.mark.skipif(os.name != "posix", reason="shebang scripts")
def test_the_converter_gets_a_copy_a_private_profile_and_its_result_is_read(old_doc, tmp_path, monkeypatch):
    log = tmp_path / "args.txt"
    docx = tmp_path / "made.docx"
    docx.write_bytes(Doc().para("转换后的正文").bytes())
    body = (f"open({str(log)!r}, 'w').write('\\n'.join(sys.argv[1:]))\n"
            "out = sys.argv[sys.argv.index('--outdir') + 1]\n"
            "stem = os.path.splitext(os.path.basename(sys.argv[-1]))[0]\n"
            f"open(os.path.join(out, stem + '.docx'), 'wb').write(open({str(docx)!r}, 'rb').read())")
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: fake_soffice(tmp_path, body))
    src = read_document(old_doc)
    assert [p.text for p in src.paragraphs()] == ["转换后的正文"] and src.converted_from == ".doc"
    args = log.read_text().splitlines()
    assert any(a.startswith("-env:UserInstallation=file://") for a in args) and "--headless" in args
    assert args[-1].endswith("source.doc") and Path(args[-1]).parent != old_doc.parent
    assert sorted(p.name for p in old_doc.parent.iterdir() if p.suffix == ".docx") == ["made.docx"]  # nothing beside the input


def test_a_docx_under_another_name_is_read_directly(tmp_path, monkeypatch):
    monkeypatch.setattr(pdfmod.shutil, "which", lambda name: None)  # no LibreOffice needed
    path = tmp_path / "方案.wps"
    path.write_bytes(Doc().para("其实是 docx").bytes())
    src = read_document(path)
    assert [p.text for p in src.paragraphs()] == ["其实是 docx"] and src.converted_from == ""


@pytest.mark.pdf
@needs_soffice
def test_a_real_doc_round_trip_keeps_text_numbers_and_merges(tmp_path):
    from .docxbuild import Cell, Level

    doc = Doc().abstract(1, [Level(0, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）")]).num(1, 1)
    doc.para("指导思想", num=(1, 0)).para("培训对象", num=(1, 1)).para("培训内容", num=(1, 1)).para("组织实施", num=(1, 0))
    doc.table([["项目", Cell("内容", span=2)], [Cell("师德", vmerge="restart"), "a", "b"], [Cell(vmerge="continue"), "c", "d"]],
              header_rows=1)
    doc.para("此页无正文")  # Word ends a body with a paragraph; LibreOffice drops a table that ends it
    source = tmp_path / "clerk.docx"
    source.write_bytes(doc.bytes())
    with pdfmod.soffice_convert(pdfmod.find_soffice(), source, "doc:MS Word 97", "doc", 120) as made:
        old = tmp_path / "clerk.doc"
        old.write_bytes(made.read_bytes())
    before = leftovers()
    src = read_document(old)
    assert leftovers() <= before and not leftovers()
    assert src.converted_from == ".doc"
    assert [(p.number, p.text) for p in src.paragraphs() if p.text] == [
        ("一、", "指导思想"), ("（一）", "培训对象"), ("（二）", "培训内容"), ("二、", "组织实施"), ("", "此页无正文")]
    t = src.tables()[0]
    assert [[c.text if c else None for c in row] for row in t.grid()] == [["项目", "内容", "内容"], ["师德", "a", "b"], ["师德", "c", "d"]]
    assert t.header_rows == 1


@pytest.mark.pdf
@needs_soffice
def test_numbering_written_by_libreoffice_reads_the_same(tmp_path):
    """LibreOffice rewrites numbering.xml its own way (and .odt has none): the numbers stay."""
    from .docxbuild import Level

    levels = [Level(0, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）"), Level(2, "decimal", "%3."),
              Level(3, "decimal", "（%4）"), Level(4, "decimalEnclosedCircle", "%5")]
    doc = Doc().abstract(1, levels).num(1, 1).style("H1", "heading 1", num=(1, 0), outline=0)
    for i, lvl in enumerate([0, 1, 2, 3, 4, 4, 1, 0, 1, 2]):
        doc.para(f"标题{i}", style="H1" if lvl == 0 else None, num=None if lvl == 0 else (1, lvl))
    source = tmp_path / "auto.docx"
    source.write_bytes(doc.bytes())
    expected = ["一、", "（一）", "1.", "（1）", "①", "②", "（二）", "二、", "（一）", "1."]
    assert [p.number for p in read_document(source).paragraphs()] == expected
    soffice = pdfmod.find_soffice()
    with pdfmod.soffice_convert(soffice, source, "odt", "odt", 120) as made:
        odt = tmp_path / "auto.odt"
        odt.write_bytes(made.read_bytes())
    with pdfmod.soffice_convert(soffice, odt, "docx:MS Word 2007 XML", "docx", 120) as made:
        resaved = tmp_path / "resaved.docx"
        resaved.write_bytes(made.read_bytes())
    assert [p.number for p in read_document(resaved).paragraphs()] == expected
    from_odt = read_document(odt)
    assert from_odt.converted_from == ".odt" and [p.number for p in from_odt.paragraphs()] == expected
