/* rig-trace-compute.c: computing the level trace of a rig (issue #11).
 *
 * SCAFFOLDING, not a feature: the computation is being written on the
 * `levels` branch, which replaces this file. Until then no path is traced
 * and nothing calls these outside that work. */
#include "config.h"

#include "rig-trace.h"

RigTrace *
rig_trace_compute (RigDocument *document)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  return rig_trace_new ();
}

RigTrace *
rig_trace_compute_through (RigDocument *document, const char *object_id)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  return rig_trace_new ();
}
