"""Lay out: a validated plan → template (jinja2, sandboxed) → XML outline → laid-out document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancc.layout.ir import Document
from plancc.model.plan import Plan


from plancc.errors import RenderError


class LayoutError(RenderError):
    """The template could not be rendered; the message names the template file and line."""


def kind_of(block: Any) -> str:
    """The tag of a body block, for templates to dispatch on."""
    from plancc.model import outline

    if isinstance(block, str):
        return "str"
    return outline.block_kind(block) or "unknown"


def render_outline(plan: Plan, *, template: str | None = None, base: Path | list[Path] | None = None, title_chars: int = 20) -> str:
    """Run the plan's template; returns the XML outline (useful for template authors)."""
    import jinja2

    from plancc.layout.environment import TemplateNotFound, cn_range_filter, make_environment, prose, template_dir
    from plancc.layout.titles import break_title
    from plancc.model.facts import plan_facts

    try:
        folder = template_dir(plan.template or template, base)
    except TemplateNotFound as exc:
        raise LayoutError(f"找不到模板“{exc}”：模板是 templates/ 下含有 plan.xml.j2 的目录，或这样一个目录的路径") from exc
    env = make_environment(folder)
    facts = plan_facts(plan)
    doc = plan.document
    lines = doc.title_lines if isinstance(doc.title, list) else break_title(doc.title, title_chars)
    context = {
        "plan": plan,
        "facts": facts,
        "title_lines": lines,
        "prose": lambda text: prose(text, facts),
        "kind_of": kind_of,
        "cn_range": cn_range_filter,
    }
    try:
        return env.get_template("plan.xml.j2").render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise LayoutError(f"模板语法错误 {exc.filename or exc.name}:{exc.lineno}: {exc.message}") from exc
    except jinja2.UndefinedError as exc:
        raise LayoutError(f"模板使用了未定义的变量：{exc.message}（模板 {folder}）") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise LayoutError(f"模板试图访问不允许的内容，已被沙箱阻止：{exc}") from exc
    except jinja2.TemplateError as exc:
        raise LayoutError(f"模板出错：{exc}") from exc


def lay_out(plan: Plan, *, template: str | None = None, base: Path | list[Path] | None = None, profile: Any = None) -> Document:
    """The laid-out document for a validated plan."""
    from plancc.layout.outline import Metrics, OutlineError, parse_outline

    metrics = Metrics()
    title_chars = 20
    if profile is not None:
        metrics, title_chars = _metrics(profile)
    xml_text = render_outline(plan, template=template, base=base, title_chars=title_chars)
    try:
        return parse_outline(xml_text, metrics)
    except OutlineError as exc:
        raise LayoutError(f"模板输出无法排版：{exc}") from exc


def _metrics(profile: Any):
    from plancc.layout.outline import Metrics

    try:
        width = profile.page.type_area_width
        cell = profile.styles["table_cell"].size / 2
        title = profile.styles["title"].size / 2
        margins = profile.table.cell_margins
        margin = margins.left + margins.right
        dense = profile.table.dense_size
        metrics = Metrics(table_chars=width / (cell * 20), cell_margin_chars=margin / (cell * 20),
                          dense_size=dense if dense and dense < cell * 2 else None, cell_size=int(cell * 2))
        return metrics, int(width // (title * 20))
    except (AttributeError, KeyError, TypeError, ZeroDivisionError):
        return Metrics(), 20
