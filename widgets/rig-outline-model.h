/* rig-outline-model.h: the devices, then the cables, of a rig as a
 * GListModel of RigOutlineItem that follows the document live.
 *
 * Devices and cables added or removed (by an edit, an undo, a load) add or
 * remove items; a rename, a new cable on a device, a verdict that changes
 * refresh the items in place (RigOutlineItem::changed), so the rows that
 * show them stay. The order is the document's.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rig-outline-item.h"

G_BEGIN_DECLS

#define RIG_TYPE_OUTLINE_MODEL (rig_outline_model_get_type ())
G_DECLARE_FINAL_TYPE (RigOutlineModel, rig_outline_model, RIG, OUTLINE_MODEL, GObject)

RigOutlineModel *
rig_outline_model_new (void);

/* Follows @document (NULL: empty) with the verdicts of @validator (may be
 * NULL). */
void
rig_outline_model_set_document (RigOutlineModel *self, RigDocument *document,
                                RigValidator *validator);

/* The position of the item of that device or cable, or -1. */
int
rig_outline_model_find (RigOutlineModel *self, RigOutlineKind kind, const char *id);

G_END_DECLS
