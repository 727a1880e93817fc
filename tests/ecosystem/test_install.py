"""The wheel and the sdist hold everything plancc needs: installed by pipx and by uv tool install
into folders of this test (nothing leaks into the user's), the installed plancc renders, checks
and scaffolds from a folder that has no copy of the repository."""

from __future__ import annotations

import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import docx

from plancc.cli.init import FILES

from .conftest import ROOT, clean_env, run, tool

BUNDLED = "binchuan-2022.yaml"


def package_files() -> set[str]:
    """Every file of the plancc package and of its shipped templates, as the wheel must name it."""
    names = set()
    for path in (ROOT / "plancc").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            names.add(path.relative_to(ROOT).as_posix())
    for path in (ROOT / "templates").rglob("*"):
        if path.is_file():
            names.add("plancc/_templates/" + path.relative_to(ROOT / "templates").as_posix())
    return names


def test_the_wheel_holds_every_package_file_templates_profiles_and_scaffold(dists):
    with zipfile.ZipFile(dists.wheel) as z:
        names = set(z.namelist())
        entry_points = next(z.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    missing = package_files() - names
    assert not missing, sorted(missing)
    for must in ("plancc/_templates/default/plan.xml.j2", "plancc/layout/profiles/gbt9704.yaml",
                 *(f"plancc/scaffold/{name}" for name in FILES.values())):
        assert must in names, must
    assert "plancc = plancc.cli.main:main" in entry_points
    assert not any(n.startswith(("tests/", "plans/", "bench/")) for n in names)


def test_the_sdist_holds_what_a_build_and_the_tests_need(dists):
    with tarfile.open(dists.sdist) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    for must in ("pyproject.toml", "README.md", "templates/default/plan.xml.j2", f"plans/{BUNDLED}",
                 "schema/plan.schema.json", "tests/conftest.py"):
        assert must in names, must
    # the wheel the fixture installs was built from this sdist (uv build: sdist, then wheel from it)
    assert dists.wheel.stat().st_size > 100_000


def _exercise(plancc: Path, python: Path, work: Path, env: dict[str, str]) -> None:
    """Render, validate and scaffold with an installed plancc, from a folder without the repository."""
    work.mkdir()
    where = run([python, "-c", "import plancc, sys; print(plancc.__file__); print(sys.prefix)"], cwd=work, env=env).stdout.split("\n")
    assert not Path(where[0]).resolve().is_relative_to(ROOT), where  # not the source tree
    shutil.copy(ROOT / "plans" / BUNDLED, work / BUNDLED)
    run([plancc, "init", "demo"], cwd=work, env=env)
    for rel in FILES:
        assert (work / "demo" / rel).is_file(), rel
    schema = json.loads((work / "demo" / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    assert json.loads(run([plancc, "schema"], cwd=work, env=env).stdout) == schema
    run([plancc, "validate", "demo", BUNDLED], cwd=work, env=env)
    run([plancc, "render", "demo/plans/example.yaml", BUNDLED, "-o", "out/"], cwd=work, env=env)
    for name, title in (("example.docx", None), ("binchuan-2022.docx", "宾川县")):
        document = docx.Document(str(work / "out" / name))
        text = "\n".join(p.text for p in document.paragraphs)
        assert len(text) > 500, name
        if title:
            assert title in text
    # the default template, the GB/T 9704 profile and the explain texts come from the installed package
    assert "PL201" in run([plancc, "explain", "PL201"], cwd=work, env=env).stdout


def test_pipx_install_of_the_wheel_renders_and_scaffolds_outside_the_repository(dists, tmp_path):
    home, bin_dir = tmp_path / "pipx", tmp_path / "bin"
    env = clean_env(PIPX_HOME=str(home), PIPX_BIN_DIR=str(bin_dir), PIPX_MAN_DIR=str(tmp_path / "man"))
    import sys

    run([tool("pipx"), "install", "--python", sys.executable, dists.wheel], cwd=tmp_path, env=env, timeout=600)
    plancc = bin_dir / "plancc"
    assert plancc.is_file()
    _exercise(plancc, home / "venvs" / "plancc" / "bin" / "python", tmp_path / "work", env)
    listed = run([tool("pipx"), "list", "--short"], cwd=tmp_path, env=env).stdout
    assert "plancc 0.1.0" in listed


def test_uv_tool_install_of_the_wheel_renders_and_scaffolds_outside_the_repository(dists, tmp_path):
    tools, bin_dir = tmp_path / "uv-tools", tmp_path / "bin"
    env = clean_env(UV_TOOL_DIR=str(tools), UV_TOOL_BIN_DIR=str(bin_dir))
    import sys

    run([tool("uv"), "tool", "install", "--python", sys.executable, dists.wheel], cwd=tmp_path, env=env, timeout=600)
    plancc = bin_dir / "plancc"
    assert plancc.is_file()
    _exercise(plancc, tools / "plancc" / "bin" / "python", tmp_path / "work", env)


def test_the_wheel_built_from_the_sdist_has_the_same_files_as_one_built_from_the_tree(dists, tmp_path):
    run([tool("uv"), "build", "--quiet", "--wheel", "--out-dir", tmp_path, ROOT], cwd=ROOT, env=clean_env(), timeout=600)
    [tree] = tmp_path.glob("plancc-*.whl")
    with zipfile.ZipFile(tree) as a, zipfile.ZipFile(dists.wheel) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
