"""Time: spans run forwards, phases sit inside the period and in order, years agree.

Dates that do not exist (2023-02-30) are already type errors (PL101); these
rules compare dates at their precision: a month is the whole month, a day the
whole day, a clock time that instant (a deadline at 17:00 on the period's last
day is inside it).
"""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import match_range
from plancc.catalog import message
from plancc.errors import Worded
from plancc.text.patterns import lazy


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
        if start.first_moment > end.last_moment:
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
        if p.start and first.last_moment < p.start.first_moment:
            yield Finding(("phases", i, key), {"phase": ph.name or i + 1, "when": when, "side": Worded("time.side.before"),
                                               "period": period}, related=[(("period", "start"), "period.start")])
        elif p.end and last.first_moment > p.end.last_moment:
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
        if prev is not None and ph.first.last_moment < prev[1].first.first_moment:
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
    if d.first_moment > p.start.last_moment:
        yield Finding(("document", "date"), {"date": Dates(d), "start": Dates(p.start)}, related=[(("period", "start"), "period.start")])


_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def _plan_years(p) -> tuple[set[int], str] | None:
    years: set[int] = set()
    if p.year:
        years.add(p.year)
    if p.school_year_range:
        years.update(p.school_year_range)
    if p.semester_span:
        years.update(d.year for d in p.semester_span)
    if p.start and p.end:
        years.update(range(p.start.year, p.end.year + 1))
    elif p.start or p.end:
        years.add((p.start or p.end).year)
    if not years:
        return None
    lo, hi = min(years), max(years)
    return years, (str(lo) if lo == hi else f"{lo}—{hi}")


_RANGE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年?\s*[-—–－~至]\s*((?:19|20)\d\d)(?!\d)")


def _cycle_spans(p):
    """The offsets of the years of a written span equal to the plan's cycle (“2022-2026年五年规划”):
    a title naming the programme the plan belongs to names its years rightly."""
    c = p.cycle

    def starts(line: str) -> set[int]:
        if c is None:
            return set()
        out: set[int] = set()
        for m in _RANGE_RE.finditer(line):
            if (int(m.group(1)), int(m.group(2))) == (c.start, c.end):
                out.update((m.start(1), m.start(2)))
        return out

    return starts


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
    cycle_span = _cycle_spans(p)
    for k, line in enumerate(titles):
        written = cycle_span(line)
        for m in _YEAR_RE.finditer(line):
            if int(m.group(1)) not in years and m.start() not in written:
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
    school_year = p.school_year_range or (p.semester_parts[0] if p.semester_parts else None)
    year = p.year or (school_year[0] if school_year else None) or (p.start.year if p.start else None)
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


# -- semesters, programmes and horizons (PL707–PL711) ----------------------------------


class _Nested(Worded):
    """Words whose values are themselves worded in the user's language (dates, other words)."""

    def words(self, lang: str = "zh") -> str:
        return message(self.key, lang, **{k: (v.words(lang) if hasattr(v, "words") else v) for k, v in self.values.items()})


def _semester_dates(school_year, term):
    from plancc.model.period import semester_span

    return semester_span(school_year, term)


@rule(
    "PL707",
    "semester-mismatch",
    family="time",
    severity="warning",
    title="学期与学年度或培训时间不一致",
    title_en="the semester disagrees with the school year or the period",
    message="{detail}",
    message_en="{detail}",
    doc_en="""
    A plan organised by semester (`period.semester: 2024-2025学年第一学期`) must name the same school year
    as `period.school_year`, and its training dates must lie in that semester (the first semester is taken
    as September to the next January, the second as February to July).
    Fix: correct the semester, the school year or the dates.
    """,
)
def semester_mismatch(ctx):
    """
    按学期组织的方案（`period.semester: 2024-2025学年第一学期`），学期所在学年应与 `period.school_year` 一致，培训起止日期也应落在该学期之内（第一学期按9月至次年1月、第二学期按2月至7月计）。

    怎么改：改正学期、学年度或起止日期。
    """
    p = ctx.plan.period
    if p is None or not p.semester_parts:
        return
    (a, b), term = p.semester_parts
    if p.school_year_range and p.school_year_range != (a, b):
        yield Finding(("period", "semester"), {"detail": _Nested("time.semester.school_year", semester=p.semester,
                                                                 school_year=f"{p.school_year_range[0]}-{p.school_year_range[1]}")},
                      related=[(("period", "school_year"), "school_year")])
        return
    first, last = _semester_dates((a, b), term)
    span = Dates(first, last, span=True)
    for key in ("start", "end"):
        d = getattr(p, key)
        if d is not None and (d.last_moment < first.first_moment or d.first_moment > last.last_moment):
            yield Finding(("period", key), {"detail": _Nested("time.semester.date", date=Dates(d), semester=p.semester, span=span)},
                          related=[(("period", "semester"), "semester")])


