/* rig-trace-drive.c: what the paths feeding an output can drive it to
 * (physics.md §5.1, §9). The loudest an amplifier plays is set by its rated
 * swing or by what reaches it: V_out,max = min(sqrt(P·R), V_source,peak ·
 * 10^((gain + the controls at their maximum)/20)). The amplifier and
 * headphone rules ask here, on a trace taken with every control at its
 * maximum (rig_region_trace_new_at_max), whether the source is the limit. */
#include "config.h"

#include <math.h>

#include "rig-trace-private.h"

gboolean
_rig_trace_source_limits (const RigRegionTrace *rt, guint node, double rated_v,
                          RigTraceDrive *drive)
{
  gboolean found = FALSE;

  drive->peak_v = NAN;
  drive->rated_v = rated_v;
  drive->source_label = NULL;
  drive->source_peak_v = NAN;
  drive->assumed = 0;
  if (rt->drives != NULL)
    {
      const RigTraceDrive *best = g_hash_table_lookup (rt->drives, GUINT_TO_POINTER (node + 1));

      found = best != NULL;
      if (found)
        {
          drive->peak_v = best->peak_v;
          drive->source_label = best->source_label;
          drive->source_peak_v = best->source_peak_v;
          drive->assumed = best->assumed;
        }
    }
  for (guint p = 0; rt->drives == NULL && p < rt->trace->n_paths; p++)
    {
      const RigTracePath *path = rt->trace->paths[p];
      const RigTraceRef *refs = g_ptr_array_index (rt->refs, p);

      for (guint s = 1; s < path->n_stages; s++)
        {
          const RigTraceStage *st = &path->stages[s];

          if (refs[s].node != node || st->is_input || !isfinite (st->peak_v) || st->peak_v <= 0)
            continue;
          /* The hottest path sets what the output can reach. */
          if (!found || st->peak_v > drive->peak_v)
            {
              drive->peak_v = st->peak_v;
              drive->source_label = path->stages[0].device_label;
              drive->source_peak_v = path->stages[0].peak_v;
              drive->assumed = st->assumed;
            }
          found = TRUE;
          break;
        }
    }
  /* Only a known gain makes the source the limit (physics.md §9): with an
   * assumed one, the rated figure stands as before. */
  return found && rig_figure_is_set (rated_v) && rated_v > 0
         && !(drive->assumed & RIG_TRACE_ASSUMED_GAIN) && drive->peak_v < rated_v * (1 - 1e-9);
}

/* Indexes, per output node, the hottest path through it: what
 * _rig_trace_source_limits() would find by looking at every path, in the
 * same order, so that each lookup costs one hash lookup. */
void
_rig_trace_index_drives (RigRegionTrace *rt)
{
  rt->drives = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint p = 0; p < rt->trace->n_paths; p++)
    {
      const RigTracePath *path = rt->trace->paths[p];
      const RigTraceRef *refs = g_ptr_array_index (rt->refs, p);
      g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint s = 1; s < path->n_stages; s++)
        {
          const RigTraceStage *st = &path->stages[s];
          gpointer key = GUINT_TO_POINTER (refs[s].node + 1);
          RigTraceDrive *best;

          /* The first stage at a node on a path is the one that counts. */
          if (st->is_input || !isfinite (st->peak_v) || st->peak_v <= 0
              || !g_hash_table_add (seen, key))
            continue;
          best = g_hash_table_lookup (rt->drives, key);
          if (best != NULL && !(st->peak_v > best->peak_v))
            continue;
          if (best == NULL)
            {
              best = g_new0 (RigTraceDrive, 1);
              g_hash_table_insert (rt->drives, key, best);
            }
          best->peak_v = st->peak_v;
          best->source_label = path->stages[0].device_label;
          best->source_peak_v = path->stages[0].peak_v;
          best->assumed = st->assumed;
        }
    }
}
