from plancc.importer.source import Place
from tests.importer.recognise_util import errors_of, prose, rendered_tables, run

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


COURSES = {"columns": ["课程模块", "课程名称", "学时"], "rows": [
    ["师德修养", "教师职业行为准则解读", "6"], ["师德修养", "做学生喜爱的老师", "6"], ["教学基本功", "教学设计与说课", "12"],
    ["合计", "", "24"]]}


def test_a_course_table_with_hours_and_a_total_stays_a_table_whose_hours_are_a_figure():
    hours = "新任教师须完成不少于48学时，其中集中培训24学时、跟岗研修24学时。"
    plan, guesses = run(prose({"title": "学时", "content": [hours]},
                              {"title": "课程", "content": ["集中培训课程安排如下：", {"table": COURSES}]},
                              title="测试县新任教师入职培训实施方案"))
    fig = plan["figures"]["课程学时"]
    assert fig == {"value": "{=hours.components.集中培训}", "unit": "学时",
                   "parts": {"教师职业行为准则解读": 6, "做学生喜爱的老师": 6, "教学设计与说课": 12}}
    rows = plan["sections"][1]["content"][1]["table"]["rows"]
    assert rows[0][2] == "{=figures.课程学时.教师职业行为准则解读}" and rows[-1][2] == "{=figures.课程学时}"
    assert "import.guess.hours_table" in [g.key for g in guesses]
    assert errors_of(plan) == []
    assert rendered_tables(plan) == [[COURSES["columns"], *COURSES["rows"]]]


def test_course_hours_that_miss_their_total_are_reported():
    t = {"columns": COURSES["columns"], "rows": [*COURSES["rows"][:-1], ["合计", "", "30"]]}
    plan, _ = run(prose({"title": "课程", "content": [{"table": t}]}))
    assert plan["figures"]["课程学时"]["value"] == 30
    assert any(e.startswith("PL208") for e in errors_of(plan))


def test_a_table_whose_hours_are_not_numbers_or_names_repeat_stays_as_it_is():
    for rows in ([["甲", "课一", "约6"], ["乙", "课二", "6"]], [["甲", "课一", "6"], ["乙", "课一", "6"]]):
        t = {"columns": COURSES["columns"], "rows": rows}
        plan, _ = run(prose({"title": "课程", "content": [{"table": t}]}))
        assert "figures" not in plan and plan["sections"][0]["content"] == [{"table": t}]


def test_a_catalog_titled_otherwise_than_the_block_prints_stays_a_table_with_its_hours_cited():
    t = {"columns": ["学段", "学科", "模块", "课程名称", "学时"], "rows": [["初中", "语文", "阅读", "整本书阅读", "6"], ["初中", "数学", "建模", "数学建模", "6"]]}
    plan, _ = run(prose({"title": "课程", "content": [{"table": t}]}))
    assert "catalog" not in plan and plan["figures"]["课程学时"]["parts"] == {"整本书阅读": 6, "数学建模": 6}
    assert rendered_tables(plan) == [[t["columns"], *t["rows"]]]
