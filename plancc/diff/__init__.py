"""``plancc diff``: what a change of plan means.

The stages, one module each:

    load      both plans (files, or files at git revisions: plancc.diff.revisions)
    compare   their data, items paired by identity (identity.py, compare.py)
    words     each change said in the reader's words (words.py)
    findings  the rules on both sides: findings added and resolved (findings.py)
    formats   text, markdown, json (formats.py)

A new list of the plan language needs an entry in identity.LISTS; a new field needs
nothing (its label is its model description).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from plancc.diff.compare import Change
    from plancc.diff.findings import Finding
    from plancc.driver.settings import Settings


@dataclass
class PlanDiff:
    old_name: str
    new_name: str
    changes: list["Change"] = field(default_factory=list)
    added: list["Finding"] = field(default_factory=list)  # findings the new plan has and the old had not
    resolved: list["Finding"] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return bool(self.changes)


#: plans larger than this together are checked in two processes at once (a 5,000-row catalog)
PARALLEL_BYTES = 256 * 1024


def diff_sides(old: tuple, new: tuple, lang: str, old_name: str, new_name: str) -> PlanDiff:
    """``old`` and ``new`` are (data, findings) of each side (see :func:`side`)."""
    from plancc.diff.compare import compare
    from plancc.diff.findings import compare_findings
    from plancc.diff.words import summarise_all

    changes = compare(old[0], new[0])
    summarise_all(changes, lang)
    added, resolved = compare_findings(old[1], new[1])
    return PlanDiff(old_name, new_name, changes, added, resolved)


def side(args: tuple) -> tuple:
    """One plan checked: its data and its findings (a picklable pair, for a worker process).
    ``args``: (path or None for a plan that does not exist, settings, name)."""
    from plancc.diff.findings import findings_of
    from plancc.driver.check import check_file

    path, settings, name = args
    if path is None:
        return {}, []
    report = check_file(path, settings, display=name)
    return report.loaded.data, findings_of(report)


def both_sides(old: Optional[Path], new: Optional[Path], settings: "Settings", old_name: str, new_name: str) -> PlanDiff:
    """Check both plans (in two processes when they are large) and compare them."""
    from plancc.driver.parallel import beside

    size = sum(p.stat().st_size for p in (old, new) if p is not None and p.is_file())
    pair = [(old, settings, old_name), (new, settings, new_name)]
    parallel = size > PARALLEL_BYTES
    if parallel:
        # what checking needs is imported (and the plan model's validator built) before the
        # worker is forked, so that it does not do it again while this process checks the other side
        from plancc.driver.check import warm

        warm(settings)
        a, b = beside(side, pair[0], pair[1])
    else:
        a, b = side(pair[0]), side(pair[1])
    return diff_sides(a, b, settings.lang, old_name, new_name)


def diff_files(old: Path, new: Path, settings: "Settings", old_name: str = "", new_name: str = "") -> PlanDiff:
    return both_sides(old, new, settings, old_name or str(old), new_name or str(new))
