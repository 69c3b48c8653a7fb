/* bench-export.c: how fast wiring sheets export on big rigs.
 *
 * Generated rigs of 100, 1,000 and 10,000 devices with two cables per device
 * (20 cables per "station" of ten catalog devices, signal flowing left to
 * right, as in bench-canvas.c), checked by a validator as the editor has one.
 * For each rig and format (PNG at 150 dpi, SVG, PDF), the full sheet on A4
 * portrait, scaled to fit, written to a file in a temporary folder:
 *   - layout: rig_sheet_new() (rows, measuring, pagination), once per format;
 *   - export: rig_export_file() as the command line and the dialog run it
 *     (layout + drawing + encoding + the atomic write), median of runs;
 * with the page count and the file size. A PNG and an SVG hold the first page,
 * a PDF every page (rig-export.h). Times are wall-clock; CPU time of the thread
 * is printed beside them. Figures only, no assertions. With $RIG_BENCH_SAVE set
 * to a path prefix, the generated rigs are saved there to look at them.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-export.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

static const char *const station[10] = {
  "cd-player",      "tv",
  "mixer-small",    "desktop-pc",
  "interface-2x2",  "av-receiver",
  "amp-integrated", "amp-power",
  "studio-monitor", "speaker-pa-active",
};

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static int
pick_jack (RigDevice *device, gboolean output, GHashTable *used, GRand *rand)
{
  const RigDeviceModel *m = device->model;
  int candidates[32];
  guint n = 0;

  for (guint i = 0; i < m->n_jacks && n < G_N_ELEMENTS (candidates); i++)
    {
      const RigJack *j = &m->jacks[i];
      g_autofree char *key = NULL;

      if (j->signal == RIG_SIGNAL_POWER || j->connector == RIG_CONNECTOR_BLUETOOTH)
        continue;
      if (output ? !rig_jack_is_output (j) : !rig_jack_is_input (j))
        continue;
      key = g_strdup_printf ("%s:%s", device->id, j->id);
      if (g_hash_table_contains (used, key))
        continue;
      candidates[n++] = (int) i;
    }
  return n == 0 ? -1 : candidates[g_rand_int_range (rand, 0, (int) n)];
}

/* Ten devices per station in five columns of two; 20 cables per station
 * between any two of its devices, as a person plans them: a candidate cable is
 * kept when the validator judges it fine, except that 3 % of the cables are
 * the first candidate whatever it is (the mistakes a sheet's problem list
 * shows). A few stations get fewer
 * cables when jacks run out: the counts are printed. */
static RigDocument *
generate (guint n_devices, guint per_station, gboolean planned)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  RigDocument *doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_stations = n_devices / 10, per_row = (guint) ceil (sqrt (n_stations * 1.6));

  for (guint s = 0; s < n_stations; s++)
    {
      double sx = (s % per_row) * 1700.0, sy = (s / per_row) * 1000.0;
      char *ids[10];
      guint cables = 0;
      gboolean sloppy = g_rand_double (rand) < 0.03;

      for (guint i = 0; i < 10; i++)
        {
          RigDeviceModel *model = rig_catalog_lookup (catalog, station[i]);
          g_autofree char *label = g_strdup_printf ("%s %u", model->name, s + 1);
          RigCommand *command
              = rig_command_add_device (model, label, sx + (i / 2) * 300.0, sy + (i % 2) * 420.0);

          if (!rig_history_apply (history, command, NULL))
            g_error ("cannot add a device");
          ids[i] = g_strdup (rig_command_get_created_id (command));
        }
      for (guint attempt = 0; attempt < 4000 && cables < per_station; attempt++)
        {
          guint a = g_rand_int_range (rand, 0, 10);
          guint b = g_rand_int_range (rand, 0, 10);
          RigDevice *from, *to;
          int jf, jt;

          if (a == b)
            continue;
          from = rig_document_find_device (doc, ids[a]);
          to = rig_document_find_device (doc, ids[b]);
          jf = pick_jack (from, TRUE, used, rand);
          jt = pick_jack (to, FALSE, used, rand);
          if (jf < 0 || jt < 0)
            continue;
          if (rig_validator_judge_connection (validator, from->id, from->model->jacks[jf].id,
                                              to->id, to->model->jacks[jt].id)
                  != RIG_SEVERITY_NONE
              && planned && !sloppy)
            continue;
          if (!rig_history_apply (history,
                                  rig_command_add_cable (from->id, from->model->jacks[jf].id,
                                                         to->id, to->model->jacks[jt].id, NULL,
                                                         NULL),
                                  NULL))
            continue;
          g_hash_table_add (used, g_strdup_printf ("%s:%s", from->id, from->model->jacks[jf].id));
          g_hash_table_add (used, g_strdup_printf ("%s:%s", to->id, to->model->jacks[jt].id));
          cables++;
          sloppy = g_rand_double (rand) < 0.03;
        }
      for (guint i = 0; i < 10; i++)
        g_free (ids[i]);
    }
  rig_history_clear (history);
  return doc;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
