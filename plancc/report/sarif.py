"""SARIF 2.1.0, for code-scanning uploads: one rule entry per code seen or known."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from plancc import PROJECT_URL, __version__
from plancc.driver.check import FileReport
from plancc.text.escape import json_safe

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A file name as a URI reference (RFC 3986): every character outside the unreserved set and
    "/" percent-encoded, so a.yaml#1, 100%.yaml, names with spaces or in Chinese stay one path.
    A backslash is a separator only on Windows; in a POSIX name it is a character (%5C)."""
    if os.sep == "\\":
        path = path.replace("\\", "/")
    return quote(path, safe="/")


def _region(span) -> dict:
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line, "endColumn": span.end_column}


def render_sarif(reports: list[FileReport], lang: str = "zh") -> str:
    from plancc.diagnostics.codes import all_codes

    rules = []
    index = {}
    for info in all_codes():
        index[info.code] = len(rules)
        doc = info.doc_in(lang)
        rules.append(
            {
                "id": info.code,
                "name": info.name,
                "shortDescription": {"text": info.title_in(lang)},
                "fullDescription": {"text": doc},
                "help": {"text": doc},
                "defaultConfiguration": {"level": _LEVEL[info.severity.value]},
                "properties": {"family": info.family},
            }
        )
    results = []
    for r in reports:
        for d in r.diagnostics:
            result = {
                "ruleId": d.code,
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(d.file)},
                            **({"region": _region(d.span)} if d.span else {}),
                        },
                        **({"logicalLocations": [{"fullyQualifiedName": d.path}]} if d.path else {}),
                    }
                ],
            }
            if d.code in index:
                result["ruleIndex"] = index[d.code]
            related = [
                {
                    "id": i,
                    "message": {"text": rel.message},
                    "physicalLocation": {"artifactLocation": {"uri": _uri(rel.file or d.file)}, **({"region": _region(rel.span)} if rel.span else {})},
                }
                for i, rel in enumerate(d.related)
            ]
            if related:
                result["relatedLocations"] = related
            if d.suppressed:
                result["suppressions"] = [{"kind": "inSource"}]
            results.append(result)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plancc",
                        "version": __version__,
                        "informationUri": PROJECT_URL,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"
