#!/usr/bin/env python3
"""End-to-end test: the real Rigwire application, driven with real mouse and
keyboard input (xdotool) under the X server build-aux/test starts (Xvfb).

A person's first rig, as the editor issue describes it:
  1. start on a rig file;
  2. drag a smartphone and a passive speaker from the palette onto the canvas;
  3. drag a cable from the phone's headphone jack to the speaker's input;
  4. the problems list (copied with Ctrl+C) and the saved file (Ctrl+S)
     report power.passive-unamplified, and the cable is drawn in the error
     colour (pixels of a screenshot);
  5. add an amplifier, rewire through it, and the rig comes out clean.
Then a crash: an edit, the draft autosaved, the process killed with SIGKILL
(and a draft write killed half-way, whose temporary file is left); the next
start cleans the temporary file, offers the draft back and restores it, and
saving the restored rig removes the draft.

Prints TAP. Arguments: RIGWIRE_PROGRAM RIG_GEOMETRY_TOOL SCHEMA_DIR.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

PROGRAM, GEOMETRY, SCHEMA_DIR = sys.argv[1:4]
ERROR_RGB = (0xD5, 0x5E, 0x00)  # RIG_PAINTER_COLOR_ERROR, vermilion
WIDTH, HEIGHT = 1400, 900

results = []


def report(ok, name, detail=""):
    results.append(ok)
    print(("ok" if ok else "not ok") + " %d %s" % (len(results), name))
    if detail:
        for line in str(detail).splitlines():
            print("# " + line)
    sys.stdout.flush()
    return ok


def xdo(*args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], check=True,
                          capture_output=True, text=True).stdout.strip()


def wait_for(predicate, seconds=15, step=0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


class App:
    """One run of the program with its own settings, data folder and files."""

    def __init__(self, home, args, extra_env=None):
        self.home = home
        env = dict(os.environ)
        env.update({
            "GSETTINGS_BACKEND": "keyfile",
            "GSETTINGS_SCHEMA_DIR": SCHEMA_DIR,
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "GDK_DEBUG": "gl-disable",
            "GTK_A11Y": "none",
            "NO_AT_BRIDGE": "1",
            # A private session bus address that does not exist: no other
            # Rigwire is found, and no bus daemon is started.
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=" + os.path.join(home, "no-bus"),
        })
        env.update(extra_env or {})
        # Warnings stay fatal (G_DEBUG from the test environment), as in every
        # other test: a warning at start-up is a bug, not noise.
        self.log = open(os.path.join(home, "app.log"), "a")
        self.process = subprocess.Popen([PROGRAM] + args, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.window = None

    def find_window(self, name):
        def search():
            try:
                ids = xdo("search", "--onlyvisible", "--pid", self.process.pid, "--name", name)
                return ids.split()[0] if ids else None
            except subprocess.CalledProcessError:
                return None
        self.window = wait_for(search)
        if self.window:
            xdo("windowmove", self.window, 0, 0)
            xdo("windowsize", self.window, WIDTH, HEIGHT)
            time.sleep(0.8)
            xdo("windowfocus", "--sync", self.window)
        return self.window

    def origin(self):
        out = xdo("getwindowgeometry", "--shell", self.window)
        values = dict(line.split("=") for line in out.splitlines())
        return int(values["X"]), int(values["Y"])

    def click(self, x, y, button=1):
        ox, oy = self.origin()
        xdo("mousemove", "--sync", ox + x, oy + y)
        time.sleep(0.1)
        xdo("click", button)
        time.sleep(0.3)

    def drag(self, x0, y0, x1, y1, steps=24):
        ox, oy = self.origin()
        xdo("mousemove", "--sync", ox + x0, oy + y0)
        time.sleep(0.15)
        xdo("mousedown", 1)
        time.sleep(0.15)
        for i in range(1, steps + 1):
            x = x0 + (x1 - x0) * i / steps
            y = y0 + (y1 - y0) * i / steps
            xdo("mousemove", ox + int(round(x)), oy + int(round(y)))
            time.sleep(0.03)
        time.sleep(0.3)
        xdo("mouseup", 1)
        time.sleep(0.6)

    def key(self, *keys):
        xdo("key", "--clearmodifiers", *keys)
        time.sleep(0.4)

    def type(self, text):
        xdo("type", "--delay", 30, text)
        time.sleep(0.5)

    def save(self, path):
        """Ctrl+S, then wait until @path is written again (a slow, sanitizer
        build may take a moment): reading it at once could read the old one.
        A key sent while a window that just closed (a dialog) still held the
        keyboard is lost: then the window is focused again and the key sent
        once more. A save that never lands still fails the caller's check."""
        def stamp():
            try:
                return os.stat(path).st_mtime_ns
            except OSError:
                return None
        before = stamp()
        for _ in range(3):
            if self.window:
                xdo("windowfocus", "--sync", self.window)
            self.key("ctrl+s")
            if wait_for(lambda: stamp() != before, seconds=10) is not None:
                return True
        print("# the save never landed; the application's windows: %s; its log:\n# %s"
              % (self.window_names(), "\n# ".join(self.log_tail())))
        return False

    def save_until(self, path, predicate, seconds=10):
        """Saves until the saved rig's geometry satisfies @predicate, and
        returns that geometry (or the last one, which the caller's check then
        reports). A drop or a drag ends in messages the application sends
        itself, which can come after the Ctrl+S sent next on a busy machine:
        the save then writes the rig as it was a moment before."""
        deadline = time.monotonic() + seconds
        while True:
            self.save(path)
            geo = geometry(path)
            if predicate(geo) or time.monotonic() >= deadline:
                return geo
            time.sleep(0.5)

    def window_names(self):
        try:
            ids = xdo("search", "--onlyvisible", "--pid", self.process.pid, "--name", "")
        except subprocess.CalledProcessError:
            return []
        return [xdo("getwindowname", i) for i in ids.split()]

    def log_tail(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read().splitlines()[-20:]

    def screenshot(self, path):
        subprocess.run(["import", "-window", "root", path], check=True)
        return path

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def write_settings(home, **extra):
    folder = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    settings = {
        "window-width": WIDTH, "window-height": HEIGHT, "palette-width": 260,
        "inspector-width": 300, "problems-height": 180, "snap-to-grid": "false",
    }
    settings.update(extra)
    with open(os.path.join(folder, "keyfile"), "w") as f:
        f.write("[io/github/rigwire/Rigwire]\n")
        for key, value in settings.items():
            f.write("%s=%s\n" % (key, value))


def geometry(path):
    return json.loads(subprocess.run([GEOMETRY, path], check=True, capture_output=True,
                                     text=True).stdout)


def check(path):
    run = subprocess.run([PROGRAM, "--check", "--format=json", path], capture_output=True,
                         text=True)
    return run.returncode, json.loads(run.stdout)["files"][0]


def pixels(png, x, y, radius):
    """The colours of the pixels in a square around (x, y) of a screenshot."""
    size = 2 * radius + 1
    out = subprocess.run(["convert", png, "-crop", "%dx%d+%d+%d" % (size, size, x - radius,
                                                                    y - radius),
                          "-depth", "8", "txt:-"], check=True, capture_output=True,
                         text=True).stdout
    colours = []
    for line in out.splitlines()[1:]:
        rgb = line.split("(")[1].split(")")[0].split(",")[:3]
        colours.append(tuple(int(float(c)) for c in rgb))
    return colours


def near(colour, target, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target))


