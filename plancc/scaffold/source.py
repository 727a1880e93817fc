"""Where a new plan repository installs plancc from: ``plancc init --source``.

The same source goes into the generated GitHub workflow (``pip install`` on the
runner) and into the generated pre-commit configuration (the hook's own Python
environment, ``additional_dependencies``), so a repository never relies on a
plancc that happens to be on someone's PATH. Three forms are accepted:

- a version from the package index: ``0.1.0`` or ``plancc==0.1.0``;
- a git URL with a tag: ``git+https://host/owner/plancc@v0.1.0`` (``git+ssh://``
  and ``git+file://`` too);
- a wheel file: ``dist/plancc-0.1.0-py3-none-any.whl``. A relative path is read
  relative to the new repository (where the generated files are read too).

The value ends up inside YAML files and, on the runner, in a shell: it is
checked here against a strict form, anything that could end a YAML scalar, start
a shell word or an Actions expression is refused, and :func:`yaml_scalar` writes
it as a double-quoted YAML string. The workflow hands it to the shell through an
environment variable, never as script text.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

_VERSION = r"(?:\d+!)?\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?"
_INDEX = re.compile(rf"(?:plancc\s*==\s*)?({_VERSION})")
_GIT = re.compile(r"git\+(?:https|ssh|file)://[A-Za-z0-9._~:/%+@-]+")
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+/-]*")
#: besides control characters: what would break out of a quoted YAML string, a shell word
#: or a pip requirement (``;`` starts environment markers), or start an Actions expression
_REFUSED_IN_PATH = set("\"'`$\\;#{}[]")


class SourceError(Exception):
    """A --source value that cannot be used: a catalog key and its values."""

    def __init__(self, key: str, **values: str):
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Source:
    """One install source, as each generated file needs it."""

    kind: str  #: "index", "git" or "wheel"
    workflow: str  #: the pip argument in the GitHub workflow (run from the repository root)
    precommit: str  #: the pip argument in pre-commit's hook environment (run from pre-commit's own folder)
    outside: bool = False  #: a wheel outside the repository: the GitHub runner will not have it


def default(version: str) -> str:
    return f"plancc=={version}"


def _unprintable(value: str) -> str | None:
    for ch in value:
        if unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp"):  # tab and newline are Cc
            return ch
    return None


def parse(value: str, repository: Path) -> Source:
    """The install source `value` names, for a new repository at `repository`; SourceError if unusable."""
    from plancc.text.escape import printable

    shown = printable(value)
    bad = _unprintable(value)
    if bad is not None:
        raise SourceError("cli.init.source.unsafe", value=shown, char=printable(bad))
    text = value.strip()
    if not text:
        raise SourceError("cli.init.source.form", value=shown)
    m = _INDEX.fullmatch(text)
    if m:
        pinned = default(m.group(1))
        return Source("index", pinned, pinned)
    if text.startswith("git+"):
        return _git(text, shown)
    if text.lower().endswith(".whl"):
        # a path is taken as written when it can be (a folder name may begin with a space)
        return _wheel(value if value.lower().endswith(".whl") else text, shown, repository)
    if os.sep in text or "/" in text or (repository / text).exists():
        raise SourceError("cli.init.source.not_wheel", path=shown, why=printable(_suffix(text)))
    raise SourceError("cli.init.source.form", value=shown)


def _suffix(text: str) -> str:
    return Path(text).suffix or Path(text).name


def _git(text: str, shown: str) -> Source:
    if not _GIT.fullmatch(text):
        raise SourceError("cli.init.source.git_form", value=shown)
    body = text.split("://", 1)[1]
    before, at, ref = body.rpartition("@")
    if not at or "/" not in before or not _REF.fullmatch(ref) or ref.endswith((".git", "/")):
        raise SourceError("cli.init.source.git_ref", value=shown)
    return Source("git", text, text)


def _home(path: Path) -> Path:
    """``~/…`` and ``~user/…`` read as a shell reads them; ``~name`` of no user (or no home
    to be found) stays as written, as a shell leaves it."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def _wheel(text: str, shown: str, repository: Path) -> Source:
    from plancc.text.escape import printable

    refused = sorted(set(text) & _REFUSED_IN_PATH)
    if refused:
        raise SourceError("cli.init.source.unsafe", value=shown, char=" ".join(refused))
    given = _home(Path(text))
    path = given if given.is_absolute() else repository / given
    base = printable(str(repository))
    where = printable(str(path))
    if not path.exists():
        raise SourceError("cli.init.source.wheel_missing", path=where, base=base)
    if not path.is_file():
        raise SourceError("cli.init.source.not_wheel", path=where, why=printable(_suffix(text)))
    name = _wheel_name(path)
    if name is None:
        raise SourceError("cli.init.source.not_wheel", path=where, why="zip")
    if name.lower().replace("_", "-") != "plancc":
        raise SourceError("cli.init.source.other_package", path=where, name=printable(name))
    absolute = Path(os.path.abspath(path))
    root = Path(os.path.abspath(repository))
    try:
        inside = absolute.relative_to(root).as_posix()
    except ValueError:
        inside = None
    # pre-commit runs pip in its own folder: only an absolute path finds the file there
    return Source("wheel", f"./{inside}" if inside else absolute.as_posix(), absolute.as_posix(), outside=inside is None)


#: how much of a wheel's METADATA is read for its Name: header (the headers come first)
_METADATA_HEAD = 64 * 1024


def _wheel_name(path: Path) -> str | None:
    """The project name a wheel's metadata gives, None when the file is not a wheel."""
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                top, _, rest = member.partition("/")
                if top.endswith(".dist-info") and rest == "METADATA":
                    with archive.open(member) as fh:  # the headers only: a hostile wheel's METADATA may unpack to gigabytes
                        head = fh.read(_METADATA_HEAD)
                    for line in head.decode("utf-8", "replace").splitlines():
                        if line.startswith("Name:"):
                            return line.split(":", 1)[1].strip()
                        if not line:
                            break
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    return None


def yaml_scalar(value: str) -> str:
    """`value` as a double-quoted YAML scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(value, ensure_ascii=False)
