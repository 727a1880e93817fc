"""Assessments: weighted components in prose, assessment tables, evaluation tables, rubrics.

* components — a section (“1.分层项目”) whose numbered entries each name a part of the
  assessment with its weight and full marks: “过程性考核（占总成绩的70%，满分70分）包括……”,
  “在线考试：……，满分100（占总考核30%）。” → ``assessments: [{id, components}]`` and an
  ``{assessment: id}`` block; an entry worded otherwise than the default gets a pattern
  with ``{=name}``, ``{=weight}``, ``{=points}`` and ``{=description}`` in the source's words.
* tables — columns with 分值 (an assessment's items, a 合计 row its total) or 权重 (an
  evaluation): the table becomes ``assessments:`` / ``evaluations:`` / ``rubrics:`` and its
  block; the note under it (“备注：……，至少达到78分才能合格。”) gives the pass condition and mark.
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import NUM, TOTAL_WORDS, Ctx, entries, fresh_id, lst, number, walk
from plancc.importer.recognise.rubrics import recognise_rubric, rubric_columns
from plancc.importer.recognise.scores import recognise_scores
from plancc.text.wording import BY_KEY, fill

_WEIGHT = re.compile(rf"占总(?:成绩|考核|分)的?{NUM}%")
_POINTS = re.compile(rf"满分{NUM}分?")
_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12}?(?:考核|考试|评价|测试|作业|研修))(?=[（(：:]|包括)")


def recognise_assessments(ctx: Ctx) -> None:
    plan = ctx.plan
    for path, sec in walk(lst(plan, "sections")):
        _components(ctx, path, sec)
    home: dict = {}
    _tables(ctx, home)
    recognise_scores(ctx, home)


# -- components in prose -------------------------------------------------------------

def _components(ctx: Ctx, path, sec) -> None:
    pass_text, where = _pass_after(sec)
    texts = _entries(_without(sec, where)) if where else _entries(sec)
    if texts is None or len(texts) < 2:
        return
    comps, patterns = [], {}
    for text in texts:
        got = _component(text)
        if got is None:
            return
        comp, pattern = got
        if comp["name"] in {c["name"] for c in comps}:
            return
        comps.append(comp)
        if pattern:
            patterns[f"assessment.component[{comp['name']}]"] = pattern
    if not any("weight" in c for c in comps):
        return
    taken = {a["id"] for a in ctx.plan.get("assessments", [])}
    aid = (sec.get("title") or "").strip() or "考核"
    n = 2
    while aid in taken:
        aid, n = f"{sec.get('title') or '考核'}{n}", n + 1
    a = {"id": aid, "components": comps}
    if pass_text is not None:
        a.update(_pass_marks(pass_text))
    ctx.plan.setdefault("assessments", []).append(a)
    block: dict = {"assessment": aid}
    if patterns:
        block["wording"] = patterns
    sec["content"] = [block]
    sec.pop("sections", None)
    ctx.guess("import.guess.assessment", path, ("assessments", len(ctx.plan["assessments"]) - 1), id=aid)


def _entries(sec: dict):
    """The numbered entries under a section; an entry typed as a run-in heading and its paragraph
    (“2.在线考试：每年……”) is read as the one line it is."""
    got = entries(sec)
    if got is not None:
        return got
    subs = lst(sec, "sections")
    if not subs or lst(sec, "content"):
        return None
    plain = []
    for s in subs:
        c = lst(s, "content")
        if s.get("run_in") and s.get("title") and not s.get("sections") and not s.get("numbering") and len(c) == 1 \
                and isinstance(c[0], str):
            plain.append({"content": [s["title"] + "：" + c[0]]})
        else:
            plain.append(s)
    return entries(dict(sec, sections=plain))


_PASS_SENTENCE = re.compile(rf"^考核总成绩达到{NUM}分为合格(?:，达到{NUM}分为优秀)?(?:；考核合格者认定{NUM}学时)?。$")


def _pass_after(sec: dict):
    """The pass-mark sentence after the entries (“考核总成绩达到60分为合格。”), as the block prints it
    after its components: the last entry's second paragraph, or the paragraph after the list."""
    subs, content = lst(sec, "sections"), lst(sec, "content")
    if subs and not content:
        last = lst(subs[-1], "content")
        if len(last) == 2 and isinstance(last[1], str) and _PASS_SENTENCE.match(last[1]):
            return last[1], ("sub", len(subs) - 1)
    if not subs and len(content) == 2 and isinstance(content[1], str) and _PASS_SENTENCE.match(content[1]):
        return content[1], ("content", 1)
    return None, None


