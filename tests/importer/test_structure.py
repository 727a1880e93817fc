"""The structure stage: title block, outline by numbering, basis, lists, tables; nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plancc.importer.source import Place, SCell, SourceDoc, SPara, STable
from plancc.importer.structure import numbered, structure
from plancc.importer.write import write_yaml
from tests.helpers import check, check_example
from tests.importer.roundtrip import ROOT, body_texts, layout_of, source_of

PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def doc_of(*items, **kw) -> SourceDoc:
    """Paragraphs from strings (or SPara/STable as given), numbered in body order."""
    blocks = []
    n = 0
    for it in items:
        if isinstance(it, str):
            n += 1
            blocks.append(SPara(it, Place(paragraph=n), **kw))
        else:
            blocks.append(it)
    return SourceDoc(blocks, path="t.docx")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def _cells_and_paragraphs(texts_doc):
    from plancc.layout import ir

    paras = [b.text for b in texts_doc.blocks if isinstance(b, ir.Paragraph) and b.text.strip()]
    cells = [c for c in body_texts(texts_doc) if c.strip() and c not in paras]
    return paras, cells


# -- the round trip on the example plans ---------------------------------------------------------

@pytest.mark.parametrize("typed", [True, False], ids=["typed-numbers", "word-numbers"])
@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_render_import_render_gives_the_same_body_text(path: Path, typed: bool):
    first = layout_of(check_example(path).plan)
    plan, guesses = structure(source_of(first, typed=typed))
    text = write_yaml(plan, guesses, path.name)
    assert yaml.safe_load(text) == plan
    report = check(text)
    assert report.errors == 0, [f"{d.line} {d.code} {d.message}" for d in report.diagnostics if d.severity.value == "error"]
    again = layout_of(report.plan)
    paras1, cells1 = _cells_and_paragraphs(first)
    paras2, cells2 = _cells_and_paragraphs(again)
    assert paras2 == paras1
    # a header cell merged across columns gives its title to each column it covers: the
    # source's cells come back in order, with those titles repeated
    assert _subsequence(cells1, cells2)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_every_paragraph_of_the_source_is_in_the_yaml(path: Path):
    src = source_of(layout_of(check_example(path).plan))
    plan, guesses = structure(src)
    loaded = yaml.safe_load(write_yaml(plan, guesses, path.name))
    strings = "\n".join(_strings(loaded))
    pre = loaded["document"].get("preamble")
    for p in src.paragraphs():
        num = numbered(p)
        rest = (num.rest if num and num.rung is not None else (p.number + p.text)).strip()
        if p.style == "date":
            assert "date" in loaded["document"]
            continue
        if isinstance(pre, dict) and rest.endswith(pre["text"]):
            continue  # the preamble, checked below
        if p.style in ("attachments",):
            rest = rest.removeprefix("附件：").lstrip("0123456789.")
        pieces = rest.split("：", 1) if rest not in strings else [rest]
        for piece in pieces:  # a run-in heading: title and text stored apart
            assert piece.strip() in strings, (p.place, rest)
    for c in (c for t in src.tables() for c in t.cells):
        for line in c.text.split("\n"):
            assert line.strip() in strings, c


def _regenerated(plan: dict) -> str:
    """The words render writes around the plan's text: the basis documents in 《》 with their lead and
    the default “，” after them, the “：” after the addressee and after each run-in heading's title."""
    from plancc.importer.structure import _basis_words

    out = "：" if plan["document"].get("addressee") else ""
    pre = plan["document"].get("preamble")
    if isinstance(pre, dict):
        out += _basis_words(pre.get("lead", "根据"), plan["document"].get("basis", [])) + pre.get("after_basis", "，")
    stack = list(plan.get("sections", []))
    while stack:
        sec = stack.pop()
        out += "：" if sec.get("run_in") else ""
        stack.extend(sec.get("sections", []))
    return out


