from tests.importer.recognise_util import errors_of, prose, rendered_texts, run

MODES = [("网络研修", "依托研修平台，教师按需选学课程。"), ("集中培训", "按学段、学科分批组织。"), ("校本研修", "以教研组为单位开展主题研修。")]


def _sec(numbering=None, title="培训方式"):
    subs = [{"title": n, "run_in": True, "content": [d]} for n, d in MODES]
    if numbering:
        subs[0]["numbering"] = numbering
    return {"title": title, "content": ["培训采取以下方式："], "sections": subs}


def test_run_in_entries_under_a_modes_heading_become_modes():
    plan, guesses = run(prose(_sec()))
    assert plan["modes"] == [{"name": n, "description": d} for n, d in MODES]
    assert plan["sections"][0]["content"] == ["培训采取以下方式：", {"modes": "list", "numbered": True}]
    assert [g.key for g in guesses] == ["import.guess.modes"]
    assert errors_of(plan) == []
    assert "（一）网络研修：依托研修平台，教师按需选学课程。" in rendered_texts(plan)


def test_entries_numbered_in_a_form_of_their_own_keep_it():
    plan, _ = run(prose(_sec("1.")))
    assert plan["sections"][0]["content"][1] == {"modes": "list", "numbered": True, "numbering": "1."}
    texts = rendered_texts(plan)
    assert "1.网络研修：依托研修平台，教师按需选学课程。" in texts and "3.校本研修：以教研组为单位开展主题研修。" in texts


def test_entries_under_another_heading_or_with_more_in_them_stay_prose():
    plan, _ = run(prose(_sec(title="工作要求")))
    assert "modes" not in plan
    sec = _sec()
    sec["sections"][1]["content"].append("每期3天。")
    plan, _ = run(prose(sec))
    assert "modes" not in plan
