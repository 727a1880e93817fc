"""Figures: breakdowns add up, derivations agree with the figures they make, rates are declared once.

The rules of ``figures:`` and ``rates:`` (plancc.model.figures). Their codes
belong to the families of what they check: a breakdown is a sum (PL2), a
derivation or a rate a conversion (PL4), a reference a reference (PL5).
"""

from __future__ import annotations

from fractions import Fraction

from plancc.catalog import Listed
from plancc.check.registry import Finding, rule
from plancc.errors import Worded
from plancc.model.facts import format_fact
from plancc.model.figures import Breakdown
from plancc.quantities.amount import Interval, show, show_interval, to_fraction
from plancc.quantities import rates
from plancc.quantities.expr import EvalError, Op, Ref, evaluate, show_node


def walk(ctx) -> list[tuple[tuple, str, Breakdown]]:
    """Every figure and part, depth first: (data path, dotted name, breakdown). Besides
    ``figures:``, the parts of an assessment component's points (作业一 50 + 作业二 50).
    Read once per plan for all the rules here."""
    return ctx.shared("figures.walk", _walk)


def _walk(ctx) -> list[tuple[tuple, str, Breakdown]]:
    roots = [(("figures", name), name, Breakdown(name, value)) for name, value in ctx.plan.figures.items()]
    for i, a in enumerate(ctx.plan.assessments):
        for j, c in enumerate(a.components):
            if c.parts:
                roots.append((("assessments", i, "components", j), f"{a.id}.{c.name}",
                              Breakdown.of(c.name, c.points, c.parts, number_key="points")))
    out = []
    stack = list(reversed(roots))
    while stack:
        path, dotted, b = stack.pop()
        out.append((path, dotted, b))
        stack.extend((path + ("parts", p.name), f"{dotted}.{p.name}", p) for p in reversed(b.parts))
    return out


def value_path(ctx, path: tuple, key: str = "value") -> tuple:
    """Where a figure's number is written: the figure itself, or its ``value`` key."""
    here = ctx.data_at(path)
    return path + (key,) if isinstance(here, dict) and key in here else path


def stated(ctx, b: Breakdown) -> Interval | None:
    """What a figure's own number allows (a reference resolved), None when it states none."""
    a = b.amount
    if a.ref is not None:
        v = ctx.facts.get(a.ref)
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            return None
        return a.interval(to_fraction(v))
    if a.number is None:
        return Interval(Fraction(100), Fraction(100)) if a.unit == "%" and b.parts else None
    return a.interval()


def part_interval(ctx, b: Breakdown) -> Interval:
    """What a part allows: its own number, else what its parts add up to."""
    own = stated(ctx, b)
    if own is not None:
        return own
    return parts_total(ctx, b) if b.parts else Interval.ANY


def parts_total(ctx, b: Breakdown) -> Interval:
    """What a figure's parts add up to."""
    total = Interval(Fraction(0), Fraction(0))
    for p in b.parts:
        total = total + part_interval(ctx, p)
    return total


def _part_text(ctx, p: Breakdown) -> str:
    iv = part_interval(ctx, p)
    return f"{p.name} {show_interval(iv)}" if iv != Interval.ANY else f"{p.name} ?"


