"""Settings: everything that changes how a file is checked (plancc.toml merged with the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plancc.check.runner import Selection
from plancc.config import Config, PolicySettings, defaults
from plancc.load.limits import Limits


@dataclass
class Settings:
    """Everything that changes how a file is checked (config merged with CLI options).

    ``policy`` and ``limits`` are the checked [policy] and [limits] tables, typed;
    their defaults are written once (PolicySettings, plancc.load.limits.Limits).
    """

    lang: str = "zh"
    selection: Selection = field(default_factory=Selection)
    policy: PolicySettings = field(default_factory=lambda: defaults(PolicySettings))
    limits: Limits = field(default_factory=Limits)
    # folders include: may read from (resolved); empty: each plan's own folder
    include_roots: tuple[Path, ...] = ()
    # the documents citations are checked against (plancc.citations.Registry); None: the built-in list
    citations: Any = None
    # plancc.toml's [rates], as a plan's rates: would write them (a plan's own win)
    rates: dict = field(default_factory=dict)
    # plancc.toml's [wording]: patterns of generated sentences, under the plan's own wording:
    wording: dict = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: Config, *, lang: str | None = None, select=None, ignore=None) -> "Settings":
        f = config.file
        sel = Selection(
            select=list(select) if select else list(f.lint.select),
            ignore=list(f.lint.ignore) + list(ignore or []),
            severities=dict(f.lint.severity),
            policy=f.policy.enabled,
        )
        return cls(lang=lang or f.lang, selection=sel, policy=f.policy, limits=f.limits.to_limits(),
                   include_roots=config.include_roots(), citations=config.citations,
                   rates=f.rates.as_data(), wording=dict(f.wording))
