from tests.importer.recognise_util import errors_of, prose, rendered_tables, rendered_texts, run

COMPONENTS = [
    "过程性考核（占总成绩的70%，满分70分）包括课程学习时间、模块检测、主题作业、主题研讨等考核指标。",
    "在线考试：每年培训内容设置单项选择题、多项选择题和判断题三种题型，满分100（占总考核30%）。",
]


def test_weighted_components_in_prose_become_an_assessment_printed_in_the_sources_words():
    plan, guesses = run(prose({"title": "考核方式", "sections": [{"title": "分层项目", "sections": [{"content": [t]} for t in COMPONENTS]}]}))
    (a,) = plan["assessments"]
    assert a["id"] == "分层项目"
    assert [(c["name"], c.get("weight"), c.get("points")) for c in a["components"]] == [("过程性考核", 70, 70), ("在线考试", 30, 100)]
    blk = plan["sections"][0]["sections"][0]["content"][0]
    assert blk["wording"] == {"assessment.component[在线考试]": "{=name}：{=description}，满分{=points}（占总考核{=weight}%）。"}
    assert [g.key for g in guesses] == ["import.guess.assessment"]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert "1." + COMPONENTS[0] in texts and "2." + COMPONENTS[1] in texts


def test_the_pass_mark_sentence_after_the_components_is_the_pass_mark():
    pass_text = "考核总成绩达到60分为合格，达到90分为优秀。"
    sec = {"title": "考核", "sections": [{"content": [COMPONENTS[0]]}, {"content": [COMPONENTS[1], pass_text]}]}
    plan, _ = run(prose(sec))
    (a,) = plan["assessments"]
    assert (a["pass_mark"], a["excellent_mark"]) == (60, 90)
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert pass_text in texts and texts.index(pass_text) == len(texts) - 1


def test_weights_that_do_not_add_up_are_kept_for_the_rules():
    comps = ["过程性考核（占总成绩的60%，满分60分）包括作业。", "在线考试（占总成绩的30%，满分100分）包括题目。"]
    plan, _ = run(prose({"title": "考核", "content": [{"items": comps}]}))
    assert [c["weight"] for c in plan["assessments"][0]["components"]] == [60, 30]
    assert any(e.startswith("PL20") for e in errors_of(plan))


def test_entries_without_weights_are_not_an_assessment():
    items = ["过程性考核包括作业。", "结果性考核包括总结。"]
    plan, _ = run(prose({"title": "考核", "content": [{"items": items}]}))
    assert "assessments" not in plan


TABLE = {"columns": ["考核环节", "考核项目", "分值", "评价方式"], "rows": [
    ["网络研修", "课程学习时间", "50", "自动评价"], ["网络研修", "研修作业一", "30", "人工评价"],
    ["校本研修", "实践任务", "—", "人工评价"], ["校本研修", "研修作业二", "20", "人工评价"]]}


def test_an_assessment_table_and_the_pass_mark_under_it():
    note = "备注：完成必做考核项目，至少达到78分才能合格。"
    plan, guesses = run(prose({"title": "考核评价", "content": ["具体考核内容见下表：", {"table": TABLE}, note]}))
    (a,) = plan["assessments"]
    assert [it.get("points") for it in a["items"]] == [50, 30, None, 20]
    assert (a["pass_mark"], a["pass_condition"]) == (78, "完成必做考核项目")
    assert plan["sections"][0]["content"] == ["具体考核内容见下表：", {"assessment": a["id"], "style": "table"}]
    assert errors_of(plan) == []
    assert note in rendered_texts(plan)
    assert rendered_tables(plan) == [[TABLE["columns"], *TABLE["rows"]]]


