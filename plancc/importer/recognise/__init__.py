"""Recognise: a plan of prose (what structure.py makes) → the same plan with its data.

``recognise(plan, doc=None, places=None) -> (plan, guesses)``

* ``plan`` — the plan language as Python data (what ``yaml.safe_load`` of a plan gives),
  of prose: ``document``, nested ``sections`` (``title``, ``run_in``, ``numbered``,
  ``numbering``), ``content`` of paragraphs (strings), ``{items: […]}`` and
  ``{table: {columns, rows, merge, caption}}``. It is rewritten in place and returned.
* ``doc`` — the source (:class:`plancc.importer.source.SourceDoc`), when there is one;
  recognisers do not need it.
* ``places`` — where each part of the prose plan came from: a mapping from a data path of
  the prose plan, a tuple of keys and indexes such as ``("sections", 4, "content", 0)``
  (a paragraph) or ``("sections", 6, "sections", 0)`` (a section) or
  ``("sections", 2, "content", 1, "table", "rows", 3)`` (a table row), to the
  :class:`~plancc.importer.source.Place` it was read from. The structure stage passes it;
  a guess takes the place of the nearest path it knows (a paragraph's section's, else none).

What the language holds becomes data, each kind in its own module, and the prose keeps
``{=…}`` references to it or gives way to a data block whose sentences print the same
words (a pattern in the block's ``wording:`` where the source words it otherwise than
the default). Every recognition that is not certain is a :class:`Guess` with the data
path it landed at (catalog keys ``import.guess.*``). Anything not recognised for sure
stays verbatim prose: a recogniser that is unsure leaves the text alone.

Figures worded otherwise than any block words them are cited where they stand: the sentence
keeps its words and its numbers become ``{=…}`` references to the data (hours.py's
``recognise_hours_cited``, scores.py, audience.py). A table no block prints as typed (its own
headers, a 序号 column, a 合计 row) stays a table whose numbers are cited the same way: a scored
table's points are an assessment's items and total (assessments.py), a course table's hours a
figure whose parts are its rows (catalog.py). So the rules check the sums either way.
"""

from __future__ import annotations

from typing import Optional

from plancc.importer.recognise.assessments import recognise_assessments
from plancc.importer.recognise.audience import recognise_audience
from plancc.importer.recognise.catalog import recognise_catalog
from plancc.importer.recognise.common import Ctx
from plancc.importer.recognise.goals import recognise_goals
from plancc.importer.recognise.groups import recognise_groups
from plancc.importer.recognise.hours import recognise_hours, recognise_hours_cited
from plancc.importer.recognise.kind import recognise_kind
from plancc.importer.recognise.modes import recognise_modes
from plancc.importer.recognise.modules import recognise_modules
from plancc.importer.recognise.period import recognise_period
from plancc.importer.recognise.phases import recognise_phases
from plancc.importer.recognise.posts import recognise_posts
from plancc.importer.recognise.themes import recognise_themes
from plancc.importer.recognise.tiers import recognise_tiers
from plancc.importer.source import Guess, Place, SourceDoc

#: in this order: hours before tiers (a tiers sentence's ending may cite the hours), tiers before themes
RECOGNISERS = (
    recognise_kind,
    recognise_period,
    recognise_hours,
    recognise_tiers,
    recognise_themes,
    recognise_goals,
    recognise_posts,
    recognise_modules,
    recognise_hours_cited,
    recognise_audience,
    recognise_phases,
    recognise_assessments,
    recognise_catalog,
    recognise_groups,
    recognise_modes,
)


def recognise(plan: dict, doc: Optional[SourceDoc] = None, places: Optional[dict[tuple, Place]] = None) -> tuple[dict, list[Guess]]:
    """The plan with the data recognised in its prose, and the guesses made."""
    ctx = Ctx(plan=plan, places=dict(places or {}))
    for step in RECOGNISERS:
        step(ctx)
    return plan, ctx.guesses


__all__ = ["recognise", "RECOGNISERS"]
