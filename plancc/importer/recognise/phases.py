"""Phases with dates: the timeline of a plan.

* dated — numbered entries that open with their time: “（一）2022年11月15日前，……”,
  “（四）2022年11月25日—12月10日，……”, an entry titled by its span with its tasks
  numbered under it (“（五）2022年11月30日—2023年4月30日” / 1. 2. 3.);
* staged — “第一阶段：暑假研修（2024年7-9月）” headings (or lines) with their tasks and
  “培训形式：……” under them.

A run of such entries becomes ``phases:`` and one ``{phases: dated|staged}`` block; a time
typed otherwise than the default form gets its own pattern (``phase.range[6]: "{=range:full}"``),
so the block prints the source's words. The sentence announcing them (“分为六个阶段”) cites
``{=phases.count:cn}``.
"""

from __future__ import annotations

import re
from typing import Optional

from plancc.importer.recognise.common import COUNT, Ctx, count_ref, lst, match_date, match_span, own_list, parse_count, range_format, walk

_STAGE = re.compile(r"^第(?P<n>[一二三四五六七八九十]+)阶段(?P<colon>[：:])(?P<name>.+?)(?:(?P<open>[（(])(?P<when>[^（）()]+)(?P<close>[）)]))?$")
_FORM = re.compile(r"^培训形式(?P<colon>[：:])(?P<form>.+)$")
_RESP = re.compile(r"^责任(?:单位|人)(?P<colon>[：:])(?P<who>.+)$")
_ANNOUNCE = re.compile(rf"分为(?P<n>{COUNT})个阶段")


def recognise_phases(ctx: Ctx) -> None:
    plan = ctx.plan
    if plan.get("phases"):
        return
    for path, sec in walk(lst(plan, "sections")):
        if _dated(ctx, path, sec) or _staged_sections(ctx, path, sec) or _named_stage_sections(ctx, path, sec) \
                or _staged_lines(ctx, path, sec) or _table(ctx, path, sec):
            _announce(ctx, path, sec)
            return


# -- the time of a phase -----------------------------------------------------------------

def _when(text: str, pos: int = 0, year: Optional[int] = None, lone: bool = False) -> Optional[tuple[dict, str, int]]:
    """The phase's dates at `pos`, the pattern its typed form needs ("" for the default), where it ends.
    With `year` (the year the phases before it are in), a time typed without its year (“8月18日—29日”,
    “9月1日前”) is read in that year, its words kept as typed."""
    span = match_span(text, pos)
    if span is not None:
        start, end, m = span
        fmt = range_format(start, end, m.group(0))
        if fmt is None:  # typed in a form no format prints (“5月一6月”, spaces): the words as typed
            return {"start": start.iso(), "end": end.iso()}, _literal(m.group(0)), m.end()
        return {"start": start.iso(), "end": end.iso()}, ("{=range" + fmt + "}" if fmt else ""), m.end()
    if year is not None and match_date(text, pos) is None:
        got = _month_day(text, pos, year)
        if got is not None:
            return got
    d = match_date(text, pos)
    if d is not None:
        due, m = d
        for tail, pattern in (("前", ""), ("之前", "{=due}之前"), ("以前", "{=due}以前")):
            if text.startswith(tail, m.end()):
                if text[m.start():m.end()] != due.cn():
                    pattern = _literal(text[m.start():m.end() + len(tail)])
                return {"due": due.iso()}, pattern, m.end() + len(tail)
        if lone and m.end() == len(text):  # the whole time is one month or day: the phase starts and ends in it
            return {"start": due.iso(), "end": due.iso()}, _literal(m.group(0)), m.end()
    return None


_MD = r"(\d{1,2})月(?:(\d{1,2})[日号])?"
_MD_SPAN = re.compile(rf"{_MD}\s*(?:--|——|—|–|-|－|~|～|至|到)\s*(?:(次年|翌年)?(\d{{1,2}})月)?(?:(\d{{1,2}})[日号])?")
_MD_DUE = re.compile(r"(\d{1,2})月(\d{1,2})[日号](前|之前|以前)")


