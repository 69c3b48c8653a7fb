/* rig-exercise.c: a rig handed out as an exercise (rig-exercise.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rig-exercise.h"

static const char *const goal_nicks[RIG_N_GOAL_KINDS] = {
  [RIG_GOAL_ALL_LISTENERS] = "all-listeners", [RIG_GOAL_NO_ERRORS] = "no-errors",
  [RIG_GOAL_NO_WARNINGS] = "no-warnings",     [RIG_GOAL_MAX_ADAPTERS] = "max-adapters",
  [RIG_GOAL_FORBID_CODES] = "forbid-codes",   [RIG_GOAL_REACHES] = "reaches",
};

const char *
rig_goal_kind_to_nick (RigGoalKind kind)
{
  return (guint) kind < RIG_N_GOAL_KINDS ? goal_nicks[kind] : NULL;
}

int
rig_goal_kind_from_nick (const char *nick)
{
  for (guint i = 0; nick != NULL && i < RIG_N_GOAL_KINDS; i++)
    if (strcmp (nick, goal_nicks[i]) == 0)
      return (int) i;
  return -1;
}

/* ---- string arrays --------------------------------------------------------- */

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Sorts @strv in place and drops duplicates. */
static void
sort_unique (char **strv)
{
  guint n = g_strv_length (strv), kept = 0;

  qsort (strv, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      if (kept > 0 && strcmp (strv[kept - 1], strv[i]) == 0)
        {
          g_free (strv[i]);
          continue;
        }
      strv[kept++] = strv[i];
    }
  strv[kept] = NULL;
}

void
rig_exercise_set_strv (char ***field, const char *const *strv)
{
  char **copy = strv != NULL ? g_strdupv ((char **) strv) : g_new0 (char *, 1);

  sort_unique (copy);
  g_strfreev (*field);
  *field = copy;
}

gboolean
rig_exercise_strv_has (char **strv, const char *id)
{
  if (strv == NULL || id == NULL)
    return FALSE;
  return bsearch (&id, strv, g_strv_length (strv), sizeof (char *), compare_strings) != NULL;
}

static gboolean
strv_equal (char **a, char **b)
{
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

/* ---- goals ------------------------------------------------------------------- */

RigGoal *
rig_goal_new (RigGoalKind kind)
{
  RigGoal *goal = g_new0 (RigGoal, 1);

  goal->kind = kind;
  goal->codes = g_new0 (char *, 1);
  return goal;
}

RigGoal *
rig_goal_new_max_adapters (guint count)
{
  RigGoal *goal = rig_goal_new (RIG_GOAL_MAX_ADAPTERS);

  goal->count = count;
  return goal;
}

RigGoal *
rig_goal_new_forbid_codes (const char *const *codes)
{
  RigGoal *goal = rig_goal_new (RIG_GOAL_FORBID_CODES);

  rig_exercise_set_strv (&goal->codes, codes);
  return goal;
}

RigGoal *
rig_goal_new_reaches (const char *from_device, const char *to_device)
{
  RigGoal *goal = rig_goal_new (RIG_GOAL_REACHES);

  goal->from = g_strdup (from_device);
  goal->to = g_strdup (to_device);
  return goal;
}

RigGoal *
rig_goal_copy (const RigGoal *goal)
{
  RigGoal *copy = g_new0 (RigGoal, 1);

  copy->kind = goal->kind;
  copy->count = goal->count;
  copy->codes = g_strdupv (goal->codes);
  copy->from = g_strdup (goal->from);
  copy->to = g_strdup (goal->to);
  return copy;
}

void
rig_goal_free (RigGoal *goal)
{
  if (goal == NULL)
    return;
  g_strfreev (goal->codes);
  g_free (goal->from);
  g_free (goal->to);
  g_free (goal);
}

gboolean
rig_goal_equal (const RigGoal *a, const RigGoal *b)
{
  return a->kind == b->kind && a->count == b->count && strv_equal (a->codes, b->codes)
         && g_strcmp0 (a->from, b->from) == 0 && g_strcmp0 (a->to, b->to) == 0;
}

/* ---- exercises --------------------------------------------------------------- */

/* The exercise's string arrays, for the loops below. */
#define N_STRVS 8
static char ***
strv_fields (RigExercise *exercise, char ***fields[N_STRVS])
{
  fields[0] = &exercise->locked_devices;
  fields[1] = &exercise->given_cables;
  fields[2] = &exercise->locked_cables;
  fields[3] = &exercise->fault_cables;
  fields[4] = &exercise->fault_codes;
  fields[5] = &exercise->choices;
  fields[6] = &exercise->marked_cables;
  fields[7] = &exercise->marked_codes;
  return fields[0];
}

RigExercise *
rig_exercise_new (void)
{
  RigExercise *exercise = g_new0 (RigExercise, 1);
  char ***fields[N_STRVS];

  exercise->task = g_strdup ("");
  exercise->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_goal_free);
  strv_fields (exercise, fields);
  for (guint i = 0; i < N_STRVS; i++)
    *fields[i] = g_new0 (char *, 1);
  return exercise;
}

