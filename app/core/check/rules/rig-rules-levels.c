/* rig-rules-levels.c: the level rules (physics.md §9): signal.clipping, a
 * stage whose peaks pass the next input's clipping point or the most its
 * output can give, and signal.level-mismatch, too little level for the next
 * stage. Both judge the region's level trace (rig-trace-private.h) and speak
 * once per jack, of the worst path through it. */
#include "config.h"

#include <math.h>

#include "rig-levels.h"
#include "rig-rule-i18n.h"
#include "rig-rules.h"
#include "rig-trace-private.h"

/* Clipping by less than this is rounding, not a verdict; where the clipping
 * point is a class's typical figure (consumer inputs clip anywhere from 2 V
 * to 4 V and more), only clipping by more than its spread is (§9). */
#define CLIP_MARGIN_DB 0.5
#define CLIP_MARGIN_ASSUMED_DB 6.0
/* A level short of the next stage's by this much is worth a note; by the
 * second, a warning (physics.md §9). */
#define SHORT_INFO_DB 6.0
#define SHORT_WARNING_DB 10.0

typedef struct
{
  guint path, stage;
  double db; /* over (clipping) or short (mismatch) */
} Worst;

static RigTraceRef *
refs_of (RigRegionTrace *rt, guint path)
{
  return g_ptr_array_index (rt->refs, path);
}

/* Keeps the worst stage of each jack (largest @db). */
static void
keep_worst (GHashTable *worst, guint node, guint path, guint stage, double db)
{
  Worst *w = g_hash_table_lookup (worst, GUINT_TO_POINTER (node + 1));

  if (w != NULL && w->db >= db)
    return;
  if (w == NULL)
    {
      w = g_new (Worst, 1);
      g_hash_table_insert (worst, GUINT_TO_POINTER (node + 1), w);
    }
  *w = (Worst){ path, stage, db };
}

static const char *
assumed_note (guint assumed)
{
  if (assumed
      & (RIG_TRACE_ASSUMED_CLIP | RIG_TRACE_ASSUMED_PEAK | RIG_TRACE_ASSUMED_NOMINAL
         | RIG_TRACE_ASSUMED_GAIN))
    return _ (" Some of these figures are typical values for their kind of jack, assumed where "
              "the catalog does not state them.");
  return "";
}

/* "0.32 V (−7.8 dBu)"; the emitters take it through
 * rig_region_number_text(). */
static char *
volts_dbu (double volts)
{
  g_autofree char *v = rig_text_volts (volts);
  g_autofree char *dbu = rig_text_db (rig_level_dbu (volts));

  return g_strdup_printf (_ ("%s (%s dBu)"), v, dbu);
}

/* The device stage upstream of @stage (excluded) whose route has a volume or
 * gain control that can come down by @db; -1 if none. *@control gets it. */
static int
control_to_lower (RigRegion *region, RigRegionTrace *rt, guint path, guint stage, double db,
                  int *control)
{
  RigTraceRef *refs = refs_of (rt, path);

  for (int s = (int) stage; s >= 0; s--)
    {
      RigDevNode *dev = region->node_dev[refs[s].node];
      const RigRoute *route;

      if (refs[s].route < 0)
        continue;
      route = &dev->device->model->routes[refs[s].route];
      for (guint c = 0; route->controls != NULL && route->controls[c] != NULL; c++)
        {
          int i = rig_device_model_control_index (dev->device->model, route->controls[c]);
          const RigControl *ctl = i >= 0 ? &dev->device->model->controls[i] : NULL;

          if (ctl != NULL && ctl->kind != RIG_CONTROL_PAD
              && rig_device_get_control_db (dev->device, (guint) i) - db >= ctl->min_db)
            {
              *control = i;
              return s;
            }
        }
    }
  return -1;
}

/* "Cable A-003: Phone headphone out → Recorder aux in", as a link's
 * diagnostics begin. */
static char *
link_head (RigRegion *region, GPtrArray *cables, guint src, guint snk)
{
  g_autofree char *from = rig_text_jack (region->node_dev[src], rig_node_jack (region, src));
  g_autofree char *to = rig_text_jack (region->node_dev[snk], rig_node_jack (region, snk));
  g_autofree char *title = NULL;

  if (cables->len == 0)
    return g_strdup_printf (_ ("%s → %s"), from, to);
  title = rig_text_cable_title (g_ptr_array_index (cables, cables->len - 1));
  /* Translators: a cable, then the jacks it joins. */
  return g_strdup_printf (_ ("%s: %s → %s"), title, from, to);
}

