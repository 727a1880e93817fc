"""plancc diff: each kind of change, paired by identity; reordering is no change; a rename is one change."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from plancc.diff.compare import compare
from plancc.load import load_text
from plancc.diff.words import summarise_all

ROOT = Path(__file__).resolve().parents[2]


def plan(name: str = "binchuan-2022") -> dict:
    """The example's data as the loader gives it (dates as text)."""
    path = ROOT / "plans" / f"{name}.yaml"
    return load_text(path.read_text(encoding="utf-8"), str(path)).data


def changes(a, b, lang="zh"):
    out = compare(a, b)
    summarise_all(out, lang)
    return out


def test_identical_plans_have_no_changes():
    assert changes(plan(), plan()) == []


@pytest.mark.parametrize("where", ["tiers", "stages", "module_sets", "phases", "assessments", "posts"])
def test_a_list_reordered_without_change_is_no_change(where):
    a, b = plan(), plan()
    b[where].reverse()
    assert changes(a, b) == []


def test_modules_reordered_inside_a_set_is_no_change():
    a, b = plan(), plan()
    b["module_sets"][0]["modules"].reverse()
    assert changes(a, b) == []


def test_a_figure_changed():
    a, b = plan(), plan()
    b["hours"]["required"] = 90
    (c,) = changes(a, b)
    assert (c.kind, c.dotted(), c.old, c.new) == ("changed", "hours.required", 72, 90)
    assert "72 → 90" in c.summary


def test_a_module_added_and_one_removed_by_name():
    a, b = plan(), plan()
    gone = b["module_sets"][0]["modules"].pop(0)
    b["module_sets"][0]["modules"].append("课堂观察与评价")
    got = {(c.kind, c.dotted()) for c in changes(a, b)}
    assert got == {("removed", f"module_sets[幼儿园新教师].modules[{gone}]"),
                   ("added", "module_sets[幼儿园新教师].modules[课堂观察与评价]")}
    summaries = [c.summary for c in changes(a, b)]
    assert any(f"“{gone}”删除" in s for s in summaries) and any("“课堂观察与评价”新增" in s for s in summaries)


def test_a_renamed_item_is_one_change_not_a_removal_and_an_addition():
    a, b = plan(), plan()
    b["assessments"][0]["components"][0]["name"] = "过程考核"
    (c,) = changes(a, b)
    assert c.kind == "changed" and c.dotted().endswith(".name")
    assert c.summary == "考核方案“分层项目”的考核组成“过程性考核”改名为“过程考核”"


def test_a_renamed_item_with_other_changes_too():
    a, b = plan(), plan()
    t = b["tiers"][1]
    t["name"], t["years"] = "发展期教师", [3, 9]
    got = sorted((c.kind, c.dotted()) for c in changes(a, b))
    assert got == [("changed", "tiers[发展期教师].name"), ("changed", "tiers[发展期教师].years")]


def test_in_a_resorted_list_a_place_pairs_nothing():
    """Reversing a catalog puts a new row where a removed one was: the two are an addition and a
    removal, and a renamed row is paired with its old self wherever it went."""
    rows = [["小学", "语文", "模块", f"第{k}讲 课堂教学中的实践研究"] for k in range(1, 7)]
    a = {"catalog": {"courses": rows}}
    new_rows = [list(r) for r in rows[:-1]]
    new_rows[0][3] = "第1讲 课堂教学中的实践探索"
    new_rows = [["初中", "数学", "模块", "新增课程"]] + new_rows[::-1]
    b = {"catalog": {"courses": new_rows}}
    got = sorted((c.kind, c.dotted()) for c in changes(a, b))
    assert got == [("added", "catalog.courses[初中·数学·模块·新增课程]"),
                   ("changed", "catalog.courses[小学·语文·模块·第1讲 课堂教学中的实践探索][4]"),
                   ("removed", "catalog.courses[小学·语文·模块·第6讲 课堂教学中的实践研究]")]


def test_an_item_moved_to_another_list_of_its_kind():
    a, b = plan(), plan()
    m = b["module_sets"][0]["modules"].pop(0)
    b["module_sets"][1]["modules"].append(m)
    (c,) = changes(a, b)
    assert c.kind == "moved" and c.dotted() == f"module_sets[幼儿园成长期教师].modules[{m}]"
    assert "从模块组“幼儿园新教师”移来" in c.summary


