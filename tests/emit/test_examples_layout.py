"""Tables and pages of the rendered examples, read back from the .docx and from the PDF:
table text size from styles, column widths that keep headers whole, outline levels
only on standalone headings, compatibilityMode 15, no page opening with the last
line of a paragraph (widow and orphan control)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from plancc.emit.mapping import COMPATIBILITY_MODE, RUN_IN_KINDS, run_in_style, style_ids
from plancc.emit.readback import check_against_profile, read_docx
from plancc.layout import ir, lay_out
from plancc.layout.columns import _lines, words
from plancc.layout.profile import load_profile
from tests.helpers import ROOT, check_example, render_example

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EXAMPLES = sorted((ROOT / "plans").glob("*.yaml"))


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    path = request.param
    report = check_example(path)
    profile = load_profile()
    doc = lay_out(report.plan, base=[path.parent, ROOT], profile=profile)
    return path, doc, render_example(report, path), profile


def _part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def test_the_examples_conform_to_the_profile_and_open_without_compatibility_mode(example) -> None:
    _, _, data, profile = example
    facts = read_docx(data)
    assert facts.compatibility_mode == COMPATIBILITY_MODE == 15
    assert check_against_profile(facts, profile) == []


def test_table_text_size_comes_from_styles_one_size_a_document(example) -> None:
    _, doc, data, profile = example
    body = _part(data, "word/document.xml")
    cells = body.findall(".//w:tc", NS)
    assert not [e for tc in cells for e in tc.iter(_q("sz"), _q("szCs"))]  # no run or mark carries a size
    styles = _part(data, "word/styles.xml")
    by_id = {s.get(_q("styleId")): s for s in styles.findall("w:style", NS)}

    def size(sid: str) -> int:
        while sid:
            st = by_id[sid]
            sz = st.find("w:rPr/w:sz", NS)
            if sz is not None:
                return int(sz.get(_q("val")))
            based = st.find("w:basedOn", NS)
            sid = based.get(_q("val")) if based is not None else ""
        raise AssertionError("no size")

    cell_styles = {p.get(_q("val")) for tc in cells for p in tc.findall("w:p/w:pPr/w:pStyle", NS)}
    tables = [b for b in doc.blocks if isinstance(b, ir.Table)]
    if not tables:
        assert not cell_styles
        return
    sizes = {size(s) for s in cell_styles}
    assert len(sizes) == 1  # one table text size in the document
    assert sizes <= {profile.styles.table_cell.size, profile.table.dense_size}
    assert len({t.font_size for t in tables}) == 1


def test_headers_break_only_between_words_and_widths_add_up(example) -> None:
    _, doc, data, profile = example
    body = _part(data, "word/document.xml")
    tbls = body.findall(".//w:tbl", NS)
    tables = [b for b in doc.blocks if isinstance(b, ir.Table)]
    assert len(tbls) == len(tables)
    margins = profile.table.cell_margins.left + profile.table.cell_margins.right
    for tbl, table in zip(tbls, tables):
        grid = [int(g.get(_q("w"))) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
        assert grid == [c.width for c in table.columns] and sum(grid) == profile.table.width
        size = table.font_size or profile.styles.table_cell.size
        for row in tbl.findall("w:tr", NS):
            col = 0
            for tc in row.findall("w:tc", NS):
                span = tc.find("w:tcPr/w:gridSpan", NS)
                n = int(span.get(_q("val"))) if span is not None else 1
                assert int(tc.find("w:tcPr/w:tcW", NS).get(_q("w"))) == sum(grid[col:col + n])
                if row.find("w:trPr/w:tblHeader", NS) is not None:
                    text = "".join(tc.itertext())
                    chars = (sum(grid[col:col + n]) - margins) / (size * 10)
                    assert _lines(text, chars) != float("inf"), (table.name, text, chars)
                col += n
    # the 6-column evaluation table of 淮北: the description is the widest column, 类别 narrow
    for table in tables:
        if table.name == "evaluation":
            widths = [c.width for c in table.columns]
            assert widths[3] == max(widths) and widths[3] > 2.5 * widths[0]


def test_only_standalone_headings_carry_heading_styles(example) -> None:
    _, doc, data, profile = example
    ids = style_ids(profile)
    heading_ids = {ids[k]: k for k in RUN_IN_KINDS}
    run_in_ids = {run_in_style(profile, k)[0] for k in RUN_IN_KINDS}
    body = _part(data, "word/document.xml")
    headed, run_in = [], []
    for p in body.iter(_q("p")):
        style = p.find("w:pPr/w:pStyle", NS)
        text = "".join(t.text or "" for t in p.iter(_q("t")))
        if style is not None and style.get(_q("val")) in heading_ids:
            headed.append(text)
        runs = p.findall("w:r", NS)
        if runs and runs[0].xpath("w:rPr/w:rStyle/@w:val", namespaces=NS)[:1] and \
                runs[0].xpath("w:rPr/w:rStyle/@w:val", namespaces=NS)[0] in run_in_ids:
            assert style.get(_q("val")) == ids["body"]
            run_in.append(text)
    want_headed = [b.text for b in doc.blocks if isinstance(b, ir.Paragraph) and b.kind in RUN_IN_KINDS and not b.run_in]
    want_run_in = [b.text for b in doc.blocks if isinstance(b, ir.Paragraph) and b.kind in RUN_IN_KINDS and b.run_in]
    assert headed == want_headed and run_in == want_run_in
    assert want_headed  # every example has headings
    # the body style carries no outline level, the heading styles do
    styles = _part(data, "word/styles.xml")
    by_id = {s.get(_q("styleId")): s for s in styles.findall("w:style", NS)}
    assert by_id[ids["body"]].find("w:pPr/w:outlineLvl", NS) is None
    for sid in heading_ids:
        assert by_id[sid].find("w:pPr/w:outlineLvl", NS) is not None
    for sid in run_in_ids:
        assert by_id[sid].get(_q("type")) == "character"


def test_the_body_style_keeps_widows_and_orphans_off_the_page_edges(example) -> None:
    _, _, data, profile = example
    styles = _part(data, "word/styles.xml")
    normal = styles.xpath(f"w:style[@w:styleId='{style_ids(profile)['body']}']", namespaces=NS)[0]
    widow = normal.find("w:pPr/w:widowControl", NS)
    assert widow is not None and widow.get(_q("val")) in (None, "1", "true")


# --------------------------------------------------------------------------- PDF


def _widows(pdf: Path) -> list[tuple[int, str]]:
    """Pages that open with a single last line of a paragraph begun on the page before: a line at
    the left edge, not full, followed by an indented line (a new paragraph or heading)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for n, page in enumerate(text.split("\f"), 1):
        lines = [ln for ln in page.splitlines() if ln.strip() and not re.fullmatch(r"\s*—\s*\d+\s*—\s*", ln)]
        if n == 1 or len(lines) < 2 or re.search(r"\S\s{3,}\S", lines[0].strip()):
            continue  # no page before, or a table row
        indent = [len(ln) - len(ln.lstrip()) for ln in lines]
        if indent[0] == min(indent) and indent[1] > indent[0] and len(lines[0].strip()) < 27:
            found.append((n, lines[0].strip()))
    return found


def _header_lines(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.splitlines()


@pytest.mark.pdf
@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice missing")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_no_page_opens_with_a_widow_and_headers_keep_their_words(example, tmp_path: Path) -> None:
    from plancc.emit.pdf import convert_to_pdf

    path, doc, data, _ = example
    docx = tmp_path / f"{path.stem}.docx"
    docx.write_bytes(data)
    pdf = convert_to_pdf(docx, tmp_path)
    assert _widows(pdf) == []
    # a header printed over two lines is cut between its words: every piece pdftotext shows
    # of a header is a run of whole words
    tokens = {tok for line in _header_lines(pdf) for tok in line.split()}
    for table in (b for b in doc.blocks if isinstance(b, ir.Table)):
        for cell in table.header_rows()[0]:
            ws = words(cell.text)
            if len(ws) < 2 or cell.text in tokens:
                continue
            pieces = ["".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 1, len(ws) + 1)]
            broken = [t for t in tokens if t != cell.text and t not in pieces and len(t) < len(cell.text)
                      and (cell.text.startswith(t) or cell.text.endswith(t)) and len(t) > 1]
            assert not broken, (table.name, cell.text, broken)
