"""The structure stage on habits of clerks the seeds do not show: a 主送 naming a unit's kind in
brackets, lines begun with a line break and an indent inside one paragraph, bullets (Word's or
typed), a table whose first row is its caption."""

from __future__ import annotations

from plancc.importer.source import Place, SCell, STable
from plancc.importer.structure import structure
from tests.importer.sourcedoc import source_doc as _doc
from tests.importer.sourcedoc import written_and_checked


def _valid(plan, guesses=()):
    return written_and_checked(plan, guesses)[0]


def _sec(plan, title):
    return next(s for s in plan["sections"] if s.get("title") == title)


# -- 主送 ---------------------------------------------------------------------------------

def test_an_addressee_with_a_bracketed_kind_and_an_indent_is_the_addressee():
    plan, _ = structure(_doc(("某县2025年教师培训方案", {"align": "center", "bold": True}),
                             "\u3000\u3000各乡镇中心学校，县直各学校（幼儿园）：", "为提升素质，制定本方案。", "一、目标", "提升。"))
    assert plan["document"]["addressee"] == "各乡镇中心学校，县直各学校（幼儿园）"
    assert plan["document"]["preamble"] == "为提升素质，制定本方案。"


def test_a_clause_with_brackets_before_a_colon_is_no_addressee():
    plan, _ = structure(_doc(("某县2025年教师培训方案", {"align": "center", "bold": True}),
                             "为做好培训（第二轮），现制定方案：", "一、目标", "提升。"))
    assert "addressee" not in plan["document"]


# -- line breaks with an indent ---------------------------------------------------------

def test_lines_begun_with_a_break_and_an_indent_are_paragraphs_each():
    text = "\u3000\u30003月：申报课题；\n\u3000\u30004月至5月：开展研究；\n\u3000\u30006月：评选成果。"
    plan, guesses = structure(_doc("某校研修方案", "导语。", "一、安排", text))
    assert _sec(plan, "安排")["content"] == ["3月：申报课题；", "4月至5月：开展研究；", "6月：评选成果。"]
    assert any(g.key == "import.guess.line_breaks" for g in guesses)
    _valid(plan, guesses)


def test_a_numbered_paragraph_with_indented_lines_keeps_its_number_on_the_first():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、安排",
                             "（一）第一阶段组织报名并审核，各校汇总后上报。\n\u3000\u3000第二阶段分批开展集中培训。"))
    sec = _sec(plan, "安排")["sections"][0]
    assert sec["content"] == ["第一阶段组织报名并审核，各校汇总后上报。", "第二阶段分批开展集中培训。"]


def test_a_line_broken_by_hand_without_an_indent_stays_one_paragraph():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、安排", "各校要在三月底前\n完成报名。"))
    assert _sec(plan, "安排")["content"] == ["各校要在三月底前\n完成报名。"]


# -- bullets ------------------------------------------------------------------------------

def test_word_bullets_become_an_unnumbered_list():
    bullet = {"num_format": "bullet", "num_level": 0, "style": "List Paragraph"}
    plan, guesses = structure(_doc("某校研修方案", "导语。", "一、目标", "使每位教师做到：",
                                   ("能设计单元教学；", bullet), ("能开展小课题研究。", bullet), "二、时间", "全年。"))
    content = _sec(plan, "目标")["content"]
    assert content == ["使每位教师做到：", {"items": ["能设计单元教学；", "能开展小课题研究。"], "numbered": False}]
    assert any(g.key == "import.guess.bullets" and g.path[-1] == "items" for g in guesses)
    _valid(plan, guesses)


def test_typed_bullets_keep_their_glyph_and_a_single_one_stays_a_paragraph():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、要求", "➢各组长要认真组织。", "➢教务处每月检查。",
                             "二、其他", "●本方案由教务处负责解释。"))
    assert _sec(plan, "要求")["content"] == [{"items": ["➢各组长要认真组织。", "➢教务处每月检查。"], "numbered": False}]
    assert _sec(plan, "其他")["content"] == ["●本方案由教务处负责解释。"]


