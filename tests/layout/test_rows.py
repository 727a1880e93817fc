"""Rows of a short vertical merge stay on one page (plancc.layout.rows): chosen by layout,
written as "keep with next" on every paragraph of the run's rows but the last, and kept
together by LibreOffice when the table crosses a page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from plancc.layout import ir
from plancc.layout.rows import merged_rows_kept

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _rows(*merged: bool) -> list[list[ir.Cell]]:
    """One row per flag: True when the row's first cell continues the merge above it."""
    return [[ir.Cell("x", vmerge="continue" if m else None), ir.Cell("y")] for m in merged]


def test_the_rows_of_a_short_merge_keep_with_the_next_but_the_last():
    # rows 0–2 are one item (rows 1 and 2 continue row 0), row 3 stands alone, rows 4–5 are one item
    assert merged_rows_kept(_rows(False, True, True, False, False, True), 8) == {0, 1, 4}


def test_rows_without_merges_and_merges_longer_than_the_limit_break_as_usual():
    assert merged_rows_kept(_rows(False, False, False), 8) == frozenset()
    assert merged_rows_kept(_rows(False, True, True, True), 3) == frozenset()  # 4 rows > 3
    assert merged_rows_kept(_rows(False, True, True, True), 4) == {0, 1, 2}
    assert merged_rows_kept(_rows(False, True), 0) == frozenset()  # 0 in the profile: never


def _table_keeps(data: bytes) -> list[tuple[str, bool]]:
    """Each body row of the first table: its first cell's text and whether all its paragraphs keep with next."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out = []
    for tr in next(root.iter(W + "tbl")).iter(W + "tr"):
        if tr.find(f"{W}trPr/{W}tblHeader") is not None:
            continue
        paras = list(tr.iter(W + "p"))
        first = "".join(t.text or "" for t in next(tr.iter(W + "tc")).iter(W + "t"))
        out.append((first, all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paras)))
    return out


def test_the_docx_keeps_each_rubric_item_on_one_page():
    from tests.layout.test_rubrics_and_parts import RUBRIC, _docx

    keeps = _table_keeps(_docx(RUBRIC))
    # an item of two rows: its first row keeps with the second, the second (the item's last) does not
    assert keeps[:4] == [("集中研修", True), ("", False), ("课例研修", True), ("", False)]
    assert keeps[4:] == [("研修总结", False), ("合计", False)]  # rows of their own keep nothing


@pytest.mark.pdf
@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice missing")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_an_item_that_would_straddle_a_page_moves_whole_to_the_next_page(tmp_path):
    from plancc.docs import EXAMPLES
    from tests.emit.test_pdf_keeps_text import _render_pdf

    _docx_path, pdf = _render_pdf(EXAMPLES / "10-rubrics-and-parts.yaml", tmp_path / "ex.docx")
    pages = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    flat = [re.sub(r"\s", "", page) for page in pages]
    on = lambda words: {i for i, page in enumerate(flat) if words in page}  # noqa: E731
    # the table crosses a page (its header repeats), so the test says something
    assert len(on("考核内容")) == 2
    # the item 课例研修 (two rows) is on one page with both its rows
    assert on("课例研修") == on("上一节研究课") == on("写一篇教学反思")
