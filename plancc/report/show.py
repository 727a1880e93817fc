"""A plan at a glance: rich tables a reviewer reads instead of opening Word.

Each table is built by its own function from the validated plan, so a test
can check the rows; a new table is one more function, listed in ``tables``.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from plancc.model.base import fmt_number
from plancc.model.dates import cn_range
from plancc.model.plan import Plan
from plancc.text.escape import printable


def _n(v) -> str:
    return "" if v is None else fmt_number(v)


def figures_table(plan: Plan) -> Table | None:
    """Each figure with its parts (indented), its bound, unit, scope and derivation, and the
    reference prose cites it by."""
    if not plan.figures and not plan.rates:
        return None
    from plancc.model.facts import plan_facts
    from plancc.model.figures import SCOPE_WORDS, Breakdown

    facts = plan_facts(plan)
    t = Table(title="数字", title_justify="left")
    for col in ("名称", "数值", "单位", "范围", "算法", "引用"):
        t.add_column(col, justify="right" if col == "数值" else "left", overflow="fold")

    def add(key: str, b: Breakdown, depth: int) -> None:
        value = facts.get(key)
        bound = "≥" if b.amount.at_least else "≤" if b.amount.at_most else ""
        shown = bound + (_n(value) if value is not None else "")
        f = b.figure
        t.add_row("  " * depth + b.name, shown or Text("—", style="yellow"), b.unit or "",
                  SCOPE_WORDS.get(f.scope, "") if f is not None and f.scope else "", (f.derive or "") if f is not None else "",
                  "{=" + key + "}" if value is not None else "")
        for p in b.parts:
            add(f"{key}.{p.name}", p, depth + 1)

    for name, value in plan.figures.items():
        add(f"figures.{name}", Breakdown(name, value), 0)
    if plan.rates:
        for key, value in plan.rates.model_dump(exclude_none=True).items():
            text = "、".join(f"{m} {_n(v)}" for m, v in value.items()) if isinstance(value, dict) else _n(value)
            t.add_row(f"换算率 {key}", text, "", "", "", "{=rates." + key + "}")
    return t


def hours_table(plan: Plan) -> Table | None:
    h = plan.hours
    if h is None:
        return None
    t = Table(title="学时", title_justify="left")
    t.add_column("项目")
    t.add_column("学时", justify="right")
    t.add_column("说明")
    if h.required is not None:
        t.add_row("要求完成", _n(h.required), "不少于" if h.at_least else "")
    if h.offered is not None:
        ratio = f"为要求的 {h.offered / h.required:.2f} 倍" if h.required else ""
        t.add_row("平台提供", _n(h.offered), ratio)
    for c in h.components:
        t.add_row(f"  其中 {c.name}", _n(c.hours), "不少于" if c.at_least else "")
    if h.components:
        total = sum(c.hours for c in h.components)
        ok = h.required is None or abs(total - h.required) < 1e-6
        t.add_row("  组成合计", _n(total), "✓ 与要求一致" if ok else f"✗ 与要求的 {_n(h.required)} 不符")
    if h.minutes_per_hour:
        t.add_row("每学时分钟数", _n(h.minutes_per_hour), "")
    if h.required_minutes is not None:
        t.add_row("要求时长（分钟）", _n(h.required_minutes), f"必修不少于 {_n(h.compulsory_minutes)} 分钟" if h.compulsory_minutes else "")
    return t


def matrix_table(plan: Plan) -> Table | None:
    """Stage × tier: theme and the hours of the module set for that cell."""
    if not plan.stages or not plan.tiers:
        return None
    sets = {(m.stage, m.tier): m for m in plan.module_sets if m.stage and m.tier}
    t = Table(title="学段 × 层次", title_justify="left", show_lines=True)
    t.add_column("学段")
    for tier in plan.tiers:
        t.add_column(f"{tier.name}\n{tier.years_text}")
    for st in plan.stages:
        cells = []
        for tier in plan.tiers:
            theme = st.themes.get(tier.name)
            ms = sets.get((st.name, tier.name))
            cell = Text(printable("—" if theme is None else theme))
            if ms:
                cell.append(f"\n{len(ms.modules)}个模块 {_n(ms.hours)}学时", style="dim")
            cells.append(cell)
        t.add_row(st.name, *cells)
    return t


def modules_table(plan: Plan) -> Table | None:
    if not plan.module_sets:
        return None
    t = Table(title="模块组", title_justify="left")
    for col in ("模块组", "对象", "模块数", "学时", "模块"):
        t.add_column(col, justify="right" if col in ("模块数", "学时") else "left")
    for m in plan.module_sets:
        who = m.post or "·".join(x for x in (m.stage, m.tier) if x) or ""
        count = str(len(m.modules)) + (f" (声明 {m.module_count})" if m.module_count is not None and m.module_count != len(m.modules) else "")
        t.add_row(m.id, who, count, _n(m.hours), "、".join(m.names))
    return t


def phases_table(plan: Plan) -> Table | None:
    if not plan.phases:
        return None
    t = Table(title="进度安排", title_justify="left")
    for col in ("#", "阶段", "时间", "天数", "形式"):
        t.add_column(col, justify="right" if col in ("#", "天数") else "left")
    p = plan.period
    for i, ph in enumerate(plan.phases, 1):
        when = (ph.due.cn() + "前") if ph.due else cn_range(ph.start, ph.end)
        days = ""
        if ph.start and ph.end:
            days = str((ph.end.last_day - ph.start.first_day).days + 1)
        cell = Text(when)
        if p and p.start and p.end and ph.first and ph.last:
            if ph.first.first_day < p.start.first_day or ph.last.last_day > p.end.last_day:
                cell.append(" （超出培训时间）", style="yellow")
        t.add_row(str(i), ph.name or "", cell, days, ph.form or "")
    if p and (p.start or p.end):
        t.caption = "培训时间：" + cn_range(p.start, p.end)
    return t


def assessment_tables(plan: Plan) -> list[Table]:
    out = []
    for a in plan.assessments:
        t = Table(title=f"考核：{a.id}", title_justify="left")
        if a.components:
            t.add_column("组成")
            t.add_column("权重", justify="right")
            t.add_column("满分", justify="right")
            for c in a.components:
                t.add_row(c.name, f"{_n(c.weight)}%" if c.weight is not None else "", _n(c.points))
            total = sum(c.weight or 0 for c in a.components)
            t.add_row("合计", f"{_n(total)}%", "", style="bold" if abs(total - 100) < 1e-6 else "bold red")
        else:
            t.add_column("考核项目")
            t.add_column("分值", justify="right")
            t.add_column("合格至少", justify="right")
            for it in a.items:
                t.add_row(it.name, _n(it.points), _n(it.minimum))
            t.add_row("合计", _n(a.item_points), _n(sum(i.minimum or 0 for i in a.items)), style="bold")
        notes = []
        if a.pass_mark is not None:
            notes.append(f"合格 {_n(a.pass_mark)} 分")
        if a.excellent_mark is not None:
            notes.append(f"优秀 {_n(a.excellent_mark)} 分")
        if a.total is not None:
            notes.append(f"满分 {_n(a.total)}")
        t.caption = "，".join(notes)
        out.append(t)
    for e in plan.evaluations:
        t = Table(title=f"评价：{e.id}", title_justify="left")
        t.add_column("类别")
        t.add_column("指标")
        t.add_column("权重", justify="right")
        for it in e.items:
            t.add_row(it.category or "", it.indicator + (f" / {it.sub}" if it.sub else ""), f"{_n(it.weight)}%")
        t.add_row("", "合计", f"{_n(sum(i.weight for i in e.items))}%", style="bold")
        out.append(t)
    return out


def catalog_table(plan: Plan) -> Table | None:
    cat = plan.catalog
    if cat is None:
        return None
    counts: dict[tuple[str, str], int] = {}
    for c in cat.courses:
        counts[(c.stage, c.subject or "（通识）")] = counts.get((c.stage, c.subject or "（通识）"), 0) + 1
    t = Table(title=f"课程目录（共 {len(cat.courses)} 门）", title_justify="left")
    t.add_column("学段")
    t.add_column("学科")
    t.add_column("课程数", justify="right")
    for (stage, subject), n in counts.items():
        t.add_row(stage, subject, str(n))
    return t


def groups_table(plan: Plan) -> Table | None:
    """Each group: its kind, its head(s), how many members, its office."""
    if not plan.groups:
        return None
    kinds = {"leadership": "领导小组", "working": "工作小组", "expert": "专家组", "trainees": "学员分组", "tutors": "辅导者团队", "other": "其他"}
    t = Table(title="小组", title_justify="left")
    for col in ("小组", "类别", "组长", "人数", "办公室"):
        t.add_column(col, justify="right" if col == "人数" else "left")
    for g in plan.groups:
        lead = "、".join(m.name for m in g.heads)
        office = ""
        if g.office is not None:
            office = g.office.at + (f"（主任 {g.office.head}）" if g.office.head else "")
        t.add_row(g.id, kinds[g.kind], lead or Text("—", style="yellow"), str(len(g.members)), office)
    return t


def basis_table(plan: Plan, registry=None, lang: str = "zh") -> Table | None:
    """The basis documents and what the registry of documents says of each: known (its
    issuer and date), unknown, or a mismatch naming the registered number or title."""
    if not plan.document.basis:
        return None
    from plancc.catalog import message
    from plancc.check.rules.prose.citations import basis_citations, identify, other_title, wrong_number
    from plancc.citations import builtin

    reg = registry or builtin()
    t = Table(title="依据文件", title_justify="left")
    t.add_column("标题", overflow="fold")
    t.add_column("文号", overflow="fold")
    t.add_column("登记表", overflow="fold")
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
                status = message("citations.show.known", lang) + f"（{doc.issuer}，{when}）"
        t.add_row(f"《{c.title}》", c.number or "", status)
    return t


def _safe(table: Table) -> Table:
    """The plan's words shown as they are: control characters as escapes, never sent to
    the terminal, and square brackets as text, never read as rich markup ("[red]")."""
    for attr in ("title", "caption"):
        value = getattr(table, attr)
        if isinstance(value, str):
            setattr(table, attr, Text(printable(value)))
    for column in table.columns:
        if isinstance(column.header, str):
            column.header = Text(printable(column.header))
        column._cells = [Text(printable(c)) if isinstance(c, str) else c for c in column._cells]
    return table


def facts_table(plan: Plan) -> Table:
    """Every name a {=…} reference can use in this plan, with the text it becomes."""
    from plancc.model.facts import format_fact, plan_facts

    t = Table(title="可引用的数据（正文中写 {=名称}）", title_justify="left")
    t.add_column("名称", overflow="fold")
    t.add_column("值", overflow="fold")
    for name, value in sorted(plan_facts(plan).items()):
        t.add_row("{=" + name + "}", format_fact(value, None))
    return _safe(t)


def tables(plan: Plan, registry=None, lang: str = "zh") -> list[Table]:
    """``registry``: the documents citations are checked against (None: the built-in list)."""
    out = [basis_table(plan, registry, lang), hours_table(plan), figures_table(plan), matrix_table(plan), modules_table(plan), catalog_table(plan),
           phases_table(plan), groups_table(plan)]
    return [_safe(t) for t in out if t is not None] + [_safe(t) for t in assessment_tables(plan)]
