"""The 宾川县 2022 plan (seed 000): the sentences data blocks generate come out as the seed writes them,
through the defaults and the plan's own patterns (wording:)."""

from __future__ import annotations

import io

import pytest
from docx import Document as DocxDocument

from tests.helpers import ROOT, check_example, render_example

PLAN = ROOT / "plans" / "binchuan-2022.yaml"


@pytest.fixture(scope="module")
def paragraphs():
    report = check_example(PLAN)
    data = render_example(report, PLAN)
    return [p.text for p in DocxDocument(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize(
    "sentence",
    [
        # the period with the seed's hyphen ({=period:hyphen})
        "三、培训时间：2022年11月-2023年4月。",
        # module sets: the default (八个模块共100学时), one item's pattern (共11个模块), the block's (五大模块)
        "1.幼儿园新教师：设置师德养成、政策解读、教育理念革新、一日保教技能提升、幼儿安全管理、教学基本功、信息技术应用、家园共育八个模块共100学时的课程供教师选择。",
        "2.幼儿园成长期教师：党史学习、师德养成、保育知识、幼儿安全管理、一日保教技能、案例观摩、家园共育七个模块共100学时的网络研修课程供参训教师选择。",
        "3.幼儿园成熟期教师：提供思想政治、师德涵养、职业信念、幼儿发展规律观察、幼儿课程评价方法、“以生为本”的教学活动与方法、一日生活幼儿观察与评价、"
        "游戏活动儿童观察策略、“以生为本”的评价策略、“以生为本”的课例赏析、信息技术与保教融合共11个模块的课程供参训教师选择。",
        "设置教育政策理念、前沿理念指引、助推教师成长、领导课程建设、优化学校管理五大模块共130学时的网络研修课程供参训校长选学。",
        # phases: the short default within a year, the full range of the sixth, a span across years
        "（四）2022年11月25日—12月10日，举行项目启动仪式暨培训者培训会议，对各级管理员、班级辅导教师及技术人员进行培训，发放管理员帐号。",
        "（五）2022年11月30日—2023年4月30日",
        "（六）2023年3月15日—2023年3月31日，参训学员完成在线考试。",
        "（七）2023年4月1日—4月30日，远程培训和校本研修成果展示阶段，公布本培训最终成绩。开展考核评优工作，评选表彰优秀学员、优秀辅导教师，进行培训及研修的阶段总结。",
        "（一）2022年11月15日前，各学校（园）要根据培训目标任务，召开专题工作会议，认真组织开展宣传动员工作。"
        "鼓励全体在职在岗教师结合自身实际，选择课题报名。各学校（园）结合整体发展需求，拟定参加培训人员名单，"
        "并根据《宾川县2022年中小学幼儿园教师继续教育远程全员培训报名、缴费管理办法》（附件2）开展缴费和申请开通学习权限工作。",
        # assessment components: the default, and two of the plan's own patterns
        "（1）过程性考核（占总成绩的70%，满分70分）包括课程学习时间、模块检测、主题作业、主题研讨等考核指标。",
        "（2）在线考试：每年培训内容设置单项选择题、多项选择题和判断题三种题型，满分100（占总考核30%）。",
        "（2）结果性考核：学员基于学习所得，提交一份学习总结，包括学习体会创新建设思考。（占总考核30%）。",
    ],
)
def test_seed_sentences_appear_verbatim(paragraphs, sentence):
    assert sentence in paragraphs


def test_both_projects_keep_the_default_for_the_process_component(paragraphs):
    process = [p for p in paragraphs if p.startswith("（1）过程性考核")]
    assert len(process) == 2 and len(set(process)) == 1


def test_no_generated_sentence_keeps_the_old_forms(paragraphs):
    text = "\n".join(paragraphs)
    for old in ("十一个模块", "五个模块", "2023年3月15日—3月31日", "在线考试（占总成绩", "结果性考核（占总成绩", "2022年11月—2023年4月"):
        assert old not in text


def test_the_tier_sentence_is_generated_and_joins_two_tiers_with_he_as_the_seed_does(paragraphs):
    """The tiers come from the tiers block; the seed's “和” between the second and third is the
    pattern of one tier (tier[成长期教师]), the counts are references."""
    seed = ("根据规划按分层分类与分岗原则设计培训项目，分层分类项目分为幼儿园、义务教育和高中三个不同阶段，"
            "每个阶段分为新教师（教龄1-2年）、成长期教师（教龄3-8年）和成熟期教师（教龄9-14年）、提升期教师（教龄15年以上）四个不同层次，"
            "其中成长期教师和成熟期教师、提升期教师按照螺旋递进式设计五个不同的培训主题，每个主题配置相对应的课程系列；"
            "分岗培训项目分为班主任、园长、校长、党组书记培训，各岗位培训项目根据培训主题配置相对应的课程系列。"
            # the seed has a half-width comma after 选学; the plan writes the full-width one
            "研修平台结合主题提供不少于100学时的网络研修课程供参训教师选学，参训教师需完成72学时研修内容。")
    assert seed in paragraphs
    text = (ROOT / "plans" / "binchuan-2022.yaml").read_text(encoding="utf-8")
    assert "新教师（教龄1-2年）" not in text  # written as data, not typed
