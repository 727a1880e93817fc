"""The ``plancc`` command group."""

from __future__ import annotations

import importlib

import click

from plancc import __version__

#: command name → "module:function"; a command's module is imported only when
#: that command runs (or --help lists it), so ``plancc validate`` never loads
#: what ``render`` or ``docs`` need
COMMANDS = {  # in the order --help lists them: the daily work first
    "validate": "plancc.cli.validate:validate_cmd",
    "render": "plancc.cli.render:render_cmd",
    "show": "plancc.cli.show:show_cmd",
    "explain": "plancc.cli.explain:explain_cmd",
    "init": "plancc.cli.init:init_cmd",
    "schema": "plancc.cli.schema:schema_cmd",
    "docs": "plancc.cli.docs:docs_cmd",
}


class LazyGroup(click.Group):
    """A command group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx: click.Context):
        """An expected failure of any command prints its message and exits with its code."""
        from plancc.errors import PlanccError

        try:
            return super().invoke(ctx)
        except PlanccError as exc:
            _echo_err(f"plancc: {exc}")
            ctx.exit(exc.exit_code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="plancc")
def cli():
    """plancc：培训实施方案编译器。

    用 YAML 写培训实施方案，validate 检查其中的数字和日期是否前后一致，
    render 把它编译成符合 GB/T 9704 公文格式的 Word 文档。

    退出码：0 没有失败的问题；1 计划有错误或无法渲染；2 用法、路径、配置或输出文件的问题；
    3 plancc 自身的缺陷（错误信息已保存到文件，请报告）。
    """


def _exit_on_sigterm() -> None:
    """Turn SIGTERM (a cancelled CI job, a killed watch) into SystemExit so that
    temporary files are cleaned up and a previous output is never half-replaced."""
    import signal
    import sys

    def handler(signum, frame):  # noqa: ARG001
        sys.exit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        pass


def _exit_now(code: object) -> None:
    """Leave without tearing the heap down object by object (a tenth of a second
    after a large render). Only for the console script: by now every output file
    is written and renamed into place, so there is nothing left to clean up.

    Under a profiler, a tracer or coverage, or with PLANCC_NORMAL_EXIT=1, the
    ordinary exit runs instead, so their at-exit reports are not lost.
    """
    import os
    import sys

    if (sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules
            or os.environ.get("PLANCC_NORMAL_EXIT", "") not in ("", "0")):
        raise SystemExit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): print it as Python would
        if sys.stderr is not None:
            print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with the stream closed
            continue
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe (plancc … | head)
            status = status or 1
    os._exit(status)


def _closed_streams_to_devnull() -> None:
    """A process started with stdout or stderr closed (``plancc … >&-``) gets None
    for that stream; write to the null device instead of failing on it."""
    import os
    import sys

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def requested_lang(argv: list[str] | None = None) -> str:
    """The message language asked for on the command line or in PLANCC_LANG,
    for messages printed before (or instead of) a command's own options."""
    import os
    import sys

    args = sys.argv[1:] if argv is None else argv
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "zh"
        if a.startswith("--lang="):
            return "en" if a.partition("=")[2] == "en" else "zh"
    return "en" if os.environ.get("PLANCC_LANG", "") == "en" else "zh"


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; never raises.

    Expected failures (:class:`plancc.errors.PlanccError`) print their message
    and exit with their own code. Anything else is a defect in plancc: a short
    message says so and where the full traceback was saved (exit 3).
    """
    from plancc.errors import BUG_EXIT, PlanccError

    try:
        cli.main(args=argv, prog_name="plancc", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else _print_exit(exc.code))
    except PlanccError as exc:
        _echo_err(f"plancc: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place every defect ends up
        from plancc.crash import report_crash

        _echo_err(report_crash(exc, requested_lang(argv)))
        return BUG_EXIT
    return 0


def _print_exit(code: object) -> int:
    _echo_err(str(code))
    return 1


def _echo_err(text: str) -> None:
    try:
        click.echo(text, err=True)
    except (OSError, ValueError):  # stderr closed or a broken pipe
        pass


def main():
    _closed_streams_to_devnull()
    _exit_on_sigterm()
    from plancc.driver import collector

    collector.for_one_shot()
    _exit_now(run())
