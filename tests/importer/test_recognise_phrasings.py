"""Figures worded as other counties and schools word them (numbered stage headings, a module list
joined by 和, “自…起至…止”, a head count in the audience sentence, a scored table under a title row):
each recogniser fires on its phrasing and stays quiet on what only looks like it."""

import json

from plancc.importer.structure import EXACT, exact_tables
from tests.importer.recognise_util import codes_of, errors_of, prose, rendered_tables, rendered_texts, run

STAGES = [
    ("动员部署阶段（2025年2月—3月）", ["印发培训方案，召开全县教师培训工作会议。", "各学校联系人名单请于2月20日前报送。"]),
    ("组织实施阶段（2025年4月—10月）", ["教师登录研修平台完成网络课程学习。"]),
    ("总结考核阶段（2025年11月）", ["各学校汇总教师学时，县教体局组织抽查。"]),
]


def _steps(stages=STAGES, **extra):
    return prose({"title": "实施步骤", "sections": [{"title": t, "content": list(c), **extra} for t, c in stages]},
                 title="青水县2025年中小学教师全员培训实施方案")


def test_numbered_stage_headings_with_their_time_become_staged_phases_printed_as_typed():
    plan, guesses = run(_steps())
    ph = plan["phases"]
    assert [(p["name"], p["start"], p["end"]) for p in ph] == [
        ("动员部署阶段", "2025-02", "2025-03"), ("组织实施阶段", "2025-04", "2025-10"), ("总结考核阶段", "2025-11", "2025-11")]
    assert ph[0]["tasks"] == STAGES[0][1] and ph[1]["tasks"] == STAGES[1][1][0]
    blk = plan["sections"][0]["content"][0]
    assert blk["phases"] == "staged" and blk["wording"]["phase.stage"] == "（{=number:cn}）{=name}（{=when}）"
    assert blk["wording"]["phase.range[3]"] == "2025年11月"  # one month: its words, said
    assert "import.guess.phase_time_typed" in [g.key for g in guesses]
    texts = rendered_texts(plan)
    for title, tasks in STAGES:
        assert "（" + "一二三"[STAGES.index((title, tasks))] + "）" + title in texts
        assert all(t in texts for t in tasks)
    assert errors_of(plan) == []


def test_stage_headings_that_are_not_all_stages_or_are_undated_stay_sections():
    plan, _ = run(_steps(STAGES[:2] + [("总结考核", ["汇总学时。"])]))
    assert "phases" not in plan and len(plan["sections"][0]["sections"]) == 3
    plan, _ = run(_steps([("准备阶段（另行通知）", ["制定方案。"]), ("实施阶段（2025年4月—10月）", ["组织培训。"])]))
    assert "phases" not in plan
    plan, _ = run(_steps(STAGES, numbering="①"))  # a numbering the heading pattern would not print
    assert "phases" not in plan


MODULES = "培训内容分为师德修养、课堂教学、信息技术应用和心理健康教育四个模块，各学校可结合本校实际适当调整比例。"


def test_a_module_list_whose_last_two_names_are_joined_by_he_is_split_by_its_count_and_cited():
    plan, guesses = run(prose({"title": "培训内容", "content": [MODULES]}))
    ms = plan["module_sets"][0]
    assert ms["modules"] == ["师德修养", "课堂教学", "信息技术应用", "心理健康教育"] and ms["verb"] == "分为"
    assert "module_count" not in ms
    assert plan["sections"][0]["content"] == [MODULES.replace("四", "{=modules.培训内容.count:cn}", 1)]
    assert "PL207" not in codes_of(plan) and errors_of(plan) == []
    assert MODULES in rendered_texts(plan)
    assert any(g.key == "import.guess.cited" and g.path == ("module_sets", 0) for g in guesses)


def test_a_he_inside_a_name_is_not_split_when_the_count_is_the_lists():
    text = "培训内容分为师德修养、课堂教学、家庭和社区教育三个模块，各校统筹安排。"
    plan, _ = run(prose({"title": "培训内容", "content": [text]}))
    ms = plan["module_sets"][0]
    assert ms["modules"] == ["师德修养", "课堂教学", "家庭和社区教育"]
    assert ms["verb"] == "分为" and plan["sections"][0]["content"][0]["lead"] == "培训内容"
    assert text in rendered_texts(plan)


def test_a_period_given_as_from_and_to_is_cited_where_it_stands():
    text = "本学期校本研修自2025年3月1日起至2025年6月30日止。每位教师按计划参加研修。"
    plan, guesses = run(prose({"title": "研修时间与学时", "content": [text]}))
    assert (plan["period"]["start"], plan["period"]["end"]) == ("2025-03-01", "2025-06-30")
    assert plan["sections"][0]["content"][0].startswith("本学期校本研修自{=period.start}起至{=period.end}止。")
    assert text in rendered_texts(plan)
    assert [g.path for g in guesses if g.key == "import.guess.cited"] == [("period",)]


def test_from_and_to_of_something_else_or_typed_otherwise_is_left_alone():
    for text in ("本办法自2025年3月1日起至2027年2月28日止有效。",  # not the training's time
                 "本学期研修自2025年3月01日起至2025年6月30日止。",  # a day no format prints as typed
                 "本学期研修自2025年6月30日起至2025年3月1日止。"):  # the end before the start
        plan, _ = run(prose({"title": "其他", "content": [text]}))
        assert "period" not in plan and plan["sections"][0]["content"] == [text], text


