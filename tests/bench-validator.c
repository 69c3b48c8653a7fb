/* bench-validator.c: how fast the validator is on big rigs.
 *
 * Generated rigs of 100, 1,000 and 10,000 devices, built from a home-studio
 * "station" of 10 devices: a PC feeding an audio interface over USB, two mics
 * and a guitar into it, two monitors and headphones out of it, and USB desk
 * speakers fed through a ground-loop isolator.
 *
 * Planned rigs wire each station as a person would, 10 cables (two cable ends
 * per device); some stations carry deliberate mistakes (phantom off, a TS
 * cable on balanced jacks, a long aux cable), so that the checks also build
 * diagnostics. Dense rigs wire 20 cables per station between random free jacks
 * (two cables per device), so most cables have problems: the cost of writing
 * many diagnostics shows there.
 *
 * Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so that other
 * work on a shared machine does not inflate them.
 *
 * Prints, per size: the full check (rig_validator_check_full(), median of
 * runs), building a validator (a full check with its own copy of the rig), the
 * re-check after one edit (median over many edits of several kinds, timed
 * inside RigDocument::changed around the validator's handler), reading the
 * sorted list of diagnostics after each edit (as the problems pane does),
 * and memory
 * (VmRSS growth for the rig and for the validator, and the process's VmHWM).
 * Each size runs in a process of its own (this program again, with
 * RIG_BENCH_CHILD set), so that its memory figures are its own: in one
 * process, a size's heap reused what the size before had freed.
 * Figures only, no assertions.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rig-bench.h"
#include "rig-command.h"
#include "rig-document-rules.h"
#include "rig-test-models.h"

#define STATION 10

/* CPU time of this thread, in µs: other processes on a shared machine do not
 * count against us. */
static gint64
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long
proc_status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  p = strstr (text, field);
  if (p == NULL)
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

/* A dense station: the same ten devices, twenty cables between random jacks
 * of the station (two cables per device, most of them wrong). */
static void
build_dense_station (RigDocument *doc, guint s, GRand *rand)
{
  static const char *const models[STATION]
      = { "pc",      "interface", "mic-condenser",  "mic-dynamic", "guitar",
          "monitor", "monitor",   "headphones-300", "isolator",    "speaker-usb" };
  const char *ids[STATION];

  for (guint i = 0; i < STATION; i++)
    ids[i] = rig_test_add (doc, models[i], NULL);
  /* Random jacks, but only free ones: a jack takes one plug (speaker
   * terminals several), as the document's rules say. */
  for (guint c = 0, attempts = 0; c < 2 * STATION && attempts < 50 * STATION; attempts++)
    {
      const char *a = ids[g_rand_int_range (rand, 0, STATION)];
      const char *b = ids[g_rand_int_range (rand, 0, STATION)];
      RigDevice *da = rig_document_find_device (doc, a);
      RigDevice *db = rig_document_find_device (doc, b);
      const char *ja = da->model->jacks[g_rand_int_range (rand, 0, da->model->n_jacks)].id;
      const char *jb = db->model->jacks[g_rand_int_range (rand, 0, db->model->n_jacks)].id;

      if ((a == b && g_strcmp0 (ja, jb) == 0) || rig_document_jack_occupant (doc, a, ja, NULL)
          || rig_document_jack_occupant (doc, b, jb, NULL))
        continue;
      rig_test_connect (doc, a, ja, b, jb);
      c++;
    }
}

typedef struct
{
  gint64 start;
  GArray *times; /* ms */
  gboolean on;
} Timer;

static void
before_validator (RigDocument *doc, const RigChange *change, Timer *t)
{
  t->start = now_us ();
}

static void
after_validator (RigDocument *doc, const RigChange *change, Timer *t)
{
  if (t->on)
    {
      double ms = (now_us () - t->start) / 1000.0;
      g_array_append_val (t->times, ms);
    }
}

/* Reads the sorted list of diagnostics, as the problems pane does after
 * each edit: its time appended to @times. */
static void
time_list (RigValidator *validator, GArray *times)
{
  gint64 t0 = now_us ();
  double ms;

  g_ptr_array_unref (rig_validator_get_diagnostics (validator));
  ms = (now_us () - t0) / 1000.0;
  g_array_append_val (times, ms);
}

