"""Golden checks on the example plans: they render, the .docx has the 公文 layout, and
LibreOffice's PDF carries every theme, module, course, phase and assessment item in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plancc.driver.render import RenderJob, render_docx_bytes
from plancc.emit.readback import check_against_profile, read_docx
from plancc.layout.profile import load_profile
from plancc.driver.check import check_file
from plancc.driver.settings import Settings
from tests.conftest import require_soffice
from tests.helpers import ROOT, check_example, render_example

PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def test_there_are_example_plans():
    assert len(PLANS) >= 3


@pytest.fixture(scope="module", params=PLANS, ids=[p.stem for p in PLANS])
def rendered(request, tmp_path_factory):
    path = request.param
    report = check_example(path)
    data = render_example(report, path)
    out = tmp_path_factory.mktemp(path.stem) / f"{path.stem}.docx"
    out.write_bytes(data)
    return report.plan, out, data


def test_rendering_twice_gives_identical_bytes(rendered):
    _, out, data = rendered
    source = ROOT / "plans" / f"{out.stem}.yaml"
    again = render_docx_bytes(check_file(source, Settings()), RenderJob(plan_path=source, output=out, bases=[source.parent, ROOT]))
    assert again == data


def test_docx_layout_matches_the_profile(rendered):
    _, out, _ = rendered
    facts = read_docx(out)
    assert (facts.page_width, facts.page_height) == (11906, 16838)
    assert facts.margins["top"] == 2098 and facts.margins["bottom"] == 1984
    assert facts.margins["left"] == 1587 and facts.margins["right"] == 1474
    assert (facts.grid_type, facts.line_pitch) == ("lines", 579)
    assert facts.even_and_odd
    assert facts.theme_font_refs == []
    assert facts.non_black_colors == []
    for name, style in facts.styles.items():
        assert style.east_asia, f"style {name} has no East Asian font"
    assert check_against_profile(facts, load_profile()) == []


def test_headings_are_numbered_by_level(rendered):
    _, out, _ = rendered
    patterns = {
        "heading 1": r"^[一二三四五六七八九十]+、",
        "heading 2": r"^（[一二三四五六七八九十]+）",
        "heading 3": r"^\d+\.",
        "heading 4": r"^（\d+）",
    }
    seen = set()
    for style, text in read_docx(out).paragraphs:
        key = style.lower()
        if key in patterns and text and not text.startswith("第"):
            assert re.match(patterns[key], text), (style, text)
            seen.add(key)
    assert {"heading 1", "heading 2"} <= seen


def test_tables_repeat_header_rows_and_rows_do_not_split(rendered):
    plan, out, _ = rendered
    tables = read_docx(out).tables
    for t in tables:
        assert t.header_rows >= 1
        assert all(t.cant_split)
        assert sum(t.grid_widths) == 8844
    if plan.catalog is not None:
        assert any(t.rows == len(plan.catalog.courses) + 1 for t in tables)


def test_footers_carry_page_fields_on_odd_and_even_pages(rendered):
    _, out, _ = rendered
    footers = {f.kind: f for f in read_docx(out).footers}
    assert footers["default"].has_page_field and footers["even"].has_page_field
    assert footers["default"].align == "right" and footers["even"].align == "left"
    assert footers["default"].em_dashes == 2


# ---------------------------------------------------------------- the plan's items
def expected_sequences(plan) -> dict[str, list[str]]:
    seqs: dict[str, list[str]] = {}
    tier_order = [t.name for t in plan.tiers]
    seqs["themes"] = [st.themes[t] for st in plan.stages for t in tier_order if st.themes.get(t)]
    seqs["modules"] = [name for ms in plan.module_sets for name in ms.names]
    if plan.catalog is not None:
        seqs["courses"] = [c.title for c in plan.catalog.courses]
    seqs["phases"] = [ph.name or ph.task_list[0][:12] for ph in plan.phases if ph.name or ph.task_list]
    seqs["assessment"] = [c.name for a in plan.assessments for c in a.components] + [i.name for a in plan.assessments for i in a.items]
    seqs["evaluation"] = [i.sub or i.indicator for e in plan.evaluations for i in e.items]
    return {k: v for k, v in seqs.items() if v}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_order(haystack: str, needles: list[str], what: str) -> None:
    pos = 0
    hay = _squash(haystack)
    for needle in needles:
        n = _squash(needle).replace("{=", "")
        found = hay.find(n, pos)
        assert found >= 0, f"{what}: {needle!r} not found after position {pos}"
        pos = found + 1


def _sections_of(plan) -> set[str]:
    out = set()

    def walk(sections):
        for s in sections:
            for b in s.content:
                out.add(type(b).__name__)
            walk(s.sections)

    walk(plan.sections)
    return out


def test_pandoc_reads_the_same_text_in_order(rendered):
    if not shutil.which("pandoc"):
        pytest.skip("pandoc is not installed")
    plan, out, _ = rendered
    # -s: a document that opens with its title gets it as metadata; standalone output prints it
    text = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "-s", "--wrap=none", str(out)], capture_output=True, text=True, timeout=120, check=True).stdout
    blocks = _sections_of(plan)
    seqs = expected_sequences(plan)
    if "ThemesBlock" in blocks and "themes" in seqs:
        assert_in_order(text, seqs["themes"], "themes")
    if "CatalogBlock" in blocks and "courses" in seqs:
        assert_in_order(text, seqs["courses"], "courses")
    assert_in_order(text, [plan.document.title_lines[0]], "title")


@pytest.fixture(scope="module")
def pdf(rendered, tmp_path_factory):
    require_soffice()
    from plancc.emit.pdf import convert_to_pdf

    _, out, _ = rendered
    return convert_to_pdf(out, tmp_path_factory.mktemp("pdf"), timeout=180)


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.mark.pdf
def test_pdf_is_a4_with_page_numbers_on_every_page(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(w - 595.3) < 1 and abs(h - 841.9) < 1
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    for n in range(1, pages + 1):
        page = _pdftotext(pdf, "-f", str(n), "-l", str(n), "-layout")
        assert f"— {n} —" in page or f"—{n}—" in _squash(page), f"page {n} has no page number"


@pytest.mark.pdf
def test_pdf_text_has_every_item_of_the_plan_in_order(rendered, pdf):
    plan, _, _ = rendered
    # page numbers ("— 5 —") stand between the last line of a page and the first of the next
    text = re.sub(r"(?m)^\s*—\s*\d+\s*—\s*$", "", _pdftotext(pdf, "-raw"))
    blocks = _sections_of(plan)
    seqs = expected_sequences(plan)
    wanted = {
        "themes": "ThemesBlock", "modules": "ModulesBlock", "courses": "CatalogBlock", "phases": "PhasesBlock",
        "assessment": "AssessmentBlock", "evaluation": "EvaluationBlock",
    }  # fmt: skip
    checked = 0
    for key, block in wanted.items():
        if key in seqs and block in blocks:
            assert_in_order(text, seqs[key], key)
            checked += 1
    assert checked >= 2
    for line in plan.document.title_lines:
        assert _squash(line) in _squash(text)
