/* rig-bench.c: what the benchmarks share. */
#include "config.h"

#include <sys/resource.h>
#include <time.h>

#include "rig-bench.h"

const char *const rig_bench_station[RIG_BENCH_STATION_SIZE] = {
  "cd-player",      "tv",
  "mixer-small",    "desktop-pc",
  "interface-2x2",  "av-receiver",
  "amp-integrated", "amp-power",
  "studio-monitor", "speaker-pa-active",
};

int
rig_bench_pick_jack (RigDevice *device, gboolean output, GHashTable *used, GRand *rand)
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

void
rig_bench_station_position (guint s, guint per_row, guint i, double *x, double *y)
{
  *x = (s % per_row) * 1700.0 + (i / 2) * 300.0;
  *y = (s / per_row) * 1000.0 + (i % 2) * 420.0;
}

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double
rig_bench_thread_cpu_ms (void)
{
  return clock_ms (CLOCK_THREAD_CPUTIME_ID);
}

double
rig_bench_process_cpu_ms (void)
{
  return clock_ms (CLOCK_PROCESS_CPUTIME_ID);
}

int
rig_bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
rig_bench_median (GArray *values)
{
  g_array_sort (values, rig_bench_compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

long
rig_bench_peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}
