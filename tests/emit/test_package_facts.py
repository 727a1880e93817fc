"""What Word reads before the text: the plan's own date and document id."""

from __future__ import annotations

import re
import zipfile

import pytest

from tests.helpers import ROOT, check_example, render_example

EXAMPLES = sorted((ROOT / "plans").glob("*.yaml"))


def _part(data: bytes, name: str) -> str:
    import io

    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {p.stem: render_example(check_example(p), p) for p in EXAMPLES}


@pytest.mark.parametrize("name, date", [("binchuan-2022", "2022-11-01"), ("huaibei-2022-2023", "2023-04-03"),
                                        ("luoerling-2024-2025", "2024-11-11")])
def test_the_properties_carry_the_plans_date(rendered, name, date):
    core = _part(rendered[name], "docProps/core.xml")
    assert f">{date}T00:00:00Z</dcterms:created>" in core and "1980" not in core


def test_each_plan_has_its_own_document_id_and_keeps_it(rendered):
    ids = {name: re.search(r'w14:docId w14:val="([0-9A-F]{8})"', _part(data, "word/settings.xml")).group(1)
           for name, data in rendered.items()}
    assert len(set(ids.values())) == len(ids)
    again = render_example(check_example(EXAMPLES[0]), EXAMPLES[0])
    assert again == rendered[EXAMPLES[0].stem]
