#!/usr/bin/env python3
"""The metainfo's screenshots are in the repository, as the e2e test made them.

Every <image> of the metainfo names a file under data/screenshots/ of this
tree (by its raw repository address), and that file is a PNG of the editor's
window size. Regenerate them with
  RIGWIRE_SCREENSHOTS=$PWD/data/screenshots meson test -C _build e2e-editor

usage: check-screenshots.py METAINFO_IN SOURCE_ROOT
"""
import os
import re
import struct
import sys

metainfo, root = sys.argv[1:3]
with open(metainfo, encoding="utf-8") as f:
    images = re.findall(r"<image>([^<]+)</image>", f.read())
if not images:
    sys.exit("the metainfo has no screenshots")
failures = []
for url in images:
    match = re.search(r"/main/(data/screenshots/[\w.-]+\.png)$", url)
    if not match:
        failures.append(f"{url} is not a screenshot of this repository")
        continue
    path = os.path.join(root, match.group(1))
    if not os.path.exists(path):
        failures.append(f"{match.group(1)} is missing")
        continue
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        failures.append(f"{match.group(1)} is not a PNG")
        continue
    width, height = struct.unpack(">II", head[16:24])
    if (width, height) != (1400, 900):
        failures.append(f"{match.group(1)} is {width}x{height}, not the editor's 1400x900")
if failures:
    sys.exit("\n".join(failures))
print(f"{len(images)} screenshots present")
