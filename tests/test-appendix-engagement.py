#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The engagement evidence in the PCBC appendix (issue 11), through the real command line: the
engagement log by stage, the reach of groups with the gaps, the ladder profile beside T5 and
"you said, we did", chosen with --pdf-parts; evidence that points to a theme; quotes only with
consent; a project with no engagement record. Checks the text with pdftotext.
Usage: test-appendix-engagement.py TANDEM SAMPLE_JSON
"""
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

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
    print(f"{'ok' if ok else 'FAIL'}: {name}{': ' + detail if detail and not ok else ''}")
    if not ok:
        failures.append(name)


def run(*args, cwd):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e['GSETTINGS_BACKEND'] = 'memory'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=e, capture_output=True, text=True)


class Text(str):
    """pdftotext's text, compared without spaces and hyphens: words in table cells break over
    lines, and pdftotext joins "self-" and "assessment" as "selfassessment"."""

    def __contains__(self, wanted):
        return squash(wanted) in squash(str(self))

    def count(self, wanted):
        return squash(str(self)).count(squash(wanted))


def squash(text):
    return re.sub(r'[\s\-\u00ad\u00ac]', '', text)


def text_of(pdf):
    out = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True, check=True).stdout
    return Text(out)


def export(tmp, name, data, *args):
    with open(os.path.join(tmp, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False)
    r = run(f'--import-json={name}.json', name + '.tandem', cwd=tmp)
    check(f'{name}: imports', r.returncode == 0, r.stderr)
    r = run(f'--export-pdf={name}.pdf', *args, name + '.tandem', cwd=tmp)
    check(f'{name}: exports', r.returncode == 0, r.stderr)
    return text_of(os.path.join(tmp, name + '.pdf')) if r.returncode == 0 else Text('')


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-appendix-engagement-')
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    with open(SAMPLE_JSON, encoding='utf-8') as f:
        sample = json.load(f)

    # A quote given without consent, linked to a theme, must not print.
    secret = next(q for j in sample['project']['journeys'] for m in j['maps'] for s in m['steps']
                  for q in s.get('quotes', []) if not q['consent'])
    sample['project']['themes'][0]['links'].append({'id': 'secret-link', 'target': secret['id']})

    text = export(tmp, 'sample', sample, '--pdf-parts=engagement,reach,ladder,you-said')
    for heading in ('Engagement evidence', 'Engagement log by stage', 'Reach of groups, and the gaps',
                    'Ladder of co-production: the record beside the claim', 'You said, we did'):
        check(f'heading “{heading}”', heading in text)
    check('the log counts activities and people, names none',
          '11 activities, with 917 people taking part. Tandem keeps counts only, never names or '
          'contact details.' in text)
    check('the log is by stage, with a captioned table for each',
          'Engagement activities at the stage “Case for change”' in text and
          'Engagement activities at the stage “Consultation”' in text)
    check('an activity prints with its method, place, people and support',
          'Outreach visit to the night shelter' in text and 'Riverside night shelter' in text and
          'Evening or weekend time' in text)
    check('stages without activities are named',
          'No activity is recorded at these stages: Decision, Implementation, Evaluation.' in text)
    check('the gap the board should notice, in words',
          'People experiencing homelessness: among those most affected; not reached before '
          'consultation (first reached at: Consultation).' in text)
    check('a group never reached is named', 'Vulnerable migrants: not reached at any stage.' in text)
    check('the reach table has its caption', 'Groups against stages: the number of activities' in text)
    check('the ladder profile shows where the claim and the record disagree',
          'At 2 stages the rungs recorded for the activities and the self-assessment disagree.' in text
          and 'Disagree: The self-assessment claims Co-production, but the highest rung any activity '
          'reached is Engaging.' in text)
    check('the ladder profile shows where they agree',
          'The record bears out the self-assessment (Co-design).' in text)
    check('you said, we did: the responses counted',
          '6 themes: 2 adopted, 1 partly adopted, 1 not adopted, 1 still being considered, 1 '
          'without a response.' in text)
    check('a theme without a response or feedback is flagged',
          'Somewhere to wait for people sleeping rough: No response recorded; Not fed back to the '
          'people who took part.' in text)
    check('a theme not adopted prints its reason',
          'Two sites would need two teams of GPs in the evening' in text)
    check('a consented quote linked to a theme prints', 'Two buses with a poorly toddler' in text)
    check('a quote without consent never prints', secret['text'] not in text)
    check('the steps that carry a change are named',
          'Carried by the after-map steps: Travels to the hospital at the booked time' in text)
    check('when and how it was fed back', '25 November 2026' in text and 'Not yet fed back' in text)
    check('the contents list the new parts',
          text.count('Reach of groups, and the gaps') >= 2 and text.count('You said, we did') >= 2)
    check('other parts are left out when not chosen', 'The board’s view' not in text)

    # Only the reach.
    text = export(tmp, 'reach', sample, '--pdf-parts=reach')
    check('--pdf-parts=reach has the reach', 'Reach of groups, and the gaps' in text)
    check('--pdf-parts=reach has no log, ladder or table of themes',
          'Engagement log by stage' not in text and 'Ladder of co-production' not in text and
          'You said, we did' not in text)

    # Evidence that points to a theme, in the checklist answers.
    text = export(tmp, 'answers', sample, '--pdf-parts=checklists')
    check('evidence that points to a theme prints as a cross-reference',
          'One visit, not three — a theme of “You said, we did” (not in this appendix)' in text)
    check('no engagement part when not chosen', 'Engagement log by stage' not in text)

    # With "you said, we did" in the appendix, the evidence names its page, which holds it.
    text = export(tmp, 'pages', sample, '--pdf-parts=checklists,you-said')
    found = re.search(r'One visit, not three — see “You said, we did”, page (\d+)', str(text))
    check('evidence that points to a theme names the page of “You said, we did”', found is not None)
    if found:
        page = subprocess.run(['pdftotext', '-f', found.group(1), '-l', found.group(1),
                               os.path.join(tmp, 'pages.pdf'), '-'],
                              capture_output=True, text=True, check=True).stdout
        check('that page holds “You said, we did”', 'You said, we did' in page)

    # A project without an engagement record says so.
    empty = {'format': 'tandem', 'version': 6, 'project': {'id': 'p', 'title': 'Empty'}}
    text = export(tmp, 'empty', empty, '--pdf-parts=engagement,reach,ladder,you-said')
    check('a project with no record says so',
          'No engagement activities, groups or themes are recorded in this project.' in text)

    # A wrong part name lists the new ones.
    r = run('--export-pdf=x.pdf', '--pdf-parts=yousaid', 'sample.tandem', cwd=tmp)
    check('an unknown part is refused and the new parts are listed',
          r.returncode != 0 and '“yousaid” is not a part of the appendix' in r.stderr and
          'you-said' in r.stderr and 'reach' in r.stderr and 'ladder' in r.stderr, r.stderr)

    if failures:
        print(f'{len(failures)} failed: {", ".join(failures)}')
        sys.exit(1)


main()
