"""Table-driven rule tests: for each rule, a plan that makes it fire and its corrected twin.

The cases are listed in tests/rules/test_rule_cases.py; every registered rule must have at
least one (test_every_rule_has_a_case enforces it), so a new rule cannot land without a
test that fires and one that stays quiet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.helpers import MINIMAL


@dataclass
class Case:
    code: str
    bad: str  # YAML appended to MINIMAL (one starting with "plancc:" is a whole plan, with "document:" replaces its document)
    at: str  # a substring of the line the diagnostic must point at
    good: str  # the corrected plan: the rule stays quiet
    says: tuple[str, ...] = ()  # figures the message must name
    column_at: str | None = None  # the diagnostic's column is this substring's (1-based, in characters)
    path: str = ""  # the data path the diagnostic must name
    related: tuple[str, ...] = ()  # the data paths of its related places, in order
    policy: bool = False
    policy_params: dict = field(default_factory=dict)
    id: str = ""

    def text(self, which: str) -> str:
        body = self.bad if which == "bad" else self.good
        if body.startswith("document:"):  # the case writes its own document block
            return "plancc: 1\n" + body
        return body if body.startswith("plancc:") else MINIMAL + body
