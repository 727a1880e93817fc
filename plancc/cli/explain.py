"""``plancc explain``: what a code checks, why, and how to fix it."""

from __future__ import annotations

import click

from plancc.cli.common import fail, lang_option


@click.command("explain")
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="列出所有代码。")
@lang_option
def explain_cmd(code, show_all, lang):
    """说明某个诊断代码（如 PL201）检查什么、为什么、怎么改；不带参数时列出所有代码。"""
    from rich.console import Console
    from rich.table import Table

    from plancc.diagnostics.codes import FAMILIES, all_codes, lookup
    from plancc.text.escape import printable

    en = lang == "en"
    console = Console(highlight=False)
    if code is None or show_all:
        table = Table("code", "name", "severity" if en else "默认级别", "title" if en else "说明", box=None)
        for info in all_codes():
            policy = info.policy
            sev = info.severity.value + (" (policy)" if policy and en else "（政策包）" if policy else "")
            table.add_row(info.code, info.name, sev, info.title_en if en else info.title)
        console.print(table)
        return
    info = lookup(code)
    if info is None:
        shown = printable(code)
        fail(f"unknown code {shown}" if en else f"没有这个代码：{shown}（用 plancc explain --all 查看全部）")
    family = FAMILIES[info.family].en if en else FAMILIES[info.family].zh
    console.print(f"[bold]{info.code}[/] ({info.name}) — {info.title_en if en else info.title}")
    sev = info.severity.value
    if info.policy:
        sev += " (policy pack, off by default)" if en else "（政策规则包，默认关闭）"
    console.print(("family: " if en else "类别：") + family + "    " + ("default severity: " if en else "默认级别：") + sev)
    console.print()
    console.print((info.doc_en if en and info.doc_en else info.doc) or "")
