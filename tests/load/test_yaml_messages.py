"""Every message the YAML parsers can give reaches the user translated, with plancc's code.

A corpus of small inputs, one per parser message (both wordings: libyaml's and
PyYAML's pure-Python parser), is run through both parsers. Each must end in a
located diagnostic translated by a specific entry of plancc.load.yamlerrors
(not the generic fallback) and, in Chinese, free of the parser's English.
"""

from __future__ import annotations

import re

import pytest
import yaml

from plancc.load import yamlerrors
from plancc.load.compose import PARSERS, load_text

# name → text; every input is wrong for at least one of the two parsers
CORPUS = {
    "tab-indent": "a:\n\tb: 1\n",
    "tab-before-dash": "a: 1\nb:\t\t- x\n",
    "tab-in-flow": "a: [1,\n\t2]\n",
    "tab-in-block-scalar": "a: |\n  x\n\ty\n",
    "tab-in-plain": "a:\n  b\n\tc\n",
    "at-sign": "a: @x\n",
    "backtick": "a: `x`\n",
    "percent": "a:\n %x\n",
    "unclosed-single": "a: 'x\n",
    "unclosed-double": 'a: "x\n',
    "quote-document-start": "a: 'x\n---\ny'\n",
    "quote-document-end": "a: 'x\n...\ny'\n",
    "unknown-escape": 'a: "\\q"\n',
    "hex-escape": 'a: "\\x4g"\n',
    "u-escape": 'a: "\\u12"\n',
    "big-U-escape": 'a: "\\UD800D800"\n',
    "surrogate-escape": 'a: "\\ud800"\n',
    "mapping-values": "a: b: c\n",
    "colon-no-space-key": "a:1\nb: 2\n",
    "simple-key": "a: 1\nb\nc: 2\n",
    "simple-key-in-flow": "{a\n: 1}\n",
    "list-indent": "a:\n  - 1\n - 2\n",
    "mapping-indent": "a:\n  b: 1\n c: 2\n",
    "dash-after-value": "a: - 1\n",
    "dash-after-mapping": "a: 1\n- 2\n",
    "mapping-in-list": "- a\nb: 1\n",
    "question-mark": "a: ? b\n",
    "question-block": "? a\n? b\n: c\n: d\n",
    "flow-seq-unclosed": "a: [1, 2\n",
    "flow-map-unclosed": "a: {b: 1\n",
    "flow-node-missing": "a: [\n",
    "double-comma": "a: [1,,2]\n",
    "closing-bracket": "a: ]\n",
    "closing-brace-in-flow": "a: {b: ]}\n",
    "document-start-in-flow": "[a,\n---\n]\n",
    "plain-colon-in-flow": "a: [x:y:]\n",
    "control-character": "a: 1\nb: x\x07y\n",
    "nul": "a: x\x00y\n",
    "c1-control": "a: x\x9fy\n",
    "not-a-character": "a: x\ufffey\n",
    "anchor-without-name": "a: & x\n",
    "alias-without-name": "a: * x\n",
    "undefined-alias": "a: 1\nb: *nope\n",
    "yaml-directive-twice": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "yaml-directive-version-2": "%YAML 2.0\n---\na: 1\n",
    "yaml-directive-letters": "%YAML x.y\n---\na: 1\n",
    "yaml-directive-no-dot": "%YAML 1\n---\na: 1\n",
    "yaml-directive-trailing": "%YAML 1.1 x\n---\na: 1\n",
    "yaml-directive-long": "%YAML 1.1234567890123\n---\na: 1\n",
    "yaml-directive-without-document": "%YAML 1.1\na: 1\n",
    "directive-bad-name": "%Y@ML 1.1\n---\na: 1\n",
    "directive-empty": "% \n---\na: 1\n",
    "directive-unknown": "%FOO bar\n---\na: 1\n",
    "tag-directive-twice": "%TAG !a! tag:x,2000:\n%TAG !a! tag:y,2000:\n---\na: 1\n",
    "tag-directive-bad-handle": "%TAG a tag:x\n---\na: 1\n",
    "tag-directive-no-prefix": "%TAG !a!\n---\na: 1\n",
    "tag-directive-open-handle": "%TAG !a tag:x,2000:\n---\na: 1\n",
    "undefined-tag-handle": "a: !x!y 1\n",
    "verbatim-tag-unclosed": "a: !<tag:x 1\n",
    "verbatim-tag-empty": "a: !<> 1\n",
    "tag-without-space": "a: !x[1]\n",
    "tag-bad-escape": "a: !x%zz 1\n",
    "tag-bad-utf8-escape": "a: !x%ff 1\n",
    "tag-empty": "a: !! 1\n",
    "block-scalar-indent-zero": "a: |0\n  x\n",
    "block-scalar-bad-indicator": "a: |x\n  x\n",
    "block-scalar-text-after": "a: | x\n  y\n",
    "block-scalar-two-chomps": "a: |++\n  x\n",
    "content-after-document-end": "a: 1\n...\n]\n",
    "text-after-document-end": "--- a\n... x\n",
    "deep-flow": "a: " + "[" * 1200 + "]" * 1200 + "\n",
    "deep-block": "".join(" " * i + f"k{i}:\n" for i in range(1100)),
    "deep-block-list": "".join(" " * i + "-\n" for i in range(1100)),
}

