"""Regular expressions compiled on first use.

Python compiles a character class such as ``[\\u4e00-\\u9fff]`` one code point at a
time, so a pattern over CJK text can take milliseconds to compile, at every start of
every command. A pattern that most runs never need (one behind a cheaper hint, one for
a form few plans use) is written ``_RE = lazy(r"…")`` and used as ``_RE().search(t)``.
"""

from __future__ import annotations

import re
from typing import Callable


class LazyPattern:
    """Call it for the compiled pattern; ``pattern`` is its text, available at once."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None

    def __call__(self) -> re.Pattern:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return compiled

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern]:
    """A pattern compiled the first time it is called for (then kept)."""
    return LazyPattern(pattern, flags)
