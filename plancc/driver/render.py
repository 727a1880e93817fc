"""The back half of the compiler: a checked plan → laid-out document → .docx (→ .pdf).

Imports the document stack (jinja2, python-docx) only when called, so
``validate`` never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from plancc.catalog import message
from plancc.config import Config
from plancc.driver.check import FileReport, check_file
from plancc.driver.settings import Settings
from plancc.load.limits import Limits


@dataclass
class RenderJob:
    plan_path: Path
    output: Path
    pdf: bool = False
    template: str | None = None
    profile_path: str | None = None
    layout: dict = field(default_factory=dict)
    bases: list[Path] = field(default_factory=list)
    #: the run's limits (Settings.limits, from ``[limits]`` of plancc.toml); the template reads
    #: template_seconds, template_output_bytes and template_memory_bytes. None: the defaults
    limits: Limits | None = None
    #: the template was named on the command line (the user's own choice, may be anywhere);
    #: otherwise it comes from plancc.toml and must lie inside the repository
    template_trusted: bool = False
    #: seconds LibreOffice may take for the PDF (render --pdf-timeout, else [libreoffice] timeout)
    pdf_timeout: float = 120.0


@dataclass
class RenderResult:
    job: RenderJob
    report: FileReport
    written: list[Path] = field(default_factory=list)
    error: str | None = None
    #: the exit status the error calls for (1: cannot render; 2: a refused or unwritable output)
    exit_code: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None and self.report.errors == 0


def load_profile_for(job: RenderJob, lang: str = "zh"):
    """The job's layout profile; a bad profile file or override is a ConfigError
    (exit 2, the same for every plan of the run), located where it is written."""
    from plancc.errors import ConfigError
    from plancc.layout.profile import load_profile

    try:
        return load_profile(job.profile_path, job.layout or None, lang)
    except OSError as exc:
        from plancc.errors import describe_os_error

        raise ConfigError(message("render.profile_unreadable", lang, reason=describe_os_error(exc, lang))) from exc


def render_docx_bytes(report: FileReport, job: RenderJob, lang: str = "zh") -> bytes:
    """Lay out and emit one validated plan; raises RenderError with a user-facing message
    (or ConfigError for an unusable profile)."""
    from plancc.layout import start_lay_out

    assert report.plan is not None
    profile = load_profile_for(job, lang)
    layout = start_lay_out(report.plan, template=job.template, base=job.bases, profile=profile, limits=job.limits, lang=lang,
                           template_trusted=job.template_trusted)
    from plancc.emit.docx import render_docx  # imported while the template runs

    return render_docx(layout.result(), profile)


def run_job(job: RenderJob, settings: Settings, display: str | None = None) -> RenderResult:
    """Validate, then render one plan; never raises for a bad plan or template."""
    from plancc.emit.atomic import refuse_inputs, write_output
    from plancc.errors import PlanccError
    from plancc.text.terminal import step

    name = display or str(job.plan_path)
    step(message("render.progress.check", settings.lang, plan=name))
    report = check_file(job.plan_path, settings, display=display)
    result = RenderResult(job, report)
    if report.errors or report.plan is None:
        return result
    step(message("render.progress.layout", settings.lang, plan=name))
    try:
        refuse_inputs([(job.output, ".docx")], inputs_of(job, report, settings.lang), settings.lang)
        data = render_docx_bytes(report, job, settings.lang)
        result.written.append(write_output(job.output, data, settings.lang))
    except PlanccError as exc:
        result.error = str(exc)
        result.exit_code = exc.exit_code
        return result
    if job.pdf:
        from plancc.emit.atomic import is_stream
        from plancc.emit.pdf import convert_to_pdf

        if is_stream(job.output):
            result.error = message("output.pdf_beside_stream", settings.lang)
            result.exit_code = 2
            return result
        try:
            result.written.append(convert_to_pdf(job.output, job.output.parent, timeout=job.pdf_timeout, lang=settings.lang))
        except PlanccError as exc:
            result.error = str(exc)
            result.exit_code = exc.exit_code
        except OSError as exc:
            from plancc.errors import describe_os_error

            result.error = f"{job.output.with_suffix('.pdf')}: {describe_os_error(exc, settings.lang)}"
            result.exit_code = 2
    return result


def run_jobs(jobs: list[RenderJob], settings: Settings, *, workers: int = 0, display: Callable[[Path], str] = str,
             progress: Callable[[], None] | None = None) -> list[RenderResult]:
    """Run every job, in parallel when there are several; results in the jobs' order."""
    from plancc.driver.parallel import parallel_map

    return parallel_map(_run_one, [(job, settings, display(job.plan_path)) for job in jobs], jobs=workers, progress=progress)


