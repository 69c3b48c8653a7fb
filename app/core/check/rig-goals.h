/* rig-goals.h: whether a rig meets its exercise's goals (model/rig-exercise.h).
 *
 * rig_goals_evaluate() judges each goal of an exercise on a document and the
 * validator's diagnostics of it: met or not, with a sentence that names the
 * rig's own devices and numbers ("Bookshelf speaker 2 gets no signal."). A
 * find-the-fault exercise is judged first on the student's marks against the
 * answer key. The same results serve the editor's "Check my wiring" and the
 * command line's --grade; nothing here changes the document, and separate
 * documents may be evaluated in separate threads at once.
 */
#pragma once

#include "rig-diagnostic.h"
#include "rig-document.h"

G_BEGIN_DECLS

typedef enum
{
  RIG_GOAL_RESULT_GOAL,       /* one of the exercise's goals (@goal) */
  RIG_GOAL_RESULT_FIND_FAULT, /* the marks against the answer key */
} RigGoalResultKind;

typedef struct
{
  RigGoalResultKind kind;
  const RigGoal *goal; /* RIG_GOAL_RESULT_GOAL: borrowed from the exercise */
  gboolean met;
  char *title;    /* the goal in words: "Every listener gets signal" */
  char *sentence; /* why it is met or not, one or more sentences */
} RigGoalResult;

void
rig_goal_result_free (RigGoalResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigGoalResult, rig_goal_result_free)

/* The results (RigGoalResult *, a new array that frees them): for a
 * find-the-fault exercise the marks first, then each goal in the exercise's
 * order. @diagnostics are the document's (rig_validator_check_full() or a
 * validator's); @exercise is usually the document's own, and may be another
 * (the teacher's, when grading a student's copy); its goals must stay alive
 * as long as the results. */
GPtrArray *
rig_goals_evaluate (RigDocument *document, const RigExercise *exercise, GPtrArray *diagnostics);

/* One result as a line for people: "Every listener gets signal: not met —
 * Right speaker gets no signal." (translated). */
char *
rig_goal_result_to_string (const RigGoalResult *result);

/* How many of @results are met. */
guint
rig_goals_count_met (GPtrArray *results);

/* The goal in words ("At most 2 adapters"), translated. */
char *
rig_goal_describe (RigDocument *document, const RigGoal *goal);

/* Whether @student (a student's copy) is still the exercise @exercise (the
 * teacher's file) was handed out as: the same devices by id and model, the
 * locked devices where they were, the locked cables as they were, and the
 * same task, goals, locks and answer key (the student's marks may differ).
 * Returns one sentence per difference (a new array of strings; empty when
 * none); a file with no exercise at all says so. */
GPtrArray *
rig_goals_find_tampering (RigDocument *exercise, RigDocument *student);

/* Signal reach (rig-validator-reach.c), from the validator's nets and signal
 * graph: */

/* The ids of the listeners (speakers and headphones with an audio input)
 * that no source reaches, in document order; a new array of borrowed ids
 * (valid until the document changes). Unwired listeners are among them. */
GPtrArray *
rig_goals_silent_listeners (RigDocument *document);

/* Whether the signal leaving any jack of @from_device reaches an input of
 * @to_device through the rig's cables and devices; FALSE when either is not
 * in the document. */
gboolean
rig_goals_signal_reaches (RigDocument *document, const char *from_device, const char *to_device);

G_END_DECLS
