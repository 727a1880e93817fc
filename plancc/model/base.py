"""Shared pieces of the plan model: the strict base class and small value types."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


class PlanModel(BaseModel):
    """Base of every plan object: unknown keys are errors, types are strict.

    Strict mode keeps YAML 1.1 surprises visible: ``no`` (a boolean) is not
    accepted as text, and ``"72"`` (text) is not accepted as a number.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=False, populate_by_name=True, defer_build=True)


def zh(title: str, description: str) -> ConfigDict:
    """A model's name and description in the JSON Schema, for the editor's hover (the
    docstring stays the developers' description)."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


def field_title(title: str | None, description: str | None) -> str | None:
    """A field's name as readers see it (the editor's hover heading, the wording of plancc
    diff): its title when the model gives one, else the first clause of its description
    (“每位教师需完成的学时”)."""
    if title:
        return title
    if not description:
        return None
    return re.split(r"[，,（(：:；;“]", description, maxsplit=1)[0].strip() or None


class Keywords:
    """JSON Schema keywords for what the validators beside it check, in the type's own
    annotation: ``Annotated[str, AfterValidator(f), Keywords(pattern=…)]``. Whatever plancc
    checks in a value is said here once, next to the check, so editors and schema tools
    reject what plancc rejects (``patternErrorMessage`` is the editor's message).

    A keyword's value may be a function of no arguments, called when the schema is made
    (a sub-schema that pydantic would otherwise build at every start)."""

    def __init__(self, **keywords: Any):
        self.keywords = keywords

    def __get_pydantic_json_schema__(self, schema, handler):
        out = handler(schema)
        out.update({k: v() if callable(v) else v for k, v in self.keywords.items()})
        return out

    def __repr__(self) -> str:
        return f"Keywords({self.keywords!r})"


def char_class(chars: str) -> str:
    """The characters as the body of a regular-expression class, each escaped as \\uXXXX,
    readable alike by Python and by the ECMA-262 expressions of JSON Schema."""
    out, codes = [], sorted({ord(c) for c in chars})
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(f"\\u{codes[i]:04x}" + (f"-\\u{codes[j]:04x}" if j > i else ""))
        i = j + 1
    return "".join(out)


#: what Python's str.strip() and ``\s`` take for space (the schema cannot say ``\s``: ECMA-262's differs),
#: written out: finding them takes a walk over 65,536 characters at every start
#: (tests/model/test_base.py checks the text against ``str.isspace``)
SPACE = r"\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028-\u2029\u202f\u205f\u3000"
#: the same characters in a pattern of Python's ``re``: there ``\s`` is exactly ``str.isspace``, and it
#: compiles at once, where a class written out to U+3000 builds a map of 65,536 entries (a JSON
#: Schema pattern keeps SPACE: ECMAScript's ``\s`` is another set)
RE_SPACE = r"\s"
#: the characters a document cannot print (nor .docx XML store)
CONTROL_CODES = (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF)
#: … as a class body, written out likewise (checked against CONTROL_CODES)
CONTROL = r"\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe-\uffff"
_CONTROL = re.compile(f"[{CONTROL}]")
#: text with no control character
WORDS_PATTERN = f"^[^{CONTROL}]*$"
#: … and at least one character that is not a space
TEXT_PATTERN = f"^[^{CONTROL}]*[^{SPACE}{CONTROL}][^{CONTROL}]*$"


def _printable(v: str) -> str:
    """Control characters cannot be printed in a document (nor stored in .docx XML)."""
    if v.isprintable():  # no control character, surrogate or noncharacter: most text, decided in C
        return v
    m = _CONTROL.search(v)
    if m:
        raise ValueError(f"control:U+{ord(m.group()):04X}")
    return v


def _not_blank(v: str) -> str:
    if not v.strip():
        raise ValueError("blank")
    return _printable(v)


def _finite(v: float) -> float:
    if isinstance(v, float) and not math.isfinite(v):
        raise ValueError("not finite")
    return v


Text = Annotated[str, AfterValidator(_not_blank),
                 Keywords(pattern=TEXT_PATTERN, patternErrorMessage="不能为空白，也不能含控制字符")]
"""Non-blank text written by the plan author (prose, names)."""

Words = Annotated[str, AfterValidator(_printable), Keywords(pattern=WORDS_PATTERN, patternErrorMessage="不能含控制字符")]
"""Text that may be empty (a phrase such as “，”, an empty subject)."""

Number = Annotated[float, Field(ge=0, le=1_000_000), BeforeValidator(_finite)]
"""A non-negative finite figure: hours, points, minutes."""

Percent = Annotated[float, Field(ge=0, le=100), BeforeValidator(_finite)]
"""A percentage written without the % sign (70 means 70%)."""

#: the years a plan may name (Year, and the years of a cycle written as text)
YEARS = (1949, 2199)
Year = Annotated[int, Field(ge=YEARS[0], le=YEARS[1])]


def fmt_number(v: float | int) -> str:
    """72 → "72", 72.0 → "72", 2.5 → "2.5": figures as a clerk would type them."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)
