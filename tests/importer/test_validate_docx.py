"""`plancc validate FILE.docx`: the corpus of documents not made by plancc (tests/importer/corpus)
checked against the layout profile, each code on the document that shows it, the rendered
document quiet, hostile packages refused with PLD001, and the same output formats as plans."""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancc.check.docx import check_docx
from plancc.cli.main import cli
from plancc.diagnostics.codes import BUILTIN, LAYOUT_CODES, family_of
from plancc.emit.readback import read_docx

CORPUS = Path(__file__).parent / "corpus"
DOCX = sorted(CORPUS.glob("*.docx"))


def codes(name: str) -> Counter:
    return Counter(d.code for d in check_docx(CORPUS / name).diagnostics)


def findings(name: str, code: str) -> list:
    return [d for d in check_docx(CORPUS / name).diagnostics if d.code == code]


def test_the_corpus_is_there_and_reads():
    names = {p.name for p in CORPUS.iterdir()}
    for want in ("binchuan-typed.docx", "huaibei-typed.docx", "luoerling-typed.docx", "luoerling-autonum.docx",
                 "huaibei-autonum-merged.docx", "huaibei-libreoffice.docx", "binchuan-typed.doc", "binchuan-slips.docx",
                 "plancc-rendered.docx", "make.py", "README.md"):
        assert want in names, want
    for p in DOCX:
        facts = read_docx(p)
        assert len(facts.body) > 10, p.name
        with zipfile.ZipFile(p) as z:  # small: no embedded fonts or images
            assert not [n for n in z.namelist() if n.rsplit(".", 1)[-1].lower() in ("ttf", "otf", "odttf", "png", "jpeg", "jpg", "emf")]
    assert (CORPUS / "binchuan-typed.doc").read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 .doc


def test_automatic_numbering_is_counted_as_word_counts_it():
    facts = read_docx(CORPUS / "luoerling-autonum.docx")
    numbered = [(p.number, p.text) for p in facts.body if p.number]
    assert ("一、", "指导思想") in numbered and ("二、", "培训对象") in numbered
    assert ("（一）", "培训时间") in numbered and ("（二）", "培训学时") in numbered  # level 2 restarts under 三、
    tops = [n for n, _ in numbered if n.endswith("、")]
    assert tops == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert any(n == "1." for n, _ in numbered) and all(p.num_format for p in facts.body if p.number)
    # each ① list restarts through its own w:num with a startOverride
    facts = read_docx(CORPUS / "huaibei-autonum-merged.docx")
    circled = [p.number for p in facts.body if p.number and p.number in "①②③④⑤⑥⑦⑧⑨⑩"]
    assert circled.count("①") >= 3 and circled[:3] == ["①", "②", "③"]


def test_merged_cells_and_the_empty_row_are_read():
    facts = read_docx(CORPUS / "huaibei-autonum-merged.docx")
    merged = [t for t in facts.tables if t.vmerges and t.gridspans]
    assert merged and merged[0].header_rows == 1
    assert facts.pages_known  # Word's rendered page break in the table
    n = facts.tables.index(merged[0]) + 1
    before = next(p for p in facts.body if p.table_after == n)
    assert before.page == 1 and facts.body[before.index].page == 2  # the page where known: after the break


def test_an_attachment_numbers_afresh(tmp_path):
    import docx

    d = docx.Document()
    for text in ("一、目标", "正文。", "二、对象", "附件1", "一、附件的第一节", "二、附件的第二节", "二、又写了一个二"):
        d.add_paragraph(text)
    p = tmp_path / "a.docx"
    d.save(p)
    seq = [x for x in check_docx(p).diagnostics if x.code == "PLD301"]
    assert [x.line for x in seq] == [7]


@pytest.mark.parametrize("info", LAYOUT_CODES, ids=lambda c: c.code)
def test_every_layout_code_is_explained_in_both_languages(info):
    assert family_of(info.code).key == "layout" and BUILTIN[info.code] is info
    assert info.title and info.title_en and info.doc and info.doc_en and info.message and info.message_en
    assert "怎么改" in info.doc and "Fix:" in info.doc_en


