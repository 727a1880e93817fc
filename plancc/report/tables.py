"""A plan's tables as data: the one model every ``plancc show`` format is drawn from.

Each table is a name (an English identifier, stable for scripts), a title and
columns in the user's language, and rows of plain values: text, a number, a
percentage (written as the plan writes it, 70 for 70%), a whole number, or a
date (:class:`PartialDate`). ``None`` is a value the plan does not give: every
format leaves it empty, none invents a 0. Computed rows (合计) are kept apart in
``totals``, so a spreadsheet can sort ``rows`` without them.

The terminal (rich), JSON, CSV and Excel outputs only format these values, so
what the terminal shows and what the spreadsheet holds cannot disagree. A
column may be for the screen only (``file=False``: one "时间" cell instead of
the start, end and due dates) or for files only (``screen=False``), and a
table may be too long for the screen by default (``brief=False``: every course
of the catalog); ``--table NAME`` shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from plancc.catalog import joined, message
from plancc.model.dates import cn_range
from plancc.model.plan import Plan

#: a date column holds PartialDate values
Kind = Literal["text", "number", "percent", "int", "date"]
#: the kinds a spreadsheet keeps as numbers
NUMERIC: tuple[str, ...] = ("number", "percent", "int")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: Kind = "text"
    #: hidden on the screen when no row has a value (the files keep a stable shape)
    optional: bool = False
    screen: bool = True
    file: bool = True
    #: names the group a row belongs to (its scheme, its stage): on the screen a value is
    #: written once for the rows it heads, and a column of one value moves into the title
    group: bool = False
    #: a column of long text (tasks, module lists, descriptions) takes a larger share of a narrow terminal
    wide: bool = False
    #: a short phrase (a span of dates) kept on one line while the terminal allows
    keep: bool = False


@dataclass
class TableData:
    name: str
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    #: computed rows (合计), after the rows; ``bad``: indices of totals that do not add up
    totals: list[list[Any]] = field(default_factory=list)
    bad: set[int] = field(default_factory=set)
    #: how deep each row's first cell is indented on the screen (the parts of a figure)
    depth: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: shown on the screen unless the user asks for other tables; False: only when asked for
    brief: bool = True

    def add(self, *values: Any, depth: int = 0) -> None:
        assert len(values) == len(self.columns), (self.name, values)
        self.rows.append(list(values))
        self.depth.append(depth)

    def total(self, *values: Any, bad: bool = False) -> None:
        assert len(values) == len(self.columns), (self.name, values)
        if bad:
            self.bad.add(len(self.totals))
        self.totals.append(list(values))

    def file_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.file]

    def screen_columns(self) -> list[int]:
        every = self.rows + self.totals
        return [i for i, c in enumerate(self.columns)
                if c.screen and not (c.optional and all(r[i] is None or r[i] == "" for r in every))]


def _table(name: str, lang: str, cols: list[tuple], **kw) -> TableData:
    """``cols``: (key, kind, options…) with options "optional", "screen" (screen only), "file" (files only), "group"."""
    columns = []
    for key, kind, *opts in cols:
        columns.append(Column(key, message(f"show.c.{name}.{key}", lang), kind, optional="optional" in opts,
                              screen="file" not in opts, file="screen" not in opts, group="group" in opts,
                              wide="wide" in opts, keep="keep" in opts))
    return TableData(name, message(f"show.t.{name}", lang), columns, **kw)


def _num(v):
    """A plan's number as a number: 72.0 → 72 (a clerk types 72)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _sum(values) -> Any:
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return _num(sum(values))


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) < 1e-6


# --------------------------------------------------------------------------- the tables

def basis_table(plan: Plan, lang: str, registry=None) -> TableData | None:
    """The basis documents and what the registry says of each: known (issuer, date), unknown, or differing."""
    if not plan.document.basis:
        return None
    from plancc.check.rules.prose.citations import basis_citations, identify, other_title, wrong_number
    from plancc.citations import builtin

    reg = registry or builtin()
    t = _table("basis", lang, [("title", "text", "wide"), ("number", "text", "optional"), ("registry", "text", "wide")])
    for c in basis_citations(plan):
        wrong, other = wrong_number(reg, c), other_title(reg, c)
        if wrong is not None:
            status = message("citations.show.mismatch", lang, expected=wrong.number)
        elif other is not None:
            status = message("citations.show.mismatch", lang, expected=f"《{other.title}》")
        else:
            doc = identify(reg, c)
            if doc is None:
                status = message("citations.show.unknown", lang)
            else:
                when = (doc.date.cn() if lang == "zh" else doc.date.iso()) if doc.date else message("citations.no_date", lang)
                status = message("citations.show.known", lang) + (f"（{doc.issuer}，{when}）" if lang == "zh" else f" ({doc.issuer}, {when})")
        t.add(f"《{c.title}》", c.number, status)
    return t


