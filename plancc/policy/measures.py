"""What a policy requirement can measure on a plan: one registry for the packs and the rules.

A measure reads figures of the plan, each with its data path and words naming it
(``Worded``), and says which plan kinds it concerns: the annual floor measures
``hours.required`` only where it covers a year (plancc.model.plan.Plan.hours_scope),
so a three-year project or a new-teacher plan is not held to it. A ratio measure
gives a part and a whole (专业 : 公需, 实践 : 全部).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from plancc.errors import Worded
from plancc.model.figures import Breakdown


@dataclass(frozen=True)
class Reading:
    """One figure a measure found: its value, where it is written, what it is."""

    value: float
    path: tuple
    what: Worded
    #: for a ratio: the whole (or the second figure) it is compared with, and its words
    base: float | None = None
    base_what: Worded | None = None
    #: the catalog key of its unit
    unit: str = "unit.hours"


@dataclass(frozen=True)
class Measure:
    name: str
    #: "amount" (学时) or "ratio" (a share or a multiple)
    kind: str
    read: Callable[..., Iterator[Reading]]
    #: the rule that reports a floor of this measure (caps are PL907, ratios PL908)
    floor_code: str | None = None


def _annual(plan) -> Iterator[Reading]:
    h = plan.hours
    if h is not None and h.required is not None and plan.hours_scope == "year":
        yield Reading(h.required, ("hours", "required"), Worded("policy.what.annual"))


def _cycle(plan) -> Iterator[Reading]:
    p, h = plan.period, plan.hours
    if p is not None and p.cycle is not None and p.cycle.total_hours is not None:
        yield Reading(p.cycle.total_hours, ("period", "cycle", "total_hours"), Worded("policy.what.cycle"))
    elif h is not None and h.required is not None and plan.hours_scope == "cycle":
        yield Reading(h.required, ("hours", "required"), Worded("policy.what.cycle"))


def _cycle_school_based(plan) -> Iterator[Reading]:
    p = plan.period
    if p is not None and p.cycle is not None and p.cycle.school_based_hours is not None:
        yield Reading(p.cycle.school_based_hours, ("period", "cycle", "school_based_hours"), Worded("policy.what.cycle_school_based"))


def _new_teacher(plan) -> Iterator[Reading]:
    h = plan.hours
    if h is None:
        return
    if h.new_teacher is not None:
        yield Reading(h.new_teacher, ("hours", "new_teacher"), Worded("policy.what.new_teacher"))
    elif h.required is not None and plan.hours_scope == "probation":
        yield Reading(h.required, ("hours", "required"), Worded("policy.what.new_teacher"))


def _head_teacher(plan) -> Iterator[Reading]:
    h = plan.hours
    if h is not None and h.head_teacher is not None:
        yield Reading(h.head_teacher, ("hours", "head_teacher"), Worded("policy.what.head_teacher"))
    for i, post in enumerate(plan.posts):
        if "班主任" in post.name and post.hours is not None:
            yield Reading(post.hours, ("posts", i, "hours"), Worded("policy.what.post", name=post.name))


def _components(word: str):
    def read(plan) -> Iterator[Reading]:
        h = plan.hours
        for i, c in enumerate(h.components if h is not None else ()):
            if word in c.name:
                yield Reading(c.hours, ("hours", "components", i, "hours"), Worded("policy.what.component", name=c.name))

    return read


def _professional_to_public(plan) -> Iterator[Reading]:
    h = plan.hours
    comps = h.components if h is not None else []
    pro = [(i, c) for i, c in enumerate(comps) if "专业" in c.name]
    pub = [c for c in comps if "公需" in c.name]
    if pro and pub:
        i, first = pro[0]
        yield Reading(sum(c.hours for _, c in pro), ("hours", "components", i, "hours"), Worded("policy.what.component", name=first.name),
                      sum(c.hours for c in pub), Worded("policy.what.component", name=pub[0].name))


def _share(word: str, unit: str | None):
    """The share of the parts named with `word` in a breakdown (hours.components, or a
    figure in `unit` with parts)."""

    def read(plan) -> Iterator[Reading]:
        h = plan.hours
        if h is not None and h.components and unit == "学时":
            total = h.required if h.required is not None else sum(c.hours for c in h.components)
            hits = [(i, c) for i, c in enumerate(h.components) if word in c.name]
            if hits and total:
                i, c = hits[0]
                yield Reading(sum(x.hours for _, x in hits), ("hours", "components", i, "hours"),
                              Worded("policy.what.component", name=c.name), total, Worded("policy.what.annual"))
        for name, value in plan.figures.items():
            b = Breakdown(name, value)
            if b.unit != unit or not b.parts:
                continue
            total = b.amount.number if b.amount.number is not None and b.amount.ref is None else None
            parts = [(p, p.amount.number) for p in b.parts]
            if total is None and all(v is not None for _, v in parts):
                total = sum(v for _, v in parts)
            hits = [(p, v) for p, v in parts if word in p.name and v is not None]
            if hits and total:
                p0 = hits[0][0]
                yield Reading(float(sum(v for _, v in hits)), ("figures", name, "parts", p0.name),
                              Worded("policy.what.part", name=p0.name, whole=name), float(total),
                              Worded("policy.what.figure", name=name))

    return read


def _item_credits(plan) -> Iterator[Reading]:
    for name, value in plan.figures.items():
        b = Breakdown(name, value)
        if b.unit == "学分" and b.amount.number is not None:
            path = ("figures", name, "value") if b.figure is not None else ("figures", name)
            yield Reading(float(b.amount.number), path, Worded("policy.what.figure", name=name), unit="unit.credits")


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in [
        Measure("annual_hours", "amount", _annual, "PL901"),
        Measure("cycle_hours", "amount", _cycle, "PL902"),
        Measure("cycle_school_based_hours", "amount", _cycle_school_based, "PL903"),
        Measure("new_teacher_hours", "amount", _new_teacher, "PL904"),
        Measure("head_teacher_hours", "amount", _head_teacher, "PL905"),
        Measure("professional_hours", "amount", _components("专业"), "PL906"),
        Measure("public_hours", "amount", _components("公需"), "PL906"),
        Measure("item_credits", "amount", _item_credits),
        Measure("professional_to_public", "ratio", _professional_to_public),
        Measure("practice_share", "ratio", _share("实践", "学时")),
        Measure("shadowing_share", "ratio", _share("跟岗", "天")),
    ]
}
