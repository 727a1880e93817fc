"""The character classes of plancc.model.base are written out; these tests keep them true."""

import re

from plancc.model.base import CONTROL, CONTROL_CODES, RE_SPACE, SPACE, char_class


def test_space_is_what_python_strips():
    assert SPACE == char_class("".join(chr(c) for c in range(0x10000) if chr(c).isspace()))
    spaces = re.compile(f"[{SPACE}]")
    for c in range(0x10000):
        assert bool(spaces.fullmatch(chr(c))) == chr(c).isspace(), hex(c)


def test_the_space_of_python_patterns_is_the_same_set():
    """RE_SPACE (``\\s``) stands for [SPACE] in patterns only Python compiles."""
    written, short = re.compile(f"[{SPACE}]"), re.compile(RE_SPACE)
    for c in range(0x110000):
        assert bool(written.fullmatch(chr(c))) == bool(short.fullmatch(chr(c))), hex(c)


def test_control_is_the_unprintable_codes():
    assert CONTROL == char_class("".join(map(chr, CONTROL_CODES)))
    control = re.compile(f"[{CONTROL}]")
    assert control.fullmatch("\x00") and control.fullmatch("\ud800") and control.fullmatch("\uffff")
    assert not control.fullmatch("\t") and not control.fullmatch("\n") and not control.fullmatch("课")


def test_char_class_joins_runs():
    assert char_class("abcx") == r"\u0061-\u0063\u0078"
    assert char_class("") == ""


def test_printable_text_has_no_control_character():
    """_printable takes str.isprintable() as a quick yes: it must never pass a CONTROL character."""
    control = re.compile(f"[{CONTROL}]")
    for c in range(0x10000):
        if chr(c).isprintable():
            assert not control.match(chr(c)), hex(c)


def test_control_characters_are_refused_whatever_surrounds_them():
    import pytest

    from plancc.model.base import _not_blank, _printable

    for text in ("课程\x07", "\ufffe", "a\ud800b", "全员培训\x0b"):
        with pytest.raises(ValueError, match="control"):
            _printable(text)
    for text in ("课程\t名称", "第一\u3000阶段", "72 学时"):
        assert _printable(text) == text
    with pytest.raises(ValueError, match="blank"):
        _not_blank("\u3000 \t")
