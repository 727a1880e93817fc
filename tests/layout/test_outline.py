"""The outline parser: nesting → numbers, run-in headings, merges and widths."""

import pytest

from plancc.layout.outline import Metrics, OutlineError, parse_outline


def _texts(doc):
    return [(b.kind, b.text) for b in doc.blocks if hasattr(b, "kind")]


def test_sections_are_numbered_by_nesting_and_unnumbered_sections_do_not_count():
    doc = parse_outline(
        """<document>
        <section title="培训目标"><p>正文</p>
          <section title="分层项目"><section title="培训主题"><section title="学前教育教师"><section title=""><p>深层</p></section></section></section></section>
          <section title="分岗项目"/>
        </section>
        <section title="第一阶段：暑假研修" numbered="0"/>
        <section title="培训对象"/>
        </document>"""
    )
    assert _texts(doc) == [
        ("heading1", "一、培训目标"),
        ("body", "正文"),
        ("heading2", "（一）分层项目"),
        ("heading3", "1.培训主题"),
        ("heading4", "（1）学前教育教师"),
        ("item", "①深层"),
        ("heading2", "（二）分岗项目"),
        ("heading1", "第一阶段：暑假研修"),
        ("heading1", "二、培训对象"),
    ]


def test_run_in_heading_takes_the_first_paragraph_in_body_font():
    doc = parse_outline('<document><section title="培训时间" run-in="1"><p>2022年11月—2023年4月。</p><p>下一段</p></section></document>')
    head, nxt = doc.blocks
    assert head.text == "一、培训时间：2022年11月—2023年4月。"
    assert [r.role for r in head.runs] == ["self", "self", "body"]
    assert nxt.text == "下一段"


def test_run_in_separator_and_untitled_sections():
    doc = parse_outline(
        '<document><section title="T"><section title="2022年11月15日前" run-in="1" separator="，"><p>召开会议。</p></section>'
        '<section title=""><p>无标题条目</p></section></section></document>'
    )
    assert [b.text for b in doc.blocks] == ["一、T", "（一）2022年11月15日前，召开会议。", "（二）无标题条目"]


