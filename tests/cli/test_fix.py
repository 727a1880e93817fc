"""``plancc validate --fix``: typed figures become references, the rest of the file stays byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import MINIMAL

DATA = MINIMAL + """\
figures:
  参训人数: {value: 968, unit: 人}
assessments:
  - id: 细则
    items:
      - {name: 评课, points: 1}
      - {name: 听课, points: 99}
module_sets:
  - id: 新教师
    modules: [师德, 班级管理]
"""


def _plan(tmp_path, sentences: str, name: str = "plan.yaml", newline: str = "\n", bom: bool = False):
    text = DATA + "sections:\n  - title: 说明  # 小节\n    content:\n" + sentences
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8"))
    return path


def _validate(path, *args):
    return subprocess.run([sys.executable, "-m", "plancc", "validate", str(path), *args], capture_output=True, text=True,
                          timeout=120, cwd=path.parent)


def _render_text(path) -> list[str]:
    import docx

    out = path.with_suffix(".docx")
    subprocess.run([sys.executable, "-m", "plancc", "render", str(path), "-o", str(out)], check=True, capture_output=True,
                   timeout=120, cwd=path.parent)
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_a_safe_fix_keeps_the_document_and_every_other_byte(tmp_path):
    path = _plan(tmp_path, "      - 本次参训968人，听课为99分。  # 原文\n      - 评课 1.5 分。\n")
    before_doc = _render_text(path)
    before = path.read_bytes()
    r = _validate(path, "--fix")
    after = path.read_bytes()
    assert "已修复" in r.stderr and "2 处" in r.stderr, r.stderr
    assert after.decode() == before.decode().replace("968人", "{=figures.参训人数}人").replace("99分", "{=assessments.细则.items.听课.points}分")
    assert _render_text(path) == before_doc
    assert "PL812" not in r.stdout and "PL811" in r.stdout  # the contradiction is left for a person (or --unsafe-fixes)
    assert r.returncode == 0  # a warning does not fail


def test_unsafe_fixes_take_the_datas_figures(tmp_path):
    path = _plan(tmp_path, "      - 本次参训980人，设置三个模块。\n")
    r = _validate(path, "--fix")
    assert "--unsafe-fixes" in r.stderr and "{=" not in path.read_text(encoding="utf-8")
    r = _validate(path, "--unsafe-fixes")
    text = path.read_text(encoding="utf-8")
    assert "参训{=figures.参训人数}人" in text and "设置{=modules.新教师.count:cn}个模块" in text, text
    assert "PL811" not in r.stdout and "PL801" not in r.stdout
    assert "本次参训968人，设置二个模块。" in _render_text(path)


@pytest.mark.parametrize("newline, bom", [("\r\n", False), ("\n", True)])
def test_line_ends_and_a_bom_are_kept(tmp_path, newline, bom):
    path = _plan(tmp_path, "      - 本次参训968人。\n", newline=newline, bom=bom)
    _validate(path, "--fix")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    assert raw.count(b"\r\n") == (raw.count(b"\n") if newline == "\r\n" else 0)
    assert "{=figures.参训人数}".encode() in raw


def test_an_edit_yaml_would_read_otherwise_is_not_made(tmp_path):
    # in a flow sequence, braces are YAML's own: the reference cannot go there unquoted
    text = DATA + "sections:\n  - title: 说明\n    content: [本次参训968人。]\n  - title: 其他\n    content:\n      - 听课为99分。\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    r = _validate(path, "--fix")
    assert path.read_text(encoding="utf-8") == text.replace("听课为99分", "听课为{=assessments.细则.items.听课.points}分")
    assert "1 处没有修复" in r.stderr and "已修复" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_a_file_that_cannot_be_written_is_reported_and_left(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    path = _plan(tmp_path, "      - 本次参训968人。\n")
    before = path.read_bytes()
    os.chmod(tmp_path, 0o555)
    try:
        r = _validate(path, "--fix")
    finally:
        os.chmod(tmp_path, 0o755)
    assert path.read_bytes() == before and "无法写入" in r.stderr and "Traceback" not in r.stderr


def test_english(tmp_path):
    path = _plan(tmp_path, "      - 本次参训968人。\n")
    r = _validate(path, "--fix", "--lang", "en")
    assert "fixed" in r.stderr and "1 edit" in r.stderr
