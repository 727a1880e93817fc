"""Patterns of generated sentences: formats, optional parts, the registry, and where a pattern comes from."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from plancc.layout import lay_out
from plancc.model.dates import PartialDate
from plancc.text import wording
from plancc.text.wording import SENTENCES, PatternError, check_entry, fill, format_value
from tests.helpers import MINIMAL, ROOT, check, line_of, only

D = PartialDate.parse


# ---------------------------------------------------------------- formats
@pytest.mark.parametrize("value, formats, text", [
    (11, (), "11"), (11, ("cn",), "十一"), (2, ("count",), "两"), (2, ("cn",), "二"), (72.0, (), "72"),
    ("三种题型。", ("bare",), "三种题型"),
    (D("2023-05-10 17:00"), (), "2023年5月10日17：00"), (D("2023-05-10 17:00"), ("ascii",), "2023年5月10日17:00"),
    ((D("2023-03-15"), D("2023-03-31")), (), "2023年3月15日—3月31日"),
    ((D("2023-03-15"), D("2023-03-31")), ("full",), "2023年3月15日—2023年3月31日"),
    ((D("2022-11"), D("2023-04")), ("hyphen",), "2022年11月-2023年4月"),
    ((D("2024-07"), D("2024-09")), (), "2024年7—9月"),
    ((D("2025-02"), D("2025-05")), ("year_once",), "2025年2月—5月"),
    ((D("2025-02"), D("2025-05")), ("year_once", "to"), "2025年2月至5月"),
    ((D("2023-05-10 09:00"), D("2023-05-10 17:00")), (), "2023年5月10日9：00—17：00"),
])  # fmt: skip
def test_formats(value, formats, text):
    assert format_value(value, formats) == text


@pytest.mark.parametrize("value, formats", [("文字", ("cn",)), (11, ("full",)), (2.5, ("cn",)),
                                             ((D("2024-07"), D("2024-09")), ("full", "short"))])
def test_a_format_that_does_not_apply_is_refused(value, formats):
    with pytest.raises(ValueError):
        format_value(value, formats)


def test_an_optional_part_is_left_out_when_its_value_is_missing():
    p = "{=names}{=count:count}个模块{?共{=hours}学时}的课程。"
    assert fill(p, {"names": "甲、乙", "count": 2, "hours": 20}) == "甲、乙两个模块共20学时的课程。"
    assert fill(p, {"names": "甲、乙", "count": 2, "hours": None}) == "甲、乙两个模块的课程。"
    # nested: the outer part stays, the inner one goes
    assert fill("A{?（{=x}{?，{=y}}）}B", {"x": 1, "y": ""}) == "A（1）B"


# ---------------------------------------------------------------- checking patterns
@pytest.mark.parametrize("key, pattern, block, problem", [
    ("modul_set", "x", "module_sets", "wording.unknown_key"),
    ("hours", "x", "module_sets", "wording.unknown_key"),  # a sentence of another kind of block
    ("module_set", "{=nmes}", "module_sets", "wording.unknown_ref"),
    ("module_set", "{=count:big}", "module_sets", "wording.bad_format"),
    ("module_set", "{=names:cn}", "module_sets", "wording.bad_format"),
    ("module_set", "{?共{=hours}学时", "module_sets", "wording.unclosed"),
    ("module_set", "{=count", "module_sets", "wording.unclosed"),
    ("module_set[甲]", "{=names}", None, "wording.no_item"),  # an item only on a block
    ("assessment.pass[甲]", "x", "assessment", "wording.no_item"),  # written once per block
])  # fmt: skip
def test_bad_entries(key, pattern, block, problem):
    with pytest.raises(PatternError) as exc:
        check_entry(key, pattern, block)
    assert exc.value.key == problem


def test_every_default_pattern_is_valid_and_cites_only_its_values():
    for s in SENTENCES:
        check_entry(s.key, s.default, s.block)


def test_the_template_and_the_registry_name_the_same_sentences():
    text = (ROOT / "templates" / "default" / "blocks.xml.j2").read_text(encoding="utf-8")
    used = set(re.findall(r'say\("([a-z_.]+)"', text))
    assert used == {s.key for s in SENTENCES}


# ---------------------------------------------------------------- diagnostics in a plan
PLAN = MINIMAL + """\
module_sets:
  - {id: 甲组, modules: [师德, 安全], verb: 设置, offer: 课程供教师选择, total_hours: 20}
