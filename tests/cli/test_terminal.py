"""What a terminal (or a pipe) gets: colour by --color / PLANCC_COLOR / NO_COLOR / FORCE_COLOR / the TTY,
the diagnostic window on a long line, the level word of explain, progress only on a terminal, and
LibreOffice's time limit as an option and a plancc.toml setting."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from plancc.cli import usage
from plancc.cli.main import COMMANDS, cli
from plancc.text import kinsoku, terminal
from tests.cli.test_cli_render import GOOD
from tests.conftest import require_soffice
from tests.helpers import MINIMAL

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
#: a plan with one warning (PL804: a half-width comma in Chinese)
WARNED = MINIMAL + "audience: 全镇教师,含幼儿园教师。\n"


def _env(**extra: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PLANCC_COLOR", "PLANCC_LANG", "COLUMNS", "TERM")}
    env.update({"PYTHONIOENCODING": "utf-8", "TERM": "xterm-256color"})
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def _plancc(args: list[str], cwd: Path, **env: str | None) -> subprocess.CompletedProcess:
    """plancc as its own process, stdout and stderr pipes."""
    return subprocess.run([sys.executable, "-m", "plancc", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env=_env(**env), timeout=300)


def _on_a_terminal(args: list[str], cwd: Path, timeout: float = 300, columns: int = 100, **env: str | None) -> tuple[int, str]:
    """plancc with stdin, stdout and stderr on a pseudo-terminal ``columns`` wide (no COLUMNS variable:
    the width is the terminal's): its exit code and everything it wrote."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
            os.chdir(cwd)
            os.execve(sys.executable, [sys.executable, "-m", "plancc", *args], _env(**env))
        finally:
            os._exit(127)
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


# --------------------------------------------------------------------------- colour

@pytest.mark.parametrize("args, env, coloured", [
    ([], {}, False),                                                    # a pipe: no colour
    ([], {"FORCE_COLOR": "1"}, True),                                  # FORCE_COLOR: colour into the pipe
    ([], {"FORCE_COLOR": "0"}, False),
    ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),                # NO_COLOR before FORCE_COLOR
    (["--color", "always"], {"NO_COLOR": "1"}, True),                  # --color before both
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    (["--color", "auto"], {"FORCE_COLOR": "1"}, True),                 # auto: the environment decides
    ([], {"PLANCC_COLOR": "always", "NO_COLOR": "1"}, True),           # PLANCC_COLOR is --color
    (["--color", "never"], {"PLANCC_COLOR": "always"}, False),         # ... and the command line wins over it
])
def test_colour_of_validate_into_a_pipe(tmp_path, args, env, coloured):
    (tmp_path / "plan.yaml").write_text(WARNED, encoding="utf-8")
    proc = _plancc(["validate", *args, "plan.yaml"], tmp_path, **env)
    assert proc.returncode == 0, proc.stderr
    assert "PL804" in proc.stdout
    assert bool(ANSI.search(proc.stdout)) is coloured, proc.stdout[:300]
    assert ANSI.sub("", proc.stdout) == _plancc(["validate", "plan.yaml"], tmp_path).stdout  # the same text, coloured or not


def test_colour_given_before_the_command_holds_for_it(tmp_path):
    (tmp_path / "plan.yaml").write_text(WARNED, encoding="utf-8")
    assert ANSI.search(_plancc(["--color", "always", "validate", "plan.yaml"], tmp_path).stdout)
    assert not ANSI.search(_plancc(["--color", "never", "validate", "plan.yaml"], tmp_path, FORCE_COLOR="1").stdout)


@pytest.mark.parametrize("env, args, coloured", [
    ({}, [], True),                      # a terminal: colour
    ({"NO_COLOR": "1"}, [], False),
    ({}, ["--color", "never"], False),
    ({"TERM": "dumb"}, [], False),
])
def test_colour_on_a_terminal(tmp_path, env, args, coloured):
    (tmp_path / "plan.yaml").write_text(WARNED, encoding="utf-8")
    code, out = _on_a_terminal(["validate", *args, "plan.yaml"], tmp_path, **env)
    assert code == 0 and "PL804" in out
    assert bool(ANSI.search(out)) is coloured, out[:300]


