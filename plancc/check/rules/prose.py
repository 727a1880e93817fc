"""Prose vs data: counts written in words agree with the lists; nothing is left unfilled.

These rules read the plan's strings (sections, tasks, goals, table cells…).
Counts a template generates (“八个模块共100学时”) are always right; these
catch the ones a person typed.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import walk_blocks
from plancc.model.base import fmt_number
from plancc.model.blocks import KINDS, block_kind
from plancc.text.numerals import parse_cn_number

# findings of one kind reported for one string at most: a pasted table repeating a slip a
# hundred thousand times gives the first hundred places, not a hundred thousand lines
PER_STRING = 100

_NUM_CHARS = r"零〇一二两三四五六七八九十百\d"
# possessive quantifiers and a start only where a run of numerals begins: each run is read once,
# so a megabyte of digits costs a megabyte of steps and not its square
_COUNT_RE = re.compile(rf"(?<![{_NUM_CHARS}])([{_NUM_CHARS}]++)\s*+个\s*+(模块|阶段|学段|层次|岗位)")
_TOTAL_RE = re.compile(r"共\s*+(\d++(?:\.\d++)?+)\s*+学时")


class _SetNames:
    """Which module set a sentence names, answered once per sentence.

    With a handful of sets each name is looked for in the sentence; with thousands, the
    sentence's substrings of each name length are looked up in a dict instead, so the
    cost is the sentence's length times the number of distinct name lengths.
    """

    def __init__(self, plan):
        self.sets = plan.module_sets
        self.by_name: dict[str, set[int]] = {}
        for i, ms in enumerate(self.sets):
            for name in (ms.id, ms.label):
                if name:
                    self.by_name.setdefault(name, set()).add(i)
        self.lengths = sorted({len(k) for k in self.by_name})
        self._cache: dict[str, object] = {}

    def _named(self, text: str) -> set[int]:
        """Indices of the sets named in ``text``; stops once two are found."""
        found: set[int] = set()
        if len(self.sets) <= 100 * max(len(self.lengths), 1):
            for i, ms in enumerate(self.sets):
                if ms.id in text or (ms.label and ms.label in text):
                    found.add(i)
                    if len(found) > 1:
                        break
            return found
        for size in self.lengths:
            get = self.by_name.get
            for start in range(len(text) - size + 1):
                hit = get(text[start : start + size])
                if hit:
                    found |= hit
                    if len(found) > 1:
                        return found
        return found

    def mentioned(self, text: str):
        """The one module set a sentence is about: it names the set, or the plan has only one."""
        if text not in self._cache:
            named = self._named(text)
            if len(named) == 1:
                self._cache[text] = self.sets[next(iter(named))]
            elif not named and len(self.sets) == 1:
                self._cache[text] = self.sets[0]
            else:
                self._cache[text] = None
        return self._cache[text]


def _generated(path: tuple) -> bool:
    """Strings that are data the templates count themselves (names, ids), not sentences."""
    return path[:1] in (("module_sets",), ("catalog",), ("tiers",), ("posts",), ("include",))


_CLAUSE_END = re.compile(r"[，。；：！？,;:!?（）()“”\n]")
_AND = re.compile(r"和|及|与|以及")


class _Clauses:
    """Where the clauses, 、 and 和/及/与 of one string are, so that the enumeration before
    each count is read with a few bisections instead of re-splitting everything before it."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        self.seps = [m.start() for m in re.finditer("、", text)]
        ands = [m.span() for m in _AND.finditer(text)]
        self.and_starts = [a for a, _ in ands]
        self.and_ends = [b for _, b in ands]
        # gaps[k]: how many of the first k+1 conjunctions have text between them and the one before
        gaps, total = [], 0
        for k, (a, _) in enumerate(ands):
            if k and a > ands[k - 1][1]:
                total += 1
            gaps.append(total)
        self.gaps = gaps

    def enumerated(self, pos: int) -> int:
        """How many items the clause lists just before ``pos`` (“A、B、C和D等四个阶段” → 4); 0 if none."""
        text = self.text
        k = bisect_left(self.ends, pos)
        clause_start = self.ends[k - 1] + 1 if k else 0
        lo, hi = bisect_left(self.seps, clause_start), bisect_left(self.seps, pos)
        if lo == hi:
            return 0
        last = self.seps[hi - 1] + 1  # the last item starts after the last 、
        end = pos
        q = pos
        while q > last and text[q - 1].isspace():
            q -= 1
        if q > last and text[q - 1] == "等":
            end = q - 1
        # the last item may itself join several with 和/及/与: count its non-empty pieces
        a, b = bisect_left(self.and_starts, last), bisect_left(self.and_starts, end)
        if a == b:
            pieces = 1 if end > last else 0
        else:
            pieces = (self.and_starts[a] > last) + (self.gaps[b - 1] - self.gaps[a]) + (end > self.and_ends[b - 1])
        return (hi - lo) + pieces