def _month_day(text: str, pos: int, year: int):
    """A span or a deadline typed without its year, read in `year`; its words are the pattern."""
    from plancc.importer.recognise.common import _date

    m = _MD_DUE.match(text, pos)
    if m is not None:
        due = _date(year, m.group(1), m.group(2))
        return ({"due": due.iso()}, _literal(m.group(0)), m.end()) if due else None
    m = _MD_SPAN.match(text, pos)
    if m is None or not (m.group(4) or m.group(5)):
        return None
    sm, sd, next_year, em, ed = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    if (sd is None) != (ed is None):
        return None  # “8月1日—9月” mixes a day and a month
    em = em or sm
    ey = year + 1 if next_year or int(em) < int(sm) else year
    start, end = _date(year, sm, sd), _date(ey, em, ed)
    if not start or not end or end.first_day < start.first_day:
        return None
    return {"start": start.iso(), "end": end.iso()}, _literal(m.group(0)), m.end()


LITERAL = "\u0000"


def _literal(typed: str) -> str:
    """A pattern that is the source's words (marked, so that a guess says the time is not generated)."""
    return LITERAL + typed


# -- dated -----------------------------------------------------------------------------

def _dated(ctx: Ctx, path, sec) -> bool:
    subs = lst(sec, "sections")
    content = lst(sec, "content")
    from_items = False
    if not subs and len(content) == 1 and isinstance(content[0], dict) and set(content[0]) == {"items"}:
        if not all(isinstance(t, str) for t in content[0]["items"]):
            return False
        subs, from_items = [{"content": [t]} for t in content[0]["items"]], True  # the entries typed as one list
    if len(subs) < 2:
        return False
    found = []
    year = _first_year(ctx.plan)
    for sub in subs:
        got = _dated_entry(sub, year)
        if got is None:
            return False
        found.append(got)
        last = got[0].get("end") or got[0].get("due") or ""
        year = int(last[:4]) if last[:4].isdigit() else year
    phases, wording = [], {}
    for n, (phase, pattern) in enumerate(found, 1):
        phases.append(phase)
        if pattern:
            wording[("phase.due" if "due" in phase else "phase.range") + f"[{n}]"] = _pattern(ctx, pattern, path, n)
    block: dict = {"phases": "dated"}
    if wording:
        block["wording"] = wording
    ctx.plan["phases"] = phases
    if from_items:
        sec["content"] = [block]
    else:
        own_list(sec, "content").append(block)
    sec.pop("sections", None)
    for n, _ in enumerate(phases):
        ctx.guess("import.guess.phase", path + (("content", 0) if from_items else ("sections", n)), ("phases", n), number=n + 1)
    return True


def _pattern(ctx: Ctx, pattern: str, path, n: int) -> str:
    if pattern.startswith(LITERAL):
        ctx.guess("import.guess.phase_time_typed", path, ("phases", n - 1), number=n, text=pattern[1:])
        return pattern[1:]
    return pattern


def _year_after(phase: dict, year: Optional[int]) -> Optional[int]:
    last = str(phase.get("end") or phase.get("due") or phase.get("start") or "")
    return int(last[:4]) if last[:4].isdigit() else year


def _first_year(plan: dict) -> Optional[int]:
    """The year a timeline typed without years starts in: the period's start, else the title's one year."""
    start = str((plan.get("period") or {}).get("start") or "") if isinstance(plan.get("period"), dict) else ""
    if start[:4].isdigit():
        return int(start[:4])
    doc = plan.get("document") if isinstance(plan.get("document"), dict) else {}
    title = doc.get("title")
    text = "".join(title) if isinstance(title, list) else str(title or "")
    years = set(re.findall(r"(?<!\d)(\d{4})年", text))
    return int(years.pop()) if len(years) == 1 else None


def _dated_entry(sub: dict, year: Optional[int] = None):
    if not isinstance(sub, dict) or sub.get("numbered") is False:
        return None
    title = (sub.get("title") or "").strip()
    content = lst(sub, "content")
    if title and not content and not sub.get("sections") and not sub.get("run_in"):
        got = _when(title, 0, year)
        if got is not None and got[2] < len(title) and title[got[2]] == "，":
            title, content = "", [title]  # the whole entry read as a heading: its words are the same
    if not title:  # （一）2022年11月15日前，tasks
        if len(content) != 1 or not isinstance(content[0], str) or sub.get("sections"):
            return None
        text = content[0]
        got = _when(text, 0, year)
        if got is None or got[2] >= len(text) or text[got[2]] != "，":
            return None
        tasks = text[got[2] + 1:]
        if not tasks.strip():
            return None
        return dict(got[0], tasks=tasks), got[1]
    if sub.get("run_in"):
        return None
    got = _when(title, 0, year)
    if got is None or got[2] != len(title):  # a heading that is only the time, its tasks numbered under it
        return None
    tasks = []
    for s in lst(sub, "sections"):
        t = lst(s, "content")
        if s.get("title") or len(t) != 1 or not isinstance(t[0], str) or s.get("sections"):
            return None
        tasks.append(t[0])
    if content or len(tasks) < 2:
        return None
    return dict(got[0], tasks=tasks), got[1]


