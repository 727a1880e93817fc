"""Hostile input to ``plancc render``: plans that validate, templates from a pull request and
bad layout settings. Each case runs the command line as a process with a time and memory
limit and must end in a clear message and the right exit code (1 for a plan or template
that cannot render, 2 for a bad configuration), with no traceback, no output file and
nothing read from outside the repository."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

TIME_LIMIT = 30  # seconds for a whole process, start-up included
MEMORY_LIMIT = 1536 * 1024 * 1024  # address space, bytes

PLAN = """\
plancc: 1
document:
  title: 测试县2024年教师全员培训实施方案
  issuer: 测试县教育局
  date: {date}
sections:
  - title: 培训安排
    content:
      - 全县教师参加培训。
"""

SECRET = "PLANCC-SECRET-OUTSIDE-THE-REPOSITORY"


def _limit_memory():  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def plancc(*args: str, cwd: Path, lang: str = "zh", env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PLANCC_LANG": lang, "PLANCC_NO_CACHE": "1", **(env or {})}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "plancc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIME_LIMIT, preexec_fn=_limit_memory, env=environ)
    proc.seconds = time.monotonic() - start  # type: ignore[attr-defined]
    return proc


def repo_with_template(tmp_path: Path, template: str, *, limits: str = "", extra: dict[str, str] | None = None,
                       date: str = "2024-11-11") -> Path:
    repo = tmp_path / "repo"
    folder = repo / "templates" / "t"
    folder.mkdir(parents=True)
    (folder / "plan.xml.j2").write_text(template, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    (repo / "plancc.toml").write_text('[render]\ntemplate = "t"\n' + (f"[limits]\n{limits}\n" if limits else ""), encoding="utf-8")
    (repo / "plan.yaml").write_text(PLAN.format(date=date), encoding="utf-8")
    return repo


def assert_refused(proc: subprocess.CompletedProcess, repo: Path, *needles: str, code: int = 1) -> None:
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out
    assert "缺陷" not in out and "crash-" not in out, out  # not reported as a plancc defect
    assert proc.returncode == code, out
    for n in needles:
        assert n in out, (n, out)
    assert not (repo / "build" / "plan.docx").exists()
    assert not list((repo / "build").glob("*")) if (repo / "build").exists() else True
    assert SECRET not in out


# ---------------------------------------------------------------- templates that crash or hang

CASES = {
    "recursive-macro": ('{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}<document>{{ f(0) }}</document>', ["递归"]),
    "include-itself": ('<document>{% include "plan.xml.j2" %}</document>', ["递归"]),
    "range-overflow": ('<document>{% for i in range(10**100) %}x{% endfor %}</document>', ["range", "plan.xml.j2:1"]),
    "string-bomb": ("<document>{{ 'x' * 10**10 }}</document>", ["template_output_bytes"]),
    "doubling-in-a-namespace": ('{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}'
                                "<document>{{ ns.s|length }}</document>", ["template_"]),  # memory or time, whichever comes first
    "doubling-with-plus": ('{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}'
                           "<document>{{ ns.s|length }}</document>", ["template_output_bytes"]),
    "nested-empty-loops": ("<document>{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}</document>",
                           ["template_seconds", "[limits]"]),
    "huge-power": ("<document>{{ 10 ** 100000000 }}</document>", ["template_"]),
    "span-not-a-number": ('<document><table><col title="a"/><row><cell span="abc">x</cell></row></table></document>', ["span"]),
    "span-too-wide": ('<document><table><col title="a"/><row><cell span="99999999999999999999">x</cell></row></table></document>', ["span"]),
    "weight-nan": ('<document><table><col title="a" weight="nan"/><row><cell>x</cell></row></table></document>', ["weight"]),
    "weight-huge": ('<document><table><col title="a" weight="1e308"/><col title="b" weight="1e308"/><row><cell>x</cell><cell>y</cell></row></table></document>', ["weight"]),
    "bad-align": ('<document><table><col title="a" align="evil"/><row><cell>x</cell></row></table></document>', ["align"]),
    "table-without-columns": ("<document><table><row/></table></document>", ["col"]),
    "unknown-element-in-row": ('<document><table><col title="a"/><row><p>x</p></row></table></document>', ["<p>"]),
    "date-after-a-table": ('<document><table><col title="a"/><row><cell>x</cell></row></table><date>2024年</date></document>', None),
    "bad-document-date": ('<document date="someday"><p>x</p></document>', ["date"]),
    # unnumbered, so the nesting limit speaks before the numbering forms run out (deep-numbered-sections)
    "deep-sections": ("<document>" + '<section numbered="0">' * 3000 + "<p>x</p>" + "</section>" * 3000 + "</document>", ["<section>", "50"]),
    "deep-numbered-sections": ("<document>" + "<section>" * 3000 + "<p>x</p>" + "</section>" * 3000 + "</document>", ["8 层", "a."]),
    "not-xml": ("<document><p>x</document>", ["XML"]),
    "python-error": ("<document>{{ (1).__class__ }}</document>", ["沙箱"]),
    "zero-division": ("<document>{{ 1 / 0 }}</document>", ["ZeroDivisionError", "plan.xml.j2:1"]),
    "syntax-error": ("<document>{% for %}</document>", ["plan.xml.j2:1", "语法"]),
    "missing-include": ('<document>{% include "nope.j2" %}</document>', ["nope.j2"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_template_is_a_clear_render_error(name, tmp_path):
    template, needles = CASES[name]
    repo = repo_with_template(tmp_path, template, limits="template_seconds = 3")
    proc = plancc("render", "plan.yaml", cwd=repo)
    if needles is None:  # a template the parser can lay out after all
        assert "Traceback" not in proc.stderr and proc.returncode in (0, 1), proc.stderr
        return
    assert_refused(proc, repo, *needles)
    assert proc.seconds < 20  # type: ignore[attr-defined]


def test_the_template_time_limit_names_its_key_and_holds(tmp_path):
    repo = repo_with_template(tmp_path, "<document>{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}</document>",
                              limits="template_seconds = 1")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "template_seconds", "1 秒")
    assert proc.seconds < 10  # type: ignore[attr-defined]


def test_a_loop_over_plan_data_that_prints_nothing_is_stopped_too(tmp_path):
    # no range() and no output: only the deadline of the child process can stop it
    repo = repo_with_template(tmp_path, "{% set xs = [1] * 3000 %}<document>{% for a in xs %}{% for b in xs %}{% for c in xs %}"
                                        "{% endfor %}{% endfor %}{% endfor %}</document>", limits="template_seconds = 1")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "template_seconds")
    assert proc.seconds < 10  # type: ignore[attr-defined]


def test_the_output_limit_names_its_key(tmp_path):
    repo = repo_with_template(tmp_path, "<document>{% for i in range(100000) %}<p>第{{ i }}段正文</p>{% endfor %}</document>",
                              limits="template_output_bytes = 100000")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "template_output_bytes", "100,000")


def test_the_memory_limit_names_its_key(tmp_path):
    repo = repo_with_template(tmp_path, "{% set big = 'x' * 400000000 %}<document><p>{{ big|length }}</p></document>",
                              limits="template_output_bytes = 1000000000\ntemplate_memory_bytes = 67108864")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "template_memory_bytes")


def test_template_messages_follow_the_language(tmp_path):
    repo = repo_with_template(tmp_path, '{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}<document>{{ f(0) }}</document>')
    proc = plancc("render", "plan.yaml", cwd=repo, lang="en")
    assert_refused(proc, repo, "recursed too deep", "plan.xml.j2")


@pytest.mark.parametrize("name", ["recursive-macro", "string-bomb", "range-overflow", "doubling-with-plus", "span-not-a-number"])
def test_without_fork_the_in_process_guards_hold(name, tmp_path):
    template, needles = CASES[name]
    repo = repo_with_template(tmp_path, template, limits="template_seconds = 3")
    proc = plancc("render", "plan.yaml", cwd=repo, env={"PLANCC_TEMPLATE_IN_PROCESS": "1"})
    assert_refused(proc, repo, *needles)


def test_a_bad_template_does_not_stop_the_other_plans(tmp_path):
    repo = repo_with_template(tmp_path, "<document>{{ 1 / 0 }}</document>")
    (repo / "other.yaml").write_text(PLAN.format(date="2024-11-11").replace("plancc: 1\n", "plancc: 1\ntemplate: default\n"),
                                     encoding="utf-8")
    proc = plancc("render", "plan.yaml", "other.yaml", "-o", "out", "-j", "1", cwd=repo)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "ZeroDivisionError" in proc.stderr
    assert not (repo / "out" / "plan.docx").exists()
    assert (repo / "out" / "other.docx").exists(), proc.stdout + proc.stderr


# ---------------------------------------------------------------- reading outside the repository


def test_a_symlinked_include_cannot_read_outside_the_template_folder(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    repo = repo_with_template(tmp_path, '<document><p>{% include "leak.j2" %}</p></document>')
    (repo / "templates" / "t" / "leak.j2").symlink_to(secret)
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "leak.j2", "符号链接")


def test_a_symlinked_template_folder_outside_the_repository_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "plan.xml.j2").write_text(f"<document><p>{SECRET}</p></document>", encoding="utf-8")
    repo = repo_with_template(tmp_path, "<document/>")
    (repo / "templates" / "linked").symlink_to(outside, target_is_directory=True)
    (repo / "plancc.toml").write_text('[render]\ntemplate = "linked"\n', encoding="utf-8")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "仓库之外")


def test_a_template_path_outside_the_repository_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "plan.xml.j2").write_text(f"<document><p>{SECRET}</p></document>", encoding="utf-8")
    repo = repo_with_template(tmp_path, "<document/>")
    (repo / "plan.yaml").write_text(PLAN.format(date="2024-11").replace("plancc: 1\n", f"plancc: 1\ntemplate: {outside}\n"),
                                    encoding="utf-8")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "仓库之外")
    # on the command line the user chooses for themselves
    proc = plancc("render", "plan.yaml", "--template", str(outside), cwd=repo)
    assert "仓库之外" in proc.stderr  # the plan's own template: key still wins and is still checked


def test_a_template_folder_holding_a_fifo_is_refused(tmp_path):
    repo = repo_with_template(tmp_path, '<document><p>{% include "pipe.j2" %}</p></document>')
    os.mkfifo(repo / "templates" / "t" / "pipe.j2")
    proc = plancc("render", "plan.yaml", cwd=repo)
    assert_refused(proc, repo, "不是普通文件")


# ---------------------------------------------------------------- plans that validate must render


def test_a_month_precision_document_date_renders(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN.format(date="2024-11"), encoding="utf-8")
    proc = plancc("render", "plan.yaml", "-o", "out.docx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        assert "2024年11月<" in z.read("word/document.xml").decode("utf-8")
        assert "2024-11-01T00:00:00Z" in z.read("docProps/core.xml").decode("utf-8")


TABLE = PLAN + """\
      - table:
          columns: {columns}
          {extra}
          rows: {rows}
