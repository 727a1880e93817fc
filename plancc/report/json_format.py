"""Machine-readable diagnostics, in the shape the CLI contract fixes."""

from __future__ import annotations

import json

from plancc import __version__
from plancc.pipeline import FileReport


def render_json(reports: list[FileReport]) -> str:
    from plancc.report import Summary

    diags = [d for r in reports for d in r.diagnostics if not d.suppressed]
    s = Summary.of(reports)
    out = {
        "version": __version__,
        "files": [r.path for r in reports],
        "diagnostics": [
            {**d.as_dict(), "related": [{"message": r.message, "path": r.path, "line": r.span.line if r.span else None,
                                         "column": r.span.column if r.span else None} for r in d.related]}
            for d in diags
        ],
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos, "suppressed": s.suppressed},
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
