"""Templates: strict, sandboxed, and prose is never executed."""

import shutil
import textwrap

import pytest

from plancc.layout import LayoutError, lay_out, render_outline
from plancc.load import load_text
from plancc.model.build import build_plan

PLAN = """\
plancc: 1
document:
  title: 测试县2024年教师全员培训实施方案
  issuer: 测试县教育局
  date: 2024-11-11
hours:
  required: 90
  at_least: true
  components:
    - {name: 专业知识, hours: 60, at_least: true}
    - {name: 公需知识, hours: 30}
module_sets:
  - {id: 校长, verb: 设置, modules: [教育政策理念, 前沿理念指引, 助推教师成长, 领导课程建设, 优化学校管理], total_hours: 130, offer: 网络研修课程供参训校长选学}
phases:
  - {name: 暑假研修, start: 2024-07, end: 2024-09, tasks: 组织教师参加暑期线上学习。, form: 集中+远程}
  - {name: 总结提升, start: 2025-05, end: 2025-06, tasks: 总结。, form: 校本}
sections:
  - title: 培训学时
    content: [{hours: sentence}]
  - title: 培训内容
    content: ["本年度专题培训分为{=phases.count:cn}个阶段：", {module_sets: [校长]}]
  - title: 培训安排
    content: [{phases: staged}]
"""


def plan_of(text):
    loaded = load_text(textwrap.dedent(text), "plan.yaml")
    plan, diags = build_plan(loaded)
    assert plan is not None, [d.message for d in diags]
    return plan


def texts(doc):
    return [b.text for b in doc.blocks if hasattr(b, "runs")]


def test_sentences_are_generated_from_the_data():
    t = texts(lay_out(plan_of(PLAN)))
    assert "每人年度参训不少于90学时（其中专业知识不少于60学时，公需知识30学时）。" in t
    assert "设置教育政策理念、前沿理念指引、助推教师成长、领导课程建设、优化学校管理五个模块共130学时的网络研修课程供参训校长选学。" in t
    assert "本年度专题培训分为二个阶段：" in t
    assert "第一阶段：暑假研修（2024年7—9月）" in t
    assert "培训形式：集中+远程" in t


def test_changing_the_data_changes_the_text():
    changed = PLAN.replace("hours: 60, at_least", "hours: 50, at_least").replace("required: 90", "required: 80")
    changed = changed.replace("优化学校管理]", "优化学校管理, 家校共育]")
    t = texts(lay_out(plan_of(changed)))
    assert "每人年度参训不少于80学时（其中专业知识不少于50学时，公需知识30学时）。" in t
    assert any("家校共育六个模块共130学时" in x for x in t)


def test_two_items_are_counted_with_liang():
    two = PLAN.replace("[教育政策理念, 前沿理念指引, 助推教师成长, 领导课程建设, 优化学校管理]", "[教育政策理念, 前沿理念指引]")
    assert any("前沿理念指引两个模块" in x for x in texts(lay_out(plan_of(two))))


@pytest.mark.parametrize("payload", ["{{ 7*7 }}", "{% if true %}x{% endif %}", "${HOME}", "<w:p>", "&amp;", "{{ ''.__class__.__mro__ }}"])
def test_prose_is_rendered_literally_never_executed(payload):
    plan = plan_of(PLAN.replace("本年度专题培训分为", f"注意{payload}。本年度专题培训分为"))
    t = texts(lay_out(plan))
    assert any(f"注意{payload}。" in x for x in t)
    assert not any("49" in x for x in t)


def _template_copy(tmp_path, body: str):
    folder = tmp_path / "county"
    shutil.copytree(__import__("plancc.layout.environment", fromlist=["x"]).template_dir("default"), folder)
    (folder / "plan.xml.j2").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "attack",
    [
        "{{ plan.__class__.__mro__[1].__subclasses__() }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ plan.stages.append(1) }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ prose.__globals__ }}",
        "{{ plan.phases|fields('__class__') }}",
        "{{ [plan]|fields('model_fields') }}",
        "{{ [cycler]|fields('reset') }}",
    ],
)
def test_a_hostile_template_cannot_reach_python_internals(tmp_path, attack):
    folder = _template_copy(tmp_path, f"<document>{attack}</document>")
    with pytest.raises(LayoutError):
        render_outline(plan_of(PLAN), template=str(folder))