@rule(
    "PL208",
    "figure-parts-sum",
    family="sums",
    title="数字的各组成部分加起来与它对不上",
    title_en="the parts of a figure do not add up to it",
    message="“{name}”分为 {parts}，合计 {sum}，与它的数值 {total} 对不上",
    message_en="'{name}' is split into {parts}, which add up to {sum}, not to its value {total}",
    doc_en="""
    A figure with `parts` (a headcount by degree, a quota by level, a cycle total by content, percentages
    over years) must be met by them. Parts may be exact, at least ("≥150") or at most ("≤15"), and may be
    split again: exact parts must add up to an exact figure; floors must not add up to more than the
    figure; ceilings must leave room to reach it. Percentages (unit `%`) with no value must add up to 100.
    Fix: correct the part that changed, or the figure.
    """,
)
def figure_parts_sum(ctx):
    """
    写了 `parts` 的数字（按学历分的人数、按级别分的名额、按内容分的周期学时、按年份分的比例……）必须由各部分凑得上。
    部分可以是确数，也可以是下限（“≥150”“不少于50”）或上限（“≤15”），还可以再分：确数之和必须等于确数的总数；
    下限之和不能超过总数；上限之和不能不够总数。单位为 % 又不写数值时，各部分之和应为 100。

    为什么：总数和组成部分往往写在不同的句子里，改了一处忘了另一处，文件就自相矛盾。
    怎么改：核对后修改变动的那一部分，或修改总数。
    """
    for path, dotted, b in walk(ctx):
        if not b.parts:
            continue
        whole = stated(ctx, b)
        if whole is None:
            continue
        total = parts_total(ctx, b)
        if not total.meets(whole):
            yield Finding(
                value_path(ctx, path, b.number_key) if b.amount.number is not None or b.amount.ref else path,
                {"name": dotted, "parts": " + ".join(_part_text(ctx, p) for p in b.parts),
                 "sum": show_interval(total), "total": show_interval(whole) + (b.unit if b.unit == "%" else "")},
                related=[(value_path(ctx, path + ("parts", p.name)), p.name) for p in b.parts],
                at_key=b.amount.number is None and b.amount.ref is None,
            )


# -- rates ------------------------------------------------------------------

def rate_value(ctx, name: str, mode: str | None) -> Fraction:
    return rates.rate_value(ctx.shared("figures.rates", lambda c: rates.declared(c.plan)), name, mode)


def derivations(ctx, refs: bool = True) -> list:
    """Every figure with a derivation: (path, dotted name, breakdown, derivation, mode, value or
    the EvalError that stops it). ``refs=False`` counts references as 1, to find the rate a
    derivation lacks even where a reference is also wrong. Evaluated once per plan."""
    return ctx.shared(f"figures.derivations.{refs}", lambda c: list(_derivations(c, refs)))


def _derivations(ctx, refs: bool):
    for path, dotted, b in walk(ctx):
        d = b.derivation()
        if d is None:
            continue
        mode = b.figure.mode if b.figure is not None else None
        ref = (lambda name: _ref_value(ctx, name)) if refs else (lambda name: Fraction(1))
        try:
            outcome = evaluate(d, b.unit, lambda name: rate_value(ctx, name, mode), ref)
        except EvalError as e:
            outcome = e
        yield path, dotted, b, d, mode, outcome


def _ref_value(ctx, name: str) -> Fraction:
    v = ctx.facts.get(name)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise EvalError("ref", ref=name)
    return to_fraction(v)


@rule(
    "PL407",
    "derivation-mismatch",
    family="conversions",
    title="数字与它的算法不符",
    title_en="a figure does not match its derivation",
    message="“{name}”写的是 {value}，而按 {expr} 算得 {result}",
    message_en="'{name}' says {value}, but {expr} makes {result}",
    doc_en="""
    A figure with `derive` states how it is made (0.5 学时 × 4 份 = 2 学时; 16 周 × 2 学时 × 2 学期 = 64;
    5 天 × 6 学时 = 30; 20 周 = 140 天): what the derivation makes must be the value written (within its
    bound: "≥64" is met by 64 or more). Units convert with the plan's `rates` (5 天 as 学时 uses
    `rates.hours_per_day`). Fix: correct the figure or the derivation.
    """,
)
def derivation_mismatch(ctx):
    """
    写了 `derive` 的数字说明了它是怎么来的（0.5学时 × 4份 = 2学时；16周 × 2学时 × 2学期 = 64；5天 × 6学时 = 30；20周 = 140天）：
    算得的值必须就是写的数值（写“≥64”时算得 64 或更多即可）。单位按计划的 `rates` 换算（“5天”折成学时用 `rates.hours_per_day`）。

    怎么改：改正数字，或改正算式。
    """
    for path, dotted, b, d, _, result in derivations(ctx):
        if isinstance(result, EvalError):
            continue  # PL408, PL410, PL507, PL511 say why
        unit = b.unit or ""
        claims = []
        own = stated(ctx, b)
        if own is not None:
            claims.append((own, value_path(ctx, path)))
        if d.result is not None and d.result.number is not None:
            claims.append((d.result.interval(), path + ("derive",)))
        for iv, where in claims:
            if not iv.contains(result):
                yield Finding(where, {"name": dotted, "value": show_interval(iv) + unit,
                                      "expr": show_node(d.node), "result": show(result) + unit},
                              related=[(path + ("derive",), "derive")] if where != path + ("derive",) else [])
                break