def _without(sec: dict, where) -> dict:
    """A copy of the section without its pass sentence (to read its entries)."""
    if where[0] == "sub":
        subs = list(lst(sec, "sections"))
        subs[-1] = dict(subs[-1], content=lst(subs[-1], "content")[:1])
        return dict(sec, sections=subs)
    return dict(sec, content=lst(sec, "content")[:1])


def _pass_marks(text: str) -> dict:
    m = _PASS_SENTENCE.match(text)
    out = {"pass_mark": number(m.group(1))}
    if m.group(2):
        out["excellent_mark"] = number(m.group(2))
    if m.group(3):
        out["credited_hours"] = number(m.group(3))
    return out


def _component(text: str):
    """(component, pattern or None) from one entry."""
    m = _NAME.match(text)
    if m is None:
        return None
    comp: dict = {"name": m.group("name")}
    spans = [(m.start("name"), m.end("name"), "{=name}")]
    w = _WEIGHT.search(text)
    if w:
        comp["weight"] = number(w.group(1))
        spans.append((w.start(1), w.end(1), "{=weight}"))
    p = _POINTS.search(text)
    if p:
        comp["points"] = number(p.group(1))
        spans.append((p.start(1), p.end(1), "{=points}"))
    if "weight" not in comp and "points" not in comp:
        return None
    # the default: name（share）description
    share = "，".join(x for x in ((f"占总成绩的{w.group(1)}%" if w else None), (f"满分{p.group(1)}分" if p else None)) if x)
    head = f"{comp['name']}（{share}）"
    if text.startswith(head) and len(text) > len(head) and _default(comp, text[len(head):]) == text:
        comp["description"] = text[len(head):]
        return comp, None
    # otherwise: the longest stretch outside the figures' phrases is the description, the rest the pattern
    phrases = sorted([(m.start("name"), m.end("name"))] + [(x.start(), x.end()) for x in (w, p) if x])
    pieces, at = [], 0
    for s, e in phrases:
        pieces.append((at, s))
        at = max(at, e)
    pieces.append((at, len(text)))
    ds, de = max(pieces, key=lambda se: se[1] - se[0])
    while ds < de and text[ds] in "：:，,）)":
        ds += 1
    while de > ds and text[de - 1] in "，,（(：:":
        de -= 1
    desc = text[ds:de]
    if len(desc) < 2:
        return None
    spans.append((ds, de, "{=description}"))
    spans.sort()
    out, at = [], 0
    for s, e, ref in spans:
        out.append(text[at:s])
        out.append(ref)
        at = e
    out.append(text[at:])
    comp["description"] = desc
    pattern = "".join(out)
    values = {"name": comp["name"], "weight": comp.get("weight"), "points": comp.get("points"), "description": desc}
    if fill(pattern, values) != text:
        return None
    return comp, pattern


def _default(comp: dict, description: str) -> str:
    share = "，".join(x for x in ((f"占总成绩的{_num(comp['weight'])}%" if "weight" in comp else None),
                                 (f"满分{_num(comp['points'])}分" if "points" in comp else None)) if x)
    return fill(BY_KEY["assessment.component"].default, {"name": comp["name"], "share": share, "description": description})


def _num(v) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


# -- tables ------------------------------------------------------------------------

#: the columns the assessment table prints, as it titles them: a table titled otherwise (项目, 考核要求) would
#: lose its headers, so it stays a table with its points cited (_cited_table)
_ITEM_COLUMNS = {
    "考核环节": "part", "考核类别": "category", "考核项目": "name", "评价指标": "criteria", "分值": "points",
    "计分方式": "scoring", "评价方式": "method", "备注": "note",
}
_EVAL_COLUMNS = {"类别": "category", "评价指标": "indicator", "指标描述": "description", "评价方式": "method", "权重": "weight"}
_PASS = re.compile(rf"^\**备注\**[：:]\**(?P<cond>.+?)，至少达到{NUM}分才能合格。$")


