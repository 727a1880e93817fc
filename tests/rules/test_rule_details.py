"""Finer points of rules that the case table does not show: precision, related places, noise control."""

from __future__ import annotations

from tests.helpers import MINIMAL, check, codes, line_of, only


def test_months_compare_as_whole_months():
    # a phase in the period's first month, written to the day, is inside a period written to the month
    text = MINIMAL + """\
period: {year: 2024, start: 2024-03, end: 2024-12}
phases:
  - {name: 启动, start: 2024-03-15, end: 2024-03-31}
  - {name: 总结, due: 2024-12}
"""
    assert not {"PL701", "PL702", "PL703"} & set(codes(check(text)))


def test_phase_outside_period_names_the_period_bound_as_related():
    text = MINIMAL + """\
period: {year: 2024, start: 2024-08, end: 2025-06}
phases:
  - {name: 暑期研修, start: 2024-07, end: 2024-08}
"""
    [d] = only(check(text), "PL702")
    assert d.severity.value == "warning"
    assert [r.path for r in d.related] == ["period.start"]
    assert d.related[0].span.line == line_of(text, "period:")


def test_enumeration_that_agrees_is_quiet_even_when_phases_differ():
    text = MINIMAL + """\
phases: [{name: 启动, due: 2024-04}, {name: 实施, due: 2024-10}]
sections:
  - title: 进度
    content:
      - 送教下乡分为诊断示范、研课磨课、成果展示和总结提升等四个阶段。
      - {phases: staged}
"""
    assert "PL801" not in codes(check(text))


def test_phase_count_outside_the_timeline_section_is_not_compared():
    text = MINIMAL + """\
phases: [{name: 启动, due: 2024-04}, {name: 实施, due: 2024-10}]
sections:
  - title: 培训模式
    content: [每个项目按三个阶段组织实施。]
  - title: 进度
    content: [{phases: staged}]
"""
    assert "PL801" not in codes(check(text))


def test_module_count_compares_with_the_set_the_sentence_names():
    text = MINIMAL + """\
module_sets:
  - {id: 校长, modules: [政策, 管理]}
  - {id: 园长, modules: [政策, 管理, 保教]}
sections:
  - title: 内容
    content:
      - 园长培训设置三个模块，校长培训设置两个模块。
      - {module_sets: [校长, 园长]}
"""
    # the sentence names both sets: ambiguous, so it is not compared
    assert "PL801" not in codes(check(text))
    one = text.replace("园长培训设置三个模块，校长培训设置两个模块。", "园长培训设置两个模块。")
    [d] = only(check(one), "PL801")
    assert "园长" in d.message and "3" in d.message


def test_catalog_module_mismatch_is_reported_once_per_module():
    rows = "\n".join(f"    - [初中, 学科{i}, 学科素养, 课程{i}]" for i in range(30))
    text = MINIMAL + f"""\
module_sets: [{{id: 网络研修, modules: [师德修养]}}]
catalog:
  module_set: 网络研修
  courses:
{rows}
"""
    [d] = only(check(text), "PL504")
    assert "30" in d.message and d.line == line_of(text, "课程0]")


def test_unused_definitions_are_not_reported_for_data_only_plans():
    text = MINIMAL + "assessments: [{id: 分层项目, total: 100}]\n"
    assert "PL510" not in codes(check(text))


def test_reference_with_a_bad_format_is_reported():
    text = MINIMAL + """\
hours: {required: 72.5}
sections:
  - title: 学时
    content:
      - 完成{=hours.required:cn}学时，共{=tiers.count:roman}个层次。
"""
    found = only(check(text), "PL507")
    assert len(found) == 2
    assert any("整数" in d.message for d in found) and any(":roman" in d.message for d in found)


def test_placeholders_are_found_in_tables_and_tasks():
    text = MINIMAL + """\
phases:
  - {name: 启动, due: 2024-04, tasks: 由××学校负责。}
sections:
  - title: 安排
    content:
      - table:
          columns: [项目, 负责人]
          rows: [[报名, ______]]
"""
    found = only(check(text), "PL802")
    assert {d.line for d in found} == {line_of(text, "××"), line_of(text, "______")}


def test_template_syntax_is_not_a_placeholder():
    text = MINIMAL + "audience: \"{{ x }} ${HOME} __class__\"\n"
    assert "PL802" not in codes(check(text))


def test_document_number_in_standard_form_is_quiet():
    text = MINIMAL.replace("document:\n", "document:\n  number: 宾教体〔2022〕15号\n")
    assert "PL803" not in codes(check(text))


def test_half_width_punctuation_in_times_and_latin_text_is_quiet():
    text = MINIMAL + "audience: \"全体教师，上午8:30报到；登录 www.example.cn, then go (online)。\"\n"
    assert "PL804" not in codes(check(text))


def test_policy_parameters_come_from_the_config():
    text = MINIMAL + "hours: {required: 90, head_teacher: 40}\n"
    assert not only(check(text, policy=True), "PL905")
    [d] = only(check(text, policy=True, policy_params={"head_teacher_hours": 50}), "PL905")
    assert "50" in d.message and "head_teacher_hours" in d.message


def test_severity_override_from_selection():
    from plancc.check.runner import Selection
    from plancc.driver.check import check_loaded
    from plancc.driver.settings import Settings
    from plancc.load import load_text

    text = MINIMAL + "period: {year: 2024, start: 2024-03, end: 2024-12}\nphases: [{name: 启动, start: 2024-01, end: 2024-04}]\n"
    settings = Settings(selection=Selection(severities={"PL702": "error"}))
    [d] = [d for d in check_loaded(load_text(text, "p.yaml"), settings).diagnostics if d.code == "PL702"]
    assert d.severity.value == "error"