def test_every_rich_console_follows_the_choice(tmp_path):
    """explain prints with rich (which on its own reads NO_COLOR and FORCE_COLOR but not --color)."""
    assert ANSI.search(_plancc(["explain", "PL201", "--color", "always"], tmp_path, NO_COLOR="1").stdout)
    assert not ANSI.search(_plancc(["explain", "PL201", "--color", "never"], tmp_path, FORCE_COLOR="1").stdout)
    assert not ANSI.search(_plancc(["explain", "PL201"], tmp_path).stdout)
    assert ANSI.search(_plancc(["explain", "PL201"], tmp_path, FORCE_COLOR="1").stdout)


def test_render_diagnostics_on_stderr_follow_the_choice(tmp_path):
    (tmp_path / "plan.yaml").write_text(GOOD.replace("  issuer: 测试县教育局", "  issuer: 测试县教育局,测试县"), encoding="utf-8")
    plain = _plancc(["render", "plan.yaml"], tmp_path)
    coloured = _plancc(["render", "--color", "always", "plan.yaml"], tmp_path)
    assert plain.returncode == coloured.returncode == 0, plain.stderr
    assert "PL804" in plain.stderr and not ANSI.search(plain.stderr)
    assert ANSI.search(coloured.stderr) and ANSI.sub("", coloured.stderr) == plain.stderr


def test_diff_text_follows_the_choice(tmp_path):
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text(GOOD, encoding="utf-8")
    new.write_text(GOOD.replace("required: 90", "required: 96").replace("hours: 60}", "hours: 66}"), encoding="utf-8")
    assert ANSI.search(_plancc(["diff", "--color", "always", "old.yaml", "new.yaml"], tmp_path).stdout)
    out = _plancc(["diff", "old.yaml", "new.yaml"], tmp_path, FORCE_COLOR="1", NO_COLOR="1").stdout
    assert "96" in out and not ANSI.search(out)


def test_every_command_takes_color_and_documents_it():
    ctx = click.Context(cli)
    for name in [None, *COMMANDS]:
        args = ([name] if name else []) + ["--color", "never", "--help"]
        result = CliRunner().invoke(cli, args, env={"PLANCC_LANG": None}, prog_name="plancc")
        assert result.exit_code == 0, (name, result.output)
        assert "--color 何时" in result.output and "auto" in result.output and "NO_COLOR" in result.output, name
        command = cli if name is None else cli.get_command(ctx, name)
        assert [p for p in command.params if "--color" in getattr(p, "opts", ())], name
    refused = CliRunner().invoke(cli, ["validate", "--color", "sometimes"], env={"PLANCC_LANG": None})
    assert refused.exit_code == 2 and "选项 --color 的值“sometimes”不可用；可选：auto、always、never" in refused.output


def test_the_choice_is_for_one_run_only(tmp_path):
    """Several runs in one process (a test, an editor plug-in) do not inherit each other's --color."""
    (tmp_path / "plan.yaml").write_text(WARNED, encoding="utf-8")
    runner = CliRunner()
    env = {"NO_COLOR": None, "FORCE_COLOR": None, "PLANCC_COLOR": None}
    first = runner.invoke(cli, ["--color", "always", "validate", str(tmp_path / "plan.yaml")], env=env)
    second = runner.invoke(cli, ["validate", str(tmp_path / "plan.yaml")], env=env)
    assert ANSI.search(first.output) and not ANSI.search(second.output)


