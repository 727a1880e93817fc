"""PDF preview of a rendered .docx through LibreOffice (headless).

Each conversion runs with a private, throw-away LibreOffice profile (parallel
runs do not fight over one profile, and a stale lock left by a crashed run
cannot hang CI), under a timeout that kills the whole process group (the same
runner, :func:`soffice_convert`, converts .doc and .wps for ``plancc import``), and with a
private fontconfig file (``fonts.conf`` next to this module) that maps the
official-document font names to installed free faces of the same kind. The
PDF is written atomically into the output folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from plancc.emit.atomic import atomic_write_bytes
from plancc.errors import RenderError

__all__ = [
    "FONTS_CONF",
    "PdfError",
    "PdfUnavailable",
    "PdfConversionError",
    "PdfTimeout",
    "find_soffice",
    "convert_to_pdf",
    "soffice_convert",
    "SofficeFailed",
    "SofficeTimeout",
]

FONTS_CONF = Path(__file__).with_name("fonts.conf")
from plancc.config import LIBREOFFICE_MAX_TIMEOUT as MAX_TIMEOUT  # noqa: E402 - defined with the setting
from plancc.config import LIBREOFFICE_TIMEOUT as DEFAULT_TIMEOUT  # noqa: E402
_CANDIDATES = ("soffice", "libreoffice")


class PdfError(RenderError, RuntimeError):
    """Base class of PDF preview failures."""


class PdfUnavailable(PdfError):
    """LibreOffice is not installed (or not on PATH)."""


class PdfConversionError(PdfError):
    """LibreOffice ran but produced no PDF."""


class PdfTimeout(PdfConversionError):
    """LibreOffice did not finish in time and was killed."""


def find_soffice() -> str:
    """Path of the LibreOffice executable on PATH, or raise PdfUnavailable."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfUnavailable(
        "未找到 LibreOffice（PATH 中没有 soffice 或 libreoffice），无法生成 PDF 预览。"
        "请安装 LibreOffice（Debian/Ubuntu：apt install libreoffice-writer "
        "fonts-noto-cjk fonts-arphic-ukai），或只输出 .docx。"
    )


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


class SofficeFailed(Exception):
    """LibreOffice ran but wrote nothing (``returncode``, ``detail``: what it said)."""

    def __init__(self, returncode: int, detail: str):
        super().__init__(detail)
        self.returncode, self.detail = returncode, detail


class SofficeTimeout(Exception):
    """LibreOffice did not finish in time; its whole process group was killed."""


@contextmanager
def soffice_convert(soffice: str, src: Path, convert_to: str, extension: str, timeout: float,
                    fonts: bool = False) -> Iterator[Path]:
    """Run ``soffice --convert-to`` on ``src`` in a private temporary folder with its own
    throw-away profile, under ``timeout`` (the process group is killed when it runs out);
    yields the file it wrote (``<stem>.<extension>``), removed with the folder afterwards.

    Raises SofficeTimeout or SofficeFailed. ``fonts`` passes plancc's fontconfig file.
    """
    with tempfile.TemporaryDirectory(prefix="plancc-soffice-") as work:
        work_path = Path(work)
        profile_dir = work_path / "profile"
        convert_dir = work_path / "out"
        convert_dir.mkdir()
        env = dict(os.environ)
        if fonts and FONTS_CONF.is_file():
            env["FONTCONFIG_FILE"] = str(FONTS_CONF)
        env.setdefault("HOME", str(work_path))  # soffice insists on a home directory
        cmd = [
            soffice,
            f"-env:UserInstallation={profile_dir.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            convert_to,
            "--outdir",
            str(convert_dir),
            str(src),
        ]
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=work,
            start_new_session=(os.name == "posix"),  # own process group: killable as a whole
        )
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            proc.communicate()
            raise SofficeTimeout() from None
        except BaseException:
            _kill_group(proc)
            proc.communicate()
            raise
        produced = convert_dir / (src.stem + "." + extension)
        if proc.returncode != 0 or not produced.is_file():
            detail = (stderr or stdout or b"").decode("utf-8", "replace").strip()
            raise SofficeFailed(proc.returncode, detail)
        yield produced


def convert_to_pdf(
    docx_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    timeout: float = DEFAULT_TIMEOUT,
    lang: str = "zh",
) -> Path:
    """Convert ``docx_path`` to ``out_dir/<stem>.pdf`` with LibreOffice; returns the PDF path.

    Raises PdfUnavailable (no LibreOffice), PdfTimeout (it ran out of ``timeout`` seconds: the
    message names ``render --pdf-timeout`` and plancc.toml's ``[libreoffice] timeout``), or
    PdfConversionError. Progress shown by the command says the conversion is running, with its
    time against the limit.
    """
    from plancc.catalog import message
    from plancc.text.terminal import step

    src = Path(docx_path).resolve()
    if not src.is_file():
        raise PdfConversionError(message("pdf.missing", lang, path=src))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    try:
        soffice = find_soffice()
    except PdfUnavailable:
        raise PdfUnavailable(message("pdf.no_libreoffice", lang)) from None
    step(message("pdf.progress", lang, name=src.name, seconds=f"{timeout:g}"))
    try:
        with soffice_convert(soffice, src, "pdf:writer_pdf_Export", "pdf", timeout, fonts=True) as produced:
            return atomic_write_bytes(out / produced.name, produced.read_bytes())
    except SofficeTimeout:
        raise PdfTimeout(message("pdf.timeout", lang, name=src.name, seconds=f"{timeout:g}")) from None
    except SofficeFailed as exc:
        detail = exc.detail.splitlines()[-1][:200] if exc.detail else ""
        raise PdfConversionError(message("pdf.failed", lang, name=src.name, code=exc.returncode,
                                         detail=(": " if lang == "en" else "：") + detail if detail else "")) from None
