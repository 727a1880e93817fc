"""plancc diff on files and on git revisions: output formats, exit codes, findings."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from plancc.cli.main import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "plans" / "luoerling-2024-2025.yaml"


def _plancc(capsys, *args) -> tuple[int, str, str]:
    code = run(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _changed(tmp_path: Path, old: str, new: str, name: str = "new.yaml") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / name
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_identical_plans_print_nothing_and_exit_0_even_with_exit_code(capsys):
    assert _plancc(capsys, "diff", str(EXAMPLE), str(EXAMPLE)) == (0, "", "")
    assert _plancc(capsys, "diff", "--exit-code", str(EXAMPLE), str(EXAMPLE)) == (0, "", "")


def test_a_change_is_said_and_exit_code_makes_it_1(tmp_path, capsys):
    new = _changed(tmp_path, "hours: 30", "hours: 40")
    code, out, _ = _plancc(capsys, "diff", str(EXAMPLE), str(new))
    assert code == 0 and "学时组成“公需知识”" in out and "30 → 40" in out
    assert "新出现 PL201" in out  # 60 + 40 is not the 90 required
    code, _, _ = _plancc(capsys, "diff", "--exit-code", str(EXAMPLE), str(new))
    assert code == 1


def test_json_has_changes_and_findings(tmp_path, capsys):
    new = _changed(tmp_path, "hours: 30", "hours: 40")
    code, out, _ = _plancc(capsys, "diff", "-f", "json", str(EXAMPLE), str(new))
    data = json.loads(out)
    (c,) = data["changes"]
    assert c["kind"] == "changed" and c["old"] == 30 and c["new"] == 40 and c["path"] == "hours.components[公需知识].hours"
    assert [f["code"] for f in data["findings"]["added"]] == ["PL201"] and data["findings"]["resolved"] == []


def test_a_fix_resolves_a_finding(tmp_path, capsys):
    # the example's basis number 霍教职9号 lacks its year (PL803); writing it in full resolves it
    new = _changed(tmp_path, "number: 霍教职9号", "number: 霍教职〔2024〕9号")
    code, out, _ = _plancc(capsys, "diff", "-f", "json", str(EXAMPLE), str(new))
    data = json.loads(out)
    assert "PL803" in [f["code"] for f in data["findings"]["resolved"]]


def test_markdown_has_a_table_per_area_and_escapes_cells(tmp_path, capsys):
    new = _changed(tmp_path, "hours: 30", "hours: 40")
    text = new.read_text(encoding="utf-8").replace("name: 总结提升阶段", "name: 总结|提升<b>阶段</b>", 1)
    new.write_text(text, encoding="utf-8")
    code, out, _ = _plancc(capsys, "diff", "-f", "markdown", str(EXAMPLE), str(new))
    assert "| 项目 | 变化 | 原 | 新 |" in out and "**学时要求**" in out and "**培训进度安排**" in out
    assert "总结\\|提升\\<b\\>阶段\\</b\\>" in out and "<b>" not in out


def test_english(tmp_path, capsys):
    new = _changed(tmp_path, "hours: 30", "hours: 40")
    code, out, _ = _plancc(capsys, "diff", "--lang", "en", str(EXAMPLE), str(new))
    assert "30 → 40" in out and "学时组成" not in out.split("\n")[2]


def test_not_a_file_nor_a_revision_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = _plancc(capsys, "diff", "no-such-thing")
    assert code == 2 and "既不是文件" in err


@pytest.fixture
def repo(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is needed")
    monkeypatch.chdir(tmp_path)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "plans").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "plans" / "a.yaml")
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")  # a YAML file that is no plan
    git("add", ".")
    git("commit", "-qm", "one")
    return tmp_path, git


def test_revision_against_the_working_tree(repo, capsys):
    root, git = repo
    p = root / "plans" / "a.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("hours: 30", "hours: 40", 1), encoding="utf-8")
    (root / "notes.yaml").write_text("x: 2\n", encoding="utf-8")
    code, out, err = _plancc(capsys, "diff", "HEAD")
    assert code == 0, err
    assert "HEAD:plans/a.yaml → plans/a.yaml" in out and "30 → 40" in out and "notes" not in out


def test_two_revisions_and_paths(repo, capsys):
    root, git = repo
    p = root / "plans" / "a.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("hours: 30", "hours: 40", 1), encoding="utf-8")
    git("commit", "-qam", "two")
    code, out, _ = _plancc(capsys, "diff", "--exit-code", "HEAD~1", "HEAD", "--", "plans")
    assert code == 1 and "HEAD~1:plans/a.yaml → HEAD:plans/a.yaml" in out
    code, out, _ = _plancc(capsys, "diff", "--exit-code", "HEAD~1", "HEAD", "--", "other")
    assert (code, out) == (0, "")


def test_a_plan_added_in_a_revision(repo, capsys):
    root, git = repo
    shutil.copy(EXAMPLE, root / "plans" / "b.yaml")
    git("add", ".")
    git("commit", "-qm", "two")
    code, out, _ = _plancc(capsys, "diff", "-f", "json", "HEAD~1", "HEAD")
    data = json.loads(out)
    assert data["new"] == "HEAD:plans/b.yaml" and {c["kind"] for c in data["changes"]} == {"added"}


def test_includes_are_read_at_the_same_revision(repo, capsys):
    root, git = repo
    (root / "plans" / "hours.yaml").write_text("hours:\n  required: 72\n", encoding="utf-8")
    (root / "plans" / "c.yaml").write_text(
        "plancc: 1\ninclude: hours.yaml\ndocument:\n  title: 某县2025年教师培训实施方案\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "two")
    (root / "plans" / "hours.yaml").write_text("hours:\n  required: 90\n", encoding="utf-8")
    (root / "plans" / "c.yaml").write_text(
        "plancc: 1\ninclude: hours.yaml\ndocument:\n  title: 某县2025年教师培训实施方案（修订）\n", encoding="utf-8")
    code, out, err = _plancc(capsys, "diff", "-f", "json", "HEAD", "--", "plans/c.yaml")
    data = json.loads(out)
    paths = {c["path"]: (c["old"], c["new"]) for c in data["changes"]}
    assert paths["hours.required"] == (72, 90), paths


def test_large_plans_checked_side_by_side_say_the_same_as_one_after_the_other(tmp_path, monkeypatch, capsys):
    """Plans above diff.PARALLEL_BYTES are checked in a forked child beside this process: the
    changes and the findings must be those of checking them in turn."""
    import plancc.diff as pdiff

    old = _changed(tmp_path, "hours: 30", "hours: 30", "old.yaml")
    new = _changed(tmp_path, "hours: 30", "hours: 40")
    outs = []
    for limit in (0, 10**9):  # every plan large, then every plan small
        monkeypatch.setattr(pdiff, "PARALLEL_BYTES", limit)
        code, out, err = _plancc(capsys, "diff", "-f", "json", str(old), str(new))
        assert code == 0 and not err
        outs.append(json.loads(out))
    assert outs[0] == outs[1] and outs[0]["changes"]
