"""Diagnostics for people: ``FILE:LINE:COL: CODE message``, the source line, a marker, a summary.

Markers are placed by display width (a CJK character takes two cells), so
the caret sits under the right character in a terminal; a source line wider than
the output (``width``: the terminal's, given by the command) is shown as a window
around the marked place.
"""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from plancc.catalog import counted, message
from plancc.driver.check import FileReport
from plancc.text.escape import printable

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render_text(reports: list[FileReport], *, lang: str = "zh", color: bool = False, quiet: bool = False, width: int | None = None) -> str:
    from plancc.report import Summary

    from plancc.text.terminal import buffer_console

    buf = io.StringIO()
    console = buffer_console(buf, color, width=width or 200, soft_wrap=True)
    labels = {sev: message(f"severity.{sev}", lang) for sev in ("error", "warning", "info")}
    for report in reports:
        for d in report.diagnostics:
            if d.suppressed:
                continue
            sev = d.severity.value
            head = Text()
            head.append(f"{printable(d.file)}:{d.line}:{d.column}: ", style="bold")
            head.append(d.code, style=_STYLE[sev])
            head.append(f" [{labels[sev]}] ", style=_STYLE[sev])
            head.append(printable(d.message))
            console.print(head)
            if quiet:
                continue
            _source(console, report, d, console.width)
            for rel in d.related:
                where = f"{rel.file or d.file}:{rel.span.line}:{rel.span.column}" if rel.span else rel.path
                note = Text("      = ", style="dim")
                note.append(printable(message("text.related", lang, message=rel.message, path=rel.path, where=where)), style="dim")
                console.print(note)
    s = Summary.of(reports)
    if not quiet:
        console.print(_summary(s, lang), style="bold" if (s.errors or s.warnings) else "bold green")
    return buf.getvalue()


def _source(console: Console, report: FileReport, d, width: int = 200) -> None:
    if d.span is None:
        return
    line = report.loaded.line(d.line, d.file)
    if not line.strip():  # nothing to point at (an empty file, a blank line)
        return
    number = str(d.line)
    gutter = " " * (len(number) + 1)
    start = max(d.column - 1, 0)
    if d.end_line == d.line and d.end_column > d.column:
        end = d.end_column - 1
    else:
        end = d.column
    shown, offset, cells = source_window(line, start, end, max(width - len(gutter) - 3, 20))
    text = Text()
    text.append(f" {number} │ ", style="blue")
    text.append(shown)
    console.print(text)
    marker = Text()
    marker.append(f"{gutter} │ ", style="blue")
    marker.append(" " * offset + "^" * max(cells, 1), style=_STYLE[d.severity.value])
    console.print(marker)


def _cells_from_end(text: str, budget: int) -> str:
    """The longest tail of ``text`` that fits in ``budget`` terminal cells."""
    used, k = 0, len(text)
    while k > 0:
        w = cell_len(text[k - 1])
        if used + w > budget:
            break
        used += w
        k -= 1
    return text[k:]


def _cells_from_start(text: str, budget: int) -> str:
    """The longest head of ``text`` that fits in ``budget`` terminal cells."""
    used = 0
    for k, ch in enumerate(text):
        w = cell_len(ch)
        if used + w > budget:
            return text[:k]
        used += w
    return text


def source_window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """The part of a source line to print around characters [start, end), control
    characters escaped and tabs as spaces: (text, cells before the marked part, cells
    it takes). A line wider than ``width`` cells is cut, with “…” where it was cut, so
    a 20,000-character line shows the marked place and some context on each side.
    Only a window of the line is ever escaped or measured: the cost does not grow
    with the line.
    """
    def show(raw: str) -> str:
        return printable(raw.replace("\t", " "))

    end = max(end, start + 1)
    # escaping never shrinks a character below one cell: `width` raw characters on each side are enough
    before = show(line[max(0, start - width) : start])
    marked = show(line[start:end][: width]) or " "
    after = show(line[end : end + width])
    cut_before = start > width
    cut_after = len(line) > end + width
    if not cut_before and not cut_after and len(before) + len(marked) + len(after) <= width // 2:
        return before + marked + after, cell_len(before), cell_len(marked)  # short: no measuring char by char
    total = cell_len(before) + cell_len(marked) + cell_len(after)
    if not cut_before and not cut_after and total <= width:
        return before + marked + after, cell_len(before), cell_len(marked)
    room = width - 2  # one “…” on each side at most
    marked = _cells_from_start(marked, room) or marked[:1]
    left_room = max((room - cell_len(marked)) // 3, 0)
    head = _cells_from_end(before, left_room) if (cut_before or cell_len(before) > left_room) else before
    if head != before or cut_before:
        head = "…" + head
    right_room = max(room - cell_len(head) - cell_len(marked), 0)
    tail = _cells_from_start(after, right_room)
    if tail != after or cut_after:
        tail = tail + "…"
    return head + marked + tail, cell_len(head), cell_len(marked)


def _summary(s, lang: str) -> str:
    text = message("text.summary", lang, files=counted("text.files", s.files, lang), errors=counted("text.errors", s.errors, lang),
                   warnings=counted("text.warnings", s.warnings, lang))
    if s.infos:
        text += message("text.summary.infos", lang, infos=counted("text.infos", s.infos, lang))
    if s.suppressed:
        text += message("text.summary.suppressed", lang, n=s.suppressed)
    return text
