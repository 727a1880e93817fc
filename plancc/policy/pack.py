"""Policy packs as data: requirements with their sources, chosen by region and the plan's year.

The national pack ships with plancc (``plancc/data/policy/national.yaml``); a repository
adds its province's with ``[policy] packs = ["policy/anhui.yaml"]`` in plancc.toml.
For each measure the last pack that has a requirement for the plan's year and kind
wins (a province's pack replaces the national figure for that measure); the figures
set directly under ``[policy]`` (annual_hours = 90 …) win over every pack.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, field_validator

from plancc.catalog import joined, message
from plancc.errors import ConfigError
from plancc.model.base import PlanModel, Text
from plancc.model.plan import PlanKind
from plancc.policy.measures import MEASURES

NATIONAL = Path(__file__).resolve().parent.parent / "data" / "policy" / "national.yaml"


class Requirement(PlanModel):
    """一条政策要求：量什么、不少于/不超过多少、适用的年份和方案类别、出处。"""

    measure: Text = Field(description="衡量的数字：" + "、".join(MEASURES))
    at_least: Optional[float] = Field(None, ge=0, description="下限（学时，或比例/倍数）")
    at_most: Optional[float] = Field(None, ge=0, description="上限")
    cycle_years: Optional[int] = Field(None, ge=1, le=20, description="周期学时的要求按几年一周期计（周期年数不同时不比较）")
    since: Optional[int] = Field(None, ge=1949, le=2199, description="自哪一年起适用")
    until: Optional[int] = Field(None, ge=1949, le=2199, description="适用到哪一年")
    kinds: list[PlanKind] = Field(default_factory=list, description="适用的方案类别；不写时适用于所有类别")
    source: Text = Field(description="出处：文件名称、文号和条款")

    @field_validator("measure")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in MEASURES:
            raise ValueError(f"measure:{v}")
        return v

    def applies(self, year: int | None, kind: str) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if year is None:
            return self.until is None
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


class Pack(PlanModel):
    """一个政策规则包（全国或某省、某市）。"""

    name: Text = Field(description="规则包名称，如“安徽省”")
    region: Optional[Text] = Field(None, description="适用地区")
    requirements: list[Requirement] = Field(description="各条要求")


def load_pack(path: str, lang: str = "zh") -> Pack:
    """A pack file, checked; a problem is a ConfigError naming the file, line and key. Read once
    while the file stays as it is (``render --watch`` sees an edited pack)."""
    try:
        st = os.stat(path)
        identity = (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        identity = None  # load_file words the problem
    return _load_pack(path, lang, identity)


@functools.lru_cache(maxsize=32)
def _load_pack(path: str, lang: str, identity) -> Pack:  # noqa: ARG001 (identity: part of the cache key)
    from plancc.diagnostics.validation import error_detail
    from plancc.load.files import load_file
    from plancc.load.source import format_path, value_at

    loaded = load_file(path, lang)
    errors = [d for d in loaded.diagnostics if d.severity.value == "error"]
    if errors:
        d = errors[0]
        where = f"{path}:{d.span.line}:{d.span.column}" if d.span else path
        raise ConfigError(message("policy.pack.invalid", lang, where=where, problem=d.message))
    try:
        return Pack.model_validate(loaded.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        span = loaded.source.locate(loc)
        where = f"{path}:{span.line}:{span.column}" if span else path
        raw = str((err.get("ctx") or {}).get("error", ""))
        if raw.startswith("measure:"):
            problem = message("policy.pack.measure", lang, measure=raw.split(":", 1)[1], known=joined(MEASURES, lang))
        elif err["type"] == "missing":
            problem = message("policy.pack.missing", lang, key=format_path(loc))
        elif err["type"] == "extra_forbidden":
            problem = message("policy.pack.extra", lang, key=format_path(loc))
        else:
            problem = format_path(loc) + "：" + error_detail(err, value_at(loaded.data, loc), lang)[1]
        raise ConfigError(message("policy.pack.invalid", lang, where=where, problem=problem)) from None


def plan_year(plan) -> int | None:
    """The year a plan is for: its training year, else the start of its period, school
    year or cycle, else the year of its date."""
    p = plan.period
    if p is not None:
        if p.year:
            return p.year
        if p.start:
            return p.start.year
        if p.school_year_range:
            return p.school_year_range[0]
        if p.cycle:
            return p.cycle.start
    if plan.document.date:
        return plan.document.date.year
    return None


#: the [policy] figures that override a pack: setting → (measure, bound)
OVERRIDES: dict[str, tuple[str, Literal["at_least", "at_most"]]] = {
    "annual_hours": ("annual_hours", "at_least"),
    "cycle_hours": ("cycle_hours", "at_least"),
    "cycle_school_based_hours": ("cycle_school_based_hours", "at_least"),
    "new_teacher_hours": ("new_teacher_hours", "at_least"),
    "head_teacher_hours": ("head_teacher_hours", "at_least"),
    "professional_hours": ("professional_hours", "at_least"),
    "public_hours": ("public_hours", "at_least"),
}


def requirements(settings, plan, lang: str = "zh") -> dict[str, list[Requirement]]:
    """The requirements that hold for `plan`, by measure."""
    packs = [load_pack(str(NATIONAL), lang)] + [load_pack(str(p), lang) for p in settings.pack_paths]
    year, kind = plan_year(plan), plan.plan_kind
    chosen: dict[str, list[Requirement]] = {}
    for pack in packs:
        found: dict[str, list[Requirement]] = {}
        for r in pack.requirements:
            if r.applies(year, kind):
                found.setdefault(r.measure, []).append(r)
        chosen.update(found)  # a later pack replaces the earlier figures of the same measure
    for key, (measure, bound) in OVERRIDES.items():
        value = getattr(settings, key, None)
        if value is None:
            continue
        base = [r for r in chosen.get(measure, []) if getattr(r, bound) is not None]
        years = base[0].cycle_years if base else (settings.cycle_years if measure.startswith("cycle") else None)
        kinds = base[0].kinds if base else []
        chosen[measure] = [r for r in chosen.get(measure, []) if getattr(r, bound) is None] + [
            Requirement(measure=measure, **{bound: value}, cycle_years=years, kinds=kinds, source=f"plancc.toml [policy] {key}")
        ]
    return chosen
