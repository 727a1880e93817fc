"""PL2xx: declared totals equal the sum of their parts."""

from tests.helpers import MINIMAL, check, codes, line_of, only


def test_pl201_fires_on_components_that_do_not_add_up():
    text = MINIMAL + """\
hours:
  required: 90
  components:
    - {name: 专业知识, hours: 60}
    - {name: 公需知识, hours: 20}
"""
    [d] = only(check(text), "PL201")
    assert d.line == line_of(text, "required: 90")
    assert d.path == "hours.required"
    assert "60" in d.message and "20" in d.message and "80" in d.message and "90" in d.message
    assert [r.path for r in d.related] == ["hours.components[0].hours", "hours.components[1].hours"]


def test_pl201_quiet_when_components_add_up():
    text = MINIMAL + """\
hours:
  required: 90
  components:
    - {name: 专业知识, hours: 60, at_least: true}
    - {name: 公需知识, hours: 30}
"""
    assert "PL201" not in codes(check(text))


def test_pl202_module_hours_vs_total():
    text = MINIMAL + """\
module_sets:
  - id: 校长
    modules:
      - {name: 教育政策理念, hours: 30}
      - {name: 前沿理念指引, hours: 30}
    total_hours: 100
"""
    [d] = only(check(text), "PL202")
    assert d.line == line_of(text, "total_hours")
    assert "60" in d.message and "100" in d.message
    quiet = text.replace("total_hours: 100", "total_hours: 60")
    assert "PL202" not in codes(check(quiet))


def test_pl203_weights_must_sum_to_100():
    text = MINIMAL + """\
assessments:
  - id: 分层项目
    components:
      - {name: 过程性考核, weight: 70}
      - {name: 在线考试, weight: 20}
"""
    [d] = only(check(text), "PL203")
    assert d.line == line_of(text, "components:")
    assert "90" in d.message
    assert "PL203" not in codes(check(text.replace("weight: 20", "weight: 30")))


def test_pl204_item_points_vs_total():
    text = MINIMAL + """\
assessments:
  - id: 参训教师
    total: 100
    items:
      - {name: 课程学习时间, points: 50}
      - {name: 研修作业, points: 40}
"""
    [d] = only(check(text), "PL204")
    assert d.line == line_of(text, "total: 100")
    assert "PL204" not in codes(check(text.replace("points: 40", "points: 50")))


def test_pl205_evaluation_weights():
    text = MINIMAL + """\
evaluations:
  - id: 班级辅导者
    items:
      - {indicator: 集中培训, weight: 15}
      - {indicator: 学员注册, weight: 80}
"""
    [d] = only(check(text), "PL205")
    assert "95" in d.message
    assert "PL205" not in codes(check(text.replace("weight: 80", "weight: 85")))


def test_pl206_rubric_total():
    text = MINIMAL + """\
rubrics:
  - id: 校本研修
    total: 20
    items:
      - {name: 听课记录, points: 10, deduction: 每少1次扣1分}
      - {name: 研修反思, points: 5}
"""
    [d] = only(check(text), "PL206")
    assert d.line == line_of(text, "total: 20")
    assert "PL206" not in codes(check(text.replace("total: 20", "total: 15")))


def test_pl207_stated_module_count():
    text = MINIMAL + """\
module_sets:
  - id: 幼儿园提升期教师
    modules: [会议精神解读, 师德践行, 双减政策解读]
    module_count: 4
"""
    [d] = only(check(text), "PL207")
    assert d.severity.value == "warning"
    assert d.line == line_of(text, "module_count")
    assert "PL207" not in codes(check(text.replace("module_count: 4", "module_count: 3")))
