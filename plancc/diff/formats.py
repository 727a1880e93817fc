"""A plan diff as text (a terminal), markdown (a pull-request comment, a GitHub step
summary: one table per area) or JSON (``{"changes": […], "findings": {"added": […],
"resolved": […]}}``)."""

from __future__ import annotations

import io
import json
from typing import Any

from plancc.catalog import message
from plancc.diff import PlanDiff
from plancc.diff.compare import Change
from plancc.diff.words import label, value_words
from plancc.text.escape import printable

FORMATS = ("text", "markdown", "json")
_MARK = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}
_STYLE = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}


def _area(c: Change) -> str:
    return str(c.path[0]) if c.path else ""


def _area_label(area: str, lang: str) -> str:
    return label((area,), lang) if area else message("diff.plan", lang)


def _shown(changes: list[Change]) -> list[Change]:
    return [c for c in changes if not c.extra.get("covered")]


def render_diff(fmt: str, diffs: list[PlanDiff], lang: str, color: bool = False, width: int | None = None) -> str:
    if fmt == "json":
        return _json(diffs)
    if fmt == "markdown":
        return _markdown(diffs, lang)
    return _text(diffs, lang, color, width)


def _jsonable(v: Any) -> Any:
    return json.loads(json.dumps(v, ensure_ascii=False, default=str))


def _json(diffs: list[PlanDiff]) -> str:
    out = []
    for d in diffs:
        out.append({
            "old": d.old_name, "new": d.new_name,
            "changes": [{"path": c.dotted(), "kind": c.kind, "old": _jsonable(c.old), "new": _jsonable(c.new),
                         "summary": c.summary, **({"sentences": c.extra["sentences"]} if "sentences" in c.extra else {})}
                        for c in d.changes],
            "findings": {"added": [f.as_json() for f in d.added], "resolved": [f.as_json() for f in d.resolved]},
        })
    body = out[0] if len(out) == 1 else {"files": out}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _text(diffs: list[PlanDiff], lang: str, color: bool, width: int | None) -> str:
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width or 100, highlight=False,
                      soft_wrap=True)
    for d in diffs:
        if not d.changes and not d.added and not d.resolved:
            continue
        console.print(Text(message("diff.head", lang, old=printable(d.old_name), new=printable(d.new_name)), style="bold"))
        area = None
        for c in _shown(d.changes):
            if _area(c) != area:
                area = _area(c)
                console.print(Text(_area_label(area, lang), style="bold"))
            line = Text(f"  {_MARK[c.kind]} ", style=_STYLE[c.kind])
            line.append(printable(c.summary))
            console.print(line)
            for s in c.extra.get("sentences", {}).get("removed", []):
                console.print(Text(f"      - {printable(s)}", style="red"))
            for s in c.extra.get("sentences", {}).get("added", []):
                console.print(Text(f"      + {printable(s)}", style="green"))
        if d.added or d.resolved:
            console.print(Text(message("diff.findings", lang), style="bold"))
            for f in d.added:
                line = Text("  + ", style="red")
                line.append(printable(message("diff.finding", lang, code=f.code, message=f.message, line=f.line)))
                console.print(line)
            for f in d.resolved:
                line = Text("  - ", style="green")
                line.append(printable(message("diff.finding_resolved", lang, code=f.code, message=f.message)))
                console.print(line)
    return buf.getvalue()


def _cell(text: str) -> str:
    """Text safe in a markdown table cell: pipes and line breaks escaped, HTML and
    markdown marks shown as typed."""
    out = printable(str(text)).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "<>*_`[]#~":
        out = out.replace(ch, "\\" + ch)
    return out


def _markdown(diffs: list[PlanDiff], lang: str) -> str:
    lines: list[str] = []
    for d in diffs:
        if not d.changes and not d.added and not d.resolved:
            continue
        lines.append(f"### {_cell(message('diff.head', lang, old=d.old_name, new=d.new_name))}")
        lines.append("")
        by_area: dict[str, list[Change]] = {}
        for c in _shown(d.changes):
            by_area.setdefault(_area(c), []).append(c)
        for area, changes in by_area.items():
            lines.append(f"**{_cell(_area_label(area, lang))}**")
            lines.append("")
            lines.append("| " + " | ".join(message(f"diff.md.{k}", lang) for k in ("what", "change", "old", "new")) + " |")
            lines.append("|---|---|---|---|")
            for c in changes:
                old = c.extra.get("old_shown") or ("" if c.kind == "added" else value_words(c.old, lang))
                new = c.extra.get("new_shown") or ("" if c.kind == "removed" else value_words(c.new, lang))
                lines.append(f"| {_cell(c.extra.get('what', ''))} | {_cell(c.extra.get('how', c.summary))} | {_cell(old)} | {_cell(new)} |")
            lines.append("")
        if d.added or d.resolved:
            lines.append(f"**{_cell(message('diff.findings', lang))}**")
            lines.append("")
            for f in d.added:
                lines.append(f"- ⚠️ {_cell(message('diff.finding', lang, code=f.code, message=f.message, line=f.line))}")
            for f in d.resolved:
                lines.append(f"- ✅ {_cell(message('diff.finding_resolved', lang, code=f.code, message=f.message))}")
            lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")
