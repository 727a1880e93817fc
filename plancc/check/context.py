"""What a rule sees: the validated plan, its raw data and positions, facts and settings."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any

from plancc.config import PolicySettings, defaults
from plancc.load.source import LoadedFile, value_at
from plancc.model.plan import Plan


@dataclass
class Context:
    plan: Plan
    loaded: LoadedFile
    # the [policy] table of plancc.toml (its defaults are the national figures)
    policy: PolicySettings = field(default_factory=lambda: defaults(PolicySettings))
    # the documents citations are checked against (plancc.citations.Registry); None: the built-in list
    citations: Any = None
    # what several rules of one subject read the same way, computed once (see shared())
    _shared: dict = field(default_factory=dict, repr=False)

    def shared(self, key: str, build):
        """``build(self)``, computed once per plan for every rule that asks by the same key
        (the figures of a plan, the typed figures of its prose …)."""
        if key not in self._shared:
            self._shared[key] = build(self)
        return self._shared[key]

    @property
    def registry(self):
        from plancc.citations import builtin

        return self.citations or builtin()

    @property
    def data(self) -> Any:
        return self.loaded.data

    @cached_property
    def facts(self) -> dict[str, Any]:
        from plancc.model.facts import plan_facts

        return plan_facts(self.plan)

    def data_at(self, path: tuple) -> Any:
        """The raw value at a data path, or None when the path does not exist."""
        return value_at(self.loaded.data, path)

    def prose(self) -> list[tuple[tuple, str]]:
        """Every string value in the plan with its data path (prose rules scan these); the
        patterns under ``wording:`` are not prose and are left out. Rules that look for
        something in particular ask :meth:`prose_matching` instead, which makes the path
        of a string only when it is wanted (a 20,000-row catalog holds 80,000 strings)."""
        return self._prose

    @cached_property
    def _prose(self) -> list[tuple[tuple, str]]:
        strings = self._strings
        return [(strings.path(i), text) for i, text in enumerate(strings.texts)]

    @cached_property
    def _strings(self) -> "_Strings":
        return _Strings(self.loaded.data)

    def prose_matching(self, hint: re.Pattern, outside: tuple[str, ...] = ()) -> list[tuple[tuple, str]]:
        """The prose strings in which ``hint`` occurs, found by one scan over all of
        them joined: most strings match nothing, and one C-level scan of a simple
        pattern beats 80,000 Python calls of an elaborate one. Strings under the
        top-level keys ``outside`` (“catalog”) are left out.

        ``hint`` must match wherever the rule's own pattern can (a superset, the
        rule then runs its pattern on each string returned) and never match NUL,
        the separator.
        """
        strings = self._strings
        blob, starts = strings.blob
        texts = strings.texts
        hits: list[tuple[tuple, str]] = []
        last = -1
        for begin, end in strings.windows(outside):  # the whole blob, or the parts outside those keys
            for m in hint.finditer(blob, begin, end):
                i = bisect_right(starts, m.start()) - 1
                if i != last:
                    last = i
                    path = strings.path(i, outside)
                    if path is not None:
                        hits.append((path, texts[i]))
        return hits


class _Strings:
    """The plan's prose strings, walked once: the texts in one list, and for each its key
    in its mapping or list. A path is made only for a string a rule asks for: the
    strings of one mapping or list are a run, and the run's path plus the key is it."""

    def __init__(self, data: Any):
        self.texts: list[str] = []
        self.keys: list[Any] = []
        self.runs: list[int] = []  # where each run of strings begins in texts
        self.parents: list[tuple] = []  # … and the path of their mapping or list
        # where the strings below each top-level key begin: a key's subtree is walked whole before
        # the next key's (depth first), so its strings are one stretch of texts
        self.tops: list[tuple[int, Any]] = []
        texts, keys = self.texts, self.keys
        stack: list[tuple[tuple, Any]] = [((), data)]
        while stack:
            path, value = stack.pop()
            if len(path) == 1:
                self.tops.append((len(texts), path[0]))
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            first = len(texts)
            for k, v in items:
                if isinstance(v, str):  # strings directly: most values are (catalog rows)
                    texts.append(v)
                    keys.append(k)
                elif isinstance(v, (dict, list)) and not (k == "wording" and isinstance(v, dict)):
                    stack.append((path + (k,), v))  # wording: patterns of sentences, not prose (plancc.text.wording checks them)
            if len(texts) > first:
                self.runs.append(first)
                self.parents.append(path)
        self._whole = isinstance(data, str)  # a bare string (a rule's test): its path is ()
        if self._whole:
            texts.append(data)
            keys.append(None)

    def path(self, i: int, outside: tuple[str, ...] = ()) -> tuple | None:
        """The data path of string ``i``; None when it is under one of the top-level keys ``outside``."""
        if self._whole:
            return ()
        parent = self.parents[bisect_right(self.runs, i) - 1]
        if outside and (parent[:1] or (self.keys[i],))[0] in outside:
            return None
        return parent + (self.keys[i],)

    def windows(self, outside: tuple[str, ...]) -> list[tuple[int, int]]:
        """(begin, end) in the blob of the stretches of strings not below the top-level keys ``outside``."""
        blob, starts = self.blob
        if not outside:
            return [(0, len(blob))]
        bounds = [*self.tops, (len(self.texts), None)]
        out: list[tuple[int, int]] = []
        begin = 0  # a text index
        for (first, key), (after, _) in zip(bounds, bounds[1:]):
            if key in outside:
                if first > begin:
                    out.append((begin, first))
                begin = after
        if begin < len(self.texts):
            out.append((begin, len(self.texts)))
        # text indexes → blob offsets (a stretch ends before the separator after its last text)
        return [(starts[lo], starts[hi] - 1 if hi < len(starts) else len(blob)) for lo, hi in out]

    @cached_property
    def blob(self) -> tuple[str, list[int]]:
        """The strings joined by NUL, and where each begins in it."""
        texts = self.texts
        # a running sum of the lengths, a separator after each
        starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
        starts.pop()
        return "\x00".join(texts), starts
