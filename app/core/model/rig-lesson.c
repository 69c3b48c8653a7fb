/* rig-lesson.c: a rig that teaches, step by step (rig-lesson.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-lesson.h"

static char **
copy_ids (const char *const *ids)
{
  return ids != NULL ? g_strdupv ((char **) ids) : g_new0 (char *, 1);
}

RigLessonStep *
rig_lesson_step_new (const char *title, const char *text, const char *const *devices,
                     const char *const *cables)
{
  RigLessonStep *step = g_new0 (RigLessonStep, 1);

  step->title = g_strdup (title != NULL ? title : "");
  step->text = g_strdup (text != NULL ? text : "");
  step->devices = copy_ids (devices);
  step->cables = copy_ids (cables);
  return step;
}

RigLessonStep *
rig_lesson_step_copy (const RigLessonStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return rig_lesson_step_new (step->title, step->text, (const char *const *) step->devices,
                              (const char *const *) step->cables);
}

void
rig_lesson_step_free (RigLessonStep *step)
{
  if (step == NULL)
    return;
  g_free (step->title);
  g_free (step->text);
  g_strfreev (step->devices);
  g_strfreev (step->cables);
  g_free (step);
}

RigLesson *
rig_lesson_new (void)
{
  RigLesson *self = g_new0 (RigLesson, 1);

  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_lesson_step_free);
  return self;
}

void
rig_lesson_add_step (RigLesson *self, RigLessonStep *step)
{
  g_return_if_fail (self != NULL && step != NULL);

  g_ptr_array_add (self->steps, step);
}

guint
rig_lesson_get_n_steps (const RigLesson *self)
{
  return self != NULL ? self->steps->len : 0;
}

const RigLessonStep *
rig_lesson_get_step (const RigLesson *self, guint index)
{
  g_return_val_if_fail (index < rig_lesson_get_n_steps (self), NULL);

  return g_ptr_array_index (self->steps, index);
}

RigLesson *
rig_lesson_copy (const RigLesson *self)
{
  RigLesson *copy;

  if (self == NULL)
    return NULL;
  copy = rig_lesson_new ();
  for (guint i = 0; i < self->steps->len; i++)
    rig_lesson_add_step (copy, rig_lesson_step_copy (g_ptr_array_index (self->steps, i)));
  return copy;
}

void
rig_lesson_free (RigLesson *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->steps);
  g_free (self);
}

static gboolean
step_equal (const RigLessonStep *a, const RigLessonStep *b)
{
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->text, b->text) == 0
         && g_strv_equal ((const char *const *) a->devices, (const char *const *) b->devices)
         && g_strv_equal ((const char *const *) a->cables, (const char *const *) b->cables);
}

gboolean
rig_lesson_equal (const RigLesson *a, const RigLesson *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->steps->len != b->steps->len)
    return FALSE;
  for (guint i = 0; i < a->steps->len; i++)
    if (!step_equal (g_ptr_array_index (a->steps, i), g_ptr_array_index (b->steps, i)))
      return FALSE;
  return TRUE;
}
