"""Shared definitions: ``include:`` merges other YAML files under a plan.

    include: [../shared/county-2025.yaml]   # stages, tiers, policy values, common sections

Included files are read first, in order, and the plan's own keys win:
mappings merge key by key, any other value (a list, a text) is taken whole
from the file that writes it last. Every value keeps the position of the
file it was written in, so diagnostics point there. An include that is
missing, not a mapping, or part of a cycle is reported at the include entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancc.diagnostics import Diagnostic, Severity
from plancc.load.source import Limits, LoadedFile, SourceMap, load_file

MAX_INCLUDE_DEPTH = 16


def load_plan_file(path: str | Path, lang: str = "zh", limits: Limits | None = None, display: str | None = None) -> LoadedFile:
    """Load a plan and everything it includes."""
    return _load(Path(path), lang, limits or Limits(), display or str(path), [])


def _load(path: Path, lang: str, limits: Limits, display: str, stack: list[Path]) -> LoadedFile:
    loaded = load_file(path, lang, limits, display=display)
    data = loaded.data
    if not isinstance(data, dict) or "include" not in data:
        return loaded
    raw = data["include"]
    entries = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    here = path.resolve()
    merged: dict[str, Any] = {}
    msource = SourceMap()
    for i, entry in enumerate(entries):
        epath = ("include",) if isinstance(raw, str) else ("include", i)
        if not isinstance(entry, str):
            continue  # the model reports the wrong type
        target = (path.parent / entry).resolve()
        shown = _display(display, entry)
        where = loaded.source.locate(epath)
        if target in stack or target == here:
            chain = " → ".join([*(p.name for p in stack), here.name, target.name])
            loaded.diagnostics.append(_diag("PL012", lang, where, display, epath, cycle=chain))
            continue
        if len(stack) >= MAX_INCLUDE_DEPTH:
            loaded.diagnostics.append(_diag("PL012", lang, where, display, epath, deep=MAX_INCLUDE_DEPTH))
            continue
        if not target.is_file():
            loaded.diagnostics.append(_diag("PL012", lang, where, display, epath, missing=entry))
            continue
        inc = _load(target, lang, limits, shown, [*stack, here])
        loaded.diagnostics.extend(inc.diagnostics)
        loaded.included[shown] = inc.text
        loaded.included.update(inc.included)
        loaded.dependencies += [target, *inc.dependencies]
        if inc.data is None:
            continue
        if not isinstance(inc.data, dict):
            loaded.diagnostics.append(_diag("PL012", lang, where, display, epath, notmap=entry))
            continue
        _merge(merged, msource, inc.data, inc.source, shown, ())
    # the plan's own values win
    own = SourceMap(values=dict(loaded.source.values), keys=dict(loaded.source.keys), surprises=dict(loaded.source.surprises))
    _merge(merged, msource, data, own, None, ())
    if () in own.values:
        msource.values[()] = own.values[()]
    loaded.data = merged
    loaded.source = msource
    return loaded


def _merge(target: dict, tsource: SourceMap, incoming: dict, isource: SourceMap, file: str | None, path: tuple) -> None:
    for key, value in incoming.items():
        kpath = path + (key,)
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            for table_name in ("values", "keys"):
                pos = getattr(isource, table_name).get(kpath)
                if pos is not None:
                    getattr(tsource, table_name)[kpath] = pos
            _merge(target[key], tsource, value, isource, file, kpath)
            continue
        target[key] = value
        _copy_positions(tsource, isource, kpath, file)


def _copy_positions(tsource: SourceMap, isource: SourceMap, prefix: tuple, file: str | None) -> None:
    n = len(prefix)
    for table_name in ("values", "keys", "surprises"):
        t, s = getattr(tsource, table_name), getattr(isource, table_name)
        for p in [p for p in t if p[:n] == prefix]:
            del t[p]
        for p, v in s.items():
            if p[:n] == prefix:
                t[p] = v
    for p in [p for p in tsource.origins if p[:n] == prefix]:
        del tsource.origins[p]
    for p, f in isource.origins.items():
        if p[:n] == prefix:
            tsource.origins[p] = f
    if file is not None:
        tsource.origins[prefix] = file


def _display(parent: str, entry: str) -> str:
    """An included file's name as shown in diagnostics: relative to the plan's folder as written."""
    import os

    base = Path(parent).parent
    joined = os.path.normpath(base / entry) if str(base) not in ("", ".") else os.path.normpath(entry)
    return Path(joined).as_posix()


_MSG = {
    "cycle": ("循环包含：{cycle}", "include cycle: {cycle}"),
    "deep": ("包含层数超过 {deep} 层", "includes nested deeper than {deep}"),
    "missing": ("找不到要包含的文件“{missing}”（相对于本文件所在目录）", "included file '{missing}' not found (relative to this file's folder)"),
    "notmap": ("被包含的文件“{notmap}”顶层不是“键: 值”的映射", "included file '{notmap}' is not a mapping at the top level"),
}


def _diag(code: str, lang: str, span, file: str, path: tuple, **kw) -> Diagnostic:
    from plancc.load.source import format_path

    (key, value), = kw.items()
    zh, en = _MSG[key]
    text = (zh if lang != "en" else en).format(**{key: value})
    return Diagnostic(code, Severity.ERROR, text, file, span, format_path(path))