def _bound(at_least: bool, at_most: bool, lang: str) -> str | None:
    return message("show.v.at_least", lang) if at_least else message("show.v.at_most", lang) if at_most else None


def hours_table(plan: Plan, lang: str) -> TableData | None:
    """Every form a plan holds hours in: hours (required and its scope, offered, components,
    minutes, credits, school-based, new-teacher and head-teacher hours), the cycle's totals
    (period.cycle) and the figures counted in 学时 (周期学时 and its parts)."""
    from plancc.model.facts import plan_facts
    from plancc.model.figures import SCOPE_WORDS, Breakdown

    t = _table("hours", lang, [("item", "text"), ("value", "number"), ("unit", "text"), ("bound", "text", "optional"),
                               ("scope", "text", "optional"), ("note", "text", "optional"), ("ref", "text", "optional")])
    v = lambda key: message(f"show.v.{key}", lang)  # noqa: E731
    scope = lambda s: SCOPE_WORDS.get(s) if lang == "zh" else s  # noqa: E731
    hour, minute = v("hour"), v("minute")
    h = plan.hours
    if h is not None:
        if h.required is not None:
            guessed = None if h.scope else v("scope.kind")
            t.add(v("hours.required"), _num(h.required), hour, _bound(h.at_least, False, lang), scope(plan.hours_scope), guessed,
                  "{=hours.required}")
        for c in h.components:
            t.add(c.name, _num(c.hours), hour, _bound(c.at_least, False, lang), None, c.description,
                  "{=hours.components." + c.name + "}", depth=1)
        if h.components:
            total = _sum(c.hours for c in h.components)
            ok = h.required is None or _close(total, h.required)
            note = v("sum.ok") if ok else message("show.v.sum.differs", lang, expected=_fmt(h.required))
            t.total(v("hours.components"), total, hour, None, None, note, None, bad=not ok)
        if h.offered is not None:
            ratio = message("show.v.ratio", lang, ratio=f"{h.offered / h.required:.2f}") if h.required else None
            t.add(v("hours.offered"), _num(h.offered), hour, None, None, ratio, "{=hours.offered}")
        if h.offered_ratio is not None:
            t.add(v("hours.offered_ratio"), _num(h.offered_ratio), v("times"), v("at_least"), None, None, None)
        if h.minutes_per_hour is not None:
            t.add(v("hours.minutes_per_hour"), h.minutes_per_hour, minute, None, None, None, None)
        if h.required_minutes is not None:
            note = None
            if h.required is not None and h.minutes_per_hour:
                want = _num(h.required * h.minutes_per_hour)
                note = v("sum.ok") if _close(want, h.required_minutes) else message("show.v.sum.differs", lang, expected=_fmt(want))
            t.add(v("hours.required_minutes"), _num(h.required_minutes), minute, None, None, note, None)
        if h.compulsory_minutes is not None:
            t.add(v("hours.compulsory_minutes"), _num(h.compulsory_minutes), minute, v("at_least"), None, None, None, depth=1)
        if h.school_based is not None:
            t.add(v("hours.school_based"), _num(h.school_based), hour, None, None, None, "{=hours.school_based}", depth=1)
        if h.credits is not None:
            t.add(v("hours.credits"), _num(h.credits), v("credit"), None, None, None, "{=hours.credits}")
        if h.hours_per_credit is not None:
            t.add(v("hours.hours_per_credit"), _num(h.hours_per_credit), hour, None, None, None, None)
        if h.new_teacher is not None:
            t.add(v("hours.new_teacher"), _num(h.new_teacher), hour, None, scope("probation"), None, "{=hours.new_teacher}")
        if h.head_teacher is not None:
            t.add(v("hours.head_teacher"), _num(h.head_teacher), hour, None, None, None, "{=hours.head_teacher}")
    cycle = plan.period.cycle if plan.period is not None else None
    if cycle is not None:
        years = message("show.v.cycle_years", lang, start=cycle.start, end=cycle.end)
        if cycle.total_hours is not None:
            t.add(v("cycle.total_hours"), _num(cycle.total_hours), hour, None, scope("cycle"), years, "{=cycle.total_hours}")
        if cycle.school_based_hours is not None:
            t.add(v("cycle.school_based_hours"), _num(cycle.school_based_hours), hour, v("at_least"), scope("cycle"), years,
                  "{=cycle.school_based_hours}", depth=1)
    facts = plan_facts(plan)

    def add(key: str, b: Breakdown, depth: int, f_scope) -> None:
        value = facts.get(key)
        f = b.figure
        s = f.scope if f is not None and f.scope else f_scope
        t.add(b.name, _num(_plain(value)), hour, _bound(b.amount.at_least, b.amount.at_most, lang), scope(s) if s else None,
              (f.derive or f.description) if f is not None else None, "{=" + key + "}" if value is not None else None, depth=depth)
        for p in b.parts:
            add(f"{key}.{p.name}", p, depth + 1, None)

    for name, value in plan.figures.items():
        b = Breakdown(name, value)
        if b.unit == "学时" or (b.amount.ref or "").startswith("{=hours."):
            add(f"figures.{name}", b, 0, None)
    return t if t.rows or t.totals else None


