"""What layout needs to know of the page and the styles: measures taken from the layout profile.

The outline parser sizes table columns and centres the 落款 with these numbers;
:meth:`Metrics.from_profile` takes them from a profile, and the defaults are
those of the bundled profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plancc.layout.width import chars_per_line


@dataclass(frozen=True)
class Centring:
    """The styles of the 署名 and the 成文日期 when the 署名 is centred over the date (7.3.5.1)."""

    signature_size: int = 32  # half-points
    signature_spacing: int = -5  # twips of tracking
    date_size: int = 32
    date_spacing: int = -5
    date_right: int = 1280  # the date's right indent, twips (右空四字)


@dataclass(frozen=True)
class Metrics:
    """Measures of the page for table columns, title lines and the 落款."""

    table_chars: float = 31.6  # characters of table text across the type area (四号 cells)
    cell_margin_chars: float = 0.77  # left + right cell margins of one column, in characters
    dense_size: int | None = 24  # half-points of a table whose headers do not fit (小四)
    cell_size: int = 28  # half-points of table text (四号)
    one_size: bool = True  # every table of a document at one size (all dense when one must be)
    keep_merged_rows: int = 8  # rows of a vertical merge kept on one page when the merge spans at most this many
    table_width: int = 8844  # twips: the column widths of every table add up to this
    title_chars: int = 20  # title characters on one line
    centring: Centring | None = Centring()  # None: the 署名 keeps its style's indents (7.3.5.2)

    @classmethod
    def from_profile(cls, profile: Any) -> "Metrics":
        """The measures of a layout profile (the defaults for anything it lacks)."""
        try:
            width = profile.page.type_area_width
            cell = profile.styles["table_cell"].size
            margins = profile.table.cell_margins
            dense = profile.table.dense_size
            sig, date = profile.styles["signature"], profile.styles["date"]
            centring = (Centring(sig.size, sig.char_spacing, date.size, date.char_spacing, date.indent.right)
                        if profile.signature.center_over_date else None)
            return cls(
                table_chars=chars_per_line(width, cell),
                cell_margin_chars=chars_per_line(margins.left + margins.right, cell),
                dense_size=dense if dense and dense < cell else None,
                cell_size=cell,
                one_size=profile.table.one_size,
                keep_merged_rows=profile.table.keep_merged_rows,
                table_width=profile.table.width,
                title_chars=int(chars_per_line(width, profile.styles["title"].size)),
                centring=centring,
            )
        except (AttributeError, KeyError, TypeError, ZeroDivisionError):
            return cls()
