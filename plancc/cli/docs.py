"""``plancc docs``: regenerate the reference docs from the code."""

from __future__ import annotations

from pathlib import Path

import click

from plancc.catalog import message
from plancc.cli.common import lang_option
from plancc.cli.usage import Path as PathType
from plancc.cli.usage import command, ui_lang


@command("docs", "cli.docs")
@click.argument("folder", type=PathType(file_okay=False, path_type=Path), default=Path("docs"))
@lang_option
def docs_cmd(folder, lang):
    """Regenerate the reference docs (help: cli.docs.help in the catalog)."""
    from plancc.docs import write_docs

    lang = lang or ui_lang()
    for path in write_docs(folder):
        click.echo(message("cli.wrote", lang, path=path))