# -- staged ----------------------------------------------------------------------------

def _stage_head(title: str, n: int, ctx: Ctx | None = None, path=(), year: Optional[int] = None):
    m = _STAGE.match(title.strip())
    if m is None or parse_count(m.group("n")) != n:
        return _stage_head_when_first(title, n, ctx, path, year)
    phase: dict = {"name": m.group("name")}
    pattern = ""
    if m.group("when"):
        got = _when(m.group("when"), 0, year)
        if got is None or got[2] != len(m.group("when")):
            return None
        phase.update(got[0])
        pattern = got[1]
    opened, closed = m.group("open") or "（", m.group("close") or "）"
    default = (m.group("colon"), opened, closed) == ("：", "（", "）")
    when = "{=when}"
    if pattern.startswith(LITERAL):  # the time as typed, in the heading's own pattern
        when, pattern = pattern[1:], ""
        if ctx is not None:
            ctx.guess("import.guess.phase_time_typed", path, ("phases", n - 1), number=n, text=when)
        default = False
    stage_pattern = None if default else f"第{{=number:cn}}阶段{m.group('colon')}{{=name}}{{?{opened}{when}{closed}}}"
    if when != "{=when}":
        stage_pattern = f"第{{=number:cn}}阶段{m.group('colon')}{{=name}}{opened}{when}{closed}"
    return phase, pattern, stage_pattern


#: “第一阶段（2025年3月1日—3月15日）：准备启动” — the time before the name
_STAGE_WHEN_FIRST = re.compile(r"^第(?P<n>[一二三四五六七八九十]+)阶段(?P<open>[（(])(?P<when>[^（）()]+)(?P<close>[）)])(?P<colon>[：:])(?P<name>[^（）()]+)$")


def _stage_head_when_first(title: str, n: int, ctx: Ctx | None, path, year: Optional[int] = None):
    m = _STAGE_WHEN_FIRST.match(title.strip())
    if m is None or parse_count(m.group("n")) != n:
        return None
    got = _when(m.group("when"), 0, year)
    if got is None or got[2] != len(m.group("when")):
        return None
    phase: dict = {"name": m.group("name"), **got[0]}
    when, pattern = "{=when}", got[1]
    if pattern.startswith(LITERAL):
        when, pattern = pattern[1:], ""
        if ctx is not None:
            ctx.guess("import.guess.phase_time_typed", path, ("phases", n - 1), number=n, text=when)
    stage_pattern = f"第{{=number:cn}}阶段{m.group('open')}{when}{m.group('close')}{m.group('colon')}{{=name}}"
    return phase, pattern, stage_pattern


def _stage_body(phase: dict, paras: list, wording: dict, n: int) -> bool:
    tasks = []
    for p in paras:
        if not isinstance(p, str):
            return False
        f, r = _FORM.match(p.strip()), _RESP.match(p.strip())
        if f is not None and "form" not in phase:
            phase["form"] = f.group("form")
            if f.group("colon") != "：":
                wording["phase.form"] = "培训形式" + f.group("colon") + "{=form}"
        elif r is not None and "responsible" not in phase:
            phase["responsible"] = r.group("who")
            if not p.strip().startswith("责任单位："):
                return False
        elif "form" in phase or "responsible" in phase:
            return False  # tasks after the form: the block would reorder them
        else:
            tasks.append(p)
    if tasks:
        phase["tasks"] = tasks[0] if len(tasks) == 1 else tasks
    return True


def _finish_staged(ctx: Ctx, path, sec, phases, wording, stage_patterns) -> None:
    if len(set(stage_patterns) - {None}) == 1 and None not in stage_patterns:
        wording["phase.stage"] = stage_patterns[0]
    elif any(stage_patterns):
        for n, sp in enumerate(stage_patterns, 1):
            if sp:
                wording[f"phase.stage[{n}]"] = sp
    block: dict = {"phases": "staged"}
    if wording:
        block["wording"] = wording
    ctx.plan["phases"] = phases
    own_list(sec, "content").append(block)
    for n, _ in enumerate(phases):
        ctx.guess("import.guess.phase", path, ("phases", n), number=n + 1)


