/* rig-wheel-guard.h: a slider or spin button takes the mouse wheel only
 * once it has the keyboard focus.
 *
 * GTK's sliders and spin buttons change their value on the wheel whenever
 * the pointer is over them. In the inspector's long device pages the wheel
 * is how users scroll, and a page scrolled under a resting pointer passes
 * its Levels sliders beneath it: each turn of the wheel over one changed a
 * volume, and the verdicts with it, unasked. A guarded control leaves the
 * wheel to what is around it (the page scrolls) until it is focused, by a
 * click, a drag or the keyboard; then the wheel changes it as before.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Guards @control (a GtkRange or a GtkSpinButton): its own wheel handling
 * works only while the focus is in it. */
void
rig_wheel_guard_attach (GtkWidget *control);

G_END_DECLS