def test_the_head_count_of_the_audience_sentence_and_a_heading_typed_as_a_sentence():
    plan, guesses = run(prose({"title": "培训对象。", "content": ["2025年新招聘到我县中小学、幼儿园任教的教师，共86人。"]}))
    assert plan["audience"] == {"description": "2025年新招聘到我县中小学、幼儿园任教的教师，共86人。", "count": 86}
    assert "import.guess.audience_count" in [g.key for g in guesses] and errors_of(plan) == []


def test_no_head_count_when_the_audience_gives_two_or_its_parts():
    for text in ("小学教师共120人，初中教师共80人。", "全县教师共200人，其中小学120人、初中80人。"):
        plan, _ = run(prose({"title": "培训对象", "content": [text]}))
        assert "count" not in (plan.get("audience") or {}), text


def _titled_table():
    rows = [["考核项目", "分值", "评价主体"], ["出勤", "20", "学校"], ["研修日志", "30", "中心"], ["汇报课", "50", "专家组"],
            ["合计", "100", ""], ["制表日期", "2025年7月1日", ""]]
    cols = ["培训考核评分表"] * 3
    exact = {"header": [[{"text": "培训考核评分表", "span": 3}]], "rows": [list(r) for r in rows]}
    table = {"columns": cols, "rows": rows,
             EXACT: (exact, json.dumps([cols, rows, None], ensure_ascii=False), [0])}
    return prose({"title": "考核办法", "content": ["评分细则见下表：", {"table": table}]})


def test_a_scored_table_under_a_title_row_has_its_points_cited_and_keeps_its_header():
    plan, guesses = run(_titled_table())
    exact_tables(plan, guesses)
    a = plan["assessments"][0]
    assert a["items"] == [{"name": "出勤", "points": 20}, {"name": "研修日志", "points": 30}, {"name": "汇报课", "points": 50}]
    assert a["total"] == 100
    t = plan["sections"][0]["content"][1]["table"]
    assert t["header"] == [[{"text": "培训考核评分表", "span": 3}]] and "columns" not in t
    assert t["rows"][1][1] == "{=assessments.考核.items.出勤.points}" and t["rows"][4][1] == "{=assessments.考核.total}"
    assert t["rows"][5] == ["制表日期", "2025年7月1日", ""]
    assert errors_of(plan) == []
    cells = [c for row in rendered_tables(plan)[0] for c in row]
    assert "培训考核评分表" in cells and "20" in cells and "100" in cells


def test_a_figure_after_the_total_row_keeps_the_titled_table_as_typed():
    plan = _titled_table()
    t = plan["sections"][0]["content"][1]["table"]
    t["rows"][5] = ["附加分", "5", ""]
    t[EXACT][0]["rows"][5] = ["附加分", "5", ""]
    t[EXACT] = (t[EXACT][0], json.dumps([t["columns"], t["rows"], None], ensure_ascii=False), [0])
    plan, _ = run(plan)
    assert "assessments" not in plan


def test_stage_headings_typed_without_numbers_or_with_the_time_after_a_colon():
    stages = [("准备阶段：2025年3月—4月", ["制定方案。"]), ("实施阶段：2025年5月—11月", ["组织培训。"])]
    plan, _ = run(_steps(stages, numbered=False))
    assert [(p["name"], p["start"], p["end"]) for p in plan["phases"]] == [("准备阶段", "2025-03", "2025-04"), ("实施阶段", "2025-05", "2025-11")]
    assert plan["sections"][0]["content"][0]["wording"]["phase.stage"] == "{=name}：{=when}"
    texts = rendered_texts(plan)
    assert "准备阶段：2025年3月—4月" in texts and "实施阶段：2025年5月—11月" in texts and "制定方案。" in texts


def test_stage_headings_numbered_and_unnumbered_mixed_stay_sections():
    plan = _steps()
    plan["sections"][0]["sections"][1]["numbered"] = False
    plan, _ = run(plan)
    assert "phases" not in plan and len(plan["sections"][0]["sections"]) == 3


def test_a_timeline_table_with_a_phase_of_one_month_keeps_its_words():
    t = {"columns": ["阶段", "时间", "主要任务"],
         "rows": [["学习准备", "2025年3月", "制定个人研修计划。"], ["实践研修", "2025年4月—6月", "开展教研活动。"], ["总结提升", "2025年12月", "评选优秀案例。"]]}
    plan, guesses = run(prose({"title": "研修安排", "content": [{"table": t}]}, title="星河幼儿园2025年园本研修方案"))
    assert [(p["start"], p["end"]) for p in plan["phases"]] == [("2025-03", "2025-03"), ("2025-04", "2025-06"), ("2025-12", "2025-12")]
    blk = plan["sections"][0]["content"][0]
    assert blk["phases"] == "table" and blk["wording"]["phase.range[1]"] == "2025年3月"
    assert rendered_tables(plan) == [[t["columns"], *t["rows"]]]
    merged = {**t, "merge": [[1, 0, 2, 0]]}
    plan, _ = run(prose({"title": "研修安排", "content": [{"table": merged}]}))
    assert "phases" not in plan  # a stage over two rows: not one phase a row
