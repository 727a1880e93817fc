"""Small helpers for the recognise tests: a prose plan from sections, and the check of a result."""

from __future__ import annotations

import copy

import yaml

from plancc.importer.recognise import recognise
from tests.helpers import check


def prose(*sections: dict, title: str = "测试县2024年教师全员培训实施方案") -> dict:
    return {"plancc": 1, "document": {"title": title}, "sections": [copy.deepcopy(s) for s in sections]}


def run(plan: dict, places=None):
    return recognise(plan, places=places)


def errors_of(plan: dict) -> list[str]:
    report = check(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    return [f"{d.code} {d.message}" for d in report.diagnostics if d.severity == "error"]


def codes_of(plan: dict) -> list[str]:
    report = check(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    return [d.code for d in report.diagnostics]


def rendered_texts(plan: dict) -> list[str]:
    """The body paragraphs' texts of the plan rendered (for comparing with the source's words)."""
    import io

    import docx

    from tests.helpers import ROOT, render_example

    report = check(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    assert report.errors == 0, [d.message for d in report.diagnostics]
    data = render_example(report, ROOT / "plans" / "t.yaml")
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def rendered_tables(plan: dict) -> list[list[list[str]]]:
    """Every table of the plan rendered, as rows of cell texts (a merged cell repeats its text)."""
    import io

    import docx

    from tests.helpers import ROOT, render_example

    report = check(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    data = render_example(report, ROOT / "plans" / "t.yaml")
    return [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(io.BytesIO(data)).tables]