def test_a_bullet_glyph_word_gives_as_the_number_is_kept_in_the_item():
    bullet = {"num_format": "bullet", "number": "●"}
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、形式", ("集体备课。", bullet), ("听课评课。", bullet)))
    assert _sec(plan, "形式")["content"] == [{"items": ["●集体备课。", "●听课评课。"], "numbered": False}]


# -- a caption in the table's first row -------------------------------------------------

def _sheet(first: str = "新入职教师考核评分表") -> STable:
    cells = [SCell(first, 0, 0, colspan=3), SCell("考核项目", 1, 0), SCell("分值", 1, 1), SCell("评价主体", 1, 2),
             SCell("出勤", 2, 0), SCell("20", 2, 1), SCell("学校", 2, 2), SCell("汇报课", 3, 0), SCell("80", 3, 1),
             SCell("专家组", 3, 2)]
    return STable(cells, Place(table=1), n_rows=4, n_cols=3)


def test_a_first_row_across_the_table_is_its_caption_and_the_next_its_header():
    plan, guesses = structure(_doc("某校研修方案", "导语。", "一、考核", "评分如下表：", _sheet()))
    table = _sec(plan, "考核")["content"][-1]["table"]
    assert table["caption"] == "新入职教师考核评分表"
    assert table["columns"] == ["考核项目", "分值", "评价主体"]
    assert table["rows"] == [["出勤", "20", "学校"], ["汇报课", "80", "专家组"]]
    assert any(g.key == "import.guess.caption_row" for g in guesses)
    _valid(plan, guesses)


def test_a_sentence_across_the_first_row_is_no_caption():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、考核", _sheet("本表由学校填写，区中心审核。")))
    table = _sec(plan, "考核")["content"][-1]["table"]
    assert "caption" not in table


# -- a note under the date ----------------------------------------------------------------

def test_a_bracketed_note_under_the_date_leaves_the_date_and_issuer_read():
    plan, guesses = structure(_doc(("某县2025年教师培训实施方案", {"align": "center", "bold": True}), "为提升素质，制定本方案。",
                                   "一、目标", "提升能力。", ("某县教育体育局", {"align": "right"}),
                                   ("2025年3月1日", {"align": "right"}), "（此件公开发布）"))
    assert plan["document"]["issuer"] == "某县教育体育局"
    assert plan["document"]["date"] == "2025-03-01"
    assert plan["sections"][-1] == {"numbered": False, "content": [{"text": "（此件公开发布）", "style": "plain"}]}
    _valid(plan, guesses)


def test_a_bracketed_line_inside_the_body_stays_there():
    plan, _ = structure(_doc("某县教师培训方案", "导语。", "一、目标", "提升能力。", "（具体安排另行通知）", "二、时间", "全年。"))
    assert _sec(plan, "目标")["content"] == ["提升能力。", "（具体安排另行通知）"]


# -- decimal outline numbers ---------------------------------------------------------------

def test_decimal_headings_nest_by_depth_and_keep_their_numbers():
    plan, guesses = structure(_doc("某校研修方案", "导语。", "1 培训目标", "1.1 总体目标", "提升能力。", "1.2具体目标", "1.2.1 新任教师",
                                   "站稳讲台。", "2 培训时间", "2025年3月至12月。"))
    one, two = plan["sections"]
    assert one["title"] == "1 培训目标" and one["numbered"] is False
    assert [s["title"] for s in one["sections"]] == ["1.1 总体目标", "1.2具体目标"]
    assert one["sections"][1]["sections"][0] == {"title": "1.2.1 新任教师", "numbered": False, "content": ["站稳讲台。"]}
    assert two == {"title": "2 培训时间", "numbered": False, "content": ["2025年3月至12月。"]}
    _valid(plan, guesses)


def test_a_decimal_figure_beginning_a_line_is_no_heading():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、学时", "1.5倍计算课时", "3 个工作日内完成登记"))
    assert _sec(plan, "学时")["content"] == ["1.5倍计算课时", "3 个工作日内完成登记"]


