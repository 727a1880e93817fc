"""Stage goals: consecutive lines “学前教育教师目标：……”, “初中教师目标：……” — one per school stage.

With the stages known (from the themes), the n-th line is the n-th stage's goals when its label
starts with the stage's name; without stages, the lines make them (“小学教师目标” → stage 小学).
The lines become ``stages[].goals`` and a ``{goals: stages}`` block; a label typed otherwise than
the default (“高中教育教师目标”) is the stage's ``goals_label``, a half-width colon the pattern's.
"""

from __future__ import annotations

import re

from plancc.importer.recognise.common import LONGEST, Ctx, lst, walk

_LINE = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,12}?目标)(?P<colon>[：:])(?P<goals>\S.*)$")
_STAGE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,8}?)(?:教育)?(?:阶段|段)?教师目标$")


def recognise_goals(ctx: Ctx) -> None:
    plan = ctx.plan
    if any(isinstance(s, dict) and s.get("goals") for s in plan.get("stages") or []):
        return
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        i = 0
        while i < len(content):
            run = []
            j = i
            while j < len(content) and isinstance(content[j], str) and len(content[j]) <= LONGEST \
                    and (m := _LINE.match(content[j].strip())) is not None and "{" not in content[j]:
                run.append(m)
                j += 1
            if len(run) >= 2 and _apply(ctx, run, content, i, path):
                return
            i = j + 1 if j == i else j


def _apply(ctx: Ctx, run: list, content: list, i: int, path) -> bool:
    plan = ctx.plan
    colons = {m.group("colon") for m in run}
    if len(colons) != 1:
        return False
    stages = [s for s in plan.get("stages") or [] if isinstance(s, dict)]
    if stages:
        if len(stages) != len(run) or any(not m.group("label").startswith(st.get("name", "")[:2]) for st, m in zip(stages, run)):
            return False
        for st, m in zip(stages, run):
            st["goals"] = m.group("goals")
            heading = (st.get("label") or f"{st['name']}教师") + "目标"
            if m.group("label") != heading:
                st["goals_label"] = m.group("label")
    else:
        new = []
        for m in run:
            s = _STAGE.match(m.group("label"))
            if s is None:
                return False
            st: dict = {"name": s.group("name")}
            if m.group("label") != f"{st['name']}教师目标":
                st["goals_label"] = m.group("label")
            st["goals"] = m.group("goals")
            new.append(st)
        if len({s["name"] for s in new}) != len(new):
            return False
        plan["stages"] = new
    block: dict = {"goals": "stages"}
    if colons != {"："}:
        block["wording"] = {"goal": "{=label}" + colons.pop() + "{=goals}"}
    content[i:i + len(run)] = [block]
    ctx.guess("import.guess.goals", path + ("content", i), ("stages",), count=len(run))
    return True
