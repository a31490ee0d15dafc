#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Journey map exports that others can use, through `tandem --export-map`:

 - the SVG is XML whose texts are <text> elements (searchable, editable in Inkscape), every
   card title among them, and rsvg-convert draws it as the PNG export looks;
 - the PDF is tagged like the appendix: one Document root, a Figure with /Alt naming the
   stages, the number of steps and the lowest feeling, /Lang, a title, MarkInfo.

Usage: test-map-export.py TANDEM SAMPLE.tandem FONTS_CONF
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

TANDEM, SAMPLE, FONTS_CONF = (os.path.abspath(a) for a in sys.argv[1:4])
SVG = '{http://www.w3.org/2000/svg}'
failures = []


def check(name, ok, detail=None):
    ok = bool(ok)
    print(f"{'ok' if ok else 'FAIL'}: {name}" + (f': {detail!r}' if not ok and detail is not None else ''))
    if not ok:
        failures.append(name)


def run(*args, cwd):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    env['GSETTINGS_BACKEND'] = 'memory'
    env['FONTCONFIG_FILE'] = FONTS_CONF
    env['LC_ALL'] = 'C.UTF-8'
    return subprocess.run([TANDEM, *args], cwd=cwd, env=env, capture_output=True, text=True)


def exported_journey(tmp, title):
    """The exported journey as the JSON export gives it, found by its title."""
    result = run('--export-json=project.json', SAMPLE, cwd=tmp)
    check('JSON export of the sample', result.returncode == 0, result.stderr)
    with open(os.path.join(tmp, 'project.json'), encoding='utf-8') as f:
        project = json.load(f)['project']
    for journey in project['journeys']:
        if journey['title'] == title:
            return journey
    check('the exported journey is in the project', False, title)
    return None


def svg_cases(tmp):
    result = run('--export-map=map.svg', SAMPLE, cwd=tmp)
    check('--export-map=map.svg', result.returncode == 0, result.stderr)
    try:
        root = ElementTree.parse(os.path.join(tmp, 'map.svg')).getroot()
    except ElementTree.ParseError as error:
        check('the SVG parses as XML', False, str(error))
        return
    check('the SVG parses as XML', root.tag == SVG + 'svg', root.tag)

    title = root.find(SVG + 'title')
    check('the SVG has a <title>', title is not None and title.text.startswith('Journey map: '))
    journey_title = title.text[len('Journey map: '):] if title is not None else ''

    texts = [''.join(text.itertext()) for text in root.iter(SVG + 'text')]
    check('texts are <text> elements', len(texts) > 50, len(texts))
    check('the journey title is a <text>', journey_title in texts, texts[:5])
    check('no glyphs drawn as paths remain', root.find(f'.//{SVG}symbol') is None)

    journey = exported_journey(tmp, journey_title)
    if journey is None:
        return
    titles = [step['title'] for m in journey['maps'] for step in m['steps']]
    missing = [t for t in titles if t not in texts]
    check(f'every card title ({len(titles)}) is the text of a <text>', titles and not missing,
          missing)
    for stage in journey['stages']:
        check(f'stage title {stage["title"]!r} is a <text>', stage['title'] in texts)

    for element in root.iter(SVG + 'text'):
        attributes = element.attrib
        if not ('font-family' in attributes and float(attributes['font-size']) > 0 and
                attributes['fill'].startswith('#')):
            check('every <text> has a font, a size and a colour', False, attributes)
            break
        tspans = list(element.iter(SVG + 'tspan'))
        if not tspans or any('x' not in t.attrib or 'y' not in t.attrib for t in tspans):
            check('every line of a <text> has its own x and y', False, attributes)
            break

    if shutil.which('rsvg-convert') is None:
        print('skip: rsvg-convert (librsvg2-bin) is needed to draw the SVG')
        return
    from PIL import Image, ImageChops

    result = run('--export-map=map.png', SAMPLE, cwd=tmp)
    check('--export-map=map.png', result.returncode == 0, result.stderr)
    png = Image.open(os.path.join(tmp, 'map.png')).convert('RGB')
    width = 1500
    env = dict(os.environ, FONTCONFIG_FILE=FONTS_CONF)
    subprocess.run(['rsvg-convert', '--background-color=white', '-w', str(width),
                    '-o', os.path.join(tmp, 'svg.png'), os.path.join(tmp, 'map.svg')],
                   check=True, env=env)
    drawn = Image.open(os.path.join(tmp, 'svg.png')).convert('RGB')
    png = png.resize(drawn.size, Image.LANCZOS)
    difference = ImageChops.difference(png, drawn).convert('L')
    different = sum(1 for value in difference.getdata() if value > 64)
    fraction = different / (drawn.size[0] * drawn.size[1])
    # Text drawn by librsvg rather than cairo differs only in antialiasing (0.0001 of the
    # pixels on the sample); the same SVG without its texts differs in 0.011.
    check('the SVG drawn by librsvg looks like the PNG export', fraction < 0.002, fraction)
    if fraction >= 0.002:
        shutil.copy(os.path.join(tmp, 'svg.png'), os.path.join(tempfile.gettempdir(), 'svg-drawn.png'))


def pdf_cases(tmp):
    import pikepdf

    result = run('--export-map=map.pdf', SAMPLE, cwd=tmp)
    check('--export-map=map.pdf', result.returncode == 0, result.stderr)
    pdf = pikepdf.open(os.path.join(tmp, 'map.pdf'))
    root = pdf.Root
    check('/Lang is en-GB', str(root.get('/Lang', '')) == 'en-GB')
    check('MarkInfo /Marked true', root.get('/MarkInfo') is not None and
          bool(root.MarkInfo.get('/Marked')))
    check('the title is shown', root.get('/ViewerPreferences') is not None and
          bool(root.ViewerPreferences.get('/DisplayDocTitle')))
    title = str(pdf.docinfo.get('/Title', ''))
    check('a title names the journey', title.startswith('Journey map: '), title)

    tree = root.get('/StructTreeRoot')
    check('a structure tree', tree is not None)
    if tree is None:
        return
    document = tree.K
    check('one Document at the root', isinstance(document, pikepdf.Dictionary) and
          document.get('/S') == '/Document', document)
    kids = document.K if isinstance(document.K, pikepdf.Array) else [document.K]
    figures = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get('/S') == '/Figure']
    check('one Figure per page', len(figures) == len(pdf.pages) == 1, (len(figures), len(pdf.pages)))
    if not figures:
        return
    alt = str(figures[0].get('/Alt', ''))
    journey = exported_journey(tmp, title[len('Journey map: '):])
    if journey is None:
        return
    n_steps = len(journey['maps'][0]['steps'])
    check('the /Alt counts the steps', f'It has {n_steps} steps' in alt, alt)
    check('the /Alt names every stage', all(s['title'] in alt for s in journey['stages']), alt)
    check('the /Alt gives the lowest feeling', 'The lowest feeling is Very bad (−2).' in alt, alt)
    check('the /Alt describes both maps', 'before the change' in alt and 'after the change' in alt)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        svg_cases(tmp)
        pdf_cases(tmp)
    if failures:
        print(f'{len(failures)} failed: {failures}')
        sys.exit(1)


main()
