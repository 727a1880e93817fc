"""``plancc validate FILE.docx``: a Word document checked against the layout profile render uses,
and the text rules that apply to prose.

Why here: this is the check stage, for another kind of input. The document is read twice,
each reader for what it reads: plancc.emit.readback (the reader the tests use on rendered
documents, so writer and reader cannot drift apart) gives the layout (page, margins, grid,
footers, tables, the look of each body paragraph), and the importer's reader
(plancc.importer.docx, the one reader of Word text in plancc) gives the text every rule on
words reads: imported chunks (w:altChunk), footnotes and endnotes, text boxes, content
controls, field results, embedded sheets, tracked changes as accepted (deleted text is not
checked, inserted text is) and numbers Word generates through styles. :func:`_views` pairs the
two: each paragraph the importer reads carries its number and text, and the look readback
measured for it when it is a body paragraph readback saw (a paragraph found only by the
importer, such as a chunk's or a text box's, is checked for its words, not its fonts). This
module decides what in it is the title, a heading, the
body, the 落款, and compares each with the profile (codes PLD…, plancc.diagnostics.codes
LAYOUT_CODES). plancc.driver only dispatches a .docx here.

The prose rules (PL801 counts after an enumeration, PL802 placeholders, PL803 the 文号 under
the title, PL804 half-width punctuation, PL806–PL809 cited documents, PL810 repeats) are the
plan rules themselves, run on a minimal plan that holds the document's paragraphs as the
content of one section and the 文号 found under the title as ``document.number``: the rules
read only strings and paths, so a finding's path gives its paragraph back and its text range
the column. Rules that compare prose with data (PL811, PL812) have no data to compare with and
are not run; table cells are not prose and are left out.

A location is the paragraph: ``line`` is its number as the importer numbers it (Place.paragraph,
what ``plancc import`` reports; the report's source line is its text, a footnote's text after
the paragraph citing it), ``path`` says 第N段 (第N页 first when the source says) and the start
of its text; page settings and tables say which part.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from plancc.catalog import message
from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.diagnostics.codes import BUILTIN
from plancc.importer import CONVERTED_SUFFIXES
from plancc.text.ladder import rung_of
from plancc.text.numerals import parse_cn_number

#: bytes read at most from one file (the reader also bounds what the package unpacks to)
MAX_FILE_BYTES = 64 * 1024 * 1024
#: margins within this many twips (0.5 mm) of the profile's are right
MARGIN_SLACK = 28
#: the prose rules run on the document's paragraphs
PROSE_CODES = ("PL801", "PL802", "PL803", "PL804", "PL806", "PL807", "PL808", "PL809", "PL810")
EXCERPT = 16

_NUMBER_FORMS = [
    (1, re.compile(r"^([一二三四五六七八九十百]+)[、]")),
    (2, re.compile(r"^[（(]([一二三四五六七八九十百]+)[）)]")),
    (3, re.compile(r"^(\d{1,3})[.．](?!\d)")),
    (4, re.compile(r"^[（(](\d{1,3})[）)]")),
    (5, re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ATTACHMENT = re.compile(r"^附件\s*\d*$")
_DATE = re.compile(r"^(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2}))$")
_CN_DATE = re.compile(r"^[二〇一二三四五六七八九零○]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日$")
_WENHAO = re.compile(r"^\S{1,12}[〔\[［(（【]\s*\d{2,4}\s*[〕\]］)）】]\s*第?\s*\S{1,6}号$")


# ---- locating --------------------------------------------------------------------------


def _excerpt(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= EXCERPT else t[:EXCERPT] + "…"


class _Out:
    """Collects diagnostics for one document with its locations."""

    def __init__(self, file: str, lang: str, selection, pages_known: bool):
        self.file, self.lang, self.selection, self.pages_known = file, lang, selection, pages_known
        self.items: list[Diagnostic] = []

    def wanted(self, code: str) -> bool:
        sel = self.selection
        if sel is None:
            return True
        from plancc.check.runner import _match

        if any(_match(code, p) for p in sel.ignore):
            return False
        return not sel.select or any(_match(code, p) for p in sel.select)

    def add(self, code: str, params: dict, *, para=None, part: str = "", column: int = 1, length: int = 0) -> None:
        if not self.wanted(code):
            return
        info = BUILTIN[code]
        severity = info.severity if self.selection is None else self.selection.severity_of(code, info.severity)
        if severity is None:
            return
        span = None
        if para is not None:
            path, span = _where(para, self.lang, column, length)
        else:
            path = part
        self.items.append(Diagnostic(code, severity, info.format(params, self.lang), self.file, span, path=path))


def _where(para, lang: str, column: int, length: int) -> tuple[str, Span]:
    """The path words and the span of a finding in ``para`` (columns within its own text; a note's
    are moved past the text before it on its line, see :func:`document_text`)."""
    place = para.place.words(lang)
    key = "docx.where.note" if para.note else "docx.where.paragraph"
    path = message(key, lang, place=place, text=_excerpt(para.full_text))
    column += para.offset
    return path, Span(para.index, column, para.index, column + max(length, 1))


def _mm(twips: int | None) -> str:
    return "?" if twips is None else f"{twips / 56.7:.1f} mm"


def _pt(half_points: int | None) -> str:
    from plancc.emit.mapping import size_label

    return "?" if half_points is None else size_label(half_points)


# ---- the paragraphs: the importer's text, readback's look ----------------------------------

#: how far ahead a body paragraph of readback is looked for (the importer adds paragraphs
#: readback does not see: a chunk's, a text box's; it drops a table of contents' lines)
MATCH_WINDOW = 400


class _Para:
    """One paragraph as the checks see it: the importer's number, text and place; the look
    readback measured for it (``measured``) when it is one of the body's paragraphs, else what
    the importer knows of its look (style, alignment, outline level)."""

    __slots__ = ("place", "index", "number", "text", "note", "drawn", "layout", "measured", "offset", "page", "style", "align",
                 "outline_level", "size", "east_asia", "bold", "first_line", "first_line_chars", "indent_left",
                 "page_break_before", "page_break", "table_after")

    def __init__(self, sp, layout, place):
        self.place = place
        self.index = place.paragraph or 1
        self.page = sp.place.page  # where the importer counts it (typed breaks too): a new page or not
        self.number, self.text, self.note = sp.number, sp.text, sp.note
        self.layout = layout
        self.measured = layout is not None
        self.drawn = False  # words of a drawing (a text box) in the paragraph before: prose, never a heading
        self.offset = 0  # where its text begins on its line of the report (a note's: after the paragraph's)
        self.table_after = 0
        if layout is not None:
            self.style, self.align, self.outline_level = layout.style, layout.align, layout.outline_level
            self.size, self.east_asia, self.bold = layout.size, layout.east_asia, layout.bold
            self.first_line, self.first_line_chars = layout.first_line, layout.first_line_chars
            self.indent_left = layout.indent_left
            self.page_break_before, self.page_break = layout.page_break_before, layout.page_break
        else:
            self.style, self.align, self.outline_level = sp.style, sp.align or None, sp.outline_level
            self.size, self.east_asia, self.bold = sp.size, sp.font or None, sp.bold
            self.first_line, self.first_line_chars, self.indent_left = 0, None, 0
            self.page_break_before, self.page_break = sp.page_break_before, False

    @property
    def full_text(self) -> str:
        """The text as printed: the number Word generates, then the typed text."""
        return self.number + self.text


def _key(text: str) -> str:
    """What both readers agree on in a paragraph's text: its letters and digits (symbols a font
    maps, bullets, spaces and the placeholder of an empty content control left out)."""
    return _NOT_WORD.sub("", text)


_NOT_WORD = re.compile(r"[\W_]+")
#: a paragraph whose key is shorter is paired only with readback's next paragraphs (an empty
#: line is not looked for far ahead)
SHORT_KEY = 4


def _pairs(spans: list, body: list) -> dict[int, object]:
    """Which readback paragraph each of the importer's (their positions in ``spans``) is: the
    same text, in order; then, between two paired paragraphs, as many on each side are paired in
    order (a paragraph whose text the two readers read differently: a field's result, an
    enclosed number)."""
    from bisect import bisect_left

    keys = [_key(p.text) for p in body]
    where: dict[str, list[int]] = {}
    for m, k in enumerate(keys):
        where.setdefault(k, []).append(m)
    found: list[tuple[int, int]] = []
    j = 0
    for i, sp in enumerate(spans):
        k = _key(sp.text)
        far = MATCH_WINDOW if len(k) >= SHORT_KEY else 2
        at = where.get(k, ())
        n = bisect_left(at, j) if at else 0
        if n < len(at) and at[n] < j + far:
            found.append((i, at[n]))
            j = at[n] + 1
        else:
            if j < len(body) and k and keys[j].startswith(k):  # a paragraph holding a text box
                found.append((i, j))
                j += 1
    pairs = dict(found)
    anchors = [(-1, -1), *found, (len(spans), len(body))]
    for (i0, m0), (i1, m1) in zip(anchors, anchors[1:]):
        if 0 < i1 - i0 - 1 == m1 - m0 - 1:
            for d in range(1, i1 - i0):
                pairs[i0 + d] = m0 + d
    return {i: body[m] for i, m in pairs.items()}


def _views(doc, facts) -> list[_Para]:
    """The importer's paragraphs in body order, each with readback's look of the same body
    paragraph when there is one (:func:`_pairs`); notes have none."""
    from plancc.importer.source import SPara, STable

    spans = [b for b in doc.blocks if isinstance(b, SPara) and not b.note]
    pairs = _pairs(spans, facts.body)
    at_span = {id(b): i for i, b in enumerate(spans)}
    out: list[_Para] = []
    tables = 0
    holder = ""  # the key of the last body paragraph readback read (its text boxes' words included)
    for b in doc.blocks:
        if isinstance(b, STable):
            tables += 1
            if out:
                out[-1].table_after = out[-1].table_after or tables
            continue
        i = at_span.get(id(b))
        layout = pairs.get(i) if i is not None else None
        place = b.place if facts.pages_known else replace(b.place, page=None)
        view = _Para(b, layout, place)
        if layout is not None:
            holder = _key(layout.text)
        elif not b.note:
            k = _key(b.text)
            view.drawn = bool(k) and k in holder
        out.append(view)
    # a note's text follows the citing paragraph's on the report's line
    at: dict[int, int] = {}
    for p in out:
        if p.note:
            p.offset = at.get(p.index, 0) + 1
        at[p.index] = p.offset + len(p.full_text)
    return out


# ---- reading the document's parts -------------------------------------------------------


def _faces(style) -> set[str]:
    f = style.font
    return {n.casefold() for n in (f.east_asia, *f.alternates)}


def _typed_number(text: str) -> tuple[int, int, str] | None:
    """(rung, value, the number as written) of a typed heading number, else None."""
    for rung, rx in _NUMBER_FORMS:
        m = rx.match(text)
        if m:
            raw = m.group(1)
            if rung == 5:
                value = _CIRCLED.index(raw) + 1
            elif rung in (1, 2):
                value = parse_cn_number(raw)
            else:
                value = int(raw)
            if value:
                return rung, value, m.group(0)
    return None


def _auto_number(p) -> tuple[int, int, str] | None:
    """(rung, value, number) of a number Word generates, read back from its text."""
    if not p.number:
        return None
    got = _typed_number(p.number.strip())
    return got


def _is_heading_text(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 40 and not t.endswith(("。", "；", ";", "：", ":")) and not any(c in t for c in "。，；")


class _Roles:
    """Which paragraphs are the title, headings, body, attachment labels, issuer and date."""

    def __init__(self, paras: list[_Para]):
        self.title: list = []
        self.head: list = []  # words of drawings above the title (prose only)
        self.attachment: list = []
        self.headings: list = []  # (para, rung, value, number, standalone)
        self.body: list = []
        self.date = None
        self.signature = None
        self.wenhao = None
        # footnotes, endnotes and text boxes are read for their words only: no title, heading or 落款 in them
        texts = [p for p in paras if p.full_text.strip() and not p.note and not p.drawn]
        # the title: centred lines (or Title style) before the body, after an optional 附件 label
        i = 0
        while i < len(texts) and _ATTACHMENT.match(texts[i].full_text.strip()):
            self.attachment.append(texts[i])
            i += 1
        lead: list = []
        while i < len(texts) and len(lead) < 6:
            p = texts[i]
            if not lead and len(self.head) < 3 and not p.measured and not p.align and not p.style:
                # a drawing's words in the head (a masthead as WordArt or a text box): not the title
                self.head.append(p)
                i += 1
            elif (p.align == "center" or p.style.casefold() in ("title", "标题")) and not _typed_number(p.full_text.strip()):
                lead.append(p)
                i += 1
            else:
                break
        if lead:
            top = max((p.size or 0) for p in lead)
            for p in lead:
                t = p.full_text.strip()
                if _WENHAO.match(t) and self.wenhao is None:
                    self.wenhao = p
                elif (p.size or 0) == top or p.style.casefold() == "title":
                    self.title.append(p)
        rest = texts[i:]
        # 主送机关: a short line ending with a colon right after the title block (flush left by rule)
        self.addressee = None
        if rest and len(rest[0].full_text.strip()) <= 40 and rest[0].full_text.strip().endswith(("：", ":")):
            self.addressee = rest[0]
            rest = rest[1:]
        # 落款 and date: a date at the end, the line above it
        for k in range(len(rest) - 1, max(len(rest) - 4, -1), -1):
            t = rest[k].full_text.strip()
            if _DATE.match(t) or _CN_DATE.match(t):
                self.date = rest[k]
                if k > 0 and len(rest[k - 1].full_text.strip()) <= 30 and not _typed_number(rest[k - 1].full_text.strip()):
                    self.signature = rest[k - 1]
                break
        ends = {id(self.date), id(self.signature)}
        for p in rest:
            if id(p) in ends:
                continue
            t = p.full_text.strip()
            if _ATTACHMENT.match(t):
                self.attachment.append(p)
                continue
            num = _auto_number(p) or _typed_number(t)
            if num is not None:
                standalone = _is_heading_text(t) or (p.number and _is_heading_text(p.text)) or p.outline_level is not None
                self.headings.append((p, *num, bool(standalone)))
                if standalone:
                    continue
            caption = p.table_after and len(t) <= 40 and not t.endswith("。")
            # centred lines inside the body are an attachment's title or a caption, not body text
            if (p.outline_level is None and not caption and p.align != "center" and "caption" not in p.style.casefold()
                    and p.style != "题注"):
                self.body.append(p)


# ---- the checks -------------------------------------------------------------------------


def _page(facts, profile, out: _Out) -> None:
    part = message("docx.part.page", out.lang)
    pg = profile.page
    w, h = facts.page_width, facts.page_height
    if w is None or h is None or abs(w - pg.width) > MARGIN_SLACK or abs(h - pg.height) > MARGIN_SLACK:
        got_size = f"{_mm(w)} × {_mm(h)}" if w is not None and h is not None else message("docx.unset", out.lang)
        out.add("PLD101", {"got": got_size, "want": f"{_mm(pg.width)} × {_mm(pg.height)}"}, part=part)
    m = pg.margins
    names = ("top", "bottom", "left", "right")
    got = {k: facts.margins.get(k) for k in names}
    if any(got[k] is None or abs(got[k] - getattr(m, k)) > MARGIN_SLACK for k in names):
        label = {k: message(f"docx.margin.{k}", out.lang) for k in names}
        if all(got[k] is None for k in names):
            got_margins = message("docx.unset", out.lang)
        else:
            unset = message("docx.unset_short", out.lang)
            got_margins = message("cli.sep", out.lang).join(f"{label[k]} {_mm(got[k]) if got[k] is not None else unset}"
                                                           for k in names)
        out.add("PLD102", {"got": got_margins,
                           "want": message("cli.sep", out.lang).join(f"{label[k]} {_mm(getattr(m, k))}" for k in names)},
                part=part)
    grid = pg.grid
    lang = out.lang
    if facts.grid_type != "lines" and facts.grid_type != "linesAndChars":
        out.add("PLD103", {"problem": message("docx.grid.none", "zh", lines=grid.lines_per_page),
                           "problem_en": message("docx.grid.none", "en", lines=grid.lines_per_page)}, part=part)
    elif facts.line_pitch and abs(facts.line_pitch - grid.line_pitch) > 2:
        height = (facts.page_height or pg.height) - (facts.margins.get("top") or 0) - (facts.margins.get("bottom") or 0)
        lines = height // facts.line_pitch if facts.line_pitch > 0 else 0
        values = {"lines": lines, "want": grid.lines_per_page, "pitch": f"{facts.line_pitch / 20:g}"}
        out.add("PLD103", {"problem": message("docx.grid.lines", "zh", **values),
                           "problem_en": message("docx.grid.lines", "en", **values)}, part=part)
    del lang


def _footers(facts, profile, out: _Out) -> None:
    part = message("docx.part.footer", out.lang)
    with_page = [f for f in facts.footers if f.has_page_field]
    if not with_page:
        out.add("PLD104", {}, part=part)
        return
    pn = profile.page_number
    problems = []
    f = next((x for x in with_page if x.kind == "default"), with_page[0])
    if f.em_dashes < 2 and (pn.prefix.strip() or pn.suffix.strip()):
        problems.append("dashes")
    if pn.even_and_odd and not facts.even_and_odd:
        problems.append("even_odd")
    elif f.align != pn.odd.align:
        problems.append("align")
    if problems:
        key = problems[0]
        out.add("PLD105", {"problem": message(f"docx.page_number.{key}", "zh", text=f.text),
                           "problem_en": message(f"docx.page_number.{key}", "en", text=f.text)}, part=part)


def _fonts(roles: _Roles, profile, out: _Out) -> None:
    st = profile.styles
    body = [p for p in roles.body if p.full_text.strip() and p.measured]
    want_faces = _faces(st.body)
    wrong = [p for p in body if (p.east_asia or "").casefold() not in want_faces]
    if wrong:
        got = Counter(p.east_asia or message("docx.font.unset", out.lang) for p in wrong).most_common(1)[0][0]
        out.add("PLD201", {"count": len(wrong), "got": got, "want": st.body.font.east_asia}, para=wrong[0])
    wrong = [p for p in body if p.size != st.body.size]
    if wrong:
        got = Counter(p.size for p in wrong).most_common(1)[0][0]
        out.add("PLD202", {"count": len(wrong), "got": _pt(got), "want": _pt(st.body.size)}, para=wrong[0])
    indent = 2 * st.body.size * 10  # two characters of the body size, in twips
    unindented = [p for p in body if not (p.number or p.layout.number) and not ((p.first_line_chars or 0) >= 150 or (p.first_line >= indent * 0.75 and p.first_line <= indent * 1.25)
                                         or (p.size and abs(p.first_line - 2 * p.size * 10) <= p.size * 5))]
    if unindented and st.body.indent.first_line:
        out.add("PLD205", {"count": len(unindented), "problem": message("docx.indent.first_line", "zh"),
                           "problem_en": message("docx.indent.first_line", "en")}, para=unindented[0])
    # the title
    t = st.title
    for p in [p for p in roles.title if p.measured][:1]:
        problems = []
        if (p.east_asia or "").casefold() not in _faces(t):
            problems.append(("face", p.east_asia or message("docx.font.unset", out.lang), t.font.east_asia))
        if p.size != t.size:
            problems.append(("size", _pt(p.size), _pt(t.size)))
        if p.bold and not t.bold:
            problems.append(("bold", "", ""))
        if p.align != t.align:
            problems.append(("align", "", ""))
        if problems:
            zh = message("cli.sep", "zh").join(message(f"docx.title.{k}", "zh", got=g, want=w) for k, g, w in problems)
            en = message("cli.sep", "en").join(message(f"docx.title.{k}", "en", got=g, want=w) for k, g, w in problems)
            out.add("PLD203", {"problem": zh, "problem_en": en}, para=p)
    # the headings that stand on their own line
    for rung in (1, 2, 3, 4):
        look = getattr(st, f"heading{rung}")
        mine = [h[0] for h in roles.headings if h[1] == rung and h[4] and h[0].measured]
        wrong = [p for p in mine if (p.east_asia or "").casefold() not in _faces(look) or (p.size and p.size != look.size)]
        if wrong:
            p = wrong[0]
            values = {"got": p.east_asia or message("docx.font.unset", out.lang), "want": look.font.east_asia,
                      "size": _pt(p.size), "want_size": _pt(look.size)}
            key = "face" if (p.east_asia or "").casefold() not in _faces(look) else "size"
            out.add("PLD204", {"count": len(wrong), "level": rung, "form": ("一、", "（一）", "1.", "（1）")[rung - 1],
                               "problem": message(f"docx.heading.{key}", "zh", **values),
                               "problem_en": message(f"docx.heading.{key}", "en", **values)}, para=p)


def _numbering(roles: _Roles, out: _Out) -> None:
    """Numbers of one level run on under their parent; a level is not skipped."""
    last: dict[int, int] = {}
    deepest = 0  # the rung of the last heading (0 before the first)
    previous_rung = 0
    previous_para = None
    labels = sorted(p.index for p in roles.attachment)
    for p, rung, value, number, _standalone in roles.headings:
        if previous_para is not None and any(previous_para.index < k < p.index for k in labels):
            last, deepest, previous_rung, previous_para = {}, 0, 0, None  # an attachment numbers afresh
        text = p.full_text.strip()
        found = text[: len(number) + 8] if len(text) > len(number) + 8 else text
        column = 1 if not p.number else 1
        if rung == 5:
            # ① items count within one list: a list starts again after anything that is not an item
            consecutive = previous_para is not None and previous_rung == 5 and p.index == previous_para.index + 1
            expected = last.get(5, 0) + 1 if consecutive else 1
            if value != expected and not (value == 1):
                _sequence(out, p, found, value, expected, number, column)
            last[5] = value
            previous_rung, previous_para = rung, p
            continue
        expected = last.get(rung, 0) + 1
        if value != expected and not (rung >= 3 and value == 1):
            _sequence(out, p, found, value, expected, number, column)
        if rung > deepest + 1 and rung <= 4:
            skipped = "".join(("一、", "（一）", "1.", "（1）")[deepest : rung - 1])
            key, above = ("docx.level.skip", ("一、", "（一）", "1.", "（1）")[deepest - 1]) if deepest else ("docx.level.skip_top", "")
            zh = message(key, "zh", skipped=skipped, above=above)
            en = message(key, "en", skipped=skipped, above=above)
            out.add("PLD302", {"found": found, "problem": zh, "problem_en": en}, para=p, column=column, length=len(number))
        last[rung] = value
        for deeper in range(rung + 1, 6):
            last.pop(deeper, None)
        deepest = rung
        previous_rung, previous_para = rung, p


def _sequence(out: _Out, p, found: str, value: int, expected: int, number: str, column: int) -> None:
    key = "skipped" if value > expected else "repeated"
    values = {"expected": expected, "value": value}
    out.add("PLD301", {"found": found, "problem": message(f"docx.sequence.{key}", "zh", **values),
                       "problem_en": message(f"docx.sequence.{key}", "en", **values)}, para=p, column=column, length=len(number))


def _attachment_and_end(paras: list[_Para], roles: _Roles, profile, out: _Out) -> None:
    label = profile.styles.attachment_label
    order = {id(p): k for k, p in enumerate(paras)}
    body = [p for p in paras if not p.note]
    first_text = next((q for q in body if q.full_text.strip()), None)
    for p in roles.attachment:
        problems = []
        k = order[id(p)]
        before = next((q for q in reversed(paras[:k]) if not q.note), None)
        new_page = before is not None and before.page is not None and p.page is not None and p.page > before.page
        if not (p is first_text or p.page_break_before or p.page_break or new_page
                or (before is not None and before.page_break)):
            problems.append("page")
        if p.measured and (p.east_asia or "").casefold() not in _faces(label):
            problems.append("face")
        if p.first_line > 0 or p.indent_left > 0 or p.align in ("center", "right"):
            problems.append("indent")
        if problems:
            zh = message("cli.sep", "zh").join(message(f"docx.attachment.{k}", "zh") for k in problems)
            en = message("cli.sep", "en").join(message(f"docx.attachment.{k}", "en") for k in problems)
            out.add("PLD303", {"found": p.full_text.strip(), "problem": zh, "problem_en": en}, para=p)
    if roles.date is not None:
        p = roles.date
        t = p.full_text.strip()
        m = _DATE.match(t)
        problems = []
        if m is None:
            problems.append(("form", ""))
        else:
            year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
            good = f"{int(year)}年{int(month)}月{int(day)}日"
            if t != good:
                problems.append(("write", good))
        if p.align != "right":
            problems.append(("right", ""))
        if problems:
            zh = message("cli.sep", "zh").join(message(f"docx.date.{k}", "zh", good=g) for k, g in problems)
            en = message("cli.sep", "en").join(message(f"docx.date.{k}", "en", good=g) for k, g in problems)
            out.add("PLD304", {"what": message("docx.date", "zh"), "what_en": message("docx.date", "en"), "found": t,
                               "problem": zh, "problem_en": en}, para=p)
        s = roles.signature
        if s is not None and s.align not in ("right", "center") and s.indent_left < 2000:
            out.add("PLD304", {"what": message("docx.signature", "zh"), "what_en": message("docx.signature", "en"),
                               "found": s.full_text.strip(), "problem": message("docx.signature.right", "zh"),
                               "problem_en": message("docx.signature.right", "en")}, para=s)


def _tables(facts, profile, out: _Out) -> None:
    if not profile.table.repeat_header:
        return
    for i, t in enumerate(facts.tables, start=1):
        if t.rows >= 2 and t.header_rows == 0:
            from plancc.importer.source import Place

            out.add("PLD401", {"rows": t.rows}, part=Place(table=i).words(out.lang))


# ---- the prose rules --------------------------------------------------------------------


def _prose(all_paras: list[_Para], roles: _Roles, settings, out: _Out, display: str) -> None:
    """The plan rules that read only prose, on a plan holding the paragraphs (see the module's docstring)."""
    from plancc.check.context import Context
    from plancc.check.registry import RULES, all_rules
    from plancc.load.source import LoadedFile, SourceMap
    from plancc.model.build import build_plan

    all_rules()
    keep = str.maketrans("{}", "｛｝")  # same length: columns stay right; nothing reads as a reference
    # notes after the body's paragraphs: one between two items of a list would break its count (PL801)
    paras = [p for p in all_paras if p.full_text.strip() and p is not roles.wenhao]
    paras = [p for p in paras if not p.note] + [p for p in paras if p.note]
    title = "".join(p.full_text.strip() for p in roles.title) or message("docx.untitled", out.lang)
    document = {"title": title.translate(keep)}
    if roles.wenhao is not None:
        document["number"] = roles.wenhao.full_text.strip().translate(keep)
    data = {"plancc": 1, "document": document,
            "sections": [{"title": "正文", "numbered": False, "content": [p.full_text.translate(keep) for p in paras]}]}
    loaded = LoadedFile(display, "", data, SourceMap())
    plan, diags = build_plan(loaded, out.lang)
    if plan is None:
        return
    ctx = Context(plan, loaded) if settings is None else Context(plan, loaded, settings.policy, settings.citations)
    for code in PROSE_CODES:
        rule = RULES.get(code)
        if rule is None or (settings is not None and not settings.selection.enabled(rule)):
            continue
        severity = rule.severity if settings is None else settings.selection.severity_of(code, rule.severity)
        if severity is None:
            continue
        try:
            findings = list(rule.run(ctx))
        except Exception:  # a rule must never take validate down
            continue
        for f in findings:
            path = f.path
            para = None
            if path[:3] == ("sections", 0, "content") and len(path) > 3 and isinstance(path[3], int):
                para = paras[path[3]]
            elif path[:2] == ("document", "number"):
                para = roles.wenhao
            elif path[:2] == ("document", "title") and roles.title:
                para = roles.title[0]
            if para is None:
                continue
            column, length = (f.text_range[0] + 1, f.text_range[1]) if f.text_range else (1, 0)
            if para is not roles.wenhao and para in roles.title:
                column, length = 1, 0
            path, span = _where(para, out.lang, column, length)
            out.items.append(Diagnostic(code, f.severity or severity, rule.format(f.params, out.lang), out.file, span,
                                        path=path))


# ---- entry --------------------------------------------------------------------------------


def check_facts(facts, doc, profile, *, file: str, lang: str = "zh", settings=None) -> list[Diagnostic]:
    """Every finding on a document: its layout read back (plancc.emit.readback.DocxFacts), its
    text as the importer reads it (plancc.importer.source.SourceDoc)."""
    out = _Out(file, lang, settings.selection if settings is not None else None, facts.pages_known)
    paras = _views(doc, facts)
    roles = _Roles(paras)
    _page(facts, profile, out)
    _footers(facts, profile, out)
    _fonts(roles, profile, out)
    _numbering(roles, out)
    _attachment_and_end(paras, roles, profile, out)
    _tables(facts, profile, out)
    _prose(paras, roles, settings, out, file)
    out.items.sort(key=Diagnostic.sort_key)
    return out.items


def document_text(doc) -> str:
    """The paragraphs one a line: line N of it is paragraph N as the importer numbers it (what
    reports quote), the notes it cites after its text, each after a space."""
    lines: dict[int, list[str]] = {}
    for p in doc.paragraphs():
        n = p.place.paragraph or 1
        lines.setdefault(n, []).append((p.number + p.text).replace("\n", " ").replace("\r", " "))
    return "\n".join(" ".join(lines.get(n, ())) for n in range(1, max(lines, default=0) + 1))


def _unreadable(file: str, lang: str, reason: str, detail: str = "") -> Diagnostic:
    words = message(f"docx.reason.{reason}", lang, detail=detail)
    return Diagnostic("PLD001", Severity.ERROR, BUILTIN["PLD001"].format({"what": file, "reason": words}, lang), file, None,
                      path=message("docx.part.package", lang))


def _read_bytes(path: Path) -> bytes:
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Refused("not_regular")
        if st.st_size > MAX_FILE_BYTES:
            raise _Refused("too_big")
        chunks, total = [], 0
        while True:
            b = os.read(fd, 1 << 20)
            if not b:
                break
            total += len(b)
            if total > MAX_FILE_BYTES:
                raise _Refused("too_big")
            chunks.append(b)
        return b"".join(chunks)
    finally:
        os.close(fd)


class _Refused(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _convert(path: Path, lang: str) -> bytes:
    """A .doc/.wps as .docx bytes, through LibreOffice (plancc.importer.convert)."""
    from plancc.errors import PlanccError
    from plancc.importer import convert

    try:
        return convert.to_docx(path, lang=lang)
    except PlanccError as exc:  # the converter words its own failures (LibreOffice missing, timeout, …)
        raise _Refused("conversion", str(exc)) from None


def _read_text(data: bytes, name: str, lang: str):
    """The document's text as ``plancc import`` reads it (the package readback just read)."""
    from plancc.errors import WordFileError
    from plancc.importer.docx import read_docx as read_text

    try:
        return read_text(data, shown=name, lang=lang)
    except WordFileError as exc:
        raise _Refused("text", str(exc)) from None


def check_docx(path: str | Path, settings=None, display: str | None = None, profile=None):
    """Check one Word document: a FileReport whose source text is the document's paragraphs."""
    import zipfile

    from lxml import etree

    from plancc.driver.check import FileReport
    from plancc.emit.readback import PackageError, read_docx
    from plancc.load.source import LoadedFile, SourceMap

    lang = settings.lang if settings is not None else "zh"
    path = Path(path)
    name = display or str(path)
    text = ""
    try:
        if str(path).lower().endswith(CONVERTED_SUFFIXES):
            _read_bytes(path)  # the same refusals (a pipe, a huge file) before LibreOffice sees it
            data = _convert(path, lang)
        else:
            data = _read_bytes(path)
        facts = read_docx(data, layout_only=True)
        doc = _read_text(data, name, lang)
        if profile is None:
            from plancc.layout.profile import load_profile

            profile = load_profile(None, None, lang)
        diags = check_facts(facts, doc, profile, file=name, lang=lang, settings=settings)
        text = document_text(doc)
    except _Refused as r:
        diags = [_unreadable(name, lang, r.reason, r.detail)]
    except FileNotFoundError:
        diags = [_unreadable(name, lang, "missing")]
    except PermissionError:
        diags = [_unreadable(name, lang, "permission")]
    except OSError as exc:
        diags = [_unreadable(name, lang, "os", exc.strerror or str(exc))]
    except PackageError as exc:
        diags = [_unreadable(name, lang, exc.reason, exc.detail)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        diags = [_unreadable(name, lang, "not_zip")]
    except KeyError as exc:
        diags = [_unreadable(name, lang, "missing_part", str(exc).strip("'\""))]
    except (etree.XMLSyntaxError, ValueError, RecursionError, MemoryError) as exc:
        diags = [_unreadable(name, lang, "bad_xml", str(exc)[:200])]
    loaded = LoadedFile(name, text, None, SourceMap())
    return FileReport(name, loaded, None, diags)