def _enumerated(before: str) -> int:
    """How many items a clause lists just before a count (“A、B、C和D等四个阶段” → 4); 0 if none."""
    return _Clauses(before).enumerated(len(before))


# the plan list a noun counts; a sentence is compared with the data only inside a section
# with a block that presents that list (the registry's ``lists``): elsewhere “三个阶段” may mean anything
_NOUN_LIST = {"阶段": ("phases", "进度安排"), "学段": ("stages", "学段"), "层次": ("tiers", "层次"), "岗位": ("posts", "岗位")}
_NOUN_BLOCK = {noun: {k.tag for k in KINDS if name in k.lists} for noun, (name, _) in _NOUN_LIST.items()}


def _section_kinds(plan) -> dict[tuple, set[str]]:
    """For each section path, the kinds of the blocks it contains directly."""
    kinds: dict[tuple, set[str]] = {}
    for path, block in walk_blocks(plan):
        kinds.setdefault(path[:-2], set()).add(block_kind(block))
    return kinds


def _shown_here(path: tuple, noun: str, kinds: dict[tuple, set[str]]) -> bool:
    want = _NOUN_BLOCK[noun]
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
    set_names = _SetNames(plan)
    lists = {noun: (f"{label}（{name}）", name, len(getattr(plan, name)), f"{name}.count") for noun, (name, label) in _NOUN_LIST.items()}
    numbers: dict[str, int | None] = {}
    # one message's figures per distinct count and list: a long text repeating a count shares them
    said: dict[tuple, dict] = {}
    for path, text in ctx.prose():
        if _generated(path) or ("个" not in text and "学时" not in text):
            continue
        clauses = None
        shown = 0
        for m in _COUNT_RE.finditer(text):
            if shown >= PER_STRING:
                break
            figure, noun = m.group(1, 2)
            stated = numbers[figure] if figure in numbers else numbers.setdefault(figure, parse_cn_number(figure))
            if stated is None:
                continue
            if clauses is None:
                clauses = _Clauses(text)
            start, end = m.span()
            listed = clauses.enumerated(start)
            if listed >= 2:
                if listed != stated:
                    key = (m.group(0), listed)
                    params = said.get(key)
                    if params is None:
                        params = said[key] = {"written": m.group(0), "what": "前面列举的项目", "what_en": "the enumeration before it",
                                              "actual": f"{listed} 项", "actual_en": listed, "suggest": "", "suggest_en": ""}
                    shown += 1
                    yield Finding(path, params, text_range=(start, end - start))
                continue
            if noun == "模块":
                ms = set_names.mentioned(text)
                if ms is None:
                    continue
                actual = len(ms.modules)
                key = (m.group(0), "模块", ms.id)
            else:
                actual = lists[noun][2]
                if actual == 0 or not _shown_here(path, noun, kinds):
                    continue
                key = (m.group(0), noun)
            if stated != actual:
                params = said.get(key)
                if params is None:
                    if noun == "模块":
                        what, what_en, ref = f"模块组“{ms.id}”", f"module set '{ms.id}'", f"modules.{ms.id}.count"
                    else:
                        what, what_en, _, ref = lists[noun]
                    params = said[key] = {"written": m.group(0), "what": what, "what_en": what_en, "actual": f"{actual} 个", "actual_en": actual,
                                          "suggest": f"；可写成 {{={ref}:count}}个{noun}", "suggest_en": f"; write {{={ref}:count}}"}
                shown += 1
                yield Finding(path, params, text_range=(start, end - start))
        if "学时" not in text:
            continue
        ms = set_names.mentioned(text) if _TOTAL_RE.search(text) else None
        hours = None if ms is None else ms.hours
        if hours is None:
            continue
        shown = 0
        for m in _TOTAL_RE.finditer(text):
            if shown >= PER_STRING:
                break
            if abs(float(m.group(1)) - hours) > 1e-6:
                shown += 1
                key = (m.group(0), "学时", ms.id)
                params = said.get(key)
                if params is None:
                    params = said[key] = {"written": m.group(0), "what": f"模块组“{ms.id}”的学时", "what_en": f"module set '{ms.id}' in hours",
                                          "actual": f"{fmt_number(ms.hours)} 学时", "actual_en": fmt_number(ms.hours),
                                          "suggest": f"；可写成 共{{=modules.{ms.id}.hours}}学时", "suggest_en": f"; write {{=modules.{ms.id}.hours}}"}
                yield Finding(path, params, text_range=(m.start(), m.end() - m.start()))


