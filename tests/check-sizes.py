#!/usr/bin/env python3
"""check-sizes.py SOURCE_ROOT: small files and short functions.

No C source file of the program (app/, widgets/) over MAX_FILE lines, and no
function over MAX_FUNCTION lines, counted from the line of its name to its
closing brace. A long function is a sign of two concerns in one; split it.
Tests are held to the file limit only, since a table of cases can be long.
"""
import pathlib
import re
import sys

MAX_FILE = 1200
MAX_FUNCTION = 120

root = pathlib.Path(sys.argv[1])
verbose = "--list" in sys.argv
problems = []


def functions(lines):
    """Yields (name, first line, length) for each top-level function body."""
    i = 0
    n = len(lines)
    while i < n:
        # GNU style: the name at column 0 followed by "(", the body's "{" at column 0.
        m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\(", lines[i])
        if m and not lines[i].rstrip().endswith(";"):
            j = i
            while j < n and lines[j] != "{" and not lines[j].rstrip().endswith(";"):
                j += 1
            if j < n and lines[j] == "{":
                k = j + 1
                while k < n and lines[k] != "}":
                    k += 1
                yield m.group(1), i + 1, k - i + 1
                i = k
        i += 1


for top in ("app", "widgets", "tests"):
    for path in sorted((root / top).rglob("*.c")):
        lines = path.read_text().splitlines()
        rel = path.relative_to(root)
        if len(lines) > MAX_FILE:
            problems.append(f"{rel}: {len(lines)} lines (at most {MAX_FILE})")
        if top == "tests":
            continue
        for name, first, length in functions(lines):
            if length > MAX_FUNCTION:
                problems.append(f"{rel}:{first}: {name}() is {length} lines (at most {MAX_FUNCTION})")

for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"every file within {MAX_FILE} lines and every function within {MAX_FUNCTION}")
