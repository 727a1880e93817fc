"""The registry of documents plans cite: which 文号 belongs to which title, who issued it and when.

The national documents ship as data (plancc/data/documents.yaml); a repository adds
its province's in files of the same form, named in plancc.toml ``[citations] files``
(read by plancc.config, so a bad file is a configuration error). The citation rules
(plancc/check/rules/prose/citations.py) and ``plancc show`` read it.

One module, outside plancc.model: the registry is not part of the plan language (the
schema and the plan docs do not show it), and plancc.config, the checks and the
report all use it.

Titles and numbers are compared by their keys (:func:`title_key`, :func:`number_key`),
which forget how plans happen to write them: 《》 or not, spaces, full- or half-width
brackets, 〔〕/［］/[] around the year, "第7号" or "7号", the issuer before 关于.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from plancc.model.dates import PartialDate


class CitedDocument(BaseModel):
    """One document of the registry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, description="文件标题（不含书名号），如 新时代基础教育强师计划")
    number: Optional[str] = Field(None, description="文号，如 教师〔2022〕6号；没有文号的文件（法律、新华社播发的中央文件）写 null")
    issuer: str = Field(min_length=1, description="发文机关，如 教育部等八部门")
    date: Optional[PartialDate] = Field(None, description="成文或印发日期：YYYY-MM-DD 或 YYYY-MM")
    aliases: list[str] = Field(default_factory=list, description="方案中常用的其他名称，如 强师计划")

    @field_validator("title", "issuer", "number")
    @classmethod
    def _not_blank(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not value.strip():
            from plancc.errors import Worded

            raise Worded("citations.blank")
        return value.strip() if value is not None else None

    def keys(self) -> set[str]:
        """The title keys this document is known by (its title and aliases)."""
        return {k for k in (title_key(t) for t in [self.title, *self.aliases]) if k}


class RegistryFile(BaseModel):
    """A registry file: ``documents:``, a list of documents (the built-in file and a repository's alike)."""

    model_config = ConfigDict(extra="forbid")

    documents: list[CitedDocument] = Field(default_factory=list, description="登记的文件")


# -- keys -------------------------------------------------------------------------

_OPENERS = "〔［[【(（﹝〖"
_CLOSERS = "〕］]】)）﹞〗"
_QUOTES = re.compile(r"[《》〈〉<>“”\"‘’'「」『』]")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[—–―\-─~～]+")
# the issuer before 关于 (教育部关于…, 中共中央 国务院关于…, 教育部等六部门关于…): up to the first 关于
_ISSUER = re.compile(r"^[^关]{0,40}?关于")


def title_key(title: str) -> str:
    """A title as compared: no 《》 or quotes, no spaces, one kind of bracket and dash,
    full-width letters and digits as ASCII, without the issuer before 关于."""
    t = unicodedata.normalize("NFKC", title)
    t = _SPACES.sub("", _QUOTES.sub("", t))
    t = _DASHES.sub("-", t)
    for o in _OPENERS:
        t = t.replace(o, "(")
    for c in _CLOSERS:
        t = t.replace(c, ")")
    return _ISSUER.sub("", t, count=1)


_LONGEST_NUMBER = 60  # longer text is no 文号: never compared (and never scanned twice)
_LONGEST_TITLE = 300


def number_key(number: str) -> str:
    """A 文号 as compared: 教师［2022］06号, 教师[2022] 6 号 and 教师〔2022〕6号 are one number;
    so are 教育部令第7号 and 教育部令7号. Read from the right, once (no backtracking)."""
    n = _SPACES.sub("", unicodedata.normalize("NFKC", number))
    for o in _OPENERS:
        n = n.replace(o, "(")
    for c in _CLOSERS:
        n = n.replace(c, ")")
    if not n.endswith("号"):
        return n
    body = n[:-1]
    start = len(body)
    while start and "0" <= body[start - 1] <= "9":
        start -= 1
    seq = body[start:]
    if not seq:
        return n
    rest = body[:start].removesuffix("第")
    year = ""
    if len(rest) >= 6 and rest[-1] == ")" and rest[-6] == "(" and rest[-5:-1].isascii() and rest[-5:-1].isdigit():
        year, rest = f"〔{rest[-5:-1]}〕", rest[:-6]
    return f"{rest.removesuffix('第')}{year}{seq.lstrip('0') or '0'}号"


def org_of(number: str) -> str:
    """The issuing office's code (机关代字) of a 文号 key: 教师 of 教师〔2022〕6号."""
    return re.split(r"〔|\d", number_key(number), maxsplit=1)[0]


def well_formed(number: str) -> bool:
    """Whether a 文号 reads as office code, year and sequence number (教师〔2022〕6号) or an
    order's number (教育部令第7号): only these are compared with the registry."""
    if len(number) > _LONGEST_NUMBER:
        return False
    key = number_key(number)
    return bool(re.fullmatch(r"[^\d〔〕()]+(?:〔\d{4}〕)?[1-9]\d*号", key))


def _prefix(title: str) -> str:
    """The issuer a title names before 关于, as compared (中共中央国务院), or ""."""
    t = _SPACES.sub("", _QUOTES.sub("", unicodedata.normalize("NFKC", title)))
    m = _ISSUER.match(t)
    return m.group(0)[:-2] if m else ""


def issuer_agrees(cited: str, doc: CitedDocument) -> bool:
    """Whether the issuer a cited title names before 关于 (if any) can be ``doc``'s: 云南省教育厅等六部门关于…
    is not the national 教育部等六部门关于… of the same words."""
    mine = _prefix(cited)
    if not mine:
        return True
    theirs = {p for p in (_prefix(t) for t in [doc.title, *doc.aliases]) if p}
    theirs.add(_SPACES.sub("", unicodedata.normalize("NFKC", doc.issuer)))
    return any(mine in p or p in mine for p in theirs)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def resembles(cited: str, doc: CitedDocument) -> bool:
    """Whether a cited title plausibly names ``doc`` or a part of it (义务教育语文课程标准（2022年版）
    for 义务教育课程方案和课程标准（2022年版）): most of its pairs of characters are in one of the
    document's titles, or one contains the other."""
    if len(cited) > _LONGEST_TITLE:
        return False
    key = title_key(cited)
    if not key:
        return True
    grams = _bigrams(key)
    for known in doc.keys():
        if key in known or known in key:
            return True
        if len(grams & _bigrams(known)) >= 0.5 * len(grams):
            return True
    return False


# -- the registry -----------------------------------------------------------------

@dataclass
class Registry:
    """The documents, found by title key and by number key; a later entry replaces an earlier
    one with the same number or title (a repository's file corrects the built-in list)."""

    entries: list[CitedDocument] = field(default_factory=list)
    by_title: dict[str, CitedDocument] = field(default_factory=dict, repr=False)
    by_number: dict[str, CitedDocument] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        entries, self.entries = self.entries, []
        self.add(entries)

    def add(self, entries: list[CitedDocument]) -> None:
        for doc in entries:
            self.entries.append(doc)
            for k in doc.keys():
                self.by_title[k] = doc
            if doc.number:
                self.by_number[number_key(doc.number)] = doc

    def extended(self, entries: list[CitedDocument]) -> "Registry":
        return Registry([*self.entries, *entries])

    def by_name(self, title: str) -> Optional[CitedDocument]:
        return self.by_title.get(title_key(title)) if len(title) <= _LONGEST_TITLE else None

    def numbered(self, number: str) -> Optional[CitedDocument]:
        return self.by_number.get(number_key(number)) if len(number) <= _LONGEST_NUMBER else None


@lru_cache(maxsize=1)
def builtin() -> Registry:
    """The national documents shipped with plancc (read once per process)."""
    text = resources.files("plancc").joinpath("data/documents.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a tenth of the pure-Python time
    return Registry(RegistryFile.model_validate(yaml.load(text, Loader=loader)).documents)  # noqa: S506 - a safe loader


class CitationFileError(Exception):
    """A [citations] file that cannot be used: its located problems, in the user's language."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def read_file(path: Path, display: str, lang: str = "zh") -> list[CitedDocument]:
    """The entries of one registry file; raises CitationFileError naming file:line:column."""
    from plancc.catalog import message
    from plancc.diagnostics.validation import error_detail
    from plancc.load.files import load_file
    from plancc.load.source import format_path, value_at

    loaded = load_file(path, lang, display=display)
    errors = [d for d in loaded.diagnostics if d.severity.value == "error"]
    if errors:
        raise CitationFileError([f"{d.file}:{d.line}:{d.column}: {d.message}" for d in errors])
    data = loaded.data
    try:
        return RegistryFile.model_validate(data).documents
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            span = loaded.source.locate(loc, key=err["type"] == "extra_forbidden")
            where = f"{display}:{span.line}:{span.column}" if span else display
            name = format_path(loc)
            if err["type"] == "extra_forbidden":
                model = RegistryFile if len(loc) == 1 else CitedDocument
                lines.append(f"{where}: " + message("citations.unknown_key", lang, name=name,
                                                    allowed=", ".join(model.model_fields)))
            elif err["type"] == "missing":
                lines.append(f"{where}: " + message("citations.missing", lang, name=name))
            else:
                _, detail = error_detail(err, value_at(data, loc), lang)
                lines.append(f"{where}: " + message("citations.invalid", lang, name=name, detail=detail))
        raise CitationFileError(lines) from exc
