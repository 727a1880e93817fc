"""The structure stage on outlines and title blocks set out otherwise than the seeds': headings by
style, chapters, what follows the date, several issuers, run-in headings after “:”, line breaks in
headings and titles; the places it tells recognise; guesses in source order; literal markup."""

from __future__ import annotations

from plancc.importer import in_source_order
from plancc.importer.source import Guess, Place, SCell, STable
from plancc.importer.structure import structure, structure_places
from plancc.importer.write import escape_inline, escape_prose, escape_refs
from tests.importer.sourcedoc import source_doc as _doc
from tests.importer.sourcedoc import written_and_checked


def _checks(plan, guesses=()):
    return written_and_checked(plan, guesses)[1]


H1 = {"style": "heading 1", "outline_level": 0}
H2 = {"style": "heading 2", "outline_level": 1}


def test_headings_by_style_without_numbers_are_unnumbered_sections():
    plan, guesses = structure(_doc("某校校本研修方案", "为提高教师能力，制定本方案。", ("研修目标", H1), "提升能力。",
                                   ("研修内容", H1), ("师德", H2), "学习准则。", ("课堂", H2), "观课议课。",
                                   ("保障", {"style": "标题 1"}), "经费保障。"))
    secs = plan["sections"]
    assert [s["title"] for s in secs] == ["研修目标", "研修内容", "保障"]
    assert all(s["numbered"] is False for s in secs)
    assert [s["title"] for s in secs[1]["sections"]] == ["师德", "课堂"]
    assert secs[1]["sections"][1]["content"] == ["观课议课。"]
    assert any(g.key == "import.guess.styled_heading" for g in guesses)
    _checks(plan, guesses)


def test_a_long_paragraph_in_a_heading_style_stays_prose():
    long = "本学期校本研修自三月起至六月止，每位教师完成校本研修不少于三十六学时，其中集中研修十二学时。"
    plan, _ = structure(_doc("方案", "导语。", ("一、目标", H1), (long, H2)))
    assert plan["sections"][0]["content"] == [long]


def test_body_text_outline_level_nine_is_not_a_heading():
    plan, _ = structure(_doc("方案", "导语。", "一、目标", ("小结", {"outline_level": 9})))
    assert plan["sections"][0]["content"] == ["小结"]


def test_chapters_and_their_sections_nest_and_articles_stay_prose():
    plan, _ = structure(_doc("某县继续教育管理方案", "第一章　总则", "第一条　为规范管理，制定本方案。",
                             "第二章　学时", "第一节　要求", "第二条　每年不少于72学时。", "第二节　形式",
                             "第三条　集中与校本相结合。", "第三章　附则", "第四条　自印发之日起施行。"))
    secs = plan["sections"]
    assert [s["title"] for s in secs] == ["第一章　总则", "第二章　学时", "第三章　附则"]
    assert [s["title"] for s in secs[1]["sections"]] == ["第一节　要求", "第二节　形式"]
    assert secs[1]["sections"][0]["content"] == ["第二条　每年不少于72学时。"]
    assert secs[2]["content"] == ["第四条　自印发之日起施行。"]


def test_a_sentence_beginning_like_a_chapter_is_prose():
    plan, _ = structure(_doc("方案", "导语。", "一、安排", "第一节课后开展教研活动，每周一次，由教研组长主持，全组教师参加。"))
    assert plan["sections"][0]["content"] == ["第一节课后开展教研活动，每周一次，由教研组长主持，全组教师参加。"]


def test_number_above_the_title_addressee_with_commas_and_a_long_title():
    plan, _ = structure(_doc(("某教体〔2025〕8号", {"align": "center"}),
                             *[(t, {"align": "center", "bold": True, "size": 44}) for t in ("某县2025—2027年中小学", "幼儿园教师继续教育",
                                                                                            "暨全员培训三年行动", "实施方案")],
                             "各乡镇中心学校、县直各学校，各民办学校：", "为提升素质，制定本方案。", "一、目标", "提升。"))
    doc = plan["document"]
    assert doc["number"] == "某教体〔2025〕8号"
    assert doc["title"] == ["某县2025—2027年中小学", "幼儿园教师继续教育", "暨全员培训三年行动", "实施方案"]
    assert doc["addressee"] == "各乡镇中心学校、县直各学校，各民办学校"
    assert doc["preamble"] == "为提升素质，制定本方案。"


