"""What loading a plan file produces: its plain values, and where every value was written.

A :class:`LoadedFile` holds the data and a :class:`SourceMap` from data paths
(keys and list indices) to YAML positions; diagnostics and the model use the
map to point at ``file:line:column``. The loading itself is elsewhere in this
package: :mod:`plancc.load.files` reads and decodes the bytes,
:mod:`plancc.load.compose` builds the values from the parser's events
(:func:`~plancc.load.compose.load_text`), :mod:`plancc.load.scalars` types
the scalars, :mod:`plancc.load.yamlerrors` words the parser's errors and
:mod:`plancc.load.limits` bounds it all.

Free of PyYAML, so that code which only reads values by path (plancc.toml)
does not load the parser.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plancc.diagnostics import Diagnostic, Severity, Span


class Lines:
    """(line, column) of a character offset in one text, counting only "\n" as a line end:
    YAML also breaks lines at NEL, U+2028 and U+2029, editors, terminals and CI annotations
    do not, and positions must be theirs. The line starts are found when first asked for."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str):
        self.text = text
        self._starts: list[int] | None = None

    def point(self, index: int) -> tuple[int, int]:
        starts = self._starts
        if starts is None:
            starts = self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_right(starts, index) - 1
        return i + 1, index - starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(*self.point(start), *self.point(end))


def as_span(where: Any) -> Span | None:
    """A position as the loader keeps it, ``(start, end, Lines)`` (character offsets in the text
    of that Lines), as a Span; a Span or None as it is."""
    if where is None or isinstance(where, Span):
        return where
    start, end, lines = where
    return lines.span(start, end)


class Positions(dict):
    """Data path → where its value (or key) was written. The loader stores each place as
    ``(start, end, Lines)``, without working out its line and column: a large plan has tens of
    thousands of places and its diagnostics name a few. Reading one (``[path]``, ``get``) gives
    a Span; iterating gives the places as stored (:func:`as_span` turns one into a Span)."""

    __slots__ = ()

    def __getitem__(self, path: tuple) -> Span:
        return as_span(dict.__getitem__(self, path))  # type: ignore[return-value]

    def get(self, path: tuple, default: Any = None) -> Any:
        where = dict.get(self, path)
        return default if where is None else as_span(where)


def _nearest(places: dict, path: tuple) -> Any:
    """The entry of ``path`` in ``places``, or of its nearest ancestor that has one (None when none has)."""
    p = tuple(path)
    while True:
        found = places.get(p)
        if found is not None:
            return found
        if not p:
            return None
        p = p[:-1]


@dataclass
class SourceMap:
    """Where each value of a loaded file was written."""

    values: Positions = field(default_factory=Positions)
    keys: Positions = field(default_factory=Positions)
    # original text of plain scalars that YAML 1.1 read as booleans or null
    # (`no`, `on`, `~`): used to explain type errors
    surprises: dict[tuple, str] = field(default_factory=dict)
    # subtrees that came from an included file: path → that file's name
    origins: dict[tuple, str] = field(default_factory=dict)

    def __post_init__(self):
        if type(self.values) is not Positions:
            self.values = Positions(self.values)
        if type(self.keys) is not Positions:
            self.keys = Positions(self.keys)

    def file_of(self, path: tuple) -> str | None:
        """The included file a value was written in, or None for the plan itself."""
        return _nearest(self.origins, path) if self.origins else None

    def locate(self, path: tuple, *, key: bool = False) -> Span | None:
        """The span of `path`, or of its nearest ancestor that has one."""
        p = tuple(path)
        if key and p in self.keys:
            return self.keys[p]
        return _nearest(self.values, p)


@dataclass
class LoadedFile:
    """One file after loading: its text (for showing source lines), values and positions."""

    path: str
    text: str
    data: Any
    source: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    # texts of included files, by name, for showing their source lines
    included: dict[str, str] = field(default_factory=dict)
    # every file this plan depends on (includes, recursively), for --watch
    dependencies: list[Path] = field(default_factory=list)
    # values an included file gave that a later file (or the plan) replaced with another:
    # data path → (the replaced value, the file it was written in, where) — a rate declared
    # twice differently is a finding (PL409), not a silent override
    replaced: dict[tuple, tuple[Any, str, Any]] = field(default_factory=dict)

    def line(self, n: int, file: str | None = None) -> str:
        text = self.text if file is None or file == self.path else self.included.get(file, "")
        lines = text.split("\n")
        return lines[n - 1] if 0 < n <= len(lines) else ""

    def file_of(self, path: tuple) -> str:
        return self.source.file_of(path) or self.path


def value_at(data: Any, path: tuple) -> Any:
    """The value at a data path (keys and list indices), or None when the path does not exist."""
    cur = data
    for p in path:
        try:
            cur = cur[p]
        except (KeyError, IndexError, TypeError):
            return None
    return cur


def format_path(path: tuple) -> str:
    """("hours", "components", 1, "hours") → "hours.components[1].hours"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
