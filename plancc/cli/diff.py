"""``plancc diff``: what a change of plan means, for a reviewer."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import config_options, display_path, get_config, lang_option
from plancc.cli.usage import Choice, Command

_PLAN = re.compile(rb"^plancc\s*:", re.M)


class DiffCommand(Command):
    """Keeps what follows ``--`` apart: ``plancc diff REV -- plans/``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            at = args.index("--")
            ctx.meta["plancc.diff.paths"] = args[at + 1:]
            args = args[:at]
        return super().parse_args(ctx, args)


@click.command("diff", cls=DiffCommand, help="cli.diff.help", short_help="cli.diff.short")
@click.argument("args", nargs=-1, metavar="OLD [NEW]")
@click.option("-f", "--format", "fmt", type=Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="cli.diff.format")
@click.option("--exit-code", is_flag=True, help="cli.diff.exit_code")
@click.option("--git", "as_git", is_flag=True, help="cli.diff.git")
@click.option("--docx", "docx_out", default=None, metavar="cli.metavar.file", help="cli.diff.docx")
@lang_option
@config_options
@click.pass_context
def diff_cmd(ctx, args, fmt, exit_code, as_git, docx_out, lang, config_path, isolated):
    """Diff two plans or two revisions (help: cli.diff.help in the catalog)."""
    from plancc.diff.formats import render_diff
    from plancc.driver.settings import Settings
    from plancc.errors import UsageError
    from plancc.text.terminal import color_enabled

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    lang = settings.lang
    paths = ctx.meta.get("plancc.diff.paths", [])
    if as_git:
        # git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (one argument
        # for an unmerged path); /dev/null stands for a side that does not exist
        if len(args) != 7:
            sys.exit(0)
        name, old_file, _, _, new_file, _, _ = args
        diffs = [_git_pair(name, old_file, new_file, settings)]
        color = fmt == "text" and color_enabled(sys.stdout)
        click.echo(render_diff(fmt, diffs, lang, color=color), nl=False, color=color)
        sys.exit(0)  # a non-zero status would stop git diff
    if not 1 <= len(args) <= 2:
        raise UsageError(message("diff.arguments", lang))
    old, new = args[0], (args[1] if len(args) == 2 else None)
    if new is not None and not paths and Path(old).is_file() and Path(new).is_file():
        diffs = [_files(Path(old), Path(new), settings)]
        if docx_out is not None:
            _write_tracked(Path(old), Path(new), Path(docx_out), config, settings)
    elif docx_out is not None:
        raise UsageError(message("diff.docx_files", lang))
    else:
        diffs = _revisions(old, new, paths, settings)
    color = fmt == "text" and color_enabled(sys.stdout)
    click.echo(render_diff(fmt, diffs, lang, color=color), nl=False, color=color)
    sys.exit(1 if exit_code and any(d.differs for d in diffs) else 0)


def _write_tracked(old: Path, new: Path, out: Path, config, settings) -> None:
    """--docx: the new plan rendered with tracked changes against the old one."""
    from plancc.diff.tracked import tracked_docx
    from plancc.driver.check import check_file
    from plancc.emit.atomic import refuse_inputs, write_output
    from plancc.errors import UsageError
    from plancc.text.escape import printable

    lang = settings.lang
    reports = [check_file(p, settings, display=display_path(p)) for p in (old, new)]
    for r in reports:
        if r.errors or r.plan is None:
            raise UsageError(message("diff.docx_errors", lang, path=printable(r.path)))
    inputs = [(old, message("input.plan", lang)), (new, message("input.plan", lang))]
    for r in reports:
        inputs += [(Path(d), message("input.include", lang)) for d in r.loaded.dependencies]
    refuse_inputs([(out, ".docx")], inputs, lang)
    written = write_output(out, tracked_docx(reports[0], reports[1], config, settings), lang)
    click.echo(message("diff.docx_written", lang, path=printable(display_path(written))), err=True)


def _git_pair(name: str, old_file: str, new_file: str, settings):
    from plancc.diff import both_sides

    a = None if old_file == "/dev/null" else Path(old_file)
    b = None if new_file == "/dev/null" else Path(new_file)
    return both_sides(a, b, settings, f"a/{name}", f"b/{name}")


def _files(old: Path, new: Path, settings):
    from plancc.diff import diff_files

    return diff_files(old, new, settings, display_path(old), display_path(new))


def _is_plan(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return bool(_PLAN.search(fh.read(64 * 1024)))
    except OSError:
        return False


def _revisions(old: str, new: str | None, paths: list[str], settings):
    from plancc.diff import both_sides
    from plancc.diff.revisions import changed_paths, is_revision, repo_root, tree_at
    from plancc.errors import UsageError
    from plancc.text.escape import printable

    lang = settings.lang
    cwd = Path.cwd()
    for rev in (old, new):
        if rev is not None and not is_revision(rev, cwd):
            raise UsageError(message("diff.not_a_revision", lang, name=printable(rev)))
    root = repo_root(cwd, lang)
    # paths are given relative to where the command runs; git wants them from the root
    rel = [str((cwd / p).resolve().relative_to(root.resolve())) if (cwd / p).exists() else p for p in paths]
    names = changed_paths(root, old, new, rel, lang)
    out = []
    with tree_at(root, old, lang) as old_tree:
        if new is None:
            new_tree_ctx = None
            new_tree = root
        else:
            new_tree_ctx = tree_at(root, new, lang)
            new_tree = new_tree_ctx.__enter__()
        try:
            for name in names:
                a, b = old_tree / name, new_tree / name
                if not (_is_plan(a) or _is_plan(b)):
                    continue
                old_name = f"{old}:{name}"
                new_name = f"{new}:{name}" if new else name
                out.append(both_sides(a if a.is_file() else None, b if b.is_file() else None, settings,
                                      old_name, new_name))
        finally:
            if new_tree_ctx is not None:
                new_tree_ctx.__exit__(None, None, None)
    return out
