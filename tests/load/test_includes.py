"""include: shared definitions merged under a plan, with positions in the file that wrote them."""

from __future__ import annotations

import os
from pathlib import Path

from plancc.driver.check import check_file
from plancc.driver.settings import Settings

SHARED = """\
tiers:
  - {name: 新教师, years: [1, 2]}
  - {name: 成长期教师, years: [3, 8]}
hours:
  required: 90
  components:
    - {name: 专业知识, hours: 60}
    - {name: 公需知识, hours: 30}
document:
  issuer: 某县教育体育局
"""

PLAN = """\
plancc: 1
include: ../shared/county.yaml
document:
  title: 某校2025年教师全员培训实施方案
"""


def make(tmp_path: Path, shared: str = SHARED, plan: str = PLAN) -> Path:
    (tmp_path / "shared").mkdir(exist_ok=True)
    (tmp_path / "plans").mkdir(exist_ok=True)
    (tmp_path / "shared" / "county.yaml").write_text(shared, encoding="utf-8")
    (tmp_path / "plans" / "a.yaml").write_text(plan, encoding="utf-8")
    return tmp_path / "plans" / "a.yaml"


def check(path: Path, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return check_file(os.path.relpath(path), Settings(include_roots=(cwd.resolve(),)))
    finally:
        os.chdir(old)


def test_included_values_merge_under_the_plan(tmp_path):
    report = check(make(tmp_path), tmp_path)
    assert report.errors == 0, [d.message for d in report.diagnostics]
    plan = report.plan
    assert plan.document.issuer == "某县教育体育局"
    assert plan.document.title == "某校2025年教师全员培训实施方案"
    assert [t.name for t in plan.tiers] == ["新教师", "成长期教师"]


def test_the_plan_wins_over_the_included_file(tmp_path):
    report = check(make(tmp_path, plan=PLAN + "  issuer: 某校\nhours:\n  required: 80\n  components: [{name: 专业知识, hours: 80}]\n"), tmp_path)
    assert report.plan.document.issuer == "某校"
    assert report.plan.hours.required == 80 and len(report.plan.hours.components) == 1
    assert report.errors == 0


def test_diagnostics_point_into_the_file_where_the_value_was_written(tmp_path):
    report = check(make(tmp_path, shared=SHARED.replace("hours: 30}", "hours: 20}")), tmp_path)
    [d] = [d for d in report.diagnostics if d.code == "PL201"]
    assert d.file == "shared/county.yaml"
    assert (d.line, d.column) == (5, 13)
    assert all(r.file == "shared/county.yaml" for r in d.related)
    assert report.loaded.line(d.line, d.file) == "  required: 90"


def test_a_typo_in_the_included_file_is_located_there(tmp_path):
    report = check(make(tmp_path, shared=SHARED + "  titel: x\n"), tmp_path)
    [d] = [d for d in report.diagnostics if d.code == "PL101"]
    assert d.file == "shared/county.yaml" and d.line == 11


def test_a_syntax_error_in_the_included_file_is_located_there(tmp_path):
    report = check(make(tmp_path, shared="tiers: [\n"), tmp_path)
    [d] = [d for d in report.diagnostics if d.code == "PL001"]
    assert d.file == "shared/county.yaml"


def test_a_missing_include_is_reported_at_the_include_entry(tmp_path):
    report = check(make(tmp_path, plan=PLAN.replace("county.yaml", "nope.yaml")), tmp_path)
    [d] = [d for d in report.diagnostics if d.code == "PL012"]
    assert d.file == "plans/a.yaml" and d.line == 2 and "nope.yaml" in d.message


def test_an_include_cycle_is_an_error(tmp_path):
    shared = "include: ../plans/a.yaml\n" + SHARED
    report = check(make(tmp_path, shared=shared), tmp_path)
    [d] = [d for d in report.diagnostics if d.code == "PL012"]
    assert "循环" in d.message and d.file == "shared/county.yaml"


def test_includes_are_recorded_as_dependencies(tmp_path):
    report = check(make(tmp_path), tmp_path)
    assert [p.name for p in report.loaded.dependencies] == ["county.yaml"]


def test_suppression_inside_the_included_file(tmp_path):
    shared = SHARED.replace("hours: 30}", "hours: 20}").replace("  required: 90", "  required: 90  # plancc: ignore[PL201] 县里另有口径")
    report = check(make(tmp_path, shared=shared), tmp_path)
    [d] = [d for d in report.diagnostics if d.code == "PL201"]
    assert d.suppressed and report.errors == 0


def test_settings_from_config_carry_every_limit_and_the_include_folders(tmp_path):
    from plancc.config import load_config
    from plancc.load.limits import Limits

    (tmp_path / "shared").mkdir()
    (tmp_path / "repo").mkdir()
    toml = tmp_path / "repo" / "plancc.toml"
    toml.write_text('[limits]\nmax_nodes = 5000\nmax_expanded_bytes = 4096\nmax_include_bytes = 100\n'
                    '[include]\nallow = ["../shared"]\n', encoding="utf-8")
    settings = Settings.from_config(load_config(toml))
    assert settings.limits == Limits(max_nodes=5000, max_expanded_bytes=4096, max_include_bytes=100)
    assert settings.include_roots == ((tmp_path / "repo").resolve(), (tmp_path / "shared").resolve())


def test_an_include_below_the_root_through_dotdot_is_fine(tmp_path):
    # ../shared from plans/ stays inside the repository root given to the check
    report = check(make(tmp_path), tmp_path)
    assert report.errors == 0 and not [d for d in report.diagnostics if d.code == "PL012"]
