"""The 淮北市 2022-2023 远程全员培训 plan (seed 001): the seed's figures on the validated model,
and the seed's sentences and tables in the rendered document."""

from __future__ import annotations

import io

import pytest
from docx import Document as DocxDocument

from plancc.model.facts import plan_facts
from tests.helpers import ROOT, check_example, render_example

PLAN = ROOT / "plans" / "huaibei-2022-2023.yaml"
TUTOR_WEIGHTS = [15, 5, 5, 10, 5, 10, 15, 10, 10, 10, 5]


@pytest.fixture(scope="module")
def report():
    return check_example(PLAN)


@pytest.fixture(scope="module")
def plan(report):
    return report.plan


@pytest.fixture(scope="module")
def docx(report, plan):
    data = render_example(report, PLAN)
    return DocxDocument(io.BytesIO(data))


@pytest.fixture(scope="module")
def paragraphs(docx):
    return [p.text for p in docx.paragraphs]


@pytest.fixture(scope="module")
def text(paragraphs):
    return "\n".join(paragraphs)


# ---------------------------------------------------------------- the model
def test_the_module_names_contradiction_is_reported_as_warnings(report):
    assert report.errors == 0
    pl504 = [d for d in report.diagnostics if d.code == "PL504" and not d.suppressed]
    # the prose names 师德与法治、班级管理…, the catalog 师德素养、专业发展、班级管理技能、新课标与新方案
    assert len(pl504) == 4
    for module in ("师德素养", "专业发展", "班级管理技能", "新课标与新方案"):
        assert any(f"“{module}”" in d.message for d in pl504), module


def test_hours_are_24_of_40_minutes_with_600_compulsory(plan):
    h = plan.hours
    assert (h.required, h.minutes_per_hour, h.required_minutes, h.compulsory_minutes) == (24, 40, 960, 600)
    assert h.required * h.minutes_per_hour == h.required_minutes
    assert h.offered_ratio == 2


def test_period_audience_and_school_year(plan):
    p = plan.period
    assert p.school_year == "2022-2023"
    assert (p.start.iso(), p.end.iso()) == ("2023-04-03", "2023-05-31")
    assert plan.audience == "淮北市初级中学教师。"


def test_catalog_has_83_courses_general_ones_without_subject(plan):
    courses = plan.catalog.courses
    assert len(courses) == 83
    general = [c for c in courses if c.stage == "通识"]
    assert len(general) == 41 and all(c.subject == "" for c in general)
    assert sum(c.subject == "语文" for c in courses) == 20
    assert sum(c.subject == "数学" for c in courses) == 22
    assert courses[0].title == "教师法及相关法律法规解读"
    assert courses[-1].title == "数学教学中信息技术应用案例评析"
    assert [c.module for c in general if c.module == "师德素养"] == ["师德素养"] * 9
    assert plan.catalog.module_set == "网络研修模块"


def test_six_modules_as_the_prose_names_them(plan):
    (ms,) = plan.module_sets
    assert ms.names == ["师德与法治", "班级管理", "高效课堂", "学科教学与教师专业发展", "新课标解读与新方案实施", "教育数字化"]


def test_trainee_assessment_points_minimums_and_pass_mark(plan):
    (a,) = plan.assessments
    assert [i.name for i in a.items] == ["课程学习时间", "教师工作坊互动交流与分享", "研修作业一", "研修作业二"]
    assert [i.points for i in a.items] == [50, 20, 15, 15]
    assert a.item_points == a.total == 100
    assert [i.minimum for i in a.items] == [None, 10, 9, 9]
    assert [i.required for i in a.items] == [True, False, True, True]
    assert [i.method for i in a.items] == ["自动评价", "自动评价", "人工评价", "人工评价"]
    assert [(i.part, i.category) for i in a.items] == [("网络研修", "过程性评价")] * 3 + [("校本研修", "终结性评价")]
    assert a.pass_mark == 78
    assert a.pass_condition == "完成必做考核项目，并且至少完成一次文章资源分享"


def test_tutor_evaluation_weights(plan):
    (e,) = plan.evaluations
    assert [i.weight for i in e.items] == TUTOR_WEIGHTS
    assert sum(i.weight for i in e.items) == 100
    workshop = [i for i in e.items if i.indicator == "主持“教师工作坊”"]
    assert [(i.sub, i.weight) for i in workshop] == [("学情统计", 5), ("作业批阅", 10), ("研修组织", 15), ("工作坊简报", 10)]
    assert [i.category for i in e.items].count("终结性评价") == 2


