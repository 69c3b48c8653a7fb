/* rig-history.h: undo and redo for a document.
 *
 * Whoever edits a document (the window, the command line, a test) makes one
 * history for it and keeps both alive: the history does not keep its document.
 * Applying, undoing or redoing a command emits RigDocument::changed exactly
 * once. "modified" is whether the document differs from the save point.
 * Properties: can-undo, can-redo, undo-label, redo-label, modified.
 */
#pragma once

#include "rig-command.h"

G_BEGIN_DECLS

#define RIG_TYPE_HISTORY (rig_history_get_type ())
G_DECLARE_FINAL_TYPE (RigHistory, rig_history, RIG, HISTORY, GObject)

/* A history with nothing to undo whose save point is the document as it is. */
RigHistory *
rig_history_new (RigDocument *document);

/* The document edited (borrowed), or NULL once it is gone. */
RigDocument *
rig_history_get_document (RigHistory *self);

/* Applies @command (transfer full) to the document and records it; clears the
 * redo stack. On failure the document is unchanged, the command is freed and
 * FALSE is returned with @error set. */
gboolean
rig_history_apply (RigHistory *self, RigCommand *command, GError **error);

gboolean
rig_history_can_undo (RigHistory *self);
gboolean
rig_history_can_redo (RigHistory *self);
const char *
rig_history_get_undo_label (RigHistory *self); /* NULL when nothing to undo */
const char *
rig_history_get_redo_label (RigHistory *self);

/* Return FALSE when there is nothing to undo or redo. */
gboolean
rig_history_undo (RigHistory *self);
gboolean
rig_history_redo (RigHistory *self);

/* Ends merging: the next move starts a new undo step (end of a drag). */
void
rig_history_seal (RigHistory *self);

/* Marks the current state as saved: the document is unmodified here, and
 * becomes modified again after any apply, undo or redo that leaves it. */
void
rig_history_set_save_point (RigHistory *self);
gboolean
rig_history_is_modified (RigHistory *self);

/* Makes the document modified until its next save, whatever is undone: for a
 * rig restored from an autosaved draft, which differs from its file. */
void
rig_history_forget_save_point (RigHistory *self);

/* Forgets every step (after loading a document). */
void
rig_history_clear (RigHistory *self);

G_END_DECLS
