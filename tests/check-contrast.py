#!/usr/bin/env python3
"""Status colours are readable (WCAG 2.1 contrast ratios).

Cable and badge colours of the canvas and the sheet (rig-painter.h) against
the canvas background and a card's white, and the dark style's against its
own background and cards: at least 3:1, as WCAG asks of
graphical objects. The severity words and icons of the problems list and
the header's problems button (style.css) against the list's white: at least
4.5:1, as for text; on a selected row they take the row's own text colour.

usage: check-contrast.py SOURCE_ROOT
"""
import os
import re
import sys

root = sys.argv[1]


def luminance(hex_colour):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


with open(os.path.join(root, "app", "core", "render", "rig-painter.h"), encoding="utf-8") as f:
    header = f.read()
painter = dict(re.findall(r"#define RIG_PAINTER_COLOR_(\w+) 0x([0-9A-Fa-f]{6})", header))
dark = dict(re.findall(r"#define RIG_PAINTER_DARK_COLOR_(\w+) 0x([0-9A-Fa-f]{6})", header))
with open(os.path.join(root, "resources", "ui", "style.css"), encoding="utf-8") as f:
    css = f.read()

failures = []
background = painter["BACKGROUND"]
for name in ("ERROR", "WARNING", "INFO", "NEUTRAL", "FINE"):
    for against, label in ((background, "the canvas"), ("FFFFFF", "a card")):
        ratio = contrast(painter[name], against)
        if ratio < 3.0:
            failures.append(f"canvas {name.lower()} #{painter[name]} on {label}: {ratio:.2f}:1 < 3:1")

# The dark style's canvas keeps the same ratios on its own background.
for name in ("ERROR", "WARNING", "INFO", "NEUTRAL", "FINE"):
    for against, label in ((dark["BACKGROUND"], "the dark canvas"), (dark["CARD"], "a dark card")):
        ratio = contrast(dark[name], against)
        if ratio < 3.0:
            failures.append(f"dark {name.lower()} #{dark[name]} on {label}: {ratio:.2f}:1 < 3:1")

for severity in ("error", "warning", "info"):
    match = re.search(r"rigproblems label\." + severity + r",[^{]*\{\s*color:\s*#([0-9a-fA-F]{6})", css)
    if not match:
        failures.append(f"style.css gives the {severity} words no colour")
        continue
    ratio = contrast(match.group(1), "FFFFFF")
    if ratio < 4.5:
        failures.append(f"{severity} words #{match.group(1)} on white: {ratio:.2f}:1 < 4.5:1")

if not re.search(r"row:selected\s+label\.error[^{]*\{\s*color:\s*inherit", css):
    failures.append("on a selected row the severity words keep their colour: give them the row's")

if failures:
    sys.exit("\n".join(failures))
print("status colours readable")
