from plancc.importer.source import Place
from tests.importer.recognise_util import errors_of, prose, run

ROWS = [["通识", "", "师德素养", "教师法及相关法律法规解读"], ["通识", "", "师德素养", "涵养师德 做幸福教师"],
        ["", "", "", ""], ["初中", "语文", "高效课堂", "信息技术支持的习作教学"]]


def test_a_catalog_table_becomes_the_catalog_and_its_block():
    places = {("sections", 0, "content", 1): Place(table=1)}
    table = {"table": {"columns": ["学段", "学科", "模块", "课程"], "rows": ROWS}}
    plan, guesses = run(prose({"title": "培训内容", "content": ["课程如下：", table]}), places)
    assert plan["catalog"] == {"courses": [r for r in ROWS if any(r)]}
    assert plan["sections"][0]["content"] == ["课程如下：", {"catalog": "table"}]
    assert [(g.key, g.place.table, g.values) for g in guesses] == [("import.guess.catalog", 1, (("rows", 3),))]
    assert errors_of(plan) == []


def test_a_catalog_with_hours_shows_them():
    rows = [["通识", "", "师德", "课程一", "2"], ["通识", "", "师德", "课程二", "1.5"]]
    plan, _ = run(prose({"title": "内容", "content": [{"table": {"columns": ["学段", "学科", "模块", "课程", "学时"], "rows": rows}}]}))
    assert [c[4] for c in plan["catalog"]["courses"]] == [2, 1.5] and plan["catalog"]["show_hours"] is True


def test_a_row_without_a_course_keeps_the_table():
    rows = [["通识", "", "师德", ""]]
    t = {"columns": ["学段", "学科", "模块", "课程"], "rows": rows}
    plan, _ = run(prose({"title": "内容", "content": [{"table": t}]}))
    assert "catalog" not in plan and plan["sections"][0]["content"] == [{"table": t}]
