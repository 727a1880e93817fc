"""The JSON Schema of plan files, generated from the pydantic models.

Editors (VS Code's YAML extension via yaml-language-server) use it for
completion and hover text, which is why every field carries a Chinese
description. The committed copy lives in schema/plan.schema.json; a test
fails when it drifts from the models.
"""

from __future__ import annotations

import json
from typing import Any

from plancc.model.plan import Plan

SCHEMA_ID = "plan.schema.json"


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    defs = schema.get("$defs", {})
    # Catalog rows may be short lists [学段, 学科, 模块, 课程, 学时?] (see Catalog._rows_as_lists).
    course = defs.get("Course")
    catalog = defs.get("Catalog")
    if course and catalog:
        catalog["properties"]["courses"]["items"] = {
            "anyOf": [
                {
                    "type": "array",
                    "description": "[学段, 学科, 模块, 课程] 或 [学段, 学科, 模块, 课程, 学时]",
                    "prefixItems": [{"type": "string"}] * 4 + [{"type": "number", "minimum": 0}],
                    "minItems": 4,
                    "maxItems": 5,
                },
                {"$ref": "#/$defs/Course"},
            ]
        }
    schema = _normalize(schema)
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "plancc 培训实施方案",
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return out


# pydantic writes numeric constraints of Annotated types as its own keywords
# (ge/le) in some releases and as JSON Schema's in others: schema tools only
# understand the latter, and the committed schema must not depend on the release
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _number(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _normalize(node: Any) -> Any:
    """The same schema whatever the pydantic release: JSON Schema keywords for bounds,
    whole numbers written as integers, a type beside every enum or const of text."""
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
    return out


def schema_json() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
