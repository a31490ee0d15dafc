#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The appendix as a screen reader and a board secretary meet it: the PDF's structure tree read
back with pikepdf (Debian's python3-pikepdf, on libqpdf), its typography, and reference
renderings of the cover, the contents and a table split over two pages.

Usage: test-appendix-tags.py TANDEM FONTS_CONF REFERENCE_DIR
Set TANDEM_UPDATE_REFERENCES=1 to write the reference images instead of comparing.

No PDF/UA validator (veraPDF, PAC) is packaged in Debian 12, so the checks here are the ones
PDF/UA asks for that a program can decide: they are written out below one by one.
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pikepdf
from PIL import Image, ImageChops

TANDEM = os.path.abspath(sys.argv[1])
FONTS_CONF = os.path.abspath(sys.argv[2])
REFERENCES = os.path.abspath(sys.argv[3])
UPDATE = os.environ.get('TANDEM_UPDATE_REFERENCES') == '1'
failures = []

# The project of test-appendix.py, so both tests look at the same document.
_spec = importlib.util.spec_from_file_location(
    'test_appendix', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-appendix.py'))
appendix_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(appendix_test)


def check(name, ok, detail=None):
    ok = bool(ok)
    print(f"{'ok' if ok else 'FAIL'}: {name}" + (f': {detail!r}' if not ok and detail is not None else ''))
    if not ok:
        failures.append(name)


def run(*args, cwd):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('SOURCE_DATE_EPOCH', None)
    env['GSETTINGS_BACKEND'] = 'memory'
    env['FONTCONFIG_FILE'] = FONTS_CONF
    env['TZ'] = 'Europe/London'
    env['LC_ALL'] = 'C.UTF-8'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=env, capture_output=True, text=True)


HEADINGS = ('/H1', '/H2', '/H3', '/H4', '/H5', '/H6')


def elements(root):
    """The structure elements in reading order, depth first, with their depth."""
    def walk(element, depth):
        if isinstance(element, pikepdf.Dictionary) and '/S' in element:
            yield element, depth
            kids = element.get('/K')
            if isinstance(kids, pikepdf.Array):
                for kid in kids:
                    yield from walk(kid, depth + 1)
            elif kids is not None:
                yield from walk(kids, depth + 1)
    kids = root.get('/K')
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            yield from walk(kid, 0)
    else:
        yield from walk(kids, 0)


def children(element):
    kids = element.get('/K')
    if isinstance(kids, pikepdf.Array):
        return [k for k in kids if isinstance(k, pikepdf.Dictionary) and '/S' in k]
    if isinstance(kids, pikepdf.Dictionary) and '/S' in kids:
        return [kids]
    return []


def content_pages(element, page_index):
    """The pages on which @element's own marked content lies."""
    kids = element.get('/K')
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    pages = []
    for item in items:
        if isinstance(item, int):
            if '/Pg' in element:
                pages.append(page_index[element.Pg.objgen])
        elif isinstance(item, pikepdf.Dictionary) and item.get('/Type') == '/MCR':
            page = item.get('/Pg', element.get('/Pg'))
            if page is not None:
                pages.append(page_index[page.objgen])
    return pages


def check_structure(path, texts):
    pdf = pikepdf.open(path)
    root = pdf.Root
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}

    check('/Lang is en-GB', str(root.get('/Lang', '')) == 'en-GB', root.get('/Lang'))
    check('/MarkInfo /Marked true', bool(root.get('/MarkInfo', {}).get('/Marked', False)))
    check('/ViewerPreferences /DisplayDocTitle true',
          bool(root.get('/ViewerPreferences', {}).get('/DisplayDocTitle', False)))

    tree = root.StructTreeRoot
    kids = tree.K
    top = kids if isinstance(kids, pikepdf.Dictionary) else (kids[0] if len(kids) == 1 else None)
    check('one Document element at the root of the structure',
          top is not None and top.get('/S') == '/Document', repr(kids)[:200])

    everything = list(elements(tree))
    types = [str(e.S) for e, _ in everything]

    # Headings: the first is H1 and none skips a level on the way down.
    levels = [int(t[2]) for t in types if t in HEADINGS]
    skipped = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    check('headings start at H1', levels and levels[0] == 1, levels[:5])
    check('headings nest without skipping a level', not skipped, skipped[:5])

    # Contents: one TOC holding TOCI entries, in the order of their pages, nested as the
    # headings nest: an H2's entry inside its H1's entry, in a TOC of its own.
    tocs = [e for e, _ in everything if e.S == '/TOC']
    outer = [t for t in tocs if t.P.get('/S') != '/TOCI']
    check('one TOC element at the top of the contents', len(outer) == 1, len(outer))
    check('no TOCI outside a TOC',
          all(e.P.get('/S') == '/TOC' for e, _ in everything if e.S == '/TOCI'))
    check('a TOC is nested only inside a TOCI',
          all(t.P.get('/S') == '/TOCI' for t in tocs if t not in outer))
    if outer:
        def toc_entries(toc, depth):
            for entry in children(toc):
                yield entry, depth
                for sub in children(entry):
                    if sub.S == '/TOC':
                        yield from toc_entries(sub, depth + 1)
        nested = list(toc_entries(outer[0], 1))
        entries = [e for e, _ in nested]
        check('every TOC holds only TOCI entries',
              all(c.S == '/TOCI' for t in tocs for c in children(t)) and all(children(t) for t in tocs))
        check('each TOCI holds its link, then at most one TOC of the entries under it',
              all([c.S for c in children(e)] in (['/Link'], ['/Link', '/TOC']) for e in entries),
              [[str(c.S) for c in children(e)] for e in entries][:8])
        names = {}
        dests = root.get('/Names', {}).get('/Dests')
        if dests is not None:
            for name, value in pikepdf.NameTree(dests).items():
                names[str(name)] = page_index[value[0].objgen]

        # The heading level of each destination, from the bookmarks (nested by heading level).
        outline_depth = {}
        def walk_outline(item, depth):
            while item is not None:
                dest = item.get('/Dest')
                if dest is None and '/A' in item:
                    dest = item.A.get('/D')
                if dest is not None:
                    outline_depth[str(dest)] = depth
                if '/First' in item:
                    walk_outline(item.First, depth + 1)
                item = item.get('/Next')
        if '/Outlines' in root and '/First' in root.Outlines:
            walk_outline(root.Outlines.First, 1)

        targets, tops, xs, dest_names = [], [], [], []
        for entry in entries:
            links = [k for k in children(entry) if k.S == '/Link']
            annotations = [k.Obj for link in links for k in (link.K if isinstance(link.K, pikepdf.Array) else [link.K])
                           if isinstance(k, pikepdf.Dictionary) and k.get('/Type') == '/OBJR']
            if annotations:
                targets.append(names.get(str(annotations[0].get('/Dest'))))
                dest_names.append(str(annotations[0].get('/Dest')))
                tops.append((page_index.get(annotations[0].P.objgen) if '/P' in annotations[0] else 0,
                             -float(annotations[0].Rect[3])))
                xs.append(float(annotations[0].Rect[0]))
        check('every contents entry is a link to a page', len(targets) == len(entries) and
              None not in targets, targets)
        check('contents entries are read in the order of their pages',
              targets == sorted(targets), targets)
        check('contents entries are read in the order they are seen, top to bottom',
              tops == sorted(tops), tops)
        if len(xs) == len(entries) and xs:
            # Each level of the contents is indented 16 points further than the one above.
            shown = [round((x - min(xs)) / 16) + 1 for x in xs]
            depths = [d for _, d in nested]
            check('the contents nest as they are indented (an H2 entry inside its H1 entry)',
                  depths == shown, list(zip(depths, shown))[:12])
            check('the contents have entries nested under others', 2 in depths and depths[0] == 1,
                  depths[:12])
            by_outline = [(outline_depth[n], d) for n, d in zip(dest_names, depths) if n in outline_depth]
            check('the contents nest as the headings (and the bookmarks) do',
                  by_outline and all(a == b for a, b in by_outline), by_outline[:12])
        contents_text = ' '.join(' '.join(t.split()) for t in texts[1:3])
        check('the contents list the figures', re.search(r'Figure 1: .*Figure 2: ', contents_text) is not None)

    # Figures: every one has alternative text that says what it shows and where the words are.
    figures = [e for e, _ in everything if e.S == '/Figure']
    check('the journey figures are Figure elements', len(figures) >= 2, len(figures))
    for i, figure in enumerate(figures):
        alt = str(figure.get('/Alt', ''))
        check(f'figure {i + 1} has /Alt', alt != '')
        check(f'figure {i + 1} /Alt says its steps, stages and lowest feeling',
              re.search(r'\d+ steps? in \d+ stages?', alt) is not None and 'lowest feeling' in alt, alt)
        check(f'figure {i + 1} /Alt says where the text alternative is', 'The journey as text' in alt, alt)

    # Tables: header cells scoped; numbered tables have their caption inside.
    tables = [e for e, _ in everything if e.S == '/Table']
    check('tables are Table elements', len(tables) >= 3, len(tables))
    for i, table in enumerate(tables):
        rows = [r for r in children(table) if r.S == '/TR']
        headers = [c for r in rows for c in children(r) if c.S == '/TH']
        check(f'table {i + 1} has header cells', headers)
        check(f'table {i + 1}: every TH is scoped',
              all(str(h.get('/A', {}).get('/Scope', '')) in ('/Column', '/Row', '/Both') for h in headers))
        captions = [c for c in children(table) if c.S == '/Caption']
        check(f'table {i + 1}: at most one Caption, first or last',
              len(captions) <= 1 and (not captions or children(table)[0].S == '/Caption'
                                      or children(table)[-1].S == '/Caption'))
    numbered = re.findall(r'Table (\d+):', ' '.join(texts))
    captioned = sum(1 for t in tables if any(c.S == '/Caption' for c in children(t)))
    check('every Table has a Caption inside it', captioned == len(tables),
          f'{len(tables) - captioned} of {len(tables)} tables without a Caption')
    check('the numbered tables are among them', captioned >= len(set(numbered)),
          f'{captioned} captions, {len(set(numbered))} numbered tables')
    check('the tables of a question\'s progress are there and captioned',
          sum(1 for t in texts for _ in re.finditer(r'Progress on this question', t)) >= 2)
    check('no Caption outside a Table or Figure',
          all(e.P.get('/S') in ('/Table', '/Figure') for e, _ in everything if e.S == '/Caption'))

    # Lists: L holds LI, and LI holds Lbl and LBody.
    lists = [e for e, _ in everything if e.S == '/L']
    check('the evidence links are a list', lists)
    for l in lists:
        items = children(l)
        check('L holds only LI', items and all(i.S == '/LI' for i in items))
        check('each LI starts with Lbl and LBody',
              all([c.S for c in children(i)][:2] in (['/Lbl', '/LBody'], ['/LBody']) for i in items))

    # Artifacts: running heads and feet are pagination artifacts, not in the tree.
    check('no placeholder elements left in the tree',
          not any(t in ('/Private', '/NonStruct') for t in types))
    second = pdf.pages[2]
    content = b''.join(c.read_bytes() for c in (second.Contents if isinstance(second.Contents, pikepdf.Array)
                                                 else [second.Contents]))
    check('running header and footer are pagination artifacts',
          content.count(b'/Artifact << /Type /Pagination >> BDC') >= 1)

    # All text and painting is marked: inside a structure element or an artifact.
    unmarked = []
    for number, page in enumerate(pdf.pages, 1):
        depth = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ('BDC', 'BMC'):
                depth += 1
            elif op == 'EMC':
                depth -= 1
            elif depth == 0 and op in ('Tj', 'TJ', "'", '"', 'f', 'f*', 'F', 'S', 's', 'B', 'B*',
                                       'b', 'b*', 'Do', 'sh'):
                unmarked.append((number, op))
    check('no content outside structure or artifacts', not unmarked, unmarked[:10])

    # No heading, caption or label alone at the foot of a page.
    last_on_page = {}
    for element, _ in everything:
        for page in content_pages(element, page_index):
            last_on_page[page] = str(element.S)
    alone = {page + 1: kind for page, kind in last_on_page.items() if kind in HEADINGS + ('/Caption',)}
    check('no heading or caption alone at the foot of a page', not alone, alone)

    info = subprocess.run(['pdfinfo', '-struct', path], capture_output=True, text=True)
    check('pdfinfo -struct gives no warning', info.returncode == 0 and 'arning' not in info.stderr
          and 'rror' not in info.stderr, info.stderr[:400])


