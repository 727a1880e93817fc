"""The back half of the compiler: a checked plan → laid-out document → .docx (→ .pdf).

Imports the document stack (jinja2, python-docx) only when called, so
``validate`` never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plancc.config import Config
from plancc.errors import RenderError  # re-exported
from plancc.pipeline import FileReport, Settings, check_file


@dataclass
class RenderJob:
    plan_path: Path
    output: Path
    pdf: bool = False
    template: str | None = None
    profile_path: str | None = None
    layout: dict = field(default_factory=dict)
    bases: list[Path] = field(default_factory=list)
    #: ``[limits]`` of plancc.toml (template_seconds, template_output_bytes, template_memory_bytes); None: defaults
    limits: object = None
    #: the template was named on the command line (the user's own choice, may be anywhere);
    #: otherwise it comes from plancc.toml and must lie inside the repository
    template_trusted: bool = False


@dataclass
class RenderResult:
    job: RenderJob
    report: FileReport
    written: list[Path] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.report.errors == 0


def load_profile_for(job: RenderJob):
    """The job's layout profile; a bad profile file or override is a ConfigError
    (exit 2, the same for every plan of the run), located where it is written."""
    from plancc.errors import ConfigError
    from plancc.layout.profile import load_profile

    try:
        return load_profile(job.profile_path, job.layout or None)
    except OSError as exc:
        raise ConfigError(f"无法读取版式配置：{exc}") from exc


def render_docx_bytes(report: FileReport, job: RenderJob, lang: str = "zh") -> bytes:
    """Lay out and emit one validated plan; raises RenderError with a user-facing message
    (or ConfigError for an unusable profile)."""
    from plancc.layout import start_lay_out

    assert report.plan is not None
    profile = load_profile_for(job)
    layout = start_lay_out(report.plan, template=job.template, base=job.bases, profile=profile, limits=job.limits, lang=lang,
                           template_trusted=job.template_trusted)
    from plancc.emit.docx import render_docx  # imported while the template runs

    return render_docx(layout.result(), profile)


def run_job(job: RenderJob, settings: Settings, display: str | None = None) -> RenderResult:
    """Validate, then render one plan; never raises for a bad plan or template."""
    from plancc.emit.atomic import atomic_write_bytes

    report = check_file(job.plan_path, settings, display=display)
    result = RenderResult(job, report)
    if report.errors or report.plan is None:
        return result
    try:
        data = render_docx_bytes(report, job, settings.lang)
        job.output.parent.mkdir(parents=True, exist_ok=True)
        result.written.append(atomic_write_bytes(job.output, data))
    except RenderError as exc:
        result.error = str(exc)
        return result
    except OSError as exc:
        result.error = f"无法写入 {job.output}：{exc.strerror or exc}"
        return result
    if job.pdf:
        from plancc.emit.pdf import PdfError, convert_to_pdf

        try:
            result.written.append(convert_to_pdf(job.output, job.output.parent))
        except PdfError as exc:
            result.error = str(exc)
    return result


def output_for(plan: Path, out: Path | None, many: bool, config: Config) -> Path:
    """Where a plan's .docx goes: -o FILE (one plan), -o FOLDER, or <output folder>/<stem>.docx."""
    if out is not None:
        if not many and out.suffix.lower() == ".docx":
            return out
        return out / f"{plan.stem}.docx"
    base = Path(config.file.render.output)
    return base / f"{plan.stem}.docx"
