from tests.importer.recognise_util import codes_of, errors_of, prose, rendered_texts, run

SETS = [
    ("幼儿园新教师", "设置师德养成、政策解读、教育理念革新、一日保教技能提升、幼儿安全管理、教学基本功、信息技术应用、家园共育八个模块共100学时的课程供教师选择。"),
    ("幼儿园成熟期教师", "提供思想政治、师德涵养、职业信念、幼儿发展规律观察、幼儿课程评价方法、“以生为本”的教学活动与方法、一日生活幼儿观察与评价、"
                        "游戏活动儿童观察策略、“以生为本”的评价策略、“以生为本”的课例赏析、信息技术与保教融合共11个模块的课程供参训教师选择。"),
    ("幼儿园提升期教师", "提供会议精神解读、师德践行、双减政策解读、幼小衔接知识、学习故事知识、科学幼小衔接、优质案例分析八个模块的课程供参训教师选择。"),
]


def _plan():
    return prose({"title": "培训内容", "sections": [
        {"title": "分层培训项目", "sections": [{"title": label, "run_in": True, "content": [text]} for label, text in SETS]},
        {"title": "分岗培训项目（以中小学校长为例）", "content": [
            "设置教育政策理念、前沿理念指引、助推教师成长、领导课程建设、优化学校管理五大模块共130学时的网络研修课程供参训校长选学。"]},
    ]})


def test_labelled_module_sentences_become_module_sets_and_one_numbered_block():
    plan, guesses = run(_plan())
    sets = {ms["id"]: ms for ms in plan["module_sets"]}
    assert len(sets["幼儿园新教师"]["modules"]) == 8 and sets["幼儿园新教师"]["total_hours"] == 100
    assert sets["幼儿园新教师"]["offer"] == "课程供教师选择" and sets["幼儿园新教师"]["label"] == "幼儿园新教师"
    blk = plan["sections"][0]["sections"][0]["content"][0]
    assert blk["module_sets"] == ["幼儿园新教师", "幼儿园成熟期教师", "幼儿园提升期教师"]
    assert blk["wording"]["module_set[幼儿园成熟期教师]"] == "{=verb}{=names}共{=count}个模块{?共{=hours}学时}{=ending}"
    assert "module_set[幼儿园新教师]" not in blk["wording"]


def test_a_count_that_is_not_the_lists_stays_as_typed_and_validate_warns():
    plan, guesses = run(_plan())
    ms = next(m for m in plan["module_sets"] if m["id"] == "幼儿园提升期教师")
    assert len(ms["modules"]) == 7 and ms["module_count"] == 8
    blk = plan["sections"][0]["sections"][0]["content"][0]
    assert blk["wording"]["module_set[幼儿园提升期教师]"] == "{=verb}{=names}八个模块{?共{=hours}学时}{=ending}"
    assert ("import.guess.module_count", (("declared", 8), ("listed", 7))) in [(g.key, g.values) for g in guesses]
    assert errors_of(plan) == [] and "PL207" in codes_of(plan)
    texts = rendered_texts(plan)
    for label, text in SETS:
        assert any(t.endswith(label + "：" + text) for t in texts), text


def test_a_sentence_with_words_around_the_list_keeps_them_as_lead_and_ending():
    text = ("严格按照《中小学教师培训课程指导标准》，设置师德与法治、班级管理、高效课堂三个模块，并根据要求增加设置学科教学选修模块。")
    plan, _ = run(prose({"title": "培训内容", "content": [text]}))
    (blk,) = plan["sections"][0]["content"]
    assert blk["lead"] == "严格按照《中小学教师培训课程指导标准》，"
    assert blk["ending"] == "，并根据要求增加设置学科教学选修模块。"
    assert plan["module_sets"][0]["modules"] == ["师德与法治", "班级管理", "高效课堂"]
    assert text in rendered_texts(plan)


def test_five_big_modules_take_their_own_pattern():
    plan, _ = run(_plan())
    blk = plan["sections"][0]["sections"][1]["content"][0]
    assert blk["wording"] == {"module_set": "{=verb}{=names}{=count:count}大模块{?共{=hours}学时}{=ending}"}


def test_a_list_without_a_module_count_is_left_alone():
    plan, _ = run(prose({"title": "培训内容", "content": ["包括师德、政策和技能等内容。"]}))
    assert "module_sets" not in plan
