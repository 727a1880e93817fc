"""Property-based tests: validate never raises, diagnostics stay inside the file, and a plan
that validates without errors always renders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import math

from plancc.driver.render import RenderJob, render_docx_bytes
from plancc.errors import PlanccError
from plancc.load import load_text
from plancc.driver.check import check_loaded
from plancc.driver.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "plans").glob("*.yaml"))]
SEEDS.append((ROOT / "plancc" / "scaffold" / "example.yaml").read_text(encoding="utf-8"))
SETTINGS = Settings()


def check_text(text: str):
    report = check_loaded(load_text(text, "fuzz.yaml"), SETTINGS)
    n_lines = text.replace("\r\n", "\n").count("\n") + 1
    for d in report.diagnostics:
        assert d.code.startswith("PL") and len(d.code) == 5, d
        assert d.message
        assert d.span is not None or d.code in ("PL000", "PL999"), d
        if d.span is not None and d.file == "fuzz.yaml":
            assert 1 <= d.line <= n_lines and d.column >= 1, (d.line, n_lines, d)
        assert d.code != "PL999", d.message
    return report


# ---------------------------------------------------------------- text mutations
JUNK = st.sampled_from(["", " ", "\t", ":", "- ", "#", "[", "]", "{", "}", "&a", "*a", "!!str ", "'", '"', "~", "no", "010", "1e3",
                        ".nan", "2023-02-30", "〔〕", "{=nope}", "{{ x }}", "\x00", "\ufeff", "中文", "-1", "99999999999999999999"])


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "replace-value", "indent", "dedent", "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(JUNK) + draw(JUNK))
        elif op == "replace-value" and ": " in lines[i]:
            key, _, _ = lines[i].partition(": ")
            lines[i] = f"{key}: {draw(JUNK)}"
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i].lstrip()
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, max(len(lines[i]) - 1, 0)))]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_validate_never_raises_on_mutated_examples(text):
    check_text(text)


# ---------------------------------------------------------------- data mutations
def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                      st.text(max_size=20), st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_validate_never_raises_when_a_value_changes_type(data):
    doc = yaml.safe_load(data.draw(st.sampled_from(SEEDS)))
    paths = [p for p in _paths(doc) if p]
    path = data.draw(st.sampled_from(paths))
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = data.draw(ANY_VALUE)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    check_text(text)


# ---------------------------------------------------------------- generated plans
DATES = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
NAMES = st.text(alphabet="师德教学研修课堂信息技术班级管理新课标作业设计评价", min_size=2, max_size=8)


def as_written(d: dt.date, month: bool) -> str:
    """A date as plans write it: a month (2024-11) or a day (2024-11-15)."""
    return f"{d.year}-{d.month:02d}" if month else d.isoformat()


@st.composite
def written_dates(draw, start=None):
    """A pair (date, text) at month or day precision, on or after ``start``."""
    d = draw(DATES) if start is None else start + dt.timedelta(days=draw(st.integers(0, 400)))
    return d, as_written(d, draw(st.booleans()))


WIDTH = st.one_of(st.integers(-2, 5), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, 1e-9, 1e6, 1e6 + 1]))
CELL = st.one_of(st.text(max_size=8), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True))


@st.composite
def free_tables(draw):
    """A free table of any shape: rows shorter, longer or as long as the columns, any widths and merges."""
    ncols = draw(st.one_of(st.integers(0, 6), st.just(63), st.just(64)))
    columns = [f"列{i}" for i in range(ncols)]
    fit = draw(st.booleans())
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        n = ncols if fit else draw(st.integers(0, ncols + 2))
        rows.append([draw(CELL) for _ in range(n)])
    table = {"columns": columns, "rows": rows}
    if draw(st.booleans()):
        table["widths"] = [draw(WIDTH) for _ in range(ncols if draw(st.booleans()) else draw(st.integers(0, ncols + 2)))]
    if draw(st.booleans()):
        table["merge"] = draw(st.lists(st.integers(-1, ncols + 1), max_size=3))
    if draw(st.booleans()):
        table["caption"] = draw(NAMES)
    return table


def table_is_valid(t: dict) -> bool:
    n = len(t["columns"])
    if not 1 <= n <= 63 or any(len(r) != n for r in t["rows"]):
        return False
    if any(isinstance(c, float) and not math.isfinite(c) for r in t["rows"] for c in r):
        return False
    if any(isinstance(c, str) and any(ord(ch) < 32 and ch not in "\t\n\r" or 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) in (0x7F, 0xFFFE, 0xFFFF) for ch in c)
           for r in t["rows"] for c in r):
        return False
    w = t.get("widths")
    if w is not None and (len(w) != n or any(not (math.isfinite(x) and 0 < x <= 1e6) for x in w)):
        return False
    return all(1 <= m <= n for m in t.get("merge", []))


@st.composite
def plans(draw, tables=False):
    start, start_text = draw(written_dates())
    end, end_text = draw(written_dates(start))
    comps = draw(st.lists(st.integers(1, 120), min_size=0, max_size=3))
    required = sum(comps) if comps and draw(st.booleans()) else draw(st.integers(1, 200))
    tiers = draw(st.lists(NAMES, min_size=0, max_size=4, unique=True))
    stages = draw(st.lists(NAMES, min_size=0, max_size=3, unique=True))
    modules = draw(st.lists(NAMES, min_size=1, max_size=8, unique=True))
    phases = []
    for _ in range(draw(st.integers(0, 4))):
        a, a_text = draw(written_dates())
        b, b_text = draw(written_dates(a))
        phase = {"name": draw(NAMES), "start": a_text, "end": b_text, "tasks": draw(st.text(min_size=1, max_size=30).filter(str.strip))}
        if draw(st.booleans()):
            phase = {"name": phase["name"], "due": b_text, "tasks": phase["tasks"]}
        phases.append(phase)
    weights = draw(st.lists(st.integers(0, 100), min_size=1, max_size=3))
    _, doc_date = draw(written_dates())
    plan = {
        "plancc": 1,
        "document": {"title": draw(st.text(min_size=1, max_size=40).filter(str.strip)), "issuer": draw(NAMES), "date": doc_date},
        "period": {"start": start_text, "end": end_text},
        "hours": {"required": required, "components": [{"name": f"部分{i}", "hours": h} for i, h in enumerate(comps)]},
        "tiers": [{"name": t, "years": [i * 3 + 1, i * 3 + 3]} for i, t in enumerate(tiers)],
        "stages": [{"name": s, "themes": {t: draw(NAMES) for t in tiers}} for s in stages],
        "module_sets": [{"id": "m", "label": draw(NAMES), "modules": modules, "total_hours": draw(st.integers(1, 300))}],
        "phases": phases,
        "assessments": [{"id": "a", "components": [{"name": f"组成{i}", "weight": w} for i, w in enumerate(weights)]}],
        "sections": [
            {"title": "培训主题", "content": [{"themes": draw(st.sampled_from(["list", "table"]))}]},
            {"title": "培训内容", "content": [draw(st.text(max_size=60)) or "正文", {"module_sets": ["m"]}]},
            {"title": "培训进度", "content": [{"phases": draw(st.sampled_from(["dated", "staged", "table"]))}]},
            {"title": "考核", "content": [{"assessment": "a", "style": draw(st.sampled_from(["text", "table"]))}]},
            {"title": "学时", "run_in": True, "content": [{"hours": "sentence"}]},
        ],
    }
    if tables:
        plan["sections"].append({"title": "附表", "content": [{"table": t} for t in draw(st.lists(free_tables(), min_size=1, max_size=3))]})
    return plan


def dump(plan: dict) -> str:
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


def render(report):
    return render_docx_bytes(report, RenderJob(plan_path=Path("fuzz.yaml"), output=Path("fuzz.docx")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_a_plan_without_errors_always_renders(plan):
    report = check_text(dump(plan))
    if report.errors == 0:
        assert render(report)[:2] == b"PK"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(tables=True))
def test_tables_of_every_shape_are_rejected_at_validate_time_or_render(plan):
    report = check_text(dump(plan))
    tables = [b["table"] for b in plan["sections"][-1]["content"]]
    where = f"sections[{len(plan['sections']) - 1}]"
    in_tables = [d for d in report.diagnostics if d.code in ("PL103", "PL104") and (d.path or "").startswith(where)]
    if all(table_is_valid(t) for t in tables):
        assert not in_tables, [(d.path, d.message) for d in in_tables]
    else:
        assert in_tables and all(d.span is not None for d in in_tables), [(d.path, d.message) for d in report.diagnostics]
    if report.errors == 0:
        assert render(report)[:2] == b"PK"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_render_raises_nothing_but_a_plancc_error(text):
    report = check_text(text)
    if report.errors == 0 and report.plan is not None:
        try:
            render(report)
        except PlanccError:
            pass


# ---------------------------------------------------------------- layout overrides
def _leaf_keys(value, prefix=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaf_keys(v, f"{prefix}.{k}" if prefix else k)
    else:
        yield prefix


_DEFAULT_PROFILE = yaml.safe_load((ROOT / "plancc" / "layout" / "profiles" / "gbt9704.yaml").read_text(encoding="utf-8"))
LAYOUT_KEYS = sorted(_leaf_keys(_DEFAULT_PROFILE))
HOSTILE_VALUES = st.one_of(
    st.integers(-(10**25), 10**25), st.sampled_from([0, -1, 1, 31680, 31681, 3276, 3277, 10**20, True, False, None]),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.sampled_from(["a\x00b", "\x07", "\ud800", "正文\x1f", ""]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(LAYOUT_KEYS), HOSTILE_VALUES, min_size=1, max_size=3))
def test_any_layout_override_is_checked_or_renders(overrides):
    from plancc.config import ConfigError, ConfigFile
    from plancc.layout.profile import ProfileError, check_overrides

    problems = check_overrides(overrides)  # never raises
    try:
        ConfigFile.model_validate({"render": {"layout": overrides}})
    except Exception as exc:  # the configuration refuses it, naming the key
        assert problems, exc
        assert all(key for key, _ in problems) or "覆盖项" in problems[0][1]
        return
    assert not problems
    report = check_text(SEEDS[0])
    try:
        data = render_docx_bytes(report, RenderJob(plan_path=Path("fuzz.yaml"), output=Path("fuzz.docx"), layout=overrides,
                                                   bases=[ROOT / "plans", ROOT]))
    except (ProfileError, ConfigError, PlanccError):
        return
    assert data[:2] == b"PK"
