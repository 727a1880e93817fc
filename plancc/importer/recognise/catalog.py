"""Course catalogs: a table whose columns are 学段 / 学科 / 模块 / 课程 (and 学时) becomes
``catalog: {courses}`` and the ``{catalog: table}`` block. Rows are kept as read (a merged
cell gives its text to every row it covers); a row without a course or module is not a
course, so such a table stays a table."""

from __future__ import annotations

import re

from plancc.importer.recognise.common import Ctx, lst, number, walk

_COLUMNS = {"学段": "stage", "学科": "subject", "模块": "module", "课程": "title", "课程名称": "title", "学时": "hours"}


def recognise_catalog(ctx: Ctx) -> None:
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
