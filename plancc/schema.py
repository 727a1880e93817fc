"""The JSON Schema of plan files, generated from the pydantic models.

Editors (VS Code's YAML extension via yaml-language-server) use it for
completion and hover text, which is why every object and field carries a
Chinese title and description; check-jsonschema and other tools use it to
reject what plancc rejects. What a value must be is said once, in the model's
types (plancc.model.base.Keywords beside the validator that checks it); this
module only turns pydantic's output into a schema that reads the same whatever
the pydantic release. The committed copy lives in schema/plan.schema.json; a
test fails when it drifts from the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from plancc.model.base import field_title
from plancc.model.plan import Plan

#: the name plancc's release workflow gives schema/plan.schema.json among each release's files
SCHEMA_ID = "plan.schema.json"


def release_url(version: str | None = None) -> str:
    """The schema published with a release (this plancc's version by default), for plan
    repositories that do not keep a copy: a pinned address, so editors check plans against the
    schema of the plancc that validates them."""
    from plancc import PROJECT_URL, __version__

    return f"{PROJECT_URL}/releases/download/v{version or __version__}/{SCHEMA_ID}"


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with a mapping's key type said as ``propertyNames``: pydantic
    writes a key pattern as ``patternProperties`` (keys that miss it would pass unchecked)
    in some releases and drops it in others."""

    def dict_schema(self, schema) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object"}
        keys = self.generate_inner(schema["keys_schema"]).copy() if "keys_schema" in schema else {}
        values = self.generate_inner(schema["values_schema"]).copy() if "values_schema" in schema else {}
        values.pop("title", None)
        if values:
            out["additionalProperties"] = values
        keys = {k: v for k, v in keys.items() if k not in ("title", "type")}
        if keys:
            out["propertyNames"] = keys
        return out


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation", schema_generator=_Generator)
    defs = schema.get("$defs", {})
    # Catalog rows may be short lists [学段, 学科, 模块, 课程, 学时?] (see Catalog._rows_as_lists),
    # each item what the Course field of its place accepts
    course = defs.get("Course")
    catalog = defs.get("Catalog")
    if course and catalog:
        from plancc.model.curriculum import _ROW_KEYS

        cells = [{k: v for k, v in course["properties"][key].items() if k not in ("title", "description", "default", "examples")}
                 for key in _ROW_KEYS]
        catalog["properties"]["courses"]["items"] = {
            "anyOf": [
                {
                    "type": "array",
                    "description": "[学段, 学科, 模块, 课程] 或 [学段, 学科, 模块, 课程, 学时]",
                    "prefixItems": cells,
                    "minItems": len(_ROW_KEYS) - 1,
                    "maxItems": len(_ROW_KEYS),
                },
                {"$ref": "#/$defs/Course"},
            ]
        }
    schema = _normalize(schema)
    defs = schema.get("$defs", {})
    _titles(schema, defs)
    for d in defs.values():
        _titles(d, defs)
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **{k: v for k, v in schema.items()},
    }
    return out


def _titles(model: dict[str, Any], defs: dict[str, Any]) -> None:
    """Every field's title is its name as readers see it (plancc.model.base.field_title), not
    pydantic's English one made from the key ("Required"). pydantic leaves out a field's title
    where it is its model's (document: 公文要素): the model's title is taken back."""
    for key, prop in model.get("properties", {}).items():
        if prop.get("title") == key.replace("_", " ").title():
            del prop["title"]
        if "title" not in prop and "$ref" in prop:
            prop["title"] = defs[prop["$ref"].rsplit("/", 1)[-1]].get("title")
        title = field_title(prop.get("title"), prop.get("description"))
        if title:
            prop["title"] = title


