"""``plancc import``: where it writes, what it refuses, the report, the exit codes.

The reader is replaced by a function giving a SourceDoc (plancc.importer.read is the one
place the command reads through), so these tests run whatever reader is installed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import plancc.importer
from plancc.cli.main import cli, run
from plancc.importer.source import Place, SourceDoc, SPara


def _doc(*texts: str) -> SourceDoc:
    return SourceDoc([SPara(t, Place(paragraph=i)) for i, t in enumerate(texts, 1)], path="去年.docx")


GOOD = _doc("某县2024年教师培训实施方案", "各学校：", "为做好培训，特制定本方案。", "一、培训对象", "全县教师。",
            "二、培训时间", "（二）时间安排", "2024年9月至12月。", "某县教育局", "2024年8月1日")


@pytest.fixture
def source(monkeypatch, tmp_path):
    """A .docx path whose reading gives GOOD (or what the test sets in holder[0])."""
    holder = [GOOD]
    path = tmp_path / "去年.docx"
    path.write_bytes(b"PK\x03\x04 not really read")
    monkeypatch.setattr(plancc.importer, "read", lambda p, lang="zh": holder[0])
    return path, holder


def _run(args, env=None):
    return CliRunner().invoke(cli, args, env={"PLANCC_LANG": None, **(env or {})}, prog_name="plancc")


def test_writes_the_yaml_beside_the_input_and_reports(source):
    path, _ = source
    result = _run(["import", str(path), "--isolated"])
    assert result.exit_code == 0, result.output
    out = path.with_suffix(".yaml")
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert plan["document"]["title"] == "某县2024年教师培训实施方案" and plan["document"]["issuer"] == "某县教育局"
    assert path.read_bytes() == b"PK\x03\x04 not really read"  # the input is untouched
    assert "已写出" in result.output and "照录为文字" in result.output
    # every guess with its place in the source
    assert "推断（" in result.output and "第7段" in result.output
    assert "导入结果通过 plancc validate 的检查" in result.output or "plancc validate 的检查" in result.output


def test_refuses_to_overwrite_a_plan_unless_forced(source):
    path, _ = source
    out = path.with_suffix(".yaml")
    out.write_text("mine", encoding="utf-8")
    result = _run(["import", str(path), "--isolated"])
    assert result.exit_code == 2 and "已存在" in result.output
    assert out.read_text(encoding="utf-8") == "mine"
    assert _run(["import", str(path), "--isolated", "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_never_writes_over_its_input(source):
    path, _ = source
    result = _run(["import", str(path), "-o", str(path), "--isolated", "--force"])
    assert result.exit_code == 2
    assert path.read_bytes() == b"PK\x03\x04 not really read"


def test_dash_writes_the_plan_to_stdout(source, tmp_path, capsys, monkeypatch):
    path, _ = source
    monkeypatch.delenv("PLANCC_LANG", raising=False)
    # the real entry point on the real streams (click's test runner mixes them in older clicks)
    assert run(["import", str(path), "-o", "-", "--isolated"]) == 0
    out, err = capsys.readouterr()
    assert yaml.safe_load(out)["document"]["title"] == "某县2024年教师培训实施方案"
    assert "推断（" in err  # the report goes to stderr, the plan alone to stdout
    assert not path.with_suffix(".yaml").exists()


def test_output_option_names_the_file(source, tmp_path):
    path, _ = source
    out = tmp_path / "plans" / "new.yaml"
    assert _run(["import", str(path), "-o", str(out), "--isolated"]).exit_code == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["plancc"] == 1


def test_english_report(source):
    path, _ = source
    result = _run(["import", str(path), "--isolated", "--lang", "en"])
    assert result.exit_code == 0
    assert "wrote" in result.output and "guesses (" in result.output and "paragraph 7" in result.output
    assert "推断" not in result.output


def test_exit_1_when_the_written_plan_has_errors(source):
    path, holder = source
    holder[0] = _doc("方案", "一、目标", "于20__年完成。")  # a placeholder left in the source: PL802, an error
    result = _run(["import", str(path), "--isolated"])
    assert path.with_suffix(".yaml").exists()
    assert result.exit_code == 1, result.output
    assert "PL802" in result.output


def test_an_unknown_suffix_is_a_usage_error(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("x", encoding="utf-8")
    result = _run(["import", str(path)])
    assert result.exit_code == 2 and ".docx" in result.output
    assert not (tmp_path / "plan.yaml").exists()


def test_a_missing_file_is_a_usage_error(tmp_path):
    result = _run(["import", str(tmp_path / "none.docx")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_reader_that_fails_with_a_plancc_error_keeps_its_exit_code(monkeypatch, tmp_path):
    from plancc.errors import UsageError

    def broken(p, lang="zh"):
        raise UsageError("无法读取：不是 Word 文档")

    monkeypatch.setattr(plancc.importer, "read", broken)
    path = tmp_path / "bad.docx"
    path.write_bytes(b"junk")
    assert run(["import", str(path), "--isolated"]) == 2
    assert not (tmp_path / "bad.yaml").exists()


def test_the_pipeline_calls_recognise_when_it_is_installed(monkeypatch):
    import sys
    import types

    mod = types.ModuleType("plancc.importer.recognise")

    seen = {}

    def recognise(plan, doc, places):
        seen.update(places)
        return {**plan, "audience": "全县教师。"}, []

    mod.recognise = recognise
    monkeypatch.setitem(sys.modules, "plancc.importer.recognise", mod)
    plan, _ = plancc.importer.run_import(GOOD)
    assert plan["audience"] == "全县教师。"
    # structure tells recognise where each part of the plan was read
    assert seen[("document", "title")].paragraph == GOOD.blocks[0].place.paragraph


def test_the_import_is_the_command_listed(source):
    result = _run(["--help"])
    assert "import" in result.output
    assert Path(plancc.importer.__file__).name == "__init__.py"


def test_read_refuses_what_is_no_word_document_and_reads_the_rest(monkeypatch, tmp_path):
    from plancc.errors import UsageError

    with pytest.raises(UsageError) as err:
        plancc.importer.read(tmp_path / "plan.yaml")
    assert err.value.exit_code == 2 and ".docx" in str(err.value)
    seen = []
    import plancc.importer.docx as reader

    monkeypatch.setattr(reader, "read_document", lambda p, lang="zh": seen.append((p, lang)) or GOOD)
    assert plancc.importer.read(tmp_path / "a.DOC", "en") is GOOD and seen == [(tmp_path / "a.DOC", "en")]


CORPUS = Path(__file__).resolve().parents[1] / "importer" / "corpus"


@pytest.mark.parametrize("name", ["binchuan-typed.docx", "luoerling-autonum.docx", "huaibei-autonum-merged.docx"])
def test_import_of_the_corpus_end_to_end(name, tmp_path):
    """The real reader, structure and writer on clerk-made documents: written, no errors, the outline found."""
    import shutil

    src = tmp_path / name
    shutil.copy(CORPUS / name, src)
    assert run(["import", str(src), "--isolated"]) == 0
    plan = yaml.safe_load(src.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert plan["document"]["title"] and len(plan["sections"]) >= 5
    assert (CORPUS / name).read_bytes() == src.read_bytes()


def test_a_file_that_is_no_word_document_is_exit_2(tmp_path):
    path = tmp_path / "junk.docx"
    path.write_bytes(b"\x00junk" * 100)
    assert run(["import", str(path), "--isolated"]) == 2
    assert not (tmp_path / "junk.yaml").exists()


def test_a_guess_without_a_place_is_listed_without_one():
    from plancc.cli.import_ import summary_lines
    from plancc.importer.source import Guess

    lines = summary_lines({"plancc": 1, "document": {"title": "方案"}}, [Guess("import.guess.items", Place(), (("count", 3),))], "zh")
    assert lines[-1] == "  连续3个编号段落认作列表（items）"
