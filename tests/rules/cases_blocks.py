"""Fire/quiet cases of the relations of rubric rows and of compulsory (必学) module parts:
PL206 and PL209 (plancc/check/rules/sums.py), PL309 (plancc/check/rules/bounds.py)."""

from tests.rules.cases import Case

_RUBRIC = ("rubrics:\n  - id: 校本研修\n    total: {total}\n    items:\n"
           "      - name: 集中研修\n        points: {points}\n        rows:\n"
           "          - {{points: 4, requirement: 按时参加}}\n          - {{points: {row}, requirement: 提交日志}}\n"
           "      - {{name: 研修总结, points: 2}}\n")
_PARTS = ("hours: {{required: {required}}}\n"
          "module_sets:\n  - id: 公需科目\n    compulsory: true\n    modules:\n      - {{name: 师德师风, hours: 10}}\n      - {{name: 心理健康, hours: 20}}\n"
          "  - id: 专业科目\n    compulsory: false\n    modules: [{{name: 学科教学, hours: 40}}]\n")
_POST = ("hours: {{required: 90}}\nposts: [{{name: 校长, hours: {hours}}}]\n"
         "module_sets:\n  - id: 校长必学\n    post: 校长\n    modules:\n      - {{name: 教育政策, hours: 20, compulsory: true}}\n"
         "      - {{name: 学校管理, hours: 30, compulsory: true}}\n      - {{name: 课程领导, hours: 40}}\n")

BLOCK_CASES = [
    # an item of rows: its points against its rows'
    Case("PL209", _RUBRIC.format(total=10, points=8, row=3), "points: 8",
         _RUBRIC.format(total=10, points=8, row=4), says=("集中研修", "4 + 3", "7", "8"), path="rubrics[0].items[0].points",
         related=("rubrics[0].items[0].rows[0].points", "rubrics[0].items[0].rows[1].points")),
    # an item of rows without points of its own counts its rows' sum in the total
    Case("PL206", _RUBRIC.format(total=12, points=8, row=4).replace("        points: 8\n", ""), "total: 12",
         _RUBRIC.format(total=10, points=8, row=4).replace("        points: 8\n", ""), says=("10", "12"), id="rows",
         path="rubrics[0].total"),
    Case("PL309", _PARTS.format(required=24), "compulsory: true", _PARTS.format(required=30),
         says=("公需科目", "30", "24"), path="module_sets[0].compulsory", related=("hours.required",)),
    # a post's sets answer to the post's hours; the marked modules of a set count, the others not
    Case("PL309", _POST.format(hours=40), "modules:", _POST.format(hours=50), says=("校长必学", "50", "40"), id="post",
         path="module_sets[0].modules", related=("posts[0].hours",)),
]
