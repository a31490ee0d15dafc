#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Text on the rating pills and sign-off badges reaches WCAG 2.2 AA (4.5:1) in the light, dark
and high-contrast styles. The colours are read from the style sheet; a named colour such as
@success_bg_color is resolved with libadwaita 1.2's defaults for each style (high contrast
keeps the light palette for these colours in 1.2).

Usage: check-contrast.py STYLE.CSS
"""
import re
import sys

PALETTES = {
    'light': {'success_bg_color': '#2ec27e', 'success_fg_color': '#ffffff',
              'warning_bg_color': '#e5a50a', 'warning_fg_color': 'rgba(0,0,0,0.8)',
              'error_bg_color': '#e01b24', 'error_fg_color': '#ffffff'},
    'dark': {'success_bg_color': '#26a269', 'success_fg_color': '#ffffff',
             'warning_bg_color': '#cd9309', 'warning_fg_color': 'rgba(0,0,0,0.8)',
             'error_bg_color': '#c01c28', 'error_fg_color': '#ffffff'},
}
PALETTES['high-contrast'] = PALETTES['light']
PALETTES['high-contrast-dark'] = PALETTES['dark']

# The selectors whose text must be readable, and where each sits.
BADGES = ['.rag-pill.rag-red', '.rag-pill.rag-amber', '.rag-pill.rag-green', '.stands-badge',
          '.voided-badge']


def parse_rules(css):
    css = re.sub(r'/\*.*?\*/', '', css, flags=re.S)
    rules = {}
    for selectors, body in re.findall(r'([^{}]+)\{([^{}]*)\}', css):
        props = dict((k.strip(), v.strip()) for k, v in
                     (p.split(':', 1) for p in body.split(';') if ':' in p))
        for selector in selectors.split(','):
            rules.setdefault(' '.join(selector.split()), {}).update(props)
    return rules


def parse_colour(text, palette):
    text = text.strip()
    if text.startswith('@'):
        return parse_colour(palette[text[1:]], palette)
    m = re.fullmatch(r'#([0-9a-fA-F]{6})', text)
    if m:
        v = m.group(1)
        return tuple(int(v[i:i + 2], 16) / 255 for i in (0, 2, 4)) + (1.0,)
    m = re.fullmatch(r'rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)', text)
    if m:
        r, g, b, a = (float(x) for x in m.groups())
        return (r / 255, g / 255, b / 255, a)
    raise ValueError(f'cannot read the colour {text!r}')


def over(fg, bg):
    a = fg[3]
    return tuple(fg[i] * a + bg[i] * (1 - a) for i in range(3))


def luminance(rgb):
    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def main():
    with open(sys.argv[1]) as f:
        rules = parse_rules(f.read())
    failures = []
    for style, palette in PALETTES.items():
        for selector in BADGES:
            props = rules.get(selector)
            if props is None or 'background-color' not in props or 'color' not in props:
                failures.append(f'{selector}: no background-color and color in the style sheet')
                continue
            bg = parse_colour(props['background-color'], palette)[:3]
            fg = over(parse_colour(props['color'], palette), bg)
            r = ratio(fg, bg)
            ok = r >= 4.5
            print(f"{'ok' if ok else 'FAIL'}: {style} {selector}: {r:.2f}:1")
            if not ok:
                failures.append(f'{style} {selector}: {r:.2f}:1 is below 4.5:1')
    for failure in failures:
        print('FAIL:', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
