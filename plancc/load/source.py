"""Read a plan file into plain values while remembering where every value was written.

PyYAML's constructors lose positions and silently keep the last of two equal
keys, and its composer recurses once per nesting level. This module drives
the (C, when available) event parser itself and builds values with an explicit
stack, so that

* every mapping key and value gets a :class:`Span` keyed by its data path,
* duplicate keys, non-text keys, unknown tags and YAML 1.1 surprises become
  located diagnostics instead of wrong values,
* nesting depth, node count and alias expansion are bounded (alias bombs and
  10,000-level files end in a diagnostic, not a hang or a crash).

Scalars are typed conservatively: only unambiguous decimal integers and
decimal floats become numbers; `010`, `0x1F`, `1_000`, `1:30` and timestamps
stay text so that strict model types reject them with a hint instead of
accepting a value the author did not mean.
"""

from __future__ import annotations

import bisect
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.catalog import message as msg
from plancc.load import yamlerrors
from plancc.load.limits import Limits

try:  # the C parser is ~10x faster; fall back to pure Python when absent
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Parser = yaml.SafeLoader

_RESOLVER = yaml.resolver.Resolver()
_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
# plain text that reads as a number to a person but is not one to YAML 1.1
# (1e3 and 1.5e3 lack the dot or the exponent sign PyYAML wants; 0o17 is 1.2 octal)
_NUMBERISH_RE = re.compile(r"[-+]?(?:0[oO][0-7_]+|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)[eE][-+]?[0-9]+)\Z")
_TAG = "tag:yaml.org,2002:"
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass
class SourceMap:
    """Where each value of a loaded file was written."""

    values: dict[tuple, Span] = field(default_factory=dict)
    keys: dict[tuple, Span] = field(default_factory=dict)
    # original text of plain scalars that YAML 1.1 read as booleans or null
    # (`no`, `on`, `~`): used to explain type errors
    surprises: dict[tuple, str] = field(default_factory=dict)
    # subtrees that came from an included file: path → that file's name
    origins: dict[tuple, str] = field(default_factory=dict)

    def file_of(self, path: tuple) -> str | None:
        """The included file a value was written in, or None for the plan itself."""
        if not self.origins:
            return None
        p = tuple(path)
        while True:
            f = self.origins.get(p)
            if f is not None:
                return f
            if not p:
                return None
            p = p[:-1]

    def locate(self, path: tuple, *, key: bool = False) -> Span | None:
        """The span of `path`, or of its nearest ancestor that has one."""
        p = tuple(path)
        if key and p in self.keys:
            return self.keys[p]
        while True:
            span = self.values.get(p)
            if span is not None:
                return span
            if not p:
                return None
            p = p[:-1]


@dataclass
class LoadedFile:
    """One file after loading: its text (for showing source lines), values and positions."""

    path: str
    text: str
    data: Any
    source: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    # texts of included files, by name, for showing their source lines
    included: dict[str, str] = field(default_factory=dict)
    # every file this plan depends on (includes, recursively), for --watch
    dependencies: list[Path] = field(default_factory=list)

    def line(self, n: int, file: str | None = None) -> str:
        text = self.text if file is None or file == self.path else self.included.get(file, "")
        lines = text.split("\n")
        return lines[n - 1] if 0 < n <= len(lines) else ""

    def file_of(self, path: tuple) -> str:
        return self.source.file_of(path) or self.path


class _Stop(Exception):
    """Loading cannot go on; the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


def _span(start, end) -> Span:
    if end is None:
        end = start
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


# YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; editors,
# terminals and CI annotations count only "\n". Positions must be theirs.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")


class _Lines:
    """(line, column) of a character index, counting only "\n" as a line end."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def point(self, index: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, index) - 1
        return i + 1, index - self.starts[i] + 1

    def span(self, start, end) -> Span:
        if end is None:
            end = start
        return Span(*self.point(start.index), *self.point(end.index))


def value_at(data: Any, path: tuple) -> Any:
    """The value at a data path (keys and list indices), or None when the path does not exist."""
    cur = data
    for p in path:
        try:
            cur = cur[p]
        except (KeyError, IndexError, TypeError):
            return None
    return cur


