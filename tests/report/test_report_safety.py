"""What reaches a terminal or a code-scanning upload: escaped controls, encoded URIs, full JSON."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from plancc.driver.check import FileReport
from plancc.report import render
from plancc.report.text import source_window
from plancc.text.escape import printable
from tests.helpers import MINIMAL, UNBALANCED_HOURS, check

HOSTILE = ["\x1b[31m", "\x1b]0;pwned\x07", "\x9b2J", "\x07", "\x08", "\r", "\n", "\u202e", "\u2066", "\u2069", "\x00", "\x7f"]


def _raw_controls(s: str) -> list[str]:
    return [c for c in s if (ord(c) < 32 and c != "\n") or 0x7f <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]


def test_printable_escapes_each_control_visibly():
    assert printable("a\x1b[31mb") == "a\\x1b[31mb"
    assert printable("x\ny\rz\tw") == "x\\ny\\rz\\tw"
    assert printable("\x9b\x07\x08") == "\\x9b\\x07\\x08"
    assert printable("A\u202eB\u2066C") == "A\\u202eB\\u2066C"
    assert printable("测试〔2024〕") == "测试〔2024〕"


def _key_plan(key: str) -> str:
    # a misspelt key holding the hostile characters: the model reports it by name (and its line)
    return MINIMAL + f'"{json.dumps(key)[1:-1]}": 1\n'


@pytest.mark.parametrize("bad", HOSTILE, ids=repr)
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_outputs_never_pass_controls_through(bad, fmt):
    report = check(_key_plan(f"abc{bad}def"), name=f"p{bad}.yaml")
    assert report.diagnostics, "the unknown key is reported"
    out = render(fmt, [report])
    assert not _raw_controls(out), repr(out)
    # one diagnostic is one line: the newline in the key does not split it
    head = [line for line in out.splitlines() if "PL" in line]
    assert all("abc" in line and "def" in line for line in head if "abc" in line)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_outputs_stay_valid_and_escape_controls(fmt):
    report = check(_key_plan("abc\x1b[31m\u202e\x9bdef"), name="p\x1b.yaml")
    out = render(fmt, [report])
    assert not _raw_controls(out.replace("\n", ""))
    data = json.loads(out)  # the same value comes back
    paths = ([d["path"] for d in data["diagnostics"]] if fmt == "json" else
             [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in data["runs"][0]["results"]])
    assert "abc\x1b[31m\u202e\x9bdef" in paths


def test_caret_stays_under_the_marked_character_after_escaping():
    line = 'audience: "\x1b[31m某某县\u202e教师"'
    col = line.index("某某")
    shown, offset, cells = source_window(line, col, col + 2, 120)
    assert shown.startswith('audience: "\\x1b[31m')
    assert offset == cell_len('audience: "\\x1b[31m') and cells == 4
    assert shown[len('audience: "\\x1b[31m'):].startswith("某某")


def test_a_long_line_is_shown_as_a_window_around_the_mark():
    line = "audience: " + "甲" * 20000 + "XX县" + "乙" * 20000
    col = line.index("XX")
    shown, offset, cells = source_window(line, col, col + 2, 100)
    assert cell_len(shown) <= 100
    assert shown.startswith("…") and shown.endswith("…")
    assert cells == 2 and shown[len(_cut(shown, offset)):].startswith("XX")


def _cut(shown: str, cells: int) -> str:
    out, used = "", 0
    for ch in shown:
        if used >= cells:
            break
        out += ch
        used += cell_len(ch)
    return out


def test_text_report_of_a_long_line_fits_the_width():
    text = MINIMAL + "audience: " + "甲" * 20000 + "XX县全体教师。\n"
    out = render("text", [check(text)], width=100)
    assert all(cell_len(line) <= 100 for line in out.splitlines() if "│" in line), out[:300]
    source, marker = [line for line in out.splitlines() if "│" in line][:2]
    at = cell_len(marker.split("│", 1)[1].split("^")[0])
    assert _cut(source.split("│", 1)[1], at + 2)[-2:] == "XX" or source.split("│", 1)[1][len(_cut(source.split("│", 1)[1], at)):].startswith("XX")


# -- SARIF --------------------------------------------------------------------------

@pytest.mark.parametrize("name, uri", [
    ("a#b.yaml", "a%23b.yaml"),
    ("100%.yaml", "100%25.yaml"),
    ("my plan.yaml", "my%20plan.yaml"),
    ("计划.yaml", "%E8%AE%A1%E5%88%92.yaml"),
    ("dir/a\\b.yaml", "dir/a%5Cb.yaml"),
    ("a?b.yaml", "a%3Fb.yaml"),
])
def test_sarif_uris_are_percent_encoded(name, uri):
    out = json.loads(render("sarif", [check(UNBALANCED_HOURS, name=name)]))
    result = out["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
    assert all(r["physicalLocation"]["artifactLocation"]["uri"] == uri for r in result["relatedLocations"])


def test_sarif_has_the_structure_the_2_1_0_schema_requires():
    # check-jsonschema ships no SARIF schema offline: the required parts are checked here
    out = json.loads(render("sarif", [check(UNBALANCED_HOURS, name="计划 #1.yaml")]))
    assert out["version"] == "2.1.0" and out["$schema"].endswith("sarif-2.1.0.json")
    run = out["runs"][0]
    assert run["tool"]["driver"]["name"] == "plancc"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert set(res) >= {"ruleId", "message", "locations"} and isinstance(res["message"]["text"], str)
        assert ids[res["ruleIndex"]] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn", "endLine", "endColumn"))
        assert " " not in res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


# -- JSON ---------------------------------------------------------------------------

def test_json_counts_suppressed_findings_and_carries_related_places():
    text = UNBALANCED_HOURS.replace("required: 90", "required: 90  # plancc: ignore[PL201] 按文件原文")
    report = check(text)
    data = json.loads(render("json", [report]))
    assert data["summary"] == {"files": 1, "errors": 0, "warnings": 0, "suppressed": 1}
    assert data["diagnostics"] == []
    data = json.loads(render("json", [check(UNBALANCED_HOURS)]))
    assert data["summary"]["suppressed"] == 0
    [d] = data["diagnostics"]
    assert [(r["path"], r["line"], r["column"]) for r in d["related"]] == [
        ("hours.components[0].hours", 7, 27), ("hours.components[1].hours", 8, 27)]
    assert all(set(r) == {"message", "file", "line", "column", "end_line", "end_column", "path"} for r in d["related"])


def test_show_tables_escape_controls():
    from rich.console import Console

    from plancc.report.show import tables

    # the model refuses C0 controls in names; C1 controls and bidi overrides get through to here
    text = MINIMAL + 'module_sets:\n  - {id: "校\\x9b2J长", modules: ["政\\u202e策"]}\n'
    report = check(text)
    assert report.plan is not None
    console = Console(record=True, width=120, force_terminal=False)
    for t in tables(report.plan):
        console.print(t)
    out = console.export_text()
    assert "\x9b" not in out and "\u202e" not in out
    assert "\\x9b2J" in out and "\\u202e" in out


def test_file_report_type_is_what_render_takes():
    assert FileReport  # the formatters take pipeline reports


def test_explain_escapes_the_code_it_was_given():
    from click.testing import CliRunner

    from plancc.cli.main import cli

    result = CliRunner().invoke(cli, ["explain", "PL\x1b[2J9\u202e99"])
    assert result.exit_code != 0
    out = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[2J" in out