static char *
clipping_fix (RigRegion *region, RigRegionTrace *rt, guint path, guint stage, double over)
{
  RigTraceRef *refs = refs_of (rt, path);
  const char *by = rig_region_number_text (region, rig_text_db, ceil (over));
  int control = -1, at = control_to_lower (region, rt, path, stage, ceil (over), &control);
  RigTraceInputControls input = { 0, -1, 0 };
  int pad;

  if (refs[stage].route < 0)
    _rig_trace_input_controls (region, refs[stage].node, &input);
  pad = input.idle_pad;
  const RigTraceStage *st = &rt->trace->paths[path]->stages[stage];

  if (at >= 0)
    {
      RigDevNode *dev = region->node_dev[refs[at].node];
      const RigControl *ctl = &dev->device->model->controls[control];
      double now = rig_device_get_control_db (dev->device, (guint) control);
      const char *from = rig_region_number_text (region, rig_text_db, now);
      const char *to = rig_region_number_text (region, rig_text_db, now - ceil (over));

      return g_strdup_printf (_ ("Turn %s on %s down by at least %s dB (from %s dB to %s dB)."),
                              rig_control_get_display_name (ctl), rig_text_label (dev), by, from,
                              to);
    }
  if (pad >= 0)
    {
      RigDevNode *dev = region->node_dev[refs[stage].node];
      const RigControl *ctl = &dev->device->model->controls[pad];
      const char *pad_db = rig_region_number_text (region, rig_text_db, ctl->min_db);

      return g_strdup_printf (_ ("Engage %s on %s (%s dB)."), rig_control_get_display_name (ctl),
                              rig_text_label (dev), pad_db);
    }
  if (st->is_input)
    return g_strdup_printf (_ ("Turn the source down by at least %s dB (a phone or player to "
                               "about half volume), put a %s dB attenuator in the cable, or use an "
                               "input made for this level (a pro line input)."),
                            by, by);
  return g_strdup_printf (_ ("Turn the level feeding %s down by at least %s dB."), st->device_label,
                          by);
}

static void
emit_clipping (RigRegion *region, RigRegionTrace *rt, const Worst *w)
{
  const RigTracePath *path = rt->trace->paths[w->path];
  const RigTraceStage *st = &path->stages[w->stage];
  RigTraceRef *refs = refs_of (rt, w->path);
  RigDevNode *dev = region->node_dev[refs[w->stage].node];
  g_autofree char *jack = rig_text_jack (dev, rig_node_jack (region, refs[w->stage].node));
  const char *over = rig_region_number_text (region, rig_text_db, w->db);
  const char *peak = rig_region_number_text (region, volts_dbu, st->peak_v);
  const char *clip = rig_region_number_text (region, volts_dbu, st->clip_v);
  gboolean always = st->nominal_v > st->clip_v;
  RigDiagBuilder b;
  char *message, *why;

  rig_diag_init (&b);
  rig_diag_add_jack (&b, dev, rig_node_jack (region, refs[w->stage].node));
  if (st->is_input && w->stage > 0)
    {
      guint src = refs[w->stage - 1].node;
      g_autoptr (GPtrArray) cables = rig_region_net_path (region, src, refs[w->stage].node);
      g_autofree char *head = link_head (region, cables, src, refs[w->stage].node);

      rig_diag_add_jack (&b, region->node_dev[src], rig_node_jack (region, src));
      rig_diag_add_path (&b, cables);
      message = g_strdup_printf (_ ("%s: peaks %s dB over the input's clipping point"), head, over);
      why = g_strdup_printf (_ ("%s reaches this input with peaks of %s; it clips at %s, %s dB "
                                "lower.%s"),
                             path->stages[0].device_label, peak, clip, over,
                             assumed_note (st->assumed));
    }
  else
    {
      rig_diag_add_device (&b, dev);
      message = g_strdup_printf (_ ("%s: the signal is %s dB over what the output can give"), jack,
                                 over);
      why = g_strdup_printf (_ ("As its controls are set, %s would put out peaks of %s; its output "
                                "gives at most %s.%s"),
                             st->device_label, peak, clip, assumed_note (st->assumed));
    }
  rig_diag_emit (region, &b, RIG_CODE_SIGNAL_CLIPPING, RIG_SEVERITY_WARNING, message, why,
                 g_strdup (always ? _ ("Distorted all the time: even the average level clips.")
                                  : _ ("Harsh, crackling distortion on every loud passage.")),
                 clipping_fix (region, rt, w->path, w->stage, w->db));
}

/* Whether the verdict belongs to another rule: a speaker output into a line
 * input (signal.speaker-into-line), a line into a mic input
 * (signal.line-into-mic). */
