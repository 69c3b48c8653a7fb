/* rig-trace-walk.c: every path of a region from a source to a listener
 * (physics.md §9), over the validator's signal graph (rig-rule.h): from each
 * origin output along the links of its net to the inputs it reaches, through
 * each device by its routes, to a speaker, headphones, or an input that leads
 * nowhere (a recorder, a computer). A cycle is cut where it closes; the
 * number of paths and their length are bounded (RIG_TRACE_MAX_PATHS,
 * RIG_TRACE_MAX_STAGES), so a rig of splits cannot make it explode. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rig-trace-private.h"

#define IN_V(node) (2 * (node))
#define OUT_V(node) (2 * (node) + 1)

typedef struct
{
  RigRegion *region;
  RigRegionTrace *out;
  /* The path walked now, n_stages long: its stages (strings borrowed from
   * the region) and their refs, with room for RIG_TRACE_MAX_STAGES (the
   * walk goes no deeper). */
  RigTraceStage *stages;
  RigTraceRef *refs;
  guint n_stages;
  guint8 *on_path; /* per signal-graph vertex */
  gboolean open_ends;
  gboolean at_max;                      /* every control at its maximum */
  guint max_paths;                      /* in all */
  guint origin_paths, max_origin_paths; /* from the origin walked now */
  gboolean origin_full;                 /* a path from it was left out: its walk stops */
} Walk;

/* A path was left out: the walk from this origin stops. */
static gboolean
walk_full (const Walk *w)
{
  return w->origin_full;
}

static void
emit_path (Walk *w, guint listener)
{
  RigTraceStage *first = &w->stages[0];
  RigTraceStage *last = &w->stages[w->n_stages - 1];
  gsize refs_size = sizeof (RigTraceRef) * w->n_stages;
  RigTracePath *path;
  RigTraceRef *refs;

  if (w->out->trace->n_paths >= w->max_paths || w->origin_paths >= w->max_origin_paths)
    {
      w->out->truncated = w->origin_full = TRUE;
      return;
    }
  w->origin_paths++;
  if (w->out->trace->borrows_strings)
    path = _rig_trace_add_borrowed_path (w->out->trace, first, w->n_stages);
  else
    {
      path = rig_trace_add_path (w->out->trace, first->device_id, last->device_id);
      for (guint i = 0; i < w->n_stages; i++)
        rig_trace_path_add_stage (path, &w->stages[i]);
    }
  refs = w->out->trace->borrows_strings ? _rig_trace_alloc (w->out->trace, refs_size)
                                        : g_malloc (refs_size);
  g_ptr_array_add (w->out->refs, memcpy (refs, w->refs, refs_size));
  if (last->is_input && _rig_trace_is_listener (w->region, listener))
    _rig_trace_loudness (w->region, listener, path);
}

static void
visit_output (Walk *w, guint node);

static void
push (Walk *w, const RigTraceStage *stage, guint node, int route)
{
  g_assert (w->n_stages < RIG_TRACE_MAX_STAGES + 1);
  w->stages[w->n_stages] = *stage;
  w->refs[w->n_stages] = (RigTraceRef){ node, route };
  w->n_stages++;
}

static void
pop (Walk *w)
{
  w->n_stages--;
}

static void
visit_input (Walk *w, guint node)
{
  RigRegion *region = w->region;
  RigDevNode *dev = region->node_dev[node];
  guint v = IN_V (node);
  gboolean leads_on = FALSE;

  for (guint e = region->fwd_start[v]; e < region->fwd_start[v + 1]; e++)
    if (_rig_trace_find_route (dev, rig_node_jack (region, node),
                               rig_node_jack (region, region->fwd[e] / 2))
        >= 0)
      leads_on = TRUE;
  if (!leads_on || _rig_trace_is_listener (region, node))
    emit_path (w, node);
  if (w->n_stages + 2 > RIG_TRACE_MAX_STAGES || walk_full (w))
    return;

  w->on_path[v] = 1;
  for (guint e = region->fwd_start[v]; e < region->fwd_start[v + 1]; e++)
    {
      guint to = region->fwd[e] / 2;
      int route
          = _rig_trace_find_route (dev, rig_node_jack (region, node), rig_node_jack (region, to));
      RigTraceStage stage;

      if (route < 0 || w->on_path[OUT_V (to)])
        continue;
      _rig_trace_device_stage (region, node, to, route, &w->stages[w->n_stages - 1], w->at_max,
                               &stage);
      push (w, &stage, to, route);
      visit_output (w, to);
      pop (w);
    }
  w->on_path[v] = 0;
}

