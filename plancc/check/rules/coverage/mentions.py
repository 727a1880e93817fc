"""References written in the text: every {=…} resolves (PL507), every “附件N” is listed (PL509)."""

from __future__ import annotations

import difflib
import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import PER_STRING, match_range
from plancc.model.facts import FORMATS, REF_HINT, REF_RE, format_fact


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
    budget = 100_000  # name comparisons for “did you mean”: the first names get one (see coverage.names.Hints)
    for path, text in ctx.prose_matching(REF_HINT):
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
            elif fmt is not None and any(f not in FORMATS for f in fmt.split(":")):
                bad = next(f for f in fmt.split(":") if f not in FORMATS)
                why, why_en = f"格式 :{bad} 不存在，可用 :cn、:count 等", f"there is no format :{bad}; use :cn, :count …"
            else:
                try:
                    format_fact(facts[name], fmt)
                    continue
                except ValueError:
                    from plancc.text.wording import format_names, value_kind

                    kind = value_kind(facts[name])
                    allowed = "、".join(":" + f for f in format_names(kind)) or "—"
                    if kind == "number":
                        why = f"{name} 不是整数，不能写成中文数字（:{fmt}）" if fmt in ("cn", "count") else f"{name} 是数字，不能用 :{fmt}（可用 {allowed}）"
                    else:
                        why = f"{name} 不能用格式 :{fmt}（可用 {allowed}）"
                    why_en = (f"{name} is not a whole number, so :{fmt} cannot apply" if kind == "number" and fmt in ("cn", "count")
                              else f"the format :{fmt} does not apply to {name}")
            yield Finding(path, {"ref": m.group(0), "why": why, "why_en": why_en}, text_range=match_range(m))


_ATTACHMENT_RE = re.compile(r"附件\s*([0-9０-９一二三四五六七八九十]+)")
_ATTACHMENT_HINT = re.compile("附件")


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
    for path, text in ctx.prose_matching(_ATTACHMENT_HINT):
        if path[:2] in (("document", "attachments"), ("document", "attachment_label")):
            continue
        shown = 0
        for m in _ATTACHMENT_RE.finditer(text):
            if shown >= PER_STRING:
                break
            label = "附件" + m.group(1)
            if label not in known and label != own:
                shown += 1
                yield Finding(path, {"label": label, "known": listed}, text_range=match_range(m))
