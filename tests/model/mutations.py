"""Mutations of real plans, made by walking each plan beside the JSON Schema.

Every value of an example plan is matched with the part of the schema that describes
it (through $ref and the alternative of a union that accepts it), and the kind of
value the schema says it is decides the mutations: numbers go below their minimum and
above their maximum, text goes blank, dates go to months and days that do not exist,
lists get longer and shorter than they may be, objects lose a required key or gain an
unknown one, enumerations get a value outside them, and every value gets the wrong
type. A plan changed in one place is one case; tests/model/test_schema.py judges each
by check-jsonschema and by plancc.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from jsonschema import Draft202012Validator

from plancc.model.dates import PartialDate


@dataclass
class Mutation:
    source: str
    path: tuple
    #: the schema's place (a $defs name and property) the changed value belongs to
    place: str
    kind: str
    plan: Any
    #: the change, made on a copy of the plan
    change: Callable[[Any], None]

    @property
    def data(self) -> Any:
        data = copy.deepcopy(self.plan)
        self.change(data)
        return data

    @property
    def name(self) -> str:
        return f"{self.source}:{'/'.join(map(str, self.path))}:{self.kind}"


#: dates written as plans write them: the first ones exist, the others do not
GOOD_DATES = ["2024-02-29", "2000-02-29", "2025-4-30", "2023年5月10日17:00", "2022年11月", "2023-05-10 24:00", "２０２２年１１月"]
BAD_DATES = ["2025-13", "2025-00", "2025-02-30", "2023-02-29", "1900-02-29", "2025-04-31", "2025-11-31", "2025-01-32",
             "2023-05-10 24:30", "2023-05-10 17:60", "2022-11 17:00", "2022年13月", "2022/02/29", "2022-1-1-1", "明年"]


class Walker:
    def __init__(self, schema: dict):
        self.schema = schema
        self.defs = schema.get("$defs", {})
        self._validators: dict[int, Any] = {}

    def resolve(self, node: dict) -> tuple[dict, str | None]:
        name = None
        while "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**self.defs[name], **{k: v for k, v in extra.items() if k in ("description", "title", "default")}}
        return node, name

    def accepts(self, node: dict, value: Any) -> bool:
        v = self._validators.get(id(node))
        if v is None:
            v = self._validators[id(node)] = Draft202012Validator({**node, "$defs": self.defs})
        return v.is_valid(value)

    def branch(self, node: dict, value: Any) -> tuple[dict, str | None]:
        """The schema that describes `value`: `node` resolved, or the alternative of its union accepting it."""
        node, name = self.resolve(node)
        for key in ("anyOf", "oneOf"):
            if key in node:
                for alt in node[key]:
                    if self.accepts(alt, value):
                        inner, inner_name = self.branch(alt, value)
                        rest = {k: v for k, v in node.items() if k != key}
                        return {**rest, **inner}, inner_name or name
        return node, name

    def mutations(self, source: str, plan: Any) -> Iterator[Mutation]:
        yield from self._walk(source, plan, plan, (), self.schema, "Plan")

    def _walk(self, source, plan, value, path, node, place) -> Iterator[Mutation]:
        node, name = self.branch(node, value)
        place = name or place
        for kind, new in (self._changes(node, value) if path else ()):
            yield Mutation(source, path, place, kind, plan, lambda d, p=path, v=new: _set(d, p, copy.deepcopy(v)))
        if isinstance(value, dict):
            props = node.get("properties", {})
            required = set(node.get("required", []))
            if props or node.get("additionalProperties") is False:
                yield Mutation(source, path, place, "unknown key", plan, lambda d, p=path: _get(d, p).__setitem__("未知键", 1))
            for key in list(value):
                if key in required:
                    yield Mutation(source, (*path, key), place, "missing required key", plan,
                                   lambda d, p=path, k=key: _get(d, p).__delitem__(k))
            if "propertyNames" in node and value:
                first = next(iter(value.values()))
                yield Mutation(source, path, place, "key outside propertyNames", plan,
                               lambda d, p=path, v=first: _get(d, p).__setitem__("名称.带点", copy.deepcopy(v)))
            for key, v in value.items():
                sub = props.get(key) or (node.get("additionalProperties") if isinstance(node.get("additionalProperties"), dict) else None)
                if sub is not None:
                    yield from self._walk(source, plan, v, (*path, key), sub, f"{place}.{key}" if key in props else place)
        elif isinstance(value, list):
            prefix = node.get("prefixItems", [])
            for i, v in enumerate(value):
                sub = prefix[i] if i < len(prefix) else node.get("items")
                if isinstance(sub, dict):
                    yield from self._walk(source, plan, v, (*path, i), sub, f"{place}[]")

    def _changes(self, node: dict, value: Any) -> Iterator[tuple[str, Any]]:
        """(kind, new value) for the value `value` that `node` describes."""
        types = node.get("type")
        types = [types] if isinstance(types, str) else list(types or [])
        if "enum" in node or "const" in node:
            choices = node.get("enum") or [node.get("const")]
            yield "outside the enum", "不在可选项中"
            others = [c for c in choices if c != value]
            if others:
                yield "another enum value", others[0]
            return
        if isinstance(value, bool):
            yield "text for a boolean", "是"
            yield "number for a boolean", 1
        elif isinstance(value, (int, float)):
            lo = node.get("minimum", node.get("exclusiveMinimum"))
            hi = node.get("maximum", node.get("exclusiveMaximum"))
            if "minimum" in node:
                yield "at the minimum", node["minimum"]
                yield "below the minimum", node["minimum"] - 1
            if "exclusiveMinimum" in node:
                yield "at the exclusive minimum", node["exclusiveMinimum"]
            if "maximum" in node and node["maximum"] < 1e15:
                yield "at the maximum", node["maximum"]
                yield "above the maximum", node["maximum"] + 1
            if lo is None:
                yield "negative", -5
            if hi is None or hi >= 1e9:
                yield "huge", 10**9
            yield "text for a number", "72"
            if "integer" in types and "number" not in types:
                yield "a fraction for an integer", 2.5
                yield "a whole float for an integer", float(value) + 1.0
            if "integer" in types or "number" in types:
                yield "zero", 0
        elif isinstance(value, str):
            pattern = node.get("pattern")
            yield "empty text", ""
            yield "blank text", "　 "
            yield "a control character", value[:3] + "\u0007"
            yield "number for text", 123
            if _is_date(value):
                for d in GOOD_DATES[:3] + BAD_DATES[:9]:
                    yield f"date {d}", d
            elif pattern is not None:
                yield "text beside the pattern", "？？"
        elif isinstance(value, list):
            lo, hi = node.get("minItems"), node.get("maxItems")
            if value:
                yield "one item more", value + [copy.deepcopy(value[-1])]
                yield "the last item dropped", value[:-1]
            if lo:
                yield "empty list", []
            if hi is not None:
                yield "too many items", (value * (hi + 1))[: hi + 1] if value else [None] * (hi + 1)
            yield "text for a list", "一项"
        elif isinstance(value, dict):
            yield "list for a mapping", [value]
        if value is not None and "null" not in types and not ("enum" in node or "const" in node):
            yield "null", None


def _is_date(value: str) -> bool:
    """A value the plan wrote as a date (2022-11, 2022年11月15日)."""
    try:
        PartialDate.parse(value)
    except ValueError:
        return False
    return value[:1].isdigit()


def _get(data, path):
    for p in path:
        data = data[p]
    return data


def _set(data, path, value):
    if not path:
        raise ValueError("the plan itself is not mutated")
    _get(data, path[:-1])[path[-1]] = value
