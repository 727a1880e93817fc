from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

TIERS = "每个阶段分为新教师（教龄1-2年）、成长期教师（教龄3-8年）两个层次。"
STAGES = [
    ("学前教育教师", ["学前教育新教师：教师课堂教学基本功和班级管理能力提升；", "学前教育成长期教师：幼儿园一日活动与保教融合能力提升。"]),
    ("义务教育阶段教师", ["义务教育段新教师：树立新理念 适应新身份；", "义务教育段成长期教师：基于“双减政策”下的教学与作业设计。"]),
]


def _plan(stages=STAGES):
    return prose({"title": "培训主题", "sections": [{"title": h, "content": list(lines)} for h, lines in stages]},
                 {"title": "培训内容", "content": [TIERS]})


def test_stage_by_tier_lines_become_stages_and_the_themes_block():
    plan, guesses = run(_plan())
    assert plan["stages"] == [
        {"name": "学前教育", "themes": {"新教师": "教师课堂教学基本功和班级管理能力提升", "成长期教师": "幼儿园一日活动与保教融合能力提升"}},
        {"name": "义务教育段", "label": "义务教育阶段教师",
         "themes": {"新教师": "树立新理念 适应新身份", "成长期教师": "基于“双减政策”下的教学与作业设计"}}]
    assert plan["sections"][0]["content"] == [{"themes": "list"}]
    assert "import.guess.themes" in [g.key for g in guesses]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    for _, lines in STAGES:
        for line in lines:
            assert line in texts


def test_lines_naming_no_known_tier_are_left_alone():
    stages = [("学前教育教师", ["学前教育骨干：引领；", "学前教育新教师：入门。"]), STAGES[1]]
    plan, _ = run(_plan(stages))
    assert "stages" not in plan and "sections" in plan["sections"][0]