def test_an_assessment_table_with_a_total_row_stays_a_table_with_its_points_as_data():
    # the assessment block prints no 合计 row: the table stays as typed, its points and total cited
    t = {"columns": TABLE["columns"], "rows": [*TABLE["rows"], ["合计", "合计", "100", ""]]}
    plan, guesses = run(prose({"title": "考核", "content": [{"table": t}]}))
    (a,) = plan["assessments"]
    assert a["total"] == 100 and [it.get("points") for it in a["items"]] == [50, 30, None, 20]
    rows = plan["sections"][0]["content"][0]["table"]["rows"]
    assert rows[0][2] == "{=assessments.考核.items.课程学习时间.points}" and rows[-1][2] == "{=assessments.考核.total}"
    assert rows[2][2] == "—"
    assert [g.key for g in guesses] == ["import.guess.scored_table"]
    assert errors_of(plan) == []
    assert rendered_tables(plan) == [[t["columns"], *t["rows"]]]


def test_a_scored_table_whose_points_miss_the_total_is_reported():
    t = {"columns": ["序号", "考核项目", "考核方式", "分值"], "rows": [
        ["1", "出勤", "签到", "20"], ["2", "作业", "评阅", "30"], ["合计", "", "", "60"]]}
    plan, _ = run(prose({"title": "考核", "content": [{"table": t}]}))
    assert plan["assessments"][0]["total"] == 60
    assert any(e.startswith("PL20") for e in errors_of(plan))


def test_a_table_without_points_or_names_is_not_scored():
    t = {"columns": ["序号", "考核项目", "考核方式"], "rows": [["1", "出勤", "签到"], ["2", "作业", "评阅"]]}
    plan, _ = run(prose({"title": "考核", "content": [{"table": dict(t)}]}))
    assert "assessments" not in plan
    t2 = {"columns": ["考核项目", "分值"], "rows": [["出勤", "优"], ["作业", "良"]]}
    plan, _ = run(prose({"title": "考核", "content": [{"table": dict(t2)}]}))
    assert "assessments" not in plan


def test_an_evaluation_table_with_weights():
    t = {"columns": ["类别", "评价指标", "评价指标", "指标描述", "权重"], "rows": [
        ["过程性评价", "集中培训", "集中培训", "认真参与集中培训。", "40%"],
        ["过程性评价", "主持工作坊", "学情统计", "每周通报学情。", "30%"],
        ["终结性评价", "培训总结", "培训总结", "撰写总结。", "30%"]]}
    plan, _ = run(prose({"title": "辅导者评价", "content": [{"table": t}]}))
    (e,) = plan["evaluations"]
    assert [it["weight"] for it in e["items"]] == [40, 30, 30] and e["items"][1]["sub"] == "学情统计"
    assert plan["sections"][0]["content"] == [{"evaluation": e["id"]}]
    assert errors_of(plan) == []


def test_a_table_with_unknown_columns_stays_a_table():
    t = {"columns": ["项目", "分值", "负责人"], "rows": [["作业", "10", "张三"]]}
    plan, _ = run(prose({"title": "考核", "content": [{"table": t}]}))
    assert "assessments" not in plan and plan["sections"][0]["content"] == [{"table": t}]


RUBRIC = {"columns": ["考核内容", "分值（20分）", "要求", "评分办法"], "rows": [
    ["集中研修", "4分", "按时参加学校组织的集中研修活动", "缺一次扣1分"],
    ["集中研修", "4分", "每次活动后提交研修日志", "少一篇扣2分"],
    ["课例研修", "8分", "上一节研究课", ""],
    ["课例研修", "8分", "写一篇教学反思", ""],
    ["研修总结", "4分", "学期末提交个人研修总结", "未提交不得分"]]}


def test_a_rubric_table_with_merged_items_and_points_in_its_header():
    plan, guesses = run(prose({"title": "考核评价", "content": [{"table": RUBRIC}]}))
    (r,) = plan["rubrics"]
    assert (r["total"], r["unit"], r["total_row"]) == (20, "分", False)
    assert r["headers"] == {"name": "考核内容", "points": "分值（{=rubrics." + r["id"] + ".total}分）", "deduction": "评分办法"}
    first, second, third = r["items"]
    assert [row["points"] for row in first["rows"]] == [4, 4]
    assert second["points"] == 8 and len(second["rows"]) == 2 and "points" not in second["rows"][0]
    assert third == {"name": "研修总结", "points": 4, "requirement": "学期末提交个人研修总结", "deduction": "未提交不得分"}
    assert plan["sections"][0]["content"] == [{"rubric": r["id"]}]
    assert "import.guess.rubric" in [g.key for g in guesses]
    assert errors_of(plan) == []
    assert rendered_tables(plan) == [[RUBRIC["columns"], *RUBRIC["rows"]]]