sections:
  - title: 培训内容
    content:
      - module_sets: [甲组]
        wording:
          module_set: "{PATTERN}"
"""


def _plan(pattern: str) -> str:
    return PLAN.replace("{PATTERN}", pattern)


@pytest.mark.parametrize("pattern, says", [
    ("{=verb}{=nmes}", ["nmes", "verb、names、count"]),
    ("{=count:big}个模块", [":big", ":cn、:count"]),
    ("{=names}{?共{=hours}学时", ["“{?”", "第 9 个字符"]),
])  # fmt: skip
def test_a_bad_pattern_is_a_located_chinese_diagnostic(pattern, says):
    text = _plan(pattern)
    report = check(text)
    (d,) = only(report, "PL104")
    assert (d.line, d.column) == (line_of(text, "module_set: "), 23)
    for s in says:
        assert s in d.message, d.message


def test_a_good_pattern_stays_quiet_and_words_the_sentence():
    report = check(_plan("{=verb}{=names}共{=count}个模块{?共{=hours}学时}{=ending}"))
    assert report.errors == 0 and not only(report, "PL507") and not only(report, "PL804")
    words = _words(report.plan)
    assert "设置师德、安全共2个模块共20学时的课程供教师选择。" in words


def test_an_unknown_sentence_key_names_the_keys_of_the_block():
    text = PLAN.replace('module_set: "{PATTERN}"', 'hours: "x"')
    (d,) = only(check(text), "PL104")
    assert d.line == line_of(text, 'hours: "x"') and "module_set" in d.message and "hours" in d.message


def test_an_item_the_block_does_not_write_is_reported_at_its_pattern():
    text = PLAN.replace('module_set: "{PATTERN}"', 'module_set[乙组]: "{=names}"')
    (d,) = only(check(text), "PL104")
    assert d.line == line_of(text, "module_set[乙组]") and "乙组" in d.message and "甲组" in d.message
    quiet = PLAN.replace('module_set: "{PATTERN}"', 'module_set[甲组]: "{=names}。"')
    assert check(quiet).errors == 0


def test_a_plan_level_pattern_is_checked_and_has_no_items():
    bad = MINIMAL + 'wording:\n  phase.due: "{=due:cn}前"\n'
    (d,) = only(check(bad), "PL104")
    assert (d.line, d.column) == (5, 14) and ":ascii" in d.message
    bad_item = MINIMAL + 'wording:\n  "phase.due[1]": "{=due}前"\n'
    assert only(check(bad_item), "PL104")
    assert check(MINIMAL + 'wording:\n  phase.due: "截止{=due}前"\n').errors == 0


def test_a_pattern_is_not_prose_for_the_prose_rules():
    report = check(_plan("{=verb}{=names}{?共{=hours}学时}的课程。"))
    assert not only(report, "PL507") and not only(report, "PL804")


# ---------------------------------------------------------------- precedence
def _words(plan) -> str:
    return "".join(b.text for b in lay_out(plan).blocks if hasattr(b, "runs"))


TIMELINE = MINIMAL + """\
period: {start: 2024-03, end: 2024-06}
phases:
  - {name: 报名, due: 2024-03-10 17:00, tasks: 报名。}
  - {name: 学习, start: 2024-03-15, end: 2024-05-31, tasks: 学习。}
  - {name: 总结, start: 2024-06-01, end: 2024-06-20, tasks: 总结。}
