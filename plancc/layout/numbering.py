"""Heading numbers by nesting depth, as GB/T 9704 (7.3.3) orders them: 一、（一）1.（1）.

Numbers are literal text, never Word auto-numbering: they survive
copy-paste, WPS and PDF conversion.
"""

from __future__ import annotations

from plancc.text.numerals import circled, cn_number

MAX_HEADING_DEPTH = 4


def heading_number(depth: int, n: int) -> str:
    """The number of the n-th heading at `depth` (1-based); deeper levels use ①."""
    if depth == 1:
        return f"{cn_number(n)}、"
    if depth == 2:
        return f"（{cn_number(n)}）"
    if depth == 3:
        return f"{n}."
    if depth == 4:
        return f"（{n}）"
    return circled(n)
