"""Import, read stage: a 100-page Word document read into paragraphs and tables
(``plancc.importer.docx.read_document``) as a whole process, against python-docx
opening the same file and collecting the text of its paragraphs and table cells
(what most tools that read .docx do, and less than plancc does: no numbering, no
merges, no styles resolved).

    python bench/import_read.py [--repeat 7] [--quick]

The document is the Huaibei plan as plancc renders it, its body repeated until it
holds 100 pages of GB/T 9704 text (22 lines × 28 characters a page), with Word's
automatic numbering (``chineseCounting``, ``（%2）``) on every heading so that numbering
is resolved as it would be in a clerk's document.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PLANS, REPO, Target, Verdicts, compile_package, interleaved, line, plancc_cmd, seconds  # noqa: E402

PAGE_CHARS = 22 * 28
READ_VS_PYTHON_DOCX = Target("import read vs python-docx", 1.0, "≤ 1.0")
READ_SECONDS = Target("import read of 100 pages", 1.0, "< 1 s", strict=True)

NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num></w:numbering>'
)
_HEADING = re.compile(r'<w:pPr><w:pStyle w:val="(Heading[1-4])"/>')


def write_input(folder: Path, pages: int = 100) -> tuple[Path, int]:
    """The rendered Huaibei plan grown to ``pages`` pages; its path and the characters of its body."""
    rendered = folder / "huaibei.docx"
    subprocess.run([*plancc_cmd(), "render", "--isolated", str(PLANS / "huaibei-2022-2023.yaml"), "-o", str(rendered)],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with zipfile.ZipFile(rendered) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    head, rest = xml.split("<w:body>", 1)
    body, tail = rest.rsplit("<w:sectPr", 1)

    def numbered(m: re.Match) -> str:
        level = int(m.group(1)[-1]) - 1
        return f'<w:pPr><w:pStyle w:val="{m.group(1)}"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'

    body = _HEADING.sub(numbered, body)
    chars = len("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)))
    copies = max(1, -(-pages * PAGE_CHARS // max(chars, 1)))
    parts["word/document.xml"] = (head + "<w:body>" + body * copies + "<w:sectPr" + tail).encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    if "/numbering" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdBenchNum" Type="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
        parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    parts["word/numbering.xml"] = NUMBERING.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if "/word/numbering.xml" not in types:
        parts["[Content_Types].xml"] = types.replace("</Types>", '<Override PartName="/word/numbering.xml" ContentType='
                                                     '"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>').encode("utf-8")
    out = folder / f"plan-{pages}-pages.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out, chars * copies


READ = ("import sys\nfrom plancc.importer.docx import read_document\n"
        "doc = read_document(sys.argv[1])\nassert len(doc.body_text()) > 1000\n")
PYTHON_DOCX = ("import sys, docx\nd = docx.Document(sys.argv[1])\ntext = [p.text for p in d.paragraphs]\n"
               "cells = [c.text for t in d.tables for r in t.rows for c in r.cells]\nassert len(''.join(text)) > 1000\n")


def in_process(path: Path, repeat: int) -> float:
    """Median seconds of read_document in a warm process (what import pays beyond start-up)."""
    code = ("import sys, time, statistics\nfrom plancc.importer.docx import read_document\n"
            "read_document(sys.argv[1])\nts = []\n"
            f"for _ in range({repeat}):\n    t = time.perf_counter(); read_document(sys.argv[1]); ts.append(time.perf_counter() - t)\n"
            "print(statistics.median(ts))\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True, cwd=REPO)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="10 pages, one run each (a smoke test)")
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    pages = 10 if args.quick else 100
    compile_package()
    verdicts = Verdicts(args.quick)
    with tempfile.TemporaryDirectory(prefix="plancc-bench-") as tmp:
        path, chars = write_input(Path(tmp), pages)
        runs = interleaved({"read": [sys.executable, "-c", READ, str(path)],
                            "python-docx": [sys.executable, "-c", PYTHON_DOCX, str(path)],
                            "python": [sys.executable, "-c", "import lxml.etree"]}, repeat, cwd=REPO, warmup=not args.quick)
        warm = in_process(path, repeat)
    rd, ref, py = runs["read"], runs["python-docx"], runs["python"]
    ratio = rd.wall / ref.wall
    print(f"Import, read stage ({pages} pages, {chars:,} characters; whole process, median of {repeat})")
    print(line("python -c 'import lxml.etree'", seconds(py.wall)))
    print(line("plancc read_document", seconds(rd.wall), f"cpu {rd.cpu:.3f} s, {rd.max_rss_mb:.0f} MB"))
    print(line("python-docx paragraphs and cells", seconds(ref.wall), f"cpu {ref.cpu:.3f} s, {ref.max_rss_mb:.0f} MB"))
    print(line("  plancc / python-docx", f"{ratio:.2f} ×", verdicts.check(READ_VS_PYTHON_DOCX, ratio)))
    print(line("  read_document in a warm process", seconds(warm), verdicts.check(READ_SECONDS, warm)))
    return {"read": rd.wall, "python_docx": ref.wall, "ratio": ratio, "warm": warm, "verdicts": verdicts}


if __name__ == "__main__":
    main()
