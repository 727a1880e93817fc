"""Rubric tables as plans print them (their own headers, units, items of several rows under one
merged cell, an optional total row), tier lists, and module sets printed in 必学/选学 parts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from lxml import etree

from plancc.layout import render_outline
from plancc.layout.outline import OutlineError, parse_outline
from plancc.model.facts import plan_facts
from tests.helpers import MINIMAL, ROOT, check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

RUBRIC = MINIMAL + """\
rubrics:
  - id: 校本研修
    caption: 校本研修考核细则
    total: 20
    unit: 分
    headers: {name: 考核内容, points: "分值（{=rubrics.校本研修.total}分）", requirement: 要求, deduction: 评分办法}
    items:
      - name: 集中研修
        points: 8
        rows:
          - {points: 4, requirement: 按时参加集中研修, deduction: 缺一次扣1分}
          - {points: 4, requirement: 提交研修日志, deduction: 少一篇扣2分}
      - name: 课例研修
        points: 8
        rows:
          - {requirement: 上一节研究课}
          - {requirement: 写一篇教学反思}
      - {name: 研修总结, points: 4, requirement: 提交个人研修总结, deduction: 未提交不得分}
sections:
  - title: 考核
    content:
      - {rubric: 校本研修}
"""


def _docx(text: str) -> bytes:
    from plancc.driver.render import RenderJob, render_docx_bytes

    report = check(text)
    assert report.errors == 0, [(d.code, d.message) for d in report.diagnostics]
    return render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT]))


def _grid(data: bytes) -> list[list[tuple[str, str | None]]]:
    """The first table of the .docx read back: each row's cells as (text, vMerge value or None)."""
    import zipfile

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    rows = []
    for tr in root.iter(W + "tbl").__next__().iter(W + "tr"):
        row = []
        for tc in tr.iter(W + "tc"):
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            row.append(("".join(t.text or "" for t in tc.iter(W + "t")),
                        None if vm is None else (vm.get(W + "val") or "continue")))
        rows.append(row)
    return rows


def test_a_rubric_prints_its_headers_units_and_merged_item_cells_in_the_docx():
    rows = _grid(_docx(RUBRIC))
    assert [t for t, _ in rows[0]] == ["考核内容", "分值（20分）", "要求", "评分办法"]
    # 集中研修: the item cell spans its two rows, each row keeps its own points
    assert rows[1][:2] == [("集中研修", "restart"), ("4分", None)]
    assert rows[2][:2] == [("", "continue"), ("4分", None)]
    # 课例研修: its rows carry no points, so its points cell spans them too
    assert rows[3][:3] == [("课例研修", "restart"), ("8分", "restart"), ("上一节研究课", None)]
    assert rows[4][:3] == [("", "continue"), ("", "continue"), ("写一篇教学反思", None)]
    assert rows[5][:2] == [("研修总结", None), ("4分", None)]
    assert [t for t, _ in rows[6]] == ["合计", "20分", "", ""]


def test_a_rubric_without_a_total_row_ends_with_its_last_item_and_the_total_is_still_a_fact():
    text = RUBRIC.replace("    total: 20\n", "    total_row: true\n    total_label: 总分\n")
    rows = _grid(_docx(text))
    assert rows[-1][0] == ("研修总结", None)  # no stated total, no total row: as before
    assert rows[0][1][0] == "分值（20分）"  # the header's figure is the items' sum
    rows = _grid(_docx(RUBRIC.replace("    total: 20\n", "    total: 20\n    total_row: false\n")))
    assert rows[-1][0] == ("研修总结", None)
    rows = _grid(_docx(RUBRIC.replace("    total: 20\n", "    total: 20\n    total_label: 总分\n")))
    assert rows[-1][0] == ("总分", None)


def test_columns_without_content_are_left_out_and_defaults_are_todays_headers():
    text = MINIMAL + ("rubrics: [{id: 甲, total: 5, items: [{name: 签到, points: 5, requirement: 按时签到}]}]\n"
                      "sections:\n  - title: 考核\n    content:\n      - {rubric: 甲}\n")
    rows = _grid(_docx(text))
    assert [t for t, _ in rows[0]] == ["项目", "分值", "要求"]
    assert [t for t, _ in rows[1]] == ["签到", "5", "按时签到"]


def test_an_item_of_one_row_without_points_prints_the_items_points():
    text = MINIMAL + ("rubrics: [{id: 甲, items: [{name: 签到, points: 5, rows: [{requirement: 按时签到}]}]}]\n"
                      "sections:\n  - title: 考核\n    content:\n      - {rubric: 甲}\n")
    assert [t for t, _ in _grid(_docx(text))[1]] == ["签到", "5", "按时签到"]


def test_rubric_facts_count_rows_when_an_item_states_no_points():
    plan = check(RUBRIC.replace("        points: 8\n        rows:\n          - {points: 4", "        rows:\n          - {points: 4", 1)).plan
    f = plan_facts(plan)
    assert f["rubrics.校本研修.items.集中研修.points"] == 8
    assert f["rubrics.校本研修.items.count"] == 3
    assert f["rubrics.校本研修.total"] == 20


