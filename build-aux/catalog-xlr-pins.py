#!/usr/bin/env python3
"""Gives every XLR jack of the catalog an explicit pin gender (physics.md §2.3).

An output has male pins, an input female contacts; a jack that is both (an
adapter's) is female as a socket, male as a plug: the same default the reader
uses (rig_jack_pins()). Jacks that already state pins="..." are left alone, so
the script can be rerun after new catalog files are merged.

Usage: build-aux/catalog-xlr-pins.py [resources/devices/*.xml]
"""
import glob
import re
import sys

JACK = re.compile(r'<jack\b[^>]*>', re.S)


def attribute(tag, name):
    found = re.search(r'\s%s="([^"]*)"' % name, tag)
    return found.group(1) if found else None


def pins_for(tag):
    direction = attribute(tag, 'direction')
    if direction == 'out':
        return 'male'
    if direction == 'in':
        return 'female'
    return 'male' if attribute(tag, 'gender') == 'plug' else 'female'


def fix_tag(match):
    tag = match.group(0)
    if attribute(tag, 'connector') != 'xlr' or attribute(tag, 'pins') is not None:
        return tag
    return re.sub(r'(\sgender="[^"]*")', r'\1 pins="%s"' % pins_for(tag), tag, count=1)


def main(paths):
    changed = 0
    for path in paths or sorted(glob.glob('resources/devices/*.xml')):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        new = JACK.sub(fix_tag, text)
        if new != text:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(new)
            changed += 1
            print('%s: %d XLR jacks' % (path, len(re.findall(r'connector="xlr"', new))))
    print('%d files changed' % changed)


if __name__ == '__main__':
    main(sys.argv[1:])