def test_plain_text_keeps_every_character():
    """The plans' text typed plainly (no alignment, size or bold): every character but the numbers is in
    the YAML, or is one render writes around it (the date's 年月日 become a date value)."""
    from collections import Counter

    for path in PLANS:
        src = source_of(layout_of(check_example(path).plan))
        plain = SourceDoc([SPara(p.text, p.place) if isinstance(p, SPara) else p for p in src.blocks])
        plan, guesses = structure(plain)
        loaded = yaml.safe_load(write_yaml(plan, guesses, "x"))
        have = Counter("".join(_strings(loaded)) + _regenerated(loaded))
        want: Counter = Counter()
        for p in plain.paragraphs():
            num = numbered(p)
            body = num.rest if num and num.rung is not None else p.text
            want.update(ch for ch in body if not ch.isspace())
        for t in plain.tables():
            for c in t.cells:
                want.update(ch for ch in c.text if not ch.isspace())
        missing = {ch: n - have[ch] for ch, n in want.items() if have[ch] < n and ch not in "年月日0123456789"}
        assert not missing, (path.name, str(missing))


# -- title block ---------------------------------------------------------------------------------

def test_title_block_attachment_label_two_title_lines_addressee_issuer_and_date():
    d = doc_of(
        SPara("附件1", Place(paragraph=1)),
        SPara("某县2024年中小学教师继续教育", Place(paragraph=2), align="center", size=44),
        SPara("全员培训实施方案", Place(paragraph=3), align="center", size=44),
        SPara("（某县教师发展中心）", Place(paragraph=4), align="center"),
        SPara("各中小学：", Place(paragraph=5)),
        SPara("为做好培训工作，特制定本方案。", Place(paragraph=6)),
        SPara("一、培训对象", Place(paragraph=7)),
        SPara("全县教师。", Place(paragraph=8)),
        SPara("某县教育体育局", Place(paragraph=9), align="right"),
        SPara("二〇二四年十一月十一日", Place(paragraph=10), align="right"),
    )
    plan, guesses = structure(d)
    doc = plan["document"]
    assert doc["attachment_label"] == "附件1"
    assert doc["title"] == ["某县2024年中小学教师继续教育", "全员培训实施方案"]
    assert doc["subtitle"] == "（某县教师发展中心）"
    assert doc["addressee"] == "各中小学"
    assert doc["preamble"] == "为做好培训工作，特制定本方案。"
    assert doc["issuer"] == "某县教育体育局" and doc["date"] == "2024-11-11"
    assert plan["sections"] == [{"title": "培训对象", "content": ["全县教师。"]}]
    assert any(g.key == "import.guess.date" and g.path == ("document", "date") for g in guesses)


def test_plain_text_title_ends_at_the_document_word():
    plan, guesses = structure(doc_of("某县2024年中小学教师", "继续教育实施方案", "一、目标", "提高能力。"))
    assert plan["document"]["title"] == ["某县2024年中小学教师", "继续教育实施方案"]
    assert any(g.key == "import.guess.title" for g in guesses)


def test_basis_documents_and_preamble_come_back_to_the_same_words():
    text = "根据《中小学教师培训课程指导标准》（教师厅〔2022〕5号）、《某县培训规划》等文件精神，结合实际，制定本方案。"
    plan, _ = structure(doc_of("实施方案", text, "一、目标", "提高。"))
    doc = plan["document"]
    assert doc["basis"] == [{"title": "中小学教师培训课程指导标准", "number": "教师厅〔2022〕5号"}, {"title": "某县培训规划"}]
    assert doc["preamble"] == {"after_basis": "等文件精神，", "text": "结合实际，制定本方案。"}
    report = check(write_yaml(plan, [], "x"))
    assert report.errors == 0
    paras = [b.text for b in layout_of(report.plan).blocks if getattr(b, "text", "").strip()]
    assert text in paras


