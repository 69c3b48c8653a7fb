/* rig-trace.h: the level trace (issue #11): for every path from a source to
 * a listener, the level at each jack along it, nominal and peak, with the
 * headroom left before each input clips and the margin above the noise floor
 * where the figures exist (physics.md §4.1).
 *
 * A trace is a plain value computed from a document and owning copies of
 * every string it holds, so it outlives edits: the Trace view recomputes it
 * when the document changes, the command line prints it (rigwire --trace),
 * the painter draws it (render/rig-level-chart.h). Voltages are V RMS; NAN
 * where a figure is unknown. Figures taken from a signal class's default
 * rather than the catalog are flagged in `assumed`, so every verdict and
 * every chart that rests on them can say so.
 */
#pragma once

#include "rig-document.h"

G_BEGIN_DECLS

/* Which of a stage's figures are assumed from its class's defaults. */
typedef enum
{
  RIG_TRACE_ASSUMED_NOMINAL = 1 << 0,
  RIG_TRACE_ASSUMED_PEAK = 1 << 1,
  RIG_TRACE_ASSUMED_CLIP = 1 << 2,
  RIG_TRACE_ASSUMED_GAIN = 1 << 3,
  RIG_TRACE_ASSUMED_NOISE = 1 << 4,
} RigTraceAssumed;

/* One jack along a path: a source's output, the input a cable reaches, the
 * output the signal leaves that device by, and so on to the listener. */
typedef struct
{
  char *device_id;
  char *device_label; /* as users read it, for charts and texts */
  char *jack_id;
  char *jack_name;        /* display name */
  gboolean is_input;      /* an input (the signal arrives) or an output (it leaves) */
  char *cable_id;         /* inputs: the cable the signal arrived by; NULL for outputs */
  char *cable_number;     /* inputs: that cable's number ("A-001"); NULL for outputs */
  double nominal_v;       /* nominal programme level here */
  double peak_v;          /* peak level here */
  double clip_v;          /* inputs: where the input clips; outputs: the most it can put out */
  double noise_v;         /* the noise floor here, NAN when unknown */
  double gain_db;         /* from the previous stage: through the device (to an output) or
                             the cable's loss (to an input); 0 at the first stage */
  double headroom_db;     /* 20·log10(clip / peak): negative when it clips; NAN without clip_v */
  double noise_margin_db; /* 20·log10(nominal / noise); NAN without noise_v */
  guint assumed;          /* RigTraceAssumed */
} RigTraceStage;

typedef struct
{
  RigTraceStage *stages; /* from the source to the listener */
  guint n_stages;
  guint stages_allocated;
  char *source_device_id;
  char *listener_device_id;
  double spl_nominal_db; /* loudness at the listener, dB SPL; NAN when it is not a speaker or
                            headphones, or its figures are unknown */
  double spl_peak_db;
} RigTracePath;

typedef struct
{
  RigTracePath **paths;
  guint n_paths;
  guint paths_allocated;
  /* Set by the validator on the traces it walks for its rules, which live
   * no longer than the check: their strings are the document's own, not
   * copies (rig-trace-private.h). Every other trace owns copies. */
  gboolean borrows_strings;
  /*< private >*/
  gpointer blocks; /* where a borrowing trace keeps its paths (rig-trace.c) */
} RigTrace;

/* Every path of @document from a source to a listener, in a stable order
 * (by source device id, then listener, then the jacks along the way). */
RigTrace *
rig_trace_compute (RigDocument *document);

/* The paths that pass through the device or cable @object_id (a device's or
 * a cable's id); an empty trace when none does or the id is unknown. */
RigTrace *
rig_trace_compute_through (RigDocument *document, const char *object_id);

/* Builders, for the computation and for tests. */
RigTrace *
rig_trace_new (void);
void
rig_trace_free (RigTrace *trace);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigTrace, rig_trace_free)

/* A new empty path appended to @trace, owned by it. */
RigTracePath *
rig_trace_add_path (RigTrace *trace, const char *source_device_id, const char *listener_device_id);
/* Appends a copy of @stage (its strings copied) and returns it. */
RigTraceStage *
rig_trace_path_add_stage (RigTracePath *path, const RigTraceStage *stage);

/* A stage with every figure NAN, no strings and nothing assumed. */
void
rig_trace_stage_init (RigTraceStage *stage);

G_END_DECLS
