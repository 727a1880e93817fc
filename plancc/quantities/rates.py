"""The rates a plan declares, wherever it declares them, and the one a figure uses.

A rate is declared under ``rates:``; the older keys ``hours.minutes_per_hour`` and
``hours.hours_per_credit`` declare the same rates (PL409 reports two
declarations that differ). A rate may be one number or a table by mode of
training (集中培训 6, 非集中培训 8).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from plancc.quantities.amount import to_fraction
from plancc.quantities.expr import EvalError
from plancc.quantities.units import RATE_DEFAULTS

#: (value, data path, the name shown) of each declaration of each rate, first one first
Declared = dict[str, list[tuple[Any, tuple, str]]]

#: the older keys of the hours block that declare a rate too
HOURS_KEYS = ("minutes_per_hour", "hours_per_credit")


def declared(plan) -> Declared:
    out: Declared = {}
    for block, keys in (("rates", RATE_DEFAULTS), ("hours", HOURS_KEYS)):
        holder = getattr(plan, block)
        for key in keys if holder is not None else ():
            v = getattr(holder, key)
            if v is not None:
                out.setdefault(key, []).append((v, (block, key), f"{block}.{key}"))
    return out


def rate_value(found: Declared, name: str, mode: str | None) -> Fraction:
    """A rate for a figure of `mode`, or raise EvalError("rate") when it is not declared
    (and has no default), EvalError("mode") when it differs by mode and `mode` picks none."""
    decl = found.get(name)
    if not decl:
        default = RATE_DEFAULTS.get(name)
        if default is None:
            raise EvalError("rate", rate=name)
        return to_fraction(default)
    value = decl[0][0]
    if isinstance(value, dict):
        if mode is not None and mode in value:
            return to_fraction(value[mode])
        distinct = {to_fraction(v) for v in value.values()}
        if mode is None and len(distinct) == 1:
            return distinct.pop()
        raise EvalError("mode", rate=name, modes=list(value), mode=mode or "")
    return to_fraction(value)


def same(a, b) -> bool:
    """Two declarations of a rate agree (a table agrees with a number where every mode has it)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return all(to_fraction(a[k]) == to_fraction(b[k]) for k in a.keys() & b.keys())
    if isinstance(a, dict) or isinstance(b, dict):
        table, single = (a, b) if isinstance(a, dict) else (b, a)
        return all(to_fraction(v) == to_fraction(single) for v in table.values())
    return to_fraction(a) == to_fraction(b)
