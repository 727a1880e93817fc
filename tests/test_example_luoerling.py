"""The 落儿岭镇中心学校 2024-2025 plan (seed 002): the seed's figures on the validated model,
and the seed's sentences in the rendered document."""

from __future__ import annotations

import io

import pytest
from docx import Document as DocxDocument

from plancc.model.facts import plan_facts
from tests.helpers import ROOT, check_example, render_example

PLAN = ROOT / "plans" / "luoerling-2024-2025.yaml"
EXEMPTED = ["周杨彬", "杨丽丽", "龚玉麒", "陈明生"]


@pytest.fixture(scope="module")
def report():
    return check_example(PLAN)


@pytest.fixture(scope="module")
def plan(report):
    return report.plan


@pytest.fixture(scope="module")
def paragraphs(report, plan):
    data = render_example(report, PLAN)
    return [p.text for p in DocxDocument(io.BytesIO(data)).paragraphs]


@pytest.fixture(scope="module")
def text(paragraphs):
    return "\n".join(paragraphs)


# ---------------------------------------------------------------- the model
def test_the_seed_contradictions_are_reported_as_warnings(report):
    assert report.errors == 0
    shown = {d.code for d in report.diagnostics if not d.suppressed}
    # 暑假研修 starts before the period (PL702), issued after the start (PL704), 霍教职9号 (PL803)
    assert {"PL702", "PL704", "PL803"} <= shown
    # the seed's half-width punctuation is kept verbatim under one file-wide suppression
    assert "PL804" not in shown
    assert any(d.code == "PL804" for d in report.diagnostics if d.suppressed)


def test_hours_are_90_of_which_60_professional_and_30_public(plan):
    h = plan.hours
    assert h.required == 90 and h.at_least
    parts = {c.name: c for c in h.components}
    assert list(parts) == ["专业知识", "公需知识"]
    assert parts["专业知识"].hours == 60 and parts["专业知识"].at_least
    assert parts["公需知识"].hours == 30 and not parts["公需知识"].at_least
    assert sum(c.hours for c in h.components) == h.required


def test_four_teachers_are_exempted_from_60_hours_of_professional_knowledge(plan):
    assert plan.audience.description == "全镇在职中小学教师。"
    (ex,) = plan.audience.exemptions
    assert ex.teachers == EXEMPTED
    assert ex.hours == 60 and ex.component == "专业知识"
    assert ex.reason == "参加2024年度省培"


def test_period_is_the_school_year_august_to_june(plan):
    p = plan.period
    assert p.school_year == "2024-2025"
    assert (p.start.year, p.start.month, p.end.year, p.end.month) == (2024, 8, 2025, 6)


def test_six_staged_phases_with_their_dates_and_forms(plan):
    got = [(ph.name, ph.start.iso(), ph.end.iso(), ph.form) for ph in plan.phases]
    assert got == [
        ("暑假研修", "2024-07", "2024-09", "集中+远程"),
        ("思想政治和师德师风", "2024-08", "2024-11", "集中+校本"),
        ("教育家精神引领下教师学科素养与教书育人能力提升研修", "2024-10", "2025-05", "集中+校本"),
        ("寒假研修", "2025-01", "2025-02", "集中+远程"),
        ("基于课例的理论与实践研修", "2025-02", "2025-05", "集中+校本"),
        ("总结提升阶段", "2025-05", "2025-06", "校本"),
    ]


def test_four_content_modules_and_three_modes(plan):
    (ms,) = plan.module_sets
    assert ms.names[0] == "中小学教师寒暑假研修" and ms.names[-1] == "基于课例实践研修"
    assert len(ms.names) == 4
    assert [len(m.paragraphs) for m in ms.items] == [1, 1, 2, 1]
    assert [m.name for m in plan.modes] == ["集中培训(送培送教)", "网络研修", "校本研修"]


def test_basis_documents_issuer_and_date(plan):
    doc = plan.document
    assert doc.addressee == "中心校本部"
    assert [(b.title, b.short, b.number) for b in doc.basis] == [
        ("中共中央国务院关于弘扬教育家精神加强新时代高素质专业化教师队伍建设的意见", "意见", None),
        ("中小学教师培训课程指导标准", None, None),
        ("2024-2025学年度中小学教师全员培训实施方案", None, "霍教职9号"),
    ]
    assert doc.issuer == "落儿岭镇中心学校"
    assert doc.date.iso() == "2024-11-11"
    assert doc.attachments == []


def test_facts_carry_the_figures(plan):
    f = plan_facts(plan)
    assert f["hours.required"] == 90
    assert f["hours.components.专业知识"] == 60 and f["hours.components.公需知识"] == 30
    assert f["phases.count"] == 6 and f["modules.专业知识.count"] == 4 and f["modes.count"] == 3
    assert f["audience"] == "全镇在职中小学教师。"
    assert f["school_year"] == "2024-2025"


# ---------------------------------------------------------------- the document
def test_title_addressee_and_signature(paragraphs):
    assert paragraphs[0] == "落儿岭镇中心学校2024-2025学年度中小"
    assert paragraphs[1] == "教师全员培训实施方案"
    assert "中心校本部：" in paragraphs
    tail = [p for p in paragraphs if p.strip()][-2:]
    assert tail == ["落儿岭镇中心学校", "2024年11月11日"]


