/* rig-exercise-answer.h: the student's marks in a find-the-fault exercise,
 * a part of the exercise panel (rig-exercise-panel.c).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-history.h"

G_BEGIN_DECLS

typedef struct _RigExerciseAnswer RigExerciseAnswer;

RigExerciseAnswer *
rig_exercise_answer_new (void);
void
rig_exercise_answer_free (RigExerciseAnswer *self);
/* The section's widget (shown for a find-the-fault exercise only). */
GtkWidget *
rig_exercise_answer_get_widget (RigExerciseAnswer *self);
/* Follows @document's marks, marking through @history (both borrowed). */
void
rig_exercise_answer_set_document (RigExerciseAnswer *self, RigDocument *document,
                                  RigHistory *history);
/* After any change of the document. */
void
rig_exercise_answer_refresh (RigExerciseAnswer *self);
/* Ticks or unticks the box of a cable (@problem FALSE) or of a problem code,
 * as a click does; FALSE when there is none. */
gboolean
rig_exercise_answer_toggle (RigExerciseAnswer *self, const char *id, gboolean problem);

G_END_DECLS