def test_a_phase_put_off_says_by_how_much():
    a, b = plan(), plan()
    b["phases"][5]["start"], b["phases"][5]["end"] = "2023-03-29", "2023-04-14"
    got = [c.summary for c in changes(a, b)]
    assert any("推迟两周（2023年3月15日 → 2023年3月29日）" in s for s in got), got
    assert any("推迟两周（2023年3月31日 → 2023年4月14日）" in s for s in got), got


def test_a_period_end_brought_forward_by_months():
    a, b = plan(), plan()
    b["period"]["end"] = "2023-02"
    (c,) = changes(a, b)
    assert "提前两个月" in c.summary


def test_weights_of_one_assessment_are_said_together():
    a, b = plan(), plan()
    comps = b["assessments"][0]["components"]
    comps[0]["weight"], comps[1]["weight"] = 60, 40
    got = changes(a, b)
    assert len(got) == 2
    assert got[0].summary == "考核方案“分层项目”的权重 70/30 → 60/40"
    assert got[1].extra.get("covered")


def test_a_paragraph_rewritten_lists_its_sentences():
    a, b = plan(), plan()
    p = b["sections"][0]["content"][0]
    b["sections"][0]["content"][0] = p + "各校要统筹安排。"
    (c,) = changes(a, b)
    assert c.extra["sentences"] == {"removed": [], "added": ["各校要统筹安排。"]} or c.kind == "changed"
    assert "第1段" in c.summary


def test_a_section_added_and_removed_by_title():
    a, b = plan(), plan()
    gone = b["sections"].pop(1)
    b["sections"].append({"title": "经费保障", "content": ["培训经费按规定列支。"]})
    got = {(c.kind, c.dotted()) for c in changes(a, b)}
    assert ("added", "sections[经费保障]") in got and ("removed", f"sections[{gone['title']}]") in got


def test_a_catalog_row_changed_is_paired_by_its_course():
    a, b = plan("huaibei-2022-2023"), plan("huaibei-2022-2023")
    row = b["catalog"]["courses"][3]
    row[3] = row[3] + "（修订）"
    b["catalog"]["courses"].reverse()
    got = changes(a, b)
    assert len(got) == 1 and got[0].kind == "changed", [(c.kind, c.dotted()) for c in got]


def test_a_shorthand_against_its_long_form_is_no_change():
    a, b = plan(), plan()
    m = b["module_sets"][0]["modules"][0]
    b["module_sets"][0]["modules"][0] = {"name": m}
    assert changes(a, b) == []


def test_english_summaries():
    a, b = plan(), plan()
    b["module_sets"][0]["modules"].pop(0)
    (c,) = changes(a, b, "en")
    assert "removed" in c.summary and "module" in c.summary


def test_a_theme_of_a_stage_and_tier_changed():
    a, b = plan(), plan()
    st = b["stages"][0]
    tier = next(iter(st["themes"]))
    st["themes"][tier] = "新的主题"
    (c,) = changes(a, b)
    assert c.dotted() == f"stages[{st['name']}].themes.{tier}" and c.new == "新的主题"
    assert c.summary.startswith(f"学段“{st['name']}”的{tier}")


def test_points_of_an_assessment_item_changed():
    a, b = plan("huaibei-2022-2023"), plan("huaibei-2022-2023")
    item = b["assessments"][0]["items"][0]
    old = item["points"]
    item["points"] = old - 10
    (c,) = changes(a, b)
    assert c.kind == "changed" and c.dotted().endswith(".points") and f"{old} → {old - 10}" in c.summary


def test_a_phase_added_and_one_removed():
    a, b = plan("luoerling-2024-2025"), plan("luoerling-2024-2025")
    gone = b["phases"].pop(0)
    b["phases"].append({"name": "成果展示", "start": "2025-06", "end": "2025-06", "tasks": "展示研修成果。"})
    got = {(c.kind, c.dotted()) for c in changes(a, b)}
    assert got == {("removed", f"phases[{gone['name']}]"), ("added", "phases[成果展示]")}


def test_document_title_number_and_date():
    a, b = plan(), plan()
    b["document"]["title"] = ["宾川县2023年中小学幼儿园教师继续教育", "全员培训实施方案"]
    b["document"]["date"] = "2023-03-01"
    b["document"]["number"] = "宾教发〔2023〕3号"
    got = {c.dotted(): c for c in changes(a, b)}
    assert "document.number" in got and got["document.number"].kind in ("added", "changed")
    assert "2022" not in got["document.date"].summary or "→" in got["document.date"].summary
    assert any(k.startswith("document.title") for k in got)


