"""Atomic output: a failed render or write never leaves a half file or a temp file."""

from __future__ import annotations

import os
import stat

import pytest

from plancc.emit import atomic
from plancc.emit import body as emit_body
from plancc.emit.atomic import atomic_write_bytes, atomic_writer
from plancc.emit.docx import write_docx
from plancc.emit.readback import read_docx

from .conftest import rich_document


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_docx_writes_a_readable_file(tmp_path, profile) -> None:
    out = write_docx(rich_document(catalog_rows=3), profile, tmp_path / "plan.docx")
    assert out == tmp_path / "plan.docx"
    assert read_docx(out).page_width == 11906
    assert _leftovers(tmp_path) == []
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644


def test_failed_render_keeps_previous_output(tmp_path, profile, monkeypatch) -> None:
    target = tmp_path / "plan.docx"
    write_docx(rich_document(catalog_rows=3), profile, target)
    before = target.read_bytes()

    def boom(self, t):
        raise RuntimeError("render failed mid-way")

    monkeypatch.setattr(emit_body.BodyWriter, "table", boom)
    with pytest.raises(RuntimeError, match="mid-way"):
        write_docx(rich_document(catalog_rows=3), profile, target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_failed_write_removes_temp_and_keeps_previous(tmp_path, profile, monkeypatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"previous")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_docx(rich_document(catalog_rows=3), profile, target)
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []


def test_exception_inside_writer_discards_partial_data(tmp_path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(ValueError):
        with atomic_writer(target) as fh:
            fh.write(b"half of the new")
            raise ValueError("stop")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_atomic_write_keeps_mode_of_replaced_file(tmp_path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_temp_file_is_hidden_next_to_target(tmp_path) -> None:
    target = tmp_path / "plan.docx"
    with atomic_writer(target) as fh:
        names = [p.name for p in tmp_path.iterdir()]
        assert len(names) == 1 and names[0].startswith(".plan.docx.") and names[0].endswith(".tmp")
        fh.write(b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_stranded_temp_files_of_dead_processes_are_removed(tmp_path) -> None:
    target = tmp_path / "plan.docx"
    old = os.path.getmtime(tmp_path) - 2 * atomic.STRANDED_AFTER
    dead = tmp_path / ".plan.docx.999999999.abc12345.tmp"  # above any pid_max: no such process
    recent = tmp_path / ".plan.docx.999999998.abc12345.tmp"  # dead pid, but touched just now
    alive = tmp_path / f".plan.docx.{os.getppid()}.def12345.tmp"  # a running process: another render
    other = tmp_path / ".other.docx.999999999.ghi12345.tmp"  # another target's: not ours to touch
    longer = tmp_path / ".plan.docx.2024.999999999.jkl12345.tmp"  # target plan.docx.2024's file
    for p in (dead, recent, alive, other, longer):
        p.write_bytes(b"partial")
        if p is not recent:
            os.utime(p, (old, old))
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert not dead.exists()
    assert recent.exists() and alive.exists() and other.exists() and longer.exists()
