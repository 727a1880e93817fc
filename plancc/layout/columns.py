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
from typing import Callable, Sequence

from plancc.layout import ir
from plancc.layout.metrics import Metrics
from plancc.layout.width import fit_width, widest
from plancc.text.kinsoku import NO_LINE_END, NO_LINE_START

#: Rows of a long table (a catalog) the widths are measured on, spread evenly over it.
SAMPLE_ROWS = 160
#: Cells at most this wide (in characters) with no sentence punctuation are labels: they break between words.
LABEL_CHARS = 10.0


class TableText:
    """What sizing needs of a table's text: each column's natural and least width and the cells
    to measure. None of it depends on the size the table is set at (widths are in characters),
    so a table sized again at the dense size (:func:`one_table_size`) measures nothing twice:
    each part is worked out when first asked for, once."""

    __slots__ = ("titles", "rows", "header", "_natural", "_least", "_lines")

    def __init__(self, titles: list[str], rows: list[list[ir.Cell]], header: list[list[ir.Cell]] | None = None):
        self.titles, self.rows, self.header = titles, rows, header
        self._natural: list[float] | None = None
        self._least: list[float] | None = None
        self._lines: _Lines | None = None

    @property
    def natural(self) -> list[float]:
        if self._natural is None:
            self._natural = _natural(self.titles, self.rows)
        return self._natural

    @property
    def least(self) -> list[float]:
        if self._least is None:
            self._least = _least(self.titles, self.rows, self.header)
        return self._least

    def lines(self, margin: float) -> "_Lines":
        """The table's height at trial widths, with ``margin`` characters between spanned columns."""
        if self._lines is None:
            items, nrows, nheads = _items(self.titles, self.rows, self.header)
            self._lines = _Lines(items, nrows, nheads)
        self._lines.margin = margin
        return self._lines


def size_columns(table: TableText, metrics: Metrics, font_size: int | None = None) -> tuple[list[int], int | None]:
    """Widths in twips of the columns (summing to the table width), sized from the content,
    and the table's font size in half-points when it goes one size smaller (None otherwise).
    ``font_size``: set the table at this size (the dense size) whatever its content. (A
    template's own ``<col>`` weights need no sizing: :func:`scale_widths`.)"""
    m = metrics
    n = len(table.titles)
    scale = 1.0
    # a profile with a narrow table and many columns leaves no room: give each column a little
    available = max(m.table_chars - n * m.cell_margin_chars, 0.5 * n)
    natural, least = table.natural, table.least
    dense = font_size if font_size and m.dense_size and font_size == m.dense_size else None
    if dense is None and m.dense_size and _crowded(table.titles, natural, least, available):
        dense = m.dense_size
    if dense:
        # headers and short columns leave the long ones no room: one size smaller
        font_size, scale = dense, m.cell_size / dense
        available *= scale
    else:
        font_size = None
    if sum(least) <= available:
        widths = _fit_widths(table, available, m.cell_margin_chars * scale)
    else:
        widths = _auto_widths(table.titles, natural, available)
    return scale_widths([w + m.cell_margin_chars * scale for w in widths], m.table_width), font_size


def one_table_size(tables: list[tuple[ir.Table, TableText]], metrics: Metrics) -> None:
    """One text size for every table of a document (the profile's ``table.one_size``): when one
    table has to go to the dense size, the others whose widths come from their content follow,
    and their columns are sized again at that size. ``tables``: the tables sized from their
    content, each with its text."""
    if not metrics.one_size:
        return
    sizes = {t.font_size for t, _ in tables}
    if len(sizes) < 2 or metrics.dense_size not in sizes:
        return
    for t, text in tables:
        if t.font_size is None:
            widths, t.font_size = size_columns(text, metrics, font_size=metrics.dense_size)
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
    texts: list[list[str]] = [[] for _ in range(n)]
    for row in rows:
        pos = 0
        for cell in row:
            if cell.span == 1 and pos < n and cell.vmerge != "continue":
                texts[pos].append(cell.text)
            pos += cell.span
    return [max(fit_width(t), 1.0, widest(column)) for t, column in zip(titles, texts)]


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


