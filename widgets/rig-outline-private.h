/* rig-outline-private.h: between rig-outline.c (the list) and
 * rig-outline-connect.c (a device row's Connect menu).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-inspector-page.h"
#include "rig-outline.h"

G_BEGIN_DECLS

/* The document, validator and history the Connect menus work on: an
 * inspector page that is never shown (the Connect menu of the inspector
 * reads them from its page). */
RigInspectorPage *
_rig_outline_get_context (RigOutline *self);

/* The "Connect…" button of @device_id's row: a menu of the device's jacks;
 * choosing one opens the inspector's Connect menu for it. */
GtkWidget *
_rig_outline_connect_button_new (RigOutline *self, const char *device_id);
/* Names the button for @device_label: "Connect Phone 1…". */
void
_rig_outline_connect_button_set_label (GtkWidget *button, const char *device_label);

G_END_DECLS
