"""Loading: bytes on disk → Python values plus a map from data paths to YAML positions."""

from plancc.load.source import Limits, LoadedFile, SourceMap, load_file, load_text

__all__ = ["Limits", "LoadedFile", "SourceMap", "load_file", "load_text"]
