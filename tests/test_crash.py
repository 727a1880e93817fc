"""A defect in plancc is not a finding: it says so, saves the traceback, and exits 3.
Expected failures (plancc.errors) print their message and exit with their own code."""

from __future__ import annotations

import sys
import types

import click
import pytest

from plancc.cli import main as cli_main
from plancc.errors import BUG_EXIT, OutputError, RenderError


@pytest.fixture
def command(monkeypatch, tmp_path):
    """Register a throw-away subcommand that raises what the test gives it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    raised: dict = {}

    @click.command("boom")
    def boom():
        raise raised["exc"]

    module = types.ModuleType("plancc_test_boom")
    module.boom = boom
    monkeypatch.setitem(sys.modules, "plancc_test_boom", module)
    monkeypatch.setitem(cli_main.COMMANDS, "boom", "plancc_test_boom:boom")

    def run(exc: BaseException, *args: str) -> int:
        raised["exc"] = exc
        return cli_main.run(["boom", *args])

    return run


def test_a_defect_exits_3_with_a_short_message_and_a_saved_traceback(command, capsys, tmp_path):
    code = command(ZeroDivisionError("division by zero"))
    err = capsys.readouterr().err
    assert code == BUG_EXIT == 3
    assert "这是 plancc 的缺陷" in err and "Traceback" not in err
    [saved] = (tmp_path / "cache" / "plancc" / "crashes").iterdir()
    assert str(saved) in err
    text = saved.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text
    assert saved.stat().st_mode & 0o077 == 0  # only the user can read it


def test_the_defect_message_follows_the_language(command, capsys, monkeypatch):
    monkeypatch.setenv("PLANCC_LANG", "en")
    assert command(KeyError("x")) == 3
    assert "this is a bug in plancc" in capsys.readouterr().err


def test_expected_failures_keep_their_exit_codes(command, capsys):
    assert command(OutputError("无法写入 x：磁盘已满")) == 2
    assert command(RenderError("模板出错")) == 1
    err = capsys.readouterr().err
    assert "plancc: 无法写入 x：磁盘已满" in err and "缺陷" not in err


def test_an_unwritable_crash_folder_still_gives_the_message(command, capsys, monkeypatch, tmp_path):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert command(RuntimeError("x")) == 3
    assert "这是 plancc 的缺陷" in capsys.readouterr().err


def test_interrupt_is_not_a_defect(command, capsys):
    assert command(KeyboardInterrupt()) in (1, 130)
    assert "缺陷" not in capsys.readouterr().err
