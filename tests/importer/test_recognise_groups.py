from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

LINES = ["组　长：张三（县教育体育局局长）", "副组长：李四（县教育体育局副局长）、王五", "成　员：赵六、钱七"]


def test_role_lines_become_a_group_printed_back_line_by_line():
    plan, guesses = run(prose({"title": "组织领导", "content": ["成立示例县教师全员培训工作领导小组。", *LINES, "领导小组负责统筹。"]}))
    (g,) = plan["groups"]
    assert (g["id"], g["name"], g["kind"]) == ("领导小组", "示例县教师全员培训工作领导小组", "leadership")
    assert g["members"][0] == {"role": "组长", "name": "张三", "post": "县教育体育局局长"}
    assert [m["name"] for m in g["members"]] == ["张三", "李四", "王五", "赵六", "钱七"]
    assert plan["sections"][0]["content"][1] == {"group": "领导小组", "parts": ["members"]}
    assert [x.key for x in guesses] == ["import.guess.group"]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    for line in LINES:
        assert line in texts


def test_lines_without_a_group_named_before_them_are_left_alone():
    plan, _ = run(prose({"title": "分工", "content": list(LINES)}))
    assert "groups" not in plan and plan["sections"][0]["content"] == LINES


def test_lines_the_block_would_print_otherwise_are_left_alone():
    lines = ["组长：张三", "副组长：李四"]  # the block pads 组　长 beside a three-character role
    plan, _ = run(prose({"title": "组织", "content": ["成立工作领导小组。", *lines]}))
    assert "groups" not in plan
