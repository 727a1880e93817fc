"""A sentence that announces the table after it stays on the table's page (keep with next)."""

from __future__ import annotations

import io
import re
import zipfile

from tests.helpers import MINIMAL, ROOT, check_example, render_example

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _before_tables(data: bytes) -> list[tuple[bool, str]]:
    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(W + "body")
    out, prev = [], None
    for el in body:
        if el.tag == W + "tbl" and prev is not None:
            out.append((prev.find(f".//{W}keepNext") is not None, "".join(t.text or "" for t in prev.iter(W + "t"))))
        if el.tag == W + "p":
            prev = el
    return out


def test_the_examples_lead_ins_keep_with_their_tables():
    path = ROOT / "plans" / "huaibei-2022-2023.yaml"
    found = _before_tables(render_example(check_example(path), path))
    assert found and all(keep for keep, _ in found), found
    assert any(text.endswith("见下表：") for _, text in found)


def test_only_a_sentence_that_announces_the_table_is_kept(tmp_path):
    table = "      - {table: {columns: [项目, 分值], rows: [[听课, 10]]}}\n"
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL + "sections:\n  - title: 考核\n    content:\n      - 考核内容如下：\n" + table
                    + "      - 各校按时完成考核工作。\n" + table, encoding="utf-8")
    found = _before_tables(render_example(check_example(plan), plan))
    assert [keep for keep, _ in found] == [True, False], found
    assert re.search("如下：$", found[0][1])
