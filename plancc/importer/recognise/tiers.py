"""Tiers by years of teaching: “新教师（教龄1-2年）、成长期教师（教龄3-8年）和成熟期教师（教龄9-14年）、
提升期教师（教龄15年以上）四个不同层次”.

A run of two or more “名称（教龄a-b年）” joined by “、” or “和” becomes ``tiers:`` and a
``{tiers: sentence}`` block: the words before it are the block's lead, those after it its
ending, with the count cited (``{=tiers.count:cn}``); a tier followed by “和” gets the
pattern ``tier[名称]: "{=name}（{=years}）和"``.
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import COUNT, LONGEST, Ctx, count_ref, lst, parse_count, walk

_TIER = re.compile(r"(?P<name>(?:新|[\u4e00-\u9fff]{1,4}?期|青年|骨干|资深|中青年|老)教师)（教龄(?P<lo>\d+)(?:-(?P<hi>\d+)年|年以上)）(?P<sep>、|和)?")
_COUNT = re.compile(rf"^(?P<n>{COUNT})(?=个)")


def recognise_tiers(ctx: Ctx) -> None:
    plan = ctx.plan
    if plan.get("tiers"):
        return
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or "教龄" not in para or len(para) > LONGEST:
                continue
            got = _run(para)
            if got is None:
                continue
            start, end, tiers, wording = got
            lead, ending = para[:start], para[end:]
            m = _COUNT.match(ending)
            if m is not None and parse_count(m.group("n")) == len(tiers):
                ref = count_ref("tiers.count", m.group("n"), len(tiers))
                if ref:
                    ending = ref + ending[m.end():]
            plan["tiers"] = tiers
            block: dict = {"tiers": "sentence"}
            if lead:
                block["lead"] = lead
            block["ending"] = ending
            if wording:
                block["wording"] = wording
            content[i] = block
            ctx.guess("import.guess.tiers", path + ("content", i), ("tiers",), count=len(tiers))
            return


def _run(text: str):
    """The first run of ≥2 tiers in `text`: (start, end, tiers, wording), or None."""
    pos = 0
    while True:
        m = _TIER.search(text, pos)
        if m is None:
            return None
        start, tiers, wording, at = m.start(), [], {}, m.start()
        while m is not None and m.start() == at:
            hi = int(m.group("hi")) if m.group("hi") else None
            tiers.append({"name": m.group("name"), "years": [int(m.group("lo")), hi]})
            at = m.end()
            if m.group("sep") == "和":
                wording[f"tier[{m.group('name')}]"] = "{=name}（{=years}）和"
            if m.group("sep") is None:
                break
            m = _TIER.match(text, at)
        if len(tiers) >= 2 and not text[at - 1] in "、和" and len({t["name"] for t in tiers}) == len(tiers):
            return start, at, tiers, wording
        pos = start + 1
