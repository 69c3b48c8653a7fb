/* bench-load.c: how fast a rig loads, beside libxml2 parsing the same bytes.
 *
 * Generated rigs of 100, 1,000, 10,000 and 100,000 devices built from
 * "stations" of ten catalog devices (the station of bench-export.c), each
 * station wired with ten cables from an output to an input jack (two cable
 * ends per device), saved with rig_format_save_bytes() as the editor saves
 * them (the models embedded).
 *
 * For each size, one table row:
 *   - parse: libxml2's plain parse of the bytes, xmlReadMemory() with the
 *     options Rigwire's loader uses (no network, no entities, no DTD, no
 *     validation), to the tree in memory: the least any reader of the file
 *     must do;
 *   - load: rig_format_load_bytes() with the default catalog, as the editor
 *     and `rigwire --check` open a file, to the document in memory: parsing,
 *     every check of the format (the schema's and the model's) and the
 *     document built (the rule checks of check/ are not part of it);
 * Freeing the tree or the document is not counted on either side.
 *   - ratio: load / parse;
 *   - RSS: the peak memory the load adds (VmHWM after it, less before), and
 *     the same for the plain parse, each measured in a process of its own
 *     (this program run again with --rss), so sizes do not mask each other.
 * Times are the median CPU time of the thread over several runs, the parse
 * and the load alternating, so that other work on a shared machine weighs on
 * both alike, each from a trimmed heap (malloc_trim(), untimed), so that
 * neither inherits the other's freed memory. Figures only, no assertions (a load that fails is
 * reported).
 *
 * `bench-load --load RUNS FILE` loads FILE RUNS times, to profile the load
 * (perf record); $RIG_BENCH_KEEP keeps the generated rigs in the temporary
 * folder it names; $BENCH_MAX_DEVICES skips the larger sizes; $BENCH_DEVICES
 * measures that one size instead.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rig-bench.h"
#include "rig-catalog.h"
#include "rig-document-private.h"
#include "rig-format.h"

/* The options of rig_xml_parse_untrusted() (rig-xml-parse.c). */
#define PARSE_OPTIONS                                                                              \
  (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR                   \
   | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC)

static long
vm_hwm_kb (void)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL)
      || (p = strstr (text, "VmHWM:")) == NULL)
    return -1;
  return strtol (p + strlen ("VmHWM:"), NULL, 10);
}

/* A free jack of @device that sends (@output) or takes signal, the first
 * from a random one on; -1 if none. */
static int
free_jack (RigDevice *device, gboolean output, GHashTable *used, GRand *rand)
{
  const RigDeviceModel *m = device->model;
  guint start = (guint) g_rand_int_range (rand, 0, (gint32) MAX (m->n_jacks, 1));

  for (guint k = 0; k < m->n_jacks; k++)
    {
      guint i = (start + k) % m->n_jacks;
      const RigJack *j = &m->jacks[i];
      g_autofree char *key = g_strdup_printf ("%s:%s", device->id, j->id);

      if (j->signal != RIG_SIGNAL_POWER && j->connector != RIG_CONNECTOR_BLUETOOTH
          && (output ? rig_jack_is_output (j) : rig_jack_is_input (j))
          && !g_hash_table_contains (used, key))
        return (int) i;
    }
  return -1;
}

static void
add_cable (RigDocument *doc, RigDevice *from, const RigJack *jf, RigDevice *to, const RigJack *jt,
           guint n)
{
  g_autofree char *id = g_strdup_printf ("c%u", n);
  g_autofree char *number = g_strdup_printf ("%s-%03u", rig_cable_number_prefix (jf, jt), n);
  RigCableSpec spec;

  rig_cable_spec_init_for_jacks (&spec, jf, jt);
  _rig_document_insert_cable (
      doc, rig_cable_new (id, number, from->id, jf->id, to->id, jt->id, &spec), G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);
}

