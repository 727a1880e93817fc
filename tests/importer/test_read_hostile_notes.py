"""Hostile footnotes, endnotes, fields and tracked changes (the parts and elements the reader
takes in besides the body): bounded time and memory, a WordFileError or a reading, never
another exception."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from plancc.errors import WordFileError
from plancc.importer.docx import read_docx

from .docxbuild import NSDECL, Doc, zip_bytes
from .test_read_word_features import note, with_notes

W_OPEN = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NSDECL}><w:body>'.encode()
W_CLOSE = b"</w:body></w:document>"


def _with_body(body: bytes, footnotes: str = "") -> bytes:
    """A package whose document.xml is ``body`` (raw bytes of w:body content)."""
    data = with_notes(Doc().para("x"), footnotes) if footnotes else Doc().para("x").bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = W_OPEN + body + W_CLOSE
    return zip_bytes(parts)


def timed(data: bytes, seconds: float = 10):
    t0 = time.monotonic()
    try:
        doc = read_docx(data)
    finally:
        assert time.monotonic() - t0 < seconds
    return doc


def test_twenty_thousand_footnotes_each_cited():
    n = 20_000
    notes = "".join(note("footnote", i, f"注{i}") for i in range(1, n + 1))
    body = b"".join(b'<w:p><w:r><w:t>a</w:t></w:r><w:r><w:footnoteReference w:id="%d"/></w:r></w:p>' % i for i in range(1, n + 1))
    doc = timed(_with_body(body, notes), 30)
    assert len(doc.blocks) == 2 * n and doc.blocks[-1].text == f"注{n}"


def test_one_long_footnote_cited_200_000_times_is_placed_once():
    long_note = note("footnote", 1, "很长的注文" * 20_000)
    refs = b'<w:r><w:footnoteReference w:id="1"/></w:r>' * 200_000
    doc = timed(_with_body(b"<w:p><w:r><w:t>\xe6\xad\xa3\xe6\x96\x87</w:t></w:r>" + refs + b"</w:p>", long_note), 30)
    assert [len(p.text) for p in doc.paragraphs()] == [2, 100_000]


def test_references_to_missing_notes_and_odd_ids():
    body = b"".join(b'<w:p><w:r><w:footnoteReference w:id="%s"/></w:r><w:r><w:endnoteReference/></w:r></w:p>' % v
                    for v in (b"", b"-1", b"0", b"99999999999999999999", "\u6ce8".encode()))
    doc = timed(_with_body(body, note("footnote", 5, "孤立的注")))
    assert [p.text for p in doc.paragraphs()] == [""] * 5


def test_deeply_nested_tables_inside_a_footnote():
    deep = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p>" * 60 + "</w:tc></w:tr></w:tbl>" * 60
    doc = timed(_with_body(b'<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
                           f'<w:footnote w:id="1">{deep}<w:p/></w:footnote>'))
    notes = [p for p in doc.paragraphs() if p.note]
    assert "".join(p.text for p in notes).count("格") == 60 and notes[0].note == "footnote"  # past the table depth: bare text


def test_footnotes_nested_past_the_parser_limit_are_refused():
    deep = "<w:sdt><w:sdtContent>" * 50_000 + "</w:sdtContent></w:sdt>" * 50_000
    with pytest.raises(WordFileError) as e:
        read_docx(_with_body(b"<w:p/>", f'<w:footnote w:id="1">{deep}</w:footnote>'))
    assert e.value.key == "import.read.too_deep" and "footnotes.xml" in str(e.value)


@pytest.mark.parametrize("xml, damaged", [(b"not xml at all", True), (b"<w:footnotes xmlns:w='x'><w:footnote/></w:footnotes>", False),
                                          (b"<html/>", False)])
def test_a_footnotes_part_that_is_broken_or_foreign(xml, damaged):
    data = with_notes(Doc().para("正文"), note("footnote", 1, "注"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/footnotes.xml"] = xml
    if damaged:
        with pytest.raises(WordFileError) as e:
            read_docx(zip_bytes(parts))
        assert e.value.key == "import.read.damaged" and e.value.exit_code == 2 and "footnotes.xml" in str(e.value)
    else:
        assert [p.text for p in read_docx(zip_bytes(parts)).paragraphs()] == ["正文"]  # notes of another vocabulary: none


def test_200_000_fields_begun_and_never_ended():
    body = b"<w:p>" + b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>' * 200_000 + b"</w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>"
    doc = timed(_with_body(body), 30)
    assert [p.text for p in doc.paragraphs()][-1] == "after"


def test_100_000_tocs_opened_in_their_results():
    one = (b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC </w:instrText></w:r>'
           b'<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    body = b"<w:p>" + one * 100_000 + b"</w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>"
    doc = timed(_with_body(body), 30)
    assert [p.text for p in doc.paragraphs()][-1] == "after"  # read again showing every result


def test_a_huge_field_instruction():
    body = (b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>' + b"<w:r><w:instrText>TOC" + b" \\o" * 2_000_000
            + b'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>line</w:t></w:r>'
            b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:r><w:t>body</w:t></w:r></w:p>')
    doc = timed(_with_body(body))
    assert [p.text for p in doc.paragraphs()] == ["body"]


def test_50_000_paragraphs_with_deleted_marks_join_in_linear_time():
    n = 50_000
    mark = b'<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    body = b"".join(b"<w:p>" + mark + b"<w:r><w:t>\xe5\xad\x97</w:t></w:r></w:p>" for _ in range(n)) + b"<w:p><w:r><w:t>end</w:t></w:r></w:p>"
    doc = timed(_with_body(body), 20)
    assert [len(p.text) for p in doc.paragraphs()] == [n + 3]


def test_eq_fields_with_huge_or_many_instructions():
    huge = (b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>eq \\o\\ac(\xe2\x97\x8b,'
            + b"(" * 2_000_000 + b'1)</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>x</w:t></w:r></w:p>')
    many = b"<w:p>" + (b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>eq \\o\\ac(\xe2\x97\x8b,7)</w:instrText></w:r>'
                       b'<w:r><w:fldChar w:fldCharType="end"/></w:r>') * 50_000 + b"</w:p>"
    doc = timed(_with_body(huge + many))
    assert [p.text for p in doc.paragraphs()] == ["x", "⑦" * 50_000]


def test_fifty_thousand_smartart_drawings_naming_one_data_part_through_many_ids():
    n = 50_000
    data_part = ('<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
                 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
                 + '<dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>节点</a:t></a:r></a:p></dgm:t></dgm:pt>' * 1000
                 + "</dgm:ptLst></dgm:dataModel>").encode()
    body = b"".join(b'<w:p><w:r><w:drawing><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
                    b'r:dm="rIdD%d"/></w:drawing></w:r></w:p>' % i for i in range(n))
    with zipfile.ZipFile(io.BytesIO(_with_body(body))) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    parts["word/diagrams/data1.xml"] = data_part
    rels = "".join(f'<Relationship Id="rIdD{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" '
                   f'Target="diagrams/data1.xml"/>' for i in range(n))
    name = "word/_rels/document.xml.rels"
    parts[name] = parts[name].replace(b"</Relationships>", rels.encode() + b"</Relationships>")
    doc = timed(zip_bytes(parts), 20)
    assert sum(p.text == "节点" for p in doc.paragraphs()) == 1000  # the part's lines once


def _chunked(body: bytes, chunks: dict[str, bytes], limits=None) -> bytes:
    from .test_read_word_features import with_chunks

    data = with_chunks(Doc().para("x"), chunks)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = W_OPEN + body + W_CLOSE
    return zip_bytes(parts)


def test_a_hundred_thousand_alt_chunks_naming_one_page():
    body = b'<w:altChunk r:id="rIdC"/>' * 100_000
    doc = timed(_chunked(body, {"rIdC": "<p>网页</p>".encode()}))
    assert [p.text for p in doc.paragraphs()] == ["网页"]


def test_html_chunks_with_absurd_spans_deep_nesting_and_junk():
    spans = "<table>" + "<tr><td rowspan=99999999 colspan=99999999>x</td><td rowspan=-3 colspan=abc>y</td></tr>" * 2000 + "</table>"
    deep = "<div>" * 100_000 + "深" + "</div>" * 100_000
    tables = "<table><tr><td>" * 5000 + "格" + "</td></tr></table>" * 5000
    junk = bytes(range(256)) * 1000
    chunks = {"rIdA": spans.encode(), "rIdB": deep.encode(), "rIdC": tables.encode(), "rIdD": b"<html>" + junk}
    body = b"".join(b'<w:altChunk r:id="%s"/>' % k.encode() for k in chunks)
    doc = timed(_chunked(body, chunks), 30)
    (t, *rest) = doc.tables()
    assert t.n_rows == 2000 and t.n_cols <= 256 and all(c.colspan <= 64 for c in t.cells)
    assert "".join(c.text for c in t.cells).count("y") == 2000  # cells past the widest grid: text kept in the row


def test_a_word_chunk_counts_against_the_whole_document_s_budget():
    from plancc.importer.docx import ReadLimits

    inner = Doc().para("填充" * 300_000).bytes()  # about 1.8 MB of XML
    chunks = {f"rId{i}": inner for i in range(4)}
    body = b"".join(b'<w:altChunk r:id="rId%d"/>' % i for i in range(4))
    with pytest.raises(WordFileError) as e:
        read_docx(_chunked(body, chunks), limits=ReadLimits(max_total_bytes=5 * 1024 * 1024))
    assert e.value.key == "import.read.too_large"


def test_a_broken_word_chunk_is_a_damaged_part():
    with pytest.raises(WordFileError) as e:
        read_docx(_chunked(b'<w:altChunk r:id="rIdZ"/>', {"rIdZ": b"PK\x03\x04broken"}))
    assert e.value.key == "import.read.damaged" and "afchunk" in str(e.value)


@pytest.mark.parametrize("name", ["wr-qingshui-bureau.docx", "wr-lanshan-centre.docx", "wr-yunxi-platform.docx"])
def test_mutated_rich_documents_never_raise_anything_else(name):
    """Bytes changed at random in the XML of documents with notes, fields, revisions, drawings and chunks."""
    import random
    from pathlib import Path

    from .docxbuild import zip_bytes

    with zipfile.ZipFile(Path(__file__).parent / "foreign" / name) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    rng = random.Random(name)
    names = [n for n in parts if n.endswith((".xml", ".rels", ".htm"))]
    outcomes = set()
    for _ in range(300):
        changed = dict(parts)
        part = rng.choice(names)  # changed before zipping: the XML itself is hit, not the zip's checksums
        data = bytearray(changed[part])
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.choice(b"<>/\"'=&:;x\x00\xff\xe4" + bytes([rng.randrange(256)]))
        changed[part] = bytes(data)
        try:
            read_docx(zip_bytes(changed))
            outcomes.add("read")
        except WordFileError as exc:
            outcomes.add(exc.key)
    assert "read" in outcomes and len(outcomes) >= 2  # some still read, some refused (broken XML)


@pytest.mark.parametrize("name", ["wr-qingshui-bureau.docx", "wr-lanshan-centre.docx", "wr-yunxi-platform.docx"])
def test_rich_documents_with_their_xml_cut_short_or_scrambled(name):
    """Each XML part of the document cut in half, or its tags shuffled, in turn."""
    import random
    from pathlib import Path

    from .docxbuild import zip_bytes

    with zipfile.ZipFile(Path(__file__).parent / "foreign" / name) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    rng = random.Random(15)
    for part in [n for n in parts if n.endswith((".xml", ".rels", ".htm"))]:
        for how in ("cut", "shuffle"):
            changed = dict(parts)
            data = parts[part]
            if how == "cut":
                changed[part] = data[: len(data) // 2]
            else:
                pieces = data.split(b"><")
                rng.shuffle(pieces)
                changed[part] = b"><".join(pieces)
            try:
                read_docx(zip_bytes(changed))
            except WordFileError:
                pass


def test_hostile_embedded_worksheets():
    from .test_read_word_features import SHEET, _embed

    huge_merges = "<mergeCells>" + '<mergeCell ref="A1:XFD1048576"/>' * 2000 + "</mergeCells>"
    many = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + k)}{r}" t="str"><v>v</v></c>' for k in range(20)) + "</row>"
                   for r in range(1, 20_001))
    far = '<row r="99999999"><c r="A99999999" t="str"><v>远</v></c></row><row r="1"><c r="XFD1" t="str"><v>右</v></c></row>'
    odd = '<row r="x"><c r="1A"><v>nan</v></c><c r="A" t="s"><v>-1</v></c></row><row r="2"><c r="A2"><v>inf</v></c><c r="B2" s="999"><v>1e400</v></c></row>'
    for sheet in (SHEET.format('<row r="1"><c r="A1" t="str"><v>a</v></c></row>', huge_merges), SHEET.format(many, ""),
                  SHEET.format(far, ""), SHEET.format(odd, ""), "<worksheet/>", "not xml"):
        try:
            doc = timed(_embed(sheet), 20)
        except WordFileError as exc:
            assert exc.key == "import.read.damaged"
            continue
        for t in doc.tables():
            assert t.n_rows <= 5000 and t.n_cols <= 256


def test_an_embedded_workbook_counts_against_the_document_s_budget():
    from plancc.importer.docx import ReadLimits

    from .test_read_word_features import SHEET, _embed

    rows = "".join(f'<row r="{r}"><c r="A{r}" t="str"><v>{"填" * 200}</v></c></row>' for r in range(1, 5001))
    with pytest.raises(WordFileError) as e:
        read_docx(_embed(SHEET.format(rows, "")), limits=ReadLimits(max_total_bytes=2 * 1024 * 1024))
    assert e.value.key == "import.read.too_large"
