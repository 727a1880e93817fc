"""What checking and rendering one plan may cost: the single place the default limits are written.

``plancc.toml``'s ``[limits]`` table (plancc.config.LimitSettings) takes its
defaults from here, so the two can never disagree. Every limit has the name
of its ``plancc.toml`` key, which the PL006 message shows to the user.

Kept free of YAML and pydantic so that reading the configuration stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

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
