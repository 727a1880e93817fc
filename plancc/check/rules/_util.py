"""Small helpers shared by rule modules."""

from __future__ import annotations

from plancc.model.base import fmt_number

EPS = 1e-6

# findings of one kind reported for one string at most: a pasted table repeating a slip a
# hundred thousand times gives the first hundred places, not a hundred thousand lines
PER_STRING = 100


def n(v) -> str:
    """A figure as the message shows it."""
    return fmt_number(v)


def differs(a: float, b: float) -> bool:
    return abs(a - b) > EPS


def join_parts(parts: list[tuple[str, float]], lang_sep: str = " + ") -> str:
    """“专业知识 60 + 公需知识 30”."""
    return lang_sep.join(f"{name} {n(v)}" for name, v in parts)


def walk_blocks(plan):
    """Every block of the outline with its data path, depth first in document order: the body's
    sections, then the attachments printed with the document (their content and sections)."""
    stack = []
    for a_i, a in reversed(list(enumerate(plan.document.attachments))):
        stack.extend((("document", "attachments", a_i, "sections", k), s) for k, s in reversed(list(enumerate(a.sections))))
        if a.content:
            stack.append((("document", "attachments", a_i), a))
    stack.extend((("sections", i), s) for i, s in reversed(list(enumerate(plan.sections))))
    while stack:
        path, section = stack.pop()
        for j, block in enumerate(section.content):
            yield path + ("content", j), block
        if len(path) == 3 and path[1] == "attachments":
            continue  # an attachment's own sections are on the stack already
        stack.extend((path + ("sections", k), s) for k, s in reversed(list(enumerate(section.sections))))


def duplicates(names: list[str]) -> list[tuple[int, int, str]]:
    """(first index, repeated index, name) for every name written twice."""
    seen: dict[str, int] = {}
    found = []
    for i, name in enumerate(names):
        if name in seen:
            found.append((seen[name], i, name))
        else:
            seen[name] = i
    return found


def match_range(m) -> tuple[int, int]:
    """The ``text_range`` of a Finding that points at a regular-expression match: (offset, length)."""
    return m.start(), m.end() - m.start()
