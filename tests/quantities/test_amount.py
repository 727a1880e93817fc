"""Figures as plans write them: numbers, floors, ceilings, units, references."""

from fractions import Fraction

import pytest

from plancc.quantities.amount import AmountError, Interval, parse_amount, show_interval


@pytest.mark.parametrize("text, number, at_least, at_most, unit", [
    (72, 72, False, False, None),
    (2.5, Fraction(5, 2), False, False, None),
    ("≥150", 150, True, False, None),
    (">= 150", 150, True, False, None),
    ("不少于50学时", 50, True, False, "学时"),
    ("不少于 50 学时", 50, True, False, "学时"),
    ("至少 3 次", 3, True, False, "次"),
    ("150人以上", 150, True, False, "人"),
    ("150及以上", 150, True, False, None),
    ("≤15", 15, False, True, None),
    ("不超过15学分", 15, False, True, "学分"),
    ("5%以内", 5, False, True, "%"),
    ("40以下", 40, False, True, None),
    ("25%", 25, False, False, "%"),
    ("1,440分钟", 1440, False, False, "分钟"),
])
def test_amounts_plans_write(text, number, at_least, at_most, unit):
    a = parse_amount(text)
    assert (a.number, a.at_least, a.at_most, a.unit) == (Fraction(number), at_least, at_most, unit)


def test_a_reference_instead_of_a_number():
    a = parse_amount("≥{=hours.required}")
    assert a.ref == "hours.required" and a.number is None and a.at_least


@pytest.mark.parametrize("text", ["abc", "", "≥", "不少于50以下", "50 60", "1e5", "五十", True])
def test_what_is_not_a_figure(text):
    with pytest.raises(AmountError):
        parse_amount(text)


def test_intervals_add_and_meet():
    floors = Interval(Fraction(150), None) + Interval(Fraction(250), None)
    assert show_interval(floors) == "≥400"
    assert floors.meets(Interval(Fraction(400), Fraction(400)))
    assert not floors.meets(Interval(Fraction(300), Fraction(300)))
    ceilings = Interval(Fraction(0), Fraction(30)) + Interval(Fraction(0), Fraction(40))
    assert show_interval(ceilings) == "≤70" and not ceilings.meets(Interval(Fraction(100), Fraction(100)))
    assert show_interval(Interval(Fraction(40), Fraction(70))) == "40–70"


def test_decimals_add_exactly():
    parts = [parse_amount(x).interval() for x in (0.1, 0.2)]
    assert (parts[0] + parts[1]).exact == Fraction(3, 10)