EMPTY_RIG = """<?xml version="1.0" encoding="UTF-8"?>
<rig xmlns="https://rigwire.github.io/ns/rigwire/1" format-version="1">
  <title>My first rig</title>
  <models/>
  <devices/>
  <cables/>
</rig>
"""

# Where things are in the 1400 x 900 window (palette 260 px on the left,
# inspector 300 px on the right).
SEARCH = (130, 73)
FIRST_ROW = (120, 145)  # the first model under the first category header
EMPTY_CANVAS = (700, 640)  # below the rig, above the problems list
TITLE_ENTRY = (1300, 212)  # the rig's page: the Title row's entry
CANVAS_RGB = (0xF6, 0xF5, 0xF4)  # RIG_PAINTER_COLOR_BACKGROUND


class Canvas:
    """Maps canvas units to window pixels from where devices were dropped."""

    def __init__(self, drops, geo):
        # A device is placed with its card centred on the drop point
        # horizontally and its header centred vertically (no snapping).
        points = []
        for device_id, (wx, wy) in drops.items():
            d = geo["devices"][device_id]
            points.append(((d["x"] + d["width"] / 2, d["y"] + d["header"] / 2), (wx, wy)))
        (c0, w0), (c1, w1) = points[0], points[1]
        self.zoom = (w1[0] - w0[0]) / (c1[0] - c0[0])
        self.c0, self.w0 = c0, w0

    def to_window(self, point):
        return (int(round(self.w0[0] + (point[0] - self.c0[0]) * self.zoom)),
                int(round(self.w0[1] + (point[1] - self.c0[1]) * self.zoom)))