def test_one_character_numbers_read_as_the_forms_they_stand_for():
    plan, guesses = structure(_doc("某校研修方案", "导语。", "一、安排", "（一）内容", "⒈师德", "⑴学习准则。",
                                   "⑵撰写反思，每人一篇，交教务处存档备查以便年终考核时使用。", "⒉教学", "提升。"))
    inner = _sec(plan, "安排")["sections"][0]["sections"]
    assert [s["title"] for s in inner] == ["师德", "教学"]
    assert [s["content"] for s in inner[0]["sections"]] == [["学习准则。"], ["撰写反思，每人一篇，交教务处存档备查以便年终考核时使用。"]]
    assert not any("numbering" in s for s in inner)  # ⒈ is the ladder's 1. under （一）
    _valid(plan, guesses)


def test_a_preamble_with_indented_lines_keeps_its_first_line_and_the_rest_opens_the_body():
    plan, guesses = structure(_doc(("某校研修方案", {"align": "center", "bold": True}),
                                   "\u3000\u3000为促进教师成长，制定本方案。\n\u3000\u3000本方案适用于全体教师。", "一、目标", "提升。"))
    assert plan["document"]["preamble"] == "为促进教师成长，制定本方案。"
    assert plan["sections"][0] == {"numbered": False, "content": ["本方案适用于全体教师。"]}
    _valid(plan, guesses)


def test_a_heading_with_indented_lines_under_it_takes_the_first_as_its_title():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、安排",
                             "（二）第二学期安排\n\u3000\u30003月：申报课题；\n\u3000\u30004月：开展研究。"))
    sec = _sec(plan, "安排")["sections"][0]
    assert sec == {"title": "第二学期安排", "number_from": 2, "content": ["3月：申报课题；", "4月：开展研究。"]}


def test_a_date_under_the_title_stays_under_it():
    plan, guesses = structure(_doc("某县2025年教师培训实施方案", "2025年3月1日", "为提升教师素质，制定本方案。", "一、目标", "提升。"))
    assert plan["document"]["subtitle"] == "2025年3月1日"
    assert plan["document"]["preamble"] == "为提升教师素质，制定本方案。"
    assert "date" not in plan["document"]
    assert any(g.key == "import.guess.date_under_title" for g in guesses)
    _valid(plan, guesses)


def test_a_form_line_across_the_first_row_is_no_caption():
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、考核", _sheet("填报单位（盖章）：")))
    assert "caption" not in _sec(plan, "考核")["content"][-1]["table"]


def test_a_bullet_in_a_symbol_fonts_private_glyph_is_an_item_without_it():
    bullet = {"num_format": "bullet", "number": "\uf0b7"}
    plan, _ = structure(_doc("某校研修方案", "导语。", "一、形式", ("集体备课。", bullet), ("听课评课。", bullet)))
    assert _sec(plan, "形式")["content"] == [{"items": ["集体备课。", "听课评课。"], "numbered": False}]


def test_the_issuers_and_the_date_typed_in_one_paragraph_line_by_line():
    plan, guesses = structure(_doc(("某县2025年教师培训实施方案", {"align": "center", "bold": True}), "导语。", "一、目标", "提升能力。",
                                   ("某县教育局\n某县人力资源和社会保障局\n2025年3月1日", {"align": "right"})))
    assert plan["document"]["issuer"] == "某县教育局　　某县人力资源和社会保障局"
    assert plan["document"]["date"] == "2025-03-01"
    assert _sec(plan, "目标")["content"] == ["提升能力。"]
    _valid(plan, guesses)


def test_a_sentence_over_a_date_in_one_paragraph_is_no_issuer():
    plan, _ = structure(_doc("某县教师培训方案", "导语。", "一、目标", "提升能力，报名截止日期为：\n2025年3月1日"))
    assert "issuer" not in plan["document"] and "date" not in plan["document"]
