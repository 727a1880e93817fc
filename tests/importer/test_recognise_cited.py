"""Figures worded otherwise than the blocks word them, cited where they stand: the sentence keeps
its words, its numbers become data the rules check."""

import time

from tests.importer.recognise_util import codes_of, errors_of, prose, rendered_tables, rendered_texts, run


def _one(title: str, *texts: str, doc_title: str = "测试县2024年教师全员培训实施方案"):
    plan, guesses = run(prose({"title": title, "content": list(texts)}, title=doc_title))
    return plan, guesses, plan["sections"][0]["content"]


# -- hours ---------------------------------------------------------------------------

def test_required_hours_and_their_parts_after_qizhong_are_cited():
    text = "每位教师每年须完成不少于72学时的继续教育，其中专业科目不少于48学时、公需科目不少于24学时。学时不跨年度累计。"
    plan, guesses, content = _one("学时要求", text)
    assert plan["hours"] == {"required": 72, "at_least": True, "components": [
        {"name": "专业科目", "hours": 48, "at_least": True}, {"name": "公需科目", "hours": 24, "at_least": True}]}
    assert content == ["每位教师每年须完成不少于{=hours.required}学时的继续教育，其中专业科目不少于{=hours.components.专业科目}学时、"
                       "公需科目不少于{=hours.components.公需科目}学时。学时不跨年度累计。"]
    assert [g.key for g in guesses] == ["import.guess.cited"]
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_parts_that_do_not_make_the_required_hours_are_kept_for_the_rules():
    plan, _, _ = _one("学时要求", "每位教师须完成72学时，其中专业科目48学时、公需科目30学时。")
    assert [c["hours"] for c in plan["hours"]["components"]] == [48, 30]
    assert any(e.startswith("PL201") for e in errors_of(plan))


def test_a_total_with_gong_is_the_required_hours_only_when_its_parts_make_it():
    plan, _, content = _one("研修学时", "项目研修共计80学时，其中集中研修40学时、跟岗实践24学时、网络研修16学时。")
    assert plan["hours"]["required"] == 80 and len(plan["hours"]["components"]) == 3
    plan, _, content = _one("研修学时", "项目研修共计80学时，其中集中研修40学时、跟岗实践24学时。")
    assert "hours" not in plan and content == ["项目研修共计80学时，其中集中研修40学时、跟岗实践24学时。"]


def test_new_teachers_induction_hours_credits_and_a_cycles_hours():
    texts = ["新任教师须参加不少于120学时的岗前培训。", "教师完成的学时按10学时折合1学分登记，每年登记学分不少于7.2学分。",
             "每位教师须完成72学时。", "每位教师5年内累计不少于360学时。"]
    plan, _, content = _one("学时要求", *texts)
    assert plan["hours"] == {"new_teacher": 120, "hours_per_credit": 10, "credits": 7.2, "required": 72}
    assert plan["figures"] == {"周期学时": {"value": 360, "unit": "学时", "scope": "cycle", "at_least": True}}
    assert content[0] == "新任教师须参加不少于{=hours.new_teacher}学时的岗前培训。"
    assert content[1] == "教师完成的学时按{=hours.hours_per_credit}学时折合1学分登记，每年登记学分不少于{=hours.credits}学分。"
    assert errors_of(plan) == []
    rendered = rendered_texts(plan)
    assert all(t in rendered for t in texts)


def test_credits_that_disagree_with_the_hours_are_reported():
    plan, _, _ = _one("学时要求", "每位教师须完成72学时，按10学时折合1学分登记，共计8学分。")
    assert plan["hours"]["credits"] == 8
    assert "PL402" in codes_of(plan)


def test_in_a_new_teacher_plan_new_teachers_hours_are_its_required_hours():
    plan, guesses, _ = _one("学时", "新任教师在试用期内须完成不少于120学时的培训，其中集中培训60学时、跟岗研修60学时。",
                            doc_title="测试县2025年新任教师入职培训实施方案")
    assert plan["kind"] == "new_teacher"
    assert plan["hours"]["required"] == 120 and "new_teacher" not in plan["hours"]
    assert "import.guess.kind" in [g.key for g in guesses]


