"""Outputs never destroy inputs: a command refuses to write over a file it reads, writes
devices and pipes in place, and leaves nothing half-written on a full or read-only disk."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import MINIMAL, ROOT

PLAN = MINIMAL + "sections: [{title: 正文, content: [一段正文。]}]\n"
TIME_LIMIT = 60


def plancc(*args, cwd: Path, preexec=None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PLANCC_LANG": "zh", **(env or {})}
    return subprocess.run([sys.executable, "-m", "plancc", *args], cwd=cwd, capture_output=True, timeout=TIME_LIMIT,
                          preexec_fn=preexec, env=full_env)


def _text(proc) -> str:
    return proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>") for p in sorted(folder.rglob("*"))}


def _assert_refused(proc, *needles):
    out = _text(proc)
    assert proc.returncode == 2, out
    assert "Traceback" not in out
    assert "拒绝写入" in out or "多个输出" in out, out
    for n in needles:
        assert n in out, out


# ------------------------------------------------------------------- an output that is an input

def test_validate_refuses_to_write_its_report_over_the_plan(repo):
    before = (repo / "plan.yaml").read_bytes()
    _assert_refused(plancc("validate", "plan.yaml", "-o", "plan.yaml", cwd=repo), "plan.yaml", "计划文件")
    assert (repo / "plan.yaml").read_bytes() == before


def test_validate_refuses_a_report_over_an_included_file_or_the_config(repo):
    (repo / "shared.yaml").write_text("hours: {required: 72}\n", encoding="utf-8")
    (repo / "plan.yaml").write_text(PLAN + "include: shared.yaml\n", encoding="utf-8")
    (repo / "plancc.toml").write_text('lang = "zh"\n', encoding="utf-8")
    before = _tree(repo)
    _assert_refused(plancc("validate", "plan.yaml", "--format", "sarif=shared.yaml", cwd=repo), "被包含的文件")
    _assert_refused(plancc("validate", "plan.yaml", "--format", "json=plancc.toml", cwd=repo), "配置文件")
    assert _tree(repo) == before


def test_validate_refuses_two_reports_into_one_file(repo):
    _assert_refused(plancc("validate", "plan.yaml", "--format", "json=r.txt", "--format", "sarif=r.txt", cwd=repo), "r.txt")
    assert not (repo / "r.txt").exists()


def test_an_input_reached_through_a_symlink_is_still_refused(repo):
    (repo / "alias.yaml").symlink_to("plan.yaml")
    before = (repo / "plan.yaml").read_bytes()
    _assert_refused(plancc("validate", "plan.yaml", "-o", "alias.yaml", cwd=repo))
    assert (repo / "plan.yaml").read_bytes() == before and (repo / "alias.yaml").is_symlink()


def test_render_refuses_to_overwrite_a_plan_named_docx(repo):
    shutil.copy(repo / "plan.yaml", repo / "p.docx")
    before = (repo / "p.docx").read_bytes()
    _assert_refused(plancc("render", "p.docx", "-o", "p.docx", cwd=repo), "p.docx")
    assert (repo / "p.docx").read_bytes() == before


def test_render_refuses_an_output_over_the_plan_or_its_include(repo):
    (repo / "shared.yaml").write_text("hours: {required: 72}\n", encoding="utf-8")
    (repo / "plan.yaml").write_text(PLAN + "include: shared.yaml\n", encoding="utf-8")
    before = _tree(repo)
    _assert_refused(plancc("render", "plan.yaml", "-o", "plan.yaml", cwd=repo))
    _assert_refused(plancc("render", "plan.yaml", "-o", "shared.yaml", cwd=repo), "被包含的文件")
    assert _tree(repo) == before


def test_render_refuses_an_output_over_a_template_file(repo):
    shutil.copytree(ROOT / "templates" / "default", repo / "templates" / "mine")
    (repo / "plancc.toml").write_text('[render]\ntemplate = "mine"\n', encoding="utf-8")
    target = repo / "templates" / "mine" / "plan.xml.j2"
    before = target.read_bytes()
    proc = plancc("render", "plan.yaml", "-o", str(target.with_suffix(".docx")), cwd=repo)
    assert proc.returncode == 0, _text(proc)  # a new file beside the template is fine
    _assert_refused(plancc("render", "plan.yaml", "-o", "templates/mine/plan.xml.j2", cwd=repo), "模板文件")
    assert target.read_bytes() == before


def test_two_plans_with_one_name_do_not_overwrite_each_other(repo):
    (repo / "sub").mkdir()
    shutil.copy(repo / "plan.yaml", repo / "sub" / "plan.yaml")
    _assert_refused(plancc("render", "plan.yaml", "sub/plan.yaml", cwd=repo), "plan.docx")
    assert not (repo / "build").exists()


# ------------------------------------------------------------------- devices, pipes, symlinks

def test_outputs_to_the_null_device_leave_it_a_device(repo):
    for args in (["validate", "plan.yaml", "-o", "/dev/null"], ["render", "plan.yaml", "-o", "/dev/null"],
                 ["schema", "-o", "/dev/null"]):
        proc = plancc(*args, cwd=repo)
        assert proc.returncode == 0, _text(proc)
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_render_to_stdout_through_proc_self_fd_gives_the_document_on_the_pipe(repo):
    proc = plancc("render", "plan.yaml", "-o", "/proc/self/fd/1", cwd=repo)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout[:2] == b"PK"  # the document, with no message mixed in
    (repo / "out.docx").write_bytes(proc.stdout)
    assert zipfile.ZipFile(repo / "out.docx").testzip() is None


def test_validate_json_to_a_pipe_through_proc_self_fd(repo):
    proc = plancc("validate", "plan.yaml", "--format", "json", "-o", "/proc/self/fd/1", cwd=repo)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["summary"]["errors"] == 0


def test_an_output_symlink_is_followed_and_kept(repo):
    (repo / "latest.docx").symlink_to("real.docx")
    proc = plancc("render", "plan.yaml", "-o", "latest.docx", cwd=repo)
    assert proc.returncode == 0, _text(proc)
    assert (repo / "latest.docx").is_symlink() and (repo / "real.docx").read_bytes()[:2] == b"PK"


def test_pdf_beside_a_device_is_a_clear_usage_error(repo):
    proc = plancc("render", "plan.yaml", "-o", "/dev/null", "--pdf", cwd=repo)
    assert proc.returncode == 2 and "--pdf" in _text(proc) and "Traceback" not in _text(proc)


# ------------------------------------------------------------------- full and read-only disks

def _small_files(limit: int):
    """In the child: any file grows past `limit` bytes → EFBIG, as on a full disk."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _without_root_overrides():
    """In the child: root loses the right to ignore file permissions (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH), for itself and what it runs, so a mode-555 folder is read-only."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _read_only(folder: Path):
    """A folder the child cannot write (chmod 555; as root, with the override rights dropped)."""
    folder.chmod(0o555)
    return _without_root_overrides if os.geteuid() == 0 else None


@pytest.mark.parametrize("command", [["init", "new"], ["docs", "new/docs"], ["schema", "-o", "new/schema.json"]])
def test_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, command):
    proc = plancc(*command, cwd=tmp_path, preexec=_small_files(2000))
    out = _text(proc)
    assert proc.returncode == 2, out
    assert "无法写入" in out and "Traceback" not in out and "缺陷" not in out
    left = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert left == [], left


def test_init_on_a_full_disk_leaves_no_half_repository(tmp_path):
    (tmp_path / "repo").mkdir()
    proc = plancc("init", "repo", cwd=tmp_path, preexec=_small_files(3000))
    assert proc.returncode == 2, _text(proc)
    assert list((tmp_path / "repo").iterdir()) == []


def test_init_force_on_a_full_disk_keeps_the_old_files(tmp_path):
    assert plancc("init", cwd=tmp_path).returncode == 0
    (tmp_path / "plancc.toml").write_text("# 我的配置\n", encoding="utf-8")
    before = _tree(tmp_path)
    proc = plancc("init", "--force", cwd=tmp_path, preexec=_small_files(3000))
    assert proc.returncode == 2, _text(proc)
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("command", [["init", "."], ["docs", "."], ["schema", "-o", "schema.json"],
                                     ["render", "/tmp/plancc-ro-plan.yaml", "-o", "x.docx"],
                                     ["validate", "/tmp/plancc-ro-plan.yaml", "-o", "r.txt"]])
def test_read_only_folder_is_a_clear_error(tmp_path, command):
    Path("/tmp/plancc-ro-plan.yaml").write_text(PLAN, encoding="utf-8")
    os.chmod("/tmp/plancc-ro-plan.yaml", 0o644)
    ro = tmp_path / "ro"
    ro.mkdir()
    preexec = _read_only(ro)
    try:
        proc = plancc(*command, cwd=ro, preexec=preexec, env={"HOME": str(ro), "PLANCC_NO_CACHE": "1"})
    finally:
        ro.chmod(0o755)
    out = _text(proc)
    assert proc.returncode == 2, out
    assert "无法写入" in out and "Traceback" not in out
    assert list(ro.iterdir()) == []
