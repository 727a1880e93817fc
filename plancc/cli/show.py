"""``plancc show``: a plan's figures as tables in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import config_options, display_path, fail, get_config, lang_option
from plancc.cli.usage import Path as PathType
from plancc.cli.usage import command


@command("show", "cli.show")
@click.argument("plan", type=PathType(path_type=Path))
@click.option("--facts", "show_facts", is_flag=True, help="cli.show.facts")
@lang_option
@config_options
def show_cmd(plan, show_facts, lang, config_path, isolated):
    """A plan's figures as tables (help: cli.show.help in the catalog)."""
    from rich.console import Console
    from rich.text import Text

    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings
    from plancc.report.show import tables
    from plancc.report.text import render_text
    from plancc.text.escape import printable

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    if not plan.is_file():
        fail(message("cli.show.no_plan", settings.lang, path=printable(str(plan))))
    report = check_file(plan, settings, display=display_path(plan))
    console = Console(highlight=False)
    if report.plan is None:
        click.echo(render_text([report], lang=settings.lang), nl=False)
        sys.exit(1)
    title = Text(printable(report.plan.document.title_text), style="bold")
    title.append(f"  ({printable(report.path)})", style="")
    console.print(title)
    if show_facts:
        from plancc.report.show import facts_table

        console.print(facts_table(report.plan))
        return
    for table in tables(report.plan, settings.citations, settings.lang):
        console.print(table)
    if report.diagnostics:
        console.print(Text(message("cli.show.summary", settings.lang, errors=report.errors, warnings=report.warnings,
                                   path=printable(report.path)), style="yellow"))