# the document on which each code fires (each is quiet on plancc-rendered.docx)
WHERE = {
    "PLD101": "binchuan-slips.docx",
    "PLD102": "binchuan-typed.docx",
    "PLD103": "huaibei-typed.docx",
    "PLD104": "binchuan-typed.docx",
    "PLD105": "huaibei-typed.docx",
    "PLD201": "binchuan-typed.docx",
    "PLD202": "luoerling-typed.docx",
    "PLD203": "huaibei-typed.docx",
    "PLD204": "binchuan-typed.docx",
    "PLD205": "luoerling-typed.docx",
    "PLD301": "binchuan-slips.docx",
    "PLD302": "binchuan-slips.docx",
    "PLD303": "binchuan-slips.docx",
    "PLD304": "luoerling-typed.docx",
    "PLD401": "huaibei-typed.docx",
    "PL801": "binchuan-typed.docx",
    "PL802": "binchuan-slips.docx",
    "PL803": "binchuan-typed.docx",
    "PL804": "luoerling-typed.docx",
    "PL810": "binchuan-typed.docx",
}


def test_every_code_has_its_document():
    assert {c.code for c in LAYOUT_CODES} - {"PLD001"} <= set(WHERE)


@pytest.mark.parametrize("code", sorted(WHERE))
def test_code_fires_on_its_document(code):
    assert codes(WHERE[code])[code] >= 1, (code, codes(WHERE[code]))


def test_the_rendered_document_is_quiet():
    assert check_docx(CORPUS / "plancc-rendered.docx").diagnostics == []


def test_locations_name_the_paragraph_or_the_part():
    (margins,) = findings("binchuan-typed.docx", "PLD102")
    assert margins.span is None and margins.path == "页面设置"
    assert "上 25.4 mm" in margins.message and "上 37.0 mm" in margins.message
    skipped = [d for d in findings("binchuan-slips.docx", "PLD301") if "三、" in d.message]
    assert skipped and skipped[0].line == 7 and skipped[0].path == "第7段“三、培训对象”"
    report = check_docx(CORPUS / "binchuan-slips.docx")
    assert report.loaded.line(7) == "三、培训对象"  # the report's source line is the paragraph
    (placeholder,) = findings("binchuan-slips.docx", "PL802")
    assert placeholder.line == 8 and report.loaded.line(8)[placeholder.column - 1 : placeholder.column + 1] == "XX"
    (header,) = findings("huaibei-typed.docx", "PLD401")[:1]
    assert header.path == "第1个表格"


def test_messages_name_what_was_found_and_what_is_due():
    (date,) = [d for d in findings("luoerling-typed.docx", "PLD304") if "2024-11-11" in d.message]
    assert "2024年11月11日" in date.message
    (number,) = findings("binchuan-typed.docx", "PL803")
    assert "宾教发〔2022〕5号" in number.message
    (font,) = findings("binchuan-typed.docx", "PLD201")
    assert "宋体" in font.message and "仿宋_GB2312" in font.message


@pytest.mark.pdf
@pytest.mark.skipif(not (__import__("shutil").which("soffice") or __import__("shutil").which("libreoffice")), reason="LibreOffice missing")
def test_a_doc_is_checked_through_libreoffice_like_the_docx_it_was_saved_from():
    doc = Counter(d.code for d in check_docx(CORPUS / "binchuan-typed.doc").diagnostics)
    docx = Counter(d.code for d in check_docx(CORPUS / "binchuan-typed.docx").diagnostics)
    assert "PLD001" not in doc and set(doc) == set(docx)


def test_a_doc_without_libreoffice_says_to_install_it_or_save_as_docx(monkeypatch):
    from plancc.emit import pdf

    def missing(*_a, **_k):
        raise pdf.PdfUnavailable("soffice")

    monkeypatch.setattr(pdf, "find_soffice", missing)
    (d,) = check_docx(CORPUS / "binchuan-typed.doc").diagnostics
    assert d.code == "PLD001" and "LibreOffice" in d.message and ".docx" in d.message


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in parts.items():
            z.writestr(k, v)
    return buf.getvalue()


_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         b'Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

