"""Make the corpus of Word documents not made by plancc (see README.md in this folder).

    python tests/importer/corpus/make.py SEEDS_DIR [--soffice]

SEEDS_DIR holds the plain texts of the three real plans (000_*.txt = 宾川, 001_*.txt = 淮北,
002_*.txt = 落儿岭). Each document is typed the way a clerk types it in Word or WPS: numbers
typed as text or Word's automatic numbering, headings set by direct formatting, tables typed
from the tab-separated lines of the text, and the layout a default Word installation gives.

The .docx files written with python-docx are byte for byte the same on every run (fixed
properties, zip entries in order with a fixed date): tests/importer/test_corpus.py checks the
committed files against a fresh run. With --soffice the LibreOffice-saved .docx and the .doc
are made too (their bytes carry LibreOffice's own stamps, so they are committed, not compared).
"""

from __future__ import annotations

import copy
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 1, 8, 0, 0)

# ---- reading a seed text -------------------------------------------------------------

_WEB = re.compile(r"来源[:：]|文字大小|背景色|^分享到")


def seed_blocks(text: str) -> list:
    """Paragraph strings and tables (lists of rows of cells) in order; markdown marks dropped."""
    out: list = []
    rows: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("#").strip().replace("**", "")
        if "\t" in raw.strip("\n") and raw.strip():
            rows.append([c.strip() for c in raw.rstrip("\n").split("\t")])
            continue
        if rows:
            out.append(rows)
            rows = []
        if line and not _WEB.search(line):
            out.append(line.replace("分享到:", "").replace("分享到：", "") or line)
    if rows:
        out.append(rows)
    return [b for b in out if b]


