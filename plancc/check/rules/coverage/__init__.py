"""Coverage and references: every cell filled, every name resolves, nothing twice, nothing unused.

One module per thing covered: the plan's data fills what the document shows
(filled: PL501, PL505), names written in the data resolve and are written
once (names: PL502, PL504, PL506, PL508), the ids blocks refer to exist and
every definition is shown (ids: PL503, PL510), and the references written in
the text resolve (mentions: PL507, PL509), and groups are led, list nobody
twice and are not empty (people: PL512, PL513, PL514). Importing this package registers
them all.
"""

from plancc.check.rules.coverage import filled, ids, mentions, names, people  # noqa: F401
