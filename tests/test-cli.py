#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless command line: every bad input ends in one sentence on stderr and a non-zero
exit, and leaves nothing half-written; JSON export, import, export gives identical bytes.

Runs without a display. Usage: test-cli.py TANDEM SAMPLE.tandem
"""
import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

TANDEM, SAMPLE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def private_home():
    """Tandem writes recent files, caches and recovery copies under the user's folders: give it
    a scratch home of its own so that a test run never touches the developer's."""
    home = tempfile.mkdtemp(prefix='tandem-test-home-')
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ['HOME'] = home
    for name, sub in (('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                      ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
        os.environ[name] = os.path.join(home, sub)
        os.mkdir(os.environ[name])


private_home()


def run(*args, cwd):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    env['GSETTINGS_BACKEND'] = 'memory'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=env, capture_output=True, text=True)


def check(name, result, status, fragment=None, stream='stderr'):
    text = getattr(result, stream)
    ok = result.returncode == status and (fragment is None or fragment in text)
    print(f"{'ok' if ok else 'FAIL'}: {name}: exit {result.returncode}: {text.strip()}")
    if not ok:
        failures.append(name)


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-cli-')
    try:
        sample = os.path.join(tmp, 'sample.tandem')
        shutil.copy(SAMPLE, sample)

        check('--version', run('--version', cwd=tmp), 0, 'Tandem', stream='stdout')
        check('--check valid', run('--check', 'sample.tandem', cwd=tmp), 0, 'valid', stream='stdout')

        # Export, import, export: identical bytes.
        check('export', run('--export-json=a.json', 'sample.tandem', cwd=tmp), 0)
        check('import', run('--import-json=a.json', 'copy.tandem', cwd=tmp), 0)
        check('export again', run('--export-json=b.json', 'copy.tandem', cwd=tmp), 0)
        with open(os.path.join(tmp, 'a.json'), 'rb') as a, open(os.path.join(tmp, 'b.json'), 'rb') as b:
            same = a.read() == b.read()
        print(f"{'ok' if same else 'FAIL'}: export, import, export gives identical bytes")
        if not same:
            failures.append('round trip')

        # Bad inputs.
        with open(os.path.join(tmp, 'notes.tandem'), 'w') as f:
            f.write('meeting notes\n')
        open(os.path.join(tmp, 'empty.tandem'), 'w').close()
        with open(sample, 'rb') as f:
            data = f.read()
        with open(os.path.join(tmp, 'cut.tandem'), 'wb') as f:
            f.write(data[: len(data) // 2])
        db = sqlite3.connect(os.path.join(tmp, 'recipes.tandem'))
        db.execute('CREATE TABLE recipe (name TEXT)')
        db.commit()
        db.close()
        shutil.copy(sample, os.path.join(tmp, 'newer.tandem'))
        db = sqlite3.connect(os.path.join(tmp, 'newer.tandem'))
        db.execute('PRAGMA user_version = 99')
        db.commit()
        db.close()
        shutil.copy(sample, os.path.join(tmp, 'trigger.tandem'))
        db = sqlite3.connect(os.path.join(tmp, 'trigger.tandem'))
        db.execute('CREATE TRIGGER t AFTER INSERT ON condition BEGIN DELETE FROM project; END')
        db.commit()
        db.close()
        os.mkdir(os.path.join(tmp, 'folder.tandem'))
        with open(os.path.join(tmp, 'bad.json'), 'w') as f:
            f.write('{"format": "tandem", "version": 1, "project": {"id": "p", "title": 5}}')

        check('text file', run('--check', 'notes.tandem', cwd=tmp), 1, 'not a Tandem document')
        check('empty file', run('--check', 'empty.tandem', cwd=tmp), 1, 'empty')
        check('truncated file', run('--check', 'cut.tandem', cwd=tmp), 1, 'incomplete')
        check('other program', run('--check', 'recipes.tandem', cwd=tmp), 1, 'another program')
        check('newer version', run('--check', 'newer.tandem', cwd=tmp), 1, 'newer version')
        check('extra trigger', run('--check', 'trigger.tandem', cwd=tmp), 1, 'trigger')
        check('folder', run('--check', 'folder.tandem', cwd=tmp), 1, 'folder')
        check('missing', run('--check', 'missing.tandem', cwd=tmp), 1, 'does not exist')
        check('bad JSON import', run('--import-json=bad.json', 'out.tandem', cwd=tmp), 1, '/project/title')
        check('no half-written import', run('--check', 'out.tandem', cwd=tmp), 1, 'does not exist')
        check('export to a missing folder', run('--export-json=nowhere/x.json', 'sample.tandem', cwd=tmp), 1, 'does not exist')
        check('two commands', run('--check', '--export-json=x.json', 'sample.tandem', cwd=tmp), 2, 'one of')
        check('no file', run('--check', cwd=tmp), 2, 'exactly one FILE')
        check('two files', run('--check', 'a', 'b', cwd=tmp), 2, 'exactly one FILE')
        check('unknown option', run('--frobnicate', cwd=tmp), 1, 'Unknown option')

        leftovers = [n for n in os.listdir(tmp) if n.startswith('.')]
        print(f"{'ok' if not leftovers else 'FAIL'}: no temporary files left: {leftovers}")
        if leftovers:
            failures.append('leftovers')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