def test_english_module_renamed():
    a, b = plan(), plan()
    b["assessments"][0]["components"][0]["name"] = "过程考核"
    (c,) = changes(a, b, "en")
    assert c.summary == "assessment “分层项目” › assessment component “过程性考核” renamed “过程考核”"


def test_an_attachment_section_is_paired_by_its_title():
    a = {"document": {"attachments": [{"label": "附件1", "title": "表", "sections": [{"title": "说明", "content": ["甲。"]},
                                                                                    {"title": "要求", "content": ["乙。"]}]}]}}
    b = copy.deepcopy(a)
    b["document"]["attachments"][0]["sections"].reverse()
    assert changes(a, b) == []
    b["document"]["attachments"][0]["sections"][0]["content"] = ["丙。"]
    (c,) = changes(a, b)
    assert c.dotted() == "document.attachments[附件1].sections[要求].content[1]"


def test_a_renamed_stage_whose_themes_changed_too_is_one_item():
    a, b = plan(), plan()
    st = b["stages"][0]
    old_name = st["name"]
    st["name"] = old_name + "阶段"
    tier = next(iter(st["themes"]))
    st["themes"][tier] = st["themes"][tier] + "（修订）"
    got = sorted((c.kind, c.dotted()) for c in changes(a, b))
    assert got == [("changed", f"stages[{old_name}阶段].name"), ("changed", f"stages[{old_name}阶段].themes.{tier}")], got


# -- the keys of a whole list at once ---------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plancc.diff.identity import keyer, keys_of  # noqa: E402

_CELL = st.one_of(st.sampled_from(["", "初中", "数学", "x"]), st.integers(0, 3), st.none(), st.booleans())
_ROW = st.one_of(st.lists(_CELL, max_size=6), st.lists(st.sampled_from(["小学", "语文", "模块", "课"]), min_size=4, max_size=5),
                 st.dictionaries(st.sampled_from(["stage", "subject", "module", "title", "hours"]), _CELL), _CELL)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROW, max_size=8), st.sampled_from([("catalog", "courses"), ("modules",), ("phases",), ("sections",)]))
def test_keys_of_a_list_are_the_keys_of_its_items(items, path):
    key = keyer(path)
    assert keys_of(path, items) == [key(i) if key else None for i in items]


# -- renamed items: scored lazily, paired as if every candidate had been scored ---------------

from plancc.diff.compare import RENAME_LIKENESS, _candidates, _Likeness, _renamed  # noqa: E402

_NAME = st.text(alphabet="初中数学语文课程实践研究探索", min_size=0, max_size=8)
_ITEM = st.one_of(_NAME, st.fixed_dictionaries({"name": _NAME}, optional={"hours": st.integers(0, 3), "note": _NAME}))


def _renamed_by_sorting(path, a, b, lone_old, lone_new):
    likeness = _Likeness(path, a, b)
    scored = sorted(((likeness(i, j), i, j) for i, j in _candidates(a, b, lone_old, lone_new)), reverse=True)
    taken_old, taken_new, pairs = set(), set(), []
    for score, i, j in scored:
        if score < RENAME_LIKENESS:
            break
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((i, j))
    return pairs


@settings(max_examples=300, deadline=None)
@given(st.lists(_ITEM, min_size=1, max_size=9), st.lists(_ITEM, min_size=1, max_size=9),
       st.sampled_from([("phases",), ("catalog", "courses"), ("stages",)]))
def test_renamed_pairs_are_those_of_scoring_every_candidate(a, b, path):
    lone_old, lone_new = list(range(len(a))), list(range(len(b)))
    assert _renamed(path, a, b, lone_old, lone_new) == _renamed_by_sorting(path, a, b, lone_old, lone_new)


def test_the_bound_of_a_likeness_is_never_below_it():
    a = ["初中数学实践研究", {"name": "课程", "note": "实践研究"}]
    b = ["初中数学实践探索", {"name": "课程", "note": "研究实践"}]
    likeness = _Likeness(("phases",), a, b)
    for i in range(2):
        for j in range(2):
            assert likeness(i, j, bound=True) >= likeness(i, j)
    assert likeness(1, 1, bound=True) > likeness(1, 1)  # the same characters in another order
