"""``plancc render``: compile plans into .docx (and PDF) official documents."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.cli.common import config_options, display_path, fail, get_config, lang_option


@click.command("render")
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="输出：一个计划时可以是 .docx 文件名，否则是目录（默认 build/，可在 plancc.toml 中设置）。")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 转出 PDF（需要已安装 LibreOffice）。")
@click.option("--template", default=None, help="模板名称或目录（默认取计划的 template 键、plancc.toml 或 default）。")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False), default=None, help="版式配置 YAML（覆盖 GB/T 9704 默认值）。")
@click.option("-j", "--jobs", type=int, default=0, show_default="自动", help="并行渲染的进程数。")
@click.option("--watch", is_flag=True, help="监视计划、引用的文件和模板，改动后自动重新渲染。")
@lang_option
@config_options
def render_cmd(plans, output, pdf, template, profile_path, jobs, watch, lang, config_path, isolated):
    """把计划编译成公文格式的 Word 文档（.docx）。

    先检查计划：有错误的计划不渲染（显示问题，退出码 1），警告照常显示。
    输出以原子方式写入：渲染失败不会留下残缺文件，也不会覆盖上一次的好结果。
    同样的输入总是得到逐字节相同的 .docx。
    """
    from plancc.driver.discover import discover
    from plancc.driver.render import jobs_for, refuse_overwrites
    from plancc.driver.settings import Settings

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    files, missing = discover(list(plans))
    if missing:
        fail(("路径不存在：" if settings.lang == "zh" else "no such path: ") + "、".join(missing))
    if not files:
        fail("没有找到计划文件" if settings.lang == "zh" else "no plan files found")
    many = len(files) > 1
    if output is not None and many and output.suffix.lower() == ".docx":
        fail("渲染多个计划时 -o 必须是目录" if settings.lang == "zh" else "-o must be a folder when rendering several plans")
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
    zh = settings.lang != "en"
    for res in results:
        if res.report.diagnostics:
            from plancc.report.text import render_text

            click.echo(render_text([res.report], lang=settings.lang, color=sys.stderr.isatty()), err=True, nl=False)
        if res.report.errors:
            status = max(status, 1)
            click.echo((f"未渲染 {res.report.path}：计划有错误，请先修正。" if zh else f"not rendered {res.report.path}: the plan has errors"), err=True)
        elif res.error:
            status = max(status, res.exit_code)
            click.echo(f"{res.report.path}: {res.error}", err=True)
        for path in res.written:
            # a document written to stdout (-o /dev/stdout) must not get the message mixed in
            click.echo((f"已生成 {display_path(path)}" if zh else f"wrote {display_path(path)}"), err=is_stream(path))
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
        task = progress.add_task("渲染" if settings.lang != "en" else "rendering", total=len(jobs_list))
        return run_jobs(jobs_list, settings, workers=jobs, display=display_path, progress=lambda: progress.advance(task))
