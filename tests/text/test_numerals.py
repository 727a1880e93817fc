"""Chinese numerals as official documents write them, both directions, and circled numbers."""

from __future__ import annotations

import pytest

from plancc.model.facts import format_fact
from plancc.text.numerals import circled, cn_number, parse_cn_number, section_number

WRITTEN = [
    (0, "零"),
    (1, "一"),
    (2, "二"),
    (9, "九"),
    (10, "十"),
    (11, "十一"),
    (12, "十二"),
    (19, "十九"),
    (20, "二十"),
    (21, "二十一"),
    (30, "三十"),
    (99, "九十九"),
    (100, "一百"),
    (101, "一百零一"),
    (105, "一百零五"),
    (110, "一百一十"),
    (111, "一百一十一"),
    (130, "一百三十"),
    (999, "九百九十九"),
    (1000, "一千"),
    (1001, "一千零一"),
    (1010, "一千零一十"),
    (1020, "一千零二十"),
    (1100, "一千一百"),
    (3000, "三千"),
    (10000, "一万"),
    (10001, "一万零一"),
    (10010, "一万零一十"),
    (10100, "一万零一百"),
    (12345, "一万二千三百四十五"),
    (50005, "五万零五"),
    (100000, "十万"),
    (100001, "十万零一"),
    (100100, "十万零一百"),
    (110000, "十一万"),
    (1000000, "一百万"),
    (1000100, "一百万零一百"),
    (10000000, "一千万"),
    (99999999, "九千九百九十九万九千九百九十九"),
]


@pytest.mark.parametrize("n,text", WRITTEN)
def test_cn_number_writes_the_official_form(n, text):
    assert cn_number(n) == text


@pytest.mark.parametrize("n,text", WRITTEN)
def test_parse_reads_back_what_cn_number_writes(n, text):
    assert parse_cn_number(text) == n


def test_teens_have_no_leading_one():
    # 十一, not 一十一 — but inside a larger number the 一 is written: 一百一十
    assert cn_number(15) == "十五"
    assert cn_number(115) == "一百一十五"


def test_negative_and_very_large_numbers():
    assert cn_number(-3) == "负三"
    # beyond 亿 the function falls back to digits rather than inventing a form
    assert cn_number(100_000_000) == "100000000"


def test_section_numbers_are_plain_numerals():
    assert [section_number(i) for i in range(1, 13)] == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


@pytest.mark.parametrize(
    "text,n",
    [
        ("八", 8),
        ("两", 2),
        ("两百", 200),
        ("两万三千", 23000),
        ("二十五", 25),
        ("十", 10),
        ("百", 100),
        ("一千零五", 1005),
        ("三万", 30000),
        ("〇", 0),
        ("零", 0),
        ("72", 72),
        (" 八 ", 8),
    ],
)
def test_parse_cn_number_reads_counts_in_prose(text, n):
    assert parse_cn_number(text) == n


@pytest.mark.parametrize("text", ["", "   ", "x", "十二个", "eight", "1.5", "-3"])
def test_parse_cn_number_rejects_what_is_not_a_number(text):
    assert parse_cn_number(text) is None


def test_circled_numbers_one_to_twenty_then_parentheses():
    assert circled(1) == "①"
    assert circled(10) == "⑩"
    assert circled(11) == "⑪"
    assert circled(20) == "⑳"
    assert "".join(circled(i) for i in range(1, 21)) == "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
    assert circled(21) == "(21)"
    assert circled(0) == "(0)"


def test_counts_use_liang_for_two_only():
    # a quantity before a measure word: 两个模块, but 二十个, 十二个
    assert format_fact(2, "count") == "两"
    assert format_fact(2.0, "count") == "两"
    assert format_fact(2, "cn") == "二"
    assert format_fact(12, "count") == "十二"
    assert format_fact(20, "count") == "二十"
    assert format_fact(8, "count") == "八"


def test_numeral_formats_refuse_fractions_and_booleans():
    with pytest.raises(ValueError):
        format_fact(2.5, "cn")
    with pytest.raises(ValueError):
        format_fact(True, "count")
    with pytest.raises(ValueError):
        format_fact("三", "cn")