def test_hours_of_others_or_of_a_module_set_are_left_alone():
    texts = ["班主任须参加不少于30学时的专项培训。", "新任教师不少于48学时。", "每次活动约2学时。",
             "设置师德、政策两个模块共100学时的课程。"]
    plan, _, content = _one("有关要求", *texts)
    assert "hours" not in plan or "required" not in plan["hours"]
    assert content[:3] == texts[:3]


# -- the period ----------------------------------------------------------------------

def test_a_period_in_a_sentence_is_cited():
    plan, guesses, content = _one("培训安排", "培训时间为2025年8月至2026年7月，为期一学年。")
    assert plan["period"]["start"] == "2025-08" and plan["period"]["end"] == "2026-07"
    assert content == ["培训时间为{=period:to}，为期一学年。"]
    assert "培训时间为2025年8月至2026年7月，为期一学年。" in rendered_texts(plan)


def test_a_period_followed_by_more_words_under_its_heading():
    plan, _, content = _one("研修时间", "2024年9月至2025年6月。2025年春季学期重点开展课例研修。")
    assert content == ["{=period:to}。2025年春季学期重点开展课例研修。"]


def test_a_span_that_is_not_the_time_of_training_is_left_alone():
    plan, _, content = _one("工作要求", "2025年3月至5月完成报名工作。")
    assert "period" not in plan


# -- scores in prose -----------------------------------------------------------------

SCORES = "考核实行百分制，过程性考核占70%（满分70分），结果性考核占30%（满分30分）。总分达60分为合格，85分以上为优秀。"
BANDS = "考核结果分为优秀（90分及以上）、良好（75—89分）、合格（60—74分）和不合格（60分以下）四个等次。"


def test_weights_full_marks_and_marks_in_prose_are_an_assessments_data():
    plan, guesses, content = _one("考核评价", SCORES, "考核合格者认定72学时。")
    (a,) = plan["assessments"]
    assert a == {"id": "考核评价", "pass_mark": 60, "excellent_mark": 85, "components": [
        {"name": "过程性考核", "weight": 70, "points": 70}, {"name": "结果性考核", "weight": 30, "points": 30}], "credited_hours": 72}
    assert content[0].startswith("考核实行百分制，过程性考核占{=assessments.考核评价.components.过程性考核.weight}%（满分"
                                 "{=assessments.考核评价.components.过程性考核.points}分）")
    assert content[1] == "考核合格者认定{=assessments.考核评价.credited_hours}学时。"
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert SCORES in texts and "考核合格者认定72学时。" in texts


def test_weights_that_do_not_make_a_hundred_are_reported():
    plan, _, _ = _one("考核", "过程性考核占60%，结果性考核占30%。")
    assert [c["weight"] for c in plan["assessments"][0]["components"]] == [60, 30]
    assert any(e.startswith("PL20") for e in errors_of(plan))


def test_grade_bands_in_prose_with_their_count():
    plan, _, content = _one("考核", BANDS)
    (a,) = plan["assessments"]
    assert a["bands"] == [{"name": "优秀", "min": 90}, {"name": "良好", "min": 75, "max": 89},
                          {"name": "合格", "min": 60, "max": 74}, {"name": "不合格", "below": 60}]
    assert content[0].endswith("（{=assessments.考核.bands.不合格.below}分以下）{=assessments.考核.bands.count:count}个等次。")
    assert errors_of(plan) == []
    assert BANDS in rendered_texts(plan)


def test_overlapping_bands_are_reported():
    plan, _, _ = _one("考核", "分为优秀（85分及以上）、合格（60—88分）和不合格（60分以下）。")
    assert [b.get("max") for b in plan["assessments"][0]["bands"]] == [None, 88, None]
    assert {"PL605", "PL606", "PL607", "PL608"} & set(codes_of(plan))


