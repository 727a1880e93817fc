"""The write stage: YAML that loads back to the same plan, with the modeline and a comment at each guess."""

from __future__ import annotations

import pytest
import yaml

from plancc.importer.source import Guess, Place
from plancc.importer.write import MODELINE, scalar, write_yaml
from plancc.load.compose import load_text

HOSTILE = ["：", "a: b", "#", "a #b", "- ", "-", "- x", "{=x}", "{a: 1}", "[1, 2]", "yes", "no", "on", "~", "null", "1.0",
           "1", "0x1F", "1e3", "2024-11-11", "12:30", " leading", "trailing ", "\ttab", "a\tb", "line\nbreak", "\n",
           "'", '"', "''", "\\", "@x", "`x", "%x", "!x", "&x", "*x", "|", ">", "?", "? x", "---", "...", "，：", "“引号”",
           "\u3000全角空格", "*加粗*", "100%", "1.", "（一）", ",", "a,b", "[x", "x]", "", " ", "\u2028", "\x85"]


def _plan(value) -> dict:
    return {"plancc": 1, "document": {"title": "方案"},
            "sections": [{"title": value, "content": [value, {"items": [value, "x"]},
                                                      {"table": {"columns": [value, "b"], "rows": [[value, value], ["x", 1]]}}]}]}


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_hostile_strings_load_back_the_same(value):
    plan = _plan(value)
    text = write_yaml(plan, [], "x.docx")
    assert yaml.safe_load(text) == plan
    loaded = load_text(text)  # plancc's own loader reads the same values
    assert loaded.data == plan, [d.message for d in loaded.diagnostics]


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_one_scalar_is_one_line(value):
    assert "\n" not in scalar(value)


def test_the_modeline_comes_first_as_init_writes_it_and_the_version_after_the_header():
    from importlib import resources

    example = (resources.files("plancc.scaffold") / "example.yaml").read_text(encoding="utf-8")
    text = write_yaml({"plancc": 1, "document": {"title": "方案"}}, [], "去年的方案.docx")
    assert text.splitlines()[0] == MODELINE == example.splitlines()[0]
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body[0] == "plancc: 1"
    assert "去年的方案.docx" in text


def test_chinese_stays_unescaped_and_long_prose_on_one_plain_line():
    prose = "根据培训目标要求，设计远程培训网络研修模块，为每个模块配备课程资源。" * 5
    text = write_yaml({"plancc": 1, "document": {"title": "方案"}, "sections": [{"content": [prose]}]}, [], "x")
    assert f"      - {prose}" in text.splitlines()
    assert "\\u" not in text


def test_a_guess_is_a_comment_above_the_value_it_landed_at():
    plan = {"plancc": 1, "document": {"title": "方案", "date": "2024-11-11"},
            "sections": [{"title": "甲", "number_from": 2}]}
    guesses = [Guess("import.guess.date", Place(paragraph=12), (("text", "二〇二四年十一月十一日"),), ("document", "date")),
               Guess("import.guess.number_from", Place(paragraph=3), (("n", 2),), ("sections", 0, "number_from")),
               Guess("import.guess.items", Place(table=2, row=4, cell=1), (("count", 3),))]
    text = write_yaml(plan, guesses, "x")
    lines = text.splitlines()
    i = lines.index("  date: '2024-11-11'")
    assert lines[i - 1].strip().startswith("# 从原文第12段读出，请核对") and "二〇二四年十一月十一日" in lines[i - 1]
    j = lines.index("    number_from: 2")
    assert "第3段" in lines[j - 1] and lines[j - 1].startswith("    #")
    # a guess without a data path is listed in the header, with its place
    head = lines[: lines.index("plancc: 1")]
    assert any("第2个表格第4行第1格" in line for line in head)
    assert yaml.safe_load(text) == plan


def test_english_comments_with_lang_en():
    plan = {"plancc": 1, "document": {"title": "方案", "date": "2024-11-11"}}
    g = Guess("import.guess.date", Place(paragraph=12), (("text", "二〇二四年"),), ("document", "date"))
    text = write_yaml(plan, [g], "x", lang="en")
    assert "read from paragraph 12" in text or "read from" in text
    assert "请核对" not in text


def test_a_comment_cannot_break_out_of_its_line():
    g = Guess("import.guess.caption", Place(paragraph=1), (("text", "表\nplancc: 2\n"),))
    plan = {"plancc": 1, "document": {"title": "方案"}}
    text = write_yaml(plan, [g], "x\ny.docx")
    assert yaml.safe_load(text) == plan


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30))
def test_any_text_loads_back_the_same(value):
    plan = _plan(value)
    assert yaml.safe_load(write_yaml(plan, [], "x")) == plan


def test_a_guess_at_the_first_key_of_a_list_item_is_not_lost():
    plan = {"plancc": 1, "document": {"title": "方案"}, "sections": [{"title": "甲", "content": ["x"]}]}
    g = Guess("import.guess.unladdered", Place(paragraph=5), (("text", "第一部分"),), ("sections", 0, "title"))
    lines = write_yaml(plan, [g], "x").splitlines()
    i = lines.index("  - title: 甲")
    assert "第5段" in lines[i - 1] and lines[i - 1].startswith("  #")
