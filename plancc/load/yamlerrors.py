"""The YAML parsers' English messages, in words a plan author can act on (zh and en).

plancc reads plans with libyaml (``yaml.CSafeLoader``) when PyYAML was built
with it and with PyYAML's pure-Python parser otherwise. The two word the same
problem differently ("mapping values are not allowed here" / "... in this
context"), so each entry below matches every wording of one problem: the
parser's *context* ("while scanning a block scalar") and *problem* ("found an
indentation indicator equal to 0"), and for some entries the character at the
error position.

Nothing the parser says is passed through: a message no entry knows (a new
PyYAML or libyaml release) gets a generic one that still says what kind of
construct was being read (from the context) and where. ``tests/load/test_yaml_messages.py``
provokes every message of both parsers and fails when one reaches that
fallback. :func:`diagnostic` turns anything the parser raised into a located
diagnostic with those words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml

from plancc.catalog import message
from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.load.limits import Limits, limit_diagnostic


@dataclass(frozen=True)
class Entry:
    key: str  # the message is "yaml.<key>" in plancc.catalog (none for PL006: the loader names the limit)
    problem: str  # regular expression searched in the parser's problem text
    context: str | None = None  # regular expression the context must match (None: any)
    chars: str | None = None  # the entry applies only when the character at the position is one of these
    code: str = "PL001"


@dataclass(frozen=True)
class Translation:
    code: str
    text: str
    entry: str | None  # the key of the entry used; None when the generic fallback spoke


# Each entry: its key (the message is "yaml.<key>" in plancc.catalog), the regular
# expression searched in the parser's problem, and optionally its context, the
# characters it applies to, and the code it reports under.
ENTRIES: list[Entry] = [
    Entry('nesting', 'exceeded maximum nesting depth', code='PL006'),
    Entry('tab', 'cannot start any token', chars='\t'),
    Entry('tab-2', 'found a tab character'),
    Entry('start-char', 'cannot start any token'),
    Entry('simple-key', "could not find expected ':'"),
    Entry('mapping-values', 'mapping values are not allowed'),
    Entry('sequence-entries', 'sequence entries are not allowed'),
    Entry('mapping-keys', 'mapping keys are not allowed'),
    Entry('plain-colon', "found unexpected ':'", context='plain scalar'),
    Entry('plain-colon-2', "found unexpected ':'"),
    Entry('quote-eof', 'found unexpected end of stream', context='quoted scalar'),
    Entry('quote-document', 'found unexpected document (separator|indicator)', context='quoted scalar'),
    Entry('escape-unknown', 'found unknown escape character'),
    Entry('escape-hex', 'hexa?decimal number|escape sequence of \\d+ hexadecimal'),
    Entry('escape-code', 'invalid Unicode character escape code|int too large'),
    Entry('directive-duplicate', 'duplicate (%|)YAML directive'),
    Entry('directive-version', 'incompatible YAML document'),
    Entry('directive-version-2', 'version number|digit', context='directive'),
    Entry('tag-duplicate', 'duplicate tag handle|duplicate %TAG directive'),
    Entry('directive-tag', "'!'|whitespace|expected ' '", context='TAG directive|tag directive|directive'),
    Entry('directive-name', 'alphabetic or numeric|directive name|non-alphabetical|unknown directive', context='directive'),
    Entry('directive-end', 'comment or (a )?line break', context='directive'),
    Entry('anchor-name', 'alphabetic or numeric', context='anchor'),
    Entry('alias-name', 'alphabetic or numeric', context='alias'),
    Entry('alias-undefined', 'undefined alias'),
    Entry('anchor-duplicate', 'duplicate anchor'),
    Entry('tag-handle', 'undefined tag handle'),
    Entry('tag-escape', "URI escape|escaped octet|UTF-8 octet|codec can't decode", context='tag'),
    Entry('tag-uri', 'URI', context='tag'),
    Entry('tag-verbatim', "'>'", context='tag'),
    Entry('tag-space', "whitespace|expected ' '", context='tag'),
    Entry('tag-handle-end', "'!'", context='tag'),
    Entry('tag-nonspecific', 'non-specific tag'),
    Entry('block-indent-zero', 'indentation indicator'),
    Entry('block-indicator', 'chomping or indentation indicators|comment or (a )?line break', context='block scalar'),
    Entry('list-indent', "'-' indicator|<block end>", context='block collection'),
    Entry('indent', '<block end>|expected key'),
    Entry('flow-sequence', "expected ',' or '\\]'"),
    Entry('flow-mapping', "expected ',' or '\\}'"),
    Entry('node-content', 'node content'),
    Entry('document-start', '<document start>'),
    Entry('control-character', '(special|control) characters are not allowed'),
    Entry('encoding', 'UTF-8|UTF-16|surrogate'),
    Entry('documents', 'single document|another document', code='PL005'),
    Entry('duplicate-key', 'duplicate key', code='PL002'),
    Entry('constructor', 'constructor|could not determine|cannot construct'),
]

# What was being read, for the generic message (the parser's context) → catalog key yaml.context.<name>
_CONTEXTS: list[tuple[str, str]] = [
    ('flow level|block level', 'flow-level'),
    ('simple key', 'simple-key'),
    ('quoted scalar', 'quoted-scalar'),
    ('plain scalar', 'plain-scalar'),
    ('block scalar', 'block-scalar'),
    ('directive', 'directive'),
    ('anchor', 'anchor'),
    ('alias', 'alias'),
    ('tag', 'tag'),
    ('flow sequence', 'flow-sequence'),
    ('flow mapping', 'flow-mapping'),
    ('flow node', 'flow-node'),
    ('block collection|block sequence', 'block-collection'),
    ('block mapping', 'block-mapping'),
    ('block node|node', 'block-node'),
    ('next token', 'next-token'),
    ('composing|constructing', 'composing'),
]

@functools.lru_cache(maxsize=1)
def _compiled() -> list:
    """The entries' patterns, compiled on the first parser error (not at every start-up)."""
    return [(e, re.compile(e.problem), re.compile(e.context) if e.context else None) for e in ENTRIES]


