"""The rule registry: every consistency rule is one decorated function.

A rule receives a :class:`Context` and yields :class:`Finding` objects that
name data paths; the runner turns them into located diagnostics. A rule
is a :class:`CodeInfo` (the facts ``plancc explain``, the docs and SARIF
show) plus its function. The decorator records the stable code, family
(plancc.diagnostics.codes.FAMILIES, the facts shared by its codes),
default severity and bilingual title and message; the function's docstring
(Chinese, with an English counterpart in ``doc_en``) is what ``plancc
explain`` prints and what the generated reference docs show. To add a rule: write one function
in the module of its family under ``plancc/check/rules/`` (for a family that is a package,
prose and coverage, in the module of the package that checks the same kind of thing) and its tests.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from plancc.diagnostics import Severity
from plancc.diagnostics.codes import FAMILIES, CodeInfo

@dataclass
class Finding:
    """One problem a rule found: where, the figures for the message, and related places."""

    path: tuple
    params: dict[str, Any] = field(default_factory=dict)
    # other places whose figures the message names: (path, label)
    related: list[tuple[tuple, str]] = field(default_factory=list)
    # point at the key instead of the value (e.g. a duplicate name)
    at_key: bool = False
    # a rule may raise its severity for one finding (e.g. an impossible range)
    severity: Severity | None = None
    # a span inside a string value: (offset, length) in characters
    text_range: tuple[int, int] | None = None
    # what the text at text_range should become (a reference to the data), and whether the
    # document stays the same with it (plancc.diagnostics.core.Fix)
    fix: str | None = None
    fix_safe: bool = True
    # the part of text_range the fix replaces, when smaller (the 八 of “八个模块”)
    fix_range: tuple[int, int] | None = None


@dataclass(frozen=True)
class Rule(CodeInfo):
    """A code's facts (CodeInfo) plus the function that finds its problems."""

    func: Callable[["Any"], Iterable[Finding]] = field(kw_only=True)

    def run(self, ctx) -> Iterator[Finding]:
        yield from self.func(ctx)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    family: str,
    severity: str = "error",
    title: str,
    title_en: str,
    message: str,
    message_en: str,
    doc_en: str = "",
    policy: bool = False,
):
    """Register a rule function under a stable code."""
    if family not in FAMILIES:
        raise ValueError(f"unknown rule family {family!r}")
    if not code.startswith(FAMILIES[family].prefix):
        raise ValueError(f"rule {code} does not start with the prefix {FAMILIES[family].prefix} of its family {family}")

    def wrap(func):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(
            code=code,
            name=name,
            family=family,
            severity=Severity(severity),
            title=title,
            title_en=title_en,
            message=message,
            message_en=message_en,
            doc=inspect.cleandoc(func.__doc__ or ""),
            doc_en=inspect.cleandoc(doc_en),
            policy=policy,
            func=func,
        )
        return func

    return wrap


def all_rules() -> list[Rule]:
    """Every registered rule, in code order (imports the rule modules once)."""
    import plancc.check.rules  # noqa: F401  (registers the rules)

    return [RULES[c] for c in sorted(RULES)]
