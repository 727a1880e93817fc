"""The kind of plan, from its title: “新任教师入职培训实施方案” → new_teacher, “校本研修实施方案”
→ school_based, “……学年第一学期……” → semester. Only a title that says so plainly sets it; the
rules then measure the figures against plans of the same kind (a new-teacher plan's hours against
the probation floor, not the annual one)."""

from __future__ import annotations

import re

from plancc.importer.recognise.common import Ctx

_KINDS = (
    ("new_teacher", re.compile(r"(?:新任|新入职|新招聘|新聘|见习期?|试用期)教师(?:入职|岗前|规范化|适应性)?(?:培训|研修)")),
    ("semester", re.compile(r"\d{4}\s*[-—－~～至]\s*\d{4}\s*学年(?:度)?第[一二]学期")),
    ("school_based", re.compile(r"校本研修(?:实施方案|工作方案|方案|计划)")),
)


def recognise_kind(ctx: Ctx) -> None:
    plan = ctx.plan
    if plan.get("kind"):
        return
    doc = plan.get("document") or {}
    title = doc.get("title")
    text = "".join(title) if isinstance(title, list) else str(title or "")
    found = [k for k, rx in _KINDS if rx.search(text)]
    if len(found) == 1:
        plan["kind"] = found[0]
        ctx.guess("import.guess.kind", (), ("kind",), kind=found[0])
