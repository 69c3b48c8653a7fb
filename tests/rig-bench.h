/* rig-bench.h: what the benchmarks share: the "station" of catalog models
 * their generated rigs are built of, where a station's devices go, CPU
 * time, medians and peak memory. */
#pragma once

#include <glib.h>

#include "rig-device.h"

G_BEGIN_DECLS

/* Ten catalog models in five columns of two, signal flowing left to right:
 * sources, a mixer and a PC, an interface and a receiver, amplifiers,
 * speakers. */
#define RIG_BENCH_STATION_SIZE 10
extern const char *const rig_bench_station[RIG_BENCH_STATION_SIZE];

/* A random free signal jack of @device (no power, no Bluetooth) that is an
 * output (or an input), not in @used ("device:jack" keys); -1 if none. */
int
rig_bench_pick_jack (RigDevice *device, gboolean output, GHashTable *used, GRand *rand);

/* The top-left corner of device @i of station @s, stations in rows of
 * @per_row. */
void
rig_bench_station_position (guint s, guint per_row, guint i, double *x, double *y);

/* CPU time of the calling thread, or of the whole process, in ms. */
double
rig_bench_thread_cpu_ms (void);
double
rig_bench_process_cpu_ms (void);

/* A GCompareFunc on doubles, and the median of @values (sorted in place; 0
 * when empty). */
int
rig_bench_compare_doubles (gconstpointer a, gconstpointer b);
double
rig_bench_median (GArray *values);

/* The process's peak resident memory so far, kB. */
long
rig_bench_peak_rss_kb (void);

G_END_DECLS
