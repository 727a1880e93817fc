"""Make the wr-* foreign documents: Word features real bureau and school files carry.

    python tests/importer/foreign/make_wr.py [--soffice]

Each document is written as WordprocessingML text, part by part, the way Word or WPS saves it:

* wr-qingshui-bureau.docx — a county bureau's plan typed in Word: 单位名称 and a page-number
  field in the header and footer, footnotes and an endnote, comments, tracked insertions and
  deletions (a whole deleted paragraph among them), a table of contents field, headings by
  Word's own chineseCounting numbering, paragraphs indented with full-width spaces.
* wr-hexi-wps.docx — a township school's plan saved by WPS: w14 and wpsCustomData, every run
  with ``w:rFonts w:hint="eastAsia"``, text cut into many runs, KSOProductBuildVer in
  custom.xml, bullet lists (numFmt bullet with “●”, a Wingdings glyph, a picture bullet),
  typed Wingdings bullets (``w:sym``), no-break spaces and manual line breaks inside paragraphs.
* wr-lanshan-centre.docx — a training centre's new-teacher plan: a landscape section for a wide
  timetable, a table with a two-row merged header, a table inside a table cell, an anchored text
  box with text, an inline picture with its caption, a heading typed with a soft return.
* wr-xinghe-webpage.doc — a kindergarten's plan as an office system hands it out to download:
  Word's “web page” HTML in GB2312 under a .doc name (list numbers in mso-list:Ignore spans,
  a table with a merged cell, a picture, a <br>, a remote style sheet and script that must not
  be fetched).
* wr-yunxi-platform.docx — a plan a training platform exports: a title paragraph, then the body
  as an HTML page the document imports (``w:altChunk``), with a table and a list.
* wr-qingshui-word97.doc — the first one saved as Word 97-2003 by LibreOffice, and wr-hexi-saved.wps
  the second one saved under the .wps name (LibreOffice writes no Kingsoft format of its own: it
  writes Word 97 there, which WPS Office reads and writes as .wps). Made with --soffice; their
  bytes carry LibreOffice's stamps, so they are committed, not compared.

The .docx files and the web page are the same byte for byte on every run (fixed dates, entries in order).
The places and people are invented; the texts were written for these tests.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
DATE = (2025, 1, 6, 9, 0, 0)

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
      'mc:Ignorable="w14 wp14 wpsCustomData"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_W = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def a(v) -> str:
    return quoteattr(str(v))


# -- runs and paragraphs ---------------------------------------------------------------------

def run(text: str = "", *, bold=False, font=None, size=None, hint=False, raw: str = "", rpr: str = "") -> str:
    props = []
    if font or hint:
        attrs = (f' w:ascii={a(font)} w:hAnsi={a(font)} w:eastAsia={a(font)}' if font else "")
        props.append(f"<w:rFonts{' w:hint=' + a('eastAsia') if hint else ''}{attrs}/>")
    if bold:
        props.append("<w:b/><w:bCs/>")
    if size:
        props.append(f"<w:sz w:val={a(size)}/><w:szCs w:val={a(size)}/>")
    props.append(rpr)
    body = raw or "".join(
        f"<w:t xml:space=\"preserve\">{escape(piece)}</w:t>" if i == 0 else f"<w:br/><w:t xml:space=\"preserve\">{escape(piece)}</w:t>"
        for i, piece in enumerate(text.split("\n")))
    p = "".join(props)
    return f"<w:r>{'<w:rPr>' + p + '</w:rPr>' if p else ''}{body}</w:r>"


def para(*runs: str, style=None, align=None, num=None, indent=None, ppr: str = "", mark: str = "") -> str:
    props = []
    if style:
        props.append(f"<w:pStyle w:val={a(style)}/>")
    if num:
        props.append(f"<w:numPr><w:ilvl w:val={a(num[1])}/><w:numId w:val={a(num[0])}/></w:numPr>")
    if indent:
        props.append(f'<w:ind w:firstLineChars="200" w:firstLine="{indent}"/>')
    if align:
        props.append(f"<w:jc w:val={a(align)}/>")
    props.append(ppr)
    if mark:
        props.append(f"<w:rPr>{mark}</w:rPr>")
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    p = "".join(props)
    return f"<w:p>{'<w:pPr>' + p + '</w:pPr>' if p else ''}{body}</w:p>"


def cell(content: str, width: int, *, span=1, vmerge=None) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f"<w:gridSpan w:val={a(span)}/>")
    if vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge:
        props.append("<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    if not content.startswith("<"):
        content = "".join(para(line, align="center") for line in content.split("\n"))
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{content}</w:tc>"


def table(rows: list[list[str]], widths: list[int], header_rows: int = 1) -> str:
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for i, row in enumerate(rows):
        out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if i < header_rows else "") + "".join(row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def plain_table(rows: list[list[str]], widths: list[int], header_rows: int = 1) -> str:
    return table([[cell(t, widths[k]) for k, t in enumerate(r)] for r in rows], widths, header_rows)


def field_runs(instr: str, shown: str) -> str:
    return (run(raw='<w:fldChar w:fldCharType="begin"/>') + run(raw=f'<w:instrText xml:space="preserve"> {escape(instr)} </w:instrText>')
            + run(raw='<w:fldChar w:fldCharType="separate"/>') + run(shown) + run(raw='<w:fldChar w:fldCharType="end"/>'))


SECT_A4 = ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
           'w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>')
SECT_LANDSCAPE = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1588" w:right="2098" w:bottom="1474" w:left="1984" '
                  'w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/>')


# -- the package -------------------------------------------------------------------------------

STYLES = """<w:styles {ns}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>
<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/>
<w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/>
<w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:line="700" w:lineRule="exact"/></w:pPr>
<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="39"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8834"/></w:tabs></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="39"/><w:pPr><w:ind w:leftChars="200" w:left="420"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="1"/><w:next w:val="a"/><w:uiPriority w:val="39"/><w:pPr><w:outlineLvl w:val="9"/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="a"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="a"/><w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr></w:style>
</w:styles>"""


def png(width: int = 8, height: int = 4) -> bytes:
    """A small grey picture, the same bytes every time."""
    raw = b"".join(b"\x00" + b"\x99\x99\x99" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


class Package:
    def __init__(self, title: str, creator: str, app: str = "Microsoft Office Word"):
        self.title, self.creator, self.app = title, creator, app
        self.body: list[str] = []
        self.numbering = ""
        self.parts: dict[str, bytes] = {}
        self.doc_rels: list[tuple[str, str, str]] = []  # (id, type, target)
        self.types: list[tuple[str, str]] = []
        self.custom: dict[str, str] = {}
        self.settings_extra = ""

    def add(self, *xml: str) -> "Package":
        self.body.extend(xml)
        return self

    def part(self, name: str, rel_type: str, content_type: str, xml: str) -> str:
        rid = f"rId{len(self.doc_rels) + 10}"
        self.doc_rels.append((rid, rel_type, name))
        self.types.append((f"/word/{name}", content_type))
        self.parts[f"word/{name}"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml).encode()
        return rid

    def media(self, name: str, data: bytes) -> str:
        rid = f"rId{len(self.doc_rels) + 10}"
        self.doc_rels.append((rid, "image", f"media/{name}"))
        self.parts[f"word/media/{name}"] = data
        return rid

    def build(self, sect: str) -> bytes:
        doc = f'<w:document {NS}><w:body>{"".join(self.body)}<w:sectPr>{sect}</w:sectPr></w:body></w:document>'
        self.part("styles.xml", "styles", f"{CT_W}.styles+xml", STYLES.format(ns=NS))
        self.part("settings.xml", "settings", f"{CT_W}.settings+xml",
                  f'<w:settings {NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>{self.settings_extra}'
                  '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" '
                  'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
        if self.numbering:
            self.part("numbering.xml", "numbering", f"{CT_W}.numbering+xml", f"<w:numbering {NS}>{self.numbering}</w:numbering>")
        files: dict[str, bytes] = {}
        types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
                 '<Default Extension="xml" ContentType="application/xml"/>', '<Default Extension="png" ContentType="image/png"/>',
                 f'<Override PartName="/word/document.xml" ContentType="{CT_W}.document.main+xml"/>',
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
        types += [f'<Override PartName={a(n)} ContentType={a(t)}/>' for n, t in self.types]
        root_rels = [("rId1", f"{REL}/officeDocument", "word/document.xml"),
                     ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
                     ("rId3", f"{REL}/extended-properties", "docProps/app.xml")]
        if self.custom:
            types.append('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
            root_rels.append(("rId4", f"{REL}/custom-properties", "docProps/custom.xml"))
        files["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                        + "".join(types) + "</Types>").encode()
        files["_rels/.rels"] = _rels(root_rels)
        files["docProps/core.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(self.title)}</dc:title><dc:creator>{escape(self.creator)}</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-06T09:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-06T09:00:00Z</dcterms:modified></cp:coreProperties>').encode()
        files["docProps/app.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                                     f"<Application>{escape(self.app)}</Application></Properties>").encode()
        if self.custom:
            props = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name={a(k)}><vt:lpwstr>{escape(v)}</vt:lpwstr></property>'
                            for i, (k, v) in enumerate(self.custom.items()))
            files["docProps/custom.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                                            f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>').encode()
        files["word/document.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doc).encode()
        files["word/_rels/document.xml.rels"] = _rels([(i, f"{REL}/{t}", n) for i, t, n in self.doc_rels])
        files.update(self.parts)
        return _zip(files)


def _rels(rels) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id={a(i)} Type={a(t)} Target={a(n)}/>' for i, t, n in rels) + "</Relationships>").encode()


def _zip(files: dict[str, bytes]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def header_part(pkg: Package, text_xml: str, kind: str = "header") -> str:
    tag = "hdr" if kind == "header" else "ftr"
    return pkg.part(f"{kind}1.xml", kind, f"{CT_W}.{kind}+xml", f"<w:{tag} {NS}>{text_xml}</w:{tag}>")


def notes_part(pkg: Package, kind: str, notes: list[str]) -> None:
    """footnotes.xml / endnotes.xml: the two separators Word writes, then the notes (ids from 1)."""
    tag = kind[:-1]  # footnote / endnote
    ref = "FootnoteReference" if kind == "footnotes" else "EndnoteReference"
    style = "FootnoteText" if kind == "footnotes" else "EndnoteText"
    mark = "footnoteRef" if kind == "footnotes" else "endnoteRef"
    out = [f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>',
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>']
    for i, text in enumerate(notes, 1):
        out.append(f'<w:{tag} w:id="{i}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
                   f'<w:r><w:rPr><w:rStyle w:val="{ref}"/></w:rPr><w:{mark}/></w:r>{run(" " + text)}</w:p></w:{tag}>')
    pkg.part(f"{kind}.xml", kind, f"{CT_W}.{kind}+xml", f"<w:{kind} {NS}>{''.join(out)}</w:{kind}>")


def note_ref(kind: str, n: int) -> str:
    tag = "footnoteReference" if kind == "footnotes" else "endnoteReference"
    style = "FootnoteReference" if kind == "footnotes" else "EndnoteReference"
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{tag} w:id="{n}"/></w:r>'


def ins(text: str, n: int) -> str:
    return f'<w:ins w:id="{900 + n}" w:author="李晓" w:date="2025-01-03T10:00:00Z">{run(text)}</w:ins>'


def dele(text: str, n: int) -> str:
    return (f'<w:del w:id="{800 + n}" w:author="李晓" w:date="2025-01-03T10:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def commented(text: str, n: int) -> str:
    return (f'<w:commentRangeStart w:id="{n}"/>{run(text)}<w:commentRangeEnd w:id="{n}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{n}"/></w:r>')


def comments_part(pkg: Package, texts: list[str]) -> None:
    out = "".join(f'<w:comment w:id="{i}" w:author="王主任" w:date="2025-01-04T08:30:00Z" w:initials="王">'
                  f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>{run(t)}</w:p></w:comment>'
                  for i, t in enumerate(texts))
    pkg.part("comments.xml", "comments", f"{CT_W}.comments+xml", f"<w:comments {NS}>{out}</w:comments>")


FS = "\u3000\u3000"  # two full-width spaces: how many clerks indent a paragraph


def enclosed(n: int) -> str:
    """Word's 带圈字符: an EQ field drawing the number in a circle (the field has no result)."""
    return (run(raw='<w:fldChar w:fldCharType="begin"/>') + run(raw='<w:instrText xml:space="preserve"> </w:instrText>')
            + run(raw='<w:instrText>eq \\o\\ac(○,</w:instrText>', rpr="")
            + f'<w:r><w:rPr><w:position w:val="3"/><w:sz w:val="22"/></w:rPr><w:instrText>{n}</w:instrText></w:r>'
            + run(raw="<w:instrText>)</w:instrText>") + run(raw='<w:fldChar w:fldCharType="end"/>'))


