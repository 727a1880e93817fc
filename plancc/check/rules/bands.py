"""Grade bands: the 等次 of an assessment meet end to end, do not overlap, stay within the total,
agree with its pass and excellence marks, and their quotas fit in 100 %."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from plancc.check.registry import Finding, rule
from plancc.errors import Worded
from plancc.quantities.amount import parse_amount, show, to_fraction


@dataclass
class _Span:
    """A band's scores: [low, high], the high end inclusive unless written as "below"."""

    index: int
    name: str
    low: Fraction
    high: Fraction | None  # None: up to the total (or without end when there is none)
    high_inclusive: bool
    low_written: bool


def spans(a) -> list[_Span]:
    out = []
    for j, b in enumerate(a.bands):
        high = b.max if b.max is not None else b.below
        out.append(_Span(j, b.name, to_fraction(b.min) if b.min is not None else Fraction(0),
                         to_fraction(high) if high is not None else (to_fraction(a.total) if a.total is not None else None),
                         b.below is None, b.min is not None))
    return out


def _text(s: _Span) -> str:
    high = "" if s.high is None else show(s.high) + ("" if s.high_inclusive else "（不含）")
    return f"{s.name} {show(s.low)}—{high}"


def _step(*values: Fraction) -> Fraction:
    """The finest step the figures are written in: 89.9 → 0.1, 89 → 1."""
    places = 0
    for v in values:
        d = Decimal(v.numerator) / Decimal(v.denominator)
        places = max(places, -d.normalize().as_tuple().exponent if d != d.to_integral() else 0)
    return Fraction(1, 10**places)


def _band_path(i: int, s: _Span, key: str) -> tuple:
    return ("assessments", i, "bands", s.index, key)


@rule(
    "PL605",
    "band-outside-scale",
    family="ranges",
    title="成绩等次的分数范围颠倒或超出满分",
    title_en="a grade band is reversed or beyond the total",
    message="考核方案“{scheme}”的等次“{band}”是 {low}—{high} 分{problem}",
    message_en="band '{band}' of assessment '{scheme}' is {low}–{high} points{problem}",
    doc_en="""
    Each grade band runs from its lowest to its highest score, within the scheme's total (优秀 90–100 of 100).
    A band whose lowest score is above its highest, or that reaches above the total, cannot be met.
    Fix: correct the band's scores, or the total.
    """,
)
def band_outside_scale(ctx):
    """
    每个成绩等次从最低分到最高分，都在满分以内（如满分 100 时 优秀 90—100）。最低分高于最高分、或超出满分的等次无法成立。

    怎么改：改正等次的分数，或改正满分。
    """

    for i, a in enumerate(ctx.plan.assessments):
        for s in spans(a):
            b = a.bands[s.index]
            if s.high is not None and (s.low > s.high or (s.low == s.high and not s.high_inclusive)):
                yield Finding(_band_path(i, s, "min"), {"scheme": a.id, "band": s.name, "low": show(s.low), "high": show(s.high),
                                                         "problem": Worded("bands.reversed")})
                continue
            over = [k for k in ("max", "below", "min") if a.total is not None and (getattr(b, k) or 0) > a.total]
            if over:
                key = over[0]
                yield Finding(_band_path(i, s, key), {"scheme": a.id, "band": s.name, "low": show(s.low), "high": show(s.high),
                                                       "problem": Worded("bands.above_total", total=show(to_fraction(a.total)))},
                              related=[(("assessments", i, "total"), "total")])


def _neighbours(ctx):
    """Each two bands next to each other on the scale: (assessment index, assessment, lower, upper)."""
    for i, a in enumerate(ctx.plan.assessments):
        ordered = _ordered(a)
        for prev, nxt in zip(ordered, ordered[1:]):
            yield i, a, prev, nxt


def _ordered(a) -> list[_Span]:
    """The bands from the lowest up, leaving out reversed ones (PL605 reports them)."""
    usable = [s for s in spans(a) if s.high is None or s.low <= s.high]
    return sorted(usable, key=lambda s: (s.low, s.high if s.high is not None else Fraction(10**9)))


@rule(
    "PL606",
    "bands-overlap",
    family="ranges",
    title="成绩等次的分数范围重叠",
    title_en="grade bands overlap",
    message="考核方案“{scheme}”的等次重叠：{first} 与 {second}，{score} 分属于哪一等说不清",
    message_en="the grade bands of assessment '{scheme}' overlap: {first} and {second}; a score of {score} falls in both",
    doc_en="""
    A score belongs to one band only: 良好 75–89.9 and 优秀 90–100 meet; 良好 75–90 and 优秀 90–100 overlap at 90.
    Write "below: 90" for a band that stops short of 90. Fix: correct one of the two bands.
    """,
)
def bands_overlap(ctx):
    """
    一个分数只能属于一个等次：良好 75—89.9 与 优秀 90—100 首尾相接；良好 75—90 与 优秀 90—100 在 90 分处重叠。
    “不到 90 分”写 `below: 90`。

    怎么改：改正其中一个等次的分数。
    """
    for i, a, prev, nxt in _neighbours(ctx):
        if prev.high is None or nxt.low < prev.high or (nxt.low == prev.high and prev.high_inclusive):
            yield Finding(_band_path(i, nxt, "min") if nxt.low_written else ("assessments", i, "bands", nxt.index),
                          {"scheme": a.id, "first": _text(prev), "second": _text(nxt), "score": show(nxt.low)},
                          related=[(("assessments", i, "bands", prev.index), prev.name)])


