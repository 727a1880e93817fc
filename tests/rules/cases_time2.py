"""Fire/quiet cases of the rules of deadlines with a clock time, semesters, programmes and
horizons (PL702 with times, PL707–PL711 in plancc/check/rules/time.py)."""

from tests.rules.cases import Case

_PERIOD = "period:\n  year: 2024\n  start: 2024-03\n  end: 2024-12-20\n"
_TERM = "period:\n  school_year: 2024-2025\n  semester: 2024-2025学年第一学期\n"
_CYCLE = "period:\n  year: 2024\n  cycle: 2022—2026年\n"


def _doc(title: str, date: str = "2024-02-20") -> str:
    return f"document:\n  title: {title}\n  date: {date}\n"


def _text(sentence: str) -> str:
    return f"sections:\n  - title: 目标任务\n    content:\n      - {sentence}\n"


TIME2_CASES = [
    # a clock time narrows a day: a deadline at 17:00 on the period's last day is inside it, one after an end at noon is not
    Case("PL702", "period:\n  year: 2024\n  start: 2024-03\n  end: 2024-12-20 12:00\n"
         "phases:\n  - {name: 提交总结, due: 2024-12-20 17:00}\n", "提交总结",
         _PERIOD + "phases:\n  - {name: 提交总结, due: 2024年12月20日17:00}\n", says=("2024年12月20日17:00前", "12月20日12:00"), id="clock-time"),
    Case("PL703", _PERIOD + "phases:\n  - {name: 报名, due: 2024-03-10 17时}\n  - {name: 审核, due: 2024-03-10 09:00}\n", "审核",
         _PERIOD + "phases:\n  - {name: 报名, due: 2024-03-10 09:00}\n  - {name: 审核, due: 2024-03-10 17时}\n",
         says=("2024年3月10日9:00",), id="clock-time"),
    Case("PL707", "period:\n  school_year: 2023-2024\n  semester: 2024-2025学年第一学期\n", "semester:",
         _TERM, says=("2024-2025学年第一学期", "2023-2024")),
    Case("PL707", _TERM + "  start: 2024-09\n  end: 2025-03\n", "end: 2025-03",
         _TERM + "  start: 2024-09\n  end: 2025-01-15\n", says=("2025年3月", "2024年9月—2025年1月"), id="date"),
    Case("PL708", "period:\n  school_year: 2024-2025\n  start: 2024-09\n  end: 2025-01\n"
         "phases:\n  - {name: 课堂实践, semester: 第二学期}\n", "课堂实践",
         "period:\n  school_year: 2024-2025\n  start: 2024-09\n  end: 2025-06\n"
         "phases:\n  - {name: 课堂实践, semester: 第二学期}\n", says=("2024-2025学年第二学期", "2025年2—7月")),
    Case("PL708", _TERM + "phases:\n  - {name: 集中研修, semester: 第一学期, start: 2025-03, end: 2025-04}\n", "集中研修",
         _TERM + "phases:\n  - {name: 集中研修, semester: 第一学期, start: 2024-10, end: 2024-11}\n",
         says=("2025年3—4月", "第一学期"), id="phase-date"),
    Case("PL708", "period:\n  year: 2024\nphases:\n  - {name: 跟岗, semester: 下学期}\n", "跟岗",
         "period:\n  year: 2024\n  school_year: 2023-2024\nphases:\n  - {name: 跟岗, semester: 下学期}\n", says=("第二学期",), id="unplaced"),
    Case("PL709", _doc("测试县2022年教师培训实施方案", "2023-02-10") + "period:\n  year: 2022\n  cycle: 2019—2022年\n", "date: 2023-02-10",
         _doc("测试县2022年教师培训实施方案", "2022-02-10") + "period:\n  year: 2022\n  cycle: 2019—2022年\n",
         says=("2023年2月10日", "2019", "2022"), related=("period.cycle",)),
    Case("PL710", _doc("测试县教师培训三年行动计划") + _CYCLE, "title:",
         _doc("测试县教师培训五年行动计划") + _CYCLE, says=("3", "2022", "2026", "5"), column_at="三年"),
    Case("PL710", _CYCLE + _text("用三年时间，建成一支高素质专业化教师队伍。"), "用三年时间",
         _CYCLE + _text("用五年时间，建成一支高素质专业化教师队伍。落实《省教师教育振兴三年行动计划》。"),
         says=("3", "5"), id="prose"),
    Case("PL711", _CYCLE + _text("到2020年，全县教师信息技术应用能力全面提升。"), "到2020年",
         _CYCLE + _text("到2026年，全县教师信息技术应用能力全面提升；到2035年，建成教育强县。"), says=("2020", "2022")),
    Case("PL711", _doc("测试县到2030年教师队伍建设规划") + _CYCLE, "title:",
         _doc("测试县到2026年教师队伍建设规划") + _CYCLE, says=("2030", "2026"), id="title-beyond"),
]
