#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that JSON files Tandem writes follow data/tandem.schema.json (draft 2020-12).

Usage: validate-json.py SCHEMA FILE...
"""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failed = False
for path in sys.argv[2:]:
    with open(path) as f:
        document = json.load(f)
    for error in validator.iter_errors(document):
        failed = True
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: at /{where}: {error.message}")
    print(f"{path}: checked")
sys.exit(1 if failed else 0)