@lru_cache(maxsize=8192)
def _atoms(text: str, words_whole: bool) -> tuple[int, tuple, frozenset | None]:
    """What :func:`_lines` needs of a text at any width, found once: ``(n, (), bounds)`` when the
    text is ``n`` characters one em wide and none of them a closing mark (most Chinese cells:
    their lines follow from a division), else ``(0, atoms, bounds)`` with each atom as
    (width, length, is a closing mark); ``bounds``: where a label's words end (None for a text
    that is not a label)."""
    label = words_whole and _is_label(text)
    flat = "".join(text.split()) if label else text
    found = _BREAK_ATOM.findall(flat)
    atoms = tuple((fit_width(a), len(a), a in _CLOSING) for a in found)
    bounds = None
    if label:
        at, ends = 0, set()
        for word in words(text):
            at += len(word)
            ends.add(at)
        bounds = frozenset(ends)
    if all(w == 1.0 and n == 1 and not closing for w, n, closing in atoms):
        return len(atoms), (), bounds
    return 0, atoms, bounds


@lru_cache(maxsize=65536)
def _lines(text: str, width: float, words_whole: bool = True) -> float:
    """Lines ``text`` takes in a cell ``width`` characters wide, filled as a word processor
    fills it: character by character (a Latin word or number whole; a closing mark that
    does not fit takes the character before it to the next line). A label whose line would end inside one of its words takes
    inf lines: that width is not allowed (the word processor knows no words, so a label
    breaks between words only when the width lets it)."""
    if not text:
        return 1
    n, atoms, bounds = _atoms(text, words_whole)
    if n:  # n characters of one em: as many on a line as the width holds, at least one
        per_line = max(math.floor(width + 1e-9), 1)
        lines = -(-n // per_line)
        if bounds is not None and any(b not in bounds for b in range(per_line, n, per_line)):
            return math.inf
        return lines
    lines, used, offset, breaks = 1, 0.0, 0, []
    prev_w, prev_len = 0.0, 0
    for w, length, closing in atoms:
        if used + w <= width + 1e-9 or used == 0:
            used += w
            if used > width + 1e-9 and length > 1:  # a number wider than the cell: broken anyway
                extra = math.ceil(used / max(width, 0.5)) - 1
                lines, used = lines + extra, used - extra * width
        elif closing and prev_len and used > prev_w:
            # a mark may not open a line: the character before it goes down with it
            # (LibreOffice does not hang it in a left-aligned cell)
            lines, used = lines + 1, prev_w + w
            breaks.append(offset - prev_len)
        else:
            lines, used = lines + 1, w
            breaks.append(offset)
        offset += length
        prev_w, prev_len = w, length
    if bounds is not None and any(b not in bounds for b in breaks):
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


#: A table's height is counted in these parts of a line, so that every sum is a whole number:
#: adding the same costs in another order gives the same total, and equal savings are equal.
UNITS = 20
#: What a header broken inside a word costs: more lines than any table has (never).
_BROKEN_WORD = 10 ** 6 * UNITS
#: What a label cell broken inside a word costs: worth a line of the table.
_BROKEN_LABEL = UNITS
#: What each further line of a label costs when its row is as tall anyway (1/20 of a line):
#: ties go to whole labels.
_WRAPPED_LABEL = 1


class _Group:
    """The cells over the same columns (one column, or a span), measured together at one width."""

    __slots__ = ("first", "span", "texts", "rows", "single", "heads", "labels", "merged_at", "widths")

    def __init__(self, first: int, span: int):
        self.first, self.span = first, span
        self.texts: list[str] = []
        self.rows: list[int] = []
        self.single: list[bool] = []  # not merged over rows: it sets its row's height
        self.heads: list[bool] = []  # a header cell
        self.labels: list[bool] = []  # a single-row label: its further lines cost a little
        self.merged_at: list[int] = []  # the cell's place in _Lines.merged, or -1
        #: width → (lines of each row from its single-row cell (0: none), (merge place, lines) of
        #: the merged cells, cost of broken and wrapped labels)
        self.widths: dict[float, tuple[list[int], list[tuple[int, int]], int]] = {}

    def at(self, width: float, nrows: int) -> tuple[list[int], list[tuple[int, int]], int]:
        done = self.widths.get(width)
        if done is None:
            row_lines = [0] * nrows
            merged: list[tuple[int, int]] = []
            cost = 0
            for text, row, single, head, label, m in zip(self.texts, self.rows, self.single, self.heads,
                                                       self.labels, self.merged_at):
                lines = _lines(text, width)
                if lines == math.inf:  # counted, so that widening a column can mend it
                    lines = _lines(text, width, False)
                    cost += _BROKEN_WORD if head else _BROKEN_LABEL
                elif lines > 1 and label:
                    cost += _WRAPPED_LABEL * (lines - 1)  # free lines still: a date or name reads better whole
                if single:
                    row_lines[row] = lines
                else:
                    merged.append((m, lines))
            done = self.widths[width] = (row_lines, merged, cost)
        return done


class _Lines:
    """Height of the whole table at trial widths, in :data:`UNITS` of a line: each row as tall
    as its tallest single-row cell (one line at least), then each merged cell given the lines
    it lacks over its rows (the narrowest merges first), plus the costs of broken and wrapped
    labels. The cells over the same columns are measured once at each width they are tried
    at (a step of the search changes one or two columns' widths and finds the others' cells
    measured already)."""

    __slots__ = ("nrows", "margin", "groups", "merged", "ones")

    def __init__(self, items: list[_Item], nrows: int, heads: int):
        self.nrows, self.margin = nrows, 0.0
        groups: dict[tuple[int, int], _Group] = {}
        # merged cells, the narrowest (rightmost) first
        merged = sorted((k for k, it in enumerate(items) if it.last_row > it.row),
                        key=lambda k: (-items[k].first, items[k].row))
        place = {k: m for m, k in enumerate(merged)}
        for k, it in enumerate(items):
            g = groups.get((it.first, it.span))
            if g is None:
                g = groups[(it.first, it.span)] = _Group(it.first, it.span)
            single = it.last_row == it.row
            g.texts.append(it.text)
            g.rows.append(it.row)
            g.single.append(single)
            g.heads.append(it.row < heads)
            g.labels.append(single and _is_label(it.text))
            g.merged_at.append(place.get(k, -1))
        self.groups = list(groups.values())
        self.merged = [(items[k].row, items[k].last_row) for k in merged]
        self.ones = [1] * nrows

    def height(self, widths: list[float]) -> int:
        nrows, margin = self.nrows, self.margin
        row_lines: list[list[int]] = []
        merged_lines = [0] * len(self.merged)
        cost = 0
        for g in self.groups:
            w = round(sum(widths[g.first:g.first + g.span]) + (g.span - 1) * margin, 3)
            rows, merged, c = g.at(w, nrows)
            row_lines.append(rows)
            for m, lines in merged:
                merged_lines[m] = lines
            cost += c
        heights = list(map(max, self.ones, *row_lines))
        for (first, last), lines in zip(self.merged, merged_lines):
            have = sum(heights[first:last + 1])
            if lines > have:
                heights[last] += lines - have
        return sum(heights) * UNITS + cost


_STEPS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)


def _fit_widths(text: TableText, available: float, margin: float) -> list[float]:
    """Widths in characters: the least widths, then the rest where it saves most lines (see the module doc)."""
    n = len(text.titles)
    least, natural = text.least, text.natural
    widths = list(least)
    table = text.lines(margin)
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
    return _improve(widths, least, lambda: table.height(widths))


#: Rounds of moving width between two columns after the first allocation.
_IMPROVE_ROUNDS = 40


def _improve(widths: list[float], least: list[float], height: Callable[[], int]) -> list[float]:
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
    return widths
