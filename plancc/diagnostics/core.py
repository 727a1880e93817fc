"""The diagnostic record shared by the loader, the model checks and the rules.

Every stage of the pipeline reports through :class:`Diagnostic`, so the
formatters (text, json, github, sarif) never need to know where a finding
came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Span(NamedTuple):
    """A 1-based source range (end is inclusive of the last character's column + 1).

    A named tuple, not a frozen dataclass: the loader makes one per value (25,000
    for a 5,000-row catalog), and a tuple is made in a fifth of the time."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> "Span":
        return cls(line, column, line, column + 1)


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a diagnostic's figure comes from (e.g. the parts of a sum)."""

    message: str
    path: str
    span: Span | None
    file: str | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """An edit that resolves a diagnostic: `old` at line/column (characters, 1-based) of
    `file` becomes `new`. ``safe``: the rendered document stays the same (a typed figure
    becomes the reference that prints it); otherwise the document changes (the figure
    takes the data's value) and ``--unsafe-fixes`` is needed to apply it."""

    file: str
    line: int
    column: int
    old: str
    new: str
    safe: bool = True
    #: the value the edit is in (its data path) and where inside it (characters)
    path: tuple = ()
    offset: int = 0


@dataclass(slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    file: str
    span: Span | None
    path: str = ""
    related: list[Related] = field(default_factory=list)
    suppressed: bool = False
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.span.line if self.span else 1

    @property
    def column(self) -> int:
        return self.span.column if self.span else 1

    @property
    def end_line(self) -> int:
        return self.span.end_line if self.span else self.line

    @property
    def end_column(self) -> int:
        return self.span.end_column if self.span else self.column + 1

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "path": self.path,
        }
