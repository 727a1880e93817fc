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


class RenderError(PlanccError):
    """A checked plan cannot be laid out or emitted (template, layout, profile, PDF); exit 1."""


class LimitError(RenderError):
    """A safety limit was reached while rendering (template time, output size, memory)."""

    def __init__(self, message: str, limit: str):
        super().__init__(message)
        self.limit = limit


# The operating system's reasons, by errno, in the user's words (strerror is English).
_OS_REASONS = {
    "ENOENT": ("文件或目录不存在", "no such file or folder"),
    "EACCES": ("没有权限", "permission denied"),
    "EPERM": ("操作不被允许", "operation not permitted"),
    "EROFS": ("文件系统是只读的", "the file system is read-only"),
    "ENOSPC": ("磁盘已满", "the disk is full"),
    "EDQUOT": ("超出磁盘配额", "the disk quota is exceeded"),
    "EFBIG": ("文件过大（超出系统允许的文件大小，或磁盘已满）", "the file is too large (over the system's file size limit, or the disk is full)"),
    "EEXIST": ("同名的文件已存在", "a file of that name exists"),
    "ENOTDIR": ("路径中的某一部分不是目录", "a part of the path is not a folder"),
    "EISDIR": ("这是一个目录", "it is a folder"),
    "ELOOP": ("符号链接形成了循环", "the symbolic links form a loop"),
    "ENAMETOOLONG": ("文件名过长", "the file name is too long"),
    "EBUSY": ("文件正被占用", "the file is busy"),
    "ETXTBSY": ("文件正被占用", "the file is busy"),
    "EMFILE": ("打开的文件过多", "too many open files"),
    "ENFILE": ("打开的文件过多", "too many open files"),
    "EIO": ("读写设备出错", "an input/output error"),
    "ENXIO": ("设备不存在或没有读者", "no such device, or no reader"),
    "ENODEV": ("设备不存在", "no such device"),
    "EINVAL": ("参数无效", "invalid argument"),
    "EXDEV": ("不能跨文件系统移动", "cannot move across file systems"),
    "ENOTEMPTY": ("目录不是空的", "the folder is not empty"),
    "EAGAIN": ("资源暂时不可用", "resource temporarily unavailable"),
    "EPIPE": ("管道已关闭", "the pipe is closed"),
    "ENOMEM": ("内存不足", "out of memory"),
}


def describe_os_error(exc: BaseException, lang: str = "zh") -> str:
    """Why the operating system refused, in the user's language (never its English strerror)."""
    import errno as _errno

    en = lang == "en"
    code = getattr(exc, "errno", None)
    name = _errno.errorcode.get(code) if isinstance(code, int) else None
    pair = _OS_REASONS.get(name or "")
    if pair is not None:
        return pair[1] if en else pair[0]
    if name:
        return f"system error {name}" if en else f"系统错误 {name}"
    return "system error" if en else "系统错误"
