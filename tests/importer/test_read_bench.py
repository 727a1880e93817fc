"""The read-stage benchmark runs (10 pages, one run) and its input is what it says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_import_read_benchmark_runs_and_prints_its_figures():
    proc = subprocess.run([sys.executable, str(BENCH / "import_read.py"), "--quick"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "plancc / python-docx" in proc.stdout and "×" in proc.stdout and "MISSED" not in proc.stdout


def test_the_benchmark_document_has_its_pages_and_numbers(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        import import_read
    finally:
        sys.path.remove(str(BENCH))
    from plancc.importer.docx import read_document

    path, chars = import_read.write_input(tmp_path, 30)
    assert chars >= 30 * import_read.PAGE_CHARS
    src = read_document(path)
    numbered = [p.number for p in src.paragraphs() if p.number]
    assert numbered[0] == "一、" and "（一）" in numbered and "十、" in numbered and "十一、" in numbered
    assert len("".join(src.body_text().split())) >= chars * 0.9