def test_basis_with_a_short_name_and_another_lead():
    text = "按照《关于加强教师队伍建设的意见》（以下简称《意见》）要求，现制定方案如下："
    plan, _ = structure(doc_of("方案", text, "一、目标", "提高。"))
    doc = plan["document"]
    assert doc["basis"] == [{"title": "关于加强教师队伍建设的意见", "short": "意见"}]
    assert doc["preamble"] == {"lead": "按照", "after_basis": "要求，", "text": "现制定方案如下："}


def test_attachment_notes_at_the_end():
    plan, _ = structure(doc_of("方案", "一、目标", "提高。", "附件：1.参训学员信息表", "2.管理员汇总表", "某县教育局", "2024年3月1日"))
    doc = plan["document"]
    assert doc["attachments"] == [{"label": "附件1", "title": "参训学员信息表"}, {"label": "附件2", "title": "管理员汇总表"}]
    assert doc["issuer"] == "某县教育局" and doc["date"] == "2024-03-01"


# -- outline -------------------------------------------------------------------------------------

@pytest.mark.parametrize("first,second", [
    ("（一）", "（二）"), ("(一)", "(二)"), ("1.", "2."), ("1、", "2、"), ("1．", "2．"), ("(1)", "(2)"), ("1)", "2)"),
])
def test_the_variants_clerks_type_are_numbers(first, second):
    plan, _ = structure(doc_of("方案", "一、目标", f"{first}师德", "内容甲。", f"{second}能力", "内容乙。"))
    sub = plan["sections"][0]["sections"]
    assert [s["title"] for s in sub] == ["师德", "能力"]


def test_sections_nest_by_form_and_say_where_the_source_skips_a_rung():
    plan, _ = structure(doc_of("方案", "一、目标", "1.师德", "内容。", "2.能力", "内容。", "二、对象", "（一）教师", "全体。"))
    s = plan["sections"]
    assert s[0]["sections"][0] == {"title": "师德", "numbering": "1.", "content": ["内容。"]}
    assert "numbering" not in s[0]["sections"][1]
    assert s[1]["sections"] == [{"title": "教师", "content": ["全体。"]}]


def test_a_ladder_form_never_nests_under_a_deeper_one():
    plan, _ = structure(doc_of("方案", "一、目标", "①甲", "②乙", "（一）师德", "内容。"))
    top = plan["sections"][0]
    assert [c["title"] for c in top["sections"]][-1] == "师德"


def test_counting_that_does_not_start_at_one_is_number_from():
    plan, guesses = structure(doc_of("方案", "一、目标", "（二）能力", "内容。"))
    assert plan["sections"][0]["sections"][0]["number_from"] == 2
    assert any(g.key == "import.guess.number_from" for g in guesses)


def test_run_in_heading_and_untitled_section():
    plan, _ = structure(doc_of("方案", "一、目标", "（1）培训目标：提高教师能力。", "（2）紧紧围绕立德树人的根本任务，切实提高教师的理论修养和思想政治素质，开展教育教学活动并且持续改进。"))
    a, b = plan["sections"][0]["sections"]
    assert a == {"title": "培训目标", "run_in": True, "numbering": "（1）", "content": ["提高教师能力。"]}
    assert "title" not in b and b["content"][0].startswith("紧紧围绕")


def test_circled_numbers_become_a_list_under_their_heading():
    plan, guesses = structure(doc_of("方案", "一、目标", "（一）应用", "①合格教师颁发结业证书。", "②优秀成果入库。", "③不合格者补学。"))
    sec = plan["sections"][0]["sections"][0]
    assert sec["content"] == [{"items": ["合格教师颁发结业证书。", "优秀成果入库。", "不合格者补学。"], "numbering": "①"}]
    assert any(g.key == "import.guess.items" for g in guesses)


def test_word_numbers_in_chinese_counting_open_sections():
    d = doc_of(SPara("方案", Place(paragraph=1)),
               SPara("指导思想", Place(paragraph=2), number="一、", num_level=0, num_format="chineseCounting"),
               SPara("以立德树人为根本。", Place(paragraph=3)),
               SPara("培训对象", Place(paragraph=4), number="二、", num_level=0, num_format="chineseCounting"))
    plan, _ = structure(d)
    assert [s["title"] for s in plan["sections"]] == ["指导思想", "培训对象"]


