#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing lost: type into the real Tandem, kill it, start it again and recover the work.

Drives the real application through the accessibility tree (dogtail) under Xvfb and a private
D-Bus session. Every wait is for something observable, with a deadline; nothing sleeps to pass.
Usage: test-recovery.py TANDEM SAMPLE.tandem
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from dogtail import config
config.config.checkForA11y = False
config.config.searchCutoffCount = 30
config.config.defaultDelay = 0.1
config.config.logDebugToFile = False
from dogtail import tree                      # noqa: E402
from dogtail.rawinput import typeText         # noqa: E402

TANDEM, SAMPLE = sys.argv[1], sys.argv[2]


def wait_for(what, predicate, seconds=30):
    # build-aux/test --sanitize runs everything several times slower and says by how much.
    deadline = time.monotonic() + seconds * float(os.environ.get('TANDEM_TEST_TIME_SCALE', '1'))
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def find_app():
    for app in tree.root.applications():
        if app.name == 'tandem':
            return app
    return None


def frames(app):
    return [c for c in app.children if c.roleName == 'frame']


def main():
    scratch = tempfile.mkdtemp(prefix='tandem-recovery-')
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = os.path.join(scratch, 'data')
    env['XDG_CONFIG_HOME'] = os.path.join(scratch, 'config')
    env['GSETTINGS_BACKEND'] = 'memory'
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    recovery_dir = os.path.join(env['XDG_DATA_HOME'], 'tandem', 'recovery')
    project = os.path.join(scratch, 'project.tandem')
    shutil.copy(SAMPLE, project)
    with open(project, 'rb') as f:
        original = f.read()

    first = subprocess.Popen([TANDEM, project], env=env)
    second = None
    try:
        app = wait_for('Tandem to appear on the accessibility bus', find_app)
        frame = wait_for('the window', lambda: frames(app)[0])
        assert not frame.name.startswith('*'), frame.name

        title = wait_for('the Title field',
                         lambda: app.findChild(lambda n: n.roleName == 'text' and n.name == 'Title',
                                               retry=False))
        title.click()
        typeText(' (edited in the workshop)')
        wait_for('the unsaved-changes marker', lambda: frames(app)[0].name.startswith('*'))

        # Wait until a recovery copy holds the whole edit, however long typing took: the copy
        # is rewritten a few seconds after each change, so an early one may hold only part.
        def copy_with_edit():
            for name in os.listdir(recovery_dir):
                if not name.endswith('.tandem'):
                    continue
                path = os.path.join(recovery_dir, name)
                probe = os.path.join(scratch, 'probe.json')
                result = subprocess.run([TANDEM, f'--export-json={probe}', path], env=env,
                                        capture_output=True)
                if result.returncode == 0:
                    with open(probe) as f:
                        if '(edited in the workshop)' in f.read():
                            return path
            return None

        recovered_file = wait_for('a recovery copy that holds the edit', copy_with_edit)

        first.send_signal(signal.SIGKILL)
        first.wait()

        with open(project, 'rb') as f:
            assert f.read() == original, 'the file on disk changed without a save'

        exported = os.path.join(scratch, 'recovered.json')
        subprocess.run([TANDEM, f'--export-json={exported}', recovered_file], check=True, env=env)
        with open(exported) as f:
            assert '(edited in the workshop)' in f.read(), 'the recovery copy lacks the edit'

        second = subprocess.Popen([TANDEM], env=env)
        app = wait_for('Tandem to start again',
                       lambda: next((a for a in tree.root.applications()
                                     if a.name == 'tandem' and frames(a)), None))
        wait_for('the recovery dialog',
                          lambda: app.findChild(lambda n: n.name == 'Recover Unsaved Work?',
                                                retry=False))
        button = wait_for('the Recover button',
                          lambda: app.findChild(lambda n: n.roleName == 'push button'
                                                and 'Recover' in n.name,
                                                retry=False))
        button.click()
        wait_for('the recovered project, marked unsaved',
                 lambda: any(f.name.startswith('*project') for f in frames(app)))
        print('ok: recovered after a kill')
    finally:
        for p in (first, second):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == '__main__':
    main()
