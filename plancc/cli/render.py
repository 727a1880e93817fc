"""``plancc render``: compile plans into .docx (and PDF) official documents."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import config_options, display_path, fail, get_config, lang_option
from plancc.cli.usage import Int, command
from plancc.cli.usage import Path as PathType


@command("render", "cli.render")
@click.argument("plans", nargs=-1, required=True, type=PathType(path_type=Path))
@click.option("-o", "--output", type=PathType(path_type=Path), default=None, metavar="cli.metavar.path", help="cli.render.output")
@click.option("--pdf", is_flag=True, help="cli.render.pdf")
@click.option("--template", default=None, metavar="cli.metavar.name", help="cli.render.template")
@click.option("--profile", "profile_path", type=PathType(dir_okay=False), default=None, metavar="cli.metavar.file",
              help="cli.render.profile")
@click.option("-j", "--jobs", type=Int(), default=0, metavar="cli.metavar.n", help="cli.render.jobs")
@click.option("--watch", is_flag=True, help="cli.render.watch")
@lang_option
@config_options
def render_cmd(plans, output, pdf, template, profile_path, jobs, watch, lang, config_path, isolated):
    """Compile plans into .docx documents (help: cli.render.help in the catalog)."""
    from plancc.driver.discover import discover
    from plancc.driver.render import jobs_for, refuse_overwrites
    from plancc.driver.settings import Settings

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    files, missing = discover(list(plans))
    if missing:
        fail(message("cli.no_such_path", settings.lang, paths=message("cli.sep", settings.lang).join(missing)))
    if not files:
        fail(message("cli.no_plans", settings.lang))
    many = len(files) > 1
    if output is not None and many and output.suffix.lower() == ".docx":
        fail(message("cli.render.output_folder", settings.lang))
    jobs_list = jobs_for(files, config, settings, output=output, pdf=pdf, template=template, profile_path=profile_path)
    refuse_overwrites(jobs_list, config, settings.lang, display_path)
    if watch:
        from plancc.cli.watch import watch_loop

        watch_loop(jobs_list, settings)
        return
    sys.exit(_run(jobs_list, settings, jobs))


def _run(jobs_list, settings, jobs: int) -> int:
    from plancc.emit.atomic import is_stream

    results = _execute(jobs_list, settings, jobs)
    status = 0
    for res in results:
        if res.report.diagnostics:
            from plancc.report.text import render_text

            click.echo(render_text([res.report], lang=settings.lang, color=sys.stderr.isatty()), err=True, nl=False)
        if res.report.errors:
            status = max(status, 1)
            click.echo(message("cli.render.not_rendered", settings.lang, path=res.report.path), err=True)
        elif res.error:
            status = max(status, res.exit_code)
            click.echo(f"{res.report.path}: {res.error}", err=True)
        for path in res.written:
            # a document written to stdout (-o /dev/stdout) must not get the message mixed in
            click.echo(message("cli.render.wrote", settings.lang, path=display_path(path)), err=is_stream(path))
    return status


def _execute(jobs_list, settings, jobs: int):
    from plancc.driver.render import run_job, run_jobs

    if len(jobs_list) == 1:  # no progress bar, and no need to load rich
        return [run_job(jobs_list[0], settings, display_path(jobs_list[0].plan_path))]
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=not console.is_terminal) as progress:
        task = progress.add_task(message("cli.render.progress", settings.lang), total=len(jobs_list))
        return run_jobs(jobs_list, settings, workers=jobs, display=display_path, progress=lambda: progress.advance(task))
