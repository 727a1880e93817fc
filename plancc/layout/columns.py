"""Column widths of a table, decided from its content and the page (plancc.layout.metrics).

A template may give each ``<col>`` a weight; otherwise the widths come from the
text: short columns (dates, names, hours) keep their natural width so they do
not wrap, every column is at least as wide as its header, and the long columns
share the rest by their length. When the headers and short columns leave the
long ones too little room the whole table goes one size smaller (the profile's
``table.dense_size``). Either way the weights are then scaled to the profile's
table width in whole twips, so the IR carries the final widths.
"""

from __future__ import annotations

from typing import Sequence

from plancc.layout import ir
from plancc.layout.metrics import Metrics
from plancc.layout.width import fit_width


def size_columns(titles: list[str], rows: list[list[ir.Cell]], weights: list[float] | None,
                 metrics: Metrics) -> tuple[list[int], int | None]:
    """Widths in twips of the columns (summing to the table width) and the table's
    font size in half-points when it goes one size smaller (None otherwise).
    ``weights``: the template's relative widths, or None to size from the content."""
    font_size = None
    if weights is None:
        m = metrics
        n = len(titles)
        scale = 1.0
        # a profile with a narrow table and many columns leaves no room: give each column a little
        available = max(m.table_chars - n * m.cell_margin_chars, 0.5 * n)
        natural = _natural(titles, rows)
        if m.dense_size and _crowded(titles, natural, available):
            # headers and short columns leave the long ones no room: one size smaller
            font_size, scale = m.dense_size, m.cell_size / m.dense_size
            available *= scale
        widths = _auto_widths(titles, natural, available)
        weights = [w + m.cell_margin_chars * scale for w in widths]
    return scale_widths(weights, metrics.table_width), font_size


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


def _crowded(titles: list[str], natural: list[float], available: float) -> bool:
    """True when the least widths fill more than three quarters of the line, so long text gets squeezed."""
    floor, rest = _floors(titles, natural, available)
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
