"""Reviewing a change of a large plan: ``plancc diff`` of two versions of a 5,000-row catalog.

The old plan is the Huaibei plan with a 5,000-row catalog (bench/catalog.py); the new
one changes 50 course titles, removes 20 rows, adds 20 and reverses the order of the
rest (reordering is no change: the diff must pair rows by their identity). The
references, timed the same way (whole processes, interleaved): ``plancc validate`` of the new
plan alone (the least a diff that reports findings must do is check a plan; the diff checks both,
the second in a forked child beside the first, then compares them) and ``git diff --no-index`` of
the same two files, a line diff that knows nothing of plans (run through ``sh``, as git exits 1
when files differ). The ratio to validate does not depend on how fast the machine is that day;
the seconds do.

Target (issue “Review a change of plan”): ≤ 0.5 s for the diff.

    python bench/diff.py [--repeat 5] [--quick]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DIFF_SECONDS, Verdicts, compile_package, interleaved, line, plancc_cmd, seconds  # noqa: E402

import catalog  # noqa: E402


def write_versions(folder: Path, n: int) -> tuple[Path, Path]:
    old, _ = catalog.write_inputs(folder, n)
    lines = old.read_text(encoding="utf-8").split("\n")
    rows = [k for k, t in enumerate(lines) if t.startswith("    - [")]
    body = [lines[k] for k in rows]
    for k in range(0, min(len(body), 50 * 7), 7):
        body[k] = body[k].replace("实践研究", "实践探索")
    del body[-20:]
    body += [f"    - [初中, 数学, {body[0].split(', ')[2]}, 新增课程{k + 1}]" for k in range(20)]
    body.reverse()
    new_lines = lines[:rows[0]] + body + lines[rows[-1] + 1:]
    new = folder / f"catalog-{n}-new.yaml"
    new.write_text("\n".join(new_lines), encoding="utf-8")
    return old, new


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="500 rows, one run (a smoke test)")
    args = ap.parse_args(argv)
    n = 500 if args.quick else 5000
    repeat = 1 if args.quick else args.repeat
    compile_package()
    verdicts = Verdicts(args.quick)
    with tempfile.TemporaryDirectory(prefix="plancc-bench-") as tmp:
        folder = Path(tmp)
        old, new = write_versions(folder, n)
        cases = {"plancc": [*plancc_cmd(), "diff", "-f", "json", str(old), str(new)],
                 "validate": [*plancc_cmd(), "validate", str(new)]}
        git = shutil.which("git")
        if git:
            # git exits 1 when the files differ: run through sh, which says 0 (a few ms more for the reference)
            cases["git"] = ["sh", "-c", f'"{git}" diff --no-index --stat "$0" "$1" >/dev/null; exit 0', str(old), str(new)]
        runs = interleaved(cases, repeat, cwd=folder)
    p = runs["plancc"]
    print(f"Plan diff, {n:,}-row catalog, two versions (whole process, median of {repeat})")
    print(line("plancc diff", seconds(p.wall), f"cpu {p.cpu:.3f} s  {verdicts.check(DIFF_SECONDS, p.wall)}"))
    v = runs["validate"]
    print(line("plancc validate of the new plan alone", seconds(v.wall), f"cpu {v.cpu:.3f} s"))
    print(line("  diff / validate of one plan", f"{p.wall / v.wall:.2f} ×"))
    out = {"diff": p.wall, "validate": v.wall, "verdicts": verdicts}
    if git:
        g = runs["git"]
        print(line("git diff --no-index (a line diff)", seconds(g.wall), f"cpu {g.cpu:.3f} s"))
        print(line("  plancc / git", f"{p.wall / g.wall:.1f} ×"))
        out["git"] = g.wall
    return out


if __name__ == "__main__":
    main()
