"""The {group: …} block as real plans write a group: role lines, a run, a table; office and duties."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL, ROOT, check
from tests.layout.test_block_kinds import docx_text

GROUP = """\
groups:
  - id: 领导小组
    name: 测试县教师全员培训工作领导小组
    kind: leadership
    members:
      - {role: 组长, name: 张三, post: 县教育体育局局长}
      - {role: 副组长, name: 李四, post: 县教育体育局副局长}
      - {role: 副组长, name: 欧阳明, post: 县教师进修学校校长}
      - {name: 王五, post: 县教研师训办主任}
      - 赵六
    office: {at: 县教研师训办, head: 王五, duties: 负责培训的日常管理工作}
    duties: [负责全县教师培训工作的统筹规划。, 研究解决培训中的重大问题。]
"""


def rendered(block: str, data: str = GROUP) -> list[str]:
    """The document's paragraphs and table cells after the title, as docx_text gives them."""
    from plancc.driver.render import RenderJob, render_docx_bytes

    report = check(MINIMAL + data + "sections:\n  - title: 组织保障\n    content:\n      - " + block + "\n")
    assert report.errors == 0, [d.message for d in report.diagnostics]
    text = docx_text(render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT])))
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[lines.index("一、组织保障") + 1:]


def test_role_lines_pad_two_character_roles_to_line_up_with_fu_zu_zhang():
    assert rendered("{group: 领导小组}") == [
        "组　长：张三（县教育体育局局长）",
        "副组长：李四（县教育体育局副局长）、欧阳明（县教师进修学校校长）",
        "成　员：王五（县教研师训办主任）、赵六",
        "领导小组下设办公室，办公室设在县教研师训办，由王五兼任办公室主任，负责培训的日常管理工作。",
        "（一）负责全县教师培训工作的统筹规划。",
        "（二）研究解决培训中的重大问题。",
    ]


def test_without_a_three_character_role_nothing_is_padded():
    data = "groups:\n  - id: 第一组\n    kind: trainees\n    members: [{role: 组长, name: 孙七}, 周八, 吴九]\n"
    assert rendered("{group: 第一组}", data) == ["组长：孙七", "成员：周八、吴九"]


def test_a_run_is_one_sentence_with_names_joined_by_dun_hao():
    assert rendered("{group: 领导小组, style: run, parts: [members]}") == [
        "组长：张三（县教育体育局局长）；副组长：李四（县教育体育局副局长）、欧阳明（县教师进修学校校长）；"
        "成员：王五（县教研师训办主任）、赵六。",
    ]


def test_pad_names_spaces_two_character_names_only():
    data = "groups:\n  - id: 第一组\n    kind: trainees\n    members: [{role: 组长, name: 孙七}, {role: 学习委员, name: 欧阳明}, 周八]\n"
    assert rendered("{group: 第一组, style: run, pad_names: true}", data) == ["组长：孙　七；学习委员：欧阳明；成员：周　八。"]


def test_a_table_lists_role_name_and_post():
    from plancc.driver.render import RenderJob, render_docx_bytes
    import docx, io

    report = check(MINIMAL + GROUP + "sections:\n  - title: 组织保障\n    content:\n"
                   "      - {group: 领导小组, style: table, caption: 领导小组名单, parts: [members]}\n")
    data = render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT]))
    [table] = docx.Document(io.BytesIO(data)).tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["职务", "姓名", "职务或单位"]
    assert [r[1:] for r in rows[1:]] == [["张三", "县教育体育局局长"], ["李四", "县教育体育局副局长"], ["欧阳明", "县教师进修学校校长"],
                                         ["王五", "县教研师训办主任"], ["赵六", ""]]
    assert [r[0] for r in rows[1:]] == ["组长", "副组长", "副组长", "成员", "成员"]  # merged cells repeat their text
    assert "领导小组名单" in docx_text(data)


def test_a_table_without_posts_has_no_post_column():
    from plancc.driver.render import RenderJob, render_docx_bytes
    import docx, io

    report = check(MINIMAL + "groups: [{id: 甲组, members: [{role: 组长, name: 孙七}, 周八]}]\n"
                   "sections:\n  - title: 组织保障\n    content:\n      - {group: 甲组, style: table}\n")
    data = render_docx_bytes(report, RenderJob(plan_path=Path("plan.yaml"), output=Path("x.docx"), bases=[ROOT]))
    [table] = docx.Document(io.BytesIO(data)).tables
    assert [c.text for c in table.rows[0].cells] == ["职务", "姓名"]


@pytest.mark.parametrize("office, sentence", [
    ("{at: 县师训办, head: 钱八}", "领导小组下设办公室，办公室设在县师训办，办公室主任由钱八担任。"),
    ("{at: 县师训办}", "领导小组下设办公室，办公室设在县师训办。"),
])
def test_an_office_head_outside_the_group_is_not_said_to_hold_it_concurrently(office, sentence):
    data = "groups:\n  - id: 领导小组\n    members: [{role: 组长, name: 张三}]\n    office: " + office + "\n"
    assert rendered("{group: 领导小组, parts: [office]}", data) == [sentence]


def test_parts_choose_what_is_shown_and_in_which_order():
    assert rendered("{group: 领导小组, parts: [duties, office]}") == [
        "（一）负责全县教师培训工作的统筹规划。",
        "（二）研究解决培训中的重大问题。",
        "领导小组下设办公室，办公室设在县教研师训办，由王五兼任办公室主任，负责培训的日常管理工作。",
    ]


def test_prose_cites_the_group_by_its_facts():
    lines = rendered("为加强领导，成立{=groups.领导小组.name}，由{=groups.领导小组.组长}任组长，{=groups.领导小组.副组长}任副组长，"
                     "成员{=groups.领导小组.成员.count}人。")
    assert lines == ["为加强领导，成立测试县教师全员培训工作领导小组，由张三任组长，李四、欧阳明任副组长，成员2人。"]
