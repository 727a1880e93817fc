"""PL813: a section's numbering form skips a level GB/T 9704 puts above it (一、 → 1. with no （一）), or goes back up."""

from __future__ import annotations

from plancc.check.registry import Finding, rule
from plancc.model.numbering import rung, walk
from plancc.text.ladder import FORMS, form_of


class _Problem:
    """What is wrong with the form, worded in the message's language."""

    def __init__(self, form: str, parent: int, here: int):
        self.form, self.parent, self.here = form, parent, here

    def words(self, lang: str) -> str:
        above = form_of(self.parent) if self.parent else ""
        if self.here > self.parent:
            skipped = "".join(FORMS[self.parent : self.here - 1])
            expected = form_of(self.parent + 1)
            if lang == "en":
                where = f"directly under “{above}”" if above else "at the top of the body"
                return (f"“{self.form}” stands {where}, skipping {skipped}; GB/T 9704 expects “{expected}” here. "
                        f"Write numbering: {expected} (or remove numbering), or, when the plan means it, "
                        f"suppress with # plancc: ignore[PL813] and the reason")
            where = f"直接排在“{above}”之下" if above else "排在正文的第一层"
            return (f"“{self.form}”{where}，跳过了 {skipped}；按 GB/T 9704 这里应为“{expected}”。"
                    f"请改为 numbering: {expected}（或删去 numbering），原文确实如此时用 # plancc: ignore[PL813] 写明原因抑制")
        if self.parent >= len(FORMS):  # under the lowest form there is none lower
            if lang == "en":
                return (f"“{self.form}” stands under “{above}”, the lowest form there is; "
                        f"no subsection can be numbered below it: nest fewer levels")
            return f"“{self.form}”排在“{above}”之下，而“{above}”已是最低一层的编号形式，下面不能再分编号的小节：请减少层级"
        if lang == "en":
            return (f"“{self.form}” stands under “{above}”, a level no lower than its parent's; "
                    f"a subsection takes a lower form (“{form_of(self.parent + 1)}”)")
        return f"“{self.form}”排在“{above}”之下，层级不低于上一级；下级小节应用更低一层的形式（“{form_of(self.parent + 1)}”）"


@rule(
    "PL813",
    "numbering-skips-level",
    family="prose",
    severity="warning",
    title="小节编号跳过了层级",
    title_en="a section's numbering skips a level",
    message="小节编号没有逐级递进：{problem}",
    message_en="the section numbering does not go down one level at a time: {problem}",
    doc_en="""
    GB/T 9704—2012 7.3.3 numbers the levels of a document 一、（一）1.（1） in this order, and ① follows
    （1）. A section's `numbering:` may choose its form, as real plans sometimes put “1.” directly under “一、”;
    this warns when the form chosen skips a level above it (一、 → 1. skips （一）; a top-level “（一）” skips
    一、), or is no lower than its parent's. Only `numbering:` written in the plan is checked (the forms the
    ladder gives never skip), once for a run of siblings in one form; list markers (`items`) are not levels.
    Fix: write the expected form or remove `numbering:`; when the plan is copied from a document that numbers
    this way, suppress with `# plancc: ignore[PL813] 原文如此`.
    """,
)
def numbering_skips_level(ctx):
    """
    GB/T 9704—2012 第 7.3.3 条规定结构层次序数依次为 一、（一）1.（1），（1）之下用 ①。小节可以用 `numbering:` 选编号形式（实际的方案有时在“一、”下直接写“1.”）；选的形式跳过了上面的层级（一、 下直接用 1.，跳过（一）；第一层用“（一）”，跳过一、），或不低于上一级时给出警告。只检查计划里写出的 `numbering:`（按层级自动编号不会跳级），同一形式的连续同级小节只报告第一个；列表（`items`）的序号不算层级。

    怎么改：写成应有的形式，或删去 `numbering:`；照录的原文就是这样编号时，用 `# plancc: ignore[PL813] 原文如此` 抑制。
    """
    previous: dict[tuple, int] = {}  # the form of the numbered section before, per list of siblings
    for path, s, here, parent in walk(ctx.plan.sections):
        siblings = path[:-1]
        before = previous.get(siblings)
        if s.numbered:
            previous[siblings] = here
        own = rung(s.numbering)
        if own is None or not s.numbered or own == before:
            continue
        if own > parent + 1 or own <= parent:
            yield Finding((*path, "numbering"), {"problem": _Problem(s.numbering, parent, own)})
