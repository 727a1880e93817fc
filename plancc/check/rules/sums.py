"""Sums: declared totals equal the sum of their parts."""

from __future__ import annotations

from plancc.catalog import Listed
from plancc.check.registry import Finding, rule
from plancc.check.rules._util import differs, join_parts, n


@rule(
    "PL201",
    "hour-components-sum",
    family="sums",
    title="学时组成之和不等于总学时",
    title_en="hour components do not add up to the required hours",
    message="学时组成之和为 {parts} = {sum}，而要求的总学时（hours.required）是 {total}",
    message_en="the hour components add up to {parts} = {sum}, but the required hours (hours.required) are {total}",
    doc_en="""
    Checks that `hours.components` add up to `hours.required` (90 = 60 professional + 30 public).
    Fix: correct the component that changed, or the total.
    """,
)
def hour_components_sum(ctx):
    """
    检查 `hours.components` 各部分学时之和是否等于 `hours.required`（如 90 = 专业 60 + 公需 30）。

    为什么：总学时与组成部分分别手写，改了一处忘了另一处，文件里的数字就自相矛盾。
    怎么改：核对后修改变动的那一部分，或修改总学时。
    """
    h = ctx.plan.hours
    if h is None or h.required is None or not h.components:
        return
    total = sum(c.hours for c in h.components)
    if differs(total, h.required):
        parts = [(c.name, c.hours) for c in h.components]
        yield Finding(
            ("hours", "required"),
            {"parts": join_parts(parts), "sum": n(total), "total": n(h.required)},
            related=[(("hours", "components", i, "hours"), c.name) for i, c in enumerate(h.components)],
        )


@rule(
    "PL202",
    "module-set-hours-sum",
    family="sums",
    title="模块学时之和不等于模块组总学时",
    title_en="module hours do not add up to the module set total",
    message="模块组“{set}”各模块学时之和为 {sum}，而 total_hours 写的是 {total}",
    message_en="the modules of set '{set}' add up to {sum} hours, but total_hours says {total}",
    doc_en="""
    When every module of a set has hours, their sum must equal the set's `total_hours` (“共100学时”).
    Fix: correct a module's hours or the total.
    """,
)
def module_set_hours_sum(ctx):
    """
    模块组中每个模块都写了学时时，其和应等于模块组的 `total_hours`（“共100学时”）。

    怎么改：修改某个模块的学时，或修改总学时。
    """
    for i, ms in enumerate(ctx.plan.module_sets):
        summed = ms.summed_hours
        if summed is None or ms.total_hours is None:
            continue
        if differs(summed, ms.total_hours):
            yield Finding(
                ("module_sets", i, "total_hours"),
                {"set": ms.id, "sum": n(summed), "total": n(ms.total_hours)},
                related=[(("module_sets", i, "modules", j, "hours"), m.name) for j, m in enumerate(ms.items)],
            )


@rule(
    "PL203",
    "assessment-weights-sum",
    family="sums",
    title="考核权重之和不是 100%",
    title_en="assessment weights do not sum to 100%",
    message="考核方案“{scheme}”各组成的权重之和为 {parts} = {sum}%，应为 100%",
    message_en="the weights of assessment '{scheme}' add up to {parts} = {sum}%, not 100%",
    doc_en="""
    The weights of an assessment scheme's components (过程性 70% + 结果性 30%) must sum to 100%.
    Fix: correct the weight that changed.
    """,
)
def assessment_weights_sum(ctx):
    """
    考核方案各组成部分的权重（如 过程性考核 70% + 结果性考核 30%）之和必须是 100%。

    怎么改：修改变动的那一项权重。
    """
    for i, a in enumerate(ctx.plan.assessments):
        weighted = [(j, c) for j, c in enumerate(a.components) if c.weight is not None]
        if not weighted:
            continue
        total = sum(c.weight for _, c in weighted)
        if differs(total, 100):
            yield Finding(
                ("assessments", i, "components"),
                {"scheme": a.id, "parts": join_parts([(c.name, c.weight) for _, c in weighted]), "sum": n(total)},
                related=[(("assessments", i, "components", j, "weight"), c.name) for j, c in weighted],
                at_key=True,
            )


@rule(
    "PL204",
    "assessment-points-sum",
    family="sums",
    title="考核项目分值之和不等于满分",
    title_en="assessment item points do not add up to the total",
    message="考核方案“{scheme}”各项分值之和为 {parts} = {sum}，而满分（total）是 {total}",
    message_en="the items of assessment '{scheme}' add up to {parts} = {sum} points, but the total is {total}",
    doc_en="""
    The points of an assessment table's items must add up to the scheme's `total` (usually 100).
    Fix: correct an item's points or the total.
    """,
)
def assessment_points_sum(ctx):
    """
    考核表中各考核项目的分值之和应等于方案的满分 `total`（通常为 100）。

    怎么改：修改某一项的分值，或修改满分。
    """
    for i, a in enumerate(ctx.plan.assessments):
        if not a.pointed_items or a.total is None:
            continue
        if differs(a.item_points, a.total):
            yield Finding(
                ("assessments", i, "total"),
                {"scheme": a.id, "parts": join_parts([(it.name, it.points) for it in a.pointed_items]), "sum": n(a.item_points), "total": n(a.total)},
                related=[(("assessments", i, "items", j, "points"), it.name) for j, it in enumerate(a.items) if it.points is not None],
            )


