"""Coverage and references: every cell filled, every name resolves, nothing twice, nothing unused."""

from __future__ import annotations

import difflib
import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import duplicates, walk_blocks
from plancc.check.rules.prose import PER_STRING
from plancc.model.facts import FORMATS, REF_RE, format_fact
from plancc.model.blocks import KINDS, Refers, kind_for


def _listing(known: list[str]) -> str:
    return "、".join(f"“{k}”" for k in known[:8]) or "（无）"


class _Hints:
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


def _hint(name: str, known: list[str]) -> str:
    return _Hints()(name, known)


@rule(
    "PL501",
    "theme-missing",
    family="coverage",
    title="学段×层次缺少培训主题",
    title_en="a stage × tier cell has no theme",
    message="学段“{stage}”没有给层次“{tier}”写培训主题；不设主题时请明确写 {tier}: null",
    message_en="stage '{stage}' has no theme for tier '{tier}'; write {tier}: null if it deliberately has none",
    doc_en="""
    When stages carry themes, every stage × tier cell must have one, or say explicitly that it has none
    (`新教师: null`), so a missing theme is a decision and not an accident. Fix: add the theme or the null.
    """,
)
def theme_missing(ctx):
    """
    学段写了分层主题时，每个 学段 × 层次 的格子都要有主题，或明确写出不设（`新教师: null`），让空缺是决定而不是遗漏。

    怎么改：补上主题，或写 `层次名: null`。
    """
    plan = ctx.plan
    if not plan.tiers or not any(s.themes for s in plan.stages):
        return
    index: dict[str, int] = {}
    for k, t in enumerate(plan.tiers):
        index.setdefault(t.name, k)
    for i, s in enumerate(plan.stages):
        path = ("stages", i, "themes") if s.themes else ("stages", i, "name")
        for k in _missing(index, len(plan.tiers), s.themes, _MISSING_PER_STAGE):
            yield Finding(path, {"stage": s.name, "tier": plan.tiers[k].name}, at_key=bool(s.themes))


# a stage without themes for thousands of tiers says so for the first few, not for each
_MISSING_PER_STAGE = 20


def _missing(index: dict[str, int], count: int, themes: dict, limit: int) -> list[int]:
    """The first ``limit`` tier positions a stage has no theme for, found from the themes it
    has (sorted positions, then the gaps between them) rather than by trying every tier."""
    have = sorted({index[name] for name in themes if name in index})
    out: list[int] = []
    expect = 0
    for k in have + [count]:
        while expect < k and len(out) < limit:
            out.append(expect)
            expect += 1
        if len(out) >= limit:
            break
        expect = k + 1
    return out


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
    hint = _Hints()
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
    title="正文引用了不存在的模块组、考核方案、评价表或评分细则",
    title_en="the body refers to an undefined module set, assessment, evaluation or rubric",
    message="{kind}“{name}”没有定义；已定义的有：{hint}",
    message_en="{kind_en} '{name}' is not defined; did you mean {hint}",
    doc_en="""
    Blocks such as `{module_sets: [幼儿园新教师]}` or `{assessment: 分层项目}` and `catalog.module_set`
    name an `id` defined elsewhere in the plan. Fix: correct the id or define it.
    """,
)
def unknown_id(ctx):
    """
    正文中的数据块（如 `{module_sets: [幼儿园新教师]}`、`{assessment: 分层项目}`）和 `catalog.module_set` 引用的是别处定义的 `id`，必须存在。

    怎么改：改正 id，或补充定义。
    """
    plan = ctx.plan
    ids = {coll: [x.id for x in getattr(plan, coll)] for coll in _REFERRED}
    id_sets = {coll: set(v) for coll, v in ids.items()}
    _hint = _Hints()
    for path, block in walk_blocks(plan):
        kind = kind_for(block)
        if kind is None or kind.refers is None:
            continue
        ref = kind.refers
        for below, name in kind.ids(block):
            if name not in id_sets[ref.collection]:
                yield Finding(path + below, {"kind": ref.kind, "kind_en": ref.kind_en, "name": name, "hint": _hint(name, ids[ref.collection])})
    if plan.catalog and plan.catalog.module_set and plan.catalog.module_set not in id_sets["module_sets"]:
        name, ref = plan.catalog.module_set, _REFERRED["module_sets"]
        yield Finding(("catalog", "module_set"), {"kind": ref.kind, "kind_en": ref.kind_en, "name": name, "hint": _hint(name, ids["module_sets"])})


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


