"""Names written in the data: each one the plan defines (PL502, PL504), none written twice (PL506, PL508).

:class:`Hints` (“did you mean”, within a budget) serves every unknown name and id.
"""

from __future__ import annotations

import difflib

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import duplicates

def _listing(known: list[str]) -> str:
    return "、".join(f"“{k}”" for k in known[:8]) or "（无）"


class Hints:
    """“Did you mean” for unknown names, within a budget.

    difflib compares a name with every known one; ten thousand unknown names against ten
    thousand known ones would be a hundred million comparisons. The first few names (the
    ones a person reads) get a close match from up to a few thousand candidates; the rest
    get the list of known names.
    """

    def __init__(self, budget: int = 20, candidates: int = 2000):
        self.budget = budget
        self.candidates = candidates
        self.done: dict[tuple[str, int], str] = {}

    def __call__(self, name: str, known: list[str]) -> str:
        key = (name, id(known))
        if key in self.done:
            return self.done[key]
        hint = None
        if self.budget > 0 and len(known) <= self.candidates:
            self.budget -= 1
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            if close:
                hint = f"“{close[0]}”"
        if hint is None:
            hint = _listing(known)
        if len(self.done) < 10_000:
            self.done[key] = hint
        return hint


@rule(
    "PL502",
    "unknown-name",
    family="coverage",
    title="引用了不存在的学段、层次、岗位或学时组成",
    title_en="reference to an unknown stage, tier, post or hour component",
    message="{kind}“{name}”不存在；可用的有：{hint}",
    message_en="{kind_en} '{name}' is not defined; did you mean {hint}",
    doc_en="""
    Themes name tiers, module sets name a stage, tier or post, exemptions name an hour component:
    each name must be one that the plan defines. Fix: correct the spelling or define the name.
    """,
)
def unknown_name(ctx):
    """
    主题表里的层次名、模块组的 `stage`/`tier`/`post`、免修规定的 `component` 都必须是计划中定义过的名称。

    怎么改：改正拼写，或在相应位置补充定义。
    """
    plan = ctx.plan
    stages = [s.name for s in plan.stages]
    tiers = [t.name for t in plan.tiers]
    posts = [p.name for p in plan.posts]
    comps = [c.name for c in plan.hours.components] if plan.hours else []
    kinds = {"stage": ("学段", "stage", stages), "tier": ("层次", "tier", tiers), "post": ("岗位", "post", posts)}
    known_sets = {id(v): set(v) for v in (stages, tiers, posts, comps)}
    hint = Hints()
    if tiers:
        tier_set = known_sets[id(tiers)]
        for i, s in enumerate(plan.stages):
            for tier in s.themes:
                if tier not in tier_set:
                    yield Finding(("stages", i, "themes", tier), {"kind": "层次", "kind_en": "tier", "name": tier, "hint": hint(tier, tiers)}, at_key=True)
    for i, ms in enumerate(plan.module_sets):
        for key, (kind, kind_en, known) in kinds.items():
            value = getattr(ms, key)
            if value is not None and value not in known_sets[id(known)]:
                yield Finding(("module_sets", i, key), {"kind": kind, "kind_en": kind_en, "name": value, "hint": hint(value, known)})
    aud = plan.audience
    if aud is not None and not isinstance(aud, str):
        comp_set = known_sets[id(comps)]
        for i, ex in enumerate(aud.exemptions):
            if ex.component is not None and ex.component not in comp_set:
                yield Finding(("audience", "exemptions", i, "component"),
                              {"kind": "学时组成", "kind_en": "hour component", "name": ex.component, "hint": hint(ex.component, comps)})


@rule(
    "PL504",
    "catalog-module-not-in-set",
    family="coverage",
    severity="warning",
    title="课程目录中的模块不在对应模块组里",
    title_en="a catalog module is not in its module set",
    message="课程目录有 {rows} 门课程属于模块“{module}”，但模块组“{set}”中没有这个模块（模块组的模块：{names}）",
    message_en="{rows} catalog course(s) belong to module '{module}', which module set '{set}' does not list (its modules: {names})",
    doc_en="""
    When `catalog.module_set` ties the catalog to a module set, every module named in the catalog should
    be one of the set's modules; otherwise the text promises modules the catalog does not deliver.
    Fix: align the names (the catalog is usually right).
    """,
)
def catalog_module_not_in_set(ctx):
    """
    `catalog.module_set` 把课程目录和一个模块组对应起来时，目录中出现的每个模块都应是该模块组列出的模块，否则正文承诺的模块与目录提供的课程对不上。

    怎么改：统一两处的模块名称（通常以课程目录为准）。
    """
    plan = ctx.plan
    cat = plan.catalog
    if not cat or not cat.module_set:
        return
    ms = plan.module_set(cat.module_set)
    if ms is None:
        return
    names = set(ms.names)
    first: dict[str, int] = {}
    rows: dict[str, int] = {}
    for j, c in enumerate(cat.courses):
        if c.module not in names:
            first.setdefault(c.module, j)
            rows[c.module] = rows.get(c.module, 0) + 1
    set_index = plan.module_sets.index(ms)
    for module, j in first.items():
        # point at the module cell: index 2 of a row written as a list, the key of a mapping
        cell = 2 if isinstance(ctx.data_at(("catalog", "courses", j)), list) else "module"
        yield Finding(("catalog", "courses", j, cell), {"rows": rows[module], "module": module, "set": ms.id, "names": "、".join(ms.names)},
                      related=[(("module_sets", set_index, "modules"), ms.id)])