@rule(
    "PL708",
    "phase-semester",
    family="time",
    severity="warning",
    title="阶段的学期与培训时间或阶段日期不一致",
    title_en="a phase's semester does not fit the period or the phase's dates",
    message="{detail}",
    message_en="{detail}",
    doc_en="""
    A phase placed in a semester (`semester: 第二学期`) is read in the plan's school year (`period.semester`
    or `period.school_year`, or the year the phase writes itself). The semester must overlap the training
    period, and the phase's own dates, if any, must lie in it. A semester the plan gives no school year for
    cannot be placed and is reported too. Fix: correct the semester or the dates, or give the school year.
    """,
)
def phase_semester(ctx):
    """
    写明学期的阶段（`semester: 第二学期`）按方案的学年理解（`period.semester` 或 `period.school_year`，或阶段自己写明的学年）。该学期应与培训时间有交集；阶段另写了起止日期的，日期应落在该学期之内。方案没有给出学年、无法确定是哪个学期的，也会报告。

    怎么改：改正学期或日期，或写明学年度。
    """
    p = ctx.plan.period
    for i, ph in enumerate(ctx.plan.phases):
        if not ph.semester:
            continue
        name = ph.name or i + 1
        school_year, term = p.resolve_semester(ph.semester) if p else (None, 0)
        if school_year is None:
            yield Finding(("phases", i, "semester"), {"detail": _Nested("time.semester.unplaced", phase=name, semester=ph.semester)})
            continue
        from plancc.model.period import semester_words

        words = semester_words(school_year, term)
        first, last = _semester_dates(school_year, term)
        span = Dates(first, last, span=True)
        if p and (p.start or p.end):
            if (p.end and first.first_moment > p.end.last_moment) or (p.start and last.last_moment < p.start.first_moment):
                yield Finding(("phases", i, "semester"), {"detail": _Nested("time.semester.phase_outside", phase=name, semester=words, span=span,
                                                                             period=Dates(p.start, p.end, span=True))},
                              related=[(("period", "start" if p.start else "end"), "period")])
                continue
        when = Dates(ph.start, ph.end, span=True) if (ph.start or ph.end) else Dates(None, ph.due, span=True)
        for key in ("start", "end", "due"):
            d = getattr(ph, key)
            if d is not None and (d.last_moment < first.first_moment or d.first_moment > last.last_moment):
                yield Finding(("phases", i, key), {"detail": _Nested("time.semester.phase_date", phase=name, date=when, semester=words,
                                                                      span=span)},
                              related=[(("phases", i, "semester"), "semester")])
                break