@rule(
    "PL607",
    "bands-gap",
    family="ranges",
    severity="warning",
    title="成绩等次之间有空档",
    title_en="grade bands leave a gap",
    message="考核方案“{scheme}”的等次之间有空档：{first} 与 {second} 之间的分数不属于任何等次",
    message_en="the grade bands of assessment '{scheme}' leave a gap: scores between {first} and {second} fall in none",
    doc_en="""
    The bands cover the scale end to end. 良好 75–89.9 and 优秀 90–100 meet (figures written to one decimal
    step by 0.1); 良好 75–89 and 优秀 90–100 meet for whole points; 良好 75–89.5 and 优秀 90–100 leave scores
    from 89.6 to 89.9 without a band. Fix: close the gap.
    """,
)
def bands_gap(ctx):
    """
    各等次应首尾相接覆盖全部分数。良好 75—89.9 与 优秀 90—100 相接（写到一位小数时以 0.1 为步长）；
    良好 75—89 与 优秀 90—100 按整分相接；良好 75—89.5 与 优秀 90—100 之间的 89.6—89.9 分没有等次。

    怎么改：补上空档。
    """
    for i, a, prev, nxt in _neighbours(ctx):
        if prev.high is None:
            continue
        gap = nxt.low - prev.high
        limit = _step(prev.high, nxt.low) if prev.high_inclusive else Fraction(0)
        if gap > limit:
            yield Finding(_band_path(i, nxt, "min"), {"scheme": a.id, "first": _text(prev), "second": _text(nxt)},
                          related=[(("assessments", i, "bands", prev.index), prev.name)])


@rule(
    "PL608",
    "mark-off-bands",
    family="ranges",
    title="合格线或优秀线与成绩等次不一致",
    title_en="the pass or excellence mark disagrees with the grade bands",
    message="考核方案“{scheme}”的{mark}是 {value} 分，而等次“{band}”从 {low} 分起",
    message_en="the {mark_en} of assessment '{scheme}' is {value}, but band '{band}' starts at {low}",
    doc_en="""
    A scheme that states both a pass mark and grade bands says the same thing twice: the lowest passing band
    starts at the pass mark (合格 60–74.9 with pass_mark 60), and 优秀 starts at the excellence mark.
    Fix: correct the mark or the band.
    """,
)
def mark_off_bands(ctx):
    """
    同时写了合格线和成绩等次，就是把一件事说了两遍：最低的合格等次应从合格线起（合格 60—74.9 对应 pass_mark 60），
    “优秀”等次应从优秀线起。

    怎么改：改正分数线或等次。
    """
    for i, a in enumerate(ctx.plan.assessments):
        if not a.bands:
            continue
        passing = [s for s in spans(a) if a.bands[s.index].is_passing]
        if a.pass_mark is not None and passing:
            lowest = min(passing, key=lambda s: s.low)
            if lowest.low != to_fraction(a.pass_mark):
                yield Finding(("assessments", i, "pass_mark"), {"scheme": a.id, "mark": "合格线", "mark_en": "pass mark",
                                                                "value": show(to_fraction(a.pass_mark)), "band": lowest.name,
                                                                "low": show(lowest.low)},
                              related=[(_band_path(i, lowest, "min"), lowest.name)])
        top = next((s for s in spans(a) if a.bands[s.index].name == "优秀"), None)
        if a.excellent_mark is not None and top is not None and top.low != to_fraction(a.excellent_mark):
            yield Finding(("assessments", i, "excellent_mark"), {"scheme": a.id, "mark": "优秀线", "mark_en": "excellence mark",
                                                                 "value": show(to_fraction(a.excellent_mark)), "band": top.name,
                                                                 "low": show(top.low)},
                          related=[(_band_path(i, top, "min"), top.name)])


@rule(
    "PL308",
    "band-quotas-over-100",
    family="bounds",
    title="各等次的名额比例合计超过 100%",
    title_en="the band quotas add up to more than 100%",
    message="考核方案“{scheme}”各等次的名额比例至少为 {parts} = {sum}%，超过了 100%",
    message_en="the band quotas of assessment '{scheme}' are at least {parts} = {sum}%, more than 100%",
    doc_en="""
    A quota caps or fixes the share of trainees in a band (优秀 ≤ 5%). Fixed shares and floors of all bands
    together cannot exceed 100% of the trainees. Fix: correct a quota.
    """,
)
def band_quotas(ctx):
    """
    名额比例限定某一等次所占参训人数的比例（如 优秀 ≤5%）。各等次的确定比例和下限加起来不能超过参训人数的 100%。

    怎么改：改正某一等次的比例。
    """
    for i, a in enumerate(ctx.plan.assessments):
        floors = []
        for j, b in enumerate(a.bands):
            if b.quota is None:
                continue
            q = parse_amount(b.quota)
            if q.number is not None and not q.at_most:
                floors.append((j, b.name, q.number))
        total = sum((v for _, _, v in floors), Fraction(0))
        if total > 100 or any(v > 100 for _, _, v in floors):
            yield Finding(("assessments", i, "bands"), {"scheme": a.id, "parts": " + ".join(f"{n} {show(v)}" for _, n, v in floors),
                                                        "sum": show(total)},
                          related=[(("assessments", i, "bands", j, "quota"), n) for j, n, _ in floors], at_key=True)
