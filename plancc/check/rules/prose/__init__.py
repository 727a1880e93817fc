"""Prose vs data: counts written in words agree with the lists; nothing is left unfilled.

These rules read the plan's strings (sections, tasks, goals, table cells…).
Counts a template generates (“八个模块共100学时”) are always right; these
catch the ones a person typed. One module per kind of check: counts against
the data (PL801), unfilled placeholders (PL802), the document header's
number and basis titles (PL803, PL805), half-width punctuation (PL804),
cited documents against the registry of documents (PL806-PL809), repeated text (PL810),
typed figures against the data (PL811, PL812), heading numbering that skips a level (PL813).
Importing this package registers them all.
"""

from plancc.check.rules.prose import citations, counts, document, figures, numbering, placeholders, punctuation, repeats  # noqa: F401
