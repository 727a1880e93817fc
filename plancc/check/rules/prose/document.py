"""The document header's own texts: the 发文字号 in the GB/T 9704 form (PL803), basis titles without 《》 (PL805)."""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule

_OPEN = "〔[(（【［﹝〖<《?？"
_CLOSE = "〕])）】］﹞〗>》?？"
# 机关代字, the bracketed year, 第, the sequence number, 号: each part read once with possessive
# quantifiers over disjoint classes, so no input makes the match backtrack
_NUMBER_PARTS = re.compile(
    rf"(?P<org>[^{re.escape(_OPEN + _CLOSE)}\d\s]*+)(?P<s1>\s*+)"
    rf"(?P<open>[{re.escape(_OPEN)}]?+)(?P<s2>\s*+)(?P<year>\d*+)(?P<s3>\s*+)(?P<close>[{re.escape(_CLOSE)}]?+)(?P<s4>\s*+)"
    r"(?P<di>第?+)(?P<s5>\s*+)(?P<seq>[^\s号]*+)(?P<s6>\s*+)(?P<hao>号?+)"
)
# an order's number (教育部令第7号, 中华人民共和国主席令第十五号): numbered 第N号 without a year,
# outside GB/T 9704's 发文字号 form
_ORDER_NUMBER = re.compile(r"[^\s〔〕\[\]［］]+令第(?:[1-9]\d*|[一二三四五六七八九十百千〇零]+)号")
_SEQ_PLACEHOLDER = re.compile(r"[xXＸｘ×_＿□○〇*＊?？]++|某++|[Nn]")


def _number_problem(number: str) -> tuple[str, str, str | None] | None:
    """(problem zh, problem en, suggestion) when a 发文字号 is not in the GB/T 9704 form, naming each fault."""
    if _ORDER_NUMBER.fullmatch(number):
        return None
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
    `document.basis[].number`; an order's number (教育部令第7号) is numbered 第N号 without a year and is
    left alone. A 文号 in a citation written in prose is PL809's. Fix: write the number in that form (copy it from the source document).
    """,
)
def document_number_format(ctx):
    """
    GB/T 9704—2012 第 7.2.4 条：发文字号由 机关代字、用六角括号〔〕括入的年份全称、不加“第”字不编虚位的发文顺序号和“号”字组成，如 霍教职〔2024〕9号。检查 `document.number` 和每个 `document.basis[].number`；令的编号（教育部令第7号）按“第N号”编排、不带年份，不在此列。正文里引用文件时写的文号由 PL809 检查。

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
