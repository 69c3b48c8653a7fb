/* rig-exercise.h: a rig handed out as an exercise.
 *
 * A teacher turns a rig into an exercise: a task for the student, devices
 * locked in place, cables given (locked or free to change), goals the wiring
 * must meet, and whether the checker's verdicts stay hidden until the student
 * asks for them ("Check my wiring"). A "find the fault" exercise also holds
 * its answer key (the faulty cables and the problem codes) and the list of
 * problems the student picks from; the student's own marks are saved in their
 * copy of the file.
 *
 * A RigExercise is a plain value: the document owns one
 * (rig_document_get_exercise(), NULL for an ordinary rig) and replaces it
 * whole through the edit commands (edit/rig-command-exercise.h). Its string
 * arrays are NULL-terminated, never NULL, sorted and without duplicates
 * (rig_exercise_normalize()), so two equal exercises save the same bytes.
 * Goal evaluation is check/rig-goals.h; the file format is
 * io/rig-format-exercise.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RIG_GOAL_ALL_LISTENERS, /* "all-listeners": every speaker and headphones gets signal */
  RIG_GOAL_NO_ERRORS,     /* "no-errors": the checker finds no error */
  RIG_GOAL_NO_WARNINGS,   /* "no-warnings": nor any warning (errors count too) */
  RIG_GOAL_MAX_ADAPTERS,  /* "max-adapters": at most @count adapters on all the cables */
  RIG_GOAL_FORBID_CODES,  /* "forbid-codes": none of @codes is raised */
  RIG_GOAL_REACHES,       /* "reaches": the signal of device @from reaches device @to */
  RIG_N_GOAL_KINDS
} RigGoalKind;

/* "all-listeners", ...; NULL for an unknown kind. */
const char *
rig_goal_kind_to_nick (RigGoalKind kind);
int
rig_goal_kind_from_nick (const char *nick); /* -1 if unknown */

typedef struct
{
  RigGoalKind kind;
  guint count;  /* RIG_GOAL_MAX_ADAPTERS: the most adapters allowed (0 is allowed) */
  char **codes; /* RIG_GOAL_FORBID_CODES: rule codes, sorted; else empty */
  char *from;   /* RIG_GOAL_REACHES: device ids; else NULL */
  char *to;
} RigGoal;

/* New goals: the strings are copied. */
RigGoal *
rig_goal_new (RigGoalKind kind);
RigGoal *
rig_goal_new_max_adapters (guint count);
RigGoal *
rig_goal_new_forbid_codes (const char *const *codes);
RigGoal *
rig_goal_new_reaches (const char *from_device, const char *to_device);
RigGoal *
rig_goal_copy (const RigGoal *goal);
void
rig_goal_free (RigGoal *goal);
gboolean
rig_goal_equal (const RigGoal *a, const RigGoal *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigGoal, rig_goal_free)

typedef struct
{
  char *task;             /* what the student is asked to do; never NULL, may be "" */
  gboolean hide_verdicts; /* the verdicts stay hidden until the student asks */
  GPtrArray *goals;       /* RigGoal *, owned, in the order the teacher gave */

  char **locked_devices; /* device ids that cannot be moved or deleted */
  char **given_cables;   /* cable ids the exercise comes with */
  char **locked_cables;  /* given cables that cannot be changed or deleted */

  /* Find the fault: the answer key (a non-empty @fault_cables makes it such
   * an exercise), the problems offered to pick from, and the student's
   * marks. */
  char **fault_cables; /* the faulty cables' ids */
  char **fault_codes;  /* the problems' rule codes */
  char **choices;      /* rule codes the student picks from (the key's among them) */
  char **marked_cables;
  char **marked_codes;
} RigExercise;

/* An empty exercise: no task, no goals, nothing locked. */
RigExercise *
rig_exercise_new (void);
RigExercise *
rig_exercise_copy (const RigExercise *exercise);
void
rig_exercise_free (RigExercise *exercise);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigExercise, rig_exercise_free)
/* TRUE when both are NULL or hold the same values. */
gboolean
rig_exercise_equal (const RigExercise *a, const RigExercise *b);

/* Sorts the id and code arrays and drops duplicates, puts every locked cable
 * among the given ones; call after changing the arrays by hand. */
void
rig_exercise_normalize (RigExercise *exercise);

/* Replaces one of the exercise's string arrays with a sorted copy of @strv
 * (NULL: empty). */
void
rig_exercise_set_strv (char ***field, const char *const *strv);

gboolean
rig_exercise_is_find_fault (const RigExercise *exercise);
/* Whether @id is in the list (a NULL exercise has none). */
gboolean
rig_exercise_device_is_locked (const RigExercise *exercise, const char *device_id);
gboolean
rig_exercise_cable_is_given (const RigExercise *exercise, const char *cable_id);
gboolean
rig_exercise_cable_is_locked (const RigExercise *exercise, const char *cable_id);

/* Whether @id is in a sorted array of the exercise. */
gboolean
rig_exercise_strv_has (char **strv, const char *id);

G_END_DECLS