def test_one_weight_alone_or_words_without_figures_are_left_alone():
    texts = ["过程性考核占50%。", "考核分为优秀、良好、合格三个等次。", "每位学员得分情况在平台公布。"]
    plan, _, content = _one("考核", *texts)
    assert "assessments" not in plan and content == texts


def test_the_marks_under_a_scored_table_belong_to_its_assessment():
    t = {"columns": ["序号", "考核项目", "考核方式", "分值"], "rows": [
        ["1", "出勤", "签到", "40"], ["2", "作业", "评阅", "60"], ["合计", "", "", "100"]]}
    plan, _, content = _one("考核", {"table": t}, "考核总分80分以上为合格，认定合格的学员认定40学时。")
    (a,) = plan["assessments"]
    assert (a["total"], a["pass_mark"]) == (100, 80)
    assert errors_of(plan) == []
    assert rendered_tables(plan) == [[t["columns"], *t["rows"]]]


def test_a_paragraph_full_of_near_misses_is_read_quickly():
    text = ("过程性考核占" + "7" * 5 + "考核占%" + "优秀（90分" * 50 + "须完成不少于学时，其中" + "甲1学时、" * 30) * 10
    t = time.perf_counter()
    plan, _, content = _one("考核", text[:3990], "下设办公室，" * 600, "的教师，可免修" * 500)
    assert time.perf_counter() - t < 2
    assert content[1:] == ["下设办公室，" * 600, "的教师，可免修" * 500]


def test_other_wordings_of_the_required_hours():
    for text, required in (("全体教师年度继续教育学时不少于72学时，其中公需科目不少于24学时，专业科目不少于48学时。", 72),
                           ("每位教师每年参加培训的时间累计不少于72学时。", 72), ("专任教师年度培训不少于90学时。", 90)):
        plan, _, content = _one("学时要求", text)
        assert plan["hours"]["required"] == required and "figures" not in plan, text
        assert text in rendered_texts(plan)
    plan, _, _ = _one("学时要求", "在完成60学时的培训任务后，可免修专业科目。")
    assert "hours" not in plan


def test_weights_in_brackets_and_named_by_their_scores():
    plan, _, _ = _one("考核", "学员考核成绩由过程性评价（占60%）和终结性评价（占40%）两部分组成。")
    assert [(c["name"], c["weight"]) for c in plan["assessments"][0]["components"]] == [("过程性评价", 60), ("终结性评价", 40)]
    plan, _, _ = _one("考核", "平时成绩占40%，期末考试成绩占60%。考核成绩达到60分及以上者为合格。")
    a = plan["assessments"][0]
    assert [c["name"] for c in a["components"]] == ["平时成绩", "期末考试"] and a["pass_mark"] == 60


def test_a_period_in_brackets_after_the_terms_name():
    plan, _, content = _one("培训时间", "2025年春季学期（2025年2月—2025年7月）。")
    assert (plan["period"]["start"], plan["period"]["end"]) == ("2025-02", "2025-07")
    assert content == ["2025年春季学期（{=period:full}）。"]


def test_a_cycle_with_its_years_total_and_school_based_part():
    text = "2021—2025年为一个培训周期，每位教师周期内累计不少于360学时，其中校本研修不少于120学时。"
    plan, _, content = _one("学时要求", text, "每位教师每年须完成72学时。")
    assert plan["period"]["cycle"] == {"start": 2021, "end": 2025, "total_hours": 360, "school_based_hours": 120}
    assert content[0] == "{=cycle.start}—{=cycle.end}年为一个培训周期，每位教师周期内累计不少于{=cycle.total_hours}学时，其中校本研修不少于{=cycle.school_based_hours}学时。"
    assert plan["hours"]["required"] == 72
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_shares_of_something_other_than_scores_are_not_weights():
    text = "集中研修占40%，网络研修占60%。"
    plan, _, content = _one("培训方式", text)
    assert "assessments" not in plan and content == [text]
    plan, _, _ = _one("考核方式", "线上学习占50%，线下实践占30%，研修成果占20%。")
    assert [c["name"] for c in plan["assessments"][0]["components"]] == ["线上学习", "线下实践", "研修成果"]