def drag_from_palette(app, search, drop):
    app.click(*SEARCH)
    app.key("ctrl+a")
    app.type(search)
    # The search entry filters the palette 150 ms after the last key, and a
    # busy (sanitizer) build takes longer to filter: the first row must be
    # the model searched for before it is dragged.
    time.sleep(0.5)
    app.drag(FIRST_ROW[0], FIRST_ROW[1], drop[0], drop[1])


def first_rig(home):
    os.makedirs(home, exist_ok=True)
    rig = os.path.join(home, "first.rigwire")
    with open(rig, "w") as f:
        f.write(EMPTY_RIG)
    write_settings(home)
    app = App(home, [rig])
    try:
        if not report(app.find_window("first.rigwire") is not None, "the window opens on the rig"):
            return
        app.key("ctrl+0")  # actual size

        # 2. Two devices from the palette, dropped on the canvas.
        drops = {"d1": (480, 200), "d2": (900, 200)}
        drag_from_palette(app, "Smartphone (3.5", drops["d1"])
        drag_from_palette(app, "Bookshelf", drops["d2"])
        geo = app.save_until(rig, lambda g: len(g["devices"]) == 2)
        models = sorted(d["model"] for d in geo["devices"].values())
        if not report(models == ["phone-ctia", "speaker-bookshelf"],
                      "a smartphone and a passive speaker dragged from the palette", models):
            return
        canvas = Canvas(drops, geo)

        # 3. A cable from the phone's headphone jack to the speaker's input.
        start = canvas.to_window(geo["devices"]["d1"]["ports"]["headset"])
        end = canvas.to_window(geo["devices"]["d2"]["ports"]["in"])
        app.drag(start[0], start[1], end[0], end[1])
        geo = app.save_until(rig, lambda g: len(g["cables"]) == 1)
        report(len(geo["cables"]) == 1, "a cable dragged from jack to jack", geo["cables"])

        # 4. The saved file, the problems list and the colour of the cable.
        status, result = check(rig)
        codes = [d["code"] for d in result["diagnostics"]]
        report(status == 1 and "power.passive-unamplified" in codes,
               "the saved file reports power.passive-unamplified", codes)

        cable = list(geo["cables"].values())[0]
        along = canvas.to_window(cable["along"])
        # Checked in the background: wait for the frame that shows the verdict.
        colours = wait_for_pixels(app, os.path.join(home, "error.png"), along, 6,
                                  lambda cs: any(near(c, ERROR_RGB) for c in cs))
        report(any(near(c, ERROR_RGB) for c in colours),
               "the cable is drawn in the error colour", "at %s: %s" % (along, colours[:8]))

        # The problems list: select its first row, copy it. Clicked again if
        # the copy is not there yet (the click may still be on its way).
        copied = ""
        for _ in range(3):
            app.click(400, HEIGHT - 150)
            app.key("ctrl+c")
            copied = wait_for(clipboard_with("power.passive-unamplified"), seconds=3) or copied
            if copied:
                break
        report("power.passive-unamplified" in copied, "the problems list reports it", copied)

        # 5. An amplifier between them: delete the cable, add the amp, rewire.
        label = canvas.to_window(cable["label"])
        app.click(*label)
        app.key("Delete")
        drops_amp = (690, 420)
        drag_from_palette(app, "Integrated stereo", drops_amp)
        geo = app.save_until(rig, lambda g: len(g["devices"]) == 3 and not g["cables"])
        amp_id = [i for i, d in geo["devices"].items() if d["model"] == "amp-integrated"]
        if not report(len(amp_id) == 1 and not geo["cables"], "the amplifier added, the cable gone",
                      geo):
            return
        for (a, ja), (b, jb) in [(("d1", "headset"), (amp_id[0], "in-aux")),
                                 ((amp_id[0], "spk-l"), ("d2", "in"))]:
            s = canvas.to_window(geo["devices"][a]["ports"][ja])
            e = canvas.to_window(geo["devices"][b]["ports"][jb])
            app.drag(s[0], s[1], e[0], e[1])
        n_cables = len(app.save_until(rig, lambda g: len(g["cables"]) == 2)["cables"])
        status, result = check(rig)
        report(status == 0 and n_cables == 2 and not result["diagnostics"],
               "rewired through the amplifier, the rig checks clean",
               json.dumps(result["diagnostics"])[:2000] + " cables=%d" % n_cables)

        # 6. The cables go round the cards, not under them.
        geo = geometry(rig)
        crossings = route_crossings(geo)
        report(not crossings, "the routes pass under no card", crossings)

        # 7. The rig's own page: nothing selected, type a title, save, and
        # find it in the exported sheet.
        app.click(*EMPTY_CANVAS)
        app.click(*TITLE_ENTRY)
        app.key("ctrl+a")
        app.type("Desk rig for class 4B")
        app.key("Return")
        app.save(rig)
        pdf = os.path.join(home, "first.pdf")
        subprocess.run([PROGRAM, "--export", pdf, rig], check=True, capture_output=True)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        report("Desk rig for class 4B" in text, "the title typed on the rig's page is on the sheet",
               text[:300])

        # 8. Ctrl+I hides the inspector (the canvas takes its place) and
        # shows it again.
        before = pixels(app.screenshot(os.path.join(home, "shown.png")), *app_point(app, TITLE_ENTRY), 0)
        app.key("ctrl+i")
        hidden = wait_for_pixels(app, os.path.join(home, "hidden.png"), TITLE_ENTRY, 0,
                                 lambda cs: near(cs[0], CANVAS_RGB, 8))
        app.key("ctrl+i")
        again = wait_for_pixels(app, os.path.join(home, "again.png"), TITLE_ENTRY, 0,
                                lambda cs: cs[0] == before[0])
        report(near(hidden[0], CANVAS_RGB, 8) and not near(before[0], CANVAS_RGB, 8)
               and again[0] == before[0], "Ctrl+I hides and shows the inspector",
               "%s %s %s" % (before, hidden, again))
    finally:
        app.stop()


