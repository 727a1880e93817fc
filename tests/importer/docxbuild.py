"""Small synthetic .docx files for the importer's tests: paragraphs with styles, numbering
and runs, numbering definitions, styles carrying numbering, tables with merged cells and
header rows, and raw XML where a test needs something unusual.

    doc = Doc()
    doc.abstract(1, [Level(0, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）")])
    doc.num(1, 1)
    doc.para("指导思想", num=(1, 0))
    doc.table([["项目", Cell("学时", span=2)], ["a", "1", "2"]], header_rows=1)
    data = doc.bytes()           # the package, ready for read_docx(data)

Everything is written as WordprocessingML text; nothing here reads a document.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Optional, Sequence, Union
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')


def _a(v) -> str:
    return quoteattr(str(v))


@dataclass
class Run:
    """A run of text; ``xml`` replaces the text with raw run content (``<w:tab/>`` …)."""

    text: str = ""
    bold: Optional[bool] = None
    size: Optional[int] = None  # half-points
    font: Optional[str] = None  # eastAsia face; "minorEastAsia"/"majorEastAsia" → the theme's
    vanish: bool = False
    style: Optional[str] = None  # character style id
    xml: Optional[str] = None

    def render(self) -> str:
        props = []
        if self.style:
            props.append(f"<w:rStyle w:val={_a(self.style)}/>")
        if self.font:
            if self.font.endswith("EastAsia"):
                props.append(f"<w:rFonts w:eastAsiaTheme={_a(self.font)}/>")
            else:
                props.append(f"<w:rFonts w:ascii={_a(self.font)} w:eastAsia={_a(self.font)}/>")
        if self.bold is not None:
            props.append("<w:b/>" if self.bold else '<w:b w:val="0"/>')
        if self.vanish:
            props.append("<w:vanish/>")
        if self.size is not None:
            props.append(f"<w:sz w:val={_a(self.size)}/>")
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        content = self.xml if self.xml is not None else f'<w:t xml:space="preserve">{escape(self.text)}</w:t>'
        return f"<w:r>{rpr}{content}</w:r>"


RunLike = Union[str, Run]


def paragraph_xml(*runs: RunLike, style: Optional[str] = None, num: Optional[tuple] = None,
                  align: Optional[str] = None, outline: Optional[int] = None, page_break_before: bool = False,
                  ppr: str = "", inner: str = "") -> str:
    """One w:p; ``num`` is (numId, ilvl) or (numId, None) for a numPr without a level;
    ``ppr`` is raw XML added to w:pPr, ``inner`` raw XML after the runs."""
    props = []
    if style:
        props.append(f"<w:pStyle w:val={_a(style)}/>")
    if page_break_before:
        props.append("<w:pageBreakBefore/>")
    if num is not None:
        nid, ilvl = num
        lvl = f"<w:ilvl w:val={_a(ilvl)}/>" if ilvl is not None else ""
        props.append(f"<w:numPr>{lvl}<w:numId w:val={_a(nid)}/></w:numPr>")
    if outline is not None:
        props.append(f"<w:outlineLvl w:val={_a(outline)}/>")
    if align:
        props.append(f"<w:jc w:val={_a(align)}/>")
    props.append(ppr)
    body = "".join(r.render() if isinstance(r, Run) else Run(r).render() for r in runs)
    p = "".join(props)
    return f"<w:p>{'<w:pPr>' + p + '</w:pPr>' if p else ''}{body}{inner}</w:p>"


@dataclass
class Cell:
    """A table cell: text (lines become paragraphs) or raw paragraphs' XML; spans and merges."""

    text: str = ""
    span: int = 1
    vmerge: Optional[str] = None  # "restart", "continue"
    xml: Optional[str] = None

    def render(self) -> str:
        props = [f'<w:tcW w:w="{1500 * self.span}" w:type="dxa"/>']
        if self.span > 1:
            props.append(f"<w:gridSpan w:val={_a(self.span)}/>")
        if self.vmerge == "restart":
            props.append('<w:vMerge w:val="restart"/>')
        elif self.vmerge == "continue":
            props.append("<w:vMerge/>")
        tcpr = f"<w:tcPr>{''.join(props)}</w:tcPr>" if props else ""
        content = self.xml if self.xml is not None else "".join(paragraph_xml(line) for line in self.text.split("\n"))
        return f"<w:tc>{tcpr}{content}</w:tc>"


