"""Course catalogs: a table whose columns are 学段 / 学科 / 模块 / 课程 (and 学时) becomes
``catalog: {courses}`` and the ``{catalog: table}`` block. Rows are kept as read (a merged
cell gives its text to every row it covers); a row without a course or module is not a
course, so such a table stays a table.
A table of courses (or topics) with a 学时 column that the catalog block does not print (its own
columns, a 合计 row) stays a table, its hours a figure whose parts are the rows (“课程学时”), the
cells citing them; the 合计 is the figure's value, or an hours figure the paragraph before the
table names (“集中培训课程安排如下” → ``{=hours.components.集中培训}``), so that the rules add the
rows up.
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import Ctx, lst, number, walk

#: the columns the catalog block prints, as it titles them (a table titled otherwise, “课程名称”, would lose its
#: header: it stays a table, its hours cited when it has them)
_COLUMNS = {"学段": "stage", "学科": "subject", "模块": "module", "课程": "title", "学时": "hours"}


def recognise_catalog(ctx: Ctx) -> None:
    plan = ctx.plan
    _catalog_tables(ctx)
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, blk in enumerate(content):
            if isinstance(blk, dict) and isinstance(blk.get("table"), dict):
                before = content[i - 1] if i and isinstance(content[i - 1], str) else ""
                name = _hours_table(ctx, blk["table"], before)
                if name is not None:
                    ctx.guess("import.guess.hours_table", path + ("content", i), ("figures", name), name=name)


def _catalog_tables(ctx: Ctx) -> None:
    plan = ctx.plan
    if plan.get("catalog"):
        return
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, blk in enumerate(content):
            if not isinstance(blk, dict) or not isinstance(blk.get("table"), dict):
                continue
            got = _catalog(blk["table"])
            if got is None:
                continue
            plan["catalog"] = got
            content[i] = {"catalog": "table"}
            ctx.guess("import.guess.catalog", path + ("content", i), ("catalog",), rows=len(got["courses"]))
            return


def _catalog(t: dict):
    rows = t.get("rows")
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows) or not isinstance(t.get("columns"), list):
        return None
    cols = [str(c).strip() for c in t.get("columns") or []]
    keys = [_COLUMNS.get(c) for c in cols]
    if keys[:4] != ["stage", "subject", "module", "title"] or keys[4:] not in ([], ["hours"]):
        return None
    courses = []
    for row in t.get("rows") or []:
        cells = [str(c).strip() if c is not None else "" for c in row]
        if len(cells) != len(cols):
            return None
        if not any(cells):
            continue  # an empty row at a page break
        stage, subject, module, title = cells[:4]
        if not stage or not module or not title:
            return None
        course: list = [stage, subject, module, title]
        if len(cells) == 5:
            if re.fullmatch(r"\d+(?:\.\d+)?", cells[4]) is None:
                return None
            course.append(number(cells[4]))
        courses.append(course)
    if not courses:
        return None
    cat: dict = {}
    if t.get("caption"):
        cat["caption"] = t["caption"]
    cat["courses"] = courses
    if len(cols) == 5:
        cat["show_hours"] = True
    return cat


_NAME_COLUMNS = ("课程名称", "课程", "课程内容", "专题名称", "专题", "培训内容", "内容", "课程模块", "模块", "项目")
_HOURS_COLUMNS = ("学时", "学时数", "课时", "学时（学时）")
_TOTAL = ("合计", "总计", "小计合计", "共计")


def _hours_table(ctx: Ctx, t: dict, before: str):
    cols = [str(c).strip() for c in t.get("columns") or []]
    hcol = next((k for k, c in enumerate(cols) if c in _HOURS_COLUMNS), None)
    ncol = next((cols.index(c) for c in _NAME_COLUMNS if c in cols), None)
    rows = t.get("rows") or []
    if hcol is None or ncol is None or hcol == ncol or not isinstance(rows, list) or len(rows) < 2:
        return None
    parts, total, at = {}, None, []
    for r, row in enumerate(rows):
        if not isinstance(row, list):
            return None
        cells = [str(c).strip() if c is not None else "" for c in row]
        if len(cells) != len(cols) or any("{" in c for c in cells):
            return None
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(学时)?", cells[hcol])
        first = next((c for c in cells if c), "")
        if first in _TOTAL:
            if m is None or r != len(rows) - 1:
                return None
            total = (r, m)
            continue
        name = cells[ncol]
        if m is None or not name or name in parts or len(name) > 40 or re.search(r"[.{}\[\]:]", name):
            return None
        parts[name] = number(m.group(1))
        at.append((r, m, name))
    if len(parts) < 2:
        return None
    figures = ctx.plan.setdefault("figures", {})
    name, k = "课程学时", 2
    while name in figures:
        name, k = f"课程学时{k}", k + 1
    fig: dict = {"unit": "学时", "parts": parts}
    if total is not None:
        value = number(total[1].group(1))
        hours = ctx.plan.get("hours") if isinstance(ctx.plan.get("hours"), dict) else {}
        named = [c for c in hours.get("components") or [] if isinstance(c, dict) and c.get("name") and c["name"] in before
                 and c.get("hours") == value]
        fig = {"value": "{=hours.components." + named[0]["name"] + "}" if len(named) == 1 else value, **fig}
    figures[name] = fig
    for r, m, part in at:
        t["rows"][r][hcol] = "{=figures." + name + "." + part + "}" + (m.group(2) or "")
    if total is not None:
        r, m = total
        t["rows"][r][hcol] = "{=figures." + name + "}" + (m.group(2) or "")
    return name
