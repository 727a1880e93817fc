"""Fire/quiet cases of the rules of ``groups:`` (plancc/check/rules/coverage/people.py), and of the
block registry's id rules (PL503, PL510) for a ``{group: …}`` block."""

from tests.rules.cases import Case

_LEADER = "groups:\n  - id: 领导小组\n    kind: leadership\n    members:\n"
_BLOCK = "sections:\n  - title: 组织保障\n    content:\n      - {group: 领导小组}\n"

PEOPLE_CASES = [
    Case("PL512", _LEADER + "      - {role: 副组长, name: 李四}\n      - 王五\n", "members:",
         _LEADER + "      - {role: 组长, name: 张三}\n      - {role: 副组长, name: 李四}\n      - 王五\n",
         says=("领导小组", "2", "副组长"), path="groups[0].members"),
    Case("PL512", "groups:\n  - id: 第一组\n    kind: trainees\n    members: [孙七, 周八]\n", "members:",
         "groups:\n  - id: 第一组\n    kind: trainees\n    members: [{role: 班长, name: 孙七}, 周八]\n", says=("第一组", "成员"), id="trainees"),
    # a roster of tutors has no head and is not asked for one
    Case("PL512", "groups:\n  - id: 专家组\n    kind: expert\n    members: [甲老师, 乙老师]\n", "members:",
         "groups:\n  - id: 辅导者\n    kind: tutors\n    members: [甲老师, 乙老师]\n", id="tutors"),
    Case("PL513", _LEADER + "      - {role: 组长, name: 张三}\n      - {role: 副组长, name: 李四}\n      - 李四\n", "      - 李四",
         _LEADER + "      - {role: 组长, name: 张三}\n      - {role: 副组长, name: 李四}\n      - 王五\n",
         says=("李四", "副组长", "成员"), path="groups[0].members[2]", related=("groups[0].members[1].name",)),
    # two people of one name, told apart by their posts, are two people
    Case("PL513", _LEADER + "      - {role: 组长, name: 张伟, post: 局长}\n      - {name: 张伟, post: 县一中校长}\n      - {name: 张伟}\n",
         "      - {name: 张伟}",
         _LEADER + "      - {role: 组长, name: 张伟, post: 局长}\n      - {name: 张伟, post: 县一中校长}\n",
         says=("张伟",), id="posts", path="groups[0].members[2].name"),
    Case("PL514", "groups:\n  - id: 工作组\n    name: 培训工作组\n", "id: 工作组",
         "groups:\n  - id: 工作组\n    name: 培训工作组\n    duties: 负责培训的组织实施。\n", says=("工作组",), path="groups[0].id"),
    # the registry's Refers: an undefined group in a block, a group no block shows
    Case("PL503", _LEADER + "      - {role: 组长, name: 张三}\n" + _BLOCK.replace("领导小组}", "领导组}"), "{group: 领导组}",
         _LEADER + "      - {role: 组长, name: 张三}\n" + _BLOCK, says=("领导组", "领导小组"), id="group"),
    Case("PL510", _LEADER + "      - {role: 组长, name: 张三}\n  - id: 工作组\n    duties: 负责实施。\n" + _BLOCK, "id: 工作组",
         _LEADER + "      - {role: 组长, name: 张三}\n" + _BLOCK, says=("工作组",), id="group"),
]
