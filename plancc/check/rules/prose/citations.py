"""Cited documents against the registry (plancc.citations): the right 文号 for a title (PL806),
the right title for a 文号 (PL807), nothing cited before it was issued (PL808), and the form of
a 文号 cited in prose (PL809).

A citation is a `document.basis` entry or a 《标题》（文号） written in prose. A document the
registry does not know is never reported: the registry lists only documents whose number and
title were confirmed together, and a repository adds its province's in plancc.toml [citations].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import PER_STRING
from plancc.check.rules.prose.document import _number_problem
from plancc.check.rules.prose.placeholders import _PLACEHOLDERS
from plancc.citations import CitedDocument, Registry, issuer_agrees, number_key, org_of, resembles, well_formed
from plancc.errors import Worded

# 《标题》 and, right after it, a parenthesised 文号 (one that ends in 号)
_CITED = re.compile(r"《(?P<title>[^《》\n]{1,150})》(?:[ \t]*[（(](?P<number>[^（）()《》\n]{1,40}号)[ \t]*[）)])?")
_HINT = re.compile("《")


@dataclass
class Citation:
    """One cited document: where its title and number are (a data path, and a span inside
    a prose string) and what they say."""

    title: str
    number: Optional[str]
    title_path: tuple
    number_path: Optional[tuple]
    title_range: Optional[tuple[int, int]] = None
    number_range: Optional[tuple[int, int]] = None


def basis_citations(plan) -> list[Citation]:
    """The plan's ``document.basis`` entries as citations."""
    out = []
    for i, b in enumerate(plan.document.basis):
        here = ("document", "basis", i)
        out.append(Citation(b.title.strip(), b.number.strip() if b.number else None, here + ("title",),
                            here + ("number",) if b.number else None))
    return out


def citations(ctx) -> list[Citation]:
    """Every citation of the plan: the basis entries, then 《…》 in prose (found once per plan)."""
    cached = getattr(ctx, "_citations", None)
    if cached is not None:
        return cached
    out = basis_citations(ctx.plan)
    for path, text in ctx.prose_matching(_HINT):
        if path[:2] == ("document", "basis") or path[:1] == ("include",) or path[-1:] == ("template",):
            continue
        for m, _ in zip(_CITED.finditer(text), range(PER_STRING)):
            t0, t1 = m.span("title")
            number = m.group("number")
            n_range = (m.start("number"), len(number)) if number else None
            out.append(Citation(m.group("title").strip(), number.strip() if number else None, path,
                                path if number else None, (t0, t1 - t0), n_range))
    ctx._citations = out
    return out


def known_by_title(reg: Registry, c: Citation) -> Optional[CitedDocument]:
    """The registered document a citation's title names (its issuer, when it names one, agreeing)."""
    doc = reg.by_name(c.title)
    return doc if doc is not None and issuer_agrees(c.title, doc) else None


def identify(reg: Registry, c: Citation) -> Optional[CitedDocument]:
    """The registered document a citation is of: by its title, else by a number whose
    registered title the cited one resembles."""
    doc = known_by_title(reg, c)
    if doc is not None:
        return doc
    if c.number and well_formed(c.number):
        doc = reg.numbered(c.number)
        if doc is not None and resembles(c.title, doc):
            return doc
    return None


def wrong_number(reg: Registry, c: Citation) -> Optional[CitedDocument]:
    """The document whose number a citation gets wrong (PL806), or None.

    Only a number from the same office (教师〔2020〕6号 for 教师〔2022〕6号) or another
    registered document's number is called wrong: a province forwarding a national document
    gives the forwarding notice's own number (皖教师〔2022〕3号), which is not a mistake.
    """
    doc = known_by_title(reg, c)
    if doc is None or not doc.number or not c.number or not well_formed(c.number):
        return None
    if number_key(c.number) == number_key(doc.number):
        return None
    if org_of(c.number) == org_of(doc.number) or reg.numbered(c.number) is not None:
        return doc
    return None


