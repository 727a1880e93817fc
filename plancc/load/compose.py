"""The located YAML composer: the parser's events → plain values, each with the place it was written.

PyYAML's constructors lose positions and silently keep the last of two equal
keys, and its composer recurses once per nesting level. :func:`load_text`
drives the (C, when available) event parser itself and builds values with an
explicit stack, so that

* every mapping key and value gets its place, keyed by its data path (in a
  :class:`~plancc.load.source.SourceMap`; kept as character offsets and read
  as a :class:`~plancc.diagnostics.Span`),
* duplicate keys, non-text keys, unknown tags and YAML 1.1 surprises become
  located diagnostics instead of wrong values,
* nesting depth, node count and alias expansion are bounded (alias bombs and
  10,000-level files end in a diagnostic, not a hang or a crash).

How a scalar is typed is :mod:`plancc.load.scalars`; what the parser's
errors say to the author is :mod:`plancc.load.yamlerrors`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from plancc.catalog import message as msg
from plancc.diagnostics import Diagnostic, Severity, Span
from plancc.load import scalars
from plancc.load.limits import Limits, limit_diagnostic, readable_size
from plancc.load.source import Lines, LoadedFile, SourceMap, as_span, format_path

try:  # the C parser is ~10x faster; fall back to pure Python when absent
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Parser = yaml.SafeLoader

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class _Stop(Exception):
    """Loading cannot go on; the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


class _Frame:
    __slots__ = ("kind", "value", "path", "start", "pending_key", "size", "nbytes", "anchor", "discard", "merges")

    def __init__(self, kind, value, path, start, anchor, discard=False):
        self.kind = kind
        self.value = value
        self.path = path
        self.start = start
        self.pending_key = None
        self.size = 1
        self.nbytes = 0  # characters of text below this node (keys and values), aliases expanded
        self.anchor = anchor
        self.discard = discard
        self.merges = None


_DISCARD = object()
_MERGE = object()