def _staged_sections(ctx: Ctx, path, sec) -> bool:
    subs = lst(sec, "sections")
    if len(subs) < 2 or any(s.get("numbered", True) is not False for s in subs):
        return False
    phases, wording, stage_patterns = [], {}, []
    year = _first_year(ctx.plan)
    for n, sub in enumerate(subs, 1):
        head = _stage_head(sub.get("title") or "", n, ctx, path, year)
        if head is None or sub.get("sections") or sub.get("run_in"):
            return False
        phase, pattern, sp = head
        if pattern:
            wording[f"phase.range[{n}]"] = pattern
        if not _stage_body(phase, lst(sub, "content"), wording, n):
            return False
        phases.append(phase)
        stage_patterns.append(sp)
        year = _year_after(phase, year)
    sec.pop("sections", None)
    _finish_staged(ctx, path, sec, phases, wording, stage_patterns)
    return True


#: “动员部署阶段（2025年2月—3月）”: a heading that is a stage's name ending in 阶段 and its time in brackets
#: (or “准备阶段：2025年3月—4月”, its time after a colon)
_NAMED_STAGE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,16}阶段)(?:(?P<open>[（(])(?P<when>[^（）()]+)(?P<close>[）)])"
                          r"|(?P<colon>[：:])(?P<after>[^（）()：:]+))$")
#: the number a section at this depth prints (1: 一、, 2: （一）, 3: 1., 4: （1）), as a phase.stage pattern writes it
_DEPTH_NUMBER = {1: "{=number:cn}、", 2: "（{=number:cn}）", 3: "{=number}.", 4: "（{=number}）"}


def _named_stage_sections(ctx: Ctx, path, sec) -> bool:
    """Numbered headings “（一）动员部署阶段（2025年2月—3月）” with their tasks under them: staged phases
    whose heading pattern prints the heading's number (the staged block's headings are not numbered),
    its name and its time as typed. A stage of one month (“总结考核阶段（2025年11月）”) starts and ends in it."""
    subs = lst(sec, "sections")
    depth = sum(1 for k in path if k == "sections") + 1
    unnumbered = bool(subs) and all(s.get("numbered") is False for s in subs if isinstance(s, dict))
    number = "" if unnumbered else _DEPTH_NUMBER.get(depth)  # headings typed without numbers print none
    if number is None or len(subs) < 2 or sec.get("numbering") or (sec.get("numbered") is False and not unnumbered):
        return False
    year = _first_year(ctx.plan)
    found = []
    for n, sub in enumerate(subs, 1):
        m = _NAMED_STAGE.match((sub.get("title") or "").strip())
        if m is None or sub.get("sections") or sub.get("run_in") or sub.get("numbering") \
                or (sub.get("numbered") is False) != unnumbered:
            return False
        paras = lst(sub, "content")
        if not paras or not all(isinstance(p, str) and p.strip() for p in paras) or set(sub) - {"title", "content", "numbered"}:
            return False
        typed = m.group("when") or m.group("after")
        got = _when(typed, 0, year, lone=True)
        if got is None or got[2] != len(typed):
            return False
        found.append((m, got, paras))
        year = _year_after(got[0], year)
    phases, wording, stage_patterns = [], {}, []
    for n, (m, (when, pattern, _), paras) in enumerate(found, 1):
        phase: dict = {"name": m.group("name"), **when}
        if pattern:  # a time no format prints (one month) is the source's words
            wording[f"phase.range[{n}]"] = _pattern(ctx, pattern, path + ("sections", n - 1), n)
        if not _stage_body(phase, paras, wording, n):
            return False
        phases.append(phase)
        if m.group("open"):
            stage_patterns.append(f"{number}{{=name}}{m.group('open')}{{=when}}{m.group('close')}")
        else:
            stage_patterns.append(f"{number}{{=name}}{m.group('colon')}{{=when}}")
    sec.pop("sections", None)
    _finish_staged(ctx, path, sec, phases, wording, stage_patterns)
    return True


