"""Start-up: ``plancc validate`` of one plan as a whole process, against
``python -c pass`` (the interpreter alone), and a check with
``python -X importtime`` that validate never imports the document stack.

    python bench/startup.py [--repeat 15] [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PLANS, REPO, Verdicts, compile_package, interleaved, line, seconds  # noqa: E402

PLAN = PLANS / "binchuan-2022.yaml"
#: packages only ``render`` needs; validate must not pay for them
DOCUMENT_STACK = ("docx", "jinja2", "lxml", "markdown_it")


def imported_modules(cmd: list[str]) -> list[str]:
    """Top-level packages a command imports, from ``-X importtime`` (stderr)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True, cwd=REPO)
    names = set()
    for row in proc.stderr.splitlines():
        if row.startswith("import time:") and "|" in row:
            name = row.rsplit("|", 1)[1].strip()
            names.add(name.split(".")[0])
    return sorted(names)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--quick", action="store_true", help="three runs (a smoke test)")
    args = ap.parse_args(argv)
    repeat = 3 if args.quick else args.repeat
    compile_package()
    validate = [sys.executable, "-m", "plancc", "validate", "--isolated", "-q", str(PLAN)]
    runs = interleaved({"python": [sys.executable, "-c", "pass"], "validate": validate,
                        "version": [sys.executable, "-m", "plancc", "--version"]}, repeat, cwd=REPO)
    py, val, ver = runs["python"], runs["validate"], runs["version"]
    loaded = imported_modules(["-m", "plancc", "validate", "--isolated", "-q", str(PLAN)])
    heavy = [m for m in DOCUMENT_STACK if m in loaded]
    verdicts = Verdicts(args.quick)
    if heavy:  # checked in quick runs too: the smoke test holds validate to it
        verdicts.missed.append("validate imports the document stack")
    print(f"Start-up (whole process, median of {repeat})")
    print(line("python -c pass", seconds(py.wall)))
    print(line("plancc --version", seconds(ver.wall), f"{ver.wall / py.wall:.1f} × python"))
    print(line(f"plancc validate {PLAN.name}", seconds(val.wall), f"{val.wall / py.wall:.1f} × python"))
    print(line("  document stack imported by validate", ", ".join(heavy) or "none",
               "must be none" + ("" if not heavy else "  MISSED")))
    return {"python": py.wall, "validate": val.wall, "version": ver.wall, "ratio": val.wall / py.wall, "heavy": heavy,
            "verdicts": verdicts}


if __name__ == "__main__":
    main()
