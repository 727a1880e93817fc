"""Turn loaded values into a :class:`Plan`, mapping pydantic errors to located diagnostics.

Pydantic's error locations follow the model's types (they include union
member names and discriminator tags); plan authors think in terms of the
keys they wrote. :func:`data_path` walks an error location along the data
itself so each diagnostic points at the YAML node at fault, and union noise
(one error per member) is cut down to the member the author evidently meant.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from plancc.catalog import joined
from plancc.catalog import message as msg
from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.diagnostics.validation import BOUND_ERRORS, error_detail, written
from plancc.load.source import LoadedFile, format_path, value_at
from plancc.model.base import field_title
from plancc.model.blocks import BLOCK_KEYS
from plancc.model.plan import SCHEMA_VERSION, Plan

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
                msg("PL100.version", lang, version=written(version, lang), supported=SCHEMA_VERSION),
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
    tagged = -1  # the length of the path when the block's kind tag was skipped
    for part in loc:
        if (isinstance(cur, dict) and part in _TAGS and tagged != len(path) and len(path) >= 2
                and path[-2] == "content" and isinstance(path[-1], int)):
            # a block's kind tag (its key's name), before the block's own fields or a model check's place
            skipped.append((tuple(path), part))
            tagged = len(path)
        elif isinstance(cur, dict) and isinstance(part, str) and part in cur:
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
        if member[:1].isupper() or member.startswith(("list[", "dict[", "tuple[")) or member in _TAGS:
            return False
        return _scalar_kind(member) in ("str", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _scalar_kind(member) != "str"
    return True


_SCALAR = re.compile(r"\b(str|float|int|bool)\b")


def _scalar_kind(member: str) -> str | None:
    """What a scalar member of a union takes, from pydantic's name for it
    ("function-after[_amount_text(), str]" takes text, "constrained-float" a number)."""
    kinds = set(_SCALAR.findall(member.replace("-", " ")))
    if "str" in kinds:
        return "str"
    if kinds & {"float", "int"}:
        return "number"
    return "bool" if kinds else None


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
            hint = msg("PL101.allowed", lang, allowed=joined(allowed, lang))
        return Diagnostic("PL101", Severity.ERROR, msg("PL101", lang, key=key, hint=hint), file, source.locate(path, key=True), format_path(path))
    if etype == "missing":
        key = str(path[-1]) if path else "?"
        parent = path[:-1]
        where = msg("PL102.in", lang, parent=format_path(parent)) if parent else ""
        span = source.keys.get(parent) if parent else None
        if span is None:
            whole = source.locate(parent)
            span = Span.point(whole.line, whole.column) if whole else None
        return Diagnostic("PL102", Severity.ERROR, msg("PL102", lang, key=key, what=where), file, span, format_path(path))
    span = source.locate(path)
    value = value_at(loaded.data, path)
    code, detail = error_detail(err, value, lang, source.surprises.get(path))
    named = _field_named(root, path, loaded.data, lang) if etype in BOUND_ERRORS else None
    if named:  # 教龄范围应当不大于 60: which figure, where an item of a list is out of range
        detail = msg("value.of_field", lang, field=named, detail=detail)
    return Diagnostic(code, Severity.ERROR, msg(code, lang, detail=detail), file, span, format_path(path))


def _field_named(root: type[BaseModel], path: tuple, data: Any, lang: str) -> str | None:
    """The name of the field a value at ``path`` belongs to, when the value is an item of a
    list (``tiers[2].years[1]``): its Chinese title (the key itself in English)."""
    if not path or not isinstance(path[-1], int):
        return None
    keyed = [i for i, p in enumerate(path) if isinstance(p, str)]
    if not keyed:
        return None
    at = keyed[-1]
    model = model_at(root, path[:at], data)
    info = model.model_fields.get(path[at]) if model is not None else None
    if info is None:
        return None
    if lang == "en":
        return str(path[at])
    return field_title(info.title, info.description)


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
