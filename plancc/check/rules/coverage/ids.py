"""The ids the body's blocks refer to (module sets, assessments …): each one defined (PL503), each definition shown (PL510)."""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import walk_blocks
from plancc.check.rules.coverage.names import Hints
from plancc.model.blocks import KINDS, Refers, kind_for
from plancc.model.facts import REF_HINT, REF_RE

def _referring_kinds() -> dict[str, Refers]:
    """The collections blocks name ids from (module_sets, assessments …), each with the
    first kind naming it, in registry order."""
    out: dict[str, Refers] = {}
    for k in KINDS:
        if k.refers is not None:
            out.setdefault(k.refers.collection, k.refers)
    return out


_REFERRED = _referring_kinds()


@rule(
    "PL503",
    "unknown-id",
    family="coverage",
    title="正文引用了不存在的模块组、考核方案、评价表、评分细则或小组",
    title_en="the body refers to an undefined module set, assessment, evaluation, rubric or group",
    message="{kind}“{name}”没有定义；已定义的有：{hint}",
    message_en="{kind_en} '{name}' is not defined; did you mean {hint}",
    doc_en="""
    Blocks such as `{module_sets: [幼儿园新教师]}`, `{assessment: 分层项目}` or `{group: 领导小组}` and `catalog.module_set`
    name an `id` defined elsewhere in the plan. Fix: correct the id or define it.
    """,
)
def unknown_id(ctx):
    """
    正文中的数据块（如 `{module_sets: [幼儿园新教师]}`、`{assessment: 分层项目}`、`{group: 领导小组}`）和 `catalog.module_set` 引用的是别处定义的 `id`，必须存在。

    怎么改：改正 id，或补充定义。
    """
    plan = ctx.plan
    ids = {coll: [x.id for x in getattr(plan, coll)] for coll in _REFERRED}
    id_sets = {coll: set(v) for coll, v in ids.items()}
    hint = Hints()
    for path, block in walk_blocks(plan):
        kind = kind_for(block)
        if kind is None or kind.refers is None:
            continue
        ref = kind.refers
        for below, name in kind.ids(block):
            if name not in id_sets[ref.collection]:
                yield Finding(path + below, {"kind": ref.kind, "kind_en": ref.kind_en, "name": name, "hint": hint(name, ids[ref.collection])})
    if plan.catalog and plan.catalog.module_set and plan.catalog.module_set not in id_sets["module_sets"]:
        name, ref = plan.catalog.module_set, _REFERRED["module_sets"]
        yield Finding(("catalog", "module_set"), {"kind": ref.kind, "kind_en": ref.kind_en, "name": name, "hint": hint(name, ids["module_sets"])})


@rule(
    "PL510",
    "unused-definition",
    family="coverage",
    severity="warning",
    title="定义了但正文没有用到",
    title_en="defined but never shown in the document",
    message="{kind}“{name}”已定义，但正文各节中没有呈现它的数据块，它不会出现在文档里",
    message_en="{kind_en} '{name}' is defined but no block in the sections shows it, so it will not appear in the document",
    doc_en="""
    Module sets, assessments, evaluations, rubrics, groups, the catalog and the phases reach the document only
    through a block in `sections`. Data that no block shows is silently left out of the rendered plan.
    Fix: add the block where it belongs, or delete the data. Plans without sections (data only) are not checked.
    """,
)
def unused_definition(ctx):
    """
    模块组、考核方案、评价表、评分细则、小组、课程目录和进度安排只有通过 `sections` 中的数据块才会出现在文档里；没有块引用的数据会在渲染时被悄悄漏掉。

    怎么改：在合适的小节中加上对应的数据块，或删除这些数据。没有 sections 的计划（只有数据）不检查。
    """
    plan = ctx.plan
    if not plan.sections:
        return
    used: dict[str, set] = {coll: set() for coll in _REFERRED}
    kinds: set[str] = set()
    for _, block in walk_blocks(plan):
        kind = kind_for(block)
        if kind is None:
            continue
        kinds.add(kind.tag)
        if kind.refers is not None:
            used[kind.refers.collection].update(name for _, name in kind.ids(block))
    # an item the prose cites (“{=assessments.分层项目.pass_mark}”, in a paragraph or a table cell)
    # shows in the document through its figures, even with no block of its own
    for _, text in ctx.prose_matching(REF_HINT):
        for m in REF_RE.finditer(text):
            coll, _, rest = m.group(1).partition(".")
            coll = _CITED_AS.get(coll, coll)
            if coll in used and rest:
                used[coll].update(_cited_ids(rest, {x.id for x in getattr(plan, coll)}))
    for coll, ref in _REFERRED.items():
        for i, x in enumerate(getattr(plan, coll)):
            if x.id not in used[coll]:
                yield Finding((coll, i, "id"), {"kind": ref.kind, "kind_en": ref.kind_en, "name": x.id})
    for kind in KINDS:
        only = kind.shows.only_here if kind.shows is not None else None
        if only is not None and kind.tag not in kinds and kind.shows.present(plan):
            yield Finding(only.path, {"kind": only.kind, "kind_en": only.kind_en, "name": only.name(plan)}, at_key=True)


#: facts that name an item of a collection under another prefix (plancc.model.facts: modules.<set>.count)
_CITED_AS = {"modules": "module_sets"}


def _cited_ids(rest: str, ids: set[str]) -> set[str]:
    """The ids a reference's name after its collection names (an id may itself hold a point:
    the longest defined id the name starts with)."""
    return {i for i in ids if rest == i or rest.startswith(i + ".")}
