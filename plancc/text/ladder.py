"""The ladder of heading-number forms: 一、（一）1.（1）① A. a.

A rung is a position on the ladder (1 for 一、 … 7 for a.); a plan names a
rung by its form as a clerk writes it, with the first number (``一、``,
``（一）``, ``1.``, ``（1）``, ``①``, ``A.``, ``a.``).

Why these seven, in this order:

- GB/T 9704—2012 7.3.3 gives four levels of 结构层次序数: 一、（一）1.（1）,
  full-width brackets, the half-width point after Arabic digits.
- A fifth level ① is what Chinese official writing uses below （1）: the
  writing manuals list it as the next level after the four of the standard, and
  the real plans this project was made from (the 淮北 plan's “（1）训前 / ①…”)
  print it there.
- Beyond ① there is no common standard. plancc continues with Latin letters,
  capital before small (A. then a.), as the ladder itself goes from the larger
  form to the smaller (一 before 1): letters look unlike every digit form above
  them, so a reader never mistakes a sixth-level item for a third-level one,
  and they take the same half-width point as 1. does. Seven levels are more
  than any plan needs; a deeper nesting is an error, not a repeated form.

Width variants are the same form (``(一)`` for ``（一）``, ``1．`` for
``1.``): plans pasted from other software often carry them, and the
document prints the standard form. ``1、`` is not accepted: GB/T 9704 puts a
point after Arabic digits, never 、, and a clerk would correct it.
"""

from __future__ import annotations

from plancc.text.numerals import circled, cn_number

#: the forms, by rung (1-based), each written with its first number
FORMS: tuple[str, ...] = ("一、", "（一）", "1.", "（1）", "①", "A.", "a.")
#: the deepest rung
MAX_RUNG = len(FORMS)
#: the rungs GB/T 9704 itself names (一、（一）1.（1）)
GBT_RUNGS = 4

_WIDTH = str.maketrans({"(": "（", ")": "）", "．": ".", "１": "1", "Ａ": "A", "ａ": "a"})
_RUNG_OF = {form: i for i, form in enumerate(FORMS, 1)}


def rung_of(written: str) -> int | None:
    """The rung a form names (“（一）” or “(一)” → 2, “1．” → 3); None for anything else."""
    return _RUNG_OF.get(written.strip().translate(_WIDTH))


def form_of(rung: int) -> str:
    """The form of a rung, as written with its first number (3 → “1.”)."""
    return FORMS[rung - 1]


def _letters(n: int, first: str) -> str:
    """1 → A, 26 → Z, 27 → AA (as spreadsheet columns count)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord(first) + r) + out
    return out


def number(rung: int, n: int) -> str:
    """The n-th number (1-based) of a rung: (1, 11) → 十一、, (2, 3) → （三）, (6, 2) → B."""
    if rung == 1:
        return f"{cn_number(n)}、"
    if rung == 2:
        return f"（{cn_number(n)}）"
    if rung == 3:
        return f"{n}."
    if rung == 4:
        return f"（{n}）"
    if rung == 5:
        return circled(n)
    if rung == 6:
        return f"{_letters(n, 'A')}."
    if rung == 7:
        return f"{_letters(n, 'a')}."
    raise ValueError(f"no heading-number form at rung {rung}")