def test_lists_take_the_rung_after_their_section_or_their_own_form():
    doc = parse_outline(
        "<document><section title='甲'><section title='乙'><list><li>a</li><li>b</li></list>"
        "<list numbering='①'><li>c</li></list><list numbered='0'><li>d</li></list></section></section></document>"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading1", "一、甲"), ("heading2", "（一）乙"), ("item", "1.a"), ("item", "2.b"), ("item", "①c"), ("item", "d")]


def test_vertical_merges_are_hierarchical():
    doc = parse_outline(
        """<document><table name="t">
        <col title="学段" merge="1"/><col title="学科" merge="1"/><col title="模块" merge="1"/><col title="课程"/>
        <row><cell>通识</cell><cell></cell><cell>师德素养</cell><cell>a</cell></row>
        <row><cell>通识</cell><cell></cell><cell>师德素养</cell><cell>b</cell></row>
        <row><cell>初中</cell><cell>语文</cell><cell>专业发展</cell><cell>c</cell></row>
        <row><cell>初中</cell><cell>语文</cell><cell>专业发展</cell><cell>d</cell></row>
        <row><cell>高中</cell><cell>语文</cell><cell>专业发展</cell><cell>e</cell></row>
        <row><cell></cell><cell></cell><cell></cell><cell>f</cell></row>
        <row><cell></cell><cell></cell><cell></cell><cell>g</cell></row>
        </table></document>"""
    )
    [table] = doc.blocks
    merges = [[c.vmerge for c in row[:3]] for row in table.rows]
    assert merges == [
        ["restart", "restart", "restart"],  # an empty subject under a merged stage merges, and the module under it
        ["continue", "continue", "continue"],
        ["restart", "restart", "restart"],
        ["continue", "continue", "continue"],
        [None, None, None],  # same subject and module, but the stage changed: no merge
        [None, None, None],  # blank rows of a free table do not fuse
        [None, None, None],
    ]


def test_spans_and_custom_header():
    doc = parse_outline(
        """<document><table name="e"><col title="类别" merge="1"/><col title="指标" merge="1"/><col title=""/><col title="权重"/>
        <header><cell>类别</cell><cell span="2">评价指标</cell><cell>权重</cell></header>
        <row><cell>过程性评价</cell><cell span="2">集中培训</cell><cell>15%</cell></row>
        <row><cell>过程性评价</cell><cell>主持工作坊</cell><cell>学情统计</cell><cell>5%</cell></row>
        <row><cell>过程性评价</cell><cell>主持工作坊</cell><cell>作业批阅</cell><cell>10%</cell></row>
        </table></document>"""
    )
    [t] = doc.blocks
    assert [c.span for c in t.header_rows()[0]] == [1, 2, 1]
    assert t.rows[0][1].span == 2 and t.rows[0][1].vmerge is None
    assert (t.rows[1][1].vmerge, t.rows[2][1].vmerge) == ("restart", "continue")


def test_auto_widths_keep_short_columns_unwrapped():
    rows = "".join(f"<row><cell>2022年11月{d}日</cell><cell>{'很长的任务说明' * 6}</cell></row>" for d in range(10, 20))
    doc = parse_outline(f'<document><table name="p"><col title="时间"/><col title="任务"/>{rows}</table></document>', Metrics(31))
    [t] = doc.blocks
    # widths are twips adding up to the table width; 31 characters across it
    assert sum(c.width for c in t.columns) == Metrics().table_width
    date_chars = t.columns[0].width * 31 / Metrics().table_width
    assert date_chars >= 8 * 0.55 + 3  # its natural width: digits count a little over half a character


def test_signature_and_date_follow_a_blank_line():
    doc = parse_outline("<document><p>正文</p><signature>某县教育局</signature><date>2024年11月11日</date></document>")
    assert [(b.kind, b.text) for b in doc.blocks] == [("body", "正文"), ("body", ""), ("signature", "某县教育局"), ("date", "2024年11月11日")]


def test_signature_never_stands_alone_on_a_page():
    doc = parse_outline("<document><p>第一段</p><p>最后一段</p><signature>某县教育局</signature><date>2024年11月11日</date></document>")
    keeps = [(b.text, b.keep_with_next) for b in doc.blocks]
    assert keeps == [("第一段", None), ("最后一段", True), ("", True), ("某县教育局", True), ("2024年11月11日", None)]


def test_bad_outline_is_a_clear_error():
    with pytest.raises(OutlineError):
        parse_outline("<document><section></document>")
    with pytest.raises(OutlineError):
        parse_outline("<document><blink/></document>")


def _wide_table(n_cols: int, long_text: str) -> str:
    cols = "".join(f'<col title="考核环节{i}"/>' for i in range(n_cols))
    row = "<row>" + "".join(f"<cell>{long_text if i == 3 else '网络研修'}</cell>" for i in range(n_cols)) + "</row>"
    return f'<document><table name="t">{cols}{row}</table></document>'


def test_a_crowded_table_is_set_one_size_smaller_and_keeps_two_characters_a_line():
    [table] = parse_outline(_wide_table(8, "自主选学，观看视频课程、阅读课程文本资料，要求达到960分钟（必修课完成学时不少于600分钟）。")).blocks
    assert table.font_size == 24
    m = Metrics()
    scale = 28 / 24
    chars = [c.width / m.table_width * m.table_chars * scale for c in table.columns]  # characters of 小四
    assert min(chars) - m.cell_margin_chars * scale >= 2.3 - 0.01
    assert table.columns[3].width == max(c.width for c in table.columns)


def test_a_roomy_table_keeps_the_profile_size():
    [table] = parse_outline(_wide_table(3, "短文本")).blocks
    assert table.font_size is None


def test_dense_tables_can_be_switched_off_in_the_profile():
    [table] = parse_outline(_wide_table(8, "长" * 60), Metrics(dense_size=None)).blocks
    assert table.font_size is None


def test_headers_and_labels_break_between_words_only():
    from plancc.layout.columns import _lines, words

    assert words("考核项目") == ("考核", "项目")
    assert words("课程学习时间") == ("课程", "学习", "时间")
    assert words("过程性评价") == ("过程性", "评价")
    assert words("学员指导与管理办法") == ("学员", "指导与", "管理", "办法")
    assert words("2022年11月10日") == ("2022年", "11月", "10日")
    assert _lines("考核项目", 3.2) == float("inf")  # 考核项/目
    assert _lines("考核项目", 2.3) == 2 and _lines("考核项目", 4.1) == 1
    assert _lines("960分钟以上", 2.5) == 3  # 960 / 分钟 / 以上: the number whole, then words


def _evaluation_like() -> str:
    rows = "".join(
        f"<row><cell>过程性评价</cell><cell>指标{i}</cell><cell>{'认真参与班级辅导者集中培训，积极参与讨论与交流，提交培训成果。' * (1 + i % 2)}</cell>"
        f"<cell>人工评价</cell><cell>{5 + i}%</cell></row>"
        for i in range(8)
    )
    cols = '<col title="类别" merge="1"/><col title="评价指标"/><col title="指标描述"/><col title="评价方式"/><col title="权重"/>'
    return f'<document><table name="e">{cols}{rows}</table></document>'


def test_long_text_goes_to_the_wide_column_and_a_merged_category_stays_narrow():
    [t] = parse_outline(_evaluation_like()).blocks
    w = [c.width for c in t.columns]
    assert w[2] == max(w) and w[2] > sum(w) / 2
    m = Metrics()
    chars = [x / m.table_width * m.table_chars - m.cell_margin_chars for x in w]
    assert chars[0] < 5.5  # 过程性评价 merged over eight rows: 过程性/评价 is enough
    assert chars[4] >= 2  # a two-digit column (“12%”) stays wide enough for its header and number


def test_one_table_size_for_the_whole_document():
    crowded = _wide_table(8, "自主选学，观看视频课程、阅读课程文本资料，要求达到960分钟。")
    roomy = '<table name="r"><col title="时间"/><col title="内容"/><row><cell>3月</cell><cell>集中培训</cell></row></table>'
    doc = parse_outline(crowded.replace("</document>", roomy + "</document>"))
    assert [t.font_size for t in doc.blocks] == [24, 24]
    alone = parse_outline(crowded.replace("</document>", roomy + "</document>"), Metrics(one_size=False))
    assert [t.font_size for t in alone.blocks] == [24, None]


def test_the_document_number_sits_under_the_title_then_one_blank_line():
    doc = parse_outline("<document><title>某县2025年教师培训</title><title>实施方案</title>"
                        "<doc-number>某教发〔2025〕3号</doc-number><p>正文</p></document>")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [("title", "某县2025年教师培训"), ("title", "实施方案"), ("doc_number", "某教发〔2025〕3号"),
                     ("body", ""), ("body", "正文")]


def test_a_plan_with_a_number_prints_it_centred_in_its_own_style(tmp_path):
    import docx

    from tests.helpers import MINIMAL, check, render_example

    text = MINIMAL + "  number: 测教发〔2024〕7号\nsections:\n  - title: 培训对象\n    content: [全县教师。]\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    d = docx.Document(__import__("io").BytesIO(render_example(check(text), path)))
    (p,) = [p for p in d.paragraphs if p.text == "测教发〔2024〕7号"]
    assert p.style.name == "plancc 发文字号" and p.style.paragraph_format.alignment == 1  # centred
    texts = [q.text for q in d.paragraphs]
    assert texts.index("测教发〔2024〕7号") == texts.index("测试县2024年教师全员培训实施方案") + 1


def test_an_attachment_page_starts_a_page_and_numbers_afresh():
    doc = parse_outline("<document><section title=\"安排\"><p>见附件。</p></section><date>2025年3月1日</date>"
                        "<attachment-page><attachment-label>附件1</attachment-label><title>课程表</title>"
                        "<section title=\"说明\"><p>如实填写。</p></section></attachment-page></document>")
    kinds = [(b.kind, b.text, b.page_break_before) for b in doc.blocks if b.text]
    assert kinds[-4:] == [("attachment_label", "附件1", True), ("title", "课程表", False), ("heading1", "一、说明", False),
                          ("body", "如实填写。", False)]


def test_attachments_with_content_print_after_the_date_and_their_blocks_count_as_shown(tmp_path):
    import docx

    from tests.helpers import MINIMAL, check, codes, render_example

    text = MINIMAL + """\
  date: 2025-03-01
  attachments:
    - label: 附件1
      title: 考核细则
      content:
        - {assessment: 参训}
        - 注：以上安排可调整。
assessments: [{id: 参训, total: 100, components: [{name: 过程性考核, weight: 100}]}]
sections:
  - title: 考核
    content: [考核细则见附件1。]
"""
    report = check(text)
    assert "PL510" not in codes(report) and report.errors == 0
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    d = docx.Document(__import__("io").BytesIO(render_example(report, path)))
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts.index("附件1") > texts.index("2025年3月1日") and texts[texts.index("附件1") + 1] == "考核细则"
    label = next(p for p in d.paragraphs if p.text == "附件1")
    assert label.paragraph_format.page_break_before
    assert "注：以上安排可调整。" in texts


def test_a_masthead_heads_the_page_with_the_number_under_it(tmp_path):
    import docx

    from tests.helpers import check, render_example

    text = ("plancc: 1\ndocument:\n  masthead: 测试县教育体育局文件\n  number: 测教体〔2025〕3号\n"
            "  title: 测试县2025年教师培训实施方案\nsections:\n  - title: 目标\n    content: [提升能力。]\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    d = docx.Document(__import__("io").BytesIO(render_example(check(text), path)))
    texts = [(p.text, p.style.name) for p in d.paragraphs if p.text]
    assert texts[:3] == [("测试县教育体育局文件", "plancc 发文机关标志"), ("测教体〔2025〕3号", "plancc 发文字号"),
                         ("测试县2025年教师培训实施方案", "Title")]


def test_an_attachment_nested_deeper_than_the_ladder_is_a_located_error_at_validate():
    """What validates renders: an attachment's sections are held to the seven numbering forms too."""
    from tests.helpers import MINIMAL, check

    lines = [MINIMAL.rstrip("\n"), "  attachments:", "    - label: 附件1", "      title: 表", "      sections:"]
    for d in range(8):
        pad = " " * (8 + 4 * d)
        lines.append(f"{pad}- title: 第{d + 1}层")
        lines.append(f"{pad}  sections:" if d < 7 else f"{pad}  content: [正文。]")
    report = check("\n".join(lines) + "\n")
    (d,) = [d for d in report.diagnostics if d.severity == "error"]
    assert d.code == "PL104" and "第 8 层" in d.message and d.path.startswith("document.attachments[0].sections")
