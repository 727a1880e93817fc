"""Derivations: how a stated figure is made, e.g. "16周 × 2学时 × 2学期" or "5天".

Grammar (spaces anywhere)::

    expr    := term (("+" | "-") term)*
    term    := factor (("×" | "*" | "x" | "·" | "÷" | "/") factor)*
    factor  := NUMBER UNIT? | "{=" NAME "}" UNIT? | "(" expr ")"
    UNIT    := Chinese characters or "%", optionally "/" and another ("6学时/天")

An optional "= amount" at the end states the result ("16周×2学时×2学期=64学时").

A percentage is a fraction ("60分 × 15%" is 9). Units are mostly labels ("16周 × 2学时 × 2学期" multiplies the numbers). A unit
converts only where the result is asked in another unit and one factor of a
product carries a convertible unit: "20周" as 天 is 20 × 7, "5天" as 学时 is
5 × rates.hours_per_day (plancc.quantities.units). Numbers are exact fractions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Union

from plancc.quantities.amount import Amount, AmountError, parse_amount, to_fraction
from plancc.quantities.units import canonical, path
from plancc.text.patterns import lazy

_MUL = "×*xX·⋅✕"
_DIV = "÷/"
_ADD = "+＋"
_SUB = "-−－"
_OPEN = "(（"
_CLOSE = ")）"
_TOKEN = lazy(
    r"\s*(?:"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<unit>%|[\u4e00-\u9fff]{1,6}(?:/[\u4e00-\u9fff]{1,6})?)?"
    r"|(?P<ref>\{=[^{}:\s]+\})(?P<refunit>%|[\u4e00-\u9fff]{1,6}(?:/[\u4e00-\u9fff]{1,6})?)?"
    r"|(?P<op>[" + re.escape(_MUL + _DIV + _ADD + _SUB + _OPEN + _CLOSE) + r"])"
    r")"
)
#: a longest expression, so that a hostile one cannot take long to read
MAX_LENGTH = 500
MAX_DEPTH = 20


@dataclass(frozen=True)
class Num:
    value: Fraction
    unit: str | None


@dataclass(frozen=True)
class Ref:
    name: str
    unit: str | None = None


@dataclass(frozen=True)
class Op:
    op: str  # one of + - * /
    left: "Node"
    right: "Node"


Node = Union[Num, Ref, Op]


@dataclass(frozen=True)
class Derivation:
    node: Node
    #: the result written after "=", if any
    result: Amount | None
    text: str


class ExprError(ValueError):
    """A derivation that cannot be read: ``at`` is the character where reading stopped."""

    def __init__(self, text: str, at: int):
        super().__init__(text)
        self.text, self.at = text, at


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Derivation:
    """A derivation read (once per text: the model checks it, facts and rules evaluate it)."""
    return _parse(text)


def _parse(text: str) -> Derivation:
    if len(text) > MAX_LENGTH:
        raise ExprError(text, MAX_LENGTH)
    body, eq, tail = _split_result(text)
    tokens = _tokens(body)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        return tok

    def expr(depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExprError(text, tokens[min(pos, len(tokens) - 1)][2] if tokens else 0)
        node = term(depth)
        while (tok := peek()) is not None and tok[0] == "op" and tok[1] in _ADD + _SUB:
            take()
            node = Op("+" if tok[1] in _ADD else "-", node, term(depth))
        return node

    def term(depth: int) -> Node:
        node = factor(depth)
        while (tok := peek()) is not None and tok[0] == "op" and tok[1] in _MUL + _DIV:
            take()
            node = Op("*" if tok[1] in _MUL else "/", node, factor(depth))
        return node

    def factor(depth: int) -> Node:
        tok = peek()
        if tok is None:
            raise ExprError(text, len(body))
        take()
        kind, value, at = tok
        if kind == "num":
            return Num(to_fraction(value[0].replace(",", "")), value[1])
        if kind == "ref":
            return Ref(value[0][2:-1], value[1])
        if value in _OPEN:
            node = expr(depth + 1)
            close = peek()
            if close is None or close[1] not in _CLOSE:
                raise ExprError(text, close[2] if close else len(body))
            take()
            return node
        raise ExprError(text, at)

    node = expr(0)
    if pos != len(tokens):
        raise ExprError(text, tokens[pos][2])
    result = None
    if eq:
        try:
            result = parse_amount(tail)
        except AmountError:
            raise ExprError(text, len(body) + 1) from None
    return Derivation(node, result, text)


_RESULT = re.compile(r"(?<!\{)[=＝]")


def _split_result(text: str) -> tuple[str, bool, str]:
    """The derivation and the result written after its "=" (not the "=" of a ``{=name}``)."""
    m = _RESULT.search(text)
    if m is None:
        return text, False, ""
    return text[:m.start()], True, text[m.end():]


def _tokens(text: str) -> list[tuple[str, object, int]]:
    out = []
    pos = 0
    token = _TOKEN()
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = token.match(text, pos)
        if m is None or m.end() == pos:
            raise ExprError(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
        start = m.start(m.lastgroup or 0) if m.lastgroup else pos
        if m.group("num") is not None:
            out.append(("num", (m.group("num"), m.group("unit")), start))
        elif m.group("ref") is not None:
            out.append(("ref", (m.group("ref"), m.group("refunit")), start))
        else:
            out.append(("op", m.group("op"), start))
        pos = m.end()
    return out


# -- evaluation -------------------------------------------------------------

class EvalError(Exception):
    """Why a derivation has no value: ``kind`` is "rate", "ref", "zero" or "value"."""

    def __init__(self, kind: str, **detail):
        super().__init__(kind)
        self.kind, self.detail = kind, detail


#: a rate by name ("hours_per_day") → its value, or raise EvalError("rate", ...)
RateLookup = Callable[[str], Fraction]
#: a reference name → its number, or raise EvalError("ref", ...)
RefLookup = Callable[[str], Fraction]


def evaluate(d: Derivation, unit: str | None, rate: RateLookup, ref: RefLookup) -> Fraction:
    """The value of a derivation in `unit` (the unit of the figure it derives)."""
    return _eval(d.node, canonical(unit), rate, ref)


def _eval(node: Node, unit: str | None, rate: RateLookup, ref: RefLookup) -> Fraction:
    if isinstance(node, Op) and node.op in "+-":
        left, right = _eval(node.left, unit, rate, ref), _eval(node.right, unit, rate, ref)
        return left + right if node.op == "+" else left - right
    factors = _factors(node)
    value = Fraction(1)
    for f, divide in factors:
        v = _eval(f, None, rate, ref) if isinstance(f, Op) else (_number(f) if isinstance(f, Num) else ref(f.name))
        if divide:
            if v == 0:
                raise EvalError("zero")
            value /= v
        else:
            value *= v
    return value * _conversion([f for f, _ in factors], unit, rate)


def _number(n: Num) -> Fraction:
    """A number of a product: 15% is 15/100 (“评价分 × 15%”)."""
    return n.value / 100 if n.unit == "%" else n.value


def _factors(node: Node) -> list[tuple[Node, bool]]:
    """A product's factors, each with whether it divides."""
    if isinstance(node, Op) and node.op in "*/":
        left = _factors(node.left)
        right = _factors(node.right)
        if node.op == "/":
            right = [(f, not d) for f, d in right]
        return left + right
    return [(node, False)]


def _conversion(factors: list[Node], unit: str | None, rate: RateLookup) -> Fraction:
    """The factor that turns a product written in other units into `unit`."""
    units = [canonical(f.unit) for f in factors if isinstance(f, (Num, Ref)) and f.unit]
    if unit is None or not units or any("/" in u for u in units):
        return Fraction(1)
    if any(u == unit for u in units):
        return Fraction(1)
    routes = [(u, r) for u in units if (r := path(u, unit))]
    if len(routes) != 1:
        return Fraction(1)
    src, route = routes[0]
    factor = Fraction(1)
    for step, inverted in route:
        v = to_fraction(step) if not isinstance(step, str) else rate(step)
        if v == 0:
            raise EvalError("zero")
        factor = factor / v if inverted else factor * v
    return factor


def show_node(node: Node) -> str:
    if isinstance(node, Num):
        from plancc.quantities.amount import show

        return show(node.value) + (node.unit or "")
    if isinstance(node, Ref):
        return "{=" + node.name + "}" + (node.unit or "")
    sign = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ "}[node.op]
    return show_node(node.left) + sign + show_node(node.right)
