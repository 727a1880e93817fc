"""The command line's own words in the user's language: help pages and usage errors.

click writes "Usage:", "Options:", "Error: No such option" … in English. Here
the help of every command is laid out by our classes from catalog messages,
wrapped at the terminal width with Chinese counted two columns a character,
and click's usage errors are described from their attributes in catalog words.

Help texts are written as catalog keys where click takes a text
(``help="cli.validate.strict"``, ``metavar="cli.metavar.file"``); they are looked
up when a help page is shown, in the language of that run (:func:`ui_lang`).
"""

from __future__ import annotations

import contextvars
import os
import stat

import click
from click.formatting import join_options
from plancc.catalog import counted, has, message

from plancc.text.kinsoku import NO_LINE_END as _OPEN
from plancc.text.kinsoku import NO_LINE_START as _CLOSE

_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("plancc_cli_lang", default=None)


def ui_lang() -> str:
    """The language of this run's help and usage errors (``--lang`` or PLANCC_LANG)."""
    lang = _LANG.get()
    if lang is None:
        from plancc.cli.main import requested_lang

        lang = requested_lang()
    return lang


def set_lang(lang: str):
    return _LANG.set(lang)


def reset_lang(token) -> None:
    _LANG.reset(token)


def words(text: str | None, lang: str) -> str:
    """A help text given as a catalog key, in `lang`; any other text as it is."""
    if not text:
        return ""
    return message(text, lang) if has(text) else text


# --- wrapping -------------------------------------------------------------------------------

def cell_len(text: str) -> int:
    """Terminal columns of `text` (rich's measure; imported only when help or an error is shown)."""
    from rich.cells import cell_len as columns

    return columns(text)


def _atoms(text: str) -> list[list]:
    """The pieces a line may not be broken inside, each with whether a space comes before it:
    an ASCII word, or one wide character with the punctuation that must stay beside it."""
    atoms: list[list] = []
    space = False
    prefix, prefix_space = "", False
    word = None
    for ch in text:
        if ch.isspace():
            word, space = None, True
            continue
        if ch in _CLOSE and atoms and not prefix:
            atoms[-1][0] += ch
            word, space = None, False
            continue
        if ch in _OPEN:
            if not prefix:
                prefix_space = space
            prefix += ch
            word, space = None, False
            continue
        before = prefix_space if prefix else space
        if cell_len(ch) > 1:
            atoms.append([prefix + ch, before])
            word = None
        elif word is not None:
            word[0] += ch
            continue
        else:
            word = [prefix + ch, before]
            atoms.append(word)
        prefix, space = "", False
    if prefix:
        atoms.append([prefix, prefix_space if not atoms else space])
    return atoms


def _cut(atom: str, room: int) -> list[str]:
    """An atom wider than a whole line, in pieces that fit."""
    pieces, cur = [], ""
    for ch in atom:
        if cur and cell_len(cur + ch) > room:
            if ch in _CLOSE and len(cur) > 1:  # a closing mark starts no line: it takes the character before along
                pieces.append(cur[:-1])
                cur = cur[-1]
            else:
                pieces.append(cur)
                cur = ""
        cur += ch
    return pieces + ([cur] if cur else [])