def _tables(ctx: Ctx, home: dict) -> None:
    for path, sec in walk(lst(ctx.plan, "sections")):
        content = lst(sec, "content")
        for i, blk in enumerate(content):
            if not isinstance(blk, dict) or not isinstance(blk.get("table"), dict):
                continue
            t = blk["table"]
            rows = t.get("rows")
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                continue  # not a table the structure stage makes
            if not isinstance(t.get("columns"), list):
                continue  # not a table the structure stage makes
            heads = _titled_header(t)
            if heads is not None:  # a title row across the table, the column titles in its first row
                before = [list(r) for r in rows]
                aid = _cited_table(ctx, t, heads, first=1)
                if aid is not None:
                    _keep_exact(t, before)
                    home[path] = aid
                    ctx.guess("import.guess.scored_table", path + ("content", i), ("assessments", len(ctx.plan["assessments"]) - 1), id=aid)
                continue
            cols = [str(c).strip() for c in t.get("columns") or []]
            if "权重" in cols:
                got = _evaluation(ctx, t, cols)
                if got is not None:
                    content[i] = {"evaluation": got}
                    ctx.guess("import.guess.evaluation", path + ("content", i), ("evaluations", len(ctx.plan["evaluations"]) - 1), id=got)
            elif rubric_columns(cols) is not None and (got := recognise_rubric(ctx, t, cols)) is not None:
                content[i] = {"rubric": got}
                ctx.guess("import.guess.rubric", path + ("content", i), ("rubrics", len(ctx.plan["rubrics"]) - 1), id=got)
            elif "分值" in cols and (got := _assessment_table(ctx, t, cols)) is not None:
                a, aid = got
                home[path] = aid
                content[i] = {"assessment": aid, "style": "table"}
                note = content[i + 1] if i + 1 < len(content) else None
                m = _PASS.match(note.strip()) if isinstance(note, str) else None
                if m is not None:
                    a["pass_condition"], a["pass_mark"] = m.group("cond"), number(m.group(2))
                    del content[i + 1]
                ctx.guess("import.guess.assessment", path + ("content", i), ("assessments", len(ctx.plan["assessments"]) - 1), id=aid)
            else:
                aid = _cited_table(ctx, t, cols)
                if aid is not None:
                    home[path] = aid
                    ctx.guess("import.guess.scored_table", path + ("content", i), ("assessments", len(ctx.plan["assessments"]) - 1), id=aid)


def _assessment_table(ctx: Ctx, t: dict, cols: list[str]):
    keys = [_ITEM_COLUMNS.get(c) for c in cols]
    if None in keys or "name" not in keys or len(set(keys)) != len(keys) or t.get("caption"):
        return None
    items = []
    for row in t.get("rows") or []:
        cells = [str(c) if c is not None else "" for c in row]
        rec = dict(zip(keys, cells))
        if rec["name"].strip() in TOTAL_WORDS or (cells and cells[0].strip() in TOTAL_WORDS):
            return None  # the assessment block prints no 合计 row: the table stays a table, its figures cited
        item: dict = {}
        for k, v in rec.items():
            v = v.strip()
            if k == "points":
                if v in ("", "—", "-", "/"):
                    continue
                if re.fullmatch(r"\d+(?:\.\d+)?分?", v) is None:
                    return None
                item["points"] = number(v.rstrip("分"))
            elif v:
                item[k] = v
        if "name" not in item:
            return None
        items.append(item)
    if not items or len({it["name"] for it in items}) != len(items):
        return None
    assessments = ctx.plan.setdefault("assessments", [])
    aid = fresh_id({a["id"] for a in assessments}, "考核")
    a: dict = {"id": aid, "items": items}
    assessments.append(a)
    return a, aid


def _evaluation(ctx: Ctx, t: dict, cols: list[str]):
    """An evaluation table: a repeated 评价指标 column is its indicator and sub-indicator."""
    keys = []
    for c in cols:
        k = _EVAL_COLUMNS.get(c)
        if k == "indicator" and "indicator" in keys:
            k = "sub"
        keys.append(k)
    if None in keys or "indicator" not in keys or len(set(keys)) != len(keys) or t.get("caption"):
        return None
    items = []
    for row in t.get("rows") or []:
        rec = dict(zip(keys, (str(c).strip() if c is not None else "" for c in row)))
        w = rec.get("weight", "")
        m = re.fullmatch(r"(\d+(?:\.\d+)?)%", w)
        if m is None:
            if rec.get("category") in TOTAL_WORDS or rec.get("indicator") in TOTAL_WORDS:
                continue
            return None
        item = {"category": rec.get("category"), "indicator": rec["indicator"]}
        if rec.get("sub") and rec["sub"] != rec["indicator"]:
            item["sub"] = rec["sub"]
        for k in ("description", "method"):
            if rec.get(k):
                item[k] = rec[k]
        item["weight"] = number(m.group(1))
        items.append({k: v for k, v in item.items() if v})
    if not items:
        return None
    evaluations = ctx.plan.setdefault("evaluations", [])
    eid = fresh_id({e["id"] for e in evaluations}, "评价")
    evaluations.append({"id": eid, "items": items})
    return eid


