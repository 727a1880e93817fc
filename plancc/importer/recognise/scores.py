"""Scores worded in prose, cited where they stand: the weights and full marks of an
assessment's parts (“过程性考核占70%（满分70分），结果性考核占30%”), the pass and excellent
marks (“总分达60分为合格，85分以上为优秀”), the hours credited on passing (“考核合格……认定80学时”)
and the grade bands (“优秀（90分及以上）、良好（75—89分）、合格（60—74分）和不合格（60分以下）”).

They become data of the section's assessment (the one its table gave, else a new one named by
the section's heading), the sentence kept as typed with ``{=assessments.…}`` references, so that
the rules check the weights' sum, the marks against the full marks, and the bands' order.
A sentence whose figures do not read as one of these is left alone.
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import (
    COUNT,
    NUM,
    LONGEST,
    Ctx,
    cite,
    count_format,
    fresh_id,
    lst,
    number,
    outside_refs,
    parse_count,
    sentence_bounds,
    walk,
)

_SUFFIX = r"(?:考核|考试|评价|测评|测试|作业|表现|研修|学习|成绩|实践|成果|任务|活动|总结|考勤|出勤|答辩|展示|论文|反思)"
_PART = rf"(?P<name>[\u4e00-\u9fff]{{2,10}}?{_SUFFIX})"
#: “占总成绩的30%”, “按30%”: a share of the total, written once for the patterns below
_OF_TOTAL = rf"(?:占|按)(?:总成绩|总分|总评|考核总分|综合成绩)?的?{NUM}%"
_WEIGHT = re.compile(rf"{_PART}(?:成绩)?[（(]?{_OF_TOTAL}")
#: a share of the total named by the words before it since the last mark (“，出勤占30%”)
_SHARE = re.compile(rf"(?:^|(?<=[，、；。：:,;（()）]))(?P<name>[\u4e00-\u9fff]{{2,16}}?)[（(]?{_OF_TOTAL}")
_ANY_SHARE = re.compile(_OF_TOTAL)
_FULL = re.compile(rf"[（(，,]?(?:满分|计){NUM}分[）)]?")
_PASS = re.compile(rf"(?:总分|总成绩|考核总分|考核成绩|综合成绩|成绩|得分)?(?:达到|达|在|满)?{NUM}分(?:及以上|以上|\(含\)以上|（含）以上)?(?:的|者)?(?:为|评为|视为|认定为|即为|方为|才为)(?:考核)?(?:合格|及格)")
_EXCELLENT = re.compile(rf"{NUM}分(?:及以上|以上)(?:的|者)?(?:为|评为|视为|认定为)优秀")
_TOTAL = re.compile(rf"(?:^|(?<=[，。；,;：:]))(?:考核|本次考核|考核成绩|总成绩)?(?:实行|采用)?(?:满分|总分)(?:为|是|设为|共)?{NUM}分(?!以上|及以上|（含）|\(含\)|以下|为|者|的|即|方|才|可|视)")
_CREDIT = re.compile(rf"(?:认定|登记|计|记|授予|给予)(?:继续教育)?{NUM}学时")
_QUOTA = re.compile(r"(?P<name>优秀|良好)(?:等次|等级)?(?:的)?(?:比例|名额|人数)?(?:原则上)?(?:不超过|不高于|不得超过|控制在)"
                    r"(?:参训人数|参训教师|参训学员|考核人数|总人数)?(?:的)?(?P<n>\d+(?:\.\d+)?)%(?:以内)?")
_BAND_NAMES = r"(?P<name>优秀|良好|合格|基本合格|不合格|及格|不及格|中等|较好|一般)"
_BAND = re.compile(rf"{_BAND_NAMES}[（(](?P<range>[^（）()]{{2,16}})[）)]")
_RANGES = (
    (re.compile(rf"^{NUM}分?(?:-|—|－|–|~|～|至){NUM}分$"), ("min", "max")),
    (re.compile(rf"^{NUM}分(?:及以上|以上|（含）以上)$"), ("min",)),
    (re.compile(rf"^{NUM}分以下$"), ("below",)),
    (re.compile(rf"^{NUM}分(?:及以下)$"), ("max",)),
)


def recognise_scores(ctx: Ctx, home: dict) -> None:
    """`home`: section path → id of the assessment a block of that section shows."""
    plan = ctx.plan
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        for i, para in enumerate(content):
            if not isinstance(para, str) or len(para) > LONGEST or not any(w in para for w in ("分", "%", "学时")):
                continue
            about = _ABOUT.search(sec.get("title") or "") is not None
            found = _read(para, about)
            if found is None:
                continue
            data, spans = found
            aid = home.get(path)
            if aid is None and not about and set(data) <= {"credited_hours"}:
                continue  # hours credited on passing, said outside any assessment: not a scheme of its own
            assessments = plan.setdefault("assessments", [])
            a = next((x for x in assessments if x.get("id") == aid), None)
            if a is None or _clash(a, data):
                aid = fresh_id({x["id"] for x in assessments}, re.sub(r"[（(].*", "", sec.get("title") or "").strip() or "考核")
                a = {"id": aid}
                assessments.append(a)
                home[path] = aid
            _merge(a, data)
            refs = [(s, e, "{=assessments." + aid + "." + ref + "}") for s, e, ref in spans]
            content[i] = cite(para, refs)
            ctx.guess("import.guess.cited", path + ("content", i), ("assessments", assessments.index(a)),
                      text="、".join(para[s:e] for s, e, _ in sorted(refs)), ref="、".join(r for _, _, r in sorted(refs)))
    if not plan.get("assessments"):
        plan.pop("assessments", None)


def _of_a_part(text: str, pos: int) -> bool:
    """Whether full marks at `pos` are a part's: inside brackets, or in a clause that gives a weight."""
    opened = max(text.rfind("（", 0, pos), text.rfind("(", 0, pos))
    if opened != -1 and max(text.rfind("）", opened, pos), text.rfind(")", opened, pos)) == -1:
        return True
    start = max(text.rfind(c, 0, pos) for c in "。；;") + 1
    return "%" in text[start:pos] or "占" in text[start:pos]


