"""The sentences data blocks generate, and the patterns a plan words them with.

Every sentence a data block writes has a name (``module_set``, ``assessment.component``,
``phase.range`` …), the values of its item it can cite (``{=names}``, ``{=count}``,
``{=weight}`` …) and a default pattern. A plan may give its own pattern for a block
(the block's ``wording:``), for one item of a block (``module_set[幼儿园成熟期教师]``),
for the whole plan (top-level ``wording:``) or for a repository (plancc.toml
``[wording]``); the nearest wins: item, block, plan, repository, default.

A pattern is text with

* ``{=name}`` — the item's value, with optional formats ``{=count:cn}``, ``{=range:full:hyphen}``;
* ``{?…}`` — a part kept only when every value it cites is there (``{?共{=hours}学时}``).

:data:`SENTENCES` is the one registry: the model checks patterns against it, the
template fills them through :func:`fill`, ``plancc docs`` lists it. Formats are the
same for prose references (``{=period:hyphen}``) and patterns (:func:`format_value`).
Kept free of the model (dates are read by their attributes) so the model can import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from plancc.errors import Worded
from plancc.text.numerals import cn_number

# -- kinds of value and their formats -------------------------------------------------

NUM, TEXT, DATE, RANGE = "number", "text", "date", "range"

#: formats of each kind of value: name → (中文说明, English)
FORMATS: dict[str, dict[str, tuple[str, str]]] = {
    NUM: {
        "cn": ("中文数字：11 写作“十一”", "Chinese numeral: 11 as 十一"),
        "count": ("量词前的中文数字：2 写作“两”（两个模块），其余同 cn", "a count before a measure word: 2 as 两, else as cn"),
    },
    TEXT: {
        "bare": ("去掉末尾的标点（“。”“；”“，”），以便接着写", "without its closing punctuation (。；，)"),
    },
    DATE: {
        "ascii": ("钟点用半角冒号（17:00）；默认用全角（17：00）", "a clock time with an ASCII colon (17:00); default full-width 17：00"),
    },
    RANGE: {
        "short": ("同年只写一次年份，同为整月时月份也只写一次（默认）：2023年4月1日—4月30日、2024年7—9月",
                  "the year once within a year, 月 once for whole months (default): 2023年4月1日—4月30日, 2024年7—9月"),
        "year_once": ("同年只写一次年份，月份照写：2025年2月—5月", "the year once, each month written: 2025年2月—5月"),
        "full": ("两端都写全：2023年3月15日—2023年3月31日", "both ends in full: 2023年3月15日—2023年3月31日"),
        "dash": ("用破折号“—”连接（默认）", "joined by “—” (default)"),
        "hyphen": ("用连字符“-”连接：2022年11月-2023年4月", "joined by “-”: 2022年11月-2023年4月"),
        "tilde": ("用“～”连接", "joined by “～”"),
        "to": ("用“至”连接", "joined by “至”"),
        "ascii": ("钟点用半角冒号（17:00）", "a clock time with an ASCII colon"),
    },
}
_SEPARATORS = {"dash": "—", "hyphen": "-", "tilde": "～", "to": "至"}
_FORMS = ("short", "year_once", "full")

REF_RE = re.compile(r"\{=([^{}:\s]+?)((?::[a-z_]+)*)\}")


def value_kind(value: Any) -> str:
    if isinstance(value, bool):
        return TEXT
    if isinstance(value, (int, float)):
        return NUM
    if isinstance(value, tuple):
        return RANGE
    if _is_date(value):
        return DATE
    return TEXT


def _is_date(value: Any) -> bool:
    return hasattr(value, "year") and hasattr(value, "has_day") and hasattr(value, "month")


def format_problem(kind: str, formats: list[str]) -> Optional[str]:
    """The first format that does not apply to a value of `kind`, or None."""
    allowed = FORMATS.get(kind, {})
    for f in formats:
        if f not in allowed:
            return f
    if kind == RANGE and (sum(f in _FORMS for f in formats) > 1 or sum(f in _SEPARATORS for f in formats) > 1):
        return formats[-1]
    if kind == NUM and len(formats) > 1:
        return formats[-1]
    return None


def format_names(kind: str) -> list[str]:
    return list(FORMATS.get(kind, {}))


def _clock(d: Any, ascii_colon: bool) -> str:
    if getattr(d, "hour", None) is None:
        return ""
    return f"{d.hour}{':' if ascii_colon else '：'}{d.minute or 0:02d}"


def date_text(d: Any, ascii_colon: bool = False) -> str:
    """2022年11月15日, 2022年11月, 2023年5月10日17：00 (Arabic numerals, no zero padding)."""
    return f"{d.year}年{d.month}月" + (f"{d.day}日" if d.day else "") + _clock(d, ascii_colon)


def range_text(start: Any, end: Any, form: str = "short", sep: str = "—", ascii_colon: bool = False) -> str:
    """A span of dates as plans write it (see the range formats)."""
    if start is None and end is None:
        return ""
    if start is None:
        return date_text(end, ascii_colon) + "前"
    if end is None:
        return date_text(start, ascii_colon) + "起"
    whole = date_text(start, ascii_colon) + sep + date_text(end, ascii_colon)
    if form == "full" or start.year != end.year:
        return whole
    if not start.has_day and not end.has_day:
        if start.month == end.month:
            return date_text(start, ascii_colon)
        if form == "short":
            return f"{start.year}年{start.month}{sep}{end.month}月"
        return f"{start.year}年{start.month}月{sep}{end.month}月"
    if start.has_time and end.has_time and (start.month, start.day) == (end.month, end.day):
        return date_text(start, ascii_colon) + sep + _clock(end, ascii_colon)
    tail = f"{end.month}月" + (f"{end.day}日" if end.day else "") + _clock(end, ascii_colon)
    return date_text(start, ascii_colon) + sep + tail


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def format_value(value: Any, formats: list[str] | tuple[str, ...] = ()) -> str:
    """A value as text in the given formats; ValueError when a format does not apply."""
    kind = value_kind(value)
    bad = format_problem(kind, list(formats))
    if bad is not None:
        raise ValueError(bad)
    if kind == NUM:
        if formats:
            n = value
            if isinstance(n, float) and n.is_integer():
                n = int(n)
            if not isinstance(n, int):
                raise ValueError(formats[0])
            return "两" if formats[0] == "count" and n == 2 else cn_number(n)
        return _number(value)
    if kind == RANGE:
        form = next((f for f in formats if f in _FORMS), "short")
        sep = next((_SEPARATORS[f] for f in formats if f in _SEPARATORS), "—")
        return range_text(value[0], value[1], form, sep, "ascii" in formats)
    if kind == DATE:
        return date_text(value, "ascii" in formats)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value)
    text = str(value)
    if "bare" in formats:
        text = text.rstrip().rstrip("。；;，,.")
    return text


# -- patterns ----------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    name: str
    formats: tuple[str, ...]
    at: int


@dataclass(frozen=True)
class Optional_:
    parts: tuple
    at: int


class PatternError(Worded):
    """A pattern that cannot be used: a catalog key and its values (worded where it is reported)."""


#: how deep ``{?…}`` may nest (a pattern is one sentence; a deeper one is a mistake or hostile)
MAX_NESTING = 8


def parse(pattern: str) -> tuple:
    """The parts of a pattern: text, :class:`Ref` and :class:`Optional_`."""
    parts, end = _parse(pattern, 0, False)
    return tuple(parts)


def _parse(s: str, i: int, inner: bool, depth: int = 0) -> tuple[list, int]:
    out: list = []
    text: list[str] = []
    start = i
    while i < len(s):
        if s.startswith("{=", i):
            m = REF_RE.match(s, i)
            if m is None:
                raise PatternError("wording.unclosed", pos=i + 1, what="{=")
            if text:
                out.append("".join(text))
                text = []
            fmts = tuple(f for f in m.group(2).split(":") if f)
            out.append(Ref(m.group(1), fmts, i))
            i = m.end()
        elif s.startswith("{?", i):
            if text:
                out.append("".join(text))
                text = []
            if depth >= MAX_NESTING:
                raise PatternError("wording.too_deep", pos=i + 1, most=MAX_NESTING)
            sub, j = _parse(s, i + 2, True, depth + 1)
            out.append(Optional_(tuple(sub), i))
            i = j
        elif inner and s[i] == "}":
            if text:
                out.append("".join(text))
            return out, i + 1
        else:
            text.append(s[i])
            i += 1
    if inner:
        raise PatternError("wording.unclosed", pos=start - 1, what="{?")
    if text:
        out.append("".join(text))
    return out, i


def _refs(parts) -> list[Ref]:
    found = []
    for p in parts:
        if isinstance(p, Ref):
            found.append(p)
        elif isinstance(p, Optional_):
            found += _refs(p.parts)
    return found


def _absent(v: Any) -> bool:
    return v is None or v == "" or (isinstance(v, (list, tuple)) and not any(x is not None for x in v))


def _fill(parts, values: dict[str, Any], inner: bool = False) -> Optional[str]:
    """The parts filled; None when a value is missing inside ``{?…}`` (at the top an empty text)."""
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
        elif isinstance(p, Ref):
            v = values.get(p.name)
            if _absent(v):
                if inner:
                    return None
                continue
            try:
                out.append(format_value(v, p.formats))
            except ValueError:
                out.append(format_value(v))
        else:
            got = _fill(p.parts, values, True)
            if got is not None:
                out.append(got)
    return "".join(out)


# -- the registry --------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One kind of generated sentence."""

    key: str
    block: str
    """The block kind (its key) that writes it."""
    default: str
    refs: dict[str, tuple[str, str, str]]
    """name → (kind of value, 中文说明, English)."""
    zh: str
    en: str
    item: Optional[tuple[str, str]] = None
    """What ``key[…]`` names (中文, English), when the block writes one sentence per item."""
    items: Optional[Callable[[Any, Any], list[str]]] = field(default=None, compare=False)
    """The names ``key[…]`` may take, for a plan and a block."""


