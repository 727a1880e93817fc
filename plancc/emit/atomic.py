"""Atomic file output: a reader never sees half a file, and a failed render leaves
the previous output untouched.

The data goes to a hidden temporary file in the target folder (same file
system, so the final ``os.replace`` is atomic), is flushed and fsync'ed, then
replaces the target. On any error the temporary file is removed. A process
killed outright (SIGKILL, power loss) cannot clean up; its temporary file
carries its process id, and a later write to the same target removes it once
that process is gone and the file has not been touched for an hour (a pid
seen from another container or host may look dead while its writer works).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO, Iterator

__all__ = ["atomic_write_bytes", "atomic_writer"]


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: int = 0o644) -> Iterator[BinaryIO]:
    """Yield a binary file object; on a clean exit it atomically becomes ``path``.

    If the body raises, the temporary file is deleted and ``path`` is left as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stranded(folder, target.name)
    tmp = tempfile.NamedTemporaryFile(
        dir=folder, delete=False, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
    )
    tmp_path = Path(tmp.name)
    try:
        with tmp:
            yield tmp  # type: ignore[misc]
            tmp.flush()
            os.fsync(tmp.fileno())
        try:
            # NamedTemporaryFile creates 0600: keep the mode of the file being
            # replaced, else ordinary permissions (reading the umask is not thread-safe)
            keep = stat.S_IMODE(os.stat(target).st_mode) if target.exists() else mode
            os.chmod(tmp_path, keep)
        except OSError:
            pass
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise
    _fsync_dir(folder)


#: how long a temporary file must be untouched before a dead writer's file is removed
STRANDED_AFTER = 3600.0


def _remove_stranded(folder: Path, name: str) -> None:
    """Delete temporary files of exactly ``name`` left by processes that no longer exist."""
    if os.name != "posix":  # os.kill(pid, 0) only probes on POSIX
        return
    pattern = re.compile(re.escape(f".{name}.") + r"(\d+)\.[A-Za-z0-9_]+\.tmp")
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for entry in entries:
        m = pattern.fullmatch(entry)
        if m is None or int(m.group(1)) == os.getpid():
            continue
        path = folder / entry
        try:
            if now - os.stat(path).st_mtime < STRANDED_AFTER:
                continue  # recent: perhaps a writer this process cannot see
            os.kill(int(m.group(1)), 0)
            continue  # still running
        except ProcessLookupError:
            pass
        except (OSError, OverflowError, ValueError):
            continue  # gone already, another user's process, or not a process id
        with contextlib.suppress(OSError):
            os.unlink(path)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the target path."""
    with atomic_writer(path) as fh:
        fh.write(data)
    return Path(path)
