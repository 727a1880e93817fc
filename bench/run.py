"""Run every benchmark and print the figures the README records.

    python bench/run.py            # full run (a few minutes)
    python bench/run.py --quick    # small inputs, one run each: checks the scripts work

Exit status 1 when a full run misses a target or cannot measure one
(pandoc or check-jsonschema missing).
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import catalog  # noqa: E402
import diff  # noqa: E402
import import_read  # noqa: E402
import many_plans  # noqa: E402
import startup  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    extra = ["--quick"] if args.quick else []
    print(f"plancc benchmarks: Python {platform.python_version()}, {platform.machine()}, {platform.system()}\n")
    cat = catalog.main(extra)
    print()
    many = many_plans.main(extra)
    print()
    start = startup.main(extra)
    print()
    imp = import_read.main(extra)
    print()
    dif = diff.main(extra)
    if args.quick:
        return 0
    results = (cat, many, start, imp, dif)
    missed = [m for r in results for m in r["verdicts"].missed]
    unmeasured = [m for r in results for m in r["verdicts"].unmeasured]
    print()
    if missed:
        print("missed: " + ", ".join(missed))
    if unmeasured:
        print("not measured: " + ", ".join(unmeasured))
    if not missed and not unmeasured:
        print("all targets met")
    return 1 if missed or unmeasured else 0


if __name__ == "__main__":
    sys.exit(main())
