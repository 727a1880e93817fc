"""`plancc validate` and `plancc explain` as users and CI scripts call them (docs: the CLI contract).

Findings used here are the stable ones: PL0xx (loading), PL1xx (structure and
types), PL201 (hour components do not add up, an error) and PL207 (stated
module count differs, a warning).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancc import __version__
from plancc.cli.main import cli
from tests.helpers import MINIMAL, UNBALANCED_HOURS

OK = MINIMAL
BAD = UNBALANCED_HOURS  # PL201 at 5:13

WARN = OK + """\
module_sets:
  - id: 校长
    modules: [教育政策理念, 前沿理念指引]
    module_count: 3
"""  # PL207 at 7:19

TYPO = OK.replace("  title:", "  titel:")  # PL102 at 2:1, PL101 at 3:3

JSON_KEYS = ["code", "severity", "message", "file", "line", "column", "end_line", "end_column", "path", "related"]
RELATED_KEYS = ["message", "file", "line", "column", "end_line", "end_column", "path"]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A folder with one plan of each kind; the working directory for the test."""
    (tmp_path / "ok.yaml").write_text(OK, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "warn.yaml").write_text(WARN, encoding="utf-8")
    (tmp_path / "typo.yaml").write_text(TYPO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCC_LANG", raising=False)
    return tmp_path


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, ["validate", "--isolated", *args], env=env, catch_exceptions=False)
    return result


def as_json(*args: str):
    result = run("--format", "json", *args)
    return result.exit_code, json.loads(result.output)


# --------------------------------------------------------------------------- exit codes
def test_clean_plan_exits_0(repo):
    result = run("ok.yaml")
    assert result.exit_code == 0
    assert result.output == "检查了 1 个文件：0 个错误，0 个警告\n"


def test_errors_exit_1(repo):
    assert run("bad.yaml").exit_code == 1


def test_warnings_only_exit_0_and_1_with_strict(repo):
    result = run("warn.yaml")
    assert result.exit_code == 0 and "PL207" in result.output
    assert run("--strict", "warn.yaml").exit_code == 1


def test_strict_does_not_fail_a_clean_plan(repo):
    assert run("--strict", "ok.yaml").exit_code == 0


def test_missing_path_exits_2_and_says_so(repo):
    result = CliRunner().invoke(cli, ["validate", "--isolated", "ok.yaml", "nope.yaml"])
    assert result.exit_code == 2
    assert "nope.yaml" in result.output and "路径不存在" in result.output


def test_unknown_format_exits_2(repo):
    result = CliRunner().invoke(cli, ["validate", "--isolated", "--format", "xml", "ok.yaml"])
    assert result.exit_code == 2 and "xml" in result.output


def test_unknown_option_exits_2(repo):
    assert CliRunner().invoke(cli, ["validate", "--no-such-option", "ok.yaml"]).exit_code == 2


def test_bad_lang_exits_2(repo):
    assert CliRunner().invoke(cli, ["validate", "--isolated", "--lang", "fr", "ok.yaml"]).exit_code == 2


def test_missing_config_file_exits_2(repo):
    result = CliRunner().invoke(cli, ["validate", "--config", "nope.toml", "ok.yaml"])
    assert result.exit_code == 2 and "nope.toml" in result.output


