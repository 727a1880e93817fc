from plancc.importer.source import Place
from tests.importer.recognise_util import errors_of, prose, rendered_texts, run


def test_a_run_in_period_with_a_hyphen_cites_the_period_in_that_format():
    plan, guesses = run(prose({"title": "培训时间", "run_in": True, "content": ["2022年11月-2023年4月。"]}))
    assert plan["period"] == {"start": "2022-11", "end": "2023-04"}
    assert plan["sections"][0]["content"] == ["{=period:hyphen}。"]
    assert guesses == []
    assert errors_of(plan) == []
    assert "一、培训时间：2022年11月-2023年4月。" in rendered_texts(plan)


def test_a_period_under_its_own_heading_with_a_dash_is_the_default_format():
    plan, _ = run(prose({"title": "培训时间与学时", "sections": [{"title": "培训时间", "content": ["2024年8月—2025年6月"]}]},
                        title="落儿岭镇中心学校2024-2025学年度中小学教师全员培训实施方案"))
    assert plan["period"] == {"start": "2024-08", "end": "2025-06", "school_year": "2024-2025"}
    assert plan["sections"][0]["sections"][0]["content"] == ["{=period}"]


def test_the_year_in_the_title_is_the_plans_year_when_the_training_starts_in_it():
    sec = {"title": "培训时间", "run_in": True, "content": ["2022年11月-2023年4月。"]}
    plan, _ = run(prose(sec, title="宾川县2022年中小学幼儿园教师继续教育全员培训实施方案"))
    assert plan["period"]["year"] == 2022
    plan, _ = run(prose(sec, title="宾川县2021年中小学幼儿园教师继续教育全员培训实施方案"))
    assert "year" not in plan["period"]


def test_a_heading_typed_with_its_time_becomes_a_run_in_heading():
    plan, _ = run(prose({"title": "培训时间：2022年11月-2023年4月。"}))
    sec = plan["sections"][0]
    assert (sec["title"], sec["run_in"], sec["content"]) == ("培训时间", True, ["{=period:hyphen}。"])


def test_the_full_form_is_kept_when_both_ends_are_written():
    plan, _ = run(prose({"title": "网络研修时间", "run_in": True, "content": ["2023年4月3日—2023年5月31日。"]}))
    assert plan["sections"][0]["content"] == ["{=period:full}。"]


def test_a_period_no_format_prints_stays_prose_and_is_said():
    text = "2023 年 4 月 3 日--2023 年 5 月 31 日。"
    places = {("sections", 0, "content", 0): Place(paragraph=12)}
    plan, guesses = run(prose({"title": "网络研修时间", "run_in": True, "content": [text]}), places)
    assert "period" not in plan and plan["sections"][0]["content"] == [text]
    assert [(g.key, g.place.paragraph) for g in guesses] == [("import.guess.period_kept", 12)]


def test_a_span_in_a_sentence_elsewhere_is_left_alone():
    plan, guesses = run(prose({"title": "组织管理", "content": ["2022年11月-2023年4月完成全部任务。"]}))
    assert "period" not in plan and guesses == []


def test_an_end_before_the_start_is_not_a_period():
    plan, _ = run(prose({"title": "培训时间", "run_in": True, "content": ["2023年4月-2022年11月。"]}))
    assert "period" not in plan


def test_a_term_in_the_title_is_the_periods_semester():
    plan, _ = run(prose({"title": "研修时间", "content": ["2024年9月—2025年1月。"]}, title="测试小学2024—2025学年第一学期校本研修计划"))
    assert plan["period"] == {"start": "2024-09", "end": "2025-01", "school_year": "2024-2025", "semester": "2024-2025学年第一学期"}
    assert errors_of(plan) == []
