"""Hostile and broken input: every case ends in a WordFileError (exit 2) with Chinese
words, in bounded time and memory, never another exception."""

from __future__ import annotations

import random
import re
import struct
import time
import zipfile

import pytest

from plancc.errors import UsageError, WordFileError
from plancc.importer.docx import ReadLimits, read_docx, read_document

from .docxbuild import Doc, zip_bytes

CJK = re.compile(r"[\u4e00-\u9fff]")


def refused(data: bytes, key: str, **kw) -> WordFileError:
    with pytest.raises(WordFileError) as e:
        read_docx(data, shown="方案.docx", **kw)
    err = e.value
    assert err.key == key, (err.key, str(err))
    assert err.exit_code == 2 and isinstance(err, UsageError)
    assert CJK.search(str(err)) and "方案.docx" in str(err)
    return err


def good_parts() -> dict[str, bytes]:
    return Doc().para("正文").parts()


@pytest.mark.parametrize("data", [b"", b"hello", b"\x00" * 1000, "一份纯文本".encode(), b"PK\x03\x04garbage"])
def test_not_a_zip(data):
    refused(data, "import.read.not_word")


def test_a_zip_without_a_document():
    refused(zip_bytes({"hello.txt": b"hi"}), "import.read.not_docx_zip")


def test_a_document_part_that_is_not_a_word_document():
    parts = good_parts()
    parts["word/document.xml"] = b"<html><body>hi</body></html>"
    refused(zip_bytes(parts), "import.read.not_docx_zip")


def test_relationships_pointing_outside_the_package_fall_back_to_the_usual_part():
    parts = good_parts()
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="../../../etc/passwd"')
    assert [p.text for p in read_docx(zip_bytes(parts)).paragraphs()] == ["正文"]


def test_broken_xml_is_a_damaged_file():
    parts = good_parts()
    parts["word/document.xml"] = parts["word/document.xml"][:-30]
    refused(zip_bytes(parts), "import.read.damaged")
    parts = good_parts()
    parts["word/styles.xml"] = b"\xff\xfe not xml"
    refused(zip_bytes(parts), "import.read.damaged")


def test_entities_and_dtds_are_refused():
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              + "".join(f'<!ENTITY {chr(98 + i)} "&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};">' for i in range(9))
              + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
    parts = good_parts()
    parts["word/document.xml"] = laughs.encode()
    refused(zip_bytes(parts), "import.read.dtd")
    parts = good_parts()
    parts["word/styles.xml"] = b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>'
    refused(zip_bytes(parts), "import.read.dtd")


def test_a_dtd_in_utf16_is_refused_too():
    parts = good_parts()
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "实体">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e;</w:t>'
           '</w:r></w:p></w:body></w:document>')
    parts["word/document.xml"] = xml.encode("utf-16")
    refused(zip_bytes(parts), "import.read.dtd")


def test_deep_xml_is_refused():
    parts = good_parts()
    parts["word/document.xml"] = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                                  + b"<w:sdt><w:sdtContent>" * 50_000 + b"</w:sdtContent></w:sdt>" * 50_000 + b"</w:body></w:document>")
    refused(zip_bytes(parts), "import.read.too_deep")


def test_ten_thousand_nested_tables():
    open_, close = b"<w:tbl><w:tr><w:tc><w:p/>", b"</w:tc></w:tr></w:tbl>"
    parts = good_parts()
    parts["word/document.xml"] = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                                  + open_ * 10_000 + close * 10_000 + b"</w:body></w:document>")
    t0 = time.monotonic()
    refused(zip_bytes(parts), "import.read.too_deep")
    assert time.monotonic() - t0 < 10


def test_a_part_larger_than_the_cap_is_refused_before_it_is_read():
    parts = good_parts()
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + b" " * 3_000_000)
    err = refused(zip_bytes(parts), "import.read.too_large", limits=ReadLimits(max_part_bytes=1024 * 1024))
    assert "word/document.xml" in str(err)
    refused(zip_bytes(parts), "import.read.too_large", limits=ReadLimits(max_total_bytes=2 * 1024 * 1024))


def _lie_about_size(data: bytes, name: bytes, size: int) -> bytes:
    """The zip with ``name``'s declared uncompressed size changed in both headers."""
    out = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = out.find(sig)
        while i >= 0:
            name_at = i + (30 if sig == b"PK\x03\x04" else 46)
            if out[name_at:name_at + len(name)] == name:
                out[i + offset:i + offset + 4] = struct.pack("<I", size)
            i = out.find(sig, i + 4)
    return bytes(out)


def test_a_zip_bomb_lying_about_its_size_stops_at_what_it_declared():
    parts = good_parts()
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + b" " * 20_000_000)
    bomb = _lie_about_size(zip_bytes(parts), b"word/document.xml", 1000)
    assert len(bomb) < 200_000
    t0 = time.monotonic()
    refused(bomb, "import.read.damaged")  # the declared 1,000 bytes are read, then the check fails
    assert time.monotonic() - t0 < 5


def test_too_many_entries():
    parts = good_parts()
    parts.update({f"junk/{i}.bin": b"" for i in range(300)})
    refused(zip_bytes(parts), "import.read.too_large", limits=ReadLimits(max_entries=100))


def test_an_encrypted_entry():
    data = bytearray(zip_bytes(good_parts()))
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + offset] |= 1
            i = data.find(sig, i + 4)
    refused(bytes(data), "import.read.encrypted")


def test_the_file_size_limit_applies_to_bytes_too():
    refused(zip_bytes(good_parts()), "import.read.too_large", limits=ReadLimits(max_file_bytes=100))


def test_mutated_packages_never_raise_anything_else():
    base = zip_bytes(Doc().para("一、总则").table([["a", "b"]]).parts())
    rng = random.Random(15)
    outcomes = set()
    for _ in range(1000):
        data = bytearray(base)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_docx(bytes(data))
            outcomes.add("read")
        except WordFileError as exc:
            outcomes.add(exc.key)
    assert len(outcomes) >= 2


def test_paths_that_are_not_files(tmp_path):
    for path, key in ((tmp_path / "nope.docx", "import.read.missing"), (tmp_path, "import.read.not_word")):
        with pytest.raises(WordFileError) as e:
            read_document(path)
        assert e.value.key == key and e.value.exit_code == 2
    plain = tmp_path / "plan.docx"
    plain.write_text("不是 Word 文档", encoding="utf-8")
    with pytest.raises(WordFileError) as e:
        read_document(plain)
    assert e.value.key == "import.read.not_word"


def test_english_words_when_asked(tmp_path):
    with pytest.raises(WordFileError) as e:
        read_docx(b"junk", shown="a.docx", lang="en")
    assert "not a Word document" in str(e.value) and not CJK.search(str(e.value))


def test_zip_bomb_of_real_size_is_capped_by_the_default_limits():
    """A 1 GB document.xml compresses to about 1 MB; the default cap refuses it by its declared size."""
    buf = __import__("io").BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in good_parts().items():
            if name != "word/document.xml":
                zf.writestr(name, data)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(200):
                fh.write(chunk)
    assert len(buf.getvalue()) < 2_000_000
    t0 = time.monotonic()
    refused(buf.getvalue(), "import.read.too_large")
    assert time.monotonic() - t0 < 2


def test_a_docx_with_an_open_password_is_named_so(tmp_path):
    from plancc.importer.docx import OLE_MAGIC

    path = tmp_path / "加密.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "EncryptedInfo".encode("utf-16-le") + b"\x00" * 64
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    with pytest.raises(WordFileError) as e:
        read_document(path)
    assert e.value.key == "import.read.encrypted" and "密码" in str(e.value)
