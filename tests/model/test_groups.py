"""groups: the model of a group, its diagnostics, its facts and its place in the schema."""

from __future__ import annotations

from plancc.model.facts import plan_facts
from plancc.schema import plan_schema
from tests.helpers import MINIMAL, check, line_of

GROUP = """\
groups:
  - id: 领导小组
    kind: leadership
    members:
      - {role: 组长, name: 张三, post: 县教育体育局局长}
      - {role: 副组长, name: 李四}
      - {role: 副组长, name: 王五}
      - 赵六
    office: {at: 县教研师训办, head: 赵六}
"""


def build(text: str):
    report = check(MINIMAL + text)
    assert report.errors == 0, [d.message for d in report.diagnostics]
    return report.plan


def test_a_bare_name_is_a_member_and_roles_keep_their_first_order():
    g = build(GROUP).groups[0]
    assert [(m.role, m.name, m.post) for m in g.people] == [
        ("组长", "张三", "县教育体育局局长"), ("副组长", "李四", None), ("副组长", "王五", None), ("成员", "赵六", None)]
    assert [(role, [m.name for m in ms]) for role, ms in g.roles] == [("组长", ["张三"]), ("副组长", ["李四", "王五"]), ("成员", ["赵六"])]
    assert g.title == "领导小组" and g.kind == "leadership"
    assert [m.name for m in g.heads] == ["张三"] and g.has_member("赵六") and not g.has_member("钱七")


def test_heads_are_the_chief_roles_never_a_deputy():
    from plancc.model.people import heads

    assert [r for r in ("组长", "常务组长", "班长", "主任", "首席专家", "坊主", "副组长", "副主任", "成员", "秘书", "学习委员") if heads(r)] == [
        "组长", "常务组长", "班长", "主任", "首席专家", "坊主"]


def test_facts_name_the_holders_of_each_role_and_count_them():
    f = plan_facts(build(GROUP))
    assert f["groups.count"] == 1
    assert f["groups.领导小组.组长"] == "张三"
    assert f["groups.领导小组.副组长"] == "李四、王五"
    assert f["groups.领导小组.副组长.count"] == 2
    assert f["groups.领导小组.members.count"] == 4
    assert f["groups.领导小组.office"] == "县教研师训办" and f["groups.领导小组.office.head"] == "赵六"
    assert f["groups.领导小组.name"] == "领导小组"


def test_a_role_named_like_a_fixed_fact_does_not_replace_it():
    f = plan_facts(build("groups: [{id: 甲组, name: 甲组全称, members: [{role: name, name: 张三}, {role: 组长, name: 李四}]}]\n"))
    assert f["groups.甲组.name"] == "甲组全称"


def test_an_unknown_kind_is_a_model_error_at_its_value():
    text = MINIMAL + "groups:\n  - id: 甲组\n    kind: committee\n"
    report = check(text)
    [d] = [d for d in report.diagnostics if d.code.startswith("PL1")]
    assert d.line == line_of(text, "kind: committee")
    assert "leadership" in d.message


def test_a_member_without_a_name_is_a_model_error():
    text = MINIMAL + "groups:\n  - id: 甲组\n    members:\n      - {role: 组长, post: 局长}\n"
    report = check(text)
    assert [d.code for d in report.diagnostics if d.code.startswith("PL1")], report.diagnostics
    assert report.errors


def test_the_schema_describes_groups_in_chinese():
    schema = plan_schema()
    assert "小组" in schema["properties"]["groups"]["description"]
    group = schema["$defs"]["Group"]["properties"]
    assert set(group) >= {"id", "name", "kind", "members", "office", "duties"}
    assert "组长" in schema["$defs"]["Member"]["properties"]["role"]["description"]
    assert group["members"]["examples"]
