/* test-grade.c: rigwire --grade (issue #14) and many files on every core
 * (issue #13): text, JSON and CSV output, tampering, an unreadable file that
 * does not stop the others, the exit statuses, and the order of the results
 * whatever the number of workers. */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-cli-export.h"
#include "rig-cli.h"
#include "rig-command-exercise.h"
#include "rig-format.h"
#include "rig-history.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs rig_cli_run() on @args (NULL-terminated), capturing output. */
static CliRun
run_argv (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  CliRun run = { 0 };
  size_t out_len = 0, err_len = 0;
  FILE *out = open_memstream (&run.out, &out_len);
  FILE *err = open_memstream (&run.err, &err_len);

  g_ptr_array_add (argv, (char *) "rigwire");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  run.status = rig_cli_run (argv->len - 1, (char **) argv->pdata, rig_cli_export, out, err);
  fclose (out);
  fclose (err);
  return run;
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
}

/* A temporary folder for students' files, removed at the end. */
typedef struct
{
  char *dir;
  GPtrArray *files;
} Class;

static void
class_init (Class *class)
{
  g_autoptr (GError) error = NULL;

  class->dir = g_dir_make_tmp ("rigwire-grade-XXXXXX", &error);
  g_assert_no_error (error);
  class->files = g_ptr_array_new_with_free_func (g_free);
}

static void
class_clear (Class *class)
{
  for (guint i = 0; i < class->files->len; i++)
    g_remove (g_ptr_array_index (class->files, i));
  g_rmdir (class->dir);
  g_free (class->dir);
  g_ptr_array_unref (class->files);
}

/* Saves @doc as NAME in the class folder and returns its path. */
static const char *
class_save (Class *class, const char *name, RigDocument *doc)
{
  g_autofree char *path = g_build_filename (class->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_format_save_file (doc, file, &error));
  g_assert_no_error (error);
  g_ptr_array_add (class->files, g_steal_pointer (&path));
  return g_ptr_array_index (class->files, class->files->len - 1);
}

static RigDocument *
load (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigDocument *doc = rig_format_load_file (file, rig_catalog_get_default (), &error);

  g_assert_no_error (error);
  return doc;
}

/* The power-speakers exercise solved as the lesson does it. */
static RigDocument *
solved_power_speakers (const char *exercise)
{
  g_autofree char *lesson_path = example ("lesson-aux-power-speakers.rigwire");
  g_autoptr (RigDocument) lesson = load (lesson_path);
  RigDocument *doc = load (exercise);
  g_autoptr (RigHistory) history = rig_history_new (doc);
  const char *ids[] = { "c2", "c4" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_true (rig_history_apply (
          history, rig_command_insert_cable (rig_document_find_cable (lesson, ids[i])), &error));
      g_assert_no_error (error);
    }
  return doc;
}

/* A passing, a failing, a tampered and an unreadable student, in text: each
 * goal on its own line, compiler-style, the unreadable one on stderr, the
 * others still graded, exit 2. */