def test_unreadable_config_exits_2(repo):
    (repo / "plancc.toml").write_text("[lint\nselect = 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "ok.yaml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_config_with_an_unknown_key_exits_2(repo):
    (repo / "plancc.toml").write_text("[lint]\nselcet = [\"PL2\"]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "ok.yaml"])
    assert result.exit_code == 2 and "selcet" in result.output


def test_output_to_two_undecided_formats_exits_2(repo):
    result = CliRunner().invoke(cli, ["validate", "--isolated", "--format", "text", "--format", "json", "-o", "x", "ok.yaml"])
    assert result.exit_code == 2
    assert not (repo / "x").exists()


def test_yaml_error_exits_1_not_2(repo):
    (repo / "broken.yaml").write_text("plancc: 1\ndocument: [\n", encoding="utf-8")
    assert run("broken.yaml").exit_code == 1


# --------------------------------------------------------------------------- text
def test_text_has_location_code_source_line_marker_and_summary(repo):
    out = run("bad.yaml").output.splitlines()
    assert out[0].startswith("bad.yaml:5:13: PL201 [错误] 学时组成之和为")
    assert "60" in out[0] and "20" in out[0] and "80" in out[0] and "90" in out[0]
    assert out[1] == " 5 │   required: 90"
    assert out[2] == "   │             ^^"
    # the caret sits under the value: same column in the printed source line
    assert out[2].index("^") == out[1].index("90")
    assert out[-1] == "检查了 1 个文件：1 个错误，0 个警告"


def test_text_marker_under_chinese_text_counts_display_width(repo):
    (repo / "cjk.yaml").write_text(OK + "学时: 1\n", encoding="utf-8")
    out = run("cjk.yaml").output.splitlines()
    i = next(i for i, line in enumerate(out) if line.startswith("cjk.yaml:4:1: PL101"))
    assert out[i + 1] == " 4 │ 学时: 1"
    assert out[i + 2] == "   │ ^^^^"  # two characters, four terminal cells


def test_text_warning_label_and_related_places(repo):
    out = run("warn.yaml").output
    assert "warn.yaml:7:19: PL207 [警告]" in out
    assert "相关：" in out and "warn.yaml:6:" in out
    assert out.rstrip().endswith("检查了 1 个文件：0 个错误，1 个警告")


def test_quiet_prints_only_problem_lines(repo):
    result = run("-q", "bad.yaml", "ok.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines() == [line for line in result.output.splitlines() if re.match(r"^\S+:\d+:\d+: PL\d{3} ", line)]
    assert len(result.output.splitlines()) == 1


def test_quiet_clean_run_prints_nothing(repo):
    result = run("-q", "ok.yaml")
    assert result.exit_code == 0 and result.output == ""


def test_all_problems_of_a_file_in_one_run(repo):
    (repo / "many.yaml").write_text(
        "plancc: 1\ndocument:\n  titel: x\nhours:\n  required: '72'\n  required: 80\nperiod:\n  start: 2023-02-30\n",
        encoding="utf-8",
    )
    _, report = as_json("many.yaml")
    found = [(d["code"], d["line"]) for d in report["diagnostics"]]
    assert ("PL002", 6) in found and ("PL101", 3) in found and ("PL102", 2) in found
    assert ("PL103", 5) in found and ("PL104", 8) in found


# --------------------------------------------------------------------------- languages
def test_english_with_lang_option(repo):
    result = run("--lang", "en", "bad.yaml")
    out = result.output.splitlines()
    assert out[0].startswith("bad.yaml:5:13: PL201 [error] the hour components add up to")
    assert out[-1] == "1 file checked: 1 error, 0 warnings"


def test_english_with_environment_variable(repo):
    result = run("typo.yaml", env={"PLANCC_LANG": "en"})
    assert "unknown key 'titel'; did you mean 'title'?" in result.output
    assert "missing required key 'title'" in result.output
    assert "1 file checked: 2 errors, 0 warnings" in result.output


def test_lang_option_wins_over_environment(repo):
    result = run("--lang", "zh", "typo.yaml", env={"PLANCC_LANG": "en"})
    assert "未知的键“titel”，您是不是想写“title”？" in result.output


def test_chinese_by_default(repo):
    out = run("typo.yaml").output
    assert "未知的键“titel”" in out and "缺少必填的键“title”" in out
    assert "检查了 1 个文件：2 个错误，0 个警告" in out


# --------------------------------------------------------------------------- json
def test_json_has_exactly_the_contract_keys(repo):
    code, report = as_json("bad.yaml", "warn.yaml", "ok.yaml")
    assert code == 1
    assert list(report) == ["version", "files", "diagnostics", "summary"]
    assert report["version"] == __version__
    assert report["files"] == ["bad.yaml", "warn.yaml", "ok.yaml"]
    assert report["summary"] == {"files": 3, "errors": 1, "warnings": 1, "suppressed": 0}
    for d in report["diagnostics"]:
        assert list(d) == JSON_KEYS
    first = report["diagnostics"][0]
    assert first == {
        "code": "PL201",
        "severity": "error",
        "message": first["message"],
        "file": "bad.yaml",
        "line": 5,
        "column": 13,
        "end_line": 5,
        "end_column": 15,
        "path": "hours.required",
        "related": first["related"],
    }
    # the parts of the sum, located as SARIF's relatedLocations are
    assert [list(r) for r in first["related"]] == [RELATED_KEYS] * 2
    assert [(r["path"], r["file"], r["line"]) for r in first["related"]] == [
        ("hours.components[0].hours", "bad.yaml", 7), ("hours.components[1].hours", "bad.yaml", 8)]
    warn = report["diagnostics"][1]
    assert (warn["code"], warn["severity"], warn["file"], warn["line"], warn["column"]) == ("PL207", "warning", "warn.yaml", 7, 19)
    assert warn["path"] == "module_sets[0].module_count"


def test_json_types(repo):
    _, report = as_json("typo.yaml")
    for d in report["diagnostics"]:
        assert all(isinstance(d[k], int) and d[k] >= 1 for k in ("line", "column", "end_line", "end_column"))
        assert all(isinstance(d[k], str) for k in ("code", "severity", "message", "file", "path"))
        assert d["severity"] in ("error", "warning", "info")
        assert re.fullmatch(r"PL\d{3}", d["code"])


def test_json_of_a_missing_key_points_at_its_parent(repo):
    _, report = as_json("typo.yaml")
    d = next(d for d in report["diagnostics"] if d["code"] == "PL102")
    assert (d["line"], d["column"], d["path"]) == (2, 1, "document.title")


def test_json_leaves_out_suppressed_findings(repo):
    (repo / "sup.yaml").write_text(BAD.replace("required: 90", "required: 90  # plancc: ignore[PL201] 公需另计"), encoding="utf-8")
    code, report = as_json("sup.yaml")
    assert code == 0
    assert report["diagnostics"] == [] and report["summary"]["errors"] == 0


def test_json_is_valid_json_even_with_nothing_to_check(repo, tmp_path_factory):
    empty = tmp_path_factory.mktemp("empty")
    code, report = as_json(str(empty))
    assert code == 0
    assert report["files"] == [] and report["diagnostics"] == []
    assert report["summary"] == {"files": 0, "errors": 0, "warnings": 0, "suppressed": 0}


# --------------------------------------------------------------------------- github
GITHUB_RE = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+)(?:,[A-Za-z]+=[^,:]*)*,title=plancc (PL\d{3})::(.+)$")


def test_github_workflow_commands(repo):
    result = run("--format", "github", "bad.yaml", "warn.yaml", "ok.yaml")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 2
    m = GITHUB_RE.match(lines[0])
    assert m, lines[0]
    assert m.groups()[:5] == ("error", "bad.yaml", "5", "13", "PL201")
    assert "学时组成之和" in m.group(6)
    m = GITHUB_RE.match(lines[1])
    assert m, lines[1]
    assert m.groups()[:5] == ("warning", "warn.yaml", "7", "19", "PL207")
    assert lines[0].startswith("::error file=bad.yaml,line=5,col=13,")


def test_github_escapes_newlines_commas_and_colons(repo):
    sub = repo / "a,b:c"
    sub.mkdir()
    (sub / "p.yaml").write_text(BAD, encoding="utf-8")
    out = run("--format", "github", str(Path("a,b:c") / "p.yaml")).output
    assert "file=a%2Cb%3Ac/p.yaml," in out
    assert out.count("\n") == 1


def test_github_clean_run_prints_nothing(repo):
    result = run("--format", "github", "ok.yaml")
    assert result.exit_code == 0 and result.output == ""


# --------------------------------------------------------------------------- sarif
# The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that
# this output uses, with their required properties and value constraints.
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/run"}},
    },
    "$defs": {
        "run": {
            "type": "object",
            "required": ["tool"],
            "properties": {
                "tool": {"$ref": "#/$defs/tool"},
                "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            },
        },
        "tool": {
            "type": "object",
            "required": ["driver"],
            "properties": {"driver": {"$ref": "#/$defs/toolComponent"}},
        },
        "toolComponent": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "rules": {"type": "array", "items": {"$ref": "#/$defs/reportingDescriptor"}, "uniqueItems": True},
            },
        },
        "reportingDescriptor": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "shortDescription": {"$ref": "#/$defs/message"},
                "fullDescription": {"$ref": "#/$defs/message"},
                "help": {"$ref": "#/$defs/message"},
                "defaultConfiguration": {
                    "type": "object",
                    "properties": {"level": {"enum": ["none", "note", "warning", "error"]}},
                },
                "properties": {"type": "object"},
            },
        },
        "message": {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
                    "properties": {"text": {"type": "string"}}},
        "result": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {"$ref": "#/$defs/message"},
                "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
                "relatedLocations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
                "suppressions": {
                    "type": "array",
                    "items": {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["inSource", "external"]}}},
                },
            },
        },
        "location": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "minimum": -1},
                "physicalLocation": {"$ref": "#/$defs/physicalLocation"},
                "logicalLocations": {"type": "array", "items": {"type": "object"}},
                "message": {"$ref": "#/$defs/message"},
            },
        },
        "physicalLocation": {
            "type": "object",
            "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
            "properties": {
                "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string", "format": "uri-reference"}}},
                "region": {
                    "type": "object",
                    "properties": {k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine", "endColumn")},
                },
            },
        },
    },
}


