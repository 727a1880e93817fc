"""``plancc docs``: regenerate the reference docs from the code."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("docs")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"))
def docs_cmd(folder):
    """根据代码生成参考文档：计划语言（docs/plan-language.md）和诊断代码（docs/rules.md）。"""
    from plancc.docs import write_docs

    for path in write_docs(folder):
        click.echo(f"已写入 {path}")
