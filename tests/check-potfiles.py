#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in, or when
POTFILES.in names a file that does not exist.

Usage: check-potfiles.py SOURCE_ROOT
"""
import os
import re
import sys

root = sys.argv[1]
C_MARKERS = re.compile(r'\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(')
UI_MARKER = re.compile(r'translatable="yes"')

with open(os.path.join(root, 'po', 'POTFILES.in')) as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}

problems = []
for path in sorted(listed):
    if not os.path.exists(os.path.join(root, path)):
        problems.append(f"po/POTFILES.in lists {path}, which does not exist")

for top in ('src', 'data'):
    for directory, _, names in os.walk(os.path.join(root, top)):
        for name in sorted(names):
            full = os.path.join(directory, name)
            relative = os.path.relpath(full, root)
            try:
                with open(full, encoding='utf-8') as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if name.endswith(('.c', '.h')):
                marked = C_MARKERS.search(text) is not None
            elif name.endswith('.ui'):
                marked = UI_MARKER.search(text) is not None
            elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                marked = True
            else:
                continue
            if marked and relative not in listed:
                problems.append(f"{relative} has translatable strings but is not in po/POTFILES.in")

for problem in problems:
    print(problem)
print(f"{len(listed)} files listed, {len(problems)} problems")
sys.exit(1 if problems else 0)
