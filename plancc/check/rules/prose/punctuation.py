"""PL804: half-width punctuation (, ; : ( )) in Chinese text, where official documents use full-width."""

from __future__ import annotations

import re

from plancc.check.registry import Finding, rule
from plancc.check.rules._util import match_range
from plancc.text.patterns import lazy

_HAN = r"[\u3400-\u9fff]"
# , ; : ? ! beside Chinese on either side, ( before it, ) after it; the class is written twice,
# not four times: Python compiles a CJK class one code point at a time (1.5 ms each)
_HALF_WIDTH = lazy(rf"(?<={_HAN})[,;:?!)]|[,;:?!(](?={_HAN})")
_HALF_WIDTH_HINT = re.compile(r"[,;:?!()]")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@rule(
    "PL804",
    "half-width-punctuation",
    family="prose",
    severity="warning",
    title="中文里夹有半角标点",
    title_en="half-width punctuation in Chinese text",
    message="中文里有 {count} 处半角标点，第一处是“{sample}”中的“{mark}”，应为全角“{full}”",
    message_en="{count} half-width punctuation mark(s) in Chinese text, first '{mark}' in '{sample}'; use the full-width '{full}'",
    doc_en="""
    Official documents use full-width punctuation in Chinese text (，；：（）); half-width marks pasted from
    other software look wrong in print. Reported once per string, pointing at the first mark.
    Fix: replace them; when a text must be kept verbatim, suppress with `# plancc: ignore[PL804] 原文照录`.
    """,
)
def half_width_punctuation(ctx):
    """
    公文中的中文使用全角标点（，；：（）），从其他软件粘贴来的半角标点印出来很扎眼。每段文字报告一次，指向第一处。

    怎么改：替换为全角标点；必须照录原文时，用 `# plancc: ignore[PL804] 原文照录` 抑制。
    """
    half_width = _HALF_WIDTH()
    for path, text in ctx.prose_matching(_HALF_WIDTH_HINT):
        # a numbering form prints in its standard full-width form whatever width it is written in
        if path[:1] == ("include",) or path[-1:] in (("template",), ("numbering",)):
            continue
        m = half_width.search(text)
        if m:
            count = half_width.subn("", text)[1]  # counted in C, without a match object per mark
            sample = text[max(0, m.start() - 4) : m.end() + 4]
            yield Finding(path, {"count": count, "sample": sample, "mark": m.group(0), "full": _FULL[m.group(0)]},
                          text_range=match_range(m))
