"""Machine-readable diagnostics, in exactly the shape the CLI contract fixes."""

from __future__ import annotations

import json

from plancc import __version__
from plancc.pipeline import FileReport


def render_json(reports: list[FileReport]) -> str:
    from plancc.report import Summary

    s = Summary.of(reports)
    out = {
        "version": __version__,
        "files": [r.path for r in reports],
        "diagnostics": [d.as_dict() for r in reports for d in r.diagnostics if not d.suppressed],
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings},
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
