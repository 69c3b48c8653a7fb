/* rig-trace.c: the level trace's data: paths and their stages. The
 * computation is in rig-trace-compute.c. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-trace-private.h"

RigTrace *
rig_trace_new (void)
{
  return g_new0 (RigTrace, 1);
}

/* A borrowing trace lives no longer than its check and holds tens of
 * thousands of short paths: it carves them, their stages and their refs
 * out of big blocks freed with it, instead of three allocations a path. */
typedef struct _Block Block;
struct _Block
{
  Block *next;
  gsize used, size;
};

#define BLOCK_HEADER ((sizeof (Block) + 15) & ~(gsize) 15)
#define BLOCK_SIZE (64 * 1024)

gpointer
_rig_trace_alloc (RigTrace *trace, gsize size)
{
  Block *block = trace->blocks;
  gpointer mem;

  g_return_val_if_fail (trace->borrows_strings, NULL);
  size = (size + 15) & ~(gsize) 15;
  if (block == NULL || block->used + size > block->size)
    {
      gsize room = MAX (BLOCK_SIZE, size);

      block = g_malloc (BLOCK_HEADER + room);
      block->next = trace->blocks;
      block->used = 0;
      block->size = room;
      trace->blocks = block;
    }
  mem = (guint8 *) block + BLOCK_HEADER + block->used;
  block->used += size;
  return mem;
}

static void
stage_clear (RigTraceStage *stage)
{
  g_free (stage->device_id);
  g_free (stage->device_label);
  g_free (stage->jack_id);
  g_free (stage->jack_name);
  g_free (stage->cable_id);
  g_free (stage->cable_number);
}

static void
path_free (RigTracePath *path)
{
  for (guint i = 0; i < path->n_stages; i++)
    stage_clear (&path->stages[i]);
  g_free (path->source_device_id);
  g_free (path->listener_device_id);
  g_free (path->stages);
  g_free (path);
}

void
rig_trace_free (RigTrace *trace)
{
  if (trace == NULL)
    return;
  for (guint i = 0; !trace->borrows_strings && i < trace->n_paths; i++)
    path_free (trace->paths[i]);
  while (trace->blocks != NULL)
    {
      Block *block = trace->blocks;

      trace->blocks = block->next;
      g_free (block);
    }
  g_free (trace->paths);
  g_free (trace);
}

static RigTracePath *
append_path (RigTrace *trace)
{
  RigTracePath *path = trace->borrows_strings ? _rig_trace_alloc (trace, sizeof (RigTracePath))
                                              : g_malloc (sizeof (RigTracePath));

  memset (path, 0, sizeof *path);
  path->spl_nominal_db = NAN;
  path->spl_peak_db = NAN;
  if (trace->n_paths == trace->paths_allocated)
    {
      trace->paths_allocated = MAX (4, trace->paths_allocated * 2);
      trace->paths = g_renew (RigTracePath *, trace->paths, trace->paths_allocated);
    }
  trace->paths[trace->n_paths++] = path;
  return path;
}

RigTracePath *
rig_trace_add_path (RigTrace *trace, const char *source_device_id, const char *listener_device_id)
{
  RigTracePath *path;

  g_return_val_if_fail (!trace->borrows_strings, NULL);
  path = append_path (trace);
  path->source_device_id = g_strdup (source_device_id);
  path->listener_device_id = g_strdup (listener_device_id);
  return path;
}

RigTracePath *
_rig_trace_add_borrowed_path (RigTrace *trace, const RigTraceStage *stages, guint n_stages)
{
  RigTracePath *path;

  g_return_val_if_fail (trace->borrows_strings && n_stages > 0, NULL);
  path = append_path (trace);
  path->stages = _rig_trace_alloc (trace, sizeof (RigTraceStage) * n_stages);
  memcpy (path->stages, stages, sizeof (RigTraceStage) * n_stages);
  path->n_stages = path->stages_allocated = n_stages;
  path->source_device_id = stages[0].device_id;
  path->listener_device_id = stages[n_stages - 1].device_id;
  return path;
}

void
rig_trace_stage_init (RigTraceStage *stage)
{
  memset (stage, 0, sizeof *stage);
  stage->nominal_v = NAN;
  stage->peak_v = NAN;
  stage->clip_v = NAN;
  stage->noise_v = NAN;
  stage->gain_db = NAN;
  stage->headroom_db = NAN;
  stage->noise_margin_db = NAN;
}

RigTraceStage *
rig_trace_path_add_stage (RigTracePath *path, const RigTraceStage *stage)
{
  RigTraceStage *copy;

  if (path->n_stages == path->stages_allocated)
    {
      path->stages_allocated = MAX (4, path->stages_allocated * 2);
      path->stages = g_renew (RigTraceStage, path->stages, path->stages_allocated);
    }
  copy = &path->stages[path->n_stages++];
  *copy = *stage;
  copy->device_id = g_strdup (stage->device_id);
  copy->device_label = g_strdup (stage->device_label);
  copy->jack_id = g_strdup (stage->jack_id);
  copy->jack_name = g_strdup (stage->jack_name);
  copy->cable_id = g_strdup (stage->cable_id);
  copy->cable_number = g_strdup (stage->cable_number);
  return copy;
}