def test_facts_carry_the_figures(plan):
    f = plan_facts(plan)
    assert f["hours.required"] == 24 and f["hours.required_minutes"] == 960 and f["hours.compulsory_minutes"] == 600
    assert f["catalog.courses.count"] == 83 and f["catalog.subjects.count"] == 2 and f["catalog.modules.count"] == 6
    assert f["assessments.参训教师.pass_mark"] == 78
    assert f["assessments.参训教师.items.研修作业一.minimum"] == 9
    assert f["modules.网络研修模块.count"] == 6
    assert f["evaluations.班级辅导者.items.count"] == 11


def test_document_frame(plan):
    doc = plan.document
    assert doc.subtitle == "安徽开放大学"
    assert [b.title for b in doc.basis] == ["中共中央国务院关于全面深化新时代教师队伍建设改革的意见", "中小学教师培训课程指导标准", "深化新时代教育评价改革总体方案"]
    # the seed has no 落款, date or attachments
    assert doc.issuer is None and doc.date is None and doc.attachments == []


# ---------------------------------------------------------------- the document
def test_title_subtitle_and_preamble(paragraphs):
    assert paragraphs[:2] == ["淮北市 2022-2023 学年度初中教师", "远程全员培训实施方案"]
    assert "安徽开放大学" in paragraphs
    pre = next(p for p in paragraphs if p.startswith("根据"))
    assert pre == (
        "根据《中共中央国务院关于全面深化新时代教师队伍建设改革的意见》、《中小学教师培训课程指导标准》、《深化新时代教育评价改革总体方案》等文件精神，"
        "按照淮北市教育局关于 2022-2023 学年度中小学教师继续教育远程培训要求，遵循教师培训和教师专业成长规律，"
        "确定以“新形势下的育人方式变革与教学模式改进”为年度培训主题，开展教师远程全员培训。"
        "为确保培训的顺利实施，提高培训的针对性、实效性，保证远程培训质量，特制订如下实施方案。"
    )


def test_the_theme_is_bold(docx):
    runs = [r for p in docx.paragraphs if p.text.startswith("根据") for r in p.runs]
    assert any(r.bold and r.text == "新形势下的育人方式变革与教学模式改进" for r in runs)


def test_headings_in_seed_order(paragraphs):
    headings = ["一、培训目标", "二、培训对象与培训学时", "三、培训模块和培训内容", "四、培训流程和培训方式", "（一）训前准备阶段",
                "（二）网络研修", "1.自主选学", "2.专家在线辅导", "（1）专家在线常态化辅导", "3.网络班级辅导", "（1）训前", "（2）训中",
                "（3）训后", "五、培训考核评价", "（一）对参训教师的考核评价", "（二）班级辅导者的考核评价", "六、训后跟踪",
                "（一）持续开放研修平台", "（二）定期进行回访活动", "（三）继续开展实地指导", "（四）协助打造生成性资源", "（五）在线直播指导"]  # fmt: skip
    pos = [paragraphs.index(h) for h in headings]
    assert pos == sorted(pos)
    assert any(p.startswith("（2）集中实时直播答疑：") or p == "（2）集中实时直播答疑" for p in paragraphs)
    assert any(p.startswith("（三）线下实践与校本研修") for p in paragraphs)


def test_goals_and_self_study_are_numbered_paragraphs(paragraphs):
    goals = [p for p in paragraphs if p[:3] in ("（一）", "（二）", "（三）", "（四）", "（五）")][:5]
    assert goals[0].startswith("（一）紧紧围绕立德树人的根本要求，深刻领悟党的二十大精神")
    assert goals[2].startswith("（三）理解高效课堂的基本内涵，了解并掌握各个教学环节的有效设计与实施，")  # joined across the page break
    assert goals[4].startswith("（五）践行混合式研修模式")
    assert any(p.startswith("（3）选学课程内容丰富适用，我们将提供大于规定学时的培训课程") for p in paragraphs)


def test_audience_hours_and_period_lines(paragraphs):
    assert "（一）培训对象：淮北市初级中学教师。" in paragraphs
    assert "（二）培训学时：网络研修 24 学时。" in paragraphs
    # the seed writes both ends in full (2023 年 4 月 3 日--2023 年 5 月 31 日): {=period:full}
    assert "（三）网络研修时间：2023年4月3日—2023年5月31日。" in paragraphs


