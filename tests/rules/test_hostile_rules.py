"""Every rule is linear in the size of the plan: hostile text and long lists finish quickly.

Each rule is fed a plan whose strings (prose, title, table cells, phase tasks,
document numbers) hold 1 MB built from the patterns the rules' regular
expressions use, and a plan with 10,000 items in every list; each rule must
finish in under a second. The strings are chosen to make a backtracking regex
or a pairwise loop show itself (long runs of digits and Chinese numerals,
unclosed brackets, repeated separators, `{=` without its `}`, `**` without its
partner...).
"""

from __future__ import annotations

import re
import time

import pytest

from plancc.check.context import Context
from plancc.check.registry import all_rules
from plancc.load import load_text
from plancc.model.plan import Plan

MB = 1_000_000
LIMIT = 1.0  # CPU seconds per rule

# one hostile unit per pattern; each is repeated up to 1 MB
UNITS = {
    "digits": "1",
    "cn-numerals": "一",
    "cn-units": "两百",
    "numeral-space": "三 ",
    "count-no-noun": "三个",
    "counts": "三个模块",
    "enumeration": "甲、",
    "enumeration-count": "甲、乙和三个阶段",
    "and-run": "和",
    "total": "共 1",
    "totals": "共100学时",
    "year-run": "2024",
    "year-blank": "20_",
    "year-x": "20x",
    "open-bracket": "〔",
    "open-paren": "（ ",
    "ascii-paren": "( ",
    "square": "[ ",
    "bracket-year": "〔2024",
    "doc-number": "教〔2024〕1",
    "underscores": "_",
    "xx": "X",
    "times": "×",
    "stars": "*",
    "bold-open": "**a",
    "ref-open": "{=",
    "ref-name": "{=a:b",
    "half-width": ",中",
    "han-paren": "(中",
    "attachment": "附件",
    "attachment-n": "附件9",
    "spaces": " ",
    "fullwidth-space": "\u3000",
    "pending": "待",
    "some": "某",
}


# what follows the run: the characters the patterns wait for after it (a noun, a closing bracket, 号)
TAIL = "个x学时x〕x号x】x）x)x]x}x**x"
# runs that only matter behind a prefix (the parts of a 文号)
PREFIXED = {
    "seq-zeros": ("教〔2024〕", "0"),
    "seq-digits": ("教〔2024〕", "1"),
    "seq-spaces": ("教〔2024〕", " "),
    "org-spaces": ("教", " "),
    "org-spaces-year": ("教", " 〔2024"),
    "digits-count": ("", "12"),
}


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _hostile(name: str, size: int) -> str:
    prefix, unit = PREFIXED.get(name, ("甲", UNITS.get(name, "")))  # 甲: never blank, so the plan is valid
    return prefix + _fill(unit, size - len(prefix) - len(TAIL)) + TAIL


def _context(data: dict) -> Context:
    loaded = load_text("plancc: 1\n", "hostile.yaml")
    loaded.data = data
    plan = Plan.model_validate(data)
    return _warm(Context(plan, loaded))