@rule(
    "PL505",
    "block-without-data",
    family="coverage",
    title="数据块没有可呈现的数据",
    title_en="a block has no data to show",
    message="正文中的 {block} 块要呈现 {data}，但计划里没有写",
    message_en="the {block} block shows {data_en}, but the plan has none",
    doc_en="""
    Blocks such as `{themes: table}` or `{phases: staged}` are filled from the plan's data; without that
    data the document would have an empty place. Fix: add the data or remove the block.
    """,
)
def block_without_data(ctx):
    """
    `{themes: table}`、`{phases: staged}` 这类数据块的内容来自计划中的数据；没有数据时文档里会留下空白。

    怎么改：补上数据，或删掉这个块。
    """
    present_for: dict[str, bool] = {}
    for path, block in walk_blocks(ctx.plan):
        kind = kind_for(block)
        if kind is None or kind.shows is None:
            continue
        key = kind.tag
        if key not in present_for:
            present_for[key] = kind.shows.present(ctx.plan)
        if not present_for[key]:
            yield Finding(path + (key,), {"block": key, "data": kind.shows.data, "data_en": kind.shows.data_en}, at_key=True)


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
    "PL507",
    "unresolved-reference",
    family="coverage",
    title="正文中的 {=…} 引用无法解析",
    title_en="a {=…} reference in the text does not resolve",
    message="引用 {ref} 无法解析：{why}",
    message_en="reference {ref} does not resolve: {why_en}",
    doc_en="""
    Prose cites computed figures as `{=hours.required}`, `{=phases.count:cn}`; a name that the plan does not
    define would be printed literally. `plancc show PLAN --facts` lists every name with its value. Fix: correct the name or format.
    """,
)
def unresolved_reference(ctx):
    """
    正文用 `{=hours.required}`、`{=phases.count:cn}` 引用计算出的数字；名称不存在时，文档里会原样印出这段代码。`plancc show 计划文件 --facts` 列出所有可用名称及其值。

    怎么改：改正名称或格式（:cn 中文数字，:count 计数“两”）。
    """
    facts = ctx.facts
    names = list(facts)
    guesses: dict[str, list[str]] = {}
    budget = 100_000  # name comparisons for “did you mean”: the first names get one (see _Hints)
    for path, text in ctx.prose():
        if "{=" not in text:
            continue
        for m in REF_RE.finditer(text):
            name, fmt = m.group(1), m.group(2)
            if name not in facts:
                close = guesses.get(name)
                if close is None:
                    close = []
                    if budget >= len(names):
                        budget -= len(names)
                        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
                    if len(guesses) < 10_000:
                        guesses[name] = close
                why = f"没有名为 {name} 的数据" + (f"，是不是 {{={close[0]}}}？" if close else "")
                why_en = f"no figure is named {name}" + (f"; did you mean {{={close[0]}}}?" if close else "")
            elif fmt is not None and fmt not in FORMATS:
                why, why_en = f"格式 :{fmt} 不存在，可用 :cn 或 :count", f"there is no format :{fmt}; use :cn or :count"
            else:
                try:
                    format_fact(facts[name], fmt)
                    continue
                except ValueError:
                    why, why_en = f"{name} 不是整数，不能写成中文数字（:{fmt}）", f"{name} is not a whole number, so :{fmt} cannot apply"
            yield Finding(path, {"ref": m.group(0), "why": why, "why_en": why_en}, text_range=(m.start(), m.end() - m.start()))


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


_ATTACHMENT_RE = re.compile(r"附件\s*([0-9０-９一二三四五六七八九十]+)")


@rule(
    "PL509",
    "unknown-attachment",
    family="coverage",
    severity="warning",
    title="正文提到的附件没有列出",
    title_en="the text mentions an attachment that is not listed",
    message="正文提到了“{label}”，但 document.attachments 中没有这个附件（已列出：{known}）",
    message_en="the text mentions '{label}', which document.attachments does not list (listed: {known})",
    doc_en="""
    A mention such as “（附件2）” promises an attachment; it must be listed in `document.attachments` so
    the document's 附件 note and the mention agree. Fix: list the attachment or correct the number.
    """,
)
def unknown_attachment(ctx):
    """
    正文中“（附件2）”这样的提法承诺了一个附件，它必须列在 `document.attachments` 中，文末的附件说明才能与正文一致。

    怎么改：在 document.attachments 中列出该附件，或改正编号。
    """
    doc = ctx.plan.document
    known = {a.label.replace(" ", "") for a in doc.attachments}
    own = (doc.attachment_label or "").replace(" ", "")
    listed = "、".join(sorted(known)) or "无"
    for path, text in ctx.prose():
        if "附件" not in text or path[:2] in (("document", "attachments"), ("document", "attachment_label")):
            continue
        shown = 0
        for m in _ATTACHMENT_RE.finditer(text):
            if shown >= PER_STRING:
                break
            label = "附件" + m.group(1)
            if label not in known and label != own:
                shown += 1
                yield Finding(path, {"label": label, "known": listed}, text_range=(m.start(), m.end() - m.start()))


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
    Module sets, assessments, evaluations, rubrics, the catalog and the phases reach the document only
    through a block in `sections`. Data that no block shows is silently left out of the rendered plan.
    Fix: add the block where it belongs, or delete the data. Plans without sections (data only) are not checked.
    """,
)
def unused_definition(ctx):
    """
    模块组、考核方案、评价表、评分细则、课程目录和进度安排只有通过 `sections` 中的数据块才会出现在文档里；没有块引用的数据会在渲染时被悄悄漏掉。

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
    for coll, ref in _REFERRED.items():
        for i, x in enumerate(getattr(plan, coll)):
            if x.id not in used[coll]:
                yield Finding((coll, i, "id"), {"kind": ref.kind, "kind_en": ref.kind_en, "name": x.id})
    for kind in KINDS:
        only = kind.shows.only_here if kind.shows is not None else None
        if only is not None and kind.tag not in kinds and kind.shows.present(plan):
            yield Finding(only.path, {"kind": only.kind, "kind_en": only.kind_en, "name": only.name(plan)}, at_key=True)
