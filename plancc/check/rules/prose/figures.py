"""PL811, PL812: figures typed into sentences next to a name the data knows.

“评课 1.5 学时” while the rubric says 1, “参训980人” while the figure adds up to 968,
“过程性考核占70%” while the weight is 60: a number right after a name the data
knows, in the unit the data counts it in, is compared with the data. Each finding
offers the ``{=…}`` reference that prints the data's figure, as a fix for
``plancc validate --fix``: where the figures agree the fix is safe (the document
does not change); where they differ it changes the document and needs
``--unsafe-fixes``.
"""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import PER_STRING
from plancc.model.base import fmt_number
from plancc.model.figures import Breakdown
from plancc.text.patterns import lazy

_UNITS = "学时|学分|分钟|分|人|天|%"
_NUMBER = lazy(r"(?<![\d.])(\d++(?:\.\d++)?+)\s*+(" + _UNITS + r")(?![\u4e00-\u9fff]*?数)")  # behind _HINT
#: words that may stand between a name and its figure (“评课为1学时”，“师德不少于50学时”)
_BETWEEN = re.compile(r"(?:[\s：:]|为|共|计|约|各|占|达|不少于|不低于|至少|不超过|不高于|最多|满分|总成绩的?)*$")
#: endings a figure's name drops when prose names it (参训人数 → 参训)
_SUFFIXES = ("人数", "总数", "学时数", "学时", "名额", "数")
#: strings that are data, not sentences (names, the figures themselves, catalog rows)
_DATA = {"module_sets", "catalog", "tiers", "posts", "include", "figures", "rates", "groups"}


class _Labels:
    """Names the data gives its figures, with the fact and unit of each; a name that
    stands for two different figures is left out (it cannot be told which is meant)."""

    def __init__(self, ctx):
        self.by_name: dict[str, tuple[str, str, float]] = {}
        self._bad: set[str] = set()
        plan = ctx.plan
        facts = ctx.facts

        def add(name: str, unit: str | None, fact: str) -> None:
            if not name or unit is None or fact not in facts:
                return
            value = facts[fact]
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return
            unit = "分" if unit == "分值" else unit
            old = self.by_name.get(name)
            if name in self._bad or (old is not None and old[:2] != (fact, unit)):
                self._bad.add(name)
                self.by_name.pop(name, None)
                return
            self.by_name[name] = (fact, unit, float(value))

        for name, value in plan.figures.items():
            b = Breakdown(name, value)
            aliases = [name] + [name[: -len(s)] for s in _SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2]
            for alias in aliases:
                add(alias, b.unit, f"figures.{name}")
            for part in b.parts:
                add(part.name, part.unit or b.unit, f"figures.{name}.{part.name}")
        if plan.hours is not None:
            for c in plan.hours.components:
                add(c.name, "学时", f"hours.components.{c.name}")
        for ms in plan.module_sets:
            for m in ms.items:
                if m.hours is not None:
                    add(m.name, "学时", f"modules.{ms.id}.{m.name}.hours")
        for a in plan.assessments:
            for it in a.items:
                add(it.name, "分", f"assessments.{a.id}.items.{it.name}.points")
            for c in a.components:
                add(c.name, "%", f"assessments.{a.id}.components.{c.name}.weight")
        self.lengths = sorted({len(k) for k in self.by_name}, reverse=True)

    def before(self, text: str, end: int) -> tuple[str, str, str, float] | None:
        """The name that ends right before `end` (words such as 为、不少于 between), with its fact."""
        head = text[max(0, end - 40):end]
        m = _BETWEEN.search(head)
        stop = m.start() if m else len(head)
        for size in self.lengths:
            if size <= stop:
                name = head[stop - size:stop]
                hit = self.by_name.get(name)
                if hit is not None:
                    return (name, *hit)
        return None


#: where a typed figure may stand (a superset of _NUMBER, for Context.prose_matching's one scan)
_HINT = re.compile(r"\d\s*[学分人天%]")


