"""The .docx emitter, checked by reading the package back against the profile."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from plancc.emit import ooxml as ox
from plancc.emit.docx import EmitError, render_docx, style_ids
from plancc.emit.readback import check_against_profile, read_docx
from plancc.layout import ir
from plancc.layout.columns import scale_widths
from plancc.layout.profile import load_profile

from .conftest import C, Col, P, R, rich_document

W = ox.W_NS
NS = {"w": W}


def _xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


# ---------------------------------------------------------------- page, grid, footers


def test_page_is_a4_with_gongwen_margins_and_line_grid(rich_facts) -> None:
    f = rich_facts
    assert (f.page_width, f.page_height, f.orientation) == (11906, 16838, "portrait")
    assert {k: f.margins[k] for k in ("top", "bottom", "left", "right")} == {
        "top": 2098, "bottom": 1984, "left": 1587, "right": 1474,
    }
    assert f.margins["footer"] == 1400
    assert (f.grid_type, f.line_pitch) == ("lines", 579)


def test_odd_and_even_footers_carry_page_fields(rich_facts) -> None:
    f = rich_facts
    assert f.even_and_odd is True
    kinds = {x.kind: x for x in f.footers}
    assert set(kinds) == {"default", "even"}
    odd, even = kinds["default"], kinds["even"]
    assert (odd.align, odd.indent_right, odd.indent_left) == ("right", 280, 0)
    assert (even.align, even.indent_left, even.indent_right) == ("left", 280, 0)
    for x in (odd, even):
        assert x.has_page_field
        assert x.text == "\u2014 {PAGE} \u2014" and x.em_dashes == 2
        assert x.style == "plancc 页码"


def test_footer_field_is_a_complete_complex_field(rich_docx: bytes) -> None:
    ftr = _xml(rich_docx, "word/footer1.xml")
    kinds = [e.get(f"{{{W}}}fldCharType") for e in ftr.iter(f"{{{W}}}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert [e.text.strip() for e in ftr.iter(f"{{{W}}}instrText")] == ["PAGE"]


# ---------------------------------------------------------------- styles and fonts


def test_whole_document_conforms_to_profile(rich_facts, profile) -> None:
    assert check_against_profile(rich_facts, profile) == []


def test_every_used_style_has_east_asian_fonts_and_no_theme_fonts(rich_facts) -> None:
    f = rich_facts
    assert f.theme_font_refs == []
    assert f.doc_defaults is not None and f.doc_defaults.east_asia == "仿宋_GB2312"
    assert f.doc_defaults.east_asia_lang == "zh-CN"
    assert len(f.styles) >= 15
    for name, s in f.styles.items():
        assert s.east_asia, name
        assert s.ascii and s.h_ansi, name
        assert s.theme_fonts == [], name
        assert s.east_asia_lang == "zh-CN", name


def test_black_only(rich_facts, rich_docx: bytes) -> None:
    assert rich_facts.non_black_colors == []
    for s in rich_facts.styles.values():
        assert (s.color or "000000").upper() == "000000"
    styles = _xml(rich_docx, "word/styles.xml")
    assert not styles.xpath("//w:color[@w:themeColor]", namespaces=NS)


def test_expected_style_looks(rich_facts) -> None:
    s = rich_facts.styles
    assert (s["Title"].east_asia, s["Title"].size, s["Title"].align, s["Title"].bold) == ("方正小标宋简体", 44, "center", False)
    assert (s["Normal"].first_line, s["Normal"].line, s["Normal"].line_rule, s["Normal"].char_spacing) == (640, 579, "exact", -5)
    assert s["heading 1"].east_asia == "黑体"
    assert s["heading 2"].east_asia == "楷体_GB2312"
    assert s["heading 3"].east_asia == "仿宋_GB2312" and s["heading 3"].bold is False
    assert s["plancc 成文日期"].indent_right == 1280 and s["plancc 成文日期"].align == "right"
    cell = s["plancc 表格文字"]
    assert (cell.size, cell.first_line, cell.snap_to_grid, cell.line_rule, cell.char_spacing) == (28, 0, False, "auto", 0)
    assert s["plancc 表头"].east_asia == "黑体"
    assert s["plancc 正文字符"].type == "character" and s["plancc 正文字符"].bold is False


def test_template_is_reset(rich_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(rich_docx)) as z:
        names = z.namelist()
        blob = b"".join(z.read(n) for n in names if n.endswith((".xml", ".rels")) and "theme" not in n)
    assert not any("stylesWithEffects" in n or "customXml" in n or "thumbnail" in n or "numbering" in n for n in names)
    assert b"ja-JP" not in blob
    assert b"w:rsid" not in blob
    assert b"12240" not in blob  # US Letter width
    assert b'w:after="200"' not in blob and b'w:line="276"' not in blob
    styles = _xml(rich_docx, "word/styles.xml")
    names_ = styles.xpath("//w:style/w:name/@w:val", namespaces=NS)
    assert "List Bullet" not in names_ and "Intense Quote" not in names_
    assert {"Normal", "Title", "Subtitle", "heading 1", "heading 2", "heading 3", "heading 4", "caption"} <= set(names_)


def test_schema_order_of_properties(rich_facts) -> None:
    assert rich_facts.out_of_order == []


def test_put_inserts_in_schema_order() -> None:
    ppr = ox.el("w:pPr")
    for tag in ("w:jc", "w:ind", "w:pStyle", "w:spacing", "w:keepNext", "w:snapToGrid", "w:outlineLvl"):
        ox.put_new(ppr, tag)
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "keepNext", "snapToGrid", "spacing", "ind", "jc", "outlineLvl"]
    rpr = ox.el("w:rPr")
    for tag in ("w:lang", "w:sz", "w:rFonts", "w:color", "w:b", "w:spacing", "w:rStyle"):
        ox.put_new(rpr, tag)
    assert [etree.QName(c).localname for c in rpr] == ["rStyle", "rFonts", "b", "color", "spacing", "sz", "lang"]
    ox.put_new(rpr, "w:sz", val=24)  # replaces, does not duplicate
    assert len(rpr.findall(ox.qn("w:sz"))) == 1


# ---------------------------------------------------------------- paragraphs


def test_paragraph_texts_with_literal_numbers_in_order(rich_facts) -> None:
    paras = rich_facts.paragraphs
    texts = [t for _, t in paras]
    order = ["某某县2025年中小学教师", "全员培训实施方案", "某某县教师发展中心", "各中小学、幼儿园：", "一、指导思想",
             "（一）培训对象", "1.新教师。入职三年内的教师参加规范化培训。", "（1）学时要求", "①每年不少于72学时；",
             "二、培训安排", "表1  分层培训安排", "附件：1.课程目录", "2025年1月6日", "附件1", "课程目录", "表2  课程目录"]
    pos = [texts.index(t) for t in order]
    assert pos == sorted(pos)
    by_text = dict((t, s) for s, t in paras)
    assert by_text["某某县2025年中小学教师"] == "Title" and by_text["全员培训实施方案"] == "Title"
    assert by_text["某某县教师发展中心"] in ("Subtitle", "plancc 落款")
    assert by_text["一、指导思想"] == "heading 1"
    assert by_text["（一）培训对象"] == "heading 2"
    assert by_text["（1）学时要求"] == "heading 4"
    assert by_text["①每年不少于72学时；"] == "plancc 列项"
    assert by_text["附件1"] == "plancc 附件标识"
    assert by_text["2025年1月6日"] == "plancc 成文日期"
    assert by_text["表1  分层培训安排"] == "caption"


def test_number_is_first_run_and_run_in_text_uses_body_character_style(rich_docx: bytes, profile) -> None:
    doc = _xml(rich_docx, "word/document.xml")
    ids = style_ids(profile)
    h3 = [p for p in doc.iter(f"{{{W}}}p") if p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == [ids["heading3"]]][0]
    runs = h3.findall("w:r", NS)
    assert runs[0].findtext("w:t", namespaces=NS) == "1."
    assert runs[0].find("w:rPr", NS) is None  # the number keeps the heading's own font
    assert runs[2].xpath("w:rPr/w:rStyle/@w:val", namespaces=NS) == [ids["body_run"]]
    # keep_with_next and page breaks are direct paragraph properties
    assert doc.xpath("count(//w:p[w:pPr/w:pageBreakBefore])", namespaces=NS) == 1
    # bold run
    assert doc.xpath("count(//w:body/w:p/w:r[w:rPr/w:b])", namespaces=NS) >= 1


def test_python_docx_reads_the_output(rich_docx: bytes) -> None:
    import docx

    d = docx.Document(io.BytesIO(rich_docx))
    heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert heads[:4] == [("Heading 1", "一、指导思想"), ("Heading 2", "（一）培训对象"),
                         ("Heading 3", "1.新教师。入职三年内的教师参加规范化培训。"), ("Heading 4", "（1）学时要求")]
    assert d.sections[0].page_width == 11906 * 635  # EMU
    assert d.settings.odd_and_even_pages_header_footer is True
    assert len(d.tables) == 2


@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed")
def test_independent_reader_sees_the_text_in_order(rich_docx: bytes, tmp_path) -> None:
    src = tmp_path / "rich.docx"
    src.write_bytes(rich_docx)
    text = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(src)],
                          capture_output=True, check=True, timeout=120).stdout.decode("utf-8")
    pos = [text.find(t) for t in ("一、指导思想", "（一）培训对象", "1.新教师。", "（1）学时要求", "二、培训安排", "附件1")]
    assert -1 not in pos and pos == sorted(pos)


def test_text_edge_cases() -> None:
    doc = ir.Document(blocks=[P("body", [R("  前后空格 "), R("换\n行\t制表"), R("控制\x01字符\x0b")])])
    data = render_docx(doc, load_profile())
    body = _xml(data, "word/document.xml").find("w:body", NS)
    p = body.find("w:p", NS)
    assert p.xpath("w:r/w:t[@xml:space='preserve']/text()", namespaces={**NS, "xml": ox.XML_NS}) == ["  前后空格 "]
    assert len(p.findall("w:r/w:br", NS)) == 1 and len(p.findall("w:r/w:tab", NS)) == 1
    assert "".join(p.xpath(".//w:t/text()", namespaces=NS)).endswith("控制字符")


def test_unknown_paragraph_kind_is_an_error() -> None:
    with pytest.raises(EmitError):
        render_docx(ir.Document(blocks=[P("table_cell", [R("x")])]), load_profile())  # type: ignore[arg-type]


# ---------------------------------------------------------------- tables


def test_tables_have_header_rows_cant_split_and_exact_widths(rich_facts) -> None:
    merged, catalog = rich_facts.tables
    for t in (merged, catalog):
        assert sum(t.grid_widths) == 8844 and t.width == 8844 and t.layout == "fixed"
        assert all(t.cant_split)
        assert set(t.borders) == {"top", "left", "bottom", "right", "insideH", "insideV"}
        assert all(b == ("single", "4", "000000") for b in t.borders.values())
        assert t.cell_styles == {"plancc 表头", "plancc 表格文字"}
    assert merged.header_rows == 2 and merged.rows == 8
    assert merged.gridspans == 3  # header 培训安排, 全体教师, the empty 合计 span
    assert merged.vmerges == 7  # 1 + 1 in the header, 3 + 2 in the body
    assert catalog.rows == 3001 and catalog.header_rows == 1


def test_column_widths_follow_weights(rich_facts) -> None:
    merged = rich_facts.tables[0]
    assert merged.grid_widths == scale_widths([1.2, 1.0, 3.0, 0.8], 8844)
    assert merged.grid_widths[2] > 2 * merged.grid_widths[0]


def test_cells_carry_spans_merges_widths_and_alignment(rich_docx: bytes) -> None:
    doc = _xml(rich_docx, "word/document.xml")
    tbl = doc.find("w:body/w:tbl", NS)
    rows = tbl.findall("w:tr", NS)
    widths = [int(g.get(f"{{{W}}}w")) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    head = rows[0].findall("w:tc", NS)
    assert head[0].find("w:tcPr/w:vMerge", NS).get(f"{{{W}}}val") == "restart"
    assert head[1].find("w:tcPr/w:gridSpan", NS).get(f"{{{W}}}val") == "3"
    assert int(head[1].find("w:tcPr/w:tcW", NS).get(f"{{{W}}}w")) == sum(widths[1:])
    cont = rows[1].findall("w:tc", NS)[0]
    assert cont.find("w:tcPr/w:vMerge", NS).get(f"{{{W}}}val") is None  # continue
    assert cont.find("w:p/w:r", NS) is None  # covered cell: empty paragraph
    body_row = rows[2].findall("w:tc", NS)
    assert body_row[3].xpath("w:p/w:pPr/w:jc/@w:val", namespaces=NS) == ["right"]  # column align
    assert [t.text for t in rows[2].iter(f"{{{W}}}t")] == ["第一阶段", "新教师", "师德师风与教育法规", "12"]
    spaced = [t for t in rows[6].iter(f"{{{W}}}t") if t.text and "  " in t.text][0]
    assert spaced.get(f"{{{ox.XML_NS}}}space") == "preserve"
    # header rows: IR bold flags ignored by default (黑体 is the emphasis)
    assert not rows[0].xpath(".//w:rPr/w:b", namespaces=NS)
    # body bold kept
    assert rows[7].xpath(".//w:rPr/w:b", namespaces=NS)
    # tcPr children in schema order, trPr has cantSplit then tblHeader
    assert [etree.QName(c).localname for c in rows[0].find("w:trPr", NS)] == ["cantSplit", "tblHeader"]


def test_adjacent_and_final_tables_are_separated_by_paragraphs(profile) -> None:
    t = lambda: ir.Table(columns=[Col("a", 1000)], rows=[[C("1")]])  # noqa: E731
    data = render_docx(ir.Document(blocks=[t(), t()]), profile)
    body = _xml(data, "word/document.xml").find("w:body", NS)
    tags = [etree.QName(c).localname for c in body]
    assert tags == ["tbl", "p", "tbl", "p", "sectPr"]


def test_a_dense_table_takes_its_size_from_a_style_not_from_its_runs(profile) -> None:
    table = ir.Table(columns=[Col("a", 1000), Col("b", 1000)], rows=[[C("1", bold=True), C("2")]], font_size=24)
    data = render_docx(ir.Document(blocks=[table]), profile)
    body = _xml(data, "word/document.xml").find("w:body", NS)
    cells = body.findall(".//w:tc", NS)
    assert len(cells) == 4
    assert not list(body.iter(ox.qn("w:sz")))  # no run or paragraph mark carries a size
    used = {tc.find("w:p/w:pPr/w:pStyle", NS).get(ox.qn("w:val")) for tc in cells}
    ids = style_ids(profile)
    assert used == {ids["table_cell"] + "24", ids["table_header"] + "24"}
    styles = _xml(data, "word/styles.xml")
    for sid in used:
        [st] = styles.xpath(f"w:style[@w:styleId='{sid}']", namespaces=NS)
        assert st.xpath("w:rPr/w:sz/@w:val", namespaces=NS) == ["24"]
        assert st.xpath("w:basedOn/@w:val", namespaces=NS)[0] in (ids["table_cell"], ids["table_header"])
        assert st.xpath("w:name/@w:val", namespaces=NS)[0].endswith(" 小四")
    assert [m for m in check_against_profile(read_docx(data), profile) if "样式" in m] == []
    normal = ir.Table(columns=[Col("a", 1000)], rows=[[C("1")]])
    body = _xml(render_docx(ir.Document(blocks=[normal]), profile), "word/document.xml").find("w:body", NS)
    assert not list(body.iter(ox.qn("w:sz")))
    assert {p.get(ox.qn("w:val")) for p in body.iter(ox.qn("w:pStyle"))} >= {ids["table_cell"]}


def test_bad_rows_are_reported(profile) -> None:
    cols = [Col("a", 1000), Col("b", 1000)]
    with pytest.raises(EmitError, match="第 2 行"):
        render_docx(ir.Document(blocks=[ir.Table(columns=cols, rows=[[C("1"), C("2"), C("3")]], name="x")]), profile)
    with pytest.raises(EmitError, match="列"):
        render_docx(ir.Document(blocks=[ir.Table(columns=cols, rows=[[C("1", span=3)]])]), profile)
    with pytest.raises(EmitError, match="列宽"):
        render_docx(ir.Document(blocks=[ir.Table(columns=[Col("a", 0)], rows=[])]), profile)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
@settings(max_examples=60, deadline=None)
def test_any_text_gives_valid_xml(text) -> None:
    doc = ir.Document(blocks=[P("body", [R(text)]), ir.Table(columns=[Col("a", 1000), Col("b", 1000)], rows=[[C(text), C("x")]])])
    data = render_docx(doc, load_profile())
    root = _xml(data, "word/document.xml")
    assert root.find("w:body/w:tbl", NS) is not None


# ---------------------------------------------------------------- determinism, overrides


def test_two_renders_are_byte_identical(rich_ir, profile, rich_docx: bytes) -> None:
    assert render_docx(rich_ir, profile) == rich_docx


def test_package_metadata_is_fixed(rich_docx: bytes, rich_facts) -> None:
    with zipfile.ZipFile(io.BytesIO(rich_docx)) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
    core = rich_facts.core
    assert core["title"] == "某某县2025年中小学教师全员培训实施方案"
    assert core["creator"] == "某某县教师发展中心"
    assert core["created"] == core["modified"] == "2025-01-06T00:00:00Z"
    assert "lastModifiedBy" not in core and "revision" not in core


def test_empty_date_uses_fixed_epoch_and_bad_date_is_an_error(profile) -> None:
    a = render_docx(ir.Document(blocks=[P("body", [R("x")])]), profile)
    assert read_docx(a).core["created"] == "1980-01-01T00:00:00Z"
    with pytest.raises(EmitError, match="YYYY-MM-DD"):
        render_docx(ir.Document(date="2025/1/6"), profile)


def test_profile_overrides_change_the_output(rich_facts) -> None:
    prof = load_profile(overrides={"styles.heading3.bold": True, "styles.table_cell.size": 24})
    doc = rich_document(catalog_rows=5)
    facts = read_docx(render_docx(doc, prof))
    assert facts.styles["heading 3"].bold is True
    assert facts.styles["plancc 表格文字"].size == 24
    assert check_against_profile(facts, prof) == []
    # the run-in body text after a bold heading stays regular
    assert facts.styles["plancc 正文字符"].bold is False
    # and the default profile notices the difference
    problems = check_against_profile(facts, load_profile())
    assert any("heading 3" in p and "加粗" in p for p in problems)
    assert any("表格文字" in p and "字号" in p for p in problems)


def test_single_footer_when_odd_even_is_off() -> None:
    prof = load_profile(overrides={"page_number.even_and_odd": False})
    data = render_docx(rich_document(catalog_rows=0), prof)
    facts = read_docx(data)
    assert facts.even_and_odd is False
    assert [f.kind for f in facts.footers] == ["default"]
    assert check_against_profile(facts, prof) == []
    assert b"evenAndOddHeaders" not in zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml")


def test_check_reports_tampering(rich_docx: bytes, profile) -> None:
    """A document edited behind the emitter's back (theme font, blue text, wrong margin) is caught."""
    src = zipfile.ZipFile(io.BytesIO(rich_docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/styles.xml":
                data = data.replace(b'w:val="000000"', b'w:val="2F5496"', 1)
                data = data.replace(b'w:eastAsia="\xe9\xbb\x91\xe4\xbd\x93"', b'w:eastAsiaTheme="minorEastAsia"', 1)
            if name == "word/document.xml":
                data = re.sub(rb'w:top="2098"', b'w:top="1440"', data)
            dst.writestr(name, data)
    problems = check_against_profile(read_docx(out.getvalue()), profile)
    text = "\n".join(problems)
    assert "页边距 top" in text
    assert "主题字体" in text
    assert "2F5496" in text


def test_renamed_body_style_is_still_the_default_paragraph_style() -> None:
    prof = load_profile(overrides={"styles.body.name": "公文正文"})
    data = render_docx(rich_document(catalog_rows=2), prof)
    styles = _xml(data, "word/styles.xml")
    default = styles.xpath("//w:style[@w:type='paragraph'][@w:default='1']", namespaces=NS)
    assert len(default) == 1
    assert default[0].xpath("w:name/@w:val", namespaces=NS) == ["公文正文"]
    assert not default[0].xpath("w:basedOn", namespaces=NS)
    facts = read_docx(data)
    assert facts.styles["公文正文"].first_line == 640
    assert check_against_profile(facts, prof) == []


def _signature_ind(data: bytes) -> list[str]:
    doc = _xml(data, "word/document.xml")
    return doc.xpath("//w:p[w:pPr/w:pStyle/@w:val='planccSignature']/w:pPr/w:ind/@w:right", namespaces=NS)


def test_a_right_indent_in_the_ir_is_written_with_no_left_or_first_line_indent(rich_docx: bytes, rich_ir) -> None:
    [sig] = [b for b in rich_ir.blocks if isinstance(b, ir.Paragraph) and b.kind == "signature"]
    assert sig.right_indent is not None  # set by layout (plancc.layout.signature)
    assert _signature_ind(rich_docx) == [str(sig.right_indent)]
    plain = [P("signature", [R("某某县教师发展中心")]), P("date", [R("2025年1月6日")])]
    assert _signature_ind(render_docx(ir.Document(blocks=plain), load_profile())) == []  # the style's indents


def test_table_cell_texts_survive_the_serialized_rows() -> None:
    # rows are written as text and spliced in: escaping, spaces, breaks and
    # illegal characters must come out as they do for paragraphs
    cells = ["  前后空格 ", "A & B <C> D", "换\n行\t制表", "控制\x01字符", ""]
    doc = ir.Document(blocks=[ir.Table(columns=[Col(str(i), 1000) for i in range(len(cells))], rows=[[C(t) for t in cells]] * 2)])
    body = _xml(render_docx(doc, load_profile()), "word/document.xml").find("w:body", NS)
    rows = body.findall("w:tbl/w:tr", NS)
    assert len(rows) == 3  # header + the two rows
    for tr in rows[1:]:
        tcs = tr.findall("w:tc", NS)
        texts = ["".join(tc.xpath(".//w:t/text()", namespaces=NS)) for tc in tcs]
        assert texts == ["  前后空格 ", "A & B <C> D", "换行制表", "控制字符", ""]
        assert tcs[0].xpath(".//w:t/@xml:space", namespaces={**NS, "xml": ox.XML_NS}) == ["preserve"]
        assert len(tcs[2].findall(".//w:br", NS)) == 1 and len(tcs[2].findall(".//w:tab", NS)) == 1
    assert "plancc-rows" not in etree.tostring(body).decode()
