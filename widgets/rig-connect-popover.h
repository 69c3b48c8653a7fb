/* rig-connect-popover.h: a jack's "Connect…" menu in the inspector: the
 * other jacks a cable could go to, each with the verdict the validator would
 * give (best first), so a rig can be wired without a mouse or with a screen
 * reader.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-inspector-page.h"

G_BEGIN_DECLS

#define RIG_TYPE_CONNECT_POPOVER (rig_connect_popover_get_type ())
G_DECLARE_FINAL_TYPE (RigConnectPopover, rig_connect_popover, RIG, CONNECT_POPOVER, GtkPopover)

/* The jack the menu connects, on the device @page shows (@page is borrowed:
 * it holds the popover). */
void
rig_connect_popover_set_jack (RigConnectPopover *self, RigInspectorPage *page,
                              const char *device_id, const char *jack_id);

G_END_DECLS
