"""Inline emphasis in plan prose: ``**加粗**`` becomes a bold run.

markdown-it-py (already installed with rich) parses emphasis the way
CommonMark does, including escapes (``\\*\\*``) and unmatched markers, which a
hand-written regex gets wrong. Only emphasis is enabled: links, HTML and
the rest of Markdown are plain text in a 公文. The one common case, plain
``**粗体**`` pairs, is split without the parser (and its 20 ms start-up), under
a test that the two agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from plancc.layout.ir import Run


@lru_cache(maxsize=1)
def _parser():
    # imported here: most plans have no emphasis and skip the parser's start-up
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "escape"])


_PAIR = re.compile(r"(?<!\*)\*\*([^*]+)\*\*(?!\*)")


def _plain_edge(ch: str) -> bool:
    """Neither whitespace nor punctuation in CommonMark's sense (Unicode P* and S*)."""
    return not (ch.isspace() or unicodedata.category(ch).startswith(("P", "S")))


def _simple_bold(text: str, role: str) -> list[Run] | None:
    """``**粗体**`` pairs whose inner text starts and ends with a letter or digit:
    CommonMark makes every such pair strong emphasis whatever surrounds it, so
    the common case needs no parser (and no parser start-up). None when the
    text needs markdown-it: escapes, lone asterisks, breaks, other edges.
    (tests/layout/test_inline.py checks the two agree.)"""
    if "\\" in text or "\n" in text or "\r" in text or "\x00" in text:
        return None
    runs: list[Run] = []
    pos = 0
    for m in _PAIR.finditer(text):
        inner = m.group(1)
        if not (_plain_edge(inner[0]) and _plain_edge(inner[-1])):
            return None
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()], role=role))
        runs.append(Run(inner, bold=True, role=role))
        pos = m.end()
    if "*" in text[pos:] or any("*" in r.text for r in runs):
        return None
    if pos < len(text):
        runs.append(Run(text[pos:], role=role))
    return runs or None


def parse_inline(text: str, role: str = "self") -> list[Run]:
    """Split text into runs; ``**x**`` (and ``*x*``) are bold.

    Underscores are literal (``__init__``, ``20__`` placeholders), so only
    asterisks mark emphasis.
    """
    if "*" not in text:
        return [Run(text, role=role)]
    simple = _simple_bold(text, role)
    if simple is not None:
        return simple
    return _markdown_runs(text, role)


def _markdown_runs(text: str, role: str) -> list[Run]:
    """The runs markdown-it finds (emphasis and escapes only)."""
    tokens = _parser().parseInline(text.replace("_", "\\_"))
    runs: list[Run] = []
    depth = 0
    for tok in tokens[0].children or []:
        if tok.type in ("strong_open", "em_open"):
            depth += 1
        elif tok.type in ("strong_close", "em_close"):
            depth -= 1
        elif tok.type in ("text", "text_special"):
            bold = depth > 0
            if runs and runs[-1].bold == bold:
                runs[-1].text += tok.content
            else:
                runs.append(Run(tok.content, bold=bold, role=role))
        elif tok.type in ("softbreak", "hardbreak"):
            if runs:
                runs[-1].text += " "
    return runs or [Run(text, role=role)]
