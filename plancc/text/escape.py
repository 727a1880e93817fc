"""Text from a plan made safe to print: control characters shown, never obeyed.

A YAML key or value may hold terminal escape sequences (ESC [ … m, C1 controls),
a bell, a backspace, a carriage return that rewinds the line, a newline that
splits one diagnostic into two, or bidirectional overrides that reorder what
the reader sees. Every text output passes plan text through :func:`printable`,
which writes each such character as a visible escape (``\\x1b``, ``\\n``,
``\\u202e``); everything else is left as it is.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline included: a diagnostic is one line), DEL, C1 controls,
# the Arabic letter mark, LRM/RLM, line and paragraph separators, bidi embeddings,
# overrides and isolates
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(m: re.Match) -> str:
    ch = m.group(0)
    named = _NAMED.get(ch)
    if named:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, separator and bidi character written as an escape."""
    if not isinstance(text, str):
        text = str(text)
    return _UNPRINTABLE.sub(_shown, text)


# what JSON leaves raw that a terminal would still obey (json.dumps escapes C0 itself)
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(dumped: str) -> str:
    """A json.dumps(ensure_ascii=False) result with C1 and bidi characters as \\u escapes:
    the same JSON value, but safe to print in a terminal."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)
