"""plancc show: each table carries the plan's figures."""

import os
import subprocess
import sys
import textwrap

from click.testing import CliRunner

from plancc.cli.main import cli
from plancc.load import load_text
from plancc.model.build import build_plan
from plancc.report import tables

PLAN = textwrap.dedent("""\
    plancc: 1
    document: {title: 测试县2024年教师全员培训实施方案}
    period: {start: 2024-08, end: 2025-06}
    hours:
      required: 90
      offered: 180
      components:
        - {name: 专业知识, hours: 60, at_least: true}
        - {name: 公需知识, hours: 20}
    tiers:
      - {name: 新教师, years: [1, 2]}
      - {name: 成长期教师, years: [3, 8]}
    stages:
      - name: 学前教育
        themes: {新教师: 基本功, 成长期教师: null}
    module_sets:
      - {id: 幼儿园新教师, stage: 学前教育, tier: 新教师, modules: [师德养成, 政策解读], total_hours: 100, module_count: 3}
    catalog:
      courses:
        - [通识, "", 师德素养, 教师法]
        - [初中, 语文, 高效课堂, 习作教学]
        - [初中, 语文, 高效课堂, 名著阅读]
    phases:
      - {name: 暑假研修, start: 2024-07, end: 2024-09, form: 集中+远程}
      - {name: 总结, due: 2025-06-15}
    assessments:
      - id: 分层项目
        components:
          - {name: 过程性考核, weight: 70, points: 70}
          - {name: 在线考试, weight: 20, points: 100}
        pass_mark: 60
    evaluations:
      - id: 班级辅导者
        items:
          - {category: 过程性评价, indicator: 集中培训, weight: 60}
          - {category: 过程性评价, indicator: 主持工作坊, sub: 学情统计, weight: 40}
""")


def plan():
    p, diags = build_plan(load_text(PLAN, "p.yaml"))
    assert p is not None, diags
    return p


def col(t, key, totals=False):
    """The values of column ``key`` (the rows, or the totals)."""
    i = [c.key for c in t.columns].index(key)
    return [r[i] for r in (t.totals if totals else t.rows)]


def test_hours_table_shows_ratio_and_a_broken_sum():
    t = tables.hours_table(plan(), "zh")
    assert col(t, "value")[:3] == [90, 60, 20]
    offered = col(t, "item").index("平台提供")
    assert col(t, "value")[offered] == 180 and "2.00 倍" in col(t, "note")[offered]
    assert col(t, "value", totals=True) == [80] and "90" in col(t, "note", totals=True)[0] and t.bad == {0}


def test_themes_table_has_themes_and_module_hours_per_pair():
    t = tables.themes_table(plan(), "zh")
    assert list(zip(col(t, "tier"), col(t, "theme"), col(t, "modules"), col(t, "hours"))) == [
        ("新教师", "基本功", 2, 100), ("成长期教师", None, None, None)]


def test_modules_table_flags_a_stated_count_that_differs():
    t = tables.modules_table(plan(), "zh")
    assert col(t, "count") == [2] and col(t, "declared") == [3]


def test_catalog_table_counts_courses_by_stage_and_subject():
    t = tables.catalog_table(plan(), "zh")
    assert list(zip(col(t, "stage"), col(t, "subject"), col(t, "courses"))) == [("通识", "（通识）", 1), ("初中", "语文", 2)]
    assert col(t, "courses", totals=True) == [3]


def test_phases_table_has_durations_and_flags_phases_outside_the_period():
    t = tables.phases_table(plan(), "zh")
    assert col(t, "days")[0] == 31 + 31 + 30  # 2024-07-01 … 2024-09-30
    assert col(t, "note") == ["超出培训时间", None]
    assert "超出培训时间" in col(t, "when")[0]


def test_assessment_weights_are_totalled():
    p = plan()
    c = tables.components_table(p, "zh")
    assert col(c, "weight", totals=True) == [90] and c.bad == {0}
    e = tables.evaluations_table(p, "zh")
    assert col(e, "weight", totals=True) == [100] and not e.bad
    assert col(tables.assessments_table(p, "zh"), "pass_mark") == [60]


def test_show_command_prints_every_table(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(f)])
    assert result.exit_code == 0, result.output
    for title in ("学时", "学段 × 层次", "模块组", "课程目录", "进度安排", "考核组成：分层项目", "评价指标：班级辅导者"):
        assert title in result.output


def test_show_on_a_broken_plan_prints_diagnostics_and_exits_1(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("plancc: 1\ndocument: {titel: x}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(f)])
    assert result.exit_code == 1 and "PL101" in result.output


def test_square_brackets_in_names_are_text_not_markup(tmp_path):
    from click.testing import CliRunner

    from plancc.cli.main import cli

    plan = tmp_path / "p.yaml"
    plan.write_text('plancc: 1\ndocument: {title: "[red]测试[/red]县2024年教师全员培训实施方案"}\n'
                    'phases:\n  - {name: "[bold]启动[/bold]", start: 2024-02, end: 2024-03}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(plan)])
    assert "[red]测试[/red]" in result.output and "[bold]启动[/bold]" in result.output


def test_show_facts_lists_every_reference_name_with_its_value(tmp_path):
    from click.testing import CliRunner

    from plancc.cli.main import cli

    plan = tmp_path / "p.yaml"
    plan.write_text("plancc: 1\ndocument: {title: 测试县2024年教师全员培训实施方案}\nhours: {required: 72, offered: 100}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(plan), "--facts"])
    assert result.exit_code == 0, result.output
    assert "{=hours.required}" in result.output and "72" in result.output


def test_groups_table_names_each_group_its_head_count_and_office():
    p, diags = build_plan(load_text(textwrap.dedent("""\
        plancc: 1
        document: {title: 测试县2024年教师全员培训实施方案}
        groups:
          - id: 领导小组
            kind: leadership
            members: [{role: 组长, name: 张三}, {role: 副组长, name: 李四}, 王五]
            office: {at: 县师训办, head: 王五}
          - id: 辅导者
            kind: tutors
            members: [甲老师, 乙老师]
        """), "p.yaml"))
    assert p is not None, diags
    t = tables.groups_table(p, "zh")
    assert [r for r in t.rows] == [["领导小组", "领导小组", "张三", 3, "县师训办（主任 王五）"], ["辅导者", "辅导者团队", None, 2, None]]
    assert tables.groups_table(plan(), "zh") is None


def test_show_lists_figures_with_their_parts_and_references():
    from plancc.docs import EXAMPLES

    r = subprocess.run([sys.executable, "-m", "plancc", "show", str(EXAMPLES / "01-breakdowns.yaml")], capture_output=True,
                       text=True, timeout=60, env={**os.environ, "COLUMNS": "160"})
    assert r.returncode == 0, r.stderr
    assert "{=figures.参训人数.硕士}" in r.stdout and "不少于" in r.stdout and "每周期" in r.stdout
    assert "{=figures.周期学时.专业}" not in r.stdout  # no figure to cite: its parts are floors