def _sarif(*args: str):
    result = run("--format", "sarif", *args)
    return result.exit_code, json.loads(result.output)


def test_sarif_matches_the_2_1_0_structure(repo):
    code, doc = _sarif("bad.yaml", "warn.yaml", "typo.yaml", "ok.yaml")
    assert code == 1
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - the structure is asserted by hand below as well
        jsonschema = None
    if jsonschema is not None:
        jsonschema.Draft202012Validator(SARIF_SUBSET).validate(doc)

    assert doc["version"] == "2.1.0"
    assert doc["$schema"].startswith("https://") and "sarif" in doc["$schema"] and "2.1.0" in doc["$schema"]
    [run_] = doc["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "plancc" and driver["version"] == __version__
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)), "one rule entry per code"
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")

    results = run_["results"]
    assert sorted(r["ruleId"] for r in results) == ["PL101", "PL102", "PL201", "PL207"]
    for r in results:
        assert r["level"] in ("error", "warning", "note") and r["message"]["text"]
        assert ids[r["ruleIndex"]] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].endswith(".yaml")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    pl201 = next(r for r in results if r["ruleId"] == "PL201")
    assert pl201["level"] == "error"
    loc = pl201["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "bad.yaml"
    assert (loc["physicalLocation"]["region"]["startLine"], loc["physicalLocation"]["region"]["startColumn"]) == (5, 13)
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "hours.required"
    assert [rl["physicalLocation"]["region"]["startLine"] for rl in pl201["relatedLocations"]] == [7, 8]
    pl207 = next(r for r in results if r["ruleId"] == "PL207")
    assert pl207["level"] == "warning"


def test_sarif_lists_every_known_code_as_a_rule(repo):
    from plancc.diagnostics.codes import all_codes

    _, doc = _sarif("ok.yaml")
    ids = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == [c.code for c in all_codes()]
    assert {"PL001", "PL002", "PL101", "PL201", "PL207"} <= set(ids)
    assert doc["runs"][0]["results"] == []


def test_sarif_rule_texts_follow_the_language(repo):
    _, zh = _sarif("ok.yaml")
    _, en = _sarif("--lang", "en", "ok.yaml")
    by_id = lambda doc: {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}  # noqa: E731
    assert by_id(zh)["PL002"]["shortDescription"]["text"] == "重复的键"
    assert by_id(en)["PL002"]["shortDescription"]["text"] == "duplicate key"


def test_sarif_marks_suppressed_findings(repo):
    (repo / "sup.yaml").write_text(BAD.replace("required: 90", "required: 90  # plancc: ignore[PL201] 公需另计"), encoding="utf-8")
    code, doc = _sarif("sup.yaml")
    assert code == 0
    [r] = doc["runs"][0]["results"]
    assert r["ruleId"] == "PL201" and r["suppressions"] == [{"kind": "inSource"}]


# --------------------------------------------------------------------------- outputs
def test_output_option_writes_the_file_and_nothing_to_stdout(repo):
    result = run("--format", "json", "-o", "out/report.json", "bad.yaml")
    assert result.exit_code == 1
    assert result.output == ""
    report = json.loads((repo / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["errors"] == 1


def test_long_output_option_with_default_text(repo):
    result = run("--output", "report.txt", "bad.yaml")
    assert result.exit_code == 1 and result.output == ""
    assert (repo / "report.txt").read_text(encoding="utf-8").startswith("bad.yaml:5:13: PL201")


def test_several_formats_in_one_run(repo):
    result = run("--format", "text", "--format", "sarif=plancc.sarif", "--format", "json=r.json", "bad.yaml")
    assert result.exit_code == 1
    assert result.output.startswith("bad.yaml:5:13: PL201")
    assert json.loads((repo / "plancc.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert json.loads((repo / "r.json").read_text(encoding="utf-8"))["diagnostics"][0]["code"] == "PL201"


def test_format_file_together_with_output(repo):
    result = run("--format", "github=gh.txt", "--format", "json", "-o", "r.json", "bad.yaml")
    assert result.exit_code == 1 and result.output == ""
    assert (repo / "gh.txt").read_text(encoding="utf-8").startswith("::error file=bad.yaml,line=5,col=13,")
    assert json.loads((repo / "r.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_format_names_are_case_insensitive(repo):
    assert json.loads(run("--format", "JSON", "ok.yaml").output)["summary"]["files"] == 1


# --------------------------------------------------------------------------- select / ignore
def test_ignore_hides_a_rule_and_changes_the_exit_code(repo):
    result = run("--ignore", "PL201", "bad.yaml")
    assert result.exit_code == 0 and "PL201" not in result.output


def test_ignore_accepts_prefixes_and_comma_lists(repo):
    code, report = as_json("--ignore", "PL2", "bad.yaml", "warn.yaml")
    assert code == 0 and report["diagnostics"] == []
    code, report = as_json("--ignore", "PL201,PL207", "--strict", "bad.yaml", "warn.yaml")
    assert code == 0 and report["diagnostics"] == []


def test_ignore_applies_to_structural_codes_too(repo):
    code, report = as_json("--ignore", "PL101", "typo.yaml")
    assert [d["code"] for d in report["diagnostics"]] == ["PL102"]
    assert code == 1


def test_select_runs_only_the_named_rules(repo):
    code, report = as_json("--select", "PL207", "bad.yaml", "warn.yaml")
    assert [d["code"] for d in report["diagnostics"]] == ["PL207"]
    assert code == 0


def test_select_by_prefix(repo):
    _, report = as_json("--select", "PL20", "bad.yaml", "warn.yaml")
    assert sorted(d["code"] for d in report["diagnostics"]) == ["PL201", "PL207"]


def test_select_does_not_hide_structural_errors(repo):
    code, report = as_json("--select", "PL207", "typo.yaml")
    assert sorted(d["code"] for d in report["diagnostics"]) == ["PL101", "PL102"]
    assert code == 1


def test_repeated_select_options_add_up(repo):
    _, report = as_json("--select", "PL201", "--select", "PL207", "bad.yaml", "warn.yaml")
    assert sorted(d["code"] for d in report["diagnostics"]) == ["PL201", "PL207"]


# --------------------------------------------------------------------------- many files and folders
def test_many_files_in_one_call(repo):
    code, report = as_json("ok.yaml", "bad.yaml", "warn.yaml", "typo.yaml")
    assert code == 1
    assert report["summary"] == {"files": 4, "errors": 3, "warnings": 1, "suppressed": 0}
    assert {d["file"] for d in report["diagnostics"]} == {"bad.yaml", "warn.yaml", "typo.yaml"}


def test_directory_is_searched_recursively_and_skips_non_plans(repo):
    nested = repo / "plans" / "2024"
    nested.mkdir(parents=True)
    (nested / "deep.yml").write_text(BAD, encoding="utf-8")
    (repo / "plans" / "ci.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")  # not a plan: skipped
    (repo / "plans" / "notes.txt").write_text(BAD, encoding="utf-8")  # not YAML: skipped
    hidden = repo / "plans" / ".git"
    hidden.mkdir()
    (hidden / "x.yaml").write_text(BAD, encoding="utf-8")
    code, report = as_json("plans")
    assert code == 1
    assert report["files"] == ["plans/2024/deep.yml"]


def test_a_file_named_explicitly_is_always_a_plan(repo):
    (repo / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    code, report = as_json("ci.yaml")
    assert code == 1 and [d["code"] for d in report["diagnostics"]] == ["PL100"]


def test_default_path_is_the_current_directory(repo):
    code, report = as_json()
    assert code == 1
    assert sorted(report["files"]) == ["bad.yaml", "ok.yaml", "typo.yaml", "warn.yaml"]


def test_files_and_directories_mixed(repo):
    sub = repo / "sub"
    sub.mkdir()
    (sub / "a.yaml").write_text(OK, encoding="utf-8")
    (sub / "b.yaml").write_text(WARN, encoding="utf-8")
    code, report = as_json("sub", "bad.yaml")
    assert code == 1
    assert report["files"] == ["sub/a.yaml", "sub/b.yaml", "bad.yaml"]
    assert report["summary"] == {"files": 3, "errors": 1, "warnings": 1, "suppressed": 0}


def test_broken_files_do_not_stop_the_others(repo):
    (repo / "gbk.yaml").write_bytes(OK.encode("gbk"))
    (repo / "empty.yaml").write_text("", encoding="utf-8")
    code, report = as_json("gbk.yaml", "empty.yaml", "bad.yaml")
    assert code == 1
    assert [(d["file"], d["code"]) for d in report["diagnostics"]] == [("gbk.yaml", "PL003"), ("empty.yaml", "PL004"), ("bad.yaml", "PL201")]
    gbk = report["diagnostics"][0]
    assert "GBK" in gbk["message"] and gbk["line"] == 3


def test_bom_and_crlf_plan_is_clean(repo):
    (repo / "win.yaml").write_bytes(("\ufeff" + OK).replace("\n", "\r\n").encode("utf-8"))
    assert run("win.yaml").exit_code == 0


# --------------------------------------------------------------------------- explain
def explain(*args: str):
    return CliRunner().invoke(cli, ["explain", *args], catch_exceptions=False)


def test_explain_a_rule(repo):
    result = explain("PL201")
    assert result.exit_code == 0
    assert result.output.startswith("PL201 (hour-components-sum) — 学时组成之和不等于总学时")
    assert "hours.components" in result.output and "怎么改" in result.output


def test_explain_a_builtin_code_in_english(repo):
    result = explain("--lang", "en", "PL002")
    assert result.exit_code == 0
    assert result.output.startswith("PL002 (duplicate-key) — duplicate key")
    assert "Fix:" in result.output


def test_explain_is_case_insensitive_and_accepts_names(repo):
    assert explain("pl201").output.startswith("PL201 ")
    assert explain("hour-components-sum").output.startswith("PL201 ")


def test_explain_an_unknown_code_exits_2(repo):
    result = CliRunner().invoke(cli, ["explain", "PL777"])
    assert result.exit_code == 2
    assert "PL777" in result.output and "explain --all" in result.output
    en = CliRunner().invoke(cli, ["explain", "--lang", "en", "PL777"])
    assert en.exit_code == 2 and "unknown code PL777" in en.output


def test_explain_all_lists_every_code(repo):
    from plancc.diagnostics.codes import all_codes

    result = CliRunner().invoke(cli, ["explain", "--all"], terminal_width=200)
    assert result.exit_code == 0
    for info in all_codes():
        assert info.code in result.output
    assert "PL001" in result.output and "PL201" in result.output and "PL207" in result.output


# --------------------------------------------------------------------------- the real process
def test_python_dash_m_plancc_validate(repo):
    env = {**os.environ, "PLANCC_LANG": "en"}
    proc = subprocess.run(
        [sys.executable, "-m", "plancc", "validate", "--isolated", "--format", "json", "bad.yaml", "ok.yaml"],
        cwd=repo, capture_output=True, text=True, timeout=60, env=env,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    report = json.loads(proc.stdout)
    [d] = report["diagnostics"]
    assert (d["code"], d["file"], d["line"], d["column"]) == ("PL201", "bad.yaml", 5, 13)
    assert d["message"].startswith("the hour components add up to")
    proc = subprocess.run([sys.executable, "-m", "plancc", "validate", "--isolated", "nope.yaml"], cwd=repo,
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_output_into_an_unwritable_place_exits_2_without_a_traceback(repo):
    (repo / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--isolated", "--format", "json", "-o", "taken/r.json", "ok.yaml"])
    assert result.exit_code == 2
    assert "taken" in result.output and "Traceback" not in result.output
    assert (repo / "taken").read_text(encoding="utf-8") == "a file, not a folder"


def test_many_files_checked_in_parallel_give_the_same_report(repo):
    from plancc.driver.check import PARALLEL_THRESHOLD

    folder = repo / "bulk"
    folder.mkdir()
    for i in range(PARALLEL_THRESHOLD + 1):
        (folder / f"p{i:02d}.yaml").write_text(BAD if i % 2 else OK, encoding="utf-8")
    code, parallel = as_json("-j", "2", "bulk")
    _, serial = as_json("-j", "1", "bulk")
    assert code == 1
    assert parallel == serial
    bad = sum(1 for i in range(PARALLEL_THRESHOLD + 1) if i % 2)
    assert parallel["summary"] == {"files": PARALLEL_THRESHOLD + 1, "errors": bad, "warnings": 0, "suppressed": 0}
    assert parallel["files"] == sorted(parallel["files"])


def test_only_plans_skips_named_files_without_the_plancc_key(repo):
    (repo / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    code, report = as_json("--only-plans", "ci.yaml", "ok.yaml")
    assert code == 0 and report["files"] == ["ok.yaml"]
