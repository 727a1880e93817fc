"""``plancc validate``: check plans and report every problem with its location."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plancc.cli.common import config_options, display_path, fail, get_config, lang_option, split_codes


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-f", "--format", "formats", multiple=True, metavar="FORMAT[=FILE]",
              help="输出格式：text（默认）、json、github、sarif；可重复，FORMAT=FILE 写入文件，如 --format text --format sarif=plancc.sarif。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="把（唯一未指定文件的）输出写入此文件。")
@click.option("--strict", is_flag=True, help="警告也算失败（退出码 1）。")
@click.option("--select", multiple=True, metavar="CODES", help="只运行这些规则（逗号分隔的代码或前缀，如 PL2,PL701）。")
@click.option("--ignore", multiple=True, metavar="CODES", help="不报告这些代码（逗号分隔的代码或前缀）。")
@click.option("--only-plans", is_flag=True, help="跳过不含顶层 plancc: 键的文件，即使是直接点名的（供 pre-commit 使用）。")
@click.option("-q", "--quiet", is_flag=True, help="只输出问题行，不显示源码和汇总。")
@click.option("-j", "--jobs", type=int, default=0, show_default="自动", help="并行检查的进程数（文件多时）。")
@lang_option
@config_options
def validate_cmd(paths, formats, output, strict, select, ignore, only_plans, quiet, jobs, lang, config_path, isolated):
    """检查计划文件：结构、类型和一致性规则。

    PATHS 可以是文件或目录（默认当前目录）；目录中递归查找含有顶层 plancc: 键的 *.yaml/*.yml。

    退出码：0 没有失败的问题；1 有错误（加 --strict 时警告也算）；2 用法错误、路径不存在或配置不可用。
    """
    from plancc.driver.check import check_many, inputs_of_reports
    from plancc.driver.discover import discover, looks_like_plan
    from plancc.driver.settings import Settings
    from plancc.report import FORMATS, render

    config = get_config(config_path, isolated)
    settings = Settings.from_config(config, lang=lang, select=split_codes(select), ignore=split_codes(ignore))
    outputs = _parse_formats(formats, output, FORMATS)

    files, missing = discover(list(paths) or [Path(".")])
    if only_plans:
        files = [f for f in files if looks_like_plan(f)]
    if missing:
        fail(("路径不存在：" if settings.lang == "zh" else "no such path: ") + "、".join(missing))
    reports = check_many(files, settings, jobs=jobs, display=display_path)

    written = [(dest, fmt) for fmt, dest in outputs if dest is not None]
    if written:
        from plancc.emit.atomic import refuse_inputs

        refuse_inputs(written, inputs_of_reports(reports, config, settings.lang), settings.lang)
    for fmt, dest in outputs:
        color = dest is None and fmt == "text" and sys.stdout.isatty()
        text = render(fmt, reports, lang=settings.lang, color=color, quiet=quiet)
        if dest is None:
            click.echo(text, nl=False)
        else:  # `-o reports/plancc.sarif` in CI: the folder may not exist yet
            from plancc.emit.atomic import write_output

            write_output(dest, text.encode("utf-8"), settings.lang)

    failing = {"error"} | ({"warning"} if strict else set())
    bad = any(d.severity.value in failing and not d.suppressed for r in reports for d in r.diagnostics)
    sys.exit(1 if bad else 0)


def _parse_formats(formats, output, known) -> list[tuple[str, Path | None]]:
    parsed: list[tuple[str, Path | None]] = []
    for item in formats or ("text",):
        fmt, _, dest = item.partition("=")
        fmt = fmt.strip().lower()
        if fmt not in known:
            raise click.BadParameter(f"未知的格式 {fmt!r}；可选：{', '.join(known)}", param_hint="--format")
        parsed.append((fmt, Path(dest) if dest else None))
    if output is not None:
        undecided = [i for i, (_, d) in enumerate(parsed) if d is None]
        if len(undecided) != 1:
            raise click.BadParameter("-o/--output 只能配合一个未指定文件的格式使用", param_hint="--output")
        parsed[undecided[0]] = (parsed[undecided[0]][0], output)
    return parsed