class _Builder:
    def __init__(self, file: str, lang: str, limits: Limits, text: str = ""):
        self.file = file
        # where each value was written: (start, end, lines), character offsets (see Positions)
        self.lines = Lines(text)
        self.lang = lang
        self.limits = limits
        self.max_nodes = limits.max_nodes
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
    def span(self, start, end=None) -> Span:
        """The Span between two parser marks."""
        return self.lines.span(start.index, (end or start).index)

    def report(self, code: str, where, path: tuple = (), severity=Severity.ERROR, **kw) -> None:
        """A diagnostic at ``where`` (a Span or a position as the map keeps it)."""
        if "tag" in kw:
            kw["tag"] = scalars.short_tag(kw["tag"])
        self.diagnostics.append(
            Diagnostic(code, severity, msg(code, self.lang, **kw), self.file, as_span(where), format_path(path))
        )

    def stop(self, code: str, where, **kw):
        raise _Stop(Diagnostic(code, Severity.ERROR, msg(code, self.lang, **kw), self.file, as_span(where), ""))

    def limit(self, key: str, where, **kw):
        """Stop at a safety limit; the message names its plancc.toml key."""
        raise _Stop(limit_diagnostic(key, self.lang, self.file, as_span(where), getattr(self.limits, key), **kw))

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
        if self.nodes > self.max_nodes:
            self.limit("max_nodes", self.span(ev.start_mark, ev.end_mark))

    def attach(self, value: Any, place: tuple, size: int, nbytes: int) -> None:
        """Put a finished node into its parent (or make it the root)."""
        if not self.stack:
            self.root = value
            self.source.values[()] = place
            return
        top = self.stack[-1]
        top.size += size
        top.nbytes += nbytes
        if top.kind == "seq":
            path = top.path + (len(top.value),)
            top.value.append(value)
            self.source.values[path] = place
            return
        key = top.pending_key
        top.pending_key = None
        if key is _DISCARD:
            return
        if key is _MERGE:
            self.merge_into(top, value, place)
            return
        path = top.path + (key,)
        top.value[key] = value
        self.source.values[path] = place

    def merge_into(self, frame: _Frame, value: Any, place: tuple) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            self.report("PL008", place, frame.path + ("<<",), tag="<<")
            return
        frame.merges = (frame.merges or []) + [(s, place) for s in sources]

    def scalar(self, ev) -> None:
        place = (ev.start_mark.index, ev.end_mark.index, self.lines)
        self.nodes += 1
        if self.nodes > self.max_nodes:
            self.count(0, ev)  # reports the limit
        stack = self.stack
        top = stack[-1] if stack else None
        if top is None or ev.anchor:
            self._scalar_slow(ev, place)
            return
        # The common case, inlined (a catalog has tens of thousands of these):
        # a value in a list or under a key, without anchor.
        if top.kind == "map":
            key = top.pending_key
            if key is None:
                self.key(top, ev, place)
                return
            if key is _DISCARD or key is _MERGE:
                self._scalar_slow(ev, place)
                return
            path = top.path + (key,)
        else:
            path = top.path + (len(top.value),)
        value = self.resolve(ev, place, path)
        top.size += 1
        top.nbytes += len(ev.value)
        if top.kind == "map":
            top.pending_key = None
            top.value[key] = value
        else:
            top.value.append(value)
        self.source.values[path] = place

    def _scalar_slow(self, ev, place: tuple) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            self.key(top, ev, place)
            return
        path = self.child_path()
        value = self.resolve(ev, place, path)
        if ev.anchor:
            self.anchors[ev.anchor] = (value, 1, path, len(ev.value))
        self.attach(value, place, 1, len(ev.value))

    def key(self, top: _Frame, ev, place: tuple) -> None:
        text = ev.value
        if ev.tag not in (None, "!", scalars.TAG + "str") and not (ev.implicit[0] or ev.implicit[1]):
            self.report("PL008", place, top.path, tag=ev.tag)
        if text == "<<" and ev.implicit[0]:
            top.pending_key = _MERGE
            return
        if text in top.value:
            first = self.source.keys.get(top.path + (text,))
            where = f"{first.line}:{first.column}" if first else "?"  # (Positions reads it as a Span)
            self.report("PL002", place, top.path + (text,), key=text, first=where)
            top.pending_key = _DISCARD
            return
        top.pending_key = text
        top.nbytes += len(text)
        self.source.keys[top.path + (text,)] = place

    def resolve(self, ev, place: tuple, path: tuple) -> Any:
        text = ev.value
        tag = ev.tag
        plain = ev.implicit[0] and not ev.style
        if tag in (None, "!") and (not plain or (text and text[0] >= "\u2e80")):
            # quoted, or plain text that starts with a CJK character: a string
            # whatever the resolver would say (the common case in a plan)
            if ev.style == '"' and _SURROGATE_RE.search(text):
                # "\ud800": the pure-Python parser lets half a character through
                from plancc.load import yamlerrors

                self.stop("PL001", place, problem=yamlerrors.translate(None, "invalid Unicode character escape code", self.lang).text)
            return text
        result = scalars.typed(text, None if tag in (None, "!") else tag)
        if result is None:
            self.report("PL008", place, path, tag=tag)
            return text
        value, surprise = result
        if surprise:
            self.source.surprises[path] = text
        return value

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
        if ev.tag not in (None, "!", scalars.TAG + "map", scalars.TAG + "seq", scalars.TAG + "omap"):
            self.report("PL008", self.span(span_start, ev.end_mark), path, tag=ev.tag)
        value: Any = {} if kind == "map" else []
        self.stack.append(_Frame(kind, value, path, span_start, ev.anchor, discard))

    def end(self, ev) -> None:
        frame = self.stack.pop()
        place = (frame.start.index, ev.end_mark.index, self.lines)
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
        self.attach(frame.value, place, frame.size, frame.nbytes)

    def alias(self, ev) -> None:
        place = (ev.start_mark.index, ev.end_mark.index, self.lines)
        entry = self.anchors.get(ev.anchor)
        if entry is None:  # neither parser checks that an anchor exists
            from plancc.load import yamlerrors

            problem = yamlerrors.translate(None, "found undefined alias", self.lang).text
            self.stop("PL001", place, problem=msg("yaml.alias-undefined.which", self.lang, problem=problem, anchor=ev.anchor))
        value, size, _, nbytes = entry
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            self.limit("max_alias_nodes", place)
        self.expanded += nbytes
        if self.expanded > self.limits.max_expanded_bytes:
            self.limit("max_expanded_bytes", place, size=readable_size(self.expanded))
        self.count(size, ev)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            if isinstance(value, str):
                top.pending_key = value
                self.source.keys[top.path + (value,)] = place
            else:
                self.report("PL009", place, top.path)
                top.pending_key = _DISCARD
            return
        self.attach(value, place, size, nbytes)


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
        from plancc.load import yamlerrors  # what the parser's errors say: needed only when there is one

        diag = yamlerrors.diagnostic(exc, text, file, lang, limits, builder.span, reader)
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


