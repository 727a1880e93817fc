"""The write stage: a plan dict and its guesses → readable, commented YAML.

The plan is written in block style, Chinese unescaped, one scalar per line; every scalar
is written by ``yaml.safe_dump`` on its own, which quotes exactly what would otherwise
read back as something else (“yes”, “1.0”, “{=x}”, “- ”, “：” and “#” where they
matter, leading spaces, tabs, line breaks). Short rows of a table are written as flow
lists. ``yaml.safe_load`` of the text gives the plan back (tests/importer/test_write.py).

A guess with a data path is a comment above the key or item it landed at
(“# 从原文第3段读出，请核对：……”); guesses without one are listed under the header.

Text of the source that the plan language would read as markup is escaped so that it prints
verbatim (:func:`escape_prose`, applied by the structure stage as it makes the prose, before
recognise adds references of its own): a typed ``{=`` is written ``{{=``, and ``**`` pairs
(or any text markdown emphasis would change) have ``*`` and ``\\`` escaped with a backslash.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import yaml

from plancc.catalog import message
from plancc.importer.source import Guess

#: the first line of every plan file, as ``plancc init`` writes it (plancc/scaffold/example.yaml)
MODELINE = "# yaml-language-server: $schema=../schema/plan.schema.json"
#: a list of scalars at most this long (as flow text) is written on one line
FLOW_WIDTH = 160
_INDENT = "  "


# text that is plain YAML as it stands: it begins with a Chinese character or an opening mark
# (never a YAML indicator), holds no half-width colon or #, no control or break character,
# and does not end in a space
_PLAIN = re.compile(r"[\u4e00-\u9fff（“《【〔][^\x00-\x1f\x7f-\x9f#:\u2028\u2029\ufeff\ud800-\udfff]*(?<![ \u3000])")
# characters YAML may not hold raw in a scalar, or would read as a line break
_UNSAFE = re.compile(r"[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]")


_REF_OPEN = re.compile(r"\{+(?==)")
_INLINE_SPECIAL = re.compile(r"[\\*]")


def escape_refs(text: str) -> str:
    """Text in which a typed ``{=`` prints as typed: each run of “{” before “=” gains a brace
    (``{=hours.required}`` → ``{{=hours.required}``; plancc.model.facts.expand_refs takes it off)."""
    return _REF_OPEN.sub(lambda m: "{" + m.group(0), text) if "{=" in text else text


def escape_inline(text: str) -> str:
    """Text that prints as typed in a paragraph, where ``**x**`` is bold (plancc.layout.inline):
    unchanged when emphasis would not change it (a lone ``**``), else every ``*`` and ``\\``
    escaped with a backslash (CommonMark's escapes, which the paragraph parser reads)."""
    if "*" not in text:
        return text
    from plancc.layout.inline import parse_inline

    runs = parse_inline(text)
    if not any(r.bold for r in runs) and "".join(r.text for r in runs) == text:
        return text
    return _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def escape_prose(text: str) -> str:
    """A paragraph's text (references filled, then emphasis) escaped to print as typed."""
    return escape_inline(escape_refs(text))


def _double_quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's), every unsafe character escaped."""
    import json

    out = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}" if ord(m.group(0)) < 0x10000 else f"\\U{ord(m.group(0)):08x}", out)


def scalar(value: Any) -> str:
    """One scalar as YAML text on one line, quoted when it must be."""
    if isinstance(value, str):
        if _PLAIN.fullmatch(value):
            return value
        if "\n" in value or "\r" in value or _UNSAFE.search(value):
            return _double_quoted(value)
    text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_flow_style=False)
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    text = text.rstrip("\n")
    if "\n" in text:  # anything else that would take two lines
        return _double_quoted(value) if isinstance(value, str) else text
    return text


_FLOW_PLAIN = re.compile(r"[\u4e00-\u9fff（“《【〔][^\x00-\x1f\x7f-\x9f#:,\[\]{}\u2028\u2029\ufeff\ud800-\udfff]*(?<![ \u3000])")


def _flow_item(v: Any) -> str:
    if isinstance(v, str):
        return v if _FLOW_PLAIN.fullmatch(v) else _double_quoted(v)
    return scalar(v)


def _flow(items: list) -> str | None:
    """A list of scalars as one flow line, or None when it is not one or too long."""
    if not all(v is None or isinstance(v, (str, int, float, bool)) for v in items):
        return None
    text = "[" + ", ".join(_flow_item(v) for v in items) + "]"
    return None if len(text) > FLOW_WIDTH else text


def guess_words(g: Guess, lang: str = "zh") -> str:
    """What a guess says, without its place."""
    return message(g.key, lang, **dict(g.values))


def guess_comment(g: Guess, lang: str = "zh") -> str:
    return message("import.comment.guess", lang, place=g.place.words(lang), what=guess_words(g, lang))


class _Writer:
    def __init__(self, comments: dict[tuple, list[str]]):
        self.lines: list[str] = []
        self.comments = comments

    def comment(self, path: tuple, depth: int) -> None:
        for text in self.comments.get(path, ()):
            for line in text.splitlines() or [""]:
                self.lines.append(f"{_INDENT * depth}# {line}".rstrip())

    def mapping(self, d: dict, depth: int, path: tuple) -> None:
        pad = _INDENT * depth
        for key, value in d.items():
            here = (*path, key)
            self.comment(here, depth)
            k = scalar(key) if not (isinstance(key, str) and key.isidentifier() and key.isascii()) else key
            self.value(f"{pad}{k}:", value, depth, here)

    def value(self, head: str, value: Any, depth: int, path: tuple) -> None:
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{head} {{}}")
                return
            self.lines.append(head)
            self.mapping(value, depth + 1, path)
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []")
                return
            flow = _flow(value) if not any((*path, i) in self.comments for i in range(len(value))) else None
            if flow is not None and len(value) > 1 and all(not isinstance(v, str) or len(v) <= 40 for v in value):
                self.lines.append(f"{head} {flow}")
                return
            self.lines.append(head)
            self.sequence(value, depth + 1, path)
        else:
            self.lines.append(f"{head} {scalar(value)}")

    def sequence(self, items: list, depth: int, path: tuple) -> None:
        pad = _INDENT * depth
        for i, item in enumerate(items):
            here = (*path, i)
            self.comment(here, depth)
            if isinstance(item, dict) and item:
                first = True
                for key, value in item.items():
                    kp = (*here, key)
                    self.comment(kp, depth if first else depth + 1)  # the first key's comment goes above the “- ”
                    lead = f"{pad}- " if first else f"{pad}  "
                    k = scalar(key) if not (isinstance(key, str) and key.isidentifier() and key.isascii()) else key
                    self.value(f"{lead}{k}:", value, depth + 1, kp)
                    first = False
            elif isinstance(item, list) and item:
                flow = _flow(item)
                if flow is not None:
                    self.lines.append(f"{pad}- {flow}")
                else:
                    self.lines.append(f"{pad}-")
                    self.sequence(item, depth + 1, here)
            else:
                self.value(f"{pad}-", item, depth, here)


def write_yaml(plan: dict, guesses: Iterable[Guess], source_name: str, lang: str = "zh") -> str:
    """The plan as YAML text: modeline, a header naming the source, comments at the guesses."""
    comments: dict[tuple, list[str]] = {}
    unplaced: list[str] = []
    for g in guesses:
        path = tuple(g.path)
        if path and _exists(plan, path):
            comments.setdefault(path, []).append(guess_comment(g, lang))
        else:
            unplaced.append(guess_comment(g, lang))
    from plancc.text.escape import printable

    head = [MODELINE, "#", f"# {message('import.comment.header', lang, source=printable(source_name))}"]
    if unplaced:
        head.append(f"# {message('import.comment.unplaced', lang)}")
        head.extend(f"#   - {printable(u)}" for u in unplaced)
    w = _Writer({k: [printable(t) for t in v] for k, v in comments.items()})
    body = dict(plan)
    body.setdefault("plancc", 1)
    ordered = {"plancc": body.pop("plancc"), **body}
    w.mapping(ordered, 0, ())
    return "\n".join(head + w.lines) + "\n"


def _exists(data: Any, path: tuple) -> bool:
    for key in path:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            data = data[key]
        else:
            return False
    return True
