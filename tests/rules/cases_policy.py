"""Fire/quiet cases of the policy pack's rules that need a province's pack (tests/rules/fixtures)."""

from pathlib import Path

from tests.rules.cases import Case

PACK = str(Path(__file__).parent / "fixtures" / "province-pack.yaml")
_P = {"packs": [PACK]}

POLICY_CASES = [
    Case("PL907", "hours: {required: 150}\n", "required: 150", "hours: {required: 120}\n", says=("150", "144", "测试省"),
         policy=True, policy_params=_P),
    Case("PL907", "figures:\n  国培学分:\n    value: 20\n    unit: 学分\n", "value: 20", "figures:\n  国培学分:\n    value: 15\n    unit: 学分\n",
         says=("20", "15"), policy=True, policy_params=_P, id="item-credits"),
    Case("PL908", "hours:\n  required: 90\n  components: [{name: 专业科目, hours: 50}, {name: 公需科目, hours: 40}]\n", "components",
         "hours:\n  required: 90\n  components: [{name: 专业科目, hours: 60}, {name: 公需科目, hours: 30}]\n",
         says=("50", "40", "1.25", "2"), policy=True, policy_params=_P, column_at="50"),
    Case("PL908", "hours:\n  required: 100\n  components: [{name: 理论学习, hours: 60}, {name: 实践研修, hours: 40}]\n", "components",
         "hours:\n  required: 100\n  components: [{name: 理论学习, hours: 50}, {name: 实践研修, hours: 50}]\n",
         says=("40", "100", "0.4", "0.5"), policy=True, policy_params=_P, column_at="40", id="practice-share"),
    # the province's floor from 2023 replaces the national 72 (a later pack wins for the same measure)
    Case("PL901", "period: {year: 2024}\nhours: {required: 80}\n", "required: 80", "period: {year: 2024}\nhours: {required: 90}\n",
         says=("80", "90", "测试省"), policy=True, policy_params=_P, id="province-pack"),
    # 240 per five years until 2010, 360 from 2011 (the plan's year picks the requirement)
    Case("PL902", "period:\n  year: 2012\n  cycle: {start: 2011, end: 2015, total_hours: 300}\n", "cycle:",
         "period:\n  year: 2009\n  cycle: {start: 2006, end: 2010, total_hours: 300}\n", says=("300", "360", "教师〔2011〕1号"),
         policy=True, column_at="300", id="by-year"),
    # a new-teacher plan's required hours are measured against the new-teacher floor, not the annual one
    Case("PL904", "kind: new_teacher\nhours: {required: 100}\n", "required: 100", "kind: new_teacher\nhours: {required: 120}\n",
         says=("100", "120"), policy=True, id="new-teacher-plan"),
]
