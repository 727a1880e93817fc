"""Hours: “参训教师需完成72学时”, “提供不少于100学时”, “网络研修 24 学时。”, and the sentence
“每人年度参训不少于90学时（其中专业知识不少于60学时，公需知识30学时）。”.

The full sentence becomes an ``{hours: sentence}`` block (its lead and its components
as data) when the block prints it back exactly; otherwise the figures become
``{=hours.required}`` / ``{=hours.offered}`` references in the prose.

The same figures worded in other ways are cited where they stand, the sentence kept as typed:
“每位教师每年须完成不少于72学时的继续教育，其中专业科目不少于48学时、公需科目不少于24学时”
(required, at least, and the components after “其中”), “共计80学时，其中……” (a total whose parts
add up to it), new teachers' hours where the sentence speaks of their induction or probation
(“新任教师须参加不少于120学时的岗前培训”), the hours per credit (“按10学时折合1学分”) and the
credits (“不少于7.2学分”), and the hours of a cycle (“5年内累计不少于360学时” → a figure).
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import NUM, SP, LONGEST, Ctx, cite, clauses, lst, number, outside_refs, sentence_bounds, walk
from plancc.text.wording import BY_KEY, fill

# the sentence the hours block writes: lead, 不少于?, N学时, （其中 parts）。
_SENTENCE = re.compile(rf"^(?P<lead>[^0-9，。；,;（(]*?)(?P<least>不少于|不低于)?{NUM}学时[（(]其中(?P<parts>[^（）()]+)[）)]。$")
_PART = re.compile(rf"^(?P<name>[^0-9，,、]+?)(?P<least>不少于|不低于)?{NUM}学时$")
_REQUIRED = re.compile(rf"(?:需|须|应|要|必须)完成{SP}{NUM}{SP}学时")
_OFFERED = re.compile(rf"提供(?:不少于|不低于|超过)?{SP}{NUM}{SP}学时")
_BARE = re.compile(rf"^(?P<lead>[^0-9，。]{{1,12}}?){SP}{NUM}{SP}学时。?$")


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
                with_parts = m is not None and _parts_after(text, m.end(), sentence_bounds(text, m.start())[1]) is not None
                if with_parts:
                    m = None  # the required hours with their parts: cited with them (recognise_hours_cited)
                elif m is None and "学时" in (sec.get("title") or ""):
                    m = _BARE.match(text.strip())
                    if m is not None and (_WHO_NEW.search(m.group("lead")) or _OTHER_WHO.search(m.group("lead"))):
                        m = None  # the hours of some teachers, not everyone's
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


# -- figures cited where they stand -------------------------------------------------------

_LEAST = r"(?P<least>不少于|不低于|至少|不得少于)?"
_HOURS_AT = re.compile(rf"{_LEAST}{SP}{NUM}{SP}学时")
_PART_PIECE = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,12}}?){_LEAST}{NUM}学时$")
_WHO_NEW = re.compile(r"新任教师|新教师|新入职教师|新聘教师|见习教师|试用期教师")
_NEW_CONTEXT = re.compile(r"岗前|试用期|见习期|入职")
_CYCLE = re.compile(r"周期|[0-9一二三四五六七八九十]年(?:内|间|累计)|五年|三年")
_YEARLY = re.compile(r"每年|年度|每学年|全年|本学年")
_DUTY = re.compile(r"(?:须|需|应当?|必须|要|需要)(?:完成|参加|参训|修满|达到|累计|学习|取得)")
_EVERYONE = re.compile(r"(?:每位|每名|每个|每人|人均|全体|所有|参训|专任)(?:[\u4e00-\u9fff]{0,4}?)(?:教师|学员|老师)|^(?:教师|学员)"
                       r"|(?:教师|学员)[\u4e00-\u9fff]{0,6}?(?:年度|每年|每学年|全年|本年度|本学年)")
_EXEMPTED = re.compile(r"免修|免训|免于|免予|免考")
_TOTAL = re.compile(r"共计|合计|共")
_PER_CREDIT = (re.compile(rf"{NUM}{SP}学时{SP}(?:折合|折算为|折算|计|记){SP}1{SP}个?学分"),
               re.compile(rf"1{SP}个?学分{SP}(?:折合|相当于|等于|为|计){SP}{NUM}{SP}学时"))
_MINUTES = (re.compile(rf"(?:每|1|一){SP}学时{SP}(?:按|折合|计|为|等于|相当于){SP}{NUM}{SP}分钟"),)
_PER_DAY = re.compile(rf"(?:每|1|一){SP}天{SP}(?:按|折合|计|为|记){SP}{NUM}{SP}学时")
_RATIO = re.compile(rf"提供[^，。；]{{0,20}}?(?:所需|要求|规定)?学时(?:数)?的{SP}{NUM}{SP}倍")
_CREDITS = re.compile(rf"(?P<least>不少于|不低于|至少)?{SP}{NUM}{SP}学分")
_OTHER_WHO = re.compile(r"班主任|校长|园长|书记|骨干|名师|学员代表|培训者")


def recognise_hours_cited(ctx: Ctx) -> None:
    """The hours figures worded otherwise, cited where they stand (after the module sets, whose
    sentences hold their own hours)."""
    plan = ctx.plan
    hours = plan.get("hours") if isinstance(plan.get("hours"), dict) else {}
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or len(para) > LONGEST or not any(w in para for w in ("学时", "学分", "分钟")):
                continue
            spans: list = []
            _cite_hours(ctx, para, hours, spans, path + ("content", i))
            if spans:
                content[i] = cite(para, spans)
                by_root: dict = {}
                for a, b, r in sorted(spans):
                    root = r[2:-1].split(".")[0]
                    where = {"figures": ("figures", r[2:-1].split(".")[1]), "cycle": ("period", "cycle"), "rates": ("rates",)}.get(root, ("hours",))
                    by_root.setdefault(where, []).append((a, b, r))
                for data_path, group in by_root.items():
                    ctx.guess("import.guess.cited", path + ("content", i), data_path,
                              text="、".join(para[a:b] for a, b, _ in group), ref="、".join(r for _, _, r in group))
    if hours:
        plan["hours"] = hours


def _cite_hours(ctx: Ctx, text: str, hours: dict, spans: list, where) -> None:
    parts_of = clauses(text)
    def taken(s: int, e: int) -> bool:
        return any(s < e2 and s2 < e for s2, e2, _ in spans) or not outside_refs(text, s, e)
    for rx, g in ((_PER_CREDIT[0], 1), (_PER_CREDIT[1], 1)):
        m = rx.search(text)
        if m and "hours_per_credit" not in hours and not taken(m.start(g), m.end(g)):
            hours["hours_per_credit"] = number(m.group(g))
            spans.append((m.start(g), m.end(g), "{=hours.hours_per_credit}"))
    m = _MINUTES[0].search(text)
    if m and "minutes_per_hour" not in hours and not taken(m.start(1), m.end(1)) and number(m.group(1)) in (40, 45, 50, 60):
        hours["minutes_per_hour"] = number(m.group(1))
        spans.append((m.start(1), m.end(1), "{=hours.minutes_per_hour}"))
    m = _PER_DAY.search(text)
    rates = ctx.plan.get("rates") if isinstance(ctx.plan.get("rates"), dict) else None
    if m and not (rates and "hours_per_day" in rates) and not taken(m.start(1), m.end(1)):
        ctx.plan.setdefault("rates", {})["hours_per_day"] = number(m.group(1))
        spans.append((m.start(1), m.end(1), "{=rates.hours_per_day}"))
    m = _RATIO.search(text)
    if m and "offered_ratio" not in hours and not taken(m.start(1), m.end(1)):
        hours["offered_ratio"] = number(m.group(1))
        spans.append((m.start(1), m.end(1), "{=hours.offered_ratio}"))
    for m in _HOURS_AT.finditer(text):
        s, e = m.start(2), m.end(2)
        if taken(s, e):
            continue
        cs = next((a for a, b in parts_of if a <= m.start() <= b), 0)
        ss, se = sentence_bounds(text, m.start())
        head = text[cs:m.start()]
        sentence = text[ss:se]
        if head.lstrip().startswith("其中") or "其中" in head:
            continue  # the parts of a total: read with the total
        if "提供" in head or "模块" in head or "课程" in head:
            continue  # offered: the first reading's; a module set's hours: the module sets'

        if _WHO_NEW.search(head) and _NEW_CONTEXT.search(sentence) and ctx.plan.get("kind") != "new_teacher":
            if "new_teacher" not in hours:
                hours["new_teacher"] = number(m.group(2))
                spans.append((s, e, "{=hours.new_teacher}"))
            continue
        if (_WHO_NEW.search(head) and ctx.plan.get("kind") != "new_teacher") or _OTHER_WHO.search(head):
            continue
        if _CYCLE.search(head) and not _YEARLY.search(head):
            if _cycle(ctx, text, m, ss, se, spans, taken):
                continue
            figs = ctx.plan.setdefault("figures", {})
            if "周期学时" not in figs:
                fig: dict = {"value": number(m.group(2)), "unit": "学时", "scope": "cycle"}
                if m.group("least"):
                    fig["at_least"] = True
                parts = _parts_after(text, m.end(), se, least=1)
                if parts and all("." not in p[0] for p in parts):
                    fig["parts"] = {name: (f"≥{value}" if least else value) for name, value, least, _, _ in parts}
                    spans.extend((ps, pe, "{=figures.周期学时." + name + "}") for name, _, _, ps, pe in parts)
                figs["周期学时"] = fig
                spans.append((s, e, "{=figures.周期学时}"))
            continue
        if "required" in hours:
            continue
        parts = _parts_after(text, m.end(), se)
        total_word = _TOTAL.search(head)
        if _EXEMPTED.search(sentence):
            continue  # an exemption's hours: the audience's
        duty = _DUTY.search(head) or _EVERYONE.search(head)
        if not duty and not (total_word and parts):
            continue
        if parts is not None and total_word and not duty and sum(p[1] for p in parts) != number(m.group(2)):
            continue  # “共80学时，其中……” only when the parts make the total
        hours["required"] = number(m.group(2))
        if m.group("least"):
            hours["at_least"] = True
        spans.append((s, e, "{=hours.required}"))
        if parts and not hours.get("components"):
            comps = hours.setdefault("components", [])
            for name, value, least, ps, pe in parts:
                comp = {"name": name, "hours": value}
                if least:
                    comp["at_least"] = True
                comps.append(comp)
                spans.append((ps, pe, "{=hours.components." + name + "}"))
    if "credits" not in hours:
        for m in _CREDITS.finditer(text):
            s, e = m.start(2), m.end(2)
            if taken(s, e) or text[s:e] == "1":
                continue
            hours["credits"] = number(m.group(2))
            spans.append((s, e, "{=hours.credits}"))
            break


_YEARS = re.compile(r"(?<!\d)(\d{4})\s*(?:-|—|－|–|~|～|至|到)\s*(\d{4})\s*年")


def _cycle(ctx: Ctx, text: str, m, ss: int, se: int, spans: list, taken) -> bool:
    """“2021—2025年为一个培训周期，每位教师周期内累计不少于360学时（其中校本研修不少于120学时）”:
    the cycle's years and total (and its school-based part) as ``period.cycle``, cited."""
    plan = ctx.plan
    period = plan.get("period") if isinstance(plan.get("period"), dict) else None
    if period is not None and period.get("cycle"):
        return False
    y = _YEARS.search(text, ss, m.start())
    if y is None or not 1 <= int(y.group(2)) - int(y.group(1)) <= 9 or taken(y.start(1), y.end(2)):
        return False
    cycle: dict = {"start": int(y.group(1)), "end": int(y.group(2)), "total_hours": number(m.group(2))}
    refs = [(y.start(1), y.end(1), "{=cycle.start}"), (y.start(2), y.end(2), "{=cycle.end}"), (m.start(2), m.end(2), "{=cycle.total_hours}")]
    parts = _parts_after(text, m.end(), se, least=1)
    if parts is not None and len(parts) == 1 and parts[0][0] == "校本研修":
        cycle["school_based_hours"] = parts[0][1]
        refs.append((parts[0][3], parts[0][4], "{=cycle.school_based_hours}"))
    plan.setdefault("period", {})["cycle"] = cycle
    spans.extend(refs)
    return True


def _parts_after(text: str, pos: int, end: int, least: int = 2):
    """“，其中A不少于48学时、B不少于24学时” after the total: [(name, hours, at_least, start, end)], or None."""
    rest = text[pos:end]
    m = re.match(r"^(?:的[^，。；]{0,12})?[，,]?其中[，,：:]?", rest)
    if m is None:
        return None
    at = pos + m.end()
    body = text[at:end]
    out = []
    for piece in re.finditer(r"[^、，,]+", body):
        p = _PART_PIECE.match(piece.group(0).strip())
        if p is None:
            return None
        lead = piece.start() + (len(piece.group(0)) - len(piece.group(0).lstrip()))
        ps = at + lead + p.start(3)
        out.append((p.group("name"), number(p.group(3)), bool(p.group("least")), ps, at + lead + p.end(3)))
    if len(out) < least or len({o[0] for o in out}) != len(out):
        return None
    return out
