"""What a change means, in the reader's words: “学时要求 72 → 90”, “模块‘师德养成’删除”,
“阶段‘第三阶段’推迟两周（2024年10月1日 → 2024年10月15日）”.

Field names come from the plan model's own descriptions (their first clause), item
names from the identity registry, sentence patterns from the message catalog
(``diff.*``): no label is written twice.
"""

from __future__ import annotations

import re
import typing
from functools import lru_cache
from typing import Any, Optional

from plancc.catalog import message
from plancc.diff.compare import Change, Named
from plancc.diff.identity import identity_of

#: text longer than this is cut in a summary (the sentences changed are listed apart)
SHORT = 40
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?: (\d{1,2}):(\d{2}))?$")
_SENTENCE = re.compile(r"(?<=[。；！？!?;])")


@lru_cache(maxsize=None)
def _resolve(shape: tuple) -> tuple[Optional[Any], bool]:
    """The pydantic field at a path shape (keys only) of the plan model (or None), and
    whether that field is a mapping whose keys are names (a figure's, a tier's in
    themes): the next key of such a path is a name, and the keys after it are fields of
    the mapping's values."""
    from pydantic import BaseModel

    from plancc.model.plan import Plan

    model: Any = Plan
    info = None
    in_mapping = False
    for key in shape:
        if in_mapping:
            in_mapping = False
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None, False
        info = model.model_fields.get(key)
        if info is None:
            return None, False
        in_mapping = typing.get_origin(info.annotation) is dict
        model = _inner_model(info.annotation)
    return info, in_mapping


def _field(shape: tuple) -> Optional[Any]:
    info, _ = _resolve(shape)
    return info


def _inner_model(annotation: Any) -> Any:
    from pydantic import BaseModel

    stack = [annotation]
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
        stack.extend(typing.get_args(t))
    return None


def label(shape: tuple, lang: str) -> str:
    """A field's name: its title when the model gives one, else the first clause of its
    description (“每位教师需完成的学时”), else its key."""
    key = str(shape[-1]) if shape else ""
    if _mapping_key(shape):
        return key  # a figure's or a tier's own name
    info = _field(shape)
    if lang != "zh" or info is None:
        return key
    from plancc.model.base import field_title

    return field_title(info.title, info.description) or key


def _mapping_key(shape: tuple) -> bool:
    """Whether the last key of ``shape`` is a key of a mapping field (not a field)."""
    return len(shape) >= 2 and _resolve(shape[:-1])[1]


def value_words(v: Any, lang: str) -> str:
    from plancc.model.base import fmt_number

    if v is None:
        return message("diff.none", lang)
    if isinstance(v, bool):
        return message("diff.yes" if v else "diff.no", lang)
    if isinstance(v, (int, float)):
        return fmt_number(v)
    if isinstance(v, str):
        m = _DATE.match(v)
        if m and lang == "zh":
            y, mo, d, hh, mm = m.groups()
            return f"{int(y)}年{int(mo)}月" + (f"{int(d)}日" if d else "") + (f"{int(hh)}:{mm}" if hh else "")
        return v if len(v) <= SHORT else v[: SHORT - 1] + "…"
    if isinstance(v, list):
        if all(isinstance(x, (str, int, float)) or x is None for x in v):
            return value_words("、".join("—" if x is None else value_words(x, lang) for x in v), lang)
        return message("diff.items", lang, n=len(v))
    if isinstance(v, dict):
        for k in ("name", "id", "title"):
            if isinstance(v.get(k), str):
                return v[k]
        return "{…}"
    return str(v)