static void
visit_output (Walk *w, guint node)
{
  RigRegion *region = w->region;
  guint v = OUT_V (node);

  /* An output cabled to nothing ends the path there: the inputs before it
   * are judged all the same. */
  if (region->fwd_start[v] == region->fwd_start[v + 1] && w->n_stages > 1)
    {
      if (w->open_ends)
        emit_path (w, node);
      return;
    }
  w->on_path[v] = 1;
  for (guint e = region->fwd_start[v]; e < region->fwd_start[v + 1] && !walk_full (w); e++)
    {
      guint to = region->fwd[e] / 2;
      RigTraceStage stage;

      if (w->on_path[IN_V (to)] || (region->fwd[e] & 1) != 0)
        continue;
      _rig_trace_input_stage (region, node, to, &w->stages[w->n_stages - 1], &stage);
      push (w, &stage, to, -1);
      visit_input (w, to);
      pop (w);
    }
  w->on_path[v] = 0;
}

/* Paths by source device, listener device, then the jacks along the way. */
static int
path_compare (const RigTracePath *a, const RigTracePath *b)
{
  int c = rig_id_compare (a->source_device_id, b->source_device_id);

  if (c == 0)
    c = rig_id_compare (a->listener_device_id, b->listener_device_id);
  for (guint i = 0; c == 0 && i < MIN (a->n_stages, b->n_stages); i++)
    {
      c = rig_id_compare (a->stages[i].device_id, b->stages[i].device_id);
      if (c == 0)
        c = strcmp (a->stages[i].jack_id, b->stages[i].jack_id);
    }
  return c != 0 ? c : (int) a->n_stages - (int) b->n_stages;
}

static int
index_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  RigTrace *trace = data;

  return path_compare (trace->paths[*(const guint *) a], trace->paths[*(const guint *) b]);
}

static void
sort_paths (RigRegionTrace *rt)
{
  guint n = rt->trace->n_paths;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree RigTracePath **paths = g_memdup2 (rt->trace->paths, sizeof (gpointer) * MAX (n, 1));
  g_autofree gpointer *refs = g_memdup2 (rt->refs->pdata, sizeof (gpointer) * MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* The walk takes the origins in order (trace_new()): its paths come out
   * in runs from one source, the runs in source order, and sorting each
   * run (a stable sort) sorts them all, with a fraction of the comparisons.
   * Should a run follow one that sorts after it, everything is sorted. */
  for (guint start = 0, end = 0; start < n; start = end)
    {
      int c = 0;

      for (end = start + 1; end < n; end++)
        if ((c = rig_id_compare (paths[end - 1]->source_device_id, paths[end]->source_device_id))
            != 0)
          break;
      if (c > 0)
        {
          for (guint i = 0; i < n; i++)
            order[i] = i;
          g_qsort_with_data (order, (gint) n, sizeof (guint), index_compare, rt->trace);
          break;
        }
      if (end - start > 1)
        g_qsort_with_data (order + start, (gint) (end - start), sizeof (guint), index_compare,
                           rt->trace);
    }
  for (guint i = 0; i < n; i++)
    {
      rt->trace->paths[i] = paths[order[i]];
      rt->refs->pdata[i] = refs[order[i]];
    }
}

static gboolean
is_origin (RigRegion *region, guint node)
{
  return (rig_node_jflags (region, node) & RIG_JACK_ORIGIN)
         && !(region->node_flags[node] & RIG_NODE_UNPLUGGED);
}

/* Fills @origins with the region's origins as rig_region_sort_nodes()
 * orders them, by device id then jack, and returns how many: the devices
 * that have one sorted, each one's in jack order (that of its nodes), not
 * every origin node among all the others. */
static guint
collect_origins (RigRegion *region, guint *origins)
{
  g_autofree RigDevNode **devs = g_new (RigDevNode *, MAX (region->devices->len, 1));
  guint n_devs = 0, n = 0;

  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);

      for (guint j = 0; j < dev->n_jacks; j++)
        if (is_origin (region, dev->base + j))
          {
            devs[n_devs++] = dev;
            break;
          }
    }
  if (n_devs > 1)
    qsort (devs, n_devs, sizeof (RigDevNode *), rig_dev_compare_by_id);
  for (guint i = 1; i < n_devs; i++)
    if (rig_dev_compare_by_id (&devs[i - 1], &devs[i]) == 0)
      {
        /* Two ids alike ("d01", "d1"): rig_region_sort_nodes() decides. */
        for (guint node = 0; node < region->n_nodes; node++)
          if (is_origin (region, node))
            origins[n++] = node;
        rig_region_sort_nodes (region, origins, n);
        return n;
      }
  for (guint i = 0; i < n_devs; i++)
    for (guint j = 0; j < devs[i]->n_jacks; j++)
      if (is_origin (region, devs[i]->base + j))
        origins[n++] = devs[i]->base + j;
  return n;
}

