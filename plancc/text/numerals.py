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


_LEGAL_SIMPLIFIED = str.maketrans("一二三四五六七八九十百千万", "壹贰叁肆伍陆柒捌玖拾佰仟万")
_LEGAL_TRADITIONAL = str.maketrans("一二三四五六七八九十百千万", "壹貳參肆伍陸柒捌玖拾佰仟萬")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def cn_counting(n: int) -> str:
    """Word's ``chineseCounting``: 一 … 十、十一 … 九十九 in words, from 100 on digit by
    digit (一〇〇, 一〇五); 0 → 〇."""
    if n == 0:
        return "〇"
    if 0 < n < 100:
        return cn_number(n)
    return cn_digits(n)


def cn_digits(n: int) -> str:
    """Digit by digit, as years and Word's ``ideographDigital`` write: 2024 → 二〇二四, 10 → 一〇."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(abs(n)))


def cn_legal(n: int, traditional: bool = False) -> str:
    """The financial numerals of ``chineseLegalSimplified`` (壹、贰、拾壹、壹佰) and of
    ``ideographLegalTraditional`` (貳、參); tens always with their digit: 壹拾、壹拾壹."""
    words = cn_number(n)
    if words.startswith("十"):
        words = "一" + words
    return words.translate(_LEGAL_TRADITIONAL if traditional else _LEGAL_SIMPLIFIED)


def heavenly_stem(n: int) -> str:
    """``ideographTraditional``: 甲乙丙 … 癸, then round again (11 → 甲)."""
    return _STEMS[(n - 1) % 10] if n > 0 else str(n)


def earthly_branch(n: int) -> str:
    """``ideographZodiac``: 子丑寅 … 亥, then round again."""
    return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)


def sexagenary(n: int) -> str:
    """``ideographZodiacTraditional``: 甲子、乙丑 … 癸亥 (60 names, then round again)."""
    return _STEMS[(n - 1) % 10] + _BRANCHES[(n - 1) % 12] if n > 0 else str(n)


def latin_letter(n: int, upper: bool = True) -> str:
    """Word's letter numbering: A … Z, then AA, BB … ZZ, AAA (the letter repeated)."""
    if n <= 0:
        return str(n)
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def roman(n: int, upper: bool = True) -> str:
    """I, II, IV, XIV … (0 and above 3999 as Arabic digits)."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        q, n = divmod(n, value)
        out.append(letters * q)
    text = "".join(out)
    return text if upper else text.lower()


def fullwidth_digits(n: int) -> str:
    """１２ (``decimalFullWidth``): the digits in their full-width forms."""
    return str(n).translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))


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
