"""The console script's fast exit: output flushed, exit codes kept, at-exit tools not cut off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PLAN = Path(__file__).resolve().parents[2] / "plans" / "binchuan-2022.yaml"


def _run(args, **kw):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120, **kw)


def test_long_output_to_a_pipe_is_complete_and_the_code_kept(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("plancc: 1\nhours: {required: 90, components: [{name: 专业, hours: 60}]}\n", encoding="utf-8")
    proc = _run(["-m", "plancc", "validate", "--isolated", "--format", "json", str(bad), str(PLAN)])
    assert proc.returncode == 1
    assert proc.stdout.rstrip().endswith("}")  # the whole JSON document arrived


def test_a_closed_stdout_or_stderr_is_not_a_crash():
    for args in (["--version"], ["validate", "--isolated", str(PLAN)]):
        for fd in ("stdout", "stderr"):
            proc = subprocess.run([sys.executable, "-c", f"import os, sys, runpy; os.close(sys.{fd}.fileno()); "
                                   f"sys.{fd} = None; sys.argv = ['plancc', *{args!r}]; "
                                   "runpy.run_module('plancc', run_name='__main__')"],
                                  capture_output=True, text=True, timeout=120)
            assert proc.returncode == 0, (args, fd, proc.stderr)
            assert "Traceback" not in proc.stderr


def test_a_profiler_still_gets_its_report():
    proc = _run(["-m", "cProfile", "-m", "plancc", "--version"])
    assert proc.returncode == 0
    assert "function calls" in proc.stdout
