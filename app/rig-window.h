/* rig-window.h: a Rigwire editor window, one per rig.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-document.h"
#include "rig-history.h"

G_BEGIN_DECLS

#define RIG_TYPE_WINDOW (rig_window_get_type ())
G_DECLARE_FINAL_TYPE (RigWindow, rig_window, RIG, WINDOW, GtkApplicationWindow)

RigWindow *
rig_window_new (GtkApplication *application);

/* Loads FILE and shows it. On failure a message says why and the window keeps
 * the rig it had; returns FALSE. */
gboolean
rig_window_open_file (RigWindow *self, GFile *file);

/* Shows the example rig NAME from the core resources (examples/NAME). */
gboolean
rig_window_open_example (RigWindow *self, const char *name);

/* Shows a rig restored from an autosaved draft (modified, with its file). */
void
rig_window_restore_document (RigWindow *self, RigDocument *document);

RigDocument *
rig_window_get_document (RigWindow *self);
RigHistory *
rig_window_get_history (RigWindow *self);

/* The file shown, or NULL for a new, unsaved rig. */
GFile *
rig_window_get_file (RigWindow *self);

G_END_DECLS
