"""Figures a plan's prose may cite: ``{=hours.required}``, ``{=phases.count:cn}``.

Prose is data and is never run as a template; a reference is a plain lookup
of a dotted name in this table of computed figures, so a sentence such as
“参训教师需完成{=hours.required}学时研修内容” cannot drift from the data.
`validate` reports references that do not resolve (PL507); `render`
replaces them. Formats: none (72, 2022年11月), ``cn`` (Chinese numeral: 二), ``count``
(a quantity before a measure word: 两), ``bare`` (text without its closing punctuation),
and for dates and spans ``full``, ``year_once``, ``hyphen`` … (plancc.text.wording.FORMATS), chained: ``{=period:full:hyphen}``.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from plancc.model.base import fmt_number
from plancc.model.dates import PartialDate, cn_range
from plancc.model.figures import Breakdown
from plancc.quantities import rates
from plancc.quantities.amount import parse_amount
from plancc.quantities.expr import EvalError, evaluate
from plancc.model.plan import Plan
from plancc.text.numerals import cn_number

#: a reference in prose: ``{=name}`` or ``{=name:format}``; one right after a “{” is escaped text (below)
REF_RE = re.compile(r"(?<!\{)\{=([^{}:\s]+?)(?::([a-z_]+(?::[a-z_]+)*))?\}")
#: the escape for a literal ``{=`` in prose: the brace doubled, ``{{=hours.required}`` prints
#: ``{=hours.required}`` (each run of “{” before “=” loses one brace; nothing else changes)
LITERAL_REF = re.compile(r"\{(\{+=)")
#: where a reference may begin (every match of REF_RE starts so): the hint for Context.prose_matching
REF_HINT = re.compile(r"\{=")
_EXPAND = re.compile(LITERAL_REF.pattern + "|" + REF_RE.pattern)
#: the formats, by kind of value: the same as in the patterns of generated sentences (plancc.text.wording)
FORMATS = ("cn", "count", "bare", "ascii", "short", "year_once", "full", "dash", "hyphen", "tilde", "to")


def plan_facts(plan: Plan) -> dict[str, Any]:
    """Every figure a reference can name, by its dotted name."""
    f: dict[str, Any] = {}
    doc = plan.document
    f["document.title"] = doc.title_text
    if doc.date:
        f["document.date"] = doc.date
    f["attachments.count"] = len(doc.attachments)
    if plan.audience_text:
        f["audience"] = plan.audience_text
    p = plan.period
    if p:
        if p.start or p.end:
            f["period"] = (p.start, p.end)
        if p.start:
            f["period.start"] = p.start
        if p.end:
            f["period.end"] = p.end
        if p.year:
            f["year"] = p.year
        if p.school_year:
            f["school_year"] = p.school_year
        if p.semester:
            f["semester"] = p.semester  # 2024-2025学年第一学期
            f["semester.span"] = p.semester_span  # 2024年9月—2025年1月
        if p.cycle:
            c = p.cycle
            f["cycle.start"], f["cycle.end"], f["cycle.years"] = c.start, c.end, c.years
            for key in ("year", "total_hours", "school_based_hours", "name"):
                if getattr(c, key) is not None:
                    f[f"cycle.{key}"] = getattr(c, key)
    h = plan.hours
    if h:
        for key in (
            "required", "offered", "offered_ratio", "minutes_per_hour", "required_minutes", "compulsory_minutes",
            "credits", "hours_per_credit", "school_based", "new_teacher", "head_teacher",
        ):  # fmt: skip
            if getattr(h, key) is not None:
                f[f"hours.{key}"] = getattr(h, key)
        for comp in h.components:
            f[f"hours.components.{comp.name}"] = comp.hours
        f["hours.components.count"] = len(h.components)
    f["stages.count"] = len(plan.stages)
    f["tiers.count"] = len(plan.tiers)
    f["posts.count"] = len(plan.posts)
    f["projects.count"] = len(plan.stages) + len(plan.posts)
    f["modes.count"] = len(plan.modes)
    f["phases.count"] = len(plan.phases)
    f["module_sets.count"] = len(plan.module_sets)
    for ms in plan.module_sets:
        f[f"modules.{ms.id}.count"] = len(ms.modules)
        if ms.hours is not None:
            f[f"modules.{ms.id}.hours"] = ms.hours
        for m in ms.items:
            if m.hours is not None:
                f[f"modules.{ms.id}.{m.name}.hours"] = m.hours
    _part_facts(plan, f)
    if plan.catalog:
        courses = plan.catalog.courses
        f["catalog.courses.count"] = len(courses)
        f["catalog.subjects.count"] = len({c.subject for c in courses if c.subject})
        f["catalog.modules.count"] = len({c.module for c in courses})
    for a in plan.assessments:
        base = f"assessments.{a.id}"
        for key in ("total", "pass_mark", "excellent_mark", "credited_hours"):
            if getattr(a, key) is not None:
                f[f"{base}.{key}"] = getattr(a, key)
        f[f"{base}.items.count"] = len(a.items)
        for item in a.items:
            if item.points is not None:
                f[f"{base}.items.{item.name}.points"] = item.points
            if item.minimum is not None:
                f[f"{base}.items.{item.name}.minimum"] = item.minimum
        if a.bands:
            f[f"{base}.bands.count"] = len(a.bands)
        for band in a.bands:
            for key in ("min", "max", "below"):
                if getattr(band, key) is not None:
                    f[f"{base}.bands.{band.name}.{key}"] = getattr(band, key)
            if band.quota is not None:
                f[f"{base}.bands.{band.name}.quota"] = plain_number(parse_amount(band.quota).number)
        for comp in a.components:
            for part, value in comp.parts.items():
                _figure_facts(f"{base}.components.{comp.name}.{part}", Breakdown(part, value), f, {})
            if comp.weight is not None:
                f[f"{base}.components.{comp.name}.weight"] = comp.weight
            if comp.points is not None:
                f[f"{base}.components.{comp.name}.points"] = comp.points
    for e in plan.evaluations:
        f[f"evaluations.{e.id}.items.count"] = len(e.items)
    for r in plan.rubrics:
        # the total as written, else the items' sum: a header “分值（{=rubrics.X.total}分）” always has it
        f[f"rubrics.{r.id}.total"] = r.score
        f[f"rubrics.{r.id}.items.count"] = len(r.items)
        for item in r.items:
            f.setdefault(f"rubrics.{r.id}.items.{item.name}.points", item.score)
    # groups: {=groups.领导小组.组长} is the names holding a role, joined by “、”
    f["groups.count"] = len(plan.groups)
    for g in plan.groups:
        base = f"groups.{g.id}"
        f[f"{base}.name"] = g.title
        f[f"{base}.members.count"] = len(g.members)
        if g.office is not None:
            f[f"{base}.office"] = g.office.at
            if g.office.head:
                f[f"{base}.office.head"] = g.office.head
        for role, people in g.roles:
            f.setdefault(f"{base}.{role}", "、".join(m.name for m in people))
            f.setdefault(f"{base}.{role}.count", len(people))
    if plan.rates:
        for key, value in plan.rates.model_dump(exclude_none=True).items():
            if isinstance(value, dict):
                for mode, v in value.items():
                    f[f"rates.{key}.{mode}"] = v
            else:
                f[f"rates.{key}"] = value
    if plan.figures:
        declared = rates.declared(plan)
        for name, value in plan.figures.items():
            _figure_facts(f"figures.{name}", Breakdown(name, value), f, declared)
    return f


def _part_facts(plan: Plan, f: dict[str, Any]) -> None:
    """Compulsory (必学) and elective (选学) parts: how many sets and modules, and their hours
    when every one counted has hours ({=modules.compulsory.hours})."""
    sets = plan.module_sets
    compulsory = [ms for ms in sets if ms.compulsory]
    elective = [ms for ms in sets if ms.compulsory is False]
    f["module_sets.compulsory.count"] = len(compulsory)
    f["module_sets.elective.count"] = len(elective)
    with_modules = [ms for ms in sets if ms.compulsory_modules]
    f["modules.compulsory.count"] = sum(len(ms.compulsory_modules) for ms in with_modules)
    hours = [ms.compulsory_hours for ms in with_modules]
    if hours and all(h is not None for h in hours):
        f["modules.compulsory.hours"] = sum(hours)  # type: ignore[arg-type]
    f["modules.elective.count"] = sum(len(ms.modules) for ms in elective)
    hours = [ms.hours for ms in elective]
    if hours and all(h is not None for h in hours):
        f["modules.elective.hours"] = sum(hours)  # type: ignore[arg-type]


def _figure_facts(key: str, b: Breakdown, f: dict[str, Any], declared: rates.Declared) -> None:
    """A figure's number (a reference's number, what its derivation makes, or its parts'
    sum when it states none), and its parts', under its dotted name."""
    for part in b.parts:
        _figure_facts(f"{key}.{part.name}", part, f, declared)
    if b.parts:
        f[f"{key}.parts.count"] = len(b.parts)
    number = b.amount.number
    if b.amount.ref is not None:
        number = f.get(b.amount.ref)
    elif number is None and b.derivation() is not None:
        mode = b.figure.mode if b.figure is not None else None
        try:
            number = evaluate(b.derivation(), b.unit, lambda r: rates.rate_value(declared, r, mode), lambda r: _number(f, r))
        except EvalError:
            number = None
    elif number is None and b.parts:
        values = [f.get(f"{key}.{p.name}") for p in b.parts]
        if all(isinstance(v, (int, float)) for v in values) and all(p.amount.interval().exact is not None or p.parts for p in b.parts):
            number = sum(values)
    if isinstance(number, (int, float, Fraction)) and not isinstance(number, bool):
        f[key] = plain_number(number)