def _text_plan(name: str) -> dict:
    """A small plan whose every string a rule reads holds the hostile text (1 MB in all)."""
    part = _hostile(name, MB // 8)
    return {
        "plancc": 1,
        "document": {"title": part, "number": part, "basis": [{"title": part, "number": part}],
                     "attachments": [{"label": "附件1", "title": "报名表"}]},
        "period": {"year": 2024, "start": "2024-03", "end": "2024-12"},
        "phases": [{"name": "启动", "due": "2024-04", "tasks": part}],
        "module_sets": [{"id": "新教师", "modules": ["师德", "班级管理"]}],
        "sections": [{"title": "内容", "content": [part, {"table": {"columns": ["项目", "说明"], "rows": [[part, part]]}},
                                                 {"phases": "staged"}, {"module_sets": ["新教师"]}]}],
    }


N = 10_000


def _list_plan() -> dict:
    """A plan with 10,000 items in every list, names clashing and references missing."""
    return {
        "plancc": 1,
        "document": {"title": "测试县2024年教师全员培训实施方案", "number": "测教〔2024〕1号",
                     "basis": [{"title": f"文件{i}", "number": f"教〔2024〕{i % 7}号"} for i in range(N)],
                     "attachments": [{"label": f"附件{i % 5000 + 1}", "title": f"表{i}"} for i in range(N)]},
        "period": {"year": 2024, "start": "2024-03", "end": "2024-12"},
        "hours": {"required": 90, "components": [{"name": f"组成{i % 5000}", "hours": 1} for i in range(N)]},
        "audience": {"description": "全体教师。", "exemptions": [{"teachers": ["甲"], "hours": 200, "component": f"组{i}"} for i in range(N)]},
        "tiers": [{"name": f"层次{i % 5000}", "years": [i % 55, i % 55 + 3]} for i in range(N)],
        "stages": [{"name": f"学段{i % 5000}", "themes": {f"层次{i % 7}": "主题", f"层次x{i}": "主题"}} for i in range(N)],
        "posts": [{"name": f"岗位{i % 5000}"} for i in range(N)],
        "module_sets": [{"id": f"组{i % 5000}", "stage": f"学段y{i}", "tier": f"层次y{i}", "modules": [f"模块{i % 3}", f"模块{i % 3}"]}
                        for i in range(N)],
        "assessments": [{"id": f"考核{i % 5000}", "total": 100, "pass_mark": 90, "excellent_mark": 85,
                         "items": [{"name": "项", "points": 50, "minimum": 60}] * 3} for i in range(N)],
        "phases": [{"name": f"阶段{i}", "start": f"2024-{12 - i % 12:02d}", "end": "2024-12",
                    "tasks": [f"第{i}项任务，共三个阶段、附件{i}。"]} for i in range(N)],
        "catalog": {"module_set": "组1", "courses": [["初中", "语文", f"模块{i % 50}", f"课程{i % 5000}"] for i in range(N)]},
        "sections": [{"title": f"节{i}", "content": [f"设置三个模块，共{i}学时，见附件{i}、{{=x{i}}}、XX县、20__年。",
                                                     {"module_sets": [f"组x{i}"]}, {"assessment": f"考核x{i}"}, {"phases": "staged"},
                                                     {"themes": "table"}]} for i in range(N)],
    }


def _warm(ctx: Context) -> Context:
    """Build what the context shares between rules (the list of strings, the figures) before timing."""
    ctx.prose()
    ctx.prose_matching(re.compile("x"))
    ctx.facts
    return ctx


def _time(rule, ctx) -> float:
    """CPU seconds of this process: other work on the machine (parallel tests) does not count,
    and a super-linear rule on a megabyte takes minutes either way."""
    start = time.process_time()
    for _ in rule.run(ctx):
        pass
    return time.process_time() - start


RULES = all_rules()


@pytest.fixture(scope="module")
def list_context():
    return _context(_list_plan())


@pytest.mark.parametrize("name", sorted(UNITS) + sorted(PREFIXED))
def test_every_rule_is_fast_on_a_megabyte_of_hostile_text(name):
    ctx = _context(_text_plan(name))
    slow = {}
    for rule in RULES:
        took = _time(rule, ctx)
        if took > LIMIT:
            slow[rule.code] = round(took, 2)
    assert not slow, f"{name}: {slow}"


def test_every_rule_is_fast_on_ten_thousand_items(list_context):
    slow = {}
    for rule in RULES:
        took = _time(rule, list_context)
        if took > LIMIT:  # the first rule to touch a plan of 10,000 items pays for its cold start: time it again
            took = min(took, _time(rule, list_context))
        if took > LIMIT:
            slow[rule.code] = round(took, 2)
    assert not slow, slow


# -- the linear enumeration count agrees with the plain one it replaced ------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plancc.check.rules.prose.counts import _Clauses  # noqa: E402


def _enumerated_by_splitting(before: str) -> int:
    """The earlier definition: split the clause before the count, then its last item on 和/及/与."""
    clause = re.split(r"[，。；：！？,;:!?（）()“”\n]", before)[-1]
    clause = re.sub(r"等\s*$", "", clause)
    if "、" not in clause:
        return 0
    parts = clause.split("、")
    parts[-1:] = [p for p in re.split(r"和|及|与|以及", parts[-1]) if p]
    return len(parts)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="甲乙、和及与以等 ，。\n三", max_size=30))
def test_enumeration_count_matches_the_splitting_definition(text):
    clauses = _Clauses(text)
    for pos in range(len(text) + 1):  # counts start at a numeral (三) or the end
        if pos < len(text) and text[pos] != "三":
            continue
        assert clauses.enumerated(pos) == _enumerated_by_splitting(text[:pos]), (text, pos)
