"""plancc show: tables that wrap instead of being cut, every form of hours, tiers, no invented 0,
and --format json|csv|xlsx from the same table model."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancc.cli.main import cli
from plancc.load import load_text
from plancc.model.build import build_plan
from plancc.report import export, tables

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
IDS = [p.stem for p in PLANS]


def _plan(text: str):
    p, diags = build_plan(load_text(textwrap.dedent(text), "p.yaml"))
    assert p is not None, diags
    return p


#: the head of the small plans these tests write: a county's one-year plan
_HEAD = "plancc: 1\ndocument: {title: 测试县2024年教师全员培训实施方案}\n"


def _county_plan(body: str):
    """A small plan: the county plan head, then ``body`` (indented as the test writes it)."""
    return _plan(_HEAD + textwrap.dedent(body))


def _model(path: Path):
    from plancc.config import Config
    from plancc.driver.check import check_file
    from plancc.driver.settings import Settings

    report = check_file(path, Settings.from_config(Config(None)))
    assert report.plan is not None
    return tables.plan_tables(report.plan, "zh")


def _show(args, columns=120, cwd=ROOT):
    env = {**os.environ, "COLUMNS": str(columns), "PLANCC_LANG": "zh"}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "plancc", "show", "--isolated", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=120)


def _column_text(out: str, title: str, header: str) -> str:
    """The text of one column of the table titled ``title``, its wrapped lines joined (spaces dropped)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    head = next(i for i in range(start, len(lines)) if "┃" in lines[i] and header in lines[i])
    # the header may wrap too: find the column by the header line that names it
    col = [c.strip() for c in lines[head].split("┃")].index(header)
    text = []
    for line in lines[head + 1:]:
        if line.startswith("└"):
            break
        if "│" in line:
            text.append(line.split("│")[col].strip())
    return "".join(text).replace(" ", "")


# --------------------------------------------------------------------------- the terminal

@pytest.mark.parametrize("columns", [80, 120])
def test_module_lists_themes_and_tasks_wrap_in_full(columns):
    plan = ROOT / "plans" / "binchuan-2022.yaml"
    r = _show([str(plan)], columns)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "…" not in out  # the plan has none: nothing is cut
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= columns
    p = _plan((plan).read_text(encoding="utf-8"))
    modules = _column_text(out, "模块组", "模块")
    for ms in p.module_sets:
        for name in ms.names:
            assert name.replace(" ", "") in modules, name
    themes = _column_text(out, "学段 × 层次", "主题")
    for stage in p.stages:
        for theme in stage.themes.values():
            assert theme is None or theme.replace(" ", "") in themes, theme
    tasks = _column_text(out, "进度安排", "任务")
    for ph in p.phases:
        for task in ph.task_list:
            assert task.replace(" ", "") in tasks, task


@pytest.mark.parametrize("path", PLANS, ids=IDS)
@pytest.mark.parametrize("columns", [80, 120])
def test_every_plan_fits_the_terminal(path, columns):
    from rich.cells import cell_len

    r = _show([str(path)], columns)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert max(cell_len(line) for line in out.splitlines()) <= columns
    assert "show." not in out  # every title comes from the catalog


def test_hours_table_shows_cycle_new_teacher_and_hour_figures():
    p = _plan("""\
        plancc: 1
        kind: cycle
        document: {title: 测试县2024—2026年教师培训规划}
        period: {cycle: {start: 2024, end: 2026, total_hours: 360, school_based_hours: 120}}
        hours: {new_teacher: 120, head_teacher: 30}
        figures:
          周期学时: {value: 360, unit: 学时, scope: cycle, at_least: true, parts: {师德: ≥50, 专业: 310}}
          参训人数: {value: 900, unit: 人}
        """)
    t = tables.hours_table(p, "zh")
    rows = {r[0]: r for r in t.rows}
    assert rows["新教师（试用期）"][1] == 120 and rows["新教师（试用期）"][4] == "试用期"
    assert rows["班主任专项培训"][1] == 30
    assert rows["周期总学时"][1] == 360 and rows["周期总学时"][4] == "每周期"
    assert rows["其中校本研修"][1] == 120
    assert rows["周期学时"][1:5] == [360, "学时", "不少于", "每周期"]
    assert rows["师德"][1:4] == [50, "学时", "不少于"] and rows["专业"][1] == 310
    assert "参训人数" not in rows  # counted in 人, not 学时: in the figures table only


def test_hours_table_without_hours_is_left_out_not_shown_empty():
    p = _county_plan("figures: {参训人数: 900}\n")
    assert tables.hours_table(p, "zh") is None


