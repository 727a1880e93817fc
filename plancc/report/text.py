"""Diagnostics for people: ``FILE:LINE:COL: CODE message``, the source line, a marker, a summary.

Markers are placed by display width (a CJK character takes two cells), so
the caret sits under the right character in a terminal.
"""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from plancc.pipeline import FileReport

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_LABEL = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def render_text(reports: list[FileReport], *, lang: str = "zh", color: bool = False, quiet: bool = False, width: int | None = None) -> str:
    from plancc.report import Summary

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width or 200, highlight=False, soft_wrap=True)
    labels = _LABEL["en" if lang == "en" else "zh"]
    for report in reports:
        for d in report.diagnostics:
            if d.suppressed:
                continue
            sev = d.severity.value
            head = Text()
            head.append(f"{d.file}:{d.line}:{d.column}: ", style="bold")
            head.append(d.code, style=_STYLE[sev])
            head.append(f" [{labels[sev]}] ", style=_STYLE[sev])
            head.append(d.message)
            console.print(head)
            if quiet:
                continue
            _source(console, report, d)
            for rel in d.related:
                where = f"{rel.file or d.file}:{rel.span.line}:{rel.span.column}" if rel.span else rel.path
                note = Text("      = ", style="dim")
                note.append(("相关：" if lang != "en" else "see: ") + f"{rel.message} ({rel.path}) {where}", style="dim")
                console.print(note)
    s = Summary.of(reports)
    if not quiet:
        console.print(_summary(s, lang), style="bold" if (s.errors or s.warnings) else "bold green")
    return buf.getvalue()


def _source(console: Console, report: FileReport, d) -> None:
    if d.span is None:
        return
    line = report.loaded.line(d.line, d.file)
    if not line.strip():  # nothing to point at (an empty file, a blank line)
        return
    number = str(d.line)
    gutter = " " * (len(number) + 1)
    text = Text()
    text.append(f" {number} │ ", style="blue")
    text.append(line.replace("\t", " "))
    console.print(text)
    prefix = line[: max(d.column - 1, 0)]
    if d.end_line == d.line and d.end_column > d.column:
        marked = line[d.column - 1 : d.end_column - 1] or " "
    else:
        marked = line[d.column - 1 : d.column] or " "
    marker = Text()
    marker.append(f"{gutter} │ ", style="blue")
    marker.append(" " * cell_len(prefix.replace("\t", " ")) + "^" * max(cell_len(marked), 1), style=_STYLE[d.severity.value])
    console.print(marker)


def _summary(s, lang: str) -> str:
    if lang == "en":
        text = f"{s.files} file{'s' if s.files != 1 else ''} checked: {s.errors} error{'s' if s.errors != 1 else ''}, {s.warnings} warning{'s' if s.warnings != 1 else ''}"
        if s.infos:
            text += f", {s.infos} info"
        if s.suppressed:
            text += f" ({s.suppressed} suppressed)"
        return text
    text = f"检查了 {s.files} 个文件：{s.errors} 个错误，{s.warnings} 个警告"
    if s.infos:
        text += f"，{s.infos} 个提示"
    if s.suppressed:
        text += f"（另有 {s.suppressed} 个已按注释抑制）"
    return text