def test_a_line_leading_into_a_list_is_no_addressee():
    plan, _ = structure(_doc("某县培训方案", "现将有关事项通知如下：", "一、目标", "提升。"))
    assert "addressee" not in plan["document"]


def test_a_title_split_by_a_typed_line_break_is_two_lines():
    plan, _ = structure(_doc(("某校2025年春季学期\n校本研修实施方案", {"align": "center", "bold": True, "size": 44}), "导语。"))
    assert plan["document"]["title"] == ["某校2025年春季学期", "校本研修实施方案"]


def test_a_heading_split_by_a_typed_line_break_is_one_heading():
    plan, _ = structure(_doc("方案", "导语。", "（三）培训内容\n与组织形式", "1.师德与法规。学习准则。"))
    assert plan["sections"][0]["title"] == "培训内容与组织形式"


def test_run_in_heading_after_a_half_width_colon_but_not_a_clock():
    plan, guesses = structure(_doc("方案", "导语。", "（一）培训时间:2025年8月11日至8月22日，共10天。",
                                   "（二）报到时间8:30，地点在县教师发展中心三楼报告厅，请各校按时组织参训教师报到。"))
    first, second = plan["sections"]
    assert first["title"] == "培训时间" and first["run_in"] is True
    assert first["content"] == ["2025年8月11日至8月22日，共10天。"]
    assert "title" not in second
    assert any(g.key == "import.guess.run_in_colon" for g in guesses)


def test_yi_shi_er_shi_paragraphs_stay_prose():
    text = "一是保障时间，每周三下午为研修时间；二是保障经费；三是加强考核。"
    plan, _ = structure(_doc("方案", "导语。", "一、保障", text))
    assert plan["sections"][0]["content"] == [text]


def test_several_issuers_above_the_date():
    right = {"align": "right"}
    plan, guesses = structure(_doc("方案", "导语。", "一、目标", "提升。", ("某县教育体育局", right),
                                   ("某县人力资源和社会保障局", right), ("二〇二五年三月五日", right)))
    assert plan["document"]["issuer"] == "某县教育体育局　　某县人力资源和社会保障局"
    assert plan["document"]["date"] == "2025-03-05"
    assert any(g.key == "import.guess.issuers" for g in guesses)


def _table(n: int) -> STable:
    return STable([SCell("日期", 0, 0), SCell("内容", 0, 1), SCell("8月11日", 1, 0), SCell("开班", 1, 1)],
                  Place(table=n, page=2), n_rows=2, n_cols=2, header_rows=1)


def test_attachments_after_the_date_become_the_documents_and_the_record_stays_in_the_body():
    from plancc.importer.structure import annexes

    right = {"align": "right"}
    plan, guesses, places = structure_places(_doc(
        "某县新教师培训方案", "导语。", "一、目标", "提升。", "附件：1.课程安排表", "2.报名表", ("某县教育体育局", right),
        ("2025年7月20日", right), ("附件1", {"page_break_before": True}), ("课程安排表", {"align": "center", "bold": True}),
        _table(1), "附件2", "报名表", "抄送：县人民政府办公室。", "某县教育体育局办公室　　2025年7月20日印发"))
    # before recognise, the attachments are marked sections (recognise reads them as sections)
    assert [s.get("title") for s in plan["sections"][1:]] == ["附件1", "附件2", None]
    assert places[("sections", 1, "content", 0, "table", "rows", 0)] == Place(table=1, row=2, page=2), sorted(
        k for k in places if k[:2] == ("sections", 1))
    assert places[("sections", 3, "content", 1)].paragraph == 14
    guesses = annexes(plan, guesses)
    doc = plan["document"]
    assert doc["issuer"] == "某县教育体育局" and doc["date"] == "2025-07-20"
    att1, att2 = doc["attachments"]
    assert (att1["label"], att1["title"], att1["content"][0]["table"]["rows"]) == ("附件1", "课程安排表", [["8月11日", "开班"]])
    assert (att2["label"], att2["title"]) == ("附件2", "报名表") and "content" not in att2  # its title line is not repeated
    secs = plan["sections"]
    assert len(secs) == 2 and secs[1]["content"][0]["text"] == "抄送：县人民政府办公室。"
    g = next(g for g in guesses if g.key == "import.guess.after_date")
    assert g.path == ("document", "attachments", 0, "label")
    _checks(plan, guesses)


