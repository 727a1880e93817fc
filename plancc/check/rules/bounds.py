"""Bounds: a part never exceeds its whole, a floor never exceeds its ceiling."""

from __future__ import annotations

from plancc.catalog import Listed
from plancc.check.registry import Finding, rule
from plancc.errors import Worded
from plancc.check.rules._util import EPS, join_parts, n


@rule(
    "PL301",
    "offered-below-required",
    family="bounds",
    title="提供的学时少于要求的学时",
    title_en="fewer hours offered than required",
    message="平台提供的学时（hours.offered）为 {offered}，少于每位教师要完成的 {required} 学时（hours.required）",
    message_en="the hours offered (hours.offered) are {offered}, fewer than the {required} hours each teacher must complete (hours.required)",
    doc_en="""
    Teachers choose their 72 hours from what is offered (“不少于100学时供选学”), so `hours.offered`
    must be at least `hours.required`. Fix: raise the offer or correct the requirement.
    """,
)
def offered_below_required(ctx):
    """
    教师从提供的课程中选学，所以提供的学时（`hours.offered`，如“不少于100学时”）不能少于要求完成的学时（`hours.required`，如 72）。

    怎么改：增加提供的学时，或改正要求的学时。
    """
    h = ctx.plan.hours
    if h and h.offered is not None and h.required is not None and h.offered < h.required - EPS:
        yield Finding(("hours", "offered"), {"offered": n(h.offered), "required": n(h.required)},
                      related=[(("hours", "required"), "hours.required")])


@rule(
    "PL302",
    "offered-below-ratio",
    family="bounds",
    title="提供的学时达不到规定的倍数",
    title_en="hours offered fall short of the stated ratio",
    message="方案规定提供的学时不少于要求学时的 {ratio} 倍，即 {required} × {ratio} = {needed}，但 hours.offered 只有 {offered}",
    message_en="the plan offers at least {ratio}× the required hours, i.e. {required} × {ratio} = {needed}, but hours.offered is only {offered}",
    doc_en="""
    When a plan promises an offer of at least N times the requirement (“2倍以上”, `hours.offered_ratio`),
    `hours.offered` must reach `required × ratio`. Fix: raise the offer or the ratio's source figures.
    """,
)
def offered_below_ratio(ctx):
    """
    方案承诺提供的课程学时不少于要求学时的若干倍（如“2倍以上”，`hours.offered_ratio`）时，`hours.offered` 必须达到 要求学时 × 倍数。

    怎么改：增加提供的学时，或核对倍数与要求学时。
    """
    h = ctx.plan.hours
    if not h or h.offered_ratio is None or h.offered is None or h.required is None:
        return
    needed = h.required * h.offered_ratio
    if h.offered < needed - EPS:
        yield Finding(("hours", "offered"),
                      {"ratio": n(h.offered_ratio), "required": n(h.required), "needed": n(needed), "offered": n(h.offered)},
                      related=[(("hours", "offered_ratio"), "offered_ratio"), (("hours", "required"), "required")])


@rule(
    "PL303",
    "mark-above-total",
    family="bounds",
    title="合格线或优秀线高于满分",
    title_en="a pass or distinction mark above the total",
    message="考核方案“{scheme}”的{mark}为 {value} 分，高于满分 {total} 分，没有人能达到",
    message_en="assessment '{scheme}' sets {mark} at {value} points, above its total of {total}: nobody can reach it",
    doc_en="""
    A pass mark (`pass_mark`) or distinction mark (`excellent_mark`) must not exceed the scheme's total
    (or, without a `total`, the sum of its item points). Fix: correct the mark or the total.
    """,
)
def mark_above_total(ctx):
    """
    考核方案的合格线（`pass_mark`）和优秀线（`excellent_mark`）不能高于满分（`total`；没写满分时按各项分值之和）。

    怎么改：改正分数线或满分。
    """
    for i, a in enumerate(ctx.plan.assessments):
        total = a.total if a.total is not None else (a.item_points if a.items else None)
        if total is None:
            continue
        for key, mark in (("pass_mark", Worded("bounds.mark.pass")), ("excellent_mark", Worded("bounds.mark.excellent"))):
            value = getattr(a, key)
            if value is not None and value > total + EPS:
                yield Finding(("assessments", i, key),
                              {"scheme": a.id, "mark": mark, "value": n(value), "total": n(total)},
                              related=[(("assessments", i, "total" if a.total is not None else "items"), "total")])


