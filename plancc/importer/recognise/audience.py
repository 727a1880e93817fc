"""Who is trained: the audience, its head count, and who is exempted.

* audience — the first paragraph under a heading such as “培训对象”“研修对象”“参训对象” is
  ``audience`` (the prose cites it as ``{=audience}``);
* head counts — “共120名，其中小学60名、初中40名、高中20名” (a total whose parts are listed after
  “其中”) becomes a figure with its parts, cited where it stands, so that the rules add the parts up;
* exemptions — “当年参加省级骨干教师培训并考核合格的教师，可免修当年专业科目学时。”: the reason,
  and the hours component it names, as ``audience.exemptions`` and an ``{exemptions: sentence}``
  block whose pattern is the sentence's own words (``{=reason}的教师，可免修当年{=component}学时。``).
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import LONGEST, Ctx, cite, lst, number, outside_refs, walk

_TITLE = re.compile(r"^(?:(?:培训|研修|参训|项目|学习)?对象(?:与|和|及)?(?:范围|要求|学时|分层)?|(?:培训|参训|研修)(?:人员|范围))$")
_COUNT = re.compile(r"共(?:计|有)?(?P<n>\d+)(?P<unit>名|人)[，,]其中[，,]?")
_PART = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,10}?)(?P<n>\d+)(?P<unit>名|人)$")
_EXEMPT = re.compile(r"^(?P<reason>[^，,。；{}]{4,80}?)的(?P<names>(?:[\u4e00-\u9fff]{2,4}、){0,30}[\u4e00-\u9fff]{2,4}(?=教师|老师))?"
                     r"(?P<who>教师|老师|人员|学员)(?P<comma>[，,])(?P<rest>[^。；{}]*(?:免修|免训|免于参加|免予参加|可不参加|免考)[^。；{}]*)。$")
_DONE = re.compile(r"完成(\d+(?:\.\d+)?)学时")


#: an exemption is one sentence: longer paragraphs are not read for one
_SHORT = 300


def recognise_audience(ctx: Ctx) -> None:
    plan = ctx.plan
    hours = plan.get("hours") if isinstance(plan.get("hours"), dict) else {}
    components = [c.get("name") for c in hours.get("components") or [] if isinstance(c, dict)]
    exempt_found = False
    for path, sec in walk(lst(plan, "sections")):
        joined = None  # where the audience sentence was split from the exemption typed after it
        content = lst(sec, "content")
        title = (sec.get("title") or "").strip().rstrip("。.：:")  # “（一）培训对象。” typed as a sentence
        for i, para in enumerate(content):
            if isinstance(para, str) and len(para) <= LONGEST:
                content[i] = _counts(ctx, para, path + ("content", i), about=_TITLE.match(title) is not None)
        if _TITLE.match(title) and "audience" not in plan:
            first = next((k for k, c in enumerate(content) if isinstance(c, str)), None)
            if first is not None and "{" not in content[first]:
                text = content[first]
                cut = text.find("。") + 1
                if len(text) <= _SHORT and 0 < cut < len(text) and _EXEMPT.match(text[cut:].strip()):
                    # who is trained and who is exempted in one paragraph: the exemption sentence after it
                    plan["audience"] = {"description": text[:cut]}
                    content[first:first + 1] = ["{=audience}", text[cut:]]
                    joined = first
                    ctx.guess("import.guess.audience", path + ("content", first), ("audience",))
                elif len(text) > _SHORT or _EXEMPT.match(text.strip()) is None:
                    plan["audience"] = {"description": text}
                    content[first] = "{=audience}"
                    ctx.guess("import.guess.audience", path + ("content", first), ("audience",))
                    _head_count(ctx, text, path + ("content", first))
        if exempt_found or not isinstance(plan.get("audience"), dict):
            continue
        exempt_found = _exemptions(ctx, content, components, path, joined)
        if joined is not None and not exempt_found:
            content[joined:joined + 2] = [plan["audience"]["description"] + content[joined + 1]]  # as typed, one paragraph
            del plan["audience"]


#: “……任教的教师，共86人。”: the head count of the audience sentence (its parts, when listed, are a figure)
_HEAD_COUNT = re.compile(r"共(?:计|有)?(\d+)(?:名|人)(?![，,]?其中)")


def _head_count(ctx: Ctx, text: str, where) -> None:
    """The one head count the audience sentence gives, as ``audience.count``."""
    found = _HEAD_COUNT.findall(text) if len(text) <= _SHORT else []
    if len(found) == 1 and 0 < int(found[0]) <= 10_000_000:
        ctx.plan["audience"]["count"] = int(found[0])
        ctx.guess("import.guess.audience_count", where, ("audience", "count"), count=found[0])


def _counts(ctx: Ctx, para: str, where, about: bool) -> str:
    m = _COUNT.search(para)
    if m is None or not outside_refs(para, m.start(), m.end()):
        return para
    end = min([k for k in (para.find(c, m.end()) for c in "。；;") if k != -1] or [len(para)])
    parts, spans, at = {}, [], m.end()
    for piece in re.finditer(r"[^、，,]+", para[at:end]):
        p = _PART.match(piece.group(0))
        if p is None or p.group("name") in parts:
            return para
        parts[p.group("name")] = number(p.group("n"))
        spans.append((at + piece.start() + p.start("n"), at + piece.start() + p.end("n"), p.group("name")))
    if len(parts) < 2:
        return para
    figures = ctx.plan.setdefault("figures", {})
    base = "参训人数" if about or re.search(r"参训|学员|教师|遴选", para[:m.start()]) else "人数"
    name, k = base, 2
    while name in figures:
        name, k = f"{base}{k}", k + 1
    figures[name] = {"value": number(m.group("n")), "unit": "人", "parts": parts}
    refs = [(m.start("n"), m.end("n"), "{=figures." + name + "}")] + [(s, e, "{=figures." + name + "." + part + "}") for s, e, part in spans]
    ctx.guess("import.guess.cited", where, ("figures", name), text=m.group("n"), ref="{=figures." + name + "}")
    return cite(para, refs)


def _exemptions(ctx: Ctx, content: list, components: list, path, joined=None) -> bool:
    """Consecutive exemption sentences: the first run found in the plan."""
    for i, para in enumerate(content):
        run = []
        j = i
        while j < len(content) and isinstance(content[j], str) and len(content[j]) <= _SHORT \
                and (m := _EXEMPT.match(content[j].strip())) is not None:
            run.append(m)
            j += 1
        if not run:
            continue
        exemptions, wording = [], {}
        for n, m in enumerate(run, 1):
            ex: dict = {}
            if m.group("names"):
                ex["teachers"] = m.group("names").split("、")
            ex["reason"] = m.group("reason")
            rest = m.group("rest")
            d = _DONE.search(rest)
            if d is not None:
                ex["hours"] = number(d.group(1))
                rest = rest[: d.start(1)] + "{=hours}" + rest[d.end(1):]
            comp = next((c for c in sorted(components, key=len, reverse=True) if c and c in rest), None)
            if comp is not None:
                ex["component"] = comp
                rest = rest.replace(comp, "{=component}", 1)
            exemptions.append(ex)
            pattern = "{=reason}的" + ("{=teachers}" if m.group("names") else "") + m.group("who") + m.group("comma") + rest + "。"
            if pattern != "{=reason}的{=teachers}教师，在完成{=hours}学时的培训任务后，可免于参加本年度全员培训的{=component}培训。":
                wording[f"exemption[{n}]"] = pattern
        ctx.plan["audience"]["exemptions"] = exemptions
        block: dict = {"exemptions": "sentence"}
        if joined is not None and i == joined + 1:
            block["lead"] = "{=audience}"  # the audience sentence and the exemptions in one paragraph
            i -= 1
        if wording:
            block["wording"] = wording
        content[i:j] = [block]
        ctx.guess("import.guess.exemptions", path + ("content", i), ("audience", "exemptions"), count=len(exemptions))
        return True
    return False
