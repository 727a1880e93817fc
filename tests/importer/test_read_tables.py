"""Tables on their grid: spans, vertical merges, shifted and short rows, header rows,
empty rows dropped, tables inside cells flattened."""

from __future__ import annotations

from plancc.importer.docx import ReadLimits, read_docx

from .docxbuild import Cell, Doc, paragraph_xml, table_xml


def table(doc: Doc, **kw):
    return read_docx(doc.bytes(), **kw).tables()[0]


def shape(t) -> list[list]:
    return [[c.text if c else None for c in row] for row in t.grid()]


def test_horizontal_and_vertical_merges_are_one_cell_with_spans():
    rows = [["项目", Cell("内容", span=2), "分值"],
            [Cell("师德", vmerge="restart"), "a", "b", "10"],
            [Cell(vmerge="continue"), "c", "d", "5"],
            ["合计", Cell("", span=2), "15"]]
    t = table(Doc().table(rows, header_rows=1))
    assert (t.n_rows, t.n_cols, t.header_rows) == (4, 4, 1)
    assert shape(t) == [["项目", "内容", "内容", "分值"], ["师德", "a", "b", "10"], ["师德", "c", "d", "5"], ["合计", "", "", "15"]]
    merged = t.grid()[1][0]
    assert (merged.row, merged.col, merged.rowspan, merged.colspan) == (1, 0, 2, 1)
    assert t.grid()[0][1].colspan == 2 and len(t.cells) == 13


def test_a_merge_continuing_without_a_cell_above_stands_alone():
    t = table(Doc().table([[Cell("孤", vmerge="continue"), "x"]]))
    assert shape(t) == [["孤", "x"]]


def test_text_typed_in_a_continued_cell_is_not_lost():
    rows = [[Cell("上", vmerge="restart"), "1"], [Cell("下", vmerge="continue"), "2"]]
    t = table(Doc().table(rows))
    assert t.grid()[0][0].text == "上\n下" and t.grid()[0][0].rowspan == 2


def test_grid_before_shifts_a_row_and_short_rows_leave_gaps():
    t = table(Doc().table([["a", "b", "c"], ["d"], ["e", "f"]], grid_before={2: 1}))
    assert shape(t) == [["a", "b", "c"], ["d", None, None], [None, "e", "f"]]


def test_empty_rows_are_dropped_and_rows_renumbered():
    rows = [["序号", "课程"], ["", ""], ["1", "师德"], [Cell("", span=2)], ["2", "安全"]]
    t = table(Doc().table(rows))
    assert shape(t) == [["序号", "课程"], ["1", "师德"], ["2", "安全"]]
    assert [c.row for c in t.cells] == [0, 0, 1, 1, 2, 2]


def test_header_rows_are_the_leading_repeated_rows():
    t = table(Doc().table([["a"], ["b"], ["c"]], header_rows=2))
    assert t.header_rows == 2


def test_cell_text_is_its_paragraphs_with_their_numbers():
    from .docxbuild import Level

    doc = Doc().abstract(1, [Level(0, "decimal", "%1.")]).num(1, 1)
    cell = Cell(xml=paragraph_xml("第一", num=(1, 0)) + paragraph_xml("第二", num=(1, 0)) + paragraph_xml(""))
    assert table(doc.table([[cell]])).cells[0].text == "1.第一\n2.第二\n"


def test_a_table_inside_a_cell_becomes_lines_of_that_cell():
    inner = table_xml([["内1", "内2"], ["内3", "内4"]])
    doc = Doc().table([["外", Cell(xml=paragraph_xml("前") + inner + paragraph_xml("后"))]])
    src = read_docx(doc.bytes())
    assert len(src.tables()) == 1
    assert shape(src.tables()[0]) == [["外", "前\n内1\t内2\n内3\t内4\n后"]]


def test_deeply_nested_tables_are_read_to_their_text():
    xml = table_xml([["最里面"]])
    for i in range(40):
        xml = table_xml([[Cell(xml=paragraph_xml(f"第{i}层") + xml)]])
    src = read_docx(Doc().raw(xml).bytes(), limits=ReadLimits(max_table_depth=4))
    text = src.body_text()
    assert "最里面" in text and all(f"第{i}层" in text for i in range(40))


def test_rows_and_cells_inside_content_controls():
    row = "<w:tr><w:tc>" + paragraph_xml("控件行") + "</w:tc></w:tr>"
    xml = ('<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:sdt><w:sdtContent><w:tc>' + paragraph_xml("控件格")
           + f"</w:tc></w:sdtContent></w:sdt></w:tr><w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt></w:tbl>")
    assert shape(table(Doc().raw(xml))) == [["控件格"], ["控件行"]]


def test_body_text_has_every_cell_once():
    rows = [[Cell("合并", span=2)], [Cell("竖", vmerge="restart"), "x"], [Cell(vmerge="continue"), "y"]]
    src = read_docx(Doc().table(rows).bytes())
    assert src.body_text() == "合并\n竖\nx\ny"
