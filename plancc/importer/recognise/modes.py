"""Delivery modes: under a heading such as “培训方式”“研修形式”, numbered run-in entries
“（一）网络研修：……” — each a mode and what it is. They become ``modes:`` and a
``{modes: list, numbered: true}`` block after the section's own paragraphs; entries numbered in a
form of their own (“1.” right under “一、”) keep it as the block's ``numbering``."""

from __future__ import annotations

import re

from plancc.importer.recognise.common import Ctx, lst, walk

_TITLE = re.compile(r"^(?:培训|研修|学习|实施|教学|组织)?(?:方式|形式|模式|途径)(?:与方法|和方法|方法)?$")
_NAME = re.compile(r"^[\u4e00-\u9fff“”]{2,12}$")


def recognise_modes(ctx: Ctx) -> None:
    plan = ctx.plan
    if plan.get("modes"):
        return
    for path, sec in walk(lst(plan, "sections")):
        if not _TITLE.match((sec.get("title") or "").strip()):
            continue
        subs = lst(sec, "sections")
        if len(subs) < 2:
            continue
        modes = []
        for s in subs:
            c = lst(s, "content")
            name = (s.get("title") or "").strip()
            if not s.get("run_in") or not _NAME.match(name) or s.get("sections") or (s.get("numbering") and s is not subs[0]) \
                    or s.get("numbered") is False or s.get("number_from") or len(c) != 1 or not isinstance(c[0], str):
                break
            modes.append({"name": name, "description": c[0]})
        else:
            if len({m["name"] for m in modes}) != len(modes):
                continue
            plan["modes"] = modes
            content = sec["content"] if isinstance(sec.get("content"), list) else sec.setdefault("content", [])
            block: dict = {"modes": "list", "numbered": True}
            if subs[0].get("numbering"):
                block["numbering"] = subs[0]["numbering"]
            content.append(block)
            sec.pop("sections", None)
            ctx.guess("import.guess.modes", path, ("modes",), count=len(modes))
            return
