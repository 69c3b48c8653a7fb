/* test-cli-batch.c: many files on every core (issue #13, rig-cli-batch.h):
 * results handed on in the order given when later files finish first, on
 * the calling thread, each only once its work is done; the folders of the
 * files cleaned once each, also a folder named with a trailing "/"; and
 * --check and --grade with the slowest file first give the output of one
 * worker; the default catalog read once, at its first use, by workers that
 * all want it at once; GLib's numbers read right by workers that are the
 * first to read any. */
#include "config.h"

#include <stdio.h>

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-cli-export.h"
#include "rig-cli.h"

#define N_ITEMS 40

typedef struct
{
  gint n_finished;     /* atomically */
  gint rank[N_ITEMS];  /* the order each item's work finished in, from 1 */
  guint done[N_ITEMS]; /* the items handed on, in the order they were */
  guint n_done;
  gboolean done_too_soon;  /* an item handed on before its work finished */
  gboolean done_elsewhere; /* handed on on another thread than the caller's */
  GThread *caller;
} Record;

/* The first items take longest, so later ones finish first. */
static void
work (guint index, gpointer data)
{
  Record *record = data;

  g_usleep (index < 2 ? 40000 : 200);
  g_atomic_int_set (&record->rank[index], g_atomic_int_add (&record->n_finished, 1) + 1);
}

static void
hand_on (guint index, gpointer data)
{
  Record *record = data;

  if (g_atomic_int_get (&record->rank[index]) == 0)
    record->done_too_soon = TRUE;
  if (g_thread_self () != record->caller)
    record->done_elsewhere = TRUE;
  record->done[record->n_done++] = index;
}

static void
run_recorded (guint n_jobs, Record *record)
{
  memset (record, 0, sizeof *record);
  record->caller = g_thread_self ();
  rig_cli_batch_run_ordered (N_ITEMS, n_jobs, work, hand_on, NULL, record);

  g_assert_false (record->done_too_soon);
  g_assert_false (record->done_elsewhere);
  g_assert_cmpuint (record->n_done, ==, N_ITEMS);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_assert_cmpuint (record->done[i], ==, i);
      g_assert_cmpint (record->rank[i], >=, 1);
    }
}

static void
test_ordered_later_finish_first (void)
{
  Record record;

  run_recorded (4, &record);
  /* The test is only worth its name if later items did finish first. */
  g_assert_cmpint (record.rank[0], >, record.rank[N_ITEMS - 1]);
}

/* One worker: each item is handed on before the next one starts. */
static void
test_ordered_one_worker (void)
{
  Record record;

  run_recorded (1, &record);
  for (guint i = 0; i < N_ITEMS; i++)
    g_assert_cmpint (record.rank[i], ==, (gint) i + 1);
}

/* Releasing: each item once, after it is handed on, on the thread that
 * ran it while that thread still works, else on the caller once every
 * worker has finished. */
typedef struct
{
  GThread *caller;
  gint n_started;           /* atomically */
  gint n_done;              /* atomically */
  GThread *ran_on[N_ITEMS]; /* atomically */
  gint released[N_ITEMS];   /* atomically: times */
  gint released_on_worker;  /* atomically: items */
  gint released_too_soon;   /* atomically: before handed on */
  gint released_elsewhere;  /* atomically: on a third thread, or on the caller too soon */
} Releases;

/* A worker's item waits (at most 5 s) until the one it ran before is
 * handed on, so the worker has something of its own to release: unless no
 * item is left to take, when the caller may be waiting for it. */
static void
work_then_wait (guint index, gpointer data)
{
  Releases *r = data;
  static GPrivate last_run = G_PRIVATE_INIT (NULL);
  guint previous = GPOINTER_TO_UINT (g_private_get (&last_run));

  g_atomic_int_inc (&r->n_started);
  g_atomic_pointer_set (&r->ran_on[index], g_thread_self ());
  if (g_thread_self () == r->caller)
    g_usleep (1000);
  else
    for (guint waited = 0; previous > 0 && waited < 5000; waited++)
      {
        if (g_atomic_int_get (&r->n_done) >= (gint) previous
            || g_atomic_int_get (&r->n_started) >= N_ITEMS)
          break;
        g_usleep (1000);
      }
  g_private_set (&last_run, GUINT_TO_POINTER (index + 1));
}

static void
do_nothing (guint index, gpointer data)
{
}

static void
count_done (guint index, gpointer data)
{
  Releases *r = data;

  g_atomic_int_inc (&r->n_done);
}

