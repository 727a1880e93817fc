"""The front half of the compiler: load → model → check, for one file or many.

Kept free of the document stack (python-docx, jinja2) so ``validate``
starts fast.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from plancc.check.context import Context
from plancc.check.registry import RULES
from plancc.check.runner import Selection, run_rules
from plancc.check.suppress import apply_suppressions
from plancc.config import Config
from plancc.diagnostics import Diagnostic, Severity
from plancc.load.includes import load_plan_file
from plancc.load.source import Limits, LoadedFile, SourceMap
from plancc.model.build import build_partial, build_plan
from plancc.model.plan import Plan

PLAN_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", "build", "dist", ".tox"}


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


@dataclass
class FileReport:
    path: str
    loaded: LoadedFile
    plan: Plan | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR and not d.suppressed)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING and not d.suppressed)

    def for_report(self) -> "FileReport":
        """What the reporters need: diagnostics and the source texts they quote.

        Sent back from worker processes instead of the full report: the values,
        position map and model of a plan cost more to pickle than to compute.
        """
        lf = self.loaded
        slim = LoadedFile(lf.path, lf.text if self.diagnostics else "", None, SourceMap(), lf.diagnostics,
                          included=dict(lf.included) if self.diagnostics else {}, dependencies=list(lf.dependencies))
        return FileReport(self.path, slim, None, self.diagnostics)


def check_file(path: str | Path, settings: Settings | None = None, display: str | None = None) -> FileReport:
    settings = settings or Settings()
    loaded = load_plan_file(path, settings.lang, settings.limits, display=display, roots=settings.include_roots)
    return check_loaded(loaded, settings)


def check_loaded(loaded: LoadedFile, settings: Settings) -> FileReport:
    diags = list(loaded.diagnostics)
    plan = None
    if loaded.data is not None:
        plan, model_diags = build_plan(loaded, settings.lang)
        diags.extend(model_diags)
        if plan is not None:
            ctx = Context(plan, loaded, settings.policy)
            diags.extend(run_rules(ctx, settings.selection, settings.lang))
        elif model_diags and all(d.code.startswith("PL1") and d.code != "PL100" for d in model_diags):
            diags.extend(_rules_on_valid_parts(loaded, settings))
    complete = plan is not None

    def active(code: str) -> bool:
        rule = RULES.get(code)
        return complete and rule is not None and settings.selection.enabled(rule)

    for name, text in [(loaded.path, loaded.text), *loaded.included.items()]:
        if text and "plancc:" in text and "#" in text:
            mine = [d for d in diags if d.file == name]
            others = [d for d in diags if d.file != name]
            diags = others + apply_suppressions(mine, text, name, settings.lang, active)
    diags = [d for d in diags if settings.selection.keeps(d.code)]
    diags.sort(key=Diagnostic.sort_key)
    return FileReport(loaded.path, loaded, plan, diags)


def _rules_on_valid_parts(loaded: LoadedFile, settings: Settings) -> list[Diagnostic]:
    """Run the rules on what is valid, so one typo does not hide a wrong sum elsewhere.

    Findings that touch a dropped part, and reference checks (which would
    see the dropped part as missing), are left out.
    """
    partial, dropped = build_partial(loaded)
    if partial is None:
        return []
    found = run_rules(Context(partial, loaded, settings.policy), settings.selection, settings.lang)

    def touches(d: Diagnostic) -> bool:
        paths = [d.path] + [r.path for r in d.related]
        return any(p.split(".")[0].split("[")[0] in dropped for p in paths if p)

    return [d for d in found if not touches(d) and not d.code.startswith("PL5") and d.code != "PL999"]


def discover(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into plan files; return (files, paths that do not exist).

    A folder is searched recursively for regular *.yaml/*.yml files that have
    a top-level ``plancc:`` key (plan repositories also hold CI and tool YAML);
    named pipes, devices and sockets are passed over without being opened. A
    path named explicitly is always taken when it exists and is not a folder:
    if it is not a regular file, loading it says so (PL000).
    """
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        try:
            mode = os.stat(p).st_mode
        except (OSError, ValueError):
            missing.append(str(raw))
            continue
        if not stat.S_ISDIR(mode):
            files.append(p)
            continue
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                if name.endswith(PLAN_SUFFIXES):
                    candidate = Path(root) / name
                    if looks_like_plan(candidate):
                        files.append(candidate)
    return files, missing


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def looks_like_plan(path: Path) -> bool:
    """True when a regular file has a top-level line starting with ``plancc:`` (cheap; no YAML parse).

    Never blocks: anything but a regular file (a named pipe, a device) is not
    a plan, and the file is opened without waiting for a writer.
    """
    if not _is_regular(path):
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the stat and the open
            return False
        head = os.read(fd, 64 * 1024)
    except OSError:
        return False
    finally:
        os.close(fd)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    for line in head.splitlines():
        if line.startswith(b"plancc:") or line.startswith(b'"plancc":') or line.startswith(b"'plancc':"):
            return True
    return False


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
