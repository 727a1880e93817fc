from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

SEED = "研修平台结合主题提供不少于100学时的网络研修课程供参训教师选学,参训教师需完成72学时研修内容。"


def test_required_and_offered_hours_become_references():
    plan, _ = run(prose({"title": "培训内容", "content": [SEED]}))
    assert plan["hours"] == {"required": 72, "offered": 100}
    assert plan["sections"][0]["content"] == [
        "研修平台结合主题提供不少于{=hours.offered}学时的网络研修课程供参训教师选学,参训教师需完成{=hours.required}学时研修内容。"]
    assert errors_of(plan) == []


def test_the_hours_sentence_becomes_the_hours_block():
    text = "每人年度参训不少于90学时（其中专业知识不少于60学时，公需知识30学时）。"
    plan, _ = run(prose({"title": "培训学时", "content": [text]}))
    assert plan["sections"][0]["content"] == [{"hours": "sentence"}]
    assert plan["hours"] == {"required": 90, "at_least": True, "components": [
        {"name": "专业知识", "hours": 60, "at_least": True}, {"name": "公需知识", "hours": 30}]}
    assert text in "".join(rendered_texts(plan))


def test_the_hours_sentence_typed_with_half_width_brackets_keeps_its_words_with_references():
    text = "每人年度参训不少于90学时(其中专业知识不少于60学时,公需知识30学时)。"
    plan, _ = run(prose({"title": "培训学时", "content": [text]}))
    assert plan["hours"]["required"] == 90 and [c["hours"] for c in plan["hours"]["components"]] == [60, 30]
    assert plan["sections"][0]["content"] == [
        "每人年度参训不少于{=hours.required}学时(其中专业知识不少于{=hours.components.专业知识}学时,公需知识{=hours.components.公需知识}学时)。"]
    assert errors_of(plan) == []


def test_components_that_do_not_add_up_are_kept_for_the_rules():
    plan, _ = run(prose({"title": "培训学时", "content": ["每人年度参训不少于90学时（其中专业知识60学时，公需知识20学时）。"]}))
    assert [c["hours"] for c in plan["hours"]["components"]] == [60, 20]
    assert any("PL201" in e for e in errors_of(plan))


def test_a_bare_figure_under_an_hours_heading_is_a_guess():
    plan, guesses = run(prose({"title": "培训学时", "run_in": True, "content": ["网络研修 24 学时。"]}))
    assert plan["hours"] == {"required": 24}
    assert plan["sections"][0]["content"] == ["网络研修 {=hours.required} 学时。"]
    assert [g.key for g in guesses] == ["import.guess.hours_required"]


def test_hours_in_other_words_are_left_alone():
    plan, _ = run(prose({"title": "培训模式", "content": ["每次活动约2学时，由学校安排。"]}))
    assert "hours" not in plan
