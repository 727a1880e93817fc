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
        patterns under ``wording:`` are not prose and are left out.

        Walked once and shared: several rules scan all prose, and a 20,000-row
        catalog holds 80,000 strings.
        """
        return self._prose

    @cached_property
    def _prose(self) -> list[tuple[tuple, str]]:
        out: list[tuple[tuple, str]] = []
        add = out.append
        stack: list[tuple[tuple, Any]] = [((), self.loaded.data)]
        while stack:
            path, value = stack.pop()
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            for k, v in items:
                if isinstance(v, str):  # strings directly: most values are (catalog rows)
                    add((path + (k,), v))
                elif isinstance(v, (dict, list)) and not (k == "wording" and isinstance(v, dict)):
                    stack.append((path + (k,), v))  # wording: patterns of sentences, not prose (plancc.text.wording checks them)
        if isinstance(self.loaded.data, str):
            add(((), self.loaded.data))
        return out

    def prose_matching(self, hint: re.Pattern) -> list[tuple[tuple, str]]:
        """The prose strings in which ``hint`` occurs, found by one scan over all of
        them joined: most strings match nothing, and one C-level scan of a simple
        pattern beats 80,000 Python calls of an elaborate one.

        ``hint`` must match wherever the rule's own pattern can (a superset, the
        rule then runs its pattern on each string returned) and never match NUL,
        the separator.
        """
        blob, starts = self._prose_blob
        items = self._prose
        hits: list[tuple[tuple, str]] = []
        last = -1
        for m in hint.finditer(blob):
            i = bisect_right(starts, m.start()) - 1
            if i != last:
                hits.append(items[i])
                last = i
        return hits

    @cached_property
    def _prose_blob(self) -> tuple[str, list[int]]:
        texts = [text for _, text in self._prose]
        # where each string begins in the blob: the running sum of the lengths, a separator after each
        starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
        starts.pop()
        return "\x00".join(texts), starts
