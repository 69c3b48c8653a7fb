#!/usr/bin/env python3
"""`rigwire --trace --format=json` output follows schemas/trace-output.schema.json.

Traces every example rig and an unreadable file, validates the output, checks
the shape of each path (it starts at an output, each input after a cable)
and a few levels computed by hand (doc/physics.md §6.1, §5.1, §9); and that
the schema refuses output with a field missing, so the check can fail.

usage: check-trace-json.py PROGRAM SOURCE_ROOT
"""
import copy
import glob
import math
import os
import sys

from cli_json import load_validator, require_valid, run

program, root = sys.argv[1:3]
validator = load_validator(root, "trace-output.schema.json")

rigs = sorted(glob.glob(os.path.join(root, "resources", "examples", "*.rigwire")))
code, output = run(program, ["--trace", "--format=json", *rigs, "/nonexistent/gone.rigwire"])
if code != 2:
    sys.exit(f"--trace with an unreadable file exited {code}, not 2")
require_valid(validator, output)
if len(output["files"]) != len(rigs) + 1 or "error" not in output["files"][-1]:
    sys.exit("one entry per file, the unreadable one with its error")

by_name = {os.path.basename(e["file"]): e for e in output["files"][:-1]}
for name, entry in by_name.items():
    # An exercise is handed out with its cables left to the student: no path
    # yet. Every other example is a wired rig.
    if not entry["paths"] and not name.startswith("exercise-"):
        sys.exit(f"{name}: no path traced")
    for path in entry["paths"]:
        stages = path["stages"]
        if stages[0]["direction"] != "out" or stages[0]["device"] != path["source"]:
            sys.exit(f"{name}: a path does not start at its source's output")
        if stages[-1]["device"] != path["listener"]:
            sys.exit(f"{name}: a path does not end at its listener")
        for before, stage in zip(stages, stages[1:]):
            if stage["direction"] == "in" and (before["direction"] != "out" or not stage["cable"]):
                sys.exit(f"{name}: an input not reached by a cable from an output")


def close(a, b, what):
    if a is None or not math.isclose(a, b, abs_tol=0.01):
        sys.exit(f"{what}: {a}, not {b} as computed by hand")


def path_to(entry, listener_label):
    for path in entry["paths"]:
        if path["stages"][-1]["label"] == listener_label:
            return path
    sys.exit(f"no path to {listener_label}")


# A phone (1 V, 1 Ω) straight into an 8 Ω, 87 dB speaker at 2.5 m (assumed):
# 20·log10(8/9) = −1.02 dB, peaks 0.889 V, 87 + 10·log10(0.889²/8) − 20·log10(2.5).
lesson = by_name["lesson-aux-power-speakers.rigwire"]
bookshelf = path_to(lesson, "Bookshelf speaker")
close(bookshelf["stages"][1]["gain_db"], 20 * math.log10(8 / 9), "phone into 8 Ω, loss")
close(bookshelf["stages"][1]["peak"]["volts"], 8 / 9, "phone into 8 Ω, peak")
close(bookshelf["spl_peak_db"], 87 + 10 * math.log10((8 / 9) ** 2 / 8) - 20 * math.log10(2.5),
      "phone into 8 Ω, loudness")
# The phone's headphone out sends −10 dBV (0.316 V) nominal, and that is assumed.
close(bookshelf["stages"][0]["nominal"]["dbv"], -10.0, "phone nominal level")
if "nominal" not in bookshelf["stages"][0]["assumed"]:
    sys.exit("a class's nominal level is not marked assumed")
# The optical input starts no analog level: the AV receiver's output starts anew.
theater = by_name["home-theater.rigwire"]
for path in theater["paths"]:
    if path["stages"][0]["nominal"] is not None:
        sys.exit("an optical output has an analog level")
print(f"{len(output['files'])} files, {sum(len(e['paths']) for e in by_name.values())} paths valid")

broken = copy.deepcopy(output)
del broken["files"][0]["paths"][0]["stages"][0]["peak"]
if validator.is_valid(broken):
    sys.exit("the schema accepts output it should refuse")
