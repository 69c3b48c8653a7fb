/* test-exercise.c: exercises (issue #14): the format round trip, old files
 * unchanged, locked parts refused and undone, goals met and not met with
 * near misses, find-the-fault marks, tampering, and every shipped exercise
 * solvable. */
#include "config.h"

#include "rig-catalog.h"
#include "rig-command-exercise.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-goals.h"
#include "rig-history.h"
#include "rig-test-models.h"
#include "rig-validator.h"
#include "rig-xml.h"

#define EXAMPLES_PATH "/io/github/rigwire/Rigwire/examples/"

static GBytes *
example_bytes (const char *name)
{
  g_autofree char *path = g_strconcat (EXAMPLES_PATH, name, NULL);
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static RigDocument *
load_example (const char *name)
{
  g_autoptr (GBytes) bytes = example_bytes (name);
  g_autoptr (GError) error = NULL;
  RigDocument *document = rig_format_load_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
apply (RigHistory *history, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (history, command, &error));
  g_assert_no_error (error);
}

static void
apply_refused (RigHistory *history, RigCommand *command, int code)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (rig_history_apply (history, command, &error));
  g_assert_error (error, RIG_ERROR, code);
}

/* A device of the built-in catalog, added with the edit command. */
static const char *
add_catalog (RigDocument *doc, const char *model_id, const char *label)
{
  RigHistory *history = rig_test_history (doc);
  RigDeviceModel *model = rig_catalog_lookup (rig_catalog_get_default (), model_id);
  RigCommand *command;

  g_assert_nonnull (model);
  command = rig_command_add_device (model, label, 0, 100.0 * rig_document_get_n_devices (doc));
  apply (history, command);
  return rig_document_get_device (doc, rig_document_get_n_devices (doc) - 1)->id;
}

/* The results of the document's own exercise. */
static GPtrArray *
evaluate (RigDocument *document)
{
  g_autoptr (GPtrArray) diagnostics = rig_validator_check_full (document);

  return rig_goals_evaluate (document, rig_document_get_exercise (document), diagnostics);
}

static RigGoalResult *
result_at (GPtrArray *results, guint i)
{
  g_assert_cmpuint (i, <, results->len);
  return g_ptr_array_index (results, i);
}

static GBytes *
save_load_save (RigDocument *document, RigDocument **reloaded)
{
  g_autoptr (GBytes) bytes = rig_format_save_bytes (document);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) again = NULL;
  xmlDoc *doc;

  *reloaded = rig_format_load_bytes (bytes, "saved", rig_catalog_get_default (), &error);
  g_assert_no_error (error);
  again = rig_format_save_bytes (*reloaded);
  g_assert_true (g_bytes_equal (bytes, again));
  doc = rig_xml_parse_untrusted (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "x",
                                 &error);
  g_assert_no_error (error);
  g_assert_true (rig_xml_validate_schema (doc, "saved", &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);
  return g_steal_pointer (&bytes);
}

/* Every part of an exercise survives a save and a load, and saves to the
 * same bytes again. */
