"""``plancc validate --fix``: apply the edits diagnostics offer, and nothing else.

A fix replaces a few characters inside one string value (a typed figure becomes the
``{=…}`` reference that prints it). Each file is edited as bytes on its lines, so
everything else (comments, quoting, line ends, a BOM) stays byte for byte; every
edit is checked by reading the file again: the edited value must be exactly the
expected text and every other value unchanged. An edit that fails the check (the
new text would need quoting there, say) is left out and counted. Files are
replaced atomically, keeping their permissions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from plancc.diagnostics.core import Fix


@dataclass
class FixResult:
    file: str
    applied: int = 0
    #: edits that could not be made safely (the text moved, or YAML would read it otherwise)
    skipped: int = 0
    fixes: list[Fix] = field(default_factory=list)
    #: why the file could not be written, in the user's words
    error: str | None = None


def fixes_of(reports, unsafe: bool) -> dict[str, list[Fix]]:
    """The edits to make, by file: safe ones, and the others when `unsafe`."""
    out: dict[str, list[Fix]] = {}
    for r in reports:
        for d in r.diagnostics:
            if d.fix is not None and not d.suppressed and (d.fix.safe or unsafe):
                out.setdefault(d.fix.file, []).append(d.fix)
    return out


def apply_fixes(reports, unsafe: bool = False, lang: str = "zh") -> list[FixResult]:
    results = []
    for file, fixes in fixes_of(reports, unsafe).items():
        results.append(_fix_file(file, fixes, lang))
    return results


def _fix_file(file: str, fixes: list[Fix], lang: str) -> FixResult:
    from plancc.emit.atomic import atomic_write_bytes

    result = FixResult(file)
    target = os.path.realpath(file)
    try:
        raw = Path(target).read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        result.skipped = len(fixes)
        return result
    bom = raw.startswith(b"\xef\xbb\xbf")
    before = _values(text, file, lang)
    if before is None:
        result.skipped = len(fixes)
        return result
    ordered = sorted(set(fixes), key=lambda f: (f.line, f.column), reverse=True)
    edited = _edit_all(text, ordered)
    if edited is not None and _as_expected(before, _values(edited, file, lang), ordered):
        current, result.applied, result.fixes = edited, len(ordered), ordered
    else:  # one at a time, from the end of the file backwards, keeping the ones that read back right
        current = text
        for fix in ordered:
            one = _edit_all(current, [fix])
            after = _values(one, file, lang) if one is not None else None
            if one is None or not _as_expected(before, after, [fix]):
                result.skipped += 1
                continue
            before, current = after, one
            result.applied += 1
            result.fixes.append(fix)
    if result.applied:
        try:
            atomic_write_bytes(target, (b"\xef\xbb\xbf" if bom else b"") + current.encode("utf-8"))
        except OSError as exc:
            from plancc.errors import describe_os_error

            result.error = describe_os_error(exc, lang)
            result.skipped += result.applied
            result.applied, result.fixes = 0, []
    return result


def _edit_all(text: str, fixes: list[Fix]) -> str | None:
    """The text with every edit made (last first, so none moves another); None when one
    no longer finds its old text, or two overlap."""
    lines = text.split("\n")
    last: tuple[int, int] | None = None
    for fix in fixes:
        if not 0 < fix.line <= len(lines):
            return None
        if last is not None and fix.line == last[0] and fix.column + len(fix.old) > last[1]:
            return None
        line = lines[fix.line - 1]
        start = fix.column - 1
        if line[start:start + len(fix.old)] != fix.old:
            return None
        lines[fix.line - 1] = line[:start] + fix.new + line[start + len(fix.old):]
        last = (fix.line, fix.column)
    return "\n".join(lines)


def _values(text: str, file: str, lang: str):
    """Every string value of the file, by data path (None when it does not load cleanly)."""
    from plancc.load.compose import load_text

    loaded = load_text(text, file, lang)
    if not loaded.ok:
        return None
    out: dict[tuple, object] = {}
    stack: list[tuple[tuple, object]] = [((), loaded.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
        else:
            out[path] = value
    return out


def _as_expected(before, after, fixes: list[Fix]) -> bool:
    """The file reads back with exactly the edited values changed, each as the edits say."""
    if before is None or after is None or before.keys() != after.keys():
        return False
    expected: dict[tuple, str] = {}
    for fix in sorted(fixes, key=lambda f: f.offset, reverse=True):
        old = expected.get(fix.path, before.get(fix.path))
        if not isinstance(old, str) or old[fix.offset:fix.offset + len(fix.old)] != fix.old:
            return False
        expected[fix.path] = old[:fix.offset] + fix.new + old[fix.offset + len(fix.old):]
    return all(after[p] == expected.get(p, before[p]) for p in before)