static void
release_item (guint index, gpointer data)
{
  Releases *r = data;
  GThread *ran_on = g_atomic_pointer_get (&r->ran_on[index]);

  if ((guint) g_atomic_int_get (&r->n_done) <= index)
    g_atomic_int_inc (&r->released_too_soon);
  if (g_thread_self () == ran_on && ran_on != r->caller)
    g_atomic_int_inc (&r->released_on_worker);
  else if (g_thread_self () != r->caller
           || (ran_on != r->caller && g_atomic_int_get (&r->n_started) < N_ITEMS))
    g_atomic_int_inc (&r->released_elsewhere);
  g_atomic_int_inc (&r->released[index]);
}

static void
test_ordered_release (void)
{
  Releases r = { 0 };

  r.caller = g_thread_self ();
  rig_cli_batch_run_ordered (N_ITEMS, 2, work_then_wait, count_done, release_item, &r);
  g_assert_cmpint (r.n_done, ==, N_ITEMS);
  for (guint i = 0; i < N_ITEMS; i++)
    g_assert_cmpint (r.released[i], ==, 1);
  g_assert_cmpint (r.released_too_soon, ==, 0);
  g_assert_cmpint (r.released_elsewhere, ==, 0);
  /* The workers' items waited for their hand-on: released where made. */
  g_assert_cmpint (r.released_on_worker, >, 0);

  /* Without a hand-on there is nothing to release. */
  memset (r.released, 0, sizeof r.released);
  rig_cli_batch_run_ordered (N_ITEMS, 2, do_nothing, NULL, release_item, &r);
  for (guint i = 0; i < N_ITEMS; i++)
    g_assert_cmpint (r.released[i], ==, 0);
}

/* rig_cli_batch_run() without a hand-on runs every item once. */
static void
count_item (guint index, gpointer data)
{
  g_atomic_int_inc (&((gint *) data)[index]);
}

static void
test_run_each_once (void)
{
  gint counts[N_ITEMS] = { 0 };

  rig_cli_batch_run (N_ITEMS, 3, count_item, counts);
  for (guint i = 0; i < N_ITEMS; i++)
    g_assert_cmpint (counts[i], ==, 1);
  rig_cli_batch_run (0, 3, count_item, counts);
}

/* Each worker's first use of the default catalog (which reads its models
 * then, rig-catalog.h) finds the same models, all of them. */
static void
look_up_tv (guint index, gpointer data)
{
  RigDeviceModel **found = data;

  found[index] = rig_catalog_lookup (rig_catalog_get_default (), "tv");
}

