/* rig-palette-private.h: RigPalette internals for its tests.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-palette.h"

G_BEGIN_DECLS

/* What a drag of @model offers: a G_TYPE_STRING "rigwire-model:<id>". */
GdkContentProvider *
rig_palette_create_content_provider (RigDeviceModel *model);

GtkListBox *
rig_palette_get_list_box (RigPalette *self);
GtkWidget *
rig_palette_get_search_entry (RigPalette *self);

/* The model a row of the list shows. */
RigDeviceModel *
rig_palette_row_get_model (GtkListBoxRow *row);

/* The ids of the models shown after filtering, top to bottom. */
GStrv
rig_palette_dup_visible_ids (RigPalette *self);

/* The category headers shown after filtering, top to bottom. */
GStrv
rig_palette_dup_visible_headers (RigPalette *self);

/* How many rows the list holds now (without making the rest), and how many
 * it will hold. */
guint
rig_palette_get_n_rows_made (RigPalette *self);
guint
rig_palette_get_n_models (RigPalette *self);

G_END_DECLS
