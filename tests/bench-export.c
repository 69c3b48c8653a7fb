/* bench-export.c: how fast wiring sheets export on big rigs.
 *
 * Generated rigs of 100, 1,000 and 10,000 devices (20 cables per "station" of
 * ten catalog devices for the dense rigs, 10 for the planned ones, signal
 * flowing left to right, as in bench-canvas.c), saved to a temporary folder.
 * Each rig is then measured in a process of its own (this program run again
 * with --run), which loads the file as `rigwire --export` does, checks it with
 * a validator, and for each sheet (the full sheet and --diagram-only, A4
 * portrait, scaled to fit) and format (PNG at 150 dpi, SVG, PDF) times, in
 * the same runs, by CPU time of the thread:
 *   - export: rig_sheet_new() then rig_export_sheet_to_file(), which is what
 *     the command line and the dialog run (the median of several runs);
 *   - of which layout: the rig_sheet_new() part of the same runs (the router,
 *     the rows, measuring, pagination); the rest is drawing, encoding and the
 *     atomic write;
 * with the pages written and in the sheet, the file size, and the process's
 * peak memory (getrusage), so each size's memory is its own. One table;
 * figures only, no assertions. `bench-export --generate N FILE` saves the
 * planned rig of N devices (bench-export-dia.py compares it with Dia).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "rig-bench.h"
#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-export.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

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
      char *ids[10];
      guint cables = 0;
      gboolean sloppy = g_rand_double (rand) < 0.03;

      for (guint i = 0; i < 10; i++)
        {
          RigDeviceModel *model = rig_catalog_lookup (catalog, rig_bench_station[i]);
          g_autofree char *label = g_strdup_printf ("%s %u", model->name, s + 1);
          RigCommand *command;
          double x, y;

          rig_bench_station_position (s, per_row, i, &x, &y);
          command = rig_command_add_device (model, label, x, y);

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
          jf = rig_bench_pick_jack (from, TRUE, used, rand);
          jt = rig_bench_pick_jack (to, FALSE, used, rand);
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

static void
add_row (GString *rows, const char *what, RigDocument *doc, RigValidator *validator,
         RigSheetKind kind, RigExportFormat format, const char *dir)
{
  guint n_devices = rig_document_get_n_devices (doc);
  guint runs = n_devices >= 10000 ? 3 : n_devices >= 1000 ? 5 : 9;
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name
      = g_strdup_printf ("sheet-%u.%s", n_devices, rig_export_format_to_nick (format));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  RigSheetOptions options;
  guint n_pages = 0;
  GStatBuf st;

  rig_sheet_options_init (&options);
  options.kind = kind;
  options.date = "2026-01-01";
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (GError) error = NULL;
      RigSheet *sheet;
      double c0 = rig_bench_thread_cpu_ms (), c1, c2;

      sheet = rig_sheet_new (doc, validator, &options);
      c1 = rig_bench_thread_cpu_ms ();
      if (!rig_export_sheet_to_file (sheet, format, file, &error))
        g_error ("export failed: %s", error->message);
      c2 = rig_bench_thread_cpu_ms ();
      n_pages = rig_sheet_get_n_pages (sheet);
      rig_sheet_free (sheet);
      c2 -= c0;
      c1 -= c0;
      g_array_append_val (total, c2);
      g_array_append_val (layout, c1);
      c2 -= c1;
      g_array_append_val (draw, c2);
    }
  g_stat (path, &st);
  g_string_append_printf (
      rows, "%-7s %6u %6u %6u  %-7s %-3s %9.1f %9.1f %9.1f %5u %5u %9.1f", what, n_devices,
      rig_document_get_n_cables (doc),
      rig_validator_count (validator, RIG_SEVERITY_ERROR)
          + rig_validator_count (validator, RIG_SEVERITY_WARNING)
          + rig_validator_count (validator, RIG_SEVERITY_INFO),
      kind == RIG_SHEET_FULL ? "full" : "diagram", rig_export_format_to_nick (format),
      rig_bench_median (total), rig_bench_median (layout), rig_bench_median (draw),
      rig_export_format_n_pages (format, n_pages), n_pages, st.st_size / 1024.0);
  g_string_append (rows, "  %PEAK%\n");
  g_unlink (path);
}

/* One rig, in this process: its rows of the table, each with the peak memory. */
static int
run (const char *what, const char *rig_path)
{
  g_autoptr (GFile) input = g_file_new_for_path (rig_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) doc = rig_format_load_file (input, rig_catalog_get_default (), &error);
  g_autoptr (RigValidator) validator = NULL;
  g_autofree char *dir = g_path_get_dirname (rig_path);
  g_autoptr (GString) rows = g_string_new (NULL);
  g_autofree char *peak = NULL;
  g_auto (GStrv) lines = NULL;
  struct rusage usage;

  g_assert_no_error (error);
  validator = rig_validator_new (doc);
  for (guint k = 0; k < RIG_N_SHEET_KINDS; k++)
    for (guint f = 0; f < RIG_N_EXPORT_FORMATS; f++)
      {
        if (g_getenv ("BENCH_FORMAT") != NULL
            && rig_export_format_from_nick (g_getenv ("BENCH_FORMAT")) != (int) f)
          continue;
        add_row (rows, what, doc, validator, k, f, dir);
      }
  getrusage (RUSAGE_SELF, &usage);
  peak = g_strdup_printf ("%8.1f", usage.ru_maxrss / 1024.0);
  lines = g_strsplit (rows->str, "%PEAK%", -1);
  g_free (g_string_free (g_steal_pointer (&rows), TRUE));
  {
    g_autofree char *out = g_strjoinv (peak, lines);
    fputs (out, stdout);
  }
  return 0;
}

