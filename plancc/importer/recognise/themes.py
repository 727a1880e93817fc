"""Stages × tiers themes: under one heading, a subsection per stage (“（1）学前教育教师”) whose lines
name a tier and its theme — “学前教育新教师：教师课堂教学基本功和班级管理能力提升；” … the last
ending with “。”. They become ``stages:`` with ``themes`` per tier and a ``{themes: list}``
block. The tiers must be known (recognised from the tiers sentence, which plans put
before or after: recognise runs over the whole plan for tiers first); the line's words
before the tier name are the stage's prefix, the subsection's heading its label."""

from __future__ import annotations

from plancc.importer.recognise.common import Ctx, lst, walk


def recognise_themes(ctx: Ctx) -> None:
    plan = ctx.plan
    tiers = [t.get("name") for t in plan.get("tiers") or [] if isinstance(t, dict)]
    if not tiers or plan.get("stages"):
        return
    for path, sec in walk(lst(plan, "sections")):
        subs = lst(sec, "sections")
        if not subs or sec.get("content"):
            continue
        stages = [_stage(s, tiers) for s in subs]
        if any(st is None for st in stages):
            continue
        plan["stages"] = stages
        sec["content"] = [{"themes": "list"}]
        sec.pop("sections", None)
        ctx.guess("import.guess.themes", path, ("stages",), count=len(stages))
        return


def _stage(sec: dict, tiers: list[str]):
    heading = (sec.get("title") or "").strip()
    lines = lst(sec, "content")
    if not heading or sec.get("sections") or sec.get("run_in") or len(lines) < 2 or not all(isinstance(x, str) for x in lines):
        return None
    prefix, themes = None, {}
    for n, line in enumerate(lines):
        end = "。" if n == len(lines) - 1 else "；"
        if not line.endswith(end):
            return None
        head, colon, theme = line[:-1].partition("：")
        tier = next((t for t in sorted(tiers, key=len, reverse=True) if head.endswith(t)), None)
        if not colon or tier is None or tier in themes or not theme.strip():
            return None
        p = head[: -len(tier)]
        if prefix is not None and p != prefix or not p:
            return None
        prefix = p
        themes[tier] = theme
    if list(themes) != [t for t in tiers if t in themes]:
        return None  # the block lists themes in the tiers' order
    stage: dict = {"name": prefix}
    if heading != prefix + "教师":
        stage["label"] = heading
    stage["themes"] = themes
    return stage
