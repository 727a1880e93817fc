"""How a scalar becomes a value: conservatively, so that a strict model type can say what was meant.

Only unambiguous decimal integers and decimal floats become numbers; `010`,
`0x1F`, `1_000`, `1:30` and timestamps stay text, so that strict model types
reject them with a hint instead of accepting a value the author did not mean.
What YAML 1.1 reads differently from a person (`no` and `on` as booleans, `~`
as null, `1e3` as text) is a *surprise*: the composer keeps its original text
in the source map, and type errors quote it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

TAG = "tag:yaml.org,2002:"

_RESOLVER = yaml.resolver.Resolver()
_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
# plain text that reads as a number to a person but is not one to YAML 1.1
# (1e3 and 1.5e3 lack the dot or the exponent sign PyYAML wants; 0o17 is 1.2 octal)
_NUMBERISH_RE = re.compile(r"[-+]?(?:0[oO][0-7_]+|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)[eE][-+]?[0-9]+)\Z")
# the explicit tags that type a scalar (besides !!str)
_TYPED = {TAG + kind: kind for kind in ("int", "float", "bool", "null")}


def short_tag(tag: str) -> str:
    """tag:yaml.org,2002:python/object → !!python/object, as the author wrote it."""
    return "!!" + tag[len(TAG):] if tag.startswith(TAG) else tag


def typed(text: str, tag: str | None) -> tuple[Any, bool] | None:
    """(value, surprise) of a scalar, or None when its explicit tag is not one plancc accepts.

    ``tag`` is the explicit tag, or None for a plain scalar (typed as YAML 1.1
    would, then narrowed). ``surprise`` is true when the value is probably not
    what the author meant.
    """
    if tag is not None:
        if tag == TAG + "str":
            return text, False
        kind = _TYPED.get(tag)
        if kind is None:
            return None
    else:
        resolved = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
        kind = resolved[len(TAG):] if resolved.startswith(TAG) else "str"
        if kind == "str":
            return text, bool(_NUMBERISH_RE.match(text))  # stays text; explains a type error
    if kind == "null":
        return None, text not in ("", "null", "~")
    if kind == "bool":
        low = text.lower()
        return low in ("true", "yes", "on", "y"), low not in ("true", "false")
    if kind == "int":
        if _INT_RE.match(text) and len(text) <= 4000:
            return int(text), False
        return text, True
    if kind == "float":
        if _FLOAT_RE.match(text):
            return float(text), False
        low = text.lower()
        if low in (".nan", ".inf", "+.inf", "-.inf"):
            return float(low.replace(".", "")), False
        return text, True
    return text, False
