"""Machine-readable diagnostics, in exactly the shape the CLI contract fixes."""

from __future__ import annotations

import json

from plancc import __version__
from plancc.driver.check import FileReport
from plancc.text.escape import json_safe


def _diagnostic(d) -> dict:
    """The contract's fields, then the related places (as SARIF's relatedLocations)."""
    out = d.as_dict()
    out["related"] = [
        {
            "message": rel.message,
            "file": rel.file or d.file,
            "line": rel.span.line if rel.span else None,
            "column": rel.span.column if rel.span else None,
            "end_line": rel.span.end_line if rel.span else None,
            "end_column": rel.span.end_column if rel.span else None,
            "path": rel.path,
        }
        for rel in d.related
    ]
    if d.fix is not None:  # the edit `plancc validate --fix` would make (``safe``: the document stays the same)
        f = d.fix
        out["fix"] = {"file": f.file, "line": f.line, "column": f.column, "end_column": f.column + len(f.old),
                      "old": f.old, "new": f.new, "safe": f.safe}
    return out


def render_json(reports: list[FileReport]) -> str:
    from plancc.report import Summary

    s = Summary.of(reports)
    out = {
        "version": __version__,
        "files": [r.path for r in reports],
        "diagnostics": [_diagnostic(d) for r in reports for d in r.diagnostics if not d.suppressed],
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "suppressed": s.suppressed},
    }
    return json_safe(json.dumps(out, ensure_ascii=False, indent=2)) + "\n"
