"""An Excel worksheet embedded in a Word document (an OLE object: a table pasted from Excel
and shown as its picture) read as a table: the workbook's active visible sheet, its cells
as Excel shows them (shared and inline strings, numbers without a trailing “.0”, dates in
the form their format names), merged ranges as spans, empty and hidden rows left out.

A sheet's first 5,000 rows and 256 columns are read (what an object shows is a small part
of that). Only the OOXML workbook (.xlsx, what Excel 2007 and later embed) is read; an embedded .xls
(Excel 97–2003, a binary OLE file) is not. The package is read through the Word reader's
limited part reader, so that its parts count against the document's limits.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from typing import Optional

from plancc.importer.htmlchunk import HtmlTable
from plancc.importer.source import SCell

X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAX_ROWS = 5000
MAX_COLS = 256
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
# built-in number formats that show a date
_DATE_IDS = frozenset((14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58))
_CN_DATE_IDS = frozenset((27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58))


def _x(name: str) -> str:
    return "{%s}%s" % (X, name)


def _ref(ref: str) -> Optional[tuple[int, int]]:
    """“B3” → (row 2, column 1), 0-based; None for what is no cell reference."""
    m = _REF.match(ref.strip())
    if m is None:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def _text(el) -> str:
    """A string item's text: its runs (phonetic guides left out)."""
    if el is None:
        return ""
    out = []
    for t in el.iter(_x("t")):
        parent = t.getparent()
        if parent is not None and parent.tag == _x("rPh"):
            continue
        out.append(t.text or "")
    return "".join(out)


def _number(v: str, fmt: str) -> str:
    try:
        x = float(v)
    except ValueError:
        return v
    if fmt in ("date", "cndate") and 0 < x < 2958466:
        d = date(1899, 12, 30) + timedelta(days=int(x))
        return f"{d.year}年{d.month}月{d.day}日" if fmt == "cndate" else f"{d.year}/{d.month}/{d.day}"
    if fmt == "percent":
        return f"{x * 100:.10g}%"
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.10g}"


def _formats(pkg, styles_part: Optional[str]) -> list[str]:
    """Each cell style's kind of number: "date", "cndate" (年月日), "percent" or ""."""
    root = pkg.xml(styles_part) if styles_part else None
    if root is None:
        return []
    custom = {}
    nf = root.find(_x("numFmts"))
    if nf is not None:
        for f in nf.findall(_x("numFmt")):
            code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', lambda m: m.group(0) if "年" in m.group(0) else "", f.get("formatCode") or "")
            try:
                fid = int(f.get("numFmtId") or "")
            except ValueError:
                continue
            low = code.lower()
            custom[fid] = ("cndate" if "年" in code or "月" in code else "date") if re.search(r"[ymd]", low) and "0" not in low \
                else ("percent" if "%" in code else "")
    out = []
    xfs = root.find(_x("cellXfs"))
    for xf in xfs.findall(_x("xf")) if xfs is not None else []:
        try:
            fid = int(xf.get("numFmtId") or "0")
        except ValueError:
            fid = 0
        out.append(custom[fid] if fid in custom else ("cndate" if fid in _CN_DATE_IDS else "date" if fid in _DATE_IDS
                                                      else "percent" if fid in (9, 10) else ""))
        if len(out) > 100_000:
            break
    return out