RigExercise *
rig_exercise_copy (const RigExercise *exercise)
{
  RigExercise *copy;
  char ***from[N_STRVS], ***to[N_STRVS];

  if (exercise == NULL)
    return NULL;
  copy = rig_exercise_new ();
  g_free (copy->task);
  copy->task = g_strdup (exercise->task);
  copy->hide_verdicts = exercise->hide_verdicts;
  for (guint i = 0; i < exercise->goals->len; i++)
    g_ptr_array_add (copy->goals, rig_goal_copy (g_ptr_array_index (exercise->goals, i)));
  strv_fields ((RigExercise *) exercise, from);
  strv_fields (copy, to);
  for (guint i = 0; i < N_STRVS; i++)
    {
      g_strfreev (*to[i]);
      *to[i] = g_strdupv (*from[i]);
    }
  return copy;
}

void
rig_exercise_free (RigExercise *exercise)
{
  char ***fields[N_STRVS];

  if (exercise == NULL)
    return;
  g_free (exercise->task);
  g_ptr_array_unref (exercise->goals);
  strv_fields (exercise, fields);
  for (guint i = 0; i < N_STRVS; i++)
    g_strfreev (*fields[i]);
  g_free (exercise);
}

gboolean
rig_exercise_equal (const RigExercise *a, const RigExercise *b)
{
  char ***fa[N_STRVS], ***fb[N_STRVS];

  if (a == NULL || b == NULL)
    return a == b;
  if (g_strcmp0 (a->task, b->task) != 0 || a->hide_verdicts != b->hide_verdicts
      || a->goals->len != b->goals->len)
    return FALSE;
  for (guint i = 0; i < a->goals->len; i++)
    if (!rig_goal_equal (g_ptr_array_index (a->goals, i), g_ptr_array_index (b->goals, i)))
      return FALSE;
  strv_fields ((RigExercise *) a, fa);
  strv_fields ((RigExercise *) b, fb);
  for (guint i = 0; i < N_STRVS; i++)
    if (!strv_equal (*fa[i], *fb[i]))
      return FALSE;
  return TRUE;
}

void
rig_exercise_normalize (RigExercise *exercise)
{
  char ***fields[N_STRVS];
  g_autoptr (GStrvBuilder) given = g_strv_builder_new ();

  strv_fields (exercise, fields);
  for (guint i = 0; i < N_STRVS; i++)
    {
      if (*fields[i] == NULL)
        *fields[i] = g_new0 (char *, 1);
      sort_unique (*fields[i]);
    }
  g_strv_builder_addv (given, (const char **) exercise->given_cables);
  g_strv_builder_addv (given, (const char **) exercise->locked_cables);
  g_strfreev (exercise->given_cables);
  exercise->given_cables = g_strv_builder_end (given);
  sort_unique (exercise->given_cables);
  if (exercise->task == NULL)
    exercise->task = g_strdup ("");
}

gboolean
rig_exercise_is_find_fault (const RigExercise *exercise)
{
  return exercise != NULL && exercise->fault_cables[0] != NULL;
}

gboolean
rig_exercise_device_is_locked (const RigExercise *exercise, const char *device_id)
{
  return exercise != NULL && rig_exercise_strv_has (exercise->locked_devices, device_id);
}

gboolean
rig_exercise_cable_is_given (const RigExercise *exercise, const char *cable_id)
{
  return exercise != NULL && rig_exercise_strv_has (exercise->given_cables, cable_id);
}

gboolean
rig_exercise_cable_is_locked (const RigExercise *exercise, const char *cable_id)
{
  return exercise != NULL && rig_exercise_strv_has (exercise->locked_cables, cable_id);
}