# -- the one-scan prefilter of prose rules ---------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plancc.check.rules.prose.placeholders import _NUMBER_BLANK, _PLACEHOLDER_HINT, _PLACEHOLDERS  # noqa: E402
from plancc.check.rules.prose.punctuation import _HALF_WIDTH, _HALF_WIDTH_HINT  # noqa: E402
from plancc.check.rules.coverage.mentions import _ATTACHMENT_HINT, _ATTACHMENT_RE  # noqa: E402
from plancc.check.rules.prose.counts import _COUNT_RE, _HINT as _COUNT_HINT, _TOTAL_RE  # noqa: E402
from plancc.model.facts import REF_HINT, REF_RE  # noqa: E402

_TRICKY = st.text(alphabet="2019_＿□xX×ＸＸｘ某待定TODOB〔〕【】（）()[]［］ \t\u3000-—~～至号中文A,;:?!\x00{}=.:cn", max_size=12) | st.text(alphabet="附件个学时模块阶段共七12 {=}", max_size=10)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRICKY, max_size=6))
def test_prose_hints_find_every_string_the_full_patterns_match(texts):
    from plancc.check.context import Context
    from plancc.load import load_text

    loaded = load_text("x: 1")
    loaded.data = {"texts": texts}
    ctx = Context(plan=None, loaded=loaded)  # type: ignore[arg-type]
    for full, hint in ((_PLACEHOLDERS(), _PLACEHOLDER_HINT), (_NUMBER_BLANK(), _PLACEHOLDER_HINT), (_HALF_WIDTH(), _HALF_WIDTH_HINT),
                       (REF_RE, REF_HINT), (_ATTACHMENT_RE, _ATTACHMENT_HINT),
                       (_COUNT_RE, _COUNT_HINT), (_TOTAL_RE, _COUNT_HINT)):
        wanted = {i for i, t in enumerate(texts) if full.search(t)}
        found = {path[1] for path, _ in ctx.prose_matching(hint)}
        assert wanted <= found


def test_prose_matching_maps_each_hit_to_its_own_string():
    from plancc.check.context import Context
    from plancc.load import load_text

    loaded = load_text("x: 1")
    loaded.data = {"a": ["无", "20__年", "无"], "b": {"c": "XX县", "d": "完整"}}
    ctx = Context(plan=None, loaded=loaded)  # type: ignore[arg-type]
    hits = sorted(text for _, text in ctx.prose_matching(_PLACEHOLDER_HINT))
    assert hits == ["20__年", "XX县"]
    assert sorted(ctx.prose()) == sorted([(("a", 0), "无"), (("a", 1), "20__年"), (("a", 2), "无"),
                                          (("b", "c"), "XX县"), (("b", "d"), "完整")])
    assert ctx.prose_matching(_PLACEHOLDER_HINT, outside=("a",)) == [(("b", "c"), "XX县")]


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.text(alphabet="ab无", max_size=3),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["a", "b", "wording"]), inner, max_size=3),
                    max_leaves=12))
def test_prose_paths_are_where_the_strings_are(data):
    """Each prose string's path leads to it; prose_matching finds exactly the strings its hint occurs in."""
    import re

    from plancc.check.context import Context
    from plancc.load import load_text
    from plancc.load.source import value_at

    loaded = load_text("x: 1")
    loaded.data = data
    ctx = Context(plan=None, loaded=loaded)  # type: ignore[arg-type]
    for path, text in ctx.prose():
        assert (value_at(data, path) if path else data) == text
    wanted = [(p, t) for p, t in ctx.prose() if "无" in t]
    assert sorted(ctx.prose_matching(re.compile("无"))) == sorted(wanted)
    top = [(p, t) for p, t in wanted if not (p and p[0] == "a")]
    assert sorted(ctx.prose_matching(re.compile("无"), outside=("a",))) == sorted(top)


@settings(max_examples=400, deadline=None)
@given(_TRICKY)
def test_the_literal_led_placeholder_hint_finds_what_its_short_form_finds(text):
    """PL802's hint is written one literal first character per alternative (for speed); it finds
    a string exactly when the short form with character classes does."""
    import re

    from plancc.check.rules.prose.placeholders import _BLANK_INSIDE

    short = re.compile(rf"[〔【（(\[［]{_BLANK_INSIDE}[〕】）)\]］]|[_＿□]|[xX×]{{2}}|[×Ｘ]|[xXｘ]\s*+号|ＸＸ|某某|待|TODO|TBD|\*\*|＊＊")
    assert bool(short.search(text)) == bool(_PLACEHOLDER_HINT.search(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="中文A ,;:?!()（）", max_size=12))
def test_half_width_marks_are_those_beside_chinese(text):
    """PL804's pattern, written with two classes, finds what its four-part form finds: , ; : ? !
    with Chinese before or after, ( with Chinese after, ) with Chinese before."""
    import re

    han = r"[\u3400-\u9fff]"
    spelled_out = re.compile(rf"(?<={han})[,;:?!]|[,;:?!](?={han})|\((?={han})|(?<={han})\)")
    assert [m.span() for m in _HALF_WIDTH().finditer(text)] == [m.span() for m in spelled_out.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u3000_＿□-—–~～至x〕", max_size=10))
def test_the_blanks_of_a_placeholder_are_one_class_written_as_branches(text):
    import re

    from plancc.check.rules.prose.placeholders import _BLANK_INSIDE

    as_class = re.compile(r"(?:\s|[_＿□\-—–~～至])*+")
    assert re.compile(_BLANK_INSIDE).match(text).end() == as_class.match(text).end()
