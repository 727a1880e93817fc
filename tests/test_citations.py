"""The registry of cited documents (plancc/citations.py), its extension by plancc.toml
[citations] files, and the citation rules' silence on real plans."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancc.citations import CitedDocument, Registry, builtin, issuer_agrees, number_key, resembles, title_key, well_formed
from plancc.cli.main import cli
from plancc.config import ConfigError, load_config
from tests.helpers import ROOT, check

CITATION_CODES = ["PL806", "PL807", "PL808", "PL809"]


# -- the built-in registry ------------------------------------------------------------

def test_builtin_registry_loads_once_and_knows_its_documents():
    reg = builtin()
    assert builtin() is reg  # cached per process
    assert len(reg.entries) >= 15
    strong = reg.by_name("强师计划")
    assert strong is not None and strong.number == "教师〔2022〕6号" and strong.issuer == "教育部等八部门"
    assert reg.numbered("教师［2022］06号") is strong
    assert reg.numbered("教育部令7号").title == "中小学教师继续教育规定"
    assert reg.by_name("中华人民共和国教师法").number is None
    # every number in the data is unique and in the form the rules compare
    numbers = [number_key(d.number) for d in reg.entries if d.number]
    assert len(numbers) == len(set(numbers))
    assert all(well_formed(d.number) for d in reg.entries if d.number)


@pytest.mark.parametrize("written", ["教师〔2022〕6号", "教师[2022]6号", "教师［2022］6号", "教师 〔2022〕 6 号",
                                     "教师（2022）6号", "教师〔2022〕第6号", "教师〔２０２２〕６号"])
def test_number_keys_forget_how_a_number_is_written(written):
    assert number_key(written) == "教师〔2022〕6号"


def test_order_numbers_are_one_with_or_without_di():
    assert number_key("教育部令第7号") == number_key("教育部令7号")


@pytest.mark.parametrize("written", ["《中共中央 国务院关于全面深化新时代教师队伍建设改革的意见》",
                                     "中共中央国务院关于全面深化新时代教师队伍建设改革的意见",
                                     "关于全面深化新时代教师队伍建设改革的意见"])
def test_title_keys_forget_brackets_spaces_and_issuer(written):
    assert builtin().by_name(written).number == "中发〔2018〕4号"


def test_an_issuer_that_is_not_the_registered_one_is_another_document():
    doc = builtin().by_name("教育部等六部门关于加强新时代乡村教师队伍建设的意见")
    assert issuer_agrees("教育部等六部门关于加强新时代乡村教师队伍建设的意见", doc)
    assert not issuer_agrees("云南省教育厅等六部门关于加强新时代乡村教师队伍建设的意见", doc)


def test_a_part_of_a_document_resembles_it():
    standards = builtin().numbered("教材〔2022〕2号")
    assert resembles("义务教育数学课程标准（2022年版）", standards)
    assert not resembles("新时代基础教育强师计划", standards)


def test_a_later_entry_replaces_an_earlier_one():
    reg = Registry([CitedDocument(title="甲文件", number="某〔2020〕1号", issuer="某厅")])
    newer = reg.extended([CitedDocument(title="甲文件", number="某〔2020〕2号", issuer="某厅")])
    assert newer.by_name("甲文件").number == "某〔2020〕2号"
    assert reg.by_name("甲文件").number == "某〔2020〕1号"


# -- the rules stay quiet on documents the registry does not know, and on right citations --

_DOC = "plancc: 1\ndocument:\n  title: 测试县2022年教师全员培训实施方案\n  date: 2022-08-01\n"


@pytest.mark.parametrize("basis", [
    "{title: 某县教师培训规划, number: 某教〔2022〕6号}",
    "{title: 新时代基础教育强师计划, number: 皖教师〔2022〕3号}",  # a province's forwarding notice
    "{title: 云南省教育厅等六部门关于加强新时代乡村教师队伍建设的意见, number: 云教师〔2021〕5号}",
    "{title: 关于加强新时代乡村教师队伍建设的意见, number: 云教师〔2021〕5号}",
    "{title: 新时代幼儿园教师职业行为十项准则, number: 教师〔2018〕16号}",
    "{title: 小学教师专业标准（试行）, number: 教师〔2012〕1号}",
    "{title: 中小学教师继续教育规定, number: 教育部令第7号}",
    "{title: 中华人民共和国教师法, number: 主席令第十五号}",
    "{title: 教育部关于印发《教育信息化2.0行动计划》的通知, number: 教技〔2018〕6号}",
])
def test_no_citation_finding_on_a_right_or_unknown_citation(basis):
    report = check(_DOC + f"  basis:\n    - {basis}\n", select=CITATION_CODES + ["PL803"])
    assert [d.code for d in report.diagnostics] == []


def test_a_citation_in_prose_without_a_number_is_checked_only_for_its_date():
    quiet = check(_DOC + "  preamble: 根据《强师计划》精神，制定本方案。\n", select=CITATION_CODES)
    assert quiet.diagnostics == []


def test_english_messages_name_the_registered_number():
    report = check(_DOC + "  basis:\n    - {title: 强师计划, number: 教师〔2020〕6号}\n", select=["PL806"], lang="en")
    [d] = report.diagnostics
    assert "教师〔2022〕6号" in d.message and "2022-04-02" in d.message and "number of" in d.message


# -- real plans: the three examples and the citations of the seeds ----------------------

def test_example_plans_have_no_citation_findings():
    result = CliRunner().invoke(cli, ["validate", "--isolated", str(ROOT / "plans")], catch_exceptions=False)
    assert "检查了 3 个文件" in result.output
    assert not any(code in result.output for code in CITATION_CODES), result.output


# the sentences of the three real plans (the seeds) that cite documents, as they were written
SEED_CITATIONS = [
    ("2022-11-10", "根据《宾川县中小学幼儿园教师继续教育全员培训规划（2022-2026年）》，宾川县2022年启动新一轮五年规划第一年的培训活动，特制定实施方案如下："),
    ("2022-11-10", "由县管理员将各校（园）上报的《宾川县2022年中小学幼儿园教师继续教育全员培训各子项目参训学员信息表》（附件3）、"
                   "《宾川县2022年中小学幼儿园教师继续教育全员培训管理员信息收集汇总表》（附件4）汇总后，发送至教研室邮箱。"),
    ("2022-09", "根据《中共中央国务院关于全面深化新时代教师队伍建设改革的意见》、《中小学教师培训课程指导标准》、《深化新时代教育评价改革总体方案》等文件精神，"
                "按照淮北市教育局关于 2022-2023 学年度中小学教师继续教育远程培训要求，遵循教师培训和教师专业成长规律。"),
    ("2024-08", "根据《中共中央国务院关于弘扬教育家精神加强新时代高素质专业化教师队伍建设的意见》(以下简称《意见》《中小学教师培训课程指导标准》、"
                "霍教职9号2024-2025学年度中小学教师全员培训实施方案等文件及习近平总书记在全国教育大会上的重要讲话精神。"),
    ("2024-08", "以习近平总书记重要论述《论教育》和《意见》为核心内容，以国家智慧教育公共服务平台专题学习和专题宣讲为主要形式。"),
]


@pytest.mark.parametrize("date, sentence", SEED_CITATIONS)
def test_the_seeds_citations_have_no_citation_findings(date, sentence):
    report = check("plancc: 1\ndocument:\n  title: 测试县教师全员培训实施方案\n" f"  date: '{date}'\n" f"  preamble: '{sentence}'\n",
                   select=CITATION_CODES)
    assert report.plan is not None
    assert report.diagnostics == []


# -- plancc.toml [citations] files ------------------------------------------------------

PROVINCE = """\
documents:
  - title: 某省中小学教师全员培训规划
    number: 某教师〔2023〕8号
    issuer: 某省教育厅
    date: "2023-03"
    aliases: [全员培训规划]
