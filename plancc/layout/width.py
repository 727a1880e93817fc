"""How wide a text is when set in a Chinese document: the one estimate layout uses.

Everything that asks "does it fit?" or "where does it end?" measures here:
table columns (plancc.layout.columns), title lines (plancc.layout.titles) and
the 落款 centred over the date (plancc.layout.signature). There are no font
metrics, so the model is the typesetter's rule of thumb:

- a character that is wide in a CJK font (East Asian width W, F or A: ideographs,
  fullwidth forms, “”—…·×) takes one em of the font size;
- any other character (ASCII, Latin letters) takes a narrow advance, which the
  caller chooses: :data:`FIT` (0.55 em) when the text must not overflow its room
  (a column, a title line), :data:`NOMINAL` (0.5 em) when the estimate is used to
  place text (centring the 署名);
- Word and LibreOffice add a quarter em where CJK text meets Latin letters or
  digits (autoSpaceDE/DN); the estimate adds :data:`AUTOSPACE` where a stretch of
  ASCII starting with a letter or digit follows other text, and where a stretch of
  ASCII is followed by other text.

Narrow characters outside ASCII are found with ``unicodedata.east_asian_width``;
a regular expression first skips the ranges that are wide anyway (ideographs,
kana, hangul, fullwidth forms), so a line of plain Chinese costs one C-level scan.
(``rich.cells.cell_len`` counts ambiguous characters such as “ and — as one
cell, as a terminal shows them; a Chinese font sets them full width, so it
cannot serve here, and it is also slower on uncached text.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Advance of a narrow character when the text must fit (Latin in a CJK face runs a little over half an em).
FIT = 0.55
#: Advance of a narrow character when placing text: its nominal half em.
NOMINAL = 0.5
#: The space word processors insert where CJK text meets Latin letters or digits, in ems.
AUTOSPACE = 0.25

_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
# non-ASCII characters outside the blocks that are wide throughout (CJK, kana, hangul, fullwidth forms)
_MAYBE_NARROW = re.compile(
    "[^\x00-\x7f\u1100-\u115f\u2e80-\u303e\u3040-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]"
)


def is_wide(ch: str) -> bool:
    """True for a character a CJK font sets one em wide (East Asian width W, F or A)."""
    return unicodedata.east_asian_width(ch) in "WFA"


def _narrow_outside_ascii(text: str) -> int:
    return sum(1 for m in _MAYBE_NARROW.finditer(text) if not is_wide(m.group()))


def autospaces(text: str) -> int:
    """How many places the word processor widens between CJK text and ASCII (see the module doc)."""
    n, end_of_text = 0, len(text)
    for m in _ASCII_RUN.finditer(text):
        start, end = m.span()
        if start > 0 and text[start].isalnum():
            n += 1
        if end < end_of_text:
            n += 1
    return n


def em_width(text: str, narrow: float = FIT) -> float:
    """Estimated width of ``text`` in ems of its font size (see the module doc)."""
    if text.isascii():
        return len(text) * narrow
    # one em a character, less the shortfall of each narrow one; rounded so that
    # 1 - 0.55 is the double 0.45 and every width comes out to the last bit as
    # the column widths of earlier releases did (the rendered bytes depend on it)
    shortfall = round(1.0 - narrow, 12)
    width, end_of_text = float(len(text)), len(text)
    for m in _ASCII_RUN.finditer(text):
        start, end = m.span()
        width -= (end - start) * shortfall
        if start > 0 and text[start].isalnum():  # CJK → Latin or digit
            width += AUTOSPACE
        if end < end_of_text:  # Latin → CJK
            width += AUTOSPACE
    if _MAYBE_NARROW.search(text):  # rare: Latin letters with accents, half-width kana …
        width -= _narrow_outside_ascii(text) * shortfall
    return width


#: :func:`em_width` with the fitting advance, cached: catalog columns repeat the same
#: few stage, subject and module names thousands of times.
fit_width = lru_cache(maxsize=4096)(em_width)


#: No text is wider than this many ems a character: a one-character stretch of ASCII between CJK
#: characters is the worst case, FIT wide plus an AUTOSPACE on each side.
MOST_PER_CHAR = 1.0 + max(0.0, 2 * AUTOSPACE - (1.0 - FIT))


def widest(texts) -> float:  # type: ignore[no-untyped-def]
    """The largest :func:`fit_width` of ``texts`` (0.0 for none), measuring only the texts long
    enough to be it: longest first, until even the most a text of that length can be wide
    is no more than the widest found (each distinct text once: a column of repeated stage names
    measures a few; titles of about the same length are all measured)."""
    best = 0.0
    for text in sorted(set(texts), key=len, reverse=True):
        if len(text) * MOST_PER_CHAR <= best:
            break
        w = em_width(text)
        if w > best:
            best = w
    return best


def twips(text: str, size: int, char_spacing: int = 0) -> float:
    """Estimated width in twips of ``text`` set at ``size`` half-points with ``char_spacing``
    twips of tracking after each character, at the nominal advance (for placing text)."""
    return em_width(text, NOMINAL) * size * 10 + char_spacing * len(text)


def chars_per_line(width: int, size: int) -> float:
    """How many one-em characters of ``size`` half-points fit in ``width`` twips."""
    return width / (size / 2 * 20)
