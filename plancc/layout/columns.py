"""Column widths of a table, decided from its content and the page (plancc.layout.metrics).

A template may give each ``<col>`` a weight; otherwise the widths come from the
text, in two steps:

- every column gets a least width: a header, and a short label cell such as
  “过程性评价”, breaks only between words (“考核/项目”, never “考核项/目”), so its
  least width is its widest word; a cell of numbers (“50”, “15%”) keeps its
  number on one line;
- the rest of the line goes, a little at a time, to the column where it saves
  the most lines of the whole table (rows are as tall as their tallest cell; a
  cell merged over several rows has all their lines; a cell spanning columns has
  their widths), so long text goes to the columns that hold it and a merged
  category cell stays narrow. What is left when no line can be saved is shared
  by the long columns.

When the least widths leave the long columns too little room the whole table
goes one size smaller (the profile's ``table.dense_size``). Either way the
weights are then scaled to the profile's table width in whole twips, so the IR
carries the final widths. Words are found without a dictionary (:func:`words`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Sequence

from plancc.layout import ir
from plancc.layout.metrics import Metrics
from plancc.layout.width import fit_width
from plancc.text.kinsoku import NO_LINE_END, NO_LINE_START

#: Rows of a long table (a catalog) the widths are measured on, spread evenly over it.
SAMPLE_ROWS = 160
#: Cells at most this wide (in characters) with no sentence punctuation are labels: they break between words.
LABEL_CHARS = 10.0


def size_columns(titles: list[str], rows: list[list[ir.Cell]], weights: list[float] | None,
                 metrics: Metrics, header: list[list[ir.Cell]] | None = None,
                 font_size: int | None = None) -> tuple[list[int], int | None]:
    """Widths in twips of the columns (summing to the table width) and the table's
    font size in half-points when it goes one size smaller (None otherwise).
    ``weights``: the template's relative widths, or None to size from the content;
    ``header``: the header rows when they are not the titles; ``font_size``: set the
    table at this size (the dense size) whatever its content."""
    if weights is None:
        m = metrics
        n = len(titles)
        scale = 1.0
        # a profile with a narrow table and many columns leaves no room: give each column a little
        available = max(m.table_chars - n * m.cell_margin_chars, 0.5 * n)
        natural = _natural(titles, rows)
        least = _least(titles, rows, header)
        dense = font_size if font_size and m.dense_size and font_size == m.dense_size else None
        if dense is None and m.dense_size and _crowded(titles, natural, least, available):
            dense = m.dense_size
        if dense:
            # headers and short columns leave the long ones no room: one size smaller
            font_size, scale = dense, m.cell_size / dense
            available *= scale
        else:
            font_size = None
        if sum(least) <= available:
            widths = _fit_widths(titles, rows, header, least, natural, available, m.cell_margin_chars * scale)
        else:
            widths = _auto_widths(titles, natural, available)
        weights = [w + m.cell_margin_chars * scale for w in widths]
    else:
        font_size = None
    return scale_widths(weights, metrics.table_width), font_size


def one_table_size(tables: list[ir.Table], metrics: Metrics) -> None:
    """One text size for every table of a document (the profile's ``table.one_size``): when one
    table has to go to the dense size, the others whose widths come from their content follow,
    and their columns are sized again at that size."""
    if not metrics.one_size:
        return
    sizes = {t.font_size for t in tables}
    if len(sizes) < 2 or metrics.dense_size not in sizes:
        return
    for t in tables:
        if t.font_size is None:
            widths, t.font_size = size_columns([c.title for c in t.columns], t.rows, None, metrics, t.header,
                                               font_size=metrics.dense_size)
            for c, w in zip(t.columns, widths):
                c.width = w


def scale_widths(weights: Sequence[float], total: int) -> list[int]:
    """Integer widths proportional to ``weights`` that sum exactly to ``total``
    (largest remainder; ties go to the leftmost column, so the result is stable)."""
    if not weights:
        return []
    if any(not (w > 0) for w in weights):
        raise ValueError(f"column weights must be positive: {list(weights)!r}")
    s = float(sum(weights))
    raw = [w * total / s for w in weights]
    out = [int(r) for r in raw]
    short = total - sum(out)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[:short]:
        out[i] += 1
    return out


def _natural(titles: list[str], rows: list[list[ir.Cell]]) -> list[float]:
    """Each column's widest single-column cell (or its title), in characters."""
    n = len(titles)
    natural = [max(fit_width(t), 1.0) for t in titles]
    for row in rows:
        pos = 0
        for cell in row:
            if cell.span == 1 and pos < n and cell.vmerge != "continue":
                w = fit_width(cell.text)
                if w > natural[pos]:
                    natural[pos] = w
            pos += cell.span
    return natural


def _floors(titles: list[str], natural: list[float], available: float) -> tuple[list[float], list[int]]:
    """Least widths (short columns unwrapped, long ones as wide as their header) and the long columns."""
    n = len(titles)
    short_limit = min(10.0, available / max(n, 1) * 1.3)
    heads = [max(fit_width(t), 1.0) for t in titles]
    floor = [(natural[i] if natural[i] <= short_limit else max(heads[i], 4.0)) + 0.3 for i in range(n)]
    return floor, [i for i in range(n) if natural[i] > short_limit]


def _crowded(titles: list[str], natural: list[float], least: list[float], available: float) -> bool:
    """True when the least widths fill more than three quarters of the line, so long text gets squeezed."""
    floor, rest = _floors(titles, natural, available)
    floor = [max(f, w) for f, w in zip(floor, least)]
    return sum(floor) > available or (bool(rest) and sum(floor) > available * 0.75)


def _auto_widths(titles: list[str], natural: list[float], available: float) -> list[float]:
    """Widths in characters (from each column's natural width): short columns keep it, long ones share the rest."""
    n = len(titles)
    # every column at least as wide as its header (headers never wrap when they can fit);
    # short columns at their natural width; long ones share what is left by their length
    floor, rest = _floors(titles, natural, available)
    if sum(floor) > available:
        # too many columns to keep headers whole: two characters a line at least
        # (“考核/环节”), and the long columns share the rest
        floor, rest = [min(f, 2.3) for f in floor], list(range(n))
        if sum(floor) > available:
            total = sum(natural)
            return [available * natural[i] / total for i in range(n)]
    if not rest:
        return floor
    extra = available - sum(floor)
    want = {i: max(min(natural[i], 60.0) - floor[i], 0.0) for i in rest}
    total_want = sum(want.values()) or 1.0
    return [floor[i] + (extra * want[i] / total_want if i in want else 0.0) for i in range(n)]


# --------------------------------------------------------------------------- words

_CLOSING = NO_LINE_START | set(",.;:?!)]")
_OPENING = NO_LINE_END | set("([")
#: Characters that end a three-character word (过程性, 工作坊, 辅导者, 合格率, …).
_SUFFIX = set("性化者员坊园率式型家生师长度期")
#: Characters that join words (学员指导与管理办法): a line may break after them.
_JOINERS = set("与和及或的并")
_SENTENCE = re.compile(r"[，。；！？,;!?]")
_ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/+%:×*=]*|\s+|.", re.S)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The pieces a label or header may not be broken inside, found without a dictionary:
    Latin words and numbers with the character after them (“2022年”, “10日”), runs of
    Chinese in words of two characters (three when the third is a suffix such as 性, 坊,
    者; a single last character joins the word before), closing punctuation with the
    word before it, opening punctuation with the word after it."""
    atoms = _ATOM.findall(text)
    out: list[str] = []
    run: list[str] = []
    pending_open = ""

    def flush() -> None:
        chunks: list[str] = []
        segment: list[str] = []
        for ch in run + [""]:
            if ch:
                segment.append(ch)
            if ch in _JOINERS or not ch:
                chunks.extend(_chunks(segment))
                segment = []
        run.clear()
        for c in chunks:
            push(c)

    def push(piece: str) -> None:
        nonlocal pending_open
        out.append(pending_open + piece)
        pending_open = ""

    for k, a in enumerate(atoms):
        if a.isspace():
            flush()
            continue
        if len(a) == 1 and _is_cjk(a):
            # one character right after a number is its unit (2022年, 15分)
            nxt = atoms[k + 1] if k + 1 < len(atoms) else ""
            if not run and out and out[-1][-1:].isascii() and out[-1][-1:].isalnum() and not (nxt and _is_cjk(nxt[0])):
                out[-1] += a
            else:
                run.append(a)
            continue
        flush()
        if a in _OPENING:
            pending_open += a
        elif a in _CLOSING and out:
            out[-1] += a
        else:
            push(a)
    flush()
    if pending_open:
        out.append(pending_open)
    return tuple(out)


def _chunks(run: list[str]) -> list[str]:
    """A run of Chinese characters in words of two (three before a suffix; no word of one at the end)."""
    i, n, out = 0, len(run), []
    while i < n:
        take = 3 if i + 2 < n and run[i + 2] in _SUFFIX else 2
        if n - (i + take) == 1:
            take += 1
        out.append("".join(run[i:i + take]))
        i += take
    if len(out) > 1 and len(out[-1]) == 1:  # a joiner alone: with the word before it
        out[-2:] = [out[-2] + out[-1]]
    return out


def _is_label(text: str) -> bool:
    return fit_width(text) <= LABEL_CHARS and not _SENTENCE.search(text)


@lru_cache(maxsize=8192)
def _word_widths(text: str) -> tuple[float, ...]:
    return tuple(fit_width(w) for w in words(text))


def _least_width(text: str) -> float:
    """The least width that keeps a label's words whole, or a sentence's numbers and Latin words."""
    if not text:
        return 0.0
    if _is_label(text):
        return max(_word_widths(text), default=0.0)
    latin = [fit_width(m.group()) for m in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.\-/+%]*", text)]
    return min(max(latin, default=1.0), 8.0)


_BREAK_ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/+%]*|.", re.S)


@lru_cache(maxsize=65536)
def _lines(text: str, width: float, words_whole: bool = True) -> float:
    """Lines ``text`` takes in a cell ``width`` characters wide, filled as a word processor
    fills it: character by character (a Latin word or number whole; a closing mark that
    does not fit takes the character before it to the next line). A label whose line would end inside one of its words takes
    inf lines: that width is not allowed (the word processor knows no words, so a label
    breaks between words only when the width lets it)."""
    if not text:
        return 1
    label = words_whole and _is_label(text)
    flat = "".join(text.split()) if label else text
    lines, used, offset, breaks = 1, 0.0, 0, []
    prev = ""
    for atom in _BREAK_ATOM.findall(flat):
        w = fit_width(atom)
        if used + w <= width + 1e-9 or used == 0:
            used += w
            if used > width + 1e-9 and len(atom) > 1:  # a number wider than the cell: broken anyway
                extra = math.ceil(used / max(width, 0.5)) - 1
                lines, used = lines + extra, used - extra * width
        elif atom in _CLOSING and prev and used > fit_width(prev):
            # a mark may not open a line: the character before it goes down with it
            # (LibreOffice does not hang it in a left-aligned cell)
            lines, used = lines + 1, fit_width(prev) + w
            breaks.append(offset - len(prev))
        else:
            lines, used = lines + 1, w
            breaks.append(offset)
        offset += len(atom)
        prev = atom
    if label and breaks:
        bounds, at = set(), 0
        for word in words(text):
            at += len(word)
            bounds.add(at)
        if any(b not in bounds for b in breaks):
            return math.inf
    return lines


# --------------------------------------------------------------------------- widths from lines


def _least(titles: list[str], rows: list[list[ir.Cell]], header: list[list[ir.Cell]] | None) -> list[float]:
    """Each column's least width in characters: its widest header word and number. (A label in
    the body, such as 过程性评价, may still break inside a word when the table has no room: that
    costs lines in :class:`_Lines`, so it is weighed, not forbidden.)"""
    n = len(titles)
    least = [max(_least_width(t), 1.0) for t in titles]
    body = _sample(rows)
    for k, row in enumerate(([] if header is None else header) + body):
        in_header = header is not None and k < len(header)
        pos = 0
        for cell in row:
            if cell.span == 1 and pos < n and cell.vmerge != "continue" and (in_header or not _is_label(cell.text)):
                least[pos] = max(least[pos], _least_width(cell.text))
            pos += cell.span
    # then as wide as the header needs to break between its words (考核项目 at three characters
    # a line would leave 目 alone: two or four)
    texts_of: list[list[str]] = [[t] if t else [] for t in titles] if header is None else [[] for _ in titles]
    for row in header or []:
        pos = 0
        for cell in row:
            if cell.span == 1 and pos < n and cell.text:
                texts_of[pos].append(cell.text)
            pos += max(cell.span, 1)
    out = []
    for i, w in enumerate(least):
        w += 0.3  # a little room: a word processor fits fewer characters than the width divides into
        texts = texts_of[i]
        while any(_lines(t, round(w, 3)) == math.inf for t in texts) and w < 60:
            w += 0.25
        out.append(w)
    return out


def _sample(rows: list[list[ir.Cell]]) -> list[list[ir.Cell]]:
    if len(rows) <= SAMPLE_ROWS:
        return rows
    step = len(rows) / SAMPLE_ROWS
    return [rows[int(i * step)] for i in range(SAMPLE_ROWS)]


class _Item:
    """A cell to measure: its row, the columns it covers, its text and the rows it is merged over."""

    __slots__ = ("row", "first", "span", "text", "last_row")

    def __init__(self, row: int, first: int, span: int, text: str):
        self.row, self.first, self.span, self.text, self.last_row = row, first, span, text, row


def _items(titles: list[str], rows: list[list[ir.Cell]], header: list[list[ir.Cell]] | None) -> tuple[list[_Item], int, int]:
    heads = header if header is not None else [[ir.Cell(t) for t in titles]]
    table = heads + _sample(rows)
    items: list[_Item] = []
    open_merge: dict[int, _Item] = {}
    for r, row in enumerate(table):
        pos = 0
        for cell in row:
            span = max(cell.span, 1)
            if cell.vmerge == "continue" and pos in open_merge and r >= len(heads):
                open_merge[pos].last_row = r
            else:
                item = _Item(r, pos, span, cell.text)
                items.append(item)
                if cell.vmerge == "restart":
                    open_merge[pos] = item
                else:
                    open_merge.pop(pos, None)
            pos += span
    return items, len(table), len(heads)


#: What a header broken inside a word costs, in lines: more than any table has (never).
_BROKEN_WORD = 1e6
#: What a label cell broken inside a word costs, in lines: worth a line of the table.
_BROKEN_LABEL = 1.0
#: What each further line of a label costs when its row is as tall anyway: ties go to whole labels.
_WRAPPED_LABEL = 0.05


class _Lines:
    """Lines of the whole table at trial widths: each row as tall as its tallest single-row
    cell, then each merged cell given the lines it lacks over its rows (the narrowest merges
    first). The cells are measured once at the widths last
    :meth:`settle` left them, and a trial measures again only the cells over columns whose width
    differs (a step changes one or two columns; a table's cells are measured, not its
    columns). The sums run in the same order as a full measure, so the result is the same
    float to the last bit."""

    __slots__ = ("items", "nrows", "margin", "heads", "over", "merged", "base", "base_widths", "wraps")

    def __init__(self, items: list[_Item], nrows: int, margin: float, heads: int, ncols: int):
        self.items, self.nrows, self.margin, self.heads = items, nrows, margin, heads
        self.over: list[list[int]] = [[] for _ in range(ncols)]  # the cells over each column
        for k, it in enumerate(items):
            for c in range(it.first, min(it.first + it.span, ncols)):
                self.over[c].append(k)
        # merged cells, the narrowest (rightmost) first
        self.merged = sorted((k for k, it in enumerate(items) if it.last_row > it.row),
                             key=lambda k: (-items[k].first, items[k].row))
        self.base: list[tuple[float, float]] = []
        self.base_widths: list[float] = []
        # single-row labels: each further line of theirs costs a little (see _WRAPPED_LABEL)
        self.wraps = [it.last_row == it.row and _is_label(it.text) for it in items]

    def _measure(self, k: int, widths: list[float]) -> tuple[float, float]:
        """Cell k's lines at ``widths`` and what it adds to the penalty."""
        it = self.items[k]
        w = round(sum(widths[it.first:it.first + it.span]) + (it.span - 1) * self.margin, 3)
        lines = _lines(it.text, w)
        if lines == math.inf:  # counted, so that widening a column can mend it
            return _lines(it.text, w, False), (_BROKEN_WORD if it.row < self.heads else _BROKEN_LABEL)
        if lines > 1 and self.wraps[k]:
            return lines, _WRAPPED_LABEL * (lines - 1)  # free lines still: a date or name reads better whole
        return lines, 0.0

    def settle(self, widths: list[float]) -> None:
        """Measure every cell at ``widths``: later trials start from here."""
        self.base = [self._measure(k, widths) for k in range(len(self.items))]
        self.base_widths = list(widths)

    def height(self, widths: list[float]) -> float:
        if not self.base_widths:
            self.settle(widths)
        changed = [c for c, (a, b) in enumerate(zip(widths, self.base_widths)) if a != b]
        measured = self.base
        if changed:
            measured = list(self.base)
            seen: set[int] = set()
            for c in changed:
                for k in self.over[c]:
                    if k not in seen:
                        seen.add(k)
                        measured[k] = self._measure(k, widths)
        heights = [1.0] * self.nrows
        penalty = 0.0
        items = self.items
        for k, (lines, pen) in enumerate(measured):
            if pen:
                penalty += pen
            it = items[k]
            if it.last_row == it.row and lines > heights[it.row]:
                heights[it.row] = lines
        for k in self.merged:
            it = items[k]
            lines = measured[k][0]
            have = sum(heights[it.row:it.last_row + 1])
            if lines > have:
                heights[it.last_row] += lines - have
        return sum(heights) + penalty


