"""GitHub Actions workflows, checked by actionlint (with shellcheck for the run: scripts, from the
test extra): plancc's own release and CI workflows, and the workflow plancc init writes for each
kind of install source. Every job has a timeout; the release publishes with trusted publishing."""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from plancc.cli.main import cli

from .conftest import BIN, ROOT, clean_env, run, tool

OWN = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHELLCHECK = shutil.which("shellcheck", path=str(BIN)) or shutil.which("shellcheck")


def actionlint(*files: Path, cwd: Path):
    """actionlint's verdict on `files`, with shellcheck when there is one (it is optional)."""
    path = os.pathsep.join(filter(None, [str(Path(SHELLCHECK).parent) if SHELLCHECK else "", clean_env()["PATH"]]))
    return run([tool("actionlint"), "-no-color", *files], cwd=cwd, env=clean_env(PATH=path), check=False)


def _plan_wheel(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("plancc-0.1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: plancc\nVersion: 0.1.0\n\n")
    return path


def generated(tmp_path: Path, source: str | None) -> Path:
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        args = ["init", "repo"] + ([] if source is None else ["--source", source])
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return tmp_path / "repo" / ".github" / "workflows" / "plancc.yml"


def test_actionlint_and_its_shellcheck_find_problems_here():
    """The linter in use reports what it should, so a clean verdict below means something."""
    bad = ROOT / "tests" / "ecosystem" / "bad-workflow.yml"
    result = actionlint(bad, cwd=ROOT)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "timeout-minutes" not in result.stdout  # (actionlint does not ask for timeouts: test_every_job_has_a_timeout does)
    assert 'property "no_such_thing" is not defined' in result.stdout, result.stdout
    if SHELLCHECK:
        assert "SC2086" in result.stdout, result.stdout


@pytest.mark.parametrize("workflow", OWN, ids=[p.name for p in OWN])
def test_own_workflows_lint_clean(workflow):
    result = actionlint(workflow, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


SOURCES = {
    "default": None,
    "version": "0.1.0",
    "git": "git+https://github.com/example/plancc@v0.1.0",
    "wheel-in-repo": "vendor/plancc-0.1.0-py3-none-any.whl",
    "wheel-elsewhere": "ELSEWHERE/下载 a&b|c (d)!*?<e>%=+@,/plancc-0.1.0-py3-none-any.whl",
}


@pytest.mark.parametrize("kind", list(SOURCES))
def test_generated_workflow_lints_clean_for_every_kind_of_source(tmp_path, kind):
    source = SOURCES[kind]
    _plan_wheel(tmp_path / "repo" / "vendor" / "plancc-0.1.0-py3-none-any.whl")
    if source and source.startswith("ELSEWHERE/"):
        source = str(_plan_wheel(tmp_path / source.replace("ELSEWHERE/", "elsewhere/")))
    workflow = generated(tmp_path, source)
    result = actionlint(workflow, cwd=tmp_path / "repo")
    assert result.returncode == 0, result.stdout + result.stderr


def _jobs(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]


def test_every_job_has_a_timeout_and_its_own_permissions(tmp_path):
    for path in [*OWN, generated(tmp_path, None)]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "permissions" in data, path.name  # least permissions: nothing by default
        for name, job in data["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 90, (path.name, name)
            assert "permissions" in job, (path.name, name)
            assert "write-all" not in str(job["permissions"]), (path.name, name)


def test_release_publishes_with_trusted_publishing_and_attaches_the_schema():
    release = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    on = release.get("on", release.get(True))  # YAML 1.1 reads the key on as true
    assert on == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {}
    jobs = release["jobs"]
    uses = {name: [s.get("uses", "") for s in job["steps"]] for name, job in jobs.items()}
    [publisher] = [n for n, u in uses.items() if any(x.startswith("pypa/gh-action-pypi-publish@") for x in u)]
    job = jobs[publisher]
    assert job["permissions"] == {"id-token": "write"}
    assert job["environment"]["name"] == "pypi"
    assert not any("password" in (s.get("with") or {}) for s in job["steps"])  # no token: trusted publishing
    # only the job that publishes the GitHub release may write the repository
    writers = [n for n, j in jobs.items() if j["permissions"].get("contents") == "write"]
    assert len(writers) == 1
    script = " ".join(s.get("run", "") for s in jobs[writers[0]]["steps"])
    assert "gh release create" in script and "schema/plan.schema.json" in script and "dist/*" in script
    assert publisher in str(jobs[writers[0]]["needs"])


def test_release_smoke_step_runs_here_against_the_built_wheel(dists, tmp_path):
    """The release's "install the wheel in a clean venv and render" step, run by bash as the runner
    would (RUNNER_TEMP and a checkout with dist/), against the wheel this run built."""
    release = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    [step] = [s for s in release["jobs"]["build"]["steps"] if "smoke" in s.get("run", "")]
    checkout = tmp_path / "checkout"
    (checkout / "dist").mkdir(parents=True)
    shutil.copy(dists.wheel, checkout / "dist")
    shutil.copytree(ROOT / "schema", checkout / "schema")
    shutil.copytree(ROOT / "plans", checkout / "plans")
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    # setup-python puts a plain `python` (not a virtual environment) first on PATH
    shim = tmp_path / "python-bin"
    shim.mkdir()
    (shim / "python").symlink_to(Path(getattr(sys, "_base_executable", sys.executable)).resolve())
    env = clean_env(RUNNER_TEMP=str(runner_temp), PIP_NO_COMPILE="1", PATH=os.pathsep.join([str(shim), clean_env()["PATH"]]))
    run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=env, timeout=600)
    for name in ("example.docx", "binchuan-2022.docx"):
        assert (runner_temp / "try" / "out" / name).stat().st_size > 10_000, name


def test_the_project_address_is_the_one_pyproject_names():
    """plancc.PROJECT_URL (the schema's pinned address, SARIF's informationUri) and
    pyproject.toml's [project.urls] are one fact written twice: they must agree."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from plancc import PROJECT_URL
    from plancc.report.sarif import render_sarif  # noqa: F401 - the reporter that prints it
    from plancc.schema import release_url

    meta = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["urls"]["Repository"] == PROJECT_URL
    assert release_url("1.2.3") == f"{PROJECT_URL}/releases/download/v1.2.3/plan.schema.json"
