"""Heading numbers by rung of the ladder, title line breaking, inline bold."""

import pytest

from plancc.layout.inline import parse_inline
from plancc.layout.numbering import heading_number
from plancc.layout.titles import break_title


@pytest.mark.parametrize(
    "rung, n, expected",
    [(1, 1, "一、"), (1, 11, "十一、"), (2, 3, "（三）"), (3, 2, "2."), (4, 12, "（12）"), (5, 3, "③"), (5, 21, "(21)"),
     (6, 2, "B."), (6, 26, "Z."), (7, 1, "a."), (7, 27, "aa.")],
)
def test_heading_numbers_follow_gbt9704_order_then_circled_then_letters(rung, n, expected):
    assert heading_number(rung, n) == expected


def test_every_rung_has_its_own_form():
    from plancc.text.ladder import MAX_RUNG

    firsts = [heading_number(r, 1) for r in range(1, MAX_RUNG + 1)]
    assert firsts == ["一、", "（一）", "1.", "（1）", "①", "A.", "a."]
    with pytest.raises(ValueError):
        heading_number(MAX_RUNG + 1, 1)


def test_level2_uses_full_width_brackets():
    number = heading_number(2, 1)
    assert number[0] == "\uff08" and number[-1] == "\uff09"


def test_short_title_stays_on_one_line():
    assert break_title("测试县2024年教师全员培训实施方案") == ["测试县2024年教师全员培训实施方案"]


@pytest.mark.parametrize(
    "title",
    [
        "宾川县2022年中小学幼儿园教师继续教育全员培训实施方案",
        "淮北市 2022-2023 学年度初中教师远程全员培训实施方案",
        "落儿岭镇中心学校2024-2025学年度中小学教师全员培训实施方案",
    ],
)
def test_long_title_breaks_into_a_trapezoid_without_splitting_numbers(title):
    lines = break_title(title, 20)
    assert len(lines) == 2
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    top, bottom = lines
    assert len(top) >= len(bottom) - 1  # the upper line is not shorter
    for a, b in [(top[-1], bottom[0])]:
        assert not (a.isdigit() and b.isdigit())
    assert "学年\n度" not in "\n".join(lines)


def test_bold_markers_become_bold_runs():
    runs = parse_inline("确定以“**新形势下的育人方式变革**”为年度培训主题")
    assert [(r.text, r.bold) for r in runs] == [("确定以“", False), ("新形势下的育人方式变革", True), ("”为年度培训主题", False)]


def test_escaped_and_unmatched_markers_stay_literal():
    assert "".join(r.text for r in parse_inline("5*3 与 \\*\\*x\\*\\*")) == "5*3 与 **x**"
    assert all(not r.bold for r in parse_inline("5*3 与 \\*\\*x\\*\\*"))


HOSTILE_TITLES = [
    "某某县2023-2024学年度第一学期中小学教师信息技术应用能力提升工程2.0培训实施方案",
    "关于印发某某市2025年第二学期幼儿园教师和保育员培训工作方案的通知",
    "某某县教育体育局关于做好2024年度中小学幼儿园教师继续教育学时登记和管理工作的实施方案",
    "落儿岭镇中心学校2024-2025学年度第一学期中小学教师全员培训实施方案",
    "（某某县）2025年“国培计划”送教下乡培训实施方案的通知",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_long_title_never_breaks_inside_a_term_a_number_or_a_range(title):
    from plancc.layout.titles import TERMS
    from plancc.layout.width import fit_width

    lines = break_title(title, 20)
    assert "".join(lines) == title
    assert all(fit_width(line) <= 20 for line in lines)
    for upper, lower in zip(lines, lines[1:]):
        joint = upper[-4:] + "|" + lower[:4]
        for term in TERMS:  # no term across the break (学/期, 提/升, 登/记 …)
            for k in range(1, len(term)):
                assert term[:k] + "|" + term[k:] not in joint, (lines, term)
        assert not (upper[-1].isdigit() and (lower[0].isdigit() or lower[0] in "-年月日度")), lines
        assert lower[0] not in "，。、；：）》”"
    # 梯形/菱形: the lines are balanced, the last no longer than the first
    widths = [fit_width(line) for line in lines]
    assert max(widths) - min(widths) <= 6, lines
    assert widths[-1] <= widths[0] + 1.5 or len(lines) == 3  # an upright trapezoid only when nearly even


def test_a_title_prefers_a_break_after_a_date_or_before_the_kind_of_document():
    assert break_title("某某县2025年第一学期中小学教师培训实施方案") == ["某某县2025年第一学期", "中小学教师培训实施方案"]
    assert break_title("宾川县2022年中小学幼儿园教师继续教育全员培训实施方案") == [
        "宾川县2022年中小学幼儿园教师", "继续教育全员培训实施方案"]