def format_path(path: tuple) -> str:
    """("hours", "components", 1, "hours") → "hours.components[1].hours"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class _Frame:
    __slots__ = ("kind", "value", "path", "start", "pending_key", "key_span", "size", "nbytes", "anchor", "discard", "merges")

    def __init__(self, kind, value, path, start, anchor, discard=False):
        self.kind = kind
        self.value = value
        self.path = path
        self.start = start
        self.pending_key = None
        self.key_span = None
        self.size = 1
        self.nbytes = 0  # characters of text below this node (keys and values), aliases expanded
        self.anchor = anchor
        self.discard = discard
        self.merges = None


def _short_tag(tag: str) -> str:
    """tag:yaml.org,2002:python/object → !!python/object, as the author wrote it."""
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


_DISCARD = object()
_MERGE = object()


class _Builder:
    def __init__(self, file: str, lang: str, limits: Limits, text: str = ""):
        self.file = file
        self.span = _Lines(text).span if _YAML_ONLY_BREAKS.search(text) else _span
        self.lang = lang
        self.limits = limits
        self.source = SourceMap()
        self.diagnostics: list[Diagnostic] = []
        # anchor → (value, values below it, path, characters of text below it)
        self.anchors: dict[str, tuple[Any, int, tuple, int]] = {}
        self.nodes = 0
        self.alias_nodes = 0
        self.expanded = 0  # characters of text that aliases re-use
        self.stack: list[_Frame] = []
        self.root: Any = _DISCARD
        self.documents = 0

    # -- diagnostics -------------------------------------------------------
    def report(self, code: str, span: Span | None, path: tuple = (), severity=Severity.ERROR, **kw) -> None:
        if "tag" in kw:
            kw["tag"] = _short_tag(kw["tag"])
        self.diagnostics.append(
            Diagnostic(code, severity, msg(code, self.lang, **kw), self.file, span, format_path(path))
        )

    def stop(self, code: str, span: Span | None, **kw):
        raise _Stop(Diagnostic(code, Severity.ERROR, msg(code, self.lang, **kw), self.file, span, ""))

    def limit(self, key: str, span: Span | None, **kw):
        """Stop at a safety limit; the message names its plancc.toml key."""
        raise _Stop(limit_diagnostic(key, self.lang, self.file, span, getattr(self.limits, key), **kw))

    # -- building ------------------------------------------------------------
    def child_path(self) -> tuple | None:
        """Path for the next node, or None when the node is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.kind == "seq":
            return top.path + (len(top.value),)
        if top.pending_key is None:
            return None
        if top.pending_key is _DISCARD or top.pending_key is _MERGE:
            return top.path + ("<<",)
        return top.path + (top.pending_key,)

    def count(self, n: int, ev) -> None:
        self.nodes += n
        if self.nodes > self.limits.max_nodes:
            self.limit("max_nodes", self.span(ev.start_mark, ev.end_mark))

    def attach(self, value: Any, span: Span, size: int, nbytes: int) -> None:
        """Put a finished node into its parent (or make it the root)."""
        if not self.stack:
            self.root = value
            self.source.values[()] = span
            return
        top = self.stack[-1]
        top.size += size
        top.nbytes += nbytes
        if top.kind == "seq":
            path = top.path + (len(top.value),)
            top.value.append(value)
            self.source.values[path] = span
            return
        key = top.pending_key
        top.pending_key = None
        if key is _DISCARD:
            return
        if key is _MERGE:
            self.merge_into(top, value, span)
            return
        path = top.path + (key,)
        top.value[key] = value
        self.source.values[path] = span

    def merge_into(self, frame: _Frame, value: Any, span: Span) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            self.report("PL008", span, frame.path + ("<<",), tag="<<")
            return
        frame.merges = (frame.merges or []) + [(s, span) for s in sources]

    def scalar(self, ev) -> None:
        span = self.span(ev.start_mark, ev.end_mark)
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            self.count(0, ev)  # reports the limit
        stack = self.stack
        top = stack[-1] if stack else None
        if top is None or ev.anchor:
            self._scalar_slow(ev, span)
            return
        # The common case, inlined (a catalog has tens of thousands of these):
        # a value in a list or under a key, without anchor.
        if top.kind == "map":
            key = top.pending_key
            if key is None:
                self.key(top, ev, span)
                return
            if key is _DISCARD or key is _MERGE:
                self._scalar_slow(ev, span)
                return
            path = top.path + (key,)
        else:
            path = top.path + (len(top.value),)
        value = self.resolve(ev, span, path)
        top.size += 1
        top.nbytes += len(ev.value)
        if top.kind == "map":
            top.pending_key = None
            top.value[key] = value
        else:
            top.value.append(value)
        self.source.values[path] = span

    def _scalar_slow(self, ev, span: Span) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            self.key(top, ev, span)
            return
        path = self.child_path()
        value = self.resolve(ev, span, path)
        if ev.anchor:
            self.anchors[ev.anchor] = (value, 1, path, len(ev.value))
        self.attach(value, span, 1, len(ev.value))

    def key(self, top: _Frame, ev, span: Span) -> None:
        text = ev.value
        if ev.tag not in (None, "!", _TAG + "str") and not (ev.implicit[0] or ev.implicit[1]):
            self.report("PL008", span, top.path, tag=ev.tag)
        if text == "<<" and ev.implicit[0]:
            top.pending_key = _MERGE
            return
        if text in top.value:
            first = self.source.keys.get(top.path + (text,))
            where = f"{first.line}:{first.column}" if first else "?"
            self.report("PL002", span, top.path + (text,), key=text, first=where)
            top.pending_key = _DISCARD
            return
        top.pending_key = text
        top.nbytes += len(text)
        self.source.keys[top.path + (text,)] = span

    def resolve(self, ev, span: Span, path: tuple) -> Any:
        text = ev.value
        tag = ev.tag
        plain = ev.implicit[0] and not ev.style
        if tag in (None, "!") and (not plain or (text and text[0] >= "\u2e80")):
            # quoted, or plain text that starts with a CJK character: a string
            # whatever the resolver would say (the common case in a plan)
            if ev.style == '"' and _SURROGATE_RE.search(text):
                # "\ud800": the pure-Python parser lets half a character through
                self.stop("PL001", span, problem=yamlerrors.translate(None, "invalid Unicode character escape code", self.lang).text)
            return text
        if tag is not None and tag != "!":
            if tag == _TAG + "str":
                return text
            if tag in (_TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"):
                tag_kind = tag[len(_TAG):]
            else:
                self.report("PL008", span, path, tag=tag)
                return text
        else:
            resolved = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
            tag_kind = resolved[len(_TAG):] if resolved.startswith(_TAG) else "str"
            if tag_kind == "str" and _NUMBERISH_RE.match(text):
                self.source.surprises[path] = text  # stays text; explains a type error
        if tag_kind == "null":
            if text not in ("", "null", "~"):
                self.source.surprises[path] = text
            return None
        if tag_kind == "bool":
            low = text.lower()
            if low not in ("true", "false"):
                self.source.surprises[path] = text
            return low in ("true", "yes", "on", "y")
        if tag_kind == "int":
            if _INT_RE.match(text) and len(text) <= 4000:
                return int(text)
            self.source.surprises[path] = text
            return text
        if tag_kind == "float":
            low = text.lower()
            if _FLOAT_RE.match(text):
                return float(text)
            if low in (".nan", ".inf", "+.inf", "-.inf"):
                return float(low.replace(".", ""))
            self.source.surprises[path] = text
            return text
        return text

    def start(self, ev, kind: str) -> None:
        span_start = ev.start_mark
        self.count(1, ev)
        if len(self.stack) >= self.limits.max_depth:
            self.limit("max_depth", self.span(span_start, ev.end_mark))
        top = self.stack[-1] if self.stack else None
        discard = False
        if top is not None and top.kind == "map" and top.pending_key is None:
            # a mapping or list used as a key: report and drop the pair
            self.report("PL009", self.span(span_start, ev.end_mark), top.path)
            top.pending_key = _DISCARD
            discard = True
        path = self.child_path() if not discard else top.path + ("?",)
        if ev.tag not in (None, "!", _TAG + "map", _TAG + "seq", _TAG + "omap"):
            self.report("PL008", self.span(span_start, ev.end_mark), path, tag=ev.tag)
        value: Any = {} if kind == "map" else []
        self.stack.append(_Frame(kind, value, path, span_start, ev.anchor, discard))

    def end(self, ev) -> None:
        frame = self.stack.pop()
        span = self.span(frame.start, ev.end_mark)
        if frame.merges:
            for source, _ in frame.merges:
                for k, v in source.items():
                    if k not in frame.value:
                        frame.value[k] = v
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.value, frame.size, frame.path, frame.nbytes)
        if frame.discard:
            if self.stack:
                self.stack[-1].size += frame.size
                self.stack[-1].nbytes += frame.nbytes
            return
        self.attach(frame.value, span, frame.size, frame.nbytes)

    def alias(self, ev) -> None:
        span = self.span(ev.start_mark, ev.end_mark)
        entry = self.anchors.get(ev.anchor)
        if entry is None:  # neither parser checks that an anchor exists
            self.stop("PL001", span, problem=yamlerrors.translate(None, "found undefined alias", self.lang).text
                      + ("：" if self.lang != "en" else ": ") + f"*{ev.anchor}")
        value, size, _, nbytes = entry
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            self.limit("max_alias_nodes", span)
        self.expanded += nbytes
        if self.expanded > self.limits.max_expanded_bytes:
            self.limit("max_expanded_bytes", span, size=readable_size(self.expanded))
        self.count(size, ev)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            if isinstance(value, str):
                top.pending_key = value
                self.source.keys[top.path + (value,)] = span
            else:
                self.report("PL009", span, top.path)
                top.pending_key = _DISCARD
            return
        self.attach(value, span, size, nbytes)


