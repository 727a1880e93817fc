"""What the document shows is filled: every stage × tier cell has a theme (PL501), every block has its data (PL505)."""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import walk_blocks
from plancc.model.blocks import kind_for

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
