"""render --watch re-renders when the plan or an included file changes."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path

from plancc.cli.watch import watch_loop
from plancc.driver.render import RenderJob
from plancc.driver.settings import Settings

PLAN = """\
plancc: 1
include: shared.yaml
document: {title: 监视测试方案}
sections:
  - title: 培训学时
    content: ["需完成{=hours.required}学时。"]
"""


def text_of(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def wait_for(predicate, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if predicate():
                return True
        except (OSError, zipfile.BadZipFile, KeyError):
            pass
        time.sleep(0.05)
    return False


def test_watch_rerenders_on_plan_and_include_changes(tmp_path):
    plan = tmp_path / "plan.yaml"
    shared = tmp_path / "shared.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    shared.write_text("hours: {required: 72}\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    job = RenderJob(plan_path=plan, output=out, bases=[tmp_path])
    stop = threading.Event()
    lines: list[str] = []
    t = threading.Thread(target=watch_loop, args=([job], Settings()), kwargs={"interval": 0.05, "stop": stop, "echo": lambda s="", nl=True: lines.append(s)})
    t.start()
    try:
        assert wait_for(lambda: "需完成72学时" in text_of(out))
        time.sleep(0.05)
        shared.write_text("hours: {required: 90}\n", encoding="utf-8")
        assert wait_for(lambda: "需完成90学时" in text_of(out)), lines
        plan.write_text(PLAN.replace("需完成", "每人需完成"), encoding="utf-8")
        assert wait_for(lambda: "每人需完成90学时" in text_of(out)), lines
        # a broken edit keeps the last good output
        good = out.read_bytes()
        plan.write_text(PLAN.replace("document:", "documnet:"), encoding="utf-8")
        assert wait_for(lambda: any("未渲染" in s for s in lines))
        assert out.read_bytes() == good
    finally:
        stop.set()
        t.join(timeout=10)
    assert not t.is_alive()


def _start(job, lines, interval=0.05):
    stop = threading.Event()
    t = threading.Thread(target=watch_loop, args=([job], Settings()),
                         kwargs={"interval": interval, "stop": stop, "echo": lambda s="", nl=True: lines.append(s)})
    t.start()
    return stop, t


def test_one_edit_in_place_renders_once(tmp_path):
    import os

    plan = tmp_path / "plan.yaml"
    shared = tmp_path / "shared.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    shared.write_text("hours: {required: 72}\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    lines: list[str] = []
    stop, t = _start(RenderJob(plan_path=plan, output=out, bases=[tmp_path]), lines)
    try:
        assert wait_for(lambda: any("已生成" in s for s in lines))
        before = sum("已生成" in s for s in lines)
        # what `sed -i` does: write a new file beside it, rename it over the old one, then fix its mode
        tmp = tmp_path / "sedXYZ"
        tmp.write_text("hours: {required: 90}\n", encoding="utf-8")
        os.replace(tmp, shared)
        time.sleep(0.02)
        os.chmod(shared, 0o644)
        os.utime(shared)
        assert wait_for(lambda: "需完成90学时" in text_of(out)), lines
        time.sleep(0.5)  # ten intervals: a second render would have happened by now
        assert sum("已生成" in s for s in lines) == before + 1, lines
        # saving the same text again is not a change
        shared.write_text("hours: {required: 90}\n", encoding="utf-8")
        time.sleep(0.5)
        assert sum("已生成" in s for s in lines) == before + 1, lines
    finally:
        stop.set()
        t.join(timeout=10)
    assert not t.is_alive()


def test_a_symlink_loop_is_reported_and_the_watch_goes_on(tmp_path):
    plan = tmp_path / "plan.yaml"
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    templates = tmp_path / "templates" / "default"
    templates.mkdir(parents=True)
    (templates / "self").symlink_to(templates)
    (templates / "a").symlink_to(templates / "b")
    (templates / "b").symlink_to(templates / "a")
    plan.write_text(PLAN.replace("include: shared.yaml", "include: loop.yaml"), encoding="utf-8")
    out = tmp_path / "out.docx"
    lines: list[str] = []
    stop, t = _start(RenderJob(plan_path=plan, output=out, bases=[tmp_path]), lines)
    try:
        assert wait_for(lambda: any("正在监视" in s for s in lines)), lines
        assert t.is_alive()
        (tmp_path / "shared.yaml").write_text("hours: {required: 72}\n", encoding="utf-8")
        time.sleep(0.05)
        plan.write_text(PLAN, encoding="utf-8")
        assert wait_for(lambda: "需完成72学时" in text_of(out)), lines
    finally:
        stop.set()
        t.join(timeout=10)
    assert not t.is_alive()
