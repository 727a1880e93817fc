"""Derivations: read once, evaluated exactly, converting units only where the result asks."""

from fractions import Fraction

import pytest

from plancc.quantities.expr import EvalError, ExprError, evaluate, parse

RATES = {"hours_per_day": Fraction(6), "days_per_week": Fraction(7), "minutes_per_hour": Fraction(45)}


def value(text, unit=None, rates=RATES, refs=None):
    def rate(name):
        if name not in rates:
            raise EvalError("rate", rate=name)
        return rates[name]

    def ref(name):
        if name not in (refs or {}):
            raise EvalError("ref", ref=name)
        return refs[name]

    return evaluate(parse(text), unit, rate, ref)


@pytest.mark.parametrize("text, unit, expected", [
    ("0.5学时 × 4份", "学时", 2),
    ("16周 × 2学时 × 2学期", "学时", 64),
    ("5天 × 6学时", "学时", 30),
    ("6门 × 240分钟", "分钟", 1440),
    ("20周", "天", 140),
    ("5天", "学时", 30),  # rates.hours_per_day
    ("2天", "分钟", 540),  # chained: 天 → 学时 → 分钟
    ("5天 × 6学时/天", "学时", 30),
    ("1440分钟 ÷ 45分钟/学时", "学时", 32),
    ("（3 + 4）× 2", None, 14),
    ("10 - 2 * 3", None, 4),
    ("3 x 4", None, 12),
    ("60分 × 15%", None, 9),
    ("100分 × 15%", "分", 15),
])
def test_derivations_plans_write(text, unit, expected):
    assert value(text, unit) == expected


def test_references_to_other_figures():
    assert value("{=figures.天数} × 6学时", "学时", refs={"figures.天数": Fraction(5)}) == 30


def test_a_reference_with_a_unit_converts():
    rates = {**RATES, "hours_per_credit": Fraction(6)}
    assert value("{=figures.学时}学时", "学分", rates=rates, refs={"figures.学时": Fraction(30)}) == 5


def test_a_result_written_after_the_equals_sign():
    d = parse("16周×2学时×2学期=64学时")
    assert d.result.number == 64 and d.result.unit == "学时"


def test_a_missing_rate_is_named():
    with pytest.raises(EvalError) as e:
        value("5天", "学时", rates={})
    assert e.value.kind == "rate" and e.value.detail["rate"] == "hours_per_day"


def test_division_by_zero_is_an_error_not_a_crash():
    with pytest.raises(EvalError):
        value("3 ÷ 0")


@pytest.mark.parametrize("text, at", [("16周 ×", 5), ("×3", 0), ("3 3", 2), ("(3", 2), ("abc", 0), ("3 + ", 4)])
def test_unreadable_derivations_say_where(text, at):
    with pytest.raises(ExprError) as e:
        parse(text)
    assert e.value.at == at


@pytest.mark.parametrize("text", ["(" * 5000 + "1" + ")" * 5000, "1+" * 3000 + "1", "(" * 30 + "1" + ")" * 30])
def test_hostile_derivations_are_refused_quickly(text):
    with pytest.raises(ExprError):
        parse(text)
