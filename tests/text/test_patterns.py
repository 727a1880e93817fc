"""plancc.text.patterns: a pattern compiled when first asked for, then kept."""

import re

from plancc.text.patterns import lazy


def test_compiled_on_first_call_and_kept(monkeypatch):
    made = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, f=0: made.append(p) or real(p, f))
    pattern = lazy(r"[\u4e00-\u9fff]+")
    assert made == []  # nothing compiled at definition
    assert pattern().findall("共 72 学时") == ["共", "学时"]
    assert pattern() is pattern()
    assert made == [r"[\u4e00-\u9fff]+"]


def test_flags_and_text():
    pattern = lazy("abc", re.IGNORECASE)
    assert pattern.pattern == "abc"
    assert pattern().fullmatch("ABC")
    assert "abc" in repr(pattern)


def test_no_rule_module_compiles_a_cjk_class_at_import():
    """The heavy patterns of the rules stay uncompiled until a rule needs them."""
    from plancc.check.rules import time
    from plancc.check.rules.prose import punctuation
    from plancc.quantities import amount, expr

    for holder in (punctuation._HALF_WIDTH, expr._TOKEN, time._LENGTH_RE, time._HORIZON_RE, amount._RE):
        assert callable(holder) and isinstance(holder.pattern, str)
