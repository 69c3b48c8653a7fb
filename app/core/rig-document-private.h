/* rig-document-private.h: the document's mutators, for the core only.
 *
 * Edit commands (rig-command.c) and the file loader (rig-format.c) use these;
 * nothing else may. They change the document without touching the history and
 * without emitting RigDocument::changed: they record what changed in @change
 * (may be NULL), and the caller emits once with _rig_document_emit_changed().
 */
#pragma once

#include "rig-command.h"
#include "rig-document.h"

G_BEGIN_DECLS

/* Takes ownership of @device and inserts it at @index (G_MAXUINT appends).
 * The id must not be in use. */
void
_rig_document_insert_device (RigDocument *self, RigDevice *device, guint index, RigChange *change);
/* Removes the device with @id and returns it (transfer full), or NULL; sets
 * @index to where it was. Its cables must have been removed first. */
RigDevice *
_rig_document_take_device (RigDocument *self, const char *id, guint *index, RigChange *change);

/* Takes ownership of @cable and inserts it at @index (G_MAXUINT appends). The
 * id must not be in use; both ends must name existing devices. */
void
_rig_document_insert_cable (RigDocument *self, RigCable *cable, guint index, RigChange *change);
RigCable *
_rig_document_take_cable (RigDocument *self, const char *id, guint *index, RigChange *change);

/* In-place edits of an existing object, recorded in @change. */
void
_rig_document_move_device (RigDocument *self, RigDevice *device, double x, double y,
                           RigChange *change);
void
_rig_document_set_device_label (RigDocument *self, RigDevice *device, const char *label,
                                RigChange *change);
void
_rig_document_set_device_override (RigDocument *self, RigDevice *device, RigFigure figure,
                                   double value, RigChange *change);
/* Replaces the spec (copied), the number, or one end of a cable. */
void
_rig_document_set_cable_spec (RigDocument *self, RigCable *cable, const RigCableSpec *spec,
                              RigChange *change);
void
_rig_document_set_cable_number (RigDocument *self, RigCable *cable, const char *number,
                                RigChange *change);
void
_rig_document_set_cable_end (RigDocument *self, RigCable *cable, RigEnd end, const char *device_id,
                             const char *jack_id, RigChange *change);

/* NULL leaves a field unchanged. */
void
_rig_document_set_metadata (RigDocument *self, const char *title, const char *author,
                            const char *notes, RigChange *change);

/* Emits RigDocument::changed with @change (and notifies "modified" if the
 * history's state changed). */
void
_rig_document_emit_changed (RigDocument *self, const RigChange *change);

/* Makes sure later fresh ids and numbers do not collide with those in use
 * (after loading a file with ids like "d17" or "A-012"). */
void
_rig_document_reserve_ids (RigDocument *self);

/* Between the document, its history and the commands (rig-document.c,
 * rig-history.c, rig-command.c); nothing else may use these. */

/* The document's own history; it holds a weak pointer to @document. */
RigHistory *
_rig_history_new (RigDocument *document);

/* Applies @command to @document, recording what changed in @change. On failure
 * the document is exactly as before and @error is set. The first successful
 * apply chooses the ids of new objects and the command's final label; later
 * applies (redo) reuse them. */
gboolean
_rig_command_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error);
/* Undoes the last apply of @command; the document must be as that apply left it. */
void
_rig_command_revert (RigCommand *command, RigDocument *document, RigChange *change);
/* Folds @next (just applied, after @command) into @command when both are moves
 * of the same devices; returns TRUE if merged (the caller then frees @next). */
gboolean
_rig_command_merge (RigCommand *command, RigCommand *next);

G_END_DECLS
