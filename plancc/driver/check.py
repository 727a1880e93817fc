"""The front half of the compiler: load → model → check, for one file or many.

Kept free of the document stack (python-docx, jinja2) so ``validate``
starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from plancc.catalog import message
from plancc.check.context import Context
from plancc.check.registry import RULES
from plancc.check.runner import run_rules
from plancc.config import Config
from plancc.diagnostics import Diagnostic, Severity
from plancc.diagnostics.codes import family_of
from plancc.driver.settings import Settings
from plancc.load.includes import load_plan_file
from plancc.load.source import LoadedFile, SourceMap
from plancc.model.build import build_partial, build_plan
from plancc.model.plan import Plan

#: below this many files, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 40


@dataclass
class FileReport:
    path: str
    loaded: LoadedFile
    plan: Plan | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR and not d.suppressed)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING and not d.suppressed)

    def for_report(self) -> "FileReport":
        """What the reporters need: diagnostics and the source texts they quote.

        Sent back from worker processes instead of the full report: the values,
        position map and model of a plan cost more to pickle than to compute.
        """
        lf = self.loaded
        slim = LoadedFile(lf.path, lf.text if self.diagnostics else "", None, SourceMap(), lf.diagnostics,
                          included=dict(lf.included) if self.diagnostics else {}, dependencies=list(lf.dependencies))
        return FileReport(self.path, slim, None, self.diagnostics)


def _configured_rates(loaded: LoadedFile, rates: dict) -> None:
    """plancc.toml's [rates] under the plan's ``rates:``: what the plan does not declare is taken
    from it, and what it declares differently is recorded as replaced (PL409 reports it)."""
    data = loaded.data
    if not isinstance(data, dict):
        return
    own = data.get("rates")
    if own is not None and not isinstance(own, dict):
        return  # the model reports the wrong type
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in rates.items()}
    for key, value in (own or {}).items():
        base = merged.get(key)
        if isinstance(value, dict) and isinstance(base, dict):
            for mode, v in value.items():
                if mode in base and base[mode] != v and not isinstance(v, (dict, list)):
                    loaded.replaced[("rates", key, mode)] = (base[mode], "plancc.toml", None)
                base[mode] = v
        else:
            if base is not None and not isinstance(base, dict) and base != value and not isinstance(value, (dict, list)):
                loaded.replaced[("rates", key)] = (base, "plancc.toml", None)
            merged[key] = value
    data["rates"] = merged


def _configured_wording(loaded: LoadedFile, wording: dict) -> None:
    """plancc.toml's [wording] under the plan's ``wording:``: a key the plan gives is the plan's
    (the patterns of plancc.toml were checked when it was read)."""
    data = loaded.data
    if not isinstance(data, dict):
        return
    own = data.get("wording")
    if own is not None and not isinstance(own, dict):
        return  # the model reports the wrong type
    data["wording"] = {**wording, **(own or {})}


def warm(settings: Settings) -> None:
    """Do now what the first check of a process would do on the way (import the rules, build the
    plan model's validator, read the built-in citation registry): called before worker processes
    are forked (validate of many files, the two sides of diff), so that each does not do it again."""
    from plancc.check.registry import all_rules

    all_rules()
    Plan.model_rebuild()
    if settings.citations is None:
        from plancc.citations import builtin

        builtin()


def check_file(path: str | Path, settings: Settings | None = None, display: str | None = None) -> FileReport:
    settings = settings or Settings()
    loaded = load_plan_file(path, settings.lang, settings.limits, display=display, roots=settings.include_roots)
    return check_loaded(loaded, settings)


def check_loaded(loaded: LoadedFile, settings: Settings) -> FileReport:
    if settings.rates:
        _configured_rates(loaded, settings.rates)
    if settings.wording:
        _configured_wording(loaded, settings.wording)
    diags = list(loaded.diagnostics)
    plan = None
    if loaded.data is not None:
        plan, model_diags = build_plan(loaded, settings.lang)
        diags.extend(model_diags)
        if plan is not None:
            ctx = Context(plan, loaded, settings.policy, settings.citations)
            diags.extend(run_rules(ctx, settings.selection, settings.lang))
        elif model_diags and all(_rules_beside(d.code) for d in model_diags):
            diags.extend(_rules_on_valid_parts(loaded, settings))
    complete = plan is not None

    def active(code: str) -> bool:
        rule = RULES.get(code)
        return complete and rule is not None and settings.selection.enabled(rule)

    for name, text in [(loaded.path, loaded.text), *loaded.included.items()]:
        if text and "plancc:" in text and "#" in text:
            mine = [d for d in diags if d.file == name]
            others = [d for d in diags if d.file != name]
            from plancc.check.suppress import apply_suppressions  # only for files that carry a `# plancc:` comment

            diags = others + apply_suppressions(mine, text, name, settings.lang, active)
    diags = [d for d in diags if settings.selection.keeps(d.code)]
    diags.sort(key=Diagnostic.sort_key)
    return FileReport(loaded.path, loaded, plan, diags)


def _rules_on_valid_parts(loaded: LoadedFile, settings: Settings) -> list[Diagnostic]:
    """Run the rules on what is valid, so one typo does not hide a wrong sum elsewhere.

    Findings that touch a dropped part, and reference checks (which would
    see the dropped part as missing), are left out.
    """
    partial, dropped = build_partial(loaded)
    if partial is None:
        return []
    found = run_rules(Context(partial, loaded, settings.policy, settings.citations), settings.selection, settings.lang)

    def touches(d: Diagnostic) -> bool:
        paths = [d.path] + [r.path for r in d.related]
        return any(p.split(".")[0].split("[")[0] in dropped for p in paths if p)

    return [d for d in found if not touches(d) and _kept_in_partial(d.code)]


def _rules_beside(code: str) -> bool:
    """The rules still run on the valid parts beside this error (a fact of its family)."""
    family = family_of(code)
    return family is not None and family.rules_beside


def _kept_in_partial(code: str) -> bool:
    """A finding of this code is kept from rules run on the valid parts only (a fact of its family)."""
    family = family_of(code)
    return family is not None and family.partial


def check_many(files: list[Path], settings: Settings, *, jobs: int = 0, display: Callable[[Path], str] = str,
               progress: Callable[[], None] | None = None) -> list[FileReport]:
    """Check every file, in parallel when there are enough of them; reports in the files' order.

    One file keeps its full report; many keep only what the reporters need
    (:meth:`FileReport.for_report`), in a worker or not, so memory stays flat.
    """
    names = [display(f) for f in files]
    if len(files) == 1:
        return [check_file(files[0], settings, display=names[0])]
    from plancc.driver.parallel import parallel_map

    warm(settings)  # once here, not once in each forked worker (the first check of a process does it anyway)
    return parallel_map(_check_for_report, [(f, settings, n) for f, n in zip(files, names)], jobs=jobs,
                        threshold=PARALLEL_THRESHOLD, progress=progress)


def check_inputs(files: list[Path], settings: Settings, *, config: Config | None = None, jobs: int = 0,
                 display: Callable[[Path], str] = str, progress: Callable[[], None] | None = None) -> list[FileReport]:
    """Plans and Word documents alike, reports in the files' order: a .docx (.doc, .wps through
    LibreOffice) is checked against the layout profile (plancc.check.docx), the rest as plans.
    ``progress`` is called once per file checked (validate's bar)."""
    from plancc.importer import is_word_file

    words = [f for f in files if is_word_file(f)]
    if not words:
        return check_many(files, settings, jobs=jobs, display=display, progress=progress)
    plans = [f for f in files if not is_word_file(f)]
    by_file = dict(zip(plans, check_many(plans, settings, jobs=jobs, display=display, progress=progress))) if plans else {}
    from plancc.check.docx import check_docx

    profile = _layout_profile(config, settings.lang)
    for f in words:
        by_file[f] = check_docx(f, settings, display=display(f), profile=profile)
        if progress is not None:
            progress()
    return [by_file[f] for f in files]


def _layout_profile(config: Config | None, lang: str):
    """The profile render would use: plancc.toml's [render] profile and layout over the default."""
    from plancc.errors import ConfigError, describe_os_error
    from plancc.layout.profile import load_profile

    r = config.file.render if config is not None else None
    path = str(config.root / r.profile) if r is not None and r.profile else None
    try:
        return load_profile(path, dict(r.layout) if r is not None else None, lang)
    except OSError as exc:
        raise ConfigError(message("render.profile_unreadable", lang, reason=describe_os_error(exc, lang))) from exc


def inputs_of_reports(reports: list[FileReport], config: Config, lang: str) -> list[tuple[Path, str]]:
    """Every file this run read: plans, their includes, plancc.toml (outputs must not replace them)."""
    inputs = [(Path(r.loaded.path), message("input.plan", lang)) for r in reports]
    for r in reports:
        inputs += [(Path(d), message("input.include", lang)) for d in r.loaded.dependencies]
    if config.path is not None:
        inputs.append((config.path, message("input.config", lang)))
    return inputs


def _check_for_report(args) -> FileReport:
    path, settings, name = args
    return check_file(path, settings, display=name).for_report()
