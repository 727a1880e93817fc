from tests.importer.recognise_util import errors_of, prose, rendered_tables, rendered_texts, run

DATED = [
    "2022年11月15日前，各学校（园）召开专题工作会议，认真组织开展宣传动员工作。",
    "2022年11月25日—12月10日，举行项目启动仪式暨培训者培训会议。",
    "2023年3月15日—2023年3月31日，参训学员完成在线考试。",
]


def _dated_sections():
    subs = [{"content": [t]} for t in DATED]
    subs.insert(2, {"title": "2022年11月30日—2023年4月30日", "sections": [
        {"content": ["学员进行相应的培训及研修活动。"]}, {"content": ["开展送教下乡活动，每年一次。"]}]})
    return prose({"title": "培训进度安排", "sections": subs})


def test_entries_opening_with_their_time_become_dated_phases():
    plan, guesses = run(_dated_sections())
    ph = plan["phases"]
    assert [p.get("due") or (p["start"], p["end"]) for p in ph] == [
        "2022-11-15", ("2022-11-25", "2022-12-10"), ("2022-11-30", "2023-04-30"), ("2023-03-15", "2023-03-31")]
    assert ph[2]["tasks"] == ["学员进行相应的培训及研修活动。", "开展送教下乡活动，每年一次。"]
    assert plan["sections"][0]["content"] == [{"phases": "dated", "wording": {"phase.range[4]": "{=range:full}"}}]
    assert "sections" not in plan["sections"][0]
    assert [g.key for g in guesses] == ["import.guess.phase"] * 4
    texts = rendered_texts(plan)
    assert "（一）" + DATED[0] in texts and "（四）" + DATED[2] in texts and "（三）2022年11月30日—2023年4月30日" in texts


def test_dated_entries_typed_as_a_list_become_phases_too():
    plan, _ = run(prose({"title": "进度安排", "content": [{"items": DATED}]}))
    assert len(plan["phases"]) == 3 and plan["sections"][0]["content"][0]["phases"] == "dated"


def test_dated_entries_read_as_headings_become_phases_too():
    plan, _ = run(prose({"title": "进度安排", "sections": [{"title": t} for t in DATED]}))
    assert [p.get("due") or p["start"] for p in plan["phases"]] == ["2022-11-15", "2022-11-25", "2023-03-15"]
    assert plan["phases"][0]["tasks"] == "各学校（园）召开专题工作会议，认真组织开展宣传动员工作。"


def test_a_list_with_an_undated_entry_is_left_alone():
    plan, _ = run(prose({"title": "进度安排", "content": [{"items": DATED + ["做好总结。"]}]}))
    assert "phases" not in plan and plan["sections"][0]["content"] == [{"items": DATED + ["做好总结。"]}]


STAGED = [
    "本年度专题培训分为三个阶段:",
    "第一阶段:暑假研修(2024年7-9月)", "组织教师参加暑期线上学习,完成学习任务。", "培训形式:集中+远程",
    "第二阶段:寒假研修(2025年1-2月)", "组织教师参加寒假线上学习,完成学习任务。", "培训形式:集中+远程",
    "第三阶段:总结提升阶段(2025年5月一6月)", "教师结合年度各阶段培训学习活动,立足自我。", "培训形式:校本",
]


def test_stage_lines_become_staged_phases_in_the_sources_punctuation():
    plan, guesses = run(prose({"title": "培训安排", "content": list(STAGED)},
                              title="落儿岭镇中心学校2024-2025学年度中小学教师全员培训实施方案"))
    ph = plan["phases"]
    assert [(p["name"], p["start"], p["end"], p["form"]) for p in ph] == [
        ("暑假研修", "2024-07", "2024-09", "集中+远程"), ("寒假研修", "2025-01", "2025-02", "集中+远程"),
        ("总结提升阶段", "2025-05", "2025-06", "校本")]
    content = plan["sections"][0]["content"]
    assert content[0] == "本年度专题培训分为{=phases.count:cn}个阶段:"
    w = content[1]["wording"]
    assert w["phase.form"] == "培训形式:{=form}"
    assert w["phase.range[1]"] == "{=range:hyphen}"
    # “5月一6月”: no format prints “一”, so the heading keeps the time as typed (and says so)
    assert w["phase.stage[3]"] == "第{=number:cn}阶段:{=name}(2025年5月一6月)"
    assert "import.guess.phase_time_typed" in [g.key for g in guesses]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    for line in STAGED:
        assert line in texts, line