def _ids(xs, attr="name") -> list[str]:
    return [str(getattr(x, attr)) for x in xs]


def _assessment(plan, blk):
    return plan.assessment(blk.assessment) if getattr(blk, "assessment", None) else None


def _numbered(xs) -> list[str]:
    return [str(i) for i in range(1, len(xs) + 1)]


def _phase_items(plan, blk) -> list[str]:
    return _numbered(plan.phases) + [p.name for p in plan.phases if p.name]


def _exemption_items(plan, blk) -> list[str]:
    aud = plan.audience
    return _numbered(getattr(aud, "exemptions", []) or [])


def _tier_items(plan, blk) -> list[str]:
    return [t.name for t in plan.tiers] + _numbered(plan.tiers)


def _listed_sets(plan, blk) -> list:
    return [ms for ms in (plan.module_set(i) for i in getattr(blk, "module_sets", []) or []) if ms is not None]


def _module_items(plan, blk) -> list[str]:
    return [m.name for ms in _listed_sets(plan, blk) for m in ms.items]


_LEAD = (TEXT, "块的 lead（句首）", "the block's lead")

SENTENCES: tuple[Sentence, ...] = (
    Sentence(
        "module_set", "module_sets", "{=verb}{=names}{=count:count}个模块{?共{=hours}学时}{=ending}",
        {
            "verb": (TEXT, "模块组的 verb（设置、提供……）", "the set's verb"),
            "names": (TEXT, "模块名称，用“、”连接", "the module names joined by 、"),
            "count": (NUM, "列出的模块个数", "the number of modules listed"),
            "hours": (NUM, "模块组总学时", "the set's total hours"),
            "offer": (TEXT, "模块组的 offer（课程供……选择）", "the set's offer"),
            "ending": (TEXT, "块的 ending；未写时为“的{offer}。”", "the block's ending, else 的{offer}。"),
            "label": (TEXT, "模块组的 label", "the set's label"),
        },
        "模块组句子：“设置……八个模块共100学时的课程供教师选择。”", "a module set's sentence",
        ("模块组 id", "module set id"), lambda plan, blk: [str(i) for i in blk.module_sets],
    ),
    Sentence(
        "module_set.part", "module_sets", "第{=number:cn}部分：{?（{=kind}）}{=name}",
        {
            "number": (NUM, "第几部分（块中列出的次序）", "the part's number in the block"),
            "kind": (TEXT, "块的 compulsory_word 或 elective_word（模块组写了 compulsory 时）", "the block's compulsory_word or elective_word"),
            "name": (TEXT, "模块组的 label，未写时为 id", "the set's label, else its id"),
            "id": (TEXT, "模块组 id", "the set's id"),
            "count": (NUM, "本部分的模块个数", "the number of modules in the part"),
            "hours": (NUM, "本部分总学时", "the part's total hours"),
        },
        "parts 样式的部分标题：“第一部分：（必学）通识课程”", "a part's heading (parts style)",
        ("模块组 id", "module set id"), lambda plan, blk: [str(i) for i in blk.module_sets],
    ),
    Sentence(
        "module_set.module", "module_sets", "{=name}{?（{=hours}学时）}{?：{=description}}",
        {
            "name": (TEXT, "模块名称", "the module's name"),
            "hours": (NUM, "模块学时", "its hours"),
            "description": (TEXT, "模块说明", "its description"),
            "number": (NUM, "在本部分中的序号", "its number in the part"),
            "part": (TEXT, "所在部分的名称（label 或 id）", "its part's name"),
        },
        "parts 样式中的一个模块：“师德修养（10学时）：学习……”", "a module of a part (parts style)",
        ("模块名称", "module name"), _module_items,
    ),
    Sentence(
        "assessment.component", "assessment", "{=name}{?（{=share}）}{=description}",
        {
            "name": (TEXT, "考核组成名称", "the component's name"),
            "weight": (NUM, "占总成绩的百分比", "its weight in per cent"),
            "points": (NUM, "满分", "its full marks"),
            "parts": (TEXT, "组成部分及分值（“甲10分、乙20分”）", "its parts and points"),
            "share": (TEXT, "“占总成绩的70%，满分70分，其中……”（有哪项写哪项）", "weight, points and parts as one phrase"),
            "description": (TEXT, "说明；未写时为“。”", "its description, else 。"),
        },
        "考核组成（text 样式）：“过程性考核（占总成绩的70%，满分70分）包括……”", "an assessment component (text style)",
        ("考核组成名称", "component name"), lambda plan, blk: _ids(_assessment(plan, blk).components) if _assessment(plan, blk) else [],
    ),
    Sentence(
        "assessment.pass", "assessment",
        "考核总成绩达到{=pass_mark}分为合格{?，达到{=excellent_mark}分为优秀}{?；考核合格者认定{=credited_hours}学时}。",
        {
            "pass_mark": (NUM, "合格分数", "the pass mark"),
            "excellent_mark": (NUM, "优秀分数", "the mark for excellent"),
            "credited_hours": (NUM, "合格者认定的学时", "hours credited on passing"),
        },
        "合格线句子（没有等次时）", "the pass-mark sentence (without bands)",
    ),
    Sentence(
        "assessment.note", "assessment",
        "**备注**：{=condition:bare}，至少达到{=pass_mark}分才能合格{?，达到{=excellent_mark}分为优秀}。",
        {
            "condition": (TEXT, "合格条件（pass_condition）", "the pass condition"),
            "pass_mark": (NUM, "合格分数", "the pass mark"),
            "excellent_mark": (NUM, "优秀分数", "the mark for excellent"),
        },
        "考核表下的备注（table 样式，写了合格条件时）", "the note under the assessment table",
    ),
    Sentence(
        "assessment.bands", "assessment",
        "考核结果分为{=bands}{=count:count}个等次{?，其中{=quotas}}{?；考核合格者认定{=credited_hours}学时}。",
        {
            "bands": (TEXT, "各等次（assessment.band），用“、”连接", "the bands joined by 、"),
            "count": (NUM, "等次个数", "the number of bands"),
            "quotas": (TEXT, "各等次名额（assessment.quota），用“，”连接", "the quotas joined by ，"),
            "credited_hours": (NUM, "合格者认定的学时", "hours credited on passing"),
        },
        "等次句子", "the bands sentence",
    ),
    Sentence(
        "assessment.band", "assessment", "{=name}{?（{=range}）}",
        {
            "name": (TEXT, "等次名称", "the band's name"),
            "range": (TEXT, "分数范围（“90—100分”“60分以下”）", "its range of marks"),
            "min": (NUM, "最低分", "lowest mark"),
            "max": (NUM, "最高分", "highest mark"),
            "below": (NUM, "低于", "below"),
        },
        "等次句子中的一个等次", "one band in the bands sentence",
        ("等次名称", "band name"), lambda plan, blk: _ids(_assessment(plan, blk).bands) if _assessment(plan, blk) else [],
    ),
    Sentence(
        "assessment.quota", "assessment", "{=name}等次{=quota}",
        {
            "name": (TEXT, "等次名称", "the band's name"),
            "quota": (TEXT, "名额（“不超过参训人数的5%”）", "its quota in words"),
            "share": (NUM, "名额百分比的数字", "the quota's number"),
        },
        "等次名额", "a band's quota",
        ("等次名称", "band name"), lambda plan, blk: _ids(_assessment(plan, blk).bands) if _assessment(plan, blk) else [],
    ),
    Sentence(
        "hours", "hours", "{=lead}{=at_least}{=required}学时{?（其中{=components}）}。",
        {
            "lead": _LEAD,
            "at_least": (TEXT, "“不少于”（hours.at_least 时）", "不少于 when at least"),
            "required": (NUM, "要求学时", "the required hours"),
            "components": (TEXT, "各组成（hours.component），用“，”连接", "the components joined by ，"),
        },
        "学时句子：“每人年度参训不少于90学时（其中……）。”", "the hours sentence",
    ),
    Sentence(
        "hours.component", "hours", "{=name}{=at_least}{=hours}学时",
        {
            "name": (TEXT, "组成名称", "the component's name"),
            "at_least": (TEXT, "“不少于”", "不少于 when at least"),
            "hours": (NUM, "学时", "its hours"),
        },
        "学时句子中的一个组成", "one component of the hours sentence",
        ("组成名称", "component name"), lambda plan, blk: _ids(plan.hours.components) if plan.hours else [],
    ),
    Sentence(
        "exemption", "exemptions",
        "{?{=reason}的}{=teachers}教师{?，在完成{=hours}学时的培训任务后}，可免于参加本年度全员培训的{=component}培训。",
        {
            "reason": (TEXT, "免修依据", "the reason"),
            "teachers": (TEXT, "教师姓名，用“、”连接", "the teachers joined by 、"),
            "hours": (NUM, "须已完成的学时", "hours already done"),
            "component": (TEXT, "免修的组成", "the exempted component"),
        },
        "免修句子", "an exemption sentence",
        ("第几条免修（从 1 数起）", "exemption number from 1"), _exemption_items,
    ),
    Sentence(
        "phase.due", "phases", "{=due}前",
        {"due": (DATE, "截止日期（可带钟点）", "the deadline")},
        "只有截止日期的阶段的时间：“2022年11月15日前”", "a deadline phase's time",
        ("阶段名称或序号（从 1 数起）", "phase name or number"), _phase_items,
    ),
    Sentence(
        "phase.range", "phases", "{=range}",
        {
            "range": (RANGE, "起止时间", "the span"),
            "start": (DATE, "开始", "start"),
            "end": (DATE, "结束", "end"),
        },
        "有起止的阶段的时间：“2022年11月25日—12月10日”", "a span phase's time",
        ("阶段名称或序号（从 1 数起）", "phase name or number"), _phase_items,
    ),
    Sentence(
        "phase.stage", "phases", "第{=number:cn}阶段：{=name}{?（{=when}）}",
        {
            "number": (NUM, "第几阶段", "the phase's number"),
            "name": (TEXT, "阶段名称", "its name"),
            "when": (TEXT, "时间（phase.due 或 phase.range 写成的文字，或学期）", "its time as worded"),
        },
        "staged 样式的阶段标题：“第一阶段：暑假研修（2024年7—9月）”", "a staged phase's heading",
        ("阶段名称或序号（从 1 数起）", "phase name or number"), _phase_items,
    ),
    Sentence(
        "phase.form", "phases", "培训形式：{=form}", {"form": (TEXT, "培训形式", "the form")},
        "阶段的培训形式", "a phase's form", ("阶段名称或序号（从 1 数起）", "phase name or number"), _phase_items,
    ),
    Sentence(
        "phase.responsible", "phases", "责任单位：{=responsible}", {"responsible": (TEXT, "责任单位", "who is responsible")},
        "阶段的责任单位", "who is responsible for a phase", ("阶段名称或序号（从 1 数起）", "phase name or number"), _phase_items,
    ),
    Sentence(
        "theme", "themes", "{=prefix}{=tier}：{=theme}",
        {
            "prefix": (TEXT, "学段的前缀（cell_prefix 或学段名称）", "the stage's prefix"),
            "stage": (TEXT, "学段名称", "the stage"),
            "tier": (TEXT, "层次名称", "the tier"),
            "theme": (TEXT, "主题（末尾标点已去掉，由列表加“；”或“。”）", "the theme without closing punctuation"),
        },
        "list 样式的主题：“学前教育新教师：……”", "a theme line (list style)",
    ),
    Sentence(
        "tiers", "tiers", "{=lead}{=tiers}{=ending}",
        {
            "lead": _LEAD,
            "tiers": (TEXT, "各层次（tier），依次连写", "the tiers as worded by tier, one after another"),
            "names": (TEXT, "层次名称，用“、”连接", "the tier names joined by 、"),
            "count": (NUM, "层次个数", "the number of tiers"),
            "ending": (TEXT, "块的 ending；未写时为“N个层次。”", "the block's ending, else N个层次。"),
        },
        "sentence 样式的层次句子：“新教师（教龄1-2年）、……提升期教师（教龄15年以上）四个层次。”", "the tiers sentence (sentence style)",
    ),
    Sentence(
        "tier", "tiers", "{=name}{?（{=years}）}{=sep}",
        {
            "name": (TEXT, "层次名称", "the tier's name"),
            "years": (TEXT, "教龄范围（“教龄1-2年”“教龄15年以上”；块写 years: false 时没有）", "its years (none with years: false)"),
            "years_from": (NUM, "教龄起", "first year"),
            "years_to": (NUM, "教龄止（“以上”时没有）", "last year (none when open)"),
            "number": (NUM, "第几个层次", "the tier's number"),
            "sep": (TEXT, "其后的连接：句中为“、”，最后一个层次和 list 样式没有", "what follows it: 、 in the sentence, none after the last or in a list"),
        },
        "一个层次：“新教师（教龄1-2年）、”；tier[成长期教师] 写“{=name}（{=years}）和”即可连用“和”", "one tier",
        ("层次名称或序号（从 1 数起）", "tier name or number"), _tier_items,
    ),
    Sentence(
        "goal", "goals", "{=label}：{=goals}",
        {
            "label": (TEXT, "学段目标的标题（goals_label）", "the stage's goals label"),
            "stage": (TEXT, "学段名称", "the stage"),
            "goals": (TEXT, "培训目标", "the goals"),
        },
        "学段目标段落", "a stage's goals paragraph",
    ),
    Sentence(
        "post.hours", "posts", "{=hours}学时。", {"hours": (NUM, "岗位培训学时", "the post's hours")},
        "岗位项目的“培训学时”", "a post's hours",
    ),
    Sentence(
        "mode", "modes", "{=name}{?：{=description}}",
        {"name": (TEXT, "培训方式名称", "the mode"), "description": (TEXT, "说明", "its description")},
        "培训方式段落（不编号时）", "a mode paragraph (not numbered)",
    ),
    Sentence(
        "group.office", "group", "{=group}下设办公室，办公室设在{=at}{?，{=head_clause}}{?，{=duties:bare}}。",
        {
            "group": (TEXT, "小组简称", "the group's short name"),
            "at": (TEXT, "办公室设在哪里", "where the office is"),
            "head": (TEXT, "办公室主任", "the office head"),
            "head_clause": (TEXT, "“由某某兼任办公室主任”或“办公室主任由某某担任”", "who heads the office, as a clause"),
            "duties": (TEXT, "办公室职责", "the office's duties"),
        },
        "小组办公室句子", "the group office sentence",
    ),
)

