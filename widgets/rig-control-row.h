/* rig-control-row.h: a device's volume, gain or pad control in the
 * inspector's device page (issue #11), and the page's Levels group that
 * holds them with the way to the Trace view.
 *
 * A volume or gain control is a slider and a spin button in dB sharing one
 * adjustment; a pad is a switch. Each change applies
 * rig_command_set_device_control() through the page's history, and the
 * history is sealed when the gesture ends (a button or key let go, the
 * focus gone), so a drag or a run of arrow keys is one undo step. The row
 * says the model's default and offers to go back to it.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-inspector-page.h"

G_BEGIN_DECLS

#define RIG_TYPE_CONTROL_ROW (rig_control_row_get_type ())
G_DECLARE_FINAL_TYPE (RigControlRow, rig_control_row, RIG, CONTROL_ROW, GtkListBoxRow)

/* A row for control @index of @device_id's model, on @page (borrowed: the
 * page holds the row). Its widgets are named "control-ID-scale",
 * "control-ID-spin", "control-ID-switch" and "control-ID-reset". */
GtkWidget *
rig_control_row_new (RigInspectorPage *page, const char *device_id, guint index);

/* Shows the device's setting as it is now. */
void
rig_control_row_refresh (RigControlRow *self);

/* Ends the gesture: the next change is a new undo step. */
void
rig_control_row_end_gesture (RigControlRow *self);

/* The Levels group of a device page: a row per control of @device_id's
 * model (none: the group says so) and a "Trace Signal" button (win.trace). */
GtkWidget *
rig_control_group_new (RigInspectorPage *page, const char *device_id);
void
rig_control_group_refresh (GtkWidget *group);
/* Has the group's rows set @device_id's controls, a device of the model the
 * group was made for. */
void
rig_control_group_set_device (GtkWidget *group, const char *device_id);

G_END_DECLS