def test_places_of_sections_paragraphs_items_and_document():
    plan, _, places = structure_places(_doc("某县培训方案", "各学校：", "为做好培训，制定本方案。", "一、目标",
                                            "全县教师。", "①第一项；", "②第二项；", "某县教育局", "2024年8月1日"))
    assert places[("document", "title")].paragraph == 1
    assert places[("document", "addressee")].paragraph == 2
    assert places[("document", "preamble")].paragraph == 3
    assert places[("document", "date")].paragraph == 9
    assert places[("sections", 0)].paragraph == 4
    assert places[("sections", 0, "content", 0)].paragraph == 5
    assert places[("sections", 0, "content", 1, "items", 1)].paragraph == 7


def test_guesses_are_in_source_order():
    doc = _doc("p1", "p2", _table(1), "p3", _table(2))
    gs = [Guess("p3", Place(paragraph=3)), Guess("none", Place()), Guess("t2", Place(table=2, row=1)),
          Guess("t1r3", Place(table=1, row=3)), Guess("t1r2", Place(table=1, row=2)), Guess("p1", Place(paragraph=1))]
    assert [g.key for g in in_source_order(gs, doc)] == ["p1", "t1r2", "t1r3", "p3", "t2", "none"]
    # without the document: by page, then paragraph
    gs = [Guess("b", Place(paragraph=9, page=2)), Guess("t", Place(table=1, page=2)), Guess("a", Place(paragraph=2, page=1))]
    assert [g.key for g in in_source_order(gs)] == ["a", "t", "b"]


def test_run_import_lists_guesses_in_source_order():
    from plancc.importer import run_import

    _, guesses = run_import(_doc("方案", "导语。", "一、目标", "提升。", "某县教育局", "2024年8月1日"))
    paras = [g.place.paragraph for g in guesses if g.place.paragraph is not None]
    assert paras == sorted(paras)


# -- literal markup -----------------------------------------------------------------------------

def test_escapes_print_as_typed():
    from plancc.layout.inline import parse_inline
    from plancc.model.facts import expand_refs

    facts = {"hours.required": 72}
    for text in ("见{=hours.required}学时", "标“**”的必修", "**重点**与**难点**", "a\\b **x** {=hours.required}",
                 "*斜*", "{{=x}", "C:\\*.doc 与 **粗**", "没有标记"):
        escaped = escape_prose(text)
        runs = parse_inline(expand_refs(escaped, facts))
        assert "".join(r.text for r in runs) == text and not any(r.bold for r in runs), (text, escaped)
    assert escape_inline("标“**”的必修") == "标“**”的必修"  # a lone ** prints as typed: left alone
    assert escape_refs("{=a} {{=b}") == "{{=a} {{{=b}"


def test_a_source_with_literal_markup_renders_verbatim():
    from plancc.layout.outline import parse_outline  # noqa: F401 - the layout is importable
    from tests.importer.roundtrip import body_texts, layout_of

    lit = "填报时把“{=hours.required}”换成实际学时，标有“**必修**”的专题须完成。"
    plan, guesses = structure(_doc("方案", "导语。", "一、要求{=hours.required}", lit, "二、学时", "每位教师不少于72学时。"))
    plan["hours"] = {"required": 72}  # a figure of that name exists: still not a reference
    report = _checks(plan, guesses)
    texts = body_texts(layout_of(report.plan))
    assert lit in texts
    assert any("要求{=hours.required}" in t for t in texts)