@rule(
    "PL709",
    "programme-ended",
    family="time",
    severity="warning",
    title="方案印发时所属周期规划已经结束",
    title_en="the programme had ended when the plan was issued",
    message="成文日期 {date} 晚于所属周期规划 {start}—{end} 年的结束：周期已经过去",
    message_en="the document is dated {date}, after its programme {start}–{end} ended",
    doc_en="""
    A plan that belongs to a multi-year programme (`period.cycle`, also written in years only:
    `cycle: 2019—2022年`) is issued while the programme runs; a document dated after the programme's last
    year usually means the cycle was copied from an older plan. (A training year outside the cycle is PL706.)
    Fix: update the cycle to the current programme, or correct document.date.
    """,
)
def programme_ended(ctx):
    """
    属于某个多年周期规划的方案（`period.cycle`，也可只写年份：`cycle: 2019—2022年`）应在周期之内印发；成文日期晚于周期最后一年，通常是沿用旧方案时周期没有更新（培训年度不在周期之内的情况见 PL706）。

    怎么改：把周期改为当前的规划，或改正成文日期。
    """
    p, d = ctx.plan.period, ctx.plan.document.date
    if p is None or p.cycle is None or d is None or p.cycle.start > p.cycle.end:
        return
    if d.year > p.cycle.end:
        yield Finding(("document", "date"), {"date": Dates(d), "start": p.cycle.start, "end": p.cycle.end},
                      related=[(("period", "cycle"), "period.cycle")])


_NUM = r"[一二两三四五六七八九十\d]"
# “三年行动计划”“五年规划”“用三年时间”: a programme's length in years
# (“用三年时间” looks ahead; “近三年时间里” looks back and is not read)
_LENGTH_RE = lazy(rf"(?:(?<=用)|(?<![\d一二两三四五六七八九十第近前过去]))({_NUM}{{1,2}})\s*年\s*"
                        rf"(?:(?:教师培训|培训|发展|提升|振兴)?(行动计划|行动方案|规划|计划)|(?<=用{_NUM}年)(时间)|(?<=用{_NUM}{_NUM}年)(时间))")
_LENGTH_HINT = re.compile(r"年\s*(?:时间|规划|计划|行动)|年(?:教师培训|培训|发展|提升|振兴)(?:行动|规划|计划)")
# “到2025年”“至2025年底”: a goal's horizon
# not “截至2020年” (a count so far) nor “2018年至2020年” (a span looking back)
_HORIZON_RE = lazy(r"(?<![\d年月日截])(?:到|至)\s*((?:19|20)\d\d)\s*年(?![\d—\-–至~])")
_HORIZON_HINT = re.compile(r"(?:到|至)\s*(?:19|20)\d\d")


class _Quotes:
    """Whether a place is inside 《…》 or “…” (the title of another document, a quotation: not
    this plan's words). Asked at increasing places, it counts each stretch of text once."""

    def __init__(self, text: str):
        self.text, self.pos, self.depth = text, 0, [0, 0]

    def inside(self, at: int) -> bool:
        t, p = self.text, self.pos
        self.depth[0] += t.count("《", p, at) - t.count("》", p, at)
        self.depth[1] += t.count("“", p, at) - t.count("”", p, at)
        self.pos = at
        return self.depth[0] > 0 or self.depth[1] > 0


def _texts(ctx, hint):
    """(path, text, in the title) for the title lines and the prose strings that may match."""
    doc = ctx.plan.document
    for k, line in enumerate(doc.title_lines):
        yield (("document", "title", k) if isinstance(doc.title, list) else ("document", "title")), line, True
    for path, text in ctx.prose_matching(hint):
        if path[:2] == ("document", "title") or path[:1] in (("include",), ("catalog",), ("basis",)):
            continue
        if path[:2] == ("document", "basis"):
            continue
        yield path, text, False


def _span_years(p) -> tuple[int, int, str] | None:
    """(first year, last year, what) of the programme the plan states: its cycle, else a period of several years."""
    if p is None:
        return None
    if p.cycle and p.cycle.start <= p.cycle.end:
        return p.cycle.start, p.cycle.end, "cycle"
    if p.start and p.end and p.end.year > p.start.year and not p.school_year_range and not p.semester:
        return p.start.year, p.end.year, "period"
    return None


