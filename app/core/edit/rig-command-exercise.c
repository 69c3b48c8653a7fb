/* rig-command-exercise.c: setting a rig's exercise, and the test the other
 * commands make before they move or delete a locked part
 * (rig-command-exercise.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-command-exercise.h"
#include "rig-document-private.h"
#include "rig-error.h"

/* ---- locked parts ------------------------------------------------------ */

gboolean
_rig_command_check_devices_unlocked (RigDocument *document, const char *const *device_ids,
                                     GError **error)
{
  const RigExercise *exercise = rig_document_get_exercise (document);

  for (guint i = 0; exercise != NULL && device_ids != NULL && device_ids[i] != NULL; i++)
    if (rig_exercise_device_is_locked (exercise, device_ids[i]))
      {
        g_set_error (error, RIG_ERROR, RIG_ERROR_LOCKED,
                     _ ("%s is locked in place by the exercise: it cannot be moved or deleted."),
                     _rig_command_device_name (document, device_ids[i]));
        return FALSE;
      }
  return TRUE;
}

gboolean
_rig_command_check_cables_unlocked (RigDocument *document, GPtrArray *cables, GError **error)
{
  const RigExercise *exercise = rig_document_get_exercise (document);

  for (guint i = 0; exercise != NULL && cables != NULL && i < cables->len; i++)
    {
      const RigCable *cable = g_ptr_array_index (cables, i);

      if (rig_exercise_cable_is_locked (exercise, cable->id))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_LOCKED,
                       _ ("Cable %s is given and locked by the exercise: it cannot be changed or "
                          "deleted."),
                       cable->number != NULL && *cable->number ? cable->number : cable->id);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_rig_command_check_cable_unlocked (RigDocument *document, const char *cable_id, GError **error)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  RigCable *cable = rig_document_find_cable (document, cable_id);

  if (cable != NULL)
    g_ptr_array_add (cables, cable);
  return _rig_command_check_cables_unlocked (document, cables, error);
}

/* ---- set exercise ------------------------------------------------------ */

typedef enum
{
  SET_WHOLE,
  SET_DEVICE_LOCK,
  SET_CABLE_GIVEN,
  SET_MARKS,
} SetKind;

typedef struct
{
  RigCommand parent;
  SetKind kind;
  RigExercise *exercise; /* SET_WHOLE: the new value (NULL: none) */
  char *id;              /* the device or cable */
  gboolean flag, locked;
  char **cables, **codes; /* SET_MARKS */
  RigExercise *old;       /* while applied */
} SetExercise;

static gboolean
invalid (GError **error, const char *message, const char *id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, message, id);
  return FALSE;
}

static gboolean
check_ids (RigDocument *document, char **ids, gboolean devices, GError **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (devices ? rig_document_find_device (document, ids[i]) == NULL
                : rig_document_find_cable (document, ids[i]) == NULL)
      return devices ? _rig_command_device_not_found (error, ids[i])
                     : _rig_command_cable_not_found (error, ids[i]);
  return TRUE;
}

/* What a document may hold as its exercise (rig-command-exercise.h). */
static gboolean
check_exercise (RigDocument *document, const RigExercise *exercise, GError **error)
{
  if (exercise == NULL)
    return TRUE;
  if (!check_ids (document, exercise->locked_devices, TRUE, error)
      || !check_ids (document, exercise->given_cables, FALSE, error)
      || !check_ids (document, exercise->fault_cables, FALSE, error))
    return FALSE;
  if ((exercise->fault_cables[0] == NULL) != (exercise->fault_codes[0] == NULL))
    return invalid (error, _ ("The answer key needs both the faulty cables and the problems%s."),
                    "");
  for (guint i = 0; i < exercise->goals->len; i++)
    {
      const RigGoal *goal = g_ptr_array_index (exercise->goals, i);

      if (goal->kind == RIG_GOAL_FORBID_CODES && goal->codes[0] == NULL)
        return invalid (error, _ ("The goal “%s” lists no problem code."),
                        rig_goal_kind_to_nick (goal->kind));
      if (goal->kind == RIG_GOAL_REACHES
          && (rig_document_find_device (document, goal->from) == NULL
              || rig_document_find_device (document, goal->to) == NULL))
        return _rig_command_device_not_found (
            error, rig_document_find_device (document, goal->from) == NULL ? goal->from : goal->to);
    }
  return TRUE;
}

/* Takes @id out of the sorted array @field, and puts it back if @member. */
static void
replace_member (char ***field, const char *id, gboolean member)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) ids = NULL;

  for (guint i = 0; (*field)[i] != NULL; i++)
    if (g_strcmp0 ((*field)[i], id) != 0)
      g_strv_builder_add (builder, (*field)[i]);
  if (member)
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  rig_exercise_set_strv (field, (const char *const *) ids);
}

/* The exercise after the command, a new value (NULL: none), or NULL with
 * @error set. */