def test_a_rubric_whose_items_miss_its_total_is_kept_for_the_rules():
    t = {"columns": ["项目", "分值", "要求", "扣分办法"], "rows": [["作业", "10", "按时提交", "缺一次扣1分"], ["合计", "20", "", ""]]}
    plan, _ = run(prose({"title": "考核", "content": [{"table": t}]}))
    assert plan["rubrics"][0]["total"] == 20
    assert any("PL206" in e for e in errors_of(plan))


def test_components_typed_as_run_in_headings_are_read_as_their_lines():
    # “2.在线考试：……” typed as a run-in heading and its paragraph (the structure stage's reading of a typed plan)
    head, _, rest = COMPONENTS[1].partition("：")
    sec = {"title": "分层项目", "sections": [{"content": [COMPONENTS[0]]}, {"title": head, "run_in": True, "content": [rest]}]}
    plan, _ = run(prose({"title": "考核方式", "sections": [sec]}))
    (a,) = plan["assessments"]
    assert [(c["name"], c.get("weight"), c.get("points")) for c in a["components"]] == [("过程性考核", 70, 70), ("在线考试", 30, 100)]
    assert errors_of(plan) == []
    assert "2." + COMPONENTS[1] in rendered_texts(plan)


def test_run_in_headings_that_are_not_components_stay_sections():
    sec = {"title": "要求", "sections": [{"title": "加强领导", "run_in": True, "content": ["各校要高度重视。"]},
                                       {"title": "落实经费", "run_in": True, "content": ["按规定安排经费。"]}]}
    plan, _ = run(prose(sec))
    assert "assessments" not in plan and len(plan["sections"][0]["sections"]) == 2


def test_a_rubric_with_its_own_headers_for_requirement_and_rule():
    t = {"columns": ["考核项目", "分值", "考核内容", "评分标准"], "rows": [
        ["集中研修", "40", "按时参加集中研修", "缺一次扣5分"], ["研修总结", "60", "提交研修总结", "未提交不得分"], ["合计", "100", "", ""]]}
    plan, _ = run(prose({"title": "考核", "content": [{"table": t}]}))
    (r,) = plan["rubrics"]
    assert r["headers"] == {"name": "考核项目", "requirement": "考核内容", "deduction": "评分标准"} and r["total"] == 100
    assert errors_of(plan) == []
    assert rendered_tables(plan) == [[t["columns"], *t["rows"]]]


def test_the_default_pass_sentence_with_credited_hours_after_the_components():
    pass_text = "考核总成绩达到60分为合格，达到90分为优秀；考核合格者认定72学时。"
    sec = {"title": "考核", "sections": [{"content": [COMPONENTS[0]]}, {"content": [COMPONENTS[1], pass_text]}]}
    plan, _ = run(prose(sec))
    (a,) = plan["assessments"]
    assert (a["pass_mark"], a["excellent_mark"], a["credited_hours"]) == (60, 90, 72)
    assert errors_of(plan) == []
    assert pass_text in rendered_texts(plan)


def test_an_assessment_table_titled_otherwise_than_the_block_prints_keeps_its_headers():
    t = {"columns": ["项目", "考核要求", "分值"], "rows": [["出勤", "全勤", "40"], ["作业", "按时提交", "60"]]}
    plan, guesses = run(prose({"title": "考核", "content": [{"table": t}]}))
    (a,) = plan["assessments"]
    assert [it["points"] for it in a["items"]] == [40, 60]
    assert plan["sections"][0]["content"][0]["table"]["columns"] == t["columns"]
    assert [g.key for g in guesses] == ["import.guess.scored_table"]
    assert rendered_tables(plan) == [[t["columns"], *t["rows"]]]
