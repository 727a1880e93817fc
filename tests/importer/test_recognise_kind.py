import pytest

from tests.importer.recognise_util import prose, run


@pytest.mark.parametrize("title, kind", [
    ("测试县2025年新任教师入职培训实施方案", "new_teacher"),
    ("测试小学2024—2025学年第一学期教师研修计划", "semester"),
    ("测试小学2024—2025学年校本研修实施方案", "school_based"),
])
def test_a_title_that_says_its_kind_sets_it(title, kind):
    plan, guesses = run(prose({"title": "指导思想", "content": ["甲。"]}, title=title))
    assert plan["kind"] == kind and [g.key for g in guesses] == ["import.guess.kind"]


@pytest.mark.parametrize("title", ["测试县2025年中小学教师全员培训实施方案", "测试县2025年新任教师入职培训暨校本研修实施方案"])
def test_a_title_that_does_not_say_it_or_says_two_leaves_it(title):
    plan, _ = run(prose({"title": "指导思想", "content": ["甲。"]}, title=title))
    assert "kind" not in plan
