"""``plancc import``: an existing Word plan → a commented plan YAML, checked, with a report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import config_options, display_path, get_config, lang_option
from plancc.cli.usage import command
from plancc.cli.usage import Path as PathType

#: the plan's top-level keys that hold prose, not data, for the report
_FRAME = ("plancc", "document", "sections")


@command("import", "cli.import")
@click.argument("document", type=PathType(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", default=None, metavar="cli.metavar.file", help="cli.import.output")
@click.option("--force", is_flag=True, help="cli.import.force")
@lang_option
@config_options
def import_cmd(document, output, force, lang, config_path, isolated):
    """Import a Word plan (help: cli.import.help in the catalog)."""
    from plancc.driver.settings import Settings
    from plancc.errors import OutputError
    from plancc.text.escape import printable

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    lang = settings.lang
    to_stdout = output == "-"
    target = None if to_stdout else Path(output) if output else document.with_suffix(".yaml")
    if target is not None:
        from plancc.emit.atomic import is_stream, refuse_inputs

        refuse_inputs([(target, "plan")], [(document, message("import.input", lang))], lang)
        if target.exists() and not force and not is_stream(target):
            raise OutputError(message("import.exists", lang, path=printable(display_path(target))))

    from plancc.importer.convert import run_timeout
    from plancc.text.terminal import progress

    # .doc/.wps go through LibreOffice under plancc.toml's [libreoffice] timeout; a spinner shows it running
    with run_timeout(config.file.libreoffice.timeout), progress(message("cli.import.progress", lang, path=display_path(document))):
        text, plan, guesses = import_file(document, lang)

    shown = "<stdout>" if target is None else display_path(target)
    if target is None:
        click.echo(text, nl=False)
    else:
        from plancc.emit.atomic import write_output

        write_output(target, text.encode("utf-8"), lang)
    report, errors = check_report(text, shown, plan, guesses, settings, written=target is not None)
    click.echo(report, nl=False, err=target is None)
    sys.exit(1 if errors else 0)


def import_file(file: Path, lang: str):
    """Read, structure (and recognise), write: the YAML text, the plan and the guesses."""
    from plancc.importer import read, run_import
    from plancc.importer.write import write_yaml

    doc = read(file, lang)
    plan, guesses = run_import(doc)
    return write_yaml(plan, guesses, file.name, lang), plan, guesses


def _count_prose(sections: list) -> dict[str, int]:
    counts = {"sections": 0, "paragraphs": 0, "lists": 0, "tables": 0}
    stack = list(sections)
    while stack:
        s = stack.pop()
        if not isinstance(s, dict):
            continue
        counts["sections"] += 1
        for blk in s.get("content") or []:
            if isinstance(blk, str) or (isinstance(blk, dict) and "text" in blk):
                counts["paragraphs"] += 1
            elif isinstance(blk, dict) and "items" in blk:
                counts["lists"] += 1
            elif isinstance(blk, dict) and "table" in blk:
                counts["tables"] += 1
        stack.extend(s.get("sections") or [])
    return counts


def summary_lines(plan: dict, guesses, lang: str) -> list[str]:
    """What became data, what stayed prose, every guess with its place."""
    from plancc.importer.write import guess_words
    from plancc.text.escape import printable

    sep = message("cli.sep", lang)
    data = []
    for key, value in plan.items():
        if key in _FRAME:
            continue
        data.append(f"{key}（{len(value)}）" if isinstance(value, list) else key)
    doc = plan.get("document") or {}
    if doc.get("basis"):
        data.insert(0, f"document.basis（{len(doc['basis'])}）")
    if doc.get("date"):
        data.insert(0, "document.date")
    lines = [message("import.report.data", lang, what=sep.join(data)) if data else message("import.report.data_none", lang),
             message("import.report.prose", lang, **_count_prose(plan.get("sections") or []))]
    if guesses:
        lines.append(message("import.report.guesses", lang, n=len(guesses)))
        for g in guesses:
            place = g.place.words(lang)
            line = message("import.report.guess_line", lang, place=place, what=guess_words(g, lang)) if place else guess_words(g, lang)
            lines.append("  " + printable(line))
    else:
        lines.append(message("import.report.no_guesses", lang))
    return lines


def check_report(text: str, shown: str, plan: dict, guesses, settings, *, written: bool) -> tuple[str, int]:
    """The report: written where, the summary, then plancc validate's diagnostics on the text."""
    from plancc.driver.check import check_loaded
    from plancc.load.compose import load_text
    from plancc.report import render

    lang = settings.lang
    lines = [message("import.report.written", lang, path=shown)] if written else []
    lines += summary_lines(plan, guesses, lang)
    report = check_loaded(load_text(text, shown, lang, settings.limits), settings)
    if report.errors or report.warnings or any(not d.suppressed for d in report.diagnostics):
        lines.append(message("import.report.check", lang))
        body = render("text", [report], lang=lang)
    else:
        lines.append(message("import.report.check_clean", lang))
        body = ""
    return "\n".join(lines) + "\n" + body, report.errors
