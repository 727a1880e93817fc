"""What the terminal gets: whether to colour, the one way to make a rich Console, progress on long work.

Colour is decided once, here, for every output of plancc (the diagnostics, ``diff``,
``explain``, ``show``, progress). In order, the first that applies wins:

1. ``--color always|never`` (on ``plancc`` or on any command), or the environment
   variable ``PLANCC_COLOR`` with the same values (``auto`` goes on to the next steps);
2. ``NO_COLOR`` set to anything but the empty string: no colour (https://no-color.org);
3. ``FORCE_COLOR`` set to anything but the empty string or ``0``: colour, even into a
   pipe or a file;
4. otherwise colour only when the stream is a terminal (and ``TERM`` is not ``dumb``).

Progress (a spinner or a bar on stderr) is shown only when stderr is a terminal:
never into a CI log, a pipe or a file, whatever the colour settings say. rich's
progress module is imported only when progress is actually shown, so a small
``plancc validate`` does not pay for it.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from typing import Iterator

#: the values of --color and PLANCC_COLOR
CHOICES = ("auto", "always", "never")

_CHOICE: contextvars.ContextVar[str | None] = contextvars.ContextVar("plancc_color", default=None)


def set_color(choice: str | None):
    """Record this run's --color (None or "auto": decide from the environment); a token for :func:`reset_color`."""
    return _CHOICE.set(choice)


def reset_color(token) -> None:
    _CHOICE.reset(token)


def isatty(stream) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def color_enabled(stream=None) -> bool:
    """Whether output written to ``stream`` (default stdout) is coloured (the order is in the module's doc)."""
    choice = _CHOICE.get()
    if choice in (None, "auto"):
        env = os.environ.get("PLANCC_COLOR", "").strip().lower()
        choice = env if env in CHOICES else "auto"
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if os.environ.get("TERM", "") == "dumb":
        return False
    return isatty(sys.stdout if stream is None else stream)


def console(stderr: bool = False, **options):
    """A rich Console for stdout (or stderr) that colours exactly when :func:`color_enabled` says so.

    rich reads NO_COLOR and FORCE_COLOR itself but knows nothing of --color; every
    Console plancc prints with is made here, so one decision holds everywhere.
    Without colour it writes no escape sequence at all (not even bold).
    """
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    color = color_enabled(stream)
    tty = isatty(stream)
    options.setdefault("highlight", False)
    return Console(stderr=stderr, force_terminal=tty, no_color=not color,
                   color_system=("auto" if tty else "standard") if color else None, **options)


def buffer_console(file, color: bool, **options):
    """A rich Console writing into ``file`` (a StringIO): coloured or not as the caller decided."""
    from rich.console import Console

    options.setdefault("highlight", False)
    return Console(file=file, force_terminal=color, no_color=not color, color_system="standard" if color else None,
                   **options)


def width(stream=None, default: int = 80) -> int:
    """The terminal's width in columns: COLUMNS when set, else the terminal of ``stream``
    (default stdout), else ``default`` (a pipe, a file)."""
    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 0:
        return int(cols)
    stream = sys.stdout if stream is None else stream
    if isatty(stream):
        try:
            return os.get_terminal_size(stream.fileno()).columns or default
        except (OSError, ValueError, AttributeError):
            pass
    return default


# --- progress ---------------------------------------------------------------------------------

def progress_wanted() -> bool:
    """Progress goes to stderr, and only when stderr is a terminal that can redraw a line."""
    return isatty(sys.stderr) and os.environ.get("TERM", "") != "dumb"


class _Null:
    """What :func:`progress` gives when nothing is shown: every call does nothing."""

    def advance(self) -> None:
        pass

    def say(self, text: str) -> None:
        pass


_NULL = _Null()
#: the progress shown by this process (its pid, the display): a worker process started by
#: fork inherits the variable but must not draw on the parent's terminal
_CURRENT: tuple[int, object] | None = None


class _Shown:
    def __init__(self, progress, task: int, total: int | None):
        self._progress, self._task, self._total = progress, task, total

    def advance(self) -> None:
        self._progress.advance(self._task)

    def say(self, text: str) -> None:
        """A new description for the current step; a spinner's clock starts again (the time of this step)."""
        if self._total is None:
            self._progress.reset(self._task, description=text)
        else:  # a bar keeps its count
            self._progress.update(self._task, description=text)


@contextlib.contextmanager
def progress(text: str, total: int | None = None) -> Iterator[object]:
    """``with progress("正在检查", total=len(files)) as p: … p.advance()``: a bar (``total``)
    or a spinner with the time taken, on stderr, removed when the work is done; a
    do-nothing object when stderr is not a terminal. Inside, :func:`step` changes the text
    of the shown progress from code that does not hold it (the LibreOffice conversion)."""
    global _CURRENT
    if not progress_wanted() or _CURRENT is not None:
        yield _NULL if _CURRENT is None else _CURRENT[1]
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    bar = Progress(*columns, console=console(stderr=True), transient=True)
    task = bar.add_task(text, total=total)
    shown = _Shown(bar, task, total)
    _CURRENT = (os.getpid(), shown)
    try:
        with bar:
            yield shown
    finally:
        _CURRENT = None


def step(text: str) -> None:
    """Say what is being done now, on the progress this process shows (if any)."""
    if _CURRENT is not None and _CURRENT[0] == os.getpid():
        _CURRENT[1].say(text)