def _plain(value):
    """A fact as a number when it is one (a figure's value), else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def _fmt(v) -> str:
    from plancc.model.base import fmt_number

    return "" if v is None else fmt_number(_num(v))


def figures_table(plan: Plan, lang: str) -> TableData | None:
    """Each figure with its parts (indented), its bound, unit, scope, derivation and the reference prose cites it by."""
    if not plan.figures and not plan.rates:
        return None
    from plancc.model.facts import plan_facts
    from plancc.model.figures import SCOPE_WORDS, Breakdown

    facts = plan_facts(plan)
    t = _table("figures", lang, [("name", "text"), ("value", "number"), ("bound", "text", "optional"), ("unit", "text", "optional"),
                                 ("scope", "text", "optional"), ("derive", "text", "optional"), ("ref", "text")])

    def add(key: str, b: Breakdown, depth: int) -> None:
        value = facts.get(key)
        f = b.figure
        t.add(b.name, _num(_plain(value)), _bound(b.amount.at_least, b.amount.at_most, lang), b.unit,
              (SCOPE_WORDS.get(f.scope) if lang == "zh" else f.scope) if f is not None and f.scope else None,
              f.derive if f is not None else None, "{=" + key + "}" if value is not None else None, depth=depth)
        for p in b.parts:
            add(f"{key}.{p.name}", p, depth + 1)

    for name, value in plan.figures.items():
        add(f"figures.{name}", Breakdown(name, value), 0)
    if plan.rates:
        for key, value in plan.rates.model_dump(exclude_none=True).items():
            label = message(f"show.v.rate.{key}", lang)
            if isinstance(value, dict):
                for mode, n in value.items():
                    t.add(f"{label}（{mode}）", _num(n), None, None, None, None, "{=rates." + key + "}")
            else:
                t.add(label, _num(value), None, None, None, None, "{=rates." + key + "}")
    return t


def tiers_table(plan: Plan, lang: str) -> TableData | None:
    """The teacher tiers and the years of teaching that define each."""
    if not plan.tiers:
        return None
    t = _table("tiers", lang, [("name", "text"), ("years_from", "int"), ("years_to", "int"), ("years", "text"),
                               ("sets", "int", "optional")])
    for tier in plan.tiers:
        lo, hi = tier.years or (None, None)
        if tier.years:
            words = message("show.v.years.open", lang, start=lo) if hi is None else message("show.v.years", lang, start=lo, end=hi)
        else:
            words = None
        sets = sum(1 for m in plan.module_sets if m.tier == tier.name)
        t.add(tier.name, lo, hi, words, sets or None)
    return t


def themes_table(plan: Plan, lang: str) -> TableData | None:
    """Stage × tier: the theme, and the modules and hours of the module set for that pair."""
    if not plan.stages:
        return None
    sets = {(m.stage, m.tier): m for m in plan.module_sets if m.stage and m.tier}
    t = _table("themes", lang, [("stage", "text", "group"), ("tier", "text", "optional"), ("theme", "text", "wide"),
                                ("set", "text", "optional"), ("modules", "int", "optional"), ("hours", "number", "optional")])
    tiers = [tier.name for tier in plan.tiers]
    for st in plan.stages:
        names = tiers + [k for k in st.themes if k not in tiers]
        rows = 0
        for name in names:
            if name not in st.themes and (st.name, name) not in sets:
                continue
            ms = sets.get((st.name, name))
            t.add(st.name, name, st.themes.get(name), ms.id if ms else None, len(ms.modules) if ms else None,
                  _num(ms.hours) if ms else None)
            rows += 1
        if not rows:
            t.add(st.name, None, None, None, None, None)
    return t


def posts_table(plan: Plan, lang: str) -> TableData | None:
    if not plan.posts:
        return None
    t = _table("posts", lang, [("name", "text"), ("title", "text", "optional"), ("theme", "text", "optional", "wide"),
                               ("hours", "number", "optional")])
    for p in plan.posts:
        t.add(p.name, p.title, p.theme, _num(p.hours))
    return t


def modules_table(plan: Plan, lang: str) -> TableData | None:
    """Each module set: whom it is for, how many modules (and the count the plan states), its hours, every module."""
    if not plan.module_sets:
        return None
    t = _table("modules", lang, [("id", "text"), ("audience", "text", "optional"), ("count", "int"), ("declared", "int", "optional"),
                                 ("hours", "number", "optional"), ("part", "text", "optional"), ("modules", "text", "wide")])
    hour = message("show.v.hour", lang)
    for m in plan.module_sets:
        who = m.post or "·".join(x for x in (m.stage, m.tier) if x) or None
        names = [x.name + (f"（{_fmt(x.hours)}{hour}）" if x.hours is not None else "") for x in m.items]
        part = None if m.part_kind is None else message(f"show.v.{m.part_kind}", lang)
        declared = m.module_count if m.module_count is not None and m.module_count != len(m.modules) else None
        t.add(m.id, who, len(m.modules), declared, _num(m.hours), part, joined(names, lang))
    return t


def catalog_table(plan: Plan, lang: str) -> TableData | None:
    """How many courses each stage and subject has."""
    cat = plan.catalog
    if cat is None:
        return None
    counts: dict[tuple[str, str], int] = {}
    for c in cat.courses:
        key = (c.stage, c.subject or message("show.v.general", lang))
        counts[key] = counts.get(key, 0) + 1
    t = _table("catalog", lang, [("stage", "text"), ("subject", "text"), ("courses", "int")])
    for (stage, subject), n in counts.items():
        t.add(stage, subject, n)
    t.total(message("show.v.total", lang), None, len(cat.courses))
    t.notes.append(message("show.note.courses", lang, count=len(cat.courses)))
    return t


def courses_table(plan: Plan, lang: str) -> TableData | None:
    """Every course of the catalog (long: on the screen only when asked for)."""
    cat = plan.catalog
    if cat is None:
        return None
    t = _table("courses", lang, [("stage", "text", "group"), ("subject", "text", "optional"), ("module", "text"), ("title", "text"),
                                 ("hours", "number", "optional"), ("minutes", "number", "optional")], brief=False)
    for c in cat.courses:
        t.add(c.stage, c.subject or None, c.module, c.title, _num(c.hours), _num(c.minutes))
    if any(c.hours is not None for c in cat.courses):
        t.total(message("show.v.total", lang), None, None, None, _sum(c.hours for c in cat.courses if c.hours is not None), None)
    return t


def phases_table(plan: Plan, lang: str) -> TableData | None:
    if not plan.phases:
        return None
    t = _table("phases", lang, [("name", "text", "optional"), ("when", "text", "screen", "keep"), ("start", "date", "file"),
                                ("end", "date", "file"), ("due", "date", "file"), ("semester", "text", "optional"),
                                ("days", "int", "optional"), ("form", "text", "optional"), ("tasks", "text", "optional", "wide"),
                                ("responsible", "text", "optional"), ("note", "text", "optional", "file")])
    p = plan.period
    for ph in plan.phases:
        if lang == "zh":
            when = (ph.due.cn() + "前") if ph.due else cn_range(ph.start, ph.end)
        else:
            when = ("≤ " + ph.due.iso()) if ph.due else "–".join(d.iso() for d in (ph.start, ph.end) if d)
        days = (ph.end.last_day - ph.start.first_day).days + 1 if ph.start and ph.end else None
        note = None
        if p and p.start and p.end and ph.first and ph.last:
            if ph.first.first_day < p.start.first_day or ph.last.last_day > p.end.last_day:
                note = message("show.v.outside", lang)
        tasks = _tasks(ph.task_list, lang)
        if note and lang == "zh":
            when += f"（{note}）"
        elif note:
            when += f" ({note})"
        t.add(ph.name, when or None, ph.start, ph.end, ph.due, ph.semester, days, ph.form, tasks or None, ph.responsible, note)
    if p and (p.start or p.end):
        span = cn_range(p.start, p.end) if lang == "zh" else "–".join(d.iso() for d in (p.start, p.end) if d)
        t.notes.append(message("show.note.period", lang, span=span))
    return t


def _tasks(tasks: list[str], lang: str) -> str:
    """A phase's tasks in one cell: 甲；乙 (no separator after a task that ends a sentence)."""
    out = ""
    for task in tasks:
        if out:
            out += "" if out[-1] in "。；！？.;!?" else ("；" if lang == "zh" else "; ")
        out += task
    return out


