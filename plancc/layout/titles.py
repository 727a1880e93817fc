"""Breaking a long title into lines of sensible lengths (GB/T 9704 7.3.1: 梯形或菱形).

A title wider than the type area is split where a reader would pause, without
a dictionary program, by rules:

- never inside a number or a Latin word, before closing punctuation or after an
  opening bracket;
- not between a number and its unit (2024年), nor inside a term of the field (学期, 学年度, 中小学, 幼儿园, 教师, 培训, 提升,
  实施方案, …: :data:`TERMS`), and as little as possible between two Chinese
  characters of an unknown run (a place name such as 落儿岭镇);
- gladly after 的, 和, 与, 及, 、 or a date (“2024年”, “第一学期”), and before a
  phrase such as 实施方案, 工作方案, 关于 (:data:`GOOD_BEFORE`);
- lines balanced: every line as near the others as the breaks allow, no line
  longer than the one above it except the middle of three (梯形 or 菱形).

All breaks of the title are weighed together (dynamic programming over the
break points, for the fewest lines that fit and one more), so a good break
early does not force a bad one later. Widths are those of
plancc.layout.width, with the fitting advance: a line must not come out wider
than the type area.
"""

from __future__ import annotations

import math
import re

from plancc.layout.width import fit_width as _width
from plancc.text.kinsoku import NO_LINE_END as _NO_LINE_END
from plancc.text.kinsoku import NO_LINE_START as _NO_LINE_START

#: Terms a title line must not end inside (longest first where they overlap).
TERMS = (
    "教育体育局", "教育局", "教体局", "人民政府", "办公室", "中心学校", "教师发展中心", "进修学校",
    "第一学期", "第二学期", "上学期", "下学期", "学年度", "学年", "年度", "学期", "寒假", "暑假", "暑期",
    "中小学", "幼儿园", "小学", "初中", "高中", "中学", "中职", "职业学校", "特殊教育",
    "继续教育", "全员培训", "远程培训", "网络研修", "校本研修", "送培送教",
    "实施方案", "工作方案", "培训方案", "方案", "计划", "规划", "办法", "通知", "意见",
    "教师", "校长", "园长", "班主任", "保育员", "骨干", "乡村", "新入职", "培训", "研修",
    "信息技术", "应用能力", "能力", "提升", "工程", "管理", "登记", "学时", "学分", "专项",
    "关于", "印发", "做好", "开展", "组织", "项目", "第一", "第二", "第三", "第四",
)
#: Phrases a line may well start with.
GOOD_BEFORE = ("实施方案", "工作方案", "培训方案", "全员培训", "继续教育", "远程", "关于", "的通知", "的实施")
#: Characters a line may well end with.
GOOD_AFTER = set("的和与及、")

_DATE_END = re.compile(r"(?:\d年|年度|学年|学期|季度)$")
_INSIDE_TERM = 8.0  # a break inside a term
_INSIDE_RUN = 1.5  # between two Chinese characters of no known term
_GOOD = -2.0  # after 的/和/、, after a date, before 实施方案 …
_SHAPE = 4.0  # a line longer than the one above it (an inverted trapezoid)
_LINE = 3.0  # each line: one more line only for a much better set of breaks
_RANGE = set("-—–~～")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _term_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every term found in the title, longest terms claiming their characters first."""
    taken = [False] * len(text)
    spans = []
    for term in sorted(TERMS, key=len, reverse=True):
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if not any(taken[start:end]):
                spans.append((start, end))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(term, start + 1)
    return spans


def _break_cost(text: str, k: int, inside: set[int]) -> float | None:
    """What breaking before ``text[k]`` costs, or None when it is not allowed."""
    a, b = text[k - 1], text[k]
    if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) or b in _NO_LINE_START or a in _NO_LINE_END:
        return None
    if (a in _RANGE and (b.isdigit() or text[k - 2 : k - 1].isdigit())) or (b in _RANGE and a.isdigit()):
        return None  # a range of years (2024-2025) stays together
    cost = 0.0
    if k in inside or (a.isdigit() and _is_cjk(b)):  # inside a term, or between a number and its unit (2024年)
        cost += _INSIDE_TERM
    elif _is_cjk(a) and _is_cjk(b):
        cost += _INSIDE_RUN
    head, tail = text[:k].rstrip(), text[k:].lstrip()
    if a in GOOD_AFTER or _DATE_END.search(head) or tail.startswith(GOOD_BEFORE):
        cost += _GOOD
    return cost


def break_title(text: str, max_chars: float = 20) -> list[str]:
    """The lines of a title set ``max_chars`` characters wide (one line when it fits)."""
    text = text.strip()
    if not text or _width(text) <= max_chars:
        return [text]
    inside = {i for s, e in _term_spans(text) for i in range(s + 1, e)}
    points = [0] + [k for k in range(1, len(text)) if _break_cost(text, k, inside) is not None] + [len(text)]
    cost_at = {k: (_break_cost(text, k, inside) or 0.0) for k in points[1:-1]}
    fewest = max(2, math.ceil(_width(text) / max_chars))
    best: tuple[float, list[int]] | None = None
    for lines in (fewest, fewest + 1):
        found = _best_breaks(text, points, cost_at, lines, max_chars)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    if best is None:  # nothing fits (a very long number): cut where the width runs out
        return _cut(text, max_chars)
    cuts = best[1]
    return [text[i:j].strip() for i, j in zip([0] + cuts, cuts + [len(text)]) if text[i:j].strip()]


def _best_breaks(text: str, points: list[int], cost_at: dict[int, float], lines: int,
                 max_chars: float) -> tuple[float, list[int]] | None:
    """The cheapest ``lines``-line split (cost of the breaks plus the lines' imbalance and shape)."""
    total = _width(text)
    ideal = total / lines
    widths: dict[tuple[int, int], float] = {}

    def width(i: int, j: int) -> float:
        key = (i, j)
        if key not in widths:
            widths[key] = _width(text[i:j].strip())
        return widths[key]

    # state: (line count, end point) → (cost, breaks, width of the last line)
    layer: dict[int, tuple[float, list[int], float]] = {0: (_LINE * lines, [], math.inf)}
    for n in range(1, lines + 1):
        nxt: dict[int, tuple[float, list[int], float]] = {}
        for start, (cost, cuts, above) in layer.items():
            for end in points:
                if end <= start or (n == lines) != (end == len(text)):
                    continue
                w = width(start, end)
                if w > max_chars:
                    break
                c = cost + cost_at.get(end, 0.0) + 0.15 * (w - ideal) ** 2
                # 梯形/菱形: a line no longer than the one above it, except the middle of three
                if w > above + 0.5 and not (lines == 3 and n == 2):
                    c += _SHAPE
                if lines == 3 and n == 3 and len(cuts) == 2 and w > width(0, cuts[0]) + 0.5:
                    c += _SHAPE
                if end not in nxt or c < nxt[end][0]:
                    nxt[end] = (c, cuts + ([end] if end < len(text) else []), w)
        layer = nxt
    final = layer.get(len(text))
    return None if final is None else (final[0], final[1])


def _cut(text: str, max_chars: float) -> list[str]:
    out, line = [], ""
    for ch in text:
        if line and _width(line + ch) > max_chars:
            out.append(line)
            line = ""
        line += ch
    return out + ([line] if line else [])
