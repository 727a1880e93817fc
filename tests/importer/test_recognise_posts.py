from tests.importer.recognise_util import errors_of, prose, rendered_texts, run


def _post(title, *lines):
    return {"title": title, "sections": [{"title": k, "run_in": True, "content": [v]} for k, v in lines]}


def test_posts_with_their_theme_goals_and_hours_become_the_posts_block():
    sec = {"title": "分岗研修", "sections": [
        _post("班主任", ("培训主题", "班级管理与家校协同育人。"), ("培训目标", "提升家校沟通能力。"), ("培训学时", "40学时。")),
        _post("教研组长", ("培训主题", "校本教研的组织与引领。"), ("培训目标", "提升组织主题教研的能力。"))]}
    plan, guesses = run(prose(sec))
    assert plan["posts"] == [{"name": "班主任", "theme": "班级管理与家校协同育人。", "goals": "提升家校沟通能力。", "hours": 40},
                             {"name": "教研组长", "theme": "校本教研的组织与引领。", "goals": "提升组织主题教研的能力。"}]
    assert plan["sections"][0] == {"title": "分岗研修", "content": [{"posts": "all"}]}
    assert [g.key for g in guesses] == ["import.guess.posts"]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert "（一）班主任" in texts and "1.培训主题：班级管理与家校协同育人。" in texts and "3.培训学时：40学时。" in texts


def test_subsections_with_other_lines_or_another_order_stay_prose():
    for sec in ({"title": "分岗", "sections": [_post("班主任", ("培训目标", "甲。"), ("培训主题", "乙。"))]},
                {"title": "分岗", "sections": [_post("班主任", ("培训主题", "甲。"), ("培训方式", "乙。"))]},
                {"title": "分岗", "sections": [_post("班主任", ("培训主题", "甲。"), ("培训学时", "约四十学时。"))]}):
        plan, _ = run(prose(sec))
        assert "posts" not in plan