"""


def _repo(tmp_path: Path, registry: str | None, toml: str = '[citations]\nfiles = ["citations.yaml"]\n') -> Path:
    (tmp_path / "plancc.toml").write_text(toml, encoding="utf-8")
    if registry is not None:
        (tmp_path / "citations.yaml").write_text(registry, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(textwrap.dedent("""\
        plancc: 1
        document:
          title: 测试县2024年教师全员培训实施方案
          date: 2024-08-01
          basis:
            - {title: 某省中小学教师全员培训规划, number: 某教师〔2023〕9号}
            - {title: 强师计划, number: 教师〔2022〕6号}
        """), encoding="utf-8")
    return tmp_path


def _run(args, cwd: Path, env: dict | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_a_repository_adds_its_provinces_documents(tmp_path):
    repo = _repo(tmp_path, PROVINCE)
    config = load_config(repo / "plancc.toml")
    reg = config.citation_registry()
    assert reg.by_name("全员培训规划").number == "某教师〔2023〕8号"
    assert reg.by_name("强师计划") is not None  # the built-in list is kept
    result = _run(["validate", "plan.yaml"], repo)
    assert result.exit_code == 1
    assert "PL806" in result.output and "某教师〔2023〕8号" in result.output and "某省教育厅" in result.output
    shown = _run(["show", "plan.yaml"], repo)
    assert "某教师〔2023〕8号" in shown.output and "登记表中有此文件" in shown.output


def test_without_the_file_the_provincial_document_is_unknown(tmp_path):
    repo = _repo(tmp_path, None, toml="")
    result = _run(["validate", "plan.yaml"], repo)
    assert "PL806" not in result.output


@pytest.mark.parametrize("registry, where, says", [
    ("documents:\n- title: 某文件\n  number: 某〔2023〕1号\n  isuer: 某厅\n", ":4:3:", "isuer"),
    ("documents:\n- number: 某〔2023〕1号\n  issuer: 某厅\n", ":2:3:", "title"),
    ("documents:\n- title: 某文件\n  issuer: 某厅\n  date: 2023-13\n", ":4:9:", "13"),
    ("documents:\n- title: 某文件\n  issuer: '  '\n", ":3:11:", "空白"),
    ("document:\n- title: 某文件\n", ":1:1:", "documents"),
    ("- title: 某文件\n", ":1:1:", "映射"),
    ("documents:\n- title: [某文件\n", ":3:1:", ""),
])
def test_a_bad_registry_file_is_a_located_config_error(tmp_path, registry, where, says):
    repo = _repo(tmp_path, registry)
    result = _run(["validate", "plan.yaml"], repo)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "citations.yaml" + where in result.output, result.output
    assert says in result.output


def test_a_missing_registry_file_names_the_line_of_plancc_toml(tmp_path):
    repo = _repo(tmp_path, None)
    with pytest.raises(ConfigError) as exc:
        load_config(repo / "plancc.toml")
    assert "plancc.toml:2" in str(exc.value) and "citations.yaml" in str(exc.value)
    with pytest.raises(ConfigError) as exc:
        load_config(repo / "plancc.toml", lang="en")
    assert "is not an existing file" in str(exc.value)


def test_registry_file_errors_in_english(tmp_path):
    repo = _repo(tmp_path, "documents:\n- title: 某文件\n  issuer: 某厅\n  isuer: 某厅\n")
    result = _run(["validate", "plan.yaml"], repo, env={"PLANCC_LANG": "en"})
    assert result.exit_code == 2
    assert "unknown key 'documents[0].isuer'" in result.output and "here: title, number" in result.output


@pytest.mark.parametrize("files, says", [('["/etc/citations.yaml"]', "不是相对路径"), ('[""]', "空字符串")])
def test_registry_paths_are_relative(tmp_path, files, says):
    repo = _repo(tmp_path, PROVINCE, toml=f"[citations]\nfiles = {files}\n")
    with pytest.raises(ConfigError) as exc:
        load_config(repo / "plancc.toml")
    assert says in str(exc.value) and "plancc.toml:2" in str(exc.value)