def test_a_misspelt_variable_is_an_error_not_a_blank(tmp_path):
    folder = _template_copy(tmp_path, "<document><p>{{ plan.documnet.title }}</p></document>")
    with pytest.raises(LayoutError, match="documnet"):
        render_outline(plan_of(PLAN), template=str(folder))


def test_a_plan_can_choose_its_template_relative_to_its_folder(tmp_path):
    folder = _template_copy(tmp_path, '<document><p>县模板：{{ plan.document.title }}</p></document>')
    plan = plan_of(PLAN.replace("plancc: 1\n", "plancc: 1\ntemplate: county\n"))
    doc = lay_out(plan, base=[tmp_path])
    assert texts(doc) == ["县模板：测试县2024年教师全员培训实施方案"]
    assert folder.is_dir()


def test_an_unknown_template_is_a_clear_error():
    with pytest.raises(LayoutError, match="找不到模板"):
        lay_out(plan_of(PLAN.replace("plancc: 1\n", "plancc: 1\ntemplate: nowhere\n")))


def test_fields_gives_tuples_of_plan_values(tmp_path):
    folder = _template_copy(tmp_path, "<document>{% for name, form in plan.phases|fields('name', 'form') %}"
                                      "<p>{{ name }}：{{ form }}</p>{% endfor %}</document>")
    doc = lay_out(plan_of(PLAN), template=str(folder))
    assert texts(doc) == ["暑假研修：集中+远程", "总结提升：校本"]


def test_compiled_templates_are_cached_and_an_edit_is_seen(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PLANCC_CACHE_DIR", str(cache))
    folder = _template_copy(tmp_path, "<document><p>第一版</p></document>")
    assert texts(lay_out(plan_of(PLAN), template=str(folder))) == ["第一版"]
    assert any(cache.iterdir())
    (folder / "plan.xml.j2").write_text("<document><p>第二版</p></document>", encoding="utf-8")
    assert texts(lay_out(plan_of(PLAN), template=str(folder))) == ["第二版"]


def test_the_template_cache_can_be_switched_off_or_be_unavailable(tmp_path, monkeypatch):
    from plancc.layout.environment import bytecode_cache

    monkeypatch.setenv("PLANCC_CACHE_DIR", str(tmp_path / "c"))
    assert bytecode_cache() is not None
    monkeypatch.setenv("PLANCC_NO_CACHE", "1")
    assert bytecode_cache() is None
    monkeypatch.delenv("PLANCC_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PLANCC_CACHE_DIR", str(blocker / "c"))
    assert bytecode_cache() is None
    assert texts(lay_out(plan_of(PLAN)))  # and rendering still works


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    # compiled templates run outside the sandbox: a shared folder could plant code
    from plancc.layout.environment import bytecode_cache

    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv("PLANCC_CACHE_DIR", str(shared))
    assert bytecode_cache() is not None
    for sub in shared.iterdir():
        sub.chmod(0o777)
    assert bytecode_cache() is None
    assert texts(lay_out(plan_of(PLAN)))


def test_no_home_means_no_cache_not_a_folder_named_tilde(tmp_path, monkeypatch):
    from plancc.layout import environment

    for var in ("PLANCC_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(environment.os.path, "expanduser", lambda p: p)
    monkeypatch.chdir(tmp_path)
    assert environment.bytecode_cache() is None
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_does_not_fail_the_render(tmp_path, monkeypatch):
    from jinja2 import FileSystemBytecodeCache

    def full(self, bucket):
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("PLANCC_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", full)
    folder = _template_copy(tmp_path, "<document><p>照常渲染</p></document>")
    assert texts(lay_out(plan_of(PLAN), template=str(folder))) == ["照常渲染"]


def test_fields_on_mappings_names_a_missing_key(tmp_path):
    folder = _template_copy(tmp_path, "<document>{% for a, b in [{'a': 1, 'b': 2}]|fields('a', 'c') %}"
                                      "<p>{{ a }}</p>{% endfor %}</document>")
    with pytest.raises(LayoutError, match="c"):
        render_outline(plan_of(PLAN), template=str(folder))
