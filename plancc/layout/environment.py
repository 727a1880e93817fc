"""The template environment: sandboxed, strict, XML-escaping, with Chinese text filters.

* ``ImmutableSandboxedEnvironment``: a template taken from a plan repository
  cannot reach Python internals or mutate the plan.
* ``StrictUndefined``: a misspelt variable is an error, not a blank.
* autoescape: plan prose is inserted as text; ``{{ }}`` or ``<`` in prose is
  printed literally and can never become template code or markup.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, UndefinedError, select_autoescape
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateNotFound as _JinjaNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from plancc.model.base import fmt_number
from plancc.model.dates import PartialDate
from plancc.model.facts import expand_refs
from plancc.text.numerals import circled, cn_number

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "_templates"
SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


class TemplateNotFound(Exception):
    """The template a plan or plancc.toml names does not exist."""


class TemplateOutside(Exception):
    """The template a plan or plancc.toml names lies outside the repository (args: name, resolved folder)."""


class TemplateFileRefused(SecurityError):
    """A template file resolves outside its template folder (a symbolic link) or is not a regular file."""


def shipped_roots() -> list[Path]:
    return [SOURCE_TEMPLATES.resolve(), PACKAGE_TEMPLATES.resolve()]


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def template_dir(name_or_path: str | None, base: Path | list[Path] | None = None, *, contained: bool = False) -> Path:
    """Resolve a template by name or folder path.

    Looked up, in order: relative to each base folder (the plan's folder, the
    repository root) as a path and under its templates/ folder, then as given,
    then among the templates shipped with plancc.

    ``contained``: the name comes from the repository (a plan's ``template:``,
    plancc.toml), so the folder must resolve, symbolic links followed, inside
    one of the base folders or be one of plancc's shipped templates; a name
    given on the command line is the user's own choice and may be anywhere.
    """
    name = name_or_path or "default"
    candidates = []
    as_path = Path(name)
    bases = [base] if isinstance(base, Path) else list(base or [])
    if not as_path.is_absolute():
        for b in bases:
            candidates += [b / as_path, b / "templates" / as_path]
    if not contained or as_path.is_absolute():
        candidates.append(as_path)
    for root in (SOURCE_TEMPLATES, PACKAGE_TEMPLATES):
        candidates.append(root / name)
    for c in candidates:
        if (c / "plan.xml.j2").is_file():
            if contained:
                real = c.resolve()
                allowed = [Path(b).resolve() for b in bases] + shipped_roots()
                if not _inside(real, allowed):
                    raise TemplateOutside(name, real)
            return c
    raise TemplateNotFound(name)


class ContainedLoader(FileSystemLoader):
    """A file loader that reads only regular files resolving inside the search folder
    they are found in: a symbolic link in a repository's template folder cannot
    make ``{% include %}`` read a file from elsewhere into the document."""

    def get_source(self, environment, template):  # type: ignore[no-untyped-def]
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = os.path.join(searchpath, *pieces)
            if not os.path.lexists(filename):
                continue
            root = os.path.realpath(searchpath)
            real = os.path.realpath(filename)
            if not (real.startswith(root.rstrip(os.sep) + os.sep)):
                raise TemplateFileRefused(f"outside:{template}:{real}")
            try:
                st = os.stat(real)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                raise TemplateFileRefused(f"not-a-file:{template}:{real}")
            with open(real, encoding=self.encoding) as fh:
                contents = fh.read()
            mtime = st.st_mtime

            def uptodate(real: str = real, mtime: float = mtime) -> bool:
                try:
                    return os.path.getmtime(real) == mtime
                except OSError:
                    return False

            return contents, os.path.normpath(filename), uptodate
        raise _JinjaNotFound(template)


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """A cache that is only ever a speed-up: a full or vanished cache folder is ignored."""

    def dump_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass

    def load_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass


def _private_folder(folder: str) -> bool:
    """Compiled templates run outside the sandbox: only a folder that no one else
    can write to may hold them (owned by this user, no group or other write)."""
    if not hasattr(os, "getuid"):
        return True  # Windows: per-user profile folders
    try:
        st = os.stat(folder)
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs (compiling the default template costs
    more than rendering a typical plan). Jinja checks each entry against the
    template's source, so an edited template is recompiled; the folder name
    carries the plancc and jinja2 versions, so an upgrade starts afresh.

    The folder is ``$PLANCC_CACHE_DIR``, else ``$XDG_CACHE_HOME/plancc/templates``,
    else ``~/.cache/plancc/templates``; ``PLANCC_NO_CACHE=1`` turns the cache off.
    No cache is used when the folder cannot be created or others can write to it.
    """
    if os.environ.get("PLANCC_NO_CACHE", "") not in ("", "0"):
        return None
    folder = os.environ.get("PLANCC_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base:
            home = os.path.expanduser("~")
            if home == "~":  # no HOME and no passwd entry (a container's --user)
                return None
            base = os.path.join(home, ".cache")
        folder = os.path.join(base, "plancc", "templates")
    import jinja2

    from plancc import __version__

    folder = os.path.join(folder, f"plancc-{__version__}-jinja2-{jinja2.__version__}")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    if not _private_folder(folder) or not os.access(folder, os.W_OK | os.X_OK):
        return None
    return _QuietBytecodeCache(folder)


def make_environment(folder: Path) -> ImmutableSandboxedEnvironment:
    # the default template's macros stay importable from a county's copy
    search = [str(folder)]
    default = template_dir("default")
    if default.resolve() != folder.resolve():
        search.append(str(default))
    env = ImmutableSandboxedEnvironment(
        loader=ContainedLoader(search),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("xml.j2", "xml"), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(
        cn=cn_filter,
        count=count_filter,
        num=num_filter,
        cn_date=cn_date_filter,
        cn_range=cn_range_filter,
        join_cn=join_cn_filter,
        circled=circled,
        pct=pct_filter,
        quota=quota_filter,
        amount=amount_filter,
        quote_title=quote_title_filter,
        bare=bare_filter,
        fields=fields_filter,
    )
    return env


def fields_filter(items: Any, *names: str) -> list[tuple]:
    """Each item's named fields as a tuple: ``{% for a, b in rows|fields("a", "b") %}``.

    For tables of thousands of rows: unpacking tuples skips the sandbox's check
    on every attribute read. Only public fields of plan models (or keys of
    mappings) can be named, so the sandbox is not weakened.
    """
    for name in names:
        if not isinstance(name, str) or name.startswith("_"):
            raise SecurityError(f"fields: 不能读取“{name}”")
    out = []
    checked: set[type] = set()  # a catalog's rows are all one model: check its fields once
    for item in items:
        if isinstance(item, dict):
            missing = [n for n in names if n not in item]
            if missing:
                raise UndefinedError(f"条目没有键 {'、'.join(missing)}")
            out.append(tuple(item[n] for n in names))
            continue
        kind = type(item)
        if kind not in checked:
            known = getattr(kind, "model_fields", None)
            if known is None:
                raise SecurityError(f"fields: 只能用于计划中的条目，不能用于 {kind.__name__}")
            missing = [n for n in names if n not in known]
            if missing:
                raise UndefinedError(f"{kind.__name__} 没有字段 {'、'.join(missing)}")
            checked.add(kind)
        out.append(tuple(getattr(item, n) for n in names))
    return out


def cn_filter(n: Any) -> str:
    """7 → 七, 11 → 十一, 20 → 二十."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if not isinstance(n, int):
        return str(n)
    return cn_number(n)


def count_filter(n: Any) -> str:
    """A quantity before a measure word: 2 → 两 (两个模块), otherwise as cn."""
    if n == 2:
        return "两"
    return cn_filter(n)


def num_filter(v: Any) -> str:
    """72.0 → 72: figures as a clerk writes them."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return fmt_number(v)
    return str(v)


def pct_filter(v: Any) -> str:
    return num_filter(v) + "%"


def amount_filter(v: Any) -> str:
    """A figure as the plan wrote it: 50 → 50, "≥50" → 不少于50, a mapping → its value."""
    from plancc.model.figures import Figure
    from plancc.quantities.amount import parse_amount

    if isinstance(v, Figure):
        v = v.value if v.value is not None else ""
    if isinstance(v, str):
        a = parse_amount(v) if v else None
        if a is not None and a.number is not None:
            word = "不少于" if a.at_least else "不超过" if a.at_most else ""
            return word + fmt_number(float(a.number))
        return v
    return num_filter(v)


def quota_filter(v: Any) -> str:
    """A band's quota in words: "≤5%" → 不超过参训人数的5%, "≥10%" → 不少于参训人数的10%."""
    from plancc.quantities.amount import parse_amount

    a = parse_amount(v)
    share = fmt_number(float(a.number)) if a.number is not None else "?"
    word = "不少于" if a.at_least else "不超过" if a.at_most else "为"
    return f"{word}参训人数的{share}%"


def cn_date_filter(d: Any, *formats: str) -> str:
    """2022-11-15 → 2022年11月15日; 2022-11 → 2022年11月; a clock time as plans write it (17：00;
    ``cn_date("ascii")`` 17:00)."""
    if d is None:
        return ""
    from plancc.text.wording import format_value

    return format_value(PartialDate.parse(d), formats)


def cn_range_filter(start: Any, end: Any = None, sep: str = "—", *formats: str) -> str:
    """2022年11月—2023年4月; the formats of a range reference: ``cn_range(s, e, "—", "full")``."""
    from plancc.text.wording import range_text

    s = PartialDate.parse(start) if start is not None else None
    e = PartialDate.parse(end) if end is not None else None
    form = next((f for f in formats if f in ("short", "year_once", "full")), "short")
    return range_text(s, e, form, sep, "ascii" in formats)


def join_cn_filter(items: Any, sep: str = "、") -> str:
    return sep.join(str(i) for i in items)


def quote_title_filter(title: str) -> str:
    """Wrap a document title in 《》 unless it already is."""
    title = str(title)
    return title if title.startswith("《") else f"《{title}》"


def sayer(plan: Any):
    """The template's ``say(key, blk, item, name=value, …)``: sentence `key` worded by the nearest
    pattern (the item's or the block's ``wording:``, the plan's, plancc.toml's, the default;
    plancc.text.wording) and filled with the values. ``item`` is the item's name or number (or a
    list of them), none for a sentence the block writes once. Values the template has already
    rendered (macro output) are taken as text, so nothing is escaped twice."""
    from markupsafe import Markup

    from plancc.text import wording

    def say(key: str, blk: Any = None, item: Any = None, /, **values: Any) -> str:
        if key not in wording.BY_KEY:
            from plancc.catalog import message

            raise UndefinedError(message("wording.unknown_sentence", "zh", key=key, allowed="、".join(wording.BY_KEY)))
        plain = {k: (v.unescape() if isinstance(v, Markup) else v) for k, v in values.items()}
        return wording.say(key, plain, block=blk, item=item, plan=plan)

    return say


def prose(text: Any, facts: dict) -> str:
    """Plan prose for the template: ``{=name}`` references filled, nothing executed."""
    if text is None:
        return ""
    return expand_refs(str(text), facts)


def bare_filter(text: Any) -> str:
    """Drop trailing punctuation so a template can add its own (；or 。)."""
    return str(text).rstrip().rstrip("。；;，,.")
