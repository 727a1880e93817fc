from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

SEED = ("根据规划按分层分类与分岗原则设计培训项目，每个阶段分为新教师（教龄1-2年）、成长期教师（教龄3-8年）和成熟期教师（教龄9-14年）、"
        "提升期教师（教龄15年以上）四个不同层次，其中成长期教师按照螺旋递进式设计培训主题。")


def test_the_tiers_sentence_becomes_tiers_and_a_block_that_prints_it():
    plan, guesses = run(prose({"title": "培训内容", "content": [SEED]}))
    assert plan["tiers"] == [{"name": "新教师", "years": [1, 2]}, {"name": "成长期教师", "years": [3, 8]},
                             {"name": "成熟期教师", "years": [9, 14]}, {"name": "提升期教师", "years": [15, None]}]
    (blk,) = plan["sections"][0]["content"]
    assert blk["lead"] == "根据规划按分层分类与分岗原则设计培训项目，每个阶段分为"
    assert blk["ending"].startswith("{=tiers.count:cn}个不同层次")
    assert blk["wording"] == {"tier[成长期教师]": "{=name}（{=years}）和"}
    assert [g.key for g in guesses] == ["import.guess.tiers"]
    assert errors_of(plan) == []
    assert SEED in rendered_texts(plan)


def test_overlapping_years_are_kept_for_the_rules():
    plan, _ = run(prose({"title": "培训对象", "content": ["分为新教师（教龄1-3年）、成长期教师（教龄3-8年）两个层次。"]}))
    assert [t["years"] for t in plan["tiers"]] == [[1, 3], [3, 8]]
    assert plan["sections"][0]["content"][0]["ending"] == "{=tiers.count:count}个层次。"


def test_one_tier_alone_is_not_a_list_of_tiers():
    plan, _ = run(prose({"title": "培训对象", "content": ["全体新教师（教龄1-2年）。"]}))
    assert "tiers" not in plan


def test_tiers_named_after_their_years_get_the_sources_pattern():
    text = "全校教师按教龄分为教龄1-2年的新任教师、教龄3-5年的青年教师、教龄6-15年的骨干教师和教龄16年以上的资深教师四个层次。"
    plan, _ = run(prose({"title": "研修对象", "content": [text]}))
    assert [t["years"] for t in plan["tiers"]] == [[1, 2], [3, 5], [6, 15], [16, None]]
    assert [t["name"] for t in plan["tiers"]] == ["新任教师", "青年教师", "骨干教师", "资深教师"]
    (blk,) = plan["sections"][0]["content"]
    assert blk["wording"] == {"tier": "{=years}的{=name}{=sep}", "tier[骨干教师]": "{=years}的{=name}和"}
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_years_typed_with_a_dash_or_before_教龄_print_as_typed():
    text = "分为教龄1—3年的新任教师、4—10年教龄的青年教师和教龄11年及以上的成熟教师。"
    plan, _ = run(prose({"title": "研修对象", "content": [text]}))
    assert [t["years"] for t in plan["tiers"]] == [[1, 3], [4, 10], [11, None]]
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_years_that_go_backwards_are_kept_for_the_rules():
    plan, _ = run(prose({"title": "研修对象", "content": ["分为教龄1-5年的新任教师、教龄3-8年的青年教师。"]}))
    assert [t["years"] for t in plan["tiers"]] == [[1, 5], [3, 8]]
    assert plan["sections"][0]["content"][0]["wording"] == {"tier": "{=years}的{=name}{=sep}"}


def test_years_without_a_teachers_name_are_not_tiers():
    text = "教龄1-2年、教龄3-5年的教师参加集中培训。"
    plan, _ = run(prose({"title": "培训安排", "content": [text]}))
    assert "tiers" not in plan and plan["sections"][0]["content"] == [text]


def test_tiers_with_their_years_of_teaching_in_brackets_after_the_name():
    text = "分为新任教师（1-2年教龄）、青年教师（3-10年教龄）和骨干教师（11年以上教龄）三个层次。"
    plan, _ = run(prose({"title": "研修对象", "content": [text]}))
    assert [t["years"] for t in plan["tiers"]] == [[1, 2], [3, 10], [11, None]]
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)
