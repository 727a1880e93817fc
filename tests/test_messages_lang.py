"""Messages from every stage follow the language asked for: English output holds no Chinese
prose, Chinese output no English sentence (the words come from plancc.catalog)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plancc.catalog import message

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: three English words in a row: a sentence, not a key, an element or a path
ENGLISH = re.compile(r"\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")

PLAN = """\
plancc: 1
document:
  title: 测试县2024年教师全员培训实施方案
  issuer: 测试县教育局
  date: 2024-11-11
sections:
  - title: 培训安排
    content:
      - 全县教师参加培训。
"""

RULES_PLAN = """\
plancc: 1
document:
  title: 测试县2024年教师全员培训实施方案
  issuer: 测试县教育局
  date: 2024-11-11
period:
  year: 2024
  start: 2024-01
  end: 2024-12
  cycle: {start: 2022, end: 2026, year: 2}
phases:
  - {name: P, start: 2023-10, end: 2023-12}
tiers:
  - {name: A, years: [1, 5]}
  - {name: B, years: [4, 8]}
  - {name: C, years: [12, null]}
hours:
  required: 72
  offered: 50
  school_based: 80
sections:
  - title: 培训安排
    content:
      - 全县教师参加培训。  # plancc: ignore[XX1]
      - 全县教师参加考核。  # plancc: ignore[PL301]
