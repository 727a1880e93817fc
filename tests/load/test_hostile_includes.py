"""Hostile repositories: includes, special files and symbolic links, through the real CLI.

Plans come from pull requests and CI runs them. Each case builds a small
repository in a temporary folder (named pipes, links and devices cannot be
committed) and checks the diagnostic (code, place, language), the exit code,
bounded time and memory (the subprocess limits of test_hostile), and that
nothing from outside the repository reaches the output in any format.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.load.test_hostile import plancc

SECRET = "s3cr3t-" + "7f2a9c41e8"
FORMATS = ("text", "json", "sarif", "github")
PLAN = "plancc: 1\ninclude: {target}\ndocument:\n  title: 某县2025年教师全员培训实施方案\n"


def repo(tmp_path: Path, target: str, toml: str | None = "") -> Path:
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    if toml is not None:
        (root / "plancc.toml").write_text(toml, encoding="utf-8")
    (root / "plans" / "a.yaml").write_text(PLAN.format(target=target), encoding="utf-8")
    return root


def outside_secret(tmp_path: Path, name: str = "secret.yaml") -> Path:
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"document:\n  title: {SECRET}\n  issuer: [{SECRET}\n", encoding="utf-8")
    return path


def validate(root: Path, *args: str, fmt: str = "json", env: dict | None = None):
    proc = plancc("validate", "--format", fmt, *args, cwd=root, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "缺陷" not in proc.stderr, proc.stderr
    return proc


def diagnostics(proc) -> list[dict]:
    return json.loads(proc.stdout)["diagnostics"]


def one(proc, code: str) -> dict:
    found = [d for d in diagnostics(proc) if d["code"] == code]
    assert len(found) == 1, diagnostics(proc)
    return found[0]


def no_leak(root: Path, *args: str, env: dict | None = None) -> None:
    for fmt in FORMATS:
        proc = validate(root, *args, fmt=fmt, env=env)
        assert SECRET not in proc.stdout + proc.stderr, (fmt, proc.stdout)


def at_include_entry(d: dict) -> None:
    assert (d["file"], d["line"], d["column"]) == ("plans/a.yaml", 2, 10), d


# --------------------------------------------------------------------------- the repository boundary
@pytest.mark.parametrize("target", ["/etc/passwd.yaml", "../../outside/secret.yaml", "/proc/self/environ.yaml"])
def test_an_include_outside_the_repository_is_refused_at_the_entry(tmp_path, target):
    outside_secret(tmp_path)
    root = repo(tmp_path, target)
    proc = validate(root, "plans/a.yaml")
    assert proc.returncode == 1
    d = one(proc, "PL012")
    at_include_entry(d)
    assert "仓库之外" in d["message"] and "[include] allow" in d["message"]
    no_leak(root, "plans/a.yaml")


def test_the_environment_never_reaches_the_log(tmp_path):
    root = repo(tmp_path, "/proc/self/environ")
    env = {"PLANCC_CI_TOKEN": SECRET}
    proc = validate(root, "plans/a.yaml", env=env)
    assert proc.returncode == 1
    d = one(proc, "PL012")
    at_include_entry(d)
    no_leak(root, "plans/a.yaml", env=env)


def test_a_symlink_inside_the_repository_that_leads_out_is_refused(tmp_path):
    secret = outside_secret(tmp_path)
    root = repo(tmp_path, "shared.yaml")
    (root / "plans" / "shared.yaml").symlink_to(secret)
    proc = validate(root, "plans/a.yaml")
    d = one(proc, "PL012")
    at_include_entry(d)
    assert "符号链接" in d["message"] and "仓库之外" in d["message"]
    no_leak(root, "plans/a.yaml")


def test_without_plancc_toml_only_the_plans_own_folder_is_open(tmp_path):
    root = repo(tmp_path, "../shared/county.yaml", toml=None)
    (root / "shared").mkdir()
    (root / "shared" / "county.yaml").write_text("document: {issuer: 某县教育体育局}\n", encoding="utf-8")
    proc = validate(root / "plans", "a.yaml", "--isolated")
    d = one(proc, "PL012")
    assert d["line"] == 2 and "plancc.toml" in d["message"]
    # with a plancc.toml at the root, the whole repository is open
    (root / "plancc.toml").write_text("", encoding="utf-8")
    proc = validate(root, "plans/a.yaml")
    assert proc.returncode == 0, proc.stdout


def test_include_allow_opens_a_folder_next_to_the_repository(tmp_path):
    root = repo(tmp_path, "../../shared/county.yaml", toml='[include]\nallow = ["../shared"]\n')
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "county.yaml").write_text("document: {issuer: 某县教育体育局}\n", encoding="utf-8")
    proc = validate(root, "plans/a.yaml")
    assert proc.returncode == 0, proc.stdout
    # a sibling of the allowed folder stays closed
    outside_secret(tmp_path)
    (root / "plans" / "a.yaml").write_text(PLAN.format(target="../../outside/secret.yaml"), encoding="utf-8")
    proc = validate(root, "plans/a.yaml")
    at_include_entry(one(proc, "PL012"))
    no_leak(root, "plans/a.yaml")


@pytest.mark.parametrize("allow,words", [('["/etc"]', "不是相对路径"), ('["../nope"]', "不是一个存在的目录"), ('"../x"', "include.allow")])
def test_a_bad_include_allow_is_a_configuration_error(tmp_path, allow, words):
    root = repo(tmp_path, "x.yaml", toml=f"[include]\nallow = {allow}\n")
    proc = validate(root, "plans/a.yaml")
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    assert "plancc.toml:2" in proc.stderr


# --------------------------------------------------------------------------- what a file is
def test_an_include_of_a_named_pipe_says_so_and_does_not_hang(tmp_path):
    root = repo(tmp_path, "pipe.yaml")
    os.mkfifo(root / "plans" / "pipe.yaml")
    start = time.monotonic()
    proc = validate(root, "plans/a.yaml")
    assert time.monotonic() - start < 15
    d = one(proc, "PL012")
    at_include_entry(d)
    assert "命名管道" in d["message"] and "只能包含普通的 YAML 文件" in d["message"]


def test_an_include_of_a_folder_or_a_device_says_what_it_is(tmp_path):
    root = repo(tmp_path, "folder.yaml")
    (root / "plans" / "folder.yaml").mkdir()
    d = one(validate(root, "plans/a.yaml"), "PL012")
    assert "是一个目录" in d["message"]
    (root / "plans" / "folder.yaml").rmdir()
    (root / "plans" / "folder.yaml").symlink_to("/dev/zero")  # a device, through a link: outside anyway
    d = one(validate(root, "plans/a.yaml"), "PL012")
    at_include_entry(d)


def test_an_include_of_a_socket_says_so(tmp_path):
    import socket

    root = repo(tmp_path, "s.yaml")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "plans" / "s.yaml"))
    except OSError:  # pragma: no cover - path too long for a socket on some systems
        pytest.skip("cannot create a socket here")
    try:
        d = one(validate(root, "plans/a.yaml"), "PL012")
        assert "套接字" in d["message"]
    finally:
        sock.close()


def test_a_symlink_loop_and_a_too_long_name_are_named(tmp_path):
    root = repo(tmp_path, "loop.yaml")
    (root / "plans" / "loop.yaml").symlink_to("loop2.yaml")
    (root / "plans" / "loop2.yaml").symlink_to("loop.yaml")
    d = one(validate(root, "plans/a.yaml"), "PL012")
    at_include_entry(d)
    assert "循环" in d["message"]
    (root / "plans" / "a.yaml").write_text(PLAN.format(target="x" * 300 + ".yaml"), encoding="utf-8")
    d = one(validate(root, "plans/a.yaml"), "PL012")
    assert "太长" in d["message"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_include_says_permission(tmp_path):  # pragma: no cover - CI runs as a user
    root = repo(tmp_path, "locked.yaml")
    locked = root / "plans" / "locked.yaml"
    locked.write_text("document: {issuer: x}\n", encoding="utf-8")
    locked.chmod(0)
    d = one(validate(root, "plans/a.yaml"), "PL012")
    assert "权限" in d["message"]


def test_an_include_must_be_a_yaml_file(tmp_path):
    root = repo(tmp_path, "notes.txt")
    (root / "plans" / "notes.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    d = one(validate(root, "plans/a.yaml"), "PL012")
    at_include_entry(d)
    assert ".yaml" in d["message"]
    no_leak(root, "plans/a.yaml")
    # nor a link named .yaml to a file that is not
    (root / "plans" / "a.yaml").write_text(PLAN.format(target="notes.yaml"), encoding="utf-8")
    (root / "plans" / "notes.yaml").symlink_to("notes.txt")
    d = one(validate(root, "plans/a.yaml"), "PL012")
    assert "符号链接" in d["message"]
    no_leak(root, "plans/a.yaml")


def test_a_binary_include_is_reported_without_quoting_it(tmp_path):
    root = repo(tmp_path, "blob.yaml")
    (root / "plans" / "blob.yaml").write_bytes(bytes(range(256)) + SECRET.encode() + b"\xff\xfe")
    proc = validate(root, "plans/a.yaml")
    d = one(proc, "PL003")
    assert d["file"] == "plans/blob.yaml" and d["line"] >= 1
    no_leak(root, "plans/a.yaml")


def test_an_include_that_is_a_list_is_reported_in_that_file(tmp_path):
    root = repo(tmp_path, "list.yaml")
    (root / "plans" / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    d = one(validate(root, "plans/a.yaml"), "PL005")
    assert (d["file"], d["line"], d["column"]) == ("plans/list.yaml", 1, 1) and "列表" in d["message"]


def test_the_plan_including_itself_through_a_symlink_is_a_cycle(tmp_path):
    root = repo(tmp_path, "me.yaml")
    (root / "plans" / "me.yaml").symlink_to("a.yaml")
    d = one(validate(root, "plans/a.yaml"), "PL012")
    at_include_entry(d)
    assert "循环" in d["message"]


# --------------------------------------------------------------------------- what includes cost
def test_a_huge_include_is_refused_by_the_include_limit_before_reading(tmp_path):
    root = repo(tmp_path, "huge.yaml")
    with open(root / "plans" / "huge.yaml", "wb") as fh:
        fh.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    proc = validate(root, "plans/a.yaml")
    assert proc.returncode == 1
    d = one(proc, "PL006")
    at_include_entry(d)
    assert "limits.max_include_bytes" in d["message"] and "[limits]" in d["message"]


def test_the_include_limit_counts_all_included_files(tmp_path):
    root = repo(tmp_path, "[p1.yaml, p2.yaml, p3.yaml]", toml="[limits]\nmax_include_bytes = 2500\n")
    for i in (1, 2, 3):
        (root / "plans" / f"p{i}.yaml").write_text(f"x{i}: '{'y' * 1000}'\n", encoding="utf-8")
    proc = validate(root, "plans/a.yaml")
    d = one(proc, "PL006")
    assert d["line"] == 2 and "limits.max_include_bytes" in d["message"]


def test_an_include_chain_that_fans_out_is_loaded_once_per_file(tmp_path):
    root = repo(tmp_path, "[c0.yaml, c0.yaml, c0.yaml, c0.yaml]")
    for i in range(12):
        nxt = f"c{i + 1}.yaml"
        inc = f"include: [{nxt}, {nxt}, {nxt}, {nxt}]\n" if i < 11 else ""
        (root / "plans" / f"c{i}.yaml").write_text(inc + f"v{i}:\n  name: 第{i}层共用定义\n  note: 用于检查包含链的加载次数\n", encoding="utf-8")
    start = time.monotonic()
    proc = validate(root, "plans/a.yaml")
    elapsed = time.monotonic() - start
    assert elapsed < 10, elapsed
    # v0..v11 are not plan keys: reported once each, not 4**n times
    unknown = [d for d in diagnostics(proc) if d["code"] == "PL101"]
    assert len(unknown) == 12, len(unknown)


def test_many_plans_sharing_one_include_read_it_once(tmp_path, monkeypatch):
    from plancc.load import includes
    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings

    root = tmp_path / "repo"
    root.mkdir()
    (root / "shared.yaml").write_text("document: {issuer: 某县教育体育局}\n", encoding="utf-8")
    plans = []
    for i in range(300):
        p = root / f"p{i}.yaml"
        p.write_text(f"plancc: 1\ninclude: shared.yaml\ndocument: {{title: 第{i}号方案}}\n", encoding="utf-8")
        plans.append(p)
    reads = []
    real = includes.read_regular_file
    monkeypatch.setattr(includes, "read_regular_file", lambda path, n: (reads.append(path), real(path, n))[1])
    includes.clear_cache()
    settings = Settings(include_roots=(root.resolve(),))
    reports = [check_file(p, settings) for p in plans]
    assert all(r.errors == 0 for r in reports)
    assert len(reads) == 1
    # an edit is seen (the cache is keyed by the file's identity, for --watch)
    time.sleep(0.01)
    (root / "shared.yaml").write_text("document: {issuer: 另一个县教育局}\n", encoding="utf-8")
    assert check_file(plans[0], settings).plan.document.issuer == "另一个县教育局"


def test_diagnostics_of_a_file_included_twice_are_reported_once(tmp_path):
    root = repo(tmp_path, "[x.yaml, y.yaml]")
    (root / "plans" / "x.yaml").write_text("include: z.yaml\n", encoding="utf-8")
    (root / "plans" / "y.yaml").write_text("include: z.yaml\n", encoding="utf-8")
    (root / "plans" / "z.yaml").write_text("typo_key: 1\n", encoding="utf-8")
    found = [d for d in diagnostics(validate(root, "plans/a.yaml")) if d["code"] == "PL101"]
    assert len(found) == 1 and found[0]["file"] == "plans/z.yaml"


# --------------------------------------------------------------------------- discovery
def test_validate_dot_passes_over_a_named_pipe_called_yaml(tmp_path):
    root = repo(tmp_path, "shared.yaml")
    (root / "plans" / "shared.yaml").write_text("document: {issuer: 某县教育体育局}\n", encoding="utf-8")
    os.mkfifo(root / "plans" / "trap.yaml")
    start = time.monotonic()
    proc = validate(root, ".")
    assert time.monotonic() - start < 15
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout)["summary"]["files"] == 1 if "summary" in json.loads(proc.stdout) else True
    proc = plancc("validate", "--only-plans", "plans/trap.yaml", cwd=root)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("make", ["fifo", "device"])
def test_a_special_file_named_on_the_command_line_is_pl000(tmp_path, make):
    root = repo(tmp_path, "x.yaml")
    if make == "fifo":
        target = root / "plans" / "pipe.yaml"
        os.mkfifo(target)
        arg, words = "plans/pipe.yaml", "命名管道"
    else:
        arg, words = "/dev/zero", "设备文件"
    proc = validate(root, arg)
    assert proc.returncode == 1
    [d] = diagnostics(proc)
    assert d["code"] == "PL000" and "不是普通文件" in d["message"] and words in d["message"]
    en = plancc("validate", "--lang", "en", "--format", "json", arg, cwd=root)
    assert "not a regular file" in json.loads(en.stdout)["diagnostics"][0]["message"]


def test_a_permission_refusal_is_named_even_when_running_as_root(tmp_path, monkeypatch):
    """Root reads anything, so the refusal is simulated where the loader asks the system."""
    import errno

    from plancc.load import includes
    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings

    root = repo(tmp_path, "locked.yaml")
    locked = root / "plans" / "locked.yaml"
    locked.write_text("document: {issuer: x}\n", encoding="utf-8")
    real_stat = os.stat

    def stat(path, *a, **kw):
        if os.fspath(path).endswith("locked.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *a, **kw)

    monkeypatch.setattr(os, "stat", stat)
    includes.clear_cache()
    report = check_file(root / "plans" / "a.yaml", Settings(include_roots=(root.resolve(),)))
    [d] = [d for d in report.diagnostics if d.code == "PL012"]
    assert (d.line, d.column) == (2, 10) and "没有访问权限" in d.message and "Permission" not in d.message