# brackets holding only blanks: 〔〕 for a 文号 year, （ ）, （　）, (__-__) for a figure to fill in
_BLANK_INSIDE = r"(?:\s|[_＿□\-—–~～至])*+"
_PLACEHOLDERS = re.compile(
    rf"[〔【（(\[［]{_BLANK_INSIDE}[〕】）)\]］]"
    r"|(?<!\d)(?:19|20)(?:_{1,2}|[xX×]{2})(?![\dA-Za-z])"  # 20__年, 20XX年
    r"|_{3,}|＿{2,}|□{2,}"  # blanks to write on
    r"|(?<![A-Za-z])(?:XX|xx|××|ＸＸ)(?![A-Za-z])"  # XX县, ××学校
    r"|(?<![A-Za-z×Ｘ])[×Ｘ](?=[县市区镇乡村校园])"  # ×县
    r"|＊{2,}"  # ＊＊县: full-width asterisks are never markup
    r"|某某|待定|待补充|待填写?|TODO|TBD"
)
# what every placeholder contains, without the look-arounds: finds the few strings worth the full pattern
_PLACEHOLDER_HINT = re.compile(r"[〔【（(\[［]|[_＿□]|[xX×]{2}|[×Ｘ]|ＸＸ|某某|待|TODO|TBD|\*\*|＊＊")
# **县, 共**人: asterisks standing for a name; ``**粗体**`` pairs (and ***粗斜体***) are markup, not this
_STARS = re.compile(r"\*{2,}")
_STAR_PAIR = re.compile(r"(?<!\*)(\*{2,3})([^*]++)\1(?!\*)")
# 〔2019〕x号: in a document number a letter before 号 stands for the number not yet assigned
_NUMBER_BLANK = re.compile(r"(?<![A-Za-zxXＸｘ×])[xXＸｘ×]++(?=\s*+号)")


def _lone_stars(text: str):
    """Runs of two or more * outside emphasis pairs, next to Chinese text (not ASCII like a**b)."""
    pairs = [m.span() for m in _STAR_PAIR.finditer(text)]
    k = 0
    for m in _STARS.finditer(text):
        while k < len(pairs) and pairs[k][1] <= m.start():
            k += 1
        if k < len(pairs) and pairs[k][0] <= m.start() < pairs[k][1]:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if any(ch and not ch.isascii() and not ch.isspace() for ch in (before, after)):
            yield m


@rule(
    "PL802",
    "placeholder",
    family="prose",
    title="留有未填写的占位符",
    title_en="an unfilled placeholder",
    message="“{found}”看起来是未填写的占位符，印发前需要填上实际内容",
    message_en="'{found}' looks like an unfilled placeholder; fill it in before the document is issued",
    doc_en="""
    Plans are often copied from a template and filled in; leftovers such as `〔〕`, `20__年`, `XX县`, `××县`,
    `**县`, `______`, `（ ）`, `（　）`, `(__-__)`, `x号` in a document number or `待定` must not reach a signed
    document. Each one is reported at its own place (the first 100 in one string). `**粗体**` pairs are emphasis, not placeholders.
    Fix: write the actual text.
    """,
)
def placeholder(ctx):
    """
    方案常从模板复制后填写，`〔〕`、`20__年`、`XX县`、`××县`、`**县`、`______`、`（ ）`、`（　）`、`(__-__)`、文号里的 `x号`、`待定` 这样的遗留占位符不能出现在要签发的文件里，每一处分别报告。成对的 `**粗体**` 是加粗标记，不算占位符。

    怎么改：填上实际内容。
    """
    said: dict[str, dict] = {}  # the message's figures, shared by equal placeholders
    for path, text in ctx.prose_matching(_PLACEHOLDER_HINT):
        if path[:1] == ("include",) or path[-1:] == ("template",):
            continue
        found = [m.span() for m, _ in zip(_PLACEHOLDERS.finditer(text), range(PER_STRING))]
        extra = []
        if "**" in text:
            extra += [m.span() for m, _ in zip(_lone_stars(text), range(PER_STRING))]
        if path[-1:] == ("number",) and path[:1] == ("document",):
            extra += [m.span() for m, _ in zip(_NUMBER_BLANK.finditer(text), range(PER_STRING))]
        if extra:
            # one finding per place, in order; a place two patterns find is reported once
            found = sorted(set(found) | set(extra))
            kept, last_end = [], -1
            for start, end in found:
                if start >= last_end:
                    kept.append((start, end))
                    last_end = end
            found = kept
        for start, end in found[:PER_STRING]:
            word = text[start:end]
            params = said.get(word)
            if params is None:
                params = said[word] = {"found": word}
            yield Finding(path, params, text_range=(start, end - start))


