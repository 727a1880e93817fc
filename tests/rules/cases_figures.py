"""Fire/quiet cases of the rules of ``figures:`` and ``rates:`` (plancc/check/rules/figures.py)."""

from tests.rules.cases import Case

FIGURE_CASES = [
    Case("PL208", "figures:\n  参训人数:\n    value: 968\n    unit: 人\n    parts: {博士: 3, 硕士: 301, 本科: 676}\n", "value: 968",
         "figures:\n  参训人数:\n    value: 980\n    unit: 人\n    parts: {博士: 3, 硕士: 301, 本科: 676}\n",
         says=("980", "968", "硕士 301"), column_at="968", path="figures.参训人数.value",
         related=("figures.参训人数.parts.博士", "figures.参训人数.parts.硕士", "figures.参训人数.parts.本科")),
    Case("PL208", "figures:\n  骨干教师:\n    value: 300\n    parts: {市级: ≥150, 县级: 不少于250}\n", "value: 300",
         "figures:\n  骨干教师:\n    value: 400\n    parts: {市级: ≥150, 县级: 不少于250}\n", says=("≥400", "300"), id="floors"),
    Case("PL208", "figures:\n  学时:\n    value: 100\n    parts: {甲: ≤30, 乙: 40以下}\n", "value: 100",
         "figures:\n  学时:\n    value: 60\n    parts: {甲: ≤30, 乙: 40以下}\n", says=("≤70", "100"), id="ceilings"),
    Case("PL208", "figures:\n  完成比例:\n    unit: '%'\n    parts: {2024年: 25, 2025年: 45, 2026年: 20}\n", "完成比例:",
         "figures:\n  完成比例:\n    unit: '%'\n    parts: {2024年: 25, 2025年: 45, 2026年: 30}\n", says=("90", "100%"), id="percent"),
    Case("PL208", "figures:\n  周期学时:\n    value: 360\n    parts:\n      师德: ≥50\n      专业:\n        parts: {县级以上: 200, 校本: 120}\n",
         "value: 360", "figures:\n  周期学时:\n    value: 360\n    parts:\n      师德: ≥50\n      专业:\n        parts: {县级以上: 190, 校本: 120}\n",
         says=("专业 320", "≥370"), id="nested"),
    Case("PL208", "hours:\n  required: 72\nfigures:\n  学时分配:\n    value: '{=hours.required}'\n    parts: {集中: 40, 校本: 40}\n",
         "value: '{=hours.required}'", "hours:\n  required: 72\nfigures:\n  学时分配:\n    value: '{=hours.required}'\n    parts: {集中: 40, 校本: 32}\n",
         says=("80", "72"), id="reference"),
    Case("PL407", "figures:\n  校本研修:\n    value: 60\n    unit: 学时\n    derive: 16周 × 2学时 × 2学期\n", "value: 60",
         "figures:\n  校本研修:\n    value: 64\n    unit: 学时\n    derive: 16周 × 2学时 × 2学期\n", says=("60学时", "64学时")),
    Case("PL407", "rates: {hours_per_day: 6}\nfigures:\n  集中培训:\n    value: 36\n    unit: 学时\n    derive: 5天\n", "value: 36",
         "rates: {hours_per_day: 6}\nfigures:\n  集中培训:\n    value: 30\n    unit: 学时\n    derive: 5天\n", says=("36", "30"), id="rate"),
    Case("PL407", "figures:\n  研修周期:\n    unit: 天\n    derive: 20周 = 150天\n", "derive:",
         "figures:\n  研修周期:\n    unit: 天\n    derive: 20周 = 140天\n", says=("150", "140"), id="stated-result"),
    Case("PL408", "figures:\n  集中培训:\n    value: 30\n    unit: 学时\n    derive: 5天\n", "derive: 5天",
         "rates: {hours_per_day: 6}\nfigures:\n  集中培训:\n    value: 30\n    unit: 学时\n    derive: 5天\n", says=("hours_per_day",)),
    Case("PL409", "rates: {minutes_per_hour: 45}\nhours:\n  required: 24\n  minutes_per_hour: 40\n", "minutes_per_hour: 40",
         "rates: {minutes_per_hour: 45}\nhours:\n  required: 24\n  minutes_per_hour: 45\n", says=("45", "40"),
         related=("rates.minutes_per_hour",)),
    Case("PL410", "rates:\n  hours_per_credit: {集中培训: 6, 非集中培训: 8}\nfigures:\n  集中学分:\n    value: 5\n    unit: 学分\n    derive: 30学时\n",
         "derive: 30学时", "rates:\n  hours_per_credit: {集中培训: 6, 非集中培训: 8}\nfigures:\n  集中学分:\n    value: 5\n    unit: 学分\n"
         "    mode: 集中培训\n    derive: 30学时\n", says=("集中培训", "非集中培训")),
    Case("PL410", "rates:\n  hours_per_credit: {集中培训: 6, 非集中培训: 8}\nfigures:\n  学分:\n    value: 5\n    unit: 学分\n    mode: 网络\n"
         "    derive: 40学时\n", "mode: 网络", "rates:\n  hours_per_credit: {集中培训: 6, 非集中培训: 8}\nfigures:\n  学分:\n    value: 5\n"
         "    unit: 学分\n    mode: 非集中培训\n    derive: 40学时\n", says=("网络",), id="unknown-mode"),
    Case("PL511", "figures:\n  学时:\n    value: '{=document.title}'\n    parts: {甲: 1}\n", "value:",
         "hours: {required: 1}\nfigures:\n  学时:\n    value: '{=hours.required}'\n    parts: {甲: 1}\n", says=("document.title",)),
]
