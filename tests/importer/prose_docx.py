"""Test helper: a .docx plancc rendered → a plan of prose, the way the structure stage
will give it (headings → sections by level, run-in headings → run_in sections, numbered
body paragraphs → untitled sections, tables → {table:}), so recognise can be tested end to
end before the real reader exists. Only for plancc's own output."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）|[①-⑳])")
_LEVEL_OF_FORM = [re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^（[一二三四五六七八九十]+）"),
                  re.compile(r"^\d+\."), re.compile(r"^（\d+）"), re.compile(r"^[①-⑳]")]
_HEADING = re.compile(r"^heading (\d)$", re.I)
_RUN_IN = re.compile(r"^heading (\d) 接排$", re.I)


def _level_of_number(text: str) -> int | None:
    for i, r in enumerate(_LEVEL_OF_FORM):
        if r.match(text):
            return i + 1
    return None


def prose_plan(path: Path) -> dict:
    d = docx.Document(str(path))
    body = d.element.body
    plan: dict = {"plancc": 1, "document": {"title": []}, "sections": []}
    stack: list[tuple[int, dict]] = []  # (level, section)
    preamble_done = False
    last_was_item = False

    def container(level: int) -> dict:
        while stack and stack[-1][0] >= level:
            stack.pop()
        return stack[-1][1] if stack else None

    def add_section(level: int, sec: dict) -> None:
        parent = container(level)
        (parent.setdefault("sections", []) if parent else plan["sections"]).append(sec)
        stack.append((level, sec))

    def add_content(item) -> None:
        if stack:
            stack[-1][1].setdefault("content", []).append(item)

    for el in body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            last_was_item = False
            t = Table(el, d)
            rows = [[c.text for c in r.cells] for r in t.rows]
            add_content({"table": {"columns": rows[0], "rows": rows[1:]}})
            continue
        if tag != "p":
            continue
        p = Paragraph(el, d)
        text, style = p.text, p.style.name if p.style is not None else ""
        if style == "Title":
            plan["document"]["title"].append(text)
            continue
        dm = re.match(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", text)
        if style == "plancc 主送机关":
            plan["document"]["addressee"] = text.rstrip("：")
            continue
        if style == "plancc 落款":
            plan["document"]["issuer"] = text
            continue
        if style == "plancc 成文日期" and dm:
            plan["document"]["date"] = "%s-%02d-%02d" % (dm.group(1), int(dm.group(2)), int(dm.group(3)))
            continue
        if style == "Subtitle":
            plan["document"]["subtitle"] = text
            continue
        if style == "Caption":
            add_content({"text": text, "style": "caption"})
            continue
        if style == "plancc 列项":
            num = _NUMBER.match(text)
            item = text[num.end():] if num else text
            content = stack[-1][1].setdefault("content", []) if stack else None
            if content is not None and content and isinstance(content[-1], dict) and "items" in content[-1] and last_was_item:
                content[-1]["items"].append(item)
            else:
                lst = {"items": [item]}
                rung = _level_of_number(text) if num else None
                if rung is not None and stack and rung != stack[-1][0] + 1:
                    lst["numbering"] = num.group(0)
                add_content(lst)
            last_was_item = True
            continue
        last_was_item = False
        if style == "plancc 附件标识":
            plan["document"]["attachment_label"] = text
            continue
        if not text.strip() or style.startswith("plancc "):
            if style == "plancc 表注" and text.strip():
                add_content(text)
            continue
        m = _HEADING.match(style)
        if m:
            level = int(m.group(1))
            num = _NUMBER.match(text)
            sec = {"title": text[num.end():] if num else text}
            if not num:
                sec["numbered"] = False
            add_section(level, sec)
            continue
        runs = p.runs
        rm = _RUN_IN.match(runs[0].style.name) if runs and runs[0].style is not None else None
        if rm:
            level = int(rm.group(1))
            head = "".join(r.text for r in runs if r.style is not None and _RUN_IN.match(r.style.name))
            rest = text[len(head):]
            num = _NUMBER.match(head)
            head = head[num.end():] if num else head
            if head.endswith("："):
                sec = {"title": head[:-1], "run_in": True, "content": [rest]}
            else:
                sec = {"content": [head + rest]}
            add_section(level, sec)
            continue
        if not stack and not preamble_done:
            plan["document"]["preamble"] = text
            preamble_done = True
            continue
        add_content(text)
    return plan


def body_texts(path: Path) -> list[str]:
    """Every paragraph's and table cell's text of the body, in order (for comparing renders)."""
    d = docx.Document(str(path))
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(el, d).text)
        elif tag == "tbl":
            for r in Table(el, d).rows:
                out.append(" | ".join(c.text for c in r.cells))
    return out
