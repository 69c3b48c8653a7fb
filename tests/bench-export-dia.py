#!/usr/bin/env python3
"""bench-export-dia.py: Rigwire's diagram export against Dia's, side by side.

Usage: bench-export-dia.py RIGWIRE BENCH_EXPORT [MAX_DEVICES]

For 100, 1,000 and 10,000 devices, `bench-export --generate N` saves the planned
rig of bench-export (ten catalog devices per station, a cable per device); this
script writes the equivalent Dia diagram: one labelled box per device (a
"Flowchart - Box" with the device's label, at the device's place, the size of a
card), one line per cable, connected to the two boxes. Then it times, in
separate processes, by the CPU time (user + system) of the child:

    dia -n -t cairo-FORMAT -e out.FORMAT rig.dia    (Dia 0.97, Debian 12)
    rigwire --export out.FORMAT --diagram-only rig.rigwire

for SVG, PDF and PNG; both draw through cairo. Dia's PNG is drawn at about the
width of Rigwire's (an A4 page at 150 dpi: 1240 px), through the paper's
scaling (Dia's cairo exporters ignore -s). Both commands load and
parse their file, lay out and draw, so each figure is the whole command.
Dia needs no display for these exporters (-n, no DISPLAY). Medians of several
runs; one table. Exits 77 (skipped) when Dia is not installed.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = "{https://rigwire.github.io/ns/rigwire/1}"
UNIT_CM = 2.54 / 96  # a canvas unit is 1/96 in; Dia works in cm
CARD_W, CARD_H = 200.0, 160.0
FORMATS = ("svg", "pdf", "png")
SIZES = (100, 1000, 10000)
PNG_WIDTH = 1240  # px: an A4 page at 150 dpi, as Rigwire's PNG


def box(oid, x, y, label):
    w, h = CARD_W * UNIT_CM, CARD_H * UNIT_CM
    return f"""    <dia:object type="Flowchart - Box" version="0" id="{oid}">
      <dia:attribute name="elem_corner"><dia:point val="{x:.3f},{y:.3f}"/></dia:attribute>
      <dia:attribute name="elem_width"><dia:real val="{w:.3f}"/></dia:attribute>
      <dia:attribute name="elem_height"><dia:real val="{h:.3f}"/></dia:attribute>
      <dia:attribute name="text">
        <dia:composite type="text">
          <dia:attribute name="string"><dia:string>#{escape(label)}#</dia:string></dia:attribute>
          <dia:attribute name="font"><dia:font family="sans" style="0" name="Helvetica"/></dia:attribute>
          <dia:attribute name="height"><dia:real val="0.35"/></dia:attribute>
          <dia:attribute name="pos"><dia:point val="{x + w / 2:.3f},{y + h / 2:.3f}"/></dia:attribute>
          <dia:attribute name="color"><dia:color val="#000000"/></dia:attribute>
          <dia:attribute name="alignment"><dia:enum val="1"/></dia:attribute>
        </dia:composite>
      </dia:attribute>
    </dia:object>
"""


def line(oid, a, b, pa, pb):
    # Flowchart boxes have 16 connection points round the edge: 8 is the
    # middle of the right side, 7 of the left.
    return f"""    <dia:object type="Standard - Line" version="0" id="{oid}">
      <dia:attribute name="conn_endpoints"><dia:point val="{pa[0]:.3f},{pa[1]:.3f}"/><dia:point val="{pb[0]:.3f},{pb[1]:.3f}"/></dia:attribute>
      <dia:connections>
        <dia:connection handle="0" to="{a}" connection="8"/>
        <dia:connection handle="1" to="{b}" connection="7"/>
      </dia:connections>
    </dia:object>
