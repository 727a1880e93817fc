"""Lay out: a validated plan → template (jinja2, sandboxed) → XML outline → laid-out document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancc.layout.ir import Document
from plancc.model.plan import Plan


from plancc.catalog import message
from plancc.errors import LimitError, RenderError


class LayoutError(RenderError):
    """The template could not be rendered; the message names the template file and line."""


def render_outline(plan: Plan, *, template: str | None = None, base: Path | list[Path] | None = None, title_chars: int = 20,
                   limits: Any = None, lang: str = "zh", template_trusted: bool = True) -> str:
    """Run the plan's template; returns the XML outline (useful for template authors).
    See :func:`start_outline` for the arguments."""
    return start_outline(plan, template=template, base=base, title_chars=title_chars, limits=limits, lang=lang,
                         template_trusted=template_trusted).result()


class _Outline:
    """The outline of a template run under way: ``result()`` gives its text."""

    def __init__(self, pending: Any = None, error: RenderError | None = None):
        self.pending, self.error = pending, error

    def result(self) -> str:
        if self.error is not None:
            raise self.error
        try:
            return self.pending.result()
        except (LimitError, LayoutError):
            raise
        except RenderError as exc:
            raise LayoutError(exc.message) from exc


def start_outline(plan: Plan, *, template: str | None = None, base: Path | list[Path] | None = None, title_chars: int = 20,
                  limits: Any = None, lang: str = "zh", template_trusted: bool = True) -> _Outline:
    """Start the plan's template (in a bounded child process where there is fork).

    ``template`` is the caller's choice (the command line, a test); a plan's own
    ``template:`` (or one with ``template_trusted=False``, from plancc.toml) must
    lie inside a base folder or be shipped with plancc. The template runs within
    ``limits`` (:class:`plancc.layout.sandbox.TemplateLimits`; the defaults when None).
    """
    from plancc.layout.environment import TemplateNotFound, TemplateOutside, template_dir
    from plancc.layout.sandbox import TemplateLimits, start_bounded

    name = plan.template or template
    contained = plan.template is not None or not template_trusted
    try:
        folder = template_dir(name, base, contained=contained)
    except TemplateNotFound as exc:
        raise LayoutError(message("layout.template_not_found", lang, name=exc)) from exc
    except TemplateOutside as exc:
        raise LayoutError(message("layout.template_outside", lang, name=exc.args[0], real=exc.args[1])) from exc
    if limits is None:
        limits = TemplateLimits()
    elif not isinstance(limits, TemplateLimits):
        limits = TemplateLimits.from_settings(limits)

    def produce(budget):  # type: ignore[no-untyped-def]
        return _generate(plan, folder, title_chars, budget)

    def describe(exc: BaseException, budget: Any) -> RenderError:
        return describe_template_error(exc, folder, lang)

    return _Outline(start_bounded(produce, describe, limits, lang))


def _generate(plan: Plan, folder: Path, title_chars: int, budget: Any):
    """The template's output, piece by piece (runs inside the bounds)."""
    from plancc.layout.blocks import kind_of, render_block
    from plancc.layout.environment import cn_range_filter, make_environment, prose, sayer
    from plancc.layout.sandbox import install_guards
    from plancc.layout.titles import break_title
    from plancc.model.facts import plan_facts

    env = make_environment(folder)
    install_guards(env, budget)
    facts = plan_facts(plan)
    doc = plan.document
    lines = doc.title_lines if isinstance(doc.title, list) else break_title(doc.title, title_chars)
    context = {
        "plan": plan,
        "facts": facts,
        "title_lines": lines,
        # an attachment's title, broken into lines as the document's title is
        "break_title": lambda text: break_title(str(text), title_chars),
        "prose": lambda text: prose(text, facts),
        "kind_of": kind_of,
        "render_block": render_block,
        "cn_range": cn_range_filter,
        "say": sayer(plan),
    }
    return env.get_template("plan.xml.j2").generate(**context)