static void
test_format_round_trip (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  g_autoptr (RigExercise) exercise = rig_exercise_new ();
  g_autoptr (RigDocument) reloaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *key_codes[] = { "power.passive-unamplified", NULL };
  const char *forbid[] = { "connector.size", "power.passive-unamplified", NULL };
  const char *choices[] = { "power.passive-unamplified", "connector.size", NULL };
  const char *marks[] = { "c1", NULL };
  const char *phone = add_catalog (doc, "phone-ctia", "Phone");
  const char *speaker = add_catalog (doc, "speaker-bookshelf", "Bookshelf speaker");
  const char *cable = rig_test_connect (doc, phone, "headset", speaker, "in");
  const RigExercise *got;

  g_free (exercise->task);
  exercise->task = g_strdup ("Wire it <right> & \"well\".");
  exercise->hide_verdicts = TRUE;
  g_ptr_array_add (exercise->goals, rig_goal_new (RIG_GOAL_ALL_LISTENERS));
  g_ptr_array_add (exercise->goals, rig_goal_new (RIG_GOAL_NO_ERRORS));
  g_ptr_array_add (exercise->goals, rig_goal_new (RIG_GOAL_NO_WARNINGS));
  g_ptr_array_add (exercise->goals, rig_goal_new_max_adapters (0));
  g_ptr_array_add (exercise->goals, rig_goal_new_forbid_codes (forbid));
  g_ptr_array_add (exercise->goals, rig_goal_new_reaches (phone, speaker));
  rig_exercise_set_strv (&exercise->locked_devices, (const char *const[]){ phone, NULL });
  rig_exercise_set_strv (&exercise->locked_cables, (const char *const[]){ cable, NULL });
  rig_exercise_set_strv (&exercise->fault_cables, (const char *const[]){ cable, NULL });
  rig_exercise_set_strv (&exercise->fault_codes, key_codes);
  rig_exercise_set_strv (&exercise->choices, choices);
  apply (history, rig_command_set_exercise (exercise));
  apply (history, rig_command_mark_faults (marks, key_codes));

  bytes = save_load_save (doc, &reloaded);
  g_assert_nonnull (
      g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "locked=\"true\""));
  g_assert_true (rig_document_content_equal (doc, reloaded));
  got = rig_document_get_exercise (reloaded);
  g_assert_nonnull (got);
  g_assert_cmpstr (got->task, ==, "Wire it <right> & \"well\".");
  g_assert_true (got->hide_verdicts);
  g_assert_cmpuint (got->goals->len, ==, 6);
  g_assert_true (rig_exercise_device_is_locked (got, phone));
  g_assert_false (rig_exercise_device_is_locked (got, speaker));
  g_assert_true (rig_exercise_cable_is_given (got, cable));
  g_assert_true (rig_exercise_cable_is_locked (got, cable));
  g_assert_true (rig_exercise_is_find_fault (got));
  g_assert_cmpstr (got->marked_cables[0], ==, "c1");
  g_assert_cmpstr (((RigGoal *) got->goals->pdata[5])->to, ==, speaker);

  /* Removing the exercise makes an ordinary rig again, in one undo step. */
  apply (history, rig_command_set_exercise (NULL));
  g_assert_null (rig_document_get_exercise (doc));
  rig_history_undo (history);
  g_assert_true (rig_exercise_equal (rig_document_get_exercise (doc), got));
}

/* Rigs from before exercises open without one and save byte for byte. */
static void
test_format_old_files (void)
{
  const char *names[]
      = { "lesson-aux-power-speakers.rigwire", "home-studio.rigwire", "car.rigwire" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GBytes) bytes = example_bytes (names[i]);
      g_autoptr (RigDocument) doc = load_example (names[i]);
      g_autoptr (GBytes) saved = rig_format_save_bytes (doc);

      g_assert_null (rig_document_get_exercise (doc));
      g_assert_true (g_bytes_equal (bytes, saved));
      g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), -1, "exercise"));
    }
}

