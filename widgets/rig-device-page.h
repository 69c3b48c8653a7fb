/* rig-device-page.h: the inspector's page of one device.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-inspector-page.h"

G_BEGIN_DECLS

#define RIG_TYPE_DEVICE_PAGE (rig_device_page_get_type ())
G_DECLARE_FINAL_TYPE (RigDevicePage, rig_device_page, RIG, DEVICE_PAGE, RigInspectorPage)

/* The page of @device_id, which @document has. */
GtkWidget *
rig_device_page_new (RigDocument *document, RigHistory *history, RigSelection *selection,
                     const char *device_id);

/* Shows @device_id of @document instead, keeping the widgets that stay the
 * same (all of them for a device of the same model): the inspector's page
 * moves from device to device rather than being made again (#13). The page
 * shows the document as it is after rig_inspector_page_refresh(). */
void
rig_device_page_show_device (RigDevicePage *self, RigDocument *document, RigHistory *history,
                             RigSelection *selection, const char *device_id);

/* Makes a row for each of the device's jacks now, rather than a few with
 * the page and the rest once the window is still: for a page made ahead of
 * its first press (rig-inspector.c). */
void
rig_device_page_bind_all_jacks (RigDevicePage *self);

/* Whether some of the device's jacks wait for their rows (out of view, for
 * the window to be still). */
gboolean
rig_device_page_has_jacks_waiting (RigDevicePage *self);

G_END_DECLS