@rule(
    "PL408",
    "rate-missing",
    family="conversions",
    title="算式需要的换算率没有声明",
    title_en="a derivation needs a rate the plan does not declare",
    message="“{name}”的算式 {expr} 要按 rates.{rate} 换算单位，但计划没有声明它；请在 rates 下写上“{rate}: {example}”",
    message_en="the derivation {expr} of '{name}' converts units with rates.{rate}, which the plan does not declare; declare it under rates, e.g. '{rate}: {example}'",
    doc_en="""
    A derivation in another unit than its figure ("5天" for a figure in 学时) converts with a rate the plan
    declares once under `rates:` (minutes per 学时, 学时 per day, 学时 per 学分). Without it the figure cannot
    be checked. Fix: declare the rate, e.g. `rates: {hours_per_day: 6}`.
    """,
)
def rate_missing(ctx):
    """
    算式的单位与数字的单位不同（学时数写成“5天”）时，要用计划在 `rates:` 中声明一次的换算率（每学时分钟数、每天学时数、每学分学时数）。
    没有声明就无法核对这个数字。

    怎么改：声明换算率，如 `rates: {hours_per_day: 6}`。
    """
    examples = {"minutes_per_hour": 45, "hours_per_day": 6, "hours_per_credit": 10, "days_per_week": 5}
    for path, dotted, _, d, _, e in derivations(ctx, refs=False):
        if isinstance(e, EvalError) and e.kind == "rate":
                rate = e.detail["rate"]
                yield Finding(path + ("derive",), {"name": dotted, "expr": d.text, "rate": rate,
                                                   "example": examples.get(rate, 1)})


@rule(
    "PL409",
    "rate-conflict",
    family="conversions",
    title="同一个换算率写了两个不同的值",
    title_en="one rate is declared with two values",
    message="换算率 {rate} 在 {first} 写的是 {a}，在 {second} 写的是 {b}",
    message_en="the rate {rate} is {a} at {first} but {b} at {second}",
    doc_en="""
    A rate (minutes per 学时, 学时 per 学分 for a mode...) is declared once and used everywhere. Two places that
    declare it differently (`rates.minutes_per_hour` and `hours.minutes_per_hour`, or a shared file under
    `include:` and the plan that overrides it) make the plan's figures disagree. Fix: keep one declaration.
    """,
)
def rate_conflict(ctx):
    """
    换算率（每学时分钟数、某种培训方式每学分的学时数……）声明一次，各处共用。两处写得不同（如 `rates.minutes_per_hour`
    与 `hours.minutes_per_hour`，或 `include:` 的共用文件与覆盖它的计划）时，计划里的数字就会互相矛盾。

    怎么改：只保留一处声明。
    """
    for path, (old, file, span) in ctx.loaded.replaced.items():
        if not _is_rate(path):
            continue
        now = ctx.data_at(path)
        if isinstance(now, (int, float)) and isinstance(old, (int, float)) and not isinstance(now, bool) and now != old:
            name = ".".join(str(p) for p in path)
            where = f"{file}:{span.line}" if span is not None else str(file)
            yield Finding(path, {"rate": name, "first": where, "a": _rate_text(old), "second": name, "b": _rate_text(now)})
    for rate, found in rates.declared(ctx.plan).items():
        if len(found) < 2:
            continue
        (a, apath, aname), (b, bpath, bname) = found[0], found[1]
        if rates.same(a, b):
            continue
        yield Finding(bpath, {"rate": rate, "first": aname, "a": _rate_text(a), "second": bname, "b": _rate_text(b)},
                      related=[(apath, aname)])