static void
bench (guint n_devices, guint32 seed, gboolean dense)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  g_autoptr (RigValidator) validator = NULL;
  g_autoptr (GArray) full_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  Timer timer = { 0, g_array_new (FALSE, FALSE, sizeof (double)), FALSE };
  guint n_stations = n_devices / STATION, runs = n_devices >= 10000 ? 7 : 21;
  guint n_diags = 0, n_edits = 2000;
  long rss0, rss1, rss2;
  gint64 t0;
  double build_ms;

  rss0 = proc_status_kb ("VmRSS:");
  for (guint s = 0; s < n_stations; s++)
    if (dense)
      build_dense_station (doc, s, rand);
    else
      rig_test_add_studio_station (doc, s);
  rig_history_clear (history);
  rss1 = proc_status_kb ("VmRSS:");

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (GPtrArray) diags = NULL;
      double ms;

      t0 = now_us ();
      diags = rig_validator_check_full (doc);
      ms = (now_us () - t0) / 1000.0;
      g_array_append_val (full_times, ms);
      n_diags = diags->len;
    }

  g_signal_connect (doc, "changed", G_CALLBACK (before_validator), &timer);
  t0 = now_us ();
  validator = rig_validator_new (doc);
  build_ms = (now_us () - t0) / 1000.0;
  g_signal_connect (doc, "changed", G_CALLBACK (after_validator), &timer);
  rss2 = proc_status_kb ("VmRSS:");

  /* Edits of several kinds, each followed by its undo (also an edit). */
  timer.on = TRUE;
  for (guint e = 0; e < n_edits / 2; e++)
    {
      guint station = g_rand_int_range (rand, 0, n_stations);
      RigDevice *first = rig_document_get_device (doc, station * STATION);
      g_autofree char *iface = g_strdup_printf ("d%u", station * STATION + 2);
      RigCommand *command;

      switch (e % 4)
        {
          case 0:
            command = rig_command_set_device_figure (iface, RIG_FIGURE_PHANTOM_ON,
                                                     g_rand_boolean (rand) ? 1 : 0);
            break;
          case 1:
            {
              RigCable *cable = rig_document_get_cable (
                  doc, g_rand_int_range (rand, 0, rig_document_get_n_cables (doc)));
              const char *ids[] = { cable->id, NULL };
              command = rig_command_remove_cables (ids);
            }
            break;
          case 2:
            command = rig_command_set_device_label (first->id, e % 8 == 2 ? "Studio PC" : "PC");
            break;
          default:
            {
              const char *ids[] = { first->id, NULL };
              command = rig_command_remove_devices (ids);
            }
            break;
        }
      if (!rig_history_apply (history, command, NULL))
        continue;
      time_list (validator, list_times);
      rig_history_undo (history);
      time_list (validator, list_times);
    }
  timer.on = FALSE;

  {
    guint n = timer.times->len;
    double max = 0;
    for (guint i = 0; i < n; i++)
      max = MAX (max, g_array_index (timer.times, double, i));
    printf ("%6u devices %6u cables %5u diagnostics | full check %8.3f ms (%6.0f ns/device) "
            "| new validator %8.3f ms | one-edit re-check median %.4f ms, max %.3f ms over %u "
            "edits, then the sorted list %.4f ms | rig %ld kB, validator %ld kB, VmHWM %ld kB\n",
            rig_document_get_n_devices (doc), rig_document_get_n_cables (doc), n_diags,
            rig_bench_median (full_times), rig_bench_median (full_times) * 1e6 / MAX (n_devices, 1),
            build_ms, rig_bench_median (timer.times), max, n, rig_bench_median (list_times),
            rss1 - rss0, rss2 - rss1, proc_status_kb ("VmHWM:"));
    fflush (stdout);
  }
  g_array_unref (timer.times);
}

/* RIG_BENCH_PROFILE=N: only N full checks of the largest rig, for a profiler. */
static void
profile (guint n)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  gboolean dense = g_getenv ("RIG_BENCH_DENSE") != NULL;

  for (guint s = 0; s < 1000; s++)
    if (dense)
      build_dense_station (doc, s, rand);
    else
      rig_test_add_studio_station (doc, s);
  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (rig_validator_check_full (doc));
}

/* Runs size @i (planned rigs, then dense ones) in a new process. */
static void
run_child (const char *self, guint i)
{
  g_autofree char *which = g_strdup_printf ("%u", i);
  const char *argv[] = { self, NULL };
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "RIG_BENCH_CHILD", which, TRUE);
  g_autoptr (GError) error = NULL;
  int status = 0;

  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                     NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    printf ("size %u failed: %s\n", i, error->message);
}

int
main (int argc, char **argv)
{
  static const guint sizes[] = { 100, 1000, 10000 };

  if (g_getenv ("RIG_BENCH_PROFILE") != NULL)
    {
      profile (atoi (g_getenv ("RIG_BENCH_PROFILE")));
      return 0;
    }

  /* One size in this process: its memory figures are its own. */
  if (g_getenv ("RIG_BENCH_CHILD") != NULL)
    {
      guint i = (guint) atoi (g_getenv ("RIG_BENCH_CHILD"));

      bench (sizes[i % G_N_ELEMENTS (sizes)], 42 + i % G_N_ELEMENTS (sizes),
             i >= G_N_ELEMENTS (sizes));
      return 0;
    }

  printf ("Rigwire validator benchmark (CPU time of this thread; each size in a process of its "
          "own)\n");
  printf ("Planned rigs: stations of %u devices and %u cables (two cable ends per device)\n",
          STATION, STATION);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    run_child (argv[0], i);
  printf ("Dense rigs: stations of %u devices and %u cables between random jacks (two cables "
          "per device, most of them wrong)\n",
          STATION, 2 * STATION);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    run_child (argv[0], G_N_ELEMENTS (sizes) + i);
  return 0;
}
