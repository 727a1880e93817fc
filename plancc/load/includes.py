"""Shared definitions: ``include:`` merges other YAML files under a plan.

    include: [../shared/county-2025.yaml]   # stages, tiers, policy values, common sections

Included files are read first, in order, and the plan's own keys win:
mappings merge key by key, any other value (a list, a text) is taken whole
from the file that writes it last. Every value keeps the position of the
file it was written in, so diagnostics point there.

Plans come from pull requests and CI runs them, so an include is untrusted:

* it must name a ``.yaml``/``.yml`` file inside the repository: the folder of
  ``plancc.toml`` (or the plan's own folder without one), or a folder that
  ``[include] allow`` names. Symbolic links are resolved before the check.
  Nothing outside is opened, so no message can quote it;
* only regular files are read (a named pipe, a device or a folder is named
  as such), checked before opening and opened without waiting;
* what a plan includes counts against ``limits.max_include_bytes``.

Each included file is loaded once per process (keyed by its resolved path
and stat identity), however many plans or entries include it. Every
refusal is a PL012 (or PL006 for a limit) at the include entry.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plancc.catalog import message
from plancc.diagnostics import Diagnostic, Severity
from plancc.load.compose import load_text
from plancc.load.files import MISSING, decode_text, errno_key, file_kind, load_file, read_regular_file, reason_text
from plancc.load.limits import Limits, limit_diagnostic, readable_size
from plancc.load.source import LoadedFile, SourceMap, format_path

MAX_INCLUDE_DEPTH = 16
SUFFIXES = (".yaml", ".yml")


@dataclass
class _Resolved:
    """One file with everything it includes merged in, as any plan would see it."""

    loaded: LoadedFile
    sizes: dict[str, int] = field(default_factory=dict)  # resolved path → bytes, of every file read below
    contextual: bool = False  # depends on who includes it (a cycle, the depth limit): not cached


# resolved path → (stat identity, lang, limits, roots, result)
_CACHE: dict[str, tuple[tuple, str, Limits, tuple, _Resolved]] = {}


def clear_cache() -> None:
    _CACHE.clear()


def load_plan_file(path: str | Path, lang: str = "zh", limits: Limits | None = None, display: str | None = None,
                   roots: tuple[Path, ...] = ()) -> LoadedFile:
    """Load a plan and everything it includes.

    `roots` are the folders includes may read from (resolved); empty means
    the plan's own folder.
    """
    limits = limits or Limits()
    display = display or str(path)
    loaded = load_file(path, lang, limits, display=display)
    if not isinstance(loaded.data, dict) or "include" not in loaded.data:
        return loaded
    real = os.path.realpath(path)
    allowed = tuple(str(r) for r in roots) or (os.path.dirname(real),)
    ctx = _Context(lang, limits, allowed, bool(roots))
    resolved = ctx.expand(loaded, real, [])
    out = resolved.loaded
    out.diagnostics = _unique(out.diagnostics)
    return out


def _unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    """A file included twice (a diamond) reports its problems once."""
    seen = set()
    out = []
    for d in diags:
        key = (d.code, d.file, d.line, d.column, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


class _Context:
    def __init__(self, lang: str, limits: Limits, roots: tuple[str, ...], configured: bool):
        self.lang = lang
        self.limits = limits
        self.roots = roots
        self.configured = configured

    # -- one file ---------------------------------------------------------------------------
    def load_include(self, real: str, shown: str, stack: list[str]) -> _Resolved | str:
        """The include at `real` fully expanded, from the cache when it did not change.

        Returns a message key instead when the file cannot be read.
        """
        try:
            st = os.stat(real)
        except OSError:
            st = None
        identity = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) if st else None
        hit = _CACHE.get(real)
        if hit is not None and identity is not None:
            ident, lang, limits, roots, result = hit
            if ident == identity and lang == self.lang and limits == self.limits and roots == self.roots:
                return result
        raw, why, size = read_regular_file(real, self.limits.max_bytes)
        if raw is None:
            if why == "limit":
                d = limit_diagnostic("max_bytes", self.lang, shown, None, self.limits.max_bytes, size=readable_size(size))
                return _Resolved(LoadedFile(shown, "", None, SourceMap(), [d]), {real: size})
            return why
        text, problem = decode_text(raw, shown, self.lang)
        if problem is not None:
            # not text: nothing of it is kept, so nothing of it can be shown
            return _Resolved(LoadedFile(shown, "", None, SourceMap(), [problem]), {real: len(raw)})
        loaded = load_text(text, shown, self.lang, self.limits)
        result = self.expand(loaded, real, stack)
        result.sizes[real] = len(raw)
        if not result.contextual and identity is not None:
            _CACHE[real] = (identity, self.lang, self.limits, self.roots, result)
        return result

    def expand(self, loaded: LoadedFile, real: str, stack: list[str]) -> _Resolved:
        """Merge what `loaded` (read from `real`) includes under it."""
        data = loaded.data
        result = _Resolved(loaded)
        if not isinstance(data, dict) or "include" not in data:
            return result
        raw = data["include"]
        entries = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        merged: dict[str, Any] = {}
        msource = SourceMap()
        diagnostics = list(loaded.diagnostics)
        included: dict[str, str] = {}
        dependencies: list[Path] = []
        replaced: dict[tuple, tuple] = {}
        here_dir = os.path.dirname(real)
        for i, entry in enumerate(entries):
            epath = ("include",) if isinstance(raw, str) else ("include", i)
            if not isinstance(entry, str):
                continue  # the model reports the wrong type
            where = loaded.source.locate(epath)

            def refuse(key: str, **kw) -> None:
                diagnostics.append(_diag(self.lang, where, loaded.path, epath, key, entry=entry, **kw))

            if not entry.strip() or "\0" in entry:
                refuse("missing", reason=reason_text(MISSING, self.lang))
                continue
            lexical = os.path.normpath(os.path.join(here_dir, entry))
            target = os.path.realpath(lexical)
            if not self.inside(target):
                refuse("outside_link" if self.inside(lexical) else "outside", allow="config" if self.configured else "no_config")
                continue
            if not entry.lower().endswith(SUFFIXES):
                refuse("suffix")
                continue
            if target == real or target in stack:
                chain = " → ".join(os.path.basename(p) for p in [*stack, real, target])
                result.contextual = True
                refuse("cycle", cycle=chain)
                continue
            if len(stack) >= MAX_INCLUDE_DEPTH:
                result.contextual = True
                refuse("deep", deep=MAX_INCLUDE_DEPTH)
                continue
            try:
                st = os.stat(target)
            except (OSError, ValueError) as exc:
                why = errno_key(exc) if isinstance(exc, OSError) else MISSING
                refuse("missing" if why == MISSING else "unreadable", reason=reason_text(why, self.lang))
                continue
            if not stat.S_ISREG(st.st_mode):
                refuse("kind", kind=reason_text(file_kind(st.st_mode), self.lang))
                continue
            if not target.lower().endswith(SUFFIXES):
                refuse("target_suffix")
                continue
            budget = self.limits.max_include_bytes - sum(result.sizes.values())
            if st.st_size > budget:
                total = sum(result.sizes.values()) + st.st_size
                diagnostics.append(_located(limit_diagnostic("max_include_bytes", self.lang, loaded.path, where,
                                                             self.limits.max_include_bytes, size=readable_size(total)), epath))
                continue
            shown = _display(target)
            inc = self.load_include(target, shown, [*stack, real])
            if isinstance(inc, str):
                refuse("kind" if inc.startswith("kind.") else "unreadable", kind=reason_text(inc, self.lang),
                       reason=reason_text(inc, self.lang))
                continue
            new_sizes = {**result.sizes, **inc.sizes}
            if sum(new_sizes.values()) > self.limits.max_include_bytes:
                diagnostics.append(_located(limit_diagnostic("max_include_bytes", self.lang, loaded.path, where,
                                                             self.limits.max_include_bytes,
                                                             size=readable_size(sum(new_sizes.values()))), epath))
                continue
            result.sizes = new_sizes
            result.contextual = result.contextual or inc.contextual
            il = inc.loaded
            diagnostics.extend(dataclasses.replace(d) for d in il.diagnostics)  # the cached ones stay as they are
            if il.text:
                included[il.path] = il.text
            included.update(il.included)
            for dep in (Path(target), *il.dependencies):  # once each: a fan-out would repeat them 4**n times
                if dep not in dependencies:
                    dependencies.append(dep)
            if il.data is None:
                continue
            if not isinstance(il.data, dict):
                refuse("notmap")
                continue
            replaced.update(il.replaced)
            _merge(merged, msource, il.data, il.source, il.path, (), replaced)
        # the plan's own values win
        own = SourceMap(values=dict(loaded.source.values), keys=dict(loaded.source.keys),
                        surprises=dict(loaded.source.surprises), origins=dict(loaded.source.origins))
        _merge(merged, msource, data, own, None, (), replaced)
        if () in own.values:
            msource.values[()] = own.values[()]
        out = LoadedFile(loaded.path, loaded.text, merged, msource, diagnostics, included=included,
                         dependencies=dependencies, replaced=replaced)
        result.loaded = out
        return result

    # -- the repository boundary ---------------------------------------------------------------
    def inside(self, path: str) -> bool:
        return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)



def _merge(target: dict, tsource: SourceMap, incoming: dict, isource: SourceMap, file: str | None, path: tuple,
           replaced: dict | None = None) -> None:
    for key, value in incoming.items():
        kpath = path + (key,)
        if replaced is not None and key in target and not isinstance(target[key], (dict, list)) \
                and not isinstance(value, (dict, list)) and target[key] != value:
            replaced[kpath] = (target[key], tsource.file_of(kpath), tsource.values.get(kpath))
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            for table_name in ("values", "keys"):
                pos = getattr(isource, table_name).get(kpath)
                if pos is not None:
                    getattr(tsource, table_name)[kpath] = pos
            _merge(target[key], tsource, value, isource, file, kpath, replaced)
            continue
        # included results are shared by every plan of the run: never merge into them
        target[key] = _copy_mappings(value)
        _copy_positions(tsource, isource, kpath, file)


def _copy_mappings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy_mappings(v) for k, v in value.items()}
    return value


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
    if file is not None and isource.file_of(prefix) is None:
        # (a value that came into that file from a file it includes keeps its own origin)
        tsource.origins[prefix] = file


def _display(real: str) -> str:
    """An included file's name in diagnostics: relative to the working folder when below it."""
    try:
        rel = os.path.relpath(real)
    except ValueError:
        return Path(real).as_posix()
    if rel.startswith(".."):
        cwd_real = os.path.realpath(os.getcwd())
        rel2 = os.path.relpath(real, cwd_real)
        return Path(real).as_posix() if rel2.startswith("..") else Path(rel2).as_posix()
    return Path(rel).as_posix()


def _text(key: str, lang: str, **kw) -> str:
    return message("include." + key, lang, **kw)


def _diag(lang: str, span, file: str, path: tuple, key: str, **kw) -> Diagnostic:
    if "allow" in kw:
        kw["allow"] = _text("allow." + kw["allow"], lang)
    return Diagnostic("PL012", Severity.ERROR, _text(key, lang, **kw), file, span, format_path(path))


def _located(d: Diagnostic, path: tuple) -> Diagnostic:
    d.path = format_path(path)
    return d
