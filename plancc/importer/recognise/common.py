"""What every recogniser shares: the run over a plan's sections, dates and counts as
plans type them, the format of a reference that prints a span exactly as the source
typed it, and the guesses with their places."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from plancc.importer.source import Guess, Place
from plancc.model.dates import PartialDate
from plancc.text.numerals import cn_number, parse_cn_number
from plancc.text.wording import format_value

Path = tuple


@dataclass
class Ctx:
    """One run of recognise: the plan being rewritten, the guesses made, the places known."""

    plan: dict
    places: dict[Path, Place] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)

    def place(self, path: Path) -> Place:
        """The place of the prose at `path` (or of its nearest enclosing part that has one)."""
        p = tuple(path)
        while p:
            if p in self.places:
                return self.places[p]
            p = p[:-1]
        return Place()

    def guess(self, key: str, source: Path, data: Path, **values: Any) -> None:
        self.guesses.append(Guess(key=key, place=self.place(source), values=tuple(values.items()), path=tuple(data)))


#: a paragraph longer than this is not searched for a sentence of data (no sentence of data is
#: this long; it keeps every pattern linear in what it reads)
LONGEST = 4000


#: sections deeper than this are not looked into (they stay prose): no plan nests so deep, and a
#: path grows with the depth, so a hostile nesting would make every walk quadratic
WALK_DEPTH = 64


def walk(sections: list, base: Path = ("sections",)) -> Iterator[tuple[Path, dict]]:
    """Every section (depth first, in document order) with its path, down to :data:`WALK_DEPTH`
    levels; iterative. A recogniser may rewrite the section it is given (its content and subsections)."""
    stack: list[tuple[Path, list, int, int]] = [(base, sections if isinstance(sections, list) else [], 0, 1)]
    while stack:
        where, items, i, depth = stack.pop()
        if i >= len(items):
            continue
        stack.append((where, items, i + 1, depth))
        s = items[i]
        if not isinstance(s, dict):
            continue
        yield where + (i,), s
        subs = s.get("sections")
        if isinstance(subs, list) and subs and depth < WALK_DEPTH:
            stack.append((where + (i, "sections"), subs, 0, depth + 1))


def lst(d: Any, key: str) -> list:
    """``d[key]`` when it is a list of the plan's parts, else an empty list (never fails on junk)."""
    v = d.get(key) if isinstance(d, dict) else None
    if not isinstance(v, list) or (key == "sections" and not all(isinstance(x, dict) for x in v)):
        return []
    return v


def own_list(d: dict, key: str) -> list:
    """``d[key]`` as a list to add to (made when missing or not a list)."""
    v = d.get(key)
    if not isinstance(v, list):
        v = d[key] = []
    return v


def paragraphs(section: dict) -> list[str]:
    """The plain-text paragraphs of a section's content (options-paragraphs' text too)."""
    out = []
    for c in lst(section, "content"):
        if isinstance(c, str):
            out.append(c)
    return out


def entries(section: dict) -> Optional[list[str]]:
    """The numbered entries directly under a section, as the structure stage may give them:
    untitled subsections of one paragraph each, or one list (``{items: […]}``) in the
    section's numbering; None when it holds anything else."""
    subs = lst(section, "sections")
    content = lst(section, "content")
    if subs and not content:
        out = []
        for s in subs:
            c = lst(s, "content")
            if s.get("title") or s.get("sections") or s.get("numbering") or s.get("numbered") is False \
                    or len(c) != 1 or not isinstance(c[0], str):
                return None
            out.append(c[0])
        return out
    if not subs and len(content) == 1 and isinstance(content[0], dict) and set(content[0]) == {"items"}:
        items = content[0]["items"]
        return list(items) if all(isinstance(i, str) for i in items) else None
    return None


def only_text(section: dict) -> Optional[str]:
    """The one paragraph of a section with nothing else in it, else None."""
    content = lst(section, "content")
    if len(content) == 1 and isinstance(content[0], str) and not section.get("sections"):
        return content[0]
    return None


# -- numbers ---------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九十两"
CN_NUM = r"[零一二三四五六七八九十两百]+"
COUNT = rf"(?:\d+|{CN_NUM})"


def parse_count(word: str) -> Optional[int]:
    """八 → 8, 十一 → 11, 两 → 2, 11 → 11."""
    if word.isdigit():
        return int(word)
    n = parse_cn_number(word)
    # only a number as plancc writes it (十一, not 一十一 or 十十), so that the count prints back the same
    return n if n is not None and (cn_number(n) == word or (n == 2 and word == "两")) else None


def count_ref(name: str, word: str, value: int) -> Optional[str]:
    """The reference that prints `value` the way `word` is written, when it does."""
    for fmt in ("", "cn", "count"):
        if format_value(value, [fmt] if fmt else []) == word:
            return "{=" + name + (":" + fmt if fmt else "") + "}"
    return None


