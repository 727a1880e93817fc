"""render --watch re-renders when the plan or an included file changes."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path

from plancc.cli.watch import watch_loop
from plancc.compile import RenderJob
from plancc.pipeline import Settings

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
