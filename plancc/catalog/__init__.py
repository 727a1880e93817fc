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


class Phrase:
    """Words a rule puts into its message before the language is known: the message's
    formatter renders it in the user's language (``Phrase("figures.mode.missing")``).
    ``Phrase.listing(items)`` joins items as the language does (“甲、乙” / "a, b")."""

    __slots__ = ("key", "values", "items")

    def __init__(self, key: str, /, **values):
        self.key, self.values, self.items = key, values, None

    @classmethod
    def listing(cls, items) -> "Phrase":
        p = cls("list.sep")
        p.items = [str(i) for i in items]
        return p

    def render(self, lang: str | None) -> str:
        if self.items is not None:
            return message("list.sep", lang).join(self.items)
        values = {k: v.render(lang) if isinstance(v, Phrase) else v for k, v in self.values.items()}
        return message(self.key, lang, **values)

    def __eq__(self, other) -> bool:
        return isinstance(other, Phrase) and (self.key, self.values, self.items) == (other.key, other.values, other.items)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.values!r})" if self.items is None else f"Phrase.listing({self.items!r})"

    def __str__(self) -> str:
        return self.render(DEFAULT)


def has(key: str) -> bool:
    return key in table(DEFAULT)
