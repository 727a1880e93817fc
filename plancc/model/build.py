"""Turn loaded values into a :class:`Plan`, mapping pydantic errors to located diagnostics.

Pydantic's error locations follow the model's types (they include union
member names and discriminator tags); plan authors think in terms of the
keys they wrote. :func:`data_path` walks an error location along the data
itself so each diagnostic points at the YAML node at fault, and union noise
(one error per member) is cut down to the member the author evidently meant.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.diagnostics.messages import msg
from plancc.load.source import LoadedFile, format_path, value_at
from plancc.model.outline import BLOCK_KEYS
from plancc.model.plan import SCHEMA_VERSION, Plan

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
}


def build_plan(loaded: LoadedFile, lang: str = "zh") -> tuple[Plan | None, list[Diagnostic]]:
    """Validate loaded data against the model; never raises on bad input."""
    data = loaded.data
    if not isinstance(data, dict):
        return None, []
    diags: list[Diagnostic] = []
    version = data.get("plancc")
    if "plancc" not in data:
        diags.append(Diagnostic("PL100", Severity.ERROR, msg("PL100", lang), loaded.path, loaded.source.locate(()), ""))
        return None, diags
    if version != SCHEMA_VERSION or isinstance(version, bool):
        diags.append(
            Diagnostic(
                "PL100",
                Severity.ERROR,
                msg("PL100.version", lang, version=_written(version, lang), supported=SCHEMA_VERSION),
                loaded.path,
                loaded.source.locate(("plancc",)),
                "plancc",
            )
        )
        return None, diags
    try:
        return Plan.model_validate(data), diags
    except ValidationError as exc:
        diags.extend(errors_to_diagnostics(exc.errors(include_url=False), loaded, Plan, lang))
        return None, diags
    except RecursionError:  # the loader caps depth; this is a last guard
        diags.append(Diagnostic("PL006", Severity.ERROR, msg("PL006", lang, what=msg("limit.depth", lang, n="?")), loaded.path, None))
        return None, diags


def build_partial(loaded: LoadedFile) -> tuple[Plan | None, set[str]]:
    """A plan built from the parts of the file that are valid, for running rules anyway.

    Top-level parts with structural errors are dropped (document is replaced
    by a stub) so the rules can still report on the rest in the same run;
    the caller discards findings that touch a dropped part.
    """
    data = dict(loaded.data) if isinstance(loaded.data, dict) else None
    if data is None or data.get("plancc") != SCHEMA_VERSION or isinstance(data.get("plancc"), bool):
        return None, set()  # the version build_plan refuses (PL100): nothing of the plan can be read
    dropped: set[str] = set()
    for _ in range(4):
        try:
            return Plan.model_validate(data), dropped
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors(include_url=False) if e["loc"]}
            if not bad or bad <= dropped and "document" not in bad:
                return None, dropped
            for key in bad:
                dropped.add(key)
                if key == "document":
                    data["document"] = {"title": "?"}
                else:
                    data.pop(key, None)
        except RecursionError:
            return None, dropped
    return None, dropped


# --------------------------------------------------------------------------
def data_path(loc: tuple, data: Any) -> tuple[tuple, list[tuple[tuple, str]]]:
    """Follow `loc` through the data; return the data path and the union members skipped."""
    path: list = []
    skipped: list[tuple[tuple, str]] = []
    cur = data
    for part in loc:
        if isinstance(cur, dict) and isinstance(part, str) and part in cur:
            path.append(part)
            cur = cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            path.append(part)
            cur = cur[part]
        elif isinstance(part, str) and _looks_like_member(part):
            # a union member's name, below a mapping or a scalar alike
            skipped.append((tuple(path), part))
        elif isinstance(cur, dict) and isinstance(part, str):
            # a missing or extra key: keep it as the last element
            path.append(part)
            cur = None
        # anything else is a type tag pydantic adds below a scalar: ignore it
    return tuple(path), skipped


def _looks_like_member(part: str) -> bool:
    return part[:1].isupper() or "[" in part or part in ("str", "int", "float", "bool", "none") or part in _TAGS


_TAGS = set(BLOCK_KEYS)  # discriminator tags pydantic puts into error locations


def _member_fits(member: str, value: Any) -> bool:
    if isinstance(value, dict):
        return member[:1].isupper() or member.startswith("dict[") or member in _TAGS
    if isinstance(value, list):
        return member.startswith("list[")
    if isinstance(value, str):
        return not (member[:1].isupper() or member.startswith(("list[", "dict[", "tuple[")) or member in _TAGS)
    return True


def errors_to_diagnostics(errors: list[dict], loaded: LoadedFile, root: type[BaseModel], lang: str) -> list[Diagnostic]:
    data = loaded.data
    resolved = []
    for err in errors:
        # a model check locates its error below the model: ctx["at"] is the rest of the path
        at = (err.get("ctx") or {}).get("at")
        loc = tuple(err["loc"]) + (tuple(at) if isinstance(at, (tuple, list)) else ())
        path, skipped = data_path(loc, data)
        resolved.append((err, path, skipped))

    # Unions report one error per member; keep only the member that fits the
    # value the author wrote (a mapping → the model member, text → str).
    keep = []
    for err, path, skipped in resolved:
        fits = True
        for upath, member in skipped:
            if err["type"] == "block_kind":
                continue
            value = value_at(data, upath)
            if not _member_fits(member, value):
                fits = False
                break
        keep.append(fits)
    if not any(keep):
        keep = [True] * len(resolved)

    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    for (err, path, skipped), k in zip(resolved, keep):
        if not k:
            continue
        d = _diagnostic(err, path, loaded, root, lang)
        key = (d.code, d.path, d.message)
        if key in seen:
            continue
        # a scalar that fits no member of a union (`audience: no`) gets one
        # type error, the first member's, not one per member
        member = bool(skipped) or len(err["loc"]) > len(path)
        if d.code == "PL103" and member and ("PL103", d.path) in seen:
            continue
        seen.add(key)
        seen.add((d.code, d.path))
        out.append(d)
    return out


def _diagnostic(err: dict, path: tuple, loaded: LoadedFile, root: type[BaseModel], lang: str) -> Diagnostic:
    etype = err["type"]
    source = loaded.source
    file = loaded.file_of(path)
    ctx = err.get("ctx") or {}
    if etype == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        allowed = allowed_keys(root, path[:-1], loaded.data)
        hint = ""
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            hint = msg("PL101.hint", lang, suggestion=close[0])
        elif allowed:
            hint = msg("PL101.allowed", lang, allowed="、".join(allowed) if lang == "zh" else ", ".join(allowed))
        return Diagnostic("PL101", Severity.ERROR, msg("PL101", lang, key=key, hint=hint), file, source.locate(path, key=True), format_path(path))
    if etype == "missing":
        key = str(path[-1]) if path else "?"
        parent = path[:-1]
        where = f"（位于 {format_path(parent)}）" if parent and lang == "zh" else (f" (in {format_path(parent)})" if parent else "")
        span = source.keys.get(parent) if parent else None
        if span is None:
            whole = source.locate(parent)
            span = Span.point(whole.line, whole.column) if whole else None
        return Diagnostic("PL102", Severity.ERROR, msg("PL102", lang, key=key, what=where), file, span, format_path(path))
    span = source.locate(path)
    value = value_at(loaded.data, path)
    code, message = describe_error(err, value, lang, source.surprises.get(path))
    return Diagnostic(code, Severity.ERROR, message, file, span, format_path(path))


def describe_error(err: dict, value: Any, lang: str, surprise: str | None = None) -> tuple[str, str]:
    """The code (PL103 wrong type, PL104 invalid value) and message of one pydantic error
    about `value`, in the user's language; used for plans and for plancc.toml alike.

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
        return "PL103", msg("PL103", lang, detail=detail)
    if etype == "value_error":
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
    return "PL104", msg("PL104", lang, detail=detail)


