/* rig-goals-tamper.c: whether a student's file is still the exercise it was
 * handed out as (rig-goals.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-goals.h"

static const char *
label_of (const RigDevice *device)
{
  return device->label != NULL && *device->label != '\0'
             ? device->label
             : rig_device_model_get_display_name (device->model);
}

static const char *
number_of (const RigCable *cable)
{
  return cable->number != NULL && *cable->number != '\0' ? cable->number : cable->id;
}

static void
check_devices (RigDocument *exercise, RigDocument *student, const RigExercise *ex, GPtrArray *out)
{
  for (guint i = 0; i < rig_document_get_n_devices (exercise); i++)
    {
      const RigDevice *given = rig_document_get_device (exercise, i);
      const RigDevice *found = rig_document_find_device (student, given->id);

      if (found == NULL)
        g_ptr_array_add (out, g_strdup_printf (_ ("The device %s (%s) of the exercise is missing."),
                                               label_of (given), given->id));
      else if (g_strcmp0 (found->model->id, given->model->id) != 0)
        g_ptr_array_add (out, g_strdup_printf (_ ("The device %s (%s) is a %s in the exercise, "
                                                  "not a %s."),
                                               label_of (given), given->id,
                                               rig_device_model_get_display_name (given->model),
                                               rig_device_model_get_display_name (found->model)));
      else if (rig_exercise_device_is_locked (ex, given->id)
               && (fabs (found->x - given->x) > 1e-6 || fabs (found->y - given->y) > 1e-6))
        g_ptr_array_add (out, g_strdup_printf (_ ("The device %s (%s) is locked in place, but "
                                                  "was moved."),
                                               label_of (given), given->id));
    }
  for (guint i = 0; i < rig_document_get_n_devices (student); i++)
    {
      const RigDevice *extra = rig_document_get_device (student, i);

      if (rig_document_find_device (exercise, extra->id) == NULL)
        g_ptr_array_add (out, g_strdup_printf (_ ("The device %s (%s) is not in the exercise."),
                                               label_of (extra), extra->id));
    }
}

static void
check_cables (RigDocument *exercise, RigDocument *student, const RigExercise *ex, GPtrArray *out)
{
  for (guint i = 0; ex->locked_cables[i] != NULL; i++)
    {
      const RigCable *given = rig_document_find_cable (exercise, ex->locked_cables[i]);
      const RigCable *found = rig_document_find_cable (student, ex->locked_cables[i]);

      if (given == NULL)
        continue;
      if (found == NULL)
        g_ptr_array_add (
            out, g_strdup_printf (_ ("Cable %s is locked, but was deleted."), number_of (given)));
      else if (!rig_cable_equal (given, found))
        g_ptr_array_add (
            out, g_strdup_printf (_ ("Cable %s is locked, but was changed."), number_of (given)));
    }
}

GPtrArray *
rig_goals_find_tampering (RigDocument *exercise, RigDocument *student)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const RigExercise *ex, *theirs;
  g_autoptr (RigExercise) ex_unmarked = NULL;
  g_autoptr (RigExercise) theirs_unmarked = NULL;

  g_return_val_if_fail (RIG_IS_DOCUMENT (exercise) && RIG_IS_DOCUMENT (student), out);
  ex = rig_document_get_exercise (exercise);
  theirs = rig_document_get_exercise (student);
  if (ex == NULL)
    return out;
  if (theirs == NULL)
    {
      g_ptr_array_add (out, g_strdup (_ ("The file is not an exercise: it holds no task and no "
                                         "goals.")));
      return out;
    }
  check_devices (exercise, student, ex, out);
  check_cables (exercise, student, ex, out);

  /* The student's marks are theirs to change; nothing else of the exercise. */
  ex_unmarked = rig_exercise_copy (ex);
  theirs_unmarked = rig_exercise_copy (theirs);
  rig_exercise_set_strv (&ex_unmarked->marked_cables, NULL);
  rig_exercise_set_strv (&ex_unmarked->marked_codes, NULL);
  rig_exercise_set_strv (&theirs_unmarked->marked_cables, NULL);
  rig_exercise_set_strv (&theirs_unmarked->marked_codes, NULL);
  /* Given cables the student deleted (unlocked) drop out of their list. */
  rig_exercise_set_strv (&theirs_unmarked->given_cables, NULL);
  rig_exercise_set_strv (&ex_unmarked->given_cables, NULL);
  rig_exercise_normalize (ex_unmarked);
  rig_exercise_normalize (theirs_unmarked);
  if (!rig_exercise_equal (ex_unmarked, theirs_unmarked))
    g_ptr_array_add (out, g_strdup (_ ("The exercise itself was changed: its task, goals, locks "
                                       "or answer key differ.")));
  return out;
}