def wrap(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """`text` as lines no wider than `width` terminal columns (CJK counted two)."""
    lines: list[str] = []
    line, empty = initial, True
    for atom, space in _atoms(text):
        candidate = line + atom if empty else line + (" " if space else "") + atom
        if cell_len(candidate) <= width:
            line, empty = candidate, False
            continue
        if not empty:
            lines.append(line)
            line = subsequent
        room = max(width - cell_len(line), 1)
        pieces = _cut(atom, room) if cell_len(atom) > room else [atom]
        for piece in pieces[:-1]:
            lines.append(line + piece)
            line = subsequent
        line, empty = line + pieces[-1], False
    if not empty:
        lines.append(line)
    if not lines and initial.strip():
        lines.append(initial.rstrip())
    return lines


class Formatter(click.HelpFormatter):
    """click's help layout, measured in terminal columns, with headings given whole."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = prefix if prefix is not None else message("cli.usage.prefix", ui_lang())
        usage_prefix = f"{'':>{self.current_indent}}{prefix}{prog} "
        text_width = self.width - self.current_indent
        if text_width >= cell_len(usage_prefix) + 20:
            lines = wrap(args, self.width, usage_prefix, " " * cell_len(usage_prefix))
        else:
            indent = " " * (self.current_indent + 4)
            lines = [usage_prefix.rstrip()] + wrap(args, self.width, indent, indent)
        self.write("\n".join(lines) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        out: list[str] = []
        for para in text.split("\n\n"):
            lines = para.split("\n")
            if all(not ln or ln.startswith("  ") for ln in lines):  # an example: kept as written
                out.extend(indent + ln for ln in lines)
            else:
                for ln in lines:
                    out.extend(wrap(ln.strip(), self.width, indent, indent))
            out.append("")
        self.write("\n".join(out).rstrip("\n") + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(cell_len(first) for first, _ in rows), col_max) + col_spacing
        text_width = max(self.width - self.current_indent - first_col, 10)
        pad = " " * (self.current_indent + first_col)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cell_len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(first)))
            else:
                self.write("\n" + pad)
            lines = wrap(second, text_width)
            self.write(lines[0] + "\n")
            for ln in lines[1:]:
                self.write(pad + ln + "\n")


class Context(click.Context):
    formatter_class = Formatter


def param_name(param: click.Parameter | None) -> str:
    """How the user wrote (or would write) a parameter: ``--format``, ``PLAN``."""
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return max(param.opts, key=len) if param.opts else (param.name or "")
    return (param.metavar or param.name or "").upper()


def _metavar(param: click.Option, lang: str) -> str:
    if param.metavar:
        return words(param.metavar, lang)
    if isinstance(param.type, click.Choice):
        return "[" + "|".join(str(c) for c in param.type.choices) + "]"
    return param.type.name.upper()


def _is_help_option(param: click.Parameter, ctx: click.Context) -> bool:
    return isinstance(param, click.Option) and not param.expose_value and set(param.opts) <= set(ctx.help_option_names)


def option_rows(command: click.Command, ctx: click.Context, lang: str) -> list[tuple[str, str]]:
    rows = []
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option) or param.hidden:
            continue
        label = join_options(param.opts)[0]
        if param.secondary_opts:
            label += " / " + join_options(param.secondary_opts)[0]
        if not param.is_flag and not param.count:
            label += " " + _metavar(param, lang)
        text = message("cli.help.help", lang) if _is_help_option(param, ctx) else words(param.help, lang)
        rows.append((label, text))
    return rows


def _color_of_the_run(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--color`` (or PLANCC_COLOR) on the group or on the command: one choice for the whole run."""
    if value is not None:
        from plancc.text.terminal import set_color

        set_color(value)
    return value


def color_param() -> click.Option:
    """``--color auto|always|never``, which every command and the group accept (plancc.text.terminal decides)."""
    return click.Option(["--color"], type=Choice(["auto", "always", "never"]), envvar="PLANCC_COLOR", default=None,
                        expose_value=False, callback=_color_of_the_run, metavar="cli.metavar.when", help="cli.opt.color")


class Words:
    """What a command shows of itself, from the catalog (mixed into Command and Group);
    every one of them also takes ``--color``."""

    context_class = Context

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(color_param())

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # click's parser leaves the context out: the usage line needs it
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, ctx.command
            raise

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [message("cli.usage.options", ui_lang())]
        for param in self.get_params(ctx):
            pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              message("cli.usage.prefix", ui_lang()))

    def get_short_help_str(self, limit: int = 45) -> str:  # noqa: ARG002 - the help page wraps it
        lang = ui_lang()
        return words(self.short_help, lang) or words(self.help, lang).split("\n")[0]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = words(self.help, ui_lang())
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ui_lang()
        rows = option_rows(self, ctx, lang)
        if rows:
            with formatter.section(message("cli.help.options", lang)):
                formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = words(self.epilog, ui_lang())
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)


class Command(Words, click.Command):
    """A plancc subcommand: catalog help, and extra arguments refused in catalog words."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True  # click would refuse them in English; we do it below
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            from plancc.text.escape import printable

            raise Refused(counted("cli.error.extra_args", len(rest), ui_lang(), args=printable(" ".join(rest))), ctx=ctx)
        return rest


def command(name: str, key: str):
    """``@command("validate", "cli.validate")``: help from ``key.help``, its line in
    ``plancc --help`` from ``key.short``."""
    return click.command(name, cls=Command, help=f"{key}.help", short_help=f"{key}.short")


# --- parameter types whose refusals are ours ----------------------------------------------------

class Refused(click.BadParameter):
    """A usage error whose message is already in the user's language."""

    def __init__(self, text: str, ctx: click.Context | None = None, param: click.Parameter | None = None):
        super().__init__(text, ctx=ctx, param=param)


def _shown(value) -> str:
    from plancc.text.escape import printable

    return printable(os.fsdecode(value) if isinstance(value, bytes) else str(value))