static RigExercise *
next_exercise (SetExercise *self, RigDocument *document, GError **error)
{
  const RigExercise *current = rig_document_get_exercise (document);
  RigExercise *next;

  if (self->kind == SET_WHOLE)
    return rig_exercise_copy (self->exercise);
  if (current == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("The rig is not an exercise."));
      return NULL;
    }
  next = rig_exercise_copy (current);
  if (self->kind == SET_DEVICE_LOCK)
    replace_member (&next->locked_devices, self->id, self->flag);
  else if (self->kind == SET_CABLE_GIVEN)
    {
      replace_member (&next->given_cables, self->id, self->flag);
      replace_member (&next->locked_cables, self->id, self->flag && self->locked);
    }
  else
    {
      rig_exercise_set_strv (&next->marked_cables, (const char *const *) self->cables);
      rig_exercise_set_strv (&next->marked_codes, (const char *const *) self->codes);
    }
  rig_exercise_normalize (next);
  return next;
}

static gboolean
set_exercise_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  SetExercise *self = (SetExercise *) command;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (RigExercise) next = NULL;

  if (self->kind == SET_DEVICE_LOCK && rig_document_find_device (document, self->id) == NULL)
    return _rig_command_device_not_found (error, self->id);
  if (self->kind == SET_CABLE_GIVEN && rig_document_find_cable (document, self->id) == NULL)
    return _rig_command_cable_not_found (error, self->id);
  if (self->kind == SET_MARKS && !check_ids (document, self->cables, FALSE, error))
    return FALSE;
  next = next_exercise (self, document, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The other kinds checked their own ids: the rest of the exercise is as
   * it was loaded (a student may have deleted a cable the key names). */
  if (self->kind == SET_WHOLE && !check_exercise (document, next, error))
    return FALSE;
  rig_exercise_free (self->old);
  self->old = rig_exercise_copy (rig_document_get_exercise (document));
  _rig_document_set_exercise (document, next, change);
  return TRUE;
}

static void
set_exercise_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetExercise *self = (SetExercise *) command;

  _rig_document_set_exercise (document, self->old, change);
  g_clear_pointer (&self->old, rig_exercise_free);
}

static void
set_exercise_free (RigCommand *command)
{
  SetExercise *self = (SetExercise *) command;

  rig_exercise_free (self->exercise);
  rig_exercise_free (self->old);
  g_free (self->id);
  g_strfreev (self->cables);
  g_strfreev (self->codes);
}

static char *
set_exercise_label (RigCommand *command, RigDocument *document)
{
  SetExercise *self = (SetExercise *) command;

  switch (self->kind)
    {
      case SET_DEVICE_LOCK:
        /* Translators: undo labels; %s is a device name. */
        return g_strdup_printf (self->flag ? _ ("Lock %s") : _ ("Unlock %s"),
                                _rig_command_device_name (document, self->id));
      case SET_CABLE_GIVEN:
        return g_strdup (_ ("Change Given Cables"));
      case SET_MARKS:
        return g_strdup (_ ("Mark Faults"));
      case SET_WHOLE:
      default:
        return g_strdup (self->exercise != NULL ? _ ("Change Exercise") : _ ("Remove Exercise"));
    }
}

static const RigCommandClass set_exercise_class = {
  "set-exercise", set_exercise_apply, set_exercise_revert,
  NULL,           set_exercise_free,  set_exercise_label,
};

static SetExercise *
set_exercise_new (SetKind kind)
{
  SetExercise *self = _rig_command_alloc (&set_exercise_class, sizeof *self);

  self->kind = kind;
  return self;
}

RigCommand *
rig_command_set_exercise (const RigExercise *exercise)
{
  SetExercise *self = set_exercise_new (SET_WHOLE);

  self->exercise = rig_exercise_copy (exercise);
  if (self->exercise != NULL)
    rig_exercise_normalize (self->exercise);
  return _rig_command_init_label (&self->parent);
}

RigCommand *
rig_command_set_device_locked (const char *device_id, gboolean locked)
{
  SetExercise *self;

  g_return_val_if_fail (device_id != NULL, NULL);
  self = set_exercise_new (SET_DEVICE_LOCK);
  self->id = g_strdup (device_id);
  self->flag = locked;
  return _rig_command_init_label (&self->parent);
}

RigCommand *
rig_command_set_cable_given (const char *cable_id, gboolean given, gboolean locked)
{
  SetExercise *self;

  g_return_val_if_fail (cable_id != NULL, NULL);
  self = set_exercise_new (SET_CABLE_GIVEN);
  self->id = g_strdup (cable_id);
  self->flag = given;
  self->locked = locked;
  return _rig_command_init_label (&self->parent);
}

RigCommand *
rig_command_mark_faults (const char *const *cable_ids, const char *const *codes)
{
  SetExercise *self = set_exercise_new (SET_MARKS);

  self->cables = cable_ids != NULL ? g_strdupv ((char **) cable_ids) : g_new0 (char *, 1);
  self->codes = codes != NULL ? g_strdupv ((char **) codes) : g_new0 (char *, 1);
  return _rig_command_init_label (&self->parent);
}
