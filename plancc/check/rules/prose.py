"""Prose vs data: counts written in words agree with the lists; nothing is left unfilled.

These rules read the plan's strings (sections, tasks, goals, table cells…).
Counts a template generates (“八个模块共100学时”) are always right; these
catch the ones a person typed.
"""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import walk_blocks
from plancc.model.base import fmt_number
from plancc.model.outline import block_kind
from plancc.text.numerals import parse_cn_number

_NUM = r"[零〇一二两三四五六七八九十百\d]+"
_COUNT_RE = re.compile(rf"({_NUM})\s*个\s*(模块|阶段|学段|层次|岗位)")
_TOTAL_RE = re.compile(r"共\s*(\d+(?:\.\d+)?)\s*学时")


def _mentioned_set(plan, text: str):
    """The one module set a sentence is about: it names the set, or the plan has only one."""
    named = [ms for ms in plan.module_sets if ms.id in text or (ms.label and ms.label in text)]
    if len(named) == 1:
        return named[0]
    if not named and len(plan.module_sets) == 1:
        return plan.module_sets[0]
    return None


def _generated(path: tuple) -> bool:
    """Strings that are data the templates count themselves (names, ids), not sentences."""
    return path[:1] in (("module_sets",), ("catalog",), ("tiers",), ("posts",), ("include",))


_CLAUSE_END = re.compile(r"[，。；：！？,;:!?（）()“”\n]")
_AND = re.compile(r"和|及|与|以及")


def _enumerated(before: str) -> int:
    """How many items a clause lists just before a count (“A、B、C和D等四个阶段” → 4); 0 if none."""
    clause = _CLAUSE_END.split(before)[-1]
    clause = re.sub(r"等\s*$", "", clause)
    if "、" not in clause:
        return 0
    parts = clause.split("、")
    parts[-1:] = [p for p in _AND.split(parts[-1]) if p]
    return len(parts)


# which block shows the list a noun counts; a sentence is compared with the data
# only inside a section that shows that data (elsewhere “三个阶段” may mean anything)
_NOUN_BLOCK = {"阶段": "phases", "学段": ("themes", "goals"), "层次": ("themes", "goals"), "岗位": "posts"}


def _section_kinds(plan) -> dict[tuple, set[str]]:
    """For each section path, the kinds of the blocks it contains directly."""
    kinds: dict[tuple, set[str]] = {}
    for path, block in walk_blocks(plan):
        kinds.setdefault(path[:-2], set()).add(block_kind(block))
    return kinds


def _shown_here(path: tuple, noun: str, kinds: dict[tuple, set[str]]) -> bool:
    want = _NOUN_BLOCK[noun]
    want = {want} if isinstance(want, str) else set(want)
    if path[:1] == ("phases",):
        return noun == "阶段"
    for cut in range(len(path), 0, -1):
        if path[cut - 1] == "content":
            return bool(kinds.get(path[: cut - 1], set()) & want)
    return False


