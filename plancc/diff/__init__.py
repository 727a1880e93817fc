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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancc.diff.compare import Change
    from plancc.diff.findings import Finding
    from plancc.driver.check import FileReport
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


def diff_reports(old: "FileReport", new: "FileReport", lang: str, old_name: str = "", new_name: str = "") -> PlanDiff:
    from plancc.diff.compare import compare
    from plancc.diff.findings import compare_findings
    from plancc.diff.words import summarise_all

    changes = compare(old.loaded.data, new.loaded.data)
    summarise_all(changes, lang)
    added, resolved = compare_findings(old, new)
    return PlanDiff(old_name or old.path, new_name or new.path, changes, added, resolved)


def diff_files(old: Path, new: Path, settings: "Settings", old_name: str = "", new_name: str = "") -> PlanDiff:
    from plancc.driver.check import check_file

    return diff_reports(check_file(old, settings, display=old_name or None),
                        check_file(new, settings, display=new_name or None), settings.lang, old_name, new_name)
