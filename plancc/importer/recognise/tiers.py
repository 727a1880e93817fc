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
from plancc.text.wording import fill

_NAMED = r"(?:新任|新入职|新|[\u4e00-\u9fff]{1,4}?期|青年|骨干|资深|中青年|老|成熟|专家型)教师"
_DASH = r"(?P<dash>-|—|－|–|~|～|至)"
_OPEN = r"(?P<open>年以上|年及以上)"
#: the ways a tier is typed: 新教师（教龄1-2年）, 教龄1-2年的新任教师, 3-5年教龄的青年教师, …以上
_FORMS = (
    re.compile(rf"(?P<name>{_NAMED})（教龄(?P<lo>\d+)(?:{_DASH}(?P<hi>\d+)年|{_OPEN})）"),
    re.compile(rf"教龄(?P<lo>\d+)(?:{_DASH}(?P<hi>\d+)年|{_OPEN})的(?P<name>[\u4e00-\u9fff]{{1,6}}?教师)"),
    re.compile(rf"(?P<lo>\d+)(?:{_DASH}(?P<hi>\d+)年|{_OPEN})教龄的(?P<name>[\u4e00-\u9fff]{{1,6}}?教师)"),
    re.compile(rf"(?P<name>{_NAMED})[（(](?P<lo>\d+)(?:{_DASH}(?P<hi>\d+)年|{_OPEN})教龄[）)]"),
)
_SEP = re.compile(r"、|和|及|以及")
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


def _tier_at(text: str, pos: int, search: bool):
    """The first tier typed at (or, searching, after) `pos`: (match, tier, pattern without its separator)."""
    best = None
    for rx in _FORMS:
        m = rx.search(text, pos) if search else rx.match(text, pos)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    m = best
    lo, hi = int(m.group("lo")), int(m.group("hi")) if m.group("hi") else None
    typed = m.group(0)
    tier = {"name": m.group("name"), "years": [lo, hi]}
    years = f"教龄{lo}年以上" if hi is None else f"教龄{lo}-{hi}年"
    values = {"name": tier["name"], "years": years, "years_from": lo, "years_to": hi}
    # the pattern: the typed words with the figures as references, the shortest that prints them
    pieces = [typed.replace(years, "{=years}", 1) if years in typed else None]
    t = typed.replace(tier["name"], "{=name}", 1)
    if hi is None:
        t2 = re.sub(rf"(?<!\d){lo}(?=年)", "{=years_from}", t, count=1)
    else:
        t2 = re.sub(rf"(?<!\d){lo}(?=\D)", "{=years_from}", t, count=1)
        t2 = re.sub(rf"(?<=[-—－–~～至]){hi}(?=年)", "{=years_to}", t2, count=1)
    pieces.append(t2)
    for pat in pieces:
        if pat is None:
            continue
        if pat is pieces[0]:
            pat = pat.replace(tier["name"], "{=name}", 1)
        if "{=name}" in pat and fill(pat, values) == typed and re.search(r"\d", pat.replace("{=years_from}", "").replace("{=years_to}", "")) is None:
            return m, tier, pat
    return None


def _run(text: str):
    """The first run of ≥2 tiers in `text`: (start, end, tiers, wording), or None."""
    pos = 0
    while True:
        got = _tier_at(text, pos, True)
        if got is None:
            return None
        m = got[0]
        start, tiers, patterns, at = m.start(), [], [], m.start()
        while got is not None and got[0].start() == at:
            m, tier, pat = got
            at = m.end()
            sep = _SEP.match(text, at)
            nxt = _tier_at(text, sep.end(), False) if sep else None
            tiers.append(tier)
            if nxt is None:
                patterns.append(pat + "{=sep}")
                break
            patterns.append(pat + ("{=sep}" if sep.group(0) == "、" else sep.group(0)))
            at, got = sep.end(), nxt
        if len(tiers) >= 2 and len({t["name"] for t in tiers}) == len(tiers):
            return start, at, tiers, _wording(tiers, patterns)
        pos = start + 1


def _wording(tiers: list, patterns: list) -> dict:
    default = "{=name}（{=years}）{=sep}"
    common = max(set(patterns), key=patterns.count)
    out = {}
    if common != default and patterns.count(common) > 1:
        out["tier"] = common
    else:
        common = default
    for t, p in zip(tiers, patterns):
        if p != common:
            out[f"tier[{t['name']}]"] = p
    return out