@rule(
    "PL801",
    "prose-count",
    family="prose",
    severity="warning",
    title="正文里写的数目与数据不符",
    title_en="a count written in the text contradicts the data",
    message="正文写的是“{written}”，但{what}实际是 {actual}{suggest}",
    message_en="the text says '{written}', but {what_en} has {actual_en}{suggest_en}",
    doc_en="""
    Counts typed into sentences (“设置七个模块”, “分三个阶段”, “共100学时”) drift when the list changes.
    A count right after an enumeration (“A、B、C和D等四个阶段”) is checked against the enumeration.
    Otherwise: N个模块 / 共N学时 against the module set the sentence names (or the only one); N个阶段,
    N个学段, N个层次, N个岗位 against `phases`, `stages`, `tiers`, `posts` when the sentence is in a phase
    or in a section that shows that list.
    Fix: write the count as a reference, e.g. `{=phases.count:count}个阶段`, so it is generated.
    """,
)
def prose_count(ctx):
    """
    写在句子里的数目（“设置七个模块”“分三个阶段”“共100学时”）会在列表改动后失准。紧跟在列举之后的数目（“A、B、C和D等四个阶段”）对照列举的项数；其他情况：N个模块、共N学时 对照句中提到的模块组（或唯一的模块组）；N个阶段、N个学段、N个层次、N个岗位 在阶段里或在呈现相应列表的小节中时，分别对照 `phases`、`stages`、`tiers`、`posts`。

    怎么改：把数目写成引用，如 `{=phases.count:count}个阶段`，由数据生成。
    """
    plan = ctx.plan
    kinds = _section_kinds(plan)
    lists = {
        "阶段": ("进度安排（phases）", "phases", len(plan.phases), "phases.count"),
        "学段": ("学段（stages）", "stages", len(plan.stages), "stages.count"),
        "层次": ("层次（tiers）", "tiers", len(plan.tiers), "tiers.count"),
        "岗位": ("岗位（posts）", "posts", len(plan.posts), "posts.count"),
    }
    for path, text in ctx.prose():
        if _generated(path) or ("个" not in text and "学时" not in text):
            continue
        for m in _COUNT_RE.finditer(text):
            stated = parse_cn_number(m.group(1))
            noun = m.group(2)
            if stated is None:
                continue
            listed = _enumerated(text[: m.start()])
            if listed >= 2:
                if listed != stated:
                    yield Finding(path, {"written": m.group(0), "what": "前面列举的项目", "what_en": "the enumeration before it",
                                         "actual": f"{listed} 项", "actual_en": listed, "suggest": "", "suggest_en": ""}, text_range=(m.start(), m.end() - m.start()))
                continue
            if noun == "模块":
                ms = _mentioned_set(plan, text)
                if ms is None:
                    continue
                what, what_en, actual, ref = f"模块组“{ms.id}”", f"module set '{ms.id}'", len(ms.modules), f"modules.{ms.id}.count"
            else:
                what, what_en, actual, ref = lists[noun]
                if actual == 0 or not _shown_here(path, noun, kinds):
                    continue
            if stated != actual:
                yield Finding(path, {"written": m.group(0), "what": what, "what_en": what_en, "actual": f"{actual} 个", "actual_en": actual,
                                     "suggest": f"；可写成 {{={ref}:count}}个{noun}", "suggest_en": f"; write {{={ref}:count}}"},
                              text_range=(m.start(), m.end() - m.start()))
        for m in _TOTAL_RE.finditer(text):
            ms = _mentioned_set(plan, text)
            if ms is None or ms.hours is None:
                continue
            if abs(float(m.group(1)) - ms.hours) > 1e-6:
                yield Finding(path, {"written": m.group(0), "what": f"模块组“{ms.id}”的学时", "what_en": f"module set '{ms.id}' in hours",
                                     "actual": f"{fmt_number(ms.hours)} 学时", "actual_en": fmt_number(ms.hours), "suggest": f"；可写成 共{{=modules.{ms.id}.hours}}学时",
                                     "suggest_en": f"; write {{=modules.{ms.id}.hours}}"},
                              text_range=(m.start(), m.end() - m.start()))


_PLACEHOLDERS = re.compile(
    r"〔\s*〕|【\s*】|（\s*）|\(\s*\)|\[\s*\]"  # empty brackets: 文号 year, a number to fill in
    r"|(?<!\d)(?:19|20)(?:_{1,2}|[xX×]{2})(?![\dA-Za-z])"  # 20__年, 20XX年
    r"|_{3,}|＿{2,}|□{2,}"  # blanks to write on
    r"|(?<![A-Za-z])(?:XX|xx|××|ＸＸ)(?![A-Za-z])"  # XX县, ××学校
    r"|某某|待定|待补充|待填写?|TODO|TBD"
)
# what every placeholder contains, without the look-arounds: finds the few strings worth the full pattern
_PLACEHOLDER_HINT = re.compile(r"〔\s*〕|【\s*】|（\s*）|\(\s*\)|\[\s*\]|[_＿□]|[xX×]{2}|ＸＸ|某某|待|TODO|TBD")


@rule(
    "PL802",
    "placeholder",
    family="prose",
    title="留有未填写的占位符",
    title_en="an unfilled placeholder",
    message="“{found}”看起来是未填写的占位符，印发前需要填上实际内容",
    message_en="'{found}' looks like an unfilled placeholder; fill it in before the document is issued",
    doc_en="""
    Plans are often copied from a template and filled in; leftovers such as `〔〕`, `20__年`, `XX县`,
    `______`, `（ ）` or `待定` must not reach a signed document. Fix: write the actual text.
    """,
)
def placeholder(ctx):
    """
    方案常从模板复制后填写，`〔〕`、`20__年`、`XX县`、`______`、`（ ）`、`待定` 这样的遗留占位符不能出现在要签发的文件里。

    怎么改：填上实际内容。
    """
    for path, text in ctx.prose_matching(_PLACEHOLDER_HINT):
        if path[:1] == ("include",) or path[-1:] == ("template",):
            continue
        for m in _PLACEHOLDERS.finditer(text):
            yield Finding(path, {"found": m.group(0)}, text_range=(m.start(), m.end() - m.start()))


_DOC_NUMBER = re.compile(r"^(?P<org>[^\s〔〕\[\]()（）【】]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")
_LOOSE_NUMBER = re.compile(r"^(?P<org>.+?)\s*[\[(（【〔]\s*(?P<year>\d{2,4})\s*[\])）】〕]\s*第?\s*0*(?P<seq>\d+)\s*号?$")


