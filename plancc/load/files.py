"""Reading a plan file from disk: bytes that are safe to read, then text that is safe to parse.

Plans and the files they include come from pull requests, so reading never
blocks and never reads without bound: only regular files are opened (a named
pipe, a device or a folder is named as such), without waiting, and no further
than ``limits.max_bytes``. The bytes must be UTF-8 (a BOM is dropped); UTF-16
and GBK files get a diagnostic that says so. Every failure is a diagnostic or
a message key (:func:`reason_text` words it), never an exception.

:func:`load_file` chains the steps: these bytes, their text, then the
composer (:func:`plancc.load.compose.load_text`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from plancc.catalog import message as msg
from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.load.compose import load_text
from plancc.load.limits import Limits, limit_diagnostic, readable_size
from plancc.load.source import LoadedFile, SourceMap


_FILE_KIND = {
    stat.S_IFDIR: "kind.directory",
    stat.S_IFIFO: "kind.fifo",
    stat.S_IFCHR: "kind.device",
    stat.S_IFBLK: "kind.device",
    stat.S_IFSOCK: "kind.socket",
}


def file_kind(mode: int) -> str:
    """The message key naming what a non-regular file is."""
    return _FILE_KIND.get(stat.S_IFMT(mode), "kind.special")


#: the reason key of a file that does not exist
MISSING = f"errno:{errno.ENOENT}"

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular_file(path: str | Path, max_bytes: int) -> tuple[bytes | None, str | None, int]:
    """The bytes of a regular file, or (None, message key, size) saying why not.

    Never blocks: the file is checked with stat before it is opened, opened
    without waiting (a named pipe has no writer), checked again on the open
    descriptor, and read no further than the limit. The message key is
    "limit" when the file is over `max_bytes`, or an ``os.*``/``kind.*`` key.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, errno_key(exc), 0
    except ValueError:  # a NUL in the name
        return None, MISSING, 0
    if not stat.S_ISREG(st.st_mode):
        return None, file_kind(st.st_mode), 0
    if st.st_size > max_bytes:
        return None, "limit", st.st_size
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return None, errno_key(exc), 0
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # replaced between the two looks
            return None, file_kind(st.st_mode), 0
        chunks = []
        total = 0
        while True:  # /proc files say size 0 and still have content: read to the limit
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                return None, "limit", total
        return b"".join(chunks), None, total
    except OSError as exc:
        return None, errno_key(exc), 0
    finally:
        os.close(fd)


def errno_key(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "kind.directory"
    if exc.errno == errno.ENXIO:
        return "kind.special"
    return "errno:" + str(exc.errno)


def reason_text(key: str, lang: str) -> str:
    """The words for a key returned by :func:`read_regular_file`."""
    if key.startswith("errno:"):
        from plancc.errors import describe_errno

        number = key[6:]
        return describe_errno(int(number) if number.lstrip("-").isdigit() else None, lang)
    return msg(key, lang)


def decode_text(raw: bytes, file: str, lang: str) -> tuple[str | None, Diagnostic | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Diagnostic("PL003", Severity.ERROR, msg("PL003.utf16", lang), file, Span.point(1, 1))
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        span = Span.point(line, col)
        try:
            guessed = raw.decode("gb18030")
        except UnicodeDecodeError:
            guessed = None
        if guessed is not None and re.search(r"[\u4e00-\u9fff]", guessed):
            return None, Diagnostic("PL003", Severity.ERROR, msg("PL003.gbk", lang, byte=f"0x{raw[exc.start]:02X}"), file, span)
        return None, Diagnostic("PL003", Severity.ERROR, msg("PL003", lang, byte=f"0x{raw[exc.start]:02X}"), file, span)


def load_file(path: str | Path, lang: str = "zh", limits: Limits | None = None, display: str | None = None,
              parser: str | None = None) -> LoadedFile:
    """Read and load one file; every failure becomes a diagnostic."""
    limits = limits or Limits()
    name = display or str(path)
    raw, why, size = read_regular_file(path, limits.max_bytes)
    if raw is None:
        if why == "limit":
            d = limit_diagnostic("max_bytes", lang, name, Span.point(1, 1), limits.max_bytes, size=readable_size(size))
        elif why.startswith("kind."):
            d = Diagnostic("PL000", Severity.ERROR, msg("PL000.kind", lang, kind=reason_text(why, lang)), name, None)
        else:
            d = Diagnostic("PL000", Severity.ERROR, msg("PL000", lang, error=reason_text(why, lang)), name, None)
        return LoadedFile(name, "", None, SourceMap(), [d])
    text, problem = decode_text(raw, name, lang)
    if problem is not None:
        return LoadedFile(name, "", None, SourceMap(), [problem])
    return load_text(text, name, lang, limits, parser)