HOSTILE = {
    "not-a-zip.docx": b"\x00\x01binary junk" * 100,
    "empty.docx": b"",
    "no-rels.docx": _zip({"word/document.xml": b"<x/>"}),
    "no-document.docx": _zip({"_rels/.rels": _RELS}),
    "broken-xml.docx": _zip({"_rels/.rels": _RELS, "word/document.xml": b"<w:document " + _W + b"><w:body><w:p>"}),
    "deep-tables.docx": _zip({"_rels/.rels": _RELS, "word/document.xml": b"<w:document " + _W + b"><w:body>"
                              + b"<w:tbl><w:tr><w:tc>" * 10_000 + b"</w:tc></w:tr></w:tbl>" * 10_000 + b"</w:body></w:document>"}),
    "entities.docx": _zip({"_rels/.rels": _RELS, "word/document.xml": b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                           b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document ' + _W + b"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"}),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_packages_end_in_one_clear_message(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(HOSTILE[name])
    report = check_docx(p)
    found = [d.code for d in report.diagnostics]
    assert found == ["PLD001"], found
    if name == "entities.docx":  # refused as plancc import refuses it: no Word document declares entities
        assert "DTD" in report.diagnostics[0].message
    assert "无法读取" in report.diagnostics[0].message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", b" " * (200 * 1024 * 1024))
    assert p.stat().st_size < 2 * 1024 * 1024
    (d,) = check_docx(p).diagnostics
    assert d.code == "PLD001" and "过大" in d.message


def test_a_folder_named_docx_is_not_read(tmp_path):
    d = tmp_path / "x.docx"
    d.mkdir()
    result = CliRunner().invoke(cli, ["validate", str(d)])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output


# ---- the command ----------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, ["validate", "--isolated", *args])


def test_cli_exit_codes():
    assert run(str(CORPUS / "plancc-rendered.docx")).exit_code == 0
    assert run(str(CORPUS / "binchuan-typed.docx")).exit_code == 1  # errors
    assert run(str(CORPUS / "huaibei-autonum-merged.docx")).exit_code == 0  # warnings only
    assert run("--strict", str(CORPUS / "huaibei-autonum-merged.docx")).exit_code == 1
    assert run(str(CORPUS / "binchuan-typed.doc")).exit_code == 1


def test_cli_text_quotes_the_paragraph():
    result = run(str(CORPUS / "binchuan-slips.docx"))
    assert "binchuan-slips.docx:7:1: PLD301 [错误]" in result.output
    assert " 7 │ 三、培训对象" in result.output
    assert "检查了 1 个文件" in result.output


def test_cli_json_github_sarif():
    path = str(CORPUS / "binchuan-slips.docx")
    data = json.loads(run("--format", "json", path).output)
    got = {d["code"] for d in data["diagnostics"]}
    assert {"PLD101", "PLD301", "PLD302", "PLD303", "PLD304", "PL802"} <= got
    d = next(d for d in data["diagnostics"] if d["code"] == "PLD302")
    assert d["line"] == 5 and d["path"].startswith("第5段") and d["severity"] == "warning"
    gh = run("--format", "github", path).output
    assert "::error file=" in gh and "title=plancc PLD301::" in gh
    sarif = json.loads(run("--format", "sarif", path).output)
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {c.code for c in LAYOUT_CODES} <= rules
    res = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PLD301")
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 7


def test_cli_select_ignore_and_english():
    path = str(CORPUS / "binchuan-typed.docx")
    only = json.loads(run("--format", "json", "--select", "PLD1", path).output)
    assert {d["code"] for d in only["diagnostics"]} == {"PLD102", "PLD103", "PLD104"}
    rest = json.loads(run("--format", "json", "--ignore", "PLD,PL8", path).output)
    assert rest["diagnostics"] == []
    en = run("--lang", "en", "--select", "PLD102", path).output
    assert "the margins are top 25.4 mm" in en


def test_cli_plans_and_documents_together(tmp_path):
    plan = Path(__file__).parents[2] / "plans" / "binchuan-2022.yaml"
    result = run("--format", "json", str(CORPUS / "plancc-rendered.docx"), str(plan), str(CORPUS / "binchuan-slips.docx"))
    data = json.loads(result.output)
    assert data["files"][0].endswith("plancc-rendered.docx") and data["files"][1].endswith("binchuan-2022.yaml")
    assert result.exit_code == 1


def test_a_document_without_page_setup_says_it_is_not_set(tmp_path):
    """A document with no w:sectPr (pandoc and some web exports write none): the paper and margins
    are reported as not set, never as “? × ?”."""
    body = (b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>\xe6\x9f\x90\xe5\x8e\xbf\xe6\x96\xb9\xe6\xa1\x88</w:t></w:r></w:p>"
            b"</w:body></w:document>")
    p = tmp_path / "bare.docx"
    p.write_bytes(_zip({"_rels/.rels": _RELS, "word/document.xml": body}))
    by_code = {d.code: d.message for d in check_docx(p).diagnostics}
    assert "未设置" in by_code["PLD101"] and "?" not in by_code["PLD101"]
    assert by_code["PLD102"].startswith("页边距为 未设置") and "?" not in by_code["PLD102"]


# ---- the text rules read what plancc import reads -------------------------------------

_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _word(body: str, parts: dict[str, bytes] | None = None, rels: str = "") -> bytes:
    """A package by hand: the body's XML, more parts and their relationships from document.xml."""
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_WNS} {_R} '
           'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>'
           f'{_para("云溪县教师培训实施方案")}{_para("一、目标")}{body}{_para("二、要求")}</w:body></w:document>')
    doc_rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f"{rels}</Relationships>")
    return _zip({"_rels/.rels": _RELS, "word/document.xml": doc.encode(), "word/_rels/document.xml.rels": doc_rels.encode(),
                 **(parts or {})})


