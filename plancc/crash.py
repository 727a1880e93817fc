"""What a defect in plancc looks like to the user: a short message, and the full
traceback saved to a file they can attach to a bug report.

The traceback is never printed: a CI log is public, and a traceback can quote
paths and values. The file goes to the user's cache folder (or the temporary
folder when there is none), readable only by them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from plancc import __version__

def crash_folder() -> Path:
    """Where crash reports go: $PLANCC_CACHE_DIR/.., else the user cache folder, else the temp folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if base.startswith("~"):
        base = tempfile.gettempdir()
    return Path(base) / "plancc" / "crashes"


def save_traceback(exc: BaseException) -> Path | None:
    text = (f"plancc {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
            f"argv: {sys.argv!r}\n\n" + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    name = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = folder / name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(text)
            return path
        except OSError:
            continue
    return None


def report_crash(exc: BaseException, lang: str = "zh") -> str:
    """Save the traceback and return the message to print."""
    from plancc.catalog import message

    path = save_traceback(exc)
    where = str(path) if path is not None else message("crash.unsaved", lang)
    return message("crash.defect", lang, kind=type(exc).__name__, path=where)
