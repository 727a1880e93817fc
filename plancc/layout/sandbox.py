"""Run a repository template within bounds of time, output size and memory.

Templates come from plan repositories (pull requests), so a template may loop
for ever, recurse, or build a string of gigabytes, by mistake or on purpose.
The jinja2 sandbox stops it from reaching Python internals; this module stops
it from taking the machine:

* Where ``os.fork`` exists (Linux, macOS), the template runs in a forked child
  with an address-space and a CPU-time rlimit; the parent reads its output
  through a pipe with a wall-clock deadline and a size cap and kills the child
  when either is reached. Nothing the template does (a C-level loop, a huge
  allocation, a crash of the interpreter) can outlast the deadline or reach
  the parent's memory.
* Everywhere, and alone where there is no fork (Windows), in-process guards:
  the output is streamed (``Template.generate``) and counted, the clock is
  checked as it streams and inside ``range``, multiplying strings or lists and
  raising to powers are bounded, and recursion and memory errors are caught.
  Without fork a loop that prints nothing over plan data is not interrupted.

Every failure is a :class:`~plancc.errors.RenderError` whose message names the
template file and line where known; reaching a bound is a
:class:`~plancc.errors.LimitError` naming the ``[limits]`` key that sets it.

Over 400 lines on purpose: the forked path and the in-process guards enforce
the same bounds and must be read together when one of them changes.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from plancc.catalog import message
from plancc.errors import LimitError, RenderError
from plancc.load.limits import DEFAULT_LIMITS

#: ``[limits]`` keys of plancc.toml (see plancc.config.LimitSettings).
SECONDS_KEY = "template_seconds"
OUTPUT_KEY = "template_output_bytes"
MEMORY_KEY = "template_memory_bytes"


@dataclass(frozen=True)
class TemplateLimits:
    """The template's share of plancc.load.limits.Limits (where the defaults are written)."""

    seconds: float = DEFAULT_LIMITS.template_seconds
    output_bytes: int = DEFAULT_LIMITS.template_output_bytes
    memory_bytes: int = DEFAULT_LIMITS.template_memory_bytes

    @classmethod
    def from_settings(cls, limits: Any) -> "TemplateLimits":
        """From ``[limits]`` of plancc.toml (or anything with the same attributes)."""
        if limits is None:
            return cls()
        d = cls()
        return cls(
            seconds=float(getattr(limits, SECONDS_KEY, d.seconds)),
            output_bytes=int(getattr(limits, OUTPUT_KEY, d.output_bytes)),
            memory_bytes=int(getattr(limits, MEMORY_KEY, d.memory_bytes)),
        )


def limit_error(key: str, limits: TemplateLimits, lang: str, where: str = "") -> LimitError:
    """The message for a bound reached: what, the value, the key that raises it."""
    at = message("template.at", lang, where=where) if where else ""
    value = {SECONDS_KEY: f"{limits.seconds:g}", OUTPUT_KEY: f"{limits.output_bytes:,}"}.get(key, f"{limits.memory_bytes:,}")
    return LimitError(message(f"template.limit.{key}", lang, value=value, at=at) + message("template.limit.hint", lang, key=key), key)


# ---------------------------------------------------------------- locating errors


def template_location(exc: BaseException, folders: Iterable[Path] = ()) -> str:
    """``file:line`` of the innermost template frame of ``exc`` (jinja2 rewrites the
    traceback so template frames carry the template's file name and line)."""
    roots = [str(f) for f in folders]
    found = ""
    try:
        frames = traceback.extract_tb(exc.__traceback__)
    except Exception:  # noqa: BLE001 - a broken traceback only loses the location
        return ""
    for fr in frames:
        name = fr.filename or ""
        if name.endswith(".j2") or name.endswith(".xml") or any(name.startswith(r) for r in roots):
            found = f"{_short(name, roots)}:{fr.lineno}"
    return found


def _short(name: str, roots: list[str]) -> str:
    for r in roots:
        if name.startswith(r.rstrip("/") + os.sep):
            return os.path.relpath(name, os.path.dirname(r.rstrip(os.sep)))
    return name


# ---------------------------------------------------------------- in-process guards


class Budget:
    """The clock and output count of one template run, checked as it streams."""

    def __init__(self, limits: TemplateLimits, lang: str):
        self.limits = limits
        self.lang = lang
        self.deadline = time.monotonic() + limits.seconds

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise limit_error(SECONDS_KEY, self.limits, self.lang)

    def check_size(self, size: int) -> None:
        """A result of ``size`` characters (a string, a list) is allowed? A character
        is at least a byte of output, so nothing larger than the output bound is."""
        if size > self.limits.output_bytes:
            raise limit_error(OUTPUT_KEY, self.limits, self.lang)


