"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from plancc.config import Config, ConfigError, load_config


def lang_option(f):
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        envvar="PLANCC_LANG",
        default=None,
        help="消息语言 / message language (zh, en); 也可用环境变量 PLANCC_LANG。",
    )(f)


def config_options(f):
    f = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="使用指定的 plancc.toml（默认从当前目录向上查找）。")(f)
    f = click.option("--isolated", is_flag=True, help="不读取任何 plancc.toml。")(f)
    return f


def get_config(config_path: Path | None, isolated: bool) -> Config:
    """Load plancc.toml; an unusable config is a usage problem (exit 2)."""
    if isolated:
        return Config(None)
    if config_path is not None and not config_path.is_file():
        fail(f"找不到配置文件：{config_path}")
    from plancc.cli.main import requested_lang

    try:
        return load_config(config_path, lang=requested_lang())
    except ConfigError as exc:
        fail(str(exc))


def fail(message: str, code: int = 2):
    click.echo(f"plancc: {message}", err=True)
    sys.exit(code)


def display_path(p: Path) -> str:
    """Paths relative to the working directory when below it (stable in CI logs)."""
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return str(p)
    return str(p) if rel.startswith("..") else rel.replace(os.sep, "/")


def split_codes(values: tuple[str, ...]) -> list[str]:
    out = []
    for v in values:
        out.extend(c.strip() for c in v.split(",") if c.strip())
    return out
