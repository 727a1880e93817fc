"""The exported JSON Schema: current with the models, accepts the examples, rejects typos."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plancc.schema import plan_schema, schema_json

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema" / "plan.schema.json"
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema_json(), "run: plancc schema -o schema/plan.schema.json"


def test_schema_carries_chinese_descriptions():
    schema = plan_schema()
    assert "计划语言版本" in schema["properties"]["plancc"]["description"]
    assert "标题" in schema["$defs"]["Document"]["properties"]["title"]["description"]


def _check_jsonschema(*files):
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    return subprocess.run([exe, "--schemafile", str(COMMITTED), *map(str, files)], capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not PLANS, reason="no example plans")
def test_check_jsonschema_accepts_every_example_plan():
    proc = _check_jsonschema(*PLANS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_jsonschema_rejects_an_unknown_key(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("plancc: 1\ndocument:\n  titel: 测试\n", encoding="utf-8")
    proc = _check_jsonschema(bad)
    assert proc.returncode == 1
    assert "titel" in proc.stdout


def test_schema_command_prints_the_same_schema():
    from click.testing import CliRunner

    from plancc.cli.main import cli

    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == plan_schema()
