"""What the checks of rigwire's JSON output share: the schema, a headless
run of the program, and the validation (check-json-output.py,
check-trace-json.py, check-grade-json.py)."""
import json
import os
import subprocess
import sys

import jsonschema


def load_validator(root, schema_name):
    """The validator of schemas/@schema_name, after checking the schema itself."""
    with open(os.path.join(root, "schemas", schema_name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def run(program, args):
    """Runs @program with @args and no display; its exit code and its JSON."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    done = subprocess.run([program, *args], env=env, capture_output=True, text=True)
    return done.returncode, json.loads(done.stdout)


def require_valid(validator, output):
    """Exits naming each place where @output breaks the schema."""
    errors = sorted(validator.iter_errors(output), key=lambda e: list(e.path))
    if errors:
        sys.exit("\n".join(f"{list(e.path)}: {e.message}" for e in errors))