def control(content_xml: str, *, placeholder: bool = False, date: str = "", inline: bool = True) -> str:
    """A content control (w:sdt) around runs or paragraphs; ``placeholder``: still showing its prompt."""
    pr = ['<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else "", '<w:alias w:val="填写"/>',
          '<w:id w:val="-1524398211"/>', "<w:showingPlcHdr/>" if placeholder else ""]
    if date:
        pr.append(f'<w:date w:fullDate="{date}T00:00:00Z"><w:dateFormat w:val="yyyy\'年\'M\'月\'d\'日\'"/><w:lid w:val="zh-CN"/>'
                  '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
    return f"<w:sdt><w:sdtPr>{''.join(pr)}</w:sdtPr><w:sdtContent>{content_xml}</w:sdtContent></w:sdt>"


# -- 1. a county bureau's plan, typed in Word ---------------------------------------------------

def qingshui() -> bytes:
    pkg = Package("青水县2025年中小学教师全员培训实施方案", "青水县教育体育局")
    pkg.numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    hdr = header_part(pkg, para(run("青水县教育体育局"), style="Header"))
    ftr = header_part(pkg, para(run("— "), *[field_runs("PAGE \\* MERGEFORMAT", "1")], run(" —"), style="Footer", align="outside"), "footer")
    notes_part(pkg, "footnotes", [
        "本方案所称学时，网络研修按每45分钟折合1学时计。",
        "已参加2024年度省级骨干教师培训并取得合格证书的教师，经学校审核可抵免专业科目学时。",
    ])
    notes_part(pkg, "endnotes", ["各学校联系人名单请于2月20日前报县教师发展中心备案。"])
    comments_part(pkg, ["此处的学时数请与省厅文件再核对一次。", "建议删去“原则上”三字。"])

    def h1(text):
        return para(run(text), style="1", num=(1, 0))

    def h2(text):
        return para(run(text), style="2", num=(1, 1))

    def body(*runs):
        return para(*runs)

    toc_lines = [("一、指导思想", "2"), ("二、培训对象与学时", "2"), ("三、培训内容", "2"), ("四、实施步骤", "3"), ("五、保障措施", "3")]
    toc = ['<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>',
           para(run("目  录"), style="TOCHeading")]
    for i, (line, page) in enumerate(toc_lines):
        begin = (run(raw='<w:fldChar w:fldCharType="begin"/>') + run(raw='<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>')
                 + run(raw='<w:fldChar w:fldCharType="separate"/>')) if i == 0 else ""
        pageref = field_runs(f"PAGEREF _Toc{1000 + i} " + "\\h", page)
        link = f'<w:hyperlink w:anchor="_Toc{1000 + i}" w:history="1">{run(line)}{run(raw="<w:tab/>")}{pageref}</w:hyperlink>'
        end = run(raw='<w:fldChar w:fldCharType="end"/>') if i == len(toc_lines) - 1 else ""
        toc.append(para(begin + link + end, style="TOC1"))
    toc.append("</w:sdtContent></w:sdt>")

    pkg.add(
        para(wordart("青水县教育体育局文件"), align="center"),
        para(run("青教体〔2025〕3号"), align="center"),
        para(),
        para(run("青水县2025年中小学教师全员培训实施方案"), style="Title"),
        para(),
        *toc,
        para(run(raw='<w:br w:type="page"/>')),
        body(run(FS + "各乡镇中心学校，县直各学校（幼儿园）：")),
        body(run(FS + "为深入推进新时代教师队伍建设，持续提升全县中小学教师的师德修养和专业能力，根据上级有关文件精神，结合我县实际，制定本方案。")),
        h1("指导思想"),
        body(run(FS + "以立德树人为根本任务，以"), commented("提升课堂教学能力", 0),
             run("为核心，坚持按需施训、分层实施、"), ins("学用结合、", 1), run("注重实效，构建县、校两级联动的教师培训体系。")),
        h1("培训对象与学时"),
        h2("培训对象"),
        body(run(FS + "全县公办、民办中小学（含幼儿园）在编在岗教师，共计2360人。")),
        h2("培训学时"),
        body(run(FS + "每位教师本年度须完成72学时"), note_ref("footnotes", 1),
             run("，其中网络研修36学时，校本研修24学时，集中培训12学时。")),
        body(run(FS + "新入职教师另须完成县级集中培训"), dele("原则上", 1), run("不少于40学时"), note_ref("footnotes", 2), run("。")),
        h1("培训时间"),
        body(run(FS + "2025年2月—2025年11月。")),
        h1("培训内容"),
        body(run(FS + "培训内容分为师德修养、课堂教学、信息技术应用和心理健康教育四个模块，各学校可结合本校实际"),
             commented("适当调整比例", 1), run("。")),
        # a paragraph deleted with tracked changes on: its text and its mark are gone in the accepted view
        para(dele("各学校须在开学第一周组织全体教师观看专题讲座视频。", 2),
             mark='<w:del w:id="850" w:author="李晓" w:date="2025-01-03T10:00:00Z"/>'),
        h1("实施步骤"),
        h2("动员部署阶段（2025年2月—3月）"),
        body(run(FS + "印发培训方案，召开全县教师培训工作会议，各学校制定校本研修计划。"), note_ref("endnotes", 1)),
        h2("组织实施阶段（2025年4月—10月）"),
        body(run(FS + "教师登录研修平台完成网络课程学习，学校按月开展校本研修活动，县教师发展中心分批组织集中培训。")),
        h2("总结考核阶段（2025年11月）"),
        body(run(FS + "各学校汇总教师学时，县教体局组织抽查并通报结果。")),
        h1("保障措施"),
        body(run(FS), enclosed(1), run("加强组织领导。各学校校长是本校教师培训工作的第一责任人，要把教师培训纳入学校年度工作计划。")),
        body(run(FS), enclosed(2), run("落实经费保障。学校按年度公用经费的5%安排教师培训经费，保障研修时间。")),
        body(run(FS + "县教师发展中心联系人："), control(run("单击或点击此处输入文字。", rpr='<w:rStyle w:val="PlaceholderText"/>'), placeholder=True),
             run("，电话：0871-6023456。")),
        para(),
        para(run("青水县教育体育局"), align="right"),
        control(para(run("2025年1月6日"), align="right"), date="2025-01-06"),
    )
    sect = (f'<w:headerReference w:type="default" r:id="{hdr}"/><w:footerReference w:type="default" r:id="{ftr}"/>'
            '<w:footnotePr><w:numFmt w:val="decimalEnclosedCircleChinese"/></w:footnotePr><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>'
            + SECT_A4)
    return pkg.build(sect)


# -- 2. a township school's plan, saved by WPS --------------------------------------------------

def wps_run(text: str, **kw) -> str:
    """WPS writes the eastAsia hint on every run and cuts text into short runs."""
    if "\n" in text or len(text) <= 12:
        return run(text, hint=True, **kw)
    return "".join(run(text[i:i + 12], hint=True, **kw) for i in range(0, len(text), 12))


def wps_para(text: str, **kw) -> str:
    extra = kw.pop("ppr", "")
    return para(wps_run(text), ppr=extra, **kw)


def hexi() -> bytes:
    pkg = Package("河西镇中心学校2025—2026学年校本研修实施方案", "Administrator", app="WPS Office_12.1.0.18608_F1E327BC-269C-435d-A152-05C5408002CA")
    pkg.custom = {"KSOProductBuildVer": "2052-12.1.0.18608", "ICV": "3E1C5A2F9B7D4E0A8C6B1D2F3A4E5B6C_12"}
    pkg.settings_extra = '<w:bordersDoNotSurroundHeader w:val="1"/>'
    pkg.numbering = (
        # a bullet list: numFmt bullet, “●”
        '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        '<w:nsid w:val="5A3C1E20"/><w:multiLevelType w:val="singleLevel"/><w:tmpl w:val="5A3C1E20"/>'
        '<w:lvl w:ilvl="0" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="840" w:hanging="420"/></w:pPr><w:rPr><w:rFonts w:hint="default" w:ascii="宋体" w:hAnsi="宋体"/></w:rPr></w:lvl></w:abstractNum>'
        # a Wingdings bullet: lvlText is the private-use glyph
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="6B2D0F31"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="840" w:hanging="420"/></w:pPr><w:rPr><w:rFonts w:hint="default" w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl></w:abstractNum>'
        # a picture bullet
        '<w:abstractNum w:abstractNumId="2"><w:nsid w:val="7C1E2F42"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlPicBulletId w:val="0"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="840" w:hanging="420"/></w:pPr><w:rPr><w:rFonts w:hint="default" w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>')
    hdr = header_part(pkg, table([[cell(para(wps_run("河西镇中心学校"), align="left"), 4400),
                                   cell(para(wps_run("校本研修文件"), align="right"), 4400)]], [4400, 4400], header_rows=0)
                      + para(style="Header"))
    ftr = header_part(pkg, para(wps_run("第 "), field_runs("PAGE", "1"), wps_run(" 页 共 "), field_runs("NUMPAGES", "2"), wps_run(" 页"),
                                style="Footer", align="center"), "footer")
    nb = "\u00a0\u00a0\u00a0\u00a0"  # four no-break spaces: an indent typed in WPS

    def bullet(text, num):
        return para(wps_run(text), num=(num, 0), style="ListBullet")

    sym = '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:sym w:font="Wingdings" w:char="F0D8"/></w:r>'
    pkg.add(
        para(wps_run("河西镇中心学校2025—2026学年", bold=True, size=44), wps_run("\n校本研修实施方案", bold=True, size=44), align="center",
             ppr='<w:spacing w:line="600" w:lineRule="exact"/>'),
        para(),
        wps_para("各村小、教学点："),
        para(wps_run(nb + "为落实县教育局关于加强校本研修的工作要求，促进我校教师在岗位上持续成长，经校务会研究，制定本学年校本研修实施方案。"),
             ppr='<w:ind w:firstLine="0"/>'),
        para(wps_run("一、研修目标", font="黑体"), indent=640),
        para(wps_run(nb + "通过一学年的校本研修，使每位教师做到："), ppr='<w:ind w:firstLine="0"/>'),
        bullet("能独立设计并实施一节体现新课标理念的单元教学课；", 1),
        bullet("能围绕教学中的真实问题开展小课题研究；", 1),
        bullet("能熟练使用国家智慧教育平台的资源备课、上课。", 1),
        para(wps_run("二、研修时间", font="黑体"), indent=640),
        para(wps_run(FS + "2025年9月—2026年6月。")),
        para(wps_run("三、研修内容与学时", font="黑体"), indent=640),
        para(wps_run(FS + "每位教师本学年须完成校本研修40学时，其中集体备课16学时，听评课12学时，专题学习12学时。")),
        para(wps_run(FS + "研修主要采取以下形式：")),
        bullet("集体备课：以教研组为单位，每两周一次，每次不少于90分钟。", 2),
        bullet("听课评课：每位教师每学期听课不少于15节，并写出评课意见。", 2),
        bullet("专题学习：每月一次，由学校统一安排学习内容。", 3),
        para(wps_run("四、研修安排", font="黑体"), indent=640),
        # a heading typed with a soft return (Shift+Enter) where the line would wrap
        para(wps_run("（一）第一学期：聚焦新课标，开展\n“一课三研”主题活动"), indent=640),
        para(wps_run(FS + "9月制定教研组研修计划；10月至12月各教研组完成一轮“一课三研”；1月上旬进行学期研修总结。")),
        para(wps_run("（二）第二学期：聚焦小课题，开展成果交流"), indent=640),
        # manual line breaks used to start new lines inside one paragraph
        para(wps_run(FS + "3月：教师申报小课题，学校组织论证；\n" + FS + "4月至5月：开展课题研究，每月交流一次进展；\n" + FS + "6月：评选优秀研修成果并汇编成册。")),
        para(wps_run("五、工作要求", font="黑体"), indent=640),
        para(sym, wps_run("各教研组长要认真组织，做好每次活动的记录和资料归档。"), indent=640),
        para(sym, wps_run("教务处每月检查一次研修记录，检查结果纳入教师学期考核。"), indent=640),
        para(),
        para(wps_run("河西镇中心学校"), align="right"),
        para(wps_run("2025年8月28日"), align="right"),
    )
    sect = (f'<w:headerReference w:type="default" r:id="{hdr}"/><w:footerReference w:type="default" r:id="{ftr}"/>' + SECT_A4
            + '<wpsCustomData:docInfo wpsCustomData:docfinal="0"/>')
    return pkg.build(sect)


# -- 3. a training centre's new-teacher plan ----------------------------------------------------

def textbox(text_lines: list[str], n: int) -> str:
    content = "".join(para(run(t)) for t in text_lines)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3600000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2160000" cy="720000"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{n}" name="文本框 {n}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="720000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square"/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shape id="文本框 {n}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" style="position:absolute;width:170pt;height:56.7pt">'
        f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def picture(rid: str, n: int) -> str:
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="4320000" cy="2160000"/>'
            f'<wp:docPr id="{n}" name="图片 {n}" descr="培训流程：报到、集中研修、跟岗实践、考核"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="{n}" name="流程图.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4320000" cy="2160000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def smartart(pkg: "Package", nodes: list[tuple[str, str]], n: int) -> str:
    """A SmartArt organisation chart: its data part (nodes as (model id, text), connections, the
    presentation points Word adds) and the inline drawing naming it."""
    dgm = 'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    pts = ['<dgm:pt modelId="{00000000-0000-0000-0000-000000000000}" type="doc"><dgm:prSet loTypeId="urn:microsoft.com/office/officeart/2005/8/layout/orgChart1"/>'
           '<dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="zh-CN"/></a:p></dgm:t></dgm:pt>']
    for mid, text in nodes:
        pts.append(f'<dgm:pt modelId="{mid}"><dgm:prSet phldrT="[文本]"/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>'
                   f'<a:p><a:r><a:rPr lang="zh-CN" altLang="en-US"/><a:t>{escape(text)}</a:t></a:r></a:p></dgm:t></dgm:pt>')
        pts.append(f'<dgm:pt modelId="{mid}-t" type="parTrans" cxnId="{mid}-c"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>'
                   '<a:p><a:endParaRPr lang="zh-CN"/></a:p></dgm:t></dgm:pt>')
        pts.append(f'<dgm:pt modelId="{mid}-p" type="pres"><dgm:prSet presName="rootText"/><dgm:spPr/></dgm:pt>')
    data = f'<dgm:dataModel {dgm}><dgm:ptLst>{"".join(pts)}</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>'
    dm = pkg.part(f"diagrams/data{n}.xml", "diagramData", "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", data)
    lo = pkg.part(f"diagrams/layout{n}.xml", "diagramLayout", "application/vnd.openxmlformats-officedocument.drawingml.diagramLayout+xml",
                  f'<dgm:layoutDef {dgm} uniqueId="urn:microsoft.com/office/officeart/2005/8/layout/orgChart1"/>')
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5274310" cy="2000000"/>'
            f'<wp:docPr id="{100 + n}" name="图示 {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
            f'<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="{dm}" r:lo="{lo}" r:qs="" r:cs=""/>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def workbook(rows: list[list], merges: list[str] = (), dates: dict = None) -> bytes:
    """A small .xlsx: one sheet of shared strings and numbers (``dates`` maps a cell reference
    to an Excel date serial shown as 年月日), merged ranges, Excel's package layout."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        out = []
        for k, v in enumerate(row):
            ref = f"{chr(65 + k)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, str):
                if v not in strings:
                    strings.append(v)
                out.append(f'<c r="{ref}" t="s"><v>{strings.index(v)}</v></c>')
            else:
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    for ref, serial in (dates or {}).items():
        r = int(ref[1:])
        cells[r - 1] = cells[r - 1].replace("</row>", f'<c r="{ref}" s="1"><v>{serial}</v></c></row>')
    x = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    merge = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>" if merges else ""
    xl = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    files = {
        "[Content_Types].xml": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                                f'<Override PartName="/xl/workbook.xml" ContentType="{xl}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{xl}.worksheet+xml"/>'
                                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{xl}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="{xl}.styles+xml"/></Types>').encode(),
        "_rels/.rels": _rels([("rId1", f"{REL}/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {x}><bookViews><workbookView activeTab="0"/></bookViews>'
                            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": _rels([("rId1", f"{REL}/worksheet", "worksheets/sheet1.xml"), ("rId2", f"{REL}/sharedStrings", "sharedStrings.xml"),
                                             ("rId3", f"{REL}/styles", "styles.xml")]),
        "xl/worksheets/sheet1.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {x}><sheetData>{"".join(cells)}</sheetData>{merge}</worksheet>').encode(),
        "xl/sharedStrings.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {x} count="{len(strings)}" uniqueCount="{len(strings)}">'
                                 + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>").encode(),
        "xl/styles.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {x}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
                          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>').encode(),
    }
    return _zip(files)


def ole_sheet(pkg: "Package", data: bytes, n: int) -> str:
    """An Excel worksheet embedded as an OLE object (what pasting from Excel as an object gives):
    the workbook in word/embeddings, a picture of it in the body."""
    rid = f"rId{len(pkg.doc_rels) + 10}"
    pkg.doc_rels.append((rid, "package", f"embeddings/Microsoft_Excel_Worksheet{n}.xlsx"))
    pkg.parts[f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"] = data
    pkg.types.append((f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    img = pkg.media(f"image_sheet{n}.png", png(12, 6))
    return (f'<w:r><w:object w:dxaOrig="8306" w:dyaOrig="2496"><v:shape id="_x0000_i10{n}" type="#_x0000_t75" style="width:415pt;height:125pt" o:ole="">'
            f'<v:imagedata r:id="{img}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i10{n}" DrawAspect="Content" ObjectID="_17{n}" r:id="{rid}"/></w:object></w:r>')


def wordart(text: str) -> str:
    """VML WordArt, as the red 版头 of older templates is made: the words are an attribute."""
    return ('<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
            '<v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/></v:shapetype>'
            '<v:shape id="_x0000_s1026" type="#_x0000_t136" style="width:415pt;height:60pt" fillcolor="red" stroked="f">'
            f'<v:textpath style="font-family:&quot;方正小标宋简体&quot;;v-text-kern:t" trim="t" fitpath="t" string={a(text)}/>'
            '</v:shape></w:pict></w:r>')


def lanshan() -> bytes:
    pkg = Package("岚山区2025年新入职教师规范化培训实施方案", "岚山区教师发展中心")
    img = pkg.media("image1.png", png())
    hdr = header_part(pkg, para(run("岚山区教师发展中心"), run(raw="<w:tab/>"), run("内部资料  注意保存"), style="Header"))
    ftr = header_part(pkg, para(field_runs("PAGE", "1"), style="Footer", align="center"), "footer")

    def h(text):
        return para(run(text, font="黑体"), indent=640)

    def h2(text):
        return para(run(text, font="楷体_GB2312"), indent=640)

    def body(text):
        return para(run(text), indent=640)

    # hours: a two-row merged header (培训方式 over its three kinds)
    w = [2000, 1700, 1700, 1700, 1700]
    hours_tbl = table([
        [cell("项目", w[0], vmerge="restart"), cell("学时", sum(w[1:4]), span=3), cell("合计", w[4], vmerge="restart")],
        [cell("", w[0], vmerge="continue"), cell("集中培训", w[1]), cell("跟岗实践", w[2]), cell("网络研修", w[3]), cell("", w[4], vmerge="continue")],
        [cell("师德与职业认同", w[0]), cell("12", w[1]), cell("4", w[2]), cell("8", w[3]), cell("24", w[4])],
        [cell("课堂教学基本功", w[0]), cell("24", w[1]), cell("30", w[2]), cell("12", w[3]), cell("66", w[4])],
        [cell("班级管理与家校沟通", w[0]), cell("12", w[1]), cell("10", w[2]), cell("8", w[3]), cell("30", w[4])],
        [cell("合计", w[0]), cell("48", w[1]), cell("44", w[2]), cell("28", w[3]), cell("120", w[4])],
    ], w, header_rows=2)

    # the wide timetable, in a landscape section; one cell holds a small table of its own
    tw = [1500, 2600, 5200, 2000, 1500]
    inner = plain_table([["周次", "内容"], ["第1周", "入职宣誓与师德报告"], ["第2周", "学校文化与岗位职责"]], [900, 2000])
    timetable = table([
        [cell(t, tw[k]) for k, t in enumerate(["阶段", "时间", "主要内容", "形式", "负责单位"])],
        [cell("岗前培训", tw[0]), cell("2025年8月", tw[1]), cell(para(run("集中学习教育法规、师德规范和教学常规：")) + inner, tw[2]),
         cell("集中培训", tw[3]), cell("区教师发展中心", tw[4])],
        [cell("跟岗实践", tw[0]), cell("2025年9月—12月", tw[1]), cell("在导师指导下备课、上课、听课，每周听导师课不少于2节", tw[2]),
         cell("师徒结对", tw[3]), cell("任职学校", tw[4])],
        [cell("网络研修", tw[0]), cell("2025年9月—2026年5月", tw[1]), cell("完成区平台新教师课程，提交研修日志", tw[2]),
         cell("线上学习", tw[3]), cell("区教师发展中心", tw[4])],
        [cell("考核认定", tw[0]), cell("2026年6月", tw[1]), cell("汇报课展示、培训档案审核，合格者认定120学时", tw[2]),
         cell("综合评定", tw[3]), cell("区教育局", tw[4])],
    ], tw)

    pkg.add(
        para(run("岚山区2025年新入职教师规范化培训实施方案"), style="Title"),
        para(run("岚山区教师发展中心"), align="center"),
        para(),
        body("为帮助新入职教师尽快适应岗位要求，站稳讲台，根据区教育局年度工作安排，制定本方案。"),
        h("一、培训对象"),
        para(run("2025年新招聘入职的中小学、幼儿园教师，共186人。"), textbox(["报名咨询：区教师发展中心师训科", "联系电话：0539-6120000"], 1), indent=640),
        h("二、培训时间"),
        body("2025年8月—2026年6月。"),
        h("三、培训学时"),
        body("新入职教师须完成120学时，其中集中培训48学时，跟岗实践44学时，网络研修28学时。各模块学时安排如下："),
        para(run("表1  新入职教师培训学时安排"), style="Caption"),
        hours_tbl,
        h("四、培训流程"),
        para(picture(img, 2), align="center"),
        para(run("图1  新入职教师培训流程"), style="Caption"),
        # the section holding the timetable is landscape: a sectPr in the last paragraph before it
        para(ppr=f"<w:sectPr>{SECT_A4}</w:sectPr>"),
        h("五、实施安排"),
        para(run("表2  新入职教师培训实施安排"), style="Caption"),
        timetable,
        para(ppr=f"<w:sectPr>{SECT_LANDSCAPE}</w:sectPr>"),
        h("六、组织管理"),
        body("区教师发展中心成立新入职教师培训工作小组，组织机构如下："),
        para(smartart(pkg, [("{1A}", "培训工作小组"), ("{2B}", "组长：赵敏"), ("{3C}", "副组长：陈立"),
                            ("{4D}", "成员：各学校分管副校长")], 1), align="center"),
        h("七、考核办法"),
        body("考核实行过程性评价与终结性评价相结合，过程性评价占60%，终结性评价占40%，总评60分及以上为合格。评分细则见下表（由 Excel 粘贴）："),
        para(ole_sheet(pkg, workbook([["新入职教师培训考核评分表"], ["考核项目", "分值", "评价主体"], ["出勤", 20, "任职学校"],
                                      ["研修日志", 20, "区教师发展中心"], ["导师评价", 20, "指导教师"], ["汇报课", 25, "专家组"],
                                      ["培训档案", 15, "区教师发展中心"], ["合计", 100, ""], [], ["制表日期"]],
                                     merges=["A1:C1"], dates={"B10": 45839}), 1), align="center"),
        h2("（一）过程性评价"),
        body("包括出勤、研修日志、导师评价三项，由任职学校每月记录。"),
        h2("（二）终结性评价"),
        body("以汇报课和培训档案为主，由区教师发展中心组织专家评定。"),
        para(),
        para(run("岚山区教师发展中心"), align="right"),
        para(run("2025年7月15日"), align="right"),
    )
    sect = f'<w:headerReference w:type="default" r:id="{hdr}"/><w:footerReference w:type="default" r:id="{ftr}"/>' + SECT_A4
    return pkg.build(sect)


# -- 4. a kindergarten's plan as a web site hands it out: a web page named .doc ---------------

def xinghe() -> bytes:
    """Word's “web page” HTML in GB2312, as an office system exports it under a .doc name: list
    numbers in mso-list:Ignore spans, a table with a merged cell, &nbsp; and full-width indents,
    a <br> inside a paragraph, a picture, and things a browser would fetch (a style sheet, a script)."""

    def p(text: str, cls: str = "MsoNormal", style: str = "text-indent:32.0pt") -> str:
        return f"<p class={cls} style='{style}'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}</span></p>\n"

    def h(number: str, text: str, font: str = "黑体") -> str:
        return (f"<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;mso-list:l0 level1 lfo1'>"
                f"<![if !supportLists]><span style='font-size:16.0pt;font-family:{font}'><span style='mso-list:Ignore'>{number}"
                f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span><![endif]>"
                f"<span style='font-size:16.0pt;font-family:{font}'>{text}</span></p>\n")

    def td(text: str, extra: str = "") -> str:
        return f"<td {extra} style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'><p class=MsoNormal align=center>{text}</p></td>"

    rows = [
        "<tr>" + td("阶段") + td("时间") + td("主要任务") + "</tr>",
        "<tr>" + td("学习准备") + td("2025年3月") + td("制定个人研修计划，确定研修小课题") + "</tr>",
        "<tr>" + td("实践研修", "rowspan=2") + td("2025年4月—6月") + td("围绕游戏活动观察开展教研，每月一次") + "</tr>",
        "<tr>" + td("2025年9月—11月") + td("开展半日活动展示与互评") + "</tr>",
        "<tr>" + td("总结提升") + td("2025年12月") + td("整理研修成果，评选优秀案例") + "</tr>",
    ]
    page = (
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
        "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
        "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n<meta name=ProgId content=Word.Document>\n"
        "<meta name=Generator content=\"Microsoft Word 15\">\n<title>星河街道中心幼儿园2025年教师园本研修实施方案</title>\n"
        "<link rel=stylesheet href=\"http://oa.example.invalid/static/print.css\">\n"
        "<script src=\"http://oa.example.invalid/static/track.js\"></script>\n"
        "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>园办公室</o:Author></o:DocumentProperties></xml><![endif]-->\n"
        "<style>\n<!--\n p.MsoNormal {margin:0cm; text-align:justify; font-size:16.0pt; font-family:仿宋_GB2312;}\n"
        " @page WordSection1 {size:595.3pt 841.9pt; margin:104.9pt 73.7pt 99.25pt 79.4pt;}\n"
        " div.WordSection1 {page:WordSection1;}\n-->\n</style>\n</head>\n"
        "<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<div class=WordSection1>\n"
        "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>"
        "星河街道中心幼儿园2025年<br>教师园本研修实施方案</span></b></p>\n"
        "<p class=MsoNormal><span style='font-size:16.0pt'>&nbsp;</span></p>\n"
        + p("为提升我园教师观察和支持幼儿游戏的能力，推进保教质量持续提高，结合我园实际，制定本方案。")
        + h("一、", "研修对象")
        + p("全园专任教师和保育员，共42人。")
        + h("二、", "研修时间")
        + p("2025年3月—2025年12月。")
        + h("三、", "研修学时")
        + p("每位教师全年完成园本研修不少于50学时，研修记录由保教处按月登记。")
        + h("四、", "研修安排")
        + p("研修分三个阶段进行，具体安排如下：")
        + "<div align=center><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>\n"
        + "\n".join(rows) + "\n</table></div>\n"
        + "<p class=MsoNormal align=center style='text-align:center'><span style='mso-no-proof:yes'>"
          "<!--[if gte vml 1]><v:shape id=\"图片_x0020_1\" style='width:300pt;height:150pt'>"
          "<v:imagedata src=\"plan.files/image001.png\" o:title=\"\"/></v:shape><![endif]-->"
          "<![if !vml]><img width=400 height=200 src=\"plan.files/image002.png\" v:shapes=\"图片_x0020_1\"><![endif]></span></p>\n"
        + h("五、", "保障措施")
        + p("&nbsp;&nbsp;&nbsp;&nbsp;园长为研修第一责任人，保教主任具体负责。<br>" + FS + "研修经费列入年度预算，专款专用。", style="text-indent:0cm")
        + "<p class=MsoNormal><span style='font-size:16.0pt'>&nbsp;</span></p>\n"
        + "<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt'>星河街道中心幼儿园</span></p>\n"
        + "<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt'>2025年2月20日</span></p>\n"
        "</div>\n</body>\n</html>\n")
    return page.encode("gb18030")


# -- 5. a plan exported by a training platform: the body is an HTML chunk --------------------

def yunxi() -> bytes:
    """What a web platform's “导出Word” writes: a title paragraph, then the whole body as an HTML
    page the document imports (w:altChunk), the way document generators put HTML into Word."""
    pkg = Package("云溪县2025年暑期中小学教师集中培训实施方案", "教师培训管理平台", app="docx generator")
    page = (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>导出</title>"
        "<style>td{border:1px solid #000} .tc{text-align:center}</style></head><body>\n"
        "<p>各乡镇中心学校、县直学校：</p>\n"
        "<p>&emsp;&emsp;为做好今年暑期教师集中培训工作，经研究，决定在县教师发展中心举办暑期集中培训。现将实施方案印发给你们，请认真组织实施。</p>\n"
        "<h3>一、培训时间</h3>\n<p>2025年7月14日—2025年7月25日。</p>\n"
        "<h3>二、培训对象</h3>\n<p>全县义务教育阶段语文、数学、英语学科教师，共620人，分四期进行。</p>\n"
        "<h3>三、培训学时</h3>\n<p>每期集中培训5天，每位教师完成30学时。</p>\n"
        "<h3>四、分期安排</h3>\n"
        "<table><tr><th>期次</th><th>时间</th><th>学科</th><th>人数</th></tr>"
        "<tr><td>第一期</td><td>7月14日—7月18日</td><td rowspan=\"2\">语文</td><td>160</td></tr>"
        "<tr><td>第二期</td><td>7月14日—7月18日</td><td>150</td></tr>"
        "<tr><td>第三期</td><td>7月21日—7月25日</td><td>数学</td><td>170</td></tr>"
        "<tr><td>第四期</td><td>7月21日—7月25日</td><td>英语</td><td>140</td></tr></table>\n"
        "<h3>五、有关要求</h3>\n<ol><li>参训教师须按时报到，不得无故缺席。</li><li>培训期间食宿自理，交通费回原单位报销。</li></ol>\n"
        "<p style=\"text-align:right\">云溪县教师发展中心</p>\n<p style=\"text-align:right\">2025年6月30日</p>\n"
        "</body></html>\n")
    rid = f"rId{len(pkg.doc_rels) + 10}"
    pkg.doc_rels.append((rid, "aFChunk", "afchunk1.htm"))
    pkg.parts["word/afchunk1.htm"] = page.encode("utf-8")
    pkg.types.append(("/word/afchunk1.htm", "text/html"))
    pkg.add(para(run("云溪县2025年暑期中小学教师集中培训实施方案"), style="Title"), f'<w:altChunk r:id="{rid}"/>')
    return pkg.build(SECT_A4)


DOCUMENTS = {"wr-qingshui-bureau.docx": qingshui, "wr-hexi-wps.docx": hexi, "wr-lanshan-centre.docx": lanshan,
             "wr-xinghe-webpage.doc": xinghe, "wr-yunxi-platform.docx": yunxi}


def main(argv: list[str]) -> int:
    for name, make in DOCUMENTS.items():
        (HERE / name).write_bytes(make())
        print("wrote", name)
    if "--soffice" in argv:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print("LibreOffice not found: the .doc is not made", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            profile = Path(tmp) / "profile"
            # LibreOffice has no writer of its own for .wps: asked for one, it writes Word 97 under
            # that name (what WPS Office itself opens and saves as .wps)
            for source, fmt, target in (("wr-qingshui-bureau.docx", "doc:MS Word 97", "wr-qingshui-word97.doc"),
                                        ("wr-hexi-wps.docx", "wps:MS Word 97", "wr-hexi-saved.wps")):
                subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                                "--outdir", tmp, str(HERE / source)], check=True, capture_output=True, timeout=180)
                shutil.copyfile(Path(tmp) / (Path(source).stem + "." + fmt.split(":")[0]), HERE / target)
                print("wrote", target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