"""


def plancc(*args: str, cwd: Path, lang: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLANCC_LANG": lang, "PLANCC_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "plancc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env=env)


def assert_english(text: str) -> None:
    assert text.strip()
    assert not CJK.search(text), text


def assert_chinese(text: str) -> None:
    assert CJK.search(text), text
    assert not ENGLISH.search(text), text


def assert_in(lang: str, text: str) -> None:
    (assert_english if lang == "en" else assert_chinese)(text)


def _repo(tmp_path: Path, toml: str = "", files: dict[str, str] | None = None, plan: str = PLAN) -> Path:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    if toml:
        (tmp_path / "plancc.toml").write_text(toml, encoding="utf-8")
    for name, text in (files or {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _stderr_of_render(repo: Path, lang: str, code: int) -> str:
    proc = plancc("render", "plan.yaml", cwd=repo, lang=lang)
    out = proc.stdout + proc.stderr
    assert proc.returncode == code and "Traceback" not in out, out
    return proc.stderr


# ---------------------------------------------------------------- layout profile


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_profile_margin_out_of_range_is_worded_in_the_language(tmp_path, lang):
    repo = _repo(tmp_path, '[render]\nprofile = "county.yaml"\n', {"county.yaml": "page:\n  margins:\n    top: -5\n"})
    err = _stderr_of_render(repo, lang, 2)
    assert "county.yaml:3:" in err and "page.margins.top" in err and "31680" in err, err
    assert_in(lang, err.replace("page.margins.top", ""))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_margins_leaving_no_type_area_are_worded_in_the_language(tmp_path, lang):
    repo = _repo(tmp_path, '[render.layout]\n"page.margins.left" = 6000\n"page.margins.right" = 6000\n')
    err = _stderr_of_render(repo, lang, 2)
    assert message("profile.margins_too_wide", lang) in err, err
    assert_in(lang, err)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bad_layout_override_in_plancc_toml_follows_the_language(tmp_path, lang):
    repo = _repo(tmp_path, '[render.layout]\n"styles.body.size" = 0\n')
    proc = plancc("validate", "plan.yaml", cwd=repo, lang=lang)
    assert proc.returncode == 2, proc.stderr
    assert "plancc.toml:2:" in proc.stderr and "3276" in proc.stderr, proc.stderr
    assert_in(lang, proc.stderr.replace("styles.body.size", "").replace("render.layout", ""))


def test_profile_problems_through_the_public_function():
    from plancc.layout.profile import ProfileError, load_profile

    for lang in ("en", "zh"):
        with pytest.raises(ProfileError) as info:
            load_profile(overrides={"table.width": 9000}, lang=lang)
        assert_in(lang, str(info.value).replace("gbt9704.yaml", ""))
        with pytest.raises(ProfileError) as info:
            load_profile(overrides={"styles.note.name": "Normal"}, lang=lang)
        assert "Normal" in str(info.value)
        assert_in(lang, str(info.value).replace("styles.note.name", "").replace("styles", ""))


# ---------------------------------------------------------------- templates and their outlines


def _template_repo(tmp_path: Path, template: str) -> Path:
    return _repo(tmp_path, '[render]\ntemplate = "t"\n', {"templates/t/plan.xml.j2": template})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_outline_parse_error_detail_follows_the_language(tmp_path, lang):
    repo = _template_repo(tmp_path, '<document><table><col title="a"/><row><p>x</p></row></table></document>')
    err = _stderr_of_render(repo, lang, 1)
    assert "<row>" in err and "<p>" in err, err
    assert_in(lang, err)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_table_spanning_too_many_columns_follows_the_language(tmp_path, lang):
    repo = _template_repo(tmp_path, '<document><table name="x"><col title="a"/><row><cell>1</cell><cell>2</cell></row></table></document>')
    err = _stderr_of_render(repo, lang, 1)
    assert "<table name='x'>" in err, err
    assert_in(lang, err)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_template_error_follows_the_language(tmp_path, lang):
    repo = _template_repo(tmp_path, "<document>{{ 1 / 0 }}</document>")
    err = _stderr_of_render(repo, lang, 1)
    assert "ZeroDivisionError" in err and "plan.xml.j2:1" in err, err
    assert_in(lang, err.replace("ZeroDivisionError: division by zero", ""))


def test_a_template_syntax_error_in_english(tmp_path):
    err = _stderr_of_render(_template_repo(tmp_path, "<document>{% for %}</document>"), "en", 1)
    assert "template syntax error" in err and "plan.xml.j2:1" in err, err
    assert_english(err)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_missing_template_follows_the_language(tmp_path, lang):
    err = _stderr_of_render(_repo(tmp_path, '[render]\ntemplate = "nowhere"\n'), lang, 1)
    assert "nowhere" in err, err
    assert_in(lang, err.replace("templates/", "").replace("plan.xml.j2", ""))


def test_outline_error_words_in_both_languages():
    from plancc.layout.outline import OutlineError

    exc = OutlineError("outline.too_deep", depth=50)
    assert_english(exc.words("en"))
    assert_chinese(exc.words("zh"))
    assert str(exc) == exc.words("zh")


# ---------------------------------------------------------------- reports and rules


def _json_messages(repo: Path, lang: str) -> dict[str, str]:
    proc = plancc("validate", "plan.yaml", "--format", "json", cwd=repo, lang=lang)
    assert proc.returncode == 1, proc.stderr
    return {d["code"] + ":" + str(d["line"]): d["message"] for d in json.loads(proc.stdout)["diagnostics"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rule_details_and_suppression_messages_follow_the_language(tmp_path, lang):
    found = _json_messages(_repo(tmp_path, plan=RULES_PLAN), lang)
    codes = {key.split(":")[0] for key in found}
    # dates, a cycle detail, tiers' ranges, a part above its whole, a bad suppression
    assert {"PL702", "PL704", "PL706", "PL602", "PL603", "PL307", "PL011"} <= codes, found
    for key, text in found.items():
        assert_in(lang, text.replace("cycle.year", "").replace("hours.offered", "").replace("hours.required", ""))
    if lang == "en":
        assert "dated 2024-11-11, after the training starts on 2024-01" in found["PL704:5"], found
        assert "(2023-10 to 2023-12) begins before the training period 2024-01 to 2024-12" in found["PL702:12"], found
        assert "(1–5)" in found["PL602:15"] and "(12+)" in found["PL603:16"], found
    else:
        assert "（1—5年）" in found["PL602:15"] and "（12年以上）" in found["PL603:16"], found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unknown_key_lists_the_allowed_keys_in_the_language(tmp_path, lang):
    plan = PLAN.replace("  date: 2024-11-11\n", "  date: 2024-11-11\n  zzzzzzzz: 1\n")
    found = _json_messages(_repo(tmp_path, plan=plan), lang)
    text = next(t for k, t in found.items() if k.startswith("PL101"))
    assert ("title, " if lang == "en" else "title、") in text, text


def test_sarif_texts_in_english(tmp_path):
    repo = _repo(tmp_path, plan=RULES_PLAN)
    proc = plancc("validate", "plan.yaml", "--format", "sarif", cwd=repo, lang="en")
    sarif = json.loads(proc.stdout)
    run = sarif["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        for part in ("shortDescription", "fullDescription", "help"):
            text = rule[part]["text"]  # English that may quote a Chinese form (“共100学时”, 《》)
            assert len(CJK.findall(text)) < len(text) / 4, (rule["id"], text)
    messages = [r["message"]["text"] for r in run["results"]]
    assert messages
    for text in messages:
        assert_english(text)


def test_sarif_texts_in_chinese(tmp_path):
    repo = _repo(tmp_path, plan=RULES_PLAN)
    proc = plancc("validate", "plan.yaml", "--format", "sarif", cwd=repo, lang="zh")
    run = json.loads(proc.stdout)["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        assert CJK.search(rule["shortDescription"]["text"]), rule["id"]
    for result in run["results"]:
        assert_chinese(result["message"]["text"].replace("cycle.year", "").replace("hours.offered", "").replace("hours.required", ""))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_include_folder_that_is_not_relative_follows_the_language(tmp_path, lang):
    repo = _repo(tmp_path, '[include]\nallow = ["/somewhere"]\n')
    proc = plancc("validate", "plan.yaml", cwd=repo, lang=lang)
    assert proc.returncode == 2 and "/somewhere" in proc.stderr, proc.stderr
    assert_in(lang, proc.stderr.replace("plancc.toml", "").replace("include.allow", ""))


def test_a_crashing_rule_is_reported_in_the_language():
    from plancc.catalog import message

    for lang in ("en", "zh"):
        assert_in(lang, message("runner.rule_crashed", lang, code="PL201", error="KeyError('x')").replace("KeyError('x')", ""))
