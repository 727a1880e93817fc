from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

GOALS = ["小学教师目标：提升课堂教学设计与实施能力。", "初中教师目标：提升作业设计能力。", "高中教育教师目标：提升生涯指导能力。"]


def test_goal_lines_make_the_stages_when_none_are_known():
    plan, guesses = run(prose({"title": "研修目标", "content": ["总体目标是建设一支骨干队伍。", *GOALS]}))
    assert plan["stages"] == [{"name": "小学", "goals": "提升课堂教学设计与实施能力。"}, {"name": "初中", "goals": "提升作业设计能力。"},
                              {"name": "高中", "goals_label": "高中教育教师目标", "goals": "提升生涯指导能力。"}]
    assert plan["sections"][0]["content"] == ["总体目标是建设一支骨干队伍。", {"goals": "stages"}]
    assert [g.key for g in guesses] == ["import.guess.goals"]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert all(g in texts for g in GOALS)


def test_goal_lines_go_to_the_stages_the_themes_gave_in_their_order():
    plan = prose({"title": "目标", "content": ["学前教育教师目标:会带班。", "义务教育教师目标:会上课。"]})
    plan["stages"] = [{"name": "学前教育", "themes": {}}, {"name": "义务教育段", "label": "义务教育阶段教师", "themes": {}}]
    plan, _ = run(plan)
    assert plan["stages"][0]["goals"] == "会带班。" and "goals_label" not in plan["stages"][0]
    assert plan["stages"][1]["goals_label"] == "义务教育教师目标"
    assert plan["sections"][0]["content"] == [{"goals": "stages", "wording": {"goal": "{=label}:{=goals}"}}]


def test_one_goal_line_or_lines_that_do_not_match_the_stages_stay_prose():
    plan, _ = run(prose({"title": "目标", "content": [GOALS[0], "其他要求：按时完成。"]}))
    assert "stages" not in plan
    plan = prose({"title": "目标", "content": list(GOALS)})
    plan["stages"] = [{"name": "学前教育", "themes": {}}, {"name": "高中", "themes": {}}]
    plan, _ = run(plan)
    assert plan["sections"][0]["content"] == GOALS
