"""The pre-commit configuration plancc init writes, run by pre-commit itself on a machine where
plancc is not on PATH: pre-commit installs plancc from the chosen source into its own hook
environment, passes the scaffold as it is and fails a broken plan with a located message."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancc.cli.main import cli

from .conftest import clean_env, run

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="needs git")


def _repo(tmp_path: Path, source: str) -> Path:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["init", "repo", "--source", source], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    repo = tmp_path / "repo"
    run([GIT, "init", "-q"], cwd=repo)
    run([GIT, "add", "-A"], cwd=repo)
    return repo


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                    GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
                    PIP_NO_COMPILE="1", **extra)  # no .pyc of the dependencies: seconds saved, nothing tested lost
    assert shutil.which("plancc", path=env["PATH"]) is None, "plancc must not be on the hook's PATH"
    return env


def _break(repo: Path) -> None:
    plan = repo / "plans" / "example.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("required: 90", "required: 91", 1), encoding="utf-8")


def pre_commit(repo: Path, env: dict[str, str], *args: str, check: bool = True):
    return run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, timeout=600, check=check)


def test_precommit_installs_plancc_from_a_wheel_and_reports_located_failures(dists, tmp_path):
    repo = _repo(tmp_path, str(dists.wheel))
    env = _env(tmp_path)
    passed = pre_commit(repo, env, "run", "--all-files")
    assert "plancc validate" in passed.stdout and "Passed" in passed.stdout, passed.stdout
    assert (tmp_path / "pre-commit-home").is_dir()  # its own environment, in the folder this test chose

    # the user's flow: the hook runs on git commit and stops a broken plan
    pre_commit(repo, env, "install")
    _break(repo)
    run([GIT, "add", "-A"], cwd=repo)
    commit = run([GIT, "commit", "-qm", "broken"], cwd=repo, env=env, check=False)
    assert commit.returncode != 0
    out = commit.stdout + commit.stderr
    assert "plans/example.yaml:" in out and "PL201" in out and "required: 91" in out, out
    assert "Executable `plancc` not found" not in out


def test_precommit_installs_the_default_source_a_version_from_the_index(dists, tmp_path):
    """plancc==VERSION, the default, installed by pre-commit's pip from an index that holds the wheel
    (a folder of wheels here, the package index for users)."""
    from plancc import __version__

    repo = _repo(tmp_path, __version__)
    assert f'additional_dependencies: ["plancc=={__version__}"]' in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    links = tmp_path / "index"
    links.mkdir()
    shutil.copy(dists.wheel, links)
    find_links = " ".join(filter(None, [str(links), os.environ.get("PIP_FIND_LINKS", "")]))
    env = _env(tmp_path, PIP_FIND_LINKS=find_links)
    _break(repo)
    failed = pre_commit(repo, env, "run", "--all-files", check=False)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    lines = (repo / "plans" / "example.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "required: 91" in text)
    column = lines[line - 1].index("91") + 1
    assert f"plans/example.yaml:{line}:{column}: PL201" in failed.stdout, failed.stdout