def decode_text(raw: bytes, file: str, lang: str) -> tuple[str | None, Diagnostic | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Diagnostic("PL003", Severity.ERROR, msg("PL003.utf16", lang), file, Span.point(1, 1))
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        span = Span.point(line, col)
        try:
            guessed = raw.decode("gb18030")
        except UnicodeDecodeError:
            guessed = None
        if guessed is not None and re.search(r"[\u4e00-\u9fff]", guessed):
            return None, Diagnostic("PL003", Severity.ERROR, msg("PL003.gbk", lang, byte=f"0x{raw[exc.start]:02X}"), file, span)
        return None, Diagnostic("PL003", Severity.ERROR, msg("PL003", lang, byte=f"0x{raw[exc.start]:02X}"), file, span)


PARSERS = {"c": getattr(yaml, "CSafeLoader", None), "python": yaml.SafeLoader}


def load_text(text: str, file: str = "<string>", lang: str = "zh", limits: Limits | None = None,
              parser: str | None = None) -> LoadedFile:
    """Load YAML text that is already decoded.

    `parser` chooses libyaml ("c") or PyYAML's pure-Python parser ("python");
    by default the C one when PyYAML was built with it.
    """
    limits = limits or Limits()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(file, lang, limits, text)
    parser_class = (PARSERS.get(parser) if parser else None) or _Parser
    # one event per value and per collection boundary: names bound locally,
    # the parser driven directly (a large catalog is 30,000 events)
    scalar, start, end = builder.scalar, builder.start, builder.end
    Scalar, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MapEnd, SeqEnd, Alias = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
    DocStart, StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent
    reader = None
    try:
        reader = parser_class(text)  # the pure-Python reader checks the text here
        get_event = reader.get_event
        while True:
            ev = get_event()
            cls = type(ev)
            if cls is Scalar:
                scalar(ev)
            elif cls is MapStart:
                start(ev, "map")
            elif cls is SeqStart:
                start(ev, "seq")
            elif cls is MapEnd or cls is SeqEnd:
                end(ev)
            elif cls is Alias:
                builder.alias(ev)
            elif cls is DocStart:
                builder.documents += 1
                if builder.documents > 1:
                    builder.stop("PL005", builder.span(ev.start_mark, ev.end_mark), what=msg("PL005.many", lang))
            elif cls is StreamEnd or ev is None:
                break
    except _Stop as stop:
        return LoadedFile(file, text, None, builder.source, builder.diagnostics + [stop.diagnostic])
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        # ValueError/OverflowError: the pure-Python scanner converting "\U" escapes,
        # libyaml encoding a text with half a character (UnicodeEncodeError)
        diag = yaml_error_diagnostic(exc, text, file, lang, limits, builder.span, reader)
        return LoadedFile(file, text, None, builder.source, builder.diagnostics + [diag])
    except RecursionError:  # pragma: no cover - the stack is explicit; kept as a last guard
        diag = limit_diagnostic("max_depth", lang, file, None, limits.max_depth)
        return LoadedFile(file, text, None, builder.source, [diag])

    root = builder.root
    diags = builder.diagnostics
    if root is _DISCARD or root is None:
        diags.append(Diagnostic("PL004", Severity.ERROR, msg("PL004", lang), file, Span.point(1, 1)))
        return LoadedFile(file, text, None, builder.source, diags)
    if not isinstance(root, dict):
        kind = msg("kind.list", lang) if isinstance(root, list) else msg("kind.scalar", lang)
        diags.append(Diagnostic("PL005", Severity.ERROR, msg("PL005", lang, what=kind), file, builder.source.values.get(())))
        return LoadedFile(file, text, None, builder.source, diags)
    return LoadedFile(file, text, root, builder.source, diags)


def _point(text: str, index: int) -> Span:
    before = text[:index]
    return Span.point(before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)


def yaml_error_diagnostic(exc: Exception, text: str, file: str, lang: str, limits: Limits, span_of=_span, reader=None) -> Diagnostic:
    """A located diagnostic for anything the parser raised, in the user's words (never the parser's)."""
    span = None
    char = ""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            at = span_of(mark, mark)
            span = Span.point(at.line, at.column)
            char = text[mark.index] if 0 <= mark.index < len(text) else ""
        context, problem = exc.context, exc.problem
    elif isinstance(exc, yaml.reader.ReaderError) or hasattr(exc, "position") and hasattr(exc, "reason"):
        # control characters; libyaml gives a byte offset in UTF-8, PyYAML a character index
        position = exc.position if isinstance(exc.position, int) else 0
        if isinstance(exc.character, int):
            char = chr(exc.character)
            index = _index_of(text, char, position)
        else:
            index = min(position, len(text))
        span = _point(text, index)
        context, problem = None, exc.reason
    elif isinstance(exc, UnicodeEncodeError):  # libyaml: a text with half a character
        char = exc.object[exc.start] if exc.start < len(exc.object) else ""
        span = _point(text, _index_of(text, char, exc.start))
        context, problem = None, "control characters are not allowed"
    else:  # the pure-Python scanner overflowing on a "\U" escape
        mark = reader.get_mark() if reader is not None and hasattr(reader, "get_mark") else None
        if mark is not None:
            at = span_of(mark, mark)
            span = Span.point(at.line, at.column)
        context, problem = "while scanning a double-quoted scalar", str(exc)
    t = yamlerrors.translate(context, problem, lang, char)
    if t.entry == "nesting":
        return limit_diagnostic("max_depth", lang, file, span, limits.max_depth)
    return Diagnostic(t.code, Severity.ERROR, msg("PL001", lang, problem=t.text) if t.code == "PL001" else t.text, file, span)


def _index_of(text: str, char: str, near: int) -> int:
    """The index of `char` at or before `near` (a byte offset is never smaller than the index)."""
    if 0 <= near < len(text) and text[near] == char:
        return near
    found = text.rfind(char, 0, near + 1) if char else -1
    if found < 0:
        found = text.find(char) if char else -1
    return found if found >= 0 else min(near, len(text))


def limit_diagnostic(key: str, lang: str, file: str, span: Span | None, n: int, **kw) -> Diagnostic:
    """A PL006 that says which limit was reached, its plancc.toml key and how to raise it."""
    shown = readable_size(n) if key.endswith("bytes") else n
    what = msg(f"limit.{key}", lang, n=shown, **kw)
    return Diagnostic("PL006", Severity.ERROR, msg("PL006", lang, what=what, key=f"limits.{key}"), file, span)


_FILE_KIND = {
    stat.S_IFDIR: "kind.directory",
    stat.S_IFIFO: "kind.fifo",
    stat.S_IFCHR: "kind.device",
    stat.S_IFBLK: "kind.device",
    stat.S_IFSOCK: "kind.socket",
}


def file_kind(mode: int) -> str:
    """The message key naming what a non-regular file is."""
    return _FILE_KIND.get(stat.S_IFMT(mode), "kind.special")


def os_error_reason(exc: OSError, lang: str) -> str:
    """Why the operating system refused, in the user's words (not the C library's English)."""
    from plancc.errors import describe_os_error

    return describe_os_error(exc, lang)


#: the reason key of a file that does not exist
MISSING = f"errno:{errno.ENOENT}"

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular_file(path: str | Path, max_bytes: int) -> tuple[bytes | None, str | None, int]:
    """The bytes of a regular file, or (None, message key, size) saying why not.

    Never blocks: the file is checked with stat before it is opened, opened
    without waiting (a named pipe has no writer), checked again on the open
    descriptor, and read no further than the limit. The message key is
    "limit" when the file is over `max_bytes`, or an ``os.*``/``kind.*`` key.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, errno_key(exc), 0
    except ValueError:  # a NUL in the name
        return None, MISSING, 0
    if not stat.S_ISREG(st.st_mode):
        return None, file_kind(st.st_mode), 0
    if st.st_size > max_bytes:
        return None, "limit", st.st_size
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return None, errno_key(exc), 0
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # replaced between the two looks
            return None, file_kind(st.st_mode), 0
        chunks = []
        total = 0
        while True:  # /proc files say size 0 and still have content: read to the limit
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                return None, "limit", total
        return b"".join(chunks), None, total
    except OSError as exc:
        return None, errno_key(exc), 0
    finally:
        os.close(fd)


def errno_key(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "kind.directory"
    if exc.errno == errno.ENXIO:
        return "kind.special"
    return "errno:" + str(exc.errno)


def reason_text(key: str, lang: str) -> str:
    """The words for a key returned by :func:`read_regular_file`."""
    if key.startswith("errno:"):
        from plancc.errors import describe_errno

        number = key[6:]
        return describe_errno(int(number) if number.lstrip("-").isdigit() else None, lang)
    return msg(key, lang)


def load_file(path: str | Path, lang: str = "zh", limits: Limits | None = None, display: str | None = None,
              parser: str | None = None) -> LoadedFile:
    """Read and load one file; every failure becomes a diagnostic."""
    limits = limits or Limits()
    name = display or str(path)
    raw, why, size = read_regular_file(path, limits.max_bytes)
    if raw is None:
        if why == "limit":
            d = limit_diagnostic("max_bytes", lang, name, Span.point(1, 1), limits.max_bytes, size=readable_size(size))
        elif why.startswith("kind."):
            d = Diagnostic("PL000", Severity.ERROR, msg("PL000.kind", lang, kind=reason_text(why, lang)), name, None)
        else:
            d = Diagnostic("PL000", Severity.ERROR, msg("PL000", lang, error=reason_text(why, lang)), name, None)
        return LoadedFile(name, "", None, SourceMap(), [d])
    text, problem = decode_text(raw, name, lang)
    if problem is not None:
        return LoadedFile(name, "", None, SourceMap(), [problem])
    return load_text(text, name, lang, limits, parser)


def readable_size(n: int) -> str:
    """A file size people can read at any scale (limits below 1 MB come from plancc.toml)."""
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} B"