BOTH = [name for name in PARSERS if PARSERS[name] is not None]

# ASCII words a Chinese message may contain: plancc's own terms, not the parser's
ZH_ALLOWED_WORDS = {"YAML", "Tab", "TAG", "NUL", "FIFO", "plancc", "toml", "limits", "max_depth", "UTF"}


def english_words(message: str, source: str = "") -> set[str]:
    """ASCII words of a message that are neither plancc's terms, code points nor the user's own text."""
    words = set(re.findall(r"[A-Za-z_]{3,}", re.sub(r"U\+[0-9A-F]{4,6}", "", message)))
    return {w for w in words if w not in ZH_ALLOWED_WORDS and not w.startswith("max_") and w not in source}


def provoke(parser: str, text: str) -> Exception | None:
    try:
        p = PARSERS[parser](text)
        while not isinstance(p.get_event(), (yaml.StreamEndEvent, type(None))):
            pass
    except Exception as exc:  # noqa: BLE001 - whatever the parser raises is what we translate
        return exc
    return None


@pytest.mark.parametrize("parser", BOTH)
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_parser_message_is_translated_by_a_specific_entry(name, parser):
    text = CORPUS[name]
    exc = provoke(parser, text)
    loaded = load_text(text, "plan.yaml", "zh", parser=parser)
    for d in loaded.diagnostics:  # whatever happened, no parser English reaches the user
        assert not english_words(d.message, text), d.message
    if exc is None:
        # this parser accepts the input; plancc may still refuse it (an undefined alias, "\ud800")
        return
    # the raw problem maps to an entry, not to the fallback
    context = getattr(exc, "context", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    assert yamlerrors.translate(context, problem, "zh").entry is not None or _char_entry(exc, text), (context, problem)
    [d] = loaded.diagnostics
    assert d.code in ("PL001", "PL006"), d
    assert d.span is not None and d.line >= 1 and d.column >= 1
    assert not english_words(d.message, text), d.message
    en = load_text(text, "plan.yaml", "en", parser=parser).diagnostics[0]
    assert en.code == d.code and (en.line, en.column) == (d.line, d.column)
    assert not re.search(r"[\u4e00-\u9fff]", en.message), en.message


def _char_entry(exc, text):
    """Entries that need the character at the position (libyaml does not quote it)."""
    mark = getattr(exc, "problem_mark", None)
    char = text[mark.index] if mark is not None and mark.index < len(text) else ""
    return yamlerrors.translate(exc.context, exc.problem, "zh", char).entry is not None


@pytest.mark.parametrize("parser", BOTH)
def test_the_corpus_reaches_every_wording_of_both_parsers(parser):
    """Each input is wrong for at least one parser; together they provoke many distinct messages."""
    found = set()
    for text in CORPUS.values():
        exc = provoke(parser, text)
        if exc is not None:
            found.add((getattr(exc, "context", None), getattr(exc, "problem", None) or getattr(exc, "reason", None)))
    assert len(found) >= 35, len(found)


def test_a_message_no_entry_knows_gets_a_generic_one_saying_what_and_where():
    t = yamlerrors.translate("while scanning a block scalar", "found a brand new problem", "zh")
    assert t.entry is None and t.code == "PL001"
    assert "块文字" in t.text and "brand" not in t.text
    en = yamlerrors.translate("while scanning a block scalar", "found a brand new problem", "en")
    assert "block text" in en.text and "brand" not in en.text
    assert "文件结构" in yamlerrors.translate(None, "something else", "zh").text


def test_flow_nesting_that_libyaml_stops_is_the_depth_limit():
    for parser in BOTH:
        d = load_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "plan.yaml", parser=parser).diagnostics[0]
        assert d.code == "PL006" and "嵌套层数超过 64 层" in d.message and "limits.max_depth" in d.message
        assert d.line == 1 and d.column > 1


def test_tab_is_named_with_both_parsers():
    for parser in BOTH:
        d = load_text("a:\n\tb: 1\n", "plan.yaml", parser=parser).diagnostics[0]
        assert (d.code, d.line, d.column) == ("PL001", 2, 1) and "制表符" in d.message


def test_exceptions_the_parser_should_not_raise_are_located_too():
    # "\U" beyond the Unicode range: the pure-Python scanner raises OverflowError
    d = load_text('a: "\\UD800D800"\n', "plan.yaml", parser="python").diagnostics[0]
    assert d.code == "PL001" and d.line == 1 and "\\U" in d.message
    # a lone surrogate in already-decoded text: libyaml's encoder raises UnicodeEncodeError
    d = load_text("a: x\ud800y\n", "plan.yaml", parser="c").diagnostics[0]
    assert d.code == "PL001" and (d.line, d.column) == (1, 5) and "U+D800" in d.message
