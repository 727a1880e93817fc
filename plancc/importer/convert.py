"""Word files that are not .docx (.doc, .wps, .rtf, OpenDocument text), converted to .docx
by LibreOffice before they are read.

The conversion runs through the same runner as the PDF preview
(:func:`plancc.emit.pdf.soffice_convert`): a private temporary folder, a throw-away
LibreOffice profile of its own (so it works while the user has LibreOffice open), a
timeout that kills the whole process group, everything removed afterwards. The source
is copied into that folder under a plain name first: LibreOffice then never sees an
odd file name, and cannot write next to the user's file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Optional

from plancc.catalog import message
from plancc.errors import WordFileError

#: seconds LibreOffice may take for one conversion
DEFAULT_TIMEOUT = 120.0
#: the longest a setting may allow (an hour)
MAX_TIMEOUT = 3600.0

_NAMES = {".doc": "source.doc", ".dot": "source.dot", ".wps": "source.wps", ".wpt": "source.wpt",
          ".rtf": "source.rtf", ".odt": "source.odt"}


def _plain_name(path: Path) -> str:
    """The name the copy gets: its own extension when LibreOffice knows it, else by content."""
    suffix = path.suffix.lower()
    if suffix in _NAMES:
        return _NAMES[suffix]
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK"):
        return "source.odt"
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "source.rtf"
    return "source.doc"


def conversion_timeout(value: object) -> float:
    """A setting's seconds for one conversion (None: the default) as a number the runner takes;
    ValueError for anything but a number of seconds above 0 and at most MAX_TIMEOUT (a
    setting is checked with this where it is read, so that its message can name the setting)."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"timeout must be a number of seconds, not {type(value).__name__}")
    seconds = float(value)
    if not 0 < seconds <= MAX_TIMEOUT:  # NaN fails too
        raise ValueError(f"timeout must be above 0 and at most {MAX_TIMEOUT:g} seconds, not {value!r}")
    return seconds


def to_docx(path: Path, *, lang: str = "zh", timeout: Optional[float] = None, max_bytes: int = 512 * 1024 * 1024) -> bytes:
    """The bytes of ``path`` converted to .docx by LibreOffice; WordFileError (exit 2) when
    LibreOffice is missing, fails or runs out of ``timeout`` seconds (None: DEFAULT_TIMEOUT;
    see :func:`conversion_timeout` for what a setting may ask)."""
    from plancc.emit import pdf

    shown = str(path)
    timeout = conversion_timeout(timeout)
    try:
        soffice = pdf.find_soffice()
    except pdf.PdfUnavailable:
        raise WordFileError(message("import.convert.no_libreoffice", lang, path=shown), "import.convert.no_libreoffice") from None
    try:
        with tempfile.TemporaryDirectory(prefix="plancc-import-") as work:
            copy = Path(work) / _plain_name(path)
            shutil.copyfile(path, copy)
            with pdf.soffice_convert(soffice, copy, "docx:MS Word 2007 XML", "docx", timeout) as produced:
                if produced.stat().st_size > max_bytes:
                    from plancc.load.limits import readable_size

                    what = message("import.read.too_large.file", lang, part="")
                    raise WordFileError(message("import.read.too_large", lang, path=shown, what=what, limit=readable_size(max_bytes)),
                             "import.read.too_large")
                return produced.read_bytes()
    except pdf.SofficeTimeout:
        raise WordFileError(message("import.convert.timeout", lang, path=shown, seconds=f"{timeout:g}"),
                            "import.convert.timeout") from None
    except pdf.SofficeFailed as exc:
        detail = exc.detail.splitlines()[-1][:200] if exc.detail else ""
        raise WordFileError(message("import.convert.failed", lang, path=shown, code=exc.returncode,
                                    detail=f"：{detail}" if detail and lang != "en" else (f": {detail}" if detail else "")),
                            "import.convert.failed") from None
    except OSError as exc:
        from plancc.errors import describe_os_error

        raise WordFileError(message("import.read.os", lang, path=shown, why=describe_os_error(exc, lang)), "import.read.os") from exc
