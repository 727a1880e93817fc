"""PL802: placeholders left from the template a plan was copied from (〔〕, 20__年, XX县, 待定 …)."""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import PER_STRING
from plancc.text.patterns import lazy

# brackets holding only blanks: 〔〕 for a 文号 year, （ ）, （　）, (__-__) for a figure to fill in
# (written as branches, not one class: re compiles a class holding a character past U+00FF into a
# map of 65,536 entries, and the hint below has the blanks six times)
_BLANK_INSIDE = r"(?:\s++|[_\-~]|＿|□|—|–|～|至)*+"
_PLACEHOLDERS = lazy(  # behind _PLACEHOLDER_HINT
    rf"[〔【（(\[［]{_BLANK_INSIDE}[〕】）)\]］]"
    r"|(?<!\d)(?:19|20)(?:_{1,2}|[xX×]{2})(?![\dA-Za-z])"  # 20__年, 20XX年
    r"|_{3,}|＿{2,}|□{2,}"  # blanks to write on
    r"|(?<![A-Za-z])(?:XX|xx|××|ＸＸ)(?![A-Za-z])"  # XX县, ××学校
    r"|(?<![A-Za-z×Ｘ])[×Ｘ](?=[县市区镇乡村校园])"  # ×县
    r"|＊{2,}"  # ＊＊县: full-width asterisks are never markup
    r"|某某|待定|待补充|待填写?|TODO|TBD"
)
# what every placeholder contains, without the look-arounds: finds the few strings worth the full pattern
# (a bracket only with blanks up to its closing one: most text has brackets, few have empty ones;
# x号 for the number of a 文号 not yet assigned)
# Every alternative begins with a literal character, not a class: then the engine skips along the
# text by first characters (a tenth of the time over a 5,000-row catalog's prose)
_PLACEHOLDER_HINT = re.compile("|".join(
    [rf"{re.escape(o)}{_BLANK_INSIDE}[〕】）)\]］]" for o in "〔【（([［"]  # a bracket with only blanks in it
    + ["_", "＿", "□", "×", "Ｘ"]
    + [rf"{re.escape(a)}[xX]" for a in "xX"]  # xx, XX, xX (× alone is above)
    + [rf"{a}\s*+号" for a in "xXｘ"]
    + ["ＸＸ", "某某", "待", "TODO", "TBD", r"\*\*", "＊＊"]
))
# **县, 共**人: asterisks standing for a name; ``**粗体**`` pairs (and ***粗斜体***) are markup, not this
_STARS = re.compile(r"\*{2,}")
_STAR_PAIR = re.compile(r"(?<!\*)(\*{2,3})([^*]++)\1(?!\*)")
# 〔2019〕x号: in a document number a letter before 号 stands for the number not yet assigned
_NUMBER_BLANK = lazy(r"(?<![A-Za-zxXＸｘ×])[xXＸｘ×]++(?=\s*+号)")


def _lone_stars(text: str):
    """Runs of two or more * outside emphasis pairs, next to Chinese text (not ASCII like a**b)."""
    pairs = [m.span() for m in _STAR_PAIR.finditer(text)]
    k = 0
    for m in _STARS.finditer(text):
        while k < len(pairs) and pairs[k][1] <= m.start():
            k += 1
        if k < len(pairs) and pairs[k][0] <= m.start() < pairs[k][1]:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if any(ch and not ch.isascii() and not ch.isspace() for ch in (before, after)):
            yield m


@rule(
    "PL802",
    "placeholder",
    family="prose",
    title="留有未填写的占位符",
    title_en="an unfilled placeholder",
    message="“{found}”看起来是未填写的占位符，印发前需要填上实际内容",
    message_en="'{found}' looks like an unfilled placeholder; fill it in before the document is issued",
    doc_en="""
    Plans are often copied from a template and filled in; leftovers such as `〔〕`, `20__年`, `XX县`, `××县`,
    `**县`, `______`, `（ ）`, `（　）`, `(__-__)`, `x号` in a document number or `待定` must not reach a signed
    document. Each one is reported at its own place (the first 100 in one string). `**粗体**` pairs are emphasis, not placeholders.
    Fix: write the actual text.
    """,
)
def placeholder(ctx):
    """
    方案常从模板复制后填写，`〔〕`、`20__年`、`XX县`、`××县`、`**县`、`______`、`（ ）`、`（　）`、`(__-__)`、文号里的 `x号`、`待定` 这样的遗留占位符不能出现在要签发的文件里，每一处分别报告。成对的 `**粗体**` 是加粗标记，不算占位符。

    怎么改：填上实际内容。
    """
    said: dict[str, dict] = {}  # the message's figures, shared by equal placeholders
    for path, text in ctx.prose_matching(_PLACEHOLDER_HINT):
        if path[:1] == ("include",) or path[-1:] == ("template",):
            continue
        found = [m.span() for m, _ in zip(_PLACEHOLDERS().finditer(text), range(PER_STRING))]
        extra = []
        if "**" in text:
            extra += [m.span() for m, _ in zip(_lone_stars(text), range(PER_STRING))]
        if path[-1:] == ("number",) and path[:1] == ("document",):
            extra += [m.span() for m, _ in zip(_NUMBER_BLANK().finditer(text), range(PER_STRING))]
        if extra:
            # one finding per place, in order; a place two patterns find is reported once
            found = sorted(set(found) | set(extra))
            kept, last_end = [], -1
            for start, end in found:
                if start >= last_end:
                    kept.append((start, end))
                    last_end = end
            found = kept
        for start, end in found[:PER_STRING]:
            word = text[start:end]
            params = said.get(word)
            if params is None:
                params = said[word] = {"found": word}
            yield Finding(path, params, text_range=(start, end - start))
