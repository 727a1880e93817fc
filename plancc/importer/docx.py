"""Reading a Word document into a :class:`~plancc.importer.source.SourceDoc`.

The package is read with :mod:`zipfile` and each part with a locked-down lxml parser
(no DTD, no entities, no network, libxml2's depth limit): the main part is found
through the package relationships, styles, numbering and theme through the main
part's. Every part is read with a cap on its decompressed bytes and on the bytes of
the whole package (:class:`ReadLimits`), whatever the zip declares, so that a zip
bomb stops at the cap.

What the body becomes, and the decisions behind it:

* Paragraphs and tables in body order; content controls (``w:sdt``), custom XML and
  the chosen branch of ``mc:AlternateContent`` are looked through; a content control
  still showing its placeholder (a template's prompt) is no text. What drawings show as
  text becomes paragraphs after the paragraph they are anchored in, as it is seen on the
  page: text boxes (``w:txbxContent``), VML WordArt's words (the red 版头 of older
  templates), SmartArt's nodes (from its data part; each SmartArt once), an Excel
  worksheet pasted as an object (its embedded .xlsx read as a table by
  plancc.importer.xlsxsheet; an embedded .xls is a picture). Pictures and charts have no
  text here.
* Text is what a reader sees: runs (also in hyperlinks, smart tags, inserted and
  moved-to revisions, simple fields, ruby bases), ``w:tab``/``w:ptab`` as a tab,
  a line break (``w:br`` without a type, ``w:cr``) as ``"\\n"`` in paragraphs and cells
  alike (a title typed as two lines with Shift+Enter keeps its two lines), ``w:sym`` as
  its character, a non-breaking hyphen as ``-``. A symbol font's glyph (Wingdings,
  Wingdings 2, Symbol: a ``w:sym``, or private-use characters U+F020–U+F0FF typed in the
  font, as WPS writes bullets) becomes the Unicode character that looks the same
  (``●``, ``➢``, ``•``, ``☑`` …); one without a known look-alike is kept as it is.
  Left out: deleted and moved-from revisions, field instructions (only a field's
  displayed result is kept), hidden text (``w:vanish``, on the run or its styles), soft
  hyphens, page and column breaks (they move the page count instead), footnote marks,
  comments (only their anchors are in the body), headers and footers (never read).
* The document as its tracked changes would be accepted: a paragraph whose mark is a
  tracked deletion joins the next paragraph (an emptied one is gone, and is not counted
  by its list).
* Tables of contents and indexes (the results of TOC, INDEX and TOA fields) are left out:
  Word builds them from the headings, they are no text of their own; the “目录” heading
  before one (style TOC Heading, or the words alone) goes with it.
* Imported chunks (``w:altChunk``: the way document generators put a web page, text or
  another Word document into a .docx; Word shows it in its place) are read in their place:
  a web page by plancc.importer.htmlchunk, a Word document by this reader (its own chunks
  not followed, its parts counted against this document's limits), text a paragraph a line;
  an RTF chunk is not read. Each chunk once.
* Footnotes and endnotes: each note's paragraphs follow the paragraph citing it (in a
  table cell, they are lines of that cell), with :attr:`SPara.note` saying which kind; the
  mark is left out of the citing sentence, so that “72学时①，其中……” reads “72学时，其中……”.
  A note cited twice is placed once, at its first citation; references inside notes are
  not followed.
* Automatic numbering is resolved to its text in :attr:`SPara.number` (see
  :class:`_Numbering`); a bullet is not a number: ``number`` stays empty and
  ``num_format`` says ``bullet``.
* Tables are laid on their grid: ``gridSpan``/``hMerge`` widen a cell, ``vMerge``
  continues the cell above (text found in a continued cell is added to the merged
  cell, never lost), ``gridBefore`` shifts a row; rows whose cells are all empty and
  unmerged (what is left of a row split by a page break) are dropped; a table inside
  a cell is flattened into that cell's text, a row a line, its cells separated by tabs.
* Pages: counted from Word's rendered page breaks (``w:lastRenderedPageBreak``) and
  the explicit ones (page breaks, page break before, section breaks), one break
  counted once where Word writes both; a document with neither has no pages (None).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Optional, Union

from lxml import etree

from plancc.catalog import message
from plancc.errors import WordFileError
from plancc.importer.source import Place, SCell, SourceDoc, SPara, STable

MIB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """What reading one Word document may cost; a document beyond them is refused."""

    # size of the file on disk (images included: they are never decompressed)
    max_file_bytes: int = 512 * MIB
    # entries in the zip's directory
    max_entries: int = 20_000
    # one XML part, decompressed (a 1,000-page document.xml is about 30 MB)
    max_part_bytes: int = 128 * MIB
    # all the parts read, decompressed, together
    max_total_bytes: int = 256 * MIB
    # tables inside tables: read cell by cell down to this depth, deeper ones as their bare text
    # (libxml2's own depth limit stops a document long before recursion could)
    max_table_depth: int = 32


DEFAULT_READ_LIMITS = ReadLimits()

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main", A.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", M.encode()),
)


def _w(name: str) -> str:
    return "{%s}%s" % (W, name)


P, R, T, TBL, TR, TC, PPR, RPR, TCPR, TRPR = (_w(n) for n in ("p", "r", "t", "tbl", "tr", "tc", "pPr", "rPr", "tcPr", "trPr"))
SDT, SDTCONTENT, CUSTOMXML = _w("sdt"), _w("sdtContent"), _w("customXml")
VAL = _w("val")
ALT, CHOICE = "{%s}AlternateContent" % MC, "{%s}Choice" % MC
FALLBACK = "{%s}Fallback" % MC
TXBX = _w("txbxContent")
FLDSIMPLE = _w("fldSimple")
V_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
ALTCHUNK = _w("altChunk")
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
DGM_RELIDS = "{%s}relIds" % DGM
R_DM = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
W_OBJECT_EMBED = _w("objectEmbed")
FOOTNOTE_REF, ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
M_T = "{%s}t" % M
# containers of runs inside a paragraph whose content is seen
_INLINE = frozenset(_w(n) for n in ("hyperlink", "smartTag", "ins", "moveTo", "fldSimple", "customXml", "dir", "bdo"))
_INLINE_DROPPED = frozenset(_w(n) for n in ("del", "moveFrom"))
_MATH = frozenset("{%s}%s" % (M, n) for n in ("oMath", "oMathPara"))
_BLOCK_WRAPPERS = frozenset(_w(n) for n in ("customXml", "ins", "moveTo"))
_OFF = frozenset(("0", "false", "off", "none"))
_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
          "both": "both", "distribute": "both", "thaiDistribute": "both", "lowKashida": "both",
          "mediumKashida": "both", "highKashida": "both", "justify": "both"}


def _on(el) -> bool:
    """A toggle such as <w:b/>, <w:b w:val="0"/>."""
    v = el.get(VAL)
    return v is None or v.lower() not in _OFF


def _int(v: Optional[str]) -> Optional[int]:
    if v is None:
        return None
    try:
        return int(float(v))
    except ValueError:
        return None


# -- the package ---------------------------------------------------------------------------


class _Package:
    """The zip, read part by part under the limits; errors become WordFileError."""

    def __init__(self, zf: zipfile.ZipFile, shown: str, lang: str, limits: ReadLimits):
        self.zf, self.shown, self.lang, self.limits = zf, shown, lang, limits
        self.read_total = 0
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            self._too_large("entries", limits.max_entries, count=True)
        self.infos = {i.filename: i for i in infos}
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                                      dtd_validation=False, remove_comments=True, remove_pis=True, collect_ids=False)

    def fail(self, key: str, **kw) -> WordFileError:
        return WordFileError(message(key, self.lang, path=self.shown, **kw), key)

    def _too_large(self, what: str, limit: int, part: str = "", count: bool = False):
        from plancc.load.limits import readable_size

        words = message(f"import.read.too_large.{what}", self.lang, part=part)
        raise self.fail("import.read.too_large", what=words, limit=str(limit) if count else readable_size(limit))

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> Optional[bytes]:
        info = self.infos.get(name)
        if info is None:
            return None
        cap = self.limits.max_part_bytes
        if info.file_size > cap:
            self._too_large("part", cap, part=name)
        left = self.limits.max_total_bytes - self.read_total
        if info.file_size > left:
            self._too_large("total", self.limits.max_total_bytes)
        want = min(cap, left)
        try:
            with self.zf.open(info) as fh:
                data = fh.read(want + 1)  # what the zip declares may lie: never more than the cap
        except RuntimeError as exc:  # encrypted entry
            raise self.fail("import.read.encrypted") from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise self.fail("import.read.damaged", part=name) from exc
        except Exception as exc:  # zlib.error and the like from a damaged stream
            raise self.fail("import.read.damaged", part=name) from exc
        if len(data) > want:
            if want == cap:
                self._too_large("part", cap, part=name)
            self._too_large("total", self.limits.max_total_bytes)
        self.read_total += len(data)
        return data

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise self.fail("import.read.dtd", part=name)
        if b"purl.oclc.org/ooxml/" in data:  # Strict Open XML: the same vocabulary in other namespaces
            for old, new in _STRICT:
                data = data.replace(old, new)
        try:
            root = etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            if "depth" in str(exc).lower() or "huge" in str(exc).lower():
                raise self.fail("import.read.too_deep", part=name) from exc
            raise self.fail("import.read.damaged", part=name) from exc
        if root is None:
            raise self.fail("import.read.damaged", part=name)
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None:  # a DTD the byte scan missed (UTF-16 text)
            raise self.fail("import.read.dtd", part=name)
        return root

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(type's last word, id, target part) of a part's internal relationships."""
        folder, _, leaf = part.rpartition("/")
        name = f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels"
        root = self.xml(name)
        out = []
        if root is None:
            return out
        for rel in root:
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = _resolve(folder, rel.get("Target", ""))
            if target is not None:
                out.append((rel.get("Type", "").rstrip("/").rsplit("/", 1)[-1], rel.get("Id", ""), target))
        return out


