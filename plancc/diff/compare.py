"""Compare two plans' data: the changes, each at the item it belongs to.

``compare(old, new) -> list[Change]`` walks both data trees (what the loader gives:
mappings, lists, text, numbers) together. Mappings are compared key by key; lists the
identity registry knows (plancc.diff.identity) are paired by their items' names, so
reordering is no change and a renamed item is one change, not a removal and an
addition; other lists are compared as sequences. An item removed from one list and
added, unchanged, to another list of the same kind (a module moved to another set) is
one ``moved`` change.
"""

from __future__ import annotations

import difflib
import heapq
import json
from dataclasses import dataclass, field
from typing import Any, Optional

from plancc.diff.identity import as_mapping, identity_of, keys_of, name_of

#: how alike (0–1) an unpaired old and new item must be to be one item renamed
RENAME_LIKENESS = 0.5


@dataclass
class Change:
    kind: str  # added | removed | changed | moved
    old_path: Optional[tuple]  # data path in the old plan (keys and indexes); None for an addition
    new_path: Optional[tuple]  # … in the new plan; None for a removal
    old: Any = None
    new: Any = None
    #: the path as a reader names it: list items by their names (“phases[第三阶段].start”)
    named: tuple = ()
    summary: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def path(self) -> tuple:
        return self.new_path if self.new_path is not None else self.old_path  # type: ignore[return-value]

    def dotted(self) -> str:
        return dotted(self.named)


@dataclass(frozen=True)
class Named:
    """A list item in a path, by its name (or its position when it has none)."""

    name: str
    index: int

    def __str__(self) -> str:
        return self.name or str(self.index + 1)


def dotted(named: tuple) -> str:
    out = ""
    for p in named:
        if isinstance(p, Named):
            out += f"[{p}]"
        elif isinstance(p, int):
            out += f"[{p + 1}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def compare(old: Any, new: Any) -> list[Change]:
    out: list[Change] = []
    _walk(old, new, (), (), (), out)
    return _moves(out)


def _canon(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)


def _walk(a: Any, b: Any, pa: tuple, pb: tuple, named: tuple, out: list[Change]) -> None:
    if type(a) is type(b) and a == b:
        return  # most of a plan does not change: one comparison in C
    if isinstance(a, dict) and isinstance(b, dict):
        for k in b:
            if k not in a:
                out.append(Change("added", None, (*pb, k), None, b[k], (*named, k)))
            else:
                _walk(a[k], b[k], (*pa, k), (*pb, k), (*named, k), out)
        for k in a:
            if k not in b:
                out.append(Change("removed", (*pa, k), None, a[k], None, (*named, k)))
        return
    if isinstance(a, list) and isinstance(b, list):
        if identity_of(pb) is not None:
            _paired(a, b, pa, pb, named, out)
        elif _atomic(a) and _atomic(b):
            if a != b:
                out.append(Change("changed", pa, pb, a, b, named))
        else:
            _sequence(a, b, pa, pb, named, out)
        return
    if type(a) is not type(b) and not (_number(a) and _number(b)):
        # a shorthand against its long form (a module's name against {name: …}) is no change
        la, lb = (pa[:-1], pb[:-1]) if pa and isinstance(pa[-1], int) else (pa, pb)
        ma, mb = as_mapping(la, a), as_mapping(lb, b)
        if isinstance(ma, dict) and isinstance(mb, dict) and (ma is not a or mb is not b):
            _walk(ma, mb, pa, pb, named, out)
            return
        out.append(Change("changed", pa, pb, a, b, named))
        return
    if a != b:
        out.append(Change("changed", pa, pb, a, b, named))


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _atomic(v: list) -> bool:
    """A short list of numbers or empties (a tier's years [3, 8]) is one value."""
    return len(v) <= 4 and all(x is None or _number(x) for x in v)


