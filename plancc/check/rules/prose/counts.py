"""PL801: counts typed into sentences (“设置七个模块”“分三个阶段”“共100学时”) against the lists they count."""

from __future__ import annotations

import re
from bisect import bisect_left

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import PER_STRING, match_range, walk_blocks
from plancc.model.base import fmt_number
from plancc.model.blocks import KINDS, block_kind
from plancc.text.numerals import parse_cn_number

_NUM_CHARS = r"零〇一二两三四五六七八九十百\d"
# possessive quantifiers and a start only where a run of numerals begins: each run is read once,
# so a megabyte of digits costs a megabyte of steps and not its square
_COUNT_RE = re.compile(rf"(?<![{_NUM_CHARS}])([{_NUM_CHARS}]++)\s*+个\s*+(模块|阶段|学段|层次|岗位)")
_TOTAL_RE = re.compile(r"共\s*+(\d++(?:\.\d++)?+)\s*+学时")
#: what every count and total contains (the strings Context.prose_matching gives the rule)
_HINT = re.compile("个|学时")


class _SetNames:
    """Which module set a sentence names, answered once per sentence.

    With a handful of sets each name is looked for in the sentence; with thousands, the
    sentence's substrings of each name length are looked up in a dict instead, so the
    cost is the sentence's length times the number of distinct name lengths.
    """

    def __init__(self, plan):
        self.sets = plan.module_sets
        self.by_name: dict[str, set[int]] = {}
        for i, ms in enumerate(self.sets):
            for name in (ms.id, ms.label):
                if name:
                    self.by_name.setdefault(name, set()).add(i)
        self.lengths = sorted({len(k) for k in self.by_name})
        self._cache: dict[str, object] = {}

    def _named(self, text: str) -> set[int]:
        """Indices of the sets named in ``text``; stops once two are found."""
        found: set[int] = set()
        if len(self.sets) <= 100 * max(len(self.lengths), 1):
            for i, ms in enumerate(self.sets):
                if ms.id in text or (ms.label and ms.label in text):
                    found.add(i)
                    if len(found) > 1:
                        break
            return found
        for size in self.lengths:
            get = self.by_name.get
            for start in range(len(text) - size + 1):
                hit = get(text[start : start + size])
                if hit:
                    found |= hit
                    if len(found) > 1:
                        return found
        return found

    def mentioned(self, text: str):
        """The one module set a sentence is about: it names the set, or the plan has only one."""
        if text not in self._cache:
            named = self._named(text)
            if len(named) == 1:
                self._cache[text] = self.sets[next(iter(named))]
            elif not named and len(self.sets) == 1:
                self._cache[text] = self.sets[0]
            else:
                self._cache[text] = None
        return self._cache[text]


def _reference(name: str, written: str) -> str:
    """The reference that prints a count the way it was written: 八 → :cn, 两 → :count, 8 → as is."""
    if written.isdigit():
        return "{=" + name + "}"
    return "{=" + name + (":count}" if written == "两" else ":cn}")


def _generated(path: tuple) -> bool:
    """Strings that are data the templates count themselves (names, ids), not sentences."""
    return path[:1] in (("module_sets",), ("catalog",), ("tiers",), ("posts",), ("include",))


_CLAUSE_END = re.compile(r"[，。；：！？,;:!?（）()“”\n]")
_AND = re.compile(r"和|及|与|以及")


