"""Time: spans run forwards, phases sit inside the period and in order, years agree.

Dates that do not exist (2023-02-30) are already type errors (PL101); these
rules compare dates at their precision: a month is the whole month.
"""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import match_range
from plancc.catalog import message
from plancc.errors import Worded


class Dates:
    """A date or a span of dates in a finding: written the Chinese way (2024年7—9月) in
    Chinese, as ISO dates in English."""

    def __init__(self, start, end=None, *, span: bool = False):
        self.start, self.end, self.span = start, end, span

    def words(self, lang: str = "zh") -> str:
        from plancc.model.dates import cn_range

        if lang != "en":
            return cn_range(self.start, self.end) if self.span else self.start.cn()
        if not self.span:
            return self.start.iso()
        if self.start is None:
            return message("time.dates.until", lang, end=self.end.iso())
        if self.end is None:
            return message("time.dates.from", lang, start=self.start.iso())
        if self.start == self.end:
            return self.start.iso()
        return message("time.dates.span", lang, start=self.start.iso(), end=self.end.iso())


def _spans(plan):
    """(path of the start, label, start, end) for every dated span in the plan."""
    p = plan.period
    if p and p.start and p.end:
        yield ("period", "start"), Worded("time.what.period"), p.start, p.end
    for i, ph in enumerate(plan.phases):
        if ph.start and ph.end:
            yield ("phases", i, "start"), Worded("time.what.phase", name=ph.name or i + 1), ph.start, ph.end


@rule(
    "PL701",
    "span-reversed",
    family="time",
    title="开始日期晚于结束日期",
    title_en="a span starts after it ends",
    message="{what}的开始 {start} 晚于结束 {end}",
    message_en="{what} starts on {start}, after it ends on {end}",
    doc_en="""
    The training period, each phase and the cycle must start no later than they end. Months are compared
    as whole months (2022-11 to 2022-11-15 is fine). Fix: correct or swap the dates.
    """,
)
def span_reversed(ctx):
    """
    培训时间、各阶段和周期规划的开始都不能晚于结束。按书写精度比较：只写到月的日期代表整个月（2022-11 到 2022-11-15 没有问题）。

    怎么改：改正或交换两个日期。
    """
    for path, what, start, end in _spans(ctx.plan):
        if start.first_day > end.last_day:
            yield Finding(path, {"what": what, "start": Dates(start), "end": Dates(end)},
                          related=[(path[:-1] + ("end",), "end")])
    p = ctx.plan.period
    if p and p.cycle and p.cycle.start > p.cycle.end:
        yield Finding(("period", "cycle", "start"), {"what": Worded("time.what.cycle"), "start": p.cycle.start, "end": p.cycle.end},
                      related=[(("period", "cycle", "end"), "end")])


@rule(
    "PL702",
    "phase-outside-period",
    family="time",
    severity="warning",
    title="阶段超出培训时间",
    title_en="a phase lies outside the training period",
    message="阶段“{phase}”的时间 {when} {side}培训时间 {period}",
    message_en="phase '{phase}' ({when}) {side} the training period {period}",
    doc_en="""
    Every phase should lie inside the training period (`period.start`–`period.end`). A phase before the
    start or after the end usually means a date was not updated from last year's plan.
    Fix: correct the phase's date or the period; if the plan really starts early, suppress with a reason.
    """,
)
def phase_outside_period(ctx):
    """
    每个阶段都应在培训时间（`period.start`—`period.end`）之内。阶段早于开始或晚于结束，往往是沿用去年方案时日期没改。

    怎么改：改正阶段或培训时间的日期；确实提前开始的，用抑制注释写明原因。
    """
    p = ctx.plan.period
    if not p or not (p.start or p.end):
        return
    period = Dates(p.start, p.end, span=True)
    for i, ph in enumerate(ctx.plan.phases):
        first, last = ph.first, ph.last
        if first is None:
            continue
        when = Dates(ph.start, ph.end, span=True) if ph.start else Dates(None, ph.due or ph.end, span=True)
        key = "start" if ph.start else ("due" if ph.due else "end")
        if p.start and first.last_day < p.start.first_day:
            yield Finding(("phases", i, key), {"phase": ph.name or i + 1, "when": when, "side": Worded("time.side.before"),
                                               "period": period}, related=[(("period", "start"), "period.start")])
        elif p.end and last.first_day > p.end.last_day:
            key = "end" if ph.end else ("due" if ph.due else "start")
            yield Finding(("phases", i, key), {"phase": ph.name or i + 1, "when": when, "side": Worded("time.side.after"),
                                               "period": period}, related=[(("period", "end"), "period.end")])


@rule(
    "PL703",
    "phases-out-of-order",
    family="time",
    severity="warning",
    title="阶段没有按时间先后排列",
    title_en="phases are not in time order",
    message="阶段“{phase}”（{when}）排在“{prev}”（{prev_when}）之后，却开始得更早",
    message_en="phase '{phase}' ({when}) is listed after '{prev}' ({prev_when}) but starts earlier",
    doc_en="""
    Phases are numbered 第一阶段, 第二阶段… in the order written, so they should run in that order.
    Fix: reorder the phases or correct a date.
    """,
)
def phases_out_of_order(ctx):
    """
    阶段按书写顺序编为第一阶段、第二阶段……，所以应当按时间先后排列。

    怎么改：调整阶段顺序，或改正日期。
    """
    prev = None
    for i, ph in enumerate(ctx.plan.phases):
        if ph.first is None:
            continue
        if prev is not None and ph.first.last_day < prev[1].first.first_day:
            j, before = prev
            yield Finding(("phases", i, "start" if ph.start else ("due" if ph.due else "end")),
                          {"phase": ph.name or i + 1, "when": Dates(ph.first), "prev": before.name or j + 1, "prev_when": Dates(before.first)},
                          related=[(("phases", j), before.name or str(j + 1))])
        prev = (i, ph)


