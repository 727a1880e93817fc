"""plancc init: a repository that validates and renders with no edits; CI and hook configs that work."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from plancc.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]


def invoke(args, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_init_then_validate_and_render_work_with_no_edits(tmp_path):
    result = invoke(["init", "repo"], tmp_path)
    assert result.exit_code == 0, result.output
    repo = tmp_path / "repo"
    for rel in ("plancc.toml", "plans/example.yaml", ".github/workflows/plancc.yml", ".pre-commit-config.yaml", "schema/plan.schema.json"):
        assert (repo / rel).is_file(), rel
    v = invoke(["validate"], repo)
    assert v.exit_code == 0, v.output
    assert "0 个错误，0 个警告" in v.output
    r = invoke(["render", "plans/"], repo)
    assert r.exit_code == 0, r.output
    assert (repo / "build" / "example.docx").stat().st_size > 5000


def test_init_refuses_to_overwrite_unless_forced(tmp_path):
    assert invoke(["init"], tmp_path).exit_code == 0
    (tmp_path / "plancc.toml").write_text("# mine\n", encoding="utf-8")
    again = invoke(["init"], tmp_path)
    assert again.exit_code == 2
    assert "plancc.toml" in again.output
    assert (tmp_path / "plancc.toml").read_text(encoding="utf-8") == "# mine\n"
    assert invoke(["init", "--force"], tmp_path).exit_code == 0
    assert "[policy]" in (tmp_path / "plancc.toml").read_text(encoding="utf-8")


def _plancc_commands(workflow: dict, job_name: str = "plans") -> list[list[str]]:
    out = []
    for name, job in workflow["jobs"].items():
        if name != job_name:
            continue
        for step in job["steps"]:
            run = step.get("run", "")
            for line in run.splitlines():
                if line.strip().startswith("plancc "):
                    words = shlex.split(line.strip())[1:]
                    out.append(words[: words.index(">")] if ">" in words else words)
    return out


def test_generated_workflow_is_valid_yaml_and_its_plancc_commands_run(tmp_path):
    invoke(["init"], tmp_path)
    workflow = yaml.safe_load((tmp_path / ".github/workflows/plancc.yml").read_text(encoding="utf-8"))
    assert workflow["name"] == "plancc"
    uses = [s.get("uses", "") for s in workflow["jobs"]["plans"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    commands = _plancc_commands(workflow)
    assert [c[0] for c in commands] == ["validate", "render"]
    for args in commands:
        result = invoke(args, tmp_path)
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "plancc.sarif").is_file()
    assert (tmp_path / "build" / "example.docx").is_file()


def test_generated_precommit_config_runs_on_every_yaml_file(tmp_path):
    invoke(["init"], tmp_path)
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["id"] == "plancc-validate"
    entry = shlex.split(hook["entry"])
    assert entry[0] == "plancc"
    # pre-commit passes every staged YAML file, the workflow included
    files = ["plans/example.yaml", ".github/workflows/plancc.yml", ".pre-commit-config.yaml"]
    result = invoke(entry[1:] + files, tmp_path)
    assert result.exit_code == 0, result.output


def test_this_repository_publishes_its_hooks():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"]: h for h in hooks}
    assert set(ids) == {"plancc-validate", "plancc-render"}
    for h in hooks:
        cmd = shlex.split(h["entry"])
        assert cmd[0] == "plancc"
        assert cli.get_command(None, cmd[1]) is not None
        assert h["language"] == "python"


def test_scaffold_schema_validates_the_example(tmp_path):
    invoke(["init"], tmp_path)
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    proc = subprocess.run([exe, "--schemafile", str(tmp_path / "schema/plan.schema.json"), str(tmp_path / "plans/example.yaml")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "plans/example.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/plan.schema.json")


def test_generated_workflow_diffs_a_pull_request_and_init_sets_the_git_diff_driver(tmp_path, monkeypatch):
    import subprocess

    for k, v in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                 "GIT_COMMITTER_EMAIL": "t@example.org"}.items():
        monkeypatch.setenv(k, v)

    def git(*args):
        return subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    result = invoke(["init"], tmp_path)
    assert result.exit_code == 0 and "git diff" in result.output
    assert git("config", "diff.plancc.command").strip() == "plancc diff --git"
    assert "diff=plancc" in (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "one")
    example = tmp_path / "plans" / "example.yaml"
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("required: 90", "required: 100", 1), encoding="utf-8")
    git("commit", "-qam", "two")
    workflow = yaml.safe_load((tmp_path / ".github/workflows/plancc.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["diff"]
    assert job["if"] == "github.event_name == 'pull_request'" and job["timeout-minutes"] > 0
    assert job["permissions"]["pull-requests"] == "write"
    (args,) = _plancc_commands(workflow, "diff")
    base = git("rev-parse", "HEAD~1").strip()
    monkeypatch.chdir(tmp_path)
    result = invoke([a.replace("$BASE", base) for a in args], tmp_path)
    assert result.exit_code == 0, result.output
    assert "| 项目 | 变化 | 原 | 新 |" in result.output and "| 90 | 100 |" in result.output
