"""The one parallel map of plancc: ``validate`` over many files and ``render`` of several plans.

Results come back in the order of the items. Work runs in this process when
one worker is asked for or there are fewer items than ``threshold`` (starting
processes would cost more than it saves); otherwise in a process pool, sent
in chunks so that a thousand small files do not cost a thousand round trips.
``progress`` is called once per finished item, in order (render's bar).
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: never more processes than this, however many cores: the work is short and memory is not free
MAX_WORKERS = 8


def worker_count(jobs: int, items: int) -> int:
    """``-j N`` when given, else one per core (at most MAX_WORKERS), never more than the items."""
    return jobs or min(os.cpu_count() or 1, items, MAX_WORKERS)


def parallel_map(func: Callable[[T], R], items: Iterable[T], *, jobs: int = 0, threshold: int = 2,
                 progress: Callable[[], None] | None = None) -> list[R]:
    """``[func(item) for item in items]``, in worker processes when that pays; ``func`` must be picklable."""
    items = list(items)
    workers = worker_count(jobs, len(items))
    if workers <= 1 or len(items) < threshold:
        results = []
        for item in items:
            results.append(func(item))
            if progress is not None:
                progress()
        return results
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(items) // (workers * 4))
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(func, items, chunksize=chunk):
            results.append(result)
            if progress is not None:
                progress()
    return results



def beside(func: Callable[[T], R], here: T, there: T) -> tuple[R, R]:
    """``(func(here), func(there))``, ``there`` in a forked child while this process does ``here``.

    For two large pieces of work (the two sides of ``plancc diff``): one fork and one
    result pickled back through a pipe, without the start-up of a process pool. What
    ``func`` needs should be imported before the call, so that the child inherits it
    instead of importing it again. Where there is no fork (Windows), both run here. An
    exception in the child is raised here; a child that dies without a result (killed,
    out of memory) makes this process do ``there`` itself.
    """
    import pickle

    fork = getattr(os, "fork", None)
    if fork is None:
        return func(here), func(there)
    read_end, write_end = os.pipe()
    try:
        pid = fork()
    except OSError:  # no more processes: do both here
        os.close(read_end)
        os.close(write_end)
        return func(here), func(there)
    if pid == 0:  # the child: never returns into the caller's code
        status = 0
        try:
            os.close(read_end)
            try:
                payload = pickle.dumps((True, func(there)), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                try:
                    payload = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:  # noqa: BLE001 - an exception that does not pickle
                    payload = pickle.dumps((False, RuntimeError(repr(exc))))
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001 - the parent sees no result and does the work itself
            status = 1
        finally:
            os._exit(status)  # no atexit handlers, no flushing of the parent's buffers
    os.close(write_end)
    try:
        mine = func(here)
    except BaseException:
        os.close(read_end)  # the child's write fails (broken pipe) and it leaves
        _reap(pid)
        raise
    with os.fdopen(read_end, "rb") as inp:
        payload = inp.read()
    _reap(pid)
    if not payload:
        return mine, func(there)
    ok, value = pickle.loads(payload)
    if not ok:
        raise value
    return mine, value


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
