"""Every number of the example plans' headings and lists is the seed's: the sequence of numbers that
open the rendered paragraphs (tables aside) is the sequence that opens the seed's lines.

The seed sequences are the numbers only, in the order the seed texts print them; a seed's half-width
“(一)” counts as the document's “（一）” (the same form, printed in its standard width). Where the
ladder would number a level otherwise (the 淮北 plan's ①②③ directly under “（一）”), the plan says so
with `numbering:` and the number printed is the seed's.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as DocxDocument

from tests.helpers import ROOT, check_example, render_example

SEED_NUMBERS = {
    "binchuan-2022": "一、 （一） 1. （1） （2） （3） 2. （二） 1. （1） （2） 2. （1） （2） 3. （1） （2） 4. （1） （2） 二、 三、 四、"
                     " 五、 （一） 1. 2. 3. 4. （二） （三） （四） 六、 （一） （二） （三） （四） （五） 1. 2. 3. （六） （七） 七、"
                     " （一） 1. （1） （2） 2. （1） （2） （二） 八、 九、 （一） （二） （三） （四） （五）",
    "huaibei-2022-2023": "一、 （一） （二） （三） （四） （五） 二、 （一） （二） （三） 三、 四、 （一） （二） 1. （1） （2） （3） 2."
                         " （1） ① ② ③ ④ ⑤ ⑥ ⑦ （2） 3. （1） ① ② ③ ④ （2） ① ② ③ ④ ⑤ ⑥ ⑦ （3） ① ② ③ ④ （三） 五、"
                         " （一） ① ② ③ （二） ① ② ③ 六、 （一） （二） （三） （四） （五）",
    "luoerling-2024-2025": "一、 二、 三、 （一） （二） 四、 （一） （二） 1. 2. 3. 4. 五、 六、 （一） （二） 1. 2. 3. （三） 1. 2. 3. 4. 5.",
}  # fmt: skip

_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+\.(?!\d)|（[0-9]+）|[①-⑳]|[A-Za-z]+\.)")


@pytest.fixture(scope="module", params=sorted(SEED_NUMBERS))
def numbered(request):
    path = ROOT / "plans" / f"{request.param}.yaml"
    doc = DocxDocument(io.BytesIO(render_example(check_example(path), path)))
    out = []
    for p in doc.paragraphs:
        m = _NUMBER.match(p.text)
        if m:
            out.append((m.group(0), p.style.name, p.text))
    return request.param, out


def test_headings_and_lists_carry_the_seeds_numbers(numbered):
    name, found = numbered
    assert [n for n, _, _ in found] == SEED_NUMBERS[name].split()


def test_a_heading_style_follows_its_form_not_its_depth(numbered):
    _, found = numbered
    styles = {"一、": "Heading 1", "（一）": "Heading 2", "1.": "Heading 3", "（1）": "Heading 4"}
    for number, style, text in found:
        form = re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"[0-9]+", "1", number))
        if style.startswith("Heading"):  # (a run-in heading may be set as a body paragraph)
            assert style == styles.get(form), (text[:20], style)
        if form not in styles:  # ① and deeper are items, not headings: they stay out of the navigation pane
            assert not style.startswith("Heading"), (text[:20], style)
    assert any(style.startswith("Heading") for _, style, _ in found)
