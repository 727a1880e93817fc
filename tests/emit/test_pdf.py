"""PDF preview through LibreOffice: page size, text order, page numbers, the 22×28 grid.

The LibreOffice tests are marked ``pdf`` and skipped when soffice is missing; the
error paths (no LibreOffice, timeout, failure) run everywhere with stand-in scripts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plancc.emit import pdf as pdfmod
from plancc.emit.pdf import PdfConversionError, PdfTimeout, PdfUnavailable, convert_to_pdf

from .conftest import BODY_SENTENCE, convert, has_soffice, rich_document

needs_poppler = pytest.mark.skipif(not (shutil.which("pdfinfo") and shutil.which("pdftotext")), reason="poppler-utils missing")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def _page_text(pdf: Path, page: int, layout: bool = False) -> str:
    args = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return _run(*args)


@pytest.fixture(scope="module")
def rich_pdf(tmp_path_factory, profile, soffice_required) -> Path:
    """The rich document with two pages of plain body text and a 40-row catalog."""
    return convert(tmp_path_factory.mktemp("pdf"), "rich", rich_document(catalog_rows=40, body_pages=2), profile)


@pytest.mark.pdf
@needs_poppler
def test_all_pages_are_a4(rich_pdf: Path) -> None:
    info = _run("pdfinfo", str(rich_pdf))
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 5
    sizes = _run("pdfinfo", "-f", "1", "-l", str(pages), str(rich_pdf))
    found = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", sizes)
    assert len(found) == pages
    for w, h in found:
        assert abs(float(w) - 595.3) <= 1 and abs(float(h) - 841.9) <= 1


@pytest.mark.pdf
@needs_poppler
def test_fonts_are_embedded_and_mapped_to_cjk_faces(rich_pdf: Path) -> None:
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts missing")
    rows = _run("pdffonts", str(rich_pdf)).splitlines()[2:]
    assert rows and all(" yes " in r for r in rows)
    names = " ".join(r.split()[0] for r in rows)
    installed = _run("fc-list") if shutil.which("fc-list") else ""
    if "Noto Serif CJK" in installed and "Noto Sans CJK" in installed:
        assert "Serif" in names and "Sans" in names  # 仿宋 → serif, 黑体 → sans, not sans everywhere


@pytest.mark.pdf
@needs_poppler
def test_headings_appear_in_order(rich_pdf: Path) -> None:
    text = re.sub(r"\s+", "", _run("pdftotext", str(rich_pdf), "-"))
    wanted = ["全员培训实施方案", "一、指导思想", "（一）培训对象", "1.新教师", "（1）学时要求", "①", "二、培训安排",
              "表1", "附件：1.课程目录", "2025年1月6日", "附件1", "课程目录", "表2"]
    pos = []
    start = 0
    for w in wanted:
        i = text.find(w, start)
        assert i >= 0, f"{w!r} missing after position {start}"
        pos.append(i)
        start = i + len(w)


@pytest.mark.pdf
@needs_poppler
def test_page_numbers_in_footers(rich_pdf: Path) -> None:
    for page in (1, 2, 3):
        lines = [ln for ln in _page_text(rich_pdf, page).splitlines() if ln.strip()]
        footer = re.sub(r"\s+", "", lines[-1])
        assert footer == f"\u2014{page}\u2014", lines[-1]


def _dash_boxes(pdf: Path, page: int) -> list[tuple[float, float, float, float]]:
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    return [tuple(map(float, m)) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">[^<]*\u2014', html)]


@pytest.mark.pdf
@needs_poppler
def test_page_number_position(rich_pdf: Path, profile) -> None:
    """7.5: odd numbers one character in from the right edge of the type area, even ones
    from the left; the dashes sit about 7 mm below the type area."""
    pt = 1 / 20  # twips → points
    page = profile.page
    right_edge = (page.width - page.margins.right - profile.page_number.odd.indent_right) * pt
    left_edge = (page.margins.left + profile.page_number.even.indent_left) * pt
    area_bottom = (page.height - page.margins.bottom) * pt
    odd, even = _dash_boxes(rich_pdf, 1), _dash_boxes(rich_pdf, 2)
    assert len(odd) == len(even) == 2
    assert abs(max(b[2] for b in odd) - right_edge) < 3
    assert abs(min(b[0] for b in even) - left_edge) < 3
    mid = (odd[0][1] + odd[0][3]) / 2
    assert 5 <= (mid - area_bottom) / 72 * 25.4 <= 9  # mm below the type area


@pytest.mark.pdf
@needs_poppler
def test_body_page_has_at_most_22_lines_of_at_most_28_characters(rich_pdf: Path) -> None:
    """Page 2 is plain body text: the line grid must give 22 lines of 28 characters."""
    raw = _page_text(rich_pdf, 2, layout=True)
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    body = [ln for ln in lines if "\u2014" not in ln]
    assert 21 <= len(body) <= 22, raw
    counts = [len(CJK.findall(ln)) for ln in body]
    assert max(counts) <= 28
    # full lines really reach 28 (the −5 tracking works); first lines carry the 2-character indent
    assert counts.count(28) >= 10, counts


@pytest.mark.pdf
def test_conversion_output_is_atomic_and_named_after_the_source(tmp_path, profile, soffice_required) -> None:
    from plancc.emit.docx import write_docx

    src = write_docx(rich_document(catalog_rows=0), profile, tmp_path / "方案.docx")
    out_dir = tmp_path / "out"
    (out_dir).mkdir()
    (out_dir / "方案.pdf").write_bytes(b"stale")
    pdf = convert_to_pdf(src, out_dir)
    assert pdf == out_dir / "方案.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out_dir.iterdir()) == ["方案.pdf"]


# ---------------------------------------------------------------- error paths (no LibreOffice needed)


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!{sys.executable}\nimport sys, time, os\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_missing_libreoffice_raises_pdf_unavailable(tmp_path, monkeypatch) -> None:
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    monkeypatch.setattr(pdfmod.shutil, "which", lambda name: None)
    with pytest.raises(PdfUnavailable, match="LibreOffice"):
        convert_to_pdf(src, tmp_path)


@pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")
def test_timeout_kills_the_process_group(tmp_path, monkeypatch) -> None:
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    marker = tmp_path / "child.pid"
    # the fake soffice starts a grandchild, like oosplash → soffice.bin, then hangs
    body = (
        "import subprocess\n"
        f"p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(marker)!r}, 'w').write(str(p.pid))\n"
        "time.sleep(60)"
    )
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: _fake_soffice(tmp_path, body))
    t0 = time.monotonic()
    with pytest.raises(PdfTimeout, match="秒内未完成"):
        convert_to_pdf(src, tmp_path / "out", timeout=2)
    assert time.monotonic() - t0 < 15
    child = int(marker.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        # reaped by init eventually; a zombie still answers kill(0)
        if Path(f"/proc/{child}/stat").exists() and " Z " in Path(f"/proc/{child}/stat").read_text():
            break
        time.sleep(0.1)
    else:
        pytest.fail("grandchild survived the timeout")
    assert not (tmp_path / "out" / "a.pdf").exists()


@pytest.mark.skipif(os.name != "posix", reason="shebang scripts")
def test_failed_conversion_is_reported(tmp_path, monkeypatch) -> None:
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: _fake_soffice(tmp_path, "sys.stderr.write('Error: source file could not be loaded'); sys.exit(1)"))
    with pytest.raises(PdfConversionError, match="could not be loaded"):
        convert_to_pdf(src, tmp_path / "out")


@pytest.mark.skipif(os.name != "posix", reason="shebang scripts")
def test_private_profile_and_fontconfig_are_passed(tmp_path, monkeypatch) -> None:
    """The converter gets a fresh -env:UserInstallation and FONTCONFIG_FILE pointing at plancc's fonts.conf."""
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    log = tmp_path / "args.txt"
    body = (
        f"open({str(log)!r}, 'w').write('\\n'.join(sys.argv[1:] + [os.environ.get('FONTCONFIG_FILE', '')]))\n"
        "out = sys.argv[sys.argv.index('--outdir') + 1]\n"
        "open(os.path.join(out, 'a.pdf'), 'wb').write(b'%PDF-1.4 fake')"
    )
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: _fake_soffice(tmp_path, body))
    pdf = convert_to_pdf(src, tmp_path / "out")
    assert pdf.read_bytes() == b"%PDF-1.4 fake"
    args = log.read_text().splitlines()
    assert any(a.startswith("-env:UserInstallation=file://") for a in args)
    assert "--headless" in args
    assert args[-1] == str(pdfmod.FONTS_CONF)
    conf = pdfmod.FONTS_CONF.read_text(encoding="utf-8")
    assert '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in conf
    for name in ("仿宋_GB2312", "方正小标宋简体", "宋体", "SimSun", "黑体", "SimHei", "楷体_GB2312", "KaiTi", "FangSong"):
        assert f"<string>{name}</string>" in conf or f"<family>{name}</family>" in conf, name


@pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig tools missing")
def test_fontconfig_aliases_resolve_to_the_right_kind_of_face() -> None:
    env = dict(os.environ, FONTCONFIG_FILE=str(pdfmod.FONTS_CONF))

    def family(name: str) -> str:
        return subprocess.run(["fc-match", "-f", "%{family[0]}", name], env=env, capture_output=True, text=True, timeout=30).stdout

    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30).stdout
    if "Noto Serif CJK SC" not in installed or "AR PL UKai CN" not in installed:
        pytest.skip("fonts-noto-cjk / fonts-arphic-ukai not installed")
    for name in ("仿宋_GB2312", "仿宋", "FangSong", "方正小标宋简体", "宋体", "SimSun"):
        assert family(name) == "Noto Serif CJK SC", name
    for name in ("黑体", "SimHei"):
        assert family(name) == "Noto Sans CJK SC", name
    for name in ("楷体_GB2312", "楷体", "KaiTi"):
        assert family(name) == "AR PL UKai CN", name


def test_soffice_detection_message_is_chinese(monkeypatch) -> None:
    monkeypatch.setattr(pdfmod.shutil, "which", lambda name: None)
    with pytest.raises(PdfUnavailable) as e:
        pdfmod.find_soffice()
    assert "未找到 LibreOffice" in str(e.value)
    assert has_soffice() in (True, False)
    assert BODY_SENTENCE  # shared fixture text is importable


@pytest.mark.pdf
@needs_poppler
def test_signature_centred_over_date_four_characters_from_the_margin(rich_pdf: Path, profile) -> None:
    html = _run("pdftotext", "-bbox-layout", str(rich_pdf), "-")
    lines = re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', html, re.S)
    text = {re.sub(r"<[^>]+>|\s", "", body): (float(a), float(b)) for a, b, body in lines}
    sig, date = text["某某县教师发展中心"], text["2025年1月6日"]
    assert abs((sig[0] + sig[1]) / 2 - (date[0] + date[1]) / 2) < 8  # within half a character
    right_margin = (profile.page.width - profile.page.margins.right) / 20
    assert abs(right_margin - date[1] - 64) < 4  # 右空四字: 4 × 16 pt
