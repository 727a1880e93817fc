"""Reading the Word features real bureau and school files carry: headers and footers, footnotes
and endnotes, comments, tracked changes, tables of contents, symbol-font bullets, text boxes,
tables in cells (the wr-* documents in tests/importer/foreign/ and small synthetic cases)."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from plancc.importer.docx import read_docx
from plancc.importer.source import SPara

from .docxbuild import NSDECL, REL, Doc, Level, Run, table_xml, zip_bytes

FOREIGN = Path(__file__).parent / "foreign"


def _make_wr():
    spec = importlib.util.spec_from_file_location("make_wr", FOREIGN / "make_wr.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def texts(doc) -> list[str]:
    return [p.number + p.text for p in doc.paragraphs()]


def with_notes(doc: Doc, footnotes: str = "", endnotes: str = "") -> bytes:
    """The document's package with footnotes.xml / endnotes.xml (their w:footnote elements
    given as XML) and the relationships to them."""
    parts = doc.parts()
    rels = []
    for kind, body in (("footnotes", footnotes), ("endnotes", endnotes)):
        if body:
            parts[f"word/{kind}.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:{kind} {NSDECL}>{body}</w:{kind}>'.encode()
            rels.append(f'<Relationship Id="rIdN{kind}" Type="{REL}/{kind}" Target="{kind}.xml"/>')
    name = "word/_rels/document.xml.rels"
    parts[name] = parts[name].replace(b"</Relationships>", "".join(rels).encode() + b"</Relationships>")
    return zip_bytes(parts)


def note(kind: str, nid, *paragraphs: str) -> str:
    body = "".join(f"<w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space=\"preserve\"> {t}</w:t></w:r></w:p>" for t in paragraphs)
    return f'<w:{kind} w:id="{nid}">{body}</w:{kind}>'


def ref(kind: str, nid) -> Run:
    return Run(xml=f'<w:{kind}Reference w:id="{nid}"/>')


# -- the foreign documents -------------------------------------------------------------------


def test_the_wr_documents_are_what_make_wr_writes():
    make = _make_wr()
    for name, build in make.DOCUMENTS.items():
        assert (FOREIGN / name).read_bytes() == build(), f"{name} differs from make_wr.py's output: run it again"


@pytest.fixture(scope="module")
def bureau():
    return read_docx(FOREIGN / "wr-qingshui-bureau.docx")


def test_headers_footers_and_comments_are_not_body_text(bureau):
    body = bureau.body_text()
    assert texts(bureau).count("青水县教育体育局") == 1  # the 落款, typed in the body, but not the header's
    assert "—1—" not in body.replace(" ", "") and "此处的学时数" not in body and "建议删去" not in body


def test_footnotes_follow_the_paragraph_citing_them_and_leave_its_sentence_whole(bureau):
    paras = bureau.paragraphs()
    i = next(k for k, p in enumerate(paras) if "须完成72学时" in p.text)
    assert paras[i].text.endswith("须完成72学时，其中网络研修36学时，校本研修24学时，集中培训12学时。")
    assert paras[i + 1].text == "本方案所称学时，网络研修按每45分钟折合1学时计。"
    assert paras[i + 1].note == "footnote" and paras[i].note == ""
    assert paras[i + 1].place == paras[i].place  # a note does not renumber the body's paragraphs
    j = next(k for k, p in enumerate(paras) if "制定校本研修计划" in p.text)
    assert paras[j + 1].text.startswith("各学校联系人名单") and paras[j + 1].note == "endnote"
    assert [p.place.paragraph for p in paras if not p.note] == list(range(1, len([p for p in paras if not p.note]) + 1))


def test_tracked_changes_read_as_accepted(bureau):
    body = bureau.body_text()
    assert "学用结合、注重实效" in body  # inserted
    assert "原则上" not in body and "开学第一周" not in body  # deleted words, a deleted paragraph
    assert not any(p.text == "" and p.style == "Normal" and "实施步骤" in (p.number + p.text) for p in bureau.paragraphs())
    assert [p.number for p in bureau.paragraphs() if p.num_level == 0] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_a_table_of_contents_is_left_out_with_its_heading(bureau):
    body = bureau.body_text()
    assert "目  录" not in body and "指导思想\t2" not in body
    assert sum("指导思想" in t for t in texts(bureau)) == 1


def test_wps_bullets_symbols_and_spaces():
    doc = read_docx(FOREIGN / "wr-hexi-wps.docx")
    body = doc.body_text()
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in body)  # no private-use glyphs
    assert "➢各教研组长要认真组织" in body
    bullets = [p for p in doc.paragraphs() if p.num_format == "bullet"]
    assert len(bullets) == 6 and all(p.number == "" for p in bullets)  # “●”, a Wingdings glyph, a picture bullet
    assert "河西镇中心学校" in body and "校本研修文件" not in body and "共" not in body.replace("共计", "")  # header table, footer


def test_text_boxes_pictures_and_tables_in_cells():
    doc = read_docx(FOREIGN / "wr-lanshan-centre.docx")
    t = texts(doc)
    i = t.index("2025年新招聘入职的中小学、幼儿园教师，共186人。")
    assert t[i + 1:i + 3] == ["报名咨询：区教师发展中心师训科", "联系电话：0539-6120000"]  # the anchored text box, once
    assert t.count("报名咨询：区教师发展中心师训科") == 1
    assert "图1  新入职教师培训流程" in t and "内部资料" not in doc.body_text()
    hours, plan, _score = doc.tables()
    assert (hours.n_rows, hours.n_cols, hours.header_rows) == (6, 5, 2)
    top = {(c.row, c.col): c for c in hours.cells}
    assert top[(0, 1)].text == "学时" and top[(0, 1)].colspan == 3 and top[(0, 0)].rowspan == 2
    cell = next(c for c in plan.cells if c.text.startswith("集中学习"))
    assert cell.text.splitlines()[1:] == ["周次\t内容", "第1周\t入职宣誓与师德报告", "第2周\t学校文化与岗位职责"]
    pages = [b.place.page for b in doc.blocks]
    assert pages[0] == 1 and max(pages) == 3  # two section breaks around the landscape section


# -- synthetic cases ---------------------------------------------------------------------------


def test_a_note_in_a_table_cell_stays_in_the_cell():
    d = Doc().raw(table_xml([["项目"], ["x"]]).replace("<w:t xml:space=\"preserve\">x</w:t>",
                  '<w:t xml:space="preserve">网络研修</w:t></w:r><w:r><w:footnoteReference w:id="1"/>'))
    doc = read_docx(with_notes(d, note("footnote", 1, "以平台记录为准。")))
    assert [c.text for c in doc.tables()[0].cells] == ["项目", "网络研修\n以平台记录为准。"]
    assert doc.paragraphs() == []


def test_a_note_cited_twice_is_placed_once_and_notes_citing_notes_are_not_followed():
    inner = '<w:footnote w:id="2"><w:p><w:r><w:t>注中注</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:footnote>'
    looping = '<w:footnote w:id="1"><w:p><w:r><w:t>第一条注</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:footnote>'
    d = Doc().para("甲", ref("footnote", 1)).para("乙", ref("footnote", 1)).para("丙", ref("footnote", 9))
    doc = read_docx(with_notes(d, looping + inner))
    assert texts(doc) == ["甲", "第一条注", "乙", "丙"]


def test_separators_and_marks_are_not_note_text():
    seps = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>续</w:t></w:r></w:p></w:footnote>')
    d = Doc().para("正文", ref("footnote", 0), ref("footnote", 1), ref("endnote", 1))
    doc = read_docx(with_notes(d, seps + note("footnote", 1, "脚注"), note("endnote", 1, "尾注一", "尾注二")))
    assert texts(doc) == ["正文", "脚注", "尾注一", "尾注二"]
    assert [p.note for p in doc.paragraphs()] == ["", "footnote", "endnote", "endnote"]


def _field(instr: str, result: str) -> list[Run]:
    return [Run(xml='<w:fldChar w:fldCharType="begin"/>'), Run(xml=f'<w:instrText xml:space="preserve">{instr}</w:instrText>'),
            Run(xml='<w:fldChar w:fldCharType="separate"/>'), Run(result), Run(xml='<w:fldChar w:fldCharType="end"/>')]


def test_toc_and_index_results_are_left_out_other_fields_kept():
    begin = [Run(xml='<w:fldChar w:fldCharType="begin"/>'), Run(xml='<w:instrText xml:space="preserve"> T</w:instrText>'),
             Run(xml='<w:instrText xml:space="preserve">OC \\o "1-3" </w:instrText>'), Run(xml='<w:fldChar w:fldCharType="separate"/>')]
    d = (Doc().para("目 录").para(*begin, "一、总则", *_field("PAGEREF _Toc1 \\h", "1")).para("二、附则\t3")
         .para(Run(xml='<w:fldChar w:fldCharType="end"/>'))
         .para("见第", *_field("PAGEREF _Toc1 \\h", "2"), "页", *_field(" INDEX \\e ", "索引项\t5"))
         .raw('<w:p><w:fldSimple w:instr=" TOC \\o "><w:r><w:t>简单目录</w:t></w:r></w:fldSimple></w:p>')
         .raw('<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2025年1月6日</w:t></w:r></w:fldSimple></w:p>')
         .para("一、总则"))
    doc = read_docx(d.bytes())
    assert texts(doc) == ["见第2页", "2025年1月6日", "一、总则"]
    assert [p.place.paragraph for p in doc.paragraphs()] == [1, 2, 3]


def test_a_toc_left_open_does_not_hide_the_rest():
    d = Doc().para(*_field("TOC \\o", "目录行")[:4]).para("正文第一段").para("正文第二段")
    assert texts(read_docx(d.bytes())) == ["目录行", "正文第一段", "正文第二段"]


def test_a_paragraph_whose_mark_is_deleted_joins_the_next():
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr>'
    gone = '<w:del w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>删掉的一条</w:delText></w:r></w:del>'
    d = Doc()
    d.abstract(1, [Level(0, "decimal", "%1.")]).num(1, 1)
    d.para("第一条", num=(1, 0))
    d.para(inner=gone, num=(1, 0), ppr=deleted_mark)  # a whole list item deleted
    d.para("第二条前半，", num=(1, 0), ppr=deleted_mark).para("后半。", num=(1, 0))
    d.para("表格前的半段", ppr=deleted_mark).table([["格"]])
    d.para("最后半段", ppr=deleted_mark)
    doc = read_docx(d.bytes())
    assert texts(doc) == ["1.第一条", "2.第二条前半，后半。", "表格前的半段", "最后半段"]
    assert [p.place.paragraph for p in doc.paragraphs()] == [1, 2, 3, 4]
    assert [c.text for c in doc.tables()[0].cells] == ["格"]


@pytest.mark.parametrize("xml, font, want", [
    ('<w:sym w:font="Wingdings" w:char="F06C"/>', None, "●"),
    ('<w:sym w:font="Wingdings" w:char="00D8"/>', None, "➢"),
    ('<w:sym w:font="Symbol" w:char="F0B7"/>', None, "•"),
    ('<w:sym w:font="Wingdings 2" w:char="F052"/>', None, "☑"),
    ('<w:sym w:font="宋体" w:char="2605"/>', None, "★"),
    ('<w:t>\uf0fc</w:t>', "Wingdings", "✓"),
    ('<w:t>\uf061\uf03d1</w:t>', "Symbol", "α=1"),
    ('<w:t>\uf06c</w:t>', None, "●"),  # a glyph whose font was lost: read as Wingdings'
    ('<w:t>\uf021</w:t>', "Webdings", "\uf021"),  # no look-alike known: kept as it is
    ('<w:t>\ue000</w:t>', None, "\ue000"),  # other private-use characters are not a symbol font's
])
def test_symbol_font_glyphs_become_their_look_alikes(xml, font, want):
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    doc = read_docx(Doc().raw(f"<w:p><w:r>{rpr}{xml}</w:r></w:p>").bytes())
    assert texts(doc) == [want]


def test_conversion_timeout_setting():
    from plancc.importer.convert import DEFAULT_TIMEOUT, MAX_TIMEOUT, conversion_timeout

    assert conversion_timeout(None) == DEFAULT_TIMEOUT and conversion_timeout(30) == 30.0 and conversion_timeout(2.5) == 2.5
    for bad in (0, -1, float("nan"), float("inf"), MAX_TIMEOUT + 1, "60", True):
        with pytest.raises(ValueError):
            conversion_timeout(bad)


def test_notes_are_in_the_body_text_that_import_must_keep():
    d = Doc().para("正文", ref("footnote", 1))
    doc = read_docx(with_notes(d, note("footnote", 1, "注文")))
    assert "注文" in doc.body_text() and isinstance(doc.blocks[1], SPara)


def _eq(*instr: str) -> list[Run]:
    return [Run(xml='<w:fldChar w:fldCharType="begin"/>'), *(Run(xml=f'<w:instrText xml:space="preserve">{t}</w:instrText>') for t in instr),
            Run(xml='<w:fldChar w:fldCharType="end"/>')]


@pytest.mark.parametrize("instr, want", [
    ((" ", "eq \\o\\ac(○,", "1", ")"), "①加强领导"),
    (("eq \\o\\ac(○,\\s\\up 1(12))",), "⑫加强领导"),
    (("EQ \\o\\ac(\\s\\up -1(3),◯)",), "③加强领导"),
    (("eq \\o\\ac(□,甲)",), "甲加强领导"),
    (("eq \\o\\ac(○,21)",), "(21)加强领导"),  # as plancc writes circled numbers past ⑳
    (("eq \\f(1,2)",), "加强领导"),  # other equations draw nothing the reader can take as text
    (("eq \\o\\ac(",), "加强领导"),
])
def test_enclosed_characters_drawn_by_eq_fields(instr, want):
    assert texts(read_docx(Doc().para(*_eq(*instr), "加强领导").bytes())) == [want]


def test_the_wr_bureau_plan_reads_its_enclosed_numbers_and_drops_the_placeholder(bureau):
    t = texts(bureau)
    assert any(x.startswith("\u3000\u3000①加强组织领导") for x in t) and any(x.startswith("\u3000\u3000②落实经费保障") for x in t)
    assert "单击或点击此处输入文字" not in bureau.body_text() and t[-1] == "2025年1月6日"


def test_a_content_control_showing_its_placeholder_is_no_text():
    ph = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>')
    filled = ('<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>')
    run = '<w:r><w:t>单击或点击此处输入文字。</w:t></w:r>'
    d = (Doc().para("联系人：", inner=ph.format(run)).raw(ph.format("<w:p>" + run + "</w:p>"))
         .para("电话：", inner=filled.format("<w:r><w:t>123</w:t></w:r>")))
    assert texts(read_docx(d.bytes())) == ["联系人：", "电话：123"]


# -- web pages called Word files -----------------------------------------------------------------


@pytest.mark.parametrize("head, kind", [
    (b"<html xmlns:o='urn:schemas-microsoft-com:office:office'>", "html"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "html"),
    (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
    ("<html><body>网页</body></html>".encode("utf-16"), "html"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x", "mht"),
    (b"From: <Saved by Microsoft Internet Explorer>\r\nSubject: a\r\nContent-Type: multipart/related;", "mht"),
    (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="x">', "wordxml"),
    (b"<?xml version='1.0'?><pkg:package xmlns:pkg='x'>", ""),  # Flat OPC: not read
    (b"just some text <html>", ""),
    (b"Subject: no container", ""),
])
def test_sniffing_web_pages(head, kind):
    from plancc.importer.docx import sniff

    assert sniff(head) == kind


def test_a_web_page_is_made_offline_before_conversion():
    from plancc.importer.convert import offline_page

    page = ("<html><head><meta http-equiv=Content-Type content='text/html; charset=gb2312'>"
            "<link rel=stylesheet href='http://x.invalid/a.css'><meta http-equiv=refresh content='0;url=http://x.invalid'>"
            "<style>p{background:url(http://x.invalid/b.png)} @import 'http://x.invalid/c.css';</style>"
            "<script>fetch('http://x.invalid')</script></head><body background='http://x.invalid/d.png'>"
            "<p>一、总则<img src='http://x.invalid/e.png'><a href=\"http://x.invalid/f\">链接</a></p>"
            "<iframe src='http://x.invalid/g'>框</iframe><object data='http://x.invalid/h'></object>"
            "<script src=http://x.invalid/i.js>never closed <p>其后的文字</p></body></html>").encode("gb18030")
    out = offline_page(page).decode("utf-8")
    assert not any(a in out for a in ("href=", "src=", "data=", "background=", "refresh"))  # no address to fetch
    assert "url(" not in out and "@import" not in out and "<script" not in out and "框" not in out
    assert "一、总则" in out and "链接" in out and "其后的文字" in out
    assert out.startswith('<meta charset="utf-8">') and "gb2312" not in out


def test_a_single_file_web_page_gives_up_its_html():
    from plancc.importer.convert import offline_page

    html = "<html><body><p>二、培训学时</p></body></html>".encode("gb2312")
    import quopri

    mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="NEXT"\r\n\r\n--NEXT\r\n'
           b'Content-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
           + quopri.encodestring(html) + b"\r\n--NEXT\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--NEXT--\r\n")
    out = offline_page(mht).decode("utf-8")
    assert "二、培训学时" in out and "MIME-Version" not in out and "iVBOR" not in out


def test_hostile_web_pages_are_cleaned_in_linear_time():
    import time

    from plancc.importer.convert import offline_page

    t0 = time.monotonic()
    for page in (b"<html>" + b"<script " * 500_000, b"<html>" + b'<a href="' * 500_000, b"<html>" + b"<iframe>" * 200_000,
                 b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=" + b"-" * 100_000):
        offline_page(page)
    assert time.monotonic() - t0 < 10


needs_soffice = pytest.mark.skipif(not __import__("shutil").which("soffice") and not __import__("shutil").which("libreoffice"),
                                   reason="LibreOffice converts web pages")


@needs_soffice
def test_an_mhtml_file_named_doc_is_read(tmp_path):
    from plancc.importer.docx import read_document

    html = "<html><body><p>一、指导思想</p><table><tr><td>阶段</td><td>时间</td></tr></table></body></html>".encode("utf-8")
    path = tmp_path / "方案.doc"
    path.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
                     b'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
                     + __import__("base64").encodebytes(html) + b"\r\n--B--\r\n")
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs()][0] == "一、指导思想" and [c.text for c in doc.tables()[0].cells] == ["阶段", "时间"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["方案.doc"]  # nothing written beside it


@needs_soffice
def test_the_wr_web_page_reads_as_the_page_shows():
    from plancc.importer.docx import read_document

    doc = read_document(FOREIGN / "wr-xinghe-webpage.doc")
    t = texts(doc)
    assert t[0] == "星河街道中心幼儿园2025年\n教师园本研修实施方案"
    assert "一、\xa0\xa0 研修对象" in t and t[-2:] == ["星河街道中心幼儿园", "2025年2月20日"]
    merged = next(c for c in doc.tables()[0].cells if c.text == "实践研修")
    assert merged.rowspan == 2
    assert "园办公室" not in doc.body_text()  # the document properties in a conditional comment


def test_wordart_and_smartart_text_follows_the_paragraph_holding_them(bureau):
    t = texts(bureau)
    assert t[1:3] == ["青水县教育体育局文件", "青教体〔2025〕3号"]  # VML WordArt: its words are an attribute
    doc = read_docx(FOREIGN / "wr-lanshan-centre.docx")
    t = texts(doc)
    i = t.index("区教师发展中心成立新入职教师培训工作小组，组织机构如下：")
    assert t[i + 2:i + 6] == ["培训工作小组", "组长：赵敏", "副组长：陈立", "成员：各学校分管副校长"]  # SmartArt's nodes


def test_a_smartart_named_twice_is_read_once_and_a_missing_one_is_nothing():
    data_part = ('<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
                 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
                 '<dgm:pt modelId="0" type="doc"><dgm:t><a:p><a:r><a:t>文档点</a:t></a:r></a:p></dgm:t></dgm:pt>'
                 '<dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>组长</a:t></a:r><a:r><a:t>：某某</a:t></a:r></a:p><a:p/></dgm:t></dgm:pt>'
                 '<dgm:pt modelId="2" type="asst"><dgm:t><a:p><a:r><a:t>秘书</a:t></a:r></a:p></dgm:t></dgm:pt>'
                 '<dgm:pt modelId="3" type="sibTrans"><dgm:t><a:p><a:r><a:t>连线</a:t></a:r></a:p></dgm:t></dgm:pt>'
                 '</dgm:ptLst></dgm:dataModel>')

    def drawing(rid):
        return Run(xml=f'<w:drawing><wp:inline><a:graphic><a:graphicData><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
                       f'r:dm="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>')

    parts = Doc().para("甲", drawing("rIdD")).para("乙", drawing("rIdD")).para("丙", drawing("rIdNone")).parts()
    parts["word/diagrams/data1.xml"] = data_part.encode()
    name = "word/_rels/document.xml.rels"
    parts[name] = parts[name].replace(b"</Relationships>", f'<Relationship Id="rIdD" Type="{REL}/diagramData" Target="diagrams/data1.xml"/></Relationships>'.encode())
    assert texts(read_docx(zip_bytes(parts))) == ["甲", "组长：某某", "秘书", "乙", "丙"]


# -- imported chunks (w:altChunk) -----------------------------------------------------------------


def with_chunks(doc: Doc, chunks: dict[str, bytes]) -> bytes:
    """The package with each chunk as word/afchunkN part, related as aFChunk under its id."""
    parts = doc.parts()
    rels = []
    for i, (rid, data) in enumerate(chunks.items()):
        parts[f"word/afchunk{i}.dat"] = data
        rels.append(f'<Relationship Id="{rid}" Type="{REL}/aFChunk" Target="afchunk{i}.dat"/>')
    name = "word/_rels/document.xml.rels"
    parts[name] = parts[name].replace(b"</Relationships>", "".join(rels).encode() + b"</Relationships>")
    return zip_bytes(parts)


def chunk(rid: str) -> str:
    return f'<w:altChunk r:id="{rid}"/>'


def test_an_html_chunk_reads_in_its_place():
    page = ("<html><head><title>不是正文</title><style>p{}</style></head><body><h1>一、指导思想</h1>"
            "<p>坚持<b>立德树人</b>，\n   突出实效。<br>另起一行</p><script>var x = '脚本';</script>"
            "<table><thead><tr><th rowspan=2>项目</th><th colspan=2>学时</th></tr><tr><th>线上</th><th>线下</th></tr></thead>"
            "<tbody><tr><td>师德</td><td>6</td><td>4</td></tr><tr><td>课堂<table><tr><td>甲</td><td>乙</td></tr></table></td>"
            "<td colspan=2 rowspan=9>另行安排</td></tr></tbody></table><ul><li>第一项</li><li>第二项</li></ul></body></html>")
    d = Doc().para("前").raw(chunk("rIdC1")).para("后").raw(chunk("rIdC1")).raw(chunk("rIdMissing"))
    doc = read_docx(with_chunks(d, {"rIdC1": page.encode("gb18030").replace(b"<head>", b"<head><meta charset=gbk>")}))
    assert texts(doc) == ["前", "一、指导思想", "坚持立德树人， 突出实效。\n另起一行", "第一项", "第二项", "后"]
    assert [p.place.paragraph for p in doc.paragraphs()] == [1, 2, 3, 4, 5, 6]
    (t,) = doc.tables()
    assert (t.n_rows, t.n_cols, t.header_rows) == (4, 3, 2)
    grid = [[c.text if c else None for c in row] for row in t.grid()]
    assert grid == [["项目", "学时", "学时"], ["项目", "线上", "线下"], ["师德", "6", "4"], ["课堂\n甲\t乙", "另行安排", "另行安排"]]


def test_word_text_and_mhtml_chunks_and_a_chunk_in_a_cell():
    inner = Doc().para("嵌入文档的段落").table([["嵌入", "表格"]]).raw(chunk("rIdDeeper"))
    inner_bytes = with_chunks(inner, {"rIdDeeper": b"<p>not followed</p>"})
    mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
           + "<p>网页存档</p>".encode() + b"\r\n--B--\r\n")
    cell = table_xml([["格"]]).replace("<w:p><w:r><w:t xml:space=\"preserve\">格</w:t></w:r></w:p>",
                                        '<w:p><w:r><w:t xml:space="preserve">格</w:t></w:r></w:p>' + chunk("rIdT"))
    d = Doc().raw(chunk("rIdW")).raw(chunk("rIdM")).raw(cell)
    doc = read_docx(with_chunks(d, {"rIdW": inner_bytes, "rIdM": mht, "rIdT": "第一行\r\n\r\n第二行".encode()}))
    assert texts(doc) == ["嵌入文档的段落", "网页存档"]
    assert [[c.text for c in t.cells] for t in doc.tables()] == [["嵌入", "表格"], ["格\n第一行\n第二行"]]
    assert [t.place.table for t in doc.tables()] == [1, 2]
    assert "not followed" not in doc.body_text()


def test_html_lists_headings_and_alignment_as_the_browser_shows_them():
    from plancc.importer.htmlchunk import HtmlPara, html_items

    items = html_items("<h2>二、目标</h2><ol start=3 type=a><li>甲</li><li value=7>乙<ul><li>丙</li></ul></li></ol>"
                       "<p align=center>居中</p><div style='text-align : right'><p>靠右</p></div><p>普通</p>")
    assert items == [HtmlPara("二、目标", outline=1), HtmlPara("甲", "c.", 0, "lowerLetter"), HtmlPara("乙", "g.", 0, "lowerLetter"),
                     HtmlPara("丙", "", 1, "bullet"), HtmlPara("居中", align="center"), HtmlPara("靠右", align="right"), "普通"]
    doc = read_docx(FOREIGN / "wr-yunxi-platform.docx")
    assert [p.number for p in doc.paragraphs() if p.num_format == "decimal"] == ["1.", "2."]
    assert [p.align for p in doc.paragraphs()][-2:] == ["right", "right"]


# -- Excel worksheets embedded as objects ---------------------------------------------------------


def test_an_embedded_worksheet_reads_as_a_table_after_its_paragraph():
    doc = read_docx(FOREIGN / "wr-lanshan-centre.docx")
    t = doc.tables()[-1]
    grid = [[c.text if c else "" for c in row] for row in t.grid()]
    assert grid[0] == ["新入职教师培训考核评分表"] * 3 and t.cells[0].colspan == 3
    assert grid[1:3] == [["考核项目", "分值", "评价主体"], ["出勤", "20", "任职学校"]]
    assert grid[-1] == ["制表日期", "2025年7月1日", ""]  # a date serial shown in its 年月日 format; the empty row left out
    assert t.n_rows == 9


def _embed(sheet_xml: str, extra: dict = None, prog: str = "Excel.Sheet.12", shared: str = "") -> bytes:
    make = _make_wr()
    book = make.workbook([["a"]])
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    if shared:
        parts["xl/sharedStrings.xml"] = shared.encode()
    parts.update(extra or {})
    obj = (f'<w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="{prog}" r:id="rIdX"/></w:object>')
    d = Doc().para("表前", Run(xml=obj)).para("重复", Run(xml=obj))
    p = d.parts()
    p["word/embeddings/book.xlsx"] = zip_bytes(parts)
    name = "word/_rels/document.xml.rels"
    p[name] = p[name].replace(b"</Relationships>", f'<Relationship Id="rIdX" Type="{REL}/package" Target="embeddings/book.xlsx"/></Relationships>'.encode())
    return zip_bytes(p)


SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData>{}</worksheet>'


def test_worksheet_cells_as_excel_shows_them():
    rows = ('<row r="2"><c r="B2" t="inlineStr"><is><t>内联</t><rPh><t>ないれん</t></rPh></is></c><c r="C2"><v>0.30000000000000004</v></c></row>'
            '<row r="3" hidden="1"><c r="B3" t="str"><v>隐藏行</v></c></row>'
            '<row r="4"><c r="B4" t="b"><v>1</v></c><c r="C4"><v>12.0</v></c><c r="D4" t="s"><v>99</v></c><c r="ZZZZ4"><v>1</v></c></row>'
            '<row r="5"><c r="B5" t="str"><v>跨两行</v></c></row><row r="6"><c r="C6"><v>7</v></c></row>')
    doc = read_docx(_embed(SHEET.format(rows, '<mergeCells><mergeCell ref="B5:B6"/><mergeCell ref="bad"/></mergeCells>')))
    assert [p.text for p in doc.paragraphs()] == ["表前", "重复"]  # the workbook once
    (t,) = doc.tables()
    assert [[c.text if c else None for c in row] for row in t.grid()] == [["内联", "0.3"], ["TRUE", "12"], ["跨两行", None], ["跨两行", "7"]]


@pytest.mark.parametrize("prog, book", [("Word.Document.12", None), ("Excel.Sheet.8", b"\xd0\xcf\x11\xe0 an xls"),
                                        ("Excel.Sheet.12", b"not a zip")])
def test_objects_that_are_no_readable_worksheet_are_pictures(prog, book):
    data = _embed(SHEET.format('<row r="1"><c r="A1" t="str"><v>x</v></c></row>', ""), prog=prog)
    if book is not None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            p = {n: zf.read(n) for n in zf.namelist()}
        p["word/embeddings/book.xlsx"] = book
        data = zip_bytes(p)
    doc = read_docx(data)
    assert doc.tables() == [] and [p.text for p in doc.paragraphs()] == ["表前", "重复"]