def count_format(word: str, value: int, prefer: tuple[str, ...] = ("cn", "count", "")) -> Optional[str]:
    """``:count``, ``:cn`` or "" — the format of a pattern's count that prints `word` (the first of
    `prefer` that does); None when none does."""
    for fmt in prefer:
        if format_value(value, [fmt] if fmt else []) == word:
            return ":" + fmt if fmt else ""
    return None


#: a figure as the source types it (72, 7.2): one group, read with :func:`number`
NUM = r"(\d+(?:\.\d+)?)"
#: the spaces a clerk may type between a figure and its words (half- or full-width)
SP = r"[ \u3000]*"


def number(text: str) -> int | float:
    v = float(text)
    return int(v) if v.is_integer() else v


# -- dates -------------------------------------------------------------------------

DATE = rf"(\d{{4}}){SP}年{SP}(\d{{1,2}}){SP}月(?:{SP}(\d{{1,2}}){SP}[日号])?"
SEP = r"(?:--|——|—|–|-|－|~|～|至|到|一)"  # “一” typed for a dash: 2025年5月一6月
_DATE_RE = re.compile(DATE)
#: a span: 2022年11月-2023年4月, 2023年4月1日—4月30日, 2024年7-9月, 2022年11月25日—12月10日
SPAN = (
    rf"{DATE}{SP}{SEP}{SP}(?:(?:(\d{{4}}){SP}年{SP})?(\d{{1,2}}){SP}月(?:{SP}(\d{{1,2}}){SP}[日号])?"
    rf"|(\d{{1,2}}){SP}[日号])"
)
SPAN_SHORT = rf"(\d{{4}}){SP}年{SP}(\d{{1,2}}){SP}{SEP}{SP}(\d{{1,2}}){SP}月"
_SPAN_RE = re.compile(SPAN)
_SHORT_RE = re.compile(SPAN_SHORT)


def _date(y, m, d=None) -> Optional[PartialDate]:
    try:
        return PartialDate.parse(f"{int(y)}-{int(m)}" + (f"-{int(d)}" if d else ""))
    except Exception:  # noqa: BLE001 - no such day: not a date after all
        return None


def match_span(text: str, pos: int = 0) -> Optional[tuple[PartialDate, PartialDate, re.Match]]:
    """A span of dates starting at `pos`."""
    m = _SHORT_RE.match(text, pos)
    if m is not None:
        s, e = _date(m.group(1), m.group(2)), _date(m.group(1), m.group(3))
        return (s, e, m) if s and e else None
    m = _SPAN_RE.match(text, pos)
    if m is None:
        return None
    s = _date(m.group(1), m.group(2), m.group(3))
    if m.group(7):  # only a day: the same month
        e = _date(m.group(1), m.group(2), m.group(7))
    else:
        e = _date(m.group(4) or m.group(1), m.group(5), m.group(6))
    if not s or not e or e.first_day < s.first_day:
        return None
    return s, e, m


def match_date(text: str, pos: int = 0) -> Optional[tuple[PartialDate, re.Match]]:
    m = _DATE_RE.match(text, pos)
    if m is None:
        return None
    d = _date(m.group(1), m.group(2), m.group(3))
    return (d, m) if d else None


RANGE_FORMS = ("", "year_once", "full")
RANGE_SEPS = ("", "hyphen", "tilde", "to")


def range_format(start: PartialDate, end: PartialDate, typed: str) -> Optional[str]:
    """The formats (":hyphen", ":full:to", "" for the default) that print the span as typed; None when none does."""
    for form in RANGE_FORMS:
        for sep in RANGE_SEPS:
            fmts = [f for f in (form, sep) if f]
            if format_value((start, end), fmts) == typed:
                return "".join(":" + f for f in fmts)
    return None


def iso(d: PartialDate) -> str:
    return d.iso()


#: the first cell of a total row
TOTAL_WORDS = ("合计", "总分", "总计")


def fresh_id(taken: set, base: str) -> str:
    """`base`, or `base2`, `base3` … the first not taken."""
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    return name


# -- figures cited in prose ----------------------------------------------------------

def outside_refs(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies outside every ``{…}`` already in the text."""
    depth_open = text.rfind("{", 0, start)
    return depth_open == -1 or text.find("}", depth_open) < start


def cite(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) replaced by its reference; overlapping spans keep the first."""
    out, at = [], 0
    for s, e, ref in sorted(spans):
        if s < at:
            continue
        out.append(text[at:s])
        out.append(ref)
        at = e
    out.append(text[at:])
    return "".join(out)


#: a clause ends at these marks
CLAUSE_END = "，。；,;！？"


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of `text` (between “，。；”)."""
    out, at = [], 0
    for i, ch in enumerate(text):
        if ch in CLAUSE_END:
            out.append((at, i))
            at = i + 1
    if at < len(text):
        out.append((at, len(text)))
    return out


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence (between “。；”) around `pos`."""
    s = max(text.rfind(c, 0, pos) for c in "。；;") + 1
    ends = [i for i in (text.find(c, pos) for c in "。；;") if i != -1]
    return s, (min(ends) if ends else len(text))