class _Clauses:
    """Where the clauses, 、 and 和/及/与 of one string are, so that the enumeration before
    each count is read with a few bisections instead of re-splitting everything before it."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        self.seps = [m.start() for m in re.finditer("、", text)]
        ands = [m.span() for m in _AND.finditer(text)]
        self.and_starts = [a for a, _ in ands]
        self.and_ends = [b for _, b in ands]
        # gaps[k]: how many of the first k+1 conjunctions have text between them and the one before
        gaps, total = [], 0
        for k, (a, _) in enumerate(ands):
            if k and a > ands[k - 1][1]:
                total += 1
            gaps.append(total)
        self.gaps = gaps

    def enumerated(self, pos: int) -> int:
        """How many items the clause lists just before ``pos`` (“A、B、C和D等四个阶段” → 4); 0 if none."""
        text = self.text
        k = bisect_left(self.ends, pos)
        clause_start = self.ends[k - 1] + 1 if k else 0
        lo, hi = bisect_left(self.seps, clause_start), bisect_left(self.seps, pos)
        if lo == hi:
            return 0
        last = self.seps[hi - 1] + 1  # the last item starts after the last 、
        end = pos
        q = pos
        while q > last and text[q - 1].isspace():
            q -= 1
        if q > last and text[q - 1] == "等":
            end = q - 1
        # the last item may itself join several with 和/及/与: count its non-empty pieces
        a, b = bisect_left(self.and_starts, last), bisect_left(self.and_starts, end)
        if a == b:
            pieces = 1 if end > last else 0
        else:
            pieces = (self.and_starts[a] > last) + (self.gaps[b - 1] - self.gaps[a]) + (end > self.and_ends[b - 1])
        return (hi - lo) + pieces


def _enumerated(before: str) -> int:
    """How many items a clause lists just before a count (“A、B、C和D等四个阶段” → 4); 0 if none."""
    return _Clauses(before).enumerated(len(before))


# the plan list a noun counts; a sentence is compared with the data only inside a section
# with a block that presents that list (the registry's ``lists``): elsewhere “三个阶段” may mean anything
_NOUN_LIST = {"阶段": ("phases", "进度安排"), "学段": ("stages", "学段"), "层次": ("tiers", "层次"), "岗位": ("posts", "岗位")}
_NOUN_BLOCK = {noun: {k.tag for k in KINDS if name in k.lists} for noun, (name, _) in _NOUN_LIST.items()}


def _section_kinds(plan) -> dict[tuple, set[str]]:
    """For each section path, the kinds of the blocks it contains directly."""
    kinds: dict[tuple, set[str]] = {}
    for path, block in walk_blocks(plan):
        kinds.setdefault(path[:-2], set()).add(block_kind(block))
    return kinds


def _shown_here(path: tuple, noun: str, kinds: dict[tuple, set[str]]) -> bool:
    want = _NOUN_BLOCK[noun]
    if path[:1] == ("phases",):
        return noun == "阶段"
    for cut in range(len(path), 0, -1):
        if path[cut - 1] == "content":
            return bool(kinds.get(path[: cut - 1], set()) & want)
    return False


@rule(
    "PL801",
    "prose-count",
    family="prose",
    severity="warning",
    title="正文里写的数目与数据不符",
    title_en="a count written in the text contradicts the data",
    message="正文写的是“{written}”，但{what}实际是 {actual}{suggest}",
    message_en="the text says '{written}', but {what_en} has {actual_en}{suggest_en}",
    doc_en="""
    Counts typed into sentences (“设置七个模块”, “分三个阶段”, “共100学时”) drift when the list changes.
    A count right after an enumeration (“A、B、C和D等四个阶段”) is checked against the enumeration.
    Otherwise: N个模块 / 共N学时 against the module set the sentence names (or the only one); N个阶段,
    N个学段, N个层次, N个岗位 against `phases`, `stages`, `tiers`, `posts` when the sentence is in a phase
    or in a section that shows that list.
    Fix: write the count as a reference, e.g. `{=phases.count:count}个阶段`, so it is generated.
    """,
)
def prose_count(ctx):
    """
    写在句子里的数目（“设置七个模块”“分三个阶段”“共100学时”）会在列表改动后失准。紧跟在列举之后的数目（“A、B、C和D等四个阶段”）对照列举的项数；其他情况：N个模块、共N学时 对照句中提到的模块组（或唯一的模块组）；N个阶段、N个学段、N个层次、N个岗位 在阶段里或在呈现相应列表的小节中时，分别对照 `phases`、`stages`、`tiers`、`posts`。

    怎么改：把数目写成引用，如 `{=phases.count:count}个阶段`，由数据生成。
    """
    plan = ctx.plan
    kinds = _section_kinds(plan)
    set_names = _SetNames(plan)
    lists = {noun: (f"{label}（{name}）", name, len(getattr(plan, name)), f"{name}.count") for noun, (name, label) in _NOUN_LIST.items()}
    numbers: dict[str, int | None] = {}
    # one message's figures per distinct count and list: a long text repeating a count shares them
    said: dict[tuple, dict] = {}
    for path, text in ctx.prose_matching(_HINT):
        if _generated(path):
            continue
        clauses = None
        shown = 0
        for m in _COUNT_RE.finditer(text):
            if shown >= PER_STRING:
                break
            figure, noun = m.group(1, 2)
            stated = numbers[figure] if figure in numbers else numbers.setdefault(figure, parse_cn_number(figure))
            if stated is None:
                continue
            if clauses is None:
                clauses = _Clauses(text)
            listed = clauses.enumerated(m.start())
            if listed >= 2:
                if listed != stated:
                    key = (m.group(0), listed)
                    params = said.get(key)
                    if params is None:
                        params = said[key] = {"written": m.group(0), "what": "前面列举的项目", "what_en": "the enumeration before it",
                                              "actual": f"{listed} 项", "actual_en": listed, "suggest": "", "suggest_en": ""}
                    shown += 1
                    yield Finding(path, params, text_range=match_range(m))
                continue
            if noun == "模块":
                ms = set_names.mentioned(text)
                if ms is None:
                    continue
                actual = len(ms.modules)
                key = (m.group(0), "模块", ms.id)
            else:
                actual = lists[noun][2]
                if actual == 0 or not _shown_here(path, noun, kinds):
                    continue
                key = (m.group(0), noun)
            if stated != actual:
                params = said.get(key)
                if params is None:
                    if noun == "模块":
                        what, what_en, ref = f"模块组“{ms.id}”", f"module set '{ms.id}'", f"modules.{ms.id}.count"
                    else:
                        what, what_en, _, ref = lists[noun]
                    params = said[key] = {"written": m.group(0), "what": what, "what_en": what_en, "actual": f"{actual} 个", "actual_en": actual,
                                          "suggest": f"；可写成 {{={ref}:count}}个{noun}", "suggest_en": f"; write {{={ref}:count}}"}
                shown += 1
                ref = f"modules.{ms.id}.count" if noun == "模块" else lists[noun][3]
                yield Finding(path, params, text_range=match_range(m), fix=_reference(ref, figure),
                              fix_range=(m.start(1), len(figure)), fix_safe=False)
        if "学时" not in text:
            continue
        ms = set_names.mentioned(text) if _TOTAL_RE.search(text) else None
        hours = None if ms is None else ms.hours
        if hours is None:
            continue
        shown = 0
        for m in _TOTAL_RE.finditer(text):
            if shown >= PER_STRING:
                break
            if abs(float(m.group(1)) - hours) > 1e-6:
                shown += 1
                key = (m.group(0), "学时", ms.id)
                params = said.get(key)
                if params is None:
                    params = said[key] = {"written": m.group(0), "what": f"模块组“{ms.id}”的学时", "what_en": f"module set '{ms.id}' in hours",
                                          "actual": f"{fmt_number(ms.hours)} 学时", "actual_en": fmt_number(ms.hours),
                                          "suggest": f"；可写成 共{{=modules.{ms.id}.hours}}学时", "suggest_en": f"; write {{=modules.{ms.id}.hours}}"}
                yield Finding(path, params, text_range=match_range(m), fix=f"{{=modules.{ms.id}.hours}}",
                              fix_range=(m.start(1), len(m.group(1))), fix_safe=False)
