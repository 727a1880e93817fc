"""``plancc render --watch``: re-render when a plan, its includes, the template or the profile change.

Polling modification times twice a second is enough for files people edit
by hand, and needs no extra dependency or OS-specific watcher.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import click

from plancc.cli.common import display_path


def watched_files(job, result) -> list[Path]:
    from plancc.layout.environment import TemplateNotFound, template_dir

    files = [job.plan_path]
    if result is not None:
        files += list(result.report.loaded.dependencies)
    name = job.template
    if result is not None and result.report.plan is not None and result.report.plan.template:
        name = result.report.plan.template
    try:
        folder = template_dir(name, job.bases)
        files += sorted(p for p in folder.rglob("*") if p.is_file())
    except TemplateNotFound:
        pass
    if job.profile_path:
        files.append(Path(job.profile_path))
    return files


def _stamp(files: list[Path]) -> tuple:
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(f), None, None))
    return tuple(out)


def watch_loop(jobs, settings, *, interval: float = 0.5, stop: threading.Event | None = None, echo=click.echo) -> None:
    """Render every job, then again whenever one of its files changes, until stopped (Ctrl-C)."""
    import gc

    from plancc.compile import run_job
    from plancc.report.text import render_text

    gc.enable()  # long-running: each render's python-docx objects hold cycles

    stop = stop or threading.Event()
    zh = settings.lang != "en"
    state = {}

    def render(job):
        result = run_job(job, settings, display_path(job.plan_path))
        if result.report.diagnostics:
            echo(render_text([result.report], lang=settings.lang, quiet=True), nl=False)
        if result.report.errors:
            echo(("未渲染（计划有错误），等待修改……" if zh else "not rendered (the plan has errors); waiting for changes…"))
        elif result.error:
            echo(result.error)
        for path in result.written:
            echo((f"{time.strftime('%H:%M:%S')} 已生成 {display_path(path)}" if zh else f"{time.strftime('%H:%M:%S')} wrote {display_path(path)}"))
        files = watched_files(job, result)
        state[job.plan_path] = (files, _stamp(files))

    for job in jobs:
        render(job)
    echo(("正在监视改动（Ctrl-C 退出）……" if zh else "watching for changes (Ctrl-C to stop)…"))
    try:
        while not stop.wait(interval):
            for job in jobs:
                files, stamp = state[job.plan_path]
                if _stamp(files) != stamp:
                    render(job)
    except KeyboardInterrupt:
        echo("")
