"""Fire/quiet cases of PL810, repeated text (plancc/check/rules/prose/repeats.py)."""

from tests.rules.cases import Case

_P1 = "坚持问题导向，聚焦课堂教学中的真实问题开展研修。"
_P2 = "坚持分层分类，满足不同发展阶段教师的培训需求。"


def _sections(*paragraphs: str) -> str:
    return "sections:\n  - title: 基本原则\n    content:\n" + "".join(f"      - {p}\n" for p in paragraphs)


REPEAT_CASES = [
    Case("PL810", _sections(_P1, _P2, "  " + _P1), "      -   " + _P1, _sections(_P1, _P2),
         says=("坚持问题导向",), path="sections[0].content[2]", related=("sections[0].content[0]",)),
    Case("PL810", _sections(_P1) + "phases:\n  - {name: 启动, due: 2024-03, tasks: " + _P1 + "}\n", "tasks:",
         _sections(_P1) + "phases:\n  - {name: 启动, due: 2024-03, tasks: 制定方案}\n", id="data-and-prose"),
    Case("PL810", _sections(_P1 + _P2 + _P1 + "加强管理。"), _P1, _sections(_P1 + _P2 + "加强管理。"), says=("坚持问题导向",),
         column_at=_P1 + "加强", id="sentence"),
    # parallel records saying the same of each, table cells and short labels repeat by nature: quiet
    Case("PL810", _sections(_P1, _P1), "      - " + _P1 + "\nX",
         "assessments:\n  - id: 新教师\n    components:\n      - {name: 过程性考核, weight: 70, description: 包括课程学习时间、模块检测、主题作业、主题研讨等考核指标。}\n"
         "  - id: 骨干教师\n    components:\n      - {name: 过程性考核, weight: 70, description: 包括课程学习时间、模块检测、主题作业、主题研讨等考核指标。}\n"
         + "sections:\n  - title: 安排\n    content:\n      - table:\n          columns: [对象, 内容]\n"
         "          rows:\n            - [参训教师, 课堂教学中的问题设计与实践研究专题讲座]\n            - [参训教师, 课堂教学中的问题设计与实践研究专题讲座]\n"
         "      - 同上。\n      - 同上。\n", id="parallel"),
]
