"""What checking and rendering one plan may cost: the single place the default limits are written.

``plancc.toml``'s ``[limits]`` table (plancc.config.LimitSettings) takes its
defaults from here, so the two can never disagree. Every limit has the name
of its ``plancc.toml`` key, which the PL006 message shows to the user.

:func:`limit_diagnostic` is the PL006 every limit ends in, wherever it is
counted (the loader, includes). Kept free of YAML and pydantic so that
reading the configuration stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from plancc.catalog import message as msg
from plancc.diagnostics import Diagnostic, Severity, Span

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on what one plan (with its includes and its template) may cost."""

    # size of one file on disk, checked before it is read
    max_bytes: int = 16 * MIB
    # nesting of mappings and lists
    max_depth: int = 64
    # values (scalars, mappings, lists) in one file, aliases counted expanded
    max_nodes: int = 2_000_000
    # values that aliases (*name) re-use, counted expanded
    max_alias_nodes: int = 100_000
    # characters of text that aliases re-use, counted expanded: 10,000 aliases of one
    # 100,000-character text are a gigabyte to check and to render
    max_expanded_bytes: int = 4 * 16 * MIB
    # all files a plan includes, together (each file counted once)
    max_include_bytes: int = 16 * MIB
    # running the template (plancc.layout.sandbox): wall-clock seconds, bytes of
    # outline it may write, memory it may take beyond what the process holds
    template_seconds: float = 30.0
    template_output_bytes: int = 64 * MIB
    template_memory_bytes: int = 1024 * MIB


DEFAULT_LIMITS = Limits()


def limit_diagnostic(key: str, lang: str, file: str, span: Span | None, n: int, **kw) -> Diagnostic:
    """A PL006 that says which limit was reached, its plancc.toml key and how to raise it."""
    shown = readable_size(n) if key.endswith("bytes") else n
    what = msg(f"limit.{key}", lang, n=shown, **kw)
    return Diagnostic("PL006", Severity.ERROR, msg("PL006", lang, what=what, key=f"limits.{key}"), file, span)


def readable_size(n: int) -> str:
    """A file size people can read at any scale (limits below 1 MB come from plancc.toml)."""
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} B"