def other_title(reg: Registry, c: Citation) -> Optional[CitedDocument]:
    """The registered document whose number a citation gives with a title not its own (PL807), or None."""
    if not c.number or not well_formed(c.number) or known_by_title(reg, c) is not None:
        return None
    doc = reg.numbered(c.number)
    return doc if doc is not None and not resembles(c.title, doc) else None


def _where(c: Citation, *, number: bool) -> dict:
    if number and c.number_path is not None:
        return {"path": c.number_path, "text_range": c.number_range}
    return {"path": c.title_path, "text_range": c.title_range}


def _dated(doc: CitedDocument) -> dict:
    if doc.date is None:
        return {"date": Worded("citations.no_date"), "date_en": Worded("citations.no_date")}
    return {"date": doc.date.cn(), "date_en": doc.date.iso()}


@rule(
    "PL806",
    "citation-number",
    family="prose",
    title="引用文件的文号与登记的不符",
    title_en="a cited document's number is not the registered one",
    message="《{title}》的文号是 {right}（{issuer}，{date}），这里写的是“{number}”",
    message_en="the number of 《{title}》 is {right} ({issuer}, {date_en}), not '{number}'",
    doc_en="""
    A document cited in `document.basis` or as 《标题》（文号） in prose whose title the registry knows
    (titles compared without 《》, spaces, bracket styles or the issuer before 关于; aliases such as
    强师计划 count) must carry the registered number. Only a number of the same issuing office
    (教师〔2020〕6号 for 教师〔2022〕6号) or another registered document's number is reported: a
    province's forwarding notice has a number of its own. Documents the registry does not know are
    not checked. Fix: write the number the message names (check the source document).
    """,
)
def citation_number(ctx):
    """
    在 `document.basis` 或正文“《标题》（文号）”中引用的文件，如果登记表中有这个标题（比较时不计书名号、空格、括号写法和“关于”前的发文机关；强师计划 等别名也算），文号必须与登记的一致。只有同一机关代字的文号（如把 教师〔2022〕6号 写成 教师〔2020〕6号）或写成了另一份登记文件的文号时才报告：省里转发国家文件的通知有自己的文号，不算错。登记表中没有的文件不检查。

    怎么改：改成提示中的文号（以原文件为准）。
    """
    reg = ctx.registry
    for c in citations(ctx):
        doc = wrong_number(reg, c)
        if doc is not None:
            yield Finding(params={"title": doc.title, "right": doc.number, "issuer": doc.issuer, "number": c.number,
                                  **_dated(doc)}, **_where(c, number=True))


@rule(
    "PL807",
    "citation-title",
    family="prose",
    severity="warning",
    title="引用文件的标题与登记的不符",
    title_en="a cited document's title is not the registered one",
    message="文号 {number} 登记的是《{registered}》（{issuer}），这里写的标题是《{title}》",
    message_en="number {number} is registered as 《{registered}》 ({issuer}); the title cited is 《{title}》",
    doc_en="""
    A cited number the registry knows (compared with 〔〕/［］/[] alike, without spaces or 第) names a
    registered document; a cited title that is neither its title nor an alias, nor resembles them
    (a part of it, such as one subject's 课程标准 of 义务教育课程方案和课程标准, is fine), means the
    number or the title was taken from another document. A title the registry knows under another
    number is PL806's. Fix: correct whichever of the two is wrong.
    """,
)
def citation_title(ctx):
    """
    引用的文号在登记表中（比较时〔〕、［］、[] 视为相同，不计空格和“第”字）时，它对应一份登记的文件；所写的标题既不是该文件的标题或别名，也不像它的一部分（如 义务教育课程方案和课程标准 中某一科的课程标准），说明文号或标题抄自另一份文件。标题在登记表中、文号不同的情形由 PL806 报告。

    怎么改：核对原文件，改正写错的标题或文号。
    """
    reg = ctx.registry
    for c in citations(ctx):
        doc = other_title(reg, c)
        if doc is not None:
            yield Finding(params={"number": c.number, "registered": doc.title, "issuer": doc.issuer,
                                  "title": c.title.strip("《》")}, **_where(c, number=False))


