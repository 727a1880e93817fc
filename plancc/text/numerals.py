"""Chinese numerals as official documents write them: 七, 十一, 二十, 一百三十.

Both directions are needed: templates write counts in words, and the
prose rules read counts such as “八个模块” back to compare them with data.
"""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(n: int) -> str:
    """0 → 零, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 130 → 一百三十."""
    if n < 0:
        return "负" + cn_number(-n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n >= 100_000_000:
        return str(n)
    out = ""
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    rest = n
    zero_pending = False
    started = False
    for value, name in units:
        q, rest = divmod(rest, value)
        if value == 10000:
            if q:
                out += cn_number(q) + name
                started = True
            continue
        if q:
            if zero_pending:
                out += "零"
                zero_pending = False
            out += _DIGITS[q] + name
            started = True
        elif started:
            zero_pending = True
    if rest:
        if zero_pending or (started and out and not out.endswith("十")):
            out += "零" if not out.endswith("十") else ""
        out += _DIGITS[rest]
    return out


def section_number(n: int) -> str:
    """Level-1 heading number: 一、二、… (text only, punctuation added by the caller)."""
    return cn_number(n)


def circled(n: int) -> str:
    """①…⑳, then (21) in parentheses: Unicode has no further circled digits in common fonts."""
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"


_CN_VALUES = {c: i for i, c in enumerate(_DIGITS)}
_CN_VALUES.update({"两": 2, "〇": 0})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMBER_RE = re.compile(r"[零〇一二两三四五六七八九十百千万]+|\d+")


def parse_cn_number(text: str) -> int | None:
    """“八” → 8, “十一” → 11, “二十” → 20, “一百三十” → 130, “72” → 72; None if not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, section, number = 0, 0, 0
    for ch in text:
        if ch in _CN_VALUES:
            number = _CN_VALUES[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit == 10000:
                section = (section + number) * unit
                total += section
                section = 0
            else:
                section += (number or 1) * unit
            number = 0
        else:
            return None
    return total + section + number
