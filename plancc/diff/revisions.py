"""Plans at git revisions: ``plancc diff REV [REV2] [-- PATHS]``.

A revision's files are written, as git stores them, into a private temporary folder
(``git ls-tree`` and ``git cat-file --batch``: no shell, no checkout, the working tree
untouched), so that a plan's ``include:`` files are read at the same revision as the
plan. The working tree is read where it is.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterator, Optional

from plancc.catalog import message
from plancc.errors import UsageError

#: a revision's tree larger than this is refused (plan repositories are small)
MAX_TREE_BYTES = 256 * 1024 * 1024
#: suffixes of the files a revision's tree keeps (plans, their includes, plancc.toml)
KEPT = (".yaml", ".yml", ".toml", ".json")
TIMEOUT = 60


def _git(args: list[str], cwd: Path, lang: str, *, input: Optional[bytes] = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True, timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise UsageError(message("diff.no_git", lang)) from None
    except subprocess.TimeoutExpired:
        raise UsageError(message("diff.git_timeout", lang, seconds=TIMEOUT)) from None
    if proc.returncode != 0:
        raise UsageError(message("diff.git_failed", lang, command="git " + " ".join(args[:2]),
                                 reason=proc.stderr.decode("utf-8", "replace").strip()[:300]))
    return proc.stdout


def repo_root(cwd: Path, lang: str) -> Path:
    return Path(_git(["rev-parse", "--show-toplevel"], cwd, lang).decode().strip())


def is_revision(name: str, cwd: Path) -> bool:
    try:
        proc = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"],
                              cwd=cwd, capture_output=True, timeout=TIMEOUT, check=False)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


@contextmanager
def tree_at(root: Path, rev: str, lang: str) -> Iterator[Path]:
    """The plan files of ``rev`` in a temporary folder laid out as the repository."""
    listing = _git(["ls-tree", "-r", "-z", "--long", "--end-of-options", rev], root, lang)
    entries = []
    total = 0
    for rec in listing.split(b"\0"):
        if not rec:
            continue
        meta, _, path = rec.partition(b"\t")
        mode, kind, obj, size = meta.split()
        name = path.decode("utf-8", "surrogateescape")
        if kind != b"blob" or mode == b"120000" or not name.lower().endswith(KEPT):
            continue  # no symlinks, no submodules: only plain files
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or ".git" in parts:
            continue
        total += int(size)
        if total > MAX_TREE_BYTES:
            raise UsageError(message("diff.tree_too_big", lang, rev=rev, most=MAX_TREE_BYTES // (1024 * 1024)))
        entries.append((name, obj.decode()))
    tmp = Path(tempfile.mkdtemp(prefix="plancc-diff-"))
    try:
        if entries:
            blobs = _git(["cat-file", "--batch"], root, lang, input="".join(f"{o}\n" for _, o in entries).encode())
            pos = 0
            for name, _obj in entries:
                header_end = blobs.index(b"\n", pos)
                size = int(blobs[pos:header_end].split()[2])
                data = blobs[header_end + 1: header_end + 1 + size]
                pos = header_end + 1 + size + 1
                target = tmp.joinpath(*PurePosixPath(name).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def changed_paths(root: Path, old: str, new: Optional[str], paths: list[str], lang: str) -> list[str]:
    """Repository-relative paths of .yaml/.yml files that differ between the revisions
    (the working tree when ``new`` is None), limited to ``paths``."""
    args = ["diff", "--name-only", "--no-renames", "-z", old] + ([new] if new else []) + ["--", *(paths or ["."])]
    out = _git(args, root, lang)
    names = [n.decode("utf-8", "surrogateescape") for n in out.split(b"\0") if n]
    return [n for n in names if n.lower().endswith((".yaml", ".yml"))]
