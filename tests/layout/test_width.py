"""The one width estimate (plancc.layout.width) and the layout decisions made with it:
column widths in twips, title lines, the 署名 centred over the date."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from plancc.layout import width
from plancc.layout.columns import scale_widths
from plancc.layout.metrics import Metrics
from plancc.layout.outline import parse_outline
from plancc.layout.profile import load_profile


def test_wide_narrow_and_autospace() -> None:
    assert width.em_width("教师培训") == 4
    assert width.em_width("ABCD") == 4 * width.FIT
    assert width.em_width("ABCD", width.NOMINAL) == 2
    # “ ” — are ambiguous-width: a Chinese font sets them full width
    assert width.em_width("“师德”—") == 5
    assert width.em_width("ç", width.NOMINAL) == 0.5 and width.em_width("ｶ", width.NOMINAL) == 0.5
    # 2024年: a quarter em where the digits meet the ideograph
    assert width.em_width("2024年", width.NOMINAL) == 2 + 1 + width.AUTOSPACE
    assert width.autospaces("第2讲") == 2
    assert width.autospaces("淮北市 2022-2023 学年度") == 1  # after the ASCII stretch, not before a space


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
@settings(max_examples=200, deadline=None)
def test_widths_agree_with_east_asian_width(text: str) -> None:
    plain = width.em_width(text, width.NOMINAL) - width.autospaces(text) * width.AUTOSPACE
    assert plain == sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def test_twips_and_characters_per_line() -> None:
    # digits half, ideographs full, ¼ em autospace, tracking on every character
    assert width.twips("2025年1月6日", 32, -5) == 6 * 160 + 3 * 320 + 9 * -5 + 5 * 80
    assert width.chars_per_line(8845, 44) == 8845 / 440


def test_metrics_from_the_default_profile_match_the_defaults() -> None:
    m = Metrics.from_profile(load_profile())
    assert m.title_chars == Metrics().title_chars == 20
    assert m.table_width == 8844 and m.centring == Metrics().centring
    assert Metrics.from_profile(load_profile(overrides={"signature.center_over_date": False})).centring is None


def test_the_signature_is_centred_over_the_date() -> None:
    """7.3.5.1: the issuer is centred on the date, which sits 4 characters from the margin."""
    xml = "<document><p>正文</p><signature>某某县教师发展中心</signature><date>2025年1月6日</date></document>"
    sig = [b for b in parse_outline(xml).blocks if b.kind == "signature"][0]
    expected = round(1280 + (width.twips("2025年1月6日", 32, -5) - width.twips("某某县教师发展中心", 32, -5)) / 2)
    assert sig.right_indent == expected
    off = Metrics.from_profile(load_profile(overrides={"signature.center_over_date": False}))
    sig = [b for b in parse_outline(xml, off).blocks if b.kind == "signature"][0]
    assert sig.right_indent is None  # the style's 右空二字 applies


def test_columns_come_out_in_twips_adding_up_to_the_table_width() -> None:
    xml = ('<document><table name="t"><col title="日期"/><col title="内容"/>'
           '<row><cell>2024年9月</cell><cell>很长的内容说明很长的内容说明</cell></row></table></document>')
    [t] = parse_outline(xml, Metrics(table_width=9000)).blocks
    assert sum(c.width for c in t.columns) == 9000
    assert all(isinstance(c.width, int) for c in t.columns)
    weighted = parse_outline('<document><table><col title="a" weight="1"/><col title="b" weight="3"/>'
                             '<row><cell>x</cell><cell>y</cell></row></table></document>').blocks[0]
    assert [c.width for c in weighted.columns] == scale_widths([1, 3], 8844) == [2211, 6633]


@given(st.lists(st.floats(min_value=0.01, max_value=100, allow_nan=False), min_size=1, max_size=30),
       st.integers(min_value=100, max_value=20000))
@settings(max_examples=200, deadline=None)
def test_scale_widths_sums_exactly(weights, total) -> None:
    widths = scale_widths(weights, total)
    assert sum(widths) == total
    assert len(widths) == len(weights)
    s = sum(weights)
    for w, wt in zip(widths, weights):
        assert abs(w - wt * total / s) < 1.0 + 1e-9

