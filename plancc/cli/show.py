"""``plancc show``: a plan's tables in the terminal, or as JSON, CSV or an Excel workbook."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.catalog import joined, message
from plancc.cli.common import config_options, display_path, fail, get_config, lang_option
from plancc.cli.usage import Choice
from plancc.cli.usage import Path as PathType
from plancc.cli.usage import command

FORMATS = ("table", "json", "csv", "xlsx")


def _console(file=None):
    """The one console ``plancc show`` prints with: stdout, coloured as --color, NO_COLOR,
    FORCE_COLOR and the terminal decide (plancc.text.terminal); ``file``: a text stream
    instead (a table written with -o: plain text, as wide as the terminal)."""
    from plancc.text import terminal

    if file is None:
        return terminal.console()
    return terminal.buffer_console(file, color=False, width=terminal.width(sys.stdout))


@command("show", "cli.show")
@click.argument("plan", type=PathType(path_type=Path))
@click.option("--format", "fmt", type=Choice(list(FORMATS)), default="table", help="cli.show.format")
@click.option("-o", "--output", type=PathType(dir_okay=False, path_type=Path), default=None, metavar="cli.metavar.file",
              help="cli.show.output")
@click.option("--table", "names", multiple=True, metavar="cli.metavar.name", help="cli.show.table")
@click.option("--facts", "show_facts", is_flag=True, help="cli.show.facts")
@lang_option
@config_options
def show_cmd(plan, fmt, output, names, show_facts, lang, config_path, isolated):
    """A plan's tables (help: cli.show.help in the catalog)."""
    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings
    from plancc.report.text import render_text
    from plancc.text.terminal import color_enabled
    from plancc.text.escape import printable

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    lang = settings.lang
    if show_facts and fmt != "table":
        fail(message("cli.show.facts_format", lang))
    if not plan.is_file():
        fail(message("cli.show.no_plan", lang, path=printable(str(plan))))
    if fmt == "xlsx" and output is None and sys.stdout.isatty():
        fail(message("cli.show.xlsx_tty", lang))
    report = check_file(plan, settings, display=display_path(plan))
    if report.plan is None:
        # an export's output stays clean: its diagnostics go to stderr
        stream = sys.stderr if fmt != "table" else sys.stdout
        click.echo(render_text([report], lang=lang, color=color_enabled(stream)), nl=False, err=fmt != "table",
                   color=color_enabled(stream))
        sys.exit(1)
    if fmt != "table" and report.errors:
        click.echo(render_text([report], lang=lang, color=color_enabled(sys.stderr)), nl=False, err=True,
                   color=color_enabled(sys.stderr))
        fail(message("cli.show.errors", lang, errors=report.errors, format=fmt, path=printable(report.path)), code=1)

    from plancc.report.tables import plan_tables

    data = plan_tables(report.plan, lang, settings.citations)
    have = {t.name: t for t in data}
    listing = joined([f"{t.name}（{t.title}）" if lang == "zh" else f"{t.name} ({t.title})" for t in data], lang)
    for name in names:
        if name not in have:
            fail(message("cli.show.unknown_table", lang, name=printable(name), names=listing))
    if fmt == "csv" and len(set(names)) != 1:
        fail(message("cli.show.csv_one", lang, names=listing))
    if names:
        data = [t for t in data if t.name in names]
    elif fmt == "table":
        data = [t for t in data if t.brief]

    if fmt == "table" and output is None:
        _print_tables(report, data, show_facts, lang)
        return
    payload = _render(fmt, report, data, show_facts, lang)
    if output is None:
        if isinstance(payload, bytes):
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            click.echo(payload, nl=False)
        return
    from plancc.driver.check import inputs_of_reports
    from plancc.emit.atomic import refuse_inputs, write_output

    refuse_inputs([(output, fmt)], inputs_of_reports([report], config, lang), lang)
    data_bytes = payload if isinstance(payload, bytes) else payload.encode("utf-8")
    written = write_output(output, data_bytes, lang)
    click.echo(message("cli.show.written", lang, path=printable(display_path(written))), err=True)


def _title(report):
    from rich.text import Text

    from plancc.text.escape import printable

    title = Text(printable(report.plan.document.title_text), style="bold")
    title.append(f"  ({printable(report.path)})", style="")
    return title


def _print_tables(report, data, show_facts, lang, console=None) -> None:
    from rich.text import Text

    from plancc.report.export import rich_notes, rich_table
    from plancc.text.escape import printable

    console = console or _console()
    console.print(_title(report))
    if show_facts:
        from plancc.report.show import facts_table

        console.print(facts_table(report.plan, lang))
        return
    for t in data:
        console.print(rich_table(t, lang, console.width))
        notes = rich_notes(t, lang)
        if notes is not None:
            console.print(notes)
    if report.diagnostics:
        console.print(Text(message("cli.show.summary", lang, errors=report.errors, warnings=report.warnings,
                                   path=printable(report.path)), style="yellow"))


def _render(fmt, report, data, show_facts, lang) -> str | bytes:
    from plancc.report import export

    title = report.plan.document.title_text
    if fmt == "json":
        from plancc import __version__

        return export.render_json(data, file=report.path, title=title, version=__version__)
    if fmt == "csv":
        return export.render_csv(data[0])
    if fmt == "xlsx":
        return export.render_xlsx(data, title=title)
    # the terminal's tables written to a file: plain text, as wide as the terminal
    import io

    buf = io.StringIO()
    _print_tables(report, data, show_facts, lang, console=_console(file=buf))
    return buf.getvalue()