def test_a_line_after_the_numbered_attachment_note_stays_in_the_body():
    right = {"align": "right"}
    plan, _ = structure(_doc("某县培训方案", "导语。", "一、目标", "提升。", "附件：1.课程表", "2.报名表",
                             "联系人：李老师，电话：1234567。", ("某县教育局", right), ("2025年7月20日", right)))
    assert [a["title"] for a in plan["document"]["attachments"]] == ["课程表", "报名表"]
    assert plan["sections"][0]["content"][-1] == "联系人：李老师，电话：1234567。"


def test_an_attachment_on_a_page_of_its_own_after_an_undated_body():
    plan, _ = structure(_doc("某县培训方案", "导语。", "一、目标", "提升。", ("附件1", {"page_break_before": True}),
                             ("课程安排表", {"align": "center"}), "第一周：开班。"))
    (att,) = plan["document"]["attachments"]
    assert (att["label"], att["title"], att["content"]) == ("附件1", "课程安排表", ["第一周：开班。"])
    assert plan["document"]["attachment_note"] is False  # the source lists no attachments: print no 附件说明
    assert [s.get("title") for s in plan["sections"]] == ["目标"]


def test_headings_by_style_nest_no_deeper_than_the_limit():
    from plancc.importer.structure import MAX_NESTING

    items = ["方案", "导语。"]
    for lvl in range(9):
        items.append((f"第{lvl}层标题", {"outline_level": lvl}))
    items += ["一、甲", "（一）乙", "1.丙", "（1）丁", "①戊", "正文。"]
    plan, _ = structure(_doc(*items))
    depth, secs = 0, plan["sections"]
    while secs:
        depth += 1
        secs = secs[-1].get("sections")
    assert depth <= MAX_NESTING
    report = _checks(plan)  # numbered sections no deeper than the ladder's seven forms: it checks and lays out
    from tests.importer.roundtrip import layout_of

    assert "正文。" in [p.text for p in layout_of(report.plan).blocks if hasattr(p, "text")]


def test_a_masthead_over_the_number_is_not_the_title():
    big = {"align": "center", "bold": True, "size": 52}
    plan, guesses = structure(_doc(("某县教育体育局文件", big), ("某教体发〔2025〕3号", {"align": "center"}),
                                   ("某县2025年教师培训实施方案", {"align": "center", "bold": True, "size": 44}),
                                   "各学校：", "为做好培训，制定本方案。", "一、目标", "提升。"))
    doc = plan["document"]
    assert doc["title"] == "某县2025年教师培训实施方案"
    assert doc["number"] == "某教体发〔2025〕3号"
    assert doc["masthead"] == "某县教育体育局文件" and "subtitle" not in doc
    assert doc["addressee"] == "各学校"
    assert any(g.key == "import.guess.masthead" for g in guesses)


def test_issuer_and_date_on_one_line():
    plan, guesses = structure(_doc("某县培训方案", "导语。", "一、目标", "提升。", ("某县教育体育局　　2025年2月20日", {"align": "right"})))
    assert plan["document"]["issuer"] == "某县教育体育局"
    assert plan["document"]["date"] == "2025-02-20"


def test_a_sentence_ending_in_a_date_is_no_issuer():
    last = "本方案经局务会研究，自2025年2月20日"
    plan, _ = structure(_doc("某县培训方案", "导语。", "一、目标", last))
    assert "issuer" not in plan["document"]


