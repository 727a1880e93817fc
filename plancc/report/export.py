"""``plancc show`` output: the tables of :mod:`plancc.report.tables` as rich tables for the
terminal, as JSON, as CSV (one table) and as an Excel workbook (one sheet per table).

Every format formats the same values; none computes anything of its own.

- JSON: ``{"version", "file", "title", "tables": {name: {"title", "columns": [{"key",
  "title", "type"}], "rows": [{key: value}], "totals": [...], "notes": [...]}}}``;
  types are text, number, percent (the plan's number: 70 is 70%), int and date (ISO:
  "2024-07" for a month, "2024-07-15" for a day); a value the plan does not give is null.
- CSV: one table, titles in the first row, then the rows and the totals; UTF-8 with a
  byte-order mark, because Excel on a Chinese Windows reads a CSV without one as GBK and
  shows every Chinese character garbled; a cell that Excel would take for a formula
  (starting with = + - @) is written with a leading apostrophe.
- Excel: one sheet per table, bold frozen header, widths from the text's width in
  terminal cells (CJK characters count two), numbers as numbers, percentages as Excel
  percentages, dates as Excel dates in a Chinese format.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from plancc.model.base import fmt_number
from plancc.model.dates import PartialDate
from plancc.report.tables import NUMERIC, Column, TableData
from plancc.text.escape import json_safe, printable
from plancc.text.kinsoku import NO_LINE_END, NO_LINE_START

FORMATS = ("table", "json", "csv", "xlsx")


def cell_text(value: Any, column: Column, lang: str = "zh") -> str:
    """A value as the terminal and the CSV write it ("" when the plan gives none)."""
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.cn() if lang == "zh" else value.iso()
    if column.kind == "percent":
        return fmt_number(value) + "%"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_number(value)
    return printable(str(value))


# --------------------------------------------------------------------------- terminal

#: a column this narrow on its own (a number, a date, a short word) keeps its width when the terminal is narrow
KEEP = 14
#: the share of a narrow terminal a long-text column takes against another text column
WIDE_SHARE = 3


#: the widest a kept column stays on one line
KEEP_MAX = 30
#: the least a column that wraps gets; a column this narrow never wraps
FLEX_MIN = 8
TINY = 6


def column_widths(natural: list[int], wide: list[bool], room: int, keep: list[bool] | None = None) -> list[int] | None:
    """Widths (in cells) for columns of ``natural`` widths in ``room`` cells, or None when they fit
    as they are (or nothing sensible fits: rich then narrows the widest itself).

    Short columns (a number, a date, a short word; a span of dates marked ``keep``) keep their
    width while the other columns still get at least ``FLEX_MIN`` cells each; otherwise only the
    tiny ones do. The rest of the room goes to the other columns in shares (a wide one, of long
    text, takes ``WIDE_SHARE``), none wider than it needs."""
    if sum(natural) <= room:
        return None
    keep = keep or [False] * len(natural)
    for limit in ((lambda i: natural[i] <= (KEEP_MAX if keep[i] else KEEP)), (lambda i: natural[i] <= FLEX_MIN + 2),
                  (lambda i: natural[i] <= TINY)):
        kept = [i for i in range(len(natural)) if limit(i)]
        flex = [i for i in range(len(natural)) if i not in kept]
        left = room - sum(natural[i] for i in kept)
        shares = [WIDE_SHARE if wide[i] else 1 for i in flex]
        if flex and left * min(shares) // sum(shares) >= FLEX_MIN:
            break
    else:
        # a terminal too narrow for any of that: every column wraps, in equal shares
        if room < 2 * len(natural):
            return None
        kept, flex, left = [], list(range(len(natural))), room
        wide = [False] * len(natural)
    widths = list(natural)
    while flex:
        shares = {i: WIDE_SHARE if wide[i] else 1 for i in flex}
        total = sum(shares.values())
        fair = {i: left * shares[i] // total for i in flex}
        capped = [i for i in flex if natural[i] <= fair[i]]
        if not capped:
            for i in flex:
                widths[i] = fair[i]
            spare = left - sum(fair.values())
            for i in flex[:max(spare, 0)]:
                widths[i] += 1
            break
        for i in capped:
            left -= natural[i]
        flex = [i for i in flex if i not in capped]
    return widths


#: what may not begin a line and what may not end one: the one 避头尾 table, and the half-width
#: marks a terminal cell may hold besides
_NO_START = NO_LINE_START | frozenset(",.;:!?)]}")
_NO_END = NO_LINE_END | frozenset("([{")
_TOKENS = re.compile(r"[!-~]+|\s+|.", re.S)


def wrap_text(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: between any two CJK characters, at spaces
    between Latin words and at a space near the end of a line (a word longer than a line is cut
    between letters), never starting a
    line with a closing mark (、。）”) nor ending one with an opening mark (（“). Only the
    spaces where a line breaks are dropped; every other character is kept, in order."""
    from rich.cells import cell_len

    if width < 1 or cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""

    def room(piece: str) -> bool:
        return cell_len(line + piece) <= width

    for tok in _TOKENS.findall(text):
        if tok.isspace():
            if line and room(tok):
                line += tok
            elif line:
                lines.append(line.rstrip())
                line = ""
            continue
        if cell_len(tok) > width:  # a long Latin word or number: cut between letters
            for ch in tok:
                if not room(ch):
                    lines.append(line)
                    line = ""
                line += ch
            continue
        if room(tok):
            line += tok
            continue
        carry = ""
        space = line.rfind(" ")
        if 0 < space and line[:space].strip() and cell_len(line[space + 1:] + tok) <= width // 2:
            # a space near the end: break there, keeping a word with a number ("登记的是 某教师〔2023〕8号") whole
            lines.append(line[:space].rstrip())
            line = line[space + 1:] + tok
            continue
        if tok[0] in _NO_START and len(line) > 1:
            carry, line = line[-1], line[:-1]
        while len(line) > 1 and line[-1] in _NO_END:
            carry, line = line[-1] + carry, line[:-1]
        if cell_len(carry + tok) > width:
            line, carry = line + carry, ""
        lines.append(line.rstrip())
        line = carry + tok
    if line:
        lines.append(line)
    return lines