@rule(
    "PL304",
    "item-minimum-above-points",
    family="bounds",
    title="单项最低分高于该项分值",
    title_en="an item's minimum above its points",
    message="考核项目“{item}”要求至少 {minimum} 分，但该项满分只有 {points} 分",
    message_en="assessment item '{item}' requires at least {minimum} points but is worth only {points}",
    doc_en="""
    An item's `minimum` (the score needed to pass it, e.g. 网络研修 ≥ 50 of 50) cannot exceed its `points`.
    Fix: correct the minimum or the points.
    """,
)
def item_minimum_above_points(ctx):
    """
    考核项目的最低分（`minimum`，如“网络研修至少 50 分”）不能高于该项的分值（`points`）。

    怎么改：改正最低分或分值。
    """
    for i, a in enumerate(ctx.plan.assessments):
        for j, it in enumerate(a.items):
            if it.minimum is not None and it.points is not None and it.minimum > it.points + EPS:
                yield Finding(("assessments", i, "items", j, "minimum"),
                              {"item": it.name, "minimum": n(it.minimum), "points": n(it.points)},
                              related=[(("assessments", i, "items", j, "points"), "points")])


@rule(
    "PL305",
    "exemption-above-hours",
    family="bounds",
    title="免修学时超过可免修的学时",
    title_en="exempted hours exceed the hours they exempt from",
    message="免修规定要求已完成 {hours} 学时，超过了{what} {limit} 学时",
    message_en="the exemption counts {hours} hours, more than {what} of {limit} hours",
    doc_en="""
    An exemption (“已完成省培60学时的教师免修专业知识”) cannot exempt more hours than the component
    it names, or than the required hours when it names none. Fix: correct the exemption's hours or component.
    """,
)
def exemption_above_hours(ctx):
    """
    免修规定（如“参加省培满 60 学时的教师免修专业知识部分”）免去的学时不能超过它所指的学时组成部分；未指明组成部分时，不能超过要求的总学时。

    怎么改：改正免修学时或所指的组成部分。
    """
    aud, h = ctx.plan.audience, ctx.plan.hours
    if isinstance(aud, str) or aud is None or h is None:
        return
    comps = {c.name: (k, c.hours) for k, c in enumerate(h.components)}
    for i, ex in enumerate(aud.exemptions):
        if ex.hours is None:
            continue
        if ex.component and ex.component in comps:
            k, limit = comps[ex.component]
            what, where = Worded("bounds.exempt.component", name=ex.component), ("hours", "components", k, "hours")
        elif h.required is not None and not ex.component:
            limit, what, where = h.required, Worded("bounds.exempt.total"), ("hours", "required")
        else:
            continue
        if ex.hours > limit + EPS:
            yield Finding(("audience", "exemptions", i, "hours"),
                          {"hours": n(ex.hours), "what": what, "limit": n(limit)},
                          related=[(where, "limit")])


@rule(
    "PL306",
    "compulsory-above-total",
    family="bounds",
    title="必修时长超过总时长",
    title_en="compulsory minutes exceed the total",
    message="必修课不少于 {compulsory} 分钟（hours.compulsory_minutes），超过了要求的总时长 {total} 分钟",
    message_en="compulsory courses take at least {compulsory} minutes (hours.compulsory_minutes), more than the {total} minutes required in all",
    doc_en="""
    The compulsory part (“其中必修课不少于600分钟”) is part of the required study time, so it cannot exceed
    `required_minutes` (or `required × minutes_per_hour`). Fix: correct either figure.
    """,
)
def compulsory_above_total(ctx):
    """
    必修部分（如“其中必修课不少于600分钟”）是要求学习时长的一部分，不能超过 `required_minutes`（没写时按 学时 × 每学时分钟数）。

    怎么改：改正必修时长或总时长。
    """
    h = ctx.plan.hours
    if not h or h.compulsory_minutes is None:
        return
    if h.required_minutes is not None:
        total, where = h.required_minutes, ("hours", "required_minutes")
    elif h.required is not None and h.minutes_per_hour is not None:
        total, where = h.required * h.minutes_per_hour, ("hours", "required")
    else:
        return
    if h.compulsory_minutes > total + EPS:
        yield Finding(("hours", "compulsory_minutes"), {"compulsory": n(h.compulsory_minutes), "total": n(total)},
                      related=[(where, "total")])


