"""``plancc schema``: the JSON Schema of plan files, for editor completion."""

from __future__ import annotations

from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import lang_option
from plancc.cli.usage import Command
from plancc.cli.usage import Path as PathType
from plancc.cli.usage import ui_lang


class _SchemaCommand(Command):
    """The help ends with how a plan names the schema: the path relative to the plan, or the
    address of the schema published with the running version."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from plancc import __version__
        from plancc.schema import release_url

        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(message("cli.schema.modeline", ui_lang(), version=__version__, url=release_url()))


@click.command("schema", cls=_SchemaCommand, help="cli.schema.help", short_help="cli.schema.short")
@click.option("-o", "--output", type=PathType(dir_okay=False, path_type=Path), default=None, metavar="cli.metavar.file",
              help="cli.schema.output")
@lang_option
def schema_cmd(output, lang):
    """The JSON Schema of plan files (help: cli.schema.help in the catalog)."""
    from plancc.schema import schema_json

    text = schema_json()
    if output is None:
        click.echo(text, nl=False)
        return
    from plancc.emit.atomic import write_output

    lang = lang or ui_lang()
    write_output(output, text.encode("utf-8"), lang)
    click.echo(message("cli.wrote", lang, path=output))
