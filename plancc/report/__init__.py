"""Output formats for diagnostics: text (for people), json, github (annotations), sarif."""

from __future__ import annotations

from dataclasses import dataclass

from plancc.driver.check import FileReport


@dataclass
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    suppressed: int

    @classmethod
    def of(cls, reports: list[FileReport]) -> "Summary":
        diags = [d for r in reports for d in r.diagnostics]
        active = [d for d in diags if not d.suppressed]
        return cls(
            files=len(reports),
            errors=sum(d.severity.value == "error" for d in active),
            warnings=sum(d.severity.value == "warning" for d in active),
            infos=sum(d.severity.value == "info" for d in active),
            suppressed=sum(d.suppressed for d in diags),
        )


FORMATS = ("text", "json", "github", "sarif")


def render(fmt: str, reports: list[FileReport], *, lang: str = "zh", color: bool = False, quiet: bool = False, width: int | None = None) -> str:
    if fmt == "json":
        from plancc.report.json_format import render_json

        return render_json(reports)
    if fmt == "github":
        from plancc.report.github import render_github

        return render_github(reports)
    if fmt == "sarif":
        from plancc.report.sarif import render_sarif

        return render_sarif(reports, lang)
    from plancc.report.text import render_text

    return render_text(reports, lang=lang, color=color, quiet=quiet, width=width)