def check_typography(path, texts):
    # Noto Sans throughout; DejaVu Sans (also sans serif) only where Noto Sans has no glyph,
    # such as the minus sign of a feeling's score.
    fonts = subprocess.run(['pdffonts', path], capture_output=True, text=True).stdout.splitlines()[2:]
    names = [line.split()[0].split('+')[-1] for line in fonts]
    others = [n for n in names if not n.startswith('NotoSans-') and n != 'DejaVuSans']
    check('one font family: Noto Sans, and nothing serif', not others, others)

    # The contents: each entry's page number on the same baseline as its title.
    bbox = subprocess.run(['pdftotext', '-f', '2', '-l', '2', '-bbox-layout', path, '-'],
                          capture_output=True, text=True).stdout
    offsets = []
    for line in re.findall(r'<line[^>]*>(.*?)</line>', bbox, re.S):
        bottoms = [float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', line)]
        words = re.findall(r'>([^<]+)</word>', line)
        if len(bottoms) >= 2 and words[-1].isdigit():
            offsets.append(max(bottoms) - min(bottoms))
    check('contents page numbers on the baseline of their titles',
          offsets and max(offsets) < 0.5, offsets)

    # A paragraph over several pages leaves at least two lines at the foot of its first page
    # (no orphan) and brings at least two onto its last page (no widow).
    # (On this document it would pass without the rules too: test-flow-keep builds pages
    # where it cannot.)
    def body_lines(text):
        lines = [line for line in text.splitlines() if line.strip()]
        return [line for line in lines[1:] if not re.search(r'Page \d+ of \d+', line)]
    start = next(i for i, t in enumerate(texts) if 'LONGSTART' in t)
    end = next(i for i, t in enumerate(texts) if 'LONGEND' in t)
    first = body_lines(texts[start])
    last = body_lines(texts[end])
    lines_first = len(first) - next(i for i, line in enumerate(first) if 'LONGSTART' in line)
    lines_last = next(i for i, line in enumerate(last) if 'LONGEND' in line) + 1
    check('no orphan: a long paragraph starts with two lines or more', lines_first >= 2, lines_first)
    check('no widow: a long paragraph ends with two lines or more', lines_last >= 2, lines_last)

    flat = ' '.join(' '.join(texts).split())
    iso = re.findall(r'\b\d{4}-\d{2}-\d{2}\b', flat)
    check('dates written one way: no YYYY-MM-DD in the appendix', not iso, iso[:5])
    check('dates in UK style', '1 October 2026' in flat and '1 November 2026' in flat)
    check("times in the reader's time zone, with the zone named", '2 November 2026, 09:00 GMT' in flat)
    check('no time left in UTC', ' UTC' not in flat)


def compare(name, image_path):
    reference = os.path.join(REFERENCES, name)
    if UPDATE:
        shutil.copyfile(image_path, reference)
        print(f'  wrote {reference}')
        return
    if not os.path.exists(reference):
        check(f'reference {name} exists', False, reference)
        return
    a = Image.open(image_path).convert('L')
    b = Image.open(reference).convert('L')
    if a.size != b.size:
        check(f'{name} matches its reference', False, f'size {a.size} against {b.size}')
        return
    diff = ImageChops.difference(a, b)
    histogram = diff.histogram()
    different = sum(histogram[24:])
    share = different / (a.size[0] * a.size[1])
    check(f'{name} matches its reference (within 0.02% of pixels)', share <= 0.0002,
          f'{share:.2%} of pixels differ; the rendering is kept as {image_path}')


def check_feet(tmp):
    """In the sample project, nothing that introduces what follows ends a page: no label
    ("Evidence") and no step title ("9. Rings the GP") left at the foot."""
    sample = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'sample', 'riverside.json')
    r = run(f'--import-json={sample}', 'sample.tandem', cwd=tmp)
    check('import the sample project', r.returncode == 0, r.stderr)
    r = run('--export-pdf=sample.pdf', '--pdf-date=2026-11-23', 'sample.tandem', cwd=tmp)
    check('export the sample appendix', r.returncode == 0, r.stderr)
    pdf = os.path.join(tmp, 'sample.pdf')
    labels = ('Evidence', 'Evidence links', 'Comments', 'Action', 'Action needed, because this is not met',
              'Conditions of the decision')
    alone = []
    for page in range(3, len(pikepdf.open(pdf).pages) + 1):
        lines = [line.strip() for line in subprocess.run(
            ['pdftotext', '-layout', '-f', str(page), '-l', str(page), pdf, '-'],
            capture_output=True, text=True).stdout.splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith('Fictional demonstration data')
                and not line.startswith('Page ')]
        if body and (body[-1] in labels or re.match(r'^\d+\. ', body[-1])):
            alone.append((page, body[-1]))
    check('no label or step title alone at the foot of a page', not alone, alone)