def app_point(app, point):
    ox, oy = app.origin()
    return ox + point[0], oy + point[1]


def wait_for_pixels(app, png, point, radius, predicate, seconds=5):
    """The pixels around @point of the window (as pixels()), once they
    satisfy @predicate: screenshots are taken until they do, for @seconds at
    most (a frame may still be on its way). Returns the last pixels taken."""
    deadline = time.monotonic() + seconds
    while True:
        colours = pixels(app.screenshot(png), *app_point(app, point), radius)
        if predicate(colours) or time.monotonic() >= deadline:
            return colours
        time.sleep(0.2)


def clipboard_with(text):
    """A predicate for wait_for(): the clipboard's text if it holds @text."""
    def read():
        out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True,
                             text=True).stdout
        return out if text in out else None
    return read


def route_crossings(geo):
    """The cables whose route runs through a card other than its own two."""
    cards = {i: (d["x"], d["y"], d["width"], d["height"]) for i, d in geo["devices"].items()}
    found = []
    def at(point):
        return {i for i, (cx, cy, w, h) in cards.items()
                if cx - 2 <= point[0] <= cx + w + 2 and cy - 2 <= point[1] <= cy + h + 2}

    for cable_id, cable in geo["cables"].items():
        path = cable.get("path", [])
        if not path:
            found.append((cable_id, "no path"))
            continue
        ends = at(path[0]) | at(path[-1])
        for (x0, y0), (x1, y1) in zip(path, path[1:]):
            for k in range(1, 10):
                x, y = x0 + (x1 - x0) * k / 10, y0 + (y1 - y0) * k / 10
                for device_id, (cx, cy, w, h) in cards.items():
                    if device_id in ends:
                        continue
                    if cx + 1 < x < cx + w - 1 and cy + 1 < y < cy + h - 1:
                        found.append((cable_id, device_id))
    return found