@rule(
    "PL307",
    "part-above-whole",
    family="bounds",
    title="其中部分的学时超过整体",
    title_en="a part's hours exceed the whole",
    message="{part}为 {value} 学时，超过了{whole} {limit} 学时",
    message_en="{part} is {value} hours, more than {whole} of {limit} hours",
    doc_en="""
    Figures stated as “其中” (of which) must fit inside their whole: school-based hours inside the annual
    requirement, the cycle's school-based hours inside the cycle total. Fix: correct the part or the whole.
    """,
)
def part_above_whole(ctx):
    """
    写作“其中”的学时必须容得下：校本研修学时不超过年度要求学时，周期内校本研修学时不超过周期总学时。

    怎么改：改正部分或整体的学时。
    """
    h, p = ctx.plan.hours, ctx.plan.period
    checks = []
    if h and h.required is not None:
        if h.school_based is not None:
            checks.append((("hours", "school_based"), h.school_based, Worded("bounds.part.school_based"),
                           ("hours", "required"), h.required, Worded("bounds.whole.required")))
    if p and p.cycle and p.cycle.total_hours is not None and p.cycle.school_based_hours is not None:
        checks.append((("period", "cycle", "school_based_hours"), p.cycle.school_based_hours, Worded("bounds.part.cycle_school_based"),
                       ("period", "cycle", "total_hours"), p.cycle.total_hours, Worded("bounds.whole.cycle_total")))
    for path, value, part, where, limit, whole in checks:
        if value > limit + EPS:
            yield Finding(path, {"part": part, "value": n(value), "whole": whole, "limit": n(limit)},
                          related=[(where, "whole")])


def _audiences(plan):
    """The module sets of each audience (stage, tier, post) with compulsory hours, and the hours
    one teacher of it must take: the post's hours when the set names a post that has them, else hours.required."""
    groups: dict[tuple, list[tuple[int, object]]] = {}
    for i, ms in enumerate(plan.module_sets):
        if ms.compulsory_modules:
            groups.setdefault(ms.audience, []).append((i, ms))
    posts = {p.name: (k, p) for k, p in enumerate(plan.posts)}
    h = plan.hours
    for (_, _, post), sets in groups.items():
        if post in posts and posts[post][1].hours is not None:
            k, p = posts[post]
            yield sets, p.hours, ("posts", k, "hours")
        elif h is not None and h.required is not None:
            yield sets, h.required, ("hours", "required")


@rule(
    "PL309",
    "compulsory-modules-above-required",
    family="bounds",
    title="必学模块的学时超过要求的学时",
    title_en="compulsory modules take more hours than required",
    message="{sets}的必学部分共 {hours} 学时（{parts}），超过了要求完成的 {required} 学时",
    message_en="the compulsory part of {sets} takes {hours} hours ({parts}), more than the {required} hours required",
    doc_en="""
    Every teacher takes all compulsory (必学) modules, so their hours are part of the hours required of a
    teacher: a compulsory module set (`compulsory: true`) counts its hours, another set the hours of its
    modules marked `compulsory`. Sets of one audience (the same stage, tier and post) are added up and
    compared with the post's `hours` when they name a post that has them, else with `hours.required`.
    Fix: correct a module's hours, mark a module elective, or correct the required hours.
    """,
)
def compulsory_modules_above_required(ctx):
    """
    必学模块每位教师都要学完，所以它们的学时是要求学时的一部分，不能超过要求完成的学时。
    必学模块组（`compulsory: true`）计其总学时，其他模块组计其中标了 `compulsory` 的模块的学时；
    对象相同（学段、层次、岗位都相同）的模块组相加，与其岗位的 `hours`（写了岗位且岗位有学时时）或 `hours.required` 比较。

    怎么改：改正模块学时，把某个模块改为选学，或改正要求的学时。
    """
    for sets, required, where in _audiences(ctx.plan):
        counted = [(i, ms, ms.compulsory_hours) for i, ms in sets if ms.compulsory_hours is not None]
        total = sum(h for _, _, h in counted)
        if not counted or total <= required + EPS:
            continue
        i0, ms0, _ = counted[0]
        yield Finding(
            ("module_sets", i0, "compulsory") if ms0.compulsory else ("module_sets", i0, "modules"),
            {"sets": Listed([f"“{ms.id}”" for _, ms, _ in counted]), "hours": n(total),
             "parts": join_parts([(ms.id, h) for _, ms, h in counted]), "required": n(required)},
            related=[(where, "required")] + [(("module_sets", i, "modules"), ms.id) for i, ms, _ in counted[1:]],
            at_key=not ms0.compulsory,
        )