BY_KEY: dict[str, Sentence] = {s.key: s for s in SENTENCES}

#: block kind → the sentence keys its ``wording:`` may give
BY_BLOCK: dict[str, list[str]] = {}
for _s in SENTENCES:
    BY_BLOCK.setdefault(_s.block, []).append(_s.key)

_KEY_RE = re.compile(r"^([a-z_.]+)(?:\[(.+)\])?$")


def split_key(written: str) -> tuple[str, Optional[str]]:
    """``module_set[幼儿园成熟期教师]`` → ("module_set", "幼儿园成熟期教师")."""
    m = _KEY_RE.match(written.strip())
    if m is None:
        return written, None
    return m.group(1), m.group(2)


def check_pattern(key: str, pattern: str) -> None:
    """Raises :class:`PatternError` when the pattern of sentence `key` cannot be used."""
    sentence = BY_KEY[key]
    for ref in _refs(parse(pattern)):
        spec = sentence.refs.get(ref.name)
        if spec is None:
            raise PatternError("wording.unknown_ref", key=key, ref=ref.name, allowed=_names(sentence.refs))
        bad = format_problem(spec[0], list(ref.formats))
        if bad is not None:
            allowed = format_names(spec[0])
            raise PatternError("wording.bad_format", ref=ref.name, fmt=bad,
                               allowed="、".join(":" + f for f in allowed) if allowed else "—")