def test_tiers_are_shown_with_their_years():
    t = tables.tiers_table(_county_plan("""\
        tiers: [{name: 新教师, years: [1, 2]}, {name: 提升期教师, years: [15, null]}, {name: 骨干教师}]
        """), "zh")
    assert t.rows == [["新教师", 1, 2, "教龄1-2年", None], ["提升期教师", 15, None, "教龄15年以上", None],
                      ["骨干教师", None, None, None, None]]
    out = _show([str(ROOT / "plans" / "binchuan-2022.yaml")]).stdout.decode()
    assert "教师层次" in out and "教龄15年以上" in out


def test_no_least_is_no_zero():
    p = _county_plan("""\
        assessments:
          - id: 参训教师
            total: 100
            items: [{name: 课程学习, points: 60}, {name: 研修作业, points: 40, minimum: 24}]
          - id: 校本
            items: [{name: 听课, points: 50, minimum: 30}, {name: 反思, points: 50, minimum: 30}]
        """)
    t = tables.items_table(p, "zh")
    minimum = [c.key for c in t.columns].index("minimum")
    assert [r[minimum] for r in t.totals] == [None, 60]  # not 24: 课程学习 states no least
    assert [r[minimum] for r in t.rows] == [None, 24, 30, 30]
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=120).print(export.rich_table(t))
    totals = [line for line in buf.getvalue().splitlines() if "合计" in line]
    assert len(totals) == 2 and not re.search(r"│\s+0\s+│", totals[0]) and re.search(r"│\s+60\s+│", totals[1])


def test_column_widths_keep_short_columns_and_share_the_rest():
    # fits: nothing to do
    assert export.column_widths([10, 20], [False, False], 40) is None
    # a date span kept on one line, the tasks wider than the name
    w = export.column_widths([14, 20, 4, 9, 157], [False, False, False, False, True], 70, [False, True, False, False, False])
    assert sum(w) <= 70 and w[1] == 20 and w[2] == 4 and w[4] > w[0] >= export.FLEX_MIN
    # too narrow for any of that: equal shares; narrower than two cells a column: left to rich
    assert sorted(export.column_widths([50, 50, 50], [False] * 3, 10)) == [3, 3, 4]
    assert export.column_widths([50, 50, 50], [False] * 3, 5) is None


# --------------------------------------------------------------------------- the files