/* The loader refuses what the format does not allow in an exercise. */
static void
test_format_refusals (void)
{
  const char *bad[] = {
    "<exercise><goal kind=\"teleport\"/></exercise>",
    "<exercise><goal kind=\"max-adapters\" count=\"-1\"/></exercise>",
    "<exercise hide-verdicts=\"maybe\"/>",
    "<exercise><fault cables=\"c1\" codes=\"not-a-code\"/></exercise>",
    "<exercise><surprise/></exercise>",
  };
  g_autoptr (GBytes) base = example_bytes ("exercise-power-speakers.rigwire");
  g_autofree char *text = g_strndup (g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  char *start = strstr (text, "  <exercise"), *end = strstr (text, "</exercise>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *head = g_strndup (text, start - text);
      g_autofree char *body = g_strconcat (head, bad[i], end + strlen ("</exercise>"), NULL);
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr (GError) error = NULL;
      g_autoptr (RigDocument) doc = rig_format_load_bytes (bytes, "bad", NULL, &error);

      g_assert_null (doc);
      g_assert_nonnull (error);
    }
}

/* Locked devices and cables refuse to move or go, each refusal changes
 * nothing, and unlocking is one undo step. */
static void
test_locked_refusals (void)
{
  g_autoptr (RigDocument) doc = load_example ("exercise-power-speakers.rigwire");
  RigHistory *history = rig_test_history (doc);
  g_autoptr (RigDocument) before = rig_document_copy (doc);
  const char *phone[] = { "d3", NULL };
  const char *given[] = { "c3", NULL };
  RigCableSpec spec;

  apply_refused (history, rig_command_remove_devices (phone), RIG_ERROR_LOCKED);
  apply_refused (history, rig_command_move_devices (phone, 10, 0), RIG_ERROR_LOCKED);
  apply_refused (history, rig_command_remove_cables (given), RIG_ERROR_LOCKED);
  apply_refused (history, rig_command_reconnect_cable ("c3", RIG_END_TO, "d6", "in"),
                 RIG_ERROR_LOCKED);
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  apply_refused (history, rig_command_set_cable_spec ("c3", &spec), RIG_ERROR_LOCKED);
  rig_cable_spec_clear (&spec);
  g_assert_true (rig_document_content_equal (doc, before));
  g_assert_false (rig_history_can_undo (history));

  /* Once the teacher unlocks it, it moves; undo locks it again where it was. */
  apply (history, rig_command_set_device_locked ("d3", FALSE));
  apply (history, rig_command_move_devices (phone, 10, 0));
  g_assert_cmpfloat (rig_document_find_device (doc, "d3")->x, ==,
                     rig_document_find_device (before, "d3")->x + 10);
  rig_history_undo (history);
  rig_history_undo (history);
  g_assert_true (rig_document_content_equal (doc, before));
  apply_refused (history, rig_command_move_devices (phone, 10, 0), RIG_ERROR_LOCKED);

  /* Unlocking the speaker on a locked cable does not let it take the cable
   * with it. */
  apply (history, rig_command_set_device_locked ("d5", FALSE));
  apply_refused (history, rig_command_remove_devices ((const char *[]){ "d5", NULL }),
                 RIG_ERROR_LOCKED);
  g_assert_nonnull (rig_document_find_device (doc, "d5"));

  /* An unlocked given cable may go. */
  apply (history, rig_command_set_cable_given ("c3", TRUE, FALSE));
  apply (history, rig_command_remove_cables (given));
  g_assert_null (rig_document_find_cable (doc, "c3"));
}

/* The cables of @lesson named in @ids, added to @doc with the edit commands. */
static void
add_solution (RigDocument *doc, RigHistory *history, const char *lesson, const char *const *ids)
{
  g_autoptr (RigDocument) source = load_example (lesson);

  for (guint i = 0; ids[i] != NULL; i++)
    apply (history, rig_command_insert_cable (rig_document_find_cable (source, ids[i])));
}

static const struct
{
  const char *exercise, *lesson;
  const char *solution[6];
} solutions[] = {
  { "exercise-power-speakers.rigwire", "lesson-aux-power-speakers.rigwire", { "c2", "c4", NULL } },
  { "exercise-aux-in-as-out.rigwire", "lesson-aux-in-as-out.rigwire", { "c2", "c3", NULL } },
  { "exercise-aux-vs-headphone.rigwire",
    "lesson-aux-vs-headphone.rigwire",
    { "c3", "c4", "c5", "c6", NULL } },
  { "exercise-headphone-amp-speakers.rigwire",
    "lesson-headphone-amp-speakers.rigwire",
    { "c3", "c4", "c5", "c6", "c7", NULL } },
};

/* Each shipped exercise is not met as handed out, and met once the intended
 * cables are added with the edit commands. */
static void
test_exercises_solvable (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr (RigDocument) doc = load_example (solutions[index].exercise);
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GPtrArray) before = evaluate (doc);
  g_autoptr (GPtrArray) after = NULL;

  g_assert_cmpuint (before->len, >, 0);
  g_assert_cmpuint (rig_goals_count_met (before), <, before->len);
  add_solution (doc, history, solutions[index].lesson, solutions[index].solution);
  after = evaluate (doc);
  for (guint i = 0; i < after->len; i++)
    if (!result_at (after, i)->met)
      g_error ("%s: %s: not met: %s", solutions[index].exercise, result_at (after, i)->title,
               result_at (after, i)->sentence);
}

