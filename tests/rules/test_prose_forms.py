"""PL802 and PL803 in detail: each placeholder at its own column, each 文号 fault named."""

from __future__ import annotations

import time

import pytest

from tests.helpers import MINIMAL, check, line_of, only


def _columns(text: str, code: str = "PL802") -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in only(check(text), code)]


def test_two_equal_placeholders_get_their_own_columns():
    text = MINIMAL + "audience: XX县和XX镇的教师。\n"
    line = text.splitlines()[-1]
    found = _columns(text)
    assert [c for _, c, _ in found] == [line.index("XX") + 1, line.index("XX镇") + 1]


def test_equal_placeholders_in_a_quoted_string_with_escapes():
    text = MINIMAL + 'audience: "\\"引号\\" 20__年与20__年"\n'
    line = text.splitlines()[-1]
    cols = [c for _, c, _ in _columns(text)]
    first = line.index("20__") + 1
    assert cols == [first, line.index("20__", first) + 1]


@pytest.mark.parametrize("value, found", [
    ("**县全体教师", "**"),
    ("××县全体教师", "××"),
    ("×县全体教师", "×"),
    ("＊＊县全体教师", "＊＊"),
    ("全体教师（　）人", "（\u3000）"),
    ("培训时间(__-__)月", "(__-__)"),
    ("报到时间（ __ ）", "（ __ ）"),
])
def test_more_placeholder_forms(value, found):
    text = MINIMAL + f'audience: "{value}"\n'
    [(line, col, message)] = _columns(text)
    assert found in message
    assert col == text.splitlines()[-1].index(found) + 1


def test_x_as_a_document_number_is_a_placeholder():
    text = "plancc: 1\ndocument:\n  title: 测试县2024年教师全员培训实施方案\n  number: 测教〔2019〕x号\n"
    [(line, col, message)] = _columns(text)
    assert line == line_of(text, "number:") and col == text.splitlines()[line - 1].index("x号") + 1
    assert "“x”" in message


@pytest.mark.parametrize("value", ["**粗体**的说明", "***粗斜体***", "按**要求**完成，**注意**时间", "a**b", "全体教师（含幼儿园）"])
def test_bold_markup_and_filled_brackets_stay_quiet(value):
    assert not only(check(MINIMAL + f'audience: "{value}"\n'), "PL802")


# -- PL803 --------------------------------------------------------------------------

def _number(number: str, lang: str = "zh") -> str:
    text = f"plancc: 1\ndocument:\n  title: 测试县2024年教师全员培训实施方案\n  number: \"{number}\"\n"
    found = only(check(text, lang=lang), "PL803")
    return found[0].message if found else ""


@pytest.mark.parametrize("number, says, fixed, en", [
    ("〔2019〕x号", ["缺少机关代字", "“x”是未填写的占位符"], None, "placeholder"),
    ("教师?2017?1号", ["“?”", "丢失"], "教师〔2017〕1号", "lost"),
    ("教师[2017]1号", ["“[]”", "六角括号"], "教师〔2017〕1号", "hexagonal"),
    ("教师(2017)1号", ["“()”", "六角括号"], "教师〔2017〕1号", "hexagonal"),
    ("教师（2017）1号", ["“（）”"], "教师〔2017〕1号", "hexagonal"),
    ("教师〔2017〕01号", ["虚位", "“1”"], "教师〔2017〕1号", "leading zeros"),
    ("教师〔2017〕第1号", ["第"], "教师〔2017〕1号", "第"),
    ("教师〔2017〕1", ["缺少“号”字"], "教师〔2017〕1号", "号 is missing"),
    ("教师〔17〕1号", ["四位"], None, "four digits"),
    ("教师〔〕1号", ["缺少年份"], None, "year is missing"),
    ("霍教职9号", ["缺少年份"], None, "year is missing"),
    ("教师 〔2017〕 1号", ["空格"], "教师〔2017〕1号", "spaces"),
    ("教师〔2017〕三号", ["阿拉伯数字"], None, "Arabic"),
])
def test_document_number_says_what_is_wrong(number, says, fixed, en):
    message = _number(number)
    assert message, f"{number} not reported"
    for words in says:
        assert words in message, message
    if "年份" not in "".join(says):
        assert "缺少年份" not in message, message
    if fixed:
        assert f"应写成“{fixed}”" in message
    else:
        assert "应写成" not in message
    assert en in _number(number, "en")


@pytest.mark.parametrize("number", ["霍教职〔2024〕9号", "宾教体〔2022〕15号", "教〔2024〕100号"])
def test_standard_numbers_are_quiet(number):
    assert _number(number) == ""


def test_a_60_kb_document_number_is_checked_in_linear_time():
    # the earlier pattern took 73 s on this
    for number in ("教" + " " * 60_000 + "x", "教〔2024〕" + "0" * 60_000 + "x", "教〔2024〕" + " " * 60_000 + "x"):
        from plancc.check.rules.prose.document import _number_problem

        start = time.perf_counter()
        assert _number_problem(number) is not None
        assert time.perf_counter() - start < 0.5
