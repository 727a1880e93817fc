"""The ``plancc`` command group."""

from __future__ import annotations

import importlib

import click

from plancc import __version__
from plancc.catalog import message
from plancc.cli.common import lang_option
from plancc.cli.usage import Refused, Words, reset_lang, set_lang, show_click_error, ui_lang

#: command name → "module:function"; a command's module is imported only when
#: that command runs (or --help lists it), so ``plancc validate`` never loads
#: what ``render`` or ``docs`` need
COMMANDS = {  # in the order --help lists them: the daily work first
    "validate": "plancc.cli.validate:validate_cmd",
    "render": "plancc.cli.render:render_cmd",
    "import": "plancc.cli.import_:import_cmd",
    "diff": "plancc.cli.diff:diff_cmd",
    "show": "plancc.cli.show:show_cmd",
    "explain": "plancc.cli.explain:explain_cmd",
    "init": "plancc.cli.init:init_cmd",
    "schema": "plancc.cli.schema:schema_cmd",
    "docs": "plancc.cli.docs:docs_cmd",
}


class LazyGroup(Words, click.Group):
    """A command group whose subcommands are imported on first use, whose help and
    usage errors speak the language of the run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), message("cli.usage.command", ui_lang())]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str()))
        if rows:
            with formatter.section(message("cli.help.commands", ui_lang())):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            # click < 8.4 says "No such command" with a plain UsageError, later ones with NoSuchCommand;
            # anything else (an unknown option before the command) is described as click raised it
            if type(exc) is not click.UsageError and type(exc) is not getattr(click.exceptions, "NoSuchCommand", None):
                raise
            import difflib

            from plancc.text.escape import printable

            lang = ui_lang()
            name = str(args[0])
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=3)
            key = "cli.error.no_such_command.maybe" if close else "cli.error.no_such_command"
            raise Refused(message(key, lang, name=printable(name), maybe=message("cli.sep", lang).join(close),
                                  commands=message("cli.sep", lang).join(self.list_commands(ctx))), ctx=ctx) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's main, with its usage errors and aborts shown by us (in the run's language)."""
        import sys

        argv = sys.argv[1:] if args is None else list(args)
        lang = requested_lang(argv)
        token = set_lang(lang)
        from plancc.text.terminal import reset_color, set_color

        color_token = set_color(None)  # --color of this run only (a test may run several in one process)
        try:
            try:
                rv = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            except (click.ClickException, click.Abort) as exc:
                if not standalone_mode:
                    raise
                sys.exit(show_click_error(exc, lang))
        finally:
            reset_color(color_token)
            reset_lang(token)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx: click.Context):
        """An expected failure of any command prints its message and exits with its code."""
        from plancc.errors import PlanccError

        try:
            return super().invoke(ctx)
        except PlanccError as exc:
            _echo_err(f"plancc: {exc}")
            ctx.exit(exc.exit_code)


@click.group(cls=LazyGroup, help="cli.main.help", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="plancc", message="%(prog)s %(version)s", help="cli.help.version")
@lang_option
def cli(lang):  # noqa: ARG001 - the commands read it (common.lang_option)
    """plancc: the training-plan compiler (its help is the catalog's cli.main.help)."""


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
        value = args[i + 1] if a == "--lang" and i + 1 < len(args) else a.partition("=")[2] if a.startswith("--lang=") else None
        if value in ("zh", "en"):  # `--lang fr` is refused in the language asked for otherwise
            return value
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
