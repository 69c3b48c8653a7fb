/* rig-inspector.h: the inspector: the details of the selected device or cable,
 * editable through undoable commands.
 *
 * One selected device: its label, its figures (only those that mean something
 * for it) with reset buttons for overrides, its power, and its jacks. One
 * selected cable: its number, its ends, its type (a choice of cables that fit
 * and plausible wrong ones), length, gauge and adapters. Otherwise a summary
 * of the selection.
 *
 * Input is checked where it is typed: a bad value is refused with a message
 * under the field and never applied; a good one applies exactly one command.
 * The inspector follows the document (undo, redo, other views) without
 * overwriting what the user is typing.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-document.h"
#include "rig-history.h"
#include "rig-selection.h"
#include "rig-validator.h"

G_BEGIN_DECLS

#define RIG_TYPE_INSPECTOR (rig_inspector_get_type ())
G_DECLARE_FINAL_TYPE (RigInspector, rig_inspector, RIG, INSPECTOR, GtkWidget)

GtkWidget *
rig_inspector_new (void);

/* Shows what @selection selects in @document and follows both. Either may be
 * NULL (the inspector then shows an empty summary). */
void
rig_inspector_set_document (RigInspector *self, RigDocument *document, RigHistory *history,
                            RigSelection *selection);

/* Where the "Connect…" menu of each jack gets its verdicts (fine, warning,
 * error) for the jacks it offers; may be NULL (no verdicts shown). */
void
rig_inspector_set_validator (RigInspector *self, RigValidator *validator);

RigDocument *
rig_inspector_get_document (RigInspector *self);
RigSelection *
rig_inspector_get_selection (RigInspector *self);

/* Puts the keyboard in the label of the one device selected, its text
 * selected, to rename it (F2); FALSE when the selection is not one device. */
gboolean
rig_inspector_focus_label (RigInspector *self);

G_END_DECLS