_FOOTNOTES = (f'<w:footnotes {_WNS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>名单由XX学校汇总。</w:t></w:r></w:p></w:footnote>'
              "</w:footnotes>").encode()

#: where a placeholder hides from a reader of top-level paragraphs, and the text it is quoted in
HIDDEN = {
    "chunk": (_word('<w:altChunk r:id="rc"/>',
                    {"word/chunk.htm": "<html><body><p>请XX学校于3月前上报名单。</p></body></html>".encode()},
                    f'<Relationship Id="rc" Type="{_DOC_RELS}/aFChunk" Target="chunk.htm"/>'), "请XX学校于3月前上报名单。"),
    "footnote": (_word('<w:p><w:r><w:t>各校按时报送名单。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
                       {"word/footnotes.xml": _FOOTNOTES},
                       f'<Relationship Id="rf" Type="{_DOC_RELS}/footnotes" Target="footnotes.xml"/>'), "名单由XX学校汇总。"),
    "text box": (_word('<w:p><w:r><w:t>报名方式见右。</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
                       '<w:p><w:r><w:t>联系人：XX老师</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'),
                 "联系人：XX老师"),
    "inserted": (_word('<w:p><w:r><w:t>请</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>XX学校</w:t></w:r></w:ins>'
                       "<w:r><w:t>报送。</w:t></w:r></w:p>"), "请XX学校报送。"),
    "content control": (_word("<w:sdt><w:sdtContent>" + _para("由XX负责落实。") + "</w:sdtContent></w:sdt>"), "由XX负责落实。"),
}


@pytest.mark.parametrize("where", sorted(HIDDEN))
def test_a_placeholder_where_only_the_importer_reads_is_found_where_import_places_it(tmp_path, where):
    from plancc.importer import read

    data, text = HIDDEN[where]
    p = tmp_path / "hidden.docx"
    p.write_bytes(data)
    report = check_docx(p)
    (found,) = [d for d in report.diagnostics if d.code == "PL802"]
    # the paragraph plancc import names for that text, and the report quotes the placeholder at its column
    (source,) = [sp for sp in read(p).paragraphs() if sp.text == text]
    assert found.line == source.place.paragraph and found.path.startswith(f"第{source.place.paragraph}段")
    line = report.loaded.line(found.line)
    assert line[found.column - 1 : found.column + 1] == "XX" and text in line
    assert ("注释" in found.path) == (where == "footnote")


def test_a_deleted_placeholder_is_not_checked(tmp_path):
    p = tmp_path / "deleted.docx"
    p.write_bytes(_word('<w:p><w:r><w:t>请各校报送。</w:t></w:r><w:del w:id="1" w:author="a"><w:r>'
                        "<w:delText>XX</w:delText></w:r></w:del></w:p>"
                        # a deleted run written with w:t (some tools do): still deleted
                        '<w:p><w:r><w:t>按时完成。</w:t></w:r><w:del w:id="2" w:author="a"><w:r><w:t>XX县</w:t></w:r></w:del></w:p>'))
    report = check_docx(p)
    assert [d for d in report.diagnostics if d.code == "PL802"] == []
    assert "XX" not in report.loaded.text


def test_the_platform_document_is_checked_beyond_its_title():
    """wr-yunxi-platform holds its body in an imported web page (w:altChunk): its headings are
    checked in order, located where import places them."""
    from plancc.importer import read

    path = Path(__file__).parent / "foreign" / "wr-yunxi-platform.docx"
    report = check_docx(path)
    numbers = {sp.place.paragraph: sp.number + sp.text for sp in read(path).paragraphs()}
    (skip,) = [d for d in report.diagnostics if d.code == "PLD302"]
    assert numbers[skip.line].startswith("1.") and report.loaded.line(skip.line) == numbers[skip.line]


def test_a_text_box_numbered_like_a_heading_is_read_as_words_not_a_heading(tmp_path):
    """A flow chart drawn in text boxes (“1.报名” “3.结业”) sits in the body: its numbers are not
    headings out of order, its words are still checked."""
    box = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in ("1.XX报名", "3.结业"))
    p = tmp_path / "chart.docx"
    p.write_bytes(_word('<w:p><w:r><w:t>流程如下。</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
                        f"{box}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"))
    got = Counter(d.code for d in check_docx(p).diagnostics)
    assert got["PL802"] == 1 and got["PLD301"] == 0 and got["PLD302"] == 0
