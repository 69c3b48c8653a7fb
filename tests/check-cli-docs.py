#!/usr/bin/env python3
"""The command line's documentation follows its options.

Every long option `rigwire --help-all` lists (but GApplication's own) is in
the man page's source and offered by the bash completion; the man page built
from it is well-formed; the completion script completes an option and a value
in a real bash with bash-completion loaded.

usage: check-cli-docs.py PROGRAM SOURCE_ROOT MAN_PAGE
"""
import os
import re
import subprocess
import sys

program, root, man_page = sys.argv[1:4]
env = dict(os.environ)
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
help_all = subprocess.run([program, "--help-all"], env=env, check=True,
                          capture_output=True, text=True).stdout
options = set(re.findall(r"(--[a-z][a-z-]*)", help_all))
options -= {o for o in options if o.startswith("--gapplication")}
if len(options) < 15:
    sys.exit(f"--help-all lists only {sorted(options)}")

with open(os.path.join(root, "doc", "rigwire.1.scd"), encoding="utf-8") as f:
    man_source = f.read()
completion_path = os.path.join(root, "build-aux", "rigwire.bash-completion")
with open(completion_path, encoding="utf-8") as f:
    completion = f.read()

failures = []
for option in sorted(options):
    if option == "--help-gapplication":
        continue
    if f"*{option}*" not in man_source and option not in ("--help-all", "--help-export"):
        failures.append(f"the man page does not document {option}")
    if not re.search(re.escape(option) + r"(=|\s|')", completion):
        failures.append(f"the bash completion does not offer {option}")

# The built page: groff reads it without a warning.
page = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", man_page],
                      capture_output=True, text=True)
if page.returncode != 0 or page.stderr.strip():
    failures.append(f"groff warns about {man_page}: {page.stderr.strip()}")


def complete(line):
    script = f"""
source /usr/share/bash-completion/bash_completion
source {completion_path!r}
COMP_LINE={line!r}
COMP_POINT=${{#COMP_LINE}}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_rigwire
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
    if done.returncode != 0:
        failures.append(f"completing {line!r} failed: {done.stderr.strip()}")
    return done.stdout.split()


if not os.path.exists("/usr/share/bash-completion/bash_completion"):
    failures.append("bash-completion is not installed (build-aux/setup.sh installs it)")
else:
    if complete("rigwire --fo") != ["--format="]:
        failures.append(f"'rigwire --fo' completes to {complete('rigwire --fo')}")
    if complete("rigwire --page ") != ["a4", "letter", "a3"]:
        failures.append(f"'rigwire --page ' completes to {complete('rigwire --page ')}")

if failures:
    sys.exit("\n".join(failures))
print(f"{len(options)} options documented and completed")