def _named_lists(plan):
    """(path of the list, name attribute, items, what) for every list whose names must be unique."""
    yield ("tiers",), "name", plan.tiers, "层次"
    yield ("stages",), "name", plan.stages, "学段"
    yield ("posts",), "name", plan.posts, "岗位"
    yield ("modes",), "name", plan.modes, "培训方式"
    yield ("module_sets",), "id", plan.module_sets, "模块组"
    yield ("assessments",), "id", plan.assessments, "考核方案"
    yield ("evaluations",), "id", plan.evaluations, "评价表"
    yield ("rubrics",), "id", plan.rubrics, "评分细则"
    yield ("document", "attachments"), "label", plan.document.attachments, "附件"
    if plan.hours:
        yield ("hours", "components"), "name", plan.hours.components, "学时组成"
    for i, ms in enumerate(plan.module_sets):
        yield ("module_sets", i, "modules"), None, ms.names, f"模块组“{ms.id}”中的模块"
    for i, a in enumerate(plan.assessments):
        yield ("assessments", i, "components"), "name", a.components, f"考核方案“{a.id}”的组成"
        yield ("assessments", i, "items"), "name", a.items, f"考核方案“{a.id}”的项目"


@rule(
    "PL506",
    "duplicate-name",
    family="coverage",
    title="名称重复",
    title_en="duplicate name",
    message="{what}“{name}”出现了两次（第 {first} 项和第 {second} 项）",
    message_en="'{name}' appears twice (items {first} and {second}) in {path}",
    doc_en="""
    Names and ids are how the plan refers to things (themes by tier, blocks by id, facts by name);
    a name written twice makes every reference ambiguous. Fix: rename or merge the two entries.
    """,
)
def duplicate_name(ctx):
    """
    名称和 id 是计划内部互相引用的依据（主题按层次、数据块按 id、`{=…}` 按名称），同一名称写两次会让引用含糊不清。

    怎么改：改名，或把两项合并。
    """
    for base, attr, items, what in _named_lists(ctx.plan):
        names = items if attr is None else [getattr(x, attr) for x in items]
        for first, second, name in duplicates(names):
            path = base + (second,) if attr is None or not isinstance(ctx.data_at(base + (second,)), dict) else base + (second, attr)
            yield Finding(path, {"what": what, "name": name, "first": first + 1, "second": second + 1, "path": ".".join(map(str, base))},
                          related=[(base + (first,), "first")])


@rule(
    "PL508",
    "duplicate-course",
    family="coverage",
    severity="warning",
    title="课程目录中有重复的课程",
    title_en="a course is listed twice in the catalog",
    message="课程“{title}”（{stage}/{subject}/{module}）在课程目录中出现了两次（第 {first} 行和第 {second} 行）",
    message_en="course '{title}' ({stage}/{subject}/{module}) is listed twice in the catalog (rows {first} and {second})",
    doc_en="""
    The same course (same stage, subject, module and title) twice in the catalog is usually a copy-paste slip.
    Fix: delete one of the rows.
    """,
)
def duplicate_course(ctx):
    """
    同一学段、学科、模块下同名的课程在目录中出现两次，多半是复制粘贴时的失误。

    怎么改：删除其中一行。
    """
    cat = ctx.plan.catalog
    if not cat:
        return
    keys = [(c.stage, c.subject, c.module, c.title) for c in cat.courses]
    for first, second, (stage, subject, module, title) in duplicates(keys):
        yield Finding(("catalog", "courses", second),
                      {"title": title, "stage": stage, "subject": subject or "—", "module": module, "first": first + 1, "second": second + 1},
                      related=[(("catalog", "courses", first), "first")])