static void
test_grade_text (void)
{
  g_autofree char *exercise = example ("exercise-power-speakers.rigwire");
  g_autoptr (RigDocument) solved = solved_power_speakers (exercise);
  g_autoptr (RigDocument) tampered = rig_document_copy (solved);
  g_autoptr (RigHistory) history = rig_history_new (tampered);
  g_autoptr (RigDocument) unsolved = load (exercise);
  g_autoptr (GError) error = NULL;
  Class class;
  const char *pass, *fail, *moved;
  CliRun run;

  class_init (&class);
  pass = class_save (&class, "ada.rigwire", solved);
  fail = class_save (&class, "bob.rigwire", unsolved);
  g_assert_true (rig_history_apply (history, rig_command_set_device_locked ("d4", FALSE), &error));
  g_assert_true (rig_history_apply (
      history, rig_command_move_devices ((const char *[]){ "d4", NULL }, 40, 0), &error));
  g_assert_no_error (error);
  moved = class_save (&class, "cy.rigwire", tampered);

  run = run_argv (
      (const char *[]){ "--grade", exercise, pass, fail, moved, "/nonexistent/dan.rigwire", NULL });
  g_assert_cmpint (run.status, ==, 2);
  {
    g_autofree char *line = g_strdup_printf (
        "%s: Every listener gets signal: met: All 2 listeners get signal.\n", pass);
    g_autofree char *score = g_strdup_printf ("%s: score 4/4\n", pass);
    g_autofree char *missing = g_strdup_printf (
        "%s: Every listener gets signal: not met: Left speaker and Right speaker get no "
        "signal.\n",
        fail);
    g_autofree char *bob = g_strdup_printf ("%s: score 1/4\n", fail);
    g_autofree char *cy = g_strdup_printf ("%s: not the exercise: The device Stereo amplifier "
                                           "(d4) is locked in place, but was moved.\n",
                                           moved);
    g_autofree char *cy_score = g_strdup_printf ("%s: score 0/4 (not the exercise)\n", moved);

    g_assert_nonnull (strstr (run.out, line));
    g_assert_nonnull (strstr (run.out, score));
    g_assert_nonnull (strstr (run.out, missing));
    g_assert_nonnull (strstr (run.out, bob));
    g_assert_nonnull (strstr (run.out, cy));
    g_assert_nonnull (strstr (run.out, cy_score));
    /* In the order given. */
    g_assert_true (strstr (run.out, score) < strstr (run.out, bob));
    g_assert_true (strstr (run.out, bob) < strstr (run.out, cy_score));
  }
  g_assert_nonnull (strstr (run.out, "3 students graded: 1 passed, 2 failed, 1 unreadable\n"));
  g_assert_nonnull (strstr (run.err, "/nonexistent/dan.rigwire: cannot read:"));
  cli_run_clear (&run);

  /* Without the unreadable one: 1, some student fails; the passing one
   * alone: 0. */
  run = run_argv ((const char *[]){ "--grade", exercise, pass, fail, NULL });
  g_assert_cmpint (run.status, ==, 1);
  cli_run_clear (&run);
  run = run_argv ((const char *[]){ "--grade", exercise, pass, NULL });
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  class_clear (&class);
}

/* JSON and CSV carry the same results; a folder stands for its files by
 * name, the exercise itself left out. */
static void
test_grade_json_csv_folder (void)
{
  g_autofree char *source = example ("exercise-power-speakers.rigwire");
  g_autoptr (RigDocument) solved = solved_power_speakers (source);
  g_autoptr (RigDocument) exercise_doc = load (source);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  Class class;
  const char *exercise;
  JsonArray *students;
  JsonObject *first, *second;
  CliRun run;

  class_init (&class);
  exercise = class_save (&class, "0-exercise.rigwire", exercise_doc);
  class_save (&class, "zed.rigwire", exercise_doc);
  class_save (&class, "amy.rigwire", solved);

  run = run_argv ((const char *[]){ "--grade", exercise, "--format=json", class.dir, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  students = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "students");
  g_assert_cmpuint (json_array_get_length (students), ==, 2);
  first = json_array_get_object_element (students, 0);
  second = json_array_get_object_element (students, 1);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "file"), "amy.rigwire"));
  g_assert_true (json_object_get_boolean_member (first, "passed"));
  g_assert_cmpint (json_object_get_int_member (first, "score"), ==, 4);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (second, "file"), "zed.rigwire"));
  g_assert_false (json_object_get_boolean_member (second, "passed"));
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (second, "goals"), 3),
          "kind"),
      ==, "reaches");
  cli_run_clear (&run);

  run = run_argv ((const char *[]){ "--grade", exercise, "--format=csv", class.dir, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (
      run.out, "file,status,score,total,Every listener gets signal,No errors,None of these "
               "problems: power.passive-unamplified,Phone reaches Right speaker\r\n"));
  g_assert_nonnull (strstr (run.out, "amy.rigwire,passed,4,4,met,met,met,met\r\n"));
  g_assert_nonnull (strstr (run.out, "zed.rigwire,failed,1,4,not met,not met,met,not met\r\n"));
  cli_run_clear (&run);
  class_clear (&class);
}