def _number(f: dict[str, Any], name: str) -> Fraction:
    v = f.get(name)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise EvalError("ref", ref=name)
    return Fraction(repr(v)) if isinstance(v, float) else Fraction(v)


def plain_number(v) -> int | float:
    """A number for prose: 72, 2.5 (exact fractions become the nearest float)."""
    if isinstance(v, Fraction):
        return v.numerator if v.denominator == 1 else float(v)
    return v


def format_fact(value: Any, fmt: str | None) -> str:
    """A figure as prose prints it; ``fmt`` is one format or several joined by “:”
    (``cn``, ``full:hyphen``). ValueError when a format does not apply to the value."""
    from plancc.text.wording import format_value

    return format_value(value, fmt.split(":") if fmt else ())


def expand_refs(text: str, facts: dict[str, Any]) -> str:
    """Replace every ``{=name}`` whose name resolves; leave others as written; ``{{=`` (the
    escape) prints ``{=``."""
    if "{=" not in text:
        return text

    def sub(m: re.Match) -> str:
        if m.group(1):  # the escape {{= … : one brace fewer, never a reference
            return m.group(1)
        name, fmt = m.group(2), m.group(3)
        if name not in facts:
            return m.group(0)
        try:
            return format_fact(facts[name], fmt)
        except ValueError:
            return m.group(0)

    return _EXPAND.sub(sub, text)
