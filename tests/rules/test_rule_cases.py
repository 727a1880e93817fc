"""Each rule fires at the right place on a broken plan and stays quiet on its corrected twin."""

from __future__ import annotations

import textwrap

import pytest

from plancc.check.registry import all_rules
from plancc.diagnostics.codes import FAMILIES, all_codes, family_of
from tests.helpers import check, codes, line_of, only
from tests.rules.cases import Case
from tests.rules.cases_bands import BAND_CASES
from tests.rules.cases_figures import FIGURE_CASES
from tests.rules.cases_policy import POLICY_CASES
from tests.rules.cases_prose_figures import PROSE_FIGURE_CASES
from tests.rules.cases_people import PEOPLE_CASES
from tests.rules.cases_citations import CITATION_CASES
from tests.rules.cases_time2 import TIME2_CASES
from tests.rules.cases_repeats import REPEAT_CASES
from tests.rules.cases_blocks import BLOCK_CASES
from tests.rules.cases_numbering import NUMBERING_CASES

PERIOD = """\
period:
  year: 2024
  start: 2024-03
  end: 2024-12
"""

CASES = [
    # -- sums ---------------------------------------------------------------------------
    Case("PL201", "hours:\n  required: 90\n  components:\n    - {name: 专业知识, hours: 60}\n    - {name: 公需知识, hours: 20}\n",
         "required: 90", "hours:\n  required: 90\n  components:\n    - {name: 专业知识, hours: 60}\n    - {name: 公需知识, hours: 30}\n",
         says=("60", "20", "80", "90"), path="hours.required", related=("hours.components[0].hours", "hours.components[1].hours")),
    Case("PL202", "module_sets:\n  - id: 校长\n    modules: [{name: A, hours: 30}, {name: B, hours: 30}]\n    total_hours: 100\n",
         "total_hours", "module_sets:\n  - id: 校长\n    modules: [{name: A, hours: 30}, {name: B, hours: 30}]\n    total_hours: 60\n",
         says=("60", "100")),
    Case("PL203", "assessments:\n  - id: 分层\n    components:\n      - {name: 过程性考核, weight: 70}\n      - {name: 结果性考核, weight: 20}\n",
         "components:", "assessments:\n  - id: 分层\n    components:\n      - {name: 过程性考核, weight: 70}\n      - {name: 结果性考核, weight: 30}\n",
         says=("90",)),
    Case("PL204", "assessments:\n  - id: 参训\n    total: 100\n    items:\n      - {name: 网络研修, points: 50}\n      - {name: 校本研修, points: 40}\n",
         "total: 100", "assessments:\n  - id: 参训\n    total: 100\n    items:\n      - {name: 网络研修, points: 50}\n      - {name: 校本研修, points: 50}\n",
         says=("90", "100")),
    Case("PL205", "evaluations:\n  - id: 辅导者\n    items:\n      - {indicator: 学情统计, weight: 15}\n      - {indicator: 作业批阅, weight: 80}\n",
         "items:", "evaluations:\n  - id: 辅导者\n    items:\n      - {indicator: 学情统计, weight: 20}\n      - {indicator: 作业批阅, weight: 80}\n",
         says=("95",)),
    Case("PL206", "rubrics:\n  - id: 细则\n    total: 20\n    items:\n      - {name: 听课, points: 10}\n      - {name: 评课, points: 5}\n",
         "total: 20", "rubrics:\n  - id: 细则\n    total: 15\n    items:\n      - {name: 听课, points: 10}\n      - {name: 评课, points: 5}\n",
         says=("15", "20")),
    Case("PL207", "module_sets:\n  - id: 新教师\n    module_count: 3\n    modules: [师德, 班级管理]\n",
         "module_count", "module_sets:\n  - id: 新教师\n    module_count: 2\n    modules: [师德, 班级管理]\n", says=("3", "2")),
    # -- bounds -----------------------------------------------------------------------
    Case("PL301", "hours:\n  required: 72\n  offered: 60\n", "offered: 60", "hours:\n  required: 72\n  offered: 100\n", says=("60", "72")),
    Case("PL302", "hours:\n  required: 24\n  offered: 40\n  offered_ratio: 2\n", "offered: 40",
         "hours:\n  required: 24\n  offered: 48\n  offered_ratio: 2\n", says=("48", "40")),
    Case("PL303", "assessments:\n  - id: 参训\n    total: 100\n    pass_mark: 110\n    items: [{name: A, points: 100}]\n", "pass_mark",
         "assessments:\n  - id: 参训\n    total: 100\n    pass_mark: 78\n    items: [{name: A, points: 100}]\n", says=("110", "100"), id="pass"),
    Case("PL303", "assessments:\n  - id: 参训\n    excellent_mark: 95\n    items: [{name: A, points: 50}, {name: B, points: 40}]\n", "excellent_mark",
         "assessments:\n  - id: 参训\n    excellent_mark: 85\n    items: [{name: A, points: 50}, {name: B, points: 40}]\n", says=("95", "90"),
         id="excellent-without-total"),
    Case("PL304", "assessments:\n  - id: 参训\n    items:\n      - {name: 网络研修, points: 50, minimum: 55}\n", "minimum: 55",
         "assessments:\n  - id: 参训\n    items:\n      - {name: 网络研修, points: 50, minimum: 50}\n", says=("55", "50"), column_at="55"),
    Case("PL305", "hours:\n  required: 90\n  components: [{name: 专业知识, hours: 60}, {name: 公需知识, hours: 30}]\n"
         "audience:\n  description: 全镇教师。\n  exemptions:\n    - {teachers: [周杨彬], hours: 70, component: 专业知识}\n", "hours: 70",
         "hours:\n  required: 90\n  components: [{name: 专业知识, hours: 60}, {name: 公需知识, hours: 30}]\n"
         "audience:\n  description: 全镇教师。\n  exemptions:\n    - {teachers: [周杨彬], hours: 60, component: 专业知识}\n", says=("70", "60"),
         column_at="70"),
    Case("PL306", "hours:\n  required: 24\n  minutes_per_hour: 40\n  compulsory_minutes: 1000\n", "compulsory_minutes",
         "hours:\n  required: 24\n  minutes_per_hour: 40\n  compulsory_minutes: 600\n", says=("1000", "960")),
    Case("PL307", "hours:\n  required: 72\n  school_based: 80\n", "school_based", "hours:\n  required: 72\n  school_based: 24\n", says=("80", "72")),
    Case("PL307", "period:\n  cycle: {start: 2022, end: 2026, total_hours: 360, school_based_hours: 400}\n", "cycle:",
         "period:\n  cycle: {start: 2022, end: 2026, total_hours: 360, school_based_hours: 120}\n", says=("400", "360"), column_at="400",
         id="cycle"),
    # -- conversions --------------------------------------------------------------------
    Case("PL401", "hours:\n  required: 24\n  minutes_per_hour: 40\n  required_minutes: 900\n", "required_minutes",
         "hours:\n  required: 24\n  minutes_per_hour: 40\n  required_minutes: 960\n", says=("960", "900")),
    Case("PL402", "hours:\n  required: 72\n  hours_per_credit: 18\n  credits: 5\n", "credits: 5",
         "hours:\n  required: 72\n  hours_per_credit: 18\n  credits: 4\n", says=("4", "5")),
    Case("PL403", "period:\n  year: 2022\n  cycle: {start: 2022, end: 2026, total_hours: 360}\nhours:\n  required: 60\n", "required: 60",
         "period:\n  year: 2022\n  cycle: {start: 2022, end: 2026, total_hours: 360}\nhours:\n  required: 72\n", says=("300", "360")),
    # -- coverage -----------------------------------------------------------------------
    Case("PL501", "tiers: [{name: 新教师}, {name: 成长期教师}]\nstages:\n  - name: 学前教育\n    themes:\n      新教师: 基本功\n",
         "themes:", "tiers: [{name: 新教师}, {name: 成长期教师}]\nstages:\n  - name: 学前教育\n    themes:\n      新教师: 基本功\n      成长期教师: null\n",
         says=("学前教育", "成长期教师")),
    Case("PL502", "tiers: [{name: 新教师}, {name: 成长期教师}]\nstages:\n  - name: 学前教育\n    themes:\n      新教师: 基本功\n      成长教师: 保教\n",
         "成长教师", "tiers: [{name: 新教师}, {name: 成长期教师}]\nstages:\n  - name: 学前教育\n    themes:\n      新教师: 基本功\n      成长期教师: 保教\n",
         says=("成长教师", "成长期教师")),
    Case("PL502", "stages: [{name: 高中}]\nmodule_sets:\n  - {id: 初中新教师, stage: 初中, modules: [师德]}\n", "stage: 初中",
         "stages: [{name: 初中}]\nmodule_sets:\n  - {id: 初中新教师, stage: 初中, modules: [师德]}\n", says=("初中",), column_at="初中, modules", id="module-set-stage"),
    Case("PL502", "hours:\n  required: 90\n  components: [{name: 专业知识, hours: 60}, {name: 公需知识, hours: 30}]\n"
         "audience:\n  description: 全镇教师。\n  exemptions: [{teachers: [陈明生], hours: 60, component: 专业课程}]\n", "exemptions",
         "hours:\n  required: 90\n  components: [{name: 专业知识, hours: 60}, {name: 公需知识, hours: 30}]\n"
         "audience:\n  description: 全镇教师。\n  exemptions: [{teachers: [陈明生], hours: 60, component: 专业知识}]\n", says=("专业课程", "专业知识"),
         column_at="专业课程", id="exemption-component"),
    Case("PL503", "module_sets: [{id: 校长, modules: [政策]}]\nsections:\n  - title: 培训内容\n    content:\n      - module_sets: [园长]\n",
         "module_sets: [园长]", "module_sets: [{id: 校长, modules: [政策]}]\nsections:\n  - title: 培训内容\n    content:\n      - module_sets: [校长]\n",
         says=("园长", "校长"), column_at="园长"),
    Case("PL503", "assessments: [{id: 分层项目, total: 100}]\nsections:\n  - title: 考核\n    content:\n      - {assessment: 分岗项目}\n", "分岗项目",
         "assessments: [{id: 分层项目, total: 100}]\nsections:\n  - title: 考核\n    content:\n      - {assessment: 分层项目}\n", says=("分岗项目",),
         id="assessment"),
    Case("PL504", "module_sets: [{id: 网络研修, modules: [师德修养, 专业知识]}]\ncatalog:\n  module_set: 网络研修\n  courses:\n"
         "    - [初中, 语文, 师德修养, 课程一]\n    - [初中, 语文, 专业能力, 课程二]\n    - [初中, 数学, 专业能力, 课程三]\n", "课程二",
         "module_sets: [{id: 网络研修, modules: [师德修养, 专业能力]}]\ncatalog:\n  module_set: 网络研修\n  courses:\n"
         "    - [初中, 语文, 师德修养, 课程一]\n    - [初中, 语文, 专业能力, 课程二]\n    - [初中, 数学, 专业能力, 课程三]\n", says=("专业能力", "2"), column_at="专业能力, 课程二"),
    Case("PL505", "sections:\n  - title: 培训进度\n    content:\n      - {phases: staged}\n", "phases: staged",
         "phases: [{name: 启动, due: 2024-03}]\nsections:\n  - title: 培训进度\n    content:\n      - {phases: staged}\n", says=("phases",)),
    Case("PL506", "tiers:\n  - {name: 新教师, years: [1, 2]}\n  - {name: 新教师, years: [3, 8]}\n", "years: [3, 8]",
         "tiers:\n  - {name: 新教师, years: [1, 2]}\n  - {name: 成长期教师, years: [3, 8]}\n", says=("新教师", "1", "2")),
    Case("PL506", "module_sets:\n  - id: 新教师\n    modules: [师德, 班级管理, 师德]\n", "modules:",
         "module_sets:\n  - id: 新教师\n    modules: [师德, 班级管理]\n", says=("师德",), id="module-names"),
    Case("PL507", "hours: {required: 72}\nsections:\n  - title: 学时\n    content:\n      - 每人完成{=hours.requird}学时。\n", "hours.requird",
         "hours: {required: 72}\nsections:\n  - title: 学时\n    content:\n      - 每人完成{=hours.required}学时。\n",
         says=("{=hours.requird}", "hours.required"), column_at="{=hours.requird}"),
    Case("PL508", "catalog:\n  courses:\n    - [初中, 语文, 模块一, 课程一]\n    - [初中, 数学, 模块一, 课程二]\n    - [初中, 语文, 模块一, 课程一]\n",
         "- [初中, 语文, 模块一, 课程一]\nX", "catalog:\n  courses:\n    - [初中, 语文, 模块一, 课程一]\n    - [初中, 数学, 模块一, 课程二]\n",
         says=("课程一", "1", "3")),
    Case("PL509", "document:\n  title: 测试县2024年教师全员培训实施方案\n  attachments: [{label: 附件2, title: 报名表}]\n"
         "sections:\n  - title: 报名\n    content:\n      - 按附件3的要求填报。\n", "附件3",
         "document:\n  title: 测试县2024年教师全员培训实施方案\n  attachments: [{label: 附件2, title: 报名表}, {label: 附件3, title: 汇总表}]\n"
         "sections:\n  - title: 报名\n    content:\n      - 按附件3的要求填报。\n", says=("附件3", "附件2"), column_at="附件3"),
    Case("PL510", "assessments: [{id: 分层项目, total: 100}]\nsections:\n  - title: 考核\n    content: [按规定考核。]\n", "id: 分层项目",
         "assessments: [{id: 分层项目, total: 100}]\nsections:\n  - title: 考核\n    content: [{assessment: 分层项目}]\n", says=("分层项目",)),
    # a scheme the prose cites by its figures shows in the document: quiet
    Case("PL510", "assessments: [{id: 分层项目, total: 100}]\nsections:\n  - title: 考核\n    content: [按规定考核。]\n", "id: 分层项目",
         "assessments: [{id: 分层项目, total: 100}]\nsections:\n  - title: 考核\n    content: [满分{=assessments.分层项目.total}分。]\n",
         id="cited"),
    Case("PL510", "module_sets: [{id: 培训内容, modules: [师德, 教学]}]\nsections:\n  - title: 内容\n    content: [分为两个模块。]\n",
         "id: 培训内容",
         "module_sets: [{id: 培训内容, modules: [师德, 教学]}]\nsections:\n  - title: 内容\n"
         "    content: [分为{=modules.培训内容.count:cn}个模块。]\n", id="cited-module-set"),
    # -- ranges -------------------------------------------------------------------------
    Case("PL601", "tiers: [{name: 成长期教师, years: [8, 3]}]\n", "[8, 3]", "tiers: [{name: 成长期教师, years: [3, 8]}]\n", says=("8", "3")),
    Case("PL602", "tiers:\n  - {name: 新教师, years: [1, 3]}\n  - {name: 成长期教师, years: [3, 8]}\n", "成长期教师",
         "tiers:\n  - {name: 新教师, years: [1, 2]}\n  - {name: 成长期教师, years: [3, 8]}\n", says=("新教师", "成长期教师", "3")),
    Case("PL603", "tiers:\n  - {name: 新教师, years: [1, 2]}\n  - {name: 成长期教师, years: [4, 8]}\n", "成长期教师",
         "tiers:\n  - {name: 新教师, years: [1, 2]}\n  - {name: 成长期教师, years: [3, 8]}\n", says=("3",)),
    Case("PL604", "assessments:\n  - id: 参训\n    total: 100\n    pass_mark: 90\n    excellent_mark: 85\n", "pass_mark",
         "assessments:\n  - id: 参训\n    total: 100\n    pass_mark: 60\n    excellent_mark: 85\n", says=("90", "85")),
    # -- time ---------------------------------------------------------------------------
    Case("PL701", "period:\n  year: 2024\n  start: 2024-12\n  end: 2024-03\n", "start: 2024-12", PERIOD, says=("2024年12月", "2024年3月")),
    Case("PL701", PERIOD + "phases:\n  - {name: 研修, start: 2024-06-30, end: 2024-06-01}\n", "2024-06-30",
         PERIOD + "phases:\n  - {name: 研修, start: 2024-06-01, end: 2024-06-30}\n", says=("研修",), id="phase"),
    Case("PL702", PERIOD + "phases:\n  - {name: 暑假研修, start: 2024-01, end: 2024-04}\n", "暑假研修",
         PERIOD + "phases:\n  - {name: 暑假研修, start: 2024-03, end: 2024-04}\n", says=("暑假研修", "开始早于"), column_at="2024-01"),
    Case("PL702", PERIOD + "phases:\n  - {name: 总结, due: 2025-01-15}\n", "总结",
         PERIOD + "phases:\n  - {name: 总结, due: 2024-12-31}\n", says=("结束晚于",), column_at="2025-01-15", id="due-after-end"),
    Case("PL703", PERIOD + "phases:\n  - {name: 实施, start: 2024-05, end: 2024-10}\n  - {name: 启动, due: 2024-04-15}\n", "启动",
         PERIOD + "phases:\n  - {name: 启动, due: 2024-04-15}\n  - {name: 实施, start: 2024-05, end: 2024-10}\n", says=("启动", "实施")),
    Case("PL704", "document:\n  title: 测试县2024年教师全员培训实施方案\n  date: 2024-11-11\n" + PERIOD, "date: 2024-11-11",
         "document:\n  title: 测试县2024年教师全员培训实施方案\n  date: 2024-02-20\n" + PERIOD, says=("2024年11月11日", "2024年3月")),
    Case("PL705", "period:\n  year: 2023\n  start: 2023-03\n  end: 2023-12\n", "title:",
         "document:\n  title: 测试县2023年教师全员培训实施方案\nperiod:\n  year: 2023\n  start: 2023-03\n  end: 2023-12\n",
         says=("2024", "2023"), column_at="2024"),
    Case("PL705", "period:\n  year: 2025\n  start: 2024-03\n  end: 2024-12\n", "year: 2025", PERIOD, says=("2025", "2024"), id="period-year"),
    Case("PL706", "period:\n  year: 2024\n  cycle: {start: 2022, end: 2026, year: 1}\n", "cycle:",
         "period:\n  year: 2024\n  cycle: {start: 2022, end: 2026, year: 3}\n", says=("第 3 年", "第 1 年")),
    # -- prose --------------------------------------------------------------------------
    Case("PL801", "module_sets:\n  - {id: 新教师, modules: [师德, 班级管理, 教学基本功]}\nsections:\n  - title: 内容\n"
         "    content:\n      - 新教师设置两个模块。\n      - {module_sets: [新教师]}\n", "两个模块",
         "module_sets:\n  - {id: 新教师, modules: [师德, 班级管理, 教学基本功]}\nsections:\n  - title: 内容\n"
         "    content:\n      - 新教师设置{=modules.新教师.count:count}个模块。\n      - {module_sets: [新教师]}\n", says=("两个模块", "3"),
         column_at="两个模块"),
    Case("PL801", "sections:\n  - title: 模式\n    content:\n      - 融合于诊断示范、研课磨课、成果展示和总结提升等三个阶段。\n", "三个阶段",
         "sections:\n  - title: 模式\n    content:\n      - 融合于诊断示范、研课磨课、成果展示和总结提升等四个阶段。\n", says=("三个阶段", "4"),
         id="enumeration"),
    Case("PL801", "phases: [{name: 启动, due: 2024-04}, {name: 实施, due: 2024-10}]\nsections:\n  - title: 进度\n"
         "    content:\n      - 培训分三个阶段进行。\n      - {phases: staged}\n", "三个阶段",
         "phases: [{name: 启动, due: 2024-04}, {name: 实施, due: 2024-10}]\nsections:\n  - title: 进度\n"
         "    content:\n      - 培训分两个阶段进行。\n      - {phases: staged}\n", says=("2",), id="phases"),
    Case("PL802", "document:\n  title: 测试县2024年教师全员培训实施方案\n  number: 测教〔〕号\n", "number:",
         "document:\n  title: 测试县2024年教师全员培训实施方案\n  number: 测教〔2024〕3号\n", says=("〔〕",), column_at="〔〕"),
    Case("PL802", "sections:\n  - title: 时间\n    content: [培训于20__年3月开始。]\n", "20__",
         "sections:\n  - title: 时间\n    content: [培训于2024年3月开始。]\n", says=("20__",), column_at="20__", id="year-blank"),
    Case("PL802", "audience: XX县全体教师。\n", "audience", "audience: 测试县全体教师。\n", says=("XX",), id="xx"),
    Case("PL803", "document:\n  title: 测试县2024年教师全员培训实施方案\n  basis: [{title: 意见, number: 霍教职9号}]\n", "霍教职9号",
         "document:\n  title: 测试县2024年教师全员培训实施方案\n  basis: [{title: 意见, number: 霍教职〔2024〕9号}]\n", says=("霍教职9号", "年份")),
    Case("PL803", "document:\n  title: 测试县2024年教师全员培训实施方案\n  number: 测教[2024]第09号\n", "number:",
         "document:\n  title: 测试县2024年教师全员培训实施方案\n  number: 测教〔2024〕9号\n", says=("测教〔2024〕9号",), id="brackets"),
    Case("PL804", "audience: 全镇教师,含幼儿园(公办)教师。\n", "audience", "audience: 全镇教师，含幼儿园（公办）教师。\n",
         says=("3", ","), column_at=","),
    Case("PL805", "document:\n  title: 测试县2024年教师全员培训实施方案\n  basis: [{title: 《教师法》}]\n", "basis",
         "document:\n  title: 测试县2024年教师全员培训实施方案\n  basis: [{title: 教师法}]\n", says=("《教师法》",)),
    # -- policy (on only when asked) -----------------------------------------------------
    Case("PL901", "hours: {required: 60}\n", "required: 60", "hours: {required: 72}\n", says=("60", "72"), policy=True),
    Case("PL901", "hours: {required: 72}\n", "required: 72", "hours: {required: 90}\n", says=("72", "90"), policy=True,
         policy_params={"annual_hours": 90}, id="provincial-floor"),
    Case("PL902", "period:\n  cycle: {start: 2022, end: 2026, total_hours: 300}\n", "cycle:",
         "period:\n  cycle: {start: 2022, end: 2026, total_hours: 360}\n", says=("300", "360"), policy=True, column_at="300"),
    Case("PL903", "period:\n  cycle: {start: 2022, end: 2026, total_hours: 360, school_based_hours: 100}\n", "cycle:",
         "period:\n  cycle: {start: 2022, end: 2026, total_hours: 360, school_based_hours: 120}\n", says=("100", "120"), policy=True, column_at="100"),
    Case("PL904", "hours: {required: 72, new_teacher: 100}\n", "new_teacher", "hours: {required: 72, new_teacher: 120}\n", says=("100", "120"),
         policy=True, column_at="100"),
    Case("PL905", "posts: [{name: 班主任, hours: 20}]\n", "班主任", "posts: [{name: 班主任, hours: 30}]\n", says=("20", "30"), policy=True,
         column_at="20"),
    Case("PL906", "hours:\n  required: 90\n  components: [{name: 专业知识, hours: 50}, {name: 公需知识, hours: 40}]\n", "components",
         "hours:\n  required: 90\n  components: [{name: 专业知识, hours: 60}, {name: 公需知识, hours: 30}]\n", says=("50", "60"), policy=True,
         policy_params={"professional_hours": 60, "public_hours": 30}, column_at="50"),
    *FIGURE_CASES,
    *BAND_CASES,
    *POLICY_CASES,
    *PROSE_FIGURE_CASES,
    *PEOPLE_CASES,
    *CITATION_CASES,
    *TIME2_CASES,
    *REPEAT_CASES,
    *BLOCK_CASES,
    *NUMBERING_CASES,
]