# -- a scored table that stays a table ---------------------------------------------------

_POINT_COLUMNS = ("分值", "分数", "满分", "赋分", "分值（分）", "分值(分)", "标准分")
_NAME_COLUMNS = ("考核项目", "评价项目", "项目", "考核内容", "考核指标", "评价指标", "评价内容", "内容")
_CELL = re.compile(r"^(\d+(?:\.\d+)?)(分?)$")


def _titled_header(t: dict):
    """The column titles of a table whose header is one title across the whole table
    (“新入职教师培训考核评分表” over 考核项目 | 分值 | …, as pasted from a workbook; the merged cell is
    read into every column): its first row, when the table's exact form keeps that title; else None."""
    cols, rows = t.get("columns"), t.get("rows")
    exact = _exact(t)
    if not isinstance(cols, list) or len(cols) < 2 or len(set(map(str, cols))) != 1 or exact is None:
        return None
    header = exact.get("header")
    if not (isinstance(header, list) and len(header) == 1 and isinstance(header[0], list) and len(header[0]) == 1
            and isinstance(header[0][0], dict) and header[0][0].get("span") == len(cols)):
        return None
    if not isinstance(rows, list) or len(rows) < 3 or exact.get("rows") != rows:
        return None
    first = rows[0]
    if not isinstance(first, list) or len(first) != len(cols) or not all(isinstance(c, str) and c.strip() for c in first):
        return None
    return [c.strip() for c in first]


def _exact(t: dict):
    """The exact form the structure stage keeps for a table recognise leaves as typed (its merged header), or None."""
    from plancc.importer.structure import EXACT

    mark = t.get(EXACT)
    return mark[0] if isinstance(mark, tuple) and len(mark) == 3 and isinstance(mark[0], dict) else None


def _keep_exact(t: dict, before: list) -> None:
    """The cells recognise cited in `t` cited in its exact form too (its rows are the same), so that the
    table is still written with its merged header."""
    import json

    from plancc.importer.structure import EXACT

    exact, _, tables = t[EXACT]
    exact["rows"] = [list(r) for r in t["rows"]]
    snapshot = json.dumps([t.get("columns"), t.get("rows"), t.get("merge")], ensure_ascii=False)
    t[EXACT] = (exact, snapshot, tables)


def _cited_table(ctx: Ctx, t: dict, cols: list[str], first: int = 0):
    """A table with a points column (and a name column) that no block prints as typed (its own
    headers, a 序号 column, a 合计 row): its items, points and total become an assessment's data,
    the table stays as typed with its numbers cited (``{=assessments.考核.items.甲.points}``,
    ``{=assessments.考核.total}``), so that the rules check that the points make the total."""
    pcol = next((k for k, c in enumerate(cols) if c in _POINT_COLUMNS), None)
    ncol = next((cols.index(c) for c in _NAME_COLUMNS if c in cols), None)
    rows = t.get("rows") or []
    if pcol is None or ncol is None or pcol == ncol or not isinstance(rows, list) or not rows:
        return None
    items, total, cells_at = [], None, []
    for r, row in enumerate(rows):
        if r < first:
            continue  # the column titles
        if not isinstance(row, list):
            return None
        cells = [str(c).strip() if c is not None else "" for c in row]
        if len(cells) != len(cols):
            return None
        lead = next((c for c in cells if c), "")
        m = _CELL.match(cells[pcol])
        if total is not None:
            if m is not None or lead in TOTAL_WORDS:
                return None  # a figure after the total: not a note under the table
            continue  # a note after the total (“制表日期”): kept as typed
        if lead in TOTAL_WORDS:
            if m is None:
                return None
            total = ("total", r, m)
            continue
        name = cells[ncol]
        if not name or len(name) > 30 or re.search(r"[.{}\[\]:]", name):
            return None
        if cells[pcol] not in ("", "—", "-", "/", "／") and m is None:
            return None
        items.append({"name": name, **({"points": number(m.group(1))} if m else {})})
        if m:
            cells_at.append((f"items.{name}.points", r, m))
    if len(items) < 2 or len({it["name"] for it in items}) != len(items) or not cells_at:
        return None
    assessments = ctx.plan.setdefault("assessments", [])
    aid = fresh_id({a["id"] for a in assessments}, "考核")
    a: dict = {"id": aid, "items": items}
    if total is not None:
        a["total"] = number(total[2].group(1))
        cells_at.append(total)
    assessments.append(a)
    for key, r, m in cells_at:
        t["rows"][r][pcol] = "{=assessments." + aid + "." + key + "}" + m.group(2)
    return aid
