"""The policy pack compares like with like, follows the plan's year, and takes a repository's packs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from plancc.policy.measures import MEASURES
from plancc.policy.pack import NATIONAL, load_pack
from tests.helpers import MINIMAL, check, codes
from tests.rules.cases_policy import PACK


def test_a_three_year_project_is_not_held_to_the_annual_floor():
    plan = MINIMAL + "kind: project\nhours: {required: 50}\n"
    assert "PL901" not in codes(check(plan, policy=True))
    assert "PL901" in codes(check(MINIMAL + "hours: {required: 50}\n", policy=True))


def test_hours_scope_says_what_required_covers():
    cycle = MINIMAL + "hours: {required: 300, scope: cycle}\n"
    found = codes(check(cycle, policy=True))
    assert "PL901" not in found and "PL902" in found


def test_the_cycle_pace_is_a_years_figure():
    plan = MINIMAL + "period:\n  year: 2022\n  cycle: {start: 2022, end: 2026, total_hours: 360}\nhours: {required: 60, scope: project}\n"
    assert "PL403" not in codes(check(plan))


def test_a_cycle_of_another_length_is_not_compared_with_a_five_year_floor():
    plan = MINIMAL + "period:\n  year: 2022\n  cycle: {start: 2022, end: 2024, total_hours: 216}\n"
    assert "PL902" not in codes(check(plan, policy=True))


def test_every_national_requirement_names_its_source_and_a_known_measure():
    pack = load_pack(str(NATIONAL))
    assert pack.requirements
    for r in pack.requirements:
        assert r.measure in MEASURES and r.source.strip()


def test_a_plancc_toml_figure_wins_over_the_packs():
    plan = MINIMAL + "period: {year: 2024}\nhours: {required: 95}\n"
    assert "PL901" not in codes(check(plan, policy=True, policy_params={"packs": [PACK]}))
    assert "PL901" in codes(check(plan, policy=True, policy_params={"packs": [PACK], "annual_hours": 100}))


def _run(tmp_path, toml: str, *args):
    (tmp_path / "plancc.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(MINIMAL + "hours: {required: 150}\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "plancc", "validate", "plan.yaml", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)


def test_a_repository_pack_from_plancc_toml(tmp_path):
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "province.yaml").write_text(open(PACK, encoding="utf-8").read(), encoding="utf-8")
    r = _run(tmp_path, '[policy]\nenabled = true\npacks = ["policy/province.yaml"]\n')
    assert r.returncode == 1 and "PL907" in r.stdout and "144" in r.stdout


@pytest.mark.parametrize("pack, says", [
    ("name: x\nrequirements:\n  - {measure: weekly_hours, at_least: 1, source: s}\n", ["weekly_hours", "annual_hours", ":3:"]),
    ("name: x\nrequirements:\n  - {measure: annual_hours, at_least: 1}\n", ["source", ":3:"]),
    ("name: x\nrequirements: [\n", ["province.yaml"]),
    ("name: x\nrequirements:\n  - {measure: annual_hours, at_least: -1, source: s}\n", [":3:"]),
])
def test_a_broken_pack_is_a_located_configuration_error(tmp_path, pack, says):
    (tmp_path / "province.yaml").write_text(pack, encoding="utf-8")
    r = _run(tmp_path, '[policy]\nenabled = true\npacks = ["province.yaml"]\n')
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    for s in says:
        assert s in r.stderr, r.stderr


def test_a_missing_pack_file(tmp_path):
    r = _run(tmp_path, '[policy]\npacks = ["nowhere.yaml"]\n')
    assert r.returncode == 2 and "nowhere.yaml" in r.stderr and "Traceback" not in r.stderr
    r = _run(tmp_path, '[policy]\npacks = ["nowhere.yaml"]\n', "--lang", "en")
    assert "does not exist" in r.stderr


def test_a_rate_an_include_declares_and_the_plan_overrides_differently(tmp_path):
    (tmp_path / "shared.yaml").write_text("rates:\n  hours_per_day: 6\n  hours_per_credit: {集中培训: 6}\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL + "include: shared.yaml\nrates:\n  hours_per_day: 8\n  hours_per_credit: {集中培训: 6}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "plancc", "validate", "plan.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "PL409" in r.stdout and "shared.yaml:2" in r.stdout and "8" in r.stdout, r.stdout
    assert r.stdout.count("PL409") == 1  # the same figure twice is no conflict
    plan.write_text(MINIMAL + "include: shared.yaml\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "plancc", "validate", "plan.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "PL409" not in r.stdout


def test_rates_of_plancc_toml_serve_plans_that_declare_none(tmp_path):
    (tmp_path / "plancc.toml").write_text("[rates]\nhours_per_day = 6\n[rates.by_mode.hours_per_credit]\n\"集中培训\" = 6\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    body = "figures:\n  集中:\n    value: 30\n    unit: 学时\n    derive: 5天\n  学分:\n    value: 5\n    unit: 学分\n    mode: 集中培训\n    derive: 30学时\n"
    plan.write_text(MINIMAL + body, encoding="utf-8")
    run = lambda: subprocess.run([sys.executable, "-m", "plancc", "validate", "plan.yaml"], cwd=tmp_path, capture_output=True,
                                 text=True, timeout=60)
    r = run()
    assert r.returncode == 0 and "PL408" not in r.stdout and "PL407" not in r.stdout, r.stdout
    plan.write_text(MINIMAL + "rates: {hours_per_day: 8}\n" + body, encoding="utf-8")
    r = run()
    assert "PL409" in r.stdout and "plancc.toml" in r.stdout and "PL407" in r.stdout, r.stdout


def test_an_edited_pack_is_read_again(tmp_path):
    from plancc.policy.pack import load_pack

    pack = tmp_path / "p.yaml"
    pack.write_text("name: x\nrequirements:\n  - {measure: annual_hours, at_least: 72, source: s}\n", encoding="utf-8")
    assert load_pack(str(pack)).requirements[0].at_least == 72
    pack.write_text("name: x\nrequirements:\n  - {measure: annual_hours, at_least: 90.0, source: s}\n", encoding="utf-8")
    assert load_pack(str(pack)).requirements[0].at_least == 90
