"""Property-based tests: validate never raises, diagnostics stay inside the file, and a plan
that validates without errors always renders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancc.compile import RenderJob, render_docx_bytes
from plancc.load import load_text
from plancc.pipeline import Settings, check_loaded

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


@st.composite
def plans(draw):
    start = draw(DATES)
    end = start + dt.timedelta(days=draw(st.integers(0, 400)))
    comps = draw(st.lists(st.integers(1, 120), min_size=0, max_size=3))
    required = sum(comps) if comps and draw(st.booleans()) else draw(st.integers(1, 200))
    tiers = draw(st.lists(NAMES, min_size=0, max_size=4, unique=True))
    stages = draw(st.lists(NAMES, min_size=0, max_size=3, unique=True))
    modules = draw(st.lists(NAMES, min_size=1, max_size=8, unique=True))
    phases = []
    for _ in range(draw(st.integers(0, 4))):
        a = draw(DATES)
        b = a + dt.timedelta(days=draw(st.integers(0, 90)))
        phases.append({"name": draw(NAMES), "start": a.isoformat(), "end": b.isoformat(), "tasks": draw(st.text(min_size=1, max_size=30).filter(str.strip))})
    weights = draw(st.lists(st.integers(0, 100), min_size=1, max_size=3))
    plan = {
        "plancc": 1,
        "document": {"title": draw(st.text(min_size=1, max_size=40).filter(str.strip)), "issuer": draw(NAMES), "date": start.isoformat()},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
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
            {"title": "考核", "content": [{"assessment": "a"}]},
            {"title": "学时", "run_in": True, "content": [{"hours": "sentence"}]},
        ],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_a_plan_without_errors_always_renders(text):
    report = check_text(text)
    if report.errors == 0:
        data = render_docx_bytes(report, RenderJob(plan_path=Path("fuzz.yaml"), output=Path("fuzz.docx")))
        assert data[:2] == b"PK"