def test_stages_out_of_order_are_left_alone():
    lines = ["第二阶段:暑假研修(2024年7-9月)", "组织学习。", "第一阶段:寒假研修(2025年1-2月)", "组织学习。"]
    plan, _ = run(prose({"title": "培训安排", "content": list(lines)}))
    assert "phases" not in plan and plan["sections"][0]["content"] == lines


PHASE_TABLE = {"columns": ["阶段", "时间", "主要任务", "责任单位"], "rows": [
    ["准备启动", "2025年3月1日—3月15日", "制定方案，摸排培训需求。", "县教师发展中心"],
    ["组织实施", "2025年3月16日—2025年11月30日", "开展网络研修和集中培训。", "各中小学校"],
    ["第三阶段", "2025年12月20日前", "完成考核和学时登记。", "县教育和体育局"]]}


def test_a_timeline_table_with_the_columns_the_block_prints_becomes_phases():
    plan, guesses = run(prose({"title": "实施步骤", "content": ["具体安排如下：", {"table": PHASE_TABLE}]}))
    ph = plan["phases"]
    assert ph[0] == {"name": "准备启动", "start": "2025-03-01", "end": "2025-03-15", "tasks": "制定方案，摸排培训需求。",
                     "responsible": "县教师发展中心"}
    assert "name" not in ph[2] and ph[2]["due"] == "2025-12-20"
    blk = plan["sections"][0]["content"][1]
    assert blk == {"phases": "table", "wording": {"phase.range[2]": "{=range:full}"}}
    assert [g.key for g in guesses] == ["import.guess.phase"] * 3
    assert errors_of(plan) == []
    assert rendered_tables(plan) == [[PHASE_TABLE["columns"], *PHASE_TABLE["rows"]]]


def test_a_timeline_table_with_other_headers_or_no_dates_stays_a_table():
    other = {"columns": ["实施阶段", "时间", "主要任务"], "rows": [["准备", "2025年3月", "制定方案。"], ["实施", "2025年4月", "培训。"]]}
    undated = {"columns": ["阶段", "时间", "主要任务"], "rows": [["准备", "三月上旬", "制定方案。"], ["实施", "四月", "培训。"]]}
    for t in (other, undated):
        plan, _ = run(prose({"title": "实施步骤", "content": [{"table": t}]}))
        assert "phases" not in plan and plan["sections"][0]["content"] == [{"table": t}]


def test_stage_lines_with_the_time_before_the_name():
    lines = ["第一阶段（2025年3月1日—3月15日）：准备启动", "制定方案。", "第二阶段（2025年3月16日—2025年6月30日）：组织实施", "开展培训。"]
    plan, _ = run(prose({"title": "实施步骤", "content": list(lines)}))
    assert [(p["name"], p["start"], p["end"]) for p in plan["phases"]] == [
        ("准备启动", "2025-03-01", "2025-03-15"), ("组织实施", "2025-03-16", "2025-06-30")]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert all(line in texts for line in lines)


def test_dated_entries_typed_without_their_year_are_read_in_the_year_before_them():
    entries = ["2025年8月15日前，各校报送名单。", "8月18日—8月29日，集中培训。", "9月1日至次年6月30日，跟岗研修。", "7月10日前，完成考核。"]
    plan, guesses = run(prose({"title": "进度安排", "content": [{"items": entries}]}))
    assert [p.get("due") or (p["start"], p["end"]) for p in plan["phases"]] == [
        "2025-08-15", ("2025-08-18", "2025-08-29"), ("2025-09-01", "2026-06-30"), "2026-07-10"]
    assert "import.guess.phase_time_typed" in [g.key for g in guesses]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert all(any(t.endswith(e) for t in texts) for e in entries)


def test_a_time_without_its_year_and_no_year_before_it_is_not_a_phase():
    entries = ["8月15日前，各校报送名单。", "8月18日—8月29日，集中培训。"]
    plan, _ = run(prose({"title": "进度安排", "content": [{"items": entries}]}, title="测试县教师全员培训实施方案"))
    assert "phases" not in plan


def test_stage_lines_typed_without_their_year_follow_the_period():
    lines = ["第一阶段：准备启动（3月1日—3月15日）", "制定方案。", "第二阶段：组织实施（3月16日—11月30日）", "开展培训。"]
    plan = prose({"title": "培训时间", "content": ["2025年3月—12月。"]}, {"title": "实施步骤", "content": list(lines)})
    plan, _ = run(plan)
    assert [(p["start"], p["end"]) for p in plan["phases"]] == [("2025-03-01", "2025-03-15"), ("2025-03-16", "2025-11-30")]
    assert errors_of(plan) == []
    texts = rendered_texts(plan)
    assert all(line in texts for line in lines)
