from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

AUDIENCE = "全县公办、民办中小学和幼儿园在职在岗专任教师。"
EXEMPT = "当年参加省级骨干教师培训并考核合格的教师，可免修当年专业科目学时。"
HOURS = "每位教师须完成不少于72学时，其中专业科目不少于48学时、公需科目不少于24学时。"


def test_the_audience_and_its_exemptions():
    plan, guesses = run(prose({"title": "培训对象", "content": [AUDIENCE, EXEMPT]}, {"title": "学时要求", "content": [HOURS]}))
    assert plan["audience"] == {"description": AUDIENCE, "exemptions": [{"reason": "当年参加省级骨干教师培训并考核合格", "component": "专业科目"}]}
    assert plan["sections"][0]["content"] == ["{=audience}", {"exemptions": "sentence", "wording": {
        "exemption[1]": "{=reason}的教师，可免修当年{=component}学时。"}}]
    assert {"import.guess.audience", "import.guess.exemptions"} <= {g.key for g in guesses}
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert AUDIENCE in texts and EXEMPT in texts


def test_a_head_count_with_its_parts_is_a_figure():
    text = "全县遴选的中小学骨干教师共120名，其中小学60名、初中40名、高中20名。"
    plan, _ = run(prose({"title": "研修对象", "content": [text]}))
    assert plan["figures"] == {"参训人数": {"value": 120, "unit": "人", "parts": {"小学": 60, "初中": 40, "高中": 20}}}
    assert plan["sections"][0]["content"] == [
        "全县遴选的中小学骨干教师共{=figures.参训人数}名，其中小学{=figures.参训人数.小学}名、初中{=figures.参训人数.初中}名、高中{=figures.参训人数.高中}名。"]
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_parts_that_miss_the_count_are_reported():
    plan, _ = run(prose({"title": "研修对象", "content": ["参训教师共100人，其中小学60人、初中30人。"]}))
    assert plan["figures"]["参训人数"]["parts"] == {"小学": 60, "初中": 30}
    assert any(e.startswith("PL208") for e in errors_of(plan))


def test_no_audience_heading_no_audience_and_other_sentences_stay():
    plan, _ = run(prose({"title": "培训要求", "content": [AUDIENCE, "未按要求参加培训的教师，不予登记学时。"]}))
    assert "audience" not in plan and plan["sections"][0]["content"] == [AUDIENCE, "未按要求参加培训的教师，不予登记学时。"]


def test_the_audience_and_an_exemption_of_named_teachers_in_one_paragraph():
    text = "全镇在职中小学教师。参加2024年度省培的甲乙丙、丁戊教师,在完成48学时的培训任务后,可免于参加本年度全员培训的专业科目培训。"
    plan, _ = run(prose({"title": "培训对象", "content": [text]}, {"title": "学时要求", "content": [HOURS]}))
    assert plan["audience"] == {"description": "全镇在职中小学教师。", "exemptions": [
        {"teachers": ["甲乙丙", "丁戊"], "reason": "参加2024年度省培", "hours": 48, "component": "专业科目"}]}
    assert plan["sections"][0]["content"] == [{"exemptions": "sentence", "lead": "{=audience}", "wording": {
        "exemption[1]": "{=reason}的{=teachers}教师,在完成{=hours}学时的培训任务后,可免于参加本年度全员培训的{=component}培训。"}}]
    assert errors_of(plan) == []
    assert text in rendered_texts(plan)


def test_an_exemption_of_more_hours_than_its_component_is_reported():
    text = "参加省培的甲乙丙教师，在完成60学时的培训任务后，可免于参加本年度全员培训的公需科目培训。"
    plan, _ = run(prose({"title": "培训对象", "content": [AUDIENCE, text]}, {"title": "学时要求", "content": [HOURS]}))
    assert plan["audience"]["exemptions"][0]["hours"] == 60
    assert plan["sections"][0]["content"][1] == {"exemptions": "sentence"}  # the default sentence
    assert [e[:5] for e in errors_of(plan)] == ["PL305"]
