"""The plan model and its error mapping: PL100–PL104 at the YAML node at fault, in words an author can act on."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pydantic import BaseModel

from plancc.model.base import PlanModel, fmt_number
from plancc.model.build import build_plan
from plancc.model.dates import PartialDate, cn_range
from plancc.model.facts import REF_RE, expand_refs, format_fact, plan_facts
from plancc.model.plan import Plan
from tests.helpers import MINIMAL, check, codes, line_of, only


def errors(text: str, lang: str = "zh"):
    """Model diagnostics only (PL1xx), for text that loads cleanly."""
    report = check(text, lang=lang)
    return [d for d in report.diagnostics if d.code.startswith("PL1")]


def one(text: str, code: str, lang: str = "zh"):
    found = errors(text, lang)
    assert [d.code for d in found] == [code], [(d.code, d.path, d.message) for d in found]
    return found[0]


# --------------------------------------------------------------------------- a valid plan
def test_minimal_plan_builds():
    report = check(MINIMAL)
    assert report.errors == 0 and report.plan is not None
    assert report.plan.document.title == "测试县2024年教师全员培训实施方案"
    assert report.plan.document.title_text == "测试县2024年教师全员培训实施方案"


def test_title_as_lines():
    report = check("plancc: 1\ndocument:\n  title:\n    - 宾川县2022年中小学幼儿园教师继续教育\n    - 全员培训实施方案\n")
    assert report.plan.document.title_lines == ["宾川县2022年中小学幼儿园教师继续教育", "全员培训实施方案"]
    assert report.plan.document.title_text == "宾川县2022年中小学幼儿园教师继续教育全员培训实施方案"


# --------------------------------------------------------------------------- PL100 version
def test_missing_version_is_pl100_at_the_top():
    d = one("document:\n  title: x\n", "PL100")
    assert (d.line, d.column) == (1, 1) and "plancc: 1" in d.message


@pytest.mark.parametrize("written,shown", [("2", "2"), ("'1'", '"1"（文字）'), ("true", "true"), ("0", "0")])
def test_unsupported_version_is_pl100_at_the_value(written, shown):
    d = one(f"document:\n  title: x\nplancc: {written}\n", "PL100")
    assert (d.line, d.column) == (3, 9) and d.path == "plancc"
    assert f"版本 {shown}；" in d.message, d.message


def test_version_problem_stops_before_other_model_errors():
    # with an unknown version the rest of the file cannot be judged against the model
    assert codes(check("plancc: 9\ndocument:\n  titel: x\n")) == ["PL100"]


# --------------------------------------------------------------------------- PL101 unknown keys
@pytest.mark.parametrize(
    "text,needle,key,suggestion",
    [
        (MINIMAL.replace("  title:", "  titel:"), "titel", "titel", "title"),
        (MINIMAL + "hourz: {required: 1}\n", "hourz", "hourz", "hours"),
        (MINIMAL + "hours:\n  requird: 72\n", "requird", "requird", "required"),
        (MINIMAL + "sections:\n  - title: 指导思想\n    contnt: [x]\n", "contnt", "contnt", "content"),
        (MINIMAL + "tiers:\n  - {name: 新教师, yaers: [1, 2]}\n", "yaers", "yaers", "years"),
        (MINIMAL + "period:\n  strat: 2024-01\n", "strat", "strat", "start"),
    ],
)
def test_typo_is_pl101_with_did_you_mean_at_the_key(text, needle, key, suggestion):
    found = [d for d in errors(text) if d.code == "PL101"]
    assert len(found) == 1, found
    d = found[0]
    assert d.line == line_of(text, needle)
    assert d.column == line_of_text(text, d.line).index(key) + 1
    assert f"未知的键“{key}”" in d.message
    assert f"您是不是想写“{suggestion}”？" in d.message
    assert d.path.endswith(key)


def line_of_text(text: str, n: int) -> str:
    return text.splitlines()[n - 1]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys():
    d = [d for d in errors(MINIMAL + "hours:\n  xyzzy: 1\n") if d.code == "PL101"][0]
    assert "这里可以写的键有：" in d.message
    assert "required" in d.message and "components" in d.message


def test_unknown_key_in_english():
    d = [d for d in errors(MINIMAL + "hours:\n  requird: 72\n", lang="en") if d.code == "PL101"][0]
    assert d.message == "unknown key 'requird'; did you mean 'required'?"


def test_every_typo_in_a_file_is_reported_in_one_run():
    text = MINIMAL + "hours:\n  requird: 72\n  ofered: 100\nperiod:\n  yaer: 2024\n"
    found = [d for d in errors(text) if d.code == "PL101"]
    assert sorted(d.line for d in found) == [5, 6, 8]


# --------------------------------------------------------------------------- PL102 missing keys
def test_missing_required_key_points_at_the_parent_mapping():
    text = "plancc: 1\ndocument:\n  issuer: 某县教育局\n"
    d = one(text, "PL102")
    assert (d.line, d.column) == (2, 1)  # the key `document`
    assert d.path == "document.title"
    assert "缺少必填的键“title”" in d.message and "document" in d.message


def test_missing_key_in_a_list_item():
    text = MINIMAL + "hours:\n  components:\n    - {hours: 60}\n"
    d = one(text, "PL102")
    assert d.path == "hours.components[0].name"
    assert d.line == line_of(text, "{hours: 60}")


def test_missing_top_level_document():
    d = one("plancc: 1\n", "PL102")
    assert d.path == "document" and (d.line, d.column) == (1, 1)


def test_missing_key_in_english():
    d = one("plancc: 1\ndocument:\n  issuer: x\n", "PL102", lang="en")
    assert d.message == "missing required key 'title' (in document)"


# --------------------------------------------------------------------------- PL103 types
@pytest.mark.parametrize(
    "snippet,path,expected,got",
    [
        ("hours:\n  required: '72'\n", "hours.required", "应当是数字", "文字“72”"),
        ("hours:\n  required: 七十二\n", "hours.required", "应当是数字", "文字“七十二”"),
        ("hours:\n  required: true\n", "hours.required", "应当是数字", "布尔值 true"),
        ("hours:\n  at_least: 'yes'\n", "hours.at_least", "true 或 false", "文字“yes”"),
        ("hours:\n  at_least: 1\n", "hours.at_least", "true 或 false", "数字 1"),
        ("hours:\n  minutes_per_hour: 40.5\n", "hours.minutes_per_hour", "应当是整数", "数字 40.5"),
        ("document:\n  title: x\n  issuer: 2024\n", "document.issuer", "应当是文字", "数字 2024"),
        ("tiers: {name: x}\n", "tiers", "应当是列表", "一个映射"),
        ("hours: 72\n", "hours", "映射", "数字 72"),
        ("period:\n  start: 202302\n", "period.start", "应当是日期", "数字 202302"),
    ],
)
def test_wrong_type_is_pl103_at_the_value(snippet, path, expected, got):
    text = (MINIMAL if not snippet.startswith("document") else "plancc: 1\n") + snippet
    d = one(text, "PL103")
    assert d.path == path
    assert expected in d.message and f"实际写的是{got}" in d.message, d.message
    value_line = line_of(text, path.split(".")[-1] + ":")
    assert d.line == value_line


def test_quoted_number_is_not_a_number_in_english():
    d = one(MINIMAL + "hours:\n  required: '72'\n", "PL103", lang="en")
    assert d.message == "wrong type: a number is expected here, but found the text '72'"


@pytest.mark.parametrize("written,shown", [("no", "no"), ("on", "on"), ("Yes", "Yes")])
def test_yaml11_boolean_where_text_is_wanted_says_to_quote_it(written, shown):
    d = one(MINIMAL + f"audience: {written}\n", "PL103")
    assert d.path == "audience" and d.line == 4 and d.column == 11
    assert f"不加引号的 {shown} 读成了布尔值" in d.message and f'"{shown}"' in d.message


def test_a_union_type_error_is_reported_once():
    # audience is text or a mapping; a boolean fits neither, but it is one mistake
    assert len(errors(MINIMAL + "audience: no\n")) == 1
    assert len(errors(MINIMAL + "include: 5\n")) == 1


@pytest.mark.parametrize("written", ["010", "1:30", "0x1F", "1_000", "1e3", "1.5e3"])
def test_yaml11_numbers_are_caught_with_an_explanation(written):
    d = one(MINIMAL + f"hours:\n  required: {written}\n", "PL103")
    assert f"文字“{written}”" in d.message
    assert "YAML 1.1" in d.message, d.message


def test_yaml11_number_explanation_in_english():
    d = one(MINIMAL + "hours:\n  required: 1e3\n", "PL103", lang="en")
    assert "1e3 is not a plain decimal number under YAML 1.1" in d.message


def test_empty_value_where_text_is_required():
    d = one("plancc: 1\ndocument:\n  title:\n", "PL103")
    assert d.path == "document.title" and "空值" in d.message


def test_strict_types_reject_number_as_text_and_text_as_bool():
    found = errors(MINIMAL + "tiers:\n  - name: 5\nhours:\n  at_least: 'true'\n")
    assert sorted(d.path for d in found) == ["hours.at_least", "tiers[0].name"]
    assert all(d.code == "PL103" for d in found)


def test_integers_are_accepted_where_numbers_are_wanted():
    report = check(MINIMAL + "hours:\n  required: 72\n  offered: 100.5\n")
    assert report.errors == 0
    assert report.plan.hours.required == 72 and report.plan.hours.offered == 100.5


# --------------------------------------------------------------------------- PL104 values
@pytest.mark.parametrize(
    "snippet,path,words",
    [
        ("hours:\n  required: -1\n", "hours.required", "应当不小于 0"),
        ("hours:\n  minutes_per_hour: 5\n", "hours.minutes_per_hour", "应当不小于 10"),
        ("hours:\n  required: .nan\n", "hours.required", "NaN"),
        ("hours:\n  required: .inf\n", "hours.required", "NaN 或无穷大"),
        ("period:\n  year: 1800\n", "period.year", "应当不小于 1949"),
        ("period:\n  school_year: 2024-2026\n", "period.school_year", "相邻的两年"),
        ("period:\n  start: 2023-02-30\n", "period.start", "2023年2月只有28天"),
        ("period:\n  start: 2024-02-30\n", "period.start", "2024年2月只有29天"),
        ("period:\n  end: 2023-13\n", "period.end", "没有 13 月"),
        ("period:\n  end: yesterday\n", "period.end", "不是日期"),
        ("period:\n  end: '2023'\n", "period.end", "2022-11 或 2022-11-15"),
        ("tiers:\n  - name: 新教师\n    years: [1]\n", "tiers[0].years", "[起, 止]"),
        ("tiers:\n  - name: '  '\n", "tiers[0].name", "空白"),
    ],
)
def test_invalid_value_is_pl104_at_the_value(snippet, path, words):
    text = MINIMAL + snippet
    d = one(text, "PL104")
    assert d.path == path
    assert d.message.startswith("取值无效：") and words in d.message, d.message
    assert d.line == line_of(text, path.split(".")[-1].split("[")[0] + ":")


def test_control_character_in_text_is_named():
    text = 'plancc: 1\ndocument:\n  title: "测\\u0007试"\n'
    d = one(text, "PL104")  # one error: title may also be a list, but this is clearly text
    assert "U+0007" in d.message and d.path == "document.title"


@pytest.mark.parametrize("snippet,path", [
    ('document:\n  title: "  "\n', "document.title"),
    ('document:\n  title: x\n  preamble: ""\n', "document.preamble"),
    ('document:\n  title: x\nphases:\n  - tasks: ""\n', "phases[0].tasks"),
])
def test_blank_text_in_a_text_or_list_field_is_one_value_error(snippet, path):
    d = one("plancc: 1\n" + snippet, "PL104")
    assert d.path == path and "空白" in d.message


def test_invalid_date_in_english():
    d = one(MINIMAL + "period:\n  start: 2023-02-30\n", "PL104", lang="en")
    assert d.message == "invalid value: '2023-02-30' does not exist: 2023-2 has 28 days"


def test_phase_due_with_start_is_refused():
    d = one(MINIMAL + "phases:\n  - {name: 总结, start: 2024-01, due: 2024-02}\n", "PL104")
    assert d.path == "phases[0]" and "due" in d.message


# --------------------------------------------------------------------------- all at once
def test_all_model_problems_come_in_one_run_sorted_by_position():
    text = """\