def subject(named: tuple, shape_of: tuple, lang: str) -> str:
    """The thing changed: items by noun and name, then the field (“考核方案‘分层项目’的考核组成‘过程性考核’的权重”)."""
    parts: list[str] = []
    path: list = []
    for p, raw in zip(named, shape_of):
        if isinstance(p, Named):
            ident = identity_of(tuple(path))
            noun = (ident.noun if lang == "zh" else ident.noun_en) if ident else ""
            parts.append(message("diff.item", lang, noun=noun, name=str(p)) if p.name else
                         message("diff.item_n", lang, noun=noun, n=p.index + 1))
        elif isinstance(p, int):
            parts.append(message("diff.paragraph" if path and path[-1] == "content" else "diff.nth", lang, n=p + 1))
        path.append(raw)
    shape = tuple(x for x in path if not isinstance(x, int))
    last = named[-1] if named else None
    if last is not None and not isinstance(last, (Named, int)):
        parts.append(label(shape, lang))
    if not parts:
        return message("diff.plan", lang)
    return message("diff.of", lang).join(parts)


def days_between(a: str, b: str) -> Optional[int]:
    import datetime as dt

    ma, mb = _DATE.match(a), _DATE.match(b)
    if not (ma and mb and ma.group(3) and mb.group(3)):
        return None
    da = dt.date(int(ma.group(1)), int(ma.group(2)), int(ma.group(3)))
    db = dt.date(int(mb.group(1)), int(mb.group(2)), int(mb.group(3)))
    return (db - da).days


def _month_index(v: str) -> Optional[int]:
    m = _DATE.match(v)
    return int(m.group(1)) * 12 + int(m.group(2)) if m else None