def test_preamble_names_the_basis_and_keeps_the_seed_wording(paragraphs):
    pre = next(p for p in paragraphs if p.startswith("根据"))
    assert pre.startswith(
        "根据《中共中央国务院关于弘扬教育家精神加强新时代高素质专业化教师队伍建设的意见》（以下简称《意见》）、"
        "《中小学教师培训课程指导标准》、《2024-2025学年度中小学教师全员培训实施方案》（霍教职9号）"
        "等文件及习近平总书记在全国教育大会上的重要讲话精神,"
    )
    assert pre.endswith(
        "遵循教师培训和教师专业成长规律,2024-2025学年度中小学教师继续教育以“教育家精神引领下教师学科素养与教书育人能力提升研修”"
        "为年度培训主题,开展全员培训。为提高培训的针对性、实效性,保证全员培训质量,确保培训的顺利实施,经中心校领导班子研究,"
        "结合我校实际,特制订如下实施方案。"
    )


def test_headings_in_seed_order(paragraphs):
    headings = ["一、指导思想", "二、培训对象", "三、培训时间与学时", "（一）培训时间", "（二）培训学时", "四、培训内容",
                "（一）公需知识培训内容根据省市推荐内容选学。", "1.中小学教师寒暑假研修", "2.思想政治和师德师风",
                "3.教育家精神引领下教师学科素养与教师教书育人能力.提升研修。", "4.基于课例实践研修", "五、培训安排",
                "六、培训组织与管理", "（一）培训组织", "（二）培训模式", "（三）培训管理", "1.重视、加强教师参与培训意识的引导",
                "2.加强培训管理网络建设", "3.加强学校培训指导团队建设", "4.加强培训工作规范化建设", "5.加强培训质量监控机制建设"]  # fmt: skip
    pos = [paragraphs.index(h) for h in headings]
    assert pos == sorted(pos)
    assert "（二）专业知识培训内容主题为“教育家精神引领下教师学科素养与教书育人能力提升研修”。分为四个内容模块:" in paragraphs


def test_audience_and_exemption_are_one_paragraph(paragraphs):
    assert (
        "全镇在职中小学教师。参加2024年度省培的周杨彬、杨丽丽、龚玉麒、陈明生教师，在完成60学时的培训任务后，"
        "可免于参加本年度全员培训的专业知识培训。"
    ) in paragraphs


def test_period_and_hours_sentences(paragraphs):
    assert "2024年8月—2025年6月" in paragraphs
    assert "每人年度参训不少于90学时（其中专业知识不少于60学时，公需知识30学时）。" in paragraphs


def test_six_phases_come_out_staged(paragraphs, text):
    assert "本年度专题培训分为六个阶段:" in paragraphs
    stages = ["第一阶段：暑假研修（2024年7—9月）", "第二阶段：思想政治和师德师风（2024年8—11月）",
              "第三阶段：教育家精神引领下教师学科素养与教书育人能力提升研修（2024年10月—2025年5月）",
              "第四阶段：寒假研修（2025年1—2月）", "第五阶段：基于课例的理论与实践研修（2025年2月—5月）",
              "第六阶段：总结提升阶段（2025年5月—6月）"]  # fmt: skip  (the seed writes 月 twice in the last two)
    pos = [paragraphs.index(s) for s in stages]
    assert pos == sorted(pos)
    forms = [p for p in paragraphs if p.startswith("培训形式：")]
    assert forms == ["培训形式：集中+远程", "培训形式：集中+校本", "培训形式：集中+校本", "培训形式：集中+远程",
                     "培训形式：集中+校本", "培训形式：校本"]  # fmt: skip
    assert paragraphs[paragraphs.index(stages[0]) + 1] == "组织教师参加暑期线上学习,完成学习任务。"


def test_modes_are_numbered_run_in_items(paragraphs):
    assert paragraphs[paragraphs.index("（二）培训模式") + 1] == "推行“集中培训(送培送教)+网络研修+校本研修”混合式培训。"
    assert any(p.startswith("1.集中培训(送培送教)：县级培训指导团队、特级教师、学科带头人和骨干教师") for p in paragraphs)
    assert any(p.startswith("2.网络研修：利用国家智慧教育公共服务平台") for p in paragraphs)
    assert any(p.startswith("3.校本研修：学校业务指导组和教务处") and "每学期不少于10节课的听课记录" in p for p in paragraphs)


@pytest.mark.parametrize(
    "sentence",
    [
        "以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十届三中全会精神,贯彻新时代党的教育方针,",
        "组织教师在国家智慧教育公共服务平台,参与“2024一2025年暑假教师研修”专题学习,完成相应学时的学习任务。",
        "1以《意见》关于“提升教师专业素养”要求为目标,",
        "2围绕“立德树人”根本任务,加强德育与学科教学的融合,",
        "小学教师培训采用“集中或送培送教+远程+校本”形式。“集中、校本”环节由县教师学习与资源中心、县教研室和各学校组织实施。",
        "坚持培训组织领导与业务指导双线并行,镇(乡)、校级培训管理网络。",
        "方案备案规范化。学校年度培训启动会后一周内将培训方案报送县教师学习与资源中心审定,经审定后的培训方案报教育局职成教股备案。",
        "教师结合年度各阶段培训学习活动,立足自我,分析研修过程得失,明确课堂教学革新的主要目标及方向。继续教育业务指导组对教师本学年的培训学习情况给出客观、公正的评价。",
        "将教师参与的培训质量与效果纳入年度校长绩效考评和单位综合考评内容",
    ],
)
def test_seed_sentences_appear_verbatim(text, sentence):
    assert sentence in text


def test_every_seed_paragraph_of_the_management_section_is_kept(paragraphs):
    start = paragraphs.index("（三）培训管理")
    body = [p for p in paragraphs[start:] if p.strip()]
    # 5 headings + 1+1+1+3+4 paragraphs, then the issuer and the date
    assert len(body) == 1 + 5 + 10 + 2
    assert body[-3].endswith("单位综合考评内容")  # the seed's last sentence has no full stop