def _clash(a: dict, data: dict) -> bool:
    """Whether `data` says again what `a` already holds (then it is another scheme)."""
    for k in ("total", "pass_mark", "excellent_mark", "credited_hours"):
        if k in a and k in data and a[k] != data[k]:
            return True
    if a.get("bands") and data.get("bands"):
        return True
    names = {c["name"] for c in a.get("components", [])}
    return any(c["name"] in names for c in data.get("components", []))


def _merge(a: dict, data: dict) -> None:
    for k in ("total", "pass_mark", "excellent_mark", "credited_hours"):
        if k in data:
            a[k] = data[k]
    if data.get("components"):
        a.setdefault("components", []).extend(data["components"])
    if data.get("bands"):
        a["bands"] = data["bands"]


_ABOUT = re.compile(r"考核|评价|成绩|考评|评分|测评|总分|考试|评定")


def _read(text: str, about: bool = False):
    """(data, [(start, end, reference under the assessment)]) of one paragraph, or None."""
    data: dict = {}
    spans: list = []

    def free(s, e):
        return outside_refs(text, s, e) and not any(s < e2 and s2 < e for s2, e2, _ in spans)

    comps = []
    weighing = about or _ABOUT.search(text) is not None
    # in a sentence about assessment any part may be named (“出勤占30%，汇报课占40%”); elsewhere only those
    # named as assessed (……考核, ……评价, ……作业)
    found = list(_SHARE.finditer(text)) if weighing else list(_WEIGHT.finditer(text))
    if weighing and (len(found) != len(_ANY_SHARE.findall(text)) or any(re.search(r"[共各均合]$", m.group("name")) for m in found)):
        found = []  # a share whose part is not named, or of several parts together: unsure, left alone
    for m in found:
        name = re.split(r"由|和|及|与|其中|包括|分为|的", m.group("name"))[-1]
        if name.endswith("成绩") and re.search(_SUFFIX + "$", name[:-2]):
            name = name[:-2]  # 期末考试成绩 → 期末考试; 平时成绩 stays
        if len(name) < 2:
            continue
        if name in {c["name"] for c in comps} or not free(m.start(2), m.end(2)):
            continue
        comp = {"name": name, "weight": number(m.group(2))}
        spans.append((m.start(2), m.end(2), f"components.{name}.weight"))
        f = _FULL.match(text, m.end())
        if f is not None:
            comp["points"] = number(f.group(1))
            spans.append((f.start(1), f.end(1), f"components.{name}.points"))
        comps.append(comp)
    if (len(comps) >= 2 or (comps and sum(c["weight"] for c in comps) == 100)) and weighing:
        data["components"] = comps
    else:
        spans = []
    for rx, key in ((_TOTAL, "total"), (_PASS, "pass_mark"), (_EXCELLENT, "excellent_mark")):
        m = rx.search(text)
        if m is not None and key == "total" and _of_a_part(text, m.start()):
            m = None
        if m is not None and free(m.start(1), m.end(1)):
            data[key] = number(m.group(1))
            spans.append((m.start(1), m.end(1), key))
    for m in _CREDIT.finditer(text):
        s, e = sentence_bounds(text, m.start())
        if "合格" in text[s:m.start()] and free(m.start(1), m.end(1)):
            data["credited_hours"] = number(m.group(1))
            spans.append((m.start(1), m.end(1), "credited_hours"))
            break
    bands = _bands(text, free)
    if bands is not None:
        data["bands"], more = bands
        spans += more
    for m in _QUOTA.finditer(text):
        name = m.group("name")
        band = next((b for b in data.get("bands", []) if b["name"] == name), None)
        if band is not None and free(m.start("n"), m.end("n")) and "quota" not in band:
            band["quota"] = "≤" + m.group("n") + "%"
            spans.append((m.start("n"), m.end("n"), f"bands.{name}.quota"))
    return (data, spans) if spans else None


