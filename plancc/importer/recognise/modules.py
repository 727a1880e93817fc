"""Module lists with their counts: “设置师德养成、政策解读……家园共育八个模块共100学时的课程供教师选择。”

A sentence naming two or more modules joined by “、” before “N个模块” (or “N大模块”)
becomes a module set (its verb, modules, total hours, offer) and a ``{module_sets: […]}``
block; a label run in before it (“1.幼儿园新教师：”) is the set's label, and a run of
such labelled sections becomes one numbered block. Counts typed otherwise than the
default (“共11个模块”, “五大模块”) get a pattern; a count that is not the number of
modules listed stays as typed and is kept as ``module_count``, so validate reports it
(PL207). Words around the list become the block's lead and ending.
"""

from __future__ import annotations

import re
from typing import Optional

from plancc.importer.recognise.common import COUNT, LONGEST, Ctx, count_format, lst, number, own_list, parse_count, walk
from plancc.text.wording import BY_KEY, fill

_BODY = (rf"(?P<names>[^，。；：,;:]+?、[^，。；：,;:]+?)"
         rf"(?P<gong>共)?(?P<count>{COUNT})(?P<unit>个|大)模块(?:共(?P<hours>\d+(?:\.\d+)?)学时)?(?P<tail>.*)$")
_VERBS = "设置|提供|开设|包括|分为|包含|涵盖|设有"
_SENTENCE = re.compile(rf"^(?P<lead>.*?)(?P<verb>{_VERBS})?" + _BODY)
#: the same with its verb: the words before the verb are the lead, not part of the first module's name
#: (“培训内容分为师德修养、课堂教学……”)
_SENTENCE_VERB = re.compile(rf"^(?P<lead>.*?)(?P<verb>{_VERBS})" + _BODY)
#: the word joining the last two names (“信息技术应用和心理健康教育”), which the block does not print
_LAST_JOIN = re.compile(r"^(?P<a>[^和及与]+?)(?:以及|和|及|与)(?P<b>[^和及与]+)$")
_DEFAULT_TAIL = re.compile(r"^的(?P<offer>[^。]+)。$")


def recognise_modules(ctx: Ctx) -> None:
    plan = ctx.plan
    sets = plan.setdefault("module_sets", [])
    for path, sec in walk(lst(plan, "sections")):
        subs = lst(sec, "sections")
        if len(subs) >= 2 and all(s.get("run_in") and s.get("title") for s in subs):
            got = [_parse(only, label=s["title"]) if (only := _single(s)) else None for s in subs]
            if all(g is not None and g[1] is None and g[2] is None for g in got):
                block = _block(ctx, sets, [g[0] for g in got], [g[3] for g in got], path)
                own_list(sec, "content").append(block)
                sec.pop("sections", None)
                continue
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or "{=" in para or "模块" not in para or len(para) > LONGEST:
                continue
            got = _parse(para, label=None)
            if got is None:
                cited = _joined(para)
                if cited is not None:
                    ms, (s, e), ref_fmt = cited
                    ms["id"] = _id(sets, sec.get("title"))
                    sets.append(ms)
                    ref = "{=modules." + ms["id"] + ".count" + ref_fmt + "}"
                    content[i] = para[:s] + ref + para[e:]
                    ctx.guess("import.guess.cited", path + ("content", i), ("module_sets", len(sets) - 1),
                              text=para[s:e], ref=ref)
                continue
            ms, lead, ending, pattern = got
            if ending is not None and "{" in ending or lead is not None and "{" in lead:
                continue
            ms["id"] = _id(sets, sec.get("title"))
            block = _block(ctx, sets, [ms], [pattern], path + ("content", i))
            if lead:
                block["lead"] = lead
            if ending is not None:
                block["ending"] = ending
            content[i] = block
    if not sets:
        plan.pop("module_sets", None)


def _single(sec: dict) -> Optional[str]:
    content = lst(sec, "content")
    if len(content) == 1 and isinstance(content[0], str) and not sec.get("sections"):
        return content[0]
    return None


