"""Large catalogs: rendering must stay linear (no per-paragraph body rescans, no add_row)."""

from __future__ import annotations

import time

from plancc.emit.docx import render_docx
from plancc.emit.readback import read_docx
from plancc.layout import ir

from .conftest import catalog_table


def _catalog_document(rows: int) -> ir.Document:
    paras = [ir.Paragraph("body", [ir.Run(f"第{i}段正文。")]) for i in range(rows // 10)]
    return ir.Document(blocks=[ir.Paragraph("title", [ir.Run("课程目录")]), *paras, catalog_table(rows)])


def test_5000_rows_render_fast_and_linearly(profile) -> None:
    small = _catalog_document(1000)
    big = _catalog_document(5000)
    render_docx(small, profile)  # warm-up (template parse, imports)
    t0 = time.perf_counter()
    render_docx(small, profile)
    t1 = time.perf_counter()
    data = render_docx(big, profile)
    t2 = time.perf_counter()
    assert t2 - t1 < 5.0, f"5,000 rows took {t2 - t1:.2f} s"
    # 5× the rows may cost at most ~10× the time (quadratic code would cost 25×)
    assert (t2 - t1) < 10 * max(t1 - t0, 0.02)
    facts = read_docx(data)
    assert facts.tables[0].rows == 5001
    assert sum(facts.tables[0].grid_widths) == 8844
    assert len(facts.paragraphs) == 1 + 500 + 1 + 1  # title, body, caption, trailing paragraph
