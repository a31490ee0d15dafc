#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks checklist templates against the published JSON Schema of the interchange format.

A template is {"format": "tandem-template", "version", "conditions", "checklist"}, where
"checklist" is a checklist exactly as a project holds it; so the template's schema is built here
from data/tandem.schema.json, which stays the one description of the fields.

Usage: validate-templates.py SCHEMA TEMPLATE...
"""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    project_schema = json.load(f)

version = project_schema["properties"]["version"]
template_schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Tandem checklist template",
    "type": "object",
    "required": ["format", "version", "checklist"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": "tandem-template"},
        "version": {"type": "integer", "minimum": 2, "maximum": version["maximum"]},
        "conditions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "label"],
                "additionalProperties": False,
                "properties": {
                    "key": {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"},
                    "label": {"type": "string", "minLength": 1},
                },
            },
        },
        "checklist": {"$ref": "#/$defs/checklist"},
    },
    "$defs": project_schema["$defs"],
}
jsonschema.Draft202012Validator.check_schema(template_schema)
validator = jsonschema.Draft202012Validator(template_schema)

failed = False
for path in sys.argv[2:]:
    with open(path) as f:
        template = json.load(f)
    for error in validator.iter_errors(template):
        failed = True
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: at /{where}: {error.message}")
    # What the schema cannot say: conditions named by questions are declared, keys unique.
    declared = {c["key"] for c in template.get("conditions", [])}
    keys = set()
    for section in template["checklist"].get("sections", []):
        for item in section.get("items", []):
            if item.get("condition") and item["condition"] not in declared:
                failed = True
                print(f"{path}: {item['key']} depends on an undeclared condition {item['condition']}")
            if item["key"] in keys:
                failed = True
                print(f"{path}: the question key {item['key']} is used twice")
            keys.add(item["key"])
    print(f"{path}: checked")
sys.exit(1 if failed else 0)
