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
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "plancc 培训实施方案",
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return out


def schema_json() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