static const char *const fault_exercises[] = {
  "fault-power-speakers.rigwire",
  "fault-aux-vs-headphone.rigwire",
  "fault-headphone-amp.rigwire",
  "fault-aux-in-as-out.rigwire",
};

/* Each find-the-fault exercise hides its verdicts, is not met unmarked, its
 * key names diagnostics the checker really raises on those cables, offers the
 * key's problems among its choices, and is met once the key is marked. */
static void
test_faults_solvable (gconstpointer data)
{
  const char *name = data;
  g_autoptr (RigDocument) doc = load_example (name);
  RigHistory *history = rig_test_history (doc);
  const RigExercise *exercise = rig_document_get_exercise (doc);
  g_autoptr (GPtrArray) diagnostics = rig_validator_check_full (doc);
  g_autoptr (GPtrArray) before = evaluate (doc);
  g_autoptr (GPtrArray) after = NULL;

  g_assert_true (exercise->hide_verdicts);
  g_assert_true (rig_exercise_is_find_fault (exercise));
  g_assert_false (result_at (before, 0)->met);
  for (guint i = 0; exercise->fault_codes[i] != NULL; i++)
    {
      gboolean raised = FALSE;

      g_assert_true (rig_exercise_strv_has (exercise->choices, exercise->fault_codes[i]));
      for (guint j = 0; j < diagnostics->len; j++)
        {
          RigDiagnostic *d = g_ptr_array_index (diagnostics, j);
          raised = raised
                   || (g_strcmp0 (d->code, exercise->fault_codes[i]) == 0 && d->cables[0] != NULL
                       && rig_exercise_strv_has (exercise->fault_cables, d->cables[0]));
        }
      if (!raised)
        g_error ("%s: the key's %s is not raised on its cables", name, exercise->fault_codes[i]);
    }
  apply (history, rig_command_mark_faults ((const char *const *) exercise->fault_cables,
                                           (const char *const *) exercise->fault_codes));
  after = evaluate (doc);
  g_assert_cmpuint (rig_goals_count_met (after), ==, after->len);
}

/* Near misses: one cable short, one cable wrong, one adapter too many. */
static void
test_goals_near_misses (void)
{
  g_autoptr (RigDocument) doc = load_example ("exercise-power-speakers.rigwire");
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (RigDocument) adapters = NULL;
  RigHistory *adapters_history = NULL;
  g_autoptr (RigExercise) tighter = NULL;

  /* Only the phone to the amplifier: the right speaker is still silent. */
  add_solution (doc, history, "lesson-aux-power-speakers.rigwire", (const char *[]){ "c2", NULL });
  results = evaluate (doc);
  g_assert_false (result_at (results, 0)->met);
  {
    g_autofree char *line = rig_goal_result_to_string (result_at (results, 0));
    g_assert_cmpstr (line, ==,
                     "Every listener gets signal: not met — Right speaker gets no signal.");
  }
  g_assert_null (strstr (result_at (results, 0)->sentence, "Left speaker"));
  g_assert_true (result_at (results, 2)->met); /* no passive-unamplified */
  g_assert_false (result_at (results, 3)->met);
  g_assert_nonnull (strstr (result_at (results, 3)->title, "Phone reaches Right speaker"));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The right speaker straight on the phone instead: it "gets signal", but
   * it is the lesson's mistake. */
  rig_history_undo (history);
  g_assert_nonnull (rig_test_connect (doc, "d3", "headset", "d6", "in"));
  results = evaluate (doc);
  g_assert_false (result_at (results, 2)->met);
  g_assert_nonnull (strstr (result_at (results, 2)->sentence, "power.passive-unamplified"));
  g_assert_false (result_at (results, 1)->met);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Two adapter devices where the teacher allows one. */
  adapters = load_example ("exercise-aux-vs-headphone.rigwire");
  adapters_history = rig_test_history (adapters);
  add_solution (adapters, adapters_history, "lesson-aux-vs-headphone.rigwire",
                (const char *[]){ "c3", "c4", "c5", "c6", NULL });
  tighter = rig_exercise_copy (rig_document_get_exercise (adapters));
  ((RigGoal *) tighter->goals->pdata[3])->count = 1;
  apply (adapters_history, rig_command_set_exercise (tighter));
  results = evaluate (adapters);
  g_assert_true (result_at (results, 0)->met);
  g_assert_false (result_at (results, 3)->met);
  g_assert_cmpstr (result_at (results, 3)->title, ==, "At most 1 adapter");
  g_assert_nonnull (strstr (result_at (results, 3)->sentence, "1 more than allowed"));
}

