"""Reading a .docx: the text a reader sees, in body order, and the facts of each paragraph."""

from __future__ import annotations

import pytest

from plancc.importer.docx import read_docx
from plancc.importer.source import SPara, STable

from .docxbuild import Doc, Run, paragraph_xml


def texts(doc: Doc) -> list[str]:
    return [b.text for b in read_docx(doc.bytes()).blocks if isinstance(b, SPara)]


def test_paragraphs_and_tables_in_body_order_with_places():
    doc = Doc().para("一、总则").table([["a", "b"]]).para("二、安排").table([["c"]])
    src = read_docx(doc.bytes())
    kinds = [type(b).__name__ for b in src.blocks]
    assert kinds == ["SPara", "STable", "SPara", "STable"]
    assert [p.place.paragraph for p in src.paragraphs()] == [1, 2]
    assert [t.place.table for t in src.tables()] == [1, 2]
    assert src.body_text() == "一、总则\na\nb\n二、安排\nc"


def test_runs_tabs_breaks_and_symbols():
    doc = Doc().para("甲", Run(xml="<w:tab/>"), "乙", Run(xml="<w:br/>"), "丙", Run(xml='<w:sym w:font="Wingdings" w:char="2713"/>'),
                     Run(xml="<w:noBreakHyphen/><w:softHyphen/>"), Run(xml='<w:br w:type="column"/>'), "丁")
    assert texts(doc) == ["甲\t乙\n丙✓-丁"]


def test_fields_show_their_result_not_their_instruction():
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年3月1日</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '<w:r><w:instrText> = 1 "x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              '<w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    simple = '<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>12</w:t></w:r></w:fldSimple>'
    doc = Doc().para("日期：", inner=field).para("页", inner=simple).para(inner=nested).para("之后")
    assert texts(doc) == ["日期：2024年3月1日", "页12", "结果", "之后"]


def test_hyperlinks_smart_tags_content_controls_and_revisions():
    inner = ('<w:hyperlink r:id="rId99"><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
             '<w:smartTag w:uri="u" w:element="date"><w:r><w:t>三月</w:t></w:r></w:smartTag>'
             '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>'
             '<w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
             '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
             '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
             '<w:moveTo w:id="4" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo>')
    block_sdt = ('<w:sdt><w:sdtPr/><w:sdtContent>' + paragraph_xml("块控件") + "</w:sdtContent></w:sdt>")
    doc = Doc().para(inner=inner).raw(block_sdt)
    assert texts(doc) == ["链接三月控件插入移来", "块控件"]


def test_hidden_text_is_left_out_direct_or_from_a_style():
    doc = Doc().style("Hid", "hidden", type="character", vanish=True)
    doc.para("看得见", Run("看不见", vanish=True), Run("也看不见", style="Hid"), "的字")
    assert texts(doc) == ["看得见的字"]


def test_text_boxes_follow_their_anchor_paragraph_once():
    box = paragraph_xml("文本框里的字")
    drawing = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
               f'<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>'
               '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
               f'<w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    doc = Doc().para("锚", inner=drawing).para("后")
    src = read_docx(doc.bytes())
    assert [p.text for p in src.paragraphs()] == ["锚", "文本框里的字", "后"]
    assert [p.place.paragraph for p in src.paragraphs()] == [1, 2, 3]


def test_math_text_is_kept():
    math = '<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>'
    assert texts(Doc().para("公式", inner=math)) == ["公式x+1"]


def test_style_names_outline_levels_and_alignment_through_based_on():
    doc = Doc().style("H1", "heading 1", outline=0, align="center", bold=True, size=32, font="黑体")
    doc.style("Mine", "我的标题", based_on="H1")
    doc.style("Body", "正文文本", outline=9)
    doc.para("一、标题", style="Mine").para("正文", style="Body", align="both").para("居右", align="right").para("无样式")
    ps = read_docx(doc.bytes()).paragraphs()
    assert [p.style for p in ps] == ["我的标题", "正文文本", "Normal", "Normal"]
    assert [p.outline_level for p in ps] == [0, None, None, None]
    assert [p.align for p in ps] == ["center", "both", "right", ""]
    assert ps[0].bold and ps[0].size == 32 and ps[0].font == "黑体"