def _resolve(folder: str, target: str) -> Optional[str]:
    """A relationship's target as a part name inside the package, or None outside it."""
    if not target:
        return None
    path = target.lstrip("/") if target.startswith("/") else (f"{folder}/{target}" if folder else target)
    parts: list[str] = []
    for piece in PurePosixPath(path).parts:
        if piece == "..":
            if not parts:
                return None
            parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)


# -- styles ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RunProps:
    bold: Optional[bool] = None
    size: Optional[int] = None
    font: Optional[str] = None
    vanish: Optional[bool] = None
    symbol: Optional[str] = None  # the symbol font (wingdings, symbol …) of its Latin text, "" for another face

    def over(self, other: "_RunProps") -> "_RunProps":
        """These properties with ``other``'s set ones on top."""
        return _RunProps(
            self.bold if other.bold is None else other.bold,
            self.size if other.size is None else other.size,
            self.font if other.font is None else other.font,
            self.vanish if other.vanish is None else other.vanish,
            self.symbol if other.symbol is None else other.symbol,
        )


_EMPTY_RUN = _RunProps()


@dataclass
class _ParaProps:
    outline: Optional[int] = None
    align: Optional[str] = None
    page_break_before: Optional[bool] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    run: _RunProps = field(default_factory=_RunProps)

    def over(self, other: "_ParaProps") -> "_ParaProps":
        return _ParaProps(
            self.outline if other.outline is None else other.outline,
            self.align if other.align is None else other.align,
            self.page_break_before if other.page_break_before is None else other.page_break_before,
            self.num_id if other.num_id is None else other.num_id,
            self.ilvl if other.ilvl is None and other.num_id is None else other.ilvl,
            self.run.over(other.run),
        )


class _Styles:
    """styles.xml and the theme's fonts: properties resolved along basedOn, cached."""

    def __init__(self, root, theme):
        self.fonts = _theme_fonts(theme)
        self.by_id: dict[str, tuple] = {}  # id → (type, name, basedOn, pPr, rPr)
        self.default_para: str = ""
        self.defaults = _ParaProps()
        self._para: dict[str, _ParaProps] = {}
        self._char: dict[str, _RunProps] = {}
        if root is None:
            return
        dd = root.find(_w("docDefaults"))
        if dd is not None:
            rpr = dd.find(f"{_w('rPrDefault')}/{RPR}")
            ppr = dd.find(f"{_w('pPrDefault')}/{PPR}")
            self.defaults = self.para_props(ppr, rpr)
        for st in root.iter(_w("style")):
            sid = st.get(_w("styleId")) or ""
            name_el = st.find(_w("name"))
            based = st.find(_w("basedOn"))
            kind = st.get(_w("type")) or "paragraph"
            self.by_id[sid] = (kind, name_el.get(VAL) if name_el is not None else sid,
                               based.get(VAL) if based is not None else None, st.find(PPR), st.find(RPR))
            if kind == "paragraph" and st.get(_w("default")) is not None and _on_attr(st.get(_w("default"))):
                self.default_para = sid

    def name(self, sid: str) -> str:
        found = self.by_id.get(sid)
        return found[1] if found else sid

    def font(self, rfonts) -> Optional[str]:
        face = rfonts.get(_w("eastAsia"))
        theme = rfonts.get(_w("eastAsiaTheme"))
        if theme:
            return self.fonts.get(theme) or face
        return face

    def run_props(self, rpr) -> _RunProps:
        if rpr is None:
            return _EMPTY_RUN
        bold = size = font = vanish = symbol = None
        for ch in rpr:
            tag = ch.tag
            if tag == _w("b"):
                bold = _on(ch)
            elif tag == _w("sz"):
                size = _int(ch.get(VAL))
            elif tag == _w("rFonts"):
                font = self.font(ch)
                latin = ch.get(_w("ascii")) or ch.get(_w("hAnsi"))
                if latin:
                    symbol = _symbol_font(latin) or ""
            elif tag == _w("vanish"):
                vanish = _on(ch)
        return _RunProps(bold, size, font, vanish, symbol)

    def para_props(self, ppr, rpr) -> _ParaProps:
        out = _ParaProps(run=self.run_props(rpr))
        if ppr is None:
            return out
        for ch in ppr:
            tag = ch.tag
            if tag == _w("outlineLvl"):
                lvl = _int(ch.get(VAL))
                out.outline = lvl if lvl is not None and 0 <= lvl < 9 else -1  # 9: body text
            elif tag == _w("jc"):
                out.align = _ALIGN.get(ch.get(VAL) or "", "")
            elif tag == _w("pageBreakBefore"):
                out.page_break_before = _on(ch)
            elif tag == _w("numPr"):
                nid, il = ch.find(_w("numId")), ch.find(_w("ilvl"))
                if nid is not None:
                    out.num_id = nid.get(VAL) or "0"
                if il is not None:
                    out.ilvl = _int(il.get(VAL))
        return out

    def para(self, sid: str) -> _ParaProps:
        """A paragraph style's properties, docDefaults and its basedOn chain under it."""
        found = self._para.get(sid)
        if found is None:
            chain = self._chain(sid)
            found = self.defaults
            for s in reversed(chain):
                _, _, _, ppr, rpr = self.by_id[s]
                found = found.over(self.para_props(ppr, rpr))
            self._para[sid] = found
        return found

    def char(self, sid: str) -> _RunProps:
        found = self._char.get(sid)
        if found is None:
            found = _RunProps()
            for s in reversed(self._chain(sid)):
                found = found.over(self.run_props(self.by_id[s][4]))
            self._char[sid] = found
        return found

    def _chain(self, sid: str) -> list[str]:
        chain: list[str] = []
        while sid in self.by_id and sid not in chain and len(chain) < 64:
            chain.append(sid)
            sid = self.by_id[sid][2] or ""
        return chain

    def style_num(self, sid: str) -> tuple[Optional[str], Optional[int], str]:
        """numId and ilvl the style (or the style it is based on) gives, and which style gave it."""
        for s in self._chain(sid):
            ppr = self.by_id[s][3]
            num = ppr.find(_w("numPr")) if ppr is not None else None
            if num is not None and num.find(_w("numId")) is not None:
                il = num.find(_w("ilvl"))
                return num.find(_w("numId")).get(VAL) or "0", _int(il.get(VAL)) if il is not None else None, s
        return None, None, ""


