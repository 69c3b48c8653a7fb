/* rig-command-exercise.h: edit commands for exercises (model/rig-exercise.h).
 *
 * Each is one undo step. They replace the document's exercise as a whole
 * value, so undo gives back exactly the exercise that was there before.
 * Locked parts: the other commands refuse to move or delete a locked device,
 * and to delete, reconnect or respecify a locked cable, with RIG_ERROR_LOCKED
 * and a sentence naming the part.
 */
#pragma once

#include "rig-command.h"
#include "rig-exercise.h"

G_BEGIN_DECLS

/* Makes the rig an exercise with a copy of @exercise, or an ordinary rig
 * (NULL). Refused (RIG_ERROR_INVALID) when the exercise names a device or
 * cable the rig does not have in its locks, goals or answer key, when a
 * forbid-codes goal lists no code, or when the answer key has cables but no
 * problem code (or the reverse). */
RigCommand *
rig_command_set_exercise (const RigExercise *exercise);

/* Locks or unlocks one device of the exercise (the rig must be one). */
RigCommand *
rig_command_set_device_locked (const char *device_id, gboolean locked);

/* Makes a cable given with the exercise, locked or not, or not given
 * (@given FALSE; @locked is then ignored). */
RigCommand *
rig_command_set_cable_given (const char *cable_id, gboolean given, gboolean locked);

/* The student's answer in a find-the-fault exercise: the cables they mark as
 * faulty and the problems they pick (rule codes). Replaces earlier marks;
 * NULL or empty arrays clear them. Cables must exist. */
RigCommand *
rig_command_mark_faults (const char *const *cable_ids, const char *const *codes);

G_END_DECLS
