"""What a change does to the checks: the rules run on both sides, and the findings the new
plan has that the old one had not (added) and those it no longer has (resolved).

A finding is the same on both sides when its code, the item it is at (named as the
diff names items, so a finding does not “move” when the list above it grows) and its
message agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plancc.diff.identity import identity_of, name_of

_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    where: str  # the item, named: phases[暑假研修].start
    line: int
    column: int

    def as_json(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message, "path": self.where,
                "line": self.line, "column": self.column}


def parse_path(text: str) -> tuple:
    out: list[Any] = []
    for m in _STEP.finditer(text or ""):
        out.append(int(m.group(1)) if m.group(1) is not None else m.group(2))
    return tuple(out)


def named_path(data: Any, path: tuple) -> str:
    """``phases[0].start`` → ``phases[暑假研修].start``: list items by name where they have one."""
    out = ""
    here = data
    walked: list[Any] = []
    for p in path:
        if isinstance(p, int):
            name = ""
            if isinstance(here, list) and 0 <= p < len(here):
                if identity_of(tuple(walked)) is not None:
                    name = name_of(tuple(walked), here[p])
                here = here[p]
            else:
                here = None
            out += f"[{name or p + 1}]"
        else:
            here = here.get(p) if isinstance(here, dict) else None
            out += ("." if out else "") + str(p)
        walked.append(p)
    return out


def findings_of(report) -> list[Finding]:
    data = report.loaded.data
    out = []
    for d in report.diagnostics:
        if d.suppressed:
            continue
        out.append(Finding(d.code, d.severity.value if hasattr(d.severity, "value") else str(d.severity), d.message,
                           named_path(data, parse_path(d.path)) if d.path else "", d.line, d.column))
    return out


def compare_findings(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(added, resolved): the findings only the new side has, and those only the old side had."""
    def key(f: Finding) -> tuple:
        return (f.code, f.where, f.message)

    def only(these: list[Finding], those: list[Finding]) -> list[Finding]:
        left: dict[tuple, int] = {}
        for f in those:
            left[key(f)] = left.get(key(f), 0) + 1
        out = []
        for f in these:
            if left.get(key(f)):
                left[key(f)] -= 1
            else:
                out.append(f)
        return out

    return only(new, old), only(old, new)
