"""Numbering follows the plan: a section's own form, its sibling's, else the rung after its parent's;
one count per run of siblings, set by number_from; forms beyond ① are distinct; too deep is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancc.layout.outline import OutlineError, parse_outline
from plancc.text.ladder import rung_of
from tests.helpers import MINIMAL, ROOT, check
from tests.layout.test_block_kinds import docx_text


def _heads(xml: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in parse_outline(f"<document>{xml}</document>").blocks if hasattr(b, "kind")]


# ------------------------------------------------------------------ the outline
def test_a_section_in_a_lower_form_makes_its_children_the_rung_after_it():
    # “1.” directly under “一、” (a real plan skipping （一））: its children are （1）, in heading styles of their form
    assert _heads(
        '<section title="培训目标"><section title="师德" numbering="1."><section title="细目"/></section>'
        '<section title="能力"/></section><section title="培训内容"><section title="主题"/></section>'
    ) == [
        ("heading1", "一、培训目标"), ("heading3", "1.师德"), ("heading4", "（1）细目"), ("heading3", "2.能力"),
        ("heading1", "二、培训内容"), ("heading2", "（一）主题"),
    ]


def test_number_from_sets_the_count_and_the_siblings_after_it_count_on():
    assert [t for _, t in _heads(
        '<section title="A"/><section title="B"><section title="续" numbering="（一）" number-from="2"/>'
        '<section title="再续"/></section><section title="C" number-from="5"/><section title="D"/>'
    )] == ["一、A", "二、B", "（二）续", "（三）再续", "五、C", "六、D"]


def test_unnumbered_sections_hold_their_rung_and_do_not_count():
    assert _heads(
        '<section title="安排"><section title="第一阶段" numbered="0"><section title="任务"/></section>'
        '<section title="总结"/></section>'
    ) == [("heading1", "一、安排"), ("heading2", "第一阶段"), ("heading3", "1.任务"), ("heading2", "（一）总结")]


def test_deeper_levels_have_distinct_forms_and_stop_at_the_seventh():
    xml = "".join(f'<section title="L{i}">' for i in range(1, 8)) + "</section>" * 7
    numbers = [t[: -2] for _, t in _heads(xml)]
    assert numbers == ["一、", "（一）", "1.", "（1）", "①", "A.", "a."]
    with pytest.raises(OutlineError) as err:
        parse_outline("<document>" + "".join(f'<section title="L{i}">' for i in range(1, 9)) + "</section>" * 8 + "</document>")
    assert "L8" in err.value.words() and "7 层" in err.value.words() and "a." in err.value.words()
    with pytest.raises(OutlineError) as err:
        parse_outline('<document><section title="x" numbering="a."><list><li>深项</li></list></section></document>')
    assert "深项" in err.value.words() and "numbering" in err.value.words()


def test_an_unknown_form_in_the_outline_is_a_clear_error():
    with pytest.raises(OutlineError) as err:
        parse_outline('<document><section title="x" numbering="1、"/></document>')
    assert "（一）" in err.value.words()


@pytest.mark.parametrize("written, rung", [("一、", 1), ("(一)", 2), ("（一)", 2), ("1．", 3), ("１．", 3), ("(1)", 4),
                                           ("①", 5), ("A．", 6), ("a.", 7), ("1、", None), ("（二）", None), ("", None)])
def test_width_variants_name_the_same_form(written, rung):
    assert rung_of(written) == rung


# ------------------------------------------------------------------ the plan
def _plan(sections: str) -> str:
    return MINIMAL + "sections:\n" + sections


def _rendered(sections: str) -> list[str]:
    from plancc.driver.render import RenderJob, render_docx_bytes

    report = check(_plan(sections))
    assert report.errors == 0, [d.message for d in report.diagnostics]
    text = docx_text(render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT])))
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[1:]


def test_the_plans_numbering_reaches_the_document_and_lists_follow_the_ladder():
    lines = _rendered(
        "  - title: 组织管理\n"
        "    sections:\n"
        "      - title: 加强领导\n"
        "        numbering: 1.\n"  # unquoted: YAML reads the number 1.0, which means the form 1.
        "        content:\n"
        "          - items: [建立制度, 落实责任]\n"
        "          - {numbering: ①, items: [按原文]}\n"
        "      - title: 强化考核\n"
        "  - title: 保障措施\n"
        "    sections:\n"
        "      - title: 接着上一节\n"
        "        numbering: (一)\n"
        "        number_from: 3\n"
    )
    assert lines == ["一、组织管理", "1.加强领导", "（1）建立制度", "（2）落实责任", "①按原文", "2.强化考核",
                     "二、保障措施", "（三）接着上一节"]


def _diagnostics(sections: str, code: str):
    report = check(_plan(sections))
    return [d for d in report.diagnostics if d.code == code]


@pytest.mark.parametrize("written, says", [
    ("1、", ("“1、”", "下脚点", "“1.”")),
    ("（二）", ("第一个编号“（一）”", "number_from: 2")),
    ("3.", ("“1.”", "number_from: 3")),
    ("⑤", ("“①”", "number_from: 5")),
    ("一.", ("一、 （一） 1. （1） ① A. a.",)),
])
def test_a_wrong_form_is_a_located_error_naming_the_forms(written, says):
    found = _diagnostics(f"  - title: 目标\n    numbering: \"{written}\"\n", "PL104")
    assert len(found) == 1
    d = found[0]
    assert (d.line, d.column, d.path) == (6, 16, "sections[0].numbering")
    for words in says:
        assert words in d.message, d.message


def test_an_unnumbered_section_cannot_choose_a_form():
    found = _diagnostics("  - title: 目标\n    numbered: false\n    number_from: 2\n", "PL104")
    assert [(d.line, d.path) for d in found] == [(7, "sections[0].number_from")]
    assert "numbered: false" in found[0].message


def test_nesting_deeper_than_the_ladder_is_a_located_error():
    deep = "".join("  " * (2 * i) + f"  - title: 第{i + 1}层\n" + "  " * (2 * i) + "    sections:\n" for i in range(7))
    deep += "  " * 14 + "  - title: 第八层\n"
    found = _diagnostics(deep, "PL104")
    assert len(found) == 1 and "第 8 层" in found[0].message and "a." in found[0].message
    assert found[0].path == "sections[0]" + ".sections[0]" * 7 + ".title" and found[0].line == 4 + deep.count("\n")
    # an explicit form counts from where it stands: a list under “（1）” is ①, under “a.” there is none
    ok = "  - title: 甲\n    numbering: （1）\n    content:\n      - items: [乙]\n"
    assert _diagnostics(ok, "PL104") == []
    bad = "  - title: 甲\n    numbering: a.\n    content:\n      - items: [乙]\n"
    assert [d.path for d in _diagnostics(bad, "PL104")] == ["sections[0].content[0]"]


def test_a_run_of_siblings_in_a_skipping_form_is_reported_once():
    found = _diagnostics(
        "  - title: 内容\n    sections:\n      - title: 甲\n        numbering: 1.\n      - title: 乙\n        numbering: 1.\n"
        "      - title: 丙\n", "PL813")
    assert [d.path for d in found] == ["sections[0].sections[0].numbering"]
    assert "跳过了 （一）" in found[0].message and "ignore[PL813]" in found[0].message


def test_a_modes_block_numbers_its_entries_in_its_own_form():
    data = "modes: [{name: 网络研修, description: 在线学习。}, {name: 集中培训, description: 分批组织。}]\n"
    report = check(data + _plan("  - title: 培训方式\n    content:\n      - {modes: list, numbered: true, numbering: \"1.\"}\n"))
    assert report.errors == 0
    from plancc.driver.render import RenderJob, render_docx_bytes

    text = docx_text(render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT])))
    assert "1.网络研修：在线学习。" in text and "2.集中培训：分批组织。" in text
    found = [d for d in check(data + _plan("  - title: 培训方式\n    content:\n      - {modes: list, numbered: true, numbering: \"1、\"}\n")).diagnostics
             if d.code == "PL104"]
    assert len(found) == 1 and "numbering" in found[0].path
