/* rig-document-private.h: the document's mutators, for the core only.
 *
 * Edit commands (edit/rig-command.c) and the file loader (io/rig-format.c) use
 * these; nothing else may. They change the document without touching the history and
 * without emitting RigDocument::changed: they record what changed in @change
 * (may be NULL), and the caller emits once with _rig_document_emit_changed().
 */
#pragma once

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
/* The setting of the device's model's control @index, dB; NAN: its default. */
void
_rig_document_set_device_setting (RigDocument *self, RigDevice *device, guint index, double value,
                                  RigChange *change);
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

/* NULL leaves it unchanged. */
void
_rig_document_set_revision (RigDocument *self, const char *revision, RigChange *change);

/* The rig's listening distance (rig_document_get_listening_distance()): NAN
 * unsets it; records RIG_CHANGE_SETTINGS when it changes. */
void
_rig_document_set_listening_distance (RigDocument *self, double metres, RigChange *change);

/* Replaces the exercise with a copy of @exercise (NULL: an ordinary rig);
 * records RIG_CHANGE_METADATA when it changes. */
void
_rig_document_set_exercise (RigDocument *self, const RigExercise *exercise, RigChange *change);

/* Replaces the lesson with a copy of @lesson (NULL: none); records
 * RIG_CHANGE_METADATA when it changes. */
void
_rig_document_set_lesson (RigDocument *self, const RigLesson *lesson, RigChange *change);

/* Emits RigDocument::changed with @change. */
void
_rig_document_emit_changed (RigDocument *self, const RigChange *change);

/* Makes sure later fresh ids and numbers do not collide with those in use
 * (after loading a file with ids like "d17" or "A-012"). */
void
_rig_document_reserve_ids (RigDocument *self);

G_END_DECLS
