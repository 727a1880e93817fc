"""Policy pack (off by default): floors, caps and ratios from the packs of plancc.policy.

Switched on with ``[policy] enabled = true`` in plancc.toml. The figures are data:
the national pack (``plancc/data/policy/national.yaml``: 240 学时 per five years until
2010, 360 from 2011; new teachers ≥ 120 …, each with its source), a province's pack
(``[policy] packs``), or a figure set under ``[policy]``. Each requirement holds for
the plan's year and kind; each finding names the requirement's source.
"""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import EPS, n
from plancc.errors import Worded
from plancc.policy.measures import MEASURES


def _requirements(ctx) -> dict:
    """The pack's requirements that hold for this plan, by measure (chosen once per plan; the
    pack models are imported only when the pack is on)."""
    from plancc.policy.pack import requirements

    return ctx.shared("policy.requirements", lambda c: requirements(c.policy, c.plan))


def _cycle_fits(ctx, r) -> bool:
    """A requirement per cycle of N years is compared with a cycle of N years only."""
    if r.cycle_years is None:
        return True
    p = ctx.plan.period
    return p is None or p.cycle is None or p.cycle.years == r.cycle_years


def _floors(ctx, measure: str):
    for r in _requirements(ctx).get(measure, []):
        if r.at_least is None or not _cycle_fits(ctx, r):
            continue
        for reading in MEASURES[measure].read(ctx.plan):
            if reading.value < r.at_least - EPS:
                yield Finding(reading.path, {"what": reading.what, "value": n(reading.value), "floor": n(r.at_least), "source": r.source})


_MESSAGE = "{what}为 {value} 学时，低于政策要求的 {floor} 学时（{source}）"
_MESSAGE_EN = "{what} is {value} hours, below the policy floor of {floor} ({source})"


def _floor_rule(code: str, name: str, title: str, title_en: str, doc_en: str, measures: tuple[str, ...]):
    """A floor rule of the pack: the same check on the measures it names."""

    def register(func):
        def run(ctx):
            for m in measures:
                yield from _floors(ctx, m)

        run.__doc__ = func.__doc__
        run.__name__ = func.__name__
        rule(code, name, family="policy", policy=True, title=title, title_en=title_en,
             message=_MESSAGE, message_en=_MESSAGE_EN, doc_en=doc_en)(run)
        return run

    return register


@_floor_rule("PL901", "annual-hours-floor", "年度学时低于政策下限", "annual hours below the policy floor", """
    A plan's required hours for a year (`hours.required` where it covers a year: an annual or school-based
    plan, or `hours.scope: year`) must reach the pack's floor, nationally 72 学时 from 2011 (360 per five
    years). A project, a cycle or a new-teacher plan is not measured against it.
    """, ("annual_hours",))
def annual_hours_floor(ctx):
    """
    一年的要求学时（年度方案、校本研修方案的 `hours.required`，或写了 `hours.scope: year`）不能低于规则包的下限，全国自 2011 年起为每年 72 学时（五年 360 学时）。
    培训项目、周期规划和新教师方案的学时不按它衡量。
    """


@_floor_rule("PL902", "cycle-hours-floor", "周期总学时低于政策下限", "cycle hours below the policy floor", """
    A cycle's total (`period.cycle.total_hours`, or `hours.required` of a cycle plan) must reach the pack's
    floor for a cycle of that length: nationally 240 学时 per five years until 2010, 360 from 2011.
    """, ("cycle_hours",))
def cycle_hours_floor(ctx):
    """
    周期总学时（`period.cycle.total_hours`，或周期规划的 `hours.required`）不能低于规则包对同样年数周期的下限：全国 2010 年以前为每五年 240 学时，2011 年起为 360 学时。
    """


@_floor_rule("PL903", "school-based-floor", "周期内校本研修学时低于政策下限", "school-based hours in the cycle below the policy floor", """
    School-based training in a cycle (`period.cycle.school_based_hours`) must reach the pack's floor
    (120 学时 per five years in the national pack, as most provinces require).
    """, ("cycle_school_based_hours",))
def school_based_floor(ctx):
    """
    周期内校本研修学时（`period.cycle.school_based_hours`）不能低于规则包的下限（全国规则包按多数省份的规定为每五年不少于 120 学时）。
    """


@_floor_rule("PL904", "new-teacher-floor", "新教师学时低于政策下限", "new-teacher hours below the policy floor", """
    New teachers in their probation year (`hours.new_teacher`, or `hours.required` of a new-teacher plan)
    must receive at least the pack's floor, nationally 120 学时 (教育部令第7号).
    """, ("new_teacher_hours",))
def new_teacher_floor(ctx):
    """
    试用期新教师的培训学时（`hours.new_teacher`，或新教师方案的 `hours.required`）不能低于规则包的下限，全国为不少于 120 学时（教育部令第7号）。
    """


