#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The feedback report for the people who took part (issue 11, point 7), through the real
command line --export-feedback: each theme with "You said", "We did" and "Why"; quotes only
with consent and never a name; body text 12 pt or larger; tagged like the appendix; and the
bad cases (a project with no themes, two commands at once, a folder that does not exist).
Usage: test-feedback-report.py TANDEM SAMPLE_JSON
"""
import atexit
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pikepdf

TANDEM = os.path.abspath(sys.argv[1])
SAMPLE_JSON = os.path.abspath(sys.argv[2])
failures = []


def private_home():
    home = tempfile.mkdtemp(prefix='tandem-test-home-')
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ['HOME'] = home
    for name, sub in (('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                      ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
        os.environ[name] = os.path.join(home, sub)
        os.mkdir(os.environ[name])


private_home()


def check(name, ok, detail=''):
    print(f"{'ok' if ok else 'FAIL'}: {name}{': ' + str(detail) if detail and not ok else ''}")
    if not ok:
        failures.append(name)


def run(*args, cwd):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e['GSETTINGS_BACKEND'] = 'memory'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=e, capture_output=True, text=True)


def squash(text):
    return re.sub(r'[\s\-\u00ad\u00ac]', '', text)


def text_of(pdf):
    return subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True,
                          check=True).stdout


def save(tmp, name, data):
    with open(os.path.join(tmp, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False)
    r = run(f'--import-json={name}.json', name + '.tandem', cwd=tmp)
    check(f'{name}: imports', r.returncode == 0, r.stderr)


def multiply(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def text_sizes(pdf_path):
    """(size in points, in an artifact) of every text-showing operator, from the content
    streams: the font size times the scale of the text and graphics matrices."""
    sizes = []
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            ctm = (1, 0, 0, 1, 0, 0)
            stack = []
            marks = []
            tm = (1, 0, 0, 1, 0, 0)
            font_size = 0
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == 'q':
                    stack.append(ctm)
                elif op == 'Q':
                    ctm = stack.pop()
                elif op == 'cm':
                    ctm = multiply(tuple(float(x) for x in operands), ctm)
                elif op in ('BDC', 'BMC'):
                    marks.append(str(operands[0]))
                elif op == 'EMC':
                    marks.pop()
                elif op == 'Tf':
                    font_size = float(operands[1])
                elif op == 'Tm':
                    tm = tuple(float(x) for x in operands)
                elif op in ('Tj', 'TJ', "'", '"'):
                    m = multiply(tm, ctm)
                    scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
                    sizes.append((round(font_size * scale, 2), '/Artifact' in marks))
    return sizes


def structure(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        root = pdf.Root
        kinds = []

        def walk(element):
            if isinstance(element, pikepdf.Dictionary) and '/S' in element:
                kinds.append(str(element.S))
                kids = element.get('/K')
                if isinstance(kids, pikepdf.Array):
                    for kid in kids:
                        walk(kid)
                elif kids is not None:
                    walk(kids)

        top = root.StructTreeRoot.get('/K')
        tops = list(top) if isinstance(top, pikepdf.Array) else [top]
        for kid in tops:
            walk(kid)
        prefs = root.get('/ViewerPreferences', {})
        return (str(root.get('/Lang', '')), bool(prefs.get('/DisplayDocTitle', False)),
                [str(k.S) for k in tops if isinstance(k, pikepdf.Dictionary)], kinds,
                str(pdf.docinfo.get('/Title', '')))


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-feedback-')
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)

    with open(SAMPLE_JSON, encoding='utf-8') as f:
        sample = json.load(f)
    project = sample['project']

    # Names the report must never print: staff on the board paper and a speaker named in a
    # quote's role; and a theme linked to a quote given without consent.
    project['report_author'] = 'Dr Quentin Oddname'
    project['executive_sponsor'] = 'Ms Zelda Sponsorname'
    # What happens next names the board meeting when the project has one.
    project['meeting'] = 'Riverside ICB board'
    project['meeting_date'] = '2027-01-14'
    quotes = {q['id']: q for j in project['journeys'] for m in j['maps'] for s in m['steps']
              for q in s.get('quotes', [])}
    consented = quotes['7d0c3b5e-5a1f-4c59-9a49-3f3e1c0a0462']
    consented['speaker_role'] = 'Mrs Rowena Nameless, parent'
    unconsented = quotes['7d0c3b5e-5a1f-4c59-9a49-3f3e1c0a0464']
    check('the sample has a quote without consent', unconsented['consent'] is False)
    project['themes'][0]['links'].append({'id': '7d0c3b5e-5a1f-4c59-9a49-3f3e1c0a0fff',
                                          'target': unconsented['id']})
    save(tmp, 'sample', sample)

    r = run('--export-feedback=feedback.pdf', 'sample.tandem', cwd=tmp)
    check('the sample exports', r.returncode == 0 and r.stderr == '', r.stderr)
    pdf = os.path.join(tmp, 'feedback.pdf')
    text = text_of(pdf)
    flat = squash(text)

    themes = project['themes']
    for theme in themes:
        check(f'theme “{theme["title"]}” appears', squash(theme['title']) in flat)
        check(f'what was said of “{theme["title"]}” appears', squash(theme['said']) in flat)
        if theme.get('reason'):
            check(f'the reason of “{theme["title"]}” appears', squash(theme['reason']) in flat)
    for heading in ('You said', 'We did', 'Why'):
        n = len(re.findall(rf'^{heading}$', text, re.M))
        check(f'“{heading}” once per theme', n == len(themes), f'{n} for {len(themes)} themes')
    check('not adopted says so', 'We did not change our plans.' in text)
    check('partly adopted says so', 'We changed part of our plans.' in text)
    check('what happens next', 'What happens next' in text)
    check('what happens next names the meeting and its date',
          squash('The Riverside ICB board will look at our plans and what you told us on '
                 '14 January 2027.') in flat)
    check('how to get in touch names the organisation',
          squash('contact the project team at ' + project['organisation']) in flat)

    check('a consented quote appears', squash(consented['text']) in flat)
    check('a quote without consent never appears', squash(unconsented['text']) not in flat)
    for name in ('Quentin', 'Oddname', 'Zelda', 'Sponsorname', 'Rowena', 'Nameless'):
        check(f'no name: “{name}”', name not in text)

    sizes = text_sizes(pdf)
    body = [s for s, artifact in sizes if not artifact]
    print(f'# smallest text {min(body, default=0)} pt, running heads {min(sizes, default=(0,))[0]} pt')
    check('text was found in the content', len(body) > 50, len(body))
    check('all text (not running heads) is 12 pt or larger', body and min(body) >= 12,
          body and min(body))
    check('the running heads are readable (10 pt)', all(s >= 9.9 for s, _ in sizes))

    lang, display_title, roots, kinds, title = structure(pdf)
    check('/Lang en-GB', lang == 'en-GB', lang)
    check('DisplayDocTitle', display_title)
    check('one Document root', roots == ['/Document'], roots)
    check('one H1', kinds.count('/H1') == 1, kinds.count('/H1'))
    check('an H2 per theme and for next steps and contact',
          kinds.count('/H2') == len(themes) + 2, kinds.count('/H2'))
    check('paragraphs are P', kinds.count('/P') > len(themes) * 3, kinds.count('/P'))
    check('the title says what it is', title.endswith('what you told us and what we did'), title)

    # No themes: a sentence and no file, not a report telling people nothing was recorded.
    empty = json.loads(json.dumps(sample))
    empty['project']['themes'] = []
    for c in empty['project']['checklists']:
        for s in c.get('sections', []):
            for i in s.get('items', []):
                i['links'] = [e for e in i.get('links', []) if not e.get('target')]
    save(tmp, 'empty', empty)
    r = run('--export-feedback=empty.pdf', 'empty.tandem', cwd=tmp)
    check('no themes: status 1', r.returncode == 1, r.returncode)
    check('no themes: one sentence saying what to do',
          'has no themes yet' in r.stderr and 'Add what people said as themes' in r.stderr and
          r.stderr.count('\n') == 1, r.stderr)
    check('no themes: nothing written', not os.path.exists(os.path.join(tmp, 'empty.pdf')))

    r = run('--export-feedback=a.pdf', '--export-pdf=b.pdf', 'sample.tandem', cwd=tmp)
    check('two commands: status 2', r.returncode == 2, r.returncode)
    check('two commands: a sentence naming the options', '--export-feedback' in r.stderr, r.stderr)

    r = run('--export-feedback=a.pdf', cwd=tmp)
    check('no file: status 2', r.returncode == 2, r.returncode)
    check('no file: a sentence', 'exactly one FILE' in r.stderr, r.stderr)

    r = run('--export-feedback=missing/a.pdf', 'sample.tandem', cwd=tmp)
    check('missing folder: status 1', r.returncode == 1, r.returncode)
    check('missing folder: a sentence', 'does not exist' in r.stderr, r.stderr)

    with open(os.path.join(tmp, 'bad.tandem'), 'w') as f:
        f.write('not a tandem file')
    r = run('--export-feedback=bad.pdf', 'bad.tandem', cwd=tmp)
    check('not a Tandem file: status 1 with a sentence', r.returncode == 1 and r.stderr.strip(),
          r.stderr)
    check('not a Tandem file: nothing written', not os.path.exists(os.path.join(tmp, 'bad.pdf')))

    # Written atomically: an existing file is replaced whole, and no temporary stays behind.
    check('no temporary file left', sorted(f for f in os.listdir(tmp) if f.startswith('.')) == [],
          os.listdir(tmp))

    if failures:
        print(f'{len(failures)} failed: {failures}')
        sys.exit(1)


main()
