#!/usr/bin/env python3
"""`rigwire --check --format=json` output follows schemas/check-output.schema.json.

Checks the schema itself, then the real output for every example rig (clean
and with problems) and an unreadable file; and that the schema refuses output
with a diagnostic's field missing or misspelt, so the check can fail.

usage: check-json-output.py PROGRAM SOURCE_ROOT
"""
import copy
import glob
import os
import sys

from cli_json import load_validator, require_valid, run

program, root = sys.argv[1:3]
validator = load_validator(root, "check-output.schema.json")

rigs = sorted(glob.glob(os.path.join(root, "resources", "examples", "*.rigwire")))
code, output = run(program, ["--check", "--format=json", *rigs, "/nonexistent/gone.rigwire"])
if code != 2:
    sys.exit(f"--check with an unreadable file exited {code}, not 2")
require_valid(validator, output)

diagnostics = [d for entry in output["files"] for d in entry.get("diagnostics", [])]
if not diagnostics:
    sys.exit("the example rigs gave no diagnostics: the lessons' mistakes should show")
if len(output["files"]) != len(rigs) + 1 or "error" not in output["files"][-1]:
    sys.exit("one entry per file, the unreadable one with its error")

broken = copy.deepcopy(output)
first = next(e for e in broken["files"] if e.get("diagnostics"))
del first["diagnostics"][0]["fix"]
misspelt = copy.deepcopy(output)
first = next(e for e in misspelt["files"] if e.get("diagnostics"))
first["diagnostics"][0]["severity"] = "fatal"
for bad in (broken, misspelt):
    if validator.is_valid(bad):
        sys.exit("the schema accepts output it should refuse")
print(f"{len(output['files'])} files, {len(diagnostics)} diagnostics valid")