"""


def write_dia(rig_path, dia_path):
    """The Dia diagram of a .rigwire file; returns (devices, cables)."""
    root = ET.parse(rig_path).getroot()
    ids, places, parts = {}, {}, []
    for d in root.iter(NS + "device"):
        oid = f"O{len(ids)}"
        ids[d.get("id")] = oid
        x, y = float(d.get("x")) * UNIT_CM, float(d.get("y")) * UNIT_CM
        places[oid] = (x, y)
        parts.append(box(oid, x, y, d.get("label", "")))
    n_cables = 0
    for c in root.iter(NS + "cable"):
        a, b = ids.get(c.get("from-device")), ids.get(c.get("to-device"))
        if a is None or b is None:
            continue
        (ax, ay), (bx, by) = places[a], places[b]
        h = CARD_H * UNIT_CM / 2
        parts.append(line(f"O{len(ids) + n_cables}", a, b, (ax + CARD_W * UNIT_CM, ay + h), (bx, by + h)))
        n_cables += 1
    # Dia draws a PNG at 20 px per cm times the paper's scaling (its -s is
    # not read by the cairo exporters): scale the drawing to PNG_WIDTH.
    xs = [x for x, _ in places.values()]
    width_cm = (max(xs) - min(xs) + CARD_W * UNIT_CM) if xs else 1.0
    scaling = PNG_WIDTH / (20.0 * width_cm)
    with open(dia_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<dia:diagram xmlns:dia="http://www.lysator.liu.se/~alla/dia/">\n'
                '  <dia:diagramdata><dia:attribute name="paper"><dia:composite type="paper">\n'
                '    <dia:attribute name="name"><dia:string>#A4#</dia:string></dia:attribute>\n'
                '    <dia:attribute name="is_portrait"><dia:boolean val="true"/></dia:attribute>\n'
                f'    <dia:attribute name="scaling"><dia:real val="{scaling:.6f}"/></dia:attribute>\n'
                '    <dia:attribute name="fitto"><dia:boolean val="false"/></dia:attribute>\n'
                '  </dia:composite></dia:attribute></dia:diagramdata>\n'
                '  <dia:layer name="Background" visible="true" active="true">\n')
        f.writelines(parts)
        f.write("  </dia:layer>\n</dia:diagram>\n")
    return len(ids), n_cables


def cpu_ms(argv, out):
    """The CPU time (user + system) of one run of @argv, in ms."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)  # Dia's exporters need no display
    env.pop("WAYLAND_DISPLAY", None)
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not os.path.exists(out):
        sys.exit(f"failed: {' '.join(argv)}")
    os.unlink(out)
    return (usage.ru_utime + usage.ru_stime) * 1000


def median_ms(argv, out, runs):
    return statistics.median(cpu_ms(argv, out) for _ in range(runs))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rigwire, bench_export = sys.argv[1], sys.argv[2]
    max_devices = int(sys.argv[3]) if len(sys.argv) > 3 else SIZES[-1]
    dia = shutil.which("dia")
    if dia is None:
        print("SKIP: Dia is not installed (apt-get install --no-install-recommends dia)")
        return 77
    version = subprocess.run([dia, "--version"], capture_output=True, text=True).stdout.strip()

    print(f"Diagram export, CPU ms of the whole command (medians): {version.splitlines()[0]}")
    print("dia -n -t cairo-FMT -e OUT FILE.dia  against  rigwire --export OUT --diagram-only FILE")
    print("(a labelled box per device and a line per cable; PNG 1240 px wide, A4 at 150 dpi)\n")
    print(f"{'format':<6} {'devices':>7} {'cables':>7} {'Dia ms':>9} {'Rigwire ms':>10} {'ratio':>7}")
    with tempfile.TemporaryDirectory(prefix="rigwire-bench-dia-") as tmp:
        rows = []
        for n in (s for s in SIZES if s <= max_devices):
            rig, dia_file = os.path.join(tmp, f"rig-{n}.rigwire"), os.path.join(tmp, f"rig-{n}.dia")
            subprocess.run([bench_export, "--generate", str(n), rig], check=True)
            devices, cables = write_dia(rig, dia_file)
            runs = 3 if n >= 10000 else 5
            for fmt in FORMATS:
                out = os.path.join(tmp, f"out.{fmt}")
                dia_argv = [dia, "-n", "-t", f"cairo-{fmt}", "-e", out, dia_file]
                d = median_ms(dia_argv, out, runs)
                r = median_ms([rigwire, "--export", out, "--diagram-only", rig], out, runs)
                rows.append((fmt, devices, cables, d, r))
        for fmt in FORMATS:
            for f, devices, cables, d, r in rows:
                if f == fmt:
                    print(f"{f:<6} {devices:>7} {cables:>7} {d:>9.0f} {r:>10.0f} {r / d:>7.2f}")
    print("\nratio: Rigwire's time over Dia's (below 1: Rigwire is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