def check_references(tmp):
    """Cover, contents and a long table split over two pages, rendered at 40 dpi."""
    project = {'format': 'tandem', 'version': 3, 'project': {
        'id': '00000000-0000-4000-8000-000000000001', 'title': 'Reference appendix',
        'organisation': 'Riverside ICB', 'programme': 'Urgent care', 'version': '2.0',
        'summary': 'A change to urgent care for children, rendered for the reference images.',
        'status': 'for-review', 'fictional': True,
        'conditions': [{'id': f'00000000-0000-4000-8000-{i:012d}', 'key': f'c{i}',
                        'label': f'Condition number {i} of the proposal', 'enabled': i % 3 == 0}
                       for i in range(2, 62)],
        'checklists': [{
            'id': '00000000-0000-4000-8000-100000000000', 'title': 'Board assurance',
            'sections': [{'id': f'00000000-0000-4000-8000-2000000000{s:02d}',
                          'title': f'Section {s}: a part of the checklist with a longer title',
                          'items': [{'id': f'00000000-0000-4000-8000-3000000000{s:02d}', 'key': f'q{s}',
                                     'question': f'Question {s}', 'status': 'met',
                                     'due_date': '2026-12-01'}]}
                         for s in range(1, 9)],
        }],
    }}
    with open(os.path.join(tmp, 'ref.json'), 'w') as f:
        json.dump(project, f)
    r = run('--import-json=ref.json', 'ref.tandem', cwd=tmp)
    check('import the reference project', r.returncode == 0, r.stderr)
    r = run('--export-pdf=ref.pdf', '--pdf-date=2026-12-15', '--pdf-parts=summary,checklists',
            'ref.tandem', cwd=tmp)
    check('export the reference appendix', r.returncode == 0, r.stderr)
    pdf = os.path.join(tmp, 'ref.pdf')

    # The table's pages are found by their text, not by number: pages before it (the board's
    # view, the contents) may grow without the table changing.
    n_pages = int(re.search(r'Pages:\s+(\d+)', subprocess.run(
        ['pdfinfo', pdf], capture_output=True, text=True).stdout).group(1))
    pages = [subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), pdf, '-'],
                            capture_output=True, text=True).stdout for p in range(1, n_pages + 1)]
    first = next((i + 1 for i, t in enumerate(pages) if 'Condition number 2 ' in t + ' '), 3)
    text = [pages[first - 1], pages[first] if first < n_pages else '']
    check('the long table goes over two pages', 'Condition number 2 ' in text[0] + ' '
          and 'Condition number 61' in text[1], text[1][:200])
    check('the continued table repeats its header row', 'Applies' in text[1] and 'Condition' in text[1])
    check('the cover date is in UK style', '15 December 2026' in subprocess.run(
        ['pdftotext', '-f', '1', '-l', '1', pdf, '-'], capture_output=True, text=True).stdout)

    for page, name in ((1, 'appendix-cover.png'), (2, 'appendix-contents.png'),
                       (first, 'appendix-table-1.png'), (first + 1, 'appendix-table-2.png')):
        prefix = os.path.join(tmp, f'page-{page}')
        subprocess.run(['pdftoppm', '-png', '-r', '40', '-f', str(page), '-l', str(page),
                        '-singlefile', pdf, prefix], check=True)
        compare(name, prefix + '.png')


def main():
    tmp = tempfile.mkdtemp(prefix='tandem-appendix-tags-')
    keep = False
    try:
        project, _ = appendix_test.make_project()
        with open(os.path.join(tmp, 'p.json'), 'w') as f:
            json.dump(project, f)
        r = run('--import-json=p.json', 'p.tandem', cwd=tmp)
        check('import the test project', r.returncode == 0, r.stderr)
        r = run('--export-pdf=a.pdf', '--pdf-date=2026-11-23', 'p.tandem', cwd=tmp)
        check('export the appendix', r.returncode == 0, r.stderr)
        pdf = os.path.join(tmp, 'a.pdf')
        n_pages = len(pikepdf.open(pdf).pages)
        texts = appendix_test.page_texts(pdf, n_pages, tmp)

        check_structure(pdf, texts)
        check_typography(pdf, texts)
        check_feet(tmp)
        check_references(tmp)
        keep = bool(failures)
    finally:
        if keep:
            print(f'kept {tmp} for a look')
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f'{len(failures)} failures')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
