"""Which rows of a table stay on one page: the rows of a short vertical merge.

An item of several rows under one merged cell (a rubric item, a module and its
courses) reads as one thing; split across pages, its merged cell prints on one
page and the rest of its rows on the next under an empty cell. Word keeps a row
on the page of the next one when every paragraph of the row has "keep with next",
so the rows of a merge that spans at most ``most`` rows carry it, all but the last.
Longer merges (a stage of a 5,000-row catalog) break as usual, under the repeated
header row.
"""

from __future__ import annotations

from plancc.layout import ir


def merged_rows_kept(rows: list[list[ir.Cell]], most: int) -> frozenset[int]:
    """Indexes of the rows that keep with the next one: every row but the last of each
    run of rows joined by vertical merges, when the run has at most ``most`` rows."""
    if most < 2 or len(rows) < 2:
        return frozenset()
    kept: list[int] = []
    start = 0
    for i in range(1, len(rows) + 1):
        joined = i < len(rows) and any(c.vmerge == "continue" for c in rows[i])
        if joined:
            continue
        if 1 < i - start <= most:  # rows start … i-1 form one run
            kept.extend(range(start, i - 1))
        start = i
    return frozenset(kept)