def _bands(text: str, free):
    """A run of two or more “等次（分数范围）” joined by 、/和/及: the bands (high to low) and their spans."""
    runs: list[list] = []
    last_end = None
    for m in _BAND.finditer(text):
        got = _range(m)
        if got is None:
            if runs and len(runs[-1]) < 2:
                runs.pop()
            last_end = None
            continue
        if last_end is not None and re.fullmatch(r"、|和|及|，|,", text[last_end:m.start()]):
            runs[-1].append(got)
        else:
            runs.append([got])
        last_end = m.end()
    runs = [r for r in runs if len(r) >= 2]
    if len(runs) != 1:
        return None
    run = runs[0]
    names = [b["name"] for b, _, _ in run]
    if len(set(names)) != len(names):
        return None
    lows = [b.get("min", b.get("below", b.get("max"))) for b, _, _ in run]
    if lows != sorted(lows, reverse=True):
        return None  # the block and the rules read bands from the highest
    bands, spans = [], []
    for band, where, _end in run:
        for s, e, key in where:
            if not free(s, e):
                return None
            spans.append((s, e, f"bands.{band['name']}.{key}"))
        bands.append(band)
    end = run[-1][2]
    c = re.match(rf"{COUNT}(?=个等次|个等级|等)", text[end:])
    if c is not None and parse_count(c.group(0)) == len(bands):
        fmt = count_format(c.group(0), len(bands), ("count", "cn", ""))
        if fmt is not None:
            spans.append((end, end + c.end(), "bands.count" + fmt))
    return bands, spans


def _range(m: re.Match):
    typed = m.group("range")
    at = m.start("range")
    for rx, keys in _RANGES:
        r = rx.match(typed)
        if r is None:
            continue
        band = {"name": m.group("name")}
        where = []
        for k, key in enumerate(keys, 1):
            band[key] = number(r.group(k))
            where.append((at + r.start(k), at + r.end(k), key))
        return band, where, m.end()
    return None
