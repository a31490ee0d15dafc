#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Personal data kept out (issue 11, point 9), through the command line: --check names each
NHS number, email address, phone number and postcode with where it is and exits 6; exports
warn the same way on stderr and still write; only a map's own journey is searched for
--export-map; the warnings never repeat what they found in full. Quotes given without consent
stay out of every export that shows words (appendix, map).

Runs without a display. Usage: test-personal-data-cli.py TANDEM SAMPLE.tandem
"""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

TANDEM, SAMPLE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []

home = tempfile.mkdtemp(prefix='tandem-test-home-')
atexit.register(shutil.rmtree, home, ignore_errors=True)
os.environ['HOME'] = home
for var, sub in (('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                 ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
    os.environ[var] = os.path.join(home, sub)
    os.mkdir(os.environ[var])

EMAIL = 'alice.jones@example.com'
PHONE = '07700 900123'
NHS = '943 476 5919'
POSTCODE = 'LS1 4AP'
SECRET_QUOTE = 'UNCONSENTEDWORDS nobody may read this'


def run(*args, cwd):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    env['GSETTINGS_BACKEND'] = 'memory'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=env, capture_output=True, text=True)


def check(name, ok, detail=''):
    print(f"{'ok' if ok else 'FAIL'}: {name}")
    if not ok:
        if detail:
            print('   ' + detail.replace('\n', '\n   '))
        failures.append(name)


def check_run(name, result, status, contains=(), absent=()):
    detail = f'status {result.returncode}\nstderr: {result.stderr}\nstdout: {result.stdout}'
    check(f'{name}: exit {status}', result.returncode == status, detail)
    for fragment in contains:
        check(f'{name}: says {fragment!r}', fragment in result.stderr, detail)
    for fragment in absent:
        check(f'{name}: does not say {fragment!r}', fragment not in result.stderr, detail)


def make_project(tmp):
    """The sample with personal data typed into an activity, a theme and a quote, and a quote
    without consent on the first journey."""
    result = run('--export-json=sample.json', 'sample.tandem', cwd=tmp)
    check('export the sample', result.returncode == 0, result.stderr)
    with open(os.path.join(tmp, 'sample.json')) as f:
        doc = json.load(f)
    project = doc['project']
    activity = project['activities'][0]
    activity['notes'] += f' Call-back list: {EMAIL}.'
    theme = project['themes'][0]
    theme['said'] += f' One parent asked us to ring {PHONE}.'
    journey = project['journeys'][0]
    step = journey['maps'][0]['steps'][0]
    step['quotes'][0]['text'] += f' My NHS number is {NHS}.'
    step['quotes'].append({'id': '7d0c3b5e-5a1f-4c59-9a49-3f3e1c0aff01', 'text': SECRET_QUOTE,
                           'speaker_role': 'Carer', 'consent': False, 'session': 'Session 9'})
    project['journeys'][0]['maps'][0]['notes'] = f'Walk-in centre at {POSTCODE}.'
    with open(os.path.join(tmp, 'personal.json'), 'w') as f:
        json.dump(doc, f)
    result = run('--import-json=personal.json', 'personal.tandem', cwd=tmp)
    check('import the project with personal data', result.returncode == 0, result.stderr)
    return (activity['title'], theme['title'], journey['title'], step['title'])


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-personal-')
    try:
        shutil.copy(SAMPLE, os.path.join(tmp, 'sample.tandem'))
        check_run('the sample holds no personal data', run('--check', 'sample.tandem', cwd=tmp), 0,
                  absent=('warning', 'personal data'))
        check_run('exporting the sample warns of nothing',
                  run('--export-pdf=sample.pdf', '--pdf-date=2026-03-01', 'sample.tandem', cwd=tmp),
                  0, absent=('warning',))

        activity, theme, journey, step = make_project(tmp)
        where_email = f'Activity “{activity}”, notes: an email address (a…@…)'
        where_phone = f'Theme “{theme}”, what people said: a telephone number (0770…)'
        where_nhs = f'Journey “{journey}”, a quote on step “{step}”, the words: an NHS number (943…)'
        where_postcode = f'Journey “{journey}”, before map, notes: a postcode (LS1 …)'
        every = (where_email, where_phone, where_nhs, where_postcode)
        in_full = (EMAIL, PHONE, NHS, POSTCODE)

        result = run('--check', 'personal.tandem', cwd=tmp)
        check_run('--check', result, 6,
                  contains=every + ('4 pieces of text that look like personal data',),
                  absent=in_full)
        lines = [l for l in result.stderr.splitlines() if l.startswith('tandem: warning:')]
        check('--check: one warning line per finding', len(lines) == 4, result.stderr)
        check('--check: nothing on stdout when not ready to share', result.stdout == '',
              result.stdout)

        result = run('--export-pdf=personal.pdf', '--pdf-date=2026-03-01', 'personal.tandem',
                     cwd=tmp)
        check_run('--export-pdf warns and writes', result, 0, contains=every, absent=in_full)
        check('--export-pdf: the appendix is written',
              os.path.getsize(os.path.join(tmp, 'personal.pdf')) > 0)
        text = subprocess.run(['pdftotext', 'personal.pdf', '-'], cwd=tmp, capture_output=True,
                              text=True).stdout.replace('\n', ' ')
        check('appendix: a quote without consent is not printed', 'UNCONSENTEDWORDS' not in text)

        result = run('--export-feedback=feedback.pdf', 'personal.tandem', cwd=tmp)
        check_run('--export-feedback warns and writes', result, 0, contains=every,
                  absent=in_full)
        check('--export-feedback: the report is written',
              os.path.getsize(os.path.join(tmp, 'feedback.pdf')) > 0)

        result = run('--export-json=out.json', 'personal.tandem', cwd=tmp)
        check_run('--export-json warns and writes', result, 0, contains=every, absent=in_full)
        with open(os.path.join(tmp, 'out.json')) as f:
            quotes = [q for s in json.load(f)['project']['journeys'][0]['maps'][0]['steps']
                      for q in s['quotes'] if q['text'] == SECRET_QUOTE]
        # JSON is the whole project, for Tandem to read back: the quote travels with its
        # consent flag, so every reader keeps it out of what is shown.
        check('JSON: a quote without consent keeps consent false',
              len(quotes) == 1 and quotes[0]['consent'] is False)

        for ext in ('svg', 'pdf'):
            result = run(f'--export-map=map.{ext}', '--journey=1', 'personal.tandem', cwd=tmp)
            check_run(f'--export-map .{ext} warns only of its journey', result, 0,
                      contains=(where_nhs, where_postcode), absent=(where_email, where_phone) + in_full)
        with open(os.path.join(tmp, 'map.svg'), encoding='utf-8', errors='replace') as f:
            check('map SVG: a quote without consent is not drawn', 'UNCONSENTEDWORDS' not in f.read())
        text = subprocess.run(['pdftotext', 'map.pdf', '-'], cwd=tmp, capture_output=True,
                              text=True).stdout
        check('map PDF: a quote without consent is not drawn', 'UNCONSENTEDWORDS' not in text)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f'{len(failures)} failed: ' + ', '.join(failures))
        sys.exit(1)


main()
