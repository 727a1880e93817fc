"""The training period: “三、培训时间：2022年11月-2023年4月。”, “（一）培训时间 / 2024年8月—2025年6月”.

The paragraph under (or run in after) a heading that names the time of training and
holds one span of dates becomes ``period: {start, end}``; the prose keeps
``{=period…}`` with the formats that print the span exactly as typed (“-” → ``:hyphen``).
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import (SP, DATE, LONGEST, Ctx, lst, match_date, match_span, outside_refs, range_format,
                                              sentence_bounds, walk)
from plancc.text.wording import format_value


_TITLE = re.compile(r"^(?:培训|研修|网络研修|集中培训|项目实施)?(?:时间|日期|期限|周期|时段)(?:安排)?$")
_SCHOOL_YEAR = re.compile(r"(\d{4})\s*[-—－~～至]\s*(\d{4})\s*学年度?")


def recognise_period(ctx: Ctx) -> None:
    plan = ctx.plan
    if (plan.get("period") or {}).get("start"):
        return
    for path, sec in walk(lst(plan, "sections")):
        _split_run_in(sec)
        title = (sec.get("title") or "").strip().rstrip("：:")
        if not _TITLE.match(title):
            continue
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or "{=" in para:
                continue
            text = para.strip()
            span = match_span(text) or _only_span(text)
            if span is None:
                continue
            start, end, m = span
            fmt = range_format(start, end, m.group(0))
            rest = text[m.end():]
            if fmt is None or not (rest in ("", "。", "；", ".", ";") or rest[:1] in "。；，）)"):
                # a span not printed by any format (spaces, “--”) or with more words: left as prose, said
                ctx.guess("import.guess.period_kept", path + ("content", i), path + ("content", i), text=text)
                return
            period = plan.setdefault("period", {})
            period["start"], period["end"] = start.iso(), end.iso()
            content[i] = para.replace(m.group(0), "{=period" + fmt + "}", 1)
            _school_year(plan)
            return
    if not _in_prose(ctx):
        _from_to(ctx)


#: “培训时间为2025年3月至12月”, “研修时间：2024年9月—2025年6月”: a paragraph that opens by naming the time
_LEAD = re.compile(r"^(?:本次|本年度|本学年|本项目)?(?:培训|研修|项目|实施|项目实施)(?:时间|周期|期限)(?:安排)?(?:为|是|定为|[：:])")


def _in_prose(ctx: Ctx) -> bool:
    plan = ctx.plan
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or "{=" in para:
                continue
            m0 = _LEAD.match(para)
            if m0 is None:
                continue
            span = match_span(para, m0.end())
            if span is None:
                continue
            start, end, m = span
            fmt = range_format(start, end, m.group(0))
            if fmt is None or para[m.end():m.end() + 1] not in ("", "。", "；", "，"):
                continue
            period = plan.setdefault("period", {})
            period["start"], period["end"] = start.iso(), end.iso()
            content[i] = para[: m.start()] + "{=period" + fmt + "}" + para[m.end():]
            ctx.guess("import.guess.cited", path + ("content", i), ("period",), text=m.group(0), ref="{=period" + fmt + "}")
            _school_year(plan)
            return True
    return False


#: “本学期校本研修自2025年3月1日起至2025年6月30日止”: the time as its two ends, worded around them
_FROM_TO = re.compile(rf"自{SP}(?P<a>{DATE}){SP}起?{SP}(?:至|到){SP}(?P<b>{DATE}){SP}(?:止|结束)")
_WHAT = re.compile(r"培训|研修|学习|项目|本学期|本学年|本年度")


def _from_to(ctx: Ctx) -> bool:
    """A sentence giving the training's time as “自……起至……止” (its subject names the training): the
    period, its ends cited where they stand (``{=period.start}``, ``{=period.end}``) as typed."""
    plan = ctx.plan
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or "自" not in para or len(para) > LONGEST:
                continue
            for m in _FROM_TO.finditer(para):
                ss, _ = sentence_bounds(para, m.start())
                if not _WHAT.search(para[ss:m.start()]) or not outside_refs(para, m.start(), m.end()):
                    continue
                a, b = match_date(m.group("a")), match_date(m.group("b"))
                if a is None or b is None or b[0].first_day < a[0].first_day:
                    continue
                start, end = a[0], b[0]
                if format_value(start, []) != m.group("a") or format_value(end, []) != m.group("b"):
                    continue  # a date no format prints as typed
                period = plan.setdefault("period", {})
                period["start"], period["end"] = start.iso(), end.iso()
                content[i] = (para[: m.start("a")] + "{=period.start}" + para[m.end("a"): m.start("b")] + "{=period.end}"
                              + para[m.end("b"):])
                ctx.guess("import.guess.cited", path + ("content", i), ("period",), text=m.group("a") + "、" + m.group("b"),
                          ref="{=period.start}、{=period.end}")
                _school_year(plan)
                return True
    return False


def _only_span(text: str):
    """The one span of a short paragraph that does not open with it (“2025年春季学期（2025年2月—2025年7月）”)."""
    if len(text) > 80:
        return None
    found = [got for k in range(1, len(text)) if text[k - 1] in "（(，：:为是" and (got := match_span(text, k)) is not None]
    return found[0] if len(found) == 1 else None


def _split_run_in(sec: dict) -> None:
    """A heading typed with its time after “：” and nothing under it (“培训时间：2022年11月-2023年4月。”)
    is a run-in heading: the time is its first paragraph."""
    title = sec.get("title") or ""
    head, colon, rest = title.partition("：")
    if colon and rest and not sec.get("content") and not sec.get("sections") and _TITLE.match(head.strip()) \
            and match_span(rest) is not None:
        sec["title"], sec["run_in"], sec["content"] = head, True, [rest]


def _school_year(plan: dict) -> None:
    """“2024-2025学年度” in the title: the period's school year (so {=school_year} works in prose)."""
    doc = plan.get("document") or {}
    title = doc.get("title")
    text = "".join(title) if isinstance(title, list) else str(title or "")
    m = _SCHOOL_YEAR.search(text)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        plan["period"].setdefault("school_year", f"{m.group(1)}-{m.group(2)}")
        term = re.match(r"\s*第([一二])学期", text[m.end():])
        if term is not None:  # “2024—2025学年第一学期”: the term the period is
            plan["period"].setdefault("semester", f"{m.group(1)}-{m.group(2)}学年第{term.group(1)}学期")
        return
    # “宾川县2022年……实施方案”: one year, the year the training starts → the plan's year
    years = re.findall(r"(?<![\d\-—－])(\d{4})年(?![度]?[-—－]\d)", text)
    if len(set(years)) == 1 and plan["period"]["start"].startswith(years[0] + "-"):
        plan["period"].setdefault("year", int(years[0]))
