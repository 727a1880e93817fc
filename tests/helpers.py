"""Shared test helpers: check YAML text through the whole front half of the pipeline."""

from __future__ import annotations

import textwrap

from plancc.check.runner import Selection
from plancc.load import load_text
from plancc.pipeline import FileReport, Settings, check_loaded

# A minimal plan that passes every rule; tests add the part they exercise.
MINIMAL = """\
plancc: 1
document:
  title: 测试县2024年教师全员培训实施方案
"""


def check(yaml_text: str, *, select: list[str] | None = None, policy: bool = False, policy_params: dict | None = None,
          lang: str = "zh", name: str = "plan.yaml") -> FileReport:
    """Run load → model → rules on YAML text (dedented) and return the report."""
    text = textwrap.dedent(yaml_text)
    settings = Settings(lang=lang, selection=Selection(select=select or [], policy=policy))
    if policy_params:
        settings.policy = dict(policy_params)
    return check_loaded(load_text(text, name, lang), settings)


def codes(report: FileReport) -> list[str]:
    return [d.code for d in report.diagnostics]


def only(report: FileReport, code: str):
    """The diagnostics of one code."""
    return [d for d in report.diagnostics if d.code == code]


def line_of(yaml_text: str, needle: str) -> int:
    """1-based line number of the first line containing `needle` (after dedent)."""
    for i, line in enumerate(textwrap.dedent(yaml_text).splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in text")
