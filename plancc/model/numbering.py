"""A section's or a list's numbering form as the plan writes it, and the forms the body's sections take.

``numbering: （一）`` names a rung of :mod:`plancc.text.ladder` by its first
number; width variants (``(一)``, ``1．``) are the same form and are stored in
the standard one. :func:`walk` gives every section of the body the form the
layout will give it (plancc.layout.numbering states the rule), for the rules
and for the check that nothing nests deeper than the ladder goes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from plancc.errors import Worded
from plancc.model.base import SPACE
from plancc.text.ladder import _WIDTH, FORMS, MAX_RUNG, form_of, rung_of

if TYPE_CHECKING:
    from plancc.model.outline import Section

_FORMS = " ".join(FORMS)
_ARABIC_COMMA = re.compile(r"\s*[0-9０-９]+\s*[、,，]\s*")
_CN = "一二三四五六七八九十百"
# a form written with another number than its first: （三）, 3., ⑤
_OTHER_NUMBER = [
    (re.compile(rf"[{_CN}]+、"), 1), (re.compile(rf"[（(][{_CN}]+[）)]"), 2), (re.compile(r"[0-9０-９]+[.．]"), 3),
    (re.compile(r"[（(][0-9０-９]+[）)]"), 4), (re.compile(r"[②-⑳]"), 5),
]


def _arabic(value):
    """``numbering: 1.`` unquoted is the number 1.0 to YAML: it means the form 1. (2. means it too, numbered 2)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(value) and value >= 0:
        return f"{int(value)}."
    return value


def _form(value: str) -> str:
    rung = rung_of(value)
    if rung is not None:
        return form_of(rung)
    text = value.strip()
    if _ARABIC_COMMA.fullmatch(text):
        raise Worded("value.numbering.comma", value=value, fixed="1.")
    for pattern, rung in _OTHER_NUMBER:
        if pattern.fullmatch(text):
            from plancc.text.numerals import parse_cn_number

            digits = re.sub(r"[^0-9０-９" + _CN + "]", "", text).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            n = parse_cn_number(digits) if digits else "②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(text) + 2
            raise Worded("value.numbering.first", value=value, fixed=form_of(rung), n=n)
    raise Worded("value.numbering", value=value, forms=_FORMS)


def _written(form: str) -> str:
    """A pattern of the ways to write a form: each character, or a width variant of it (rung_of's)."""
    out = ""
    for c in form:
        variants = [c] + sorted(k for k, v in ((chr(k), v) for k, v in _WIDTH.items()) if v == c)
        out += re.escape(c) if len(variants) == 1 else "[" + "".join(re.escape(v) for v in variants) + "]"
    return out


#: numbers that YAML reads from an unquoted form and _arabic takes for it (``numbering: 1.``)
_NUMBERS = [n for n in range(10) if rung_of(_arabic(n)) is not None]

assert _NUMBERS == list(range(_NUMBERS[0], _NUMBERS[-1] + 1)), "the numbers naming a form are one range"

NumberingForm = Annotated[
    str, BeforeValidator(_arabic), AfterValidator(_form),
    # a form as text, or the number YAML reads from an unquoted one (the pattern binds text, the bounds numbers)
    WithJsonSchema({
        "type": ["string", "integer"],
        "pattern": f"^[{SPACE}]*(?:" + "|".join(_written(f) for f in FORMS) + f")[{SPACE}]*$",
        "patternErrorMessage": "编号形式应为 " + _FORMS + " 之一（写第一个编号）",
        "minimum": _NUMBERS[0], "maximum": _NUMBERS[-1],
    }),
]
"""一、（一）1.（1）① A. a. (or a width variant), stored in the standard form."""


def rung(form: Optional[str]) -> Optional[int]:
    """The rung of a stored form; None for none."""
    return rung_of(form) if form else None


def walk(sections: list["Section"], path: tuple = ("sections",), parent: int = 0) -> Iterator[tuple[tuple, "Section", int, int]]:
    """(path, section, its rung, its parent's rung) for every section of `sections` and below,
    in document order; an unnumbered section has the rung it stands at (its children take the next)."""
    form = parent + 1
    for i, s in enumerate(sections):
        here = rung(s.numbering) or form
        if s.numbered:
            form = here
        yield (*path, i), s, here, parent
        yield from walk(s.sections, (*path, i, "sections"), here)


def check_depth(sections: list["Section"]) -> list["Section"]:
    """No numbered section or list of the plan's body sits deeper than the ladder goes
    (the error is located at the section or list at fault)."""
    from plancc.model.blocks import ItemList

    for path, s, here, _ in walk(sections):
        if s.numbered and here > MAX_RUNG:
            _too_deep(path[1:] + ("title",) if s.title else path[1:], here)
        for j, blk in enumerate(s.content):
            if isinstance(blk, ItemList) and blk.numbered:
                at = rung(blk.numbering) or here + 1
                if at > MAX_RUNG:
                    _too_deep(path[1:] + ("content", j), at)
    return sections


def _too_deep(at: tuple, here: int) -> None:
    raise PydanticCustomError(
        "value_error", "{error}",
        {"error": Worded("value.numbering.too_deep", rung=here, most=MAX_RUNG, forms=_FORMS), "at": at},
    )