def test_bold_size_and_font_come_from_run_style_and_defaults():
    doc = Doc(default_font="仿宋_GB2312", default_size=32)
    doc.style("Strong", "strong", type="character", bold=True)
    doc.para(Run("全粗", bold=True), Run("体", style="Strong"))
    doc.para(Run("半", bold=True), "粗")
    doc.para(Run("小字多一些", size=24, font="楷体_GB2312"), "大字")
    doc.para(Run("粗", bold=True), Run("   ", bold=False))  # white space does not make it “not bold”
    ps = read_docx(doc.bytes()).paragraphs()
    assert [p.bold for p in ps] == [True, False, False, True]
    assert (ps[0].size, ps[0].font) == (32, "仿宋_GB2312")
    assert (ps[2].size, ps[2].font) == (24, "楷体_GB2312")


def test_theme_east_asian_fonts_are_resolved():
    doc = Doc(default_font="minorEastAsia", theme_ea=("", "宋体"))
    doc.para("默认").para(Run("标题", font="majorEastAsia"))
    ps = read_docx(doc.bytes()).paragraphs()
    assert ps[0].font == "宋体"
    assert ps[1].font == "黑体"  # an empty ea face: the theme's face for simplified Chinese


def test_pages_from_rendered_and_explicit_breaks_counted_once():
    doc = Doc()
    doc.para("第一页")
    doc.para("还在第一页", Run(xml='<w:br w:type="page"/>'))
    doc.para(Run(xml="<w:lastRenderedPageBreak/>"), "第二页（Word 把硬分页也记作渲染分页）")
    doc.para("第二页", Run(xml="<w:lastRenderedPageBreak/>"), "跨到第三页")
    doc.para("第三页")
    doc.para("分页前置", page_break_before=True)
    ps = read_docx(doc.bytes()).paragraphs()
    assert [p.place.page for p in ps] == [1, 1, 2, 2, 3, 4]
    assert ps[5].page_break_before and not ps[4].page_break_before


def test_no_page_breaks_means_no_pages():
    ps = read_docx(Doc().para("一").para("二").bytes()).paragraphs()
    assert [p.place.page for p in ps] == [None, None]


def test_main_part_is_found_through_the_relationships():
    doc = Doc(main_part="content/main.xml").para("别处的正文")
    assert texts(doc) == ["别处的正文"]


def test_strict_open_xml_namespaces_are_read():
    data = Doc().para("严格格式").parts()
    strict = {k: v.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                           b"http://purl.oclc.org/ooxml/wordprocessingml/main") for k, v in data.items()}
    from .docxbuild import zip_bytes

    assert [p.text for p in read_docx(zip_bytes(strict)).paragraphs()] == ["严格格式"]


@pytest.mark.parametrize("where", ["body", "cell"])
def test_line_breaks_are_newlines_in_paragraphs_and_cells(where):
    doc = Doc()
    if where == "body":
        doc.para("关于印发", Run(xml="<w:br/>"), "的通知")
        assert texts(doc) == ["关于印发\n的通知"]
    else:
        from .docxbuild import Cell

        doc.table([[Cell(xml=paragraph_xml("上", Run(xml="<w:br/>"), "下") + paragraph_xml("第二段"))]])
        t = read_docx(doc.bytes()).blocks[0]
        assert isinstance(t, STable) and t.cells[0].text == "上\n下\n第二段"


def test_a_field_never_ended_does_not_hide_the_rest():
    broken = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    doc = Doc().para("前", inner='<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>X</w:instrText></w:r>')
    doc.para("后面的正文").para("页", inner=broken)
    assert texts(doc) == ["前", "后面的正文", "页"]
