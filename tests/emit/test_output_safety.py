"""A render that is killed or fails mid-way keeps the previous output; parallel renders
of the same plan do not corrupt each other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from plancc.emit.readback import read_docx

COURSES = "\n".join(f"    - [初中, 学科{i % 20}, 模块{i % 7}, 第{i}讲 学科核心素养导向的单元教学设计与实施]" for i in range(20000))
BIG = f"""\
plancc: 1
document: {{title: 课程目录测试方案}}
catalog:
  courses:
{COURSES}
sections:
  - title: 课程目录
    content: [{{catalog: table}}]
"""
SMALL = "plancc: 1\ndocument: {title: 上一次的好结果}\nsections: [{title: 正文, content: [旧文档]}]\n"


def render(plan: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "plancc", "render", str(plan), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def previous(tmp_path):
    """A folder holding a good previous output and a big plan whose render takes a while."""
    small, big, out = tmp_path / "small.yaml", tmp_path / "big.yaml", tmp_path / "out" / "plan.docx"
    small.write_text(SMALL, encoding="utf-8")
    big.write_text(BIG, encoding="utf-8")
    out.parent.mkdir()
    assert render(small, out).wait(timeout=120) == 0
    return big, out, out.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "plan.docx")


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5])
def test_sigterm_mid_render_keeps_the_previous_output_and_leaves_nothing(previous, delay):
    big, out, before = previous
    proc = render(big, out)
    time.sleep(delay)
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=120)
    if code == 0:  # finished before the signal: then the new output must be complete
        assert read_docx(out).tables[0].rows == 20001
    elif out.read_bytes() != before:
        # the signal came after the new document was renamed into place: it must be whole
        assert read_docx(out).tables[0].rows == 20001
    assert _leftovers(out.parent) == []


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0])
def test_sigkill_mid_render_never_leaves_a_half_written_target(previous, delay):
    big, out, before = previous
    proc = render(big, out)
    time.sleep(delay)
    proc.kill()
    proc.wait(timeout=60)
    data = out.read_bytes()
    # the target is either the old file or the complete new one, never a mix
    if data != before:
        assert read_docx(out).tables[0].rows == 20001
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
    # a SIGKILL can strand a hidden temporary file, never a visible one
    assert all(name.startswith(".plan.docx.") and name.endswith(".tmp") for name in _leftovers(out.parent))
    # and once it has lain untouched long enough, the next render clears it away
    for name in _leftovers(out.parent):
        os.utime(out.parent / name, (0, 0))
    small = big.parent / "small.yaml"
    assert render(small, out).wait(timeout=120) == 0
    assert _leftovers(out.parent) == []


def test_two_parallel_renders_of_the_same_plan_do_not_corrupt_each_other(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(BIG, encoding="utf-8")
    out = tmp_path / "out.docx"
    procs = [render(plan, out) for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    assert read_docx(out).tables[0].rows == 20001
    single = tmp_path / "single.docx"
    assert render(plan, single).wait(timeout=300) == 0
    assert out.read_bytes() == single.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx", "plan.yaml", "single.docx"]
