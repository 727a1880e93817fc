"""``plancc init``: scaffold a plan repository that validates and renders with no edits."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from plancc import __version__
from plancc.catalog import message
from plancc.cli.common import lang_option
from plancc.cli.usage import Path as PathType
from plancc.cli.usage import Refused, command, ui_lang
from plancc.scaffold.source import Source, SourceError, yaml_scalar
from plancc.scaffold.source import default as default_source
from plancc.scaffold.source import parse as parse_source

# target path → scaffold file (package data in plancc/scaffold)
FILES = {
    "plancc.toml": "plancc.toml",
    "plans/example.yaml": "example.yaml",
    ".github/workflows/plancc.yml": "workflow.yml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".gitignore": "gitignore",
    ".gitattributes": "gitattributes",
}
#: the git setting that makes ``git diff`` call plancc for plans (named in .gitattributes)
GIT_DIFF_DRIVER = ("diff.plancc.command", "plancc diff --git")
SCHEMA_PATH = "schema/plan.schema.json"


#: which install source each generated file takes (the placeholder in its template)
SOURCE_PLACEHOLDER = "__SOURCE__"
SOURCE_FOR = {".github/workflows/plancc.yml": "workflow", ".pre-commit-config.yaml": "precommit"}


def scaffold(source: Source | None = None) -> dict[str, str]:
    """Every file init writes, by path relative to the new repository; plancc installed from `source`
    (default: this version from the package index)."""
    from plancc.schema import schema_json

    if source is None:
        source = parse_source(default_source(__version__), Path("."))
    out = {target: scaffold_file(target, source) for target in FILES}
    out[SCHEMA_PATH] = schema_json()
    return out


def scaffold_file(target: str, source: Source) -> str:
    """The text of one scaffold file (a key of FILES); the install source filled in where it takes one."""
    text = (resources.files("plancc.scaffold") / FILES[target]).read_text(encoding="utf-8")
    if target in SOURCE_FOR:
        text = text.replace(SOURCE_PLACEHOLDER, yaml_scalar(getattr(source, SOURCE_FOR[target])))
    return text


@command("init", "cli.init")
@click.argument("directory", type=PathType(file_okay=False, path_type=Path), default=Path("."))
@click.option("--force", is_flag=True, help="cli.init.force")
@click.option("--source", metavar="cli.metavar.source", default=None, help="cli.init.source")
@lang_option
@click.pass_context
def init_cmd(ctx, directory, force, source, lang):
    """Scaffold a plan repository (help: cli.init.help in the catalog)."""
    lang = lang or ui_lang()
    try:
        chosen = parse_source(default_source(__version__) if source is None else source, directory)
    except SourceError as exc:
        param = next(p for p in ctx.command.params if p.name == "source")
        raise Refused(message(exc.key, lang, **exc.values), ctx, param) from None
    files = scaffold(chosen)
    existing = [p for p in files if (directory / p).exists()]
    if existing and not force:
        click.echo("plancc: " + message("cli.init.exists", lang) + "\n  " + "\n  ".join(existing), err=True)
        sys.exit(2)
    from plancc.emit.atomic import write_all

    # all files or none: a full or read-only disk leaves no half repository
    for target in write_all({directory / rel: text.encode("utf-8") for rel, text in files.items()}):
        click.echo(message("cli.init.created", lang, path=target.as_posix()))
    if chosen.outside:
        click.echo(message("cli.init.source.outside", lang, path=chosen.workflow), err=True)
    _git_diff_driver(directory, lang)
    where = "" if directory == Path(".") else f"cd {directory} && "
    click.echo("\n" + message("cli.init.next", lang, where=where))


def _git_diff_driver(directory: Path, lang: str) -> None:
    """Inside a git work tree, set the diff driver .gitattributes names (a local setting:
    git keeps it out of the repository); elsewhere say the command to run after git init."""
    import shutil
    import subprocess

    key, value = GIT_DIFF_DRIVER
    git = shutil.which("git")
    inside = False
    if git is not None:
        try:
            probe = subprocess.run([git, "rev-parse", "--is-inside-work-tree"], cwd=directory, capture_output=True,
                                   text=True, timeout=30, check=False)
            inside = probe.returncode == 0 and probe.stdout.strip() == "true"
            if inside:
                subprocess.run([git, "config", key, value], cwd=directory, capture_output=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError):
            inside = False
    click.echo(message("cli.init.git_diff_set" if inside else "cli.init.git_diff_later", lang, command=f'git config {key} "{value}"'))