static void
save (guint n_devices, guint per_station, gboolean planned, const char *path)
{
  g_autoptr (RigDocument) doc = generate (n_devices, per_station, planned);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  if (!rig_format_save_file (doc, file, &error))
    g_error ("cannot save %s: %s", path, error->message);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  guint sizes[] = { 100, 1000, 10000 };
  guint max = argc > 1 ? (guint) atoi (argv[1]) : G_MAXUINT;

  if (argc == 4 && strcmp (argv[1], "--generate") == 0)
    {
      save ((guint) atoi (argv[2]), 10, TRUE, argv[3]);
      return 0;
    }
  if (argc == 4 && strcmp (argv[1], "--run") == 0)
    return run (argv[2], argv[3]);

  dir = g_dir_make_tmp ("rigwire-bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  printf ("Wiring sheet export: A4 portrait, scaled to fit, PNG at 150 dpi; CPU ms, medians.\n"
          "planned: 10 cables per 10 devices, the validator judges them fine but for 3 %%;\n"
          "dense: 20 cables per 10 devices wired at random (a long problem list).\n"
          "export = layout (rig_sheet_new) + drawing and writing, timed in the same runs;\n"
          "peak: the resident memory of the process that loaded and exported that rig.\n\n");
  printf ("%-7s %6s %6s %6s  %-7s %-3s %9s %9s %9s %5s %5s %9s %8s\n", "rig", "dev", "cables",
          "probs", "sheet", "fmt", "export", "layout", "draw", "pages", "of", "KiB", "peak MiB");
  fflush (stdout);
  for (guint p = 0; p < 2; p++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes) && sizes[i] <= max; i++)
      {
        const char *what = p == 0 ? "planned" : "dense";
        g_autofree char *name = g_strdup_printf ("%s-%u.rigwire", what, sizes[i]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        const char *child[] = { argv[0], "--run", what, path, NULL };
        int status = 0;

        save (sizes[i], p == 0 ? 10 : 20, p == 0, path);
        if (g_getenv ("RIG_BENCH_SAVE") != NULL)
          {
            g_autofree char *keep = g_strdup_printf ("%s-%s", g_getenv ("RIG_BENCH_SAVE"), name);
            g_autofree char *contents = NULL;
            gsize length;

            if (g_file_get_contents (path, &contents, &length, NULL))
              g_file_set_contents (keep, contents, length, NULL);
          }
        /* Its own process: its peak memory is this size's alone. */
        fflush (stdout);
        if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                           &status, &error)
            || !g_spawn_check_wait_status (status, &error))
          g_error ("%s", error->message);
        g_unlink (path);
      }
  g_rmdir (dir);
  return 0;
}