@pytest.mark.parametrize("path", PLANS, ids=IDS)
def test_json_has_every_table_with_typed_values(path):
    r = _show([str(path.relative_to(ROOT)), "--format", "json"])
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(r.stdout.decode("utf-8"))
    model = _model(path)
    assert list(data["tables"]) == [t.name for t in model]
    assert data["file"] == path.relative_to(ROOT).as_posix() and data["title"]
    for name, t in data["tables"].items():
        keys = [c["key"] for c in t["columns"]]
        assert all(list(row) == keys for row in t["rows"] + t["totals"]), name
        for c in t["columns"]:
            values = [row[c["key"]] for row in t["rows"] + t["totals"] if row[c["key"]] is not None]
            if c["type"] in ("number", "percent"):
                assert all(isinstance(v, (int, float)) for v in values), (name, c)
            elif c["type"] == "int":
                assert all(isinstance(v, int) for v in values), (name, c)
            elif c["type"] == "date":
                assert all(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?( \d{2}:\d{2})?", v) for v in values), (name, c)
            else:
                assert all(isinstance(v, str) for v in values), (name, c)


@pytest.mark.parametrize("path", PLANS, ids=IDS)
def test_csv_of_every_table_reads_back_with_its_bom(path):
    for t in _model(path):
        r = _show([str(path), "--format", "csv", "--table", t.name])
        assert r.returncode == 0, r.stderr.decode()
        assert r.stdout.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8-sig"), newline="")))
        shown = [c for c in t.columns if c.file]
        assert rows[0] == [c.title for c in shown]
        assert len(rows) == 1 + len(t.rows) + len(t.totals)
        for row, values in zip(rows[1:], t.rows + t.totals):
            for text, value, c in zip(row, [v for v, c in zip(values, t.columns) if c.file], shown):
                if value is None:
                    assert text == ""
                elif c.kind in ("number", "int"):
                    assert float(text) == value
                elif c.kind == "percent":
                    assert text.endswith("%") and float(text[:-1]) == value


def _xlsx(path: Path, tmp_path: Path, *extra) -> Path:
    out = tmp_path / f"{path.stem}.xlsx"
    r = _show([str(path), "--format", "xlsx", "-o", str(out), *extra])
    assert r.returncode == 0, r.stderr.decode()
    assert "已写出" in r.stderr.decode()
    return out


@pytest.mark.parametrize("path", PLANS, ids=IDS)
def test_xlsx_has_a_sheet_per_table_with_numbers_and_dates(path, tmp_path):
    import openpyxl

    out = _xlsx(path, tmp_path)
    wb = openpyxl.load_workbook(out)
    model = _model(path)
    assert len(wb.sheetnames) == len(model) == len({n.lower() for n in wb.sheetnames})
    for name, t in zip(wb.sheetnames, model):
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        shown = [c for c in t.columns if c.file]
        assert [c.value for c in ws[1]] == [c.title for c in shown] and all(c.font.b for c in ws[1])
        for j, c in enumerate(shown, 1):
            assert ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width >= 4
            for k, values in enumerate(t.rows + t.totals, 2):
                value = [v for v, col in zip(values, t.columns) if col.file][j - 1]
                cell = ws.cell(row=k, column=j)
                if value is None:
                    assert cell.value is None
                elif c.kind in ("number", "int"):
                    assert cell.data_type == "n" and cell.value == value
                elif c.kind == "percent":
                    assert cell.data_type == "n" and cell.value == pytest.approx(value / 100) and "%" in cell.number_format
                elif c.kind == "date":
                    assert isinstance(cell.value, dt.datetime) and "年" in cell.number_format
                    assert cell.value.date() == value.first_day
                else:
                    assert cell.data_type == "s"


def test_xlsx_dates_keep_their_precision(tmp_path):
    import openpyxl

    out = _xlsx(ROOT / "plans" / "binchuan-2022.yaml", tmp_path)
    ws = openpyxl.load_workbook(out)["进度安排"]
    header = [c.value for c in ws[1]]
    due = ws.cell(row=2, column=header.index("截止") + 1)
    assert due.value == dt.datetime(2022, 11, 15) and due.number_format == 'yyyy"年"m"月"d"日"'
    out = _xlsx(ROOT / "plans" / "luoerling-2024-2025.yaml", tmp_path)
    ws = openpyxl.load_workbook(out)["进度安排"]
    header = [c.value for c in ws[1]]
    start = ws.cell(row=2, column=header.index("开始") + 1)
    assert start.value == dt.datetime(2024, 7, 1) and start.number_format == 'yyyy"年"m"月"'


def test_column_widths_count_cjk_as_two_cells(tmp_path):
    import openpyxl
    from rich.cells import cell_len

    out = _xlsx(ROOT / "plans" / "binchuan-2022.yaml", tmp_path)
    ws = openpyxl.load_workbook(out)["教师层次"]
    assert ws.column_dimensions["A"].width == cell_len("成长期教师") + 2  # 10 cells, not 5 characters


def _calc() -> bool:
    """Whether LibreOffice can open a workbook: Calc is a package of its own (libreoffice-calc)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(os.path.realpath(soffice)).parent
    return any(program.glob("libsclo.*"))


def test_libreoffice_reads_the_workbook(tmp_path):
    """A real spreadsheet opens the workbook: Chinese text, numbers, a percentage and a month as
    the cells show them (LibreOffice's CSV filter: comma, quote, UTF-8, first line, formatted text).
    Skipped without LibreOffice Calc, except in CI (PLANCC_REQUIRE_PDF), which installs it."""
    if not _calc():
        if os.environ.get("PLANCC_REQUIRE_PDF"):
            pytest.fail("LibreOffice Calc (libreoffice-calc-nogui) is required in CI to open .xlsx")
        pytest.skip("LibreOffice Calc is not installed (libreoffice-writer alone cannot open .xlsx)")
    out = _xlsx(ROOT / "plans" / "luoerling-2024-2025.yaml", tmp_path, "--table", "phases")
    csv_filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false'
    r = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", csv_filter,
                        "--outdir", str(tmp_path / "csv"), str(out)], capture_output=True, timeout=180)
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "csv" / "luoerling-2024-2025.csv").read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["阶段", "开始", "结束"]
    assert rows[1][:3] == ["暑假研修", "2024年7月", "2024年9月"] and "92" in rows[1]


# --------------------------------------------------------------------------- refusals

BROKEN = "plancc: 1\ndocument: {titel: x}\n"
WRONG_WEIGHTS = textwrap.dedent("""\
    plancc: 1
    document: {title: 测试县2024年教师全员培训实施方案}
    assessments:
      - id: 分层项目
        components:
          - {name: 过程性考核, weight: 70, points: 70}
          - {name: 在线考试, weight: 20, points: 100}
    """)


@pytest.mark.parametrize("text", [BROKEN, WRONG_WEIGHTS], ids=["unreadable", "rule-error"])
@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_a_plan_with_errors_writes_nothing(tmp_path, text, fmt):
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    args = [str(plan), "--format", fmt, "-o", str(out)] + (["--table", "components"] if fmt == "csv" else [])
    r = _show(args, cwd=tmp_path)
    assert r.returncode == 1, r.stderr.decode()
    assert re.search(r"p\.yaml:\d+:\d+: PL\d{3}", r.stderr.decode())
    assert not out.exists() and list(tmp_path.iterdir()) == [plan]
    r = _show(args[:3] + args[5:], cwd=tmp_path)  # to stdout: nothing on stdout either
    assert r.returncode == 1 and r.stdout == b""


def test_output_over_the_plan_or_an_include_is_refused(tmp_path):
    (tmp_path / "common.yaml").write_text("hours: {required: 72}\n", encoding="utf-8")
    plan = tmp_path / "p.yaml"
    text = "plancc: 1\ninclude: common.yaml\ndocument: {title: 测试县2024年教师全员培训实施方案}\n"
    plan.write_text(text, encoding="utf-8")
    for target in (plan, tmp_path / "common.yaml", tmp_path / "." / "p.yaml"):
        r = _show([str(plan), "--format", "json", "-o", str(target)], cwd=tmp_path)
        assert r.returncode == 2 and "拒绝写入" in r.stderr.decode()
    assert plan.read_text(encoding="utf-8") == text
    link = tmp_path / "link.json"
    link.symlink_to(plan)
    r = _show([str(plan), "--format", "xlsx", "-o", str(link)], cwd=tmp_path)
    assert r.returncode == 2 and plan.read_text(encoding="utf-8") == text


def test_output_to_a_folder_or_a_device(tmp_path):
    plan = ROOT / "plans" / "luoerling-2024-2025.yaml"
    r = _show([str(plan), "--format", "xlsx", "-o", str(tmp_path)])
    assert r.returncode == 2 and "目录" in r.stderr.decode()
    r = _show([str(plan), "--format", "xlsx", "-o", os.devnull])
    assert r.returncode == 0, r.stderr.decode()
    r = _show([str(plan), "--format", "csv", "--table", "hours", "-o", str(tmp_path / "new" / "h.csv")])
    assert r.returncode == 0 and (tmp_path / "new" / "h.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["h.csv"]  # no temporary file left


def test_xlsx_to_a_terminal_is_refused():
    import pty

    main, secondary = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "plancc", "show", "--isolated", str(ROOT / "plans" / "binchuan-2022.yaml"),
                            "--format", "xlsx"], stdout=secondary, stderr=subprocess.PIPE, timeout=120,
                           env={**os.environ, "PLANCC_LANG": "zh"})
    finally:
        os.close(secondary)
        os.close(main)
    assert r.returncode == 2 and "-o" in r.stderr.decode()


def test_xlsx_to_a_pipe_is_the_workbook():
    import openpyxl

    r = _show([str(ROOT / "plans" / "binchuan-2022.yaml"), "--format", "xlsx"])
    assert r.returncode == 0 and r.stdout[:2] == b"PK"
    assert "教师层次" in openpyxl.load_workbook(io.BytesIO(r.stdout)).sheetnames


def test_csv_needs_one_table_and_names_them(tmp_path):
    plan = ROOT / "plans" / "huaibei-2022-2023.yaml"
    r = CliRunner().invoke(cli, ["show", str(plan), "--format", "csv"])
    assert r.exit_code == 2 and "--table" in r.output and "items（考核项目）" in r.output
    r = CliRunner().invoke(cli, ["show", str(plan), "--table", "nosuch"])
    assert r.exit_code == 2 and "nosuch" in r.output and "hours（学时）" in r.output


def test_table_option_shows_the_long_tables_on_the_terminal():
    plan = ROOT / "plans" / "huaibei-2022-2023.yaml"
    brief = _show([str(plan)]).stdout.decode()
    assert "教师法及相关法律法规解读" not in brief and "--table courses" in brief
    out = _show([str(plan), "--table", "courses"]).stdout.decode()
    assert "教师法及相关法律法规解读" in out and "学时" not in out.splitlines()[1]


def test_words_that_look_like_formulas_stay_text(tmp_path):
    import openpyxl

    plan = tmp_path / "p.yaml"
    plan.write_text('plancc: 1\ndocument: {title: "测试县2024年教师全员培训实施方案"}\n'
                    'phases:\n  - {name: "=HYPERLINK(\\"http://x\\")", start: 2024-02, end: 2024-03}\n'
                    '  - {name: "@SUM(A1)", start: 2024-04, end: 2024-05}\n', encoding="utf-8")
    r = _show([str(plan), "--format", "csv", "--table", "phases"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(\"http://x\")" and rows[2][0] == "'@SUM(A1)"
    out = tmp_path / "p.xlsx"
    assert _show([str(plan), "--format", "xlsx", "-o", str(out)], cwd=tmp_path).returncode == 0
    ws = openpyxl.load_workbook(out)["进度安排"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == '=HYPERLINK("http://x")' and ws["A3"].value == "@SUM(A1)"


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    names = [export.sheet_name(t, taken) for t in ("考核：分层[项目]*?/\\", "很" * 40, "很" * 40, "'引号'", "")]
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) and n and not n.startswith("'") for n in names)
    assert len({n.lower() for n in names}) == len(names)


def test_english_titles_with_lang_en():
    r = _show([str(ROOT / "plans" / "binchuan-2022.yaml"), "--lang", "en", "--format", "json"])
    data = json.loads(r.stdout)
    assert data["tables"]["tiers"]["title"] == "Teacher tiers"
    assert data["tables"]["tiers"]["rows"][3]["years"] == "15 years or more"
    assert not any(re.search(r"[\u4e00-\u9fff]", c["title"]) for t in data["tables"].values() for c in t["columns"])


# --------------------------------------------------------------------------- wrapping

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CHARS = st.sampled_from(list("师德养成政策解读教育理念、，。（）“”《》 abcXYZ0123456789{}=._-"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=120).map("".join), st.integers(min_value=3, max_value=40))
def test_wrapping_keeps_every_character_and_the_width(text, width):
    from rich.cells import cell_len

    lines = export.wrap_text(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_wrapping_keeps_marks_with_their_words():
    assert export.wrap_text("幼儿发展规律观察、幼儿课程评价方法、“以生为本”的教学", 16) == [
        "幼儿发展规律观", "察、幼儿课程评价", "方法、“以生为本”", "的教学"]
    assert export.wrap_text("一二三四、五六七八。九十（一）“二”", 8) == ["一二三", "四、五六", "七八。九", "十（一）", "“二”"]
    assert export.wrap_text("the quick brown fox", 10) == ["the quick", "brown fox"]


def test_a_group_is_named_once_for_its_rows_and_again_for_a_new_group():
    from rich.console import Console

    p = _county_plan("""\
        assessments:
          - id: 甲
            items: [{part: 网络, name: a, points: 1}, {part: 网络, name: b, points: 1}, {part: 校本, name: c, points: 1}]
          - id: 乙
            items: [{part: 校本, name: d, points: 1}]
        """)
    buf = io.StringIO()
    Console(file=buf, width=80).print(export.rich_table(tables.items_table(p, "zh"), "zh", 80))
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in buf.getvalue().splitlines() if line.startswith("│")]
    assert [r[:3] for r in rows] == [["甲", "网络", "a"], ["", "", "b"], ["", "校本", "c"], ["乙", "校本", "d"],
                                     ["甲", "", "合计"], ["乙", "", "合计"]]
    # the files keep every value on every row
    assert [r[:2] for r in tables.items_table(p, "zh").rows] == [["甲", "网络"], ["甲", "网络"], ["甲", "校本"], ["乙", "校本"]]


def test_the_terminal_tables_to_a_file(tmp_path):
    out = tmp_path / "show.txt"
    r = _show([str(ROOT / "plans" / "binchuan-2022.yaml"), "-o", str(out)])
    assert r.returncode == 0 and r.stdout == b""
    text = out.read_text(encoding="utf-8")
    assert "教师层次" in text and "\x1b[" not in text  # plain text, no colour codes


def test_component_parts_are_written_as_the_plan_writes_them():
    p = _county_plan("""\
        assessments:
          - id: 甲
            components:
              - {name: 作业, weight: 100, points: 100, parts: {作业一: 50, 作业二: "≥20", 作业三: {value: 30, parts: {x: 30}}}}
        """)
    assert tables.components_table(p, "zh").rows == [["甲", "作业", 100, 100, "作业一 50、作业二 ≥20、作业三 30", None]]
