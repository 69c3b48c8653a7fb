/* rig-exercise-panel.h: the student's side of an exercise.
 *
 * Shows the task of the open rig's exercise (model/rig-exercise.h) and its
 * goals, with a "Check my wiring" button that judges them
 * (check/rig-goals.h) and shows each goal met or not, with its sentence
 * and, for a goal not met, the checker's explanations (why, what you would
 * hear, the fix). Any change to the rig makes the last check stale: the
 * goals go back to unchecked and "checked" turns FALSE, so a window that
 * hides verdicts hides them again. The panel hides itself when the rig is
 * no exercise.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-goals.h"
#include "rig-history.h"
#include "rig-validator.h"

G_BEGIN_DECLS

#define RIG_TYPE_EXERCISE_PANEL (rig_exercise_panel_get_type ())
G_DECLARE_FINAL_TYPE (RigExercisePanel, rig_exercise_panel, RIG, EXERCISE_PANEL, GtkWidget)

GtkWidget *
rig_exercise_panel_new (void);

/* Follows @validator's document (NULL: shows nothing); a find-the-fault
 * exercise's marks are edited through @history. */
void
rig_exercise_panel_set_document (RigExercisePanel *self, RigValidator *validator,
                                 RigHistory *history);

/* Find the fault: ticks or unticks "Mark as faulty" of cable @id, or the
 * problem @id (@problem TRUE), as a click does (one undo step); FALSE when
 * the panel has no such box. */
gboolean
rig_exercise_panel_toggle_mark (RigExercisePanel *self, const char *id, gboolean problem);

/* Judges the goals now and shows the results ("Check my wiring"); sets
 * "checked". Does nothing for a rig that is no exercise. */
void
rig_exercise_panel_check (RigExercisePanel *self);

/* Whether the results shown are those of the rig as it is (no change since
 * the last check). */
gboolean
rig_exercise_panel_get_checked (RigExercisePanel *self);

/* The results of the last check (RigGoalResult *, borrowed), or NULL when
 * the rig changed since or was never checked. */
GPtrArray *
rig_exercise_panel_get_results (RigExercisePanel *self);

/* The text shown for the goals, one line each, for tests and screen
 * readers: "Every listener gets signal: not met — …". */
char *
rig_exercise_panel_dup_text (RigExercisePanel *self);

G_END_DECLS
