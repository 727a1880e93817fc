"""Fixtures for the emit tests: hand-built IR documents, the default profile, and
LibreOffice conversions shared per module (one conversion takes seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plancc.layout import ir
from plancc.layout.columns import scale_widths
from plancc.layout.profile import Profile, load_profile
from plancc.layout.signature import centre_signatures
from plancc.layout.metrics import Centring

P, R, C, Col = ir.Paragraph, ir.Run, ir.Cell, ir.Column


def columns(*specs: tuple) -> list[ir.Column]:
    """Columns from (title, weight, align) with their widths scaled to the default
    table width in twips, as layout does."""
    widths = scale_widths([s[1] for s in specs], 8844)
    return [Col(s[0], w, *s[2:]) for s, w in zip(specs, widths)]

BODY_SENTENCE = "坚持问题导向，聚焦课堂教学改革和教师专业成长，统筹推进县、校两级研修。"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "pdf: converts documents with LibreOffice (needs soffice)")


def has_soffice() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def merged_table() -> ir.Table:
    """A table with two header rows (a gridSpan in the header), vertical merges and a
    body gridSpan."""
    cols = columns(("阶段", 1.2, "center"), ("层级", 1.0, "center"), ("内容", 3.0), ("学时", 0.8, "right"))
    header = [
        [C("阶段", align="center", bold=True, vmerge="restart"), C("培训安排", span=3, align="center", bold=True)],
        [C("", vmerge="continue"), C("层级", align="center"), C("内容", align="center"), C("学时", align="center")],
    ]
    rows = [
        [C("第一阶段", vmerge="restart"), C("新教师"), C("师德师风与教育法规"), C("12")],
        [C("", vmerge="continue"), C("青年教师"), C("课堂教学基本功"), C("16")],
        [C("", vmerge="continue"), C("骨干教师"), C("课题研究方法"), C("8")],
        [C("第二阶段", vmerge="restart"), C("全体教师", span=2), C("24")],
        [C("", vmerge="continue"), C("班主任"), C("班级管理  案例研讨"), C("6")],
        [C("合计"), C("", span=2), C("66", bold=True)],
    ]
    return ir.Table(columns=cols, rows=rows, header=header, name="assessment:分层")


def catalog_table(n: int) -> ir.Table:
    cols = columns(("序号", 0.6, "center"), ("课程名称", 3.0), ("授课教师", 1.0, "center"), ("日期", 1.8, "center"))
    rows = [
        [C(str(i)), C(f"第{i}讲 学科核心素养导向的单元教学设计"), C("张老师"), C(f"2025年{i % 12 + 1}月{i % 28 + 1}日")]
        for i in range(1, n + 1)
    ]
    return ir.Table(columns=cols, rows=rows, name="catalog")


def caption(text: str) -> ir.Paragraph:
    """A table caption as layout writes it: kept with the table below."""
    return P("caption", [R(text)], keep_with_next=True)


def rich_document(catalog_rows: int = 3000, body_pages: int = 0) -> ir.Document:
    """Every paragraph kind, all four heading levels, run-in text, ① items, a merged
    table, 落款 and date, then an attachment with a long catalog."""
    blocks: list[ir.Block] = [
        P("title", [R("某某县2025年中小学教师")]),
        P("title", [R("全员培训实施方案")]),
        P("subtitle", [R("某某县教师发展中心")]),
        P("addressee", [R("各中小学、幼儿园：")]),
        P("body", [R("为深入贯彻落实教师队伍建设要求，" + BODY_SENTENCE * 2)]),
        P("heading1", [R("指导思想")], number="一、", keep_with_next=True),
        P("body", [R(BODY_SENTENCE * 3)]),
        P("heading2", [R("培训对象")], number="（一）"),
        P("body", [R("全县在职在岗中小学、幼儿园教师。")]),
        P("heading3", [R("新教师。"), R("入职三年内的教师参加规范化培训。", role="body")], number="1."),
        P("heading4", [R("学时要求")], number="（1）"),
        P("item", [R("每年不少于72学时；")], number="①"),
        P("item", [R("其中实践性学时不少于一半。")], number="②"),
        P("body", [R("重点内容", bold=True), R("包括师德师风、学科教学和信息技术应用能力。")]),
    ]
    for _ in range(body_pages):
        blocks += [P("body", [R(BODY_SENTENCE * 4)]) for _ in range(6)]
    blocks += [
        P("heading1", [R("培训安排")], number="二、"),
        caption("表1  分层培训安排"),
        merged_table(),
        P("note", [R("备注：学时以学分管理系统登记为准。")]),
        P("attachments", [R("附件：1.课程目录")]),
        P("signature", [R("某某县教师发展中心")]),
        P("date", [R("2025年1月6日")]),
    ]
    if catalog_rows:
        blocks += [
            P("attachment_label", [R("附件1")], page_break_before=True),
            P("title", [R("课程目录")]),
            caption("表2  课程目录"),
            catalog_table(catalog_rows),
        ]
    centre_signatures(blocks, Centring())  # as layout does with the default profile
    return ir.Document(blocks=blocks, title="某某县2025年中小学教师全员培训实施方案", author="某某县教师发展中心", date="2025-01-06")


@pytest.fixture(scope="session")
def profile() -> Profile:
    return load_profile()


@pytest.fixture(scope="session")
def rich_ir() -> ir.Document:
    return rich_document()


@pytest.fixture(scope="session")
def rich_docx(rich_ir: ir.Document, profile: Profile) -> bytes:
    from plancc.emit.docx import render_docx

    return render_docx(rich_ir, profile)


@pytest.fixture(scope="session")
def rich_facts(rich_docx: bytes):
    from plancc.emit.readback import read_docx

    return read_docx(rich_docx)


@pytest.fixture(scope="module")
def soffice_required() -> None:
    if not has_soffice():
        pytest.skip("LibreOffice (soffice) is not installed")


def convert(tmp_dir: Path, name: str, doc: ir.Document, profile: Profile) -> Path:
    """Write ``doc`` as ``name``.docx and convert it; returns the PDF path."""
    from plancc.emit.docx import write_docx
    from plancc.emit.pdf import convert_to_pdf

    src = write_docx(doc, profile, tmp_dir / f"{name}.docx")
    return convert_to_pdf(src, tmp_dir / "pdf", timeout=180)