"""


@pytest.mark.parametrize("columns, extra, rows, message, key", [
    ("[a, b]", "", "[[1, 2, 3]]", "表格第 1 行有 3 个单元格，但表格有 2 列", "rows"),
    ("[a, b]", "", "[[1, 2], [1]]", "表格第 2 行有 1 个单元格，但表格有 2 列", "rows"),
    ("[a, b]", "widths: [0, 1]", "[[1, 2]]", "应当大于 0", "widths"),
    ("[a, b]", "widths: [.nan, 1]", "[[1, 2]]", "NaN", "widths"),
    ("[a, b]", "widths: [-1, 1]", "[[1, 2]]", "应当大于 0", "widths"),
    ("[a, b]", "widths: [1]", "[[1, 2]]", "widths 写了 1 个宽度，但表格有 2 列", "widths"),
    ("[]", "", "[]", "至少要有 1 项", "columns"),
    ("[a, b]", "merge: [3]", "[[1, 2]]", "merge 中的 3 不是表格的列", "merge"),
    ("[a, b]", "", "[[.nan, 2]]", "NaN", "rows"),
])
def test_a_table_that_does_not_fit_is_a_located_diagnostic(tmp_path, columns, extra, rows, message, key):
    text = TABLE.format(date="2024-11-11", columns=columns, extra=extra, rows=rows)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    proc = plancc("validate", "plan.yaml", cwd=tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in out, out
    assert "PL104" in out and message in out, out
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.strip().startswith(key + ":"))
    assert f"plan.yaml:{line}:" in out, out  # at the key at fault, not at the table
    proc = plancc("render", "plan.yaml", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "build" / "plan.docx").exists()


# ---------------------------------------------------------------- layout settings


@pytest.mark.parametrize("toml, needle", [
    ('"page.width" = 100000000000000000000', "144 到 31680"),
    ("styles.body.size = 1000000000", "1 到 3276"),
    ('"styles.body.size" = 0', "1 到 3276"),
    ('"page.margins.left" = -5', "0 到 31680"),
    ('"page.width" = nan', "144 到 31680"),
    ('"styles.body.name" = "正文\\u0001"', "控制字符 U+0001"),
    ('"page_number.prefix" = "\\u0007"', "控制字符 U+0007"),
    ('"styles.title.font.east_asia" = "黑\\u0000体"', "控制字符 U+0000"),
])
def test_a_bad_layout_override_is_a_located_config_error(tmp_path, toml, needle):
    (tmp_path / "plan.yaml").write_text(PLAN.format(date="2024-11-11"), encoding="utf-8")
    (tmp_path / "plancc.toml").write_text(f"[render.layout]\n{toml}\n", encoding="utf-8")
    for command in ("validate", "render"):
        proc = plancc(command, "plan.yaml", cwd=tmp_path)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 2 and "Traceback" not in out, out
        assert "plancc.toml:2:" in out and needle in out, out
    assert not (tmp_path / "build" / "plan.docx").exists()


def test_a_bad_profile_file_is_located_at_its_line(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN.format(date="2024-11-11"), encoding="utf-8")
    (tmp_path / "county.yaml").write_text("page:\n  width: 11906\nstyles:\n  body:\n    size: 99999\n", encoding="utf-8")
    (tmp_path / "plancc.toml").write_text('[render]\nprofile = "county.yaml"\n', encoding="utf-8")
    proc = plancc("render", "plan.yaml", cwd=tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2 and "Traceback" not in out, out
    assert "county.yaml:5:" in out and "styles.body.size" in out and "1 到 3276" in out, out
    assert not (tmp_path / "build" / "plan.docx").exists()
