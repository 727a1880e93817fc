"""What a rule sees: the validated plan, its raw data and positions, facts and settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from plancc.load.source import LoadedFile, value_at
from plancc.model.plan import Plan


@dataclass
class Context:
    plan: Plan
    loaded: LoadedFile
    # policy parameters from plancc.toml ([policy] table), merged over defaults
    policy: dict[str, Any] = field(default_factory=dict)

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

    def prose(self):
        """Every string value in the plan with its data path (prose rules scan these)."""
        stack: list[tuple[tuple, Any]] = [((), self.loaded.data)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                for k, v in value.items():
                    stack.append((path + (k,), v))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    stack.append((path + (i,), v))
