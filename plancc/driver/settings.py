"""Settings: everything that changes how a file is checked (plancc.toml merged with the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plancc.check.runner import Selection
from plancc.config import Config
from plancc.load.source import Limits


@dataclass
class Settings:
    """Everything that changes how a file is checked (config merged with CLI options)."""

    lang: str = "zh"
    selection: Selection = field(default_factory=Selection)
    policy: dict = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    # folders include: may read from (resolved); empty: each plan's own folder
    include_roots: tuple[Path, ...] = ()

    @classmethod
    def from_config(cls, config: Config, *, lang: str | None = None, select=None, ignore=None) -> "Settings":
        f = config.file
        sel = Selection(
            select=list(select) if select else list(f.lint.select),
            ignore=list(f.lint.ignore) + list(ignore or []),
            severities=dict(f.lint.severity),
            policy=f.policy.enabled,
        )
        return cls(lang=lang or f.lang, selection=sel, policy=f.policy.model_dump(), limits=Limits(**f.limits.model_dump()),
                   include_roots=config.include_roots())