def _paired(a: list, b: list, pa: tuple, pb: tuple, named: tuple, out: list[Change]) -> None:
    old_keys: dict[tuple, int] = {}
    for i, k in enumerate(keys_of(pa, a)):
        if k is not None:
            old_keys.setdefault(k, i)
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    lone_new: list[int] = []
    for j, k in enumerate(keys_of(pb, b)):
        i = old_keys.get(k) if k is not None else None
        if i is not None and i not in used:
            used.add(i)
            pairs.append((i, j))
        else:
            lone_new.append(j)
    lone_old = [i for i in range(len(a)) if i not in used]
    # renamed (or unnamed) items: the most alike old and new items left over, in turn
    if lone_old and lone_new:
        # the place of an item is a hint only in a list that kept its order (a reversed or
        # resorted catalog puts unrelated rows at each other's old places)
        olds = [i for i, _ in pairs]  # pairs are in the new order
        kept_order = all(x < y for x, y in zip(olds, olds[1:]))
        renamed = _renamed(pa, a, b, lone_old, lone_new, kept_order)
        pairs += renamed
        taken_old = {i for i, _ in renamed}
        taken_new = {j for _, j in renamed}
        lone_old = [i for i in lone_old if i not in taken_old]
        lone_new = [j for j in lone_new if j not in taken_new]
    for i, j in sorted(pairs, key=lambda p: p[1]):
        if type(a[i]) is type(b[j]) and a[i] == b[j]:
            continue
        label = Named(name_of(pb, b[j]) or name_of(pa, a[i]), j)
        _walk(a[i], b[j], (*pa, i), (*pb, j), (*named, label), out)
    for j in lone_new:
        out.append(Change("added", None, (*pb, j), None, b[j], (*named, Named(name_of(pb, b[j]), j))))
    for i in lone_old:
        out.append(Change("removed", (*pa, i), None, a[i], None, (*named, Named(name_of(pa, a[i]), i))))


#: each leftover old item is weighed against this many new ones, those sharing most character pairs
CANDIDATES = 4


def _bigrams(v: Any) -> frozenset:
    t = _canon(v)
    return frozenset(t[k:k + 2] for k in range(len(t) - 1))


def _renamed(path: tuple, a: list, b: list, lone_old: list[int], lone_new: list[int],
             kept_order: bool = True) -> list[tuple[int, int]]:
    """The (old, new) pairs of leftover items that are one item renamed: the most alike pair
    first, then the most alike of the rest, down to RENAME_LIKENESS (ties: the later items).

    The same as scoring every candidate pair and going down the sorted scores, without
    scoring most of them: a pair waits in a heap under a bound of its likeness (difflib's
    quick_ratio, which never falls below the ratio) and is scored only when it comes to the
    top; a pair one of whose items is already paired is never scored."""
    likeness = _Likeness(path, a, b, kept_order)
    heap = [(-likeness(i, j, bound=True), -i, -j, False) for i, j in _candidates(a, b, lone_old, lone_new)]
    heapq.heapify(heap)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[tuple[int, int]] = []
    while heap:
        value, i, j, scored = heapq.heappop(heap)
        i, j = -i, -j
        if i in taken_old or j in taken_new:
            continue
        if -value < RENAME_LIKENESS:
            break
        if not scored:  # its bound came first: score it and let it wait under its score
            heapq.heappush(heap, (-likeness(i, j), -i, -j, True))
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((i, j))
    return pairs


def _candidates(a: list, b: list, lone_old: list[int], lone_new: list[int]):
    """(i, j) of leftover pairs worth weighing: for each old item, the new items that share
    most of its character pairs (a cheap bound that keeps hundreds of changed catalog rows
    from costing a full comparison of every pair), and the new item at its place."""
    grams = [_bigrams(b[j]) for j in lone_new]
    sizes = [len(g) for g in grams]
    places = range(len(lone_new))
    lone = set(lone_new)
    for i in lone_old:
        gi = _bigrams(a[i])
        n = len(gi)
        shared = [len(gi & g) / (max(n, m) or 1) for g, m in zip(grams, sizes)]
        near = [lone_new[k] for k in heapq.nlargest(CANDIDATES, places, key=shared.__getitem__)]
        if i in lone and i not in near:
            near.append(i)
        for j in near:
            yield i, j


