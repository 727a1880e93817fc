"""The PDF keeps every character of the .docx: no punctuation mark is lost at a line end.

LibreOffice drops a mark that would be the 29th character of a justified full line
(28 三号 characters with −0.25 pt tracking) unless punctuation may hang past the margin
(profile ``typography.hanging_punctuation``, w:overflowPunct in the document defaults).
Checked on every example and on a plan that puts each CJK mark at positions 25–30 of
the first, second and third line of a paragraph, after Chinese and after digits and
Latin letters. ``pdftotext -raw`` is used: the default mode joins "2022-" at a line end
with the next line and drops the hyphen.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice missing"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing"),
]

MARKS = "，。、；：？！）》”’"


def _stress_plan() -> str:
    cjk = "一二三四五六七八九十" * 9
    mixed = "培训2024年共72学时ABC教师" * 6
    lines = []
    for base in (cjk, mixed):
        for mark in MARKS:
            for pos in range(25, 31):
                for first in (0, 26, 54):  # the first line is indented two characters
                    lines.append(base[: first + pos - 1] + mark + base[:30] + "。")
    body = "".join(f'      - "{line}"\n' for line in lines)
    return "plancc: 1\ndocument:\n  title: 标点测试\nsections:\n  - title: 行末标点\n    content:\n" + body


def _docx_text(path: Path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _render_pdf(plan: Path, out: Path) -> tuple[Path, Path]:
    subprocess.run([sys.executable, "-m", "plancc", "render", str(plan), "-o", str(out), "--pdf"], check=True, capture_output=True,
                   timeout=300, cwd=ROOT)
    return out, out.with_suffix(".pdf")


def _lost(docx: Path, pdf: Path) -> dict[str, tuple[int, int]]:
    import html

    want = Counter(re.sub(r"\s", "", html.unescape(_docx_text(docx))))
    got = Counter(re.sub(r"\s", "", subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                                                  check=True).stdout))
    return {ch: (n, got[ch]) for ch, n in want.items() if got[ch] < n}


def test_every_mark_at_every_line_end_position_survives(tmp_path):
    plan = tmp_path / "stress.yaml"
    plan.write_text(_stress_plan(), encoding="utf-8")
    docx, pdf = _render_pdf(plan, tmp_path / "stress.docx")
    assert _lost(docx, pdf) == {}


def test_without_hanging_punctuation_libreoffice_drops_marks(tmp_path):
    """The reason for the profile setting: the same plan with it off loses marks (if this ever
    stops failing, LibreOffice fixed its line breaking)."""
    plan = tmp_path / "stress.yaml"
    plan.write_text(_stress_plan(), encoding="utf-8")
    (tmp_path / "profile.yaml").write_text("typography:\n  hanging_punctuation: false\n", encoding="utf-8")
    out = tmp_path / "nohang.docx"
    subprocess.run([sys.executable, "-m", "plancc", "render", str(plan), "-o", str(out), "--pdf", "--profile", str(tmp_path / "profile.yaml")],
                   check=True, capture_output=True, timeout=300, cwd=ROOT)
    assert set(_lost(out, out.with_suffix(".pdf"))) & set(MARKS)


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "plans").glob("*.yaml")))
def test_every_example_keeps_every_character(tmp_path, name):
    docx, pdf = _render_pdf(ROOT / "plans" / f"{name}.yaml", tmp_path / f"{name}.docx")
    assert _lost(docx, pdf) == {}
