"""PL810 beyond its fire/quiet cases: document order, every later copy, limits, the real plans."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers import MINIMAL, check, only

_P = "坚持问题导向，聚焦课堂教学中的真实问题开展研修。"
PLANS = sorted(Path(__file__).resolve().parents[2].joinpath("plans").glob("*.yaml"))


def test_each_later_copy_points_back_at_the_first_in_document_order():
    text = MINIMAL + f"phases:\n  - {{name: 启动, due: 2024-03, tasks: {_P}}}\nsections:\n  - title: 原则\n    content:\n      - {_P}\n      - {_P}\n"
    found = only(check(text), "PL810")
    assert [d.path for d in found] == ["sections[0].content[0]", "sections[0].content[1]"]
    assert all(d.related[0].path == "phases[0].tasks" for d in found)


def test_whitespace_does_not_hide_a_copy():
    text = MINIMAL + f"sections:\n  - title: 原则\n    content:\n      - {_P}\n      - \"{_P[:6]}  \\n {_P[6:]}\"\n"
    assert only(check(text), "PL810")


def test_english_names_the_text():
    text = MINIMAL + f"sections:\n  - title: 原则\n    content:\n      - {_P}\n      - {_P}\n"
    d = only(check(text, lang="en"), "PL810")[0]
    assert d.message.startswith("this paragraph repeats earlier text") and "坚持问题导向" in d.message


def test_a_text_pasted_a_thousand_times_gives_a_bounded_report_quickly():
    text = MINIMAL + "sections:\n  - title: 原则\n    content:\n" + f"      - {_P}\n" * 2000
    start = time.perf_counter()
    found = only(check(text), "PL810")
    assert len(found) == 100 and time.perf_counter() - start < 20


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_quiet_on_the_example_plans(plan):
    report = check(plan.read_text(encoding="utf-8"), name=str(plan))
    assert not {"PL707", "PL708", "PL709", "PL710", "PL711", "PL810"} & {d.code for d in report.diagnostics}