def _plan_date(ctx):
    """The plan's own date: document.date, else the start of its period (with its data path)."""
    if ctx.plan.document.date is not None:
        return ctx.plan.document.date, ("document", "date")
    period = ctx.plan.period
    if period is not None and period.start is not None:
        return period.start, ("period", "start")
    return None, None


@rule(
    "PL808",
    "citation-after-plan",
    family="prose",
    title="引用的文件晚于本方案",
    title_en="a cited document is dated after the plan",
    message="《{title}》（{issuer}）的日期是 {date}，晚于本方案的 {plan_date}：方案不能依据当时还没有的文件",
    message_en="《{title}》 ({issuer}) is dated {date_en}, after the plan's {plan_date_en}: a plan cannot rest on a document not yet issued",
    doc_en="""
    A cited document the registry knows (by title, or by number with a resembling title) and dates
    must not be later than the plan: `document.date`, or else `period.start`. Month precision is
    respected (a document of 2025-01 is not after a plan of 2025-01-20). Usually the plan was copied
    from a later one, or its own date is wrong. Fix: remove the citation or correct the plan's date.
    """,
)
def citation_after_plan(ctx):
    """
    登记表中有日期的被引用文件（按标题认出，或按文号认出且标题相近），日期不能晚于本方案：`document.date`，没有时用 `period.start`。按所写的精度比较（2025年1月的文件不算晚于 2025年1月20日的方案）。多半是方案从后来的文件复制而来，或本方案的日期写错了。

    怎么改：删去这条引用，或改正本方案的日期。
    """
    when, where = _plan_date(ctx)
    if when is None:
        return
    reg = ctx.registry
    for c in citations(ctx):
        doc = identify(reg, c)
        if doc is None or doc.date is None or doc.date.first_day <= when.last_day:
            continue
        yield Finding(params={"title": doc.title, "issuer": doc.issuer, "plan_date": when.cn(),
                              "plan_date_en": when.iso(), **_dated(doc)},
                      related=[(where, where[-1])], **_where(c, number=False))


@rule(
    "PL809",
    "cited-number-format",
    family="prose",
    severity="warning",
    title="正文引用的文号格式不规范",
    title_en="a document number cited in prose is not in the standard form",
    message="引用的文号“{number}”不规范：{problem}{suggest}",
    message_en="cited document number '{number}' is not in the standard form: {problem_en}{suggest_en}",
    doc_en="""
    PL803's check for the 文号 of a citation written in prose, 《标题》（文号）: 机关代字, the year in
    full inside 〔〕, the sequence number without 第 or leading zeros, 号 (an order's 第N号 is fine).
    Who reports what: the numbers of `document.number` and `document.basis[]` are PL803's (form) and
    PL802's (placeholders such as 〔〕 or x号); in prose, a placeholder PL802 finds (〔〕号) is left
    to it and this rule reports the rest. Fix: write the number as the source document does.
    """,
)
def cited_number_format(ctx):
    """
    PL803 对正文“《标题》（文号）”中文号的同样检查：机关代字、用〔〕括入的四位年份、不加“第”字不编虚位的序号、“号”字（令的“第N号”不算错）。分工：`document.number` 和 `document.basis[]` 的文号由 PL803（格式）和 PL802（〔〕、x号 等占位符）检查；正文里 PL802 已报告的占位符（如〔〕号）不再重复报告，其余问题由本规则报告。

    怎么改：按原文件的文号书写。
    """
    for c in citations(ctx):
        if c.number_range is None or _PLACEHOLDERS().search(c.number):
            continue
        problem = _number_problem(c.number)
        if problem:
            zh, en, fixed = problem
            yield Finding(c.number_path, {"number": c.number, "problem": zh, "problem_en": en,
                                          "suggest": f"，应写成“{fixed}”" if fixed else "",
                                          "suggest_en": f"; write '{fixed}'" if fixed else ""},
                          text_range=c.number_range)