def test_the_full_marks_of_the_scheme_and_a_table_saying_the_same():
    t = {"columns": ["序号", "考核项目", "分值"], "rows": [["1", "出勤", "40"], ["2", "作业", "60"], ["合计", "", "100"]]}
    plan, _, content = _one("考核", "考核满分为100分，总分达到60分为合格。", {"table": t})
    (a,) = plan["assessments"]
    assert (a["total"], a["pass_mark"]) == (100, 60)
    assert content[0] == "考核满分为{=assessments.考核.total}分，总分达到{=assessments.考核.pass_mark}分为合格。"
    assert errors_of(plan) == []


def test_hours_credited_outside_any_assessment_are_left_alone():
    text = "培训结束后，县教师发展中心为考核合格的教师登记72学时。"
    plan, _, content = _one("工作要求", text)
    assert "assessments" not in plan and content == [text]
    plan, _, content = _one("考核评价", text)
    assert plan["assessments"][0]["credited_hours"] == 72


def test_rates_and_the_ratio_of_hours_offered():
    texts = ["网络研修每学时按45分钟计，集中培训每天按6学时计。", "研修平台提供不少于规定学时的2倍的课程。"]
    plan, _, content = _one("学时认定", *texts)
    assert plan["hours"] == {"minutes_per_hour": 45, "offered_ratio": 2} and plan["rates"] == {"hours_per_day": 6}
    assert content == ["网络研修每学时按{=hours.minutes_per_hour}分钟计，集中培训每天按{=rates.hours_per_day}学时计。",
                       "研修平台提供不少于规定学时的{=hours.offered_ratio}倍的课程。"]
    assert errors_of(plan) == []
    plan, _, _ = _one("学时认定", "每学时按35分钟计。")  # not a length a training hour has
    assert "hours" not in plan


def test_a_quota_of_the_best_band():
    text = "考核结果分为优秀（90分及以上）、合格（60—89分）和不合格（60分以下），优秀比例不超过参训人数的15%。"
    plan, _, content = _one("考核", text)
    assert plan["assessments"][0]["bands"][0] == {"name": "优秀", "min": 90, "quota": "≤15%"}
    assert content[0].endswith("优秀比例不超过参训人数的{=assessments.考核.bands.优秀.quota}%。")
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_a_parts_full_marks_are_not_the_schemes_total():
    texts = ["过程性考核（占总成绩的70%，满分70分）包括课程学习。", "在线考试占30%，满分100分。"]
    plan, _, content = _one("考核说明", *texts)
    assert all("total" not in a for a in plan.get("assessments", []))


def test_in_a_sentence_about_assessment_any_named_part_has_its_weight():
    text = "培训实行百分制考核，出勤占30%，作业占30%，汇报课占40%，60分及以上为合格。"
    plan, _, _ = _one("考核办法", text)
    a = plan["assessments"][0]
    assert [(c["name"], c["weight"]) for c in a["components"]] == [("出勤", 30), ("作业", 30), ("汇报课", 40)]
    assert a["pass_mark"] == 60
    assert text in rendered_texts(plan)
    for unsure in ("考核成绩中，出勤占30%，作业和汇报课共占70%。", "考核时出勤占30%，另外的（占70%）由导师评定。"):
        plan, _, content = _one("考核办法", unsure)
        assert "components" not in (plan.get("assessments") or [{}])[0], unsure


def test_a_cycles_hours_with_their_parts():
    text = "每位教师5年内累计不少于360学时，其中师德不少于50学时、校本研修120学时。"
    plan, _, content = _one("学时要求", text)
    assert plan["figures"]["周期学时"]["parts"] == {"师德": "≥50", "校本研修": 120}
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)
    plan, _, _ = _one("学时要求", "每位教师5年内累计360学时，其中师德50学时、校本研修120学时。")  # the parts make 170
    assert any(e.startswith("PL208") for e in errors_of(plan))
