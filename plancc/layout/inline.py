"""Inline emphasis in plan prose: ``**加粗**`` becomes a bold run.

markdown-it-py (already installed with rich) parses emphasis the way
CommonMark does, including escapes (``\\*\\*``) and unmatched markers, which a
hand-written regex gets wrong. Only emphasis is enabled: links, HTML and
the rest of Markdown are plain text in a 公文.
"""

from __future__ import annotations

from functools import lru_cache

from plancc.layout.ir import Run


@lru_cache(maxsize=1)
def _parser():
    # imported here: most plans have no emphasis and skip the parser's start-up
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "escape"])


def parse_inline(text: str, role: str = "self") -> list[Run]:
    """Split text into runs; ``**x**`` (and ``*x*``) are bold.

    Underscores are literal (``__init__``, ``20__`` placeholders), so only
    asterisks mark emphasis.
    """
    if "*" not in text:
        return [Run(text, role=role)]
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
