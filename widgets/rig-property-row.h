/* rig-property-row.h: a read-only row of the inspector: a dim title on the
 * left, the value right-aligned.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIG_TYPE_PROPERTY_ROW (rig_property_row_get_type ())
G_DECLARE_FINAL_TYPE (RigPropertyRow, rig_property_row, RIG, PROPERTY_ROW, GtkListBoxRow)

GtkWidget *
rig_property_row_new (const char *title, const char *value);

void
rig_property_row_set_title (RigPropertyRow *self, const char *title);
void
rig_property_row_set_value (RigPropertyRow *self, const char *value);

G_END_DECLS
