"""Every guess recognise can make is worded in both languages with the values it carries."""

import ast
from pathlib import Path

import pytest

from plancc.catalog import message, table
from tests.helpers import ROOT


def _guess_keys() -> set[str]:
    keys = set()
    for path in (ROOT / "plancc" / "importer" / "recognise").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "guess" and node.args:
                if isinstance(node.args[0], ast.Constant):
                    keys.add((node.args[0].value, tuple(k.arg for k in node.keywords)))
    return keys


def test_the_recognisers_make_guesses():
    assert len({k for k, _ in _guess_keys()}) >= 8


@pytest.mark.parametrize("key, names", sorted(_guess_keys()))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_guess_is_worded_with_its_values(key, names, lang):
    assert key.startswith("import.guess.") and key in table(lang)
    words = message(key, lang, **{n: "X" for n in names})
    assert "{" not in words and ("X" in words or not names)
