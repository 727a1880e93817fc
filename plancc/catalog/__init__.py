"""The message catalog: every word plancc shows a user, in each language it speaks.

One way to ask for a message in a language, for every stage and the command line::

    from plancc.catalog import message
    message("PL006", lang, what=..., key="limits.max_depth")

The words are data: ``zh.py`` and ``en.py`` hold one entry per key (a
``str.format`` template), with the same keys and placeholders in both; a
test holds them to that. Only the language asked for is loaded, on first use.
"""

from __future__ import annotations

import importlib

LANGS = ("zh", "en")
DEFAULT = "zh"

_TABLES: dict[str, dict[str, str]] = {}


def language(lang: str | None) -> str:
    """A language plancc speaks: "en" when asked for, Chinese otherwise."""
    return "en" if lang == "en" else DEFAULT


def table(lang: str | None) -> dict[str, str]:
    """Every message of one language, by key."""
    lang = language(lang)
    found = _TABLES.get(lang)
    if found is None:
        found = _TABLES[lang] = importlib.import_module(f"plancc.catalog.{lang}").MESSAGES
    return found


def message(key: str, lang: str | None = DEFAULT, /, **values) -> str:
    """The message `key` in `lang`, filled with `values`.

    A key missing from the catalog is a defect (tests check every key used);
    at run time it shows the key itself rather than failing the command.
    """
    template = table(lang).get(key)
    if template is None:
        return key
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def counted(key: str, n: int, lang: str | None = DEFAULT, /, **values) -> str:
    """A message about `n` things: ``key.one`` when n is 1, ``key.other`` otherwise
    (English says "1 file", "2 files"; Chinese writes both the same)."""
    return message(f"{key}.one" if n == 1 else f"{key}.other", lang, n=n, **values)


def has(key: str) -> bool:
    return key in table(DEFAULT)


def joined(items, lang: str | None = DEFAULT, /) -> str:
    """Items written as a list in `lang`: 甲、乙、丙 in Chinese, "a, b, c" in English
    (the separator is the catalog's ``list.sep``)."""
    return message("list.sep", lang).join(str(item) for item in items)


class Listed:
    """Items to be written as a list in the language of the message they go into
    (a rule's finding does not know the language; the diagnostic does)."""

    def __init__(self, items):
        self.items = list(items)

    def words(self, lang: str | None = DEFAULT) -> str:
        return joined(self.items, lang)
