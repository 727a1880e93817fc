"""Which item of a list is which: the one registry ``plancc diff`` pairs items by.

A plan's lists are compared by what their items are called, never by position: a
module that moved up the list is the same module, a phase whose dates changed is the
same phase. Each entry names a list of the plan language (``*`` for any item of the
list above it) and says

* ``keys``: the fields whose values name an item (all of them together); an item
  written as plain text is named by its text;
* ``noun``: what one item is called in a summary (“模块”, “阶段”).

A list that is not here is compared as a sequence (its items' texts, in order), such
as a phase's tasks or a section's paragraphs. A new list of the plan language gets its
entry here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any, Optional


@dataclass(frozen=True)
class Identity:
    keys: tuple[str, ...]
    noun: str
    noun_en: str


_SECTIONS = Identity(("title",), "小节", "section")

#: list path (keys, "*" for an item) → how its items are named
LISTS: dict[tuple[str, ...], Identity] = {
    ("document", "basis"): Identity(("title",), "依据文件", "basis document"),
    ("document", "attachments"): Identity(("label",), "附件", "attachment"),
    ("document", "title"): Identity((), "标题行", "title line"),
    ("hours", "components"): Identity(("name",), "学时组成", "hours component"),
    ("tiers",): Identity(("name",), "层次", "tier"),
    ("stages",): Identity(("name",), "学段", "stage"),
    ("posts",): Identity(("name",), "岗位", "post"),
    ("modes",): Identity(("name",), "培训方式", "mode"),
    ("module_sets",): Identity(("id",), "模块组", "module set"),
    ("module_sets", "*", "modules"): Identity(("name",), "模块", "module"),
    ("catalog", "courses"): Identity(("stage", "subject", "module", "title"), "课程", "course"),
    ("phases",): Identity(("name",), "阶段", "phase"),
    ("assessments",): Identity(("id",), "考核方案", "assessment"),
    ("assessments", "*", "components"): Identity(("name",), "考核组成", "assessment component"),
    ("assessments", "*", "items"): Identity(("part", "category", "name"), "考核项目", "assessment item"),
    ("assessments", "*", "bands"): Identity(("name",), "等次", "grade"),
    ("evaluations",): Identity(("id",), "评价表", "evaluation"),
    ("evaluations", "*", "items"): Identity(("category", "indicator", "sub"), "评价指标", "indicator"),
    ("rubrics",): Identity(("id",), "评分细则", "rubric"),
    ("rubrics", "*", "items"): Identity(("name",), "评分项目", "rubric item"),
    ("groups",): Identity(("id",), "小组", "group"),
    ("groups", "*", "members"): Identity(("name",), "成员", "member"),
    ("audience", "exemptions"): Identity(("reason",), "免修规定", "exemption"),
    ("sections",): _SECTIONS,
}

#: catalog rows may be written as lists in this column order (plancc.model.curriculum.Course)
_COURSE_ROW = ("stage", "subject", "module", "title", "hours")
_COURSE_KEYS = LISTS[("catalog", "courses")].keys


def identity_of(path: tuple) -> Optional[Identity]:
    """The identity of the items of the list at ``path`` (a data path of keys and
    indexes), or None for a list compared as a sequence."""
    if path and path[-1] == "sections":
        return _SECTIONS  # the body's and an attachment's sections, nested to any depth
    shape = tuple("*" if isinstance(p, int) else p for p in path)
    return LISTS.get(shape)


def as_mapping(path: tuple, item: Any) -> Any:
    """An item in its mapping form where the language allows a shorter one (a module or a
    member written as its name, a course written as a row)."""
    ident = identity_of(path)
    if ident is None:
        return item
    if isinstance(item, list) and ident.keys == _COURSE_KEYS:
        return dict(zip(_COURSE_ROW, item))
    if isinstance(item, (str, int, float)) and len(ident.keys) >= 1 and not isinstance(item, bool):
        return {ident.keys[-1]: item}
    return item


def keyer(path: tuple):
    """A function giving what names an item of the list at ``path`` (a tuple of its key
    fields' values, None when it has none), or None for a list compared as a sequence.
    Made once per list: a catalog has thousands of rows."""
    ident = identity_of(path)
    if ident is None:
        return None
    keys = ident.keys
    if not keys:
        return lambda item: (str(item),)
    is_course = keys == _COURSE_KEYS
    last = keys[-1]
    width = len(keys)
    texts = (str,) * width

    def key(item: Any) -> Optional[tuple]:
        if is_course and type(item) is list:  # the common case: a catalog row written as a list
            values = tuple(item[:width])
            # every key a non-empty text, tested without a Python call per value
            if tuple(map(type, values)) == texts and "" not in values:
                return values
            if not all(type(v) is str for v in values):
                values = tuple(_plain(v) for v in values)
        elif isinstance(item, dict):
            values = tuple(_plain(item.get(k)) for k in keys)
        elif isinstance(item, (str, int, float)) and not isinstance(item, bool):
            values = tuple(item if k == last else None for k in keys)
        else:
            return None
        if all(v is None or v == "" for v in values):
            return None
        return values

    return key


def keys_of(path: tuple, items: list) -> list[Optional[tuple]]:
    """``[key(item) for item in items]`` for the list at ``path`` (see :func:`keyer`). A catalog
    written as rows of non-empty texts, the usual form of thousands of rows, is keyed by
    slicing every row in C and checking the slices at once."""
    key = keyer(path)
    if key is None:
        return [None] * len(items)
    ident = identity_of(path)
    if ident is not None and ident.keys == _COURSE_KEYS and items and set(map(type, items)) == {list}:
        width = len(ident.keys)
        rows = list(map(tuple, map(itemgetter(slice(0, width)), items)))
        values = list(chain.from_iterable(rows))
        if (set(map(len, rows)) == {width} and set(map(type, values)) == {str}
                and all(values)):  # each row's keys: width non-empty texts
            return rows
    return [key(item) for item in items]


def key_of(path: tuple, item: Any) -> Optional[tuple]:
    """What names ``item`` of the list at ``path`` (see :func:`keyer`)."""
    k = keyer(path)
    return None if k is None else k(item)


def name_of(path: tuple, item: Any) -> str:
    """An item's name in a summary: its key values joined (“初中·数学·学科教学·函数”)."""
    key = key_of(path, item)
    if key is None:
        return ""
    return "·".join(str(v) for v in key if v not in (None, ""))


def _plain(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return repr(v)
    return v
