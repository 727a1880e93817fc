"""Suppressions written as YAML comments, each with a reason.

    phases:
      - start: 2024-07   # plancc: ignore[PL702] 暑假研修按省里安排提前开始
    # plancc: ignore[PL704] 方案在培训开始后补发
    document: ...
    # plancc: ignore-file[PL804] 原文照录

A comment suppresses the named codes on its own line, or on the next line
when the comment stands alone. ``ignore-file`` covers the whole file.
A suppression without a reason (PL010) or one that suppresses nothing
(PL011) is reported itself; suppressed findings are counted, not hidden.
Only rule findings can be suppressed: a YAML or type error must be fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plancc.catalog import joined, message
from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.diagnostics.codes import family_of

# possessive, and the code list stops at the next bracket: each part of a line is read once
_COMMENT = re.compile(r"(?:^|\s)#\s*+plancc:\s*+(ignore-file|ignore)\s*+\[([^\[\]]*+)\]\s*+(.*)$")
_CODE = re.compile(r"^[A-Z]{2}\d{3}$")


@dataclass
class Suppression:
    line: int  # the line whose findings it covers (0 = whole file)
    comment_line: int
    column: int
    codes: list[str]
    reason: str
    used: set[str] = field(default_factory=set)


def parse_suppressions(text: str) -> list[Suppression]:
    out = []
    lines = text.split("\n")
    for i, line in enumerate(lines, 1):
        if "plancc:" not in line or "#" not in line:
            continue
        m = _COMMENT.search(line)
        if not m:
            continue
        kind, codes_raw, reason = m.group(1), m.group(2), m.group(3).strip()
        codes = [c.strip().upper() for c in codes_raw.split(",") if c.strip()]
        column = line.index("#", m.start()) + 1
        standalone = line[: column - 1].strip() == ""
        if kind == "ignore-file":
            target = 0
        elif standalone:
            target = _next_content_line(lines, i)
        else:
            target = i
        out.append(Suppression(target, i, column, codes, reason))
    return out


def _next_content_line(lines: list[str], i: int) -> int:
    for j in range(i, len(lines)):
        stripped = lines[j].strip()
        if stripped and not stripped.startswith("#"):
            return j + 1
    return i


def apply_suppressions(diags: list[Diagnostic], text: str, file: str, lang: str, active=lambda code: True) -> list[Diagnostic]:
    """Mark suppressed findings; add PL010/PL011 for bad or unused suppressions.

    ``active(code)`` says whether a code was checked at all in this run; a
    suppression of a code that did not run (deselected, or rules skipped
    because the file has structural errors) is not reported as unused.
    """
    sups = parse_suppressions(text)
    if not sups:
        return diags
    by_line: dict[int, list[Suppression]] = {}
    for s in sups:
        by_line.setdefault(s.line, []).append(s)
    for d in diags:
        if not _suppressible(d.code) or d.file != file:
            continue
        for s in by_line.get(d.line, []) + by_line.get(0, []):
            if d.code in s.codes:
                d.suppressed = True
                s.used.add(d.code)
                break
    extra = []
    for s in sups:
        span = Span(s.comment_line, s.column, s.comment_line, s.column + 1)
        bad = [c for c in s.codes if not _CODE.match(c)]
        if not s.codes or bad:
            extra.append(Diagnostic("PL011", Severity.WARNING,
                                    message("suppress.invalid", lang, codes=joined(bad, lang) or message("suppress.none", lang)),
                                    file, span))
            continue
        fixed = [c for c in s.codes if not _suppressible(c)]
        if fixed:
            extra.append(Diagnostic("PL011", Severity.WARNING,
                                    message("suppress.fixed", lang, codes=joined(fixed, lang)),
                                    file, span))
        if not s.reason:
            extra.append(Diagnostic("PL010", Severity.WARNING,
                                    message("suppress.no_reason", lang, codes=joined(s.codes, lang)),
                                    file, span))
        unused = [c for c in s.codes if c not in s.used and active(c) and _suppressible(c)]
        if unused:
            extra.append(Diagnostic("PL011", Severity.WARNING,
                                    message("suppress.unused", lang, codes=joined(unused, lang),
                                            where=message("suppress.in_file", lang) if s.line == 0 else message("suppress.on_line", lang, line=s.line)),
                                    file, span))
    return diags + extra


def _suppressible(code: str) -> bool:
    """Whether a comment may suppress the code: a fact of its family (a code of no family: nothing forbids it)."""
    family = family_of(code)
    return len(code) == 5 and (family is None or family.suppressible)
