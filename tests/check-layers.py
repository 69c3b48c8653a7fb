#!/usr/bin/env python3
"""check-layers.py SOURCE_ROOT: the core's layers include only downwards.

The build already enforces this (each layer's library sees only the include
directories of the layers below it); this check also covers headers and says
in words which include breaks which rule. See HACKING.md, "The layers".
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
core = root / "app" / "core"

# Each layer and the layers it may use (itself included).
ALLOWED = {
    "base": {"base"},
    "model": {"base", "model"},
    "io": {"base", "model", "io"},
    "edit": {"base", "model", "io", "edit"},
    "check": {"base", "model", "check"},
    "render": {"base", "model", "check", "render"},
    "audio": {"base", "model", "check", "audio"},
}
CORE_FORBIDDEN = re.compile(r"<(gtk|gdk|adwaita)/")

owner = {}
for layer in ALLOWED:
    for header in (core / layer).rglob("*.h"):
        owner[header.name] = layer
    # Headers the layer's meson.build generates (gnome.mkenums_simple).
    build_file = core / layer / "meson.build"
    for name in re.findall(r"mkenums_simple\(\s*'([^']+)'", build_file.read_text()):
        owner[name + ".h"] = layer

problems = []
for layer in ALLOWED:
    for path in sorted((core / layer).rglob("*.[ch]")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            where = f"{path.relative_to(root)}:{number}"
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m:
                name = m.group(1)
                if "/" in name:
                    problems.append(f"{where}: includes by path ({name}); name the header only")
                elif name == "config.h":
                    pass
                elif name not in owner:
                    problems.append(f"{where}: {name} is not a core header")
                elif owner[name] not in ALLOWED[layer]:
                    problems.append(
                        f"{where}: {layer}/ may not use {owner[name]}/ ({name})")
            if CORE_FORBIDDEN.search(line) and line.lstrip().startswith("#"):
                problems.append(f"{where}: the core is GTK-free")

for top in ("widgets", "app", "tests"):
    for path in sorted((root / top).rglob("*.[ch]")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.match(r'\s*#\s*include\s+"(\.\./|app/)', line):
                problems.append(f"{path.relative_to(root)}:{number}: includes by path; name the header only")

for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"{sum(1 for _ in core.rglob('*.[ch]'))} core files include only downwards")