def test_part_headings_stay_as_written_and_unnumbered():
    plan, _ = structure(doc_of("方案", "第一部分 总体要求", "一、目标", "提高。"))
    part = plan["sections"][0]
    assert part["title"] == "第一部分 总体要求" and part["numbered"] is False
    assert part["sections"][0]["numbering"] == "一、"


def test_a_number_inside_a_sentence_is_not_a_heading():
    assert numbered(SPara("1.5学时的课程。", Place(paragraph=1))) is None
    assert numbered(SPara("2024年11月启动。", Place(paragraph=1))) is None


# -- tables --------------------------------------------------------------------------------------

def test_a_table_with_vertical_and_horizontal_merges_and_a_caption():
    cells = [SCell("环节", 0, 0), SCell("项目", 0, 1), SCell("分值", 0, 2),
             SCell("网络研修", 1, 0, rowspan=2), SCell("课程学习", 1, 1), SCell("60", 1, 2),
             SCell("作业", 2, 1), SCell("20", 2, 2),
             SCell("校本研修（合计）", 3, 0, colspan=2), SCell("20", 3, 2)]
    t = STable(cells, Place(table=1), n_rows=4, n_cols=3, header_rows=1)
    plan, guesses = structure(doc_of("方案", "一、考核", SPara("考核细则", Place(paragraph=3), align="center"), t))
    content = plan["sections"][0]["content"]
    # the merged cells as Word has them: once, spanning, and merged up (no text repeated, nothing guessed)
    assert content == [{"table": {"columns": ["环节", "项目", "分值"], "caption": "考核细则",
                                  "rows": [["网络研修", "课程学习", "60"], [{"merge": "up"}, "作业", "20"],
                                           [{"text": "校本研修（合计）", "span": 2}, "20"]]}}]
    keys = {g.key for g in guesses}
    assert "import.guess.caption" in keys and not keys & {"import.guess.table_hspan", "import.guess.table_merge"}
    text = write_yaml(plan, guesses, "x")
    assert "[{merge: up}, 作业, \"20\"]" in text and "[{text: 校本研修（合计）, span: 2}, \"20\"]" in text
    assert check(text).errors == 0


def test_a_table_with_two_header_rows_keeps_both():
    cells = [SCell("课程", 0, 0, rowspan=2), SCell("学时", 0, 1, colspan=2), SCell("理论", 1, 1), SCell("实践", 1, 2),
             SCell("师德", 2, 0), SCell("4", 2, 1), SCell("2", 2, 2)]
    t = STable(cells, Place(table=1), n_rows=3, n_cols=3, header_rows=2)
    plan, guesses = structure(doc_of("方案", "一、课程", t))
    (blk,) = plan["sections"][0]["content"]
    assert blk["table"] == {"header": [["课程", {"text": "学时", "span": 2}], [{"merge": "up"}, "理论", "实践"]],
                            "rows": [["师德", "4", "2"]]}
    assert check(write_yaml(plan, guesses, "x")).errors == 0


def test_a_blank_header_cell_stays_blank():
    cells = [SCell("", 0, 0), SCell("上学期", 0, 1), SCell("学时", 1, 0), SCell("36", 1, 1)]
    t = STable(cells, Place(table=1), n_rows=2, n_cols=2, header_rows=1)
    plan, guesses = structure(doc_of("方案", "一、课程", t))
    (blk,) = plan["sections"][0]["content"]
    assert blk["table"]["columns"] == ["", "上学期"]
    assert not any(g.key == "import.guess.table_empty_header" for g in guesses)


def test_plain_issuing_unit_under_the_title_is_the_subtitle():
    plan, guesses = structure(doc_of("淮北市初中教师远程全员培训实施方案", "安徽开放大学", "根据《某标准》，制定本方案。", "一、目标", "提高。"))
    assert plan["document"]["subtitle"] == "安徽开放大学"
    assert plan["document"]["basis"] == [{"title": "某标准"}]
    assert any(g.key == "import.guess.subtitle" for g in guesses)


