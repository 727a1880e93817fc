"""The structure stage: a :class:`SourceDoc` → a plan of prose, and the guesses made.

What this stage decides, and by which rule:

- **Title block.** Leading paragraphs before the body: an 附件 label (“附件1”), a 文号 above
  the title, then the title (1–5 lines, a line break typed in a paragraph starting a line:
  centred, bold or large lines; without formatting, lines until one ends in a document word
  such as 方案), a subtitle (a line in brackets, or a short centred line under the title), a
  文号, and the 主送 (a short line ending in “：” naming units, “、” or “，” between them, a
  unit's kind in brackets after it allowed, not a sentence leading into a list). At the end: attachment notes (“附件：1.……”, the numbered lines
  under it), the 落款 (a short line before the date, or right-aligned ones: up to three units
  set one above the other, written on one line) and the date. What follows the date (附件
  bodies under their labels, 版记 lines 抄送/……印发, a note in brackets such as “（此件公开发布）”),
  or an attachment label that begins a
  page after the body, stays in the body as unnumbered sections after the last one (the plan
  language prints nothing after the date).
- **Outline by numbering, not by font; by heading style where nothing numbers it.** 第一部分,
  第一章 and 第一节 open unnumbered sections (kept in the title), nested in that order, each
  only as a heading line (第一条 articles stay paragraphs); so do typed decimal numbers
  (“1.1 总体目标”, “2.3.1 …”, a level per depth; “1 概述” only in a document that has them),
  their numbers kept in the title. A paragraph with no number whose
  style or w:outlineLvl makes it a heading (标题 1, Heading 2 …; not level 9, body text) and
  that is a short line opens an unnumbered section at that outline level: it closes the
  sections of its level and deeper. A paragraph that begins with a typed number
  (一、（一）1.（1）① and the variants clerks type: (一) 1、 1． (1) 1)) or carries one
  Word generates (:attr:`SPara.number`) opens a section. Each distinct *form* of number
  is a level: a form seen again closes the sections down to its level; a new form nests
  under the open one, except that 一、 and （一） never nest under a form deeper on the
  ladder, nor any form under ① and deeper (（一） after ① closes the ① items; “1.” typed
  under “（1）” stays under it, as clerks write). Where the source's form is not the one the
  ladder gives at that place, the section says ``numbering:``; where its count does not
  follow on, ``number_from:``.
- **Heading or run-in.** After its number, a short line without closing sentence
  punctuation is a heading (a line break typed in it joined: one heading), and so is a short
  一、 or （一） heading closed by “。” alone on its line (“（一）培训对象。”); “培训目标：……”
  is a run-in heading (``run_in: true``), and so is one typed with a half-width colon that is
  no clock's (“培训时间:2025年……”, not “8:30”); a sentence (“（二）加强领导。各校要……”) is a section
  without a title whose number runs into its first paragraph. Numbered sections nest no
  deeper than the ladder's seven forms, all sections no deeper than MAX_NESTING.
- **Lists.** Two or more sections in a row with the same form, numbered 1, 2, 3 …, with
  no title and nothing under them become an ``{items: […]}`` list when the form is ①
  or deeper (the ladder's items), or when it is 1./（1） and every item is a long
  sentence; a guess records the choice.
- **Lines and bullets.** A paragraph whose lines were begun with a line break and an indent
  (Shift+Enter, then spaces) is a paragraph per line. Word's bullets, and two or more lines in a
  row typed with a bullet glyph before them (●, ➢ …), become an ``{items: […],
  numbered: false}`` list; a typed glyph stays in the item's text (render prints no bullets).
- **Preamble and basis.** The first body paragraph before the first heading; when it
  reads “根据《…》（文号）、《…》等文件精神，……” it becomes ``document.basis`` and
  ``document.preamble`` {lead, after_basis, text}, which the template writes back to
  the same words.
- **Tables** become ``{table: …}`` blocks: the header from the rows marked to repeat
  (else the first row), vertically merged cells repeated in every row they cover and
  their columns listed in ``merge``, a horizontally merged cell written in its first
  column (a guess); a short line just before a table is its ``caption``, and so is a first row
  that is one cell across the table (a sheet's title): the next row is then the header.

Nothing is dropped: every paragraph's text (less its number, which render regenerates)
lands in the plan, escaped where the plan language would read markup in it (a typed ``{=``,
``**`` pairs: plancc.importer.write.escape_prose) so that render prints it as typed.
:func:`structure_places` also says where each part of the plan was read (the ``places`` that
recognise takes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from plancc.importer.source import Guess, Place, SourceDoc, SPara, STable
from plancc.text.ladder import FORMS as LADDER_FORMS
from plancc.text.numerals import parse_cn_number

_CN = "一二三四五六七八九十百零〇两"
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# (style key, rung on the ladder or None, pattern); the pattern's group 1 is the number
#: after a decimal number: a space, or a heading's first character (not a measure: “1.5倍”, “2.5万元”)
_DEC_AFTER = r"(?:[ \u3000\t]+|(?=[\u4e00-\u9fff（《“])(?![倍万亿元个次分小时天周年月日米克名人所项门节课页]))"
_FORMS: list[tuple[str, Optional[int], re.Pattern]] = [
    ("part", None, re.compile(rf"第([{_CN}0-9０-９]+)(?:部分|篇|编)")),
    ("chapter", None, re.compile(rf"第([{_CN}0-9０-９]+)章")),
    ("sect", None, re.compile(rf"第([{_CN}0-9０-９]+)节")),
    # decimal outline numbers typed as “1.1”, “2.3.1” (a level per depth): kept in the title, as the parts are
    ("dec4", None, re.compile(rf"([0-9]{{1,2}}(?:[.．][0-9]{{1,2}}){{3}})(?![.．]?[0-9]){_DEC_AFTER}")),
    ("dec3", None, re.compile(rf"([0-9]{{1,2}}(?:[.．][0-9]{{1,2}}){{2}})(?![.．]?[0-9]){_DEC_AFTER}")),
    ("dec2", None, re.compile(rf"([0-9]{{1,2}}[.．][0-9]{{1,2}})(?![.．]?[0-9]){_DEC_AFTER}")),
    ("cn", 1, re.compile(rf"([{_CN}]+)\s*[、，,．.](?![0-9０-９])")),
    ("pcn", 2, re.compile(rf"[（(]\s*([{_CN}]+)\s*[）)]\s*[、，,]?")),
    ("num", 3, re.compile(r"([0-9０-９]{1,3})\s*[.．、，,](?![0-9０-９])")),
    ("num)", 3, re.compile(r"([0-9０-９]{1,3})[)）]")),
    ("pnum", 4, re.compile(r"[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*[、，,]?")),
    ("num", 3, re.compile(r"([⒈-⒛])\s*")),  # the one-character forms: “⒈” reads as “1.”, “⑴” as “（1）”
    ("pnum", 4, re.compile(r"([⑴-⒇])\s*[、，,]?")),
    ("circ", 5, re.compile(r"([①-⑳])\s*[、，,.．]?")),
    ("UP", 6, re.compile(r"([A-Z])[.．](?=[\u4e00-\u9fff（《“])")),
    ("low", 7, re.compile(r"([a-z])[.．](?=[\u4e00-\u9fff（《“])")),
]
#: forms that are not on the ladder: a part, a chapter and a section of a chapter, in this order
_PARTS = ("part", "chapter", "sect")
#: decimal outline numbers, by depth (“1 概述” only where “1.1 …” follows it: :func:`_decimal_firsts`)
_DECIMALS = ("dec1", "dec2", "dec3", "dec4")
_DEC1 = re.compile(r"([0-9]{1,2})[ \u3000\t]+(?=[\u4e00-\u9fff（《“])")
_STANDARD = {"cn": "一、", "pcn": "（一）", "num": "1.", "num)": "1.", "pnum": "（1）", "circ": "①", "UP": "A.", "low": "a."}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_SENTENCE_END = tuple("。！？；;!?…")
_DOC_WORDS = ("方案", "计划", "规划", "通知", "办法", "意见", "细则", "要求", "安排", "指南", "说明", "标准", "纲要", "总结", "报告")
_UNITS = ("大学", "学院", "学校", "中学", "小学", "中心", "教育局", "教育体育局", "委员会", "研究院", "研究所", "办公室", "人民政府", "教研室")
_PUNCT = re.compile(r"[，。、；：:,;！？!?“”《》]")
_DATE = re.compile(
    rf"\s*([0-9０-９]{{4}}|(?=[0-9０-９OＯ]*[〇零○一二三四五六七八九])[〇零○OＯ0０一二三四五六七八九]{{4}})\s*年\s*([0-9０-９]{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"(?:\s*([0-9０-９]{{1,2}}|[{_CN}]{{1,3}})\s*日)?\s*"
)
_DATE_AT_END = re.compile(_DATE.pattern + "$")
_ISO_DATE = re.compile(r"\s*([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})\s*")
_ATTACH_LABEL = re.compile(rf"\s*附\s*件\s*[0-9０-９{_CN}]*\s*[：:]?\s*")
_ATTACH_NOTE = re.compile(r"\s*附\s*件\s*[：:]\s*(.*)")
_DOC_NUMBER = re.compile(r"\s*[^\s〔［\[【（(]{1,20}[〔［\[【（(][0-9]{4}[〕］\]】）)]\s*[0-9]{1,4}\s*号\s*")
_BASIS_LEAD = re.compile(r"(根据|依据|按照|遵照|贯彻落实|贯彻)(?=《)")
_BASIS_DOC = re.compile(r"《([^《》]{1,200})》(?:[（(](?!以下简称)([^（）()]{1,60})[）)])?(?:[（(]以下简称《([^《》]{1,30})》[）)])?")
# a run-in heading: “培训目标：……”, or typed with a half-width colon (“培训时间:2025年……”) that is no clock's (8:30)
_RUN_IN = re.compile(r"([^，。；：:！？,;]{1,24}?)(?:：|(?<![0-9０-９]):)(.+)", re.S)

#: a 落款 has at most this many units (one line each, above the date)
ISSUERS = 3
#: a 一、 or （一） heading that ends in “。” (alone on its line) has at most this many characters
CLOSED_HEADING = 16
#: a title has at most this many lines
TITLE_LINES = 5
#: a heading after its number: at most this many characters
HEADING_MAX = 40
#: sections nest at most this deep (the ladder's seven rungs and one unnumbered level)
MAX_NESTING = 8
#: a list item longer than this is a sentence, not a heading (for 1./（1） lists)
LONG_ITEM = 40


def _n(text: str) -> int:
    """The count a number writes: “十二” → 12, “３” → 3, “③” → 3."""
    if text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if len(text) == 1 and "⑴" <= text <= "⒇":
        return ord(text) - ord("⑴") + 1
    if len(text) == 1 and "⒈" <= text <= "⒛":
        return ord(text) - ord("⒈") + 1
    if len(text) == 1 and text.isascii() and text.isalpha():
        return ord(text.upper()) - ord("A") + 1
    t = text.translate(_DIGITS)
    if t.isdigit():
        return int(t)
    n = parse_cn_number(t)  # 两 and 〇 are digits to it too
    return 0 if n is None else n  # an odd number counts as unknown


@dataclass
class Numbered:
    style: str  # key of _FORMS
    rung: Optional[int]
    n: int
    number: str  # the number as written (typed or generated)
    rest: str  # the paragraph's text after it


def numbered(p: SPara) -> Optional[Numbered]:
    """The number a paragraph begins with (Word's own first, else typed), or None (always for a
    line in a TOC style: a table of contents repeats the body's headings, with page numbers)."""
    if _TOC_STYLE.fullmatch(p.style.strip()):
        return None
    if p.number.strip():
        num = p.number.strip()
        for style, rung, rx in _FORMS:
            m = rx.fullmatch(num)
            if m:
                return Numbered(style, rung, _n(m.group(1)), p.number, p.text.lstrip(" \u3000\t"))
        # a generated number of another form (“第1条”, “A)”): a level of its own
        return Numbered("auto:" + re.sub(r"[0-9０-９一-龥A-Za-z]+", "#", num), None, 0, p.number, p.text.lstrip(" \u3000\t"))
    text = p.text.lstrip(" \u3000\t")
    for style, rung, rx in _FORMS:
        m = rx.match(text)
        if m and m.end() < len(text):
            rest = text[m.end():]
            if style in _PARTS or style in _DECIMALS:  # 第一部分, 第一章, 第一节, 1.1 stay in the title (not ladder forms) …
                if not _short_line(text.replace("\n", ""), HEADING_MAX):
                    return None  # … and open a section only as a heading line (“第一节课后……” is a sentence)
                return Numbered(style, None, _n(m.group(1)), "", text)
            return Numbered(style, rung, _n(m.group(1)), text[: m.end()], rest.lstrip(" \u3000\t"))
    return None


_TOC_STYLE = re.compile(r"(?i)(?:toc|目录)\s*[1-9]")
_TOC_PAGE = re.compile(r"\t[\s.…·．。-]*[0-9]{1,4}\s*$")


def _toc_lines(blocks: list) -> set[int]:
    """The ids of the lines of a table of contents: Word's TOC styles, and the lines typed under a
    “目录” line as a heading, a tab and a page number (blank lines between them aside)."""
    out: set[int] = set()
    under = False
    for b in blocks:
        if not isinstance(b, SPara):
            under = False
            continue
        t = b.text.strip()
        if _TOC_STYLE.fullmatch(b.style.strip()):
            out.add(id(b))
        elif re.sub(r"\s", "", t) == "目录":
            under = True
        elif under and "\t" in b.text and len(t) <= 80 and _TOC_PAGE.search(b.text):
            out.add(id(b))
        elif t or b.number:
            under = False
    return out


def _decimal_firsts(blocks: list) -> set[str]:
    """The first parts of the decimal headings (“1.1 …”, “2.3.1 …”) in ``blocks``: “1”, “2”."""
    out: set[str] = set()
    for b in blocks:
        if isinstance(b, SPara) and not b.number.strip():
            n = numbered(b)
            if n is not None and n.style in _DECIMALS:
                out.add(re.split(r"[.．]", n.rest.lstrip(" \u3000\t"), maxsplit=1)[0])
    return out


def _short_line(text: str, most: int = HEADING_MAX) -> bool:
    t = text.strip()
    return 0 < len(t) <= most and not t.endswith(_SENTENCE_END) and "。" not in t


@dataclass
class _Sec:
    """A section being built."""

    style: str
    rung: Optional[int]
    n: int
    place: Place
    title: str = ""
    run_in: bool = False
    numbered: bool = True
    content: list = field(default_factory=list)
    children: list = field(default_factory=list)
    long: bool = False  # its text is a sentence (no title)
    guesses: list = field(default_factory=list)  # indices of the guesses made about it
    outline: Optional[int] = None  # the outline level its paragraph has (heading style or w:outlineLvl), when known
    cplaces: list = field(default_factory=list)  # where each block of ``content`` was read (parallel to it)

    def add(self, block: Any, place: Place) -> None:
        self.content.append(block)
        self.cplaces.append(place)


class _Builder:
    def __init__(self, doc: SourceDoc):
        self.doc = doc
        self.guesses: list[Guess] = []
        self.anchors: list[tuple[int, Any, tuple]] = []
        self.doc_places: dict[str, Place] = {}  # document key → where it was read
        self.sec_of: dict[int, _Sec] = {}  # id of a section dict of the plan → the section it was built from
        self.part_places: dict[int, list[Place]] = {}  # id of an items list or a table spec → its items' or rows' places
        #: id of a table spec → (the spec, its source tables with the header rows of each to skip)
        self.table_sources: dict[int, tuple[dict, list[tuple[STable, int]]]] = {}
        self.after_date: Optional[int] = None  # the guess that says what follows the date, anchored at its first section
        self.toc: set[int] = _toc_lines(doc.blocks)  # ids of the lines of a table of contents
        self.annex: set[int] = set()  # ids of the 附件 labels after the date (each opens a section)
        self.record: set[int] = set()  # ids of the 版记 lines after the date
        self.caption_rows: set[int] = set()  # ids of the tables whose first row is their caption
        self.dec_firsts: Optional[set[str]] = None  # first parts of the “1.1” headings (read when first asked)

    def decimal_top(self, p: SPara) -> Optional[Numbered]:
        """A heading line numbered “1 概述” (a number and a space) in a document that has “1.1 …”
        headings: the top level of its decimal outline."""
        if self.dec_firsts is None:
            self.dec_firsts = _decimal_firsts(self.doc.blocks)
        text = p.text.lstrip(" \u3000\t")
        m = _DEC1.match(text)
        if not (m and self.dec_firsts and _short_line(text.replace("\n", ""), HEADING_MAX)):
            return None
        return Numbered("dec1", None, _n(m.group(1)), "", text)

    def guess(self, key: str, place: Place, path: tuple = (), **values: Any) -> None:
        self.guesses.append(Guess(key, place, tuple(values.items()), path))

    def anchor(self, since: int, obj: Any, sub: tuple = ()) -> None:
        """The guesses made since index ``since`` land at ``obj`` (a block of the plan), below it at ``sub``."""
        for i in range(since, len(self.guesses)):
            self.anchors.append((i, obj, sub))

    def resolve(self, plan: dict) -> None:
        """Give anchored guesses their data path, now that the blocks have their places in the plan."""
        if not self.anchors:
            return
        where: dict[int, tuple] = {}
        stack: list[tuple[Any, tuple]] = [(plan, ())]
        while stack:
            value, path = stack.pop()
            if isinstance(value, dict):
                where[id(value)] = path
                stack.extend((v, (*path, k)) for k, v in value.items() if isinstance(v, (dict, list)))
            elif isinstance(value, list):
                stack.extend((v, (*path, i)) for i, v in enumerate(value) if isinstance(v, (dict, list)))
        from dataclasses import replace

        for i, obj, sub in self.anchors:
            path = where.get(id(obj))
            if path is not None:
                self.guesses[i] = replace(self.guesses[i], path=(*path, *sub))

    def places(self, plan: dict) -> dict[tuple, Place]:
        """Every part of the finished plan whose source place is known, by data path."""
        out: dict[tuple, Place] = {("document", k): pl for k, pl in self.doc_places.items() if k in plan.get("document", {})}

        def walk(secs: list, path: tuple) -> None:
            for i, d in enumerate(secs):
                p = (*path, i)
                s = self.sec_of.get(id(d))
                if s is not None:
                    if s.style != "preface":
                        out[p] = s.place
                    for j, (blk, bp) in enumerate(zip(s.content, s.cplaces)):
                        cp = (*p, "content", j)
                        out[cp] = bp
                        if isinstance(blk, dict) and "table" in blk:
                            for r, rp in enumerate(self.part_places.get(id(blk["table"]), ())):
                                out[(*cp, "table", "rows", r)] = rp
                        elif isinstance(blk, dict) and "items" in blk:
                            for r, rp in enumerate(self.part_places.get(id(blk), ())):
                                out[(*cp, "items", r)] = rp
                walk(d.get("sections") or [], (*p, "sections"))

        walk(plan.get("sections") or [], ("sections",))
        return out

    def title_lines(self, paras: list[SPara], first: int, formatted: bool) -> tuple[int, list[str]]:
        """The title's lines from ``first`` on (1 to TITLE_LINES; a line break typed in a paragraph
        starts a line): with formatting, the centred, bold or large lines alike; without, short
        lines up to one that ends in a document word (方案, 计划 …)."""
        i, n = first, len(paras)
        title: list[str] = []
        lead = paras[first] if first < n else None
        while i < n and len(title) < TITLE_LINES:
            p = paras[i]
            t = p.text.strip()
            if not t:
                i += 1
                continue
            lines = [x.strip(" \u3000\t") for x in t.split("\n") if x.strip(" \u3000\t")]
            if (numbered(p) or not all(_short_line(x, 60) for x in lines) or t.endswith(("：", ":")) or _DOC_NUMBER.fullmatch(t)
                    or len(title) + len(lines) > TITLE_LINES):
                break
            if title and t[0] in "（(" and t[-1] in "）)":
                break  # the subtitle
            if title and not formatted and len(t) <= 24 and t.endswith(_UNITS) and not _PUNCT.search(t):
                break  # the issuing unit
            if formatted:
                same = p.align == lead.align and p.bold == lead.bold and (p.size == lead.size or p.size is None)
                if not (p.align == "center" or p.bold or (p.size or 0) >= 36) or (title and not same):
                    break
            title.extend(lines)
            i += 1
            if not formatted and t.endswith(_DOC_WORDS):
                break
            if formatted and t.endswith(_DOC_WORDS) and not (i < n and paras[i].align == "center" and paras[i].size == lead.size
                                                             and paras[i].bold == lead.bold and not paras[i].text.strip().startswith(("（", "("))):
                break
        return i, title

    # -- title block -------------------------------------------------------------------
    def head(self, paras: list[SPara], document: dict) -> int:
        """Read the title block from the leading paragraphs; the index of the first body paragraph."""
        i = 0
        n = len(paras)
        while i < n and not paras[i].text.strip() and not paras[i].number.strip():
            i += 1
        if i < n and not paras[i].number and _ATTACH_LABEL.fullmatch(paras[i].text) and len(paras[i].text.strip()) <= 8:
            document["attachment_label"] = paras[i].text.strip().rstrip("：:").strip()
            self.doc_places["attachment_label"] = paras[i].place
            i += 1
        while i < n and not paras[i].text.strip():
            i += 1
        masthead: Optional[SPara] = None
        nxt = next((j for j in range(i + 1, n) if paras[j].text.strip()), None)
        if (i < n and nxt is not None and not paras[i].number and _MASTHEAD.fullmatch(paras[i].text)
                and _DOC_NUMBER.fullmatch(paras[nxt].text)):
            masthead = paras[i]  # 发文机关标志 (“某县教育体育局文件”) over the 文号: not the title
            i = nxt
        if i < n and not paras[i].number and _DOC_NUMBER.fullmatch(paras[i].text):  # the 文号 above the title
            self.take_number(paras[i], document)
            i += 1
            while i < n and not paras[i].text.strip():
                i += 1
        first = i
        formatted = any(p.align == "center" or p.bold or (p.size or 0) >= 36 for p in paras[i:i + 4])
        i, title = self.title_lines(paras, first, formatted)
        if not title and formatted:  # formatting elsewhere, a plain first line: read it as typed
            formatted = False
            i, title = self.title_lines(paras, first, formatted)
        if not title:
            self.guess("import.guess.no_title", paras[first].place if first < n else Place(paragraph=1), ("document", "title"))
            document["title"] = self.doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "方案"
        else:
            document["title"] = title if len(title) > 1 or _would_break(title[0]) else title[0]
            self.doc_places["title"] = paras[first].place
            if not formatted:
                self.guess("import.guess.title", paras[first].place, ("document", "title"), lines=len(title))
        if masthead is not None:  # the 发文机关标志 of a 版头, printed above the title with the 文号 under it
            document["masthead"] = masthead.text.strip()
            self.doc_places["masthead"] = masthead.place
            self.guess("import.guess.masthead", masthead.place, ("document", "masthead"), text=masthead.text.strip())
        # subtitle, 文号, 主送
        while i < n:
            p = paras[i]
            t = p.text.strip()
            if not t:
                i += 1
                continue
            if numbered(p):
                break
            if "number" not in document and _DOC_NUMBER.fullmatch(t):
                self.take_number(p, document)
                i += 1
                continue
            if "subtitle" not in document and "number" not in document and "addressee" not in document and (
                    (t[0] in "（(" and t[-1] in "）)" and len(t) <= 60)
                    or (p.align == "center" and _short_line(t, 30) and not t.endswith(("：", ":")))):
                document["subtitle"] = t
                self.doc_places["subtitle"] = p.place
                i += 1
                continue
            if "subtitle" not in document and "addressee" not in document and _DATE.fullmatch(t):
                document["subtitle"] = t  # a date under the title: kept there, as typed (the date the plan ends with is apart)
                self.doc_places["subtitle"] = p.place
                self.guess("import.guess.date_under_title", p.place, ("document", "subtitle"), text=t)
                i += 1
                continue
            if ("subtitle" not in document and "number" not in document and "addressee" not in document and len(t) <= 24
                    and t.endswith(_UNITS) and not _PUNCT.search(t)):
                document["subtitle"] = t  # the issuing unit under the title, typed without formatting
                self.doc_places["subtitle"] = p.place
                self.guess("import.guess.subtitle", p.place, ("document", "subtitle"), text=t)
                i += 1
                continue
            if "addressee" not in document and _addressee(t):
                document["addressee"] = t[:-1].strip()
                self.doc_places["addressee"] = p.place
                if t.endswith(":"):
                    self.guess("import.guess.addressee_colon", p.place, ("document", "addressee"))
                i += 1
                continue
            break
        return i

    def take_number(self, p: SPara, document: dict) -> None:
        t = p.text.strip()
        document["number"] = t
        self.doc_places["number"] = p.place
        if "〔" not in t:
            self.guess("import.guess.doc_number", p.place, ("document", "number"), text=t)

    def tail(self, blocks: list, document: dict) -> list:
        """Take 落款, date and attachment notes off the end of the body; the blocks left. What follows
        the date (附件 bodies, each under its label “附件1” on a page of its own, and the 版记 lines
        抄送/印发) stays in the body, after the last section (the plan language prints nothing after
        the date): its labels and 版记 lines are marked for the body to open sections at."""
        trailer: list = []
        cut = _trailer_start(blocks)
        if cut is not None:
            blocks, trailer = blocks[:cut], blocks[cut:]
            for j, b in enumerate(trailer):
                if isinstance(b, SPara) and not b.number and _label_line(b.text):
                    self.annex.add(id(b))
                elif isinstance(b, SPara) and not b.number and (_RECORD.match(b.text) or j == 0):
                    self.record.add(id(b))  # the first line when it is no label: the 版记's unit above its 印发 line
            self.after_date = len(self.guesses)
            self.guess("import.guess.after_date", trailer[0].place, count=sum(isinstance(b, SPara) and bool(b.text.strip())
                                                                               for b in trailer) + sum(isinstance(b, STable) for b in trailer))
        end = len(blocks)

        def last_para(k: int) -> int:
            while k > 0 and isinstance(blocks[k - 1], SPara) and not blocks[k - 1].text.strip() and not blocks[k - 1].number:
                k -= 1
            return k

        end = last_para(end)
        if end and isinstance(blocks[end - 1], SPara) and not blocks[end - 1].number:
            p = blocks[end - 1]
            m = _DATE.fullmatch(p.text) or _ISO_DATE.fullmatch(p.text)
            joint = None
            lines = [x.strip() for x in p.text.split("\n") if x.strip()]
            if m is None and len(lines) > 1 and len(p.text) <= 120 and (_DATE.fullmatch(lines[-1]) or _ISO_DATE.fullmatch(lines[-1])) \
                    and all(x.endswith(_ADDRESSEE_ENDS) and _short_line(x, 30) and not _PUNCT.search(x) for x in lines[:-1]):
                # the 落款's units and the date typed in one paragraph, a line each (Shift+Enter)
                m = _DATE.fullmatch(lines[-1]) or _ISO_DATE.fullmatch(lines[-1])
                joint = "　　".join(lines[:-1])
            if m is None and len(p.text) <= 60:  # “某县教育体育局　2025年2月20日”: the 落款 and the date on one line
                m = _DATE_AT_END.search(p.text)
                who = p.text[: m.start()].strip(" \u3000\t") if m else ""
                if m is None or not (who.endswith(_UNITS) and _short_line(who, 30) and not _PUNCT.search(who)):
                    m = None
                else:
                    joint = who
            if m:
                date = _date_value(m)
                if date:
                    document["date"] = date
                    self.doc_places["date"] = p.place
                    if m.re is _ISO_DATE or not m.group(1).translate(_DIGITS).isdigit() or not m.group(2).translate(_DIGITS).isdigit():
                        self.guess("import.guess.date", p.place, ("document", "date"), text=p.text.strip())
                    if joint is not None:
                        document["issuer"] = joint
                        self.doc_places["issuer"] = p.place
                        self.guess("import.guess.issuer_with_date", p.place, ("document", "issuer"), text=joint)
                    end = last_para(end - 1)
        issuers: list[SPara] = []
        while ("issuer" not in document and end and isinstance(blocks[end - 1], SPara) and not blocks[end - 1].number
               and len(issuers) < ISSUERS):
            p = blocks[end - 1]
            t = p.text.strip()
            if not (_short_line(t, 40) and not t.endswith(("：", ":"))):
                break
            if not (p.align == "right" or (not issuers and "date" in document and _short_line(t, 30))):
                break
            if issuers and (p.align != "right" or not t.endswith(_UNITS)):
                break  # a unit above the first only when it is set the same way and names a unit
            issuers.insert(0, p)
            end = last_para(end - 1)
        if issuers:
            document["issuer"] = "　　".join(p.text.strip() for p in issuers)
            self.doc_places["issuer"] = issuers[0].place
            if issuers[-1].align != "right":
                self.guess("import.guess.issuer", issuers[-1].place, ("document", "issuer"))
            if len(issuers) > 1:
                self.guess("import.guess.issuers", issuers[0].place, ("document", "issuer"), count=len(issuers))
        # attachment notes: “附件：1.…” and the numbered lines under it
        k = end - 1
        while k >= 0 and isinstance(blocks[k], SPara) and not _ATTACH_NOTE.fullmatch(blocks[k].number + blocks[k].text):
            if k < end - 30:
                k = -1
                break
            k -= 1
        if k >= 0 and isinstance(blocks[k], SPara) and all(isinstance(b, SPara) for b in blocks[k:end]):
            first = _ATTACH_NOTE.fullmatch(blocks[k].number + blocks[k].text).group(1).strip()
            lines = [first] if first else []
            rest = end
            listed: Optional[bool] = None  # whether the note's items are numbered (its first item says)
            for j in range(k + 1, end):
                line = (blocks[j].number + blocks[j].text).strip()
                if not line:
                    continue
                if listed is None:
                    listed = bool(_NOTE_ITEM.match(lines[0] if lines else line))
                if listed and not _NOTE_ITEM.match(line):
                    rest = j  # “联系人：……” after the numbered list: body text, not an attachment
                    break
                lines.append(line)
            leftover = blocks[rest:end]
            items = []
            for j, line in enumerate(lines, 1):
                m = _NOTE_ITEM.match(line)
                title = (m.group(2) if m and len(lines) > 1 else line).strip()
                items.append({"label": f"附件{_n(m.group(1)) if m else j}", "title": title})
            if items and all(len(it["title"]) <= 120 for it in items):
                document["attachments"] = items
                self.doc_places["attachments"] = blocks[k].place
                self.guess("import.guess.attachments", blocks[k].place, ("document", "attachments"), count=len(items))
                return blocks[:k] + leftover + trailer
        return blocks[:end] + trailer

    # -- preamble ----------------------------------------------------------------------
    def preamble(self, p: SPara, document: dict) -> None:
        text = p.text.strip()
        m = _BASIS_LEAD.match(text)
        if m:
            pos = m.end()
            basis = []
            while True:
                d = _BASIS_DOC.match(text, pos)
                if not d:
                    break
                doc: dict = {"title": d.group(1)}
                number = d.group(2)
                if number and ("号" in number or "〔" in number or "[" in number):
                    doc["number"] = number
                elif number:
                    break  # brackets that are not a 文号: leave the rest as it is
                if d.group(3):
                    doc["short"] = d.group(3)
                basis.append(doc)
                pos = d.end()
                if text.startswith("、", pos):
                    nxt = _BASIS_DOC.match(text, pos + 1)
                    if nxt:
                        pos += 1
                        continue
                break
            if basis and _basis_words(m.group(1), basis) == text[:pos]:
                rest = text[pos:]
                cut = min((rest.find(c) for c in "，," if c in rest), default=-1)
                after, body = (rest[: cut + 1], rest[cut + 1:]) if cut >= 0 else ("", rest)
                if not body.strip():
                    after, body = "", rest
                if body.strip():
                    document["basis"] = basis
                    pre: dict = {}
                    if m.group(1) != "根据":
                        pre["lead"] = m.group(1)
                    if after != "，":
                        pre["after_basis"] = after
                    pre["text"] = body
                    document["preamble"] = pre
                    self.guess("import.guess.basis", p.place, ("document", "basis"), count=len(basis))
                    return
        document["preamble"] = text

    # -- body --------------------------------------------------------------------------
    def body(self, blocks: list, document: dict) -> list[dict]:
        root = _Sec("root", 0, 0, Place())
        stack: list[_Sec] = [root]
        preface = _Sec("preface", None, 0, Place(paragraph=1), numbered=False)  # what comes before the first heading
        preamble_taken = "preamble" in document
        pending_caption: Optional[SPara] = None
        last_table: Optional[STable] = None  # the table just before, when nothing but blank lines came after it

        def here() -> _Sec:
            return stack[-1] if len(stack) > 1 else preface

        k = 0
        while k < len(blocks):
            b = blocks[k]
            k += 1
            if isinstance(b, STable):
                target = here()
                prev = target.content[-1] if target.content and isinstance(target.content[-1], dict) and "table" in target.content[-1] else None
                if prev is not None and last_table is not None and pending_caption is None and b.n_cols == last_table.n_cols:
                    # a table right after a table of as many columns, nothing between them but blank
                    # lines: the rest of the same table after a page break (its header typed again is dropped)
                    rows, rplaces = self.table_rows(b, 0)
                    skip = 0
                    if rows and rows[0] == prev["table"]["columns"]:
                        rows, rplaces = rows[1:], rplaces[1:]
                        skip = 1
                    if id(prev["table"]) in self.table_sources:
                        self.table_sources[id(prev["table"])][1].append((b, skip))
                    prev["table"]["rows"].extend(rows)
                    self.part_places.setdefault(id(prev["table"]), []).extend(rplaces)
                    since = len(self.guesses)
                    self.guess("import.guess.table_continued", b.place, n=last_table.place.table)
                    self.anchor(since, prev, ("table", "rows"))
                    last_table = b
                    continue
                last_table = b
                since = len(self.guesses)
                spec = self.table(b)
                block = {"table": spec}
                self.anchor(since, block, ("table",))
                if pending_caption is not None and "caption" not in spec:
                    spec["caption"] = pending_caption.text.strip()
                    self._drop_last(stack, preface)
                    since = len(self.guesses)
                    self.guess("import.guess.caption", pending_caption.place, text=pending_caption.text.strip())
                    self.anchor(since, block, ("table", "caption"))
                    pending_caption = None
                here().add(block, b.place)
                continue
            pending_caption = None
            if not b.text.strip() and not b.number.strip():
                continue
            last_table = None
            if id(b) not in self.toc and id(b) not in self.annex and id(b) not in self.record and _bullet(b):
                # bullets (Word's, or a glyph typed before each line): an unnumbered list, the glyphs kept
                run = [b]
                while k < len(blocks) and isinstance(blocks[k], SPara) and _bullet(blocks[k]) and id(blocks[k]) not in self.toc \
                        and id(blocks[k]) not in self.annex and id(blocks[k]) not in self.record:
                    run.append(blocks[k])
                    k += 1
                if len(run) > 1 or b.num_format == "bullet":
                    items = {"items": [_bullet_text(x) for x in run], "numbered": False}
                    here().add(items, b.place)
                    self.part_places[id(items)] = [x.place for x in run]
                    since = len(self.guesses)
                    self.guess("import.guess.bullets", b.place, count=len(run))
                    self.anchor(since, items, ("items",))
                    continue
                k -= len(run) - 1
            num = None if id(b) in self.toc else numbered(b)
            if num is None and id(b) not in self.toc and not b.number.strip():
                num = self.decimal_top(b)
            level = _outline_level(b)
            if id(b) in self.annex:  # an attachment's label after the date: it opens a section of its own
                num, level = Numbered("annex", None, 0, "", _one_line(b.text)), None
            elif id(b) in self.record and stack[-1].style != "record":  # the 版记 lines: a section without a title
                num, level = Numbered("record", None, 0, "", ""), None
            elif id(b) in self.record:
                num = None
            elif num is None and level is not None and id(b) not in self.toc and _heading_line(b.text):
                # a heading by its style (标题 1, Heading 2) or outline level, with no number typed or generated
                title = _one_line(b.text)
                num = Numbered(f"outline:{level}", None, 0, "", title)
            if num is None:
                t = b.text.strip()
                if len(stack) == 1 and not preface.content and not preamble_taken and id(b) not in self.toc \
                        and re.sub(r"\s", "", t) != "目录":
                    lines = _indented_lines(t)
                    if lines is not None:  # the preamble's first line; the lines under it open the body
                        from dataclasses import replace

                        self.preamble(replace(b, text=lines[0]), document)
                        for line in lines[1:]:
                            preface.add(line, b.place)
                        self.guess("import.guess.line_breaks", b.place, count=len(lines))
                    else:
                        self.preamble(b, document)
                    self.doc_places["preamble"] = b.place
                    preamble_taken = True
                    continue
                lines = _indented_lines(t)
                if lines is not None and id(b) not in self.record:
                    # lines begun with a line break and an indent (Shift+Enter, then spaces): one paragraph each
                    for line in lines:
                        here().add(line, b.place)
                    self.guess("import.guess.line_breaks", b.place, count=len(lines))
                    continue
                para: Any = t
                if id(b) in self.record:
                    para = {"text": t, "style": "plain"}
                elif b.align == "center" and _short_line(t, 40) and not t.endswith(("：", ":")):
                    para = {"text": t, "style": "caption"}
                here().add(para, b.place)
                nxt = blocks[k] if k < len(blocks) else None
                if isinstance(nxt, STable) and _short_line(t, 40) and not t.endswith(("：", ":", "，", ",")):
                    pending_caption = b
                continue
            # a numbered paragraph (or a heading by its style) opens a section
            style, rung = num.style, num.rung
            self._close(stack, style, rung, level)
            sec = _Sec(style, rung, num.n, b.place, numbered=style not in _PARTS and not style.startswith("outline:") and style not in ("annex", "record"),
                       outline=level)
            rest = _one_line(num.rest) if "\n" in num.rest and _heading_line(num.rest) else num.rest.strip()
            m = _RUN_IN.fullmatch(rest)
            lines = _indented_lines(rest)
            if lines is not None:
                # lines begun with a line break and an indent: a heading line first takes the title,
                # the others are paragraphs of the section
                if _short_line(lines[0], HEADING_MAX) and not _RUN_IN.fullmatch(lines[0]):
                    sec.title, lines = lines[0], lines[1:]
                for line in lines:
                    sec.add(line, b.place)
                sec.long = bool(lines) and len(lines[0]) > LONG_ITEM
                self.guess("import.guess.line_breaks", b.place, count=len(lines) + bool(sec.title))
            elif _short_line(rest, HEADING_MAX) and not (m and m.group(2).strip() and len(rest) > 24):
                sec.title = rest
            elif rung in (1, 2) and _closed_heading(rest):
                sec.title = rest  # “（一）培训对象。” alone on its line: a heading that ends in a full stop
            elif m and m.group(2).strip():
                sec.title, sec.run_in = m.group(1).strip(), True
                sec.add(m.group(2).strip(), b.place)
                if rest[len(m.group(1))] == ":":
                    self.guess("import.guess.run_in_colon", b.place, text=sec.title)
                    sec.guesses.append(len(self.guesses) - 1)
            else:
                sec.add(rest, b.place)
                sec.long = len(rest) > LONG_ITEM
            if style in ("annex", "record"):
                sec.numbered, sec.title, sec.run_in, sec.long, sec.content, sec.cplaces = False, rest, False, False, [], []
                if style == "record":
                    sec.add({"text": b.text.strip(), "style": "plain"}, b.place)
                if self.after_date is not None:
                    sec.guesses.append(self.after_date)
                    self.after_date = None
            elif style.startswith("outline:"):
                sec.title, sec.run_in, sec.content, sec.cplaces = rest, False, [], []
                self.guess("import.guess.styled_heading", b.place, text=rest[:12], style=b.style or str(level + 1))
                sec.guesses.append(len(self.guesses) - 1)
            elif rung is None:  # 第一部分, or a generated number not on the ladder: kept as text, unnumbered
                whole = _one_line(num.number + num.rest) if _heading_line(num.number + num.rest) else (num.number + num.rest).strip()
                sec.numbered, sec.title, sec.run_in, sec.long = False, "", False, False
                sec.content, sec.cplaces = [], []
                if _short_line(whole, HEADING_MAX):
                    sec.title = whole
                else:
                    sec.add(whole, b.place)
                self.guess("import.guess.unladdered", b.place, text=whole[:12])
                sec.guesses.append(len(self.guesses) - 1)
            stack[-1].children.append(sec)
            stack.append(sec)
        sections = [self.section_dict(s) for s in self.listed(root).children]
        if preface.content:
            d = {"numbered": False, "content": preface.content}
            self.sec_of[id(d)] = preface
            sections.insert(0, d)
            self.guess("import.guess.preface", Place(paragraph=1), ("sections", 0), count=len(preface.content))
        self.numbering(sections, 0)
        return sections

    @staticmethod
    def _close(stack: list, style: str, rung: Optional[int], level: Optional[int]) -> None:
        """Close the open sections a new one of this form (and outline level) does not nest under."""
        part = _PARTS.index(style) if style in _PARTS else None
        if style in ("annex", "record"):  # what follows the date stands beside the body's sections
            del stack[1:]
            return
        if level is not None and style.startswith("outline:") and any(s.outline is not None and s.outline >= level for s in stack[1:]):
            # a heading of a known outline level closes every section down to the nearest one above its level
            while len(stack) > 1 and not (stack[-1].outline is not None and stack[-1].outline < level):
                stack.pop()
        else:
            _Builder._close_forms(stack, style, rung, part)
        if len(stack) > MAX_NESTING and not any(s.style == style for s in stack[1:]):
            stack.pop()  # a new form this deep is the sibling of the deepest section, not its child
        while rung is not None and len(stack) > _RUNGS:
            stack.pop()  # a numbered section sits no deeper than the ladder has forms (unnumbered levels take rungs too)

    @staticmethod
    def _close_forms(stack: list, style: str, rung: Optional[int], part: Optional[int]) -> None:
        """Close by the form of the number: a form seen again closes down to its level (see the module's doc)."""
        while len(stack) > 1:
            top = stack[-1]
            if any(s.style == style for s in stack[1:]):
                if top.style == style:
                    stack.pop()
                    break
                stack.pop()
                continue
            if part is not None and (top.rung is not None or (top.style in _PARTS and _PARTS.index(top.style) >= part)):
                stack.pop()  # a part, chapter or section of a chapter never nests under a ladder number or a smaller part
                continue
            if rung is not None and top.rung is not None and top.rung >= rung and (rung <= 2 or top.rung >= 5):
                stack.pop()
                continue
            break

    def _drop_last(self, stack, preface) -> None:
        target = stack[-1] if len(stack) > 1 else preface
        if target.content:
            target.content.pop()
            target.cplaces.pop()

    def listed(self, sec: _Sec) -> _Sec:
        """Turn runs of untitled, childless siblings numbered 1, 2, 3 … into items lists."""
        out: list = []
        kids = sec.children
        i = 0
        while i < len(kids):
            s = kids[i]
            self.listed(s)
            j = i
            while (j < len(kids) and kids[j].style == s.style and kids[j].n == j - i + 1 and not kids[j].title
                   and not kids[j].children and len(kids[j].content) == 1 and isinstance(kids[j].content[0], str)):
                j += 1
            run = kids[i:j]
            deep = s.rung is not None and s.rung >= 5
            longs = s.rung is not None and s.rung >= 3 and all(x.long for x in run)
            if len(run) >= 2 and (deep or longs):
                items = {"items": [x.content[0] for x in run], "_rung": s.rung}
                if out and isinstance(out[-1], _Sec):
                    out[-1].add(items, s.place)
                else:
                    sec.add(items, s.place)
                self.part_places[id(items)] = [x.place for x in run]
                self.guess("import.guess.items", s.place, count=len(run))
                self.anchor(len(self.guesses) - 1, items, ("items",))
                i = j
                continue
            out.append(s)
            i += 1
        sec.children = out
        return sec

    def section_dict(self, s: _Sec) -> dict:
        d: dict = {}
        if s.title:
            d["title"] = s.title
        if s.run_in:
            d["run_in"] = True
        if not s.numbered:
            d["numbered"] = False
        d["_sec"] = s
        self.sec_of[id(d)] = s
        for gi in s.guesses:
            self.anchors.append((gi, d, ("title",) if s.title else ()))
        if s.content:
            d["content"] = s.content
        if s.children:
            d["sections"] = [self.section_dict(c) for c in s.children]
        return d

    def numbering(self, sections: list[dict], parent_rung: int, path: tuple = ("sections",)) -> None:
        """Write ``numbering:`` where the ladder would give another form, ``number_from:`` where the
        count does not follow on, and a list's ``numbering:`` likewise; strip the builder's keys."""
        form = parent_rung + 1  # what the layout gives the next numbered sibling (plancc.layout.numbering)
        count = 0
        for i, d in enumerate(sections):
            s: Optional[_Sec] = d.pop("_sec", None)
            here = form
            if s is not None and s.numbered and s.rung is not None:
                if s.rung != form:
                    d["numbering"] = _STANDARD[s.style]
                    here = form = s.rung
                    count = 0
                if s.n and s.n != count + 1:
                    d["number_from"] = s.n
                    self.guess("import.guess.number_from", s.place, (*path, i, "number_from"), n=s.n)
                count = s.n or count + 1
            for blk in d.get("content", []):
                if isinstance(blk, dict) and "_rung" in blk:
                    r = blk.pop("_rung")
                    if r != here + 1:
                        blk["numbering"] = _STANDARD_BY_RUNG[r]
            if "sections" in d:
                self.numbering(d["sections"], here, (*path, i, "sections"))
            ordered = {k: d.pop(k) for k in _SECTION_ORDER if k in d}
            d.update(ordered)

    # -- tables ------------------------------------------------------------------------
    def table_rows(self, t: STable, h: int) -> tuple[list[list], list[Place]]:
        """The rows of ``t`` below its first ``h`` as plan rows (the rest of a table split at a page), and their places."""
        rows = self._rows(t, t.grid(), h)[0]
        return rows, [_row_place(t, h + r) for r in range(len(rows))]

    def _rows(self, t: STable, grid, h: int) -> tuple[list[list], list[int], int]:
        """Body rows (a merged cell's text in its first column, repeated down a vertical merge),
        the columns with vertical merges (1-based), and how many horizontal spans."""
        rows: list[list] = []
        merge: list[int] = []
        spans = 0
        for r in range(h, t.n_rows):
            row = []
            for k in range(t.n_cols):
                c = grid[r][k]
                if c is None:
                    row.append("")
                elif c.col != k:
                    row.append("")
                    if c.row == r:
                        spans += 1
                else:
                    row.append(c.text)
                    if c.rowspan > 1 and (k + 1) not in merge:
                        merge.append(k + 1)
            rows.append(row)
        return rows, merge, spans

    def table(self, t: STable) -> dict:
        grid = t.grid()
        if not grid or not t.n_cols:
            return {"columns": ["（空表）"], "rows": []}
        top = 1 if _caption_row(t, grid) else 0  # a first row that is one cell across the table: its caption
        h = t.header_rows - top if 0 < t.header_rows - top < t.n_rows - top else 1
        columns = []
        for k in range(t.n_cols):
            seen: list[str] = []
            for r in range(top, top + h):
                c = grid[r][k]
                if c is None:
                    continue
                text = c.text.strip() if c.col == k else ""
                if text and text not in seen:
                    seen.append(text)
            columns.append("\n".join(seen))
        if h > 1:
            self.guess("import.guess.table_header", t.place, rows=h)
        for k, c in enumerate(columns):
            spanning = next((grid[r][k] for r in range(top, top + h) if grid[r][k] is not None and grid[r][k].col < k and grid[r][k].text.strip()), None)
            if not c.strip() and spanning is not None:  # under a header cell merged across columns
                columns[k] = spanning.text.strip()
                self.guess("import.guess.table_header_span", Place(table=t.place.table, row=spanning.row + 1, cell=spanning.col + 1,
                                                                   page=t.place.page), text=columns[k], col=k + 1)
            elif not c.strip():
                columns[k] = f"列{k + 1}"
                self.guess("import.guess.table_empty_header", Place(table=t.place.table, row=1, cell=k + 1, page=t.place.page), col=k + 1)
        rows, merge, spans = self._rows(t, grid, top + h)
        if spans:
            self.guess("import.guess.table_hspan", t.place, count=spans)
        spec: dict = {"columns": columns, "rows": rows}
        if top:
            spec["caption"] = grid[0][0].text.strip()
            self.caption_rows.add(id(t))
            self.guess("import.guess.caption_row", _row_place(t, 0), text=spec["caption"])
        self.part_places[id(spec)] = [_row_place(t, top + h + r) for r in range(len(rows))]
        self.table_sources[id(spec)] = (spec, [(t, top + h)])
        if merge:
            spec["merge"] = sorted(merge)
            self.guess("import.guess.table_merge", t.place, columns="、".join(str(m) for m in sorted(merge)))
        return spec


#: a 发文机关标志: the issuer's name and 文件 (“某县教育体育局文件”), alone on its line
_MASTHEAD = re.compile(r"\s*[^\s，。、：:；;！？]{2,30}文件\s*")
#: a 版记 line: 抄送 (抄报, 主题词) or the 印发 line with its date
_RECORD = re.compile(rf"\s*(?:抄\s*送|抄\s*报|主\s*题\s*词)\s*[：:]|.*[0-9０-９{_CN}]\s*日\s*印\s*发\s*$")


#: a note in brackets under the date (“（此件公开发布）”, “（联系人：……）”): what follows the date, like the 版记
_DATE_NOTE = re.compile(r"\s*[（(][^（）()\n]{2,60}[）)]\s*")

_NOTE_ITEM = re.compile(r"([0-9０-９]{1,2})\s*[.．、]\s*(.+)")


def _label_line(text: str) -> bool:
    """A line that is only an attachment's label: “附件1”, “附件 2”, “附件” (not the note's “附件：”),
    or a numbered label with the attachment's title after it (“附件1：课程安排表”)."""
    t = text.strip()
    if len(t) <= 8 and bool(_ATTACH_LABEL.fullmatch(t)) and re.sub(r"\s", "", t) not in ("附件：", "附件:"):
        return True
    m = _LABEL_TITLE.fullmatch(t)
    return bool(m) and _short_line(m.group(1), 60)


_LABEL_TITLE = re.compile(rf"附\s*件\s*[0-9０-９{_CN}]+\s*[：:　 ]\s*(\S.*)")


def _trailer_start(blocks: list) -> Optional[int]:
    """Where what follows the 落款 and date begins: the first attachment label or 版记 line right
    after a date line (blank lines between them aside), or an attachment label that begins a new
    page; None when there is none."""
    for j, b in enumerate(blocks):
        if not (isinstance(b, SPara) and not b.number and (_label_line(b.text) or _RECORD.match(b.text)
                                                             or _DATE_NOTE.fullmatch(b.text))):
            continue
        if b.page_break_before and _label_line(b.text) and j > 0:
            return j  # an attachment that begins a page of its own, after the body (dated or not)
        start = j
        for _ in range(2):  # the 版记's unit may stand on its own line above its 印发 line
            k = start
            while k > 0 and isinstance(blocks[k - 1], SPara) and not blocks[k - 1].text.strip() and not blocks[k - 1].number:
                k -= 1
            prev = blocks[k - 1] if k > 0 and isinstance(blocks[k - 1], SPara) and not blocks[k - 1].number else None
            if prev is None:
                break
            if _DATE.fullmatch(prev.text) or _ISO_DATE.fullmatch(prev.text):
                return start
            t = prev.text.strip()
            if not (_RECORD.match(b.text) and start == j and t.endswith(_UNITS) and _short_line(t, 30) and not _PUNCT.search(t)):
                break
            start = k - 1
    return None


_NOT_ADDRESSEE = ("如下", "以下", "下列", "通知", "要求", "。", "；")


def _addressee(t: str) -> bool:
    """Whether a line under the title is the 主送 (“各乡镇中心学校、县直各学校：”): short, ending in a
    colon, not a sentence leading into a list (“具体安排如下：”); with a “，” in it only when every
    part names units (“各乡镇中心学校、县直各学校，各民办学校：”), not a clause (“为做好培训，现制定方案：”)."""
    if not (len(t) <= 60 and t.endswith(("：", ":")) and not any(w in t for w in _NOT_ADDRESSEE)):
        return False
    body = t[:-1]
    if "，" not in body and "," not in body:
        return len(t) <= 40
    # a unit's kind in brackets after it (“县直各学校（幼儿园）”) names units too: read without it
    body = re.sub(r"[（(][^（）()，,。；：:]{1,12}[）)]", "", body)
    parts = [x.strip() for x in re.split(r"[，,、]", body)]
    return all(x and (x.startswith("各") or x.endswith(_ADDRESSEE_ENDS)) for x in parts) and not _PUNCT.search(
        re.sub(r"[，,、]", "", body))


_ADDRESSEE_ENDS = (*_UNITS, "学校", "单位", "部门", "幼儿园", "园", "局", "处", "科", "股", "室", "所", "院", "校", "站", "组",
                   "老师", "教师", "同志", "同仁")


def _row_place(t: STable, r: int) -> Place:
    """The place of the 0-based grid row ``r`` of ``t``."""
    return Place(table=t.place.table, row=r + 1, page=t.place.page)


def _outline_level(p: SPara) -> Optional[int]:
    """The outline level of a heading paragraph (0 for 标题 1 / Heading 1), from w:outlineLvl or the
    style's name; None for body text (Word's level 9)."""
    if p.outline_level is not None:
        return p.outline_level if 0 <= p.outline_level <= 8 else None
    m = _HEADING_STYLE.fullmatch(p.style.strip())
    return int(m.group(1)) - 1 if m else None


_HEADING_STYLE = re.compile(r"(?i)(?:heading|标题)\s*([1-9])")


def _one_line(text: str) -> str:
    """A heading typed over several lines (a line break typed in it) as one line."""
    parts = [x.strip(" \u3000\t") for x in text.split("\n")]
    out = ""
    for x in parts:
        if not x:
            continue
        out += (" " if out and out[-1].isascii() and out[-1].isalnum() and x[0].isascii() and x[0].isalnum() else "") + x
    return out


#: glyphs typed (or Word's bullets read) before a line of a list without numbers
_BULLETS = "●•·▪■◆◇□○◎➢➤►▶▸‣⁃✔✓√※★☆◼◾▫"


def _bullet(p: SPara) -> bool:
    """Whether a paragraph is a bullet: Word's (its numbering a bullet), or one typed with a glyph before it."""
    if p.num_format == "bullet" and len(p.number.strip()) <= 2:
        return bool(p.text.strip())
    if p.number.strip():
        return False
    t = p.text.lstrip(" \u3000\t\u00a0")
    return len(t) > 1 and t[0] in _BULLETS and t[1:].strip() != ""


def _bullet_text(p: SPara) -> str:
    """A bullet's text as an item: the glyph kept where the source shows one (render prints no bullets)."""
    glyph = "".join(c for c in p.number.strip() if not "\ue000" <= c <= "\uf8ff")  # a symbol font's private glyph shows nothing
    return (glyph + p.text.strip(" \u3000\t\u00a0")).strip()


_INDENT = re.compile(r"(?:\u3000|[ \u00a0]{2,}|\t)[\s\u3000\u00a0]*")


def _indented_lines(text: str) -> Optional[list[str]]:
    """The lines of a paragraph typed as several (a line break, then an indent, before each line after
    the first: “3月：……；\\n　　4月：……”), each without its indent; None when it is one paragraph (no
    line break, or one not followed by an indent: a line broken by hand inside a sentence)."""
    if "\n" not in text:
        return None
    raw = text.split("\n")
    if not all(_INDENT.match(x) for x in raw[1:] if x.strip()):
        return None
    lines = [x.strip(" \u3000\t\u00a0") for x in raw]
    lines = [x for x in lines if x]
    return lines if len(lines) > 1 else None


def _closed_heading(text: str) -> bool:
    """A short heading closed by a full stop (“培训对象。”), no other punctuation in it."""
    return 2 <= len(text) <= CLOSED_HEADING and text.endswith("。") and not _PUNCT.search(text[:-1]) and "\n" not in text


def _heading_line(text: str) -> bool:
    """Whether ``text`` (its lines joined) is short enough and unpunctuated enough for a heading."""
    return _short_line(_one_line(text), HEADING_MAX)


_SECTION_ORDER = ("title", "run_in", "numbered", "numbering", "number_from", "content", "sections")
_RUNGS = len(LADDER_FORMS)  # the ladder's forms: 一、（一）1.（1）① A. a.
_STANDARD_BY_RUNG = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①", 6: "A.", 7: "a."}


def _would_break(line: str) -> bool:
    """Whether render would set a one-line title on several lines (then the plan keeps it as a list of one)."""
    from plancc.layout.titles import break_title

    try:
        return len(break_title(line, 20)) > 1
    except Exception:  # noqa: BLE001 - a title the breaker cannot weigh stays as written
        return True


_ZERO = {"零": "〇", "○": "〇", "O": "〇", "Ｏ": "〇", "0": "〇"}


def _cn_digit(t: str) -> Optional[int]:
    t = t.translate(_DIGITS)
    if t.isdigit():
        return int(t)
    if len(t) == 4 and all(c in "〇零○OＯ0一二三四五六七八九" for c in t):  # 二〇二四, and 二0二四 / 二O二四 as clerks type it
        return int("".join(str("〇一二三四五六七八九".index(_ZERO.get(c, c))) for c in t))
    n = _n(t)
    return n or None


def _date_value(m: re.Match) -> Optional[str]:
    y, mo, d = _cn_digit(m.group(1)), _cn_digit(m.group(2)), _cn_digit(m.group(3)) if m.group(3) else None
    if not y or not mo or not 1 <= mo <= 12 or not 1949 <= y <= 2199:
        return None
    if d is None:
        return f"{y:04d}-{mo:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _basis_words(lead: str, basis: list[dict]) -> str:
    """What the template writes for the basis (plancc templates/default, macro preamble)."""
    parts = []
    for d in basis:
        w = f"《{d['title']}》"
        if d.get("number"):
            w += f"（{d['number']}）"
        if d.get("short"):
            w += f"（以下简称《{d['short']}》）"
        parts.append(w)
    return lead + "、".join(parts)


def structure(doc: SourceDoc) -> tuple[dict, list[Guess]]:
    """The plan of prose a document's structure gives (its tables in their exact form), and the
    guesses made on the way."""
    plan, guesses, _ = structure_places(doc)
    return plan, annexes(plan, exact_tables(plan, guesses))


def structure_places(doc: SourceDoc) -> tuple[dict, list[Guess], dict[tuple, Place]]:
    """:func:`structure`, and where each part of the plan was read: a data path (``("sections", 2,
    "content", 0)``, ``("document", "title")``, a table row ``(…, "table", "rows", 3)``) → its
    :class:`Place` (what :func:`plancc.importer.recognise.recognise` takes as ``places``)."""
    b = _Builder(doc)
    document: dict = {}
    blocks = list(doc.blocks)
    # the title block is read from the paragraphs before the first table
    lead: list[SPara] = []
    for blk in blocks:
        if isinstance(blk, STable):
            break
        lead.append(blk)
    start = b.head(lead, document)
    body = b.tail(blocks[start:], document)
    sections = b.body(body, document)
    for d in sections:  # the attachments printed after the date: moved to the document once recognise is done
        if id(d) in b.sec_of and b.sec_of[id(d)].style == "annex":
            d[ANNEX] = True
    plan: dict = {"plancc": 1, "document": _ordered_document(document)}
    if sections:
        plan["sections"] = sections
    b.resolve(plan)
    places = b.places(plan)
    _escape(plan, b, places)
    _mark_exact_tables(b)
    return plan, b.guesses, places


#: the key under which a prose table carries its exact form until recognise is done (never written)
EXACT = "_plancc_exact"
#: guesses about a table that its exact form makes moot (the merged cells are printed as Word has them)
_MOOT_GUESSES = ("import.guess.table_header_span", "import.guess.table_empty_header", "import.guess.table_hspan",
                 "import.guess.table_merge")


def _needs_exact(t: STable, h: int, top: int = 0) -> bool:
    """Whether a table's exact form differs from its plain one (``h`` its header's last row + 1, below
    a caption row when ``top`` is 1)."""
    return h - top > 1 or any(c.rowspan > 1 or c.colspan > 1 for c in t.cells if c.row >= top) or any(
        not c.text.strip() for c in t.cells if top <= c.row < h)


def _caption_row(t: STable, grid) -> bool:
    """Whether the first row of ``t`` is one cell across the whole table holding a short line, with a
    header and a row under it: the table's caption (a sheet's title, “某某评分表”), not its header."""
    if t.n_rows < 3 or t.n_cols < 2 or not grid:
        return False
    c = grid[0][0]
    if c is None or c.colspan < t.n_cols or c.rowspan != 1 or any(grid[0][k] is not c for k in range(t.n_cols)):
        return False
    text = c.text.strip()
    if "\n" in text or not _short_line(text, 40) or re.search(r"[：:]", text):
        return False  # a sentence, or a form's line (“填报单位（盖章）：”), is no title
    below = [grid[1][k] for k in range(t.n_cols)]
    return len({id(x) for x in below if x is not None}) > 1  # the header under it has columns


def _cell_rows(t: STable, first: int, last: int, floor: int) -> list[list]:
    """Grid rows ``first``..``last``-1 of ``t`` as plan cells: a merged cell once, with ``span`` over
    the columns it covers, and ``{merge: up}`` in each row below it (not above ``floor``: a body
    row never merges into the header)."""
    from plancc.importer.write import escape_refs

    grid = t.grid()
    out = []
    for r in range(first, last):
        row: list = []
        k = 0
        while k < t.n_cols:
            c = grid[r][k]
            if c is None:
                row.append("")
                k += 1
                continue
            span = max(1, min(c.colspan, t.n_cols - k)) if c.col == k else 1
            if c.col != k:  # covered by a cell merged across from the left of this row's grid start
                row.append("")
                k += 1
                continue
            if c.row < r and c.row >= floor:
                cell: Any = {"merge": "up"}
            else:
                text = escape_refs(c.text)
                cell = text if c.row == r or c.row < floor else ""
                if c.row < r:  # a merge that starts above the floor: its text stays above
                    cell = ""
            if span > 1:
                cell = {"text": cell, "span": span} if not isinstance(cell, dict) else {**cell, "span": span}
            row.append(cell)
            k += span
        out.append(row)
    return out


def _exact(sources: list[tuple[STable, int]], top: int = 0) -> dict:
    """A table's columns/header and rows as Word has them, merged cells and all (below its caption
    row when ``top`` is 1)."""
    first, h = sources[0]
    header = _cell_rows(first, top, h, top)
    out: dict = {}
    if h == 1 and all(isinstance(c, str) for c in header[0]):
        out["columns"] = header[0]
    else:
        out["header"] = header
    rows = _cell_rows(first, h, first.n_rows, h)
    for t, skip in sources[1:]:
        rows += _cell_rows(t, skip, t.n_rows, skip)
    out["rows"] = rows
    return out


def _mark_exact_tables(b: "_Builder") -> None:
    """Give each prose table with merged cells (or several header rows, or a blank header cell)
    its exact form, under :data:`EXACT` with the rows it has now: :func:`exact_tables` puts it in
    place once recognise is done, for the tables recognise left as prose and unchanged."""
    import json

    for spec, sources in b.table_sources.values():
        t, h = sources[0]
        top = 1 if id(t) in b.caption_rows else 0
        if not (t.n_cols and t.grid()) or not any(_needs_exact(x, hh if x is t else 0, top if x is t else 0) for x, hh in sources):
            continue
        snapshot = json.dumps([spec.get("columns"), spec.get("rows"), spec.get("merge")], ensure_ascii=False)
        spec[EXACT] = (_exact(sources, top), snapshot, [x.place.table for x, _ in sources])


def exact_tables(plan: dict, guesses: list[Guess]) -> list[Guess]:
    """Every prose table left unchanged by recognise takes its exact form; the marks are removed
    from all tables; the guesses its exact form makes moot are dropped."""
    import json

    done: set = set()
    stack: list = [plan]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            mark = v.pop(EXACT, None)
            if mark is not None:
                exact, snapshot, tables = mark
                now = json.dumps([v.get("columns"), v.get("rows"), v.get("merge")], ensure_ascii=False)
                if now == snapshot:
                    for key in ("columns", "rows", "merge"):
                        v.pop(key, None)
                    v.update(exact)
                    done.update(tables)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return [g for g in guesses if not (g.key in _MOOT_GUESSES and g.place.table in done)]


#: the key marking a section that is an attachment printed after the date, until :func:`annexes` moves it
ANNEX = "_plancc_annex"


def annexes(plan: dict, guesses: list[Guess]) -> list[Guess]:
    """The attachments printed after the date (each under its label “附件1” on a page of its own,
    marked by structure) become ``document.attachments[].content`` and ``.sections``, joined to the
    附件说明's entry of the same label: render prints them after the 落款, as the source does. Run
    after recognise (which reads them as sections); the guesses made in them follow them."""
    from dataclasses import replace

    sections = plan.get("sections")
    if not isinstance(sections, list):
        return guesses
    found = [(k, d) for k, d in enumerate(sections) if isinstance(d, dict) and d.pop(ANNEX, False)]
    if not found:
        return guesses
    document = plan.setdefault("document", {})
    listed = document.get("attachments")
    atts: list[dict] = list(listed) if isinstance(listed, list) else []
    by_label = {a.get("label"): a for a in atts if isinstance(a, dict)}
    moved: dict[int, tuple[tuple, int]] = {}  # old section index → (new path, content items dropped before)
    for k, d in found:
        line = (d.get("title") or "").strip()
        m = _LABEL_TITLE.fullmatch(line)
        title, head = (m.group(1).strip(), line[: m.start(1)]) if m else ("", line)
        number = re.search(rf"[0-9０-９{_CN}]+", head)
        label = f"附件{_n(number.group(0))}" if number else "附件"
        content = d.get("content") or []
        att = by_label.get(label)
        known = title or (att.get("title") if att else "") or ""
        first = content[0] if content else None
        first_text = first if isinstance(first, str) else first.get("text") if isinstance(first, dict) and isinstance(
            first.get("text"), str) else None
        caption = first["table"].get("caption") if isinstance(first, dict) and isinstance(first.get("table"), dict) else None
        dropped = 0
        # the attachment's own title, the line under its label (printed by the attachment page, not again)
        if first_text is not None and (first_text.strip() == known or not known and _short_line(first_text, 60)
                                       and not first_text.rstrip().endswith(("。", "；", "：", ":"))):
            title = title or first_text.strip()
            content.pop(0)
            dropped = 1
        elif isinstance(caption, str) and (caption.strip() == known or not known):
            title = title or caption.strip()
            del first["table"]["caption"]  # a table's caption that is the attachment's title
        if att is None:
            att = {"label": label, "title": title or label}
            atts.append(att)
            by_label[label] = att
        if content:
            att["content"] = content
        if d.get("sections"):
            att["sections"] = d["sections"]
        moved[k] = (("document", "attachments", atts.index(att)), dropped)
    document["attachments"] = atts
    if not isinstance(listed, list):
        document["attachment_note"] = False  # the source lists its attachments nowhere: print no 附件说明
    gone = set(moved)
    plan["sections"] = [d for k, d in enumerate(sections) if k not in gone]
    shift = {k: sum(1 for g in gone if g < k) for k in range(len(sections))}

    def remap(path: tuple) -> tuple:
        if len(path) < 2 or path[0] != "sections" or not isinstance(path[1], int):
            return path
        k = path[1]
        if k in moved:
            at, dropped = moved[k]
            rest = path[2:]
            if rest[:1] == ("title",):
                return (*at, "label")
            if rest[:1] == ("content",) and len(rest) > 1 and isinstance(rest[1], int):
                return (*at, "content", max(rest[1] - dropped, 0), *rest[2:])
            return (*at, *rest)
        return ("sections", k - shift.get(k, 0), *path[2:])

    return [replace(g, path=remap(g.path)) if g.path else g for g in guesses]


def _escape(plan: dict, b: "_Builder", places: dict[tuple, Place]) -> None:
    """Escape the source's text where the plan language would read markup in it (a typed ``{=``,
    ``**`` pairs), so that render prints it as typed: paragraphs and items (references and
    emphasis), section titles and table cells (references; they are not parsed for emphasis).
    Each text escaped is a guess at its data path (the YAML shows the escapes)."""
    from plancc.importer.write import escape_prose, escape_refs

    def esc(value: Any, path: tuple, fn) -> Any:
        if not isinstance(value, str):
            return value
        out = fn(value)
        if out != value:
            where = path
            while where and where not in places:
                where = where[:-1]
            b.guess("import.guess.escaped", places.get(where, Place()), path, text=value[:16])
        return out

    doc = plan["document"]
    pre = doc.get("preamble")
    if isinstance(pre, str):
        doc["preamble"] = esc(pre, ("document", "preamble"), escape_prose)
    elif isinstance(pre, dict):
        pre["text"] = esc(pre.get("text"), ("document", "preamble", "text"), escape_prose)
    stack = [(("sections", i), sec) for i, sec in enumerate(plan.get("sections") or [])]
    while stack:
        path, sec = stack.pop()
        if "title" in sec:
            sec["title"] = esc(sec["title"], (*path, "title"), escape_refs)
        content = sec.get("content") or []
        for i, blk in enumerate(content):
            at = (*path, "content", i)
            if isinstance(blk, str):
                content[i] = esc(blk, at, escape_prose)
            elif isinstance(blk, dict) and "text" in blk:
                blk["text"] = esc(blk["text"], (*at, "text"), escape_prose)
            elif isinstance(blk, dict) and isinstance(blk.get("items"), list):
                blk["items"] = [esc(x, (*at, "items", j), escape_prose) for j, x in enumerate(blk["items"])]
            elif isinstance(blk, dict) and isinstance(blk.get("table"), dict):
                for r, row in enumerate(blk["table"].get("rows") or []):
                    row[:] = [esc(c, (*at, "table", "rows", r, k), escape_refs) for k, c in enumerate(row)]
        stack.extend(((*path, "sections", i), s) for i, s in enumerate(sec.get("sections") or []))


_DOC_ORDER = ("attachment_label", "masthead", "title", "subtitle", "number", "addressee", "basis", "preamble", "issuer", "date",
              "attachments", "attachment_note")


def _ordered_document(d: dict) -> dict:
    return {k: d[k] for k in _DOC_ORDER if k in d}
