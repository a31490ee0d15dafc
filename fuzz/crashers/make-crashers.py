#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the inputs that once crashed or fooled Tandem's JSON readers (issue 8), for the
fuzz targets to replay in every test run. They are generated rather than committed because
each is a few hundred kilobytes of brackets.

Usage: make-crashers.py OUTPUT...   (each OUTPUT's file name says which input to write)
"""
import os
import sys

BRACKETS = '[' * 100000 + ']' * 100000

INPUTS = {
    # Brackets hidden from the old depth count by what json-glib accepts beyond JSON.
    'crash-comment-brackets.json': '/*"*/' + BRACKETS,
    'crash-line-comment-brackets.json': '//"\n' + BRACKETS,
    'crash-single-quote-brackets.json': '[\'"\',' + BRACKETS + ']',
    'crash-plain-brackets.json': BRACKETS,
    'crash-deep-objects.json': '{"a":' * 100000 + '1' + '}' * 100000,
    # json-glib cut text at \u0000 and turned numbers beyond 64 bits into -1.
    'crash-nul-escape.json': '{"format":"tandem","version":3,"project":{"id":"p","title":"a\\u0000b"}}',
    'crash-huge-version.json': '{"format":"tandem","version":99999999999999999999999,"project":{"id":"p"}}',
    'crash-steps-comment.json': '{"format":"tandem-steps","version":3,"steps":/*"*/' + BRACKETS + '}',
    'crash-template-quote.json': '{"format":"tandem-template","version":3,"checklist":[\'"\',' + BRACKETS + ']}',
}

for output in sys.argv[1:]:
    name = os.path.basename(output)
    with open(output, 'w', encoding='utf-8') as f:
        f.write(INPUTS[name])
