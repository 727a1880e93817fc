"""``plancc show``: a plan's figures as tables in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.cli.common import config_options, display_path, fail, get_config, lang_option


@click.command("show")
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("--facts", "show_facts", is_flag=True, help="列出正文中可以用 {=名称} 引用的全部名称及其值。")
@lang_option
@config_options
def show_cmd(plan, show_facts, lang, config_path, isolated):
    """用表格显示计划中的学时、学段×层次、模块、课程目录、进度和考核权重，不必打开 Word 即可审阅。"""
    from rich.console import Console
    from rich.text import Text

    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings
    from plancc.report.show import tables
    from plancc.report.text import render_text
    from plancc.text.escape import printable

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang)
    if not plan.is_file():
        fail(f"找不到计划文件：{printable(str(plan))}")
    report = check_file(plan, settings, display=display_path(plan))
    console = Console(highlight=False)
    if report.plan is None:
        click.echo(render_text([report], lang=settings.lang), nl=False)
        sys.exit(1)
    title = Text(printable(report.plan.document.title_text), style="bold")
    title.append(f"  ({printable(report.path)})", style="")
    console.print(title)
    if show_facts:
        from plancc.report.show import facts_table

        console.print(facts_table(report.plan))
        return
    for table in tables(report.plan, settings.citations, settings.lang):
        console.print(table)
    if report.diagnostics:
        console.print(Text(f"{report.errors} 个错误，{report.warnings} 个警告；用 plancc validate {printable(report.path)} 查看详情", style="yellow"))