def _is_rate(path: tuple) -> bool:
    """A rate's declaration: under ``rates:``, or one of the hours block's rate keys."""
    return (path[:1] == ("rates",) and len(path) >= 2) or (path[:1] == ("hours",) and len(path) == 2 and path[1] in rates.HOURS_KEYS)


def _rate_text(v) -> str:
    if isinstance(v, dict):
        return "、".join(f"{k} {show(to_fraction(x))}" for k, x in v.items())
    return show(to_fraction(v))


@rule(
    "PL410",
    "rate-needs-mode",
    family="conversions",
    title="换算率按培训方式不同，数字没有写方式",
    title_en="a rate differs by mode and the figure names none",
    message="“{name}”的算式要用 rates.{rate}，它按培训方式分别声明（{modes}），{problem}",
    message_en="the derivation of '{name}' uses rates.{rate}, which is declared by mode ({modes}): {problem}",
    doc_en="""
    A rate declared per mode (学时 per 学分: 集中 6, 非集中 8) applies to a figure of one mode. A figure
    derived with it says which (`mode: 集中培训`), and the mode must be one the rate lists.
    Fix: add `mode` to the figure, or the mode to the rate.
    """,
)
def rate_needs_mode(ctx):
    """
    按培训方式声明的换算率（每学分学时：集中 6、非集中 8）只适用于某一种方式的数字。用它换算的数字要写明方式（`mode: 集中培训`），
    而且这种方式必须在换算率里列出。

    怎么改：给数字写上 `mode`，或在换算率中补上这种方式。
    """
    for path, dotted, _, _, mode, e in derivations(ctx, refs=False):
        if isinstance(e, EvalError) and e.kind == "mode":
                where = path + ("mode",) if mode else path + ("derive",)
                modes = e.detail["modes"]
                problem = (Worded("figures.mode.unknown", mode=mode) if mode
                           else Worded("figures.mode.missing", first=modes[0]))
                yield Finding(where, {"name": dotted, "rate": e.detail["rate"], "modes": Listed(modes),
                                      "problem": problem})


@rule(
    "PL511",
    "figure-reference",
    family="coverage",
    title="数字引用的不是数字",
    title_en="a figure cites something that is not a number",
    message="“{name}”引用的 {{={ref}}} 不是数字（它是“{value}”）；数值和算式只能引用数字",
    message_en="'{name}' cites {{={ref}}}, which is not a number (it is '{value}'); values and derivations cite numbers only",
    doc_en="""
    A figure's value or derivation may cite another figure (`value: "{=hours.required}"`,
    `derive: "{=figures.天数} × 6学时"`), and what it cites must be a number (a name that does not exist
    at all is PL507). Fix: cite a figure, not a text or a date.
    """,
)
def figure_reference(ctx):
    """
    数字的数值或算式可以引用别的数字（`value: "{=hours.required}"`、`derive: "{=figures.天数} × 6学时"`）；
    引用的必须是数字（完全不存在的名称由 PL507 报告）。

    怎么改：改为引用一个数字，而不是文字或日期。
    """
    for path, dotted, b in walk(ctx):
        refs: list[tuple[str, tuple]] = []
        if b.amount.ref is not None:
            refs.append((b.amount.ref, value_path(ctx, path)))
        d = b.derivation()
        if d is not None:
            refs.extend((r, path + ("derive",)) for r in _refs(d.node))
        for ref, where in refs:
            v = ctx.facts.get(ref)
            if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
                continue
            yield Finding(where, {"name": dotted, "ref": ref, "value": format_fact(v, None)})


def _refs(node) -> list[str]:
    if isinstance(node, Ref):
        return [node.name]
    if isinstance(node, Op):
        return _refs(node.left) + _refs(node.right)
    return []