def test_guesses_about_blocks_carry_their_data_path():
    cells = [SCell("项目", 0, 0), SCell("分值", 0, 1), SCell("学习", 1, 0, rowspan=2), SCell("10", 1, 1), SCell("10", 2, 1)]
    t = STable(cells, Place(table=1), n_rows=3, n_cols=2, header_rows=1)
    plan, guesses = structure(doc_of("方案", "一、考核", "考核表", t, "①甲项。", "②乙项。"))
    paths = {g.key: g.path for g in guesses}
    assert paths["import.guess.caption"] == ("sections", 0, "content", 0, "table", "caption")
    assert "import.guess.table_merge" not in paths  # printed merged, as Word has it: no guess
    assert paths["import.guess.items"] == ("sections", 0, "content", 1, "items")
    text = write_yaml(plan, guesses, "x")
    assert "    # 从原文第3段读出，请核对：表格前的短行“考核表”认作表题" in text.replace("        # ", "    # ")


@pytest.mark.parametrize("doc", [
    SourceDoc(),
    SourceDoc([SPara("", Place(paragraph=1)), SPara("   ", Place(paragraph=2))]),
    SourceDoc([STable([], Place(table=1))]),
    SourceDoc([STable([SCell("", 0, 0, rowspan=5, colspan=9)], Place(table=1), n_rows=3, n_cols=2)]),
    SourceDoc([SPara("一、", Place(paragraph=1)), SPara("（一）", Place(paragraph=2)), SPara("①", Place(paragraph=3))]),
    SourceDoc([SPara(f"{'（' * (i % 3)}{i}{'）' * (i % 3)}{'.、)'[i % 3]}标题{i}", Place(paragraph=i)) for i in range(1, 400)]),
    SourceDoc([SPara("x", Place(paragraph=i), number=f"{'#' * i}{i}") for i in range(1, 300)]),
    SourceDoc([SPara("{=x} **粗** \x85 \u2028 yes: no", Place(paragraph=1)), SPara("1." * 500, Place(paragraph=2))]),
], ids=["empty", "blank", "empty-table", "overhanging-merge", "numbers-only", "many-forms", "many-generated-forms", "hostile-text"])
def test_hostile_documents_give_a_plan_that_loads(doc):
    plan, guesses = structure(doc)
    text = write_yaml(plan, guesses, "x")
    assert yaml.safe_load(text) == plan
    report = check(text)
    assert report.plan is not None or report.errors  # never a crash; a plan, or located errors


def test_arabic_points_typed_under_bracketed_arabic_stay_under_it():
    plan, _ = structure(doc_of("方案", "一、目标", "（一）能力", "（1）训前", "1.熟悉方案", "2.建立联系", "（2）训中"))
    sub = plan["sections"][0]["sections"][0]["sections"]
    assert [s["title"] for s in sub] == ["训前", "训中"]
    assert [s["title"] for s in sub[0]["sections"]] == ["熟悉方案", "建立联系"]
    assert sub[0]["sections"][0]["numbering"] == "1."


@pytest.mark.parametrize("written,value", [("2024年11月11日", "2024-11-11"), ("二〇二四年十一月十一日", "2024-11-11"),
                                           ("2024-11-11", "2024-11-11"), ("2024年11月", "2024-11"), ("２０２４年３月５日", "2024-03-05")])
def test_the_date_line_in_its_forms(written, value):
    plan, _ = structure(doc_of("方案", "一、目标", "提高。", "某县教育局", written))
    assert plan["document"]["date"] == value and plan["document"]["issuer"] == "某县教育局"


def test_a_date_that_is_no_date_stays_text():
    plan, _ = structure(doc_of("方案", "一、目标", "提高。", "2024年13月40日"))
    assert "date" not in plan["document"]
    assert "2024年13月40日" in plan["sections"][0]["content"]


