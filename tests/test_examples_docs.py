"""The worked examples of docs/plan-language.md are plans that validate clean and render."""

from __future__ import annotations

import pytest

from plancc.docs import EXAMPLES
from tests.helpers import check_example, render_example

FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_there_are_examples():
    assert len(FILES) >= 7


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_example_validates_without_a_finding(path):
    report = check_example(path)
    assert [d for d in report.diagnostics if d.severity.value != "info"] == [], [d.message for d in report.diagnostics]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_example_renders(path):
    assert render_example(check_example(path), path)[:2] == b"PK"