def rich_table(t: TableData, lang: str = "zh", width: int | None = None):
    """The table for the terminal: every cell wraps (CJK between characters) instead of being cut.

    A group column (the scheme of each item) names its value once for the rows it heads;
    when every row has the same one, the value goes into the title instead."""
    from rich.table import Table
    from rich.text import Text

    cols = t.screen_columns()
    title = t.title
    every = t.rows + t.totals
    single = [i for i in cols if t.columns[i].group and len({r[i] for r in every}) == 1]
    if single and len(cols) > len(single):
        title += ("：" if lang == "zh" else ": ") + "、".join(str(every[0][i]) for i in single)
        cols = [i for i in cols if i not in single]
    table = Table(title=Text(printable(title), style="bold"), title_justify="left")
    widths = None
    if width is not None:
        from rich.cells import cell_len

        depths = t.depth + [0] * len(t.totals)
        natural = [max([cell_len(printable(t.columns[i].title))] + [cell_len(cell_text(r[i], t.columns[i], lang)) + (2 * d if n == 0 else 0)
                                                                    for r, d in zip(every, depths)])
                   for n, i in enumerate(cols)]
        widths = column_widths(natural, [t.columns[i].wide for i in cols], width - 3 * len(cols) - 1,
                               [t.columns[i].keep for i in cols])
    for n, i in enumerate(cols):
        c = t.columns[i]
        header = printable(c.title) if widths is None else "\n".join(wrap_text(printable(c.title), widths[n]))
        table.add_column(Text(header), justify="right" if c.kind in NUMERIC else "left", overflow="fold", no_wrap=False,
                         width=widths[n] if widths else None)
    def cell(text: str, n: int, depth: int = 0):
        # wrapped here, not by rich: CJK breaks between characters with the line-start rules,
        # and no release of rich can drop a character where it folds a line
        indent = "  " * depth if n == 0 else ""
        if widths is not None:
            text = ("\n" + indent).join(wrap_text(text, widths[n] - len(indent)))
        return Text(indent + text)

    before: list | None = None
    for k, (row, depth) in enumerate(zip(t.rows, t.depth)):
        cells, same = [], before is not None
        for n, i in enumerate(cols):
            # a group's value is written once for the rows it heads, and only while the groups
            # to its left go on too (a new scheme names its first part again)
            if t.columns[i].group:
                same = same and before[i] == row[i]  # type: ignore[index]
            cells.append(cell("" if t.columns[i].group and same else cell_text(row[i], t.columns[i], lang), n, depth))
        before = row
        table.add_row(*cells, end_section=bool(t.totals) and k == len(t.rows) - 1)
    for k, row in enumerate(t.totals):
        table.add_row(*[cell(cell_text(row[i], t.columns[i], lang), n) for n, i in enumerate(cols)],
                      style="bold red" if k in t.bad else "bold")
    return table


def rich_notes(t: TableData, lang: str = "zh"):
    """The table's notes (培训时间…), printed under it as wide as the terminal."""
    from rich.text import Text

    if not t.notes:
        return None
    return Text(printable("；".join(t.notes) if lang == "zh" else "; ".join(t.notes)), style="dim")


# --------------------------------------------------------------------------- JSON

def _json_value(value: Any, column: Column) -> Any:
    if isinstance(value, PartialDate):
        return value.iso()
    return value


