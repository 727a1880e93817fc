"""PL810: the same paragraph written twice in one plan, or a sentence twice in one paragraph.

A plan assembled from earlier plans by copy and paste often keeps a paragraph in two
places, or a sentence twice in a row; in print both copies show. Only prose is read:

* the flowing text of the document: the sections' paragraphs, ``{text: …}``, list items,
  leads and endings, and the preamble;
* the descriptions of the plan's data (``description``, ``goals``, ``tasks``, ``criteria``,
  ``note``, ``scoring``, ``pass_condition``).

Never table cells, catalog rows, names, ids, titles or other labels: those repeat by
nature (“同上”, “参训教师”, a module's name in every row). Parallel records may also say
the same of each (two assessment schemes whose component “包括课程学习时间……” reads
alike), so two descriptions in the same field of sibling records are not reported; a
paragraph of the document repeated anywhere is.

A paragraph counts from MIN_CHARS characters after whitespace is normalised (runs of it are
one space, and none counts beside Chinese text): fifteen is a full clause (“宾川县中小学幼儿园
全体教师。” has fourteen), so short labels and stock phrases that legitimately recur never
reach it. Sentences inside one paragraph use the same length.

One pass over the strings with a dict keyed by the normalised text: a 20,000-row catalog
costs one test of each string's first path key.
"""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import PER_STRING
from plancc.errors import Worded

MIN_CHARS = 15
#: a string of MIN_CHARS characters or more (the hint of Context.prose_matching; a text holding a
#: NUL, which is an error of its own, is read only when a run without one is that long)
_LONG = re.compile(rf"[^\x00]{{{MIN_CHARS}}}")

# the last mapping key of a string's path that makes it prose (a list item's key is its list's)
_PROSE_KEYS = frozenset({
    "content", "items", "text", "lead", "ending", "preamble", "after_basis",
    "description", "goals", "tasks", "criteria", "note", "scoring", "pass_condition",
})
# strings under these never are (tables, generated data, other documents' titles)
_NOT_PROSE = frozenset({"table", "rows", "columns", "caption", "catalog", "include", "basis", "attachments", "title"})
_END = re.compile(r"[。！？!?]")


def _prose_key(path: tuple) -> str | None:
    """The key naming a string's field, or None when the string is not prose."""
    key = None
    for part in path:
        if isinstance(part, str):
            if part in _NOT_PROSE:
                return None
            key = part
    return key if key in _PROSE_KEYS else None


def _shape(path: tuple) -> tuple:
    return tuple("#" if isinstance(p, int) else p for p in path)


def _flowing(path: tuple) -> bool:
    """Text of the document itself (sections, preamble), not a description in the data."""
    return path[:1] == ("sections",) or path[:2] == ("document", "preamble")


_WIDE_SPACE = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")


def _norm(text: str) -> str:
    """Whitespace normalised: runs become one space, and none is left beside a Chinese character or
    mark (a line break inside a Chinese sentence is no difference; one between English words is)."""
    words = text.split()
    if len(words) == 1:
        return words[0]
    return _WIDE_SPACE.sub("", " ".join(words))


def _snippet(text: str) -> str:
    return text if len(text) <= 16 else text[:16] + "…"


@rule(
    "PL810",
    "repeated-text",
    family="prose",
    severity="warning",
    title="同一段文字写了两遍",
    title_en="the same text is written twice",
    message="{what}与前文重复：“{sample}”",
    message_en="{what} repeats earlier text: '{sample}'",
    doc_en="""
    The same paragraph in two places of one plan, or the same sentence twice in one paragraph, is usually
    a copy-and-paste slip; both copies print. Paragraphs of at least 15 characters (whitespace normalised)
    are compared: the sections' paragraphs, list items, leads and endings, the preamble, and the
    descriptions in the data (goals, tasks, criteria…). Table cells, catalog rows, names and labels are
    not read, and two sibling records whose same field reads alike (two schemes describing one component)
    are not reported. The finding points at the second copy; the first is the related place.
    Fix: delete one copy or rewrite it.
    """,
)
def repeated_text(ctx):
    """
    同一段文字在方案里出现两次，或同一句话在一段里写了两遍，通常是复制粘贴时的疏漏，印出来两处都在。比较的是不少于 15 个字（空白归一后）的段落：各章节的段落、列表项、引导语和结束语、前言，以及数据中的说明文字（目标、任务、标准……）。表格单元格、课程目录、名称和标签不读；并列记录的同一字段写法相同（两个考核方案对同一考核项的说明一样）不报告。诊断指向第二处，第一处列为相关位置。

    怎么改：删去一处，或改写。
    """
    groups: dict[str, list[tuple[tuple, str]]] = {}
    for path, text in ctx.prose_matching(_LONG, outside=("catalog", "include")):  # most strings of a large plan
        if _prose_key(path) is None:
            continue
        norm = _norm(text)
        if len(norm) < MIN_CHARS:
            continue
        groups.setdefault(norm, []).append((path, text))
        yield from _within(path, text)
    for norm, places in groups.items():
        if len(places) < 2:
            continue
        places.sort(key=lambda place: _position(ctx, place[0]))  # the walk is not in document order; the source is
        first_path, first_text = places[0]
        reported = 0
        for path, _text in places[1:]:
            if not _flowing(path) and not _flowing(first_path) and _shape(path) == _shape(first_path):
                continue  # sibling records saying the same of each
            reported += 1
            if reported > PER_STRING:  # a text pasted a thousand times: the first hundred copies
                break
            yield Finding(path, {"what": Worded("prose.repeat.paragraph"), "sample": _snippet(norm)},
                          related=[(first_path, _snippet(first_text))])


def _position(ctx, path: tuple) -> tuple:
    """Where a value is written: (file, line, column); unknown places last."""
    span = ctx.loaded.source.locate(path)
    if span is None:
        return (1, "", 0, 0)
    return (0, ctx.loaded.file_of(path) or "", span.line, span.column)


def _within(path: tuple, text: str):
    """A sentence written twice in one paragraph: the second copy, with its place in the string.

    Sentences are cut at their end marks, found by one scan (linear in the paragraph's length)."""
    if text.count("。") + text.count("！") + text.count("？") + text.count("!") + text.count("?") < 2:
        return
    sentences: set[str] = set()
    start = 0
    for m in _END.finditer(text):
        raw = text[start : m.end()]
        begin, start = m.end() - len(raw.lstrip()), m.end()
        s = _norm(raw)
        if len(s) < MIN_CHARS:
            continue
        if s in sentences:
            yield Finding(path, {"what": Worded("prose.repeat.sentence"), "sample": _snippet(s)}, text_range=(begin, m.end() - begin))
            return
        sentences.add(s)