def describe_template_error(exc: BaseException, folder: Path, lang: str = "zh") -> RenderError:
    """A template's exception as the user's message: what went wrong, in which file and line, what to do."""
    import jinja2

    from plancc.layout.blocks import UnhandledBlock
    from plancc.layout.environment import TemplateFileRefused, template_dir
    from plancc.layout.sandbox import template_location

    roots = [folder]
    try:
        roots.append(template_dir("default"))
    except Exception:  # noqa: BLE001
        pass
    where = template_location(exc, roots)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}" if (exc.filename or exc.name) else where
        return LayoutError(message("layout.syntax", lang, where=where, problem=exc.message))
    at = message("template.at", lang, where=where) if where else ""
    if isinstance(exc, TemplateFileRefused):
        kind, _, rest = str(exc).partition(":")
        name, _, real = rest.partition(":")
        if kind == "outside":
            return LayoutError(message("layout.file_outside", lang, name=name, real=real, at=at))
        return LayoutError(message("layout.file_not_regular", lang, name=name, real=real, at=at))
    if isinstance(exc, UnhandledBlock):
        return LayoutError(message("layout.no_macro", lang, folder=folder, kind=exc.kind, macro=exc.macro, at=at))
    if isinstance(exc, jinja2.TemplateNotFound):
        return LayoutError(message("layout.missing_file", lang, name=exc.name, at=at))
    if isinstance(exc, jinja2.UndefinedError):
        return LayoutError(message("layout.undefined", lang, problem=exc.message, at=at, folder=folder))
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return LayoutError(message("layout.sandbox", lang, problem=exc, at=at))
    if isinstance(exc, RenderError):  # a bound of the sandbox (range)
        return LayoutError(f"{exc.message}{at}")
    if isinstance(exc, RecursionError):
        return LayoutError(message("layout.recursion", lang, at=at))
    if isinstance(exc, jinja2.TemplateError):
        return LayoutError(message("layout.template_error", lang, at=at, problem=exc))
    detail = f"{type(exc).__name__}: {exc}"
    if len(detail) > 300:
        detail = detail[:300] + "…"
    return LayoutError(message("layout.failed", lang, at=at, detail=detail))


def lay_out(plan: Plan, *, template: str | None = None, base: Path | list[Path] | None = None, profile: Any = None,
            limits: Any = None, lang: str = "zh", template_trusted: bool = True) -> Document:
    """The laid-out document for a validated plan."""
    return start_lay_out(plan, template=template, base=base, profile=profile, limits=limits, lang=lang,
                         template_trusted=template_trusted).result()


class _Layout:
    def __init__(self, outline: _Outline, metrics: Any, lang: str):
        self.outline, self.metrics, self.lang = outline, metrics, lang

    def result(self) -> Document:
        from plancc.layout.outline import OutlineError, parse_outline

        xml_text = self.outline.result()
        try:
            return parse_outline(xml_text, self.metrics)
        except OutlineError as exc:
            raise LayoutError(message("layout.outline", self.lang, problem=exc.words(self.lang))) from exc


def start_lay_out(plan: Plan, *, template: str | None = None, base: Path | list[Path] | None = None, profile: Any = None,
                  limits: Any = None, lang: str = "zh", template_trusted: bool = True) -> _Layout:
    """Start laying out: the template runs (bounded, in a child process where there is
    fork) while the caller goes on; ``result()`` gives the laid-out document."""
    from plancc.layout.outline import Metrics

    metrics = Metrics()
    title_chars = 20
    if profile is not None:
        metrics, title_chars = _metrics(profile)
    try:
        outline = start_outline(plan, template=template, base=base, title_chars=title_chars, limits=limits, lang=lang,
                                template_trusted=template_trusted)
    except RenderError as exc:
        outline = _Outline(error=exc)
    return _Layout(outline, metrics, lang)


def _metrics(profile: Any):
    from plancc.layout.metrics import Metrics

    metrics = Metrics.from_profile(profile)
    return metrics, metrics.title_chars