_LEVELS = [
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (3, re.compile(r"^\d+[.．](?!\d)")),
    (4, re.compile(r"^[（(]\d+[）)]")),
    (5, re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")),
]


def level_of(line: str) -> tuple[int, str]:
    """(typed level 1-5, the number) or (0, "")."""
    for lvl, rx in _LEVELS:
        m = rx.match(line)
        if m:
            return lvl, m.group(0)
    return 0, ""


def is_heading(line: str) -> bool:
    return len(line) <= 32 and not line.endswith(("。", "；", ";")) and "，" not in line


# ---- formatting helpers --------------------------------------------------------------


def fonts(run, east_asia: str | None = None, ascii: str | None = None, size: float | None = None, bold: bool | None = None):
    """Direct run formatting, as a clerk sets it from the toolbar (eastAsia written explicitly)."""
    rpr = run._r.get_or_add_rPr()
    if east_asia or ascii:
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts")
            rpr.insert(0, rf)
        if ascii:
            rf.set(qn("w:ascii"), ascii)
            rf.set(qn("w:hAnsi"), ascii)
        if east_asia:
            rf.set(qn("w:eastAsia"), east_asia)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    return run


def style_fonts(style, east_asia: str, ascii: str, size: float, bold: bool = False):
    """A style's fonts with eastAsia (python-docx's font.name writes only ascii/hAnsi)."""
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    rpr = style.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for a in list(rf.attrib):
        del rf.attrib[a]
    rf.set(qn("w:ascii"), ascii)
    rf.set(qn("w:hAnsi"), ascii)
    rf.set(qn("w:eastAsia"), east_asia)
    for c in rpr.findall(qn("w:color")):
        rpr.remove(c)


def page(doc, *, a4: bool = True, margins_cm: tuple | None = None, gbt: bool = False, grid: bool = False):
    sect = doc.sections[0]
    if a4:
        sect.page_width, sect.page_height = Twips(11906), Twips(16838)
    if gbt:
        sect.top_margin, sect.bottom_margin, sect.left_margin, sect.right_margin = Twips(2098), Twips(1984), Twips(1587), Twips(1474)
    elif margins_cm:
        t, b, l, r = (Twips(round(v * 567)) for v in margins_cm)
        sect.top_margin, sect.bottom_margin, sect.left_margin, sect.right_margin = t, b, l, r
    g = sect._sectPr.find(qn("w:docGrid"))
    if grid:
        g.set(qn("w:type"), "lines")
        g.set(qn("w:linePitch"), "579")
    elif g is not None:
        sect._sectPr.remove(g)


def page_number_footer(doc, text_before: str = "— ", text_after: str = " —", align=WD_ALIGN_PARAGRAPH.CENTER):
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = align
    if text_before:
        fonts(p.add_run(text_before), "宋体", "宋体", 14)
    r = p.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r._r.append(fc)
        elif instr:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            r._r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = "1"
            r._r.append(t)
    fonts(r, "宋体", "宋体", 14)
    if text_after:
        fonts(p.add_run(text_after), "宋体", "宋体", 14)


def para(doc, text: str, *, east_asia="仿宋_GB2312", ascii="Times New Roman", size=16, bold=False, indent=True,
         align=None, heading_font: tuple | None = None, style=None):
    """One paragraph; a typed heading number and title in ``heading_font`` (face, bold), the rest in the body font."""
    p = doc.add_paragraph(style=style)
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if heading_font:
        face, hbold = heading_font
        fonts(p.add_run(text), face, face if face == "黑体" else ascii, size, hbold)
    else:
        fonts(p.add_run(text), east_asia, ascii, size, bold or None)
    return p


def set_cell(cell, text: str, *, east_asia="仿宋_GB2312", size=12, bold=None):
    cell.text = ""
    p = cell.paragraphs[0]
    fonts(p.add_run(text), east_asia, "Times New Roman", size, bold)


def add_table(doc, rows: list[list[str]], *, header: bool = False, east_asia="仿宋_GB2312", size=12):
    width = max(len(r) for r in rows)
    t = doc.add_table(rows=len(rows), cols=width)
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            set_cell(t.cell(i, j), row[j] if j < len(row) else "", east_asia="黑体" if i == 0 else east_asia, size=size)
    if header:
        trpr = t.rows[0]._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        trpr.append(h)
    return t


def vmerge(table, col: int, first: int, last: int):
    """Merge rows first..last of a column as Word does (w:vMerge restart/continue), keeping the first text."""
    for r in range(first, last + 1):
        tc = table.cell(r, col)._tc
        tcpr = tc.get_or_add_tcPr()
        vm = OxmlElement("w:vMerge")
        if r == first:
            vm.set(qn("w:val"), "restart")
        else:
            for p in tc.findall(qn("w:p"))[1:]:
                tc.remove(p)
            for t in tc.iter(qn("w:t")):
                t.text = ""
        tcpr.append(vm)


def hmerge(table, row: int, first: int, last: int, text: str):
    """Join cells first..last of a row into one with w:gridSpan (the later cells removed)."""
    tr = table.rows[row]._tr
    tcs = tr.findall(qn("w:tc"))
    keep = tcs[first]
    tcpr = keep.get_or_add_tcPr()
    gs = OxmlElement("w:gridSpan")
    gs.set(qn("w:val"), str(last - first + 1))
    tcpr.insert(1 if tcpr.find(qn("w:tcW")) is not None else 0, gs)
    for tc in tcs[first + 1 : last + 1]:
        tr.remove(tc)
    from docx.table import _Cell

    set_cell(_Cell(keep, table), text)


# ---- Word automatic numbering --------------------------------------------------------

_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%5"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
%RESTARTS%
</w:numbering>"""


def install_numbering(doc, restarts: int) -> list[int]:
    """numbering.xml with the outline list (numId 1, chineseCounting) and ① lists: numId 2, then
    ``restarts`` more nums of the same list, each restarting at 1 (w:startOverride)."""
    extra = "".join(
        f'<w:num w:numId="{3 + k}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        for k in range(restarts)
    )
    from lxml import etree

    new = etree.fromstring(_NUMBERING.replace("%RESTARTS%", extra).encode())
    part = doc.part.numbering_part
    root = part.element
    for c in list(root):
        root.remove(c)
    for c in new:
        root.append(c)
    return [2] + [3 + k for k in range(restarts)]


def numpr(p, num_id: int, ilvl: int):
    ppr = p._p.get_or_add_pPr()
    n = OxmlElement("w:numPr")
    lv = OxmlElement("w:ilvl")
    lv.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), str(num_id))
    n.append(lv)
    n.append(ni)
    # numPr comes after pStyle, keepNext…, before ind/jc in CT_PPr order
    ps = ppr.find(qn("w:pStyle"))
    ppr.insert(1 if ps is not None else 0, n)


def style_numbering(doc, levels: dict[str, int]):
    """Heading styles carrying the outline list (numbering inherited from the style's numPr)."""
    for name, ilvl in levels.items():
        st = doc.styles[name]
        ppr = st.element.get_or_add_pPr()
        n = OxmlElement("w:numPr")
        if ilvl:
            lv = OxmlElement("w:ilvl")
            lv.set(qn("w:val"), str(ilvl))
            n.append(lv)
        ni = OxmlElement("w:numId")
        ni.set(qn("w:val"), "1")
        n.append(ni)
        ppr.insert(0, n)


# ---- package -------------------------------------------------------------------------


def save(doc, path: Path, title: str):
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "办公室"
    cp.title = title
    cp.created = cp.modified = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(deterministic(buf.getvalue()))


def deterministic(data: bytes) -> bytes:
    """The same package with entries in name order and a fixed date, without the template's thumbnail."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(src.namelist()):
            if name.endswith("thumbnail.jpeg"):
                continue
            blob = src.read(name)
            if name == "_rels/.rels":
                blob = re.sub(rb'<Relationship [^>]*thumbnail[^>]*/>', b"", blob)
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, blob)
    return out.getvalue()


# ---- the documents -------------------------------------------------------------------


def _heading_look(level: int, size: float) -> tuple[str, bool]:
    return {1: ("黑体", True), 2: ("楷体_GB2312", True), 3: ("仿宋_GB2312", True), 4: ("仿宋_GB2312", False)}.get(level, ("仿宋_GB2312", False))


def clerk_typed(blocks: list, path: Path, title_lines: int, *, body_font: str, size: float, margins_cm, footer: bool,
                title_font: tuple, gbt: bool = False, header_rows: bool = False, number_line: str = "", tail: list = (),
                body_indent: bool = True, label_font: str = "黑体"):
    """Typed numbering, headings by direct formatting, tables typed as tables."""
    doc = docx.Document()
    page(doc, margins_cm=margins_cm, gbt=gbt, grid=False)
    style_fonts(doc.styles["Normal"], body_font, "Times New Roman", size)
    if footer:
        page_number_footer(doc, "", "", WD_ALIGN_PARAGRAPH.CENTER)
    k = 0
    first = True
    for b in blocks:
        if isinstance(b, list):
            add_table(doc, b, header=header_rows, east_asia=body_font, size=10.5 if size < 16 else 12)
            continue
        if b.startswith("附件") and len(b) <= 4 and first:
            para(doc, b, indent=False, heading_font=(label_font, False), size=size)
            continue
        first = False
        if k < title_lines:
            face, tsize, tbold = title_font
            p = para(doc, b, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, east_asia=face, ascii=face, size=tsize, bold=tbold)
            k += 1
            if k == title_lines and number_line:
                para(doc, number_line, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, east_asia=body_font, size=size)
            continue
        lvl, _ = level_of(b)
        if lvl and lvl <= 4 and is_heading(b):
            para(doc, b, size=size, heading_font=_heading_look(lvl, size), east_asia=body_font, indent=body_indent)
        else:
            para(doc, b, size=size, east_asia=body_font, indent=body_indent)
    for line, align in tail:
        p = para(doc, line, indent=False, align=align, east_asia=body_font, size=size)
    save(doc, path, blocks[0] if isinstance(blocks[0], str) else "")
    return path


def clerk_auto(blocks: list, path: Path, title_lines: int, *, via_style: bool, merged_table: bool, tail: list = ()):
    """Word automatic numbering: typed numbers removed, the headings numbered by numbering.xml
    (chineseCounting 一、（一）, decimal 1.); ① lists restarted with a new num each time."""
    doc = docx.Document()
    page(doc, gbt=True, grid=True)
    style_fonts(doc.styles["Normal"], "仿宋_GB2312", "Times New Roman", 16)
    for name, face, ilvl in (("Heading 1", "黑体", 0), ("Heading 2", "楷体_GB2312", 1), ("Heading 3", "仿宋_GB2312", 2)):
        st = doc.styles[name]
        style_fonts(st, face, "Times New Roman" if face != "黑体" else "黑体", 16, bold=False)
        pf = st.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.first_line_indent = Pt(32)
    restarts = sum(1 for i, b in enumerate(blocks) if isinstance(b, str) and level_of(b)[0] == 5
                   and not (i and isinstance(blocks[i - 1], str) and level_of(blocks[i - 1])[0] == 5))
    circled = iter(install_numbering(doc, max(restarts - 1, 0)))
    if via_style:
        style_numbering(doc, {"Heading 1": 0, "Heading 2": 1, "Heading 3": 2})
    page_number_footer(doc, align=WD_ALIGN_PARAGRAPH.RIGHT)
    k = 0
    in_list = False
    current = 2
    for b in blocks:
        if isinstance(b, list):
            in_list = False
            t = add_table(doc, b, header=True)
            if merged_table and len(b) >= 4 and len(b[0]) >= 6:
                _merge_assessment(doc, t, b)
            continue
        if k < title_lines:
            para(doc, b, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, east_asia="方正小标宋简体", ascii="方正小标宋简体", size=22, style="Title")
            k += 1
            continue
        lvl, number = level_of(b)
        if lvl and lvl <= 3 and is_heading(b):
            in_list = False
            p = doc.add_paragraph(style=("Heading %d" % lvl))
            p.add_run(b[len(number):].strip())
            if not via_style:
                numpr(p, 1, lvl - 1)
            continue
        if lvl == 5:
            if not in_list:
                current = next(circled)
                in_list = True
            p = para(doc, b[len(number):].strip(), indent=False)
            numpr(p, current, 0)
            continue
        in_list = False
        para(doc, b)
    for line, align in tail:
        para(doc, line, indent=False, align=align)
    save(doc, path, blocks[0])
    return path


def clerk_slips(blocks: list, path: Path):
    """A short document with the slips a clerk makes while editing, each deliberate (README.md):
    Letter paper from an English template, a heading number skipped (一、 then 三、), a level
    skipped (1. right under 一、), a number repeated, an attachment label in the middle of a
    page in 宋体 and indented, a zero-padded date in the wrong place."""
    doc = docx.Document()
    page(doc, a4=False, gbt=True, grid=True)
    style_fonts(doc.styles["Normal"], "仿宋_GB2312", "Times New Roman", 16)
    page_number_footer(doc, align=WD_ALIGN_PARAGRAPH.RIGHT)
    body = [b for b in blocks if isinstance(b, str)]
    intro = next(b for b in body if b.startswith("根据"))
    para(doc, "宾川县2022年中小学幼儿园教师继续教育", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER,
         east_asia="方正小标宋简体", ascii="方正小标宋简体", size=22)
    para(doc, "全员培训实施方案", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, east_asia="方正小标宋简体",
         ascii="方正小标宋简体", size=22)
    para(doc, intro)
    para(doc, "一、培训主题与目标", heading_font=("黑体", False))
    para(doc, "1.培训主题", heading_font=("仿宋_GB2312", False))  # a level skipped: no （一） above it
    para(doc, "学前教育新教师：教师课堂教学基本功和班级管理能力提升。")
    para(doc, "三、培训对象", heading_font=("黑体", False))  # 二、 skipped
    para(doc, "全县中小学幼儿园在职教师XX名。")  # a placeholder left from the template
    para(doc, "（一）培训时间", heading_font=("楷体_GB2312", False))
    para(doc, "2022年3月至2022年12月。")
    para(doc, "（一）培训学时", heading_font=("楷体_GB2312", False))  # repeated
    para(doc, "每人每年不少于72学时。")
    para(doc, "附件1", east_asia="宋体")  # not on a new page, 宋体, indented
    para(doc, "宾川县教育体育局", indent=False)
    para(doc, "2022-03-01", indent=False)
    save(doc, path, "全员培训实施方案")
    return path


def _merge_assessment(doc, t, rows):
    """The assessment table read as a clerk lays it out: 考核环节 and 考核类别 merged down where the
    text leaves them empty, a 合计 row across the first four columns, an empty row at a page break."""
    col_rows = len(rows)
    for col in (0, 1):
        start = 1
        for r in range(2, col_rows + 1):
            if r == col_rows or (rows[r][col] if col < len(rows[r]) else ""):
                if r - 1 > start:
                    vmerge(t, col, start, r - 1)
                start = r
    total = sum(int(r[4]) for r in rows[1:] if len(r) > 4 and r[4].isdigit())
    row = t.add_row()
    for j, c in enumerate(row.cells):
        set_cell(c, "")
    hmerge(t, len(t.rows) - 1, 0, 3, "合计")
    set_cell(t.rows[-1].cells[4], str(total))  # the 分值 column (cells 0–3 are the one merged 合计 cell)
    # an empty row left where the table once broke across pages, and Word's marker of the break
    blank = copy.deepcopy(t.rows[2]._tr)
    for tt in blank.iter(qn("w:t")):
        tt.text = ""
    for vm in blank.iter(qn("w:vMerge")):
        vm.getparent().remove(vm)
    t.rows[2]._tr.addnext(blank)
    nxt = blank.getnext()
    r0 = nxt.find(".//" + qn("w:r"))
    if r0 is not None:
        r0.insert(1 if r0.find(qn("w:rPr")) is not None else 0, OxmlElement("w:lastRenderedPageBreak"))


def plancc_rendered(path: Path):
    """The quiet case: the example plan `plancc init` writes, rendered by plancc itself."""
    with tempfile.TemporaryDirectory() as tmp:
        run = [sys.executable, "-m", "plancc"]
        subprocess.run(run + ["init", tmp], check=True, capture_output=True, timeout=120)
        plan = sorted((Path(tmp) / "plans").glob("*.yaml"))[0]
        subprocess.run(run + ["render", str(plan), "-o", str(path)], check=True, capture_output=True, timeout=300, cwd=tmp)


def soffice(src: Path, fmt: str, dest: Path):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        made = Path(tmp) / (src.stem + "." + fmt.split(":")[0])
        dest.write_bytes(made.read_bytes())


def main(argv: list[str]) -> int:
    seeds = Path(argv[0])
    text = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}
    binchuan, huaibei, luoerling = (seed_blocks(text[k]) for k in ("000", "001", "002"))
    luoerling = luoerling[1:]  # the web page's own title line, not the document's
    R, C = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER
    made = [
        clerk_typed(binchuan, HERE / "binchuan-typed.docx", 2, body_font="宋体", size=12, margins_cm=(2.54, 2.54, 3.18, 3.18),
                    footer=False, title_font=("宋体", 18, True), number_line="宾教发[2022]5号",
                    tail=[("宾川县教育体育局", R), ("2022年3月1日", R)]),
        clerk_typed(huaibei, HERE / "huaibei-typed.docx", 1, body_font="仿宋_GB2312", size=16, margins_cm=None, gbt=True,
                    footer=True, title_font=("黑体", 22, False), header_rows=False),
        clerk_typed(luoerling, HERE / "luoerling-typed.docx", 2, body_font="仿宋", size=15, margins_cm=(2.54, 2.54, 2.8, 2.6),
                    footer=True, title_font=("方正小标宋简体", 22, False), body_indent=False),
        clerk_auto(luoerling, HERE / "luoerling-autonum.docx", 2, via_style=True, merged_table=False,
                   tail=[("落儿岭镇中心学校", R), ("2024年11月11日", R)]),
        clerk_auto(huaibei, HERE / "huaibei-autonum-merged.docx", 1, via_style=False, merged_table=True),
        clerk_slips(binchuan, HERE / "binchuan-slips.docx"),
    ]
    plancc_rendered(HERE / "plancc-rendered.docx")
    if "--soffice" in argv:
        soffice(HERE / "huaibei-typed.docx", "docx:MS Word 2007 XML", HERE / "huaibei-libreoffice.docx")
        soffice(HERE / "binchuan-typed.docx", "doc:MS Word 97", HERE / "binchuan-typed.doc")
    for p in made:
        print(p.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
