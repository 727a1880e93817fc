"""``plancc render``: compile plans into .docx (and PDF) official documents."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import config_options, display_path, fail, get_config, lang_option
from plancc.cli.usage import Int, Seconds, command
from plancc.cli.usage import Path as PathType


@command("render", "cli.render")
@click.argument("plans", nargs=-1, required=True, type=PathType(path_type=Path))
@click.option("-o", "--output", type=PathType(path_type=Path), default=None, metavar="cli.metavar.path", help="cli.render.output")
@click.option("--pdf", is_flag=True, help="cli.render.pdf")
@click.option("--pdf-timeout", type=Seconds(), default=None, metavar="cli.metavar.seconds", help="cli.render.pdf_timeout")
@click.option("--template", default=None, metavar="cli.metavar.name", help="cli.render.template")
@click.option("--profile", "profile_path", type=PathType(dir_okay=False), default=None, metavar="cli.metavar.file",
              help="cli.render.profile")
@click.option("-j", "--jobs", type=Int(), default=0, metavar="cli.metavar.n", help="cli.render.jobs")
@click.option("--watch", is_flag=True, help="cli.render.watch")
@lang_option
@config_options
def render_cmd(plans, output, pdf, pdf_timeout, template, profile_path, jobs, watch, lang, config_path, isolated):
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
    jobs_list = jobs_for(files, config, settings, output=output, pdf=pdf, template=template, profile_path=profile_path,
                         pdf_timeout=pdf_timeout)
    refuse_overwrites(jobs_list, config, settings.lang, display_path)
    if watch:
        from plancc.cli.watch import watch_loop

        watch_loop(jobs_list, settings)
        return
    sys.exit(_run(jobs_list, settings, jobs))


def _run(jobs_list, settings, jobs: int) -> int:
    from plancc.emit.atomic import is_stream
    from plancc.text import terminal

    results = _execute(jobs_list, settings, jobs)
    status = 0
    color = terminal.color_enabled(sys.stderr)
    for res in results:
        if res.report.diagnostics:
            from plancc.report.text import render_text

            text = render_text([res.report], lang=settings.lang, color=color, width=terminal.width(sys.stderr, default=200))
            click.echo(text, err=True, nl=False, color=color)
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
    """Run the jobs with progress on stderr when it is a terminal: what is being done for one
    plan (checking, laying out, LibreOffice's conversion against its time limit), a bar for several."""
    from plancc.driver.render import run_job, run_jobs
    from plancc.text.terminal import progress

    lang = settings.lang
    if len(jobs_list) == 1:
        name = display_path(jobs_list[0].plan_path)
        with progress(message("cli.render.progress.one", lang, plan=name)):
            return [run_job(jobs_list[0], settings, name)]
    with progress(message("cli.render.progress", lang), total=len(jobs_list)) as shown:
        return run_jobs(jobs_list, settings, workers=jobs, display=display_path, progress=shown.advance)