wording:
  phase.range: "{=range:full}"
  phase.due: "截止{=due}前"
sections:
  - title: 安排
    content:
      - phases: dated
        wording:
          phase.range: "{=range:full:to}"
          phase.range[总结]: "{=start}起"
"""


def test_the_item_beats_the_block_and_the_block_beats_the_plan():
    report = check(TIMELINE)
    assert report.errors == 0, [d.message for d in report.diagnostics]
    words = _words(report.plan)
    assert "截止2024年3月10日17：00前" in words  # the plan's
    assert "2024年3月15日至2024年5月31日" in words  # the block's
    assert "2024年6月1日起" in words  # the item's, named by its name


def _repo(tmp_path: Path, toml: str, plan: str) -> Path:
    (tmp_path / "plancc.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    return path


def test_plancc_toml_wording_is_the_repository_default_under_the_plan(tmp_path):
    from plancc.config import load_config
    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings

    plan = TIMELINE.replace('  phase.due: "截止{=due}前"\n', "")
    path = _repo(tmp_path, '[wording]\n"phase.due" = "{=due}之前"\n"phase.range" = "{=range:hyphen}"\n', plan)
    settings = Settings.from_config(load_config(tmp_path / "plancc.toml", search=False))
    report = check_file(path, settings)
    assert report.errors == 0
    words = _words(report.plan)
    assert "2024年3月10日17：00之前" in words  # plancc.toml's, the plan gives none
    assert "2024年3月15日至2024年5月31日" in words and "-" not in words  # the plan's and the block's win


@pytest.mark.parametrize("toml, says", [
    ('[wording]\nmodule_sets = "x"\n', ["plancc.toml:2", "module_set"]),
    ('[wording]\n"phase.due" = "{=date}前"\n', ["plancc.toml:2", "{=date}", "due"]),
    ('[wording]\n"module_set[甲]" = "x"\n', ["plancc.toml:2", "[条目]"]),
])  # fmt: skip
def test_a_bad_pattern_in_plancc_toml_is_a_config_error_at_its_line(tmp_path, toml, says):
    from plancc.config import ConfigError, load_config

    (tmp_path / "plancc.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path / "plancc.toml", search=False)
    for s in says:
        assert s in str(exc.value), str(exc.value)


def test_every_sentence_renders_with_every_value_cited():
    """A plan that words every sentence with all its values renders (no crash, no code left in the text)."""
    plan_wording = {s.key: "".join("{=%s}" % r for r in s.refs) + "。" for s in SENTENCES}
    for key, pattern in plan_wording.items():
        check_entry(key, pattern, None)
    lines = "".join(f'  "{k}": "{v}"\n' for k, v in plan_wording.items())
    # 落儿岭 and the worked example of tiers and module parts between them write every block kind that words sentences
    for path in (ROOT / "plans" / "luoerling-2024-2025.yaml", ROOT / "plancc" / "data" / "examples" / "10-rubrics-and-parts.yaml"):
        report = check(path.read_text(encoding="utf-8") + "wording:\n" + lines)
        assert report.plan is not None, [d.message for d in report.diagnostics if d.severity.value == "error"]
        words = _words(report.plan)
        assert "{=" not in words and "{?" not in words
    # the part heading, a module line and a tier are the plan's patterns with every value
    assert "第一部分：" not in words and "1必学通识课程通识课程220。" in words and "2.心理健康教育102通识课程。" in words
    assert "新教师教龄1-2年121、。成长期教师" in words


def test_prose_references_take_the_same_formats():
    report = check(MINIMAL + "period: {start: 2022-11, end: 2023-04}\nsections:\n  - title: 时间\n"
                   "    content: [\"{=period:hyphen}；{=period:full:to}。\"]\n")
    assert report.errors == 0
    assert "2022年11月-2023年4月；2022年11月至2023年4月。" in _words(report.plan)
    bad = check(MINIMAL + "period: {start: 2022-11, end: 2023-04}\nsections:\n  - title: 时间\n"
                "    content: [\"{=period:cn}。\"]\n")
    (d,) = only(bad, "PL507")
    assert ":full" in d.message


def test_the_registry_reaches_the_docs():
    from plancc.docs import plan_language_md

    md = plan_language_md()
    for s in SENTENCES:
        assert f"## `{s.key}`" in md
    assert "`:year_once`" in md
    assert wording.BY_BLOCK["module_sets"] == ["module_set", "module_set.part", "module_set.module"]
    assert wording.BY_BLOCK["tiers"] == ["tiers", "tier"]


def test_the_worked_example_words_its_sentences_as_it_says():
    from plancc.docs import EXAMPLES
    from tests.helpers import check_example

    report = check_example(EXAMPLES / "09-wording.yaml")
    words = _words(report.plan)
    for sentence in ("培训时间：2023年3月-6月。", "信息技术应用三大模块共30学时的课程供教师选学。", "班级管理共11个模块的课程供教师选择。",
                     "截止2023年3月10日17：00前", "2023年3月15日—5月31日", "2023年6月1日—2023年6月20日",
                     "过程性考核（占总成绩的70%，满分70分）包括", "在线考试：设置单项选择题和判断题两种题型，满分100（占总考核30%）。"):
        assert sentence in words, sentence


def test_a_pattern_nested_too_deep_is_refused_not_a_crash():
    with pytest.raises(PatternError) as exc:
        check_entry("module_set", "{?" * 5000 + "x" + "}" * 5000, "module_sets")
    assert exc.value.key == "wording.too_deep"
    report = check(_plan("{?" * 3000 + "{=names}" + "}" * 3000))
    (d,) = only(report, "PL104")
    assert "最多套 8 层" in d.message


def test_a_template_saying_an_unregistered_sentence_stops_with_its_name(tmp_path):
    from plancc.layout import LayoutError, render_outline

    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "plan.xml.j2").write_text('<document><p>{{ say("module_sentence", none, none) }}</p></document>', encoding="utf-8")
    report = check(MINIMAL)
    with pytest.raises(LayoutError, match="module_sentence"):
        render_outline(report.plan, template=str(folder))


# ---------------------------------------------------------------- tiers and module parts
TIERS = MINIMAL + """\
tiers:
  - {name: 新教师, years: [1, 2]}
  - {name: 成长期教师, years: [3, 8]}
  - {name: 成熟期教师, years: [9, 14]}
  - {name: 提升期教师, years: [15, null]}