class Choice(click.Choice):
    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            lang = ui_lang()
            raise Refused(message("cli.error.choice", lang, name=param_name(param), value=_shown(value),
                                  choices=message("cli.sep", lang).join(map(str, self.choices))), ctx, param) from None


class Int(click.types.IntParamType):
    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise Refused(message("cli.error.int", ui_lang(), name=param_name(param), value=_shown(value)), ctx, param) from None


class Seconds(click.ParamType):
    """A time limit in seconds: a number above 0 and at most ``most`` (by default the longest
    LibreOffice conversion a setting may allow, looked up when a value is given: the settings
    module is not imported for --help)."""

    name = "seconds"

    def __init__(self, most: float | None = None):
        self._most = most

    @property
    def most(self) -> float:
        if self._most is None:
            from plancc.config import LIBREOFFICE_MAX_TIMEOUT

            return LIBREOFFICE_MAX_TIMEOUT
        return self._most

    def convert(self, value, param, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = float(value)
        else:
            try:
                seconds = float(str(value).strip())
            except ValueError:
                seconds = float("nan")
        if not 0 < seconds <= self.most:  # NaN fails too
            raise Refused(message("cli.error.seconds", ui_lang(), name=param_name(param), value=_shown(value),
                                  most=f"{self.most:g}"), ctx, param)
        return seconds


class Path(click.Path):
    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise Refused(message(self._why(value), ui_lang(), name=param_name(param), value=_shown(value)), ctx, param) from None

    def _why(self, value) -> str:
        try:
            st = os.stat(value)
        except OSError:
            return "cli.error.path.missing"
        if stat.S_ISDIR(st.st_mode) and not self.dir_okay:
            return "cli.error.path.is_dir"
        if not stat.S_ISDIR(st.st_mode) and not self.file_okay:
            return "cli.error.path.is_file"
        return "cli.error.path.unusable"


# --- usage errors ---------------------------------------------------------------------------------

def _option_of(ctx: click.Context | None, name: str) -> click.Option | None:
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def explain(exc: click.ClickException, lang: str) -> str:
    """What went wrong, in `lang`, from the exception's attributes."""
    from plancc.text.escape import printable

    sep = message("cli.sep", lang)
    if isinstance(exc, Refused):
        return exc.message
    if isinstance(exc, click.exceptions.NoSuchOption):
        name = printable(exc.option_name)
        if exc.possibilities:
            return message("cli.error.no_such_option.maybe", lang, name=name, maybe=sep.join(sorted(exc.possibilities)))
        return message("cli.error.no_such_option", lang, name=name)
    if isinstance(exc, click.MissingParameter):
        kind = "argument" if isinstance(exc.param, click.Argument) or exc.param_type == "argument" else "option"
        return message(f"cli.error.missing_{kind}", lang, name=param_name(exc.param))
    if isinstance(exc, click.BadOptionUsage):
        option = _option_of(exc.ctx, exc.option_name)
        key = "cli.error.flag_value" if option is not None and (option.is_flag or option.count) else "cli.error.needs_value"
        return message(key, lang, name=printable(exc.option_name))
    if isinstance(exc, click.BadParameter):  # raised by a type or check that is not ours
        name = param_name(exc.param) or (exc.param_hint if isinstance(exc.param_hint, str) else "")
        return message("cli.error.bad_value", lang, name=name, detail=exc.message)
    if isinstance(exc, click.BadArgumentUsage):
        return message("cli.error.arguments", lang, detail=exc.message)
    return message("cli.error.usage", lang, detail=exc.message)


def show_usage_error(exc: click.ClickException, lang: str) -> None:
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(ctx.get_usage())
        names = ctx.help_option_names
        if names:
            option = max(names, key=len)
            lines.append(message("cli.error.try_help", lang, command=ctx.command_path, option=option))
        lines.append("")
    lines.append(message("cli.error", lang, message=explain(exc, lang)))
    _echo("\n".join(lines))


def show_click_error(exc: click.ClickException | click.Abort, lang: str) -> int:
    """Print a failure click raised (a usage error, an abort, another ClickException); its exit code."""
    if isinstance(exc, click.Abort):
        _echo(message("cli.aborted", lang))
        return 1
    if type(exc) is getattr(click.exceptions, "NoArgsIsHelpError", None):  # `plancc` alone, click >= 8.2: the help
        _echo(exc.ctx.get_help())
    elif isinstance(exc, click.UsageError):
        show_usage_error(exc, lang)
    else:
        _echo(f"plancc: {exc.format_message()}")
    return exc.exit_code


def _echo(text: str) -> None:
    try:
        click.echo(text, err=True)
    except (OSError, ValueError):  # stderr closed or a broken pipe
        pass
