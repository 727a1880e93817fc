"""Time as real plans write it: deadlines with a clock time, semesters, programmes in years only."""

from __future__ import annotations

import textwrap

import pytest

from plancc.layout import lay_out
from plancc.load import load_text
from plancc.model.build import build_plan
from plancc.model.dates import PartialDate, cn_range
from plancc.model.facts import expand_refs, plan_facts
from plancc.model.period import parse_semester, semester_span
from tests.helpers import MINIMAL, check, codes


def plan_of(text: str):
    plan, diags = build_plan(load_text(textwrap.dedent(text), "plan.yaml"))
    assert plan is not None, [d.message for d in diags]
    return plan


@pytest.mark.parametrize("text", ["2023-05-10 17:00", "2023年5月10日17:00", "2023-05-10 17时", "2023年5月10日 17:00",
                                  "2023-05-10T17:00", "2023年5月10日17点"])
def test_a_deadline_with_a_clock_time_in_the_forms_people_write(text):
    d = PartialDate.parse(text)
    assert (d.year, d.month, d.day, d.hour, d.minute) == (2023, 5, 10, 17, 0)
    assert d.cn() == "2023年5月10日17:00" and d.iso() == "2023-05-10 17:00"
    assert PartialDate.parse(d.iso()) == d


def test_minutes_and_ranges_within_a_day():
    assert PartialDate.parse("2023年5月10日8时30分").cn() == "2023年5月10日8:30"
    assert cn_range(PartialDate.parse("2023-05-10 09:00"), PartialDate.parse("2023-05-10 17:00")) == "2023年5月10日9:00—17:00"
    assert cn_range(None, PartialDate.parse("2023-05-10 17:00")) == "2023年5月10日17:00前"


def test_dates_without_a_time_keep_their_words():
    for text, cn in (("2022-11", "2022年11月"), ("2022-11-15", "2022年11月15日")):
        d = PartialDate.parse(text)
        assert d.cn() == cn and d.iso() == text and not d.has_time and d == PartialDate(*map(int, text.split("-")))
    assert cn_range(PartialDate(2024, 7), PartialDate(2024, 9)) == "2024年7—9月"


@pytest.mark.parametrize("text, code", [("2023-05 17:00", "PL104"), ("2023-05-10 25:00", "PL104"), ("2023-05-10 17:75", "PL104")])
def test_impossible_times_are_value_errors_in_both_languages(text, code):
    for lang, word in (("zh", "2023-05"), ("en", "2023-05")):
        report = check(MINIMAL + f"phases:\n  - {{name: 提交, due: '{text}'}}\n", lang=lang)
        found = [d for d in report.diagnostics if d.code == code]
        assert found and word in found[0].message and "{" not in found[0].message


def test_a_time_decides_inside_or_outside_the_last_day():
    base = MINIMAL + "period:\n  year: 2024\n  start: 2024-03\n  end: {end}\nphases:\n  - {{name: 提交总结, due: {due}}}\n"
    assert "PL702" not in codes(check(base.format(end="2024-12-20", due="2024-12-20 17:00")))
    assert "PL702" not in codes(check(base.format(end="2024-12-20 18:00", due="2024-12-20 17:00")))
    assert "PL702" in codes(check(base.format(end="2024-12-20 12:00", due="2024-12-20 17:00")))
    assert "PL702" in codes(check(base.format(end="2024-12-19", due="2024-12-20 08:00")))


def test_a_deadline_renders_as_plans_write_it():
    plan = plan_of(MINIMAL + "phases:\n  - {name: 报名, due: 2024-05-10 17:00}\nsections:\n"
                   "  - title: 安排\n    content: [{phases: staged}]\n")
    words = "".join(b.text for b in lay_out(plan).blocks if hasattr(b, "runs"))
    # plans write the clock with a full-width colon (截止2023年5月10日17：00前)
    assert "2024年5月10日17：00前" in words and "17:00" not in words


