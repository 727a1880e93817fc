"""The effective look of each body paragraph, and the numbers Word's automatic numbering gives it.

For documents not made by plancc: a clerk sets headings and body text by direct formatting
on top of a style, so the look of a paragraph is its style chain, then its own pPr, then
its runs (the face and size most of its characters carry). Automatic numbering
(numbering.xml: abstractNum levels with numFmt and lvlText, nums with startOverride,
numPr on the paragraph or inherited from its style) is counted here as Word counts it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from plancc.emit.readback.facts import ParaFacts, StyleFacts
from plancc.emit.readback.parts import NS, _int, _on, _q, _val
from plancc.text.numerals import circled, cn_number

#: numbering levels and lists read at most (Word itself has 9 levels)
MAX_LEVELS = 9
MAX_NUMS = 10_000


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


def _format(n: int, fmt: str) -> str:
    """One number in a w:numFmt (the formats Chinese documents use; others as decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital"):
        return cn_number(n) if n > 0 else "〇"
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return circled(n) if 0 < n <= 20 else str(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] if n > 0 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        s, k = "", n
        while k > 0:
            k, r = divmod(k - 1, 26)
            s = chr(65 + r) + s
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
        s, k = "", min(max(n, 0), 3999)
        for v, r in vals:
            while k >= v:
                s, k = s + r, k - v
        return s if fmt == "upperRoman" else s.lower()
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """numbering.xml read once; :meth:`number` gives each numbered paragraph its text, in order."""

    def __init__(self, root: etree._Element | None):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.restarted: set[str] = set()
        if root is None:
            return
        for an in root.findall(_q("abstractNum"))[:MAX_NUMS]:
            levels: dict[int, _Level] = {}
            for lvl in an.findall(_q("lvl"))[: MAX_LEVELS * 2]:
                i = _int(lvl.get(_q("ilvl")))
                if i is None or not 0 <= i < MAX_LEVELS:
                    continue
                start = _int(_val(lvl.find(_q("start"))))
                levels[i] = _Level(start=1 if start is None else start,
                                   fmt=_val(lvl.find(_q("numFmt"))) or "decimal",
                                   text=_val(lvl.find(_q("lvlText"))) or "")
            self.abstract[an.get(_q("abstractNumId")) or ""] = levels
        for num in root.findall(_q("num"))[:MAX_NUMS]:
            overrides: dict[int, int] = {}
            for ov in num.findall(_q("lvlOverride"))[:MAX_LEVELS]:
                i = _int(ov.get(_q("ilvl")))
                so = _int(_val(ov.find(_q("startOverride"))))
                if i is not None and so is not None and 0 <= i < MAX_LEVELS:
                    overrides[i] = so
            self.nums[num.get(_q("numId")) or ""] = (_val(num.find(_q("abstractNumId"))) or "", overrides)

    def number(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """(the number's text, the level's numFmt) for the next paragraph of list ``num_id`` at ``ilvl``."""
        if num_id in ("", "0") or num_id not in self.nums or not 0 <= ilvl < MAX_LEVELS:
            return "", ""
        aid, overrides = self.nums[num_id]
        levels = self.abstract.get(aid, {})
        lvl = levels.get(ilvl)
        if lvl is None:
            return "", ""
        counters = self.counters.setdefault(aid, [None] * MAX_LEVELS)
        if overrides and num_id not in self.restarted:  # a num with startOverride restarts the list
            self.restarted.add(num_id)
            for i in range(MAX_LEVELS):
                counters[i] = None
            for i, start in overrides.items():
                counters[i] = start - 1
        cur = counters[ilvl]
        counters[ilvl] = (lvl.start if cur is None else cur + 1)
        for i in range(ilvl + 1, MAX_LEVELS):
            counters[i] = None
        text = lvl.text
        for i in range(MAX_LEVELS):
            token = f"%{i + 1}"
            if token in text:
                li = levels.get(i, _Level())
                value = counters[i] if counters[i] is not None else li.start
                text = text.replace(token, _format(value, li.fmt))
        return text, lvl.fmt


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    np_ = ppr.find(_q("numPr"))
    if np_ is None:
        return None, None
    return _val(np_.find(_q("numId"))), _int(_val(np_.find(_q("ilvl"))))


def style_num_pr(styles: dict[str, etree._Element], sid: str) -> tuple[str | None, int]:
    """The numPr a paragraph style carries, itself or through w:basedOn."""
    seen = set()
    cur = styles.get(sid)
    while cur is not None and sid not in seen:
        seen.add(sid)
        num_id, ilvl = _num_pr(cur.find(_q("pPr")))
        if num_id is not None:
            return num_id, ilvl or 0
        sid = _val(cur.find(_q("basedOn"))) or ""
        cur = styles.get(sid)
    return None, 0


def style_outline(styles: dict[str, etree._Element], sid: str) -> int | None:
    seen = set()
    cur = styles.get(sid)
    while cur is not None and sid not in seen:
        seen.add(sid)
        v = _int(_val(cur.find("w:pPr/w:outlineLvl", NS)))
        if v is not None:
            return v if v < 9 else None  # 9: body text
        sid = _val(cur.find(_q("basedOn"))) or ""
        cur = styles.get(sid)
    return None


def para_facts(p: etree._Element, index: int, page: int | None, style: StyleFacts | None, style_name: str,
               styles: dict[str, etree._Element], numbering: Numbering, char_styles: dict[str, etree._Element]) -> ParaFacts:
    """The effective look of one body paragraph."""
    ppr = p.find(_q("pPr"))
    sid = _val(ppr.find(_q("pStyle"))) if ppr is not None else None
    f = ParaFacts(index=index, text="", style=style_name, page=page)
    if style is not None:
        f.align, f.first_line, f.indent_left, f.indent_right = style.align, style.first_line, style.indent_left, style.indent_right
        f.outline_level = style_outline(styles, style.style_id)
        base = (style.east_asia, style.ascii, style.size, style.bold)
    else:
        base = (None, None, None, False)
    if ppr is not None:
        jc = _val(ppr.find(_q("jc")))
        if jc:
            f.align = jc
        ind = ppr.find(_q("ind"))
        if ind is not None:
            for attr, slot in (("left", "indent_left"), ("start", "indent_left"), ("right", "indent_right"), ("end", "indent_right")):
                v = _int(ind.get(_q(attr)))
                if v is not None:
                    setattr(f, slot, v)
            fl, hang, flc = _int(ind.get(_q("firstLine"))), _int(ind.get(_q("hanging"))), _int(ind.get(_q("firstLineChars")))
            if fl is not None:
                f.first_line = fl
            if hang is not None:
                f.first_line = -hang
            if flc is not None:
                f.first_line_chars = flc
        ol = _int(_val(ppr.find(_q("outlineLvl"))))
        if ol is not None:
            f.outline_level = ol if ol < 9 else None
        f.page_break_before = bool(_on(ppr.find(_q("pageBreakBefore"))))
    # automatic numbering: the paragraph's numPr, else its style's
    num_id, ilvl = _num_pr(ppr)
    if num_id is None and sid is not None:
        num_id, ilvl = style_num_pr(styles, sid)
    if num_id is not None:
        f.number, f.num_format = numbering.number(num_id, ilvl or 0)
        if f.number:
            f.num_level = ilvl or 0
    # runs: the face, size and weight most characters carry
    faces: Counter = Counter()
    latin: Counter = Counter()
    sizes: Counter = Counter()
    bold_chars = chars = 0
    parts: list[str] = []
    for r in p.iter(_q("r")):
        text = "".join((t.text or "") if t.tag == _q("t") else "\t" for t in r if t.tag in (_q("t"), _q("tab")))
        if r.find(_q("br")) is not None and any(b.get(_q("type")) in (None, "textWrapping") for b in r.findall(_q("br"))):
            text += "\n"
        if not text:
            continue
        parts.append(text)
        ea, asc, size, bold = base
        rpr = r.find(_q("rPr"))
        if rpr is not None:
            rs = _val(rpr.find(_q("rStyle")))
            for src in ((char_styles.get(rs).find(_q("rPr")) if rs in char_styles else None), rpr):
                if src is None:
                    continue
                rf = src.find(_q("rFonts"))
                if rf is not None:
                    ea = rf.get(_q("eastAsia")) or ea
                    asc = rf.get(_q("ascii")) or asc
                sz = _int(_val(src.find(_q("sz"))))
                size = sz if sz is not None else size
                b = _on(src.find(_q("b")))
                bold = b if b is not None else bold
        n = len(text.strip())
        if not n:
            continue
        chars += n
        faces[ea] += n
        latin[asc] += n
        sizes[size] += n
        bold_chars += n if bold else 0
    f.text = "".join(parts)
    f.page_break = any(b.get(_q("type")) == "page" for b in p.iter(_q("br")))
    if chars:
        f.east_asia = faces.most_common(1)[0][0]
        f.ascii = latin.most_common(1)[0][0]
        f.size = sizes.most_common(1)[0][0]
        f.bold = bold_chars * 2 > chars
    else:
        f.east_asia, f.ascii, f.size, f.bold = base
    return f