@rule(
    "PL205",
    "evaluation-weights-sum",
    family="sums",
    title="评价表权重之和不是 100%",
    title_en="evaluation weights do not sum to 100%",
    message="评价表“{table}”各指标权重之和为 {sum}%，应为 100%（共 {count} 项）",
    message_en="the weights of evaluation '{table}' add up to {sum}%, not 100% ({count} indicators)",
    doc_en="""
    The weights of a weighted evaluation table (e.g. of class tutors) must sum to 100%.
    Fix: correct the weight that changed.
    """,
)
def evaluation_weights_sum(ctx):
    """
    加权评价表（如对班级辅导者的评价）各指标的权重之和必须是 100%。

    怎么改：修改变动的那一项权重。
    """
    for i, e in enumerate(ctx.plan.evaluations):
        total = sum(it.weight for it in e.items)
        if e.items and differs(total, 100):
            yield Finding(
                ("evaluations", i, "items"),
                {"table": e.id, "sum": n(total), "count": len(e.items)},
                related=[(("evaluations", i, "items", j, "weight"), it.sub or it.indicator) for j, it in enumerate(e.items)],
                at_key=True,
            )


@rule(
    "PL206",
    "rubric-total",
    family="sums",
    title="评分细则分值之和不等于总分",
    title_en="rubric points do not add up to its total",
    message="评分细则“{rubric}”各项分值之和为 {sum}，而总分（total）是 {total}",
    message_en="the items of rubric '{rubric}' add up to {sum} points, but its total is {total}",
    doc_en="""
    A rubric's item points must add up to its stated `total`; an item written in rows without points
    of its own counts the sum of its rows' points. Fix: correct an item's points or the total.
    """,
)
def rubric_total(ctx):
    """
    评分细则各项分值之和应等于其声明的总分 `total`；分行（rows）而项目本身不写分值的，按各行分值之和计。

    怎么改：修改某一项的分值，或修改总分。
    """
    for i, r in enumerate(ctx.plan.rubrics):
        if r.total is None:
            continue
        total = r.item_sum
        if differs(total, r.total):
            yield Finding(
                ("rubrics", i, "total"),
                {"rubric": r.id, "sum": n(total), "total": n(r.total)},
                related=[(("rubrics", i, "items", j, "points") if it.points is not None else ("rubrics", i, "items", j, "rows"), it.name)
                         for j, it in enumerate(r.items)],
            )


@rule(
    "PL207",
    "module-count",
    family="sums",
    severity="warning",
    title="声明的模块数与模块列表不符",
    title_en="stated module count differs from the module list",
    message="模块组“{set}”声明有 {stated} 个模块（module_count），但列表中实际有 {actual} 个：{names}",
    message_en="module set '{set}' states {stated} modules (module_count), but lists {actual}: {names}",
    doc_en="""
    A module set may record the count its source text states (“八个模块”); it must match the list.
    The rendered document always counts the list. Fix: complete the list or correct module_count.
    """,
)
def module_count(ctx):
    """
    模块组可以用 `module_count` 记下原文声明的模块数（如“八个模块”），它必须与模块列表的项数一致。
    渲染时总是按列表计数，所以不一致时文档会与原文不同。

    怎么改：补全模块列表，或改正 module_count。
    """
    for i, ms in enumerate(ctx.plan.module_sets):
        if ms.module_count is not None and ms.module_count != len(ms.modules):
            yield Finding(
                ("module_sets", i, "module_count"),
                {"set": ms.id, "stated": ms.module_count, "actual": len(ms.modules), "names": Listed(ms.names)},
                related=[(("module_sets", i, "modules"), "modules")],
            )


@rule(
    "PL209",
    "rubric-rows-sum",
    family="sums",
    title="评分项目各行分值之和不等于项目分值",
    title_en="the rows of a rubric item do not add up to its points",
    message="评分细则“{rubric}”中“{item}”各行分值之和为 {parts} = {sum}，而项目分值（points）是 {points}",
    message_en="the rows of item '{item}' of rubric '{rubric}' add up to {parts} = {sum} points, but the item's points are {points}",
    doc_en="""
    A rubric item written in several rows (`rows`) may state its own `points` and each row's points;
    then the rows must add up to the item (集中研修 8 = 4 + 4). Rows without points are not counted.
    Fix: correct a row's points or the item's.
    """,
)
def rubric_rows_sum(ctx):
    """
    评分项目分几行（`rows`）写出、项目和各行都写了分值时，各行分值之和应等于项目的 `points`（如 集中研修 8 = 4 + 4）。
    不写分值的行不计。

    怎么改：修改某一行的分值，或修改项目的分值。
    """
    for i, r in enumerate(ctx.plan.rubrics):
        for j, it in enumerate(r.items):
            summed = it.row_points
            if it.points is None or summed is None or not differs(summed, it.points):
                continue
            pointed = [(k, row) for k, row in enumerate(it.rows) if row.points is not None]
            yield Finding(
                ("rubrics", i, "items", j, "points"),
                {"rubric": r.id, "item": it.name, "parts": " + ".join(n(row.points) for _, row in pointed),
                 "sum": n(summed), "points": n(it.points)},
                related=[(("rubrics", i, "items", j, "rows", k, "points"), f"{it.name} {k + 1}") for k, row in pointed],
            )
