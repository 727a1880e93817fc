"""GitHub Actions workflow commands, so findings show as annotations on pull requests."""

from __future__ import annotations

from plancc.driver.check import FileReport
from plancc.text.escape import printable


def _escape_data(s: str) -> str:
    """The workflow-command escapes (%, CR, LF), then every other control character made
    visible: an ESC in a message would colour the Actions log, a BEL or bidi override
    would act on whoever reads it."""
    return printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: list[FileReport]) -> str:
    lines = []
    for r in reports:
        for d in r.diagnostics:
            if d.suppressed:
                continue
            level = {"error": "error", "warning": "warning"}.get(d.severity.value, "notice")
            props = (
                f"file={_escape_prop(d.file)},line={d.line},col={d.column},"
                f"endLine={d.end_line},endColumn={d.end_column},title={_escape_prop('plancc ' + d.code)}"
            )
            lines.append(f"::{level} {props}::{_escape_data(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
