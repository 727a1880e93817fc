"""Column widths from the content (plancc.layout.columns)."""

from plancc.layout import ir
from plancc.layout.columns import TableText, size_columns
from plancc.layout.metrics import Metrics


def _widths(titles, rows):
    widths, _ = size_columns(TableText(titles, [[ir.Cell(t) for t in r] for r in rows]), Metrics())
    return widths


def test_a_table_of_short_columns_shares_the_line_by_its_content():
    """No column of 日期 | 内容 | 学时 needs more than a few characters: the spare width goes to all of
    them by their widths, not to the one a little short of its text (it took 74 % of the line)."""
    w = _widths(["日期", "内容", "学时"], [["3月1日", "开班仪式", "2"], ["3月2日", "专题讲座", "4"]])
    assert sum(w) == Metrics().table_width
    assert max(w) < 0.5 * sum(w)
    assert w[2] < w[0] < w[1]  # the shortest content the narrowest, the longest the widest


def test_a_long_column_still_takes_the_room_it_wants():
    long = "组织教师参加暑期线上学习，完成学习任务，并撰写学习心得体会一篇，在教研组内交流分享。"
    w = _widths(["序号", "任务"], [["1", long], ["2", long]])
    assert w[1] > 3 * w[0]


# --------------------------------------------------------------------------- the measure, held to plain definitions

import math  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plancc.layout import columns as C  # noqa: E402
from plancc.layout.width import fit_width, widest  # noqa: E402

_CHARS = st.sampled_from(list("课程教学研究学习与的性一二三") + list("ab1 2%.") + list("）》，。、”（《“"))


def _plain_lines(text: str, width: float, words_whole: bool = True) -> float:
    """The fill :func:`C._lines` stands for, character by character (its first written form)."""
    if not text:
        return 1
    label = words_whole and C._is_label(text)
    flat = "".join(text.split()) if label else text
    lines, used, offset, breaks, prev = 1, 0.0, 0, [], ""
    for atom in C._BREAK_ATOM.findall(flat):
        w = fit_width(atom)
        if used + w <= width + 1e-9 or used == 0:
            used += w
            if used > width + 1e-9 and len(atom) > 1:
                extra = math.ceil(used / max(width, 0.5)) - 1
                lines, used = lines + extra, used - extra * width
        elif atom in C._CLOSING and prev and used > fit_width(prev):
            lines, used = lines + 1, fit_width(prev) + w
            breaks.append(offset - len(prev))
        else:
            lines, used = lines + 1, w
            breaks.append(offset)
        offset += len(atom)
        prev = atom
    if label and breaks:
        bounds, at = set(), 0
        for word in C.words(text):
            at += len(word)
            bounds.add(at)
        if any(b not in bounds for b in breaks):
            return math.inf
    return lines


@settings(max_examples=400, deadline=None)
@given(st.text(_CHARS, max_size=40), st.integers(0, 400).map(lambda k: k / 20), st.booleans())
def test_lines_are_those_of_a_character_by_character_fill(text, width, words_whole):
    assert C._lines(text, width, words_whole) == _plain_lines(text, width, words_whole)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(_CHARS, max_size=30), max_size=30))
def test_widest_is_the_largest_width(texts):
    assert widest(texts) == max(map(fit_width, texts), default=0.0)


_CELL = st.builds(lambda t, span, merge: (t, span, merge), st.text(_CHARS, max_size=30), st.integers(1, 3),
                  st.sampled_from([None, None, "restart", "continue"]))


def _plain_height(items, nrows, heads, widths, margin):
    """Every cell measured at its width: rows as tall as their tallest single-row cell, merged
    cells given the lines they lack (narrowest first), plus the label costs, in UNITS."""
    heights, cost = [1] * nrows, 0
    lines_of = {}
    for k, it in enumerate(items):
        w = round(sum(widths[it.first:it.first + it.span]) + (it.span - 1) * margin, 3)
        lines = C._lines(it.text, w)
        if lines == math.inf:
            lines = C._lines(it.text, w, False)
            cost += C._BROKEN_WORD if it.row < heads else C._BROKEN_LABEL
        elif lines > 1 and it.last_row == it.row and C._is_label(it.text):
            cost += C._WRAPPED_LABEL * (lines - 1)
        lines_of[k] = lines
        if it.last_row == it.row:
            heights[it.row] = max(heights[it.row], lines)
    for k in sorted((k for k, it in enumerate(items) if it.last_row > it.row), key=lambda k: (-items[k].first, items[k].row)):
        it = items[k]
        have = sum(heights[it.row:it.last_row + 1])
        if lines_of[k] > have:
            heights[it.last_row] += lines_of[k] - have
    return sum(heights) * C.UNITS + cost


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5), st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=12),
       st.lists(st.lists(st.integers(2, 60).map(lambda k: k / 4), min_size=5, max_size=5), min_size=1, max_size=6))
def test_table_height_is_every_cell_measured_plainly(ncols, raw_rows, trials):
    rows = []
    for r, raw in enumerate(raw_rows):
        row, pos = [], 0
        for text, span, merge in raw:
            if pos >= ncols:
                break
            span = min(span, ncols - pos)
            row.append(ir.Cell(text, span=span, vmerge=None if (r == 0 and merge == "continue") else merge))
            pos += span
        rows.append(row)
    titles = ["列%d" % i for i in range(ncols)]
    text = C.TableText(titles, rows)
    items, nrows, heads = C._items(titles, rows, None)
    table = text.lines(0.77)
    for widths in trials:  # the same table at several widths: what one width measured must not leak into another
        widths = widths[:ncols]
        assert table.height(widths) == _plain_height(items, nrows, heads, widths, 0.77)
