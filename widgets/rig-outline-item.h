/* rig-outline-item.h: one row of the outline: a device or a cable of the rig,
 * with the words that say what it is and how the checker judges it.
 *
 * An item is made once per object and refreshed in place when the rig
 * changes, so a row on screen (and the keyboard focus on it) stays while
 * its texts change. Every text is translated and says the verdict in words,
 * not by colour alone:
 *
 *   title        "Phone 1"                  "Cable A-001"
 *   detail       "Smartphone (3.5 mm headset jack) · 2 jacks · 1 cable"
 *                                           "Phone headset jack to Bookshelf speaker terminals"
 *   verdict      "OK"                       "error: passive speaker with no amplifier"
 *   label        the accessible name:
 *                "Device Phone 1, Smartphone (3.5 mm headset jack), 2 jacks, 1 cable, OK"
 *                "Cable A-001, Phone headset jack to Bookshelf speaker terminals, error: passive
 *                speaker with no amplifier"
 *   description  the accessible description: every problem with its fix, or that
 *                there is none.
 *
 * Signals:
 *   changed (RigOutlineItem *self): the texts or the severity changed.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rig-document.h"
#include "rig-validator.h"

G_BEGIN_DECLS

typedef enum
{
  RIG_OUTLINE_DEVICE,
  RIG_OUTLINE_CABLE,
} RigOutlineKind;

#define RIG_TYPE_OUTLINE_ITEM (rig_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (RigOutlineItem, rig_outline_item, RIG, OUTLINE_ITEM, GObject)

/* An item with no texts yet: rig_outline_item_refresh() fills them. */
RigOutlineItem *
rig_outline_item_new (RigOutlineKind kind, const char *id);

RigOutlineKind
rig_outline_item_get_kind (RigOutlineItem *self);
/* The device's or the cable's id in the document. */
const char *
rig_outline_item_get_id (RigOutlineItem *self);

const char *
rig_outline_item_get_title (RigOutlineItem *self);
const char *
rig_outline_item_get_detail (RigOutlineItem *self);
const char *
rig_outline_item_get_verdict (RigOutlineItem *self);
const char *
rig_outline_item_get_label (RigOutlineItem *self);
const char *
rig_outline_item_get_description (RigOutlineItem *self);
/* A symbolic icon for what the object is (the device's category, a cable). */
const char *
rig_outline_item_get_icon_name (RigOutlineItem *self);
/* The worst severity of the object's problems (NONE when it has none). */
RigSeverity
rig_outline_item_get_severity (RigOutlineItem *self);

/* Recomputes the texts from @document as it is now and the verdicts of
 * @validator (may be NULL: no verdicts); emits "changed" if anything
 * changed. An object the document no longer has keeps its texts. */
void
rig_outline_item_refresh (RigOutlineItem *self, RigDocument *document, RigValidator *validator);

G_END_DECLS
