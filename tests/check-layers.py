#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers point down only, and the build enforces it: with the real compile command of a
file in each layer (from meson's compile_commands.json), a header of the same layer or one below
compiles, and a header of a layer above (or of a library only a layer above may use) is not
found.

    ui -> export -> render -> storage -> model

Usage: check-layers.py BUILDDIR/compile_commands.json

SQLite's header is in /usr/include, where every compiler looks, so it cannot be hidden from the
layers above storage by include folders; nothing outside storage includes it (it is only in
tandem-storage-private.h) and the model library does not link it.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

# For each layer: headers it may include (its own and below), and headers it must not find.
LAYERS = {
    'model': (['tandem-document.h'],
              ['tandem-storage.h', 'tandem-json.h', 'tandem-journey-palette.h',
               'tandem-appendix.h', 'tandem-window.h', '<json-glib/json-glib.h>', '<cairo.h>',
               '<pango/pangocairo.h>', '<gtk/gtk.h>']),
    'storage': (['tandem-storage.h', 'tandem-json.h', 'tandem-document.h'],
                ['tandem-journey-palette.h', 'tandem-appendix.h', 'tandem-window.h',
                 '<cairo.h>', '<pango/pangocairo.h>', '<gtk/gtk.h>']),
    'render': (['tandem-journey-painter.h', 'tandem-storage.h', 'tandem-document.h'],
               ['tandem-appendix.h', 'tandem-window.h', '<gtk/gtk.h>']),
    'export': (['tandem-appendix.h', 'tandem-journey-painter.h', 'tandem-storage.h'],
               ['tandem-window.h', '<gtk/gtk.h>', '<adwaita.h>']),
}

# Arguments of a compile command that name its input and outputs, with their values.
DROP_WITH_VALUE = {'-o', '-c', '-MQ', '-MF', '-MT'}
DROP = {'-MD', '-MMD'}


def probe_command(entry, probe):
    args = shlex.split(entry['command'])
    kept = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in DROP_WITH_VALUE:
            skip = True
            continue
        if arg in DROP:
            continue
        kept.append(arg)
    return kept + ['-fsyntax-only', probe]


def main():
    with open(sys.argv[1]) as f:
        entries = json.load(f)

    failures = []
    with tempfile.TemporaryDirectory(prefix='tandem-layers-') as tmp:
        for layer, (allowed, forbidden) in LAYERS.items():
            marker = os.sep + os.path.join('src', layer) + os.sep
            entry = next((e for e in entries
                          if marker in os.path.normpath(os.path.join(e['directory'], e['file']))
                          and f'libtandem-{layer}.a.p' in e['command']), None)
            if entry is None:
                failures.append(f'{layer}: no compile command for a file of src/{layer}')
                continue
            for header, should_compile in [(h, True) for h in allowed] + [(h, False) for h in forbidden]:
                include = header if header.startswith('<') else f'"{header}"'
                probe = os.path.join(tmp, f'probe-{layer}.c')
                with open(probe, 'w') as p:
                    p.write(f'#include "config.h"\n#include {include}\n'
                            'int tandem_layer_probe (void);\n'
                            'int tandem_layer_probe (void) { return 0; }\n')
                result = subprocess.run(probe_command(entry, probe), cwd=entry['directory'],
                                        capture_output=True, text=True)
                compiled = result.returncode == 0
                not_found = 'No such file or directory' in result.stderr
                ok = compiled if should_compile else (not compiled and not_found)
                what = 'compiles' if should_compile else 'is not found'
                print(f"{'ok' if ok else 'FAIL'}: {layer} including {header} {what}")
                if not ok:
                    failures.append(f'{layer} / {header}')
                    print(result.stderr.strip()[:2000])

    print(f'{len(failures)} failures')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
