"""``plancc render --watch``: re-render when a plan, its includes, the template or the profile change.

Polling modification times twice a second is enough for files people edit
by hand, and needs no extra dependency or OS-specific watcher. An editor or
``sed -i`` may touch a file more than once for one save (write, rename,
chmod), so a change is rendered once the files' stamps have stayed the same
for one interval, and only when some file's content differs from what was
last rendered. A problem while rendering (a symlink loop in an include or
in the template folder, a file that cannot be read) is reported and the
loop keeps watching.
"""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import display_path


def watched_files(job, result) -> list[Path]:
    """The files whose change re-renders: every input of the render (driver.render.inputs_of)."""
    from plancc.driver.render import inputs_of

    return [path for path, _ in inputs_of(job, result.report if result is not None else None)]


def _stamp(files: list[Path]) -> tuple:
    """(name, inode, mtime, size) of each file; None for one that cannot be read now."""
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_ino, st.st_mtime_ns, st.st_size))
        except (OSError, RuntimeError):
            out.append((str(f), None, None, None))
    return tuple(out)


def _contents(files: list[Path]) -> tuple:
    """A hash of each file's bytes: a save that rewrites the same text is not a change."""
    out = []
    for f in files:
        try:
            out.append(hashlib.blake2b(f.read_bytes(), digest_size=16).digest())
        except (OSError, RuntimeError):
            out.append(None)
    return tuple(out)


def watch_loop(jobs, settings, *, interval: float = 0.5, stop: threading.Event | None = None, echo=click.echo) -> None:
    """Render every job, then again whenever one of its files changes, until stopped (Ctrl-C)."""
    from plancc.driver import collector
    from plancc.driver.render import run_job
    from plancc.report.text import render_text

    collector.for_long_run()

    stop = stop or threading.Event()
    lang = settings.lang
    state = {}

    def render(job):
        # read before rendering: an edit made while the render runs is then a change still to render
        known = state.get(job.plan_path, [[job.plan_path]])[0]
        before = dict(zip(known, zip(_stamp(known), _contents(known))))
        try:
            result = run_job(job, settings, display_path(job.plan_path))
        except Exception as exc:  # noqa: BLE001 - a watch reports a failed render and keeps watching
            echo(message("cli.watch.failed", lang, time=time.strftime("%H:%M:%S"), error=exc))
            result = None
        else:
            if result.report.diagnostics:
                echo(render_text([result.report], lang=settings.lang, quiet=True), nl=False)
            if result.report.errors:
                echo(message("cli.watch.not_rendered", lang))
            elif result.error:
                echo(result.error)
            for path in result.written:
                echo(message("cli.watch.wrote", lang, time=time.strftime("%H:%M:%S"), path=display_path(path)))
        files = watched_files(job, result)
        new = [f for f in files if f not in before]
        before.update(zip(new, zip(_stamp(new), _contents(new))))
        state[job.plan_path] = [files, tuple(before[f][0] for f in files), tuple(before[f][1] for f in files), None]

    for job in jobs:
        render(job)
    echo(message("cli.watch.watching", lang))
    try:
        while not stop.wait(interval):
            for job in jobs:
                entry = state[job.plan_path]
                files, rendered, contents, seen = entry
                now = _stamp(files)
                if now == rendered:
                    entry[3] = None
                    continue
                if now != seen:  # still changing: look again after one interval
                    entry[3] = now
                    continue
                # stable for one interval: render if some content really changed
                entry[3] = None
                if _contents(files) == contents:
                    entry[1] = now
                    continue
                render(job)
    except KeyboardInterrupt:
        echo("")