_OPEN = "〔[(（【［﹝〖<《?？"
_CLOSE = "〕])）】］﹞〗>》?？"
# 机关代字, the bracketed year, 第, the sequence number, 号: each part read once with possessive
# quantifiers over disjoint classes, so no input makes the match backtrack
_NUMBER_PARTS = re.compile(
    rf"(?P<org>[^{re.escape(_OPEN + _CLOSE)}\d\s]*+)(?P<s1>\s*+)"
    rf"(?P<open>[{re.escape(_OPEN)}]?+)(?P<s2>\s*+)(?P<year>\d*+)(?P<s3>\s*+)(?P<close>[{re.escape(_CLOSE)}]?+)(?P<s4>\s*+)"
    r"(?P<di>第?+)(?P<s5>\s*+)(?P<seq>[^\s号]*+)(?P<s6>\s*+)(?P<hao>号?+)"
)
_SEQ_PLACEHOLDER = re.compile(r"[xXＸｘ×_＿□○〇*＊?？]++|某++|[Nn]")


def _number_problem(number: str) -> tuple[str, str, str | None] | None:
    """(problem zh, problem en, suggestion) when a 发文字号 is not in the GB/T 9704 form, naming each fault."""
    m = _NUMBER_PARTS.fullmatch(number)
    if m is None:  # something after 号, or a second bracket: only the general form can be given
        return ("不是 机关代字〔年份〕序号号 的形式", "it is not in the form 机关代字〔year〕N号", None)
    org, opening, year, closing, di, seq, hao = (m.group(k) for k in ("org", "open", "year", "close", "di", "seq", "hao"))
    zh: list[str] = []
    en: list[str] = []
    if not opening and not closing and not seq and year:
        seq, year = year, ""  # 霍教职9号: the digits are the sequence number, the year is missing
    if not year and not opening and not closing:
        zh.append("缺少年份，完整形式为 机关代字〔年份〕序号号")
        en.append("the year is missing; the full form is 机关代字〔year〕N号")
    if not org:
        zh.append("缺少机关代字（如“霍教职”）")
        en.append("the issuing office's code (机关代字, e.g. 霍教职) is missing")
    if not year and (opening or closing):
        zh.append("缺少年份")
        en.append("the year is missing")
    elif year and len(year) != 4:
        zh.append(f"年份“{year}”应写全称（四位）")
        en.append(f"the year '{year}' must be written in full (four digits)")
    if (opening, closing) != ("〔", "〕") and (year or opening or closing):
        if opening in "?？" and closing in "?？" and opening:
            zh.append(f"年份两侧是“{opening}”“{closing}”，多半是六角括号〔〕在复制或转码时丢失了，应为〔〕")
            en.append(f"the year is between '{opening}' and '{closing}', probably 〔〕 lost in copying or conversion; use 〔〕")
        elif not opening and not closing:
            zh.append("年份应括入六角括号〔〕")
            en.append("the year goes in 〔〕")
        else:
            used = (opening or "（无）") + (closing or "（无）")
            zh.append(f"年份用的是“{used}”，应使用六角括号〔〕")
            en.append(f"the year is bracketed with '{opening}{closing}'; use the hexagonal brackets 〔〕")
    if any(m.group(k) for k in ("s1", "s2", "s3", "s4", "s5", "s6")):
        zh.append("文号中不应有空格")
        en.append("a document number has no spaces")
    if di:
        zh.append("序号前不加“第”字")
        en.append("the number has no 第")
    seq_ok = False
    if not seq:
        zh.append("缺少发文顺序号")
        en.append("the sequence number is missing")
    elif _SEQ_PLACEHOLDER.fullmatch(seq):
        zh.append(f"序号“{seq}”是未填写的占位符，请填上实际序号")
        en.append(f"the sequence number '{seq}' is an unfilled placeholder; fill in the actual number")
    elif not seq.isascii() or not seq.isdigit():
        zh.append(f"序号“{seq}”应为阿拉伯数字")
        en.append(f"the sequence number '{seq}' must be written in Arabic digits")
    elif int(seq) == 0:
        zh.append("序号不能为 0")
        en.append("the sequence number cannot be 0")
    else:
        seq_ok = True
        if seq.startswith("0"):
            zh.append(f"序号“{seq}”编了虚位（前面的 0），应写成“{int(seq)}”")
            en.append(f"the sequence number '{seq}' has leading zeros; write '{int(seq)}'")
    if not hao:
        zh.append("序号后缺少“号”字")
        en.append("号 is missing after the sequence number")
    if not zh:
        return None
    fixed = f"{org}〔{year}〕{int(seq)}号" if org and len(year) == 4 and seq_ok else None
    return "；".join(zh), "; ".join(en), fixed


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
        m = _HALF_WIDTH.search(text)
        if m:
            count = _HALF_WIDTH.subn("", text)[1]  # counted in C, without a match object per mark
            sample = text[max(0, m.start() - 4) : m.end() + 4]
            yield Finding(path, {"count": count, "sample": sample, "mark": m.group(0), "full": _FULL[m.group(0)]},
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
