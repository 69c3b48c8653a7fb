/* rig-window.h: a Rigwire editor window, one per rig.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIG_TYPE_WINDOW (rig_window_get_type ())
G_DECLARE_FINAL_TYPE (RigWindow, rig_window, RIG, WINDOW, GtkApplicationWindow)

RigWindow *
rig_window_new (GtkApplication *application);

/* Shows FILE in the window. A stub for now: only the title follows the file;
 * loading the rig arrives with the file format. */
void
rig_window_open_file (RigWindow *self, GFile *file);

/* The file shown, or NULL for a new, unsaved rig. */
GFile *
rig_window_get_file (RigWindow *self);

G_END_DECLS
