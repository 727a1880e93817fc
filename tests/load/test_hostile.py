"""The hostile corpus (tests/hostile/): every file ends in a located diagnostic and the right
exit code, within bounded time and memory, with no traceback and no code execution."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
TIME_LIMIT = 20  # seconds for a whole process, start-up included
MEMORY_LIMIT = 1536 * 1024 * 1024  # address space, bytes

# file → (exit code, codes that must appear)
EXPECTED = {
    "alias-bomb.yaml": (1, {"PL006"}),
    "deep-flow.yaml": (1, {"PL006"}),
    "deep-block.yaml": (1, {"PL006"}),
    "binary.yaml": (1, {"PL003"}),
    "gbk.yaml": (1, {"PL003"}),
    "utf16.yaml": (1, {"PL003"}),
    "nul-bytes.yaml": (1, {"PL001"}),
    "enormous-number.yaml": (1, {"PL103", "PL104"}),
    "nan-infinity.yaml": (1, {"PL104"}),
    "impossible-dates.yaml": (1, {"PL104"}),
    "non-string-key.yaml": (1, {"PL009"}),
    "tabs.yaml": (1, {"PL001"}),
    "python-tag.yaml": (1, {"PL008"}),
    "duplicate-keys.yaml": (1, {"PL002"}),
    "top-level-list.yaml": (1, {"PL005"}),
    "empty.yaml": (1, {"PL004"}),
    "many-documents.yaml": (1, {"PL005"}),
    "unclosed-quote.yaml": (1, {"PL001"}),
    "yaml11-surprises.yaml": (1, {"PL103"}),
    "expanded-alias.yaml": (1, {"PL006"}),
    "include-absolute.yaml": (1, {"PL012"}),
    "include-dotdot.yaml": (1, {"PL012"}),
    "include-proc-environ.yaml": (1, {"PL012"}),
    "include-dev-zero.yaml": (1, {"PL012"}),
    "include-self.yaml": (1, {"PL012"}),
    "include-not-yaml.yaml": (1, {"PL012"}),
    "crlf-bom-ok.yaml": (0, set()),
    "template-injection-prose.yaml": (0, set()),
}


def _limit_memory():  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def plancc(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLANCC_LANG": "zh", **(env or {})}
    return subprocess.run([sys.executable, "-m", "plancc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIME_LIMIT, preexec_fn=_limit_memory, env=env)


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in HOSTILE.glob("*.yaml")}
    assert files == set(EXPECTED)


def _lines(path: Path) -> int:
    return max(path.read_bytes().count(b"\n") + 1, 1)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_gets_a_located_diagnostic(name, tmp_path):
    marker = Path("/tmp/plancc-pwned")
    marker.unlink(missing_ok=True)
    path = HOSTILE / name
    proc = plancc("validate", "--format", "json", str(path))
    exit_code, codes = EXPECTED[name]
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == exit_code, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    found = {d["code"] for d in report["diagnostics"]}
    assert codes <= found, found
    n_lines = _lines(path)
    for d in report["diagnostics"]:
        assert d["code"].startswith("PL") and d["message"]
        assert 1 <= d["line"] <= n_lines and d["column"] >= 1
    assert not marker.exists(), "a YAML tag or template executed code"


# what a hostile file is expected to say, beyond its code: (line, column, words of the message)
MESSAGES = {
    "deep-flow.yaml": (4, None, ["嵌套层数超过 64 层", "limits.max_depth"]),
    "alias-bomb.yaml": (None, None, ["别名炸弹", "limits.max_alias_nodes"]),
    "expanded-alias.yaml": (None, None, ["别名炸弹", "limits.max_expanded_bytes"]),
    "include-absolute.yaml": (2, 10, ["仓库之外", "[include] allow"]),
    "include-dotdot.yaml": (2, 10, ["仓库之外", "[include] allow"]),
    "include-proc-environ.yaml": (2, 10, ["仓库之外"]),
    "include-dev-zero.yaml": (2, 11, ["仓库之外"]),
    "include-self.yaml": (2, 10, ["循环包含"]),
    "include-not-yaml.yaml": (2, 10, [".yaml"]),
}
SECRET = "s3cr3t-" + "hostile-corpus"


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_hostile_file_says_what_and_where_in_chinese(name):
    line, column, words = MESSAGES[name]
    code = next(iter(EXPECTED[name][1]))
    proc = plancc("validate", "--format", "json", str(HOSTILE / name))
    [d] = [d for d in json.loads(proc.stdout)["diagnostics"] if d["code"] == code]
    assert line is None or d["line"] == line, d
    assert column is None or d["column"] == column, d
    for w in words:
        assert w in d["message"], d["message"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_nothing_outside_the_repository_reaches_any_output(fmt):
    files = [str(HOSTILE / n) for n in sorted(EXPECTED) if n.startswith("include-")]
    proc = plancc("validate", "--format", fmt, *files, env={"PLANCC_CI_TOKEN": SECRET})
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in out
    assert SECRET not in out and "root:x:0:0" not in out and "PLANCC_CI_TOKEN" not in out
    assert "# Hostile and broken inputs" not in out  # the README an include names is not quoted


def test_a_50_mb_file_is_refused_quickly_by_size(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.write(b"plancc: 1\ndocument: {title: x}\nsections:\n")
        chunk = ("  - title: 很长的章节\n    content: [" + ", ".join(["\"正文\""] * 200) + "]\n").encode()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    proc = plancc("validate", "--format", "json", str(big))
    assert proc.returncode == 1
    [d] = json.loads(proc.stdout)["diagnostics"]
    assert d["code"] == "PL006" and "MB" in d["message"] and "limits.max_bytes" in d["message"]


def test_prose_with_template_syntax_is_rendered_literally(tmp_path):
    out = tmp_path / "x.docx"
    proc = plancc("render", str(HOSTILE / "template-injection-prose.yaml"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    for literal in ("{{ 7*7 }}", "{% if true %}x{% endif %}", "${HOME}", "{{ ''.__class__.__mro__ }}", "&lt;w:p/&gt;", "&amp;amp;"):
        assert literal in xml, literal
    assert ">49<" not in xml


def test_a_repository_template_cannot_reach_python_internals(tmp_path):
    marker = Path("/tmp/plancc-pwned")
    marker.unlink(missing_ok=True)
    repo = tmp_path / "repo"
    shutil.copytree(HOSTILE / "evil-template", repo)
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "沙箱" in proc.stderr or "不允许" in proc.stderr or "未定义" in proc.stderr, proc.stderr
    assert not marker.exists()
    assert not (repo / "build" / "plan.docx").exists()
