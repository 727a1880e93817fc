"""``plancc schema``: the JSON Schema of plan files, for editor completion."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="写入此文件（默认输出到屏幕）。")
def schema_cmd(output):
    """输出计划文件的 JSON Schema（含中文说明），供编辑器补全和悬停提示使用。

    在计划文件第一行写  # yaml-language-server: $schema=schema/plan.schema.json
    VS Code 的 YAML 插件就会按它补全键名、显示说明。
    """
    from plancc.schema import schema_json

    text = schema_json()
    if output is None:
        click.echo(text, nl=False)
        return
    from plancc.emit.atomic import write_output

    write_output(output, text.encode("utf-8"))
    click.echo(f"已写入 {output}")
