/* rig-lesson.h: a rig that teaches, step by step.
 *
 * The lessons (resources/examples/lesson-*.rigwire) show a mistake beside
 * the right way. A RigLesson guides a reader through one: a list of steps,
 * each with a title, its words and the devices and cables it points at
 * (read what the rig shows, try something, see the verdict, fix it).
 *
 * A plain value: the document owns one (rig_document_get_lesson(), NULL for
 * a rig with no lesson). The file format is io/rig-format-lesson.c; the
 * window shows the steps in widgets/rig-lesson-steps.h.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *title;    /* never NULL */
  char *text;     /* the step's words, never NULL */
  char **devices; /* device ids to point at, NULL-terminated, never NULL */
  char **cables;  /* cable ids, likewise */
} RigLessonStep;

/* A new step: the strings are copied; NULL arrays are empty. */
RigLessonStep *
rig_lesson_step_new (const char *title, const char *text, const char *const *devices,
                     const char *const *cables);
RigLessonStep *
rig_lesson_step_copy (const RigLessonStep *step);
void
rig_lesson_step_free (RigLessonStep *step);

typedef struct
{
  GPtrArray *steps; /* RigLessonStep *, in order; never NULL */
} RigLesson;

RigLesson *
rig_lesson_new (void);
/* Takes @step. */
void
rig_lesson_add_step (RigLesson *self, RigLessonStep *step);
guint
rig_lesson_get_n_steps (const RigLesson *self);
const RigLessonStep *
rig_lesson_get_step (const RigLesson *self, guint index);
/* NULL copies to NULL. */
RigLesson *
rig_lesson_copy (const RigLesson *self);
void
rig_lesson_free (RigLesson *self);
/* Same steps, in the same order (NULL equals only NULL). */
gboolean
rig_lesson_equal (const RigLesson *a, const RigLesson *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigLessonStep, rig_lesson_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigLesson, rig_lesson_free)

G_END_DECLS
