"""Word's automatic numbering resolved to the text Word shows: formats, levels, restarts,
numbering from styles, overrides."""

from __future__ import annotations

import pytest

from plancc.importer.docx import format_number, read_docx

from .docxbuild import Doc, Level


def numbers(doc: Doc) -> list[str]:
    return [p.number for p in read_docx(doc.bytes()).paragraphs()]


GONGWEN = [Level(0, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）"),
           Level(2, "decimal", "%3."), Level(3, "decimal", "（%4）"), Level(4, "decimalEnclosedCircle", "%5")]


def test_the_official_ladder_with_lower_levels_restarting():
    doc = Doc().abstract(1, GONGWEN).num(1, 1)
    for lvl in (0, 1, 1, 2, 2, 3, 4, 4, 1, 2, 0, 1):
        doc.para("x", num=(1, lvl))
    assert numbers(doc) == ["一、", "（一）", "（二）", "1.", "2.", "（1）", "①", "②", "（三）", "1.", "二、", "（一）"]
    ps = read_docx(doc.bytes()).paragraphs()
    assert [p.num_level for p in ps[:3]] == [0, 1, 1]
    assert ps[0].num_format == "chineseCounting" and ps[6].num_format == "decimalEnclosedCircle"


def test_chinese_counting_past_ten():
    doc = Doc().abstract(1, [Level(0, "chineseCounting", "%1、")]).num(1, 1)
    for _ in range(21):
        doc.para("x", num=(1, 0))
    got = numbers(doc)
    assert got[9:12] == ["十、", "十一、", "十二、"] and got[19:21] == ["二十、", "二十一、"]


@pytest.mark.parametrize("fmt, values", [
    ("decimal", {1: "1", 10: "10"}),
    ("decimalZero", {1: "01", 9: "09", 10: "10"}),
    ("chineseCounting", {1: "一", 10: "十", 11: "十一", 20: "二十", 99: "九十九", 100: "一〇〇"}),
    ("chineseCountingThousand", {11: "十一", 100: "一百", 105: "一百零五"}),
    ("ideographDigital", {1: "一", 10: "一〇", 25: "二五"}),
    ("ideographTraditional", {1: "甲", 2: "乙", 3: "丙", 10: "癸"}),
    ("ideographZodiac", {1: "子", 2: "丑", 12: "亥"}),
    ("ideographZodiacTraditional", {1: "甲子", 2: "乙丑"}),
    ("chineseLegalSimplified", {1: "壹", 2: "贰", 10: "壹拾", 11: "壹拾壹"}),
    ("ideographLegalTraditional", {2: "貳", 3: "參"}),
    ("decimalEnclosedCircle", {1: "①", 20: "⑳", 21: "21"}),
    ("decimalEnclosedCircleChinese", {3: "③"}),
    ("decimalEnclosedParen", {1: "(1)", 12: "(12)"}),
    ("decimalFullWidth", {1: "１", 12: "１２"}),
    ("upperLetter", {1: "A", 26: "Z", 27: "AA", 28: "BB"}),
    ("lowerLetter", {2: "b"}),
    ("upperRoman", {4: "IV", 14: "XIV"}),
    ("lowerRoman", {9: "ix"}),
    ("none", {1: ""}),
    ("someFormatWordAddsLater", {3: "3"}),
])
def test_each_format(fmt, values):
    for n, text in values.items():
        assert format_number(n, fmt) == text, (fmt, n)


@pytest.mark.parametrize("fmt, first, second", [("chineseCounting", "一", "二"), ("ideographTraditional", "甲", "乙"),
                                                ("chineseLegalSimplified", "壹", "贰"), ("decimalEnclosedCircleChinese", "①", "②"),
                                                ("upperRoman", "I", "II"), ("decimalFullWidth", "１", "２")])
def test_each_format_in_a_document(fmt, first, second):
    doc = Doc().abstract(1, [Level(0, fmt, "%1．")]).num(1, 1).para("a", num=(1, 0)).para("b", num=(1, 0))
    assert numbers(doc) == [first + "．", second + "．"]


def test_each_percent_takes_its_own_levels_format_unless_legal():
    levels = [Level(0, "upperRoman", "%1."), Level(1, "lowerLetter", "%1.%2")]
    doc = Doc().abstract(1, levels).num(1, 1).para("a", num=(1, 0)).para("b", num=(1, 1)).para("c", num=(1, 1))
    assert numbers(doc) == ["I.", "I.a", "I.b"]
    legal = [Level(0, "upperRoman", "%1."), Level(1, "decimal", "%1.%2", legal=True)]
    doc = Doc().abstract(1, legal).num(1, 1).para("a", num=(1, 0)).para("a", num=(1, 0)).para("b", num=(1, 1))
    assert numbers(doc) == ["I.", "II.", "2.1"]


def test_start_values_and_start_overrides_restart_a_list():
    doc = Doc().abstract(1, [Level(0, "decimal", "%1.", start=3)]).num(1, 1).num(2, 1, starts={0: 1})
    doc.para("a", num=(1, 0)).para("b", num=(1, 0)).para("c", num=(2, 0)).para("d", num=(2, 0))
    assert numbers(doc) == ["3.", "4.", "1.", "2."]


def test_two_nums_of_one_abstract_list_continue_each_other():
    doc = Doc().abstract(1, [Level(0, "decimal", "%1.")]).num(1, 1).num(2, 1)
    doc.para("a", num=(1, 0)).para("b", num=(2, 0)).para("c", num=(1, 0))
    assert numbers(doc) == ["1.", "2.", "3."]


def test_lvl_restart_zero_never_restarts_and_one_restarts_after_the_top_level_only():
    levels = [Level(0, "decimal", "%1."), Level(1, "decimal", "%1.%2"), Level(2, "decimal", "(%3)", restart=0),
              Level(3, "decimal", "[%4]", restart=1)]
    doc = Doc().abstract(1, levels).num(1, 1)
    for lvl in (0, 2, 3, 1, 2, 3, 0, 2, 3):
        doc.para("x", num=(1, lvl))
    assert numbers(doc) == ["1.", "(1)", "[1]", "1.1", "(2)", "[2]", "2.", "(3)", "[1]"]


def test_num_id_zero_and_unknown_ids_mean_no_number():
    doc = Doc().abstract(1, [Level(0, "decimal", "%1.")]).num(1, 1)
    doc.style("List", "列表", num=(1, 0))
    doc.para("a", style="List").para("b", style="List", num=(0, 0)).para("c", num=(7, 0)).para("d", style="List")
    assert numbers(doc) == ["1.", "", "", "2."]


def test_numbering_inherited_from_the_style_and_its_based_on_chain():
    levels = [Level(0, "chineseCounting", "%1、", pstyle="H1"), Level(1, "chineseCounting", "（%2）", pstyle="H2")]
    doc = Doc().abstract(1, levels).num(5, 1)
    doc.style("H1", "heading 1", num=(5, None), outline=0)
    doc.style("H2", "heading 2", num=(5, 1), outline=1)
    doc.style("MyH2", "我的二级标题", based_on="H2")
    doc.para("总则", style="H1").para("对象", style="H2").para("内容", style="MyH2").para("安排", style="H1")
    assert numbers(doc) == ["一、", "（一）", "（二）", "二、"]
    assert [p.num_level for p in read_docx(doc.bytes()).paragraphs()] == [0, 1, 1, 0]


def test_a_paragraph_giving_only_a_level_keeps_its_styles_list():
    doc = Doc().abstract(1, GONGWEN).num(3, 1).style("L", "list", num=(3, 0))
    doc.para("a", style="L").para("b", style="L", ppr="") .para("c", style="L", num=(3, 1))
    assert numbers(doc) == ["一、", "二、", "（一）"]


def test_bullets_are_not_numbers():
    doc = Doc().abstract(1, [Level(0, "bullet", "\uf0b7")]).num(1, 1).para("要点", num=(1, 0))
    p = read_docx(doc.bytes()).paragraphs()[0]
    assert (p.number, p.num_format, p.num_level, p.text) == ("", "bullet", 0, "要点")


def test_a_missing_level_text_or_level_shows_nothing_without_failing():
    doc = Doc().abstract(1, [Level(0, "decimal", "%1.")]).num(1, 1).para("a", num=(1, 5)).para("b", num=(1, 0))
    assert numbers(doc) == ["", "1."]


def test_numbering_counts_through_table_cells_and_shows_there():
    from .docxbuild import Cell, paragraph_xml

    doc = Doc().abstract(1, [Level(0, "decimal", "%1.")]).num(1, 1)
    doc.para("a", num=(1, 0)).table([[Cell(xml=paragraph_xml("格中", num=(1, 0)))]]).para("b", num=(1, 0))
    src = read_docx(doc.bytes())
    assert [p.number for p in src.paragraphs()] == ["1.", "3."]
    assert src.tables()[0].cells[0].text == "2.格中"


def test_custom_format_from_word_2010():
    raw = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
           '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/>'
           '</mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>')
    doc = Doc().abstract(1, [], raw=raw).num(1, 1).para("a", num=(1, 0))
    assert numbers(doc) == ["1."]
    assert format_number(7, "custom:001, 002, 003, ...") == "007"


def test_broken_numbering_definitions_do_not_fail():
    raw_num = '<w:num w:numId="9"/><w:num w:numId="8"><w:abstractNumId w:val="404"/></w:num>'
    doc = Doc().abstract(1, [Level(0, "decimal", "%1.", start=None), Level(1, "decimal", "%9%0%")]).num(1, 1)
    doc.nums.append(raw_num)
    doc.para("a", num=(1, 0)).para("b", num=(9, 0)).para("c", num=(8, 0)).para("d", num=(1, 1)).para("e", num=("x", "y"))
    assert numbers(doc) == ["0.", "", "", "%0%", ""]
