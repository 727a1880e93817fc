"""Breaking a long title into lines of sensible lengths (GB/T 9704 7.3.1: 梯形或菱形).

A title wider than the type area is split where a reader would pause: not
inside a number, a Latin word or a word like 学年度, not before closing
punctuation or after an opening bracket, preferring a break before a
phrase such as 实施方案, with the upper line at least as long as the lower.
Widths are those of plancc.layout.width, with the fitting advance: a line
must not come out wider than the type area.
"""

from __future__ import annotations

import math

from plancc.layout.width import fit_width as _width

_NO_LINE_START = set("，。、；：？！）》」』”’%")
_NO_LINE_END = set("（《「『“‘")
_GOOD_BEFORE = ("实施方案", "全员培训", "工作方案", "继续教育", "教师", "远程", "培训")
_WORDS = ("学年度", "年度", "中小学", "幼儿园", "继续教育", "全员培训", "实施方案")


def _inside_word(text: str, k: int) -> bool:
    for w in _WORDS:
        start = text.find(w, max(0, k - len(w) + 1))
        while start != -1 and start < k:
            if start < k < start + len(w):
                return True
            start = text.find(w, start + 1)
    return False


def break_title(text: str, max_chars: float = 20) -> list[str]:
    text = text.strip()
    if _width(text) <= max_chars:
        return [text]
    best, best_score = None, math.inf
    for k in range(1, len(text)):
        a, b = text[k - 1], text[k]
        if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) or b in _NO_LINE_START or a in _NO_LINE_END:
            continue
        wa, wb = _width(text[:k].rstrip()), _width(text[k:].lstrip())
        if wa > max_chars:
            break
        score = abs(wa - wb)
        if wa < wb - 0.5:  # upper line shorter than the lower: an inverted trapezoid
            score += 4
        if _inside_word(text, k):
            score += 6
        if text[k:].lstrip().startswith(_GOOD_BEFORE):
            score -= 3
        if score < best_score:
            best, best_score = k, score
    if best is None:
        best = int(max_chars)
    head, tail = text[:best].rstrip(), text[best:].lstrip()
    return [head] + break_title(tail, max_chars)
