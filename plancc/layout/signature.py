"""The 落款: the issuer's name centred over the date below it (GB/T 9704 7.3.5.1:
以成文日期为准居中编排发文机关署名).

The date sits at its style's right indent (右空四字); each 署名 line gets the right
indent that puts its middle over the date's middle, from the estimated widths of
both (plancc.layout.width).
"""

from __future__ import annotations

from typing import Sequence

from plancc.layout import ir
from plancc.layout.metrics import Centring
from plancc.layout.width import twips


def centre_signatures(blocks: Sequence[ir.Block], centring: Centring) -> None:
    """Set ``right_indent`` on every 署名 paragraph directly above a 成文日期."""
    i, n = 0, len(blocks)
    while i < n:
        b = blocks[i]
        if not (isinstance(b, ir.Paragraph) and b.kind == "signature"):
            i += 1
            continue
        j = i
        while j < n and isinstance(blocks[j], ir.Paragraph) and blocks[j].kind == "signature":  # type: ignore[union-attr]
            j += 1
        date = blocks[j] if j < n else None
        if isinstance(date, ir.Paragraph) and date.kind == "date":
            dw = twips(date.text, centring.date_size, centring.date_spacing)
            for k in range(i, j):
                line = blocks[k]
                assert isinstance(line, ir.Paragraph)
                sw = twips(line.text, centring.signature_size, centring.signature_spacing)
                line.right_indent = max(0, round(centring.date_right + (dw - sw) / 2))
        i = j
