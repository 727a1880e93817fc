"""A plan at a glance: rich tables a reviewer reads instead of opening Word.

The tables are built once, as data, by :mod:`plancc.report.tables`; this module only
turns them into rich tables (the same data ``--format json|csv|xlsx`` writes).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from plancc.model.plan import Plan
from plancc.text.escape import printable


def facts_table(plan: Plan, lang: str = "zh") -> Table:
    """Every name a {=…} reference can use in this plan, with the text it becomes."""
    from plancc.catalog import message
    from plancc.model.facts import format_fact, plan_facts

    t = Table(title=message("show.facts.title", lang), title_justify="left")
    t.add_column(message("show.facts.name", lang), overflow="fold")
    t.add_column(message("show.facts.value", lang), overflow="fold")
    for name, value in sorted(plan_facts(plan).items()):
        t.add_row(Text(printable("{=" + name + "}")), Text(printable(format_fact(value, None))))
    return t


def tables(plan: Plan, registry=None, lang: str = "zh", names: list[str] | None = None) -> list[Table]:
    """The rich tables ``plancc show`` prints: the brief ones, or the ``names`` asked for.
    ``registry``: the documents citations are checked against (None: the built-in list)."""
    from plancc.report.export import rich_table
    from plancc.report.tables import plan_tables

    data = plan_tables(plan, lang, registry)
    chosen = [t for t in data if (t.name in names if names else t.brief)]
    return [rich_table(t, lang) for t in chosen]
