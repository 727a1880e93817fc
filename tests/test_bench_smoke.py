"""The benchmark scripts run (small inputs, one run each). Speed itself is
measured by ``python bench/run.py``, never asserted in tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("script", ["catalog.py", "many_plans.py", "startup.py", "import_read.py", "diff.py"])
def test_benchmark_script_runs_and_prints_its_figures(script):
    proc = subprocess.run([sys.executable, str(BENCH / script), "--quick"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert " s " in proc.stdout or proc.stdout.count(" s") >= 2
    assert "×" in proc.stdout
    assert "MISSED" not in proc.stdout  # quick runs report figures, not verdicts; validate must stay light


def test_catalog_inputs_have_the_rows_asked_for(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        import catalog
    finally:
        sys.path.remove(str(BENCH))
    plan, md = catalog.write_inputs(tmp_path, 300)
    from plancc.driver.check import check_file

    report = check_file(plan)
    assert report.errors == 0 and report.warnings == 0, [d.message for d in report.diagnostics]
    assert report.plan is not None and len(report.plan.catalog.courses) == 300
    assert md.read_text(encoding="utf-8").count("\n") == 302


def test_the_diff_bench_versions_differ_by_what_the_bench_says(tmp_path):
    """bench/diff.py's new version renames 50 titles, removes 20 rows, adds 20 and reverses the
    rest: the diff says exactly that, whatever lands at a removed row's old place."""
    import json

    sys.path.insert(0, str(BENCH))
    try:
        import diff as bench_diff
    finally:
        sys.path.remove(str(BENCH))
    old, new = bench_diff.write_versions(tmp_path, 5000)
    proc = subprocess.run([sys.executable, "-m", "plancc", "diff", "-f", "json", str(old), str(new)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    kinds = [c["kind"] for c in json.loads(proc.stdout)["changes"]]
    assert (kinds.count("changed"), kinds.count("added"), kinds.count("removed"), len(kinds)) == (50, 20, 20, 90)
