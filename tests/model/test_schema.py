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


def _cjk(text) -> bool:
    return isinstance(text, str) and any("\u4e00" <= c <= "\u9fff" for c in text)


def _objects(schema):
    """(where, schema) for the root, every definition and every property of each."""
    yield "$", schema
    for name, d in schema.get("$defs", {}).items():
        yield f"$defs/{name}", d
    for where, node in [("$", schema), *((f"$defs/{n}", d) for n, d in schema.get("$defs", {}).items())]:
        for key, prop in node.get("properties", {}).items():
            yield f"{where}/properties/{key}", prop


def _alternatives(node, where="$"):
    """(where, anyOf list) everywhere in the schema."""
    if isinstance(node, dict):
        if isinstance(node.get("anyOf"), list):
            yield where, node["anyOf"]
        for k, v in node.items():
            yield from _alternatives(v, f"{where}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _alternatives(v, f"{where}[{i}]")


def test_every_object_and_property_has_a_chinese_title_and_description():
    """What an editor's hover shows (yaml-language-server: “#### title” then the description)."""
    schema = plan_schema()
    missing = [f"{where}: {node.get('title')!r} / {str(node.get('description'))[:30]!r}"
               for where, node in _objects(schema) if not (_cjk(node.get("title")) and _cjk(node.get("description")))]
    assert not missing, "\n".join(missing)
    assert sum(1 for _ in _objects(schema)) > 250


def test_no_union_gives_a_doubled_heading():
    """yaml-language-server joins the titles of a union's alternatives with “ || ” when it takes
    all of them for the one that matched: alternatives it compares equal (same title, description
    and properties) after the merge of scalar alternatives in plancc.schema. The $refs of two
    alternatives are told apart by their definitions' titles."""
    schema = plan_schema()
    defs = schema["$defs"]

    def signature(alt):
        target = defs[alt["$ref"].rsplit("/", 1)[-1]] if "$ref" in alt else alt
        return (alt.get("title", target.get("title")), alt.get("description", target.get("description")),
                json.dumps(target.get("properties"), sort_keys=True) if "properties" in target else None)

    doubled = [where for where, alts in _alternatives(schema) if len({signature(a) for a in alts}) < len(alts)]
    assert not doubled, doubled
    assert not [w for w, node in _objects(schema) if "||" in str(node.get("title"))]


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


# ---- the schema rejects what plancc rejects --------------------------------------------

from plancc.load.compose import load_text  # noqa: E402
from plancc.model.build import build_plan  # noqa: E402

SCAFFOLD = ROOT / "plancc" / "scaffold" / "example.yaml"


def _plancc_accepts(text: str) -> tuple[bool, list]:
    """plancc's structure checks (PL0xx reading, PL1xx model) on a plan's text, and the model's errors."""
    from pydantic import ValidationError

    from plancc.model.plan import Plan

    loaded = load_text(text, "case.yaml")
    _, diags = build_plan(loaded)
    codes = [d.code for d in [*loaded.diagnostics, *diags]]
    errors = []
    if loaded.data is not None:
        try:
            Plan.model_validate(loaded.data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    return not any(c.startswith(("PL0", "PL1")) for c in codes), errors


def _schema_verdicts(files: list[Path]) -> dict[str, bool]:
    """check-jsonschema on many files in one run: file name → whether the schema accepts it."""
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    proc = subprocess.run([exe, "-o", "json", "--schemafile", str(COMMITTED), *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stdout)
    rejected = {Path(e["filename"]).name for e in report.get("errors", []) + report.get("parse_errors", [])}
    return {f.name: f.name not in rejected for f in files}


def _write(tmp_path: Path, name: str, data) -> Path:
    import yaml

    f = tmp_path / name
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return f


def test_the_cases_of_issue_17_are_rejected_by_the_schema_as_by_plancc(tmp_path):
    """required: -5, a month 13, February 30th and a tier span of three years; February 29th of a
    leap year and the Chinese date forms pass both."""
    base = load_text(SCAFFOLD.read_text(encoding="utf-8"), "example.yaml").data
    assert base["period"].get("start") and base.get("tiers"), "the scaffold example has a period start and tiers"

    def changed(**at):
        import copy

        data = copy.deepcopy(base)
        for path, value in at.items():
            *head, last = path.split("__")
            node = data
            for p in head:
                node = node[int(p)] if p.isdigit() else node[p]
            node[int(last) if last.isdigit() else last] = value
        return data

    cases = {
        "required-5.yaml": (changed(hours__required=-5), False),
        "month13.yaml": (changed(period__start="2025-13"), False),
        "feb30.yaml": (changed(period__start="2025-02-30"), False),
        "feb29-2023.yaml": (changed(period__start="2023-02-29"), False),
        "years135.yaml": (changed(tiers__0__years=[1, 3, 5]), False),
        "feb29-2024.yaml": (changed(period__start="2024-02-29"), True),
        "chinese-date.yaml": (changed(period__start="2024年9月1日"), True),
        "deadline.yaml": (changed(period__start="2024-09-01 8:30"), True),
    }
    files = [_write(tmp_path, name, data) for name, (data, _) in cases.items()]
    schema = _schema_verdicts(files)
    for f in files:
        expected = cases[f.name][1]
        assert _plancc_accepts(f.read_text(encoding="utf-8"))[0] is expected, f.name
        assert schema[f.name] is expected, f.name


def _exhaustive_dates() -> list[str]:
    out = []
    for y in ("2023", "2024", "1900", "2000", "２０２４"):
        for m in ("0", "1", "01", "2", "02", "4", "11", "12", "13", "012"):
            out += [f"{y}-{m}", f"{y}年{m}月", f"{y}/{m}"]
            for d in ("0", "1", "01", "28", "29", "30", "31", "32"):
                for day in (f"{y}-{m}-{d}", f"{y}年{m}月{d}日", f"{y}.{m}.{d}"):
                    out.append(day)
                    if d == "29" or m == "1":
                        out += [day + t for t in (" 17:00", "T9:05", " 24:00", " 24:30", " 9:60", "17时", "17时30分", " 8点整")]
    return out


def test_the_date_pattern_accepts_exactly_the_dates_plancc_reads(tmp_path):
    """Calendar and forms, in Python's regular expressions and in check-jsonschema's ECMA-262 ones."""
    import re

    from plancc.model.dates import DATE_PATTERN, PartialDate

    def reads(text):
        try:
            PartialDate.parse(text)
            return True
        except ValueError:
            return False

    texts = _exhaustive_dates()
    expected = [reads(t) for t in texts]
    assert [bool(re.match(DATE_PATTERN, t)) for t in texts] == expected
    assert 200 < sum(expected) < len(texts) - 200
    # the same through check-jsonschema (its default ECMA-262 expressions): one file of all the texts
    schema = tmp_path / "dates.schema.json"
    schema.write_text(json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema",
                                  "type": "array", "items": {"type": "string", "pattern": DATE_PATTERN}}), encoding="utf-8")
    instance = tmp_path / "dates.json"
    instance.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    proc = subprocess.run([exe, "-o", "json", "--schemafile", str(schema), str(instance)], capture_output=True, text=True, timeout=120)
    rejected = {int(e["path"].rsplit("[", 1)[1].rstrip("]")) for e in json.loads(proc.stdout).get("errors", [])}
    assert [i not in rejected for i in range(len(texts))] == expected


def test_the_amount_pattern_accepts_exactly_the_figures_plancc_reads():
    import re

    from plancc.model.figures import AMOUNT_PATTERN
    from plancc.quantities.amount import AT_LEAST_AFTER, AT_LEAST_BEFORE, AT_MOST_AFTER, AT_MOST_BEFORE, AmountError, parse_amount

    def reads(text):
        try:
            parse_amount(text)
            return True
        except AmountError:
            return False

    texts = [f"{sp}{b}{sp}{n}{sp}{u}{sp}{a}"
             for b in ("", *AT_LEAST_BEFORE, *AT_MOST_BEFORE) for n in ("150", "1,000", "2.5", "{=hours.required}", "", "1,00")
             for u in ("", "%", "学时", "人以下", "五个字单位") for a in ("", *AT_LEAST_AFTER, *AT_MOST_AFTER) for sp in ("", " ")]
    expected = [reads(t) for t in texts]
    assert [bool(re.match(AMOUNT_PATTERN, t)) for t in texts] == expected
    assert any(expected) and not all(expected)


#: Where a schema cannot say what plancc checks, and why. A mutation both judge differently
#: must be one of these; every other one must get the same verdict.
NEEDS_MORE_THAN_ONE_VALUE = {
    # a rule over several values of the plan
    "wording-item": "a block's wording key[item] must name an item the block writes (an assessment's component, a module "
                    "set…): the rule joins the key with another list of the plan",
    "table-shape": "a table's rows, widths and merged columns are counted against its columns",
    "rubric-points": "a rubric item has points on itself or on its rows",
    "figure-bounds": "a figure is not both a floor (at_least) and a ceiling (at_most)",
    "phase-when": "a phase has a deadline (due) or a span (start/end), not both",
    "unnumbered": "an unnumbered section has no numbering form or number",
    "depth": "how deep a section may nest depends on the numbering forms above it",
    "adjacent-years": "a school year's two years are adjacent (2024-2025): arithmetic between two numbers of one text",
    "wording-pattern": "a wording pattern may cite only the values of its sentence, named by its key",
    # a limit of JSON Schema itself
    "whole-float": "2023.0 is an integer to JSON Schema (a number without a fraction), while plancc's types are strict: "
                   "YAML wrote a float where a whole number goes",
}


def _explained(mutation, errors) -> str | None:
    """The entry of NEEDS_MORE_THAN_ONE_VALUE that explains why plancc rejects what the schema accepts."""
    from plancc.errors import Worded

    if mutation.kind == "a whole float for an integer" and errors and all(e["type"] == "int_type" for e in errors):
        return "whole-float"
    kinds = set()
    for e in errors:
        t, ctx = e["type"], e.get("ctx") or {}
        err = ctx.get("error")
        text = str(err) if err is not None else e.get("msg", "")
        if t.startswith("table_"):
            kinds.add("table-shape")
        elif t.startswith("rubric_item_"):
            kinds.add("rubric-points")
        elif t == "figure_both_bounds":
            kinds.add("figure-bounds")
        elif isinstance(err, Worded) and err.key == "value.numbering.unnumbered":
            kinds.add("unnumbered")
        elif isinstance(err, Worded) and err.key == "value.numbering.too_deep":
            kinds.add("depth")
        elif "due（截止日期）" in text:
            kinds.add("phase-when")
        elif "相邻的两年" in text:
            kinds.add("adjacent-years")
        elif t == "value_error" and e["loc"] == ():
            kinds.add("wording-item")
        elif t == "value_error" and "wording" in e["loc"]:
            kinds.add("wording-pattern")
        else:
            return None
    return kinds.pop() if len(kinds) == 1 else None


#: mutations judged (a stratified sample of the distinct place × kind pairs, to keep the run short)
CORPUS_SIZE = 240


def test_mutations_of_the_example_plans_get_the_same_verdict_from_check_jsonschema_and_plancc(tmp_path):
    import random
    from collections import defaultdict

    from tests.model.mutations import Walker

    walker = Walker(json.loads(COMMITTED.read_text(encoding="utf-8")))
    distinct: dict[tuple, object] = {}
    for source in [*PLANS, SCAFFOLD]:
        plan = load_text(source.read_text(encoding="utf-8"), source.name).data
        for m in walker.mutations(source.name, plan):
            distinct.setdefault((m.place, m.kind), m)
    by_kind: dict[str, list] = defaultdict(list)
    for m in distinct.values():
        by_kind[m.kind].append(m)
    rng = random.Random(17)
    for ms in by_kind.values():
        rng.shuffle(ms)
    chosen = []
    while len(chosen) < CORPUS_SIZE and any(by_kind.values()):
        for kind in sorted(by_kind):
            if by_kind[kind] and len(chosen) < CORPUS_SIZE:
                chosen.append(by_kind[kind].pop())
    assert len(chosen) == CORPUS_SIZE and len({m.kind for m in chosen}) >= 30

    files = [_write(tmp_path, f"m{i:04d}.yaml", m.data) for i, m in enumerate(chosen)]
    schema = _schema_verdicts(files)
    agree, explained, wrong = 0, defaultdict(int), []
    for f, m in zip(files, chosen):
        ok, errors = _plancc_accepts(f.read_text(encoding="utf-8"))
        if ok is schema[f.name]:
            agree += 1
            continue
        why = _explained(m, errors) if not ok else None
        if why is None:
            wrong.append(f"{m.name} ({m.place}): schema {'accepts' if schema[f.name] else 'rejects'}, "
                         f"plancc {'accepts' if ok else 'rejects'} {[(e['type'], e['loc']) for e in errors][:2]}")
        else:
            explained[why] += 1
    assert not wrong, f"{len(wrong)} of {CORPUS_SIZE} judged differently:\n" + "\n".join(wrong)
    rejected = sum(1 for v in schema.values() if not v)
    assert 0.4 * CORPUS_SIZE < rejected < CORPUS_SIZE, "the corpus mixes changes both accept and changes both reject"
    assert agree >= CORPUS_SIZE - 15, (agree, dict(explained))


# ---- how a plan names the schema ----------------------------------------------------------

def test_schema_help_gives_the_path_relative_to_the_plan_and_the_pinned_address():
    from click.testing import CliRunner

    from plancc import __version__
    from plancc.cli.main import cli
    from plancc.schema import release_url

    url = release_url()
    assert url.endswith(f"/releases/download/v{__version__}/plan.schema.json") and url.startswith("https://github.com/")
    for lang, words in (("zh", "相对于这个计划文件所在的目录"), ("en", "relative to the folder of the plan file")):
        result = CliRunner().invoke(cli, ["schema", "--help"], env={"PLANCC_LANG": lang, "COLUMNS": "200"}, prog_name="plancc")
        assert result.exit_code == 0
        text = result.output
        assert "# yaml-language-server: $schema=../schema/plan.schema.json" in text
        assert f"\n    {url}\n" in text  # on a line of its own: the text after $schema= on the modeline
        assert words in text and __version__ in text
        assert "$schema=schema/plan.schema.json\n" not in text.replace("写 schema/plan.schema.json", "")


def test_the_scaffold_and_readme_name_the_schema_relative_to_plans():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../schema/plan.schema.json" in readme
    assert SCAFFOLD.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/plan.schema.json\n")
