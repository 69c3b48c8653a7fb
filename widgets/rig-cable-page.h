/* rig-cable-page.h: the inspector's page of one cable.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-inspector-page.h"

G_BEGIN_DECLS

#define RIG_TYPE_CABLE_PAGE (rig_cable_page_get_type ())
G_DECLARE_FINAL_TYPE (RigCablePage, rig_cable_page, RIG, CABLE_PAGE, RigInspectorPage)

/* The page of @cable_id, which @document has. */
GtkWidget *
rig_cable_page_new (RigDocument *document, RigHistory *history, RigSelection *selection,
                    const char *cable_id);

G_END_DECLS