def modes_table(plan: Plan, lang: str) -> TableData | None:
    if not plan.modes:
        return None
    t = _table("modes", lang, [("name", "text"), ("description", "text", "optional", "wide")])
    for m in plan.modes:
        t.add(m.name, m.description)
    return t


def assessments_table(plan: Plan, lang: str) -> TableData | None:
    """Each assessment scheme: its full marks, pass and excellent marks, hours credited, condition."""
    if not plan.assessments:
        return None
    t = _table("assessments", lang, [("id", "text"), ("total", "number", "optional"), ("pass_mark", "number", "optional"),
                                     ("excellent_mark", "number", "optional"), ("credited_hours", "number", "optional"),
                                     ("pass_condition", "text", "optional", "wide"), ("formula", "text", "optional", "wide")])
    for a in plan.assessments:
        t.add(a.id, _num(a.total), _num(a.pass_mark), _num(a.excellent_mark), _num(a.credited_hours), a.pass_condition, a.formula)
    # the schemes' names alone are in the tables of their components and items
    return t if any(v is not None for r in t.rows for v in r[1:]) else None


def _part(value) -> str:
    """A part's points as written: 50, "≥10", or a part with parts of its own (its value, if any)."""
    from plancc.model.figures import Figure

    if isinstance(value, Figure):
        value = value.value
    if value is None:
        return ""
    return _fmt(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def components_table(plan: Plan, lang: str) -> TableData | None:
    """The weighted parts of each scheme; per scheme a total that should be 100%."""
    schemes = [a for a in plan.assessments if a.components]
    if not schemes:
        return None
    t = _table("components", lang, [("assessment", "text", "group"), ("name", "text"), ("weight", "percent"),
                                    ("points", "number", "optional"),
                                    ("parts", "text", "optional"), ("description", "text", "optional", "wide")])
    total = message("show.v.total", lang)
    for a in schemes:
        for c in a.components:
            parts = joined([f"{k} {_part(v)}".rstrip() for k, v in c.parts.items()], lang) if c.parts else None
            t.add(a.id, c.name, _num(c.weight), _num(c.points), parts, c.description)
        weights = [c.weight for c in a.components if c.weight is not None]
        s = _num(sum(weights)) if weights else None
        t.total(a.id, total, s, None, None, None, bad=s is not None and not _close(s, 100))
    return t


def items_table(plan: Plan, lang: str) -> TableData | None:
    """The rows of each scheme's table: what is assessed, its points and the least a pass needs."""
    schemes = [a for a in plan.assessments if a.items]
    if not schemes:
        return None
    t = _table("items", lang, [("assessment", "text", "group"), ("part", "text", "optional", "group"),
                               ("category", "text", "optional", "group"),
                               ("name", "text"), ("points", "number", "optional"), ("minimum", "number", "optional"),
                               ("method", "text", "optional"), ("required", "text", "optional")])
    total = message("show.v.total", lang)
    yes = message("show.v.yes", lang)
    for a in schemes:
        for it in a.items:
            t.add(a.id, it.part, it.category, it.name, _num(it.points), _num(it.minimum), it.method, yes if it.required else None)
        pointed = a.pointed_items
        # the least a pass needs in total only when every item with points states its least
        least = _sum(i.minimum for i in pointed) if pointed else None
        points = _num(a.item_points) if pointed else None
        t.total(a.id, None, None, total, points, least, None, None,
                bad=a.total is not None and points is not None and not _close(points, a.total))
    return t


def bands_table(plan: Plan, lang: str) -> TableData | None:
    schemes = [a for a in plan.assessments if a.bands]
    if not schemes:
        return None
    t = _table("bands", lang, [("assessment", "text", "group"), ("name", "text"), ("min", "number", "optional"),
                               ("max", "number", "optional"),
                               ("below", "number", "optional"), ("quota", "text", "optional"), ("passing", "text")])
    for a in schemes:
        for b in a.bands:
            quota = None if b.quota is None else (b.quota if isinstance(b.quota, str) else f"{_fmt(b.quota)}%")
            t.add(a.id, b.name, _num(b.min), _num(b.max), _num(b.below), quota,
                  message("show.v.pass" if b.is_passing else "show.v.fail", lang))
    return t


def evaluations_table(plan: Plan, lang: str) -> TableData | None:
    if not plan.evaluations:
        return None
    t = _table("evaluations", lang, [("evaluation", "text", "group"), ("category", "text", "optional", "group"), ("indicator", "text"),
                                     ("sub", "text", "optional"), ("method", "text", "optional"), ("weight", "percent")])
    total = message("show.v.total", lang)
    for e in plan.evaluations:
        for it in e.items:
            t.add(e.id, it.category, it.indicator, it.sub, it.method, _num(it.weight))
        s = _num(sum(i.weight for i in e.items))
        t.total(e.id, None, total, None, None, s, bad=not _close(s, 100))
    return t


def rubrics_table(plan: Plan, lang: str) -> TableData | None:
    if not plan.rubrics:
        return None
    t = _table("rubrics", lang, [("rubric", "text", "group"), ("name", "text"), ("points", "number"),
                                 ("requirement", "text", "optional", "wide"),
                                 ("deduction", "text", "optional", "wide")])
    total = message("show.v.total", lang)
    for r in plan.rubrics:
        for it in r.items:
            for i, line in enumerate(it.lines):
                points = line.points if line.points is not None else (it.score if i == 0 else None)
                t.add(r.id, it.name, _num(points), line.requirement, line.deduction)
        s = _num(r.item_sum)
        t.total(r.id, total, s, None, None, bad=r.total is not None and not _close(s, r.total))
    return t


_KINDS = ("leadership", "working", "expert", "trainees", "tutors", "other")


def groups_table(plan: Plan, lang: str) -> TableData | None:
    """Each group: its kind, its head(s), how many members, its office."""
    if not plan.groups:
        return None
    t = _table("groups", lang, [("id", "text"), ("kind", "text"), ("heads", "text"), ("members", "int"), ("office", "text", "optional")])
    for g in plan.groups:
        office = None
        if g.office is not None:
            office = g.office.at + (message("show.v.office_head", lang, name=g.office.head) if g.office.head else "")
        heads = joined([m.name for m in g.heads], lang) or None
        t.add(g.id, message(f"show.v.group.{g.kind}", lang), heads, len(g.members), office)
    return t


#: every table in the order ``plancc show`` prints them; the names are what ``--table`` takes
BUILDERS: dict[str, Callable[..., TableData | None]] = {
    "basis": basis_table, "hours": hours_table, "figures": figures_table, "tiers": tiers_table, "themes": themes_table,
    "posts": posts_table, "modules": modules_table, "catalog": catalog_table, "courses": courses_table, "phases": phases_table,
    "modes": modes_table, "assessments": assessments_table, "components": components_table, "items": items_table,
    "bands": bands_table, "evaluations": evaluations_table, "rubrics": rubrics_table, "groups": groups_table,
}
NAMES = tuple(BUILDERS)


def plan_tables(plan: Plan, lang: str = "zh", registry=None) -> list[TableData]:
    """Every table the plan has data for (a table without data is left out)."""
    out = []
    for name, build in BUILDERS.items():
        t = build(plan, lang, registry) if name == "basis" else build(plan, lang)
        if t is not None:
            out.append(t)
    return out