def shift_words(a: str, b: str, lang: str) -> Optional[str]:
    """“推迟两周” / “提前3天” / “推迟1个月” between two dates, None when they are not dates."""
    days = days_between(a, b)
    if days is None:
        ma, mb = _month_index(a), _month_index(b)
        if ma is None or mb is None or ma == mb:
            return None
        if _DATE.match(a).group(3) or _DATE.match(b).group(3):  # type: ignore[union-attr]
            return message("diff.shift.later" if (b > a) else "diff.shift.earlier", lang, by="")
        by = message("diff.months", lang, n=_count(abs(mb - ma), lang))
        return message("diff.shift.later" if mb > ma else "diff.shift.earlier", lang, by=by)
    if days == 0:
        return None
    n = abs(days)
    if n % 7 == 0:
        by = message("diff.weeks", lang, n=_count(n // 7, lang))
    else:
        by = message("diff.days", lang, n=n)
    return message("diff.shift.later" if days > 0 else "diff.shift.earlier", lang, by=by)


def _count(n: int, lang: str) -> Any:
    """“两周”, “三个月” in Chinese for small counts, digits otherwise."""
    from plancc.text.numerals import cn_number

    if lang != "zh" or n > 10:
        return n
    return "两" if n == 2 else cn_number(n)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def text_change(a: str, b: str) -> tuple[list[str], list[str]]:
    """The sentences removed from ``a`` and added in ``b`` (a sentence-level diff)."""
    import difflib

    sa, sb = sentences(a), sentences(b)
    gone, new = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, sa, sb, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            gone += sa[i1:i2]
        if op in ("insert", "replace"):
            new += sb[j1:j2]
    return gone, new


def summarise(c: Change, lang: str) -> str:
    """The change in one sentence; also sets ``c.extra["what"]`` (the thing changed) and
    ``c.extra["how"]`` (what happened to it, without the values) for tables."""
    raw = c.path
    subj = subject(c.named, raw, lang)
    c.extra["what"] = subj
    if c.kind == "added":
        c.extra["how"] = message("diff.how.added", lang)
        return message("diff.added", lang, what=subj, value=_shown(c.new, c.named, raw, lang))
    if c.kind == "removed":
        c.extra["how"] = message("diff.how.removed", lang)
        return message("diff.removed", lang, what=subj, value=_shown(c.old, c.named, raw, lang))
    if c.kind == "moved":
        from_raw = c.old_path or ()
        origin_named = _owner(c.extra.get("from", ())[:-1])
        origin = subject(origin_named, from_raw[:len(origin_named)], lang)
        c.extra["how"] = message("diff.how.moved", lang, origin=origin)
        return message("diff.moved", lang, what=subj, origin=origin)
    key = c.named[-1] if c.named else None
    ident = identity_of(tuple(raw[:-2])) if len(raw) >= 2 and isinstance(raw[-2], int) else None
    if ident is not None and isinstance(key, str) and key in ident.keys and isinstance(c.old, str) and isinstance(c.new, str):
        noun = ident.noun if lang == "zh" else ident.noun_en
        c.extra["what"] = subject(c.named[:-1], raw[:-1], lang)
        c.extra["how"] = message("diff.how.renamed", lang)
        return message("diff.renamed", lang, noun=noun, old=c.old, new=c.new,
                       within=_within(c.named[:-2], raw[:-2], lang))
    if isinstance(c.old, str) and isinstance(c.new, str):
        shift = shift_words(c.old, c.new, lang)
        if shift:
            c.extra["how"] = shift
            return message("diff.shifted", lang, what=subj, shift=shift, old=value_words(c.old, lang),
                           new=value_words(c.new, lang))
        if len(c.old) > SHORT or len(c.new) > SHORT:
            gone, new = text_change(c.old, c.new)
            c.extra["sentences"] = {"removed": gone, "added": new}
            c.extra["how"] = message("diff.how.rewritten", lang, removed=len(gone), added=len(new))
            return message("diff.rewritten", lang, what=subj, removed=len(gone), added=len(new))
    c.extra["how"] = message("diff.how.changed", lang)
    return message("diff.changed", lang, what=subj, old=value_words(c.old, lang), new=value_words(c.new, lang))


def _owner(named: tuple) -> tuple:
    """The item a list belongs to: the path without the list's own key(s) at its end."""
    n = len(named)
    while n and not isinstance(named[n - 1], (Named, int)):
        n -= 1
    return named[:n]


def _within(named: tuple, raw: tuple, lang: str) -> str:
    """“考核方案‘分层项目’的” before an item inside another, "" at the top."""
    owner = _owner(named)
    if not any(isinstance(p, Named) for p in owner):
        return ""
    return subject(owner, raw[:len(owner)], lang) + message("diff.of", lang)


def summarise_all(changes: list[Change], lang: str) -> None:
    """Each change's summary, then the summaries that say several changes at once: the
    weights of one assessment (“权重 70/30 → 60/40”) on the first of them; the others
    are marked covered (listed in JSON, not repeated in text and markdown)."""
    for c in changes:
        c.summary = summarise(c, lang)
    weights: dict[tuple, list[Change]] = {}
    for c in changes:
        p = c.new_path or ()
        if c.kind == "changed" and len(p) == 5 and p[0] == "assessments" and p[2] == "components" and p[4] == "weight":
            weights.setdefault(c.named[:2], []).append(c)
    for named, group in weights.items():
        if len(group) < 2:
            continue
        first = group[0]
        what = subject(named, first.new_path[:2], lang)  # type: ignore[index]
        old = "/".join(value_words(c.old, lang) for c in group)
        new = "/".join(value_words(c.new, lang) for c in group)
        first.summary = message("diff.weights", lang, what=what, old=old, new=new)
        first.extra.update(what=message("diff.weights_of", lang, what=what), how=message("diff.how.changed", lang),
                           old_shown=old, new_shown=new)
        for c in group[1:]:
            c.extra["covered"] = True


def _shown(v: Any, named: tuple, raw: tuple, lang: str) -> str:
    """What an added or removed thing holds, after its name: a named item's other short
    fields (“：学时 10”), else its value."""
    last = named[-1] if named else None
    if isinstance(last, Named) and last.name:
        if not isinstance(v, dict):
            return ""  # the name already says it
        list_path = tuple(raw[:-1])
        ident = identity_of(list_path)
        shape = tuple(x for x in list_path if not isinstance(x, int))
        parts = [message("diff.field", lang, label=label((*shape, k), lang), value=value_words(x, lang))
                 for k, x in v.items()
                 if not (ident and k in ident.keys) and isinstance(x, (str, int, float, bool)) and not
                 (isinstance(x, str) and len(x) > SHORT)][:3]
        return message("diff.value", lang, value=message("list.sep", lang).join(parts)) if parts else ""
    return message("diff.value", lang, value=value_words(v, lang))
