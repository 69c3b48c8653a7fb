#!/usr/bin/env python3
"""What can be checked of the Flatpak manifest without building it.

The app id is the application's, the runtime is GNOME 43 (whose GTK is the
4.8 we target), the command is rigwire, it is built with meson from this
tree, and it asks for the least it needs: Wayland with an X11 fallback, IPC
(for X11 shared memory) and the GPU. No home or host files (rigs are opened
and saved through the file chooser portal), no network.

usage: check-flatpak.py MANIFEST APP_ID
"""
import json
import sys

manifest_path, app_id = sys.argv[1:3]
with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

failures = []


def expect(key, value):
    if manifest.get(key) != value:
        failures.append(f"{key} is {manifest.get(key)!r}, not {value!r}")


expect("id", app_id)
expect("runtime", "org.gnome.Platform")
expect("runtime-version", "43")
expect("sdk", "org.gnome.Sdk")
expect("command", "rigwire")

allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
finish = manifest.get("finish-args", [])
for arg in finish:
    if arg not in allowed:
        failures.append(f"finish-args asks for {arg}, more than the app needs")
for arg in ("--socket=wayland", "--socket=fallback-x11"):
    if arg not in finish:
        failures.append(f"finish-args lacks {arg}")
if "--socket=x11" in finish:
    failures.append("--socket=x11 given: use --socket=fallback-x11 beside wayland")

modules = manifest.get("modules", [])
if not modules or modules[-1].get("name") != "rigwire":
    failures.append("the last module is not rigwire")
else:
    app = modules[-1]
    if app.get("buildsystem") != "meson":
        failures.append("rigwire is not built with meson")
    sources = app.get("sources", [])
    if not any(s.get("type") == "dir" and s.get("path") == "../.." for s in sources):
        failures.append("rigwire's source is not this tree (a dir source at ../..)")

if failures:
    sys.exit("\n".join(failures))
print(f"{manifest_path}: {app_id}, GNOME 43, {len(finish)} permissions")
