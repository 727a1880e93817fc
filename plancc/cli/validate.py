"""``plancc validate``: check plans and report every problem with its location."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import config_options, display_path, fail, get_config, lang_option, split_codes
from plancc.cli.usage import Int, Refused, command
from plancc.cli.usage import Path as PathType


@command("validate", "cli.validate")
@click.argument("paths", nargs=-1, type=PathType(path_type=Path))
@click.option("-f", "--format", "formats", multiple=True, metavar="cli.metavar.format", help="cli.validate.format")
@click.option("-o", "--output", type=PathType(dir_okay=False, path_type=Path), default=None, metavar="cli.metavar.file",
              help="cli.validate.output")
@click.option("--strict", is_flag=True, help="cli.validate.strict")
@click.option("--select", multiple=True, metavar="cli.metavar.codes", help="cli.validate.select")
@click.option("--ignore", multiple=True, metavar="cli.metavar.codes", help="cli.validate.ignore")
@click.option("--only-plans", is_flag=True, help="cli.validate.only_plans")
@click.option("-q", "--quiet", is_flag=True, help="cli.validate.quiet")
@click.option("--fix", "fix", is_flag=True, help="cli.validate.fix")
@click.option("--unsafe-fixes", is_flag=True, help="cli.validate.unsafe_fixes")
@click.option("-j", "--jobs", type=Int(), default=0, metavar="cli.metavar.n", help="cli.validate.jobs")
@lang_option
@config_options
def validate_cmd(paths, formats, output, strict, select, ignore, only_plans, quiet, fix, unsafe_fixes, jobs, lang, config_path,
                 isolated):
    """Check plan files (help: cli.validate.help in the catalog)."""
    from plancc.driver.check import inputs_of_reports
    from plancc.driver.discover import discover, looks_like_plan
    from plancc.driver.settings import Settings
    from plancc.report import FORMATS, render

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang, select=split_codes(select), ignore=split_codes(ignore))
    outputs = _parse_formats(formats, output, FORMATS, settings.lang)

    files, missing = discover(list(paths) or [Path(".")])
    if only_plans:
        files = [f for f in files if looks_like_plan(f)]
    if missing:
        fail(message("cli.no_such_path", settings.lang, paths=message("cli.sep", settings.lang).join(missing)))
    reports = _check(files, settings, config, jobs, outputs)
    if fix or unsafe_fixes:
        reports = _fix(reports, files, settings, jobs, unsafe_fixes, config)

    written = [(dest, fmt) for fmt, dest in outputs if dest is not None]
    if written:
        from plancc.emit.atomic import refuse_inputs

        refuse_inputs(written, inputs_of_reports(reports, config, settings.lang), settings.lang)
    from plancc.text import terminal

    for fmt, dest in outputs:
        color = dest is None and fmt == "text" and terminal.color_enabled(sys.stdout)
        width = terminal.width(sys.stdout, default=200) if dest is None else None
        text = render(fmt, reports, lang=settings.lang, color=color, quiet=quiet, width=width)
        if dest is None:
            click.echo(text, nl=False, color=color)
        else:  # `-o reports/plancc.sarif` in CI: the folder may not exist yet
            from plancc.emit.atomic import write_output

            write_output(dest, text.encode("utf-8"), settings.lang)

    failing = {"error"} | ({"warning"} if strict else set())
    bad = any(d.severity.value in failing and not d.suppressed for r in reports for d in r.diagnostics)
    sys.exit(1 if bad else 0)


def _check(files, settings, config, jobs: int, outputs):
    """check_inputs, with a bar on stderr for many files when stderr is a terminal (not when a
    machine format goes to stdout: a tool reads it, nobody watches)."""
    from contextlib import ExitStack

    from plancc.driver.check import check_inputs

    with ExitStack() as stack:
        if any(f.suffix.lower() not in (".yaml", ".yml") for f in files):  # a .doc/.wps goes through LibreOffice
            from plancc.importer.convert import run_timeout

            stack.enter_context(run_timeout(config.file.libreoffice.timeout))
        if len(files) < 2 or any(dest is None and fmt != "text" for fmt, dest in outputs):
            return check_inputs(files, settings, config=config, jobs=jobs, display=display_path)
        from plancc.text.terminal import progress

        shown = stack.enter_context(progress(message("cli.validate.progress", settings.lang), total=len(files)))
        return check_inputs(files, settings, config=config, jobs=jobs, display=display_path, progress=shown.advance)


def _fix(reports, files, settings, jobs, unsafe: bool, config=None):
    """Make the edits the diagnostics offer, say what was done, and check the files again."""
    from plancc.catalog import counted
    from plancc.driver.check import check_inputs
    from plancc.driver.fix import apply_fixes, fixes_of

    results = apply_fixes(reports, unsafe=unsafe, lang=settings.lang)
    lang = settings.lang
    for r in results:
        if r.applied:
            click.echo(message("fix.applied", lang, file=r.file, edits=counted("fix.edits", r.applied, lang)), err=True)
        if r.error:
            click.echo(message("fix.unwritable", lang, file=r.file, reason=r.error), err=True)
        elif r.skipped:
            click.echo(message("fix.skipped", lang, file=r.file, edits=counted("fix.edits", r.skipped, lang)), err=True)
    if not any(r.applied for r in results):
        if not unsafe and fixes_of(reports, unsafe=True):
            click.echo(message("fix.only_unsafe", lang), err=True)
        return reports
    return check_inputs(files, settings, config=config, jobs=jobs, display=display_path)


def _parse_formats(formats, output, known, lang: str) -> list[tuple[str, Path | None]]:
    parsed: list[tuple[str, Path | None]] = []
    for item in formats or ("text",):
        fmt, _, dest = item.partition("=")
        fmt = fmt.strip().lower()
        if fmt not in known:
            from plancc.text.escape import printable

            raise Refused(message("cli.error.choice", lang, name="--format", value=printable(fmt),
                                  choices=message("cli.sep", lang).join(known)), ctx=click.get_current_context(silent=True))
        parsed.append((fmt, Path(dest) if dest else None))
    if output is not None:
        undecided = [i for i, (_, d) in enumerate(parsed) if d is None]
        if len(undecided) != 1:
            raise Refused(message("cli.validate.output_one", lang), ctx=click.get_current_context(silent=True))
        parsed[undecided[0]] = (parsed[undecided[0]][0], output)
    return parsed
