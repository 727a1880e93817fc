"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

import click

from plancc.catalog import message
from plancc.cli.usage import Choice
from plancc.cli.usage import Path as PathType
from plancc.cli.usage import ui_lang

if TYPE_CHECKING:
    from plancc.config import Config


def lang_option(f):
    return click.option("--lang", type=Choice(["zh", "en"]), envvar="PLANCC_LANG", default=None, help="cli.opt.lang",
                        callback=_lang_of_the_run)(f)


def _lang_of_the_run(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``plancc --lang en validate``: a command without its own --lang takes the one given before it."""
    from click.core import ParameterSource

    root = ctx.find_root()
    if root is not ctx and root.params.get("lang") and ctx.get_parameter_source(param.name) is not ParameterSource.COMMANDLINE:
        return root.params["lang"]
    return value


def config_options(f):
    f = click.option("--config", "config_path", type=PathType(dir_okay=False, path_type=Path), default=None,
                     metavar="cli.metavar.file", help="cli.opt.config")(f)
    f = click.option("--isolated", is_flag=True, help="cli.opt.isolated")(f)
    return f


def get_config(config_path: Path | None, isolated: bool) -> "Config":
    # imported here: pydantic is not needed for --help or --version
    from plancc.config import Config, ConfigError, load_config

    """Load plancc.toml; an unusable config is a usage problem (exit 2)."""
    if isolated:
        return Config(None)
    if config_path is not None and not config_path.is_file():
        fail(message("cli.config_missing", ui_lang(), path=config_path))
    try:
        return load_config(config_path, lang=ui_lang())
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