def _on_attr(v: Optional[str]) -> bool:
    return v is not None and v.lower() not in _OFF


def _theme_fonts(theme) -> dict[str, str]:
    """eastAsiaTheme values → the face the theme names (its ea face, else its Hans face)."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for which in ("major", "minor"):
        el = theme.find(f".//{{{A}}}{which}Font")
        if el is None:
            continue
        faces = {}
        for kind in ("latin", "ea", "cs"):
            f = el.find(f"{{{A}}}{kind}")
            faces[kind] = f.get("typeface", "") if f is not None else ""
        if not faces["ea"]:
            for f in el.findall(f"{{{A}}}font"):
                if f.get("script") == "Hans":
                    faces["ea"] = f.get("typeface", "")
        for suffix, kind in (("EastAsia", "ea"), ("HAnsi", "latin"), ("Ascii", "latin"), ("Bidi", "cs")):
            if faces[kind]:
                out[which + suffix] = faces[kind]
    return out


# -- numbering -------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 0
    fmt: str = "decimal"
    text: Optional[str] = None
    restart: Optional[int] = None
    legal: bool = False
    style: str = ""


def _level(el) -> _Level:
    lv = _Level()
    fmt_el = el.find(_w("numFmt"))
    if fmt_el is None:  # Word 2010's custom formats sit in mc:AlternateContent, the classic one in its Fallback
        for branch in (FALLBACK, CHOICE):
            fmt_el = el.find(f"{ALT}/{branch}/{_w('numFmt')}")
            if fmt_el is not None:
                break
    for ch in el:
        tag = ch.tag
        if tag == _w("start"):
            lv.start = _int(ch.get(VAL)) or 0
        elif tag == _w("lvlText"):
            lv.text = ch.get(VAL)
        elif tag == _w("lvlRestart"):
            lv.restart = _int(ch.get(VAL))
        elif tag == _w("isLgl"):
            lv.legal = _on(ch)
        elif tag == _w("pStyle"):
            lv.style = ch.get(VAL) or ""
        elif tag == _w("lvlPicBulletId"):
            lv.fmt = "bullet"
    if fmt_el is not None:
        lv.fmt = fmt_el.get(VAL) or "decimal"
        if lv.fmt == "custom":
            lv.fmt = "custom:" + (fmt_el.get(_w("format")) or "")
    return lv


class _Numbering:
    """numbering.xml, and the counters of the lists as the body goes by.

    Counters belong to an abstract list: two w:num of the same abstractNum continue
    each other, as in Word. A w:num with overrides (startOverride or a replaced
    lvl: Word's “restart numbering”) counts on its own, from its overridden start.
    """

    def __init__(self, root, styles: _Styles):
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_link: dict[str, str] = {}  # abstractNum with numStyleLink → the numbering style
        self.nums: dict[str, tuple[str, dict[int, _Level], bool]] = {}
        self.counters: dict[str, list[Optional[int]]] = {}
        if root is None:
            return
        for an in root.iter(_w("abstractNum")):
            aid = an.get(_w("abstractNumId")) or ""
            levels = {}
            for lvl in an.findall(_w("lvl")):
                il = _int(lvl.get(_w("ilvl")))
                if il is not None and 0 <= il < 9:
                    levels[il] = _level(lvl)
            self.abstract[aid] = levels
            link = an.find(_w("numStyleLink"))
            if link is not None and link.get(VAL):
                self.abstract_link[aid] = link.get(VAL)
        for num in root.iter(_w("num")):
            nid = num.get(_w("numId")) or ""
            ref = num.find(_w("abstractNumId"))
            aid = ref.get(VAL) if ref is not None else ""
            over: dict[int, _Level] = {}
            own = False
            for lo in num.findall(_w("lvlOverride")):
                il = _int(lo.get(_w("ilvl")))
                if il is None or not 0 <= il < 9:
                    continue
                base = self._levels(aid).get(il, _Level())
                lvl = lo.find(_w("lvl"))
                lv = _level(lvl) if lvl is not None else _Level(base.start, base.fmt, base.text, base.restart, base.legal, base.style)
                so = lo.find(_w("startOverride"))
                if so is not None:
                    lv.start = _int(so.get(VAL)) or 0
                over[il] = lv
                own = True
            self.nums[nid] = (aid, over, own)

    def _levels(self, aid: str, hops: int = 0) -> dict[int, _Level]:
        link = self.abstract_link.get(aid)
        if link and hops < 4:
            sid_num, _, _ = self.styles.style_num(link)
            target = self.nums.get(sid_num or "")
            if target and target[0] != aid:
                return self._levels(target[0], hops + 1)
        return self.abstract.get(aid, {})

    def number(self, num_id: Optional[str], ilvl: Optional[int], style_id: str) -> tuple[str, Optional[int], str]:
        """The paragraph's number, its level and the level's numFmt; counts it."""
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return "", None, ""
        aid, over, own = self.nums[num_id]
        base = self._levels(aid)
        if not base and not over:
            return "", None, ""
        if ilvl is None:  # numbering from a style: the level that names the style (or one it is based on)
            chain = self.styles._chain(style_id) if style_id else []
            ilvl = next((i for s in chain for i, lv in sorted(base.items()) if lv.style == s), 0)
        ilvl = min(max(ilvl, 0), 8)
        levels = [over.get(i) or base.get(i) or _Level() for i in range(9)]
        key = "n" + num_id if own else "a" + aid
        counts = self.counters.get(key)
        if counts is None:
            counts = self.counters[key] = [None] * 9
        counts[ilvl] = levels[ilvl].start if counts[ilvl] is None else counts[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, 9):
            r = levels[deeper].restart
            if r is None or r > deeper or r < 0:
                counts[deeper] = None
            elif r != 0 and ilvl < r:
                counts[deeper] = None
        lv = levels[ilvl]
        if lv.fmt == "bullet":
            return "", ilvl, "bullet"
        if lv.text is None:
            return "", ilvl, lv.fmt
        fmt_all = "decimal" if lv.legal else None

        def fill(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k > ilvl:
                return ""
            value = counts[k] if counts[k] is not None else levels[k].start
            return format_number(value, fmt_all or levels[k].fmt)  # type: ignore[arg-type]

        return re.sub(r"%([1-9])", fill, lv.text), ilvl, lv.fmt


def format_number(n: int, fmt: str) -> str:
    """One counter in a numFmt of Word's (unknown formats as decimal digits)."""
    from plancc.text import numerals as nm

    if fmt in ("decimal", "decimalHalfWidth", "ordinal", "cardinalText", "ordinalText", "arabicAbjad", "arabicAlpha"):
        return str(n)
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt in ("chineseCounting", "taiwaneseCounting", "japaneseCounting", "koreanCounting"):
        return nm.cn_counting(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return nm.cn_number(n)
    if fmt in ("ideographDigital", "taiwaneseDigital"):  # digit by digit: 10 → 一〇
        return nm.cn_digits(n) if n >= 0 else str(n)
    if fmt == "chineseLegalSimplified":
        return nm.cn_legal(n)
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return nm.cn_legal(n, traditional=True)
    if fmt == "ideographTraditional":
        return nm.heavenly_stem(n)
    if fmt == "ideographZodiac":
        return nm.earthly_branch(n)
    if fmt == "ideographZodiacTraditional":
        return nm.sexagenary(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return nm.circled(n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return nm.fullwidth_digits(n)
    if fmt == "upperLetter":
        return nm.latin_letter(n, True)
    if fmt == "lowerLetter":
        return nm.latin_letter(n, False)
    if fmt == "upperRoman":
        return nm.roman(n, True)
    if fmt == "lowerRoman":
        return nm.roman(n, False)
    if fmt.startswith("custom:"):  # "001, 002, 003, ...": zero-padded to the first example's width
        first = fmt[7:].split(",")[0].strip()
        if first.isdigit():
            return str(n).zfill(len(first))
        return str(n)
    return str(n)


# -- the body --------------------------------------------------------------------------------


class _Stats:
    __slots__ = ("chars", "all_bold", "sizes", "fonts")

    def __init__(self):
        self.chars = 0
        self.all_bold = True
        self.sizes: Counter = Counter()
        self.fonts: Counter = Counter()


class _Body:
    def __init__(self, styles: _Styles, numbering: _Numbering, limits: ReadLimits, use_fields: bool = True):
        self.styles, self.numbering, self.limits = styles, numbering, limits
        self.use_fields = use_fields  # False: a field left open hid the rest; read again showing everything
        self.blocks: list = []
        self.pages: list[int] = []  # page of each block, parallel to blocks
        self.n_para = 0
        self.n_table = 0
        self.page = 1
        self.pending = False  # an explicit page break not yet followed by text
        self.any_break = False
        self.first_page: Optional[int] = None  # page of the current paragraph's first text
        self.instr = 0  # open fields in their instruction part
        self.hide = 0  # open fields in the result of a generated table (TOC, INDEX): not body text
        self.fields: list[int] = []  # open complex fields, innermost last: _F_* states
        self.instr_text = ""  # the first characters of the innermost field's instruction
        self.hid_text = False  # the current paragraph had text inside such a result
        self._run_cache: dict[tuple, _RunProps] = {}
        self.notes: dict[str, dict[str, object]] = {}  # "footnote"/"endnote" → w:id → the note's element
        self.notes_done: set[tuple[str, str]] = set()
        self.cited: list[tuple[str, str]] = []  # notes cited by the current paragraph, in order
        self.in_note = False
        # a SmartArt's data part's relationship id → the part and its lines
        self.diagram: Optional[Callable[[str], tuple[str, list[str]]]] = None
        self.diagrams_done: set = set()
        # an altChunk's relationship id → its part and what it holds (strings, tables, paragraphs)
        self.chunk: Optional[Callable[[str], tuple[str, list]]] = None
        self.chunks_done: set = set()
        # an embedded worksheet's relationship id → its part and its table (None: not readable)
        self.sheet: Optional[Callable[[str], tuple[str, object]]] = None

    # pages
    def hard_break(self) -> None:
        self.pending = self.any_break = True

    def rendered_break(self) -> None:
        self.page += 1
        self.pending = False
        self.any_break = True

    def _seen_text(self) -> None:
        if self.pending:
            self.page += 1
            self.pending = False
        if self.first_page is None:
            self.first_page = self.page

    # blocks
    def blocks_of(self, container, sink: Optional[list], depth: int) -> None:
        """Paragraphs and tables of a body, cell or text box; to the document (sink None)
        or as lines of text to ``sink``."""
        carry: list[str] = []  # text of paragraphs whose mark was deleted (tracked): they join the next paragraph
        for ch in container:
            tag = ch.tag
            if tag == P:
                self.paragraph(ch, sink, depth, carry)
                continue
            if carry and (tag in (TBL, SDT, ALT) or tag in _BLOCK_WRAPPERS):
                self._flush(carry, sink)
            if tag == TBL:
                self.table(ch, sink, depth)
            elif tag == SDT:
                content = _sdt_content(ch)
                if content is not None:
                    self.blocks_of(content, sink, depth)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks_of(ch, sink, depth)
            elif tag == ALT:
                choice = _branch(ch)
                if choice is not None:
                    self.blocks_of(choice, sink, depth)
            elif tag == ALTCHUNK:
                self._flush(carry, sink)
                self._chunk(ch.get(R_ID) or "", sink)
        self._flush(carry, sink)

    def _table_item(self, item, sink: Optional[list]) -> None:
        """A table read elsewhere (a chunk's, an embedded worksheet's): a table of the document,
        or in a cell its rows as lines."""
        if sink is not None:
            by_row: dict[int, list[str]] = {}
            for c in item.cells:
                by_row.setdefault(c.row, []).append(c.text)
            sink.extend("\t".join(by_row[r]) for r in sorted(by_row))
            return
        self.n_table += 1
        self.blocks.append(STable(cells=[SCell(c.text, c.row, c.col, c.rowspan, c.colspan) for c in item.cells],
                                  place=Place(table=self.n_table), n_rows=item.n_rows, n_cols=item.n_cols,
                                  header_rows=item.header_rows))
        self.pages.append(self.page)

    def _chunk(self, rid: str, sink: Optional[list]) -> None:
        """An imported chunk (w:altChunk: a web page, text or a Word document Word shows in its
        place): its paragraphs and tables here, each chunk once."""
        if self.chunk is None:
            return
        target, items = self.chunk(rid)
        if not target or target in self.chunks_done:
            return
        self.chunks_done.add(target)
        from plancc.importer.htmlchunk import HtmlPara, HtmlTable

        for item in items:
            if isinstance(item, HtmlPara):
                if sink is not None:
                    sink.append(item.number + item.text)
                    continue
                item = SPara(text=item.text, place=Place(), number=item.number, num_level=item.level, num_format=item.fmt,
                             align=item.align, outline_level=item.outline)  # type: ignore[arg-type]
            if isinstance(item, (HtmlTable, STable)):
                self._table_item(item, sink)
            elif isinstance(item, SPara):
                if sink is not None:
                    sink.append(item.number + item.text)
                    continue
                if not item.note:
                    self.n_para += 1
                from dataclasses import replace

                self.blocks.append(replace(item, place=Place(paragraph=max(self.n_para, 1))))
                self.pages.append(self.page)
            elif item:
                self._flush([item], sink)

    def _flush(self, carry: list[str], sink: Optional[list]) -> None:
        """A joined paragraph's text with nothing left to join: a paragraph of its own, never lost."""
        text = "".join(carry)
        carry.clear()
        if text:
            if sink is None:
                self.n_para += 1
                self.blocks.append(SPara(text=text, place=Place(paragraph=self.n_para)))
                self.pages.append(self.page)
            else:
                sink.append(text)

    def paragraph(self, p, sink: Optional[list], depth: int, carry: Optional[list[str]] = None) -> None:
        """Reads one w:p. Its text goes to ``carry`` when its mark was deleted (tracked), for the
        next paragraph, which begins with what ``carry`` holds."""
        styles = self.styles
        ppr = p.find(PPR)
        sid = ""
        direct = None
        if ppr is not None:
            ps = ppr.find(_w("pStyle"))
            sid = ps.get(VAL) or "" if ps is not None else ""
            direct = styles.para_props(ppr, None)
        sid = sid or styles.default_para
        props = styles.para(sid)
        if direct is not None:
            props = props.over(direct)
        if props.page_break_before:
            self.hard_break()
        self.first_page = None
        stats = _Stats()
        parts: list[str] = []
        boxes: list = []
        hide_before, self.hid_text = self.hide, False
        cited_before = len(self.cited)
        self.inline(p, parts, stats, props.run, boxes)
        text = "".join(parts)
        if not text and not boxes and (hide_before or self.hide or self.hid_text):
            # a line of a table of contents (or an index): Word generates it from the headings
            if sink is None and not self.in_note and not carry:
                self._drop_toc_heading()
            self._notes(sink, depth, cited_before, self.n_para)
            self._section_break(ppr)
            return
        if ppr is not None and carry is not None and _mark_deleted(ppr):
            # the paragraph mark is a tracked deletion: in the document as accepted, this text
            # begins the next paragraph (and an emptied paragraph is gone)
            if text:
                carry.append(text)
            self._boxes(boxes, sink, depth)
            self._notes(sink, depth, cited_before, self.n_para)
            self._section_break(ppr)
            return
        if carry:
            text = "".join(carry) + text
            carry.clear()
        number, level, fmt = self.numbering.number(props.num_id, props.ilvl, sid)
        page = self.first_page if self.first_page is not None else self.page + (1 if self.pending else 0)
        if sink is None:
            self.n_para += 1
            size = stats.sizes.most_common(1)[0][0] if stats.sizes else props.run.size
            font = stats.fonts.most_common(1)[0][0] if stats.fonts else props.run.font
            outline = props.outline if props.outline is not None and props.outline >= 0 else None
            self.blocks.append(SPara(
                text=text, place=Place(paragraph=self.n_para), number=number, num_level=level, num_format=fmt,
                style=styles.name(sid) if sid else "", outline_level=outline, align=props.align or "",  # type: ignore[arg-type]
                bold=stats.chars > 0 and stats.all_bold, size=size, font=font or "",
                page_break_before=bool(props.page_break_before),
            ))
            self.pages.append(page)
        else:
            sink.append(number + text)
        at = self.n_para
        self._boxes(boxes, sink, depth)
        self._notes(sink, depth, cited_before, at)
        self._section_break(ppr)

    def _boxes(self, boxes: list, sink: Optional[list], depth: int) -> None:
        """The text a paragraph's drawings show, after it: text boxes' paragraphs, WordArt's words,
        SmartArt's lines (each SmartArt once, however many drawings name it)."""
        for box in boxes:
            if isinstance(box, str):
                self._flush([box], sink)
            elif isinstance(box, tuple) and box[0] == "sheet":
                if self.sheet is None:
                    continue
                target, table = self.sheet(box[1])
                if table is None or target in self.diagrams_done:
                    continue
                self.diagrams_done.add(target)
                self._table_item(table, sink)
            elif isinstance(box, tuple):
                if self.diagram is None:
                    continue
                target, lines = self.diagram(box[1])
                if target in self.diagrams_done:
                    continue
                self.diagrams_done.add(target)
                for line in lines:
                    self._flush([line], sink)
            else:
                self.blocks_of(box, sink, depth)

    def _section_break(self, ppr) -> None:
        if ppr is not None:
            sect = ppr.find(_w("sectPr"))
            if sect is not None:
                kind = sect.find(_w("type"))
                if kind is None or kind.get(VAL) in (None, "nextPage", "oddPage", "evenPage"):
                    self.hard_break()

    def _drop_toc_heading(self) -> None:
        """The heading of a table of contents (“目录”, style TOC Heading) goes with its lines."""
        if not self.blocks or not isinstance(self.blocks[-1], SPara):
            return
        last = self.blocks[-1]
        if last.style.lower() in ("toc heading", "tocheading") or _TOC_WORDS.match(last.text):
            self.blocks.pop()
            self.pages.pop()
            self.n_para -= 1

    def _notes(self, sink: Optional[list], depth: int, start: int, at: int) -> None:
        """Footnotes and endnotes a paragraph cites: their paragraphs after it (a cell's, in that
        cell), each note once, where the reference is (its mark left out of the sentence). They
        take the citing paragraph's number ``at``: the body's paragraphs keep their numbers."""
        cited = self.cited[start:]
        del self.cited[start:]
        for kind, nid in cited:
            if (kind, nid) in self.notes_done:
                continue
            self.notes_done.add((kind, nid))
            note = self.notes.get(kind, {}).get(nid)
            if note is None:
                continue
            saved = (self.instr, self.hide, self.fields, self.page, self.pending, self.first_page)
            self.instr, self.hide, self.fields, self.in_note = 0, 0, [], True
            lines: list[str] = []
            try:
                self.blocks_of(note, lines, depth + 1)
            finally:
                self.instr, self.hide, self.fields, self.page, self.pending, self.first_page = saved
                self.in_note = False
            for line in lines:
                line = line.strip()
                if not line:
                    continue
                if sink is None:
                    self.blocks.append(SPara(text=line, place=Place(paragraph=max(at, 1)), style=kind + " text", note=kind))
                    self.pages.append(self.page)
                else:
                    sink.append(line)

    def inline(self, el, out: list, stats: _Stats, base: _RunProps, boxes: list) -> None:
        for ch in el:
            tag = ch.tag
            if tag == R:
                self.run(ch, out, stats, base, boxes)
            elif tag == FLDSIMPLE and _generated(ch.get(_w("instr")) or ""):
                self.hid_text = True
            elif tag in _INLINE:
                self.inline(ch, out, stats, base, boxes)
            elif tag == SDT:
                content = _sdt_content(ch)
                if content is not None:
                    self.inline(content, out, stats, base, boxes)
            elif tag in _INLINE_DROPPED:
                continue
            elif tag in _MATH:
                if self.instr == 0 and self.hide == 0:
                    text = "".join(t.text or "" for t in ch.iter(M_T))
                    if text:
                        self._seen_text()
                        out.append(text)
            elif tag == ALT:
                choice = _branch(ch)
                if choice is not None:
                    self.inline(choice, out, stats, base, boxes)

    def _field_char(self, kind: Optional[str]) -> str:
        """A complex field's begin/separate/end: its instruction is never text, its result is,
        unless the field generates a table of its own (TOC, INDEX): then neither is. An EQ
        field has no result: what it draws (an enclosed character) is returned at its end."""
        if kind == "begin":
            self.fields.append(_F_INSTR)
            self.instr_text = ""
            self.instr += 1
        elif kind == "separate":
            state = self.fields[-1] if self.fields else _F_RESULT
            if state < _F_RESULT:
                generated = state == _F_INSTR_GEN or (state == _F_INSTR and _generated(self.instr_text))
                self.fields[-1] = _F_RESULT_GEN if generated else _F_RESULT
                self.instr -= 1
                self.hide += generated
        elif kind == "end" and self.fields:
            state = self.fields.pop()
            if state < _F_RESULT:
                self.instr -= 1
                shown = _equation(self.instr_text) if state == _F_INSTR else ""
                self.instr_text = ""
                return shown
            elif state == _F_RESULT_GEN:
                self.hide -= 1
        return ""

    def _props(self, r, base: _RunProps) -> _RunProps:
        rpr = r.find(RPR)
        if rpr is None:
            return base
        rs = rpr.find(_w("rStyle"))
        props = base
        if rs is not None:
            key = (base, rs.get(VAL))
            props = self._run_cache.get(key)  # type: ignore[assignment]
            if props is None:
                props = self._run_cache[key] = base.over(self.styles.char(rs.get(VAL) or ""))
        if len(rpr) > (rs is not None):
            props = props.over(self.styles.run_props(rpr))
        return props

    def run(self, r, out: list, stats: _Stats, base: _RunProps, boxes: list) -> None:
        props = self._props(r, base)
        hidden = bool(props.vanish)
        start = len(out)
        for ch in r:
            tag = ch.tag
            if tag == T:
                if ch.text and not hidden:
                    if self.instr == 0 and self.hide == 0:
                        self._seen_text()
                        out.append(_symbols(ch.text, props.symbol) if _PUA.search(ch.text) else ch.text)
                    elif self.hide:
                        self.hid_text = True
            elif tag == _w("tab") or tag == _w("ptab"):
                if not hidden and self.instr == 0 and self.hide == 0:
                    out.append("\t")
            elif tag == _w("br"):
                kind = ch.get(_w("type"))
                if kind == "page":
                    self.hard_break()
                elif kind != "column" and not hidden and self.instr == 0 and self.hide == 0:
                    out.append("\n")
            elif tag == _w("cr"):
                if not hidden and self.instr == 0 and self.hide == 0:
                    out.append("\n")
            elif tag == _w("lastRenderedPageBreak"):
                self.rendered_break()
            elif tag == _w("fldChar") and self.use_fields:
                shown = self._field_char(ch.get(_w("fldCharType")))
                if shown and not hidden and self.instr == 0 and self.hide == 0:
                    self._seen_text()
                    out.append(shown)
            elif tag == _w("instrText"):
                if self.fields and self.fields[-1] == _F_INSTR and ch.text and len(self.instr_text) < 256:
                    self.instr_text += ch.text[:256]
                    words = self.instr_text.split()
                    if (len(words) > 1 or (words and self.instr_text[-1:].isspace())) and words[0].upper() != "EQ":
                        # its first word is complete (an EQ field's whole instruction is its text)
                        self.fields[-1] = _F_INSTR_GEN if _generated(self.instr_text) else _F_INSTR_OTHER
            elif tag == _w("sym"):
                code = ch.get(_w("char")) or ""
                if not hidden and self.instr == 0 and self.hide == 0:
                    try:
                        c = chr(int(code, 16))
                    except (ValueError, OverflowError):
                        continue
                    # a symbol font's glyph (Wingdings “F06C”, or “006C” with the font named): its Unicode look-alike
                    font = _symbol_font(ch.get(_w("font")) or "")
                    if font and 0x20 <= ord(c) < 0x100:
                        c = chr(0xF000 + ord(c))
                    out.append(_symbols(c, font or props.symbol) if _PUA.match(c) else c)
                    self._seen_text()
            elif tag == _w("noBreakHyphen"):
                if not hidden and self.instr == 0 and self.hide == 0:
                    out.append("-")
            elif tag == _w("ruby"):
                rb = ch.find(_w("rubyBase"))
                if rb is not None:
                    self.inline(rb, out, stats, props, boxes)
            elif tag in (_w("drawing"), _w("pict"), _w("object"), ALT):
                boxes.extend(_text_boxes(ch))
            elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
                if not self.in_note and not hidden and self.instr == 0 and self.hide == 0 and len(self.cited) < 10_000:
                    self.cited.append(("footnote" if tag == FOOTNOTE_REF else "endnote", ch.get(_w("id")) or ""))
        if len(out) > start and not hidden:
            n = sum(len(s) - s.count(" ") - s.count("\t") - s.count("\n") for s in out[start:])
            if n:
                stats.chars += n
                if not props.bold:
                    stats.all_bold = False
                if props.size is not None:
                    stats.sizes[props.size] += n
                if props.font:
                    stats.fonts[props.font] += n

    # tables
    def table(self, tbl, sink: Optional[list], depth: int) -> None:
        if depth > self.limits.max_table_depth and sink is not None:
            sink.append("".join(t.text or "" for t in tbl.iter(T)))
            return
        page = self.page + (1 if self.pending else 0)
        rows = []  # (header, [(col, span, vmerge, text)])
        for tr in _children(tbl, TR):
            trpr = tr.find(TRPR)
            header, before = False, 0
            if trpr is not None:
                if trpr.find(_w("del")) is not None:
                    continue  # a row deleted with revisions on
                h = trpr.find(_w("tblHeader"))
                header = h is not None and _on(h)
                gb = trpr.find(_w("gridBefore"))
                before = max(0, min(_int(gb.get(VAL)) or 0, 63)) if gb is not None else 0
            col = before
            cells = []
            for tc in _children(tr, TC):
                tcpr = tc.find(TCPR)
                span, vmerge, hmerge = 1, None, None
                if tcpr is not None:
                    gs = tcpr.find(_w("gridSpan"))
                    if gs is not None:
                        span = max(1, min(_int(gs.get(VAL)) or 1, 64))
                    vm = tcpr.find(_w("vMerge"))
                    if vm is not None:
                        vmerge = "restart" if vm.get(VAL) == "restart" else "continue"
                    hm = tcpr.find(_w("hMerge"))
                    if hm is not None:
                        hmerge = "restart" if hm.get(VAL) == "restart" else "continue"
                lines: list[str] = []
                self.blocks_of(tc, lines, depth + 1)
                text = "\n".join(lines)
                if hmerge == "continue" and cells:
                    c0, s0, v0, t0 = cells[-1]
                    cells[-1] = (c0, s0 + span, v0, t0 + ("\n" + text if text.strip() else ""))
                else:
                    cells.append((col, span, vmerge, text))
                col += span
            if not cells or (all(not c[3].strip() for c in cells) and all(c[2] is None for c in cells)):
                continue  # an empty row: what a page break leaves of a row
            rows.append((header, cells))
        if sink is not None or depth >= 1:
            # a table inside a cell (or a text box in one): its rows as lines of the cell
            target = sink if sink is not None else []
            for _, cells in rows:
                target.append("\t".join(c[3] for c in cells if c[2] != "continue" or c[3].strip()))
            return
        out: list[SCell] = []
        above: dict[int, SCell] = {}
        n_cols = 0
        for r, (_, cells) in enumerate(rows):
            here: dict[int, SCell] = {}
            for col, span, vmerge, text in cells:
                up = above.get(col)
                if vmerge == "continue" and up is not None and up.col == col:
                    up.rowspan = r - up.row + 1
                    if text.strip():
                        up.text = up.text + "\n" + text if up.text else text
                    cell = up
                else:
                    cell = SCell(text=text, row=r, col=col, colspan=span)
                    out.append(cell)
                for k in range(col, col + span):
                    here[k] = cell
                n_cols = max(n_cols, col + span)
            above = here
        header_rows = 0
        for header, _ in rows:
            if not header:
                break
            header_rows += 1
        self.n_table += 1
        self.blocks.append(STable(cells=out, place=Place(table=self.n_table), n_rows=len(rows), n_cols=n_cols,
                                  header_rows=header_rows))
        self.pages.append(page)


def _children(el, tag: str):
    """Rows of a table, cells of a row: also those wrapped in content controls or custom XML."""
    for ch in el:
        if ch.tag == tag:
            yield ch
        elif ch.tag == SDT:
            content = _sdt_content(ch)
            if content is not None:
                yield from _children(content, tag)
        elif ch.tag in _BLOCK_WRAPPERS:
            yield from _children(ch, tag)


def _sdt_content(sdt):
    """A content control's content, None while it shows its placeholder (“单击或点击此处输入文字。”):
    the prompt of a template, no text of the document's."""
    pr = sdt.find(_w("sdtPr"))
    if pr is not None:
        ph = pr.find(_w("showingPlcHdr"))
        if ph is not None and _on(ph):
            return None
    return sdt.find(SDTCONTENT)


def _branch(alt):
    """The branch of mc:AlternateContent to read: the first Choice (what Word shows), else the Fallback."""
    for ch in alt:
        if ch.tag in (CHOICE, FALLBACK):
            return ch
    return None


def _text_boxes(el) -> list:
    """What a drawing shows as text, in order: its text boxes (w:txbxContent not inside another),
    the words of VML WordArt (a string), SmartArt (("diagram", its data part's id)); one branch of
    mc:AlternateContent."""
    found = []
    stack = [el]
    while stack:
        node = stack.pop()
        if node.tag == ALT:
            branch = _branch(node)
            if branch is not None:
                stack.append(branch)
            continue
        for ch in reversed(node):
            if not isinstance(ch.tag, str):
                continue
            if ch.tag == TXBX:
                found.append(ch)
            elif ch.tag == V_TEXTPATH:
                words = ch.get("string")
                if words and words.strip():
                    found.append(words)
            elif ch.tag == DGM_RELIDS:
                found.append(("diagram", ch.get(R_DM) or ""))
            elif ch.tag == O_OLE or ch.tag == W_OBJECT_EMBED:
                prog = ch.get("ProgID") or ch.get(_w("progId")) or ""
                if prog.lower().startswith("excel.sheet"):
                    found.append(("sheet", ch.get(R_ID) or ""))
            else:
                stack.append(ch)
    return found


def _diagram_lines(root) -> list[str]:
    """The text of a SmartArt's data model: its nodes' (and assistants') paragraphs, in order."""
    lines: list[str] = []
    if root is None:
        return lines
    for pt in root.iter("{%s}pt" % DGM):
        if (pt.get("type") or "node") not in ("node", "asst"):
            continue  # the document, connections and presentation points carry no text of their own
        t = pt.find("{%s}t" % DGM)
        if t is None:
            continue
        for para in t.iter("{%s}p" % A):
            text = "".join(x.text or "" for x in para.iter("{%s}t" % A))
            if text.strip():
                lines.append(text)
    return lines


# states of an open complex field: in its instruction (kind not yet known, generating a table
# of its own, another kind), in its result, in the result of a generated table
_F_INSTR, _F_INSTR_GEN, _F_INSTR_OTHER, _F_RESULT, _F_RESULT_GEN = range(5)


def _generated(instr: str) -> bool:
    """Fields whose result Word builds from the document itself: a table of contents, an index."""
    word = instr.strip().split(None, 1)[0].upper() if instr.strip() else ""
    return word in ("TOC", "INDEX", "TOA")


_EQ_ENCLOSED = re.compile(r"^\s*eq\s+\\o\s*\\ac\s*\((?P<args>.*)\)\s*$", re.I | re.S)
_EQ_RAISED = re.compile(r"\\s\s*\\(?:up|do)\s*-?\d*\s*\((?P<t>[^()]*)\)", re.I)
_ENCLOSURES = "○◯〇□△◇"


def _equation(instr: str) -> str:
    """The character an EQ field draws for Word's 带圈字符 (“eq \\o\\ac(○,1)”, the digits
    possibly raised with \\s\\up): a circled number as ①…⑳ (then “(21)”, as plancc writes
    them), another enclosed text as the text itself; "" for any other equation."""
    m = _EQ_ENCLOSED.match(instr)
    if m is None:
        return ""
    args = [_EQ_RAISED.sub(lambda r: r.group("t"), a).strip() for a in m.group("args").split(",")]
    if len(args) != 2:
        return ""
    frame, text = (args[0], args[1]) if len(args[0]) == 1 and args[0] in _ENCLOSURES else (args[1], args[0])
    if len(frame) != 1 or frame not in _ENCLOSURES or not text or "\\" in text or len(text) > 4:
        return ""
    if frame in "○◯〇" and text.isdigit() and text.isascii():
        from plancc.text import numerals as nm

        return nm.circled(int(text))
    return text


_TOC_WORDS = re.compile(r"^[\s\u3000]*(?:目[\s\u3000]*录|目[\s\u3000]*次|(?:table\s+of\s+)?contents)[\s\u3000]*$", re.I)


def _mark_deleted(ppr) -> bool:
    """Whether the paragraph mark is a tracked deletion (or moved away)."""
    rpr = ppr.find(RPR)
    return rpr is not None and (rpr.find(_w("del")) is not None or rpr.find(_w("moveFrom")) is not None)


# symbol fonts put their glyphs at U+F020–U+F0FF (a w:sym, or text typed in the font):
# the Unicode characters that look the same, for the glyphs documents use as bullets and marks
_PUA = re.compile("[\uf020-\uf0ff]")
_WINGDINGS = {0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x72: "❒", 0x74: "⧫", 0x75: "◆", 0x76: "❖",
              0x77: "⬥", 0x78: "⌧", 0x9F: "•", 0xA1: "○", 0xA4: "◉", 0xA7: "▪", 0xA8: "◻", 0xD8: "➢", 0xE8: "➔",
              0xF0: "⇨", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"}
_WINGDINGS2 = {0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x53: "☒", 0x97: "●", 0xA3: "□"}
_SYMBOL = {0xB7: "•", 0xA8: "♦", 0xA7: "♣", 0xA9: "♥", 0xAA: "♠", 0xAC: "←", 0xAE: "→", 0xAD: "↑", 0xAF: "↓",
           0xDE: "⇒", 0xDB: "⇔", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xA3: "≤", 0xB4: "×", 0xB8: "÷", 0xB9: "≠",
           0xBB: "≈", 0xD6: "√", 0xA5: "∞", 0x2D: "−", 0x2A: "∗",
           **{0x41 + i: g for i, g in enumerate("ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")},
           **{0x61 + i: g for i, g in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")}}
_SYMBOL_TABLES = {"wingdings": _WINGDINGS, "wingdings2": _WINGDINGS2, "symbol": _SYMBOL}


def _symbol_font(name: str) -> Optional[str]:
    n = name.strip().lower().replace(" ", "")
    if n.startswith("wingdings2"):
        return "wingdings2"
    if n.startswith("wingdings"):
        return "wingdings"
    if n == "symbol":
        return "symbol"
    if n.startswith("webdings"):
        return "webdings"
    return None


def _symbols(text: str, font: Optional[str]) -> str:
    """Private-use glyphs of a symbol font as their look-alikes; an unknown one is kept as it is.
    Without a named font the glyph is read as Wingdings' (the bullets WPS and Word write)."""
    table = _SYMBOL_TABLES.get(font or "wingdings", {})

    def one(m: re.Match) -> str:
        c = m.group(0)
        low = ord(c) - 0xF000
        if font == "symbol" and low not in table and 0x20 <= low < 0x7F:
            return chr(low)  # digits and punctuation are themselves in Symbol
        return table.get(low, c)

    return _PUA.sub(one, text)


# -- entry points ----------------------------------------------------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

Source = Union[str, os.PathLike, bytes, bytearray]


def read_docx(source: Source, *, shown: str = "", lang: str = "zh", limits: ReadLimits = DEFAULT_READ_LIMITS) -> SourceDoc:
    """A .docx (a path or its bytes) as a SourceDoc; raises WordFileError when it cannot be read."""
    if isinstance(source, (bytes, bytearray)):
        shown = shown or "document.docx"
        if len(source) > limits.max_file_bytes:
            _raise_large(shown, lang, limits.max_file_bytes)
        handle: object = io.BytesIO(bytes(source))
    else:
        shown = shown or str(source)
        handle = os.fspath(source)
    try:
        zf = zipfile.ZipFile(handle)  # type: ignore[arg-type]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
        raise WordFileError(message("import.read.not_word", lang, path=shown), "import.read.not_word") from exc
    except OSError as exc:
        from plancc.errors import describe_os_error

        raise WordFileError(message("import.read.os", lang, path=shown, why=describe_os_error(exc, lang)), "import.read.os") from exc
    with zf:
        pkg = _Package(zf, shown, lang, limits)
        return _read_package(pkg, shown)


def _inner_package(pkg: _Package, target: str, data: bytes):
    """A package inside the package (a Word chunk, an embedded workbook), read under what is left
    of the document's budget; the caller adds what it read (``.read_total``) to ``pkg``."""
    from dataclasses import replace

    left = max(1, pkg.limits.max_total_bytes - pkg.read_total)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
        raise pkg.fail("import.read.damaged", part=target) from exc
    return zf, _Package(zf, pkg.shown, pkg.lang, replace(pkg.limits, max_total_bytes=left))


def _sheet(pkg: _Package, target: str):
    """An embedded Excel workbook's active sheet as a table (plancc.importer.xlsxsheet); None for
    an embedded .xls or anything else."""
    data = pkg.read(target)
    if not data or sniff(data[:512]) != "zip":
        return None
    from plancc.importer.xlsxsheet import sheet_table

    zf, inner = _inner_package(pkg, target, data)
    with zf:
        try:
            table = sheet_table(inner)
        finally:
            pkg.read_total += inner.read_total
    return table


def _chunk_items(pkg: _Package, target: str) -> list:
    """What an altChunk part holds, by its bytes: a Word document (its paragraphs and tables; its
    own chunks not followed), a web page or MHTML (plancc.importer.htmlchunk), plain text (a
    paragraph a line). An RTF chunk is not read (it needs LibreOffice)."""
    data = pkg.read(target)
    if not data:
        return []
    kind = sniff(data[:512])
    if kind == "zip":
        zf, inner = _inner_package(pkg, target, data)
        with zf:
            try:
                blocks = _read_package(inner, pkg.shown, follow_chunks=False).blocks
            finally:
                pkg.read_total += inner.read_total  # what the chunk's parts took counts for the whole document
        return list(blocks)
    if kind in ("rtf", "ole"):
        return []
    from plancc.importer.convert import _decode_page, _mhtml_page
    from plancc.importer.htmlchunk import html_items

    if kind == "mht":
        data = _mhtml_page(data)
        kind = "html"
    text = _decode_page(data)
    if kind == "html" or re.search(r"<(?:html|body|p|div|table)\b", text[:4096], re.I):
        return html_items(text)
    return [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def _read_package(pkg: _Package, shown: str, follow_chunks: bool = True) -> SourceDoc:
    """The package's body; ``follow_chunks`` False leaves imported chunks (w:altChunk) unread:
    a chunk's own chunks are not followed."""
    main = None
    for kind, _, target in pkg.rels(""):
        if kind == "officeDocument" and pkg.has(target):
            main = target
            break
    if main is None and pkg.has("word/document.xml"):
        main = "word/document.xml"
    if main is None:
        raise pkg.fail("import.read.not_docx_zip")
    related: dict[str, str] = {}
    for kind, _, target in pkg.rels(main):
        related.setdefault(kind, target)
    droot = pkg.xml(main)
    if droot.tag != _w("document"):
        raise pkg.fail("import.read.not_docx_zip")
    theme = pkg.xml(related["theme"]) if "theme" in related else None
    styles = _Styles(pkg.xml(related["styles"]) if "styles" in related else None, theme)
    numbering = _Numbering(pkg.xml(related["numbering"]) if "numbering" in related else None, styles)
    root = droot.find(_w("body"))
    notes = {kind: _notes(pkg.xml(related[kind + "s"])) for kind in ("footnote", "endnote") if kind + "s" in related}
    diagrams = {rid: target for kind, rid, target in pkg.rels(main) if kind == "diagramData"}

    read_diagrams: dict[str, list[str]] = {}

    def diagram(rid: str) -> tuple[str, list[str]]:
        target = diagrams.get(rid, "")
        if target and target not in read_diagrams:  # once, however often the document is read
            read_diagrams[target] = _diagram_lines(pkg.xml(target))
        return target, read_diagrams.get(target, [])

    chunks = {rid: target for kind, rid, target in pkg.rels(main) if kind == "aFChunk"} if follow_chunks else {}
    read_chunks: dict[str, list] = {}

    def chunk(rid: str) -> tuple[str, list]:
        target = chunks.get(rid, "")
        if target and target not in read_chunks:
            read_chunks[target] = _chunk_items(pkg, target)
        return target, read_chunks.get(target, [])

    embedded = {rid: target for kind, rid, target in pkg.rels(main) if kind in ("package", "oleObject")}
    read_sheets: dict[str, object] = {}

    def sheet(rid: str) -> tuple[str, object]:
        target = embedded.get(rid, "")
        if target and target not in read_sheets:
            read_sheets[target] = _sheet(pkg, target)
        return target, read_sheets.get(target)

    body = _Body(styles, numbering, pkg.limits)
    body.notes, body.diagram, body.chunk, body.sheet = notes, diagram, chunk, sheet
    if root is not None:
        body.blocks_of(root, None, 0)
        if body.instr or body.hide:  # a field begun and never ended would hide the rest of the document
            numbering.counters.clear()
            body = _Body(styles, numbering, pkg.limits, use_fields=False)
            body.notes, body.diagram, body.chunk, body.sheet = notes, diagram, chunk, sheet
            body.blocks_of(root, None, 0)
    if body.any_break:
        from dataclasses import replace

        for i, block in enumerate(body.blocks):
            block.place = replace(block.place, page=body.pages[i])
    return SourceDoc(blocks=body.blocks, path=shown)


def _notes(root) -> dict[str, object]:
    """footnotes.xml / endnotes.xml: w:id → the note (Word's separators left out)."""
    out: dict[str, object] = {}
    if root is None:
        return out
    for note in root:
        if not isinstance(note.tag, str) or note.tag not in (_w("footnote"), _w("endnote")):
            continue
        if (note.get(_w("type")) or "normal") != "normal":
            continue  # separator, continuationSeparator, continuationNotice
        out.setdefault(note.get(_w("id")) or "", note)
    return out


def _raise_large(shown: str, lang: str, limit: int):
    from plancc.load.limits import readable_size

    what = message("import.read.too_large.file", lang, part="")
    raise WordFileError(message("import.read.too_large", lang, path=shown, what=what, limit=readable_size(limit)),
                        "import.read.too_large")


def sniff(head: bytes) -> str:
    """What the first bytes say a file is: "zip", "ole" (.doc, .wps, an encrypted .docx), "rtf",
    "mht" (a single-file web page), "wordxml" (Word 2003 XML), "html" (a web page called a Word
    file), or ""."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: looked at as ASCII
        head = head[2:].decode("utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be", "ignore").encode("ascii", "ignore")
    low = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if low.startswith(b"mime-version:") or (low.startswith((b"from:", b"subject:", b"date:", b"content-"))
                                            and b"multipart/related" in low):
        return "mht"
    if b"<?mso-application" in low and b"word.document" in low and b"wordDocument".lower() in low:
        return "wordxml"
    if low.startswith((b"<!doctype html", b"<html")) or (low.startswith((b"<?xml", b"<!--", b"<!doctype")) and b"<html" in low):
        return "html"
    return ""


def read_document(path: Union[str, os.PathLike], *, lang: str = "zh", limits: ReadLimits = DEFAULT_READ_LIMITS,
                  convert_timeout: Optional[float] = None) -> SourceDoc:
    """Any Word document the user names: a .docx read directly whatever its name, a .doc,
    .wps, .rtf or OpenDocument text converted by LibreOffice first (plancc.importer.convert)."""
    shown = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise WordFileError(message("import.read.missing", lang, path=shown), "import.read.missing") from exc
    except OSError as exc:
        from plancc.errors import describe_os_error

        raise WordFileError(message("import.read.os", lang, path=shown, why=describe_os_error(exc, lang)), "import.read.os") from exc
    import stat as _stat

    if not _stat.S_ISREG(st.st_mode):
        raise WordFileError(message("import.read.not_word", lang, path=shown), "import.read.not_word")
    if st.st_size > limits.max_file_bytes:
        _raise_large(shown, lang, limits.max_file_bytes)
    try:
        with open(p, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        from plancc.errors import describe_os_error

        raise WordFileError(message("import.read.os", lang, path=shown, why=describe_os_error(exc, lang)), "import.read.os") from exc
    kind = sniff(head)
    if kind == "ole" and _is_encrypted_package(p):
        raise WordFileError(message("import.read.encrypted", lang, path=shown), "import.read.encrypted")
    if kind == "zip":
        try:
            return read_docx(p, shown=shown, lang=lang, limits=limits)
        except WordFileError as exc:
            if exc.key != "import.read.not_docx_zip" or not _is_opendocument(p):
                raise
    elif kind not in ("ole", "rtf", "html", "mht", "wordxml"):
        raise WordFileError(message("import.read.not_word", lang, path=shown), "import.read.not_word")
    from plancc.importer import convert

    data = convert.to_docx(p, lang=lang, timeout=convert_timeout, max_bytes=limits.max_file_bytes)
    doc = read_docx(data, shown=shown, lang=lang, limits=limits)
    doc.converted_from = p.suffix.lower() or "." + kind
    return doc


_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _is_encrypted_package(path: Path) -> bool:
    """A .docx with an open password is an OLE file holding an "EncryptedPackage" stream."""
    try:
        with open(path, "rb") as fh:
            return _ENCRYPTED_STREAM in fh.read(64 * MIB)
    except OSError:
        return False


def _is_opendocument(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("mimetype")
            if info.file_size > 200:
                return False
            return zf.read(info).startswith(b"application/vnd.oasis.opendocument.text")
    except Exception:
        return False
