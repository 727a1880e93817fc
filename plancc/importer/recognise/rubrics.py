"""Rubric tables: 项目 / 分值 / 要求 / 扣分办法 (or the source's own headers: 考核内容, 分值（20分）,
评分办法). An item over several rows (its name cell merged) keeps them as ``rows``; points
in a header (“分值（20分）”) are the total, cited back as ``{=rubrics.简称.total}``; a 合计 row
is the total and printed again by the block; a unit typed in the cells (“4分”) is the
rubric's ``unit``."""

from __future__ import annotations

import re

from plancc.importer.recognise.common import NUM, TOTAL_WORDS, Ctx, fresh_id, number


# -- rubrics: 项目 / 分值 / 要求 / 扣分办法 ------------------------------------------------

_RUBRIC_NAME = ("项目", "考核内容", "考核项目", "评分项目")
_RUBRIC_REQ = ("要求", "考核要求", "评分标准", "考核内容", "内容及要求", "考核内容及要求", "具体要求")
_RUBRIC_DED = ("扣分办法", "评分办法", "扣分标准", "评分标准", "计分办法", "评分细则")
_POINTS_HEAD = re.compile(rf"^分值(?:[（(]{NUM}分[）)])?$")
_CELL_POINTS = re.compile(rf"^{NUM}(分?)$")


def rubric_columns(cols: list[str]):
    """The rubric's columns (name, points, requirement, deduction) by index, or None."""
    if not cols or cols[0] not in _RUBRIC_NAME or len(cols) not in (3, 4) or _POINTS_HEAD.match(cols[1]) is None:
        return None
    rest = cols[2:]
    if rest[0] not in _RUBRIC_REQ and rest[0] not in _RUBRIC_DED:
        return None
    if len(rest) == 2 and (rest[0] not in _RUBRIC_REQ or rest[1] not in _RUBRIC_DED):
        return None
    return cols


def recognise_rubric(ctx: Ctx, t: dict, cols: list[str]):
    has_req = cols[2] in _RUBRIC_REQ
    items: list[dict] = []
    total, units, label = None, set(), None
    for row in t.get("rows") or []:
        cells = [str(c).strip() if c is not None else "" for c in row]
        name, pts = cells[0], cells[1]
        req = cells[2] if has_req else ""
        ded = cells[3] if len(cells) == 4 else (cells[2] if not has_req else "")
        m = _CELL_POINTS.match(pts)
        if name in TOTAL_WORDS:
            if m is None or req or ded:
                return None
            total, label = number(m.group(1)), name
            continue
        if not name or (pts and m is None):
            return None
        if m is not None:
            units.add(m.group(2))
        pairs = (("points", number(m.group(1)) if m else None), ("requirement", req or None), ("deduction", ded or None))
        line = {k: v for k, v in pairs if v is not None}
        if items and items[-1]["name"] == name:
            items[-1]["lines"].append(line)
        else:
            items.append({"name": name, "lines": [line]})
    if not items or len(units) > 1 or len({it["name"] for it in items}) != len(items):
        return None
    head = _POINTS_HEAD.match(cols[1])
    stated = total if total is not None else (number(head.group(1)) if head.group(1) else None)
    merged_col = 2 in (t.get("merge") or [])
    # equal points on every row of an item: one merged cell, or each row's own? The table's merge
    # says; else the reading whose sum is the stated total; else each row's own
    ambiguous = [k for k, it in enumerate(items) if len(it["lines"]) > 1
                 and len({ln.get("points") for ln in it["lines"]}) == 1 and it["lines"][0].get("points") is not None]
    merged = set(ambiguous) if merged_col else set()
    if not merged_col and stated is not None and 0 < len(ambiguous) <= 10:
        for mask in range(1 << len(ambiguous)):
            pick = {k for b, k in enumerate(ambiguous) if mask >> b & 1}
            got = sum(it["lines"][0]["points"] if k in pick else sum(ln.get("points") or 0 for ln in it["lines"])
                      for k, it in enumerate(items))
            if got == stated:
                merged = pick
                break
    out = []
    for k, it in enumerate(items):
        lines = it["lines"]
        if len(lines) == 1:
            entry = {"name": it["name"], **lines[0]}
        elif k in merged:
            rows = [{x: v for x, v in ln.items() if x != "points"} for ln in lines]
            entry = {"name": it["name"], "points": lines[0]["points"], "rows": rows}
        else:
            entry = {"name": it["name"], "rows": lines}
        if entry.get("points") is None and not any(r.get("points") is not None for r in entry.get("rows", [])):
            return None
        out.append(entry)
    rubrics = ctx.plan.setdefault("rubrics", [])
    rid = fresh_id({r["id"] for r in rubrics}, "评分细则")
    r: dict = {"id": rid}
    if t.get("caption"):
        r["caption"] = t["caption"]
    unit = units.pop() if units else ""
    if unit:
        r["unit"] = unit
    if total is not None:
        r["total"] = total
        if label != "合计":
            r["total_label"] = label
    elif head.group(1):
        r["total"] = number(head.group(1))
        r["total_row"] = False
    else:
        r["total_row"] = False
    headers = {}
    if cols[0] != "项目":
        headers["name"] = cols[0]
    if cols[1] != "分值":
        headers["points"] = cols[1].replace(head.group(1), "{=rubrics." + rid + ".total}") if head.group(1) else cols[1]
    if has_req and cols[2] != "要求":
        headers["requirement"] = cols[2]
    ded_col = cols[3] if len(cols) == 4 else (cols[2] if not has_req else None)
    if ded_col and ded_col != "扣分办法":
        headers["deduction"] = ded_col
    if headers:
        r["headers"] = headers
    r["items"] = out
    rubrics.append(r)
    return rid