/* Wrong arguments and an exercise that is not one: exit 2, nothing graded. */
static void
test_grade_bad_args (void)
{
  g_autofree char *exercise = example ("exercise-power-speakers.rigwire");
  g_autofree char *lesson = example ("lesson-aux-power-speakers.rigwire");
  CliRun run;

  run = run_argv ((const char *[]){ "--grade", exercise, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--grade needs"));
  cli_run_clear (&run);
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *empty = g_dir_make_tmp ("rigwire-grade-empty-XXXXXX", &error);

    g_assert_no_error (error);
    run = run_argv ((const char *[]){ "--grade", exercise, empty, NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "found no students"));
    cli_run_clear (&run);
    g_rmdir (empty);
  }
  run = run_argv ((const char *[]){ "--grade", exercise, "--format=xml", exercise, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "text, json or csv"));
  cli_run_clear (&run);
  run = run_argv ((const char *[]){ "--grade", lesson, exercise, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "not an exercise"));
  cli_run_clear (&run);
  run = run_argv ((const char *[]){ "--grade", exercise, "--check", exercise, NULL });
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
  /* --format=csv is for --grade only. */
  run = run_argv ((const char *[]){ "--check", "--format=csv", exercise, NULL });
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
}

/* Many files on 1 worker and on 4 give the same output, in the order given,
 * for --check and --grade alike (the examples, each several times, mixed
 * with unreadable ones). */
static void
test_batch_order (void)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const char *names[] = { "exercise-power-speakers.rigwire", "lesson-aux-vs-headphone.rigwire",
                          "home-studio.rigwire", "fault-aux-in-as-out.rigwire" };
  const char *modes[2][3]
      = { { "--check", "--format=json", NULL }, { "--grade", NULL, "--format=text" } };
  /* (--check's NULL is skipped; --grade's is the exercise.) */
  g_autofree char *exercise = example ("exercise-power-speakers.rigwire");

  modes[1][1] = exercise;
  for (guint mode = 0; mode < 2; mode++)
    {
      char *outputs[2] = { NULL, NULL };

      for (guint run_index = 0; run_index < 2; run_index++)
        {
          g_autoptr (GPtrArray) argv = g_ptr_array_new ();
          CliRun run;

          g_ptr_array_set_size (args, 0);
          g_ptr_array_add (args, g_strdup (run_index == 0 ? "--jobs=1" : "--jobs=4"));
          for (guint k = 0; k < 3; k++)
            if (modes[mode][k] != NULL)
              g_ptr_array_add (args, g_strdup (modes[mode][k]));
          for (guint i = 0; i < 40; i++)
            g_ptr_array_add (args, i % 7 == 3 ? g_strdup_printf ("/nonexistent/%u.rigwire", i)
                                              : example (names[i % G_N_ELEMENTS (names)]));
          for (guint i = 0; i < args->len; i++)
            g_ptr_array_add (argv, args->pdata[i]);
          g_ptr_array_add (argv, NULL);
          run = run_argv ((const char *const *) argv->pdata);
          g_assert_cmpint (run.status, ==, 2);
          outputs[run_index] = g_strconcat (run.out, run.err, NULL);
          cli_run_clear (&run);
        }
      g_assert_cmpstr (outputs[0], ==, outputs[1]);
      g_assert_nonnull (strstr (outputs[0], "/nonexistent/3.rigwire"));
      g_assert_true (strstr (outputs[0], "/nonexistent/3.rigwire")
                     < strstr (outputs[0], "/nonexistent/10.rigwire"));
      g_free (outputs[0]);
      g_free (outputs[1]);
    }
}

/* The number of workers: an explicit count wins, then RIGWIRE_JOBS, then
 * the processors; never more than the files, never none. */
static void
test_batch_jobs (void)
{
  g_assert_cmpuint (rig_cli_batch_jobs (3, 100), ==, 3);
  g_assert_cmpuint (rig_cli_batch_jobs (3, 2), ==, 2);
  g_assert_cmpuint (rig_cli_batch_jobs (0, 0), ==, 1);
  g_setenv ("RIGWIRE_JOBS", "5", TRUE);
  g_assert_cmpuint (rig_cli_batch_jobs (0, 100), ==, 5);
  g_assert_cmpuint (rig_cli_batch_jobs (2, 100), ==, 2);
  g_setenv ("RIGWIRE_JOBS", "many", TRUE);
  g_assert_cmpuint (rig_cli_batch_jobs (0, 1000), ==, MIN (g_get_num_processors (), 1000));
  g_unsetenv ("RIGWIRE_JOBS");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grade/text", test_grade_text);
  g_test_add_func ("/grade/json-csv-folder", test_grade_json_csv_folder);
  g_test_add_func ("/grade/bad-args", test_grade_bad_args);
  g_test_add_func ("/batch/order", test_batch_order);
  g_test_add_func ("/batch/jobs", test_batch_jobs);
  return g_test_run ();
}
