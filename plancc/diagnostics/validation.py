"""Pydantic's errors in plancc's words: one formatter for plans, plancc.toml and layout profiles.

Each caller says where the error is (a plan's line and column, a key of
plancc.toml, a line of a profile file) and handles the key-level errors
(unknown or missing keys) in its own terms; what a wrong value is and what
would be right is worded here, in the user's language. No pydantic text
ever reaches the user.
"""

from __future__ import annotations

import re
from typing import Any

from plancc.catalog import joined
from plancc.catalog import message as msg
from plancc.errors import Worded

#: pydantic error types worded by plancc: the message is "value.<type>" in the catalog
_VALUE_DETAILS = frozenset({'greater_than_equal', 'greater_than', 'less_than_equal', 'less_than', 'literal_error', 'partial_date_format', 'partial_date_month', 'partial_date_day', 'partial_date_type', 'partial_date_time', 'partial_date_time_day', 'block_kind', 'too_short', 'too_long', 'string_too_short', 'string_pattern_mismatch', 'layout_override', 'table_row_cells', 'table_widths_count', 'table_merge_column', 'figure_amount', 'figure_derive', 'figure_name', 'figure_both_bounds', 'rubric_item_points', 'rubric_item_rows_text', 'table_no_columns', 'table_merge_up', 'table_merge_up_text', 'table_columns_and_header'})
#: ValueError texts of plancc's own validators → catalog key "value.error.<name>"
_VALUE_ERRORS = {"blank": "blank", "not finite": "not_finite"}
_TYPE_KEYS = {
    "string_type": "type.str",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "float_type": "type.number",
    "bool_type": "type.bool",
    "list_type": "type.list",
    "dict_type": "type.dict",
    "model_type": "type.dict",
    "model_attributes_type": "type.dict",
    "tuple_type": "type.list",
    # lax models (layout profiles) report text that is not a number this way
    "int_parsing": "type.int",
    "float_parsing": "type.number",
    "bool_parsing": "type.bool",
}
#: errors about a bound (or a number that has none: NaN); worded with the field's whole range when the caller knows it
#: the errors of a figure out of its range
BOUND_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal", "finite_number"}


def describe_error(err: dict, value: Any, lang: str, surprise: str | None = None) -> tuple[str, str]:
    """The code (PL103 wrong type, PL104 invalid value) and message of one pydantic error
    about `value`, in the user's language (for plan diagnostics)."""
    code, detail = error_detail(err, value, lang, surprise)
    return code, msg(code, lang, detail=detail)


def error_detail(err: dict, value: Any, lang: str, surprise: str | None = None,
                 bounds: tuple[Any, Any] | None = None) -> tuple[str, str]:
    """The code (PL103 wrong type, PL104 invalid value) and what is wrong with `value`.

    ``surprise``: the text as written when YAML read it as something else
    (``no`` read as false). ``bounds``: (lowest, highest) allowed, either None
    when open, for a message that names the whole range at once.
    An error type with no entry here still gets words of plancc's, never pydantic's English.
    """
    etype = err["type"]
    ctx = err.get("ctx") or {}
    if etype in _TYPE_KEYS or etype.endswith("_type"):
        if etype in _TYPE_KEYS or etype not in _VALUE_DETAILS:
            expected = msg(_TYPE_KEYS.get(etype, "type.str"), lang)
        else:  # a type of our own (partial_date_type): its own words
            expected = msg(f"value.{etype}", lang)
        detail = expected + msg("type.got", lang, got=_describe(value, lang))
        if surprise is not None:
            if isinstance(value, bool):
                detail += msg("surprise.bool", lang, text=surprise)
            elif value is None:
                detail += msg("surprise.null", lang, text=surprise)
            else:
                detail += msg("surprise.number", lang, text=surprise)
        return "PL103", detail
    if bounds is not None and etype in BOUND_ERRORS and bounds != (None, None):
        detail = _within(bounds, lang) + msg("type.got", lang, got=_describe(value, lang))
    elif etype == "value_error" and isinstance(ctx.get("error"), Worded):
        detail = ctx["error"].words(lang)
    elif etype == "value_error":
        raw = str(ctx.get("error", err.get("msg", "")))
        name = _VALUE_ERRORS.get(raw)
        # our own validators raise ValueError with plancc's words; anything else is not ours
        detail = msg(f"value.error.{name}", lang) if name else (raw if _ours(raw, lang) else msg("value.other", lang))
        if raw.startswith("control:"):
            detail = msg("value.error.control", lang, code=raw.split(":", 1)[1])
    elif etype in _VALUE_DETAILS:
        detail = msg(f"value.{etype}", lang, **{k: _fmt_ctx(v, lang) for k, v in ctx.items() if k != "at"})
    else:
        detail = msg("value.other", lang)
    return "PL104", detail


def _within(bounds: tuple[Any, Any], lang: str) -> str:
    low, high = bounds
    if high is None:
        return msg("value.within.low", lang, low=low)
    if low is None:
        return msg("value.within.high", lang, high=high)
    return msg("value.within", lang, low=low, high=high)


def _ours(text: str, lang: str) -> bool:
    """A validator's own message in the user's language (Chinese unless English was asked)."""
    if not text:
        return False
    if lang == "en":
        return True
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def written(value: Any, lang: str) -> str:
    """A value as the author wrote it: "1" (quoted text) is not the number 1."""
    if isinstance(value, str):
        return msg("value.written.text", lang, value=value)
    if value is None:
        return msg("got.none", lang)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return _describe(value, lang)
    return str(value)


def _fmt_ctx(v: Any, lang: str = "zh") -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and lang != "en" and " or " in v:
        # pydantic lists choices as "'a', 'b' or 'c'"
        return joined([p for p in re.split(r", | or ", v) if p], lang)
    return v


def _describe(value: Any, lang: str) -> str:
    if value is None:
        return msg("got.none", lang)
    if isinstance(value, bool):
        return msg("got.bool", lang, value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("got.int", lang, value=value)
    if isinstance(value, str):
        short = value if len(value) <= 20 else value[:20] + "…"
        return msg("got.str", lang, value=short)
    if isinstance(value, list):
        return msg("got.list", lang)
    if isinstance(value, dict):
        return msg("got.dict", lang)
    return type(value).__name__
