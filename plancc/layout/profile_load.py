"""Loading the layout profile: the bundled default, a user file and overrides deep-merged
on top, validated by the models of plancc.layout.profile, with errors that name the
key, the allowed range and the file line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Mapping

import yaml
from pydantic import ValidationError

from plancc.catalog import message
from plancc.errors import describe_os_error
from plancc.layout.profile import DEFAULT_PROFILE_PATH, Profile, ProfileError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``extra`` into a copy of ``base``: mappings merge key by key, anything else
    (lists included) replaces the base value."""
    out: dict[str, Any] = copy.deepcopy(dict(base))
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def expand_dotted(overrides: Mapping[str, Any], lang: str = "zh") -> dict[str, Any]:
    """Turn ``{"styles.heading3.bold": True}`` into nested dicts; nested input passes through."""
    out: dict[str, Any] = {}
    for key, value in overrides.items():
        if not isinstance(key, str) or not key:
            raise ProfileError(message("profile.override_key_empty", lang, key=repr(key)))
        if isinstance(value, Mapping):
            value = expand_dotted(value, lang)
        parts = key.split(".")
        if any(not p for p in parts):
            raise ProfileError(message("profile.override_key_form", lang, key=repr(key)))
        node: dict[str, Any] = {}
        leaf = node
        for p in parts[:-1]:
            leaf[p] = {}
            leaf = leaf[p]
        leaf[parts[-1]] = value
        out = deep_merge(out, node)
    return out


def _read_yaml(path: Path, lang: str = "zh") -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            data = yaml.load(fh, Loader=_Loader)  # noqa: S506 - safe loader (C or pure)
    except OSError as exc:
        raise ProfileError(message("profile.unreadable", lang, path=path, reason=describe_os_error(exc, lang))) from exc
    except yaml.YAMLError as exc:
        raise ProfileError(message("profile.not_yaml", lang, path=path, problem=exc)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProfileError(message("profile.not_mapping", lang, path=path))
    return data


def _field_at(loc: tuple) -> Any:
    """The pydantic field of the profile model at ``loc`` (None when there is none)."""
    model: Any = Profile
    info = None
    for part in loc:
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return None
        info = fields[part]
        model = info.annotation
        for _ in range(3):  # Optional[...] → the model inside
            args = [a for a in getattr(model, "__args__", ()) if a is not type(None)]
            if isinstance(model, type) or not args:
                break
            model = args[0]
    return info


def allowed_bounds(loc: tuple) -> tuple[Any, Any] | None:
    """(lowest, highest) a profile field allows, either None when open, from the model itself
    (so it cannot drift); None for a field without bounds."""
    info = _field_at(loc)
    if info is None:
        return None
    low = high = None
    for m in info.metadata:
        for attr, side in (("ge", "low"), ("gt", "low_x"), ("le", "high"), ("lt", "high_x")):
            v = getattr(m, attr, None)
            if v is None:
                continue
            if side == "low":
                low = v if low is None else max(low, v)
            elif side == "low_x":
                low = v + 1 if low is None else max(low, v + 1)
            elif side == "high":
                high = v if high is None else min(high, v)
            else:
                high = v - 1 if high is None else min(high, v - 1)
    if low is None and high is None:
        return None
    return low, high


def describe_error(err: dict, lang: str = "zh") -> str:
    """One pydantic error of the profile model in the user's words (the formatter plans and
    plancc.toml use; a bound is worded with the field's whole range)."""
    from plancc.diagnostics.validation import error_detail

    kind = err["type"]
    if kind == "extra_forbidden":
        return message("profile.unknown_key", lang)
    if kind == "missing":
        return message("profile.missing_key", lang)
    loc = tuple(err["loc"])
    return error_detail(err, err.get("input"), lang, bounds=allowed_bounds(loc))[1]


def _format_errors(exc: ValidationError, where: Any = None, lang: str = "zh") -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or message("profile.top_level", lang)
        line = where(tuple(err["loc"])) if where is not None else None
        lines.append("  " + message("profile.error_line", lang, where=f"{line}: " if line else "", key=loc,
                                       problem=describe_error(err, lang)))
    return "\n".join(lines)


def _yaml_lines(path: Path) -> Any:
    """A function giving ``file:line`` of a key path in a profile file (None where it is not written there)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return lambda loc: None

    def where(loc: tuple) -> str | None:
        cur = node
        line = None
        for part in loc:
            if not isinstance(cur, yaml.MappingNode):
                break
            for k, v in cur.value:
                if k.value == str(part):
                    line, cur = k.start_mark.line + 1, v
                    break
            else:
                break
        return f"{path}:{line}" if line else None

    return where


def check_overrides(overrides: Mapping[str, Any], lang: str = "zh") -> list[tuple[str, str]]:
    """Problems of layout overrides on their own (over the default profile): (dotted key, message).

    For ``[render.layout]`` in plancc.toml, checked when the configuration is
    loaded, so ``validate`` reports a bad value too; checks that involve
    several values (the type area, the table width) need the profile file as
    well and are made when rendering.
    """
    try:
        nested = expand_dotted(overrides, lang)
    except ProfileError as exc:
        return [("", str(exc))]
    data = deep_merge(_read_yaml(DEFAULT_PROFILE_PATH, lang), nested)
    try:
        Profile.model_validate(data)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            loc = tuple(str(p) for p in err["loc"])
            if not loc:  # a check of several values together: made at render time
                continue
            out.append((".".join(loc), describe_error(err, lang)))
        return out
    return []


def load_profile(
    path: str | Path | None = None, overrides: Mapping[str, Any] | None = None, lang: str = "zh"
) -> Profile:
    """Default profile ← user profile file ``path`` ← ``overrides`` (dotted or nested keys),
    validated. Raises ProfileError with every problem listed."""
    data = _read_yaml(DEFAULT_PROFILE_PATH, lang)
    sources = [str(DEFAULT_PROFILE_PATH.name)]
    where = None
    if path is not None:
        user = _read_yaml(Path(path), lang)
        data = deep_merge(data, user)
        sources.append(str(path))
        file_lines = _yaml_lines(Path(path))
        where = file_lines
    if overrides:
        data = deep_merge(data, expand_dotted(overrides, lang))
        sources.append(message("profile.overrides", lang))
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(
            message("profile.invalid", lang, sources=" ← ".join(sources)) + "\n" + _format_errors(exc, where, lang)
        ) from exc
