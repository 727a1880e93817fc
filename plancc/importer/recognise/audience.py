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

_TITLE = re.compile(r"^(?:培训|研修|参训|项目|学习)?对象(?:与|和|及)?(?:范围|要求|学时|分层)?$")
_COUNT = re.compile(r"共(?:计|有)?(?P<n>\d+)(?P<unit>名|人)[，,]其中[，,]?")
_PART = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,10}?)(?P<n>\d+)(?P<unit>名|人)$")
_EXEMPT = re.compile(r"^(?P<reason>[^，。；{}]{4,80}?)的(?P<who>教师|老师|人员|学员)[，,](?P<rest>[^。；{}]*(?:免修|免训|免于参加|免予参加|可不参加|免考)[^。；{}]*)。$")


#: an exemption is one sentence: longer paragraphs are not read for one
_SHORT = 300


def recognise_audience(ctx: Ctx) -> None:
    plan = ctx.plan
    components = [c.get("name") for c in (plan.get("hours") or {}).get("components", []) if isinstance(c, dict)]
    exempt_found = False
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        title = (sec.get("title") or "").strip()
        for i, para in enumerate(content):
            if isinstance(para, str) and len(para) <= LONGEST:
                content[i] = _counts(ctx, para, path + ("content", i), about=_TITLE.match(title) is not None)
        if _TITLE.match(title) and "audience" not in plan:
            first = next((k for k, c in enumerate(content) if isinstance(c, str)), None)
            if first is not None and "{" not in content[first] and (len(content[first]) > _SHORT or _EXEMPT.match(content[first].strip()) is None):
                plan["audience"] = {"description": content[first]}
                content[first] = "{=audience}"
                ctx.guess("import.guess.audience", path + ("content", first), ("audience",))
        if exempt_found or not isinstance(plan.get("audience"), dict):
            continue
        exempt_found = _exemptions(ctx, content, components, path)


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


def _exemptions(ctx: Ctx, content: list, components: list, path) -> bool:
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
            ex: dict = {"reason": m.group("reason")}
            rest = m.group("rest")
            comp = next((c for c in sorted(components, key=len, reverse=True) if c and c in rest), None)
            typed_rest = rest
            if comp is not None:
                ex["component"] = comp
                typed_rest = rest.replace(comp, "{=component}", 1)
            exemptions.append(ex)
            wording[f"exemption[{n}]"] = "{=reason}的" + m.group("who") + "，" + typed_rest + "。"
        ctx.plan["audience"]["exemptions"] = exemptions
        content[i:j] = [{"exemptions": "sentence", "wording": wording}]
        ctx.guess("import.guess.exemptions", path + ("content", i), ("audience", "exemptions"), count=len(exemptions))
        return True
    return False
