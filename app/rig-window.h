/* rig-window.h: a Rigwire editor window, one per rig.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-autosave.h"
#include "rig-document.h"
#include "rig-history.h"

G_BEGIN_DECLS

#define RIG_TYPE_WINDOW (rig_window_get_type ())
G_DECLARE_FINAL_TYPE (RigWindow, rig_window, RIG, WINDOW, GtkApplicationWindow)

RigWindow *
rig_window_new (GtkApplication *application);

/* Shows the rig in @file; on failure tells the user in a dialog over the
 * window, which keeps what it showed. */
gboolean
rig_window_open_file (RigWindow *self, GFile *file);
/* The same, but a failure is @error for the caller to tell. */
gboolean
rig_window_load_file (RigWindow *self, GFile *file, GError **error);
/* Opens @file as the user asked to (the Open dialog, the recent list, a
 * drop): read by a worker thread while the window goes on, then shown here
 * if this window holds an untouched empty rig, else in a new window
 * (rig-window-open.c). A failure is told in a dialog. */
void
rig_window_open_file_in_background (RigWindow *self, GFile *file);
/* TRUE while a file is read for this window. */
gboolean
rig_window_is_opening (RigWindow *self);

/* Shows the example rig NAME from the core resources (examples/NAME). */
gboolean
rig_window_open_example (RigWindow *self, const char *name);

/* Shows the rig of @draft (from rig_autosave_list_drafts()) and takes the
 * draft over: it stays this window's draft until the rig is saved or
 * closed. When the rig's file changed on disk since the draft recorded its
 * state (or is gone), the changed-on-disk bar shows at once and saving asks
 * first. FALSE with @error when the draft cannot be read (it is kept).
 * Used by RigApplication's recovery. */
gboolean
rig_window_restore_draft (RigWindow *self, RigDraft *draft, GError **error);

RigDocument *
rig_window_get_document (RigWindow *self);
RigHistory *
rig_window_get_history (RigWindow *self);

/* The file shown, or NULL for a new, unsaved rig. */
GFile *
rig_window_get_file (RigWindow *self);

G_END_DECLS