sections:
  - title: 层次
    content:
      - tiers: sentence
        lead: 每个阶段分为
        ending: "{=tiers.count:cn}个不同层次。"
        wording:
          {ENTRY}
"""


def _tiers(entry: str) -> str:
    return TIERS.replace("{ENTRY}", entry)


def test_one_tiers_pattern_joins_two_tiers_with_he_as_binchuan_writes():
    report = check(_tiers('tier[成长期教师]: "{=name}（{=years}）和"'))
    assert report.errors == 0, [d.message for d in report.diagnostics]
    assert ("每个阶段分为新教师（教龄1-2年）、成长期教师（教龄3-8年）和成熟期教师（教龄9-14年）、"
            "提升期教师（教龄15年以上）四个不同层次。") in _words(report.plan)
    # by number too; the years as figures
    report = check(_tiers('tier[2]: "{=name}（{=years_from}至{=years_to}年）{=sep}"'))
    assert "成长期教师（3至8年）、成熟期教师" in _words(report.plan)


def test_the_tiers_sentence_folds_lead_and_ending_into_its_pattern():
    text = _tiers('tiers: "全校教师分为{=tiers}{=count:cn}个层次（{=names}）。"').replace(
        "        lead: 每个阶段分为\n        ending: \"{=tiers.count:cn}个不同层次。\"\n", "")
    report = check(text)
    assert report.errors == 0, [d.message for d in report.diagnostics]
    assert ("全校教师分为新教师（教龄1-2年）、成长期教师（教龄3-8年）、成熟期教师（教龄9-14年）、提升期教师（教龄15年以上）"
            "四个层次（新教师、成长期教师、成熟期教师、提升期教师）。") in _words(report.plan)


def test_a_tier_list_words_its_items_without_a_separator():
    text = TIERS.replace("      - tiers: sentence\n        lead: 每个阶段分为\n        ending: \"{=tiers.count:cn}个不同层次。\"\n",
                         "      - tiers: list\n        numbered: false\n")
    report = check(text.replace("{ENTRY}", 'tier: "{=name}：教龄{=years_from}年起{=sep}"'))
    assert report.errors == 0
    words = _words(report.plan)
    assert "新教师：教龄1年起成长期教师" in words and "起、" not in words
    plain = check(text.replace("        numbered: false\n        wording:\n          {ENTRY}\n", "        years: false\n"))
    assert plain.errors == 0
    assert "（一）新教师（二）成长期教师（三）成熟期教师（四）提升期教师" in _words(plain.plan)


@pytest.mark.parametrize("entry, says", [
    ('tier: "{=name}{=age}"', ["{=age}", "years_from"]),
    ('tier[骨干教师]: "{=name}"', ["骨干教师", "成长期教师"]),
    ('tiers: "{=tiers}{=count:big}"', [":big", ":cn"]),
    ('module_set: "x"', ["module_set", "tiers、tier"]),  # a sentence of another kind of block
])  # fmt: skip
def test_a_bad_tier_pattern_is_located_at_its_entry(entry, says):
    text = _tiers(entry)
    (d,) = only(check(text), "PL104")
    assert d.line == line_of(text, entry), d
    for s in says:
        assert s in d.message, d.message


PARTS = MINIMAL + """\
module_sets:
  - id: 通识课程
    compulsory: true
    modules:
      - {name: 师德修养, hours: 10, description: 学习教师职业行为准则。}
      - {name: 心理健康, hours: 10}
  - id: 学科课程
    compulsory: false
    modules: [{name: 学科教学, hours: 30}]