@_floor_rule("PL905", "head-teacher-floor", "班主任培训学时低于政策下限", "head-teacher hours below the policy floor", """
    Head-teacher (班主任) training must reach the pack's floor, nationally 30 学时. Checked on
    `hours.head_teacher` and on the hours of any post named 班主任.
    """, ("head_teacher_hours",))
def head_teacher_floor(ctx):
    """
    班主任专项培训不能低于规则包的下限，全国为不少于 30 学时。检查 `hours.head_teacher` 和名为“班主任”的岗位项目的学时。
    """


@_floor_rule("PL906", "component-floor", "专业或公需学时低于政策下限", "professional or public hours below the policy floor", """
    Where a province fixes the split (e.g. 专业科目 ≥ 60 and 公需科目 ≥ 30 of 90), its pack (measures
    `professional_hours`, `public_hours`) or `[policy]` sets the floors; components whose names contain
    专业 or 公需 are checked against them. The national pack sets none.
    """, ("professional_hours", "public_hours"))
def component_floor(ctx):
    """
    省里规定了学时构成（如 90 学时中专业科目不少于 60、公需科目不少于 30）时，由省级规则包（`professional_hours`、`public_hours`）或 `[policy]` 设定下限；
    名称含“专业”或“公需”的学时组成据此检查。全国规则包不设这两项。
    """


@rule(
    "PL907",
    "policy-cap",
    family="policy",
    policy=True,
    title="数字超过政策上限",
    title_en="a figure above the policy cap",
    message="{what}为 {value} {unit}，超过政策规定的上限 {cap} {unit}（{source}）",
    message_en="{what} is {value} {unit}, above the policy cap of {cap} ({source})",
    doc_en="""
    Some provinces cap figures: at most 144 学时 credited a year, at most 15 学分 for one training item.
    A pack states a cap with `at_most` on a measure (`annual_hours`, `item_credits` for each figure in
    学分 ...). Fix: lower the figure, or check which pack applies.
    """,
)
def policy_cap(ctx):
    """
    有的省份规定了上限：每年认定不超过 144 学时、单项培训不超过 15 学分。规则包对某项要求写 `at_most`
    （`annual_hours`、每个以学分为单位的数字 `item_credits`……）。

    怎么改：降低这个数字，或核对适用的规则包。
    """
    for measure, reqs in _requirements(ctx).items():
        for r in reqs:
            if r.at_most is None or MEASURES[measure].kind != "amount" or not _cycle_fits(ctx, r):
                continue
            for reading in MEASURES[measure].read(ctx.plan):
                if reading.value > r.at_most + EPS:
                    yield Finding(reading.path, {"what": reading.what, "value": n(reading.value), "cap": n(r.at_most), "unit": Worded(reading.unit),
                                                          "source": r.source})


@rule(
    "PL908",
    "policy-ratio",
    family="policy",
    policy=True,
    title="比例达不到政策要求",
    title_en="a share or ratio below the policy requirement",
    message="{what}与{base}之比为 {value} ÷ {whole} = {ratio}，{bound}政策要求的 {limit}（{source}）",
    message_en="{what} against {base} is {value} ÷ {whole} = {ratio}, {bound} the policy's {limit} ({source})",
    doc_en="""
    Ratio requirements: professional hours at least twice the public hours (`professional_to_public`),
    practice at least half of the hours (`practice_share`: parts named 实践), shadowing (跟岗) at least a
    third of the days (`shadowing_share`: parts in 天 named 跟岗). A pack states them with `at_least` or
    `at_most` as a ratio (2, 0.5, 0.333). Fix: rebalance the parts.
    """,
)
def policy_ratio(ctx):
    """
    比例要求：专业学时不少于公需学时的 2 倍（`professional_to_public`）；实践不少于学时的一半（`practice_share`：名称含“实践”的部分）；
    跟岗不少于天数的三分之一（`shadowing_share`：以天为单位、名称含“跟岗”的部分）。规则包用 `at_least` 或 `at_most` 写比值（2、0.5、0.333）。

    怎么改：调整各部分的分配。
    """
    for measure, reqs in _requirements(ctx).items():
        if MEASURES[measure].kind != "ratio":
            continue
        for r in reqs:
            for reading in MEASURES[measure].read(ctx.plan):
                if not reading.base:
                    continue
                ratio = reading.value / reading.base
                low = r.at_least is not None and ratio < r.at_least - EPS
                high = r.at_most is not None and ratio > r.at_most + EPS
                if low or high:
                    yield Finding(reading.path, {
                        "what": reading.what, "base": reading.base_what, "value": n(reading.value), "whole": n(reading.base),
                        "ratio": n(round(ratio, 3)), "limit": n(r.at_least if low else r.at_most), "source": r.source,
                        "bound": Worded("policy.below" if low else "policy.above"),
                    })
