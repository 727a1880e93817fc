"""Run the selected rules over a plan and turn findings into located diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancc.catalog import message
from plancc.check.context import Context
from plancc.check.registry import Finding, Rule, all_rules
from plancc.diagnostics import Diagnostic, Related, Severity, Span
from plancc.diagnostics.core import Fix
from plancc.load.source import format_path, value_at


@dataclass
class Selection:
    """Which rules run and at what severity (from plancc.toml and the command line).

    Codes match by prefix, as in ruff: "PL2" is every PL2xx rule, "PL" or
    "ALL" is everything. Policy rules run only when the policy pack is on or
    when one is selected by its full code.
    """

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)
    policy: bool = False

    def enabled(self, rule: Rule) -> bool:
        code = rule.code
        if any(_match(code, p) for p in self.ignore):
            return False
        if rule.policy and not self.policy and code not in self.select:
            return False
        if self.select:
            return any(_match(code, p) for p in self.select)
        return True

    def severity_of(self, code: str, default: Severity) -> Severity | None:
        """The configured severity; None when configured "off"."""
        best = None
        for pattern, sev in self.severities.items():
            if _match(code, pattern) and (best is None or len(pattern) > len(best[0])):
                best = (pattern, sev)
        if best is None:
            return default
        return None if best[1] == "off" else Severity(best[1])

    def keeps(self, code: str) -> bool:
        """Loader and model diagnostics obey --ignore too (but not --select)."""
        return not any(_match(code, p) for p in self.ignore)


def _match(code: str, pattern: str) -> bool:
    pattern = pattern.strip().upper()
    return pattern == "ALL" or code.upper().startswith(pattern)


def run_rules(ctx: Context, selection: Selection, lang: str = "zh") -> list[Diagnostic]:
    out: list[Diagnostic] = []
    places = _Places(ctx.loaded)
    for rule in all_rules():
        if not selection.enabled(rule):
            continue
        severity = selection.severity_of(rule.code, rule.severity)
        if severity is None:
            continue
        try:
            findings = list(rule.run(ctx))
        except Exception as exc:  # a rule must never take validate down
            out.append(
                Diagnostic(
                    "PL999",
                    Severity.WARNING,
                    message("runner.rule_crashed", lang, code=rule.code, error=repr(exc)),
                    ctx.loaded.path,
                    None,
                )
            )
            continue
        for finding in findings:
            out.append(to_diagnostic(rule, finding, ctx, severity, lang, places))
    return out


def to_diagnostic(rule: Rule, finding: Finding, ctx: Context, severity: Severity, lang: str, places: "_Places | None" = None) -> Diagnostic:
    source = ctx.loaded.source
    span = source.locate(finding.path, key=finding.at_key)
    fix = None
    if finding.text_range is not None and span is not None and span.line == span.end_line:
        places = places or _Places(ctx.loaded)
        whole = span
        span = places.inside(whole, finding.text_range, finding.path)
        if finding.fix is not None:
            rng = finding.fix_range or finding.text_range
            fix = places.fix(places.inside(whole, rng, finding.path), finding, rng)
    related = [
        Related(label, format_path(path), source.locate(path), ctx.loaded.file_of(path)) for path, label in finding.related
    ]
    if finding.severity is not None and finding.severity.rank > severity.rank:
        severity = finding.severity
    return Diagnostic(rule.code, severity, rule.format(finding.params, lang), ctx.loaded.file_of(finding.path), span,
                      format_path(finding.path), related, fix=fix)


class _Places:
    """Columns of ranges inside one-line string values, for all findings of a run.

    Each file is split into lines once, and where each value's text starts on its
    line is found once, so ten thousand findings in one long string cost ten
    thousand additions and not ten thousand searches of the line.
    """

    def __init__(self, loaded):
        self.loaded = loaded
        self.lines: dict[str, list[str]] = {}
        self.starts: dict[tuple, int] = {}

    def _line(self, file: str, n: int) -> str:
        lines = self.lines.get(file)
        if lines is None:
            text = self.loaded.text if file == self.loaded.path else self.loaded.included.get(file, "")
            lines = self.lines[file] = text.split("\n")
        return lines[n - 1] if 0 < n <= len(lines) else ""

    def fix(self, span: Span, finding: Finding, rng: tuple[int, int]) -> Fix | None:
        """The edit a finding offers, where its text stands on the line exactly as in the value
        (a value with escapes or folded lines is not edited)."""
        value = value_at(self.loaded.data, finding.path)
        start, length = rng
        old = value[start:start + length] if isinstance(value, str) else None
        file = self.loaded.file_of(finding.path)
        line = self._line(file, span.line)
        if not old or line[span.column - 1:span.column - 1 + length] != old or span.end_column - span.column != length:
            return None
        return Fix(file, span.line, span.column, old, finding.fix, finding.fix_safe, tuple(finding.path), start)

    def inside(self, span: Span, rng: tuple[int, int], path: tuple) -> Span:
        """Narrow a one-line scalar's span to a range inside its text (plain or quoted scalars).

        A plain or simply quoted value appears on its line as written, so offset k of the
        value is column start + k: two equal placeholders in one string get their own columns.
        A value with escapes is not written verbatim; then the n-th occurrence of the
        range's text in the value is matched with the n-th on the line.
        """
        value = value_at(self.loaded.data, path)
        if not isinstance(value, str):
            return span
        key = (path, span.line, span.column)
        start = self.starts.get(key)
        line = None
        if start is None:
            line = self._line(self.loaded.file_of(path), span.line)
            found = line.find(value, span.column - 1, span.end_column - 1) if value else -1
            start = self.starts[key] = found - (span.column - 1) if found >= 0 else -1
        if start >= 0:
            col = span.column + start + rng[0]
            return Span(span.line, col, span.line, col + rng[1])
        needle = value[rng[0] : rng[0] + rng[1]]
        if not needle:
            return span
        if line is None:
            line = self._line(self.loaded.file_of(path), span.line)
        nth = value.count(needle, 0, rng[0])
        pos = line.find(needle, span.column - 1, span.end_column - 1)
        while pos >= 0 and nth:
            pos = line.find(needle, pos + len(needle), span.end_column - 1)
            nth -= 1
        if pos < 0:
            return span
        col = pos + 1
        return Span(span.line, col, span.line, col + rng[1])


__all__ = ["Finding", "Selection", "run_rules"]
