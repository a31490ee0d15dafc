#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The journey maps of the PCBC appendix, as printed: through the real command line, checked
in the PDF with pdfinfo, pdftotext and pdffonts.

- The sample's before map (10 steps) and after map (8 steps) are one A4 page each, and no
  word on those pages is smaller than 7 pt.
- A 30-step map (five stages of six) is at most three A4 pages, split between stages: each
  stage on exactly one page, every page with all the lane titles and saying "Continued".

Text size is read from the words' boxes: the figure's text and the caption are in the same
family (Noto Sans, from tests/fonts.conf), so a word's height over the caption's (9 pt) is
its size over 9 pt.

Usage: test-appendix-maps.py TANDEM SAMPLE.tandem SAMPLE.json
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

TANDEM = os.path.abspath(sys.argv[1])
SAMPLE = os.path.abspath(sys.argv[2])
SAMPLE_JSON = os.path.abspath(sys.argv[3])
CAPTION_POINTS = 9.0
MIN_POINTS = 7.0
LANES = ['Patient and', 'Front-line', 'Behind the', 'Places and']
failures = []


def check(name, ok, detail=''):
    print(f"{'ok' if ok else 'FAIL'}: {name}{': ' + str(detail) if detail and not ok else ''}")
    if not ok:
        failures.append(name)


def run(*args, cwd):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e['GSETTINGS_BACKEND'] = 'memory'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=e, capture_output=True, text=True)


def landscape_pages(pdf):
    out = subprocess.run(['pdfinfo', '-f', '1', '-l', '999', pdf], capture_output=True,
                         text=True).stdout
    pages = []
    for m in re.finditer(r'Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)', out):
        if float(m.group(2)) > float(m.group(3)):
            pages.append(int(m.group(1)))
    return pages


def page_text(pdf, page):
    return subprocess.run(['pdftotext', '-layout', '-f', str(page), '-l', str(page), pdf, '-'],
                          capture_output=True, text=True).stdout


def page_words(pdf, page):
    out = subprocess.run(['pdftotext', '-bbox', '-f', str(page), '-l', str(page), pdf, '-'],
                         capture_output=True, text=True).stdout
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', out):
        words.append((float(m.group(2)), float(m.group(4)), m.group(5)))
    return words


def smallest_points(pdf, page):
    """The size of the smallest word of the figure, from the words' heights."""
    words = page_words(pdf, page)
    caption = [w for w in words if w[2] == 'Figure']
    if not caption:
        return None, 'no caption'
    top_of_caption = caption[0][0]
    caption_height = caption[0][1] - caption[0][0]
    # The figure: below the running header, above the caption.
    figure = [w for w in words if w[0] > 60 and w[1] < top_of_caption - 1]
    if not figure:
        return None, 'no words in the figure'
    low = min(figure, key=lambda w: w[1] - w[0])
    return (low[1] - low[0]) / caption_height * CAPTION_POINTS, low[2]


def figure_pages(pdf, number):
    return [p for p in landscape_pages(pdf)
            if re.search(rf'^Figure {number}:', page_text(pdf, p), re.M)]


def sample_maps(tmp):
    pdf = os.path.join(tmp, 'sample.pdf')
    r = run(f'--export-pdf={pdf}', SAMPLE, cwd=tmp)
    check('export the sample appendix', r.returncode == 0, r.stderr)
    if r.returncode != 0:
        return
    fonts = subprocess.run(['pdffonts', pdf], capture_output=True, text=True).stdout
    check('one family for figures and captions', 'NotoSans-Regular' in fonts and
          'NotoSans-Italic' in fonts, fonts)
    for number, side in ((1, 'before'), (2, 'after')):
        pages = figure_pages(pdf, number)
        check(f'the {side} map is one A4 page', len(pages) == 1, pages)
        for p in pages:
            text = page_text(pdf, p)
            check(f'the {side} map is not in parts', '(part ' not in text)
            check(f'the {side} map is not said to continue', 'Continued' not in text)
            size, word = smallest_points(pdf, p)
            check(f'every word of the {side} map is 7 pt or more',
                  size is not None and size >= MIN_POINTS * 0.98, f'{size} pt: {word}')
            for lane in LANES[:3]:
                check(f'the {side} map has the lane {lane}…', lane in text)


def thirty_steps(tmp):
    with open(SAMPLE_JSON) as f:
        data = json.load(f)
    journey = data['project']['journeys'][0]
    stages = [s['id'] for s in journey['stages']]
    lanes = [l['id'] for l in journey['lanes']]
    before = next(m for m in journey['maps'] if m['side'] == 'before')
    model = copy.deepcopy(before['steps'][0])
    steps = []
    for i in range(30):
        step = copy.deepcopy(model)
        step.update(id=str(uuid.uuid4()), title=f'Step {i + 1} of the long journey',
                    stage=stages[i // 6], lane=lanes[(i * 7 // 3) % 4], order=float(i % 6),
                    quotes=[])
        steps.append(step)
    gone = {o['id'] for st in before['steps'] for o in [st] + st.get('quotes', [])}
    for theme in data['project'].get('themes', []):
        theme['links'] = [l for l in theme['links'] if l['target'] not in gone]
    before['steps'] = steps
    before['connectors'] = []
    journey['replacements'] = []
    with open(os.path.join(tmp, 'long.json'), 'w') as f:
        json.dump(data, f)
    r = run('--import-json=long.json', 'long.tandem', cwd=tmp)
    check('import the 30-step journey', r.returncode == 0, r.stderr)
    pdf = os.path.join(tmp, 'long.pdf')
    r = run(f'--export-pdf={pdf}', 'long.tandem', cwd=tmp)
    check('export its appendix', r.returncode == 0, r.stderr)
    if r.returncode != 0:
        return

    pages = figure_pages(pdf, 1)
    check('a 30-step map is at most three A4 pages', 1 < len(pages) <= 3, pages)
    texts = [page_text(pdf, p) for p in pages]
    for k, text in enumerate(texts):
        check(f'part {k + 1} says it is continued', 'Continued' in text)
        for lane in LANES:
            check(f'part {k + 1} repeats the lane {lane}…', lane in text)
        size, word = smallest_points(pdf, pages[k])
        check(f'every word of part {k + 1} is 7 pt or more',
              size is not None and size >= MIN_POINTS * 0.98, f'{size} pt: {word}')
    # Split between stages: each stage's header on exactly one part, each step on one.
    for title in [s['title'] for s in journey['stages']]:
        first = title.split()[0]
        holders = [k for k, t in enumerate(texts) if re.search(rf'\b{first}\b', t)]
        check(f'the stage “{title}” is on one part', len(holders) == 1, holders)
    for i in range(30):
        holders = [k for k, t in enumerate(texts) if re.search(rf'\b{i + 1}\s+Step\b', t)]
        check(f'step {i + 1} is on one part, whole', len(holders) == 1, holders)


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-maps-')
    try:
        sample_maps(tmp)
        thirty_steps(tmp)
    finally:
        shutil.rmtree(tmp)
    if failures:
        print(f'{len(failures)} failed')
        sys.exit(1)


if __name__ == '__main__':
    main()
