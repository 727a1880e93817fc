"""plancc render end to end: outputs, refusal on errors, atomicity, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancc.cli.main import cli

GOOD = """\
plancc: 1
document:
  title: 测试县2024年教师全员培训实施方案
  issuer: 测试县教育局
  date: 2024-11-11
period: {year: 2024, start: 2024-08, end: 2025-06}
hours:
  required: 90
  components:
    - {name: 专业知识, hours: 60}
    - {name: 公需知识, hours: 30}
sections:
  - title: 培训时间
    run_in: true
    content: ["{=period}。"]
  - title: 培训学时
    content: [{hours: sentence}]
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run(args, cwd: Path):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_render_writes_build_stem_docx_and_prints_the_path(tmp_path):
    write(tmp_path / "plan.yaml", GOOD)
    result = run(["render", "plan.yaml"], tmp_path)
    assert result.exit_code == 0, result.output
    out = tmp_path / "build" / "plan.docx"
    assert out.is_file()
    assert "build/plan.docx" in result.output
    assert "每人年度参训90学时（其中专业知识60学时，公需知识30学时）。" in docx_text(out)


def test_render_is_byte_identical_for_identical_input(tmp_path):
    write(tmp_path / "plan.yaml", GOOD)
    run(["render", "plan.yaml", "-o", "a.docx"], tmp_path)
    run(["render", "plan.yaml", "-o", "b.docx"], tmp_path)
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_a_plan_with_errors_is_not_rendered_and_the_previous_output_survives(tmp_path):
    write(tmp_path / "plan.yaml", GOOD)
    assert run(["render", "plan.yaml"], tmp_path).exit_code == 0
    out = tmp_path / "build" / "plan.docx"
    before = out.read_bytes()
    write(tmp_path / "plan.yaml", GOOD.replace("hours: 30}", "hours: 20}"))
    result = run(["render", "plan.yaml"], tmp_path)
    assert result.exit_code == 1
    assert "PL201" in result.output and "未渲染" in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["plan.docx"]


def test_a_template_failure_leaves_no_partial_file(tmp_path):
    write(tmp_path / "plan.yaml", GOOD)
    assert run(["render", "plan.yaml"], tmp_path).exit_code == 0
    out = tmp_path / "build" / "plan.docx"
    before = out.read_bytes()
    tpl = tmp_path / "templates" / "broken"
    tpl.mkdir(parents=True)
    write(tpl / "plan.xml.j2", "<document>{{ plan.no_such_thing }}</document>")
    result = run(["render", "plan.yaml", "--template", "broken"], tmp_path)
    assert result.exit_code == 1
    assert "no_such_thing" in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["plan.docx"]


def test_many_plans_into_a_folder(tmp_path):
    for name in ("a", "b", "c"):
        write(tmp_path / f"{name}.yaml", GOOD.replace("测试县", f"{name}县"))
    result = run(["render", "a.yaml", "b.yaml", "c.yaml", "-o", "out"], tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx", "b.docx", "c.docx"]
    assert "b县2024年" in docx_text(tmp_path / "out" / "b.docx")


def test_many_plans_refuse_a_single_docx_target(tmp_path):
    write(tmp_path / "a.yaml", GOOD)
    write(tmp_path / "b.yaml", GOOD)
    assert run(["render", "a.yaml", "b.yaml", "-o", "x.docx"], tmp_path).exit_code == 2


def test_missing_plan_is_a_usage_error(tmp_path):
    assert run(["render", "nope.yaml"], tmp_path).exit_code == 2


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    write(tmp_path / "plan.yaml", GOOD)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = run(["render", "plan.yaml", "--pdf"], tmp_path)
    assert result.exit_code == 1
    assert "LibreOffice" in result.output
    assert (tmp_path / "build" / "plan.docx").is_file()


def test_python_dash_m_renders(tmp_path):
    write(tmp_path / "plan.yaml", GOOD)
    proc = subprocess.run([sys.executable, "-m", "plancc", "render", "plan.yaml", "-o", "x.docx"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "x.docx").is_file()
