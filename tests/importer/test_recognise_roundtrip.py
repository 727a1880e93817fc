"""render → (the .docx read back as prose) → recognise → validate → render: the example's
figures are data again, the imported plan has no errors, and it prints the same body text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from plancc.importer.recognise import recognise
from tests.helpers import ROOT, check, check_example, render_example

sys.path.insert(0, str(Path(__file__).parent))
from prose_docx import body_texts, prose_plan  # noqa: E402


def _render(tmp_path: Path, name: str, report, plan_path: Path) -> Path:
    out = tmp_path / name
    out.write_bytes(render_example(report, plan_path))
    return out


def _round_trip(tmp_path: Path, stem: str):
    path = ROOT / "plans" / f"{stem}.yaml"
    original = _render(tmp_path, "original.docx", check_example(path), path)
    plan, guesses = recognise(prose_plan(original))
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    report = check(text)
    errors = [f"{d.line}:{d.column} {d.code} {d.message}" for d in report.diagnostics if d.severity == "error"]
    assert report.errors == 0, errors
    again = _render(tmp_path, "again.docx", report, ROOT / "plans" / "imported.yaml")
    return plan, guesses, body_texts(original), body_texts(again)


def _body(texts: list[str]) -> list[str]:
    return [t for t in texts if t.strip()]


def test_luoerling_round_trip(tmp_path):
    plan, guesses, before, after = _round_trip(tmp_path, "luoerling-2024-2025")
    assert plan["hours"]["required"] == 90 and plan["hours"]["at_least"] is True
    assert [c["hours"] for c in plan["hours"]["components"]] == [60, 30]
    assert plan["period"] == {"start": "2024-08", "end": "2025-06", "school_year": "2024-2025"}
    assert len(plan["phases"]) == 6
    assert (plan["phases"][0]["start"], plan["phases"][0]["end"], plan["phases"][0]["form"]) == ("2024-07", "2024-09", "集中+远程")
    assert plan["phases"][5]["name"] == "总结提升阶段"
    assert any(g.key == "import.guess.phase" for g in guesses)
    assert _body(after) == _body(before)


def test_binchuan_round_trip(tmp_path):
    plan, guesses, before, after = _round_trip(tmp_path, "binchuan-2022")
    assert plan["hours"] == {"required": 72, "offered": 100}
    assert plan["period"] == {"start": "2022-11", "end": "2023-04", "year": 2022}
    assert [t["years"] for t in plan["tiers"]] == [[1, 2], [3, 8], [9, 14], [15, None]]
    assert len(plan["phases"]) == 7
    assert plan["phases"][0] == {"due": "2022-11-15", "tasks": plan["phases"][0]["tasks"]}
    assert (plan["phases"][5]["start"], plan["phases"][5]["end"]) == ("2023-03-15", "2023-03-31")
    assert len(plan["phases"][4]["tasks"]) == 3
    by_id = {a["id"]: a for a in plan["assessments"]}
    assert [(c["name"], c.get("weight"), c.get("points")) for c in by_id["分层项目"]["components"]] == [
        ("过程性考核", 70, 70), ("在线考试", 30, 100)]
    assert [(c["name"], c.get("weight"), c.get("points")) for c in by_id["分岗项目"]["components"]] == [
        ("过程性考核", 70, 70), ("结果性考核", 30, None)]
    assert [len(ms["modules"]) for ms in plan["module_sets"]] == [8, 7, 11, 7, 5]
    assert [(st["name"], len(st["themes"])) for st in plan["stages"]] == [("学前教育", 4), ("义务教育段", 4), ("高中", 4)]
    assert _body(after) == _body(before)


def test_huaibei_round_trip(tmp_path):
    plan, guesses, before, after = _round_trip(tmp_path, "huaibei-2022-2023")
    assert plan["hours"]["required"] == 24
    assert len(plan["catalog"]["courses"]) == 83
    assert plan["catalog"]["courses"][0] == ["通识", "", "师德素养", "教师法及相关法律法规解读"]
    (a,) = plan["assessments"]
    assert [it.get("points") for it in a["items"]] == [50, 20, 15, 15]
    assert (a["pass_mark"], a["pass_condition"]) == (78, "完成必做考核项目，并且至少完成一次文章资源分享")
    (e,) = plan["evaluations"]
    assert sum(it["weight"] for it in e["items"]) == 100 and len(e["items"]) == 11
    assert plan["period"]["start"] == "2023-04-03" and plan["period"]["end"] == "2023-05-31"
    assert _body(after) == _body(before)
