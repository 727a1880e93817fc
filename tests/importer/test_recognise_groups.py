from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

LINES = ["组　长：张三（县教育体育局局长）", "副组长：李四（县教育体育局副局长）、王五", "成　员：赵六、钱七"]


def test_role_lines_become_a_group_printed_back_line_by_line():
    plan, guesses = run(prose({"title": "组织领导", "content": ["成立示例县教师全员培训工作领导小组。", *LINES, "领导小组负责统筹。"]}))
    (g,) = plan["groups"]
    assert (g["id"], g["name"], g["kind"]) == ("领导小组", "示例县教师全员培训工作领导小组", "leadership")
    assert g["members"][0] == {"role": "组长", "name": "张三", "post": "县教育体育局局长"}
    assert [m["name"] for m in g["members"]] == ["张三", "李四", "王五", "赵六", "钱七"]
    assert plan["sections"][0]["content"][1] == {"group": "领导小组", "parts": ["members", "duties"]}
    assert g["duties"] == "领导小组负责统筹。"
    assert [x.key for x in guesses] == ["import.guess.group", "import.guess.group_duties"]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    for line in LINES + ["领导小组负责统筹。"]:
        assert line in texts


OFFICE = "领导小组下设办公室，办公室设在县教师发展中心，由李四兼任办公室主任，负责培训的组织实施和日常管理工作。"


def test_the_office_after_the_members_is_the_groups_office():
    plan, guesses = run(prose({"title": "组织领导", "content": ["成立示例县教师全员培训工作领导小组。", *LINES, OFFICE]}))
    (g,) = plan["groups"]
    assert g["office"] == {"at": "县教师发展中心", "head": "李四", "duties": "负责培训的组织实施和日常管理工作"}
    assert plan["sections"][0]["content"][1] == {"group": "领导小组", "parts": ["members", "office"]}
    assert "import.guess.group_office" in [x.key for x in guesses]
    assert errors_of(plan) == []
    assert OFFICE in rendered_texts(plan)


def test_an_office_worded_otherwise_gets_its_pattern():
    office = "领导小组下设办公室，办公室设在县教研室，办公室主任由李四担任，负责日常工作。"  # 李四 is a member: the default says 兼任
    duties = "领导小组的主要职责是统筹全县培训工作。"
    plan, _ = run(prose({"title": "组织领导", "content": ["成立示例县教师全员培训工作领导小组。", *LINES, office, duties]}))
    (g,) = plan["groups"]
    blk = plan["sections"][0]["content"][1]
    assert "parts" not in blk and blk["wording"] == {"group.office": "{=group}下设办公室，办公室设在{=at}，办公室主任由{=head}担任，{=duties}。"}
    assert g["duties"] == duties
    texts = rendered_texts(plan)
    assert office in texts and duties in texts


def test_an_office_of_another_group_or_other_words_are_left_alone():
    other = "工作专班下设办公室，办公室设在县教研室。"
    plan, _ = run(prose({"title": "组织领导", "content": ["成立示例县教师全员培训工作领导小组。", *LINES, other, "各校要高度重视。"]}))
    (g,) = plan["groups"]
    assert "office" not in g and "duties" not in g
    assert plan["sections"][0]["content"][2:] == [other, "各校要高度重视。"]


def test_lines_without_a_group_named_before_them_are_left_alone():
    plan, _ = run(prose({"title": "分工", "content": list(LINES)}))
    assert "groups" not in plan and plan["sections"][0]["content"] == LINES


def test_lines_the_block_would_print_otherwise_are_left_alone():
    lines = ["组长：张三", "副组长：李四"]  # the block pads 组　长 beside a three-character role
    plan, _ = run(prose({"title": "组织", "content": ["成立工作领导小组。", *lines]}))
    assert "groups" not in plan