def render_json(tables: list[TableData], *, file: str, title: str, version: str) -> str:
    out: dict[str, Any] = {"version": version, "file": file, "title": title, "tables": {}}
    for t in tables:
        cols = [t.columns[i] for i in t.file_columns()]
        idx = t.file_columns()
        out["tables"][t.name] = {
            "title": t.title,
            "columns": [{"key": c.key, "title": c.title, "type": c.kind} for c in cols],
            "rows": [{c.key: _json_value(r[i], c) for i, c in zip(idx, cols)} for r in t.rows],
            "totals": [{c.key: _json_value(r[i], c) for i, c in zip(idx, cols)} for r in t.totals],
            "notes": list(t.notes),
        }
    return json_safe(json.dumps(out, ensure_ascii=False, indent=2)) + "\n"


# --------------------------------------------------------------------------- CSV

_FORMULA = re.compile(r"^[=+\-@\t\r]")


def _csv_cell(value: Any, column: Column) -> str:
    if isinstance(value, PartialDate):
        return value.iso()
    text = cell_text(value, column)
    if column.kind == "text" and _FORMULA.match(text):
        return "'" + text
    return text


def render_csv(t: TableData) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    idx = t.file_columns()
    w.writerow([printable(t.columns[i].title) for i in idx])
    for row in t.rows + t.totals:
        w.writerow([_csv_cell(row[i], t.columns[i]) for i in idx])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- Excel

#: characters Excel refuses in a sheet name; a name has at most 31 characters
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_MAX = 31
#: the widest column, in character cells (longer text wraps within it)
WIDTH_MAX = 60
DATE_FORMATS = {"month": 'yyyy"年"m"月"', "day": 'yyyy"年"m"月"d"日"', "time": 'yyyy"年"m"月"d"日" h:mm'}


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, not starting or ending with an apostrophe, ≤ 31 characters."""
    name = _SHEET_FORBIDDEN.sub("_", printable(title)).strip("'") or "Sheet"
    name = name[:SHEET_MAX]
    base, n = name, 2
    while name.lower() in {x.lower() for x in taken}:
        suffix = f"({n})"
        name = base[:SHEET_MAX - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _excel_text(value: str) -> str:
    """Plan text as a cell: controls as visible escapes (Excel's XML cannot hold them)."""
    return printable(value)


def _put(cell, value: Any, column: Column) -> None:
    if value is None:
        return
    if isinstance(value, PartialDate):
        if value.has_time:
            cell.value = value.first_moment
            cell.number_format = DATE_FORMATS["time"]
        else:
            cell.value = value.first_day
            cell.number_format = DATE_FORMATS["day" if value.has_day else "month"]
        return
    if column.kind == "percent" and isinstance(value, (int, float)):
        cell.value = value / 100
        cell.number_format = "0%" if float(value).is_integer() else "0.0#%"
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return
    cell.value = _excel_text(str(value))
    cell.data_type = "s"  # never a formula, whatever the text starts with


def _shown_width(value: Any, column: Column) -> int:
    from rich.cells import cell_len

    if isinstance(value, PartialDate):
        return cell_len(value.cn())
    return cell_len(cell_text(value, column))


def render_xlsx(tables: list[TableData], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = printable(title)
    wb.properties.creator = "plancc"
    taken: set[str] = set()
    bold = Font(bold=True)
    for t in tables:
        ws = wb.create_sheet(sheet_name(t.title, taken))
        idx = t.file_columns()
        cols = [t.columns[i] for i in idx]
        widths = [_shown_width(c.title, Column("", "")) for c in cols]
        for j, c in enumerate(cols, 1):
            cell = ws.cell(row=1, column=j, value=_excel_text(c.title))
            cell.font = bold
        r = 2
        for row, depth in zip(t.rows + t.totals, t.depth + [0] * len(t.totals)):
            for j, (i, c) in enumerate(zip(idx, cols), 1):
                cell = ws.cell(row=r, column=j)
                _put(cell, row[i], c)
                widths[j - 1] = max(widths[j - 1], _shown_width(row[i], c) + (2 * depth if j == 1 else 0))
                if j == 1 and depth:
                    cell.alignment = Alignment(indent=depth)
                if r - 2 >= len(t.rows):
                    cell.font = bold
            r += 1
        if t.notes:
            ws.cell(row=r + 1, column=1, value=_excel_text("；".join(t.notes)))
        ws.freeze_panes = "A2"
        from openpyxl.utils import get_column_letter

        for j, w in enumerate(widths, 1):
            letter = get_column_letter(j)
            ws.column_dimensions[letter].width = min(w, WIDTH_MAX) + 2
            if w > WIDTH_MAX:
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top", indent=cell.alignment.indent)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

