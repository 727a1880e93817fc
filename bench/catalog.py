"""Large course catalogs: ``plancc render`` against pandoc on the same table.

The plan is the bundled Huaibei plan (seed 001) with its 83-row catalog
replaced by N generated rows (stage, subject, module, course title, as in the
seed); the reference is pandoc converting the same N rows, written as a
Markdown pipe table, to .docx. Both are timed as whole processes.

Targets (issue “Fast on real scale”): plancc ≤ 0.4 × pandoc at 5,000 rows;
20,000 rows ≤ 4.5 × the 5,000-row time; peak RSS of the 20,000-row render
under 500 MB.

    python bench/catalog.py [--repeat 5] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    CATALOG_MEMORY,
    CATALOG_SCALING,
    CATALOG_VS_PANDOC,
    PLANS,
    Verdicts,
    compile_package,
    interleaved,
    line,
    plancc_cmd,
    run_once,
    seconds,
    tool,
)

BASE_PLAN = PLANS / "huaibei-2022-2023.yaml"
STAGES = ["小学", "初中", "高中"]
SUBJECTS = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理"]


def _modules(text: str) -> list[str]:
    """The module names of the plan's module set (catalog rows must use them, or PL504 fires)."""
    import yaml

    data = yaml.safe_load(text)
    return list(data["module_sets"][0]["modules"])


def catalog_rows(n: int, modules: list[str]) -> list[tuple[str, str, str, str]]:
    # sorted by stage, subject, module as a real catalog is, so the merge columns merge
    rows = []
    for k in range(n):
        stage = STAGES[k * len(STAGES) // n]
        subject = SUBJECTS[(k * len(STAGES) * len(SUBJECTS) // n) % len(SUBJECTS)]
        module = modules[(k // 7) % len(modules)]
        rows.append((stage, subject, module, f"第{k + 1}讲 课堂教学中的问题设计与实践研究（{k % 97 + 1}）"))
    return rows


def write_inputs(folder: Path, n: int) -> tuple[Path, Path]:
    """The plan (catalog of n rows) and the Markdown table with the same rows."""
    text = BASE_PLAN.read_text(encoding="utf-8")
    rows = catalog_rows(n, _modules(text))
    lines = text.split("\n")
    start = lines.index("  courses:") + 1
    end = start
    while end < len(lines) and (lines[end].startswith("    ") or lines[end].lstrip().startswith("#")):
        end += 1
    body = [f"    - [{a}, {b}, {c}, {d}]" for a, b, c, d in rows]
    plan = folder / f"catalog-{n}.yaml"
    plan.write_text("\n".join(lines[:start] + body + lines[end:]), encoding="utf-8")
    md = folder / f"catalog-{n}.md"
    table = ["| 学段 | 学科 | 模块 | 课程 |", "|---|---|---|---|"] + [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    md.write_text("\n".join(table) + "\n", encoding="utf-8")
    return plan, md


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="500 and 2,000 rows, one run each (a smoke test)")
    args = ap.parse_args(argv)
    small, large = (500, 2000) if args.quick else (5000, 20000)
    repeat = 1 if args.quick else args.repeat
    pandoc = tool("pandoc")
    compile_package()
    plancc = plancc_cmd()
    verdicts = Verdicts(args.quick)
    results: dict = {"rows": [small, large], "verdicts": verdicts}
    with tempfile.TemporaryDirectory(prefix="plancc-bench-") as tmp:
        folder = Path(tmp)
        plan_s, md_s = write_inputs(folder, small)
        plan_l, _ = write_inputs(folder, large)
        cases = {"plancc": [*plancc, "render", str(plan_s), "-o", str(folder / "s.docx")]}
        if pandoc:
            cases["pandoc"] = [pandoc, str(md_s), "-f", "markdown", "-t", "docx", "-o", str(folder / "s-pandoc.docx")]
        small_runs = interleaved(cases, repeat, cwd=folder)
        large_runs = interleaved({"plancc": [*plancc, "render", str(plan_l), "-o", str(folder / "l.docx")]}, repeat,
                                 cwd=folder, warmup=False)
        # the large render's peak memory, measured on a process of its own
        large_rss = run_once([*plancc, "render", str(plan_l), "-o", str(folder / "l2.docx")], cwd=folder).max_rss_mb

    p_s, p_l = small_runs["plancc"], large_runs["plancc"]
    print(f"Large catalog (render to .docx, whole process, median of {repeat})")
    print(line(f"plancc render, {small:,} rows", seconds(p_s.wall), f"cpu {p_s.cpu:.3f} s"))
    results["plancc_small"] = p_s.wall
    if pandoc:
        ref = small_runs["pandoc"]
        ratio = p_s.wall / ref.wall
        print(line(f"pandoc markdown → docx, {small:,} rows", seconds(ref.wall), f"cpu {ref.cpu:.3f} s"))
        print(line("  plancc / pandoc", f"{ratio:.2f} ×", verdicts.check(CATALOG_VS_PANDOC, ratio)))
        results["pandoc_small"] = ref.wall
        results["ratio_pandoc"] = ratio
    else:
        print(line("pandoc", "not installed", "(no reference)"))
        verdicts.unmeasured.append("catalog vs pandoc (pandoc not installed)")
    scale = p_l.wall / p_s.wall
    print(line(f"plancc render, {large:,} rows", seconds(p_l.wall), f"cpu {p_l.cpu:.3f} s"))
    print(line(f"  {large:,} / {small:,} rows", f"{scale:.2f} ×", verdicts.check(CATALOG_SCALING, scale)))
    print(line(f"  peak RSS, {large:,} rows", f"{large_rss:.0f} MB", verdicts.check(CATALOG_MEMORY, large_rss)))
    results.update(plancc_large=p_l.wall, scale=scale, rss_mb=large_rss)
    return results


if __name__ == "__main__":
    main()
