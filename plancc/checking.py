"""Check many files, in parallel when there are enough of them to pay for the processes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from plancc.pipeline import FileReport, Settings, check_file

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 40


def check_many(files: list[Path], settings: Settings, *, jobs: int = 0, display: Callable[[Path], str] = str) -> list[FileReport]:
    names = [display(f) for f in files]
    workers = jobs or min(os.cpu_count() or 1, 8)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        if len(files) == 1:
            return [check_file(files[0], settings, display=names[0])]
        # many files: keep only what the report needs, not every plan's values and models
        return [check_file(f, settings, display=n).for_report() for f, n in zip(files, names)]
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_check_one, [(f, settings, n) for f, n in zip(files, names)], chunksize=chunk))


def _check_one(args) -> FileReport:
    path, settings, name = args
    return check_file(path, settings, display=name).for_report()