static gboolean
judged_elsewhere (RigRegion *region, guint src, guint snk)
{
  RigSignal from = rig_node_jack_spec (region, src)->signal;
  RigSignal to = rig_node_jack_spec (region, snk)->signal;

  return from == RIG_SIGNAL_SPEAKER || (to == RIG_SIGNAL_MIC) != (from == RIG_SIGNAL_MIC)
         || (to == RIG_SIGNAL_PHONO) != (from == RIG_SIGNAL_PHONO)
         || (from == RIG_SIGNAL_INSTRUMENT && to != RIG_SIGNAL_INSTRUMENT);
}

static gboolean
route_has_controls (RigRegion *region, const RigTraceRef *ref)
{
  RigDevNode *dev = region->node_dev[ref->node];

  return ref->route >= 0 && dev->device->model->routes[ref->route].controls != NULL;
}

static void
emit_sorted (RigRegion *region, RigRegionTrace *rt, GHashTable *worst,
             void (*emit) (RigRegion *, RigRegionTrace *, const Worst *))
{
  g_autofree guint *nodes = g_new (guint, g_hash_table_size (worst) + 1);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, worst);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    nodes[n++] = GPOINTER_TO_UINT (key) - 1;
  rig_region_sort_nodes (region, nodes, n);
  for (guint i = 0; i < n; i++)
    emit (region, rt, g_hash_table_lookup (worst, GUINT_TO_POINTER (nodes[i] + 1)));
}

/* A stage's verdict: how many dB over (clipping) or short (mismatch), NAN
 * for none. */
typedef double (*StageJudge) (RigRegion *region, const RigTraceStage *st, const RigTraceRef *refs,
                              guint s);

/* Judges every stage of every path of @region (the first, a source, has
 * nothing before it) and emits the worst verdict of each jack. */
static void
judge_paths (RigRegion *region, StageJudge judge,
             void (*emit) (RigRegion *, RigRegionTrace *, const Worst *))
{
  RigRegionTrace *rt = rig_region_get_trace (region);
  g_autoptr (GHashTable) worst = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint p = 0; p < rt->trace->n_paths; p++)
    for (guint s = 1; s < rt->trace->paths[p]->n_stages; s++)
      {
        RigTraceRef *refs = refs_of (rt, p);
        double db = judge (region, &rt->trace->paths[p]->stages[s], refs, s);

        if (isfinite (db))
          keep_worst (worst, refs[s].node, p, s, db);
      }
  emit_sorted (region, rt, worst, emit);
}

static double
clipping (RigRegion *region, const RigTraceStage *st, const RigTraceRef *refs, guint s)
{
  double margin = (st->assumed & RIG_TRACE_ASSUMED_CLIP) ? CLIP_MARGIN_ASSUMED_DB : CLIP_MARGIN_DB;

  if (!isfinite (st->headroom_db) || st->headroom_db > -margin)
    return NAN;
  if (st->is_input && judged_elsewhere (region, refs[s - 1].node, refs[s].node))
    return NAN;
  /* A device clips inside only where a control is set too high, and a line
   * into a mic input is signal.line-into-mic's. */
  if (!st->is_input
      && (!route_has_controls (region, &refs[s])
          || (s >= 2 && judged_elsewhere (region, refs[s - 2].node, refs[s - 1].node))))
    return NAN;
  return -st->headroom_db;
}

/* signal.clipping (physics.md §4.1, §9). */
void
rig_rule_signal_clipping (RigRegion *region)
{
  judge_paths (region, clipping, emit_clipping);
}

/* The gain the controls after the input @node can still add. */
static double
makeup_db (RigRegion *region, guint node)
{
  RigTraceInputControls input;

  _rig_trace_input_controls (region, node, &input);
  return input.makeup_db;
}

/* How far the level reaching input @s of @path falls short: of an
 * amplifier's stated sensitivity (peaks), else of a line input's design
 * level (nominal). NAN when it does not; *@what gets the level wanted. */