@pytest.mark.parametrize("text, parsed", [
    ("2024-2025学年第一学期", ((2024, 2025), 1)), ("2024—2025学年度第二学期", ((2024, 2025), 2)),
    ("2024-2025-1", ((2024, 2025), 1)), ("第二学期", (None, 2)), ("上学期", (None, 1)), ("春季学期", (None, 2)),
])
def test_semesters_parse(text, parsed):
    assert parse_semester(text) == parsed


def test_semester_spans_are_the_school_calendar():
    assert semester_span((2024, 2025), 1) == (PartialDate(2024, 9), PartialDate(2025, 1))
    assert semester_span((2024, 2025), 2) == (PartialDate(2025, 2), PartialDate(2025, 7))


@pytest.mark.parametrize("bad", ["2024-2026学年第一学期", "第三学期", "第一学期"])
def test_a_period_semester_must_name_its_school_year(bad):
    assert "PL104" in codes(check(MINIMAL + f"period:\n  semester: {bad}\n"))


def test_semester_facts_and_phase_words():
    plan = plan_of(MINIMAL + "period:\n  semester: 2024-2025学年第一学期\nphases:\n  - {name: 集中研修, semester: 上学期}\n"
                   "sections:\n  - title: 安排\n    content: ['本学期（{=semester}，{=semester.span}）分阶段实施。', {phases: staged}]\n")
    facts = plan_facts(plan)
    assert expand_refs("{=semester}，{=semester.span}", facts) == "2024-2025学年第一学期，2024年9月—2025年1月"
    assert plan.phases[0].semester == "第一学期"
    words = "".join(b.text for b in lay_out(plan).blocks if hasattr(b, "runs"))
    assert "2024-2025学年第一学期，2024年9月—2025年1月" in words and "集中研修（第一学期）" in words


def test_a_semester_gives_the_years_a_title_is_checked_against():
    text = "document:\n  title: 测试县2023年教师培训实施方案\nperiod:\n  semester: 2024-2025学年第一学期\n"
    assert "PL705" in codes(check("plancc: 1\n" + text))
    assert "PL705" not in codes(check("plancc: 1\n" + text.replace("2023年", "2024年")))


@pytest.mark.parametrize("written", ["2019—2022年", "2019-2022", "2019年至2022年"])
def test_a_cycle_in_years_only(written):
    plan = plan_of(MINIMAL + f"period:\n  year: 2020\n  cycle: {written}\n")
    assert (plan.period.cycle.start, plan.period.cycle.end, plan.period.cycle.years) == (2019, 2022, 4)


def test_a_cycle_that_is_no_span_is_a_value_error():
    assert "PL104" in codes(check(MINIMAL + "period:\n  cycle: 新一轮五年\n"))


@pytest.mark.parametrize("sentence", [
    "近三年时间里，全县共培训教师3000人次。",  # looking back
    "截至2020年底，全县已完成一轮全员培训。",  # a count so far
    "2018年至2020年，全县共培训教师3000人次。",  # a span looking back
    "落实《教师教育振兴三年行动计划》要求。",  # another document's title
    "到2035年，建成教育强国。",  # a national target quoted in prose
])
def test_length_and_horizon_rules_stay_quiet_on_what_is_not_this_plans_goal(sentence):
    text = MINIMAL + f"period:\n  year: 2024\n  cycle: 2022—2026年\nsections:\n  - title: 背景\n    content:\n      - {sentence}\n"
    assert not {"PL710", "PL711"} & set(codes(check(text)))


def test_a_title_length_against_a_period_of_several_years():
    text = "plancc: 1\ndocument:\n  title: 测试县教师培训三年行动计划\nperiod:\n  start: 2023-01\n  end: {end}\n"
    assert "PL710" not in codes(check(text.format(end="2025-12")))
    assert "PL710" in codes(check(text.format(end="2026-12")))


def test_a_title_naming_the_cycles_years_is_no_year_mismatch():
    text = "plancc: 1\ndocument:\n  title: 测试县2022—2026年教师培训五年规划2024年实施方案\nperiod:\n  year: 2024\n  cycle: {cycle}\n"
    assert "PL705" not in codes(check(text.format(cycle="2022—2026年")))
    assert codes(check(text.format(cycle="2021—2025年"))).count("PL705") == 2  # 2022 and 2026: another programme's years
