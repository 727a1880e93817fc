"""Word files that are not .docx (.doc, .wps, .rtf, OpenDocument text), converted to .docx
by LibreOffice before they are read.

Also what is called a Word file and is a web page: a “.doc” that is HTML (what many web sites
and office systems hand out as 下载Word), a single-file web page (MHTML: Word's 单个文件网页,
often named .doc as well) and Word 2003 XML. A web page is converted without anything it
would fetch: its scripts, frames, objects, linked style sheets and every reference to
another address are taken out first, so that LibreOffice reads it offline; an MHTML file's
page is taken out of its MIME container (the pictures stay behind: they are no text).

The conversion runs through the same runner as the PDF preview
(:func:`plancc.emit.pdf.soffice_convert`): a private temporary folder, a throw-away
LibreOffice profile of its own (so it works while the user has LibreOffice open), a
timeout that kills the whole process group, everything removed afterwards. The source
is copied into that folder under a plain name first: LibreOffice then never sees an
odd file name, and cannot write next to the user's file.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import shutil
import tempfile
from pathlib import Path
from typing import Optional

from plancc.catalog import message
from plancc.errors import WordFileError

# seconds LibreOffice may take for one conversion, and the longest a setting may allow: the
# same for every conversion, defined with the setting
from plancc.config import LIBREOFFICE_MAX_TIMEOUT as MAX_TIMEOUT  # noqa: E402
from plancc.config import LIBREOFFICE_TIMEOUT as DEFAULT_TIMEOUT  # noqa: E402
#: the run's time limit from plancc.toml's [libreoffice] timeout (None: DEFAULT_TIMEOUT), set by the command
_RUN_TIMEOUT: contextvars.ContextVar[float | None] = contextvars.ContextVar("plancc_convert_timeout", default=None)


@contextlib.contextmanager
def run_timeout(seconds: float | None):
    """``with run_timeout(config.file.libreoffice.timeout): …``: conversions asked for without a
    timeout of their own get this one."""
    token = _RUN_TIMEOUT.set(seconds)
    try:
        yield
    finally:
        _RUN_TIMEOUT.reset(token)

_NAMES = {".doc": "source.doc", ".dot": "source.dot", ".wps": "source.wps", ".wpt": "source.wpt",
          ".rtf": "source.rtf", ".odt": "source.odt"}


def _plain_name(path: Path) -> str:
    """The name the copy gets: its own extension when LibreOffice knows it, else by content."""
    from plancc.importer.docx import sniff

    with open(path, "rb") as fh:
        kind = sniff(fh.read(512))
    if kind in ("html", "mht"):
        return "source.html"
    if kind == "wordxml":
        return "source.xml"
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
        return _RUN_TIMEOUT.get() or DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"timeout must be a number of seconds, not {type(value).__name__}")
    seconds = float(value)
    if not 0 < seconds <= MAX_TIMEOUT:  # NaN fails too
        raise ValueError(f"timeout must be above 0 and at most {MAX_TIMEOUT:g} seconds, not {value!r}")
    return seconds


# what a web page would fetch or run: taken out before LibreOffice reads it (every pattern
# bounded, so that no input makes a search quadratic)
_ELEMENTS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template")
_OPEN = re.compile(r"<(%s)\b[^<>]{0,4096}>" % "|".join(_ELEMENTS), re.I)
_CLOSE = re.compile(r"</(%s)\s{0,64}>" % "|".join(_ELEMENTS), re.I)
_TAG = re.compile(r"<(?:link|base|img|image|source|video|audio|input|track|bgsound)\b[^<>]{0,4096}>"
                  r"|<meta\b[^<>]{0,4096}(?:http-equiv\s{0,64}=\s{0,64}[\"']?refresh|charset)[^<>]{0,4096}>", re.I)
_REFERENCE = re.compile(r"\b(?:src|href|background|action|poster|data|lowsrc|dynsrc|srcset|xlink:href|o:href|codebase|cite|longdesc)"
                        r"\s{0,64}=\s{0,64}(?:\"[^\"]{0,8192}\"|'[^']{0,8192}'|[^\s>]{1,8192})", re.I)
_CSS_URL = re.compile(r"url\s{0,64}\(|@import|expression\s{0,64}\(", re.I)
_XML_DECL = re.compile(r"^\s{0,4096}<\?xml[^<>]{0,4096}\?>", re.I)

#: the largest web page converted (a real one is a few megabytes)
MAX_PAGE_BYTES = 64 * 1024 * 1024


def offline_page(data: bytes) -> bytes:
    """A web page (HTML, or MHTML holding one) as UTF-8 HTML that fetches nothing: no scripts,
    frames, objects, pictures or links to other addresses, no CSS url()."""
    from plancc.importer.docx import sniff

    if sniff(data[:512]) == "mht":
        data = _mhtml_page(data)
    text = _strip_elements(_decode_page(data))
    text = _TAG.sub("", text)
    text = _REFERENCE.sub("", text)
    text = _CSS_URL.sub("", text)
    return ('<meta charset="utf-8">' + _XML_DECL.sub("", text)).encode("utf-8")


def _strip_elements(text: str) -> str:
    """Scripts, frames and objects with their content (an element never closed: its tag alone)."""
    import bisect

    closes: dict[str, list[tuple[int, int]]] = {}
    for m in _CLOSE.finditer(text):
        closes.setdefault(m.group(1).lower(), []).append((m.start(), m.end()))
    out, at = [], 0
    for m in _OPEN.finditer(text):
        if m.start() < at:
            continue  # inside an element already taken out
        out.append(text[at:m.start()])
        ends = closes.get(m.group(1).lower(), [])
        k = bisect.bisect_left(ends, (m.end(), -1))
        at = ends[k][1] if k < len(ends) else m.end()
    out.append(text[at:])
    return "".join(out)


def _decode_page(data: bytes) -> str:
    """The page's text: by its byte-order mark, else the charset it declares, else UTF-8, else GB18030."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", data[:4096], re.I)
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in ("gb2312", "gbk", "x-gbk", "cp936"):
        declared = "gb18030"  # the superset: what a gb2312 page really holds
    for codec in filter(None, (declared, "utf-8", "gb18030")):
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def _mhtml_page(data: bytes) -> bytes:
    """The first HTML part of an MHTML file, decoded from its transfer encoding (and re-encoded
    in UTF-8 when the part names its charset); the whole file when it holds none."""
    import email
    import email.policy

    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if not isinstance(payload, bytes):
                    continue
                charset = part.get_content_charset()
                if charset:
                    try:
                        return b"\xef\xbb\xbf" + payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset).encode("utf-8")
                    except (LookupError, UnicodeDecodeError):
                        pass
                return payload
    except Exception:  # a damaged container: LibreOffice reads what it can of the bytes
        return data
    return data


def _too_large(shown: str, lang: str, limit: int):
    from plancc.load.limits import readable_size

    what = message("import.read.too_large.file", lang, part="")
    raise WordFileError(message("import.read.too_large", lang, path=shown, what=what, limit=readable_size(limit)),
                        "import.read.too_large")


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
            if copy.suffix == ".html":
                if path.stat().st_size > MAX_PAGE_BYTES:
                    _too_large(shown, lang, MAX_PAGE_BYTES)
                copy.write_bytes(offline_page(path.read_bytes()))
            else:
                shutil.copyfile(path, copy)
            from plancc.text.terminal import step

            step(message("import.convert.progress", lang, name=path.name, seconds=f"{timeout:g}"))
            with pdf.soffice_convert(soffice, copy, "docx:MS Word 2007 XML", "docx", timeout) as produced:
                if produced.stat().st_size > max_bytes:
                    _too_large(shown, lang, max_bytes)
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
