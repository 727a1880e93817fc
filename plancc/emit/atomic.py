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

from plancc.catalog import joined, message

__all__ = ["atomic_write_bytes", "atomic_writer", "is_stream", "refuse_inputs", "write_all", "write_output"]


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


# --------------------------------------------------------------------------- outputs of a command

def _identity(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _same_file(a: Path, b: Path) -> bool:
    ia, ib = _identity(a), _identity(b)
    if ia is not None and ib is not None:
        return ia == ib
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def refuse_inputs(outputs: "list[tuple[Path, str]]", inputs: "list[tuple[Path, str]]", lang: str = "zh") -> None:
    """Raise OutputError when an output is one of the run's inputs (plan, include,
    config, template, profile), or when two outputs name the same file.

    ``outputs`` and ``inputs`` pair a path with what it is, for the message.
    Devices and pipes (``/dev/null``, ``/dev/stdout``) may be named any number of times.
    """
    from plancc.errors import OutputError

    for out, _ in outputs:
        for inp, what in inputs:
            if _same_file(out, inp):
                raise OutputError(message("output.input", lang, path=out, what=what))
    seen: dict[str, str] = {}
    for out, what in outputs:
        if is_stream(out):
            continue
        key = os.path.realpath(out)
        if key in seen:
            raise OutputError(message("output.twice", lang, path=out, what=joined([seen[key], what], lang)))
        seen[key] = what


def is_stream(path: Path) -> bool:
    """A device, pipe or socket: written in place, never renamed over."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_output(path: "str | os.PathLike[str]", data: bytes, lang: str = "zh") -> Path:
    """Write one output of a command, safely for whatever ``path`` names.

    A regular file (or a new one) is replaced atomically; a symlink is followed
    and its target replaced, the link kept; a device or pipe (``/dev/null``,
    ``/proc/self/fd/1``) is written in place instead of being replaced by a
    regular file. The folder is created when missing. Failures raise
    OutputError (exit 2) with the reason in the user's language.
    """
    from plancc.errors import OutputError, describe_os_error

    target = Path(path)
    try:
        if is_stream(target):
            with open(target, "wb") as fh:
                fh.write(data)
            return target
        if target.is_dir():
            raise OutputError(message("output.folder", lang, path=target))
        real = Path(os.path.realpath(target)) if target.is_symlink() else target
        real.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(real, data)
    except OSError as exc:
        raise OutputError(message("output.write", lang, path=target, reason=describe_os_error(exc, lang))) from exc
    return target


def write_all(files: "dict[Path, bytes]", lang: str = "zh") -> list[Path]:
    """Write several new files all or none (``plancc init``).

    Every file is first written to a temporary file beside its target; only
    when all are written are they renamed into place. On any failure the
    temporary files, the targets already renamed and the folders this call
    created are removed again, and files it replaced are put back, so the
    tree is as it was. Raises OutputError (exit 2) with the reason.
    """
    from plancc.errors import OutputError, describe_os_error

    made_dirs: list[Path] = []
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    placed: list[Path] = []
    current = None
    try:
        for target, data in files.items():
            current = target
            missing = []
            folder = target.parent
            while not folder.exists():
                missing.append(folder)
                folder = folder.parent
            for d in reversed(missing):
                d.mkdir()
                made_dirs.append(d)
            tmp = tempfile.NamedTemporaryFile(dir=target.parent, delete=False, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
            temps[target] = Path(tmp.name)
            with tmp:
                tmp.write(data)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.chmod(tmp.name, 0o644)
        for target, tmp in temps.items():
            current = target
            if target.exists() or target.is_symlink():
                backup = target.with_name(f".{target.name}.{os.getpid()}.old")
                os.replace(target, backup)
                backups[target] = backup
            os.replace(tmp, target)
            placed.append(target)
    except OSError as exc:
        for target in placed:
            with contextlib.suppress(OSError):
                target.unlink()
        for target, backup in backups.items():
            with contextlib.suppress(OSError):
                os.replace(backup, target)
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                tmp.unlink()
        for d in reversed(made_dirs):
            with contextlib.suppress(OSError):
                d.rmdir()
        raise OutputError(message("output.write", lang, path=current, reason=describe_os_error(exc, lang))) from exc
    for backup in backups.values():
        with contextlib.suppress(OSError):
            backup.unlink()
    for folder in {t.parent for t in placed}:
        _fsync_dir(folder)
    return placed