@rule(
    "PL710",
    "programme-length",
    family="time",
    severity="warning",
    title="写明的规划年限与周期或培训时间不符",
    title_en="a stated programme length does not fit the cycle or period",
    message="{where}写的是{stated}年（“{text}”），而{what} {start}—{end} 是 {years} 年",
    message_en="{where} says {stated} years ('{text}'), but {what} {start}–{end} is {years} years",
    doc_en="""
    A length written in words (“三年行动计划”, “五年规划”, “用三年时间”) must equal the years of the programme
    the plan states: `period.cycle`, or a period running over several calendar years. Only the plan's own
    words are read: the title and its prose, not the titles of other documents in 《》 or quotations, and
    nothing when the plan states no multi-year span. Fix: correct the length or the cycle.
    """,
)
def programme_length(ctx):
    """
    用文字写出的年限（“三年行动计划”“五年规划”“用三年时间”）应与方案所写的规划年限一致：`period.cycle`，或跨越几个年度的培训时间。只读方案自己的话：标题和正文，不读《》中其他文件的标题和引号中的引文；方案没有写多年期限的不检查。

    怎么改：改正年限或周期。
    """
    from plancc.text.numerals import parse_cn_number

    span = _span_years(ctx.plan.period)
    if span is None:
        return
    start, end, what = span
    years = end - start + 1
    for path, text, in_title in _texts(ctx, _LENGTH_HINT):
        quotes = _Quotes(text)
        for m in _LENGTH_RE().finditer(text):
            if quotes.inside(m.start()):
                continue
            if (m.group(3) or m.group(4)) and not in_title and what != "cycle":
                continue
            stated = parse_cn_number(m.group(1))
            if stated is None or stated < 2 or stated == years:
                continue
            yield Finding(path, {"where": Worded("time.where.title") if in_title else Worded("time.where.text"),
                                 "stated": stated, "text": m.group(0), "what": Worded(f"time.what.{what}"),
                                 "start": start, "end": end, "years": years},
                          text_range=match_range(m),
                          related=[(("period", "cycle") if what == "cycle" else ("period", "start"), f"period.{what if what == 'cycle' else 'start'}")])
            break


@rule(
    "PL711",
    "goal-horizon",
    family="time",
    severity="warning",
    title="目标年份已经过去或超出规划周期",
    title_en="a goal's horizon year has passed or lies beyond the programme",
    message="{where}写的是“{text}”，而{detail}",
    message_en="{where} says '{text}', but {detail}",
    doc_en="""
    A goal “到2025年……” is a year the plan works towards: a year before the plan's own (a target copied from an
    old plan) is always reported; in the title, a year beyond the end of `period.cycle` is reported too.
    Prose may quote national long-range targets (“到2035年”), so beyond the cycle only the title counts.
    Quotations and titles in 《》 are not read. Fix: update the year or the cycle.
    """,
)
def goal_horizon(ctx):
    """
    “到2025年……”这样的目标年份是方案要达到的年份：早于方案本身年份的（沿用旧方案的目标），一律报告；标题中的目标年份晚于 `period.cycle` 的结束年份，也报告。正文常引用国家的远景目标（“到2035年”），所以超出周期只看标题。不读引号和《》中的文字。

    怎么改：改正年份或周期。
    """
    p = ctx.plan.period
    if p is None:
        return
    known = _plan_years(p)
    cycle = p.cycle if p.cycle and p.cycle.start <= p.cycle.end else None
    if known is None and cycle is None:
        return
    first = min(known[0]) if known else cycle.start
    if cycle:
        first = min(first, cycle.start)
    for path, text, in_title in _texts(ctx, _HORIZON_HINT):
        quotes = _Quotes(text)
        for m in _HORIZON_RE().finditer(text):
            if quotes.inside(m.start()):
                continue
            year = int(m.group(1))
            if year < first:
                detail = Worded("time.horizon.past", year=year, first=first)
            elif in_title and cycle and year > cycle.end:
                detail = Worded("time.horizon.beyond", year=year, start=cycle.start, end=cycle.end)
            else:
                continue
            yield Finding(path, {"where": Worded("time.where.title") if in_title else Worded("time.where.text"),
                                 "text": m.group(0), "detail": detail}, text_range=match_range(m))
            break