@rule(
    "PL704",
    "issued-after-start",
    family="time",
    severity="warning",
    title="成文日期晚于培训开始",
    title_en="the document is dated after the training starts",
    message="成文日期 {date} 晚于培训开始 {start}：方案应在培训开始前印发",
    message_en="the document is dated {date}, after the training starts on {start}; a plan is issued before it starts",
    doc_en="""
    An implementation plan is issued before the training it governs; a date after `period.start` usually
    means a stale date (or a plan issued late, which is worth a suppression with the reason).
    Fix: correct document.date or period.start.
    """,
)
def issued_after_start(ctx):
    """
    实施方案应在培训开始之前印发；成文日期晚于 `period.start`，通常是日期没有更新（确属补发的，用抑制注释写明原因）。

    怎么改：改正 document.date 或 period.start。
    """
    d, p = ctx.plan.document.date, ctx.plan.period
    if d is None or p is None or p.start is None:
        return
    if d.first_day > p.start.last_day:
        yield Finding(("document", "date"), {"date": Dates(d), "start": Dates(p.start)}, related=[(("period", "start"), "period.start")])


_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def _plan_years(p) -> tuple[set[int], str] | None:
    years: set[int] = set()
    if p.year:
        years.add(p.year)
    if p.school_year_range:
        years.update(p.school_year_range)
    if p.start and p.end:
        years.update(range(p.start.year, p.end.year + 1))
    elif p.start or p.end:
        years.add((p.start or p.end).year)
    if not years:
        return None
    lo, hi = min(years), max(years)
    return years, (str(lo) if lo == hi else f"{lo}—{hi}")


@rule(
    "PL705",
    "year-mismatch",
    family="time",
    severity="warning",
    title="标题或培训年度中的年份与培训时间不一致",
    title_en="a year in the title or training year disagrees with the period",
    message="{where}写的是 {year} 年，而培训年度与培训时间是 {known} 年",
    message_en="{where} says {year}, but the plan's training year and period are {known}",
    doc_en="""
    Years are typed in several places (title “2022年…实施方案”, `period.year`, `school_year`, the period's dates);
    a plan copied from last year often keeps one old year. Each must agree with the others.
    Fix: update the stale year.
    """,
)
def year_mismatch(ctx):
    """
    年份写在好几处（标题“2022年……实施方案”、`period.year`、`school_year`、培训起止日期），沿用去年的方案时常常漏改一处，它们必须互相一致。

    怎么改：改正过时的年份。
    """
    p = ctx.plan.period
    if p is None:
        return
    if p.year and (p.start or p.end):
        span = set(range((p.start or p.end).year, (p.end or p.start).year + 1))
        if p.year not in span:
            yield Finding(("period", "year"), {"where": Worded("time.where.key", key="period.year"), "year": p.year,
                                                "known": "—".join(map(str, sorted({min(span), max(span)})))},
                          related=[(("period", "start" if p.start else "end"), "period")])
    if p.school_year_range and (p.start or p.end):
        a, b = p.school_year_range
        for key in ("start", "end"):
            d = getattr(p, key)
            if d is not None and d.year not in (a, b):
                yield Finding(("period", key), {"where": Worded("time.where.key", key=f"period.{key}"), "year": d.year, "known": f"{a}—{b}"},
                              related=[(("period", "school_year"), "school_year")])
    known = _plan_years(p)
    if known is None:
        return
    years, label = known
    doc = ctx.plan.document
    titles = doc.title_lines
    for k, line in enumerate(titles):
        for m in _YEAR_RE.finditer(line):
            if int(m.group(1)) not in years:
                path = ("document", "title", k) if isinstance(doc.title, list) else ("document", "title")
                yield Finding(path, {"where": Worded("time.where.title"), "year": m.group(1), "known": label},
                              text_range=match_range(m))


@rule(
    "PL706",
    "cycle-year",
    family="time",
    title="培训年度与周期规划对不上",
    title_en="the training year does not fit the cycle",
    message="{detail}",
    message_en="{detail}",
    doc_en="""
    A plan that is year N of a multi-year cycle (“新一轮五年规划第一年”) must have its training year inside
    the cycle, and `cycle.year` must equal `period.year − cycle.start + 1`. Fix: correct the year or the cycle.
    """,
)
def cycle_year(ctx):
    """
    作为多年周期规划某一年的方案（如“新一轮五年规划第一年”），培训年度必须在周期之内，且 `cycle.year` 应等于 `period.year − cycle.start + 1`。

    怎么改：改正培训年度或周期设置。
    """
    p = ctx.plan.period
    if not p or not p.cycle or p.cycle.start > p.cycle.end:
        return
    c = p.cycle
    year = p.year or (p.school_year_range[0] if p.school_year_range else None) or (p.start.year if p.start else None)
    if c.year is not None and c.year > c.years:
        yield Finding(("period", "cycle", "year"),
                      {"detail": Worded("time.cycle.beyond", year=c.year, start=c.start, end=c.end, years=c.years)})
        return
    if year is None:
        return
    if not c.start <= year <= c.end:
        yield Finding(("period", "cycle"), {"detail": Worded("time.cycle.outside", year=year, start=c.start, end=c.end)},
                      at_key=True)
    elif c.year is not None and c.year != year - c.start + 1:
        yield Finding(("period", "cycle", "year"),
                      {"detail": Worded("time.cycle.mismatch", year=year, start=c.start, end=c.end, nth=year - c.start + 1, stated=c.year)})