def table_xml(rows: Sequence[Sequence[Union[str, Cell]]], header_rows: int = 0, grid_before: Optional[dict] = None,
              cols: Optional[int] = None) -> str:
    """A w:tbl; ``grid_before`` maps a row index to its w:gridBefore."""
    grid_before = grid_before or {}
    n = cols or max((sum(c.span if isinstance(c, Cell) else 1 for c in r) + grid_before.get(i, 0)
                     for i, r in enumerate(rows)), default=1)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{1500 * n}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>']
    out.extend('<w:gridCol w:w="1500"/>' for _ in range(n))
    out.append("</w:tblGrid>")
    for i, row in enumerate(rows):
        trpr = []
        if i in grid_before:
            trpr.append(f"<w:gridBefore w:val={_a(grid_before[i])}/>")
        if i < header_rows:
            trpr.append("<w:tblHeader/>")
        out.append("<w:tr>" + (f"<w:trPr>{''.join(trpr)}</w:trPr>" if trpr else ""))
        out.extend((c if isinstance(c, Cell) else Cell(c)).render() for c in row)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


@dataclass
class Level:
    ilvl: int
    fmt: str = "decimal"
    text: str = "%1."
    start: Optional[int] = 1
    restart: Optional[int] = None
    legal: bool = False
    pstyle: Optional[str] = None

    def render(self) -> str:
        parts = [f"<w:lvl w:ilvl={_a(self.ilvl)}>"]
        if self.start is not None:
            parts.append(f"<w:start w:val={_a(self.start)}/>")
        parts.append(f"<w:numFmt w:val={_a(self.fmt)}/>")
        if self.restart is not None:
            parts.append(f"<w:lvlRestart w:val={_a(self.restart)}/>")
        if self.pstyle:
            parts.append(f"<w:pStyle w:val={_a(self.pstyle)}/>")
        if self.legal:
            parts.append("<w:isLgl/>")
        parts.append(f"<w:lvlText w:val={_a(self.text)}/><w:lvlJc w:val=\"left\"/></w:lvl>")
        return "".join(parts)


@dataclass
class Style:
    sid: str
    name: str
    type: str = "paragraph"
    based_on: Optional[str] = None
    num: Optional[tuple] = None  # (numId, ilvl or None)
    outline: Optional[int] = None
    bold: Optional[bool] = None
    size: Optional[int] = None
    font: Optional[str] = None
    align: Optional[str] = None
    default: bool = False
    vanish: bool = False

    def render(self) -> str:
        out = [f"<w:style w:type={_a(self.type)} w:styleId={_a(self.sid)}" + (' w:default="1"' if self.default else "") + ">"]
        out.append(f"<w:name w:val={_a(self.name)}/>")
        if self.based_on:
            out.append(f"<w:basedOn w:val={_a(self.based_on)}/>")
        ppr = []
        if self.num is not None:
            nid, ilvl = self.num
            lvl = f"<w:ilvl w:val={_a(ilvl)}/>" if ilvl is not None else ""
            ppr.append(f"<w:numPr>{lvl}<w:numId w:val={_a(nid)}/></w:numPr>")
        if self.outline is not None:
            ppr.append(f"<w:outlineLvl w:val={_a(self.outline)}/>")
        if self.align:
            ppr.append(f"<w:jc w:val={_a(self.align)}/>")
        if ppr and self.type == "paragraph":
            out.append(f"<w:pPr>{''.join(ppr)}</w:pPr>")
        rpr = Run(bold=self.bold, size=self.size, font=self.font, vanish=self.vanish).render()
        rpr = rpr[len("<w:r>"):rpr.index("<w:t")]
        out.append(rpr)
        out.append("</w:style>")
        return "".join(out)