def test_a_table_of_contents_opens_no_sections():
    toc = {"style": "toc 1"}
    plan, _ = structure(_doc(("某县培训方案", {"align": "center", "bold": True, "size": 44}), "目录", ("一、指导思想\t1", toc),
                             ("二、培训安排\t2", toc), "三、保障措施\t3", "一、指导思想", "坚持立德树人。", "二、培训安排",
                             "分三阶段。", "三、保障措施", "经费保障。"))
    secs = plan["sections"]
    assert [s.get("title") for s in secs] == [None, "指导思想", "培训安排", "保障措施"]
    assert secs[0]["content"] == ["目录", "一、指导思想\t1", "二、培训安排\t2", "三、保障措施\t3"]
    assert all("number_from" not in s for s in secs)


def test_record_with_its_unit_on_a_line_of_its_own():
    right = {"align": "right"}
    plan, _ = structure(_doc("某县培训方案", "导语。", "一、目标", "提升。", ("某县教育体育局", right), ("2025年2月20日", right),
                             "某县教育体育局办公室", "2025年2月20日印发"))
    assert plan["document"]["issuer"] == "某县教育体育局" and plan["document"]["date"] == "2025-02-20"
    last = plan["sections"][-1]
    assert [c["text"] for c in last["content"]] == ["某县教育体育局办公室", "2025年2月20日印发"]


def test_an_attachment_label_with_its_title_after_the_date():
    right = {"align": "right"}
    plan, _ = structure(_doc("某县培训方案", "导语。", "一、目标", "提升。", ("某县教育体育局", right), ("2025年2月20日", right),
                             "附件1：课程安排表", "第一周：开班。"))
    assert plan["document"]["date"] == "2025-02-20"
    (att,) = plan["document"]["attachments"]
    assert (att["label"], att["title"], att["content"]) == ("附件1", "课程安排表", ["第一周：开班。"])


def test_years_typed_with_a_digit_or_letter_zero():
    for typed in ("二0二五年二月二十日", "二O二五年二月二十日", "二〇二五年二月二十日"):
        plan, _ = structure(_doc("某县培训方案", "导语。", "一、目标", "提升。", ("某县教育体育局", {"align": "right"}),
                                 (typed, {"align": "right"})))
        assert plan["document"]["date"] == "2025-02-20", typed


def test_a_short_heading_closed_by_a_full_stop():
    plan, _ = structure(_doc("方案", "导语。", "（一）培训对象。", "全县教师。", "（二）加强组织领导。各校要成立领导小组。",
                             "（三）要求", "①按时参训。", "②认真听讲。"))
    first, second, third = plan["sections"]
    assert first["title"] == "培训对象。" and first["content"] == ["全县教师。"]
    assert "title" not in second  # a sentence runs on after the stop: the number runs into the paragraph
    assert third["content"][0]["items"] == ["按时参训。", "认真听讲。"]  # items stay items


def test_each_escaped_text_is_a_guess_at_its_place():
    plan, guesses, _ = structure_places(_doc("方案", "导语。", "一、要求", "把{=hours.required}换成学时。", "普通一段。"))
    g = [g for g in guesses if g.key == "import.guess.escaped"]
    assert len(g) == 1 and g[0].path == ("sections", 0, "content", 0) and g[0].place.paragraph == 4
    assert plan["sections"][0]["content"][0] == "把{{=hours.required}换成学时。"


def test_a_tab_and_a_number_outside_a_table_of_contents_is_body_text():
    plan, _ = structure(_doc("方案", "导语。", "一、名单", "1.张三\t13", "2.李四\t15"))
    assert [s["title"] for s in plan["sections"][0]["sections"]] == ["张三\t13", "李四\t15"]  # numbered, not a TOC


def test_a_clause_ending_in_a_colon_is_no_addressee():
    plan, _ = structure(_doc("某县培训方案", "为做好培训工作，现制定方案：", "一、目标", "提升。"))
    assert "addressee" not in plan["document"]
    plan, _ = structure(_doc("某县培训方案", "各中小学，县直各单位：", "一、目标", "提升。"))
    assert plan["document"]["addressee"] == "各中小学，县直各单位"
