"""Loading: bytes on disk → Python values plus a map from data paths to YAML positions."""

from __future__ import annotations

from plancc.load.limits import Limits

__all__ = ["Limits", "LoadedFile", "SourceMap", "load_file", "load_text"]


def __getattr__(name: str):
    # the loader pulls in PyYAML; reading plancc.toml (which needs Limits) should not
    if name in ("LoadedFile", "SourceMap"):
        from plancc.load import source

        return getattr(source, name)
    if name == "load_file":
        from plancc.load.files import load_file

        return load_file
    if name == "load_text":
        from plancc.load.compose import load_text

        return load_text
    raise AttributeError(name)