def test_module_sentence_keeps_the_seed_paragraph(paragraphs):
    assert (
        "根据培训目标要求，设计远程培训网络研修模块，为每个模块配备课程资源。严格按照《中小学教师培训课程指导标准》，"
        "设置师德与法治、班级管理、高效课堂、学科教学与教师专业发展、新课标解读与新方案实施、教育数字化六个模块，"
        "并根据教师培训的着力点在课堂教学的现实要求，增加设置学科教学选修模块。本方案计划为初中学段各学科配备培训资源，学科基本齐备。"
        "每个学科配备资源数量超过要求学时的2倍以上，满足参训教师自主选学需求。"
    ) in paragraphs


def test_captions_of_the_figures(paragraphs):
    captions = ["【模块内容结构：初中语文、初中数学为例】", "【线上教学活动设计】", "【主题式校本研修示例】", "训后跟踪指导结构图："]
    pos = [paragraphs.index(c) for c in captions]
    assert pos == sorted(pos)


def test_tables_catalog_assessment_and_evaluation(docx):
    tables = docx.tables
    catalog = next(t for t in tables if t.rows[0].cells[-1].text == "课程")
    assert len(catalog.rows) == 84
    assert [c.text for c in catalog.rows[0].cells] == ["学段", "学科", "模块", "课程"]
    assessment = next(t for t in tables if t.rows[0].cells[0].text == "考核环节")
    assert [c.text for c in assessment.rows[0].cells] == ["考核环节", "考核类别", "考核项目", "评价指标", "分值", "计分方式", "评价方式", "备注"]
    assert [r.cells[4].text for r in assessment.rows[1:]] == ["50", "20", "15", "15"]
    first = [c.text for c in assessment.rows[1].cells]
    assert first[3] == "自主选学，观看视频课程、阅读课程文本资料，要求达到 960 分钟（必修课完成学时不少于 600 分钟）。"
    assert first[5] == "必做，学完 960 分钟以上，计 50 分。"
    assert [r.cells[5].text for r in assessment.rows[3:]] == ["必做，评价分*15%不低于 9 分才能合格。"] * 2
    evaluation = next(t for t in tables if t.rows[0].cells[0].text == "类别")
    assert [r.cells[-1].text for r in evaluation.rows[1:]] == [f"{w}%" for w in TUTOR_WEIGHTS]


def test_pass_note_under_the_assessment_table(docx):
    (note,) = [p for p in docx.paragraphs if p.text.startswith("备注：")]
    assert note.text == "备注：完成必做考核项目，并且至少完成一次文章资源分享，至少达到78分才能合格。"
    assert any(r.bold and r.text == "备注" for r in note.runs)


@pytest.mark.parametrize(
    "sentence",
    [
        "承担着培训过程监管、学习督促、活动组织、答疑解惑、联络沟通、整理培训材料和设计培训简报、撰写班级培训总结等任务；",
        "各学科直播答疑活动不少于1次，每次2个小时左右。",
        "指导校级培训者制定校本研修活动主题，引导参训教师利用学校社区和区域社区参与网络校本研修活动，督促学员撰写研修报告。",
        "是否提交校办研修活动成果材料作为参训教师是否培训合格的重要依据，",
        "评价指标以推动应用为导向。过程性评价与终结性评价指标相结合，激发参训教师学习积极性。评价对象多元，反映培训各主体行为。",
        "合格教师颁发结业证书，培训学时纳入当年教师继续教育学时，并作为职称晋升、评选先进的重要依据。",
        "评价结果作为评选“优秀班级辅导者”的标准，优秀班级辅导者入库，在后续培训项目中优先聘用。",
        "训后跟踪指导具体举措主要体现在以下五个方面：",
        "为开展各类训后跟踪指导活动做好信息收集与反馈；",
        "指导学员自主选学生成性资源，在校本研修中有效利用生成性资源，",
        "培训结束后，赴项目市送培送教不少于1次。",
    ],
)
def test_seed_sentences_appear_verbatim(text, sentence):
    assert sentence in text


def test_lists_are_circled_and_complete(paragraphs):
    items = [p for p in paragraphs if p and p[0] in "①②③④⑤⑥⑦"]
    # 7 expert activities, 4 + 7 + 4 tutor duties, 3 + 3 uses of the results
    assert len(items) == 7 + 4 + 7 + 4 + 3 + 3
    assert items[6].startswith("⑦") and "建立学科培训生成性资源库" in items[6]