@pytest.mark.parametrize("item, words", [
    ("{name: 空项}", ["空项", "points"]),
    ("{name: 混写, requirement: 要求, rows: [{points: 2}]}", ["混写", "rows"]),
])
def test_a_rubric_item_needs_points_and_keeps_its_text_on_its_rows(item, words):
    report = check(MINIMAL + f"rubrics: [{{id: 甲, items: [{item}]}}]\n")
    found = [d for d in report.diagnostics if d.code == "PL104"]
    assert len(found) == 1 and found[0].line == 4, [(d.code, d.message) for d in report.diagnostics]
    for w in words:
        assert w in found[0].message


def test_merge_up_without_a_cell_above_is_an_outline_error():
    with pytest.raises(OutlineError):
        parse_outline('<document><table name="t"><col title="a"/><row><cell merge="up">x</cell></row></table></document>')
    doc = parse_outline('<document><table name="t"><col title="a"/><col title="b"/>'
                        '<row><cell>甲</cell><cell>1</cell></row><row><cell merge="up"/><cell>2</cell></row></table></document>')
    table = next(b for b in doc.blocks if hasattr(b, "rows"))
    assert [c.vmerge for c in (table.rows[0][0], table.rows[1][0], table.rows[1][1])] == ["restart", "continue", None]


TIERS = MINIMAL + """\
tiers:
  - {name: 新教师, years: [1, 2]}
  - {name: 成长期教师, years: [3, 8]}
  - {name: 成熟期教师, years: [9, 14]}
  - {name: 提升期教师, years: [15, null]}
sections:
  - title: 层次
    content:
      - {tiers: sentence, lead: 每个阶段分为, ending: "{=tiers.count:cn}个不同层次。"}
      - {tiers: list, numbered: false}
"""


def test_tiers_print_as_the_seed_names_them():
    xml = render_outline(check(TIERS).plan)
    assert ("每个阶段分为新教师（教龄1-2年）、成长期教师（教龄3-8年）、成熟期教师（教龄9-14年）、"
            "提升期教师（教龄15年以上）四个不同层次。") in xml
    assert '<list numbered="0">' in xml and "<li>提升期教师（教龄15年以上）</li>" in xml


def test_a_count_beside_a_tier_list_is_checked_against_the_tiers():
    report = check(TIERS.replace("      - {tiers: list, numbered: false}\n", "      - 全县教师分三个层次参训。\n"))
    assert "PL801" in [d.code for d in report.diagnostics]


PARTS = MINIMAL + """\
hours: {required: 50}
module_sets:
  - id: 公需科目
    compulsory: true
    modules:
      - {name: 师德师风, hours: 10, description: 学习教师职业行为准则。}
      - {name: 心理健康, hours: 20}
  - id: 专业科目
    label: 专业科目（任选）
    compulsory: false
    modules: [{name: 学科教学, hours: 30}, {name: 信息技术, hours: 20}]
  - id: 其他
    modules: [{name: 班级管理, hours: 8, compulsory: true}, 家校沟通]
sections:
  - title: 培训内容
    content:
      - 共{=module_sets.compulsory.count:cn}个必学部分，必学模块{=modules.compulsory.count}个共{=modules.compulsory.hours}学时；选学模块{=modules.elective.count}个共{=modules.elective.hours}学时。
      - {module_sets: [公需科目, 专业科目, 其他], style: parts, compulsory_word: 必修, elective_word: 选修}
"""


def test_module_parts_print_numbered_part_headings_with_their_kind():
    xml = render_outline(check(PARTS).plan)
    assert '<section title="第一部分：（必修）公需科目" numbered="0">' in xml
    assert '<section title="第二部分：（选修）专业科目（任选）" numbered="0">' in xml
    assert '<section title="第三部分：其他" numbered="0">' in xml  # a set not marked has no kind
    assert "<li>师德师风（10学时）：学习教师职业行为准则。</li>" in xml and "<li>家校沟通</li>" in xml
    assert "共一个必学部分，必学模块3个共38学时；选学模块2个共50学时。" in xml


def test_compulsory_hours_are_not_a_fact_when_a_compulsory_module_has_none():
    f = plan_facts(check(PARTS.replace("{name: 班级管理, hours: 8, compulsory: true}", "{name: 班级管理, compulsory: true}")).plan)
    assert "modules.compulsory.hours" not in f and f["modules.compulsory.count"] == 3
    assert f["module_sets.elective.count"] == 1


@pytest.mark.pdf
@pytest.mark.skipif(not (__import__("shutil").which("soffice") or __import__("shutil").which("libreoffice")), reason="LibreOffice missing")
@pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="poppler-utils missing")
def test_the_worked_example_keeps_every_character_and_prints_a_merged_item_once_in_the_pdf(tmp_path):
    import subprocess

    from plancc.docs import EXAMPLES
    from tests.emit.test_pdf_keeps_text import _lost, _render_pdf

    docx, pdf = _render_pdf(EXAMPLES / "10-rubrics-and-parts.yaml", tmp_path / "ex.docx")
    assert _lost(docx, pdf) == {}
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [re.sub(r"\s", "", line) for line in text.splitlines()]
    # the merged cells print once, on the item's first row
    assert [line for line in lines if line.startswith("集中研修")] == ["集中研修"]
    # (centred vertically over its two rows, on a line of its own)
    assert sum(line.count("8分") for line in lines) == 1 and "课例研修8分" in lines
    assert "第一部分：（必学）通识课程" in lines and "第二部分：（选学）学科课程" in lines
    assert not any("合计" in line for line in lines)  # total_row: false