class _Likeness:
    """How alike an old and a new item of one list are, 0–1: the share of their fields
    (other than the name) that are equal, a field changed a little counting for part;
    items at the same place in both lists a little more alike, when the list kept its order.

    Made once per list: an item's mapping form and name are worked out once however many
    items it is weighed against, and the matcher of a new item's text is kept (difflib
    indexes its second sequence, the costly half of a comparison)."""

    def __init__(self, path: tuple, a: list, b: list, kept_order: bool = True):
        ident = identity_of(path)
        self.path = path
        self.kept_order = kept_order
        self.named = set(ident.keys) if ident else set()
        self.sides = (a, b)
        self.mappings: dict[tuple[int, int], Any] = {}
        self.names: dict[tuple[int, int], str] = {}
        self.matchers: dict[tuple, difflib.SequenceMatcher] = {}

    def mapping(self, side: int, k: int) -> Any:
        """Item ``k`` of the old (0) or new (1) list in its mapping form."""
        if (side, k) not in self.mappings:
            self.mappings[side, k] = as_mapping(self.path, self.sides[side][k])
        return self.mappings[side, k]

    def name(self, side: int, k: int) -> str:
        if (side, k) not in self.names:
            self.names[side, k] = name_of(self.path, self.sides[side][k])
        return self.names[side, k]

    def __call__(self, i: int, j: int, bound: bool = False) -> float:
        """The likeness of old item ``i`` and new item ``j``; with ``bound``, a cheaper figure
        never below it (the texts compared as bags of characters)."""
        bonus = 0.25 if i == j and self.kept_order else 0.0
        mx, my = self.mapping(0, i), self.mapping(1, j)
        if isinstance(mx, dict) and isinstance(my, dict):
            keys = set(mx) | set(my)
            if not keys:
                return 1.0
            rest = keys - self.named
            if not rest:  # only a name: alike when the names are
                return self.value(self.name(0, i), self.name(1, j), (j,), bound) + bonus
            score = sum(self.value(mx.get(k), my.get(k), (j, k), bound) for k in rest)
            return score / len(rest) + bonus
        return self.value(mx, my, (j, None), bound) + bonus

    def value(self, x: Any, y: Any, slot: tuple, bound: bool = False) -> float:
        """:func:`_value_likeness`, with the matcher of the new text ``y`` kept under ``slot``."""
        if isinstance(x, str) and isinstance(y, str) and x != y:
            matcher = self.matchers.get(slot)
            if matcher is None:
                matcher = self.matchers[slot] = difflib.SequenceMatcher(None, x, y, autojunk=False)
            else:
                matcher.set_seq1(x)
            return 0.8 * (matcher.quick_ratio() if bound else matcher.ratio())
        return _value_likeness(x, y)


def _value_likeness(x: Any, y: Any) -> float:
    if x == y:
        return 1.0
    if isinstance(x, str) and isinstance(y, str):
        return 0.8 * difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()
    if isinstance(x, list) and isinstance(y, list) and x and len(x) == len(y):
        return 0.8 * sum(1 for p, q in zip(x, y) if _canon(p) == _canon(q)) / len(x)
    if isinstance(x, dict) and isinstance(y, dict):  # a mapping (a stage's themes): as the text of its items
        return _value_likeness(_canon(x), _canon(y))
    return 0.0


def _sequence(a: list, b: list, pa: tuple, pb: tuple, named: tuple, out: list[Change]) -> None:
    ca, cb = [_canon(x) for x in a], [_canon(y) for y in b]
    sm = difflib.SequenceMatcher(None, ca, cb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        # a block replaced by as many: each item changed in place; the rest added or removed
        n = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for d in range(n):
            i, j = i1 + d, j1 + d
            _walk(a[i], b[j], (*pa, i), (*pb, j), (*named, j), out)
        for j in range(j1 + n, j2):
            out.append(Change("added", None, (*pb, j), None, b[j], (*named, j)))
        for i in range(i1 + n, i2):
            out.append(Change("removed", (*pa, i), None, a[i], None, (*named, i)))


def _shape(path: Optional[tuple]) -> tuple:
    return tuple("*" if isinstance(p, int) else p for p in (path or ())[:-1])


def _moves(changes: list[Change]) -> list[Change]:
    """A removal and an addition of the same item in two lists of one kind → one move."""
    removed: dict[tuple, list[int]] = {}
    for n, c in enumerate(changes):
        if c.kind == "removed" and identity_of(c.old_path[:-1]) is not None:  # type: ignore[index]
            removed.setdefault((_shape(c.old_path), _canon(c.old)), []).append(n)
    if not removed:
        return changes
    gone: set[int] = set()
    for n, c in enumerate(changes):
        if c.kind != "added" or identity_of(c.new_path[:-1]) is None:  # type: ignore[index]
            continue
        spots = removed.get((_shape(c.new_path), _canon(c.new)))
        while spots and spots[0] in gone:
            spots.pop(0)
        if spots:
            r = changes[spots.pop(0)]
            if r.old_path[:-1] == c.new_path[:-1]:  # type: ignore[index]
                continue
            gone.add(changes.index(r))
            c.kind, c.old_path, c.old = "moved", r.old_path, r.old
            c.extra["from"] = r.named
    return [c for n, c in enumerate(changes) if n not in gone]
