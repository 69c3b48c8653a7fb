/* rig-palette.h: the device palette: the catalog grouped by category, with a
 * search entry that filters by name, category, keywords and connector.
 *
 * Drag a model onto the canvas: the drag offers a G_TYPE_STRING
 * "rigwire-model:<id>". Enter or a double click on a model emits
 * RigPalette::model-activated (the window places it at the centre of the view).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-catalog.h"

G_BEGIN_DECLS

/* The prefix of the string a palette drag offers; the model id follows. */
#define RIG_PALETTE_DRAG_PREFIX "rigwire-model:"

#define RIG_TYPE_PALETTE (rig_palette_get_type ())
G_DECLARE_FINAL_TYPE (RigPalette, rig_palette, RIG, PALETTE, GtkWidget)

/* A palette of @catalog's models (read once, when the palette is made;
 * NULL: rig_catalog_get_default()).
 *
 * Signals:
 *   model-activated (RigPalette *palette, RigDeviceModel *model, gpointer user_data):
 *     Enter on a row or in the search entry (the first match), or a double
 *     click. @model is borrowed for the time of the emission. */
GtkWidget *
rig_palette_new (RigCatalog *catalog);

RigCatalog *
rig_palette_get_catalog (RigPalette *self);

/* Moves the keyboard focus to the search entry and selects its text. */
void
rig_palette_focus_search (RigPalette *self);

/* Sets the search text and filters at once (the entry itself waits for the
 * user to pause typing). NULL or "" shows every model. */
void
rig_palette_set_filter_text (RigPalette *self, const char *text);
const char *
rig_palette_get_filter_text (RigPalette *self);

/* A symbolic icon name from the Adwaita theme for a model: its category's,
 * refined for a few kinds (phones, computers, headsets...). */
const char *
rig_palette_get_model_icon_name (const RigDeviceModel *model);

G_END_DECLS