# pydantic writes numeric constraints of Annotated types as its own keywords
# (ge/le) in some releases and as JSON Schema's in others: schema tools only
# understand the latter, and the committed schema must not depend on the release
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _number(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else v


def _normalize(node: Any) -> Any:
    """The same schema whatever the pydantic release: JSON Schema keywords for bounds,
    whole numbers written as integers, a type beside every enum or const of text, and
    the alternatives of a union merged into one schema where their types tell them apart."""
    if isinstance(node, list):
        return [_normalize(v) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        key = _BOUNDS.get(key, key) if not isinstance(value, (dict, list)) else key
        if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "default", "const"):
            value = _number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else _normalize(value)
        else:
            value = _normalize(value)
        out[key] = value
    values = out.get("enum") or ([out["const"]] if "const" in out else None)
    if values and "type" not in out:
        if all(isinstance(v, str) for v in values):
            out["type"] = "string"
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            out["type"] = "integer"
    all_of = out.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and set(all_of[0]) == {"$ref"} and "$ref" not in out:
        # draft 2020-12 allows keywords beside $ref: older pydantic wraps it in allOf
        del out["allOf"]
        out = {"$ref": all_of[0]["$ref"], **out}
    if isinstance(out.get("anyOf"), list):
        out = _merge_union(out)
    return out


#: the keywords that bind values of one JSON type only (any other keyword binds every value)
_TYPED_KEYWORDS = {
    "string": {"pattern", "patternErrorMessage", "minLength", "maxLength", "format"},
    "number": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"},
    "array": {"items", "prefixItems", "minItems", "maxItems", "contains"},
    "object": {"properties", "additionalProperties", "required", "propertyNames"},
    "null": set(),
    "boolean": set(),
}
_TYPED_KEYWORDS["integer"] = _TYPED_KEYWORDS["number"]
#: what a merged alternative may carry besides its type's keywords (taken when the union has none)
_NOTES = {"description", "examples"}


def _types(alt: dict[str, Any]) -> list[str] | None:
    t = alt.get("type")
    return [t] if isinstance(t, str) else (list(t) if isinstance(t, list) else None)


def _merge_union(node: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [{type: string, pattern}, {type: array, items}, {type: null}]`` → one schema
    ``{type: [string, array, null], pattern, items}``: the same values, and no alternatives
    for an editor to list — yaml-language-server's hover joins the headings of alternatives
    it cannot tell apart (“要求学时 || 要求学时”). Alternatives with a ``$ref``, a const or
    an enum stay alternatives."""
    alts = node["anyOf"]
    nulls = [a for a in alts if a == {"type": "null"}]
    if len(alts) == 2 and nulls and {"enum", "const"} & set(alts[0] if alts[1] in nulls else alts[1]):
        # an optional choice: the choices and null
        alt = alts[0] if alts[1] in nulls else alts[1]
        choices = alt.get("enum") or [alt["const"]]
        extra = {k: v for k, v in alt.items() if k not in ("enum", "const", "type")}
        if not set(extra) - _NOTES and isinstance(alt.get("type"), str):
            rest = {k: v for k, v in node.items() if k != "anyOf"}
            notes = {k: v for k, v in extra.items() if k not in rest}
            return {"type": [alt["type"], "null"], "enum": [*choices, None], **notes, **rest}
    numbers = [a for a in alts if _types(a) == ["number"]]
    mergeable, kept, seen = [], [], set()
    for alt in alts:
        types = _types(alt)
        if types == ["integer"] and set(alt) == {"type"} and numbers:
            continue  # a number covers it (an integer is a number to JSON)
        ok = (types is not None and "$ref" not in alt
              and all(k == "type" or k in _NOTES or any(k in _TYPED_KEYWORDS[t] for t in types) for k in alt)
              and not seen & set(types) and not ({"integer", "number"} <= seen | set(types)))
        if ok:
            seen |= set(types)
            mergeable.append(alt)
        else:
            kept.append(alt)
    if len(mergeable) < 2 and not (mergeable and not kept):
        return node
    merged: dict[str, Any] = {}
    types: list[str] = []
    for alt in mergeable:
        for k, v in alt.items():
            if k == "type":
                types += _types(alt) or []
            elif k in _NOTES:
                if k not in node and k not in merged:
                    merged[k] = v
            else:
                merged[k] = v
    merged = {"type": types[0] if len(types) == 1 else types, **merged}
    rest = {k: v for k, v in node.items() if k != "anyOf"}
    if kept:
        return {**rest, "anyOf": [merged, *kept]}
    if (set(merged) - _NOTES) & set(rest):
        return node  # the union's own keywords would clash with its members'
    return {**{k: v for k, v in merged.items() if k not in rest}, **rest}


def schema_json() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