def _run_one(args) -> RenderResult:
    job, settings, name = args
    return run_job(job, settings, name)


def inputs_of(job: RenderJob, report: FileReport | None, lang: str = "zh") -> list[tuple[Path, str]]:
    """Every file a render reads: the plan, its includes, the template's files, the profile.

    Outputs must never replace one of them; ``render --watch`` re-renders when one changes.
    """
    from plancc.layout.environment import TemplateNotFound, template_dir

    files = [(job.plan_path, message("input.plan", lang))]
    if report is not None:
        files += [(Path(d), message("input.include", lang)) for d in report.loaded.dependencies]
    name = job.template
    if report is not None and report.plan is not None and report.plan.template:
        name = report.plan.template
    try:
        folder = template_dir(name, job.bases)
        files += [(p, message("input.template", lang)) for p in sorted(folder.rglob("*")) if p.is_file()]
    except (TemplateNotFound, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        pass
    if job.profile_path:
        files.append((Path(job.profile_path), message("input.profile", lang)))
    return files


def jobs_for(files: list[Path], config: Config, settings: Settings, *, output: Path | None = None, pdf: bool = False,
             template: str | None = None, profile_path: str | None = None, pdf_timeout: float | None = None) -> list[RenderJob]:
    """One job per plan, from the command line's options over plancc.toml's [render] and [libreoffice] tables."""
    r = config.file.render
    many = len(files) > 1
    return [
        RenderJob(
            plan_path=f,
            output=output_for(f, output, many, config),
            pdf=pdf,
            template=template or (None if r.template == "default" else r.template),
            profile_path=profile_path or (str(config.root / r.profile) if r.profile else None),
            layout=dict(r.layout),
            bases=[f.parent.resolve(), config.root],
            limits=settings.limits,
            template_trusted=template is not None,
            pdf_timeout=pdf_timeout or config.file.libreoffice.timeout,
        )
        for f in files
    ]


def refuse_overwrites(jobs: list[RenderJob], config: Config, lang: str, display: Callable[[Path], str] = str) -> None:
    """Before any work: no output may be a plan, the config or the profile, and no two plans
    may write the same file (a.yaml and sub/a.yaml both → build/a.docx). Includes and
    template files are checked per plan once they are known (run_job)."""
    from plancc.emit.atomic import refuse_inputs

    inputs = [(j.plan_path, message("input.plan", lang)) for j in jobs]
    if config.path is not None:
        inputs.append((config.path, message("input.config", lang)))
    if jobs and jobs[0].profile_path:
        inputs.append((Path(jobs[0].profile_path), message("input.profile", lang)))
    outputs = [(j.output, display(j.plan_path)) for j in jobs]
    outputs += [(j.output.with_suffix(".pdf"), display(j.plan_path)) for j in jobs if j.pdf]
    refuse_inputs(outputs, inputs, lang)


def output_for(plan: Path, out: Path | None, many: bool, config: Config) -> Path:
    """Where a plan's .docx goes: -o FILE (one plan), -o FOLDER, or <output folder>/<stem>.docx."""
    if out is not None:
        # one plan: a .docx name, or anything that exists and is not a folder
        # (an existing file, /dev/null, /dev/stdout), is the output file itself
        if not many and (out.suffix.lower() == ".docx" or (out.exists() and not out.is_dir())):
            return out
        return out / f"{plan.stem}.docx"
    base = Path(config.file.render.output)
    return base / f"{plan.stem}.docx"