def _typed_figures(ctx) -> list:
    """Every typed figure next to a known name: (path, match, name, fact, value); found once
    per plan for PL811 and PL812."""
    return ctx.shared("prose.typed_figures", lambda c: list(_find_typed_figures(c)))


def _find_typed_figures(ctx):
    labels = _Labels(ctx)
    if not labels.by_name:
        return
    for path, text in ctx.prose_matching(_HINT):
        if not path or path[0] in _DATA:
            continue
        shown = 0
        for m in _NUMBER().finditer(text):
            if shown >= PER_STRING:
                break
            hit = labels.before(text, m.start())
            if hit is None:
                continue
            name, fact, unit, value = hit
            if unit != m.group(2):
                continue
            shown += 1
            yield path, m, name, fact, value


@rule(
    "PL811",
    "prose-figure",
    family="prose",
    severity="warning",
    title="正文里写的数字与数据不符",
    title_en="a figure typed in the text contradicts the data",
    message="正文写的是“{name}…{written}”，而数据中的 {{={fact}}} 是 {actual}；写成 {{={fact}}} 就由数据生成",
    message_en="the text says '{name} … {written}', but the data's {{={fact}}} is {actual}; write {{={fact}}} to print it from the data",
    doc_en="""
    A number typed right after a name the data knows, in the unit the data counts it in (“评课 1.5 学时”
    for a rubric line of 1, “参训980人” for a figure of 968, “过程性考核占70%” for a weight of 60), is
    compared with the data. Names are those of `figures` (and their parts; 参训人数 is also 参训),
    hour components, modules with hours, assessment items (分) and components (%). A name that stands
    for two figures is not compared. Fix: `plancc validate --fix --unsafe-fixes` writes the reference
    (the document then prints the data's figure), or correct the data.
    """,
)
def prose_figure(ctx):
    """
    紧跟在数据中已有名称之后、单位相同的数字（“评课 1.5 学时”而细则是 1，“参训980人”而数据是 968，“过程性考核占70%”而权重是 60）会与数据比较。
    名称取自 `figures`（及其各部分；“参训人数”也可写作“参训”）、学时组成、有学时的模块、考核项目（分）和考核组成（%）。
    同一名称对应两个不同数字时不比较。

    怎么改：`plancc validate --fix --unsafe-fixes` 把数字换成引用（文档随之印出数据中的数字），或改正数据。
    """
    for path, m, name, fact, value in _typed_figures(ctx):
        if abs(float(m.group(1)) - value) > 1e-9:
            yield Finding(path, {"name": name, "written": m.group(0), "fact": fact, "actual": fmt_number(value)},
                          text_range=(m.start(1), len(m.group(1))), fix="{=" + fact + "}", fix_safe=False)


@rule(
    "PL812",
    "typed-figure",
    family="prose",
    severity="info",
    title="正文里手写了数据中已有的数字",
    title_en="a figure of the data is typed in the text",
    message="“{name}…{written}”与数据一致，但是手写的；写成 {{={fact}}} 后改了数据也不会走样",
    message_en="'{name} … {written}' agrees with the data but is typed; write {{={fact}}} so it follows the data",
    doc_en="""
    The same comparison as PL811 where the figures agree: the figure is right today, and drifts when the
    data changes. `plancc validate --fix` writes the reference; the document stays byte for byte the same.
    """,
)
def typed_figure(ctx):
    """
    与 PL811 相同的比较，数字一致时：今天是对的，数据一改就会走样。`plancc validate --fix` 会换成引用，文档内容完全不变。
    """
    for path, m, name, fact, value in _typed_figures(ctx):
        if abs(float(m.group(1)) - value) <= 1e-9 and fmt_number(float(m.group(1))) == m.group(1):
            yield Finding(path, {"name": name, "written": m.group(0), "fact": fact},
                          text_range=(m.start(1), len(m.group(1))), fix="{=" + fact + "}")
