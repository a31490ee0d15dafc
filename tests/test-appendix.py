#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The PCBC appendix, through the real command line: pages, metadata, text, outline and
links, long text flowing over pages, reproducible bytes, and bad inputs.

Builds a project as JSON, imports it with tandem --import-json, exports the appendix with
tandem --export-pdf, and checks the PDF with pdfinfo, pdftotext and qpdf.
Usage: test-appendix.py TANDEM
"""
import json
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

TANDEM = os.path.abspath(sys.argv[1])
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


def check(name, ok, detail=''):
    print(f"{'ok' if ok else 'FAIL'}: {name}{': ' + detail if detail and not ok else ''}")
    if not ok:
        failures.append(name)


def run(*args, cwd, env=None):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e['GSETTINGS_BACKEND'] = 'memory'
    e.pop('SOURCE_DATE_EPOCH', None)
    if env:
        e.update(env)
    return subprocess.run([TANDEM, *args], cwd=cwd, env=e, capture_output=True, text=True)


def ident():
    return str(uuid.uuid4())


WORDS = ("patients carers community evidence involvement engagement workshop transport "
         "appointment consultation feedback outcome experience equality access").split()


def long_text(n, seed):
    return ' '.join(WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(n))


def make_project():
    items = []
    questions = []
    statuses = ['met', 'partly-met', 'not-met', 'not-applicable', 'in-progress', 'not-started']
    for i in range(12):
        question = f"Question number {i + 1}: were people with lived experience equal partners in step {i + 1}?"
        questions.append(question)
        item = {'id': ident(), 'key': f'q{i + 1}', 'question': question,
                'status': statuses[i % len(statuses)],
                'evidence': f'Evidence for question {i + 1}: engagement report, section {i + 1}.',
                'owner': 'Head of engagement', 'due_date': '2026-10-01',
                'comments': f'Comment on question {i + 1}.'}
        if i == 2:
            item['action'] = 'Hold two more listening events with seldom-heard groups.'
            item['links'] = [{'id': ident(), 'uri': 'https://example.org/engagement-report.pdf',
                              'title': 'Engagement report'}]
        if i == 5:
            item['evidence'] = 'LONGSTART ' + long_text(5000, 5) + ' LONGEND'
        items.append(item)
    items.append({'id': ident(), 'key': 'beds', 'question': 'CONDITIONALQUESTION only when beds are reduced',
                  'condition': 'beds-reduced'})

    stage_ids = [ident() for _ in range(3)]
    lane_ids = [ident() for _ in range(2)]

    def step(title, stage, lane, order, wait, took, feeling, quotes=()):
        return {'id': ident(), 'title': title, 'role': 'Parent', 'place': 'Walk-in centre',
                'wait_minutes': wait, 'duration_minutes': took, 'feeling': feeling,
                'pain_point': feeling == 'very-bad', 'stage': stage_ids[stage],
                'lane': lane_ids[lane], 'order': order, 'quotes': list(quotes)}

    consented = {'id': ident(), 'text': 'CONSENTEDQUOTE we waited for hours', 'speaker_role': 'Parent',
                 'consent': True, 'session': 'Big Conversation session 2'}
    secret = {'id': ident(), 'text': 'UNCONSENTEDQUOTE do not print this', 'speaker_role': 'Carer',
              'consent': False, 'session': 'Session 1'}
    before_steps = [step('BEFORESTEPONE queue at the walk-in centre', 0, 0, 0, 120, 10, 'very-bad', [consented, secret]),
                    step('BEFORESTEPTWO sent to the GP', 1, 1, 0, 1440, 10, 'bad'),
                    step('BEFORESTEPTHREE seen by the GP', 2, 1, 0, 60, 15, 'neutral')]
    after_steps = [step('AFTERSTEPONE call NHS 111', 0, 0, 0, 5, 10, 'good'),
                   step('AFTERSTEPTWO booked visit', 2, 1, 0, 60, 20, 'good')]

    return {
        'format': 'tandem', 'version': 3,
        'project': {
            'id': ident(), 'title': 'Appendix test project', 'organisation': 'Test ICB',
            'programme': 'Tests', 'version': '1.2', 'summary': 'SUMMARYTEXT of the change.',
            'status': 'for-review', 'fictional': True,
            'conditions': [{'id': ident(), 'key': 'beds-reduced', 'label': 'Beds reduced', 'enabled': False}],
            'checklists': [{
                'id': ident(), 'title': 'Board assurance', 'decision': 'proceed-with-conditions',
                'decision_conditions': 'DECISIONCONDITIONS more engagement first.',
                'sections': [{'id': ident(), 'title': 'SECTIONONE Involvement', 'items': items[:7]},
                             {'id': ident(), 'title': 'SECTIONTWO Outcomes', 'items': items[7:]}],
                'signoffs': [
                    {'id': ident(), 'name': 'Jo Chair', 'role': 'Chair', 'date': '2026-11-01',
                     'declaration': 'I am satisfied.', 'signed_at': '2026-11-01T10:00:00Z',
                     'voided_at': '2026-11-02T09:00:00Z', 'void_reason': 'VOIDREASON an answer changed'},
                    {'id': ident(), 'name': 'Sam Member', 'role': 'Non-executive director',
                     'date': '2026-11-03', 'declaration': 'Satisfied.', 'signed_at': '2026-11-03T10:00:00Z'}],
            }, {'id': ident(), 'title': 'SECONDCHECKLIST Gunning principles',
                'sections': [{'id': ident(), 'title': 'SECONDSECTION', 'items': [
                    {'id': ident(), 'key': 'g1', 'question': 'SECONDQUESTION formative stage?'}]}]}],
            'journeys': [{
                'id': ident(), 'title': 'Feverish child', 'description': 'JOURNEYDESCRIPTION',
                'stages': [{'id': stage_ids[i], 'title': f'Stage {i + 1}'} for i in range(3)],
                'lanes': [{'id': lane_ids[i], 'title': f'Lane {i + 1}'} for i in range(2)],
                'maps': [{'id': ident(), 'side': 'before', 'steps': before_steps},
                         {'id': ident(), 'side': 'after', 'steps': after_steps}],
            }],
        },
    }, questions


def make_big_journey_project(stages, steps_per_stage):
    stage_ids = [ident() for _ in range(stages)]
    lane_ids = [ident() for _ in range(4)]
    steps = []
    n = 0
    for s in range(stages):
        for k in range(steps_per_stage):
            steps.append({'id': ident(), 'title': f'BIGSTEP{n:03d} a step with a title of some length',
                          'role': 'Parent', 'place': 'Walk-in centre', 'wait_minutes': 10,
                          'duration_minutes': 5, 'feeling': 'bad', 'stage': stage_ids[s],
                          'lane': lane_ids[k % 4], 'order': k})
            n += 1
    return {'format': 'tandem', 'version': 3, 'project': {
        'id': ident(), 'title': 'Big journey', 'journeys': [{
            'id': ident(), 'title': 'Big', 'stages': [{'id': i, 'title': f'Stage {j}'} for j, i in enumerate(stage_ids)],
            'lanes': [{'id': i, 'title': f'Lane {j}'} for j, i in enumerate(lane_ids)],
            'maps': [{'id': ident(), 'side': 'before', 'steps': steps},
                     {'id': ident(), 'side': 'after', 'steps': []}]}]}}


def page_texts(pdf, n_pages, cwd):
    texts = []
    for page in range(1, n_pages + 1):
        r = subprocess.run(['pdftotext', '-f', str(page), '-l', str(page), '-layout', pdf, '-'],
                           cwd=cwd, capture_output=True, text=True)
        texts.append(r.stdout)
    return texts


def links_and_outline(pdf):
    data = json.loads(subprocess.run(['qpdf', '--json=2', pdf], capture_output=True, text=True).stdout)
    objects = data['qpdf'][1]
    page_objects = [p['object'] for p in data['pages']]
    names = {}
    for value in objects.values():
        v = value.get('value')
        if isinstance(v, dict) and '/Names' in v and isinstance(v['/Names'], list):
            pairs = v['/Names']
            for i in range(0, len(pairs), 2):
                names[pairs[i]] = page_objects.index(pairs[i + 1][0]) + 1
    links = []
    for key, value in objects.items():
        v = value.get('value')
        if isinstance(v, dict) and v.get('/Subtype') == '/Link' and '/Dest' in v:
            links.append(names.get(v['/Dest']))
    outline = [(o['title'], o['destpageposfrom1']) for o in data['outlines']]

    def walk(items):
        for o in items:
            yield o['title'], o['destpageposfrom1']
            yield from walk(o['kids'])
    return links, list(walk(data['outlines'])), outline


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-appendix-')
    try:
        project, questions = make_project()
        with open(os.path.join(tmp, 'p.json'), 'w') as f:
            json.dump(project, f)
        r = run('--import-json=p.json', 'p.tandem', cwd=tmp)
        check('import the test project', r.returncode == 0, r.stderr)

        r = run('--export-pdf=a.pdf', '--pdf-date=2026-11-23', 'p.tandem', cwd=tmp)
        check('export the appendix', r.returncode == 0, r.stderr)
        pdf = os.path.join(tmp, 'a.pdf')

        info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
        fields = dict(line.split(':', 1) for line in info.splitlines() if ':' in line)
        fields = {k.strip(): v.strip() for k, v in fields.items()}
        n_pages = int(fields['Pages'])
        check('title metadata', 'Appendix test project' in fields.get('Title', ''), fields.get('Title'))
        check('author metadata', fields.get('Author') == 'Test ICB', fields.get('Author'))
        check('subject metadata', fields.get('Subject', '') != '')
        check('keywords metadata', 'PCBC' in fields.get('Keywords', ''))
        check('creator with version', fields.get('Creator', '').startswith('Tandem '), fields.get('Creator'))
        check('A4 portrait pages', '595.276 x 841.89' in fields.get('Page size', ''), fields.get('Page size'))
        check('tagged PDF', fields.get('Tagged') == 'yes')
        check('several pages', n_pages >= 8, str(n_pages))

        fonts = subprocess.run(['pdffonts', pdf], capture_output=True, text=True).stdout.splitlines()[2:]
        check('fonts embedded', fonts and all(' yes ' in f.split('Type')[-1] or f.split()[-5] == 'yes' for f in fonts),
              '\n'.join(fonts))

        qpdf = subprocess.run(['qpdf', '--check', pdf], capture_output=True, text=True)
        check('qpdf --check', qpdf.returncode == 0 and 'WARNING' not in qpdf.stdout + qpdf.stderr,
              qpdf.stdout + qpdf.stderr)

        texts = page_texts(pdf, n_pages, tmp)
        everything = '\n'.join(texts)
        flat = ' '.join(everything.split())
        for q in questions:
            check(f'question in the PDF: {q[:30]}', ' '.join(q.split()) in flat)
        check('conditional question left out while its condition is off', 'CONDITIONALQUESTION' not in flat)
        for word in ('SUMMARYTEXT', 'DECISIONCONDITIONS', 'VOIDREASON', 'Proceed with conditions',
                     'Jo Chair', 'Sam Member', 'JOURNEYDESCRIPTION', 'BEFORESTEPONE',
                     'AFTERSTEPTWO', 'Hand-offs', 'Total waiting', 'Places visited',
                     'Worst moment', 'A hand-off is counted', 'Engagement report', 'Hold two more listening events',
                     'Page 2 of', 'Fictional demonstration data', 'Contents'):
            check(f'text in the PDF: {word}', word in flat)
        # Format 5: the cover of a board paper, with only the fields the project has, and a
        # step with several votes, shown as their spread in the steps as text.
        cover = json.loads(json.dumps(project))
        cover['version'] = 5
        cover['project'].update({'meeting': 'COVERMEETING Riverside ICB Board', 'meeting_date': '2027-01-14',
                                 'agenda_item': '', 'report_author': 'COVERAUTHOR Asha Patel',
                                 'executive_sponsor': 'COVERSPONSOR Dr Lee', 'paper_purpose': 'assurance',
                                 'classification': 'OFFICIAL'})
        for m in cover['project']['journeys'][0]['maps']:
            for st in m['steps']:
                st['votes'] = [{'id': st['id'] + '-vote', 'feeling': st.pop('feeling')}]
        first = cover['project']['journeys'][0]['maps'][0]['steps'][0]
        first['votes'] += [{'id': ident(), 'feeling': 'bad', 'label': 'Parent A'},
                           {'id': ident(), 'feeling': 'good'}, {'id': ident(), 'feeling': 'very-bad'}]
        with open(os.path.join(tmp, 'cover.json'), 'w') as f:
            json.dump(cover, f)
        r = run('--import-json=cover.json', 'cover.tandem', cwd=tmp)
        check('import a format-5 project', r.returncode == 0, r.stderr)
        r = run('--export-pdf=cover.pdf', '--pdf-date=2026-11-23', 'cover.tandem', cwd=tmp)
        check('export it', r.returncode == 0, r.stderr)
        cover_texts = page_texts(os.path.join(tmp, 'cover.pdf'), 2, tmp)
        cover_page = ' '.join(cover_texts[0].split())
        for words in ('Meeting: COVERMEETING Riverside ICB Board', 'Meeting date: 14 January 2027',
                      'Report author: COVERAUTHOR Asha Patel', 'Executive sponsor: COVERSPONSOR Dr Lee',
                      'Purpose: For assurance', 'OFFICIAL'):
            check(f'cover says {words}', words in cover_page, cover_page)
        check('an empty cover field is left off', 'Agenda item' not in cover_page, cover_page)
        check('the classification is at the top and the foot', cover_page.count('OFFICIAL') == 2, cover_page)
        check('no board-paper fields on a cover without them',
              'Meeting' not in ' '.join(texts[0].split()) and 'Purpose' not in ' '.join(texts[0].split()),
              texts[0])
        cover_all = ' '.join(subprocess.run(['pdftotext', os.path.join(tmp, 'cover.pdf'), '-'],
                                            capture_output=True, text=True).stdout.split())
        check('the steps as text show the spread of votes',
              'Felt: Very bad (−2), the median of 4 votes: 2 Very bad, 1 Bad and 1 Good.' in cover_all,
              re.findall(r'Felt: [^.]*\.', cover_all)[:3])

        # The board's view comes first, right after the contents: each checklist's counts,
        # decision, sign-offs and whether they verify.
        board = next((i for i, t in enumerate(texts) if 'The board’s view' in t and 'Contents' not in t), None)
        check('the board’s view is at the front', board is not None and board <= 3, str(board))
        if board is not None:
            page = ' '.join(texts[board].split())
            # (The title and the sign-offs may wrap in their cells, beside the next cell's text.)
            check('the board’s view counts, decision and sign-offs',
                  re.search(r'Board (?:assurance )?2 2 2 2 2 2', page) is not None and
                  'Proceed with' in page and
                  re.search(r'1 standing, 1 (?:\S+ ){0,3}voided', page) is not None and
                  'cannot be verified' in page, page[:600])
            # Its header words are whole: a column too narrow for a word breaks it in two.
            words = set(texts[board].split())
            check('the board’s view headers are never broken inside a word',
                  {'Partly', 'Does', 'apply', 'progress', 'started', 'Sign-offs'} <= words,
                  texts[board][:900])
        # The summary table counts "In progress" on its own: two of each of the six statuses.
        check('summary has an In progress column', 'In progress' in flat)
        summary = re.search(r'All sections\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)',
                            everything)
        check('summary row counts every status on its own',
              summary is not None and summary.groups() == ('12', '2', '2', '2', '2', '2', '2', '8'),
              summary.group(0) if summary else everything[:2000])
        # These sign-offs were written into the JSON by hand, with no history behind them:
        # the appendix prints them, marked, with the moment of signing and the meeting date apart.
        check('sign-offs without a history are marked',
              'This sign-off cannot be verified: changed outside Tandem.' in flat)
        check('meeting date printed apart from the moment of signing',
              'Meeting date' in flat and 'at 3 November 2026' in flat.replace(',', ''), flat[:0])
        check('quote with consent printed', 'CONSENTEDQUOTE' in flat)
        check('quote without consent left out', 'UNCONSENTEDQUOTE' not in flat)
        check('measures: total waiting before', '1 day 3 hours' in flat)

        start = next(i for i, t in enumerate(texts) if 'LONGSTART' in t)
        end = next(i for i, t in enumerate(texts) if 'LONGEND' in t)
        check('5,000 words of evidence flow over several pages', end - start >= 2, f'{start + 1}..{end + 1}')
        check('no page is overfull (the last words are there)', 'LONGEND' in texts[end])

        # Every entry of the contents (sections and figures) names a real page, one that
        # shows the entry.
        entry = re.compile(r'^\s*(\S.*?)\s+(\d+)\s*$')
        contents_pages = [i for i, t in enumerate(texts) if t.lstrip().startswith('Contents')
                          or '\nContents\n' in t]
        entries = []
        for i in contents_pages:
            for line in texts[i].splitlines():
                m = entry.match(line)
                if m and not m.group(1).startswith('Page '):
                    entries.append((' '.join(m.group(1).split()), int(m.group(2))))
        check('the contents list the figures', any(t.startswith('Figure ') for t, _ in entries),
              str(entries))
        wrong = [(t, p) for t, p in entries
                 if not 1 <= p <= len(texts) or t[:30] not in ' '.join(texts[p - 1].split())]
        check('every contents entry names the page that shows it', entries and not wrong,
              str(wrong))

        links, outline, top = links_and_outline(pdf)
        check('contents links exist', len(links) >= 5, str(links))
        check('every link points to a page', all(p is not None for p in links), str(links))
        headings_found = 0
        for title, page in outline:
            page_text = ' '.join(texts[page - 1].split())
            if ' '.join(title.split())[:40] in page_text:
                headings_found += 1
            else:
                print(f"  outline entry {title!r} -> page {page} does not show it")
        check('outline entries point to the pages with their headings', headings_found == len(outline),
              f'{headings_found}/{len(outline)}')
        check('outline has the parts', any('Checklist' in t for t, _ in top) and any('Journey' in t for t, _ in top))

        r = run('--export-pdf=b.pdf', '--pdf-date=2026-11-23', 'p.tandem', cwd=tmp)
        with open(pdf, 'rb') as a, open(os.path.join(tmp, 'b.pdf'), 'rb') as b:
            check('same bytes for the same document and date', a.read() == b.read())
        r = run('--export-pdf=c.pdf', 'p.tandem', cwd=tmp, env={'SOURCE_DATE_EPOCH': '1795392000'})
        r = run('--export-pdf=d.pdf', 'p.tandem', cwd=tmp, env={'SOURCE_DATE_EPOCH': '1795392000'})
        with open(os.path.join(tmp, 'c.pdf'), 'rb') as c, open(os.path.join(tmp, 'd.pdf'), 'rb') as d:
            check('same bytes with SOURCE_DATE_EPOCH', c.read() == d.read())

        r = run('--export-pdf=parts.pdf', '--pdf-parts=summary,measures', '--pdf-date=2026-11-23', 'p.tandem', cwd=tmp)
        parts = subprocess.run(['pdftotext', os.path.join(tmp, 'parts.pdf'), '-'], capture_output=True, text=True).stdout
        check('--pdf-parts chooses the parts', 'SUMMARYTEXT' in parts and 'Hand-offs' in parts
              and 'Question number 1' not in parts and 'BEFORESTEPONE' not in parts)

        # Which checklists go in: by number or by title; one that is not there is a usage
        # mistake that names the checklists there are.
        check('every checklist by default', 'SECONDQUESTION' in flat and 'Question number 1' in flat)
        r = run('--export-pdf=one.pdf', '--pdf-checklists=1', '--pdf-date=2026-11-23', 'p.tandem', cwd=tmp)
        one = ' '.join(subprocess.run(['pdftotext', os.path.join(tmp, 'one.pdf'), '-'],
                                      capture_output=True, text=True).stdout.split())
        check('--pdf-checklists=1 keeps the first only', r.returncode == 0 and 'Question number 1' in one and
              'SECONDQUESTION' not in one and 'SECONDCHECKLIST' not in one, r.stderr)
        r = run('--export-pdf=two.pdf', '--pdf-checklists=SECONDCHECKLIST Gunning principles', 'p.tandem', cwd=tmp)
        two = ' '.join(subprocess.run(['pdftotext', os.path.join(tmp, 'two.pdf'), '-'],
                                      capture_output=True, text=True).stdout.split())
        check('--pdf-checklists by title', r.returncode == 0 and 'SECONDQUESTION' in two and
              'Question number 1' not in two, r.stderr)
        r = run('--export-pdf=none.pdf', '--pdf-checklists=3', 'p.tandem', cwd=tmp)
        check('--pdf-checklists with a missing checklist', r.returncode == 2 and
              'There is no checklist “3”' in r.stderr and '2 “SECONDCHECKLIST' in r.stderr and
              not os.path.exists(os.path.join(tmp, 'none.pdf')), r.stderr)

        # A very large journey is split into overlapping parts, never shrunk; a small one is not.
        big = make_big_journey_project(stages=10, steps_per_stage=8)
        with open(os.path.join(tmp, 'big.json'), 'w') as f:
            json.dump(big, f)
        run('--import-json=big.json', 'big.tandem', cwd=tmp)
        r = run('--export-pdf=big.pdf', '--pdf-date=2026-11-23', '--pdf-parts=journeys', 'big.tandem', cwd=tmp)
        check('export a very large journey', r.returncode == 0, r.stderr)
        big_text = subprocess.run(['pdftotext', os.path.join(tmp, 'big.pdf'), '-'], capture_output=True, text=True).stdout
        big_flat = ' '.join(big_text.split())
        parts = re.findall(r'before the change \(part (\d+) of (\d+)\)', big_flat)
        check('the large map is split into parts', len(parts) >= 2 and int(parts[0][1]) == len(parts),
              str(parts))
        sizes = subprocess.run(['pdfinfo', '-f', '1', '-l', '999', os.path.join(tmp, 'big.pdf')],
                               capture_output=True, text=True).stdout
        landscape = len(re.findall(r'size:\s+841\.89 x 595\.276', sizes))
        check('figure parts are on A4 landscape pages', landscape >= len(parts), f'{landscape} pages')
        check('every step of the large map is in some part', all(f'BIGSTEP{i:03d}' in big_flat for i in range(80)),
              str([i for i in range(80) if f'BIGSTEP{i:03d}' not in big_flat][:10]))
        small_parts = re.findall(r'Feverish child.{0,40}\(part', flat)
        check('a small map is one figure, not split', not small_parts, str(small_parts))

        # Bad inputs: a sentence, a non-zero exit, and no half-written output.
        with open(os.path.join(tmp, 'notes.tandem'), 'w') as f:
            f.write('notes')
        os.mkdir(os.path.join(tmp, 'folder.pdf'))
        cases = [
            ('missing FILE', ('--export-pdf=x.pdf', 'missing.tandem'), 1, 'does not exist'),
            ('invalid FILE', ('--export-pdf=x.pdf', 'notes.tandem'), 1, 'not a Tandem document'),
            ('unwritable OUT', ('--export-pdf=nowhere/x.pdf', 'p.tandem'), 1, 'does not exist'),
            ('OUT is a folder', ('--export-pdf=folder.pdf', 'p.tandem'), 1,
             'Could not write “folder.pdf”: it is a folder. Choose another name.'),
            ('unknown part', ('--export-pdf=x.pdf', '--pdf-parts=summary,gossip', 'p.tandem'), 2, '“gossip”'),
            ('bad date', ('--export-pdf=x.pdf', '--pdf-date=23/11/2026', 'p.tandem'), 2, 'YYYY-MM-DD'),
            ('bad paper', ('--export-pdf=x.pdf', '--pdf-paper=letter', 'p.tandem'), 2, 'a4 or a3'),
            ('PDF option alone', ('--pdf-date=2026-11-23', 'p.tandem'), 2, 'go with --export-pdf'),
        ]
        os.chmod(os.path.join(tmp, 'p.tandem'), 0o644)
        for name, args, status, fragment in cases:
            r = run(*args, cwd=tmp)
            check(f'{name}: exit {status}', r.returncode == status and fragment in r.stderr,
                  f'exit {r.returncode}: {r.stderr.strip()}')
            print(f'  {r.stderr.strip()}')
        check('no half-written output', not os.path.exists(os.path.join(tmp, 'x.pdf')) and
              not any(n.startswith('.') for n in os.listdir(tmp)), str(os.listdir(tmp)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f'{len(failures)} failures')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