def _ours(text: str, lang: str) -> bool:
    """A validator's own message in the user's language (Chinese unless English was asked)."""
    if not text:
        return False
    if lang == "en":
        return True
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _written(value: Any, lang: str) -> str:
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
        import re

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


# --------------------------------------------------------------------------
def allowed_keys(root: type[BaseModel], path: tuple, data: Any) -> list[str]:
    """Field names of the model found at `path` (for "did you mean")."""
    model = model_at(root, path, data)
    return list(model.model_fields) if model is not None else []


def model_at(root: type[BaseModel], path: tuple, data: Any) -> type[BaseModel] | None:
    tp: Any = root
    cur = data
    for part in path:
        tp = _pick(tp, cur)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            tp = field.annotation
        else:
            origin = typing.get_origin(tp)
            args = typing.get_args(tp)
            if origin is list and args:
                tp = args[0]
            elif origin is dict and len(args) == 2:
                tp = args[1]
            else:
                return None
        cur = value_at(cur, (part,))
    tp = _pick(tp, cur)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _pick(tp: Any, value: Any) -> Any:
    """Unwrap Annotated/Optional/Union to the member that fits `value`."""
    for _ in range(10):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin is Union or origin is types.UnionType:
            members = [typing.get_args(m)[0] if typing.get_origin(m) is typing.Annotated else m for m in typing.get_args(tp)]
            models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
            if isinstance(value, dict) and models:
                if len(models) > 1:
                    for m in models:
                        if any(k in value for k in m.model_fields if m.model_fields[k].is_required()):
                            return m
                return models[0]
            lists = [m for m in members if typing.get_origin(m) is list]
            if isinstance(value, list) and lists:
                return lists[0]
            return members[0]
        return tp
    return tp
