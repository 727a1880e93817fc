"""Large catalogs render completely. Speed is measured in bench/, not asserted here."""

from __future__ import annotations

from plancc.emit.docx import render_docx
from plancc.emit.readback import read_docx
from plancc.layout import ir

from .conftest import caption, catalog_table


def _catalog_document(rows: int) -> ir.Document:
    paras = [ir.Paragraph("body", [ir.Run(f"第{i}段正文。")]) for i in range(rows // 10)]
    return ir.Document(blocks=[ir.Paragraph("title", [ir.Run("课程目录")]), *paras, caption("表2  课程目录"), catalog_table(rows)])


def test_a_5000_row_catalog_renders_completely(profile) -> None:
    data = render_docx(_catalog_document(5000), profile)
    facts = read_docx(data)
    assert facts.tables[0].rows == 5001
    assert facts.tables[0].header_rows == 1
    assert all(facts.tables[0].cant_split)
    assert sum(facts.tables[0].grid_widths) == 8844
    assert len(facts.paragraphs) == 1 + 500 + 1 + 1  # title, body, caption, trailing paragraph
    assert render_docx(_catalog_document(5000), profile) == data