def _number_problem(number: str) -> tuple[str, str, str | None] | None:
    """(problem zh, problem en, suggestion) when a 发文字号 is not in the GB/T 9704 form."""
    if _DOC_NUMBER.match(number):
        return None
    m = _LOOSE_NUMBER.match(number)
    if m and len(m.group("year")) == 4:
        fixed = f"{m.group('org')}〔{m.group('year')}〕{int(m.group('seq'))}号"
        return "年份应括入六角括号〔〕，序号不加“第”字、不编虚位，后加“号”", "the year goes in 〔〕, the number has no 第, no leading zeros, and ends in 号", fixed
    if m:
        return "年份应写全称（四位）", "the year must be written in full (four digits)", None
    return "缺少年份，完整形式为 机关代字〔年份〕序号号", "the year is missing; the full form is 机关代字〔year〕N号", None


@rule(
    "PL803",
    "document-number-format",
    family="prose",
    severity="warning",
    title="发文字号格式不规范",
    title_en="a document number is not in the standard form",
    message="发文字号“{number}”不规范：{problem}{suggest}",
    message_en="document number '{number}' is not in the standard form: {problem_en}{suggest_en}",
    doc_en="""
    GB/T 9704—2012 7.2.4: a document number is 机关代字 + year in full inside 〔〕 + sequence number
    without 第 or leading zeros + 号, e.g. 霍教职〔2024〕9号. Checked for `document.number` and each
    `document.basis[].number`. Fix: write the number in that form (copy it from the source document).
    """,
)
def document_number_format(ctx):
    """
    GB/T 9704—2012 第 7.2.4 条：发文字号由 机关代字、用六角括号〔〕括入的年份全称、不加“第”字不编虚位的发文顺序号和“号”字组成，如 霍教职〔2024〕9号。检查 `document.number` 和每个 `document.basis[].number`。

    怎么改：按此格式书写（以原文件的文号为准）。
    """
    doc = ctx.plan.document
    numbers = [(("document", "number"), doc.number)] + [(("document", "basis", i, "number"), b.number) for i, b in enumerate(doc.basis)]
    for path, number in numbers:
        if not number:
            continue
        problem = _number_problem(number.strip())
        if problem:
            zh, en, fixed = problem
            yield Finding(path, {"number": number, "problem": zh, "problem_en": en,
                                 "suggest": f"，应写成“{fixed}”" if fixed else "", "suggest_en": f"; write '{fixed}'" if fixed else ""})


_HAN = r"[\u3400-\u9fff]"
_HALF_WIDTH = re.compile(rf"(?<={_HAN})[,;:?!]|[,;:?!](?={_HAN})|\((?={_HAN})|(?<={_HAN})\)")
_HALF_WIDTH_HINT = re.compile(r"[,;:?!()]")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@rule(
    "PL804",
    "half-width-punctuation",
    family="prose",
    severity="warning",
    title="中文里夹有半角标点",
    title_en="half-width punctuation in Chinese text",
    message="中文里有 {count} 处半角标点，第一处是“{sample}”中的“{mark}”，应为全角“{full}”",
    message_en="{count} half-width punctuation mark(s) in Chinese text, first '{mark}' in '{sample}'; use the full-width '{full}'",
    doc_en="""
    Official documents use full-width punctuation in Chinese text (，；：（）); half-width marks pasted from
    other software look wrong in print. Reported once per string, pointing at the first mark.
    Fix: replace them; when a text must be kept verbatim, suppress with `# plancc: ignore[PL804] 原文照录`.
    """,
)
def half_width_punctuation(ctx):
    """
    公文中的中文使用全角标点（，；：（）），从其他软件粘贴来的半角标点印出来很扎眼。每段文字报告一次，指向第一处。

    怎么改：替换为全角标点；必须照录原文时，用 `# plancc: ignore[PL804] 原文照录` 抑制。
    """
    for path, text in ctx.prose_matching(_HALF_WIDTH_HINT):
        if path[:1] == ("include",) or path[-1:] == ("template",):
            continue
        marks = list(_HALF_WIDTH.finditer(text))
        if marks:
            m = marks[0]
            sample = text[max(0, m.start() - 4) : m.end() + 4]
            yield Finding(path, {"count": len(marks), "sample": sample, "mark": m.group(0), "full": _FULL[m.group(0)]},
                          text_range=(m.start(), 1))


@rule(
    "PL805",
    "basis-title-brackets",
    family="prose",
    title="依据文件标题带了书名号",
    title_en="a basis document title carries its own 《》",
    message="依据文件标题“{title}”已经带了书名号，渲染时还会再加一层，印成“《{title}》”",
    message_en="basis title '{title}' already has 《》; rendering adds them again, printing '《{title}》'",
    doc_en="""
    `document.basis[].title` is written without 《》 because the renderer adds them (and joins several titles
    with 、). Fix: remove the brackets from the title.
    """,
)
def basis_title_brackets(ctx):
    """
    `document.basis[].title` 不写书名号，渲染时会自动加上《》（多个文件之间用顿号连接）。

    怎么改：去掉标题里的书名号。
    """
    for i, b in enumerate(ctx.plan.document.basis):
        if b.title.startswith("《") or b.title.endswith("》"):
            yield Finding(("document", "basis", i, "title"), {"title": b.title})