def test_the_guess_about_a_part_heading_sits_at_its_title():
    plan, guesses = structure(doc_of("方案", "第一部分 总体要求", "一、目标", "提高。"))
    g = next(g for g in guesses if g.key == "import.guess.unladdered")
    assert g.path == ("sections", 0, "title")


def test_a_long_one_line_title_stays_one_line():
    long = "某某县2024—2025学年度中小学幼儿园教师继续教育全员培训工作实施方案"
    plan, _ = structure(doc_of(long, "一、目标", "提高。"))
    assert plan["document"]["title"] == [long]
    plan, _ = structure(doc_of("培训实施方案", "一、目标", "提高。"))
    assert plan["document"]["title"] == "培训实施方案"


@pytest.mark.parametrize("number", ["宾教体〔2022〕15号", "宾教发[2022]5号", "某教〔2024〕 3号"])
def test_the_document_number_under_the_title(number):
    d = doc_of(SPara("某县培训实施方案", Place(paragraph=1), align="center", size=44),
               SPara(number, Place(paragraph=2), align="center"), SPara("为做好培训，制定本方案。", Place(paragraph=3)),
               SPara("一、目标", Place(paragraph=4)))
    plan, _ = structure(d)
    assert plan["document"]["number"] == number and "subtitle" not in plan["document"]


def test_a_table_split_at_a_page_break_is_one_table():
    def tab(n, rows, header_rows=0):
        cells = [SCell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return STable(cells, Place(table=n), n_rows=len(rows), n_cols=len(rows[0]), header_rows=header_rows)

    first = tab(1, [["学段", "课程"], ["通识", "师德"]], header_rows=1)
    rest = tab(2, [["学段", "课程"], ["初中", "语文"], ["初中", "数学"]])  # its header typed again
    plan, guesses = structure(doc_of("方案", "一、目录", first, SPara("", Place(paragraph=3)), rest))
    (block,) = plan["sections"][0]["content"]
    assert block["table"]["rows"] == [["通识", "师德"], ["初中", "语文"], ["初中", "数学"]]
    g = next(g for g in guesses if g.key == "import.guess.table_continued")
    assert g.path == ("sections", 0, "content", 0, "table", "rows")
    # a paragraph between them: two tables
    plan, _ = structure(doc_of("方案", "一、目录", first, "说明文字。", rest))
    assert len([b for b in plan["sections"][0]["content"] if "table" in b]) == 2


def test_merged_cells_come_back_merged_after_import_and_render(tmp_path):
    """A Word table with two header rows, a vertical merge and a horizontal one (no figures a
    recogniser takes): imported, rendered and read back, the same cells span the same rows and columns."""
    from plancc.cli.import_ import import_file
    from plancc.importer import read
    from tests.helpers import render_example
    from tests.importer.docxbuild import Cell, Doc

    rows = [[Cell("序号", vmerge="restart"), Cell("研修内容", vmerge="restart"), Cell("形式", span=2)],
            [Cell("", vmerge="continue"), Cell("", vmerge="continue"), "线上", "线下"],
            ["1", Cell("师德专题", vmerge="restart"), "视频", "讲座"],
            ["2", Cell("", vmerge="continue"), "阅读", "研讨"],
            [Cell("说明：各校可调整", span=4)]]
    doc = Doc().para("某县2025年教师研修安排方案").para("一、研修安排").table(rows, header_rows=2).para("二、要求").para("按时参加。")
    src = tmp_path / "src.docx"
    src.write_bytes(doc.bytes())
    text, _, _ = import_file(src, "zh")
    assert "{merge: up}" in text and "span: 2" in text
    plan_path = tmp_path / "p.yaml"
    plan_path.write_text(text, encoding="utf-8")
    out = tmp_path / "p.docx"
    out.write_bytes(render_example(check(text), plan_path))

    def spans(d):
        (t,) = d.tables()
        return sorted((c.row, c.col, c.rowspan, c.colspan, c.text) for c in t.cells)

    assert spans(read(out)) == spans(read(src))
