"""An independent OOXML validator (openxml-audit, strict, Microsoft 365) finds no error in any
rendered example or worked example."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plancc.docs import EXAMPLES as WORKED
from tests.helpers import ROOT, check_example, render_example

AUDIT = shutil.which("openxml-audit", path=str(Path(sys.executable).parent)) or shutil.which("openxml-audit")
pytestmark = pytest.mark.skipif(AUDIT is None, reason="openxml-audit is not installed (pip install -e '.[test]')")

PLANS = sorted((ROOT / "plans").glob("*.yaml")) + sorted(WORKED.glob("*.yaml"))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_no_errors_for_word(tmp_path, plan):
    out = tmp_path / f"{plan.stem}.docx"
    out.write_bytes(render_example(check_example(plan), plan))
    r = subprocess.run([AUDIT, "-f", "microsoft365", "--policy", "strict", "-o", "json", str(out)], capture_output=True,
                       text=True, timeout=120)
    report = json.loads(r.stdout)[0]
    assert report["error_count"] == 0 and report["valid"], report["errors"][:5]
