"""``plancc explain``: what a code checks, why, and how to fix it."""

from __future__ import annotations

import click

from plancc.catalog import language, message
from plancc.cli.common import fail, lang_option
from plancc.cli.usage import command


@command("explain", "cli.explain")
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="cli.explain.all")
@lang_option
def explain_cmd(code, show_all, lang):
    """Explain a diagnostic code (help: cli.explain.help in the catalog)."""
    from rich.table import Table

    from plancc.diagnostics.codes import FAMILIES, all_codes, lookup
    from plancc.text.escape import printable
    from plancc.text.terminal import console as make_console

    lang = language(lang)
    en = lang == "en"
    console = make_console()
    if code is None or show_all:
        table = Table(*(message(f"cli.explain.col.{col}", lang) for col in ("code", "name", "severity", "title")), box=None)
        for info in all_codes():
            sev = message(f"severity.{info.severity.value}", lang) + (message("cli.explain.policy", lang) if info.policy else "")
            table.add_row(info.code, info.name, sev, info.title_en if en else info.title)
        console.print(table)
        return
    info = lookup(code)
    if info is None:
        shown = printable(code)
        fail(message("cli.explain.unknown", lang, code=shown))
    family = FAMILIES[info.family].en if en else FAMILIES[info.family].zh
    console.print(f"[bold]{info.code}[/] ({info.name}) — {info.title_en if en else info.title}")
    sev = message(f"severity.{info.severity.value}", lang)  # the level in the run's language (错误, not error)
    if info.policy:
        sev += message("cli.explain.policy_off", lang)
    console.print(message("cli.explain.family", lang, family=family, severity=sev), markup=False)
    console.print()
    console.print((info.doc_en if en and info.doc_en else info.doc) or "")
