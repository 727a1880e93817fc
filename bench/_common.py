"""Shared pieces of the benchmarks: where things are, how a command is timed.

Every case runs whole processes (what a user waits for), interleaves the
command under test with its reference so that a slow moment of the machine
hits both, and reports medians. Times are wall-clock; CPU time and peak RSS
come from ``os.wait4`` for the command measured: CPU time includes the worker
processes it ran (parallel validate), peak RSS is the largest single process
of them.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "plans"
SCHEMA = REPO / "schema" / "plan.schema.json"
BIN = Path(sys.executable).parent


def tool(name: str) -> str | None:
    """A console script of this environment (plancc, check-jsonschema), else one on PATH."""
    here = BIN / name
    if here.exists():
        return str(here)
    return shutil.which(name)


def plancc_cmd() -> list[str]:
    return [sys.executable, "-m", "plancc"] if tool("plancc") is None else [tool("plancc")]  # type: ignore[list-item]


@dataclass
class Run:
    wall: float
    cpu: float
    max_rss_mb: float
    returncode: int


def run_once(cmd: list[str], *, cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run a command to completion; its own wall time, CPU time and peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 reports the rusage of this child and the children it reaped, not of
    # earlier commands (RUSAGE_CHILDREN would mix in pandoc's peak)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')}")
    rss_kb = usage.ru_maxrss  # kilobytes on Linux
    return Run(wall, usage.ru_utime + usage.ru_stime, rss_kb / 1024, proc.returncode)


@dataclass
class Series:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def max_rss_mb(self) -> float:
        return max(r.max_rss_mb for r in self.runs)


def interleaved(cases: dict[str, list[str]], repeat: int, *, cwd: Path | None = None, warmup: bool = True) -> dict[str, Series]:
    """Run each command ``repeat`` times, taking turns; medians per command."""
    if warmup:  # fills the OS file cache and plancc's compiled-template cache
        for cmd in cases.values():
            run_once(cmd, cwd=cwd)
    out = {name: Series(name) for name in cases}
    for _ in range(repeat):
        for name, cmd in cases.items():
            out[name].runs.append(run_once(cmd, cwd=cwd))
    return out


def compile_package() -> None:
    """Byte-compile plancc as ``pip install`` does for an installed package (an editable
    checkout would otherwise recompile on every run when PYTHONDONTWRITEBYTECODE is set)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "plancc")], check=True,
                   stdout=subprocess.DEVNULL)


@dataclass(frozen=True)
class Target:
    """A target of the issue “Fast on real scale”, stated once for the scripts and run.py."""

    name: str
    limit: float
    text: str
    strict: bool = False  # "under 500 MB": the limit itself misses

    def met(self, value: float) -> bool:
        return value < self.limit if self.strict else value <= self.limit


CATALOG_VS_PANDOC = Target("catalog vs pandoc", 0.40, "≤ 0.40")
CATALOG_SCALING = Target("catalog scaling", 4.5, "≤ 4.5 (4.0 = linear)")
CATALOG_MEMORY = Target("catalog memory", 500, "< 500 MB", strict=True)
DIFF_SECONDS = Target("diff of a 5,000-row plan", 0.5, "≤ 0.5 s")
MANY_PLANS = Target("many plans vs check-jsonschema", 0.50, "≤ 0.50")


@dataclass
class Verdicts:
    """What one script's run met, missed, or could not measure. The targets are
    set for the full inputs: a quick run shows figures only."""

    quick: bool
    missed: list[str] = field(default_factory=list)
    unmeasured: list[str] = field(default_factory=list)

    def check(self, target: Target, value: float) -> str:
        """The note printed beside a figure; a miss is remembered."""
        if self.quick:
            return ""
        if target.met(value):
            return f"target {target.text}"
        self.missed.append(target.name)
        return f"target {target.text}  MISSED"


def line(label: str, value: str, note: str = "") -> str:
    return f"  {label:<44} {value:>12}  {note}"


def seconds(s: float) -> str:
    return f"{s:.3f} s"
