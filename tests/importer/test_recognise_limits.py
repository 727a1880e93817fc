"""Whatever prose the structure stage hands over, recognise ends quickly and leaves it whole."""

import time

from tests.importer.recognise_util import prose, run


def _nested(depth: int) -> dict:
    inner: dict = {"title": "培训时间", "run_in": True, "content": ["2022年11月-2023年4月。"]}
    for _ in range(depth - 1):
        inner = {"title": "层", "sections": [inner]}
    return {"plancc": 1, "document": {"title": "x"}, "sections": [inner]}


def test_sections_nested_deep_are_read_without_recursion():
    from plancc.importer.recognise.common import WALK_DEPTH

    plan, _ = run(_nested(WALK_DEPTH))
    assert plan["period"] == {"start": "2022-11", "end": "2023-04"}


def test_sections_nested_thousands_deep_end_quickly_and_stay_prose():
    t = time.perf_counter()
    plan, _ = run(_nested(5000))
    assert time.perf_counter() - t < 2
    assert "period" not in plan


def test_a_huge_paragraph_full_of_near_misses_is_left_alone_quickly():
    text = "设置" + "甲、" * 200_000 + "乙个模块教龄（学时" * 1000
    t = time.perf_counter()
    plan, _ = run(prose({"title": "培训内容", "content": [text, "教龄" + "新教师（教龄1-2年）、" * 3000]}))
    assert time.perf_counter() - t < 2
    assert plan["sections"][0]["content"][0] == text


def test_a_catalog_of_twenty_thousand_rows_is_read_in_well_under_a_second():
    rows = [["初中", "语文", f"模块{i % 7}", f"课程{i}"] for i in range(20_000)]
    t = time.perf_counter()
    plan, _ = run(prose({"title": "课程", "content": [{"table": {"columns": ["学段", "学科", "模块", "课程"], "rows": rows}}]}))
    assert time.perf_counter() - t < 1
    assert len(plan["catalog"]["courses"]) == 20_000


def test_junk_in_the_plan_is_passed_over():
    plan = {"plancc": 1, "document": {"title": "x"}, "sections": [None, 3, {"title": "培训时间", "content": [None, 5, {"x": 1}]},
                                                                 {"sections": "not a list", "content": [{"table": "no"}]}]}
    out, guesses = run(plan)
    assert out["sections"][0] is None and guesses == []


def test_junk_tables_and_figures_are_passed_over_by_the_figure_readers():
    junk_tables = [{"table": {"columns": ["考核项目", "分值"], "rows": [None, ["甲", "5"]]}},
                   {"table": {"columns": ["课程名称", "学时"], "rows": "no"}},
                   {"table": {"columns": ["阶段", "时间", "主要任务"], "rows": [5, ["准备", "2025年3月", "甲。"]]}}]
    plan = {"plancc": 1, "document": {"title": "x"}, "hours": "junk",
            "sections": [{"title": "培训对象", "content": ["教师。", *junk_tables, "共3人，其中甲1人、乙2人。"]}]}
    out, _ = run(plan)
    assert out["sections"][0]["content"][1:4] == junk_tables
