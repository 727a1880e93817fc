"""Help pages and usage errors in the user's language: every word from the catalog, none of click's English
in Chinese, no Chinese in English, lines that fit the terminal with CJK counted two columns."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from plancc.catalog import has, table
from plancc.cli import usage
from plancc.cli.main import cli
from plancc.text import kinsoku

CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
#: what click writes by itself, in English
BOILERPLATE = ("Usage:", "Options:", "Commands:", "Show this message", "Show the version", "and exit", "[OPTIONS]",
               "COMMAND [ARGS]", "[default", "default:", "[required]", "INTEGER", "TEXT", "FILE",
               "Error:", "Try '", "Invalid value", "No such", "Missing", "Got unexpected", "Aborted")
#: the marks no line may start with: the one table every line breaker of plancc uses
CLOSING = kinsoku.NO_LINE_START


def _commands() -> list[str]:
    ctx = click.Context(cli)
    return cli.list_commands(ctx)


COMMANDS = _commands()
PAGES = [[], *([name] for name in COMMANDS)]  # plancc --help and each command's


def _help(args: list[str], lang: str | None = None, how: str = "option") -> str:
    env = {"PLANCC_LANG": None}
    if lang and how == "env":
        env["PLANCC_LANG"] = lang
    elif lang:
        args = ["--lang", lang, *args]
    result = CliRunner().invoke(cli, [*args, "--help"], env=env, prog_name="plancc")
    assert result.exit_code == 0, result.output
    return result.output


def test_the_commands_are_listed_from_the_group():
    assert COMMANDS[:2] == ["validate", "render"] and "docs" in COMMANDS
    assert all(cli.get_command(click.Context(cli), name) is not None for name in COMMANDS)


@pytest.mark.parametrize("args", PAGES, ids=lambda a: " ".join(a) or "plancc")
def test_chinese_help_has_none_of_clicks_english(args):
    text = _help(args)
    for words in BOILERPLATE:
        assert words not in text, (words, text)
    assert "用法：plancc" in text and "选项：" in text and "显示此帮助并退出" in text
    assert "cli." not in text  # no catalog key shown instead of its words


@pytest.mark.parametrize("how", ["option", "env"])
@pytest.mark.parametrize("args", PAGES, ids=lambda a: " ".join(a) or "plancc")
def test_english_help_has_no_chinese(args, how):
    text = _help(args, "en", how)
    assert not CJK.search(text), CJK.findall(text)
    assert text.startswith("Usage: plancc") and "Options:" in text and "Show this help and exit." in text
    assert "cli." not in text


def test_the_group_lists_its_commands_and_version_in_both_languages():
    zh, en = _help([]), _help([], "en")
    assert "命令：" in zh and "Commands:" in en
    assert "显示版本号并退出" in zh and "Show the version and exit." in en
    for name in COMMANDS:
        assert f"\n  {name} " in zh and f"\n  {name} " in en


def test_a_command_help_is_the_catalog_entry():
    text = _help(["validate"], "en")
    assert "Warnings fail too (exit code 1)." in text
    assert "-j, --jobs N" in text and "--format FORMAT[=FILE]" in text
    zh = _help(["validate"])
    assert "警告也算失败（退出码 1）。" in zh and "-j, --jobs 数量" in zh and "默认自动" in zh


def test_every_help_text_and_metavar_is_a_catalog_key():
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert has(command.help) and has(command.short_help), name
        for param in command.params:
            if isinstance(param, click.Option):
                assert has(param.help), (name, param.opts)
                if not param.is_flag and not isinstance(param.type, click.Choice):
                    assert param.metavar and has(param.metavar), (name, param.opts)


def test_every_parameter_type_refuses_in_our_words():
    """A click type of its own would refuse a value in English."""
    ctx = click.Context(cli)
    ours = (usage.Choice, usage.Int, usage.Path, usage.Seconds)
    for name in COMMANDS:
        for param in cli.get_command(ctx, name).params:
            assert isinstance(param.type, (*ours, click.types.StringParamType, click.types.BoolParamType)), (name, param.name)


# --------------------------------------------------------------------------- width

def _real_help(args: list[str], columns: int, lang: str) -> str:
    env = {**os.environ, "COLUMNS": str(columns), "PLANCC_LANG": lang, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "plancc", *args, "--help"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _ascii_words(text: str) -> set[str]:
    return set(re.findall(r"[!-~]+", text))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("args", PAGES, ids=lambda a: " ".join(a) or "plancc")
def test_help_fits_the_terminal_and_breaks_only_where_it_may(args, columns, lang):
    text = _real_help(args, columns, lang)
    if lang == "en":
        assert not CJK.search(text)
    # the same page laid out without a width limit: the words a line may not be broken inside
    whole = _ascii_words(_real_help(args, 10_000, lang)) | _ascii_words(" ".join(table(lang).values()))
    for line in text.splitlines():
        assert cell_len(line) <= columns, (columns, line)
        assert not line.strip() or line.strip()[0] not in CLOSING, line
        assert _ascii_words(line) <= whole, (line, _ascii_words(line) - whole)


def test_wrap_counts_chinese_as_two_columns_and_keeps_words_whole():
    text = "输出格式：text（默认）、json、github、sarif；可重复，格式=文件 写入文件，如 --format text --format sarif=plancc.sarif。"
    for width in range(12, 70):
        lines = usage.wrap(text, width)
        assert all(cell_len(ln) <= width for ln in lines), (width, lines)
        assert all(ln[0] not in CLOSING for ln in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for word in re.findall(r"[!-~]+", text):
            if cell_len(word) + 2 > width:  # with the punctuation beside it, longer than a line: cut
                continue
            assert any(word in ln for ln in lines), (width, word, lines)
        assert not any(ln.endswith("（") or ln.endswith("“") for ln in lines)


def test_wrap_cuts_a_word_longer_than_the_line():
    lines = usage.wrap("见 " + "x" * 30, 10)
    assert all(cell_len(ln) <= 10 for ln in lines) and "".join(lines).replace(" ", "") == "见" + "x" * 30


# --------------------------------------------------------------------------- usage errors

ERRORS = {
    "bad choice": (["validate", "--format", "xml", "x.yaml"],
                   "选项 --format 的值“xml”不可用；可选：text、json、github、sarif",
                   "invalid value 'xml' for --format; choose from: text, json, github, sarif"),
    "bad click choice": (["explain", "--lang", "fr"], "选项 --lang 的值“fr”不可用；可选：zh、en",
                         "invalid value 'fr' for --lang; choose from: zh, en"),
    "unknown option": (["validate", "--strictt"], "没有选项 --strictt；是不是想用 --strict？",
                       "no such option --strictt; did you mean --strict?"),
    "missing argument": (["show"], "缺少参数 PLAN", "missing argument PLAN"),
    "extra argument": (["show", "a.yaml", "b.yaml"], "多余的参数：b.yaml", "unexpected extra argument: b.yaml"),
    "extra arguments": (["explain", "PL201", "x", "y"], "多余的参数：x y", "unexpected extra arguments: x y"),
    "bad int": (["render", "-j", "many", "x.yaml"], "选项 --jobs 的值“many”不是整数",
                "invalid value 'many' for --jobs: not a whole number"),
    "flag with a value": (["validate", "--strict=yes"], "选项 --strict 不带值", "option --strict does not take a value"),
    "option without its value": (["validate", "--select"], "选项 --select 需要一个值", "option --select needs a value"),
    "unknown command": (["valdate"], "没有命令“valdate”；是不是想用 validate？", "no such command 'valdate'; did you mean validate?"),
    "file given a folder": (["validate", "--config", ".", "x.yaml"], "--config 应当是文件，但“.”是一个目录",
                            "--config must be a file, but '.' is a folder"),
}


@pytest.mark.parametrize("kind", sorted(ERRORS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_usage_errors_are_in_our_words(kind, lang, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args, zh, en = ERRORS[kind]
    argv = [*args, "--lang", "en"] if lang == "en" and kind not in ("bad click choice", "option without its value") else args
    env = {"PLANCC_LANG": "en" if lang == "en" else None}
    result = CliRunner().invoke(cli, argv, env=env, prog_name="plancc")
    out = result.output
    assert result.exit_code == 2, out
    assert "Traceback" not in out
    assert result.exception is None or isinstance(result.exception, SystemExit)
    command = "plancc" if kind == "unknown command" else f"plancc {args[0]}"
    if lang == "zh":
        assert f"错误：{zh}\n" in out, out
        assert f"用法：{command} [选项]" in out and f"运行 {command} --help 查看帮助。" in out
        for words in BOILERPLATE:
            assert words not in out, (words, out)
    else:
        assert f"Error: {en}\n" in out, out
        assert f"Usage: {command} [OPTIONS]" in out and f"Run '{command} --help' for help." in out
        assert not CJK.search(out), out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plancc_alone_shows_the_help(lang):
    result = CliRunner().invoke(cli, [], env={"PLANCC_LANG": lang}, prog_name="plancc")
    assert result.exit_code in (0, 2)  # click 8.1 exits 0 here, later versions 2
    assert ("命令：" if lang == "zh" else "Commands:") in result.output
    assert "Error:" not in result.output and "错误：" not in result.output


def test_a_usage_error_of_the_real_process(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PLANCC_LANG", None)
    proc = subprocess.run([sys.executable, "-m", "plancc", "validate", "--format", "xml", "x.yaml"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 2
    assert "错误：选项 --format 的值“xml”不可用" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "plancc", "--lang", "en", "show"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 2 and "Error: missing argument PLAN" in proc.stderr and not CJK.search(proc.stderr)


def test_an_interrupt_is_aborted_in_our_words(monkeypatch):
    import plancc.schema

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(plancc.schema, "schema_json", interrupted)
    zh = CliRunner().invoke(cli, ["schema"], env={"PLANCC_LANG": None}, prog_name="plancc")
    assert zh.exit_code == 1 and "已中止。" in zh.output and "Aborted" not in zh.output
    en = CliRunner().invoke(cli, ["schema"], env={"PLANCC_LANG": "en"}, prog_name="plancc")
    assert en.exit_code == 1 and "Aborted." in en.output and "Aborted!" not in en.output


def test_the_language_given_before_the_command_is_the_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", "--isolated", "nope.yaml"], env={"PLANCC_LANG": None}, prog_name="plancc")
    assert result.exit_code == 2 and "no such path: nope.yaml" in result.output
    result = CliRunner().invoke(cli, ["validate", "--isolated", "nope.yaml"], env={"PLANCC_LANG": None}, prog_name="plancc")
    assert "路径不存在：nope.yaml" in result.output


def test_docs_still_regenerates_the_reference(tmp_path):
    from plancc.docs import plan_language_md, rules_md

    for lang, said in (("zh", "已写入"), ("en", "wrote")):
        folder = tmp_path / lang
        result = CliRunner().invoke(cli, ["docs", str(folder), "--lang", lang], prog_name="plancc")
        assert result.exit_code == 0, result.output
        assert said in result.output
        assert (folder / "plan-language.md").read_text(encoding="utf-8") == plan_language_md()
        assert (folder / "rules.md").read_text(encoding="utf-8") == rules_md()