bench (guint n_devices, guint per_station, gboolean planned, const char *dir)
{
  g_autoptr (RigDocument) doc = generate (n_devices, per_station, planned);
  g_autoptr (RigValidator) validator = NULL;
  guint runs = n_devices >= 10000 ? 3 : n_devices >= 1000 ? 5 : 9;
  RigSheetOptions options;
  double t0;

  if (g_getenv ("RIG_BENCH_SAVE") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u-%s.rigwire", g_getenv ("RIG_BENCH_SAVE"),
                                               n_devices, planned ? "planned" : "dense");
      g_autoptr (GFile) file = g_file_new_for_path (name);

      rig_format_save_file (doc, file, NULL);
    }
  rig_sheet_options_init (&options);
  options.date = "2026-01-01";
  t0 = wall_ms ();
  validator = rig_validator_new (doc);
  printf ("%u devices, %u cables, %u problems (validator %.0f ms, not counted below)\n",
          rig_document_get_n_devices (doc), rig_document_get_n_cables (doc),
          rig_validator_count (validator, RIG_SEVERITY_ERROR)
              + rig_validator_count (validator, RIG_SEVERITY_WARNING)
              + rig_validator_count (validator, RIG_SEVERITY_INFO),
          wall_ms () - t0);

  for (guint f = 0; f < RIG_N_EXPORT_FORMATS; f++)
    {
      if (g_getenv ("BENCH_FORMAT") != NULL
          && rig_export_format_from_nick (g_getenv ("BENCH_FORMAT")) != (int) f)
        continue;
      g_autoptr (GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name
          = g_strdup_printf ("sheet-%u.%s", n_devices, rig_export_format_to_nick (f));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (RigSheet) sheet = NULL;
      GStatBuf st;
      guint n_pages;

      for (guint r = 0; r < runs; r++)
        {
          g_autoptr (GError) error = NULL;
          double w0 = wall_ms (), c0 = cpu_ms (), ms;

          if (!rig_export_file (doc, validator, &options, file, f, &error))
            g_error ("export failed: %s", error->message);
          ms = wall_ms () - w0;
          g_array_append_val (wall, ms);
          ms = cpu_ms () - c0;
          g_array_append_val (cpu, ms);

          w0 = wall_ms ();
          g_clear_pointer (&sheet, rig_sheet_free);
          sheet = rig_sheet_new (doc, validator, &options);
          ms = wall_ms () - w0;
          g_array_append_val (layout, ms);
        }
      n_pages = rig_sheet_get_n_pages (sheet);
      g_stat (path, &st);
      printf ("  %-3s  export %8.1f ms (cpu %8.1f ms)   of which layout %7.1f ms   "
              "%4u of %4u pages  %9.1f KiB\n",
              rig_export_format_to_nick (f), median (wall), median (cpu), median (layout),
              rig_export_format_n_pages (f, n_pages), n_pages, st.st_size / 1024.0);
      g_unlink (path);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-bench-export-XXXXXX", &error);
  guint sizes[] = { 100, 1000, 10000 };

  g_assert_no_error (error);
  printf ("Wiring sheet export: full sheet, A4 portrait, scaled to fit, PNG at 150 dpi\n\n"
          "Planned rigs: two cable ends per device (10 cables per 10 devices), cables the\n"
          "validator judges fine but for 3 %% of them\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      if (argc > 1 && (guint) atoi (argv[1]) < sizes[i])
        break;
      bench (sizes[i], 10, TRUE, dir);
    }
  printf ("\nDense rigs: two cables per device (20 cables per 10 devices), wired at random as in\n"
          "bench-canvas (most cables have problems, so the problem list is long)\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      if (argc > 1 && (guint) atoi (argv[1]) < sizes[i])
        break;
      bench (sizes[i], 20, FALSE, dir);
    }
  g_rmdir (dir);
  return 0;
}
