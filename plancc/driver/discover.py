"""Which files a command works on: folders expanded into plan files, cheaply and without blocking."""

from __future__ import annotations

import os
import stat
from pathlib import Path

PLAN_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", "build", "dist", ".tox"}


def discover(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into plan files; return (files, paths that do not exist).

    A folder is searched recursively for regular *.yaml/*.yml files that have
    a top-level ``plancc:`` key (plan repositories also hold CI and tool YAML);
    named pipes, devices and sockets are passed over without being opened. A
    path named explicitly is always taken when it exists and is not a folder:
    if it is not a regular file, loading it says so (PL000).
    """
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        try:
            mode = os.stat(p).st_mode
        except (OSError, ValueError):
            missing.append(str(raw))
            continue
        if not stat.S_ISDIR(mode):
            files.append(p)
            continue
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                if name.endswith(PLAN_SUFFIXES):
                    candidate = Path(root) / name
                    if looks_like_plan(candidate):
                        files.append(candidate)
    return files, missing


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def looks_like_plan(path: Path) -> bool:
    """True when a regular file has a top-level line starting with ``plancc:`` (cheap; no YAML parse).

    Never blocks: anything but a regular file (a named pipe, a device) is not
    a plan, and the file is opened without waiting for a writer.
    """
    if not _is_regular(path):
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the stat and the open
            return False
        head = os.read(fd, 64 * 1024)
    except OSError:
        return False
    finally:
        os.close(fd)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    for line in head.splitlines():
        if line.startswith(b"plancc:") or line.startswith(b'"plancc":') or line.startswith(b"'plancc':"):
            return True
    return False


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
