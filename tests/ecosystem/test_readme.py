"""The README's first commands work as written on a machine with only Python: the line that builds
the wheel, installs it into a fresh virtual environment and renders outside the repository is
run verbatim by bash, in a copy of the repository, with a home folder of its own."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import docx

from .conftest import ROOT, clean_env, run

SKIP = shutil.ignore_patterns(".git", ".venv*", "venv", "build", "dist", "__pycache__", "*.pyc", ".pytest_cache",
                              ".hypothesis", "*.egg-info", "out")


def first_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "README starts with a bash block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_the_first_block_installs_from_the_clone_and_from_a_wheel_and_runs_the_tests():
    lines = first_block()
    assert any("pip install -e ." in line and "plancc render plans/" in line for line in lines)
    assert any("pip wheel" in line and "pip install dist/plancc-" in line and "plancc render" in line for line in lines)
    assert any('pip install -e ".[test]"' in line and "python -m pytest" in line for line in lines)


def test_the_wheel_line_works_verbatim_in_a_fresh_home(tmp_path):
    [line] = [line for line in first_block() if "pip wheel" in line]
    clone = tmp_path / "plancc"
    shutil.copytree(ROOT, clone, ignore=SKIP, symlinks=True)
    home = tmp_path / "home"
    home.mkdir()
    shim = tmp_path / "python-bin"  # the machine's python3, not this test's virtual environment
    shim.mkdir()
    (shim / "python3").symlink_to(Path(getattr(sys, "_base_executable", sys.executable)).resolve())
    env = clean_env(HOME=str(home), PIP_NO_COMPILE="1", PATH=os.pathsep.join([str(shim), clean_env()["PATH"]]))
    if "PIP_CACHE_DIR" not in os.environ:  # a fresh home, but the downloads of this machine
        env["PIP_CACHE_DIR"] = str(Path.home() / ".cache" / "pip")
    run(["bash", "-e", "-c", line], cwd=clone, env=env, timeout=600)
    out = home / "plancc-demo" / "build"
    for name in ("binchuan-2022.docx", "example.docx"):
        text = "\n".join(p.text for p in docx.Document(str(out / name)).paragraphs)
        assert len(text) > 500, name
    assert (home / "plancc-demo" / ".pre-commit-config.yaml").is_file()
    assert list((clone / "dist").glob("plancc-*.whl"))  # the wheel the line built and installed