def install_guards(env: Any, budget: Budget) -> None:
    """Bound what a template can compute in one step, on the given sandboxed environment."""
    from jinja2.sandbox import MAX_RANGE

    env.intercepted_binops = frozenset({"*", "**", "+"})
    env.intercepted_unops = frozenset()
    base_binop = env.call_binop

    def call_binop(context, operator, left, right):  # type: ignore[no-untyped-def]
        if operator == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                budget.check_size(len(left) + len(right))
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple, bytes)) and isinstance(n, int) and not isinstance(n, bool):
                    budget.check_size(len(seq) * max(n, 0))
        elif operator == "**":
            if isinstance(left, (int, float)) and isinstance(right, (int, float)) and not isinstance(right, bool):
                big = abs(left) > 1 and right > 0
                if big and isinstance(left, int) and isinstance(right, int) and right * max(abs(left).bit_length(), 1) > 65536:
                    budget.check_size(10**12)  # a number of more than 64 Kbit: refused as output would be
        return base_binop(context, operator, left, right)

    env.call_binop = call_binop

    def guarded_range(*args: Any):  # type: ignore[no-untyped-def]
        try:
            rng = range(*args)
            n = len(rng)
        except OverflowError:
            n = MAX_RANGE + 1
        if n > MAX_RANGE:
            raise RenderError(message("template.range", budget.lang, n=f"{MAX_RANGE:,}"))
        return _timed(rng, budget)

    env.globals["range"] = guarded_range


def _timed(items: range, budget: Budget):
    check = budget.check_time
    for i, item in enumerate(items):
        if not i & 1023:
            check()
        yield item


def stream(chunks: Iterable[str], budget: Budget, sink: Callable[[str], None]) -> None:
    """Pass the template's output to ``sink`` in batches of pieces, counting it and
    checking the clock between batches (the batching runs at C speed)."""
    from itertools import islice

    limit = budget.limits.output_bytes
    total = 0
    it = iter(chunks)
    check = budget.check_time
    while True:
        pieces = list(islice(it, 2048))
        if not pieces:
            return
        text = "".join(pieces)
        total += len(text)
        if total > limit:
            raise limit_error(OUTPUT_KEY, budget.limits, budget.lang)
        check()
        if text:
            sink(text)


# ---------------------------------------------------------------- running


class Pending:
    """A template run under way; :meth:`result` waits for it (within the deadline)."""

    def result(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError


class _Done(Pending):
    def __init__(self, text: str | None = None, error: BaseException | None = None):
        self.text, self.error = text, error

    def result(self) -> str:
        if self.error is not None:
            raise self.error
        assert self.text is not None
        return self.text


def start_bounded(produce: Callable[[Budget], Iterable[str]], describe: Callable[[BaseException, Budget], RenderError],
                  limits: TemplateLimits, lang: str = "zh") -> Pending:
    """Start ``produce`` (an iterable of text pieces) within ``limits``; with fork the
    template runs while the caller goes on (the emitter's imports overlap with it),
    and ``result()`` collects the whole output.

    ``describe`` turns any exception of the template into the RenderError to
    raise (it runs where the exception happened: in the child when forked).
    """
    if hasattr(os, "fork") and os.environ.get("PLANCC_TEMPLATE_IN_PROCESS", "") in ("", "0"):
        try:
            return _Forked(produce, describe, limits, lang)
        except OSError:  # no more processes: run it here
            pass
    try:
        return _Done(_run_here(produce, describe, limits, lang))
    except RenderError as exc:
        return _Done(error=exc)


def _run_here(produce, describe, limits: TemplateLimits, lang: str) -> str:  # type: ignore[no-untyped-def]
    budget = Budget(limits, lang)
    out: list[str] = []
    try:
        stream(produce(budget), budget, out.append)
    except LimitError:
        raise
    except MemoryError:
        raise limit_error(MEMORY_KEY, limits, lang) from None
    except Exception as exc:  # noqa: BLE001 - whatever the template did, it is the template's error
        raise describe(exc, budget) from exc
    return "".join(out)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _output_file() -> int:
    """An anonymous file for the child's output: it never blocks the child, and the
    parent reads it once the child is done."""
    if hasattr(os, "memfd_create"):
        try:
            return os.memfd_create("plancc-template", getattr(os, "MFD_CLOEXEC", 0))
        except OSError:
            pass
    import tempfile

    fh = tempfile.TemporaryFile()
    fd = os.dup(fh.fileno())
    fh.close()
    return fd


def _child(out_fd: int, done_fd: int, produce, describe, limits: TemplateLimits, lang: str) -> None:  # type: ignore[no-untyped-def]
    """In the forked child: run the template, write its output and the outcome, never return."""
    status = 0
    try:
        try:
            import resource
            import signal

            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, signal.SIG_DFL)
            cpu = int(limits.seconds) + 2
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
            size = limits.output_bytes + (1 << 20)
            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
            _limit_address_space(limits.memory_bytes)
        except (ImportError, ValueError, OSError):
            pass
        budget = Budget(limits, lang)
        written = 0
        cap = limits.output_bytes

        def send(text: str) -> None:
            nonlocal written
            data = text.encode("utf-8", "surrogatepass")
            written += len(data)
            if written > cap:
                raise limit_error(OUTPUT_KEY, limits, lang)
            _write_all(out_fd, data)

        outcome: dict[str, Any] = {"ok": True}
        try:
            stream(produce(budget), budget, send)
        except LimitError as exc:
            outcome = {"message": exc.message, "limit": exc.limit}
        except MemoryError:
            outcome = {"message": limit_error(MEMORY_KEY, limits, lang).message, "limit": MEMORY_KEY}
        except BaseException as exc:  # noqa: BLE001 - the template's error, reported to the parent
            try:
                err = describe(exc, budget)
                outcome = {"message": err.message, "limit": getattr(err, "limit", None)}
            except MemoryError:
                outcome = {"message": limit_error(MEMORY_KEY, limits, lang).message, "limit": MEMORY_KEY}
        _write_all(done_fd, json.dumps(outcome, ensure_ascii=False).encode("utf-8"))
    except BaseException:  # noqa: BLE001 - the parent sees the missing outcome
        status = 70
    finally:
        os._exit(status)


