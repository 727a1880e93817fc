"""避头尾: the punctuation a Chinese line may not start or end with — the one table of it.

Every line breaker of plancc takes its classes from here: title lines
(plancc.layout.titles), table cell words (plancc.layout.columns), the help pages
of the command line (plancc.cli.usage) and the cells of plancc show's tables
(plancc.report.export, which adds the half-width marks a terminal cell may hold).
"""

from __future__ import annotations

#: no line starts with these (closing marks, pauses, stops): a break goes before the character they follow
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〗〉”’…·%")
#: no line ends with these (opening marks): a break goes after the character they precede
NO_LINE_END = frozenset("（《「『【〔〖〈“‘")
