"""plancc as users get it: built into a wheel and an sdist, installed by pipx, uv and pre-commit,
run by GitHub Actions workflows that actionlint checks.

The tools come from the [test] extra; the builds need the package index (CI has it).
The wheel is built once for the whole run, also across pytest-xdist workers: the first
worker builds it into the run's shared temporary folder under a lock, the others reuse it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
#: a PATH without the test environment: only system tools, so no plancc can be found on it
SYSTEM_PATH = os.pathsep.join(p for p in ("/usr/local/bin", "/usr/bin", "/bin") if Path(p).is_dir())


def tool(name: str) -> str:
    """An executable of the test environment (the [test] extra), or from PATH."""
    here = BIN / name
    if here.is_file():
        return str(here)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install the test extra (pip install -e '.[test]')")
    return found


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no virtual environment, no plancc on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "CONDA_PREFIX")}
    env["PATH"] = SYSTEM_PATH
    env["UV_PYTHON_DOWNLOADS"] = "never"
    env.update(extra)
    return env


def run(args, *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}")
    return proc


@dataclass(frozen=True)
class Dists:
    sdist: Path
    wheel: Path  #: built from the sdist, so the sdist is known to hold what a build needs


def _build(out: Path) -> Dists:
    # uv build with no target builds the sdist, then the wheel from that sdist
    run([tool("uv"), "build", "--quiet", "--out-dir", out, ROOT], cwd=ROOT, env=clean_env(), timeout=600)
    [sdist] = out.glob("plancc-*.tar.gz")
    [wheel] = out.glob("plancc-*.whl")
    return Dists(sdist, wheel)


@pytest.fixture(scope="session")
def dists(tmp_path_factory) -> Dists:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _build(tmp_path_factory.mktemp("dist"))
    shared = tmp_path_factory.getbasetemp().parent / "plancc-dist"
    shared.mkdir(exist_ok=True)
    import fcntl

    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (shared / "done").exists():
            return Dists(next(shared.glob("plancc-*.tar.gz")), next(shared.glob("plancc-*.whl")))
        built = _build(shared)
        (shared / "done").write_text("1")
        return built