def sheet_table(pkg) -> Optional[HtmlTable]:
    """The workbook's active sheet as a table; None when the package holds no worksheet."""
    main = next((t for kind, _, t in pkg.rels("") if kind == "officeDocument"), "xl/workbook.xml")
    wb = pkg.xml(main)
    if wb is None or wb.tag != _x("workbook"):
        return None
    rels = {rid: (kind, target) for kind, rid, target in pkg.rels(main)}
    sheets = [s for s in (wb.find(_x("sheets")) if wb.find(_x("sheets")) is not None else [])
              if s.tag == _x("sheet") and (s.get("state") or "visible") == "visible"]
    if not sheets:
        return None
    active = 0
    view = wb.find(f"{_x('bookViews')}/{_x('workbookView')}")
    if view is not None:
        try:
            active = int(view.get("activeTab") or "0")
        except ValueError:
            active = 0
    all_sheets = [s for s in wb.find(_x("sheets")) if s.tag == _x("sheet")]
    chosen = all_sheets[active] if 0 <= active < len(all_sheets) and all_sheets[active] in sheets else sheets[0]
    kind, target = rels.get(chosen.get(RID) or "", ("", ""))
    if kind != "worksheet":
        return None
    shared_part = next((t for k, t in rels.values() if k == "sharedStrings"), None)
    shared_root = pkg.xml(shared_part) if shared_part else None
    shared = [_text(si) for si in shared_root.iter(_x("si"))] if shared_root is not None else []
    formats = _formats(pkg, next((t for k, t in rels.values() if k == "styles"), None))
    ws = pkg.xml(target)
    if ws is None:
        return None
    values: dict[tuple[int, int], str] = {}
    hidden_rows: set[int] = set()
    data = ws.find(_x("sheetData"))
    for row in data.iter(_x("row")) if data is not None else []:
        try:
            r_index = int(row.get("r") or "0") - 1
        except ValueError:
            continue
        if not 0 <= r_index < MAX_ROWS:
            continue
        if (row.get("hidden") or "0") in ("1", "true"):
            hidden_rows.add(r_index)
        for c in row.findall(_x("c")):
            at = _ref(c.get("r") or "")
            if at is None or at[0] != r_index or at[1] >= MAX_COLS:
                continue
            t = c.get("t") or "n"
            v = c.find(_x("v"))
            raw = v.text or "" if v is not None else ""
            if t == "s":
                try:
                    text = shared[int(raw)]
                except (ValueError, IndexError):
                    text = ""
            elif t == "inlineStr":
                text = _text(c.find(_x("is")))
            elif t == "b":
                text = "TRUE" if raw.strip() == "1" else "FALSE"
            elif t in ("str", "e"):
                text = raw
            else:
                try:
                    style = formats[int(c.get("s") or "0")] if formats else ""
                except (ValueError, IndexError):
                    style = ""
                text = _number(raw, style) if raw else ""
            if text.strip():
                values[at] = text
    merges: dict[tuple[int, int], tuple[int, int]] = {}  # top-left → bottom-right
    covered: set[tuple[int, int]] = set()
    mc = ws.find(_x("mergeCells"))
    for m in mc.findall(_x("mergeCell")) if mc is not None else []:
        a, _, b = (m.get("ref") or "").partition(":")
        p, q = _ref(a), _ref(b or a)
        if p is None or q is None or p[0] >= MAX_ROWS or p[1] >= MAX_COLS:
            continue
        q = (min(max(q[0], p[0]), MAX_ROWS - 1), min(max(q[1], p[1]), MAX_COLS - 1))
        merges[p] = q
        if (q[0] - p[0] + 1) * (q[1] - p[1] + 1) <= 100_000:
            covered.update((r, k) for r in range(p[0], q[0] + 1) for k in range(p[1], q[1] + 1) if (r, k) != p)
    if not values:
        return None
    rows = sorted({r for r, _ in values} - hidden_rows)
    if not rows:
        return None
    index = {r: i for i, r in enumerate(rows)}
    first_col = min(k for _, k in values)
    table = HtmlTable()
    for (r, k), text in sorted(values.items()):
        if r not in index or (r, k) in covered:
            continue
        end = merges.get((r, k), (r, k))
        rowspan = bisect.bisect_right(rows, end[0]) - bisect.bisect_left(rows, r)
        cell = SCell(text=text, row=index[r], col=k - first_col, rowspan=max(1, rowspan), colspan=end[1] - k + 1)
        table.cells.append(cell)
        table.n_cols = max(table.n_cols, cell.col + cell.colspan)
    table.n_rows = len(rows)
    return table if table.cells else None
