"""The errors plancc expects, one type per stage under one base class.

Everything a plan, a repository or the machine can get wrong is either a
located :class:`~plancc.diagnostics.Diagnostic` (the plan's own problems) or
one of these exceptions (a problem that stops a command). Each carries the
exit code it ends the command with, and is caught once, at the top of the
command line (``plancc.cli.main``). Any other exception is a defect in
plancc: the top level saves its traceback to a file and exits with
:data:`BUG_EXIT`, so CI can tell a bug from a plan with findings.

Exit codes (also in the README and ``docs/cli.md``):

* 0 — no failing diagnostics;
* 1 — failing diagnostics, or a plan that cannot be rendered (:class:`RenderError`);
* 2 — usage: bad options, a missing path, an unusable ``plancc.toml``,
  an output that cannot be written or would overwrite an input (:class:`UsageError`);
* 3 — a defect in plancc itself (:data:`BUG_EXIT`).
"""

from __future__ import annotations

BUG_EXIT = 3


class PlanccError(Exception):
    """An expected failure; ``str(error)`` is the message for the user, already in their language."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(PlanccError):
    """The command cannot run as asked: options, paths, configuration (exit 2)."""

    exit_code = 2


class ConfigError(UsageError):
    """``plancc.toml`` (or a layout profile named by it) cannot be used; says where and why."""


class OutputError(UsageError):
    """An output cannot be written, or writing it would destroy an input of the run."""


class WordFileError(UsageError):
    """A document given to ``plancc import`` cannot be read: not a Word file, damaged,
    beyond a safety limit, or needing LibreOffice that is missing (exit 2). ``key`` is the
    catalog key of the words, for tests and reports."""

    def __init__(self, message: str, key: str = ""):
        super().__init__(message)
        self.key = key


class RenderError(PlanccError):
    """A checked plan cannot be laid out or emitted (template, layout, profile, PDF); exit 1."""


class LimitError(RenderError):
    """A safety limit was reached while rendering (template time, output size, memory)."""

    def __init__(self, message: str, limit: str):
        super().__init__(message)
        self.limit = limit


def describe_errno(number: int | None, lang: str = "zh") -> str:
    """Why the operating system refused, by errno, in the user's words (strerror is English)."""
    import errno as _errno

    from plancc.catalog import has, message

    name = _errno.errorcode.get(number) if isinstance(number, int) else None
    if name and has(f"os.{name}"):
        return message(f"os.{name}", lang)
    return message("os.other", lang, name=name) if name else message("os.unknown", lang)


def describe_os_error(exc: BaseException, lang: str = "zh") -> str:
    """Why the operating system refused, in the user's language (never its English strerror)."""
    return describe_errno(getattr(exc, "errno", None), lang)


class Worded(ValueError):
    """A validator's problem as a catalog key and its values, worded in the user's
    language where the error is reported (a pydantic validator does not know it)."""

    def __init__(self, key: str, /, **values):
        super().__init__(key)
        self.key, self.values = key, values

    def words(self, lang: str = "zh") -> str:
        from plancc.catalog import message

        return message(self.key, lang, **self.values)
