"""The loader: YAML text → plain values with a position for every key and value.

Every bad input ends in a located PL0xx diagnostic (never an exception); the
hostile corpus (tests/load/test_hostile.py) checks the same through the real CLI
with time and memory limits, includes are in tests/load/test_includes.py.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from plancc.diagnostics import Severity, Span
from plancc.load import load_file, load_text
from plancc.load.limits import Limits
from plancc.load.source import format_path, value_at


def load(text: str, lang: str = "zh", limits: Limits | None = None):
    return load_text(textwrap.dedent(text), "plan.yaml", lang, limits)


def diag(loaded, code: str):
    """The single diagnostic of `code` (fails when there are none or several)."""
    found = [d for d in loaded.diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in loaded.diagnostics]
    return found[0]


def where(d) -> tuple[int, int]:
    return d.line, d.column


# --------------------------------------------------------------------------- good input
def test_plain_plan_loads_without_diagnostics():
    loaded = load("""\
        plancc: 1
        document:
          title: 测试县2024年教师全员培训实施方案
        """)
    assert loaded.ok and loaded.diagnostics == []
    assert loaded.data == {"plancc": 1, "document": {"title": "测试县2024年教师全员培训实施方案"}}


def test_positions_of_top_level_and_nested_keys_and_values():
    loaded = load("""\
        plancc: 1
        document:
          title: 测试
          basis:
            - title: 指导标准
              number: 教师〔2024〕9号
        """)
    src = loaded.source
    assert src.keys[("plancc",)] == Span(1, 1, 1, 7)
    assert src.values[("plancc",)] == Span(1, 9, 1, 10)
    assert src.keys[("document", "title")] == Span(3, 3, 3, 8)
    assert src.values[("document", "title")] == Span(3, 10, 3, 12)
    # list items: the item itself, and keys/values inside it
    assert where_of(src.values[("document", "basis", 0)]) == (5, 7)
    assert where_of(src.keys[("document", "basis", 0, "number")]) == (6, 7)
    assert where_of(src.values[("document", "basis", 0, "number")]) == (6, 15)


def where_of(span: Span) -> tuple[int, int]:
    return span.line, span.column


def test_positions_inside_flow_collections():
    loaded = load("""\
        a:
          - x
          - y: 1
            z: [1, 22]
        b: {c: d}
        """)
    src = loaded.source
    assert where_of(src.values[("a", 0)]) == (2, 5)
    assert where_of(src.values[("a", 1)]) == (3, 5)
    assert where_of(src.values[("a", 1, "z", 0)]) == (4, 9)
    assert src.values[("a", 1, "z", 1)] == Span(4, 12, 4, 14)
    assert where_of(src.keys[("b", "c")]) == (5, 5)
    assert where_of(src.values[("b", "c")]) == (5, 8)


def test_columns_count_characters_not_bytes():
    loaded = load("名称: 中文值\n键2: [一, 二]\n")
    assert loaded.source.values[("名称",)] == Span(1, 5, 1, 8)
    assert where_of(loaded.source.values[("键2", 1)]) == (2, 9)


def test_locate_falls_back_to_the_nearest_ancestor():
    loaded = load("a:\n  b: 1\n")
    assert where_of(loaded.source.locate(("a", "b", "missing"))) == (2, 6)
    assert where_of(loaded.source.locate(("a", "b"), key=True)) == (2, 3)
    assert loaded.source.locate(("nowhere",)) == loaded.source.values[()]


def test_crlf_line_ends_are_accepted_with_correct_positions():
    loaded = load_text("plancc: 1\r\ndocument:\r\n  title: x\r\n  title: y\r\n", "plan.yaml")
    assert loaded.data == {"plancc": 1, "document": {"title": "x"}}
    d = diag(loaded, "PL002")
    assert where(d) == (4, 3)
    assert where_of(loaded.source.values[("document", "title")]) == (3, 10)
    assert loaded.line(3) == "  title: x"  # no stray \r in shown source lines


def test_old_mac_cr_line_ends_are_lines_too():
    loaded = load_text("a: 1\rb: 2\ra: 3\r", "plan.yaml")
    assert loaded.data == {"a": 1, "b": 2}
    assert where(diag(loaded, "PL002")) == (3, 1)


def test_bom_and_crlf_file_is_accepted_and_bom_does_not_shift_columns(tmp_path):
    path = tmp_path / "win.yaml"
    path.write_bytes("\ufeffplancc: 1\r\ndocument:\r\n  title: 测试\r\nplancc: 2\r\n".encode("utf-8"))
    loaded = load_file(path)
    assert loaded.data == {"plancc": 1, "document": {"title": "测试"}}
    assert where_of(loaded.source.keys[("plancc",)]) == (1, 1)
    assert where_of(loaded.source.values[("plancc",)]) == (1, 9)
    d = diag(loaded, "PL002")
    assert where(d) == (4, 1) and "1:1" in d.message
    assert loaded.line(1) == "plancc: 1"


def test_bom_in_already_decoded_text():
    loaded = load_text("\ufeffa: 1\na: 2\n", "plan.yaml")
    assert loaded.data == {"a": 1}
    assert "1:1" in diag(loaded, "PL002").message


# --------------------------------------------------------------------------- YAML syntax
@pytest.mark.parametrize(
    "text,line,column,words",
    [
        ("a:\n\tb: 1\n", 2, 1, "制表符"),
        ("a: 'x\n", 2, 1, "结束"),
        ("a:\n  - 1\n - 2\n", 3, 2, "缩进"),
        ('a: "\\q"\n', 1, 5, "反斜杠"),
        ("a: b: c\n", 1, 5, "冒号"),
        ("a: [1, 2\n", 2, 1, "方括号"),
        ("a: [\n", 2, 1, "值"),
        ("a: @x\n", 1, 4, "@"),
    ],
)
def test_syntax_errors_are_located_and_explained_in_chinese(text, line, column, words):
    loaded = load_text(text, "plan.yaml")
    d = diag(loaded, "PL001")
    assert d.severity is Severity.ERROR and d.file == "plan.yaml"
    assert where(d) == (line, column)
    assert d.message.startswith("YAML 语法错误：")
    assert words in d.message, d.message
    # nothing of the parser's English reaches a Chinese message
    assert not re.findall(r"[A-Za-z]{3,}", d.message.replace("YAML", "").replace("Tab", "")), d.message
    assert loaded.data is None and not loaded.ok


def test_syntax_error_in_english():
    d = diag(load_text("a:\n\tb: 1\n", "plan.yaml", "en"), "PL001")
    assert d.message.startswith("YAML syntax error:") and "tab" in d.message


def test_undefined_alias_is_a_located_syntax_error():
    d = diag(load("a: 1\nb: *nope\n"), "PL001")
    assert where(d) == (2, 4)
    assert "*nope" in d.message and "锚点" in d.message


def test_control_character_is_a_located_syntax_error():
    d = diag(load_text("a: 1\nb: x\x07y\n", "plan.yaml"), "PL001")
    assert where(d) == (2, 5)
    assert "控制字符" in d.message


# --------------------------------------------------------------------------- duplicate keys
def test_duplicate_top_level_key_names_both_places_and_keeps_the_first():
    loaded = load("""\
        plancc: 1
        hours: {required: 72}
        hours: {required: 90}
        """)
    d = diag(loaded, "PL002")
    assert where(d) == (3, 1)  # the second occurrence
    assert "2:1" in d.message  # the first one
    assert "hours" in d.message and d.path == "hours"
    assert loaded.data["hours"] == {"required": 72}


def test_duplicate_nested_key_and_in_flow_mapping():
    loaded = load("""\
        a:
          b: 1
          c: {x: 1, x: 2}
          b: 3
        """)
    found = sorted((d.line, d.column, d.path, d.message) for d in loaded.diagnostics if d.code == "PL002")
    assert [(f[0], f[1], f[2]) for f in found] == [(3, 13, "a.c.x"), (4, 3, "a.b")]
    assert "3:7" in found[0][3] and "2:3" in found[1][3]


def test_every_duplicate_is_reported_in_one_run():
    loaded = load("a: 1\na: 2\na: 3\nb: 1\nb: 2\n")
    assert [where(d) for d in loaded.diagnostics if d.code == "PL002"] == [(2, 1), (3, 1), (5, 1)]


def test_duplicate_key_in_english():
    d = diag(load("a: 1\na: 2\n", lang="en"), "PL002")
    assert d.message.startswith("duplicate key 'a' (first at 1:1)")


def test_duplicate_keys_in_different_mappings_are_fine():
    loaded = load("a: {name: x}\nb: {name: y}\nc:\n  - name: 1\n  - name: 2\n")
    assert loaded.diagnostics == []


# --------------------------------------------------------------------------- encodings
def test_gbk_file_is_named_as_gbk_with_position(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("plancc: 1\ndocument:\n  title: 测试县培训方案\n".encode("gbk"))
    loaded = load_file(path)
    d = diag(loaded, "PL003")
    assert where(d) == (3, 10)
    assert "UTF-8" in d.message and "GBK" in d.message and "0xB2" in d.message
    assert loaded.data is None and d.file == str(path)
    en = diag(load_file(path, lang="en"), "PL003")
    assert "not UTF-8" in en.message and "GBK" in en.message


def test_other_non_utf8_bytes_are_reported_without_guessing_gbk(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("plancc: 1\nname: caf\xe9\n".encode("latin-1"))
    d = diag(load_file(path), "PL003")
    assert where(d) == (2, 10)
    assert "UTF-8" in d.message and "0xE9" in d.message and "GBK" not in d.message


def test_utf16_file_says_utf16(tmp_path):
    path = tmp_path / "u16.yaml"
    path.write_bytes("plancc: 1\n".encode("utf-16"))
    d = diag(load_file(path), "PL003")
    assert where(d) == (1, 1) and "UTF-16" in d.message


def test_display_name_is_used_in_diagnostics(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    loaded = load_file(path, display="plans/x.yaml")
    assert loaded.path == "plans/x.yaml"
    assert diag(loaded, "PL002").file == "plans/x.yaml"


# --------------------------------------------------------------------------- unreadable
def test_missing_file_is_pl000(tmp_path):
    loaded = load_file(tmp_path / "nope.yaml")
    d = diag(loaded, "PL000")
    assert d.message.startswith("无法读取文件") and loaded.data is None


def test_directory_is_pl000(tmp_path):
    d = diag(load_file(tmp_path), "PL000")
    assert d.severity is Severity.ERROR


# --------------------------------------------------------------------------- shapes
@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n# 没有内容\n", "---\n", "~\n"])
def test_empty_file_is_pl004(text):
    loaded = load_text(text, "plan.yaml")
    d = diag(loaded, "PL004")
    assert where(d) == (1, 1) and "空" in d.message
    assert loaded.data is None


def test_top_level_list_is_pl005():
    loaded = load("- plancc: 1\n- document: {}\n")
    d = diag(loaded, "PL005")
    assert where(d) == (1, 1) and "列表" in d.message
    assert loaded.data is None
    assert "a list" in diag(load("- a\n", lang="en"), "PL005").message


def test_top_level_scalar_is_pl005():
    d = diag(load("just some text\n"), "PL005")
    assert "单独的值" in d.message


def test_several_documents_are_pl005_at_the_second_document():
    d = diag(load("a: 1\n---\nb: 2\n"), "PL005")
    assert where(d) == (2, 1) and "---" in d.message


def test_one_explicit_document_is_fine():
    assert load("---\na: 1\n...\n").data == {"a": 1}


# --------------------------------------------------------------------------- tags and keys
@pytest.mark.parametrize(
    "text,shown",
    [
        ('a: !!python/object/apply:os.system ["echo hi"]\n', "!!python/object/apply:os.system"),
        ("a: !!python/object:os.system x\n", "!!python/object:os.system"),
        ("a: !!python/name:os.system ''\n", "!!python/name:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !custom x\n", "!custom"),
    ],
)
def test_tags_are_never_executed_and_are_reported(text, shown):
    loaded = load_text(text, "plan.yaml")
    d = diag(loaded, "PL008")
    assert where(d) == (1, 4) and d.path == "a"
    assert shown in d.message, d.message
    assert "tag:yaml.org" not in d.message
    value = loaded.data["a"]
    assert isinstance(value, (str, list, dict)), value  # plain data, nothing constructed


def test_standard_tags_are_allowed_and_typed():
    loaded = load("a: !!str 010\nb: !!int 12\nc: !!float 1.5\nd: !!bool true\ne: !!null ''\n")
    assert loaded.diagnostics == []
    assert loaded.data == {"a": "010", "b": 12, "c": 1.5, "d": True, "e": None}


def test_collection_used_as_a_key_is_pl009():
    loaded = load("plancc: 1\n? [a, b]\n: 1\n? {x: 1}\n: 2\nok: 3\n")
    found = [where(d) for d in loaded.diagnostics if d.code == "PL009"]
    assert found == [(2, 3), (4, 3)]
    assert loaded.data == {"plancc": 1, "ok": 3}


def test_scalar_keys_become_text():
    loaded = load("1: a\ntrue: b\n2024-01-01: c\n")
    assert loaded.data == {"1": "a", "true": "b", "2024-01-01": "c"}


def test_anchors_aliases_and_merge_keys_work():
    loaded = load("""\
        base: &b {x: 1, y: 2}
        c:
          <<: *b
          y: 3
        d: *b
        """)
    assert loaded.diagnostics == []
    assert loaded.data["c"] == {"x": 1, "y": 3}
    assert loaded.data["d"] == {"x": 1, "y": 2}


def test_merging_a_scalar_is_reported():
    d = diag(load("a:\n  <<: 5\n  b: 1\n"), "PL008")
    assert "<<" in d.message


# --------------------------------------------------------------------------- YAML 1.1 values
def test_plain_decimal_numbers_are_numbers():
    loaded = load("a: 72\nb: 2.5\nc: -3\nd: +5\ne: 0\nf: 1.5e+3\n")
    assert loaded.data == {"a": 72, "b": 2.5, "c": -3, "d": 5, "e": 0, "f": 1500.0}
    assert loaded.source.surprises == {}


@pytest.mark.parametrize("text", ["010", "0x1F", "1_000", "1:30", "0o17", "1e3", "1.5e3", "2E5"])
def test_numbers_yaml11_would_misread_stay_text_and_are_remembered(text):
    loaded = load(f"a: {text}\n")
    assert loaded.data == {"a": text}, "must not become a (wrong) number"
    assert loaded.source.surprises.get(("a",)) == text


@pytest.mark.parametrize("text,value", [("no", False), ("on", True), ("Yes", True), ("off", False), ("NO", False)])
def test_yaml11_booleans_are_remembered_as_written(text, value):
    loaded = load(f"a: {text}\n")
    assert loaded.data == {"a": value}
    assert loaded.source.surprises[("a",)] == text


def test_true_false_and_null_are_not_surprises():
    loaded = load("a: true\nb: False\nc: null\nd: ~\ne:\n")
    assert loaded.data == {"a": True, "b": False, "c": None, "d": None, "e": None}
    assert loaded.source.surprises == {}


def test_quoted_values_are_always_text():
    loaded = load("a: 'no'\nb: \"010\"\nc: '72'\nd: '1e3'\n")
    assert loaded.data == {"a": "no", "b": "010", "c": "72", "d": "1e3"}
    assert loaded.source.surprises == {}


def test_dates_and_times_stay_text():
    loaded = load("a: 2022-11-15\nb: 2022-11\nc: 2001-12-14t21:59:43.10-05:00\n")
    assert loaded.data == {"a": "2022-11-15", "b": "2022-11", "c": "2001-12-14t21:59:43.10-05:00"}


def test_special_floats_are_floats_for_the_model_to_refuse():
    loaded = load("a: .nan\nb: .inf\nc: -.inf\n")
    assert loaded.data["a"] != loaded.data["a"]
    assert loaded.data["b"] == float("inf") and loaded.data["c"] == float("-inf")


# --------------------------------------------------------------------------- limits
def test_ten_thousand_levels_of_flow_nesting_stop_with_a_clear_message():
    loaded = load_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "plan.yaml")
    d = diag(loaded, "PL006")
    assert d.line == 1 and d.column > 1
    assert "嵌套层数超过 64 层" in d.message and "limits.max_depth" in d.message
    assert loaded.data is None


def test_ten_thousand_levels_of_block_nesting_stop_with_a_clear_message():
    text = "".join(" " * i + f"k{i}:\n" for i in range(10_000))
    loaded = load_text(text, "plan.yaml", "en")
    d = diag(loaded, "PL006")
    assert d.line == 65
    assert "nesting deeper than 64 levels" in d.message


def test_depth_limit_is_configurable():
    text = "a:\n  b:\n    c:\n      d: 1\n"
    assert load(text, limits=Limits(max_depth=4)).ok
    d = diag(load(text, limits=Limits(max_depth=3)), "PL006")
    assert where(d) == (4, 7) and "3" in d.message


def test_alias_bomb_stops_with_a_clear_message():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    loaded = load_text("\n".join(lines) + "\n", "plan.yaml")
    d = diag(loaded, "PL006")
    assert "别名炸弹" in d.message and "100000" in d.message and "limits.max_alias_nodes" in d.message
    assert d.line <= 7
    assert loaded.data is None


def test_modest_aliasing_is_within_the_limit():
    loaded = load('a: &a ["x","x","x"]\nb: [*a, *a, *a]\n', limits=Limits(max_alias_nodes=12))
    assert loaded.ok
    d = diag(load('a: &a ["x","x","x"]\nb: [*a, *a, *a, *a]\n', limits=Limits(max_alias_nodes=12)), "PL006")
    assert where(d) == (2, 17)


def test_aliases_of_a_long_text_count_its_size_not_one_value():
    big = "x" * 100_000
    text = f"a: &a {big}\nb: [" + ", ".join(["*a"] * 10_000) + "]\n"
    loaded = load_text(text, "plan.yaml")
    d = diag(loaded, "PL006")
    assert d.line == 2 and "limits.max_expanded_bytes" in d.message and "别名炸弹" in d.message
    assert loaded.data is None
    # a smaller limit from plancc.toml is the one applied and named
    d = diag(load_text(text, "plan.yaml", "en", Limits(max_expanded_bytes=250_000)), "PL006")
    assert (d.line, d.column) == (2, 13) and "limits.max_expanded_bytes" in d.message


def test_aliases_of_a_big_mapping_count_all_its_text():
    rows = ", ".join(f"k{i}: {'y' * 100}" for i in range(1000))
    text = f"a: &a {{{rows}}}\nb: [" + ", ".join(["*a"] * 1000) + "]\n"
    d = diag(load_text(text, "plan.yaml", limits=Limits(max_alias_nodes=10**9)), "PL006")
    assert d.line == 2 and "limits.max_expanded_bytes" in d.message


def test_limit_defaults_are_written_once():
    from plancc.config import LimitSettings

    assert LimitSettings().model_dump() == Limits().__dict__


def test_node_count_limit():
    d = diag(load("a: [1, 2, 3, 4, 5, 6, 7, 8]\n", limits=Limits(max_nodes=5)), "PL006")
    assert d.line == 1 and "5" in d.message


def test_file_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 2000)  # 10,000 bytes
    loaded = load_file(path, limits=Limits(max_bytes=4096))
    d = diag(loaded, "PL006")
    assert where(d) == (1, 1)
    assert "文件大小" in d.message
    # the figures must be readable at any scale, not "0.0 MB"
    assert "0.0 MB" not in d.message
    assert "9.8 KB" in d.message and "4.0 KB" in d.message
    assert loaded.data is None


def test_file_size_in_megabytes(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (3 * 1024 * 1024))
    d = diag(load_file(path, limits=Limits(max_bytes=2 * 1024 * 1024)), "PL006")
    assert "3.0 MB" in d.message and "2.0 MB" in d.message


# --------------------------------------------------------------------------- helpers
def test_format_path_and_value_at():
    path = ("hours", "components", 1, "hours")
    assert format_path(path) == "hours.components[1].hours"
    assert format_path(()) == ""
    assert format_path((0, "a")) == "[0].a"
    data = {"hours": {"components": [{"hours": 60}, {"hours": 30}]}}
    assert value_at(data, path) == 30
    assert value_at(data, ("hours", "components", 5)) is None
    assert value_at(data, ("hours", "nope", "x")) is None
    assert value_at(data, ("hours", "components", "x")) is None


def test_loaded_file_line_lookup():
    loaded = load("a: 1\nb: 2\n")
    assert loaded.line(1) == "a: 1" and loaded.line(2) == "b: 2"
    assert loaded.line(0) == "" and loaded.line(99) == ""
    assert loaded.file_of(("a",)) == "plan.yaml"


def test_all_problems_of_a_file_come_in_one_run():
    loaded = load("""\
        plancc: 1
        a: 1
        a: 2
        b: !!python/object:x y
        ? [k]
        : v
        c: {d: 1, d: 2}
        """)
    assert [d.code for d in loaded.diagnostics] == ["PL002", "PL008", "PL009", "PL002"]
    assert all(d.span is not None for d in loaded.diagnostics)
    assert loaded.data == {"plancc": 1, "a": 1, "b": "y", "c": {"d": 1}}


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_unicode_line_separators_do_not_shift_line_numbers(brk):
    # YAML counts NEL/LS/PS as line ends; editors and CI annotations count only \n
    loaded = load_text(f'a: "x{brk}y"\nb: 1\nb: 2\n', "plan.yaml")
    assert where_of(loaded.source.values[("b",)]) == (2, 4)
    d = diag(loaded, "PL002")
    assert where(d) == (3, 1) and "2:1" in d.message
    assert loaded.line(d.line) == "b: 2"


def test_syntax_error_after_a_line_separator_is_on_the_editor_line():
    d = diag(load_text('a: "x\u2028y"\nb: [1, 2\n', "plan.yaml"), "PL001")
    assert d.line == 3


def test_settings_take_policy_and_limits_from_the_config_typed(tmp_path):
    from plancc.config import PolicySettings, load_config
    from plancc.driver.settings import Settings

    toml = tmp_path / "plancc.toml"
    toml.write_text("[policy]\nannual_hours = 90\n[limits]\nmax_depth = 20\n", encoding="utf-8")
    settings = Settings.from_config(load_config(toml))
    assert isinstance(settings.policy, PolicySettings) and settings.policy.annual_hours == 90
    assert settings.policy.cycle_hours == PolicySettings().cycle_hours  # the one default
    assert settings.limits == Limits(max_depth=20)
    assert Settings().limits == Limits() and Settings().policy == PolicySettings()


# -- positions kept as offsets, read as spans ---------------------------------------------------

def test_positions_are_kept_as_offsets_and_read_as_spans():
    from plancc.load.source import Lines, Positions, as_span

    lines = Lines("ab\n课程😀: x\n")
    places = Positions({("a",): (3, 5, lines), ("b",): Span(1, 1, 1, 2)})
    assert places[("a",)] == Span(2, 1, 2, 3) and places.get(("a",)) == Span(2, 1, 2, 3)
    assert places[("b",)] == Span(1, 1, 1, 2) and places.get(("nowhere",), "-") == "-"
    assert dict(places)[("a",)] == (3, 5, lines)  # iterating gives them as stored
    assert as_span(None) is None


@pytest.mark.parametrize("parser", ["c", "python"])
def test_every_place_is_where_the_parser_says(parser):
    """The loader keeps character offsets; turned into lines and columns they are the parser's own
    (CJK and a character outside the BMP counted as one each)."""
    import yaml

    from plancc.load import load_text
    from plancc.load.compose import PARSERS

    text = "名称: 中文😀字\n列表:\n  - [初中, 数学, 😀课程]\n  - 键: {甲: 1, 乙: [2, 3]}\n"
    loaded = load_text(text, parser=parser)
    got = [loaded.source.values[p] for p in loaded.source.values]
    marks = []
    reader = PARSERS[parser](text)
    while True:
        ev = reader.get_event()
        if isinstance(ev, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            marks.append(ev.start_mark)
        if isinstance(ev, yaml.StreamEndEvent):
            break
    starts = {(m.line + 1, m.column + 1) for m in marks}
    assert {(s.line, s.column) for s in got} <= starts and len(got) >= 10
