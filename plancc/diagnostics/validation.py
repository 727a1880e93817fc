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

from plancc.diagnostics.messages import msg

_VALUE_DETAILS: dict[str, tuple[str, str]] = {
    "greater_than_equal": ("应当不小于 {ge}", "must be at least {ge}"),
    "greater_than": ("应当大于 {gt}", "must be greater than {gt}"),
    "less_than_equal": ("应当不大于 {le}", "must be at most {le}"),
    "less_than": ("应当小于 {lt}", "must be less than {lt}"),
    "literal_error": ("应当是以下之一：{expected}", "must be one of: {expected}"),
    "partial_date_format": ("“{value}”不是日期，应写成 2022-11 或 2022-11-15", "'{value}' is not a date; write 2022-11 or 2022-11-15"),
    "partial_date_month": ("“{value}”：没有 {month} 月", "'{value}': there is no month {month}"),
    "partial_date_day": ("“{value}”不存在：{year}年{month}月只有{last}天", "'{value}' does not exist: {year}-{month} has {last} days"),
    "partial_date_type": ("这里应当是日期，如 2022-11 或 2022-11-15", "a date such as 2022-11 or 2022-11-15 is expected"),
    "block_kind": ("内容块应当是一段文字，或含有以下键之一的映射：{keys}", "a block is text, or a mapping with one of the keys: {keys}"),
    "too_short": ("至少要有 {min_length} 项", "needs at least {min_length} item(s)"),
    "too_long": ("最多 {max_length} 项", "at most {max_length} item(s)"),
    "string_too_short": ("不能为空", "must not be empty"),
    "string_pattern_mismatch": ("格式不对，应符合 {pattern}", "does not match the pattern {pattern}"),
    "layout_override": ("{problem}", "{problem}"),
    "table_row_cells": ("表格第 {row} 行有 {cells} 个单元格，但表格有 {columns} 列：每行的单元格个数应与 columns 的列数相同（空单元格写 \"\"）",
                        "row {row} of the table has {cells} cell(s) but the table has {columns} column(s): give each row one cell per column (\"\" for an empty one)"),
    "table_widths_count": ("widths 写了 {widths} 个宽度，但表格有 {columns} 列：每列一个宽度，或不写 widths",
                           "widths gives {widths} width(s) for {columns} column(s): give one per column, or leave widths out"),
    "table_merge_column": ("merge 中的 {col} 不是表格的列：列从 1 数起，表格有 {columns} 列",
                           "merge column {col} is not a column of the table: columns count from 1 and the table has {columns}"),
}
_VALUE_ERRORS: dict[str, tuple[str, str]] = {
    "blank": ("不能是空白文字", "must not be blank"),
    "not finite": ("不能是 NaN 或无穷大", "must be a finite number"),
}
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
_BOUND_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal", "finite_number"}


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
            zh, en = _VALUE_DETAILS[etype]
            expected = zh if lang == "zh" else en
        detail = expected + msg("type.got", lang, got=_describe(value, lang))
        if surprise is not None:
            if isinstance(value, bool):
                detail += msg("surprise.bool", lang, text=surprise)
            elif value is None:
                detail += msg("surprise.null", lang, text=surprise)
            else:
                detail += msg("surprise.number", lang, text=surprise)
        return "PL103", detail
    if bounds is not None and etype in _BOUND_ERRORS and bounds != (None, None):
        detail = _within(bounds, lang) + msg("type.got", lang, got=_describe(value, lang))
    elif etype == "value_error":
        raw = str(ctx.get("error", err.get("msg", "")))
        pair = _VALUE_ERRORS.get(raw)
        # our own validators raise ValueError with plancc's words; anything else is not ours
        detail = (pair[0] if lang == "zh" else pair[1]) if pair else (raw if _ours(raw, lang) else msg("value.other", lang))
        if raw.startswith("control:"):
            code = raw.split(":", 1)[1]
            detail = (f"文字中含有不可打印的控制字符 {code}（常见于从网页或其他软件复制的文字），请删除它"
                      if lang == "zh" else f"the text contains the control character {code} (often pasted from web pages); remove it")
    elif etype in _VALUE_DETAILS:
        zh, en = _VALUE_DETAILS[etype]
        try:
            detail = (zh if lang == "zh" else en).format(**{k: _fmt_ctx(v, lang) for k, v in ctx.items() if k != "at"})
        except (KeyError, IndexError):
            detail = msg("value.other", lang)
    else:
        detail = msg("value.other", lang)
    return "PL104", detail


def _within(bounds: tuple[Any, Any], lang: str) -> str:
    low, high = bounds
    if high is None:
        return f"应当不小于 {low}" if lang == "zh" else f"must be at least {low}"
    if low is None:
        return f"应当不大于 {high}" if lang == "zh" else f"must be at most {high}"
    return f"应当在 {low} 到 {high} 之间" if lang == "zh" else f"must be between {low} and {high}"


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
        return f'"{value}"' + ("（文字）" if lang == "zh" else " (text)")
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
        return "、".join(p for p in re.split(r", | or ", v) if p)
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
