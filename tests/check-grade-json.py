#!/usr/bin/env python3
"""`rigwire --grade --format=json` output follows schemas/grade-output.schema.json.

Checks the schema itself, then the real output for every shipped exercise
graded against itself, a student who is not the exercise and an unreadable
file; and that the schema refuses output with a goal's field missing or a
kind misspelt, so the check can fail.

usage: check-grade-json.py PROGRAM SOURCE_ROOT
"""
import copy
import glob
import os
import sys

from cli_json import load_validator, require_valid, run

program, root = sys.argv[1:3]
validator = load_validator(root, "grade-output.schema.json")

examples = os.path.join(root, "resources", "examples")
exercises = sorted(glob.glob(os.path.join(examples, "exercise-*.rigwire"))
                   + glob.glob(os.path.join(examples, "fault-*.rigwire")))
if len(exercises) < 8:
    sys.exit(f"{len(exercises)} exercises shipped, not 8")
goals = 0
for exercise in exercises:
    lesson = os.path.join(examples, "car.rigwire")
    code, output = run(program, ["--grade", exercise, "--format=json", exercise, lesson,
                                 "/nonexistent/gone.rigwire"])
    if code != 2:
        sys.exit(f"--grade with an unreadable file exited {code}, not 2")
    require_valid(validator, output)
    students = output["students"]
    if len(students) != 3 or "error" not in students[2]:
        sys.exit("one entry per student, the unreadable one with its error")
    if not students[1]["tampering"] or students[1]["score"] != 0:
        sys.exit("a file that is not the exercise is reported as such and scores 0")
    if students[0]["passed"] or students[0]["total"] != len(students[0]["goals"]):
        sys.exit(f"{exercise}: the exercise as handed out must not pass")
    goals += len(students[0]["goals"])

broken = copy.deepcopy(output)
del broken["students"][0]["goals"][0]["sentence"]
misspelt = copy.deepcopy(output)
misspelt["students"][0]["goals"][0]["kind"] = "all-listener"
for bad in (broken, misspelt):
    if validator.is_valid(bad):
        sys.exit("the schema accepts output it should refuse")
print(f"{len(exercises)} exercises, {goals} goals valid")