def _id(case: Case) -> str:
    return case.code + (f"-{case.id}" if case.id else "")


def _check(case: Case, which: str, lang: str = "zh"):
    return check(case.text(which), select=[case.code] if case.policy else None, policy=case.policy,
                 policy_params=case.policy_params or None, lang=lang)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_rule_fires_at_the_figure(case: Case):
    text = textwrap.dedent(case.text("bad"))
    found = only(_check(case, "bad"), case.code)
    assert found, f"{case.code} did not fire"
    d = found[0]
    needle = case.at.split("\n")[0]
    if "\nX" in case.at:  # the last line containing the needle (a repeated row)
        expected = max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)
    else:
        expected = line_of(text, needle)
    assert d.line == expected, f"{case.code} points at line {d.line}, expected {expected}: {d.message}"
    for figure in case.says:
        assert figure in d.message, f"{figure!r} not in {d.message!r}"
    if case.column_at:
        line = text.splitlines()[d.line - 1]
        assert d.column == line.index(case.column_at) + 1, (line, d.column)
    if case.path:
        assert d.path == case.path
    if case.related:
        assert tuple(r.path for r in d.related) == case.related


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_rule_quiet_on_the_corrected_plan(case: Case):
    report = _check(case, "good")
    assert case.code not in codes(report), [d.message for d in report.diagnostics]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_rule_message_in_english(case: Case):
    zh = only(_check(case, "bad"), case.code)[0].message
    en = only(_check(case, "bad", "en"), case.code)[0].message
    assert en != zh and any(c.isascii() and c.isalpha() for c in en)
    assert "{" not in en.replace("{=", "") and "{" not in zh.replace("{=", ""), "unfilled message placeholder"


