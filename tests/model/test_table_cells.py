"""Free tables with merged cells and several header rows: the model checks the grid, the
document prints the merges (gridSpan, vMerge) where the plan writes them."""

from __future__ import annotations

import io

import docx
import pytest

from tests.helpers import MINIMAL, check, codes, render_example

TABLE = MINIMAL + """\
sections:
  - title: 课程
    content:
      - table:
{table}
"""

GOOD = """\
          header:
            - [序号, 课程名称, {text: 学时, span: 2}]
            - [{merge: up}, {merge: up}, 理论, 实践]
          rows:
            - [1, 师德修养, 4, 2]
            - [2, 班级管理, 6, {merge: up}]
            - [{text: 合计, span: 2}, 10, 2]
"""


def _table(body: str) -> str:
    return TABLE.format(table=body)


def test_merged_cells_and_header_rows_are_a_valid_table():
    assert codes(check(_table(GOOD))) == []


def test_a_column_title_may_be_blank():
    assert codes(check(_table("          columns: [\"\", 理论]\n          rows: [[师德, 4]]\n"))) == []


@pytest.mark.parametrize("body, needle", [
    # a spanned row that is one column short
    ("          columns: [a, b, c]\n          rows: [[{text: x, span: 2}]]\n", "表格第 1 行有 2 个单元格"),
    # merge up with nothing above
    ("          columns: [a, b]\n          rows: [[{merge: up}, x]]\n", "merge: up"),
    # merge up under a cell of another width
    ("          columns: [a, b, c]\n          rows: [[{text: x, span: 2}, y], [{merge: up}, z, w]]\n", "span 相同"),
    # merge up with its own text
    ("          columns: [a, b]\n          rows: [[x, y], [{merge: up, text: z}, w]]\n", "不能再有自己的文字"),
    # both columns and header
    ("          columns: [a, b]\n          header: [[a, b]]\n          rows: [[x, y]]\n", "删去 columns"),
    # neither
    ("          rows: [[x, y]]\n", "缺少列标题"),
    # an unknown key in a cell
    ("          columns: [a, b]\n          rows: [[{txt: x}, y]]\n", "txt"),
])
def test_a_grid_that_does_not_fit_is_a_located_error(body, needle):
    report = check(_table(body))
    assert report.errors >= 1
    (d, *_) = [d for d in report.diagnostics if d.severity == "error"]
    assert d.code == ("PL101" if needle == "txt" else "PL104") and needle in d.message, d.message
    assert d.line >= 8  # at the table, not at the top of the file


def test_the_document_prints_the_merges(tmp_path):
    text = _table(GOOD)
    path = tmp_path / "plan.yaml"
    d = docx.Document(io.BytesIO(render_example(check(text), path)))
    (t,) = d.tables
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rows = t._tbl.findall(f"{ns}tr")
    assert len(rows) == 5

    def shape(tr):
        out = []
        for tc in tr.findall(f"{ns}tc"):
            pr = tc.find(f"{ns}tcPr")
            span = pr.find(f"{ns}gridSpan")
            vm = pr.find(f"{ns}vMerge")
            text = "".join(x.text or "" for x in tc.iter(f"{ns}t"))
            out.append((text, int(span.get(f"{ns}val")) if span is not None else 1,
                        None if vm is None else (vm.get(f"{ns}val") or "continue")))
        return out

    assert shape(rows[0]) == [("序号", 1, "restart"), ("课程名称", 1, "restart"), ("学时", 2, None)]
    assert shape(rows[1]) == [("", 1, "continue"), ("", 1, "continue"), ("理论", 1, None), ("实践", 1, None)]
    assert shape(rows[3])[3] == ("", 1, "continue") and shape(rows[2])[3] == ("2", 1, "restart")
    assert shape(rows[4])[0] == ("合计", 2, None)
    # both header rows repeat on every page
    for tr in rows[:2]:
        assert tr.find(f"{ns}trPr/{ns}tblHeader") is not None
    assert rows[2].find(f"{ns}trPr/{ns}tblHeader") is None
