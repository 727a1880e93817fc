"""The message catalog: the same keys and placeholders in every language, and every key
a module asks for exists."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from plancc.catalog import LANGS, message, table

ROOT = Path(__file__).resolve().parent.parent


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_every_language():
    keys = {lang: set(table(lang)) for lang in LANGS}
    assert keys["zh"] == keys["en"], keys["zh"] ^ keys["en"]


@pytest.mark.parametrize("key", sorted(table("zh")))
def test_both_languages_take_the_same_placeholders(key):
    zh, en = table("zh")[key], table("en")[key]
    assert _fields(zh) == _fields(en), (zh, en)
    assert zh.strip() or key.endswith(".empty"), key
    if re.search(r"[\u4e00-\u9fff]", en.replace("〔", "").replace("〕", "")):
        # English may quote Chinese forms (机关代字〔年份〕) but is not Chinese prose
        assert len(re.findall(r"[\u4e00-\u9fff]", en)) < len(en) / 3, en


def _asked_keys():
    """Keys passed as literal strings to message()/msg() anywhere in plancc, and to the
    exceptions and values worded later from a key (Worded, OutlineError)."""
    found = set()
    for path in (ROOT / "plancc").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("message", "msg", "Worded", "OutlineError"):
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    found.add((path.relative_to(ROOT).as_posix(), node.args[0].value))
    return sorted(found)


@pytest.mark.parametrize("where, key", _asked_keys())
def test_every_key_asked_for_exists(where, key):
    assert key in table("zh"), f"{where} asks for {key}"


def test_an_unknown_key_shows_itself_and_does_not_fail():
    assert message("no.such.key", "zh") == "no.such.key"


def test_words_given_as_a_key_are_found_by_the_key_check():
    asked = {key for _, key in _asked_keys()}
    assert {"outline.unknown", "profile.table_too_wide", "time.cycle.outside", "list.sep"} <= asked


def test_a_list_is_joined_in_the_language():
    from plancc.catalog import Listed, joined

    assert joined(["甲", "乙"], "zh") == "甲、乙"
    assert joined(["a", "b"], "en") == "a, b"
    assert Listed(["a", "b"]).words("en") == "a, b"