_STEPS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)


def _fit_widths(titles: list[str], rows: list[list[ir.Cell]], header: list[list[ir.Cell]] | None,
                least: list[float], natural: list[float], available: float, margin: float) -> list[float]:
    """Widths in characters: the least widths, then the rest where it saves most lines (see the module doc)."""
    n = len(titles)
    items, nrows, nheads = _items(titles, rows, header)
    widths = list(least)
    table = _Lines(items, nrows, margin, nheads, n)
    # a column whose every cell already fits in its least width needs no more
    height = table.height(widths)
    left = available - sum(widths)
    while left >= 0.25:
        best = None  # (saving per character, -step, -column) → largest wins
        for i in range(n):
            for step in _STEPS:
                if step > left + 1e-9:
                    break
                widths[i] += step
                h = table.height(widths)
                widths[i] -= step
                saved = height - h
                if saved > 1e-9:
                    key = (saved / step, -step, -i)
                    if best is None or key > best[0]:
                        best = (key, i, step, h)
        if best is None:
            break
        _, i, step, height = best
        widths[i] += step
        left -= step
        table.settle(widths)
    if left > 1e-9:
        # nothing more to save: the columns with long text share the rest by how much more
        # they would take, each only as far as it keeps the table's lines (a label column
        # must not widen into a width where its words break)
        # — first what the long columns still want, then any more in proportion to the widths (a table
        # of short columns keeps the look of its content, not one column taking the whole line)
        want = [max(min(natural[i], 60.0) - widths[i], 0.0) for i in range(n)]
        total = sum(want)
        wanted = min(left, total)
        more = left - wanted
        size = sum(widths) or 1.0
        given = 0.0
        for i in range(n):
            share = (wanted * want[i] / total if total > 0 else 0.0) + more * widths[i] / size
            widths[i] += share
            if share and table.height(widths) > height:
                widths[i] -= share
            else:
                given += share
        rest = left - given
        if rest > 1e-9:
            for i in sorted(range(n), key=lambda k: (-widths[k], k)):
                widths[i] += rest
                if table.height(widths) <= height:
                    break
                widths[i] -= rest
            else:
                widths[max(range(n), key=lambda k: (want[k], widths[k]))] += rest
    table.settle(widths)
    return _improve(widths, least, lambda: table.height(widths), table.settle)


#: Rounds of moving width between two columns after the first allocation.
_IMPROVE_ROUNDS = 40


def _improve(widths: list[float], least: list[float], height, settle=None) -> list[float]:  # type: ignore[no-untyped-def]
    """Move width from one column to another while that saves lines (the first allocation only
    ever adds, so it cannot take back what a column no longer needs). Changes ``widths`` in place."""
    n = len(widths)
    best = height()
    for _ in range(_IMPROVE_ROUNDS):
        found = None
        for give in range(n):
            for take in range(n):
                if give == take:
                    continue
                for step in (0.5, 1.0, 2.0):
                    if widths[give] - step < least[give] - 1e-9:
                        break
                    widths[give] -= step
                    widths[take] += step
                    h = height()
                    widths[give] += step
                    widths[take] -= step
                    if h < best - 1e-9 and (found is None or h < found[0] - 1e-9):
                        found = (h, give, take, step)
        if found is None:
            break
        best, give, take, step = found
        widths[give] -= step
        widths[take] += step
        if settle is not None:
            settle(widths)
    return widths