def _parse(text: str, label: Optional[str]):
    """(module set, lead, ending, pattern) from one sentence; None when it is not one."""
    if "模块" not in text or len(text) > LONGEST:
        return None
    m = _SENTENCE_VERB.match(text.strip()) or _SENTENCE.match(text.strip())
    if m is None:
        return None
    names = [n.strip() for n in m.group("names").split("、")]
    if len(names) < 2 or any(not n or len(n) > 40 for n in names):
        return None
    declared = parse_count(m.group("count"))
    if declared is None or (declared == len(names) + 1 and _LAST_JOIN.match(names[-1])):
        return None  # “……A和B四个模块”: the last two joined by 和 (_joined)
    ms: dict = {"verb": m.group("verb") or ""}
    if label:
        ms["label"] = label
        ms["id"] = label
    ms["modules"] = names
    if m.group("hours"):
        ms["total_hours"] = number(m.group("hours"))
    lead = m.group("lead") or None
    if label and lead:
        return None
    tail = m.group("tail")
    d = _DEFAULT_TAIL.match(tail)
    ending = None
    if d is not None:
        ms["offer"] = d.group("offer")
    else:
        ending = tail
    # the count as typed: its format when it is the list's, else the typed word itself
    fmt = count_format(m.group("count"), len(names), ("count", "cn", "")) if declared == len(names) else None
    word = "{=count" + fmt + "}" if fmt is not None else m.group("count")
    if declared != len(names):
        ms["module_count"] = declared
    pattern = "{=verb}{=names}" + (m.group("gong") or "") + word + m.group("unit") + "模块{?共{=hours}学时}{=ending}"
    if pattern == BY_KEY["module_set"].default:
        pattern = None
    values = {"verb": ms["verb"], "names": "、".join(names), "count": len(names), "hours": ms.get("total_hours"),
              "ending": ending if ending is not None else "的" + ms.get("offer", "") + "。"}
    body = text.strip()[len(lead or ""):]
    if fill(pattern or BY_KEY["module_set"].default, values) != body:
        return None
    return ms, lead, ending, pattern


def _joined(text: str):
    """“培训内容分为师德修养、课堂教学、信息技术应用和心理健康教育四个模块，……”: the last two names
    joined by 和 (the count says so: one more than the “、” list), which no module_set pattern prints.
    The sentence stays as typed and its count cites the set: (set, span of the count, its format)."""
    stripped = text.strip()
    m = _SENTENCE_VERB.match(stripped)
    if m is None:
        return None
    names = [n.strip() for n in m.group("names").split("、")]
    last = _LAST_JOIN.match(names[-1])
    declared = parse_count(m.group("count"))
    if last is None or declared is None or declared != len(names) + 1:
        return None
    names[-1:] = [last.group("a"), last.group("b")]
    if any(not n or len(n) > 40 for n in names) or len(set(names)) != len(names):
        return None
    fmt = count_format(m.group("count"), declared, ("cn", "count", ""))
    if fmt is None:
        return None
    at = len(text) - len(text.lstrip())
    ms: dict = {"verb": m.group("verb"), "modules": names}
    if m.group("hours"):
        ms["total_hours"] = number(m.group("hours"))
    return ms, (at + m.start("count"), at + m.end("count")), fmt


def _id(sets: list, title: Optional[str]) -> str:
    base = re.sub(r"[（(].*?[）)]", "", title or "").strip() or "模块组"
    taken = {s["id"] for s in sets}
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    return name


def _block(ctx: Ctx, sets: list, found: list[dict], patterns: list, path) -> dict:
    ids = []
    for ms in found:
        if ms["id"] in {s["id"] for s in sets}:
            ms["id"] = _id(sets, ms["id"])
        sets.append(ms)
        ids.append(ms["id"])
        if "module_count" in ms:
            ctx.guess("import.guess.module_count", path, ("module_sets", len(sets) - 1, "module_count"),
                      declared=ms["module_count"], listed=len(ms["modules"]))
    block: dict = {"module_sets": ids}
    wording = {}
    given = [p for p in patterns if p]
    if given and len(given) == len(patterns) and len(set(given)) == 1:
        wording["module_set"] = given[0]
    else:
        for ms, p in zip(found, patterns):
            if p:
                wording[f"module_set[{ms['id']}]"] = p
    if wording:
        block["wording"] = wording
    return block