static void
test_catalog_first_use (void)
{
  RigDeviceModel *found[N_ITEMS] = { NULL };
  g_autoptr (RigCatalog) builtin = rig_catalog_new ();
  g_autoptr (GError) error = NULL;

  rig_cli_batch_run (N_ITEMS, 4, look_up_tv, found);
  g_assert_nonnull (found[0]);
  g_assert_cmpstr (found[0]->id, ==, "tv");
  for (guint i = 1; i < N_ITEMS; i++)
    g_assert_true (found[i] == found[0]);

  g_assert_true (rig_catalog_load_builtin (builtin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rig_catalog_get_n_models (rig_catalog_get_default ()), >=,
                    rig_catalog_get_n_models (builtin));
  for (guint i = 0; i < rig_catalog_get_n_models (builtin); i++)
    g_assert_nonnull (
        rig_catalog_lookup (rig_catalog_get_default (), rig_catalog_get_model (builtin, i)->id));
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
}

/* The real program's output, errors and status for @argv. */
static char *
run_program (const char *const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return g_strdup_printf ("%s--\n%s--\n%d\n", out, err, WEXITSTATUS (wait_status));
}

/* The program's eight workers start at once, each reading its first file,
 * in a process where nothing has read a number yet: GLib builds its C
 * locale at the first number read, and two threads there at once could
 * take "1" for no number (GLib 2.74), refusing a good file. The batch
 * builds it before the workers start: 40 runs give one worker's output
 * (without that, about one run in three failed). */
static void
test_first_numbers (void)
{
  const char *program = g_getenv ("RIGWIRE_PROGRAM");
  g_autofree char *file = example ("fault-power-speakers.rigwire");
  const char *argv[20] = { program, "--jobs=1", "--check" };
  g_autofree char *one = NULL;

  g_assert_nonnull (program);
  for (guint i = 3; i < G_N_ELEMENTS (argv) - 1; i++)
    argv[i] = file;
  one = run_program (argv);
  g_assert_true (g_str_has_suffix (one, "\n1\n"));
  argv[1] = "--jobs=8";
  for (guint run = 0; run < 40; run++)
    {
      g_autofree char *eight = run_program (argv);

      g_assert_cmpstr (eight, ==, one);
    }
}

/* A temporary file a killed save left in @folder. */
static char *
leave_temporary (const char *folder)
{
  char *path = g_build_filename (folder, ".rig.rigwire.Ab12Cd.rigwire-tmp", NULL);

  g_assert_true (g_file_set_contents (path, "torn", -1, NULL));
  return path;
}

/* Paths in one folder clean it once; "root/sub/" names the folder sub,
 * whose folder is root, though its dirname is root/sub. */
static void
test_clean_folders (void)
{
  g_autofree char *root = g_dir_make_tmp ("rigwire-batch-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (root, "sub", NULL);
  g_autofree char *in_root = NULL, *in_sub = NULL;
  g_autofree char *a = g_build_filename (sub, "a.rigwire", NULL);
  g_autofree char *b = g_build_filename (sub, "b.rigwire", NULL);
  g_autofree char *sub_slash = g_strconcat (sub, G_DIR_SEPARATOR_S, NULL);
  char *only_sub[] = { a, b };
  char *with_slash[] = { a, sub_slash };

  g_assert_nonnull (root);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  in_root = leave_temporary (root);
  in_sub = leave_temporary (sub);

  rig_cli_batch_clean_folders (only_sub, G_N_ELEMENTS (only_sub));
  g_assert_false (g_file_test (in_sub, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (in_root, G_FILE_TEST_EXISTS));

  rig_cli_batch_clean_folders (with_slash, G_N_ELEMENTS (with_slash));
  g_assert_false (g_file_test (in_root, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rmdir (sub), ==, 0);
  g_assert_cmpint (g_rmdir (root), ==, 0);
}

/* rig_cli_run() on @args with "--jobs=@jobs" first: its output, then its
 * errors, then its status. */
static char *
run_cli (guint jobs, GPtrArray *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  char *out_text = NULL, *err_text = NULL;
  size_t out_len = 0, err_len = 0;
  FILE *out = open_memstream (&out_text, &out_len);
  FILE *err = open_memstream (&err_text, &err_len);
  char *all;
  int status;

  g_ptr_array_add (argv, g_strdup ("rigwire"));
  g_ptr_array_add (argv, g_strdup_printf ("--jobs=%u", jobs));
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_strdup (args->pdata[i]));
  g_ptr_array_add (argv, NULL);
  status = rig_cli_run (argv->len - 1, (char **) argv->pdata, rig_cli_export, out, err);
  fclose (out);
  fclose (err);
  all = g_strdup_printf ("%s--\n%s--\n%d\n", out_text, err_text, status);
  g_free (out_text);
  g_free (err_text);
  return all;
}

/* The largest example first, then small ones: the first file finishes last
 * on several workers, and the output is still one worker's, in the order
 * given. */
static void
test_slow_first_file (void)
{
  const char *commands[][3] = {
    { "--check", "--format=json", NULL },
    { "--grade", "exercise-power-speakers.rigwire", "--format=text" },
    { "--grade", "exercise-power-speakers.rigwire", "--format=csv" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *one = NULL, *four = NULL, *small = NULL, *big = NULL;
      const char *first, *last;

      g_ptr_array_add (args, g_strdup (commands[c][0]));
      if (commands[c][1] != NULL)
        g_ptr_array_add (args, g_str_has_prefix (commands[c][1], "--") ? g_strdup (commands[c][1])
                                                                       : example (commands[c][1]));
      if (commands[c][2] != NULL)
        g_ptr_array_add (args, g_strdup (commands[c][2]));
      big = example ("home-studio.rigwire");
      small = example ("fault-power-speakers.rigwire");
      g_ptr_array_add (args, g_strdup (big));
      for (guint i = 0; i < 30; i++)
        g_ptr_array_add (args, g_strdup (small));

      one = run_cli (1, args);
      four = run_cli (4, args);
      g_assert_cmpstr (one, ==, four);
      first = strstr (four, "home-studio.rigwire");
      last = strstr (four, "fault-power-speakers.rigwire");
      g_assert_nonnull (first);
      g_assert_nonnull (last);
      g_assert_true (first < last);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-batch/ordered/later-finish-first", test_ordered_later_finish_first);
  g_test_add_func ("/cli-batch/ordered/one-worker", test_ordered_one_worker);
  g_test_add_func ("/cli-batch/ordered/release", test_ordered_release);
  g_test_add_func ("/cli-batch/run-each-once", test_run_each_once);
  g_test_add_func ("/cli-batch/clean-folders", test_clean_folders);
  g_test_add_func ("/cli-batch/first-numbers", test_first_numbers);
  g_test_add_func ("/cli-batch/catalog-first-use", test_catalog_first_use);
  g_test_add_func ("/cli-batch/slow-first-file", test_slow_first_file);

  return g_test_run ();
}
