"""Inline emphasis: the parser-free path for plain **粗体** agrees with markdown-it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plancc.layout.inline import _markdown_runs, _simple_bold, parse_inline


def _shape(runs):
    """Texts and boldness, ignoring empty runs (markdown-it emits some) and splits."""
    out = []
    for r in runs:
        if not r.text:
            continue
        if out and out[-1][1] == r.bold:
            out[-1] = (out[-1][0] + r.text, r.bold)
        else:
            out.append((r.text, r.bold))
    return out


def test_plain_bold_pairs_need_no_parser():
    runs = _simple_bold("**备注**：完成必做考核项目，**至少**达到78分", "self")
    assert runs is not None
    assert _shape(runs) == [("备注", True), ("：完成必做考核项目，", False), ("至少", True), ("达到78分", False)]


def test_escapes_lone_asterisks_and_punctuation_edges_go_to_markdown_it():
    for text in ["\\*\\*不加粗\\*\\*", "5*3=15", "**“引号”**后", "** 空格 **", "*斜体*", "**a\nb**"]:
        assert _simple_bold(text, "self") is None


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="*备注a1 “”：，_\\\t\u3000", max_size=16))
@example("**备注**：")
@example("要求**备注**后")
@example("**a****b**")
@example("**a**b**c**")
def test_the_fast_path_agrees_with_markdown_it(text):
    fast = _simple_bold(text, "self")
    if fast is not None:
        assert _shape(fast) == _shape(_markdown_runs(text, "self"))
    assert "".join(r.text for r in parse_inline(text)) != "" or text == "" or set(text) <= {"*", "\\"}