def test_every_rule_has_a_case():
    covered = {c.code for c in CASES}
    missing = [r.code for r in all_rules() if r.code not in covered]
    assert not missing, f"rules without a fire/quiet case: {missing}"


def test_policy_rules_are_off_by_default():
    case = next(c for c in CASES if c.code == "PL901")
    assert "PL901" not in codes(check(case.text("bad")))
    assert "PL901" in codes(check(case.text("bad"), policy=True))


def test_every_rule_documents_itself():
    for r in all_rules():
        assert r.doc and r.doc_en and r.title and r.title_en, r.code
        assert r.family in ("sums", "bounds", "conversions", "coverage", "ranges", "time", "prose", "policy")
        assert r.code.startswith(FAMILIES[r.family].prefix) and family_of(r.code) is FAMILIES[r.family], r.code


def test_families_carry_what_each_code_may_do():
    for info in all_codes():
        family = family_of(info.code)
        assert family is FAMILIES[info.family] and info.code.startswith(family.prefix), info.code
    # format and structure problems must be fixed; rule findings (and a rule's crash) may be suppressed
    assert [c for c in ("PL001", "PL010", "PL012", "PL101", "PL100") if family_of(c).suppressible] == []
    assert all(family_of(c).suppressible for c in ("PL201", "PL504", "PL804", "PL901", "PL999"))
    # rules still run beside structural errors, not beside reading errors
    assert family_of("PL103").rules_beside and not family_of("PL001").rules_beside
    # references and crashes are left out of a run on the valid parts only
    assert not family_of("PL501").partial and not family_of("PL999").partial and family_of("PL201").partial