def show_char(char: str, lang: str) -> str:
    """The offending character, quoted, or its code point when it would not print."""
    if not char:
        return ""
    if char.isprintable() and not char.isspace():
        return f"“{char}”" if lang != "en" else f"'{char}'"
    return f"U+{ord(char):04X}"


def translate(context: str | None, problem: str | None, lang: str, char: str = "") -> Translation:
    """A message for the user from the parser's context and problem (never the parser's words)."""
    context = context or ""
    problem = problem or ""
    for entry, prob_re, ctx_re in _compiled():
        if not prob_re.search(problem):
            continue
        if ctx_re is not None and not ctx_re.search(context):
            continue
        if entry.chars is not None and (not char or char not in entry.chars):
            continue
        if entry.code == "PL006":
            return Translation(entry.code, "", entry.key)
        text = message(f"yaml.{entry.key}", lang, char=show_char(char, lang), codepoint=f"U+{ord(char):04X}" if char else "")
        return Translation(entry.code, text, entry.key)
    return Translation("PL001", generic(context, lang), None)


def generic(context: str, lang: str) -> str:
    name = next((name for pattern, name in _CONTEXTS if re.search(pattern, context)), "file")
    return message("yaml.generic", lang, kind=message(f"yaml.context.{name}", lang))


def _point(text: str, index: int) -> Span:
    before = text[:index]
    return Span.point(before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)


def diagnostic(exc: Exception, text: str, file: str, lang: str, limits: Limits, span_of, reader=None) -> Diagnostic:
    """A located diagnostic for anything the parser raised, in the user's words (never the parser's).

    ``span_of(mark, mark)`` is the composer's span of a parser mark (lines counted as editors count them).
    """
    span = None
    char = ""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            at = span_of(mark, mark)
            span = Span.point(at.line, at.column)
            char = text[mark.index] if 0 <= mark.index < len(text) else ""
        context, problem = exc.context, exc.problem
    elif isinstance(exc, yaml.reader.ReaderError) or hasattr(exc, "position") and hasattr(exc, "reason"):
        # control characters; libyaml gives a byte offset in UTF-8, PyYAML a character index
        position = exc.position if isinstance(exc.position, int) else 0
        if isinstance(exc.character, int):
            char = chr(exc.character)
            index = _index_of(text, char, position)
        else:
            index = min(position, len(text))
        span = _point(text, index)
        context, problem = None, exc.reason
    elif isinstance(exc, UnicodeEncodeError):  # libyaml: a text with half a character
        char = exc.object[exc.start] if exc.start < len(exc.object) else ""
        span = _point(text, _index_of(text, char, exc.start))
        context, problem = None, "control characters are not allowed"
    else:  # the pure-Python scanner overflowing on a "\U" escape
        mark = reader.get_mark() if reader is not None and hasattr(reader, "get_mark") else None
        if mark is not None:
            at = span_of(mark, mark)
            span = Span.point(at.line, at.column)
        context, problem = "while scanning a double-quoted scalar", str(exc)
    t = translate(context, problem, lang, char)
    if t.entry == "nesting":
        return limit_diagnostic("max_depth", lang, file, span, limits.max_depth)
    return Diagnostic(t.code, Severity.ERROR, message("PL001", lang, problem=t.text) if t.code == "PL001" else t.text, file, span)


def _index_of(text: str, char: str, near: int) -> int:
    """The index of `char` at or before `near` (a byte offset is never smaller than the index)."""
    if 0 <= near < len(text) and text[near] == char:
        return near
    found = text.rfind(char, 0, near + 1) if char else -1
    if found < 0:
        found = text.find(char) if char else -1
    return found if found >= 0 else min(near, len(text))
