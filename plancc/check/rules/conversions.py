"""Conversions: figures derived from others (minutes, credits, cycle totals) agree."""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import EPS, differs, n


@rule(
    "PL401",
    "minutes-conversion",
    family="conversions",
    title="分钟数与学时换算不符",
    title_en="minutes do not match the hours",
    message="{hours} 学时 × 每学时 {per} 分钟 = {expected} 分钟，但 hours.required_minutes 写的是 {minutes} 分钟",
    message_en="{hours} hours × {per} minutes per hour = {expected} minutes, but hours.required_minutes says {minutes}",
    doc_en="""
    Online study is counted in minutes (“24学时（960分钟）”, 40 minutes per 学时):
    `required_minutes` must equal `required × minutes_per_hour`. Fix: correct whichever figure changed.
    """,
)
def minutes_conversion(ctx):
    """
    网络研修按分钟计时（如“24学时（960分钟）”，每学时 40 分钟），`required_minutes` 必须等于 `required × minutes_per_hour`。

    怎么改：改正变动的那个数。
    """
    h = ctx.plan.hours
    if not h or None in (h.required, h.minutes_per_hour, h.required_minutes):
        return
    expected = h.required * h.minutes_per_hour
    if differs(expected, h.required_minutes):
        yield Finding(("hours", "required_minutes"),
                      {"hours": n(h.required), "per": h.minutes_per_hour, "expected": n(expected), "minutes": n(h.required_minutes)},
                      related=[(("hours", "required"), "required"), (("hours", "minutes_per_hour"), "minutes_per_hour")])


@rule(
    "PL402",
    "credits-conversion",
    family="conversions",
    title="学分与学时换算不符",
    title_en="credits do not match the hours",
    message="{hours} 学时 ÷ 每学分 {per} 学时 = {expected} 学分，但 hours.credits 写的是 {credits}",
    message_en="{hours} hours ÷ {per} hours per credit = {expected} credits, but hours.credits says {credits}",
    doc_en="""
    When a plan states both credits and the hours per credit, `credits` must equal `required / hours_per_credit`.
    Fix: correct whichever figure changed.
    """,
)
def credits_conversion(ctx):
    """
    同时写了学分和每学分折合的学时时，`credits` 必须等于 `required ÷ hours_per_credit`。

    怎么改：改正变动的那个数。
    """
    h = ctx.plan.hours
    if not h or None in (h.required, h.hours_per_credit, h.credits) or h.hours_per_credit <= 0:
        return
    expected = h.required / h.hours_per_credit
    if differs(expected, h.credits):
        yield Finding(("hours", "credits"),
                      {"hours": n(h.required), "per": n(h.hours_per_credit), "expected": n(round(expected, 2)), "credits": n(h.credits)},
                      related=[(("hours", "required"), "required"), (("hours", "hours_per_credit"), "hours_per_credit")])


@rule(
    "PL403",
    "cycle-pace",
    family="conversions",
    severity="warning",
    title="按年度学时推算达不到周期总学时",
    title_en="the annual hours do not reach the cycle total",
    message="每年 {annual} 学时 × 周期 {years} 年（{start}—{end}）= {reached} 学时，达不到周期总学时 {total}",
    message_en="{annual} hours a year × {years} years ({start}–{end}) = {reached} hours, short of the cycle total of {total}",
    doc_en="""
    A cycle plan (e.g. 360 学时 over 2022–2026) is met year by year: the annual requirement times the
    cycle's years must reach the cycle total. Fix: raise the annual hours or check the cycle figures.
    """,
)
def cycle_pace(ctx):
    """
    周期规划（如 2022—2026 年共 360 学时）要靠每年完成：年度要求学时 × 周期年数必须达到周期总学时。

    怎么改：提高年度学时，或核对周期的年份与总学时。
    """
    p, h = ctx.plan.period, ctx.plan.hours
    if not p or not p.cycle or p.cycle.total_hours is None or not h or h.required is None:
        return
    if ctx.plan.hours_scope != "year":  # a project's or a cycle plan's hours are not a year's
        return
    c = p.cycle
    reached = h.required * c.years
    if reached < c.total_hours - EPS:
        yield Finding(("hours", "required"),
                      {"annual": n(h.required), "years": c.years, "start": c.start, "end": c.end, "reached": n(reached), "total": n(c.total_hours)},
                      related=[(("period", "cycle", "total_hours"), "cycle.total_hours")])
