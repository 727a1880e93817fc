"""Policy pack (off by default): national floors on hours, as parameters.

Switched on with ``[policy] enabled = true`` in plancc.toml; a province that
requires 90 学时 a year changes ``annual_hours``, not the code. The defaults
are the national figures (教师〔2011〕1号: 360 学时 per five years, of which
school-based ≥ 120; new teachers ≥ 120 学时 in the probation year; 班主任 ≥ 30).
"""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.errors import Worded
from plancc.check.rules._util import EPS, n


def _below(ctx, path, value, key, what: Worded):
    """A finding when ``value`` is below the floor ``[policy] key`` (ctx.policy, a PolicySettings; None: not checked)."""
    floor = getattr(ctx.policy, key)
    if value is not None and floor is not None and value < floor - EPS:
        yield Finding(path, {"what": what, "value": n(value), "floor": n(floor), "param": key})


_MESSAGE = "{what}为 {value} 学时，低于政策要求的 {floor} 学时（[policy] {param}）"
_MESSAGE_EN = "{what} is {value} hours, below the policy floor of {floor} ([policy] {param})"


@rule(
    "PL901",
    "annual-hours-floor",
    family="policy",
    policy=True,
    title="年度学时低于政策下限",
    title_en="annual hours below the policy floor",
    message=_MESSAGE,
    message_en=_MESSAGE_EN,
    doc_en="""
    The annual requirement (`hours.required`) must reach the policy floor, nationally 72 学时
    (360 per five-year cycle); set `annual_hours` under `[policy]` for a province's figure.
    """,
)
def annual_hours_floor(ctx):
    """
    年度要求学时（`hours.required`）不能低于政策下限，全国标准为每年 72 学时（五年 360 学时）；省里另有规定时在 `[policy]` 中设置 `annual_hours`。
    """
    h = ctx.plan.hours
    if h:
        yield from _below(ctx, ("hours", "required"), h.required, "annual_hours", Worded("policy.what.annual"))


@rule(
    "PL902",
    "cycle-hours-floor",
    family="policy",
    policy=True,
    title="周期总学时低于政策下限",
    title_en="cycle hours below the policy floor",
    message=_MESSAGE,
    message_en=_MESSAGE_EN,
    doc_en="""
    A cycle's total (`period.cycle.total_hours`) must reach the policy floor, nationally 360 学时 per
    five years (`cycle_hours`).
    """,
)
def cycle_hours_floor(ctx):
    """
    周期总学时（`period.cycle.total_hours`）不能低于政策下限，全国标准为每五年 360 学时（`cycle_hours`）。
    """
    p = ctx.plan.period
    if p and p.cycle:
        yield from _below(ctx, ("period", "cycle", "total_hours"), p.cycle.total_hours, "cycle_hours", Worded("policy.what.cycle"))


@rule(
    "PL903",
    "school-based-floor",
    family="policy",
    policy=True,
    title="周期内校本研修学时低于政策下限",
    title_en="school-based hours in the cycle below the policy floor",
    message=_MESSAGE,
    message_en=_MESSAGE_EN,
    doc_en="""
    School-based training in a cycle (`period.cycle.school_based_hours`) must reach the policy floor,
    nationally 120 学时 per five years (`cycle_school_based_hours`).
    """,
)
def school_based_floor(ctx):
    """
    周期内校本研修学时（`period.cycle.school_based_hours`）不能低于政策下限，全国标准为每五年不少于 120 学时（`cycle_school_based_hours`）。
    """
    p = ctx.plan.period
    if p and p.cycle:
        yield from _below(ctx, ("period", "cycle", "school_based_hours"), p.cycle.school_based_hours, "cycle_school_based_hours",
                          Worded("policy.what.cycle_school_based"))


@rule(
    "PL904",
    "new-teacher-floor",
    family="policy",
    policy=True,
    title="新教师学时低于政策下限",
    title_en="new-teacher hours below the policy floor",
    message=_MESSAGE,
    message_en=_MESSAGE_EN,
    doc_en="""
    New teachers in their probation year (`hours.new_teacher`) must receive at least the policy floor,
    nationally 120 学时 (`new_teacher_hours`).
    """,
)
def new_teacher_floor(ctx):
    """
    试用期新教师的培训学时（`hours.new_teacher`）不能低于政策下限，全国标准为不少于 120 学时（`new_teacher_hours`）。
    """
    h = ctx.plan.hours
    if h:
        yield from _below(ctx, ("hours", "new_teacher"), h.new_teacher, "new_teacher_hours", Worded("policy.what.new_teacher"))


@rule(
    "PL905",
    "head-teacher-floor",
    family="policy",
    policy=True,
    title="班主任培训学时低于政策下限",
    title_en="head-teacher hours below the policy floor",
    message=_MESSAGE,
    message_en=_MESSAGE_EN,
    doc_en="""
    Head-teacher (班主任) training must reach the policy floor, nationally 30 学时 (`head_teacher_hours`).
    Checked on `hours.head_teacher` and on the hours of any post named 班主任.
    """,
)
def head_teacher_floor(ctx):
    """
    班主任专项培训不能低于政策下限，全国标准为不少于 30 学时（`head_teacher_hours`）。检查 `hours.head_teacher` 和名为“班主任”的岗位项目的学时。
    """
    h = ctx.plan.hours
    if h:
        yield from _below(ctx, ("hours", "head_teacher"), h.head_teacher, "head_teacher_hours", Worded("policy.what.head_teacher"))
    for i, p in enumerate(ctx.plan.posts):
        if "班主任" in p.name:
            yield from _below(ctx, ("posts", i, "hours"), p.hours, "head_teacher_hours", Worded("policy.what.post", name=p.name))


@rule(
    "PL906",
    "component-floor",
    family="policy",
    policy=True,
    title="专业或公需学时低于政策下限",
    title_en="professional or public hours below the policy floor",
    message=_MESSAGE,
    message_en=_MESSAGE_EN,
    doc_en="""
    Where a province fixes the split (e.g. 专业科目 ≥ 60 and 公需科目 ≥ 30 of 90), set `professional_hours`
    and `public_hours` under `[policy]`; components whose names contain 专业 or 公需 are checked against them.
    Without those settings this rule checks nothing.
    """,
)
def component_floor(ctx):
    """
    省里规定了学时构成（如 90 学时中专业科目不少于 60、公需科目不少于 30）时，在 `[policy]` 中设置 `professional_hours` 和 `public_hours`；名称含“专业”或“公需”的学时组成会据此检查。不设置时本规则不检查。
    """
    h = ctx.plan.hours
    if not h:
        return
    for i, c in enumerate(h.components):
        for word, key in (("专业", "professional_hours"), ("公需", "public_hours")):
            if word in c.name:
                yield from _below(ctx, ("hours", "components", i, "hours"), c.hours, key, Worded("policy.what.component", name=c.name))
