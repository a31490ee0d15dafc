#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless command line: every bad input ends in one sentence on stderr and a non-zero
exit, and leaves nothing half-written; JSON export, import, export gives identical bytes.

Runs without a display. Usage: test-cli.py TANDEM SAMPLE.tandem
"""
import atexit
import os
import hashlib
import json
import resource
import shutil
import signal
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


def run(*args, cwd, max_file_size=None):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    env['GSETTINGS_BACKEND'] = 'memory'

    def full_disk():
        # No file may grow past max_file_size: every write beyond it fails with EFBIG, as on a
        # full disk, instead of killing the process with SIGXFSZ.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_size, max_file_size))

    return subprocess.run([TANDEM, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          preexec_fn=full_disk if max_file_size is not None else None)


def check_unchanged(name, path, before):
    with open(path, 'rb') as f:
        ok = f.read() == before
    print(f"{'ok' if ok else 'FAIL'}: {name}: the existing file is unchanged")
    if not ok:
        failures.append(name + ' unchanged')


def fill(folder):
    """Takes every free byte of the file system that holds folder."""
    fd = os.open(os.path.join(folder, 'filler'), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b'\0' * 4096) > 0:
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def full_filesystem_cases(tmp):
    """The same writers on a real file system with no space left, where mounting is allowed."""
    mount = os.path.join(tmp, 'small-disk')
    os.mkdir(mount)
    if subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount],
                      capture_output=True).returncode != 0:
        print('skip: a small tmpfs cannot be mounted here; the RLIMIT_FSIZE cases cover this')
        return
    try:
        for name in ('sample.tandem', 'a.json'):
            shutil.copy(os.path.join(tmp, name), mount)
        for name, target, args in FULL_DISK_CASES:
            path = os.path.join(mount, target)
            before = b'the work of last week\n'
            if target == 'old.tandem':
                with open(os.path.join(mount, 'sample.tandem'), 'rb') as f:
                    before = f.read()
            with open(path, 'wb') as f:
                f.write(before)
            fill(mount)
            result = run(*args, cwd=mount)
            os.unlink(os.path.join(mount, 'filler'))
            check('tmpfs ' + name, result, 1, 'not enough space')
            check_unchanged('tmpfs ' + name, path, before)
            leftovers = [n for n in os.listdir(mount) if n.startswith('.')]
            if leftovers:
                print(f'FAIL: tmpfs {name}: temporaries left: {leftovers}')
                failures.append('tmpfs leftovers')
    finally:
        # Even when a check above raised, the mount must not outlive the test.
        subprocess.run(['umount', '-l', mount])


FULL_DISK_CASES = [
    ('full disk: --export-json', 'old.json', ['--export-json=old.json', 'sample.tandem']),
    ('full disk: --export-pdf', 'old.pdf', ['--export-pdf=old.pdf', 'sample.tandem']),
    ('full disk: --export-map', 'old.png', ['--export-map=old.png', 'sample.tandem']),
    ('full disk: --import-json', 'old.tandem', ['--import-json=a.json', 'old.tandem']),
    ('full disk: --export-csv', 'old.csv', ['--export-csv=old.csv', 'sample.tandem']),
]


def full_disk_cases(tmp):
    """Every writer, with the disk full: a sentence, exit 1, the old file as it was."""
    cases = FULL_DISK_CASES
    for name, target, args in cases:
        path = os.path.join(tmp, target)
        before = b'the work of last week\n' * 2
        if target == 'old.tandem':
            with open(os.path.join(tmp, 'sample.tandem'), 'rb') as f:
                before = f.read()
        with open(path, 'wb') as f:
            f.write(before)
        # The PDF fails part-way through its pages, where cairo used to abort.
        limit = 100 * 1024 if target == 'old.pdf' else len(before) // 2
        result = run(*args, cwd=tmp, max_file_size=limit)
        check(name, result, 1, 'not enough space')
        if result.returncode < 0:
            print(f'FAIL: {name}: killed by signal {-result.returncode}')
            failures.append(name + ' signal')
        check_unchanged(name, path, before)


def symlink_cases(tmp):
    """Writing through a symbolic link replaces the file it points to and keeps the link."""
    os.mkdir(os.path.join(tmp, 'real'))
    real = os.path.join(tmp, 'real', 'shared.json')
    with open(real, 'w') as f:
        f.write('old')
    os.chmod(real, 0o640)
    os.symlink('real/shared.json', os.path.join(tmp, 'link.json'))
    check('export through a symlink', run('--export-json=link.json', 'sample.tandem', cwd=tmp), 0)
    with open(real) as f:
        updated = f.read().startswith('{')
    kept = os.path.islink(os.path.join(tmp, 'link.json'))
    mode = os.stat(real).st_mode & 0o777
    ok = updated and kept and mode == 0o640
    print(f"{'ok' if ok else 'FAIL'}: symlink kept ({kept}), target updated ({updated}), "
          f"mode kept ({oct(mode)})")
    if not ok:
        failures.append('symlink')
    leftovers = [n for n in os.listdir(os.path.join(tmp, 'real')) if n.startswith('.')]
    if leftovers:
        print(f'FAIL: temporaries left beside the link target: {leftovers}')
        failures.append('symlink leftovers')


def csv_cases(tmp):
    """--export-csv: activities or themes as CSV for Excel; bad choices get a sentence."""
    check('--export-csv', run('--export-csv=log.csv', 'sample.tandem', cwd=tmp), 0)
    with open(os.path.join(tmp, 'log.csv'), 'rb') as f:
        data = f.read()
    ok = (data.startswith(b'\xef\xbb\xbf"Activity","Date","Stage"') and data.endswith(b'\r\n')
          and b'"Outreach visit to the night shelter","2026-09-16","Consultation"' in data)
    print(f"{'ok' if ok else 'FAIL'}: activities CSV has a BOM, the header, CRLF and the rows")
    if not ok:
        failures.append('activities csv')
    check('--export-csv --csv=themes',
          run('--export-csv=themes.csv', '--csv=themes', 'sample.tandem', cwd=tmp), 0)
    with open(os.path.join(tmp, 'themes.csv'), 'rb') as f:
        ok = f.read().startswith(b'\xef\xbb\xbf"Theme","What people said"')
    print(f"{'ok' if ok else 'FAIL'}: themes CSV has a BOM and the header")
    if not ok:
        failures.append('themes csv')
    check('--csv=people', run('--export-csv=x.csv', '--csv=people', 'sample.tandem', cwd=tmp), 2,
          '--csv=themes')
    check('--csv alone', run('--csv=themes', 'sample.tandem', cwd=tmp), 2, 'give --export-csv')
    check('--export-csv to a missing folder',
          run('--export-csv=nowhere/x.csv', 'sample.tandem', cwd=tmp), 1, 'does not exist')


def check(name, result, status, fragment=None, stream='stderr'):
    text = getattr(result, stream)
    ok = result.returncode == status and (fragment is None or fragment in text)
    print(f"{'ok' if ok else 'FAIL'}: {name}: exit {result.returncode}: {text.strip()}")
    if not ok:
        failures.append(name)


def same_bytes(path, data):
    with open(path, 'rb') as f:
        return f.read() == data


def hostile_inputs(tmp, sample):
    """Issue 8: inputs that crashed, hung or read without bound. Each gets its sentence, and
    an existing OUT is left as it was."""
    keep = os.path.join(tmp, 'keep.tandem')
    shutil.copy(sample, keep)
    with open(keep, 'rb') as f:
        kept = f.read()

    brackets = '[' * 100000 + ']' * 100000
    for name, text in (('comment.json', '/*"*/' + brackets), ('quote.json', '[\'"\',' + brackets),
                       ('nul.json', '{"format":"tandem","version":1,"project":{"id":"p","title":"a\\u0000b"}}')):
        with open(os.path.join(tmp, name), 'w') as f:
            f.write(text)
    os.mkfifo(os.path.join(tmp, 'pipe.json'))

    cases = (
        ('comment hiding brackets', 'comment.json', 'comments are not allowed in JSON'),
        ('single quote hiding brackets', 'quote.json', 'not single quotes'),
        ('\\u0000 in text', 'nul.json', 'does not accept in text'),
        ('/dev/zero', '/dev/zero', '“zero” is a device, not a Tandem JSON file'),
        ('a FIFO', 'pipe.json', '“pipe.json” is a pipe, not a Tandem JSON file'),
        ('a folder', '.', 'is a folder, not a Tandem JSON file'),
    )
    for name, path, fragment in cases:
        try:
            # The timeout only turns a hang into a failure; a refusal is immediate.
            result = subprocess.run([TANDEM, f'--import-json={path}', 'keep.tandem'], cwd=tmp,
                                    capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            print(f"FAIL: import {name}: still running after 60 s")
            failures.append(name)
            continue
        check(f'import {name}', result, 1, fragment)
        if not same_bytes(keep, kept):
            print(f"FAIL: import {name} changed keep.tandem")
            failures.append(f'{name} kept')

    # An attached file changed behind Tandem's back is caught on open, not on a later import
    # of what Tandem itself exported.
    changed = os.path.join(tmp, 'changed.tandem')
    shutil.copy(sample, changed)
    db = sqlite3.connect(changed)
    db.execute("UPDATE blob SET data = CAST('changed' AS BLOB)")
    db.commit()
    db.close()
    check('changed attachment', run('--check', 'changed.tandem', cwd=tmp), 1,
          'has been changed since Tandem saved it')
    check('no export of a changed attachment',
          run('--export-json=changed.json', 'changed.tandem', cwd=tmp), 1, 'SHA-256')

    for version, fragment in (('0', 'file format 0,'), ('-1', 'file format -1,'),
                              ('99999999999999999999999', 'file format 0,')):
        path = os.path.join(tmp, 'version.tandem')
        shutil.copy(sample, path)
        db = sqlite3.connect(path)
        db.execute(f'PRAGMA user_version = {version}')
        db.commit()
        db.close()
        check(f'user_version {version}', run('--check', 'version.tandem', cwd=tmp), 1, fragment)


def put(text):
    data = text.encode('utf-8')
    return str(len(data)).encode() + b':' + data + b'\n'


def answer(doc, index, field, value, who, when):
    """Gives item index of the first checklist a new value, with an audit entry linked onto its
    chain as Tandem makes them (help/C/checklist-trust.page), so the copy verifies."""
    checklist = doc['project']['checklists'][0]
    items = [item for section in checklist['sections'] for item in section['items']]
    item = items[index]
    prev = checklist['audit'][-1]['hash'] if checklist['audit'] else ''
    entry = {'id': f'{who}-{field}-{index}-{when}', 'timestamp': when, 'who': who,
             'subject_id': item['id'], 'subject': item['question'], 'field': field.replace('_', '-'),
             'old_value': item[field], 'new_value': value, 'role': 'Board member', 'origin': '',
             'prev_hash': prev}
    digest = hashlib.sha256()
    for part in ('tandem-audit-1', prev, when, who, 'Board member', '', entry['subject'],
                 entry['field'], entry['old_value'], value):
        digest.update(put(part))
    entry['hash'] = digest.hexdigest()
    item[field] = value
    checklist['audit'].append(entry)
    checklist['audit_head'] = entry['hash']


def write_copy(tmp, doc, name):
    with open(os.path.join(tmp, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(doc, f)
    result = run(f'--import-json={name}.json', name + '.tandem', cwd=tmp)
    check(f'make {name}', result, 0)
    return os.path.join(tmp, name + '.tandem')


def merge_cases(tmp):
    """--merge: a board secretary collecting copies by email."""
    check('export for merge', run('--export-json=base.json', 'sample.tandem', cwd=tmp), 0)
    with open(os.path.join(tmp, 'base.json'), encoding='utf-8') as f:
        base = json.load(f)

    def derive():
        return json.loads(json.dumps(base))

    ours = derive()
    answer(ours, 2, 'comments', 'Chair: ask for the survey data.', 'Chair', '2026-11-20T10:00:00Z')
    write_copy(tmp, ours, 'board')
    a = derive()
    answer(a, 1, 'comments', 'Asked twice.', 'Asha Patel', '2026-11-21T10:00:00Z')
    write_copy(tmp, a, 'asha')
    b = derive()
    answer(b, 2, 'comments', 'Ben: the data is in the appendix.', 'Ben Osei', '2026-11-22T10:00:00Z')
    answer(b, 3, 'owner', 'Ben Osei', 'Ben Osei', '2026-11-22T10:05:00Z')
    write_copy(tmp, b, 'ben')

    # Only Asha changed question 2: taken, in the trail as hers, from her file.
    result = run('--merge=asha.tandem', 'board.tandem', cwd=tmp)
    check('merge one copy', result, 0, 'Merged into “board.tandem”: copies 1, answers taken 1, sign-offs',
          stream='stdout')
    check('merged file verifies', run('--check', 'board.tandem', cwd=tmp), 0)
    check('export merged', run('--export-json=merged.json', 'board.tandem', cwd=tmp), 0)
    with open(os.path.join(tmp, 'merged.json'), encoding='utf-8') as f:
        merged = json.load(f)
    checklist = merged['project']['checklists'][0]
    items = [item for section in checklist['sections'] for item in section['items']]
    last = checklist['audit'][-1]
    ok = (items[1]['comments'] == 'Asked twice.' and last['who'] == 'Asha Patel' and
          last['origin'] == 'merge: asha.tandem' and last['field'] == 'comments')
    print(f"{'ok' if ok else 'FAIL'}: the merged answer is in the trail as Asha's, from her file")
    if not ok:
        failures.append('merge provenance')

    # Ben changed question 3 as the board's copy did: a conflict, kept as board.tandem has it,
    # one line for it; his owner of question 4 is taken. Exit 5.
    result = run('--merge=asha.tandem', '--merge=ben.tandem', 'board.tandem', cwd=tmp)
    check('merge with a conflict', result, 5, 'conflict: ben.tandem:', stream='stdout')
    conflicts = [line for line in result.stdout.splitlines() if line.startswith('conflict:')]
    ok = (len(conflicts) == 1 and 'Comments' in conflicts[0] and
          'kept “Chair: ask for the survey data.”' in conflicts[0] and
          'copies 2, answers taken 1, sign-offs brought in 0, checklists brought in 0, conflicts kept as “board.tandem” had them 1.' in result.stdout)
    print(f"{'ok' if ok else 'FAIL'}: one line per conflict and a summary: {result.stdout!r}")
    if not ok:
        failures.append('merge conflict lines')
    check('merged with conflicts verifies', run('--check', 'board.tandem', cwd=tmp), 0)
    check('export merged again', run('--export-json=merged2.json', 'board.tandem', cwd=tmp), 0)
    with open(os.path.join(tmp, 'merged2.json'), encoding='utf-8') as f:
        merged = json.load(f)
    items = [item for section in merged['project']['checklists'][0]['sections']
             for item in section['items']]
    ok = (items[2]['comments'] == 'Chair: ask for the survey data.' and
          items[3]['owner'] == 'Ben Osei')
    print(f"{'ok' if ok else 'FAIL'}: the conflict kept the board's value, the rest was taken")
    if not ok:
        failures.append('merge values')

    # Refusals leave FILE exactly as it was.
    with open(os.path.join(tmp, 'board.tandem'), 'rb') as f:
        before = f.read()
    other = derive()
    other['project']['id'] = 'another-project'
    other['project']['title'] = 'Another project'
    write_copy(tmp, other, 'other-project')
    check('merge a different project', run('--merge=other-project.tandem', 'board.tandem', cwd=tmp),
          1, 'It is a different project (“Another project”)')
    check_unchanged('merge a different project', os.path.join(tmp, 'board.tandem'), before)
    version = derive()
    version['project']['checklists'][0]['template_version'] += 1
    write_copy(tmp, version, 'other-version')
    check('merge another template version',
          run('--merge=asha.tandem', '--merge=other-version.tandem', 'board.tandem', cwd=tmp), 1,
          'from the same template version. Nothing was written.')
    check_unchanged('merge another template version', os.path.join(tmp, 'board.tandem'), before)
    check('merge a missing copy', run('--merge=nobody.tandem', 'board.tandem', cwd=tmp), 1,
          'does not exist')
    check_unchanged('merge a missing copy', os.path.join(tmp, 'board.tandem'), before)
    check('merge and check', run('--merge=asha.tandem', '--check', 'board.tandem', cwd=tmp), 2,
          'one of')


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

        # A project from an older Tandem with a link to a file is valid: it opens with the link
        # kept as text, and --check says so in a note. Its JSON holds the text, and imports.
        shutil.copy(sample, os.path.join(tmp, 'older-links.tandem'))
        db = sqlite3.connect(os.path.join(tmp, 'older-links.tandem'))
        db.execute("UPDATE evidence_link SET uri = 'file:///home/ann/minutes.odt' WHERE target = ''")
        db.commit()
        db.close()
        check('--check older links', run('--check', 'older-links.tandem', cwd=tmp), 0,
              '1 link to a file, which Tandem keeps as text')
        check('export older links',
              run('--export-json=older.json', 'older-links.tandem', cwd=tmp), 0)
        with open(os.path.join(tmp, 'older.json'), encoding='utf-8') as f:
            text = f.read()
        kept = ('opens only web and mail links: Healthwatch Riverside: Waiting to be seen '
                '(fictional) (file:///home/ann/minutes.odt)' in text
                and '"uri" : "file:' not in text)
        print(f"{'ok' if kept else 'FAIL'}: the link is text in the exported JSON")
        if not kept:
            failures.append('older links in JSON')
        check('import older links',
              run('--import-json=older.json', 'older-copy.tandem', cwd=tmp), 0)

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

        # A checklist's history changed outside Tandem: still opens, but --check says so in
        # one sentence and exits 4; a forged JSON imports (nothing lost) with the same sentence.
        shutil.copy(sample, os.path.join(tmp, 'forged.tandem'))
        db = sqlite3.connect(os.path.join(tmp, 'forged.tandem'))
        forged_rows = db.execute("UPDATE audit_entry SET new_value = 'not-met' "
                                 "WHERE rowid = (SELECT min(rowid) FROM audit_entry)").rowcount
        db.commit()
        db.close()
        print(f"{'ok' if forged_rows == 1 else 'FAIL'}: the sample has an audit trail to forge")
        if forged_rows != 1:
            failures.append('sample audit trail')
        check('forged history', run('--check', 'forged.tandem', cwd=tmp), 4, 'changed outside Tandem')
        check('forged history exports', run('--export-json=forged.json', 'forged.tandem', cwd=tmp), 0)
        check('forged JSON imports, said', run('--import-json=forged.json', 'reforged.tandem', cwd=tmp), 0,
              'changed outside Tandem')
        check('forged JSON stays marked', run('--check', 'reforged.tandem', cwd=tmp), 4, 'cannot be verified')

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

        csv_cases(tmp)
        merge_cases(tmp)
        full_disk_cases(tmp)
        full_filesystem_cases(tmp)
        symlink_cases(tmp)
        hostile_inputs(tmp, sample)

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