def _names(names) -> str:
    return "、".join(names)


def check_entry(written: str, pattern: Any, block: Optional[str]) -> None:
    """One entry of a ``wording:`` mapping: a known key (of this block kind when `block` is
    given; with ``[item]`` only on a block) and a usable pattern."""
    key, item = split_key(written)
    if key not in BY_KEY or (block is not None and BY_KEY[key].block != block):
        allowed = BY_BLOCK.get(block, []) if block is not None else list(BY_KEY)
        raise PatternError("wording.unknown_key", key=written, allowed=_names(allowed) or "—")
    if item is not None and (block is None or BY_KEY[key].item is None):
        raise PatternError("wording.no_item", key=written, name=key)
    if not isinstance(pattern, str):
        raise PatternError("wording.not_text", key=written)
    check_pattern(key, pattern)


def item_problem(written: str, plan: Any, blk: Any) -> Optional[PatternError]:
    """A ``key[item]`` whose item is not one the block writes."""
    key, item = split_key(written)
    sentence = BY_KEY.get(key)
    if item is None or sentence is None or sentence.items is None:
        return None
    try:
        names = sentence.items(plan, blk)
    except Exception:  # noqa: BLE001 - the reference rules report what the block names wrongly
        return None
    if item in names:
        return None
    return PatternError("wording.unknown_item", key=written, item=item, allowed=_names(dict.fromkeys(names)) or "—")


def pattern_for(key: str, *, block: Any = None, item: Any = None, plan: Any = None) -> str:
    """The pattern that words sentence `key` for this item: the item's, the block's, the plan's
    (plancc.toml's [wording] is merged under it), else the default."""
    own = getattr(block, "wording", None) or {}
    if item is not None:
        for name in item if isinstance(item, (list, tuple)) else (item,):
            if name is None:
                continue
            hit = own.get(f"{key}[{name}]")
            if hit is not None:
                return hit
    if key in own:
        return own[key]
    general = getattr(plan, "wording", None) or {}
    if key in general:
        return general[key]
    return BY_KEY[key].default


def fill(pattern: str, values: dict[str, Any]) -> str:
    """The pattern with the values put in; a part in ``{?…}`` whose values are missing is left out."""
    try:
        parts = parse(pattern)
    except PatternError:
        return pattern
    return _fill(parts, values) or ""


def say(key: str, values: dict[str, Any], *, block: Any = None, item: Any = None, plan: Any = None) -> str:
    """Sentence `key` for one item, worded by the nearest pattern."""
    return fill(pattern_for(key, block=block, item=item, plan=plan), values)