sections:
  - title: 内容
    content:
      - module_sets: [通识课程, 学科课程]
        style: parts
        wording:
          {ENTRY}
"""


def test_a_part_heading_and_a_module_line_take_the_plans_patterns():
    entry = ('module_set.part: "{=name}（{=kind}，{=count}个模块共{=hours}学时）"\n'
             '          module_set.module[师德修养]: "{=number}.{=name}，{=hours}学时。{=description}"')
    report = check(PARTS.replace("{ENTRY}", entry))
    assert report.errors == 0, [d.message for d in report.diagnostics]
    xml = __import__("plancc.layout", fromlist=["render_outline"]).render_outline(report.plan)
    assert '<section title="通识课程（必学，2个模块共20学时）" numbered="0">' in xml
    assert "<li>1.师德修养，10学时。学习教师职业行为准则。</li>" in xml
    assert "<li>心理健康（10学时）</li>" in xml  # the default for the others


@pytest.mark.parametrize("entry, says", [
    ('module_set.part: "第{=number:cn}部分：{=type}"', ["{=type}", "kind"]),
    ('module_set.module[班级管理]: "{=name}"', ["班级管理", "师德修养、心理健康、学科教学"]),
    ('module_set.part[专业课程]: "{=name}"', ["专业课程", "通识课程、学科课程"]),
])  # fmt: skip
def test_a_bad_part_pattern_is_located_at_its_entry(entry, says):
    text = PARTS.replace("{ENTRY}", entry)
    (d,) = only(check(text), "PL104")
    assert d.line == line_of(text, entry), d
    for s in says:
        assert s in d.message, d.message
