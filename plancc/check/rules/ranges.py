"""Ranges and thresholds: tiers' years tile without overlap or gap; marks are ordered."""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.errors import Worded
from plancc.check.rules._util import EPS, n


def _ranged(plan):
    """(index, tier, lo, hi) for tiers with a year range, in ascending order of their start."""
    found = [(i, t, t.years[0], t.years[1]) for i, t in enumerate(plan.tiers) if t.years]
    return sorted(found, key=lambda x: (x[2], x[0]))


def _years(lo, hi) -> Worded:
    if hi is None:
        return Worded("ranges.years.from", lo=lo)
    return Worded("ranges.years.span", lo=lo, hi=hi)


def _neighbours(plan):
    """Pairs of tiers next to each other in order of their start (ranges written the right
    way round): (index, tier, lo, hi) of each, and the params naming both."""
    ranged = [r for r in _ranged(plan) if r[3] is None or r[2] <= r[3]]
    for a, b in zip(ranged, ranged[1:]):
        (_, ta, lo_a, hi_a), (_, tb, lo_b, hi_b) = a, b
        yield a, b, {"a": ta.name, "b": tb.name, "ra": _years(lo_a, hi_a), "rb": _years(lo_b, hi_b)}


@rule(
    "PL601",
    "tier-years-reversed",
    family="ranges",
    title="层次的教龄范围起止颠倒",
    title_en="a tier's year range runs backwards",
    message="层次“{tier}”的教龄范围 [{lo}, {hi}] 起点大于终点",
    message_en="tier '{tier}' has the year range [{lo}, {hi}], which starts after it ends",
    doc_en="""
    A tier's `years: [from, to]` counts teaching years inclusively; `from` must not exceed `to`.
    Fix: swap the two numbers.
    """,
)
def tier_years_reversed(ctx):
    """
    层次的教龄范围 `years: [起, 止]` 含两端，起点不能大于终点。

    怎么改：交换两个数。
    """
    for i, t in enumerate(ctx.plan.tiers):
        if t.years and t.years[1] is not None and t.years[0] > t.years[1]:
            yield Finding(("tiers", i, "years"), {"tier": t.name, "lo": t.years[0], "hi": t.years[1]})


@rule(
    "PL602",
    "tier-years-overlap",
    family="ranges",
    title="层次的教龄范围重叠",
    title_en="tiers' year ranges overlap",
    message="层次“{a}”（{ra}）和“{b}”（{rb}）的教龄范围重叠：教龄 {year} 年的教师同时属于两个层次",
    message_en="tiers '{a}' ({ra}) and '{b}' ({rb}) overlap: a teacher in year {year} belongs to both",
    doc_en="""
    Every teacher belongs to exactly one tier, so the tiers' year ranges must not overlap
    (新教师 1–2, 成长期 3–8, 成熟期 9–14, 提升期 15+). Fix: move the boundary.
    """,
)
def tier_years_overlap(ctx):
    """
    每位教师只属于一个层次，所以各层次的教龄范围不能重叠（如 新教师 1—2 年、成长期 3—8 年、成熟期 9—14 年、提升期 15 年以上）。

    怎么改：调整相邻层次的分界。
    """
    for (i, ta, _, hi_a), (j, _, lo_b, _), params in _neighbours(ctx.plan):
        if hi_a is None or lo_b <= hi_a:
            yield Finding(("tiers", j, "years"), {**params, "year": lo_b}, related=[(("tiers", i, "years"), ta.name)])


@rule(
    "PL603",
    "tier-years-gap",
    family="ranges",
    severity="warning",
    title="层次的教龄范围之间有空档",
    title_en="a gap between tiers' year ranges",
    message="层次“{a}”（{ra}）和“{b}”（{rb}）之间空出了教龄 {gap} 年：这些教师不属于任何层次",
    message_en="between tiers '{a}' ({ra}) and '{b}' ({rb}) teaching years {gap} belong to no tier",
    doc_en="""
    The tiers should cover every teacher: the next tier starts the year after the previous one ends.
    Fix: move the boundary so the ranges meet.
    """,
)
def tier_years_gap(ctx):
    """
    各层次应覆盖所有教师：下一个层次的起点应紧接上一个层次的终点。

    怎么改：调整分界，让相邻的范围首尾相接。
    """
    for (i, ta, _, hi_a), (j, _, lo_b, _), params in _neighbours(ctx.plan):
        if hi_a is not None and lo_b > hi_a + 1:
            gap = str(hi_a + 1) if lo_b == hi_a + 2 else Worded("ranges.gap", lo=hi_a + 1, hi=lo_b - 1)
            yield Finding(("tiers", j, "years"), {**params, "gap": gap}, related=[(("tiers", i, "years"), ta.name)])


@rule(
    "PL604",
    "thresholds-order",
    family="ranges",
    title="合格线不低于优秀线",
    title_en="the pass mark is not below the distinction mark",
    message="考核方案“{scheme}”的合格线 {pass_mark} 分不低于优秀线 {excellent} 分",
    message_en="assessment '{scheme}' has a pass mark of {pass_mark}, not below its distinction mark of {excellent}",
    doc_en="""
    Thresholds must be ordered: pass < distinction ≤ total (e.g. 合格 60, 优秀 85, 满分 100).
    Fix: correct one of the marks. (A mark above the total is PL303.)
    """,
)
def thresholds_order(ctx):
    """
    分数线必须有序：合格线 < 优秀线 ≤ 满分（如 合格 60、优秀 85、满分 100）。分数线高于满分由 PL303 报告。

    怎么改：改正其中一条分数线。
    """
    for i, a in enumerate(ctx.plan.assessments):
        if a.pass_mark is not None and a.excellent_mark is not None and a.pass_mark >= a.excellent_mark - EPS:
            yield Finding(("assessments", i, "pass_mark"), {"scheme": a.id, "pass_mark": n(a.pass_mark), "excellent": n(a.excellent_mark)},
                          related=[(("assessments", i, "excellent_mark"), "excellent_mark")])