/* The rig of @n_devices, saved. */
static GBytes *
generate (guint n_devices)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_stations = n_devices / 10, per_row = 40, n_cables = 0;

  for (guint s = 0; s < n_stations; s++)
    {
      RigDevice *devices[10];
      guint cables = 0;

      for (guint i = 0; i < 10; i++)
        {
          RigDeviceModel *model = rig_catalog_lookup (catalog, rig_bench_station[i]);
          g_autofree char *id = g_strdup_printf ("d%u", s * 10 + i + 1);
          g_autofree char *label = g_strdup_printf ("%s %u", model->name, s + 1);

          g_assert (model != NULL);
          double x, y;

          rig_bench_station_position (s, per_row, i, &x, &y);
          devices[i] = rig_device_new (id, model, label, x, y);
          _rig_document_insert_device (doc, devices[i], G_MAXUINT, NULL);
        }
      for (guint attempt = 0; attempt < 4000 && cables < 10; attempt++)
        {
          guint a = g_rand_int_range (rand, 0, 10), b = g_rand_int_range (rand, 0, 10);
          int jf, jt;

          if (a == b || (jf = free_jack (devices[a], TRUE, used, rand)) < 0
              || (jt = free_jack (devices[b], FALSE, used, rand)) < 0)
            continue;
          add_cable (doc, devices[a], &devices[a]->model->jacks[jf], devices[b],
                     &devices[b]->model->jacks[jt], ++n_cables);
          g_hash_table_add (
              used, g_strdup_printf ("%s:%s", devices[a]->id, devices[a]->model->jacks[jf].id));
          g_hash_table_add (
              used, g_strdup_printf ("%s:%s", devices[b]->id, devices[b]->model->jacks[jt].id));
          cables++;
        }
    }
  return rig_format_save_bytes (doc);
}

/* The time to a tree in memory; freeing it is not counted. */
static double
time_parse (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  double t0 = rig_bench_thread_cpu_ms (), t;
  xmlDoc *doc = xmlReadMemory (data, (int) len, "bench.rigwire", NULL, PARSE_OPTIONS);

  t = rig_bench_thread_cpu_ms () - t0;
  if (doc == NULL)
    g_error ("libxml2 cannot parse the generated rig");
  xmlFreeDoc (doc);
  return t;
}

/* The time to a document in memory, or a negative number if the load fails
 * (@error says why); freeing it is not counted. */
static double
time_load (GBytes *bytes, GError **error)
{
  double t0 = rig_bench_thread_cpu_ms (), t;
  RigDocument *doc
      = rig_format_load_bytes (bytes, "bench.rigwire", rig_catalog_get_default (), error);

  t = rig_bench_thread_cpu_ms () - t0;
  if (doc == NULL)
    return -1;
  g_object_unref (doc);
  return t;
}

/* The time to write the rig @bytes hold back to bytes, as Save and the
 * drafts do (on the editor's main thread); loading it is not counted. */
static double
time_save (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) doc
      = rig_format_load_bytes (bytes, "bench.rigwire", rig_catalog_get_default (), &error);
  g_autoptr (GBytes) saved = NULL;
  double t0;

  if (doc == NULL)
    return -1;
  t0 = rig_bench_thread_cpu_ms ();
  saved = rig_format_save_bytes (doc);
  return rig_bench_thread_cpu_ms () - t0;
}

/* In a process of its own: the peak memory that loading (or parsing) the
 * file at @path adds. Prints the kB. */
static int
measure_rss (const char *what, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize len;
  long before;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  rig_catalog_get_default ();
  xmlInitParser ();
  before = vm_hwm_kb ();
  if (strcmp (what, "parse") == 0)
    time_parse (bytes);
  else if (time_load (bytes, &error) < 0)
    {
      printf ("-1\n");
      return 0;
    }
  printf ("%ld\n", vm_hwm_kb () - before);
  return 0;
}

/* For a profiler: loads the file at @path @runs times. */
static int
load_repeatedly (const char *path, guint runs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  for (guint r = 0; r < runs; r++)
    if (time_load (bytes, &error) < 0)
      g_error ("%s", error->message);
  return 0;
}

