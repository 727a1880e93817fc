"""Run the selected rules over a plan and turn findings into located diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancc.check.context import Context
from plancc.check.registry import Finding, Rule, all_rules
from plancc.diagnostics import Diagnostic, Related, Severity, Span
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
                    (f"规则 {rule.code} 内部出错，已跳过：{exc!r}（请报告此问题）" if lang == "zh"
                     else f"rule {rule.code} failed internally and was skipped: {exc!r} (please report this)"),
                    ctx.loaded.path,
                    None,
                )
            )
            continue
        for finding in findings:
            out.append(to_diagnostic(rule, finding, ctx, severity, lang))
    return out


def to_diagnostic(rule: Rule, finding: Finding, ctx: Context, severity: Severity, lang: str) -> Diagnostic:
    source = ctx.loaded.source
    span = source.locate(finding.path, key=finding.at_key)
    if finding.text_range is not None and span is not None and span.line == span.end_line:
        span = _inside(span, finding.text_range, ctx.loaded, finding.path)
    related = [
        Related(label, format_path(path), source.locate(path), ctx.loaded.file_of(path)) for path, label in finding.related
    ]
    if finding.severity is not None and finding.severity.rank > severity.rank:
        severity = finding.severity
    return Diagnostic(rule.code, severity, rule.format(finding, lang), ctx.loaded.file_of(finding.path), span, format_path(finding.path), related)


def _inside(span: Span, rng: tuple[int, int], loaded, path) -> Span:
    """Narrow a one-line scalar's span to a range inside its text (plain or quoted scalars)."""
    line = loaded.line(span.line, loaded.file_of(path))
    value = value_at(loaded.data, path)
    if not isinstance(value, str):
        return span
    start_col = span.column - 1
    segment = line[start_col : span.end_column - 1]
    offset = segment.find(value[rng[0] : rng[0] + rng[1]])
    if offset < 0:
        return span
    col = span.column + offset
    return Span(span.line, col, span.line, col + rng[1])


__all__ = ["Finding", "Selection", "run_rules"]