static RigRegionTrace *
trace_new (RigRegion *region, gboolean open_ends, gboolean at_max, guint max_paths,
           guint max_origin_paths, gboolean borrows_strings)
{
  RigRegionTrace *rt = g_new0 (RigRegionTrace, 1);
  g_autofree guint *origins = g_new (guint, MAX (region->n_nodes, 1));
  guint n_origins = 0;
  Walk w = { .region = region,
             .out = rt,
             .open_ends = open_ends,
             .at_max = at_max,
             .max_paths = max_paths,
             .max_origin_paths = max_origin_paths };

  rt->trace = rig_trace_new ();
  rt->trace->borrows_strings = borrows_strings;
  rt->refs = borrows_strings ? g_ptr_array_new () : g_ptr_array_new_with_free_func (g_free);
  n_origins = collect_origins (region, origins);

  w.stages = g_new (RigTraceStage, RIG_TRACE_MAX_STAGES + 1);
  w.refs = g_new (RigTraceRef, RIG_TRACE_MAX_STAGES + 1);
  w.on_path = g_new0 (guint8, 2 * MAX (region->n_nodes, 1));
  for (guint i = 0; i < n_origins && !(rt->truncated && rt->trace->n_paths >= max_paths); i++)
    {
      RigTraceStage stage;

      w.origin_paths = 0;
      w.origin_full = FALSE;
      _rig_trace_source_stage (region, origins[i], &stage);
      push (&w, &stage, origins[i], -1);
      visit_output (&w, origins[i]);
      pop (&w);
    }
  g_free (w.stages);
  g_free (w.refs);
  g_free (w.on_path);
  sort_paths (rt);
  return rt;
}

RigRegionTrace *
rig_region_trace_new (RigRegion *region, gboolean open_ends)
{
  return trace_new (region, open_ends, FALSE, RIG_TRACE_MAX_PATHS, RIG_TRACE_MAX_PATHS, FALSE);
}

RigRegionTrace *
rig_region_trace_new_at_max (RigRegion *region)
{
  return trace_new (region, TRUE, TRUE, RIG_TRACE_MAX_PATHS, RIG_TRACE_MAX_PATHS, FALSE);
}

/* The rules' traces live with their region, which lives no longer than the
 * check: they borrow the document's strings. Copying six strings per stage
 * was a seventh of `rigwire --check` of a 10k-device rig. */
RigRegionTrace *
_rig_region_trace_new_for_rules (RigRegion *region, gboolean at_max)
{
  return trace_new (region, TRUE, at_max, RIG_TRACE_MAX_RULE_PATHS, RIG_TRACE_MAX_PATHS, TRUE);
}

void
rig_region_trace_free (RigRegionTrace *trace)
{
  if (trace == NULL)
    return;
  rig_trace_free (trace->trace);
  g_ptr_array_unref (trace->refs);
  g_clear_pointer (&trace->drives, g_hash_table_unref);
  g_free (trace);
}
