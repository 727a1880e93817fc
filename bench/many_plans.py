"""Many plans: ``plancc validate`` over a folder of 1,000 plan files against
check-jsonschema with plancc's own exported schema over the same files.

The files are copies of the three bundled example plans (each made distinct by
a comment line). check-jsonschema checks structure only; plancc also loads
with positions, builds the models and runs every consistency rule.

Target (issue “Fast on real scale”): plancc ≤ 0.5 × check-jsonschema, using
both cores where it pays (``-j``, on by default above 40 files).

    python bench/many_plans.py [--files 1000] [--repeat 3] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import MANY_PLANS, PLANS, SCHEMA, Verdicts, compile_package, interleaved, line, plancc_cmd, seconds, tool  # noqa: E402

EXAMPLES = sorted(PLANS.glob("*.yaml"))


def write_plans(folder: Path, n: int) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    paths = []
    for i in range(n):
        text = texts[i % len(texts)].replace("$schema=../schema/plan.schema.json", f"$schema={SCHEMA.as_uri()}")
        p = folder / f"plan-{i:04d}.yaml"
        p.write_text(f"# 第 {i + 1} 份\n{text}", encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="60 files, one run (a smoke test)")
    args = ap.parse_args(argv)
    n = 60 if args.quick else args.files
    repeat = 1 if args.quick else args.repeat
    compile_package()
    plancc = plancc_cmd()
    checker = tool("check-jsonschema")
    verdicts = Verdicts(args.quick)
    results: dict = {"files": n, "cores": os.cpu_count(), "verdicts": verdicts}
    with tempfile.TemporaryDirectory(prefix="plancc-bench-") as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        files = write_plans(folder, n)
        cases = {
            "plancc": [*plancc, "validate", "--isolated", "-q", str(folder)],
            "plancc -j1": [*plancc, "validate", "--isolated", "-q", "-j", "1", str(folder)],
        }
        if checker:
            cases["check-jsonschema"] = [checker, "--schemafile", str(SCHEMA), *map(str, files)]
        runs = interleaved(cases, repeat, cwd=Path(tmp), warmup=False)  # compile_package() did the warming

    print(f"Many plans (validate {n:,} files, whole process, median of {repeat}, {os.cpu_count()} cores)")
    p, p1 = runs["plancc"], runs["plancc -j1"]
    print(line("plancc validate (parallel, default)", seconds(p.wall), f"cpu {p.cpu:.2f} s"))
    print(line("plancc validate -j 1", seconds(p1.wall), f"cpu {p1.cpu:.2f} s; parallel speed-up {p1.wall / p.wall:.2f} ×"))
    results.update(plancc=p.wall, plancc_j1=p1.wall)
    if checker:
        ref = runs["check-jsonschema"]
        ratio = p.wall / ref.wall
        print(line("check-jsonschema --schemafile", seconds(ref.wall), f"cpu {ref.cpu:.2f} s"))
        print(line("  plancc / check-jsonschema", f"{ratio:.2f} ×", verdicts.check(MANY_PLANS, ratio)))
        results.update(check_jsonschema=ref.wall, ratio=ratio)
    else:
        print(line("check-jsonschema", "not installed", "(pip install -e '.[test]')"))
        verdicts.unmeasured.append("many plans (check-jsonschema not installed)")
    return results


if __name__ == "__main__":
    main()
