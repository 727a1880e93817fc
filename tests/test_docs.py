"""The reference docs under docs/ are generated from the code and must be current."""

from pathlib import Path

from plancc.check.registry import all_rules
from plancc.docs import plan_language_md, rules_md
from plancc.model.plan import Plan

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_plan_language_doc_is_current():
    assert (DOCS / "plan-language.md").read_text(encoding="utf-8") == plan_language_md(), "run: plancc docs"


def test_rules_doc_is_current():
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == rules_md(), "run: plancc docs"


def test_every_field_and_every_rule_is_documented():
    text = plan_language_md()
    for name in Plan.model_fields:
        assert f"| `{name}` |" in text
    rules = rules_md()
    for rule in all_rules():
        assert f"## {rule.code}" in rules
        assert rule.doc, f"{rule.code} has no docstring"
        assert rule.doc_en, f"{rule.code} has no English explanation"
