"""Hours: “参训教师需完成72学时”, “提供不少于100学时”, “网络研修 24 学时。”, and the sentence
“每人年度参训不少于90学时（其中专业知识不少于60学时，公需知识30学时）。”.

The full sentence becomes an ``{hours: sentence}`` block (its lead and its components
as data) when the block prints it back exactly; otherwise the figures become
``{=hours.required}`` / ``{=hours.offered}`` references in the prose.
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import LONGEST, Ctx, lst, number, walk
from plancc.text.wording import BY_KEY, fill

_N = r"(\d+(?:\.\d+)?)"
_SP = r"[ \u3000]*"
# the sentence the hours block writes: lead, 不少于?, N学时, （其中 parts）。
_SENTENCE = re.compile(rf"^(?P<lead>[^0-9，。；,;（(]*?)(?P<least>不少于|不低于)?{_N}学时[（(]其中(?P<parts>[^（）()]+)[）)]。$")
_PART = re.compile(rf"^(?P<name>[^0-9，,、]+?)(?P<least>不少于|不低于)?{_N}学时$")
_REQUIRED = re.compile(rf"(?:需|须|应|要|必须)完成{_SP}{_N}{_SP}学时")
_OFFERED = re.compile(rf"提供(?:不少于|不低于|超过)?{_SP}{_N}{_SP}学时")
_BARE = re.compile(rf"^(?P<lead>[^0-9，。]{{1,12}}?){_SP}{_N}{_SP}学时。?$")


def recognise_hours(ctx: Ctx) -> None:
    plan = ctx.plan
    hours = plan.get("hours") or {}
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or "学时" not in para or len(para) > LONGEST:
                continue
            if "required" not in hours:
                block = _sentence_block(para, hours)
                if block is not None:
                    content[i] = block
                    plan["hours"] = hours
                    continue
            text = para
            if "required" not in hours:
                m = _REQUIRED.search(text)
                if m is None and "学时" in (sec.get("title") or ""):
                    m = _BARE.match(text.strip())
                    if m is not None:
                        ctx.guess("import.guess.hours_required", path + ("content", i), ("hours", "required"), hours=m.group(2))
                if m is not None:
                    g = 2 if m.re is _BARE else 1
                    hours["required"] = number(m.group(g))
                    text = text[: m.start(g)] + "{=hours.required}" + text[m.end(g):]
            if "offered" not in hours:
                m = _OFFERED.search(text)
                if m is not None:
                    hours["offered"] = number(m.group(1))
                    text = text[: m.start(1)] + "{=hours.offered}" + text[m.end(1):]
            if text != para:
                content[i] = text
                plan["hours"] = hours


def _sentence_block(para: str, hours: dict):
    para = para.strip()
    m = _SENTENCE.match(para)
    if m is None:
        return None
    parts = []
    for piece in re.split(r"[，,、]", m.group("parts")):
        p = _PART.match(piece.strip())
        if p is None:
            return None
        comp = {"name": p.group("name"), "hours": number(p.group(3))}
        if p.group("least"):
            comp["at_least"] = True
        parts.append(comp)
    required = number(m.group(3))
    trial = dict(hours, required=required, components=parts)
    if m.group("least"):
        trial["at_least"] = True
    blk: dict = {"hours": "sentence"}
    lead = m.group("lead")
    if lead != "每人年度参训":
        blk["lead"] = lead
    hours.clear()
    hours.update(trial)
    if _render(blk, trial) == para:
        return blk
    # the block would print it otherwise (half-width brackets, another joiner): the figures as references
    text = para[: m.start(3)] + "{=hours.required}" + para[m.end(3):]
    for comp in parts:
        text = re.sub(rf"({re.escape(comp['name'])}(?:不少于|不低于)?)" + r"\d+(?:\.\d+)?(?=学时)",
                      lambda mm, c=comp: mm.group(1) + "{=hours.components." + c["name"] + "}", text, count=1)
    return text


def _render(blk: dict, hours: dict) -> str:
    """What the hours block writes for these data (the template's sentence, with the default patterns)."""
    comps = "，".join(
        fill(BY_KEY["hours.component"].default, {"name": c["name"], "at_least": "不少于" if c.get("at_least") else "", "hours": c["hours"]})
        for c in hours.get("components", [])
    )
    return fill(BY_KEY["hours"].default, {"lead": blk.get("lead", "每人年度参训"), "at_least": "不少于" if hours.get("at_least") else "",
                                          "required": hours["required"], "components": comps})
