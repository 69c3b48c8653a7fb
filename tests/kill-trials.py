#!/usr/bin/env python3
"""kill-trials.py: kill saves and exports half-way, then count the damage.

Usage: kill-trials.py RIGWIRE RIG_RESAVE [TRIALS]

Each trial starts a real save (tests/rig-resave, which loads a rig and saves
it with the format's own code) or a real export (rigwire --export OUT.pdf)
over an existing file, and sends it SIGKILL after a random delay spread over
the second half of the time a whole run takes (the file is written last). Afterwards the file must be whole: the old bytes
or the new ones, never a mixture. Then the "next start" (rigwire --check on a
file in that folder) must leave no temporary file behind. Prints TAP and the
figures; fails on any torn file or orphan temporary.
"""
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

NS = "https://rigwire.github.io/ns/rigwire/1"
TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9]{6}\.rigwire-tmp$")

rigwire, resave = sys.argv[1], sys.argv[2]
trials = int(sys.argv[3]) if len(sys.argv) > 3 else 50
source = os.path.join(os.environ.get("RIGWIRE_SOURCE_DIR", "."), "resources", "examples",
                      "home-studio.rigwire")
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
random.seed(20261204)
results = []


def report(ok, name, detail=""):
    results.append(ok)
    print("%s %d %s" % ("ok" if ok else "not ok", len(results), name))
    for line in detail.splitlines():
        print("# " + line)
    sys.stdout.flush()


def big_rig(copies):
    """The home studio with its devices copied @copies times: a file large
    enough that writing it takes a while. Written as ElementTree writes it,
    which is not Rigwire's canonical form, so a resave changes every byte."""
    ET.register_namespace("", NS)
    tree = ET.parse(source)
    devices = tree.getroot().find("{%s}devices" % NS)
    originals = list(devices)
    for i in range(copies):
        for device in originals:
            clone = ET.fromstring(ET.tostring(device))
            clone.set("id", "k%d%s" % (i, device.get("id")))
            clone.set("x", str(int(float(device.get("x"))) + 900 * (1 + i % 30)))
            clone.set("y", str(int(float(device.get("y"))) + 700 * (i // 30)))
            devices.append(clone)
    return ET.tostring(tree.getroot(), xml_declaration=True, encoding="UTF-8")


def temporaries(folder):
    return [n for n in os.listdir(folder) if TEMPORARY.match(n)]


def run_killed(argv, delay):
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return killed


def duration(argv):
    start = time.monotonic()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def trial_set(name, make_old, command, new_bytes, target_name, work):
    """Runs the trials of one kind; returns (killed, torn, orphans)."""
    killed = torn = 0
    folders = []
    old = make_old()
    probe = os.path.join(work, name + "-probe")
    os.mkdir(probe)
    with open(os.path.join(probe, "rig.rigwire"), "wb") as f:
        f.write(rig)
    with open(os.path.join(probe, target_name), "wb") as f:
        f.write(old)
    whole = duration(command(probe))
    for i in range(trials):
        folder = os.path.join(work, "%s-%03d" % (name, i))
        os.mkdir(folder)
        with open(os.path.join(folder, "rig.rigwire"), "wb") as f:
            f.write(rig)
        with open(os.path.join(folder, target_name), "wb") as f:
            f.write(old)
        # Loading takes most of a run and the write comes last: aim the kills
        # at the second half, where the file is written.
        killed += run_killed(command(folder), random.uniform(whole * 0.7, whole * 1.05))
        with open(os.path.join(folder, target_name), "rb") as f:
            result = f.read()
        if result not in (old, new_bytes):
            torn += 1
        folders.append(folder)
    left_before = sum(len(temporaries(f)) for f in folders)
    # The next start: a command line run that reads a rig in that folder.
    for folder in folders:
        subprocess.run([rigwire, "--check", os.path.join(folder, "rig.rigwire")], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    orphans = sum(len(temporaries(f)) for f in folders)
    return killed, torn, left_before, orphans, whole


work = tempfile.mkdtemp(prefix="rigwire-kill-")
try:
    rig = big_rig(1000)
    # What a complete save and a complete export write.
    reference = os.path.join(work, "reference")
    os.mkdir(reference)
    with open(os.path.join(reference, "rig.rigwire"), "wb") as f:
        f.write(rig)
    subprocess.run([rigwire, "--export", os.path.join(reference, "sheet.pdf"),
                    os.path.join(reference, "rig.rigwire")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(reference, "sheet.pdf"), "rb") as f:
        new_pdf = f.read()
    subprocess.run([resave, os.path.join(reference, "rig.rigwire")], env=env, check=True)
    with open(os.path.join(reference, "rig.rigwire"), "rb") as f:
        new_rig = f.read()
    print("1..4")

    k, torn, before, orphans, whole = trial_set(
        "save", lambda: rig, lambda d: [resave, os.path.join(d, "rig.rigwire")], new_rig,
        "rig.rigwire", work)
    figures = ("%d trials, %d killed mid-run (a whole save takes %.0f ms), %d torn files, "
               "%d temporaries left at the kill, %d after the next start"
               % (trials, k, whole * 1000, torn, before, orphans))
    report(torn == 0, "kill during save: no torn file", figures)
    report(orphans == 0, "kill during save: no orphan temporary after the next start")

    k, torn, before, orphans, whole = trial_set(
        "export", lambda: b"%PDF old sheet\n",
        lambda d: [rigwire, "--export", os.path.join(d, "sheet.pdf"), os.path.join(d, "rig.rigwire")],
        new_pdf, "sheet.pdf", work)
    figures = ("%d trials, %d killed mid-run (a whole export takes %.0f ms), %d torn files, "
               "%d temporaries left at the kill, %d after the next start"
               % (trials, k, whole * 1000, torn, before, orphans))
    report(torn == 0, "kill during export: no torn file", figures)
    report(orphans == 0, "kill during export: no orphan temporary after the next start")
finally:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(0 if all(results) else 1)
