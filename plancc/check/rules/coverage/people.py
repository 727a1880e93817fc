"""Groups (领导小组, 工作小组, 学员分组): each one led (PL512), nobody in a group twice (PL513),
nothing defined empty (PL514).

A ``{group: …}`` block naming an undefined group, and a group no block shows, are
the block registry's (ids: PL503, PL510).
"""

from __future__ import annotations

from plancc.catalog import Listed
from plancc.check.registry import Finding, rule
from plancc.model.people import heads

#: Kinds whose groups a real plan always gives a head (组长, 主任 …). A team of tutors or
#: an “other” list of names may be a plain roster, so they are not asked for one.
LED_KINDS = ("leadership", "working", "expert", "trainees")

def _member_path(i: int, j: int, member) -> tuple:
    return ("groups", i, "members", j) if isinstance(member, str) else ("groups", i, "members", j, "name")


@rule(
    "PL512",
    "group-without-head",
    family="coverage",
    severity="warning",
    title="小组列了成员却没有组长",
    title_en="a group lists members but no head",
    message="小组“{group}”列了 {count} 名成员，但没有组长（现有职务：{roles}）",
    message_en="group '{group}' lists {count} member(s) but no head (its roles: {roles})",
    doc_en="""
    A leadership, working or expert group, or a group of trainees, is headed by someone: 组长 (or 班长,
    主任, 首席专家, 坊主, 负责人). A member list without one usually lost its first line. Tutor teams
    (`kind: tutors`) and `kind: other` may be plain rosters and are not checked.
    Fix: give the head `role: 组长`, or set the group's kind.
    """,
)
def group_without_head(ctx):
    """
    领导小组、工作小组、专家组和学员分组都有牵头的人：组长（或班长、主任、首席专家、坊主、负责人）。列了成员却没有组长，通常是漏了第一行。
    辅导者团队（`kind: tutors`）和其他（`kind: other`）可以只是名单，不检查。

    怎么改：给牵头的人写 `role: 组长`，或改正小组的类别。
    """
    for i, g in enumerate(ctx.plan.groups):
        if g.kind not in LED_KINDS or not g.members:
            continue
        roles = [role for role, _ in g.roles]
        if not any(heads(r) for r in roles):
            yield Finding(("groups", i, "members"), {"group": g.id, "count": len(g.members), "roles": Listed(roles)}, at_key=True)


@rule(
    "PL513",
    "duplicate-member",
    family="coverage",
    title="同一个人在一个小组里写了两次",
    title_en="the same person is listed twice in one group",
    message="“{name}”在小组“{group}”中写了两次：{first}、{second}",
    message_en="'{name}' is listed twice in group '{group}': as {first} and as {second}",
    doc_en="""
    Each person holds one role in a group: 李四 both 副组长 and 成员 of the same group is a slip that
    prints the name twice. Two people of the same name are told apart by their posts (`post`), and are not
    reported. Fix: delete one of the two entries, or give each its post.
    """,
)
def duplicate_member(ctx):
    """
    一个人在一个小组里只担任一个职务：李四既是副组长又是成员，是笔误，文档里会印出两次。同名的两个人用职务或单位（`post`）区分，不报告。

    怎么改：删去其中一条，或写明各自的职务或单位。
    """
    for i, g in enumerate(ctx.plan.groups):
        seen: dict[str, list[int]] = {}
        people = g.people
        for j, m in enumerate(people):
            for k in seen.get(m.name, []):
                first = people[k]
                if first.post is None or m.post is None or first.post == m.post:
                    yield Finding(_member_path(i, j, g.members[j]), {"name": m.name, "group": g.id, "first": first.role, "second": m.role},
                                  related=[(_member_path(i, k, g.members[k]), first.name)])
                    break
            seen.setdefault(m.name, []).append(j)


@rule(
    "PL514",
    "empty-group",
    family="coverage",
    severity="warning",
    title="小组没有成员、办公室和职责",
    title_en="a group has no members, office or duties",
    message="小组“{group}”没有成员、办公室和职责，呈现它的块会是空的",
    message_en="group '{group}' has no members, office or duties, so a block showing it is empty",
    doc_en="""
    A group is shown by its members, its office and its duties; one with none of them leaves an empty place
    where `{group: …}` stands. Fix: list the members (or write the duties), or delete the group.
    """,
)
def empty_group(ctx):
    """
    小组通过成员、办公室和职责呈现；三者都没有的小组，在 `{group: …}` 处什么也不会印出。

    怎么改：列出成员（或写明职责），或删去这个小组。
    """
    for i, g in enumerate(ctx.plan.groups):
        if not g.members and g.office is None and not g.duties:
            yield Finding(("groups", i, "id"), {"group": g.id})