/* Find the fault: no marks, the wrong cable, the wrong problem, the right
 * answer; marks are saved in the student's file. */
static void
test_find_the_fault (void)
{
  g_autoptr (RigDocument) doc = load_example ("fault-power-speakers.rigwire");
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (RigDocument) reloaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *right_code[] = { "power.passive-unamplified", NULL };
  const char *wrong_code[] = { "connector.size", NULL };

  g_assert_true (rig_document_get_exercise (doc)->hide_verdicts);
  results = evaluate (doc);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (result_at (results, 0)->kind, ==, RIG_GOAL_RESULT_FIND_FAULT);
  g_assert_false (result_at (results, 0)->met);
  g_clear_pointer (&results, g_ptr_array_unref);

  apply (history, rig_command_mark_faults ((const char *[]){ "c2", NULL }, right_code));
  results = evaluate (doc);
  g_assert_false (result_at (results, 0)->met);
  g_assert_nonnull (strstr (result_at (results, 0)->sentence, "Cable A-002 is not faulty"));
  g_clear_pointer (&results, g_ptr_array_unref);

  apply (history, rig_command_mark_faults ((const char *[]){ "c1", NULL }, wrong_code));
  results = evaluate (doc);
  g_assert_false (result_at (results, 0)->met);
  g_assert_nonnull (strstr (result_at (results, 0)->sentence, "problem named is not"));
  g_clear_pointer (&results, g_ptr_array_unref);

  apply (history, rig_command_mark_faults ((const char *[]){ "c1", NULL }, right_code));
  results = evaluate (doc);
  g_assert_true (result_at (results, 0)->met);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Saved and loaded, the marks are still right; undo takes them back. */
  bytes = save_load_save (doc, &reloaded);
  results = evaluate (reloaded);
  g_assert_true (result_at (results, 0)->met);
  rig_history_undo (history);
  g_assert_cmpstr (rig_document_get_exercise (doc)->marked_codes[0], ==, "connector.size");
  /* Marking a cable that is not there is refused. */
  apply_refused (history, rig_command_mark_faults ((const char *[]){ "c99", NULL }, NULL),
                 RIG_ERROR_NOT_FOUND);
}

/* A student's copy that is not the exercise any more says how. */
static void
test_tampering (void)
{
  g_autoptr (RigDocument) exercise = load_example ("exercise-power-speakers.rigwire");
  g_autoptr (RigDocument) student = rig_document_copy (exercise);
  RigHistory *history = rig_test_history (student);
  g_autoptr (GPtrArray) none = rig_goals_find_tampering (exercise, student);
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (RigExercise) changed = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  /* The student unlocks the phone (as a teacher could), moves it, adds a
   * device and drops a goal. */
  apply (history, rig_command_set_device_locked ("d3", FALSE));
  apply (history, rig_command_move_devices ((const char *[]){ "d3", NULL }, 50, 0));
  g_assert_nonnull (add_catalog (student, "speaker-bookshelf", "Spare speaker"));
  changed = rig_exercise_copy (rig_document_get_exercise (student));
  g_ptr_array_remove_index (changed->goals, 0);
  apply (history, rig_command_set_exercise (changed));
  found = rig_goals_find_tampering (exercise, student);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_nonnull (strstr (found->pdata[0], "was moved"));
  g_assert_nonnull (strstr (found->pdata[1], "not in the exercise"));
  g_assert_nonnull (strstr (found->pdata[2], "exercise itself was changed"));
}