static double
shortfall (RigRegion *region, const RigTraceStage *st, guint src, guint node, double *wanted,
           gboolean *is_amp, gboolean *assumed)
{
  const RigJack *jack = rig_node_jack_spec (region, node);
  RigSignal from = rig_node_jack_spec (region, src)->signal;

  *assumed = FALSE;
  *is_amp = rig_figure_is_set (jack->input_sensitivity) && jack->input_sensitivity > 0;
  if (*is_amp)
    {
      *wanted = jack->input_sensitivity;
      return 20 * log10 (*wanted / st->peak_v);
    }
  *wanted = rig_level_input_nominal (jack, assumed);
  /* A class's design level is a verdict only for the classic mismatch: a
   * consumer source into a pro input. */
  if (!rig_figure_is_set (*wanted)
      || (*assumed
          && !(jack->signal == RIG_SIGNAL_LINE_PRO
               && (from == RIG_SIGNAL_LINE_CONSUMER || from == RIG_SIGNAL_HEADPHONE))))
    return NAN;
  return 20 * log10 (*wanted / st->nominal_v);
}

static void
emit_mismatch (RigRegion *region, RigRegionTrace *rt, const Worst *w)
{
  const RigTracePath *path = rt->trace->paths[w->path];
  const RigTraceStage *st = &path->stages[w->stage];
  RigTraceRef *refs = refs_of (rt, w->path);
  guint snk = refs[w->stage].node, src = refs[w->stage - 1].node;
  g_autoptr (GPtrArray) cables = rig_region_net_path (region, src, snk);
  g_autofree char *head = link_head (region, cables, src, snk);
  const char *short_t = rig_region_number_text (region, rig_text_db, w->db);
  gboolean is_amp, assumed;
  double wanted;
  const char *wanted_t, *have_t;
  RigDiagBuilder b;
  char *why, *hear, *fix;

  shortfall (region, st, src, snk, &wanted, &is_amp, &assumed);
  wanted_t = rig_region_number_text (region, volts_dbu, wanted);
  have_t = rig_region_number_text (region, volts_dbu, is_amp ? st->peak_v : st->nominal_v);
  rig_diag_init (&b);
  rig_diag_add_jack (&b, region->node_dev[src], rig_node_jack (region, src));
  rig_diag_add_jack (&b, region->node_dev[snk], rig_node_jack (region, snk));
  rig_diag_add_path (&b, cables);
  if (is_amp)
    {
      why = g_strdup_printf (_ ("%s needs %s at its input for its rated power; %s's peaks reach "
                                "only %s here, %s dB short.%s"),
                             st->device_label, wanted_t, path->stages[0].device_label, have_t,
                             short_t, assumed_note (st->assumed));
      hear = g_strdup (_ ("Even at full volume the amplifier never reaches its power: quieter "
                          "than it should be."));
      fix = g_strdup (_ ("Feed it a stronger source (a preamp or a mixer's line out), or use an "
                         "amplifier whose input sensitivity suits this source."));
    }
  else
    {
      why = g_strdup_printf (_ ("This input is made for about %s; the signal arrives at %s, %s dB "
                                "short, and nothing after it can make that up.%s%s"),
                             wanted_t, have_t, short_t,
                             assumed ? _ (" The input's design level is assumed from its kind.")
                                     : "",
                             assumed_note (st->assumed));
      hear = g_strdup (_ ("Quiet, and turned up, noisy: the hiss of the stages after it rises "
                          "with the volume."));
      fix = g_strdup_printf (_ ("Add %s dB of gain before this input (a preamp, a mixer, or a "
                                "consumer-to-pro level converter), or use an input made for a "
                                "consumer level."),
                             short_t);
    }
  rig_diag_emit (
      region, &b, RIG_CODE_SIGNAL_LEVEL_MISMATCH,
      w->db >= SHORT_WARNING_DB ? RIG_SEVERITY_WARNING : RIG_SEVERITY_INFO,
      g_strdup_printf (_ ("%s: the level is %s dB short of what the input wants"), head, short_t),
      why, hear, fix);
}

static double
mismatch (RigRegion *region, const RigTraceStage *st, const RigTraceRef *refs, guint s)
{
  RigCategory category = rig_dev_category (region->node_dev[refs[s].node]);
  gboolean is_amp, assumed;
  double wanted, db;

  if (!st->is_input || !isfinite (st->nominal_v) || st->nominal_v <= 0
      || judged_elsewhere (region, refs[s - 1].node, refs[s].node)
      || category == RIG_CATEGORY_PASSIVE_SPEAKER || category == RIG_CATEGORY_HEADPHONES)
    return NAN;
  db = shortfall (region, st, refs[s - 1].node, refs[s].node, &wanted, &is_amp, &assumed);
  if (!isfinite (db) || db < SHORT_INFO_DB || (!is_amp && makeup_db (region, refs[s].node) >= db))
    return NAN;
  return db;
}

/* signal.level-mismatch (physics.md §4.1, §9). */
void
rig_rule_signal_level_mismatch (RigRegion *region)
{
  judge_paths (region, mismatch, emit_mismatch);
}