plancc: 1
document:
  titel: x
hours:
  required: '72'
  minutes_per_hour: 5
period:
  start: 2023-02-30
"""
    report = check(text)
    assert [(d.code, d.line) for d in report.diagnostics] == [
        ("PL102", 2), ("PL101", 3), ("PL103", 5), ("PL104", 6), ("PL104", 8)
    ]
    assert report.plan is None


def test_build_plan_never_raises_on_non_mappings():
    from plancc.load import load_text

    loaded = load_text("- a\n", "x.yaml")
    assert build_plan(loaded) == (None, [])


# --------------------------------------------------------------------------- the model itself
def _models(root=Plan, seen=None):
    seen = seen if seen is not None else set()
    if root in seen:
        return seen
    seen.add(root)
    for f in root.model_fields.values():
        for t in re.findall(r"[A-Za-z_]+", repr(f.annotation)):
            import plancc.model as pkg  # noqa: F401
            for mod in ("plan", "document", "hours", "period", "people", "schedule", "curriculum", "assessment", "outline"):
                cls = getattr(__import__(f"plancc.model.{mod}", fromlist=[t]), t, None)
                if isinstance(cls, type) and issubclass(cls, BaseModel):
                    _models(cls, seen)
    return seen


def test_every_field_has_a_chinese_description():
    models = _models()
    assert len(models) > 15
    missing = []
    for m in models:
        assert issubclass(m, PlanModel), m
        for name, f in m.model_fields.items():
            if not f.description or not re.search(r"[\u4e00-\u9fff]", f.description):
                missing.append(f"{m.__name__}.{name}")
    assert missing == []


def test_every_model_forbids_unknown_keys_and_is_strict():
    for m in _models():
        assert m.model_config.get("extra") == "forbid", m
        assert m.model_config.get("strict") is True, m


# --------------------------------------------------------------------------- PartialDate
def test_partial_date_parses_month_and_day_precision():
    assert PartialDate.parse("2022-11") == PartialDate(2022, 11)
    assert PartialDate.parse("2022-11-15") == PartialDate(2022, 11, 15)
    assert PartialDate.parse("2022-1-5") == PartialDate(2022, 1, 5)
    assert PartialDate.parse(" 2022-01 ") == PartialDate(2022, 1)


def test_partial_date_accepts_forms_people_paste():
    assert PartialDate.parse("2022年11月") == PartialDate(2022, 11)
    assert PartialDate.parse("2022年11月5日") == PartialDate(2022, 11, 5)
    assert PartialDate.parse("2022/3/5") == PartialDate(2022, 3, 5)
    assert PartialDate.parse("2022.3") == PartialDate(2022, 3)
    assert PartialDate.parse(dt.date(2024, 2, 29)) == PartialDate(2024, 2, 29)
    same = PartialDate(2022, 1)
    assert PartialDate.parse(same) is same


@pytest.mark.parametrize("bad", ["2022", "22-11", "2022-11-15-1", "2022年", "明年", "", "2022-00", "2022-11-31", "2023-02-29"])
def test_partial_date_refuses_what_is_not_a_date(bad):
    with pytest.raises(Exception):
        PartialDate.parse(bad)


def test_partial_date_refuses_non_text():
    with pytest.raises(Exception):
        PartialDate.parse(202211)


def test_leap_years():
    assert PartialDate.parse("2024-02-29").last_day == dt.date(2024, 2, 29)
    assert PartialDate.parse("2024-02").last_day == dt.date(2024, 2, 29)
    assert PartialDate.parse("2023-02").last_day == dt.date(2023, 2, 28)
    assert PartialDate.parse("2000-02").last_day == dt.date(2000, 2, 29)
    with pytest.raises(Exception):
        PartialDate.parse("1900-02-29")


def test_a_month_is_a_span_when_comparing():
    month = PartialDate(2023, 4)
    day = PartialDate(2023, 4, 15)
    assert month.first_day == dt.date(2023, 4, 1) and month.last_day == dt.date(2023, 4, 30)
    assert day.first_day == day.last_day == dt.date(2023, 4, 15)
    # a phase ending "2023-04" does not end before one that ends on 15 April
    assert not month.last_day < day.last_day
    assert month.first_day <= day.first_day <= month.last_day
    assert PartialDate(2022, 11).last_day < PartialDate(2022, 12).first_day
    assert month.has_day is False and day.has_day is True


def test_partial_dates_do_not_compare_directly():
    # ordering must say which end of a month it means; plain < would hide that
    with pytest.raises(TypeError):
        PartialDate(2023, 4) < PartialDate(2023, 5)  # noqa: B015
    assert PartialDate(2023, 4) != PartialDate(2023, 4, 1)


def test_partial_date_formatting():
    assert PartialDate(2022, 1).iso() == "2022-01"
    assert PartialDate(2022, 1, 5).iso() == "2022-01-05"
    assert str(PartialDate(2022, 11, 15)) == "2022-11-15"
    assert PartialDate(2022, 1).cn() == "2022年1月"
    assert PartialDate(2022, 1, 5).cn() == "2022年1月5日"


@pytest.mark.parametrize(
    "start,end,text",
    [
        ("2022-11", "2023-04", "2022年11月—2023年4月"),
        ("2023-04-03", "2023-05-31", "2023年4月3日—5月31日"),
        ("2024-07", "2024-09", "2024年7—9月"),
        ("2024-07", "2024-07", "2024年7月"),
        ("2022-12-20", "2023-01-10", "2022年12月20日—2023年1月10日"),
        ("2023-04-03", "2023-05", "2023年4月3日—5月"),
        (None, "2023-04-03", "2023年4月3日前"),
        ("2023-04", None, "2023年4月起"),
        (None, None, ""),
    ],
)
def test_cn_range(start, end, text):
    p = lambda v: PartialDate.parse(v) if v else None  # noqa: E731
    assert cn_range(p(start), p(end)) == text


def test_dates_in_a_plan_are_partial_dates():
    report = check(MINIMAL + "period:\n  start: 2022-11\n  end: 2023-04-30\n")
    assert report.errors == 0
    assert report.plan.period.start == PartialDate(2022, 11)
    assert report.plan.period.end == PartialDate(2023, 4, 30)
    assert report.plan.model_dump(mode="json")["period"]["start"] == "2022-11"


def test_json_schema_describes_partial_dates():
    schema = Plan.model_json_schema()
    period = schema["$defs"]["Period"]["properties"]["start"]
    text = repr(period)
    assert "2022-11" in text and "pattern" in text


# --------------------------------------------------------------------------- numbers
@pytest.mark.parametrize("value,text", [(72, "72"), (72.0, "72"), (2.5, "2.5"), (0, "0"), (0.0, "0"), (100.25, "100.25")])
def test_fmt_number_writes_figures_as_a_clerk_would(value, text):
    assert fmt_number(value) == text


# --------------------------------------------------------------------------- facts
PLAN = {
    "plancc": 1,
    "document": {"title": ["某县2024年", "培训方案"], "date": "2024-11-11"},
    "period": {"start": "2022-11", "end": "2023-04", "year": 2022, "school_year": "2022-2023"},
    "hours": {"required": 72.0, "components": [{"name": "专业知识", "hours": 60}, {"name": "公需知识", "hours": 12}]},
    "tiers": [{"name": "新教师", "years": [1, 2]}, {"name": "骨干", "years": [15, None]}],
    "phases": [{"name": "启动", "due": "2023-01"}, {"name": "实施", "start": "2023-02", "end": "2023-04"}],
    "module_sets": [{"id": "新教师", "modules": ["师德", {"name": "课堂", "hours": 10}], "total_hours": 30}],
}


@pytest.fixture(scope="module")
def facts():
    return plan_facts(Plan.model_validate(PLAN))


def test_plan_facts_name_the_figures(facts):
    assert facts["document.title"] == "某县2024年培训方案"
    assert facts["document.date"] == PartialDate(2024, 11, 11)
    assert facts["hours.required"] == 72
    assert facts["hours.components.专业知识"] == 60
    assert facts["hours.components.count"] == 2
    assert facts["tiers.count"] == 2
    assert facts["phases.count"] == 2
    assert facts["year"] == 2022 and facts["school_year"] == "2022-2023"
    assert facts["modules.新教师.count"] == 2
    assert facts["modules.新教师.hours"] == 30
    assert facts["period"] == (PartialDate(2022, 11), PartialDate(2023, 4))
    assert "hours.offered" not in facts  # absent figures are absent, not None


def test_expand_refs_formats_each_kind(facts):
    text = "需完成{=hours.required}学时，分{=phases.count:cn}个阶段（{=phases.count:count}个），培训时间{=period}，成文{=document.date}，专业{=hours.components.专业知识}学时"
    assert expand_refs(text, facts) == "需完成72学时，分二个阶段（两个），培训时间2022年11月—2023年4月，成文2024年11月11日，专业60学时"


def test_unknown_references_and_bad_formats_are_left_as_written(facts):
    assert expand_refs("{=nope}与{=nope:cn}", facts) == "{=nope}与{=nope:cn}"
    assert expand_refs("{=document.title:cn}", facts) == "{=document.title:cn}"
    assert expand_refs("没有引用的文字 {{ x }}", facts) == "没有引用的文字 {{ x }}"


def test_reference_syntax():
    assert REF_RE.fullmatch("{=hours.required}").groups() == ("hours.required", None)
    assert REF_RE.fullmatch("{=phases.count:cn}").groups() == ("phases.count", "cn")
    assert REF_RE.fullmatch("{=hours.components.专业知识}").group(1) == "hours.components.专业知识"
    assert REF_RE.search("{= hours}") is None


def test_format_fact_plain_values():
    assert format_fact(72.0, None) == "72"
    assert format_fact(2.5, None) == "2.5"
    assert format_fact(PartialDate(2023, 4), None) == "2023年4月"
    assert format_fact((PartialDate(2024, 7), PartialDate(2024, 9)), None) == "2024年7—9月"
    assert format_fact("2022-2023", None) == "2022-2023"


@pytest.mark.parametrize("lang, words", [("zh", "取值无效：教龄范围应当不大于 60"), ("en", "invalid value: years: must be at most 60")])
def test_an_item_of_a_list_out_of_range_names_its_field(lang, words):
    """tiers[0].years[1] = 75: the message says which figure, the place is the item itself."""
    text = MINIMAL + "tiers:\n  - {name: 成熟期教师, years: [9, 75]}\n"
    [d] = [d for d in errors(text, lang) if d.code == "PL104"]
    assert d.message == words
    assert (d.line, d.column) == (line_of(text, "years: [9, 75]"), text.splitlines()[line_of(text, "years: [9, 75]") - 1].index("75") + 1)


def test_a_field_out_of_range_keeps_its_short_message():
    text = MINIMAL + "hours: {required: -5}\n"
    [d] = [d for d in errors(text) if d.code == "PL104"]
    assert d.message == "取值无效：应当不小于 0"
