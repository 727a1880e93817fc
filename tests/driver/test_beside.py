"""plancc.driver.parallel.beside: two pieces of work, one of them in a forked child."""

from __future__ import annotations

import os
import signal

import pytest

from plancc.driver.parallel import beside


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_both_results_in_order_and_the_second_in_another_process():
    (a, pid_a), (b, pid_b) = beside(_square_and_pid, 3, 4)
    assert (a, b) == (9, 16)
    assert pid_a == os.getpid()
    if hasattr(os, "fork"):
        assert pid_b != os.getpid()


def test_a_large_result_comes_back_whole():
    big = beside(lambda n: "字" * n, 10, 3_000_000)[1]  # far more than a pipe holds
    assert len(big) == 3_000_000


class _Odd(Exception):
    pass


def _fail_on_odd(n: int) -> int:
    if n % 2:
        raise _Odd(f"odd {n}")
    return n


def test_an_exception_in_the_child_is_raised_here():
    with pytest.raises(_Odd, match="odd 3"):
        beside(_fail_on_odd, 2, 3)


def test_an_exception_here_leaves_no_child_behind():
    before = _children()
    with pytest.raises(_Odd, match="odd 1"):
        beside(lambda n: "x" * 1_000_000 if n == 2 else _fail_on_odd(n), 1, 2)
    assert _children() == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_a_child_that_dies_without_a_result_means_the_work_is_done_here():
    parent = os.getpid()

    def die_in_child(n: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return n + 1

    assert beside(die_in_child, 1, 2) == (2, 3)


def _children() -> set[int]:
    """Processes whose parent is this one (Linux), else an empty set."""
    me = str(os.getpid())
    out = set()
    try:
        names = os.listdir("/proc")
    except OSError:
        return out
    for name in names:
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == me and fields[0] != "Z":
                out.add(int(name))
    return out
