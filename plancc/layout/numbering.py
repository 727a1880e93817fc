"""Heading numbers from the plan's numbering, not from nesting depth alone.

A section's number has a form (a rung of :mod:`plancc.text.ladder`:
一、（一）1.（1）① A. a.) and a count:

- the form is the section's own (``numbering:`` in the plan, ``numbering=``
  in the outline), else that of the numbered sibling before it, else the rung
  after its parent's form (a section at the top begins at 一、). So “1.”
  written directly under “一、” makes its children “（1）”, as a real plan
  that skips （一） numbers them; sections that data blocks generate (phases,
  posts, modes) and lists follow the same ladder from where they sit.
- siblings share one count; ``number_from`` (``number-from=``) sets it for a
  section, and the siblings after it count on (a “（二）” a plan places after
  the next top-level heading).

The heading's style follows its form, not its depth: GB/T 9704 sets 一、 in
黑体, （一） in 楷体, 1. and （1） in 仿宋, so “1.” under “一、” is a level-3
heading. ① and deeper are items, not headings. Numbers are literal text, never
Word auto-numbering: they survive copy-paste, WPS and PDF conversion.
"""

from __future__ import annotations

from plancc.text.ladder import GBT_RUNGS, MAX_RUNG, number

#: the deepest heading style (Heading4 for （1））
MAX_HEADING_DEPTH = GBT_RUNGS

__all__ = ["MAX_HEADING_DEPTH", "MAX_RUNG", "heading_number", "heading_kind"]


def heading_number(rung: int, n: int) -> str:
    """The number of the n-th heading at `rung` (1 一、 … 7 a.)."""
    return number(rung, n)


def heading_kind(rung: int) -> str:
    """The paragraph kind of a heading at `rung`: heading1 … heading4, then item."""
    return f"heading{rung}" if rung <= MAX_HEADING_DEPTH else "item"
