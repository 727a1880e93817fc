"""docProps/core.xml and docProps/app.xml: only stable facts, so the same input gives the same bytes."""

from __future__ import annotations

import datetime as _dt
import re

from lxml import etree

from plancc.emit import ooxml as ox
from plancc.emit.errors import EmitError
from plancc.layout import ir
from plancc.layout.profile import Profile

#: The core-properties date when the IR has none.
_CORE_EPOCH = "1980-01-01T00:00:00Z"


def core_xml(doc: ir.Document, profile: Profile) -> bytes:
    """docProps/core.xml with only stable facts: title, author, language, date."""
    ns = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "dcmitype": "http://purl.org/dc/dcmitype/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    stamp = _core_date(doc.date)
    root = etree.Element("{%s}coreProperties" % ns["cp"], nsmap=ns)
    for tag, text in (
        ("{%s}title" % ns["dc"], doc.title),
        ("{%s}creator" % ns["dc"], doc.author),
        ("{%s}language" % ns["dc"], profile.language.east_asia),
    ):
        e = etree.SubElement(root, tag)
        e.text = ox.clean_text(text) if text else None
    for tag in ("created", "modified"):
        e = etree.SubElement(root, "{%s}%s" % (ns["dcterms"], tag))
        e.set("{%s}type" % ns["xsi"], "dcterms:W3CDTF")
        e.text = stamp
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_date(value: str) -> str:
    """The W3CDTF stamp of the document date: a day, or the first day of a month ("2024-11")."""
    if not value:
        return _CORE_EPOCH
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value.strip())
    try:
        if m is None:
            raise ValueError(value)
        d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError as exc:
        raise EmitError(f"文档日期应为 YYYY-MM-DD 或 YYYY-MM 格式，得到 {value!r}") from exc
    return f"{d.isoformat()}T00:00:00Z"


def app_xml() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element("{%s}Properties" % ns, nsmap={None: ns})
    for tag, text in (("Application", "plancc"), ("DocSecurity", "0"), ("ScaleCrop", "false"),
                      ("LinksUpToDate", "false"), ("SharedDoc", "false"),
                      ("HyperlinksChanged", "false")):
        etree.SubElement(root, "{%s}%s" % (ns, tag)).text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