/* Every exercise command is one undo step: after each, the rig saves and
 * loads back the same; undoing all gives the first bytes back, redoing all
 * the last. */
static void
test_commands_undo_redo (void)
{
  g_autoptr (RigDocument) doc = load_example ("exercise-power-speakers.rigwire");
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (RigExercise) changed = rig_exercise_copy (rig_document_get_exercise (doc));
  const char *codes[] = { "power.unpowered", NULL };
  RigCommand *commands[6];

  g_free (changed->task);
  changed->task = g_strdup ("A new task");
  g_ptr_array_add (changed->goals, rig_goal_new (RIG_GOAL_NO_WARNINGS));
  /* As the first command leaves it: d5 unlocked. */
  rig_exercise_set_strv (&changed->locked_devices, (const char *[]){ "d3", "d4", "d6", NULL });
  commands[0] = rig_command_set_device_locked ("d5", FALSE);
  commands[1] = rig_command_set_cable_given ("c3", TRUE, FALSE);
  commands[2] = rig_command_set_exercise (changed);
  commands[3] = rig_command_set_device_locked ("d5", TRUE);
  commands[4] = rig_command_mark_faults ((const char *[]){ "c3", NULL }, codes);
  commands[5] = rig_command_set_cable_given ("c3", FALSE, FALSE);

  g_ptr_array_add (saved, rig_format_save_bytes (doc));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (RigDocument) reloaded = NULL;

      apply (history, commands[i]);
      g_ptr_array_add (saved, save_load_save (doc, &reloaded));
      if (g_bytes_equal (saved->pdata[i], saved->pdata[i + 1]))
        g_error ("command %u changed nothing", i);
    }
  for (guint i = G_N_ELEMENTS (commands); i > 0; i--)
    {
      g_autoptr (GBytes) now = NULL;

      rig_history_undo (history);
      now = rig_format_save_bytes (doc);
      g_assert_true (g_bytes_equal (now, saved->pdata[i - 1]));
    }
  for (guint i = 1; i <= G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (GBytes) now = NULL;

      rig_history_redo (history);
      now = rig_format_save_bytes (doc);
      g_assert_true (g_bytes_equal (now, saved->pdata[i]));
    }
  /* Lock commands on an ordinary rig are refused. */
  apply (history, rig_command_set_exercise (NULL));
  apply_refused (history, rig_command_set_device_locked ("d5", TRUE), RIG_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exercise/format/round-trip", test_format_round_trip);
  g_test_add_func ("/exercise/format/old-files-unchanged", test_format_old_files);
  g_test_add_func ("/exercise/format/refusals", test_format_refusals);
  g_test_add_func ("/exercise/locked/refused-and-undone", test_locked_refusals);
  g_test_add_func ("/exercise/commands/undo-redo", test_commands_undo_redo);
  for (guint i = 0; i < G_N_ELEMENTS (solutions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exercise/solvable/%s", solutions[i].exercise);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_exercises_solvable);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fault_exercises); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exercise/solvable/%s", fault_exercises[i]);
      g_test_add_data_func (path, fault_exercises[i], test_faults_solvable);
    }
  g_test_add_func ("/exercise/goals/near-misses", test_goals_near_misses);
  g_test_add_func ("/exercise/find-the-fault", test_find_the_fault);
  g_test_add_func ("/exercise/tampering", test_tampering);
  return g_test_run ();
}