def crash_and_restore(home):
    os.makedirs(home, exist_ok=True)
    rig = os.path.join(home, "crash.rigwire")
    with open(rig, "w") as f:
        f.write(EMPTY_RIG)
    write_settings(home, **{"autosave-seconds": 1})
    drafts = os.path.join(home, "data", "rigwire", "drafts")

    app = App(home, [rig])
    try:
        if not report(app.find_window("crash.rigwire") is not None, "crash: the window opens"):
            return
        drag_from_palette(app, "Bookshelf", (700, 300))
        found = wait_for(lambda: os.path.isdir(drafts) and any(
            n.endswith(".rigwire") for n in os.listdir(drafts)), seconds=10)
        report(bool(found), "crash: a draft is written a moment after the edit")
    finally:
        app.process.send_signal(signal.SIGKILL)
        app.stop()

    # Nothing was saved: the file is still empty.
    report(not geometry(rig)["devices"], "crash: the file itself was not touched")
    # What a draft write killed half-way leaves (rig-safe-file's pattern).
    leftover = os.path.join(drafts, ".draft-0123abcd.draft.Zz9Yy8.rigwire-tmp")
    with open(leftover, "w") as f:
        f.write("[Dra")

    app = App(home, [])
    try:
        app.find_window("Restore") or app.find_window("Rigwire")
        time.sleep(1)
        report(not os.path.exists(leftover), "crash: the killed write's temporary file is cleaned",
               os.listdir(drafts))
        app.key("Return")  # Restore is the default answer
        restored = app.find_window("crash.rigwire")
        if not report(restored is not None, "crash: the next start restores the rig"):
            return
        app.save(rig)

        def saved_devices():
            devices = [d["model"] for d in geometry(rig)["devices"].values()]
            return devices if devices == ["speaker-bookshelf"] else None

        # The save may take a moment on a slow (sanitizer) build: wait for it.
        devices = wait_for(saved_devices, seconds=10)
        report(devices is not None, "crash: the restored rig saves with the edit",
               "%s; drafts left: %s" % ([d["model"] for d in geometry(rig)["devices"].values()],
                                        os.listdir(drafts)))
        # Drafts are "draft-<id>.rigwire" beside their ".lock".
        left = wait_for(lambda: not any(n.startswith("draft-") and n.endswith(".rigwire")
                                        for n in os.listdir(drafts)), seconds=5)
        report(bool(left), "crash: saving the restored rig removes its draft",
               os.listdir(drafts))
    finally:
        app.stop()


# The metainfo's screenshots: (file, example rig, colour scheme). With
# RIGWIRE_SCREENSHOTS set to a folder (data/screenshots of the source tree),
# they are written there; the test only checks that they were taken.
SCREENSHOTS = [
    ("editor.png", "home-studio.rigwire", "prefer-light"),
    ("lesson.png", "lesson-aux-in-as-out.rigwire", "prefer-light"),
    ("dark.png", "home-theater.rigwire", "prefer-dark"),
]


def screenshots(home):
    examples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources",
                            "examples")
    keep = os.environ.get("RIGWIRE_SCREENSHOTS")
    taken = []
    for name, rig, scheme in SCREENSHOTS:
        os.makedirs(home, exist_ok=True)
        write_settings(home)
        app = App(home, [os.path.join(examples, rig)], {"ADW_DEBUG_COLOR_SCHEME": scheme})
        try:
            if not app.find_window("."):
                continue
            time.sleep(1.5)
            shot = app.screenshot(os.path.join(home, "root-" + name))
            out = os.path.join(keep, name) if keep else os.path.join(home, name)
            subprocess.run(["convert", shot, "-crop", "%dx%d+0+0" % (WIDTH, HEIGHT), "+repage",
                            out], check=True)
            taken.append(out)
        finally:
            app.stop()
    report(len(taken) == len(SCREENSHOTS), "screenshots: the editor in light and dark",
           "\n".join(taken))


def display_ready():
    """Whether the X server answers (xvfb-run may still be starting it)."""
    try:
        return subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True,
                              timeout=5).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def main():
    print("1..19")
    if not wait_for(display_ready, seconds=30, step=0.2):
        print("# the X display %s never answered" % os.environ.get("DISPLAY"))
    with tempfile.TemporaryDirectory(prefix="rigwire-e2e-") as home:
        first_rig(os.path.join(home, "first"))
        crash_and_restore(os.path.join(home, "crash"))
        screenshots(os.path.join(home, "shots"))
        if not all(results):
            for name in ("first", "crash"):
                log = os.path.join(home, name, "app.log")
                if os.path.exists(log):
                    print("# --- %s app log ---" % name)
                    for line in open(log).read().splitlines()[-30:]:
                        print("# " + line)
    while len(results) < 19:
        report(False, "not reached")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