def _limit_address_space(extra: int) -> None:
    """Allow the child ``extra`` bytes of address space beyond what it has now."""
    import resource

    try:
        with open("/proc/self/statm") as fh:
            now = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # no /proc (macOS): the deadline and the output cap still hold
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = now + extra
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


class _Forked(Pending):
    """The template running in a forked child: output into an anonymous file, the
    outcome through a pipe whose end-of-file also says the child is gone."""

    def __init__(self, produce, describe, limits: TemplateLimits, lang: str):  # type: ignore[no-untyped-def]
        self.limits, self.lang = limits, lang
        self.out_fd = _output_file()
        try:
            self.done_r, done_w = os.pipe()
        except OSError:
            os.close(self.out_fd)
            raise
        try:
            self.pid = os.fork()
        except OSError:
            for fd in (self.out_fd, self.done_r, done_w):
                os.close(fd)
            raise
        if self.pid == 0:  # pragma: no cover - the child ends in os._exit
            os.close(self.done_r)
            _child(self.out_fd, done_w, produce, describe, limits, lang)
        os.close(done_w)
        self.deadline = time.monotonic() + limits.seconds

    def result(self) -> str:
        import select
        import signal

        limits, lang = self.limits, self.lang
        outcome = bytearray()
        timed_out = False
        try:
            while True:
                left = self.deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select([self.done_r], [], [], left)
                if not ready:
                    continue
                data = os.read(self.done_r, 65536)
                if not data:
                    break
                outcome += data
                if len(outcome) > 1 << 20:
                    break
        finally:
            os.close(self.done_r)
            if timed_out:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except OSError:
                    pass
            _, status = os.waitpid(self.pid, 0)
        try:
            if timed_out:
                raise limit_error(SECONDS_KEY, limits, lang)
            if not outcome:
                sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
                if sig in (signal.SIGXCPU, signal.SIGKILL):
                    raise limit_error(SECONDS_KEY, limits, lang)
                if sig is not None and sig == getattr(signal, "SIGXFSZ", None):
                    raise limit_error(OUTPUT_KEY, limits, lang)
                if sig is not None:
                    raise RenderError(message("template.died", lang, signal=sig))
                raise limit_error(MEMORY_KEY, limits, lang)  # the child could not even report: out of memory
            info = json.loads(outcome.decode("utf-8"))
            if not info.get("ok"):
                if info.get("limit"):
                    raise LimitError(info["message"], info["limit"])
                raise RenderError(info["message"])
            size = os.lseek(self.out_fd, 0, os.SEEK_END)
            if size > limits.output_bytes:
                raise limit_error(OUTPUT_KEY, limits, lang)
            os.lseek(self.out_fd, 0, os.SEEK_SET)
            chunks = []
            while True:
                data = os.read(self.out_fd, 1 << 22)
                if not data:
                    break
                chunks.append(data)
            return b"".join(chunks).decode("utf-8", "surrogatepass")
        finally:
            os.close(self.out_fd)
