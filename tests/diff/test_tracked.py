"""plancc diff --docx: the new version with Word tracked changes against the old one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from plancc.cli.main import run
from plancc.diff.tracked import merge
from plancc.layout import ir

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _p(text: str, kind="body", number="") -> ir.Paragraph:
    return ir.Paragraph(kind, [ir.Run(text)], number=number)


def test_a_changed_paragraph_shows_its_words_deleted_and_inserted():
    old = ir.Document([_p("每人每年不少于72学时。")])
    new = ir.Document([_p("每人每年不少于90学时。")])
    (p,) = merge(old, new).blocks
    assert [(r.text, r.change) for r in p.runs] == [("每人每年不少于", None), ("72", "del"), ("90", "ins"), ("学时。", None)]
    assert p.text == "每人每年不少于90学时。" and p.change is None


def test_paragraphs_added_and_removed_are_whole_changes_and_the_rest_untouched():
    old = ir.Document([_p("一"), _p("二"), _p("三")])
    new = ir.Document([_p("一"), _p("三"), _p("四", "heading1", "四、")])
    blocks = merge(old, new).blocks
    assert [(b.text, b.change) for b in blocks] == [("一", None), ("", "del"), ("三", None), ("四、四", "ins")]
    assert [(r.text, r.change) for r in blocks[1].runs] == [("二", "del")]


def _write(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    text = (ROOT / "plans" / "binchuan-2022.yaml").read_text(encoding="utf-8")
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(text, encoding="utf-8")
    assert old in text
    b.write_text(text.replace(old, new, 1), encoding="utf-8")
    return a, b


def test_cli_writes_a_document_word_and_libreoffice_show_as_tracked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a, b = _write(tmp_path, "required: 72", "required: 80")
    assert run(["diff", str(a), str(b), "--docx", "changes.docx"]) == 0
    assert "changes.docx" in capsys.readouterr().err
    xml = zipfile.ZipFile(tmp_path / "changes.docx").read("word/document.xml").decode()
    assert '<w:del w:id="' in xml and "<w:delText>72</w:delText>" in xml and "<w:t>80</w:t></w:r></w:ins>" in xml
    audit = shutil.which("openxml-audit", path=str(Path(sys.executable).parent)) or shutil.which("openxml-audit")
    if audit:
        r = subprocess.run([audit, "-f", "microsoft365", "--policy", "strict", "-o", "json", str(tmp_path / "changes.docx")],
                           capture_output=True, text=True, timeout=300)
        assert '"error_count": 0' in r.stdout, r.stdout[-2000:]
    # read as Word shows it with the changes accepted: the new figure, not the old
    from plancc.importer import read

    body = read(tmp_path / "changes.docx").body_text()
    assert "80学时研修内容" in body and "72学时研修内容" not in body


def test_cli_refuses_a_plan_with_errors_and_an_output_that_is_an_input(tmp_path, capsys):
    a, b = _write(tmp_path, "required: 72", "required: -1")
    assert run(["diff", str(a), str(b), "--docx", str(tmp_path / "c.docx")]) == 2
    assert "有错误" in capsys.readouterr().err and not (tmp_path / "c.docx").exists()
    a, b = _write(tmp_path, "required: 72", "required: 80")
    assert run(["diff", str(a), str(b), "--docx", str(a)]) == 2
    assert a.read_text(encoding="utf-8").startswith("#") or "plancc" in a.read_text(encoding="utf-8")


def test_cli_docx_is_for_two_files(tmp_path, capsys, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is needed")
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "x"],
                   check=True)
    assert run(["diff", "HEAD", "--docx", "x.docx"]) == 2
    assert "--docx" in capsys.readouterr().err
