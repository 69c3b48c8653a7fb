/* rig-trace-compute.c: the level trace of a whole document (issue #11,
 * physics.md §9). It builds the validator's regions over the rig (so the
 * trace follows exactly the links the rules judge: fitting plugs, contacts
 * that meet, routes), traces each (rig-trace-walk.c) and gathers the paths. */
#include "config.h"

#define RIG_VALIDATOR_COMPILATION
#include "rig-trace-private.h"
#include "rig-validator-private.h"

#include <string.h>

/* Whole connected components, batched as the validator batches them. */
#define TRACE_BATCH_JACKS 4096

typedef struct
{
  RigTrace *trace;
  const char *through; /* keep only the paths through this device or cable id */
} Gather;

static gboolean
path_passes (const RigTracePath *path, const char *id)
{
  for (guint i = 0; i < path->n_stages; i++)
    if (g_strcmp0 (path->stages[i].device_id, id) == 0
        || g_strcmp0 (path->stages[i].cable_id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
trace_batch (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gpointer data)
{
  Gather *gather = data;
  RigRegion *region = rig_region_new (index, devices, cables, FALSE);
  g_autoptr (RigRegionTrace) rt = NULL;

  rig_region_judge_fit (region);
  rig_region_build_nets (region);
  rig_region_build_graph (region);
  rt = rig_region_trace_new (region, FALSE);
  for (guint i = 0; i < rt->trace->n_paths; i++)
    {
      RigTracePath *path = rt->trace->paths[i];
      RigTracePath *copy;

      if (gather->through != NULL && !path_passes (path, gather->through))
        continue;
      copy = rig_trace_add_path (gather->trace, path->source_device_id, path->listener_device_id);
      for (guint s = 0; s < path->n_stages; s++)
        rig_trace_path_add_stage (copy, &path->stages[s]);
      copy->spl_nominal_db = path->spl_nominal_db;
      copy->spl_peak_db = path->spl_peak_db;
    }
  rig_region_free (region);
}

static int
path_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  const RigTracePath *x = *(RigTracePath *const *) a;
  const RigTracePath *y = *(RigTracePath *const *) b;
  int c = rig_id_compare (x->source_device_id, y->source_device_id);

  return c != 0 ? c : rig_id_compare (x->listener_device_id, y->listener_device_id);
}

static RigTrace *
compute (RigDocument *document, const char *through)
{
  RigIndex *index = rig_index_new (FALSE);
  GPtrArray *devices = g_ptr_array_sized_new (rig_document_get_n_devices (document));
  GPtrArray *cables = g_ptr_array_sized_new (rig_document_get_n_cables (document));
  Gather gather = { rig_trace_new (), through };

  rig_index_fill_pooled (index, document, devices, cables);
  rig_index_foreach_batch (index, devices, TRACE_BATCH_JACKS, trace_batch, &gather);
  g_ptr_array_unref (devices);
  g_ptr_array_unref (cables);
  rig_index_free (index);
  /* Batches hold whole components: a stable sort by source and listener
   * keeps each region's own order among equal keys. */
  if (gather.trace->n_paths > 1)
    g_qsort_with_data (gather.trace->paths, (gint) gather.trace->n_paths, sizeof (gpointer),
                       path_compare, NULL);
  return gather.trace;
}

RigTrace *
rig_trace_compute (RigDocument *document)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  return compute (document, NULL);
}

RigTrace *
rig_trace_compute_through (RigDocument *document, const char *object_id)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  if (object_id == NULL)
    return rig_trace_new ();
  return compute (document, object_id);
}
