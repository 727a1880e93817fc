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
    """``(func(here), func(there))``, ``there`` in one worker process while this one does ``here``.

    For two large pieces of work (the two sides of ``plancc diff``): one fork instead
    of two, and only one result pickled back. What ``func`` needs should be imported
    before the call, so that the worker inherits it instead of importing it again.
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(func, there)
        mine = func(here)
        return mine, future.result()