def _staged_lines(ctx: Ctx, path, sec) -> bool:
    """Stage headings typed as lines of the section's own content."""
    content = lst(sec, "content")
    if sec.get("sections"):
        return False
    year0 = _first_year(ctx.plan)
    first = next((i for i, p in enumerate(content) if isinstance(p, str) and _stage_head(p, 1, year=year0)), None)
    if first is None:
        return False
    groups: list[tuple[str, list]] = []
    year = year0
    for p in content[first:]:
        head = _stage_head(p, len(groups) + 1, year=year) if isinstance(p, str) else None
        if head is not None:
            year = _year_after(head[0], year)
            groups.append((p, []))
        else:
            groups[-1][1].append(p)
    if len(groups) < 2:
        return False
    phases, wording, stage_patterns = [], {}, []
    year = year0
    for n, (head_text, body) in enumerate(groups, 1):
        phase, pattern, sp = _stage_head(head_text, n, ctx, path, year)
        year = _year_after(phase, year)
        if pattern:
            wording[f"phase.range[{n}]"] = pattern
        if not _stage_body(phase, body, wording, n):
            return False
        phases.append(phase)
        stage_patterns.append(sp)
    del content[first:]
    _finish_staged(ctx, path, sec, phases, wording, stage_patterns)
    return True


def _announce(ctx: Ctx, path, sec) -> None:
    """“本年度专题培训分为六个阶段:” → {=phases.count:cn}, when the count is the phases'."""
    n = len(ctx.plan["phases"])
    content = lst(sec, "content")
    for i, p in enumerate(content):
        if not isinstance(p, str):
            continue
        m = _ANNOUNCE.search(p)
        if m and parse_count(m.group("n")) == n:
            ref = count_ref("phases.count", m.group("n"), n)
            if ref:
                content[i] = p[: m.start("n")] + ref + p[m.end("n"):]


# -- table -----------------------------------------------------------------------------

#: the columns the phases table prints, in its order (培训形式 and 责任单位 only when some phase has one)
_TABLE_COLUMNS = {"阶段": "name", "时间": "when", "主要任务": "tasks", "培训形式": "form", "责任单位": "responsible"}


def _table(ctx: Ctx, path, sec) -> bool:
    """A timeline typed as a table with the columns the phases table prints (阶段 | 时间 | 主要任务
    | 培训形式 | 责任单位): its rows are the phases, a time typed otherwise gets its pattern."""
    content = lst(sec, "content")
    for i, blk in enumerate(content):
        if not isinstance(blk, dict) or set(blk) != {"table"} or not isinstance(blk["table"], dict):
            continue
        t = blk["table"]
        cols = [str(c).strip() for c in t.get("columns") or []]
        keys = [_TABLE_COLUMNS.get(c) for c in cols]
        if keys[:3] != ["name", "when", "tasks"] or keys[3:] not in ([], ["form"], ["responsible"], ["form", "responsible"]) \
                or t.get("merge"):
            continue
        phases, wording = [], {}
        year = _first_year(ctx.plan)
        rows = t.get("rows") if isinstance(t.get("rows"), list) else []
        for n, row in enumerate(rows, 1):
            if not isinstance(row, list):
                phases = None
                break
            cells = [str(c).strip() if c is not None else "" for c in row]
            if len(cells) != len(cols) or any("\n" in c or "{" in c for c in cells):
                phases = None
                break
            rec = dict(zip(keys, cells))
            got = _when(rec["when"], 0, year, lone=True)
            if got is None or got[2] != len(rec["when"]) or not rec["tasks"]:
                phases = None
                break
            phase: dict = {}
            stage = _STAGE_NAME.match(rec["name"])
            if not rec["name"] or (stage is not None and parse_count(stage.group(1)) != n):
                phases = None
                break
            if stage is None:
                phase["name"] = rec["name"]
            phase.update(got[0])
            phase["tasks"] = rec["tasks"]
            for k in ("form", "responsible"):
                if rec.get(k):
                    phase[k] = rec[k]
            if got[1]:
                wording[("phase.due" if "due" in phase else "phase.range") + f"[{n}]"] = _pattern(ctx, got[1], path + ("content", i), n)
            phases.append(phase)
            year = _year_after(phase, year)
        if not phases or len(phases) < 2:
            continue
        if "form" in keys and not any("form" in p for p in phases) or "responsible" in keys and not any("responsible" in p for p in phases):
            continue  # an empty column the table would not print
        block: dict = {"phases": "table"}
        if t.get("caption"):
            block["caption"] = t["caption"]
        if wording:
            block["wording"] = wording
        ctx.plan["phases"] = phases
        content[i] = block
        for n, _ in enumerate(phases):
            ctx.guess("import.guess.phase", path + ("content", i), ("phases", n), number=n + 1)
        return True
    return False


_STAGE_NAME = re.compile(r"^第([一二三四五六七八九十]+)阶段$")
