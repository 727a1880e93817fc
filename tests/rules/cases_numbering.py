"""Fire/quiet cases of PL813, a section's numbering that skips a level (plancc/check/rules/prose/numbering.py)."""

from tests.rules.cases import Case


def _body(form: str, top: str = "") -> str:
    top_line = f"    numbering: {top}\n" if top else ""
    own = f"        numbering: {form}\n" if form else ""
    return ("sections:\n  - title: 培训内容\n" + top_line + "    sections:\n      - title: 师德师风\n" + own
            + "      - title: 专业能力\n")


def _deep(form: str) -> str:
    """Eight nested sections, the ladder's seven forms and one more; the last may choose its form."""
    out = "sections:\n"
    for d in range(8):
        pad = "  " * (2 * d + 1)
        out += f"{pad}- title: 第{d + 1}层\n"
        if d < 7:
            out += f"{pad}  sections:\n"
        elif form:
            out += f"{pad}  numbering: {form}\n"
    return out


NUMBERING_CASES = [
    # “1.” directly under “一、” skips （一）; the twin writes the expected form (or none)
    Case("PL813", _body("1."), "numbering: 1.", _body("（一）"), says=("（一）", "1.", "一、"),
         column_at="1.", path="sections[0].sections[0].numbering"),
    Case("PL813", _body("1."), "numbering: 1.", _body(""), id="no-numbering"),
    # a top-level “（一）” skips 一、
    Case("PL813", _body("", "（一）"), "numbering: （一）", _body("", "一、"), says=("一、",), id="top"),
    # a subsection in a form no lower than its parent's
    Case("PL813", _body("一、", "一、"), "        numbering: 一、", _body("（一）", "一、"), says=("上一级",), id="upward"),
    # the ladder goes on below a skipped level: the children of “1.” are （1） and stay quiet
    Case("PL813", _body("（1）").replace("      - title: 专业能力\n", "      - title: 专业能力\n        numbering: （1）\n"),
         "numbering: （1）", _body("（一）").replace("      - title: 专业能力\n",
                                                 "      - title: 专业能力\n        sections:\n          - title: 线上\n            numbering: 1.\n"),
         says=("（一）",), id="run"),
    # under the lowest form (a.) there is none lower: a located warning, never a crash
    Case("PL813", _deep("①"), "numbering: ①", _deep(""), says=("最低一层",), id="below-the-lowest"),
]