static long
rss_in_child (const char *self, const char *what, const char *path)
{
  const char *argv[] = { self, "--rss", what, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s --rss: %s\n", self, error->message);
      return -1;
    }
  return strtol (out, NULL, 10);
}

static void
bench (const char *self, guint n_devices, const char *dir)
{
  g_autoptr (GBytes) bytes = generate (n_devices);
  g_autoptr (GArray) parse = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/rig-%u.rigwire", dir, n_devices);
  guint runs = n_devices >= 100000 ? 3 : n_devices >= 10000 ? 7 : n_devices >= 1000 ? 15 : 41;
  double p, l;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
  for (guint r = 0; r < runs && error == NULL; r++)
    {
      double t;

      /* Each run starts from a heap with nothing left over from the run
       * before (the other side's tree or document), untimed. */
      malloc_trim (0);
      t = time_parse (bytes);
      g_array_append_val (parse, t);
      malloc_trim (0);
      t = time_load (bytes, &error);
      g_array_append_val (load, t);
      if (error == NULL && r < 3)
        {
          malloc_trim (0);
          t = time_save (bytes);
          g_array_append_val (save, t);
        }
    }
  if (error != NULL)
    {
      printf ("| %7u | %6.1f MiB | %9.2f | refused: %s\n", n_devices,
              g_bytes_get_size (bytes) / 1048576.0, rig_bench_median (parse), error->message);
      if (g_getenv ("RIG_BENCH_KEEP") == NULL)
        g_unlink (path);
      return;
    }
  p = rig_bench_median (parse);
  l = rig_bench_median (load);
  printf ("| %7u | %6.1f MiB | %9.2f | %9.2f | %5.2f | %9ld | %9ld | %9.2f |\n", n_devices,
          g_bytes_get_size (bytes) / 1048576.0, p, l, l / p, rss_in_child (self, "parse", path),
          rss_in_child (self, "load", path), rig_bench_median (save));
  fflush (stdout);
  if (g_getenv ("RIG_BENCH_KEEP") == NULL)
    g_unlink (path);
}

int
main (int argc, char **argv)
{
  static const guint sizes[] = { 100, 1000, 10000, 100000 };
  g_autofree char *dir = NULL;

  if (argc == 4 && strcmp (argv[1], "--rss") == 0)
    return measure_rss (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "--load") == 0)
    return load_repeatedly (argv[3], (guint) strtoul (argv[2], NULL, 10));

  dir = g_getenv ("RIG_BENCH_KEEP") != NULL ? g_strdup (g_getenv ("RIG_BENCH_KEEP"))
                                            : g_dir_make_tmp ("bench-load-XXXXXX", NULL);
  g_assert (dir != NULL);
  printf ("Loading a rig beside libxml2's plain parse of the same bytes (CPU ms of the thread,\n"
          "median of runs; RSS: peak kB the parse or the load adds, each in its own process)\n\n");
  printf ("| devices |    bytes   |  parse ms |   load ms | ratio | parse RSS |  load RSS |   save "
          "ms |\n");
  printf ("|--------:|-----------:|----------:|----------:|------:|----------:|----------:|--------"
          "--:|\n");
  fflush (stdout);
  if (g_getenv ("BENCH_DEVICES") != NULL)
    bench (argv[0], (guint) strtoul (g_getenv ("BENCH_DEVICES"), NULL, 10), dir);
  for (guint i = 0; i < G_N_ELEMENTS (sizes) && g_getenv ("BENCH_DEVICES") == NULL; i++)
    {
      if (g_getenv ("BENCH_MAX_DEVICES") != NULL
          && sizes[i] > strtoul (g_getenv ("BENCH_MAX_DEVICES"), NULL, 10))
        break;
      bench (argv[0], sizes[i], dir);
    }
  if (g_getenv ("RIG_BENCH_KEEP") == NULL)
    g_rmdir (dir);
  return 0;
}
