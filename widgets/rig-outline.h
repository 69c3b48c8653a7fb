/* rig-outline.h: the outline: every device and cable of the rig as a list,
 * each row with its verdict in words and an icon, for the keyboard and for
 * screen readers (the canvas is drawn: it has no accessible children).
 *
 * Rows follow the document live (RigOutlineModel) from the first time the
 * outline is shown (until then it costs a big rig nothing). Each row's accessible
 * name says what it is and its verdict ("Cable A-001, Phone headset jack to
 * Bookshelf speaker terminals, error: passive speaker with no amplifier"),
 * its description every problem with its fix. The list's selection is the
 * window's RigSelection both ways: selecting rows selects on the canvas,
 * and what the canvas selects is selected here. A device row has a
 * "Connect…" menu (also Shift+F10 or the Menu key on the row): its jacks,
 * then the Connect menu of the inspector for the jack chosen, which adds a
 * cable as one undo step.
 *
 * Signals:
 *   object-activated (RigOutline *self, const char *device_id, const char *cable_id)
 *     Enter or a double click on a row (the other id is NULL).
 *   objects-selected (RigOutline *self)
 *     the user changed the selection in the list (not the canvas): the
 *     window brings it into view.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-history.h"
#include "rig-outline-model.h"
#include "rig-selection.h"

G_BEGIN_DECLS

#define RIG_TYPE_OUTLINE (rig_outline_get_type ())
G_DECLARE_FINAL_TYPE (RigOutline, rig_outline, RIG, OUTLINE, GtkWidget)

GtkWidget *
rig_outline_new (void);

/* Shows @document (NULL: nothing) with @validator's verdicts (may be NULL),
 * edits it through @history, and shares @selection with the canvas. */
void
rig_outline_set_document (RigOutline *self, RigDocument *document, RigHistory *history,
                          RigValidator *validator, RigSelection *selection);

/* The items shown (owned by the outline; empty until first shown). */
GListModel *
rig_outline_get_model (RigOutline *self);

/* Moves the keyboard focus to the first selected row (else the first row). */
void
rig_outline_focus (RigOutline *self);

/* For tests: the list, the row of an object (or NULL), a device row's
 * Connect menu button (NULL on a cable row). */
GtkListBox *
rig_outline_get_list_box (RigOutline *self);
GtkListBoxRow *
rig_outline_find_row (RigOutline *self, RigOutlineKind kind, const char *id);
GtkMenuButton *
rig_outline_row_get_connect_button (GtkListBoxRow *row);

G_END_DECLS
