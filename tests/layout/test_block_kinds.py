"""Every kind of block in the registry validates, renders, and puts its text in the document.

The cases are keyed by the registry: a kind added to ``plancc.model.blocks.KINDS``
without a case here fails, and so does a kind the default template has no macro for.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from plancc.layout import LayoutError, render_outline
from plancc.layout.environment import make_environment, template_dir
from plancc.model.blocks import KINDS, block_kind
from tests.helpers import MINIMAL, ROOT, check


@dataclass
class Case:
    data: str
    """Top-level YAML the blocks need (besides the document)."""
    blocks: list[str]
    """The blocks, one flow-style YAML item each: every variant of the kind."""
    shows: list[str]
    """Text that only these blocks write into the document."""


HOURS = "hours: {required: 90, components: [{name: 专业知识, hours: 60}, {name: 公需知识, hours: 30}]}\n"

CASES: dict[str, Case] = {
    "str": Case("", ["甲段纯文字。"], ["甲段纯文字。"]),
    "text": Case("", ["{text: 乙段带样式的文字。, style: plain, bold: true}", "{text: 乙段备注。, style: note}"],
                 ["乙段带样式的文字。", "乙段备注。"]),
    "items": Case("", ["{items: [丙项第一条, 丙项第二条]}", "{items: [丙项不编号], numbered: false}"],
                  ["丙项第一条", "丙项第二条", "丙项不编号"]),
    "table": Case("", ["{table: {caption: 丁自由表, columns: [项目, 数量], rows: [[戊格, 3]], widths: [2, 1]}}"], ["丁自由表", "戊格"]),
    "themes": Case("tiers: [{name: 新教师, years: [0, 3]}]\nstages: [{name: 小学, themes: {新教师: 站稳讲台主题}}]\n",
                   ["{themes: list}", "{themes: table, caption: 主题一览表}"], ["站稳讲台主题", "主题一览表", "教龄0-3年"]),
    "goals": Case("stages: [{name: 小学, goals: 小学教师目标句。}]\n", ["{goals: stages}"], ["小学教师目标句。"]),
    "posts": Case("posts: [{name: 班主任, theme: 班主任主题句, goals: 班主任目标句, hours: 24}]\n", ["{posts: all}"],
                  ["班主任主题句", "班主任目标句", "24学时。"]),
    "module_sets": Case("module_sets: [{id: 甲组, modules: [{name: 模块一, description: 模块一说明句。}, 模块二]},"
                        " {id: 乙组, compulsory: false, modules: [{name: 模块三, hours: 6}]}]\n",
                        ["{module_sets: [甲组]}", "{module_sets: [甲组], style: sections}", "{module_sets: [乙组], style: parts}"],
                        ["设置模块一、模块二两个模块的课程供参训教师选学。", "模块一说明句。", "第一部分：（选学）乙组", "模块三（6学时）"]),
    "tiers": Case("tiers: [{name: 新教师, years: [1, 2]}, {name: 成熟期教师, years: [9, null]}]\n",
                  ["{tiers: sentence, lead: 教师分为}", "{tiers: list, years: false}"],
                  ["教师分为新教师（教龄1-2年）、成熟期教师（教龄9年以上）两个层次。", "成熟期教师"]),
    "catalog": Case("catalog: {caption: 课程目录表, courses: [[小学, 语文, 模块一, 课程甲名]]}\n", ["{catalog: table}"],
                    ["课程目录表", "课程甲名"]),
    "phases": Case("phases: [{name: 启动阶段, start: 2024-09, end: 2024-10, tasks: 启动任务句。}]\n",
                   ["{phases: dated}", "{phases: staged}", "{phases: table, caption: 进度安排表}"],
                   ["启动任务句", "第一阶段：启动阶段", "进度安排表"]),
    "assessment": Case("assessments: [{id: 考核甲, components: [{name: 过程性考核, weight: 60}, {name: 终结性考核, weight: 40}],"
                       " items: [{name: 作业项, points: 100}], total: 100, pass_mark: 60}]\n",
                       ["{assessment: 考核甲}", "{assessment: 考核甲, style: table}"],
                       ["过程性考核（占总成绩的60%）", "作业项", "考核总成绩达到60分为合格"]),
    "evaluation": Case("evaluations: [{id: 评价甲, caption: 评价表甲, items: [{indicator: 指标一, weight: 60}, {indicator: 指标二, weight: 40}]}]\n",
                       ["{evaluation: 评价甲}"], ["评价表甲", "指标一", "60%"]),
    "rubric": Case("rubrics: [{id: 细则甲, caption: 细则表, total: 10, items: [{name: 签到, points: 10, requirement: 按时签到}]},"
                   " {id: 细则乙, unit: 分, headers: {name: 考核内容, points: '分值（{=rubrics.细则乙.total}分）'}, total_row: false,"
                   " items: [{name: 研修项, rows: [{points: 3, deduction: 缺一次扣1分}, {points: 2, deduction: 迟到扣1分}]}]}]\n",
                   ["{rubric: 细则甲}", "{rubric: 细则乙}"], ["细则表", "按时签到", "合计", "考核内容", "分值（5分）", "3分", "迟到扣1分"]),
    "hours": Case(HOURS, ["{hours: sentence}"], ["每人年度参训90学时（其中专业知识60学时，公需知识30学时）。"]),
    "exemptions": Case(HOURS + "audience: {description: 全镇教师。, exemptions: [{teachers: [张三, 李四], reason: 参加省培, hours: 60, component: 专业知识}]}\n",
                       ["{exemptions: sentence}"], ["参加省培的张三、李四教师，在完成60学时的培训任务后，可免于参加本年度全员培训的专业知识培训。"]),
    "modes": Case("modes: [{name: 集中培训, description: 集中说明句}]\n", ["{modes: list}", "{modes: list, numbered: true}"],
                  ["集中培训：集中说明句"]),
    "group": Case("groups: [{id: 领导小组, members: [{role: 组长, name: 张三, post: 县教育局局长}, {role: 副组长, name: 欧阳明}, 王五],"
                  " office: {at: 县师训办, head: 王五}, duties: 统筹全县培训工作。}]\n",
                  ["{group: 领导小组}", "{group: 领导小组, style: run}", "{group: 领导小组, style: table, caption: 领导小组名单}"],
                  ["组　长：张三（县教育局局长）", "组长：张三（县教育局局长）；副组长：欧阳明；成员：王五。", "领导小组名单",
                   "办公室设在县师训办，由王五兼任办公室主任。", "统筹全县培训工作。"]),
}


def plan_text(case: Case) -> str:
    items = "".join(f"      - {b}\n" for b in case.blocks)
    return MINIMAL + case.data + "sections:\n  - title: 块\n    content:\n" + items


def docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_every_case_is_a_registered_kind():
    assert set(CASES) <= {k.tag for k in KINDS}, "a case for a kind the registry does not have"


@pytest.mark.parametrize("kind", [k.tag for k in KINDS])
def test_every_kind_validates_and_renders_its_text(kind):
    from plancc.driver.render import RenderJob, render_docx_bytes

    assert kind in CASES, f"block kind “{kind}” has no case in {Path(__file__).name}: add the data it needs, its blocks and the text they write"
    case = CASES[kind]
    report = check(plan_text(case))
    assert report.errors == 0, [f"{d.line}:{d.column} {d.code} {d.message}" for d in report.diagnostics]
    assert {block_kind(b) for b in report.plan.sections[0].content} == {kind}
    text = docx_text(render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT])))
    for wanted in case.shows:
        assert wanted in text, f"the {kind} block did not write “{wanted}”"


def _macros(source: str) -> set[str]:
    from jinja2 import nodes

    env = make_environment(template_dir("default"))
    return {m.name for m in env.parse(source).find_all(nodes.Macro)}


def test_the_default_template_has_a_macro_for_every_kind():
    source = (template_dir("default") / "blocks.xml.j2").read_text(encoding="utf-8")
    missing = [k.macro for k in KINDS if k.macro not in _macros(source)]
    assert not missing, f"templates/default/blocks.xml.j2 lacks {missing}"


def _without(tmp_path: Path, macro: str) -> Path:
    folder = tmp_path / "county"
    shutil.copytree(template_dir("default"), folder)
    path = folder / "blocks.xml.j2"
    source = path.read_text(encoding="utf-8")
    start = source.index("{% macro " + macro + "(")
    end = source.index("{% endmacro %}", start) + len("{% endmacro %}")
    path.write_text(source[:start] + source[end:], encoding="utf-8")
    assert macro not in _macros(path.read_text(encoding="utf-8"))
    return folder


@pytest.mark.parametrize("lang, words", [("zh", ["“modes”块", "block_modes", "county"]), ("en", ["'modes' block", "block_modes", "county"])])
def test_a_template_without_the_macro_for_a_kind_is_a_clear_error_not_a_blank(tmp_path, lang, words):
    folder = _without(tmp_path, "block_modes")
    report = check(plan_text(CASES["modes"]))
    with pytest.raises(LayoutError) as err:
        render_outline(report.plan, template=str(folder), lang=lang)
    for word in words:
        assert word in err.value.message
    # the kinds it still has render as before
    other = check(plan_text(CASES["hours"]))
    assert "每人年度参训90学时" in render_outline(other.plan, template=str(folder))
