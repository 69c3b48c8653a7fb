/* rig-jack-row.h: a jack in the inspector's device page: its name, its
 * direction, what it is, its key figures, and its "Connect…" menu.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-inspector-page.h"
#include "rig-jack.h"

G_BEGIN_DECLS

#define RIG_TYPE_JACK_ROW (rig_jack_row_get_type ())
G_DECLARE_FINAL_TYPE (RigJackRow, rig_jack_row, RIG, JACK_ROW, GtkListBoxRow)

/* A row for @jack of @device_id, on @page (borrowed: it holds the row). */
GtkWidget *
rig_jack_row_new (RigInspectorPage *page, const char *device_id, const RigJack *jack);

/* Has the row show @jack of @device_id instead (a model's jack: the row
 * keeps pointing at it), or (NULL) nothing: a row kept for later. */
void
rig_jack_row_set_jack (RigJackRow *self, RigInspectorPage *page, const char *device_id,
                       const RigJack *jack);
/* Whether the row shows @jack's words already. */
gboolean
rig_jack_row_shows (RigJackRow *self, const RigJack *jack);

/* Shows whether the jack holds a cable: a jack that takes one plug and
 * holds one says which, and offers no Connect menu (rig-document-rules.h). */
void
rig_jack_row_refresh (RigJackRow *self);

G_END_DECLS