@dataclass
class Doc:
    """A document being built; :meth:`bytes` gives the .docx package."""

    body: list[str] = field(default_factory=list)
    styles: list[Style] = field(default_factory=list)
    abstracts: list[str] = field(default_factory=list)
    nums: list[str] = field(default_factory=list)
    default_font: Optional[str] = None  # docDefaults eastAsia face (or minorEastAsia)
    default_size: Optional[int] = None
    theme_ea: Optional[tuple] = None  # (major ea face, minor ea face): writes a theme part
    main_part: str = "word/document.xml"
    extra_parts: dict = field(default_factory=dict)

    def para(self, *runs: RunLike, **kw) -> "Doc":
        self.body.append(paragraph_xml(*runs, **kw))
        return self

    def table(self, rows, **kw) -> "Doc":
        self.body.append(table_xml(rows, **kw))
        return self

    def raw(self, xml: str) -> "Doc":
        self.body.append(xml)
        return self

    def style(self, sid: str, name: Optional[str] = None, **kw) -> "Doc":
        self.styles.append(Style(sid, name or sid, **kw))
        return self

    def abstract(self, aid: int, levels: Sequence[Level], raw: str = "") -> "Doc":
        self.abstracts.append(f"<w:abstractNum w:abstractNumId={_a(aid)}>{raw}{''.join(l.render() for l in levels)}</w:abstractNum>")
        return self

    def num(self, nid: int, aid: int, starts: Optional[dict] = None, raw: str = "") -> "Doc":
        """A w:num; ``starts`` maps an ilvl to its startOverride."""
        over = "".join(f"<w:lvlOverride w:ilvl={_a(il)}><w:startOverride w:val={_a(s)}/></w:lvlOverride>"
                       for il, s in (starts or {}).items())
        self.nums.append(f"<w:num w:numId={_a(nid)}><w:abstractNumId w:val={_a(aid)}/>{over}{raw}</w:num>")
        return self

    def document_xml(self) -> str:
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NSDECL}><w:body>'
                + "".join(self.body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')

    def styles_xml(self) -> str:
        rpr = []
        if self.default_font:
            if self.default_font.endswith("EastAsia"):
                rpr.append(f"<w:rFonts w:eastAsiaTheme={_a(self.default_font)}/>")
            else:
                rpr.append(f"<w:rFonts w:eastAsia={_a(self.default_font)}/>")
        if self.default_size:
            rpr.append(f"<w:sz w:val={_a(self.default_size)}/>")
        defaults = f"<w:docDefaults><w:rPrDefault><w:rPr>{''.join(rpr)}</w:rPr></w:rPrDefault></w:docDefaults>"
        styles = self.styles if any(s.default for s in self.styles) else [Style("Normal", "Normal", default=True), *self.styles]
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NSDECL}>{defaults}'
                + "".join(s.render() for s in styles) + "</w:styles>")

    def numbering_xml(self) -> str:
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NSDECL}>'
                + "".join(self.abstracts) + "".join(self.nums) + "</w:numbering>")

    def theme_xml(self) -> str:
        major, minor = self.theme_ea or ("", "")
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t"><a:themeElements>'
                f'<a:fontScheme name="f"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface={_a(major)}/>'
                '<a:cs typeface=""/><a:font script="Hans" typeface="黑体"/></a:majorFont>'
                f'<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface={_a(minor)}/><a:cs typeface=""/>'
                '<a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')

    def parts(self) -> dict[str, bytes]:
        folder, _, leaf = self.main_part.rpartition("/")
        rels = [("styles", "styles.xml"), ("numbering", "numbering.xml")]
        if self.theme_ea is not None:
            rels.append(("theme", "theme/theme1.xml"))
        prefix = folder + "/" if folder else ""
        out = {
            "[Content_Types].xml": ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    '<Default Extension="xml" ContentType="application/xml"/>'
                                    f'<Override PartName="/{self.main_part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                                    "</Types>").encode(),
            "_rels/.rels": ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{self.main_part}"/></Relationships>').encode(),
            self.main_part: self.document_xml().encode(),
            f"{prefix}_rels/{leaf}.rels": ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                           + "".join(f'<Relationship Id="rId{i + 10}" Type="{REL}/{kind}" Target="{target}"/>'
                                                     for i, (kind, target) in enumerate(rels))
                                           + "</Relationships>").encode(),
            f"{prefix}styles.xml": self.styles_xml().encode(),
            f"{prefix}numbering.xml": self.numbering_xml().encode(),
        }
        if self.theme_ea is not None:
            out[f"{prefix}theme/theme1.xml"] = self.theme_xml().encode()
        for name, data in self.extra_parts.items():
            out[name] = data if isinstance(data, bytes) else data.encode()
        return out

    def bytes(self) -> bytes:
        return zip_bytes(self.parts())


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()
