/* rig-trace-private.h: the level trace of one validator region, for the
 * trace's own files and the level rules (signal.clipping,
 * signal.level-mismatch). A region trace keeps, beside each path, the region
 * node of each stage and the route each device stage went by, so that rules
 * can name the jacks, cables and controls involved. physics.md §9. */
#pragma once

#include "rig-rule.h"
#include "rig-trace.h"

G_BEGIN_DECLS

/* Where a stage sits in its region. */
typedef struct
{
  guint node; /* the jack */
  int route;  /* output stages: the route of the device it came through, -1 for a source */
} RigTraceRef;

typedef struct
{
  RigTrace *trace;
  GPtrArray *refs;    /* per path: RigTraceRef * (n_stages of them), owned (by the trace when it
                       * borrows strings) */
  gboolean truncated; /* more paths than RIG_TRACE_MAX_PATHS: the rest left out */
  /* Of a trace at maximum: per output node, what the hottest path feeding
   * it drives it to (RigTraceDrive *, for _rig_trace_source_limits()). */
  GHashTable *drives;
} RigRegionTrace;

/* The most paths a trace holds, and the most stages a path has: a bound on a
 * rig whose splits multiply its paths. */
#define RIG_TRACE_MAX_PATHS 4096
#define RIG_TRACE_MAX_STAGES 256
/* The rules walk a validator region: a batch of many unconnected parts of
 * a big rig. There the bound is RIG_TRACE_MAX_PATHS from each origin (so
 * that one part's splits cannot crowd out another's paths, and a part gets
 * the verdicts it gets alone), and this many in all. */
#define RIG_TRACE_MAX_RULE_PATHS (16 * RIG_TRACE_MAX_PATHS)

/* Every path of @region (nets and signal graph built), in a stable order;
 * with @open_ends, also those that end at an output cabled to nothing (the
 * rules judge the inputs before it; the trace users see leaves them out). */
RigRegionTrace *
rig_region_trace_new (RigRegion *region, gboolean open_ends);
/* The paths of @region (open ends included) as they can go at most: every
 * control along them at its maximum (physics.md §9: a rig is judged by
 * what it can do, not by where its knobs happen to be). */
RigRegionTrace *
rig_region_trace_new_at_max (RigRegion *region);
void
rig_region_trace_free (RigRegionTrace *trace);
/* The same traces, made once per region at the first call and kept with it
 * (freed by rig_region_free()): every rule that asks shares them, so that
 * a region's paths are walked once, not once per link or device. */
RigRegionTrace *
rig_region_get_trace (RigRegion *region);
/* What those two are made of (rig-validator-region.c makes them). */
RigRegionTrace *
_rig_region_trace_new_for_rules (RigRegion *region, gboolean at_max);
RigRegionTrace *
rig_region_get_trace_at_max (RigRegion *region);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigRegionTrace, rig_region_trace_free)

/* A path of @stages appended to @trace (which borrows strings): the stages
 * are copied, their strings are not; the path's ends are its first and last
 * stages' devices. */
RigTracePath *
_rig_trace_add_borrowed_path (RigTrace *trace, const RigTraceStage *stages, guint n_stages);
/* @size bytes (16-byte aligned) that @trace (which borrows strings) frees
 * with itself. */
gpointer
_rig_trace_alloc (RigTrace *trace, gsize size);

/* The stage physics (rig-trace-levels.c). Each fills @stage (initialised
 * here) with borrowed strings. */
/* A source's output: its own levels, else its class's (assumed). */
void
_rig_trace_source_stage (RigRegion *region, guint node, RigTraceStage *stage);
/* The input @snk reached over a cable from the output stage @from (node @src):
 * the cable's divider loss (physics.md §6.1), the input's clipping point. */
void
_rig_trace_input_stage (RigRegion *region, guint src, guint snk, const RigTraceStage *from,
                        RigTraceStage *stage);
/* The output @out of the device @in belongs to, by @route: the route's gain,
 * an amplifier's gain from its sensitivity, a passive device's unity, or a new
 * signal at the output's own level; the route's controls as set, or with
 * @at_max each at its maximum. */
void
_rig_trace_device_stage (RigRegion *region, guint in, guint out, int route,
                         const RigTraceStage *from, gboolean at_max, RigTraceStage *stage);
/* Loudness at the listener whose input is the last stage of @path. */
void
_rig_trace_loudness (RigRegion *region, guint node, RigTracePath *path);

/* What the controls on the routes leaving the input @node can do: the
 * deepest pad engaged (dB, ≥ 0), a pad not engaged (its control index, -1
 * if none), and the most gain the volume and gain controls of one route can
 * still add (dB, ≥ 0). */
typedef struct
{
  double engaged_pad_db;
  int idle_pad;
  double makeup_db;
} RigTraceInputControls;

void
_rig_trace_input_controls (RigRegion *region, guint node, RigTraceInputControls *out);

/* The route of @dev from jack @from to jack @to, -1 if none. */
int
_rig_trace_find_route (const RigDevNode *dev, int from, int to);

/* What the paths feeding an output can drive it to (rig-trace-drive.c,
 * physics.md §5.1, §9): the peak level there with every control at its
 * maximum, before the output's own limit. */
typedef struct
{
  double peak_v;            /* at the output, V */
  double rated_v;           /* the most the output gives, as the caller states it */
  const char *source_label; /* the source of that path, borrowed from the trace */
  double source_peak_v;     /* the peaks it sends */
  guint assumed;            /* RigTraceAssumed: the path's levels rest on defaults */
} RigTraceDrive;

/* Indexes @rt's output nodes for _rig_trace_source_limits(): one lookup
 * each, with the answer a walk through every path gives. */
void
_rig_trace_index_drives (RigRegionTrace *rt);

/* Whether the paths of @rt (a trace at maximum) that reach the output @node
 * drive it to less than @rated_v (V): the highest peak any of them gives
 * there is below it. FALSE (and today's rated figure stands) when no path
 * with known levels reaches it, or when a gain along the way is assumed.
 * @drive gets the figures either way when a path reaches it. */
gboolean
_rig_trace_source_limits (const RigRegionTrace *rt, guint node, double rated_v,
                          RigTraceDrive *drive);

/* Whether the device of @node is a listener (speaker, headphones). */
gboolean
_rig_trace_is_listener (const RigRegion *region, guint node);

G_END_DECLS