def test_color_enabled_in_order(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    for name in ("NO_COLOR", "FORCE_COLOR", "PLANCC_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    assert terminal.color_enabled(Tty()) and not terminal.color_enabled(open(os.devnull, "w"))
    monkeypatch.setenv("NO_COLOR", "")  # empty: as if unset
    assert terminal.color_enabled(Tty())
    monkeypatch.setenv("NO_COLOR", "yes")
    assert not terminal.color_enabled(Tty())
    token = terminal.set_color("always")
    try:
        assert terminal.color_enabled(open(os.devnull, "w"))
    finally:
        terminal.reset_color(token)


# --------------------------------------------------------------------------- explain's words

def test_explain_says_the_level_in_the_language_of_the_run(tmp_path):
    zh = _plancc(["explain", "PL201"], tmp_path).stdout
    assert "默认级别：错误" in zh and "error" not in zh.split("\n", 1)[1]
    en = _plancc(["explain", "PL201", "--lang", "en"], tmp_path).stdout
    assert "default severity: error" in en and not CJK.search(en)
    table = _plancc(["explain", "--all"], tmp_path, COLUMNS="200").stdout
    levels = {re.split(r"\s{2,}", row.strip())[2].replace("（政策包）", "") for row in table.splitlines()[1:] if row.strip()}
    assert levels == {"错误", "警告", "提示"}, levels


# --------------------------------------------------------------------------- the diagnostic window

def _window_lines(out: str) -> list[tuple[str, str]]:
    """(source, marker) pairs of a text report: the text after “│ ” of each."""
    lines = [ln for ln in out.splitlines() if "│" in ln]
    return [(lines[i].split("│ ", 1)[1], lines[i + 1].split("│ ", 1)[1]) for i in range(0, len(lines) - 1, 2)]


def _at_cell(text: str, cells: int) -> str:
    """What ``text`` shows from terminal cell ``cells`` on."""
    used = 0
    for k, ch in enumerate(text):
        if used >= cells:
            return text[k:]
        used += cell_len(ch)
    return ""


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("where", ["middle", "end"])
def test_a_long_line_is_shown_as_a_window_that_fits_the_terminal(tmp_path, columns, where):
    piece = "全镇教师\t含幼儿园 word 2024 教师"  # wide characters, a tab, Latin words and digits
    half = piece * (10_000 // len(piece))
    value = half + ",幼儿园" + half if where == "middle" else half + half + "全镇,"
    assert len(value) > 19_000
    (tmp_path / "plan.yaml").write_text(MINIMAL + f"audience: '{value}'\n", encoding="utf-8")
    proc = _plancc(["validate", "plan.yaml"], tmp_path, COLUMNS=str(columns))
    assert "PL804" in proc.stdout, proc.stdout[:300]
    for line in proc.stdout.splitlines():
        if "│" in line:
            assert cell_len(line) <= columns, (columns, line)
    (source, marker), = _window_lines(proc.stdout)
    assert ("…" in source[:1]) and (where == "end" or source.endswith("…")), source
    caret = cell_len(marker.split("^")[0])
    assert _at_cell(source, caret).startswith(","), (source, marker)  # the caret under the comma, counted in cells
    assert len(proc.stdout) < 2_000  # not the whole line


def test_the_window_follows_the_terminal_on_a_real_terminal(tmp_path):
    (tmp_path / "plan.yaml").write_text(MINIMAL + "audience: '" + "甲" * 9000 + ",乙" + "丙" * 9000 + "'\n", encoding="utf-8")
    code, out = _on_a_terminal(["validate", "plan.yaml"], tmp_path, columns=90)
    rows = [ANSI.sub("", ln) for ln in out.splitlines() if "│" in ln]
    assert code == 0 and len(rows) == 2 and all(cell_len(r) <= 90 for r in rows), rows


# --------------------------------------------------------------------------- help: one table of 避头尾

def test_line_breaking_has_one_table_of_punctuation():
    from plancc.layout import columns, titles

    assert usage._CLOSE is kinsoku.NO_LINE_START and usage._OPEN is kinsoku.NO_LINE_END
    assert titles._NO_LINE_START is kinsoku.NO_LINE_START and titles._NO_LINE_END is kinsoku.NO_LINE_END
    assert kinsoku.NO_LINE_START <= columns._CLOSING and kinsoku.NO_LINE_END <= columns._OPENING


@pytest.mark.parametrize("width", [20, 33, 47])
def test_help_wrap_keeps_every_mark_of_the_table_off_the_line_start(width):
    text = "".join(f"甲乙{c}丙丁" for c in sorted(kinsoku.NO_LINE_START)) + "".join(f"戊{o}己庚" for o in sorted(kinsoku.NO_LINE_END))
    for shift in range(4):
        lines = usage.wrap("子" * shift + text, width)
        assert all(cell_len(ln) <= width for ln in lines)
        assert not any(ln[0] in kinsoku.NO_LINE_START for ln in lines[1:]), lines
        assert not any(ln[-1] in kinsoku.NO_LINE_END for ln in lines), lines


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_no_help_line_starts_or_ends_with_forbidden_punctuation(columns, lang):
    for name in [None, *COMMANDS]:
        args = ([name] if name else []) + ["--help"]
        out = subprocess.run([sys.executable, "-m", "plancc", *args], capture_output=True, text=True, encoding="utf-8",
                             env=_env(COLUMNS=str(columns), PLANCC_LANG=lang), timeout=120).stdout
        for line in out.splitlines():
            body = line.strip()
            assert cell_len(line) <= columns, (name, line)
            assert not body or (body[0] not in kinsoku.NO_LINE_START and body[-1] not in kinsoku.NO_LINE_END), (name, line)


# --------------------------------------------------------------------------- progress

def test_render_shows_its_steps_on_a_terminal_and_nothing_in_a_pipe(tmp_path):
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    code, out = _on_a_terminal(["render", "plan.yaml"], tmp_path)
    assert code == 0, out
    assert "渲染 plan.yaml" in out and "检查 plan.yaml" in out and "\x1b[?25l" in out  # the spinner (cursor hidden)
    assert "已生成 build/plan.docx" in out
    piped = _plancc(["render", "plan.yaml"], tmp_path)
    assert piped.returncode == 0 and "检查 plan.yaml" not in piped.stderr and not ANSI.search(piped.stderr + piped.stdout)
    assert piped.stdout.strip() == "已生成 build/plan.docx"
    # several plans (rendered in worker processes): a bar counts them, the workers draw nothing of their own
    (tmp_path / "second.yaml").write_text(GOOD, encoding="utf-8")
    code, out = _on_a_terminal(["render", "-j", "2", "plan.yaml", "second.yaml"], tmp_path)
    assert code == 0 and "2/2" in out and "检查 second.yaml" not in out, out[-800:]


def test_validate_of_many_plans_shows_a_bar_on_a_terminal_only(tmp_path):
    for k in range(4):
        (tmp_path / f"p{k}.yaml").write_text(WARNED, encoding="utf-8")
    code, out = _on_a_terminal(["validate", "."], tmp_path)
    assert code == 0 and "检查" in out and "4/4" in out, out[-500:]
    piped = _plancc(["validate", "."], tmp_path)
    assert "4/4" not in piped.stdout + piped.stderr and not piped.stderr
    # a machine format on stdout: nothing else is drawn on the terminal
    code, out = _on_a_terminal(["validate", "-f", "json", "."], tmp_path)
    assert "4/4" not in out and "\x1b[?25l" not in out


def test_a_small_validate_does_not_load_the_progress_display(tmp_path):
    (tmp_path / "plan.yaml").write_text(WARNED, encoding="utf-8")
    code = ("import sys; from plancc.cli.main import run; status = run(['validate', 'plan.yaml']); "
            "print('LOADED' if 'rich.progress' in sys.modules or 'rich.live' in sys.modules else 'NOT', status, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.stderr.strip().endswith("NOT 0"), proc.stderr


# --------------------------------------------------------------------------- LibreOffice's time limit

def test_the_time_limit_is_an_option_and_a_setting_in_the_jobs(tmp_path):
    from plancc.config import load_config
    from plancc.driver.render import jobs_for
    from plancc.driver.settings import Settings

    (tmp_path / "plancc.toml").write_text("[libreoffice]\ntimeout = 600\n", encoding="utf-8")
    config = load_config(tmp_path / "plancc.toml")
    settings = Settings.from_config(config)
    plan = tmp_path / "plan.yaml"
    assert jobs_for([plan], config, settings, pdf=True)[0].pdf_timeout == 600
    assert jobs_for([plan], config, settings, pdf=True, pdf_timeout=5)[0].pdf_timeout == 5
    from plancc.emit.pdf import DEFAULT_TIMEOUT

    assert jobs_for([plan], load_config(None, search=False), settings, pdf=True)[0].pdf_timeout == DEFAULT_TIMEOUT == 300


@pytest.mark.parametrize("value", ["0", "-1", "3601", '"soon"'])
def test_a_bad_setting_is_refused_where_it_is_written(tmp_path, value):
    (tmp_path / "plancc.toml").write_text(f"[libreoffice]\ntimeout = {value}\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    proc = _plancc(["render", "plan.yaml"], tmp_path)
    assert proc.returncode == 2 and "plancc.toml:2" in proc.stderr and "libreoffice.timeout" in proc.stderr, proc.stderr


@pytest.mark.parametrize("value", ["0", "abc", "nan", "7200"])
def test_a_bad_option_is_refused_in_our_words(tmp_path, value):
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    proc = _plancc(["render", "--pdf", "--pdf-timeout", value, "plan.yaml"], tmp_path)
    assert proc.returncode == 2 and f"选项 --pdf-timeout 的值“{value}”不是秒数" in proc.stderr, proc.stderr


@pytest.mark.pdf
@pytest.mark.parametrize("how", ["option", "setting"])
def test_a_real_conversion_out_of_time_names_the_option_and_the_setting(tmp_path, how):
    require_soffice()
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    args = ["render", "--pdf", "plan.yaml"]
    if how == "option":
        args[2:2] = ["--pdf-timeout", "0.2"]
        (tmp_path / "plancc.toml").write_text("[libreoffice]\ntimeout = 600\n", encoding="utf-8")  # the option wins
    else:
        (tmp_path / "plancc.toml").write_text("[libreoffice]\ntimeout = 0.2\n", encoding="utf-8")
    t0 = time.monotonic()
    proc = _plancc(args, tmp_path)
    assert time.monotonic() - t0 < 60
    assert proc.returncode == 1, proc.stderr
    assert "plan.yaml: LibreOffice 在 0.2 秒内未完成 plan.docx 到 PDF 的转换" in proc.stderr
    assert "render --pdf-timeout" in proc.stderr and "[libreoffice] timeout" in proc.stderr
    assert (tmp_path / "build" / "plan.docx").is_file() and not (tmp_path / "build" / "plan.pdf").exists()
    en = _plancc([*args, "--lang", "en"], tmp_path)
    assert "did not finish converting plan.docx to PDF in 0.2 seconds" in en.stderr and not CJK.search(en.stderr)


@pytest.mark.pdf
def test_the_conversion_shows_its_time_against_the_limit_on_a_terminal(tmp_path):
    require_soffice()
    (tmp_path / "plan.yaml").write_text(GOOD, encoding="utf-8")
    code, out = _on_a_terminal(["render", "--pdf", "--pdf-timeout", "1", "plan.yaml"], tmp_path)
    # a fast machine converts within the second, a slow one runs out of it: either way the line shows the limit
    assert code in (0, 1), out
    assert "LibreOffice 正在把 plan.docx 转为 PDF（时限 1 秒）" in out and "0:00:0" in out


@pytest.mark.skipif(os.name != "posix", reason="shebang scripts and process groups")
def test_import_takes_the_setting_for_its_conversion(tmp_path, monkeypatch):
    from plancc.emit import pdf as pdfmod
    from plancc.importer.docx import OLE_MAGIC

    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(60)\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: str(fake))
    (tmp_path / "old.doc").write_bytes(OLE_MAGIC + b"\x00" * 504)
    (tmp_path / "plancc.toml").write_text("[libreoffice]\ntimeout = 0.5\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    t0 = time.monotonic()
    result = CliRunner().invoke(cli, ["import", "old.doc"], env={"PLANCC_LANG": None})
    assert time.monotonic() - t0 < 20
    assert result.exit_code == 2, result.output
    assert "0.5 秒内未完成" in result.output and "[libreoffice] timeout" in result.output
