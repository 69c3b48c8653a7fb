/* rig-lesson-steps.h: a guided lesson's steps, beside the rig.
 *
 * Shows the steps of the open rig's lesson (model/rig-lesson.h) as a list,
 * the current step's title and words, and Back / Next. Entering a step
 * selects the devices and cables it points at (those still in the rig) and
 * scrolls them into view. The widget hides itself when the rig has no
 * lesson.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-canvas.h"
#include "rig-selection.h"

G_BEGIN_DECLS

#define RIG_TYPE_LESSON_STEPS (rig_lesson_steps_get_type ())
G_DECLARE_FINAL_TYPE (RigLessonSteps, rig_lesson_steps, RIG, LESSON_STEPS, GtkWidget)

GtkWidget *
rig_lesson_steps_new (void);

/* Follows @document's lesson (NULL: shows nothing) and shows its first
 * step, selecting nothing yet; entering a step selects in @selection and
 * scrolls @canvas (may be NULL). */
void
rig_lesson_steps_set_document (RigLessonSteps *self, RigDocument *document, RigSelection *selection,
                               RigCanvas *canvas);

/* The number of steps (0: no lesson) and the current one. */
guint
rig_lesson_steps_get_n_steps (RigLessonSteps *self);
guint
rig_lesson_steps_get_current (RigLessonSteps *self);

/* Enters step @index: shows it, selects its parts and scrolls to them. */
void
rig_lesson_steps_go_to (RigLessonSteps *self, guint index);
/* Enters the next or previous step; FALSE at the end (nothing changes). */
gboolean
rig_lesson_steps_next (RigLessonSteps *self);
gboolean
rig_lesson_steps_previous (RigLessonSteps *self);

G_END_DECLS
