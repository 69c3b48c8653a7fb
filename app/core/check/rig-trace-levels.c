/* rig-trace-levels.c: the level at each stage of a path (physics.md §9):
 * what a source puts out, what a cable loses, what a device's route does to
 * the level, and how loud the listener plays. The walk over paths is in
 * rig-trace-walk.c. */
#include "config.h"

#include <math.h>

#include "rig-levels.h"
#include "rig-loudness.h"
#include "rig-trace-private.h"

#define DB_TO_RATIO(db) pow (10, (db) / 20)

/* The peaks a source sends above its nominal level when a class states no
 * typical peak (a mic): the headroom of the loudness target (§5.1). */
#define SOURCE_CREST_DB RIG_LOUDNESS_HEADROOM_DB

/* A passive DI box's transformer steps a line or instrument signal down to
 * mic level, about 10:1 (physics.md §9). */
#define PASSIVE_DI_DB (-20.0)

static gboolean
is_digital (RigSignal signal)
{
  return signal == RIG_SIGNAL_SPDIF || signal == RIG_SIGNAL_USB_AUDIO
         || signal == RIG_SIGNAL_BLUETOOTH;
}

static void
stage_at (RigRegion *region, guint node, RigTraceStage *stage)
{
  RigDevNode *dev = region->node_dev[node];
  const RigJack *jack = rig_node_jack_spec (region, node);

  rig_trace_stage_init (stage);
  stage->device_id = dev->device->id;
  stage->device_label = (char *) rig_text_label (dev);
  stage->jack_id = jack->id;
  stage->jack_name = (char *) rig_jack_get_display_name (jack);
}

static void
stage_finish (RigTraceStage *stage)
{
  if (rig_figure_is_set (stage->clip_v) && rig_figure_is_set (stage->peak_v) && stage->peak_v > 0)
    stage->headroom_db = 20 * log10 (stage->clip_v / stage->peak_v);
  if (rig_figure_is_set (stage->noise_v) && rig_figure_is_set (stage->nominal_v)
      && stage->noise_v > 0)
    stage->noise_margin_db = 20 * log10 (stage->nominal_v / stage->noise_v);
}

/* The output's rated swing: V = sqrt(P·R) at its first rating (§5.1). */
static double
rated_volts (const RigJack *jack)
{
  if (jack->n_ratings == 0 || !(jack->ratings[0].watts > 0) || !(jack->ratings[0].load_ohms > 0))
    return NAN;
  return sqrt (jack->ratings[0].watts * jack->ratings[0].load_ohms);
}

/* An output's own levels: what a source, or a device that makes a new
 * signal (a DAC), puts out. */
static void
own_levels (const RigJack *jack, RigTraceStage *stage)
{
  gboolean assumed = FALSE;
  double peak = NAN, nominal;

  if (is_digital (jack->signal) || jack->signal == RIG_SIGNAL_POWER)
    return;
  if (rig_figure_is_set (jack->max_output_voltage) && jack->max_output_voltage > 0)
    peak = jack->max_output_voltage;
  else if (rig_figure_is_set (rated_volts (jack)))
    peak = rated_volts (jack);
  else if (rig_figure_is_set (rig_level_peak_volts (jack->signal)))
    peak = rig_level_source_peak (jack, jack->signal, &assumed);
  stage->clip_v = peak;
  if (rig_figure_is_set (jack->nominal_level) && jack->nominal_level > 0)
    nominal = jack->nominal_level;
  else
    {
      nominal = rig_level_programme_nominal (jack->signal, peak);
      stage->assumed |= RIG_TRACE_ASSUMED_NOMINAL;
    }
  if (!rig_figure_is_set (peak))
    {
      /* A class with no typical peak (a mic): peaks above its nominal level. */
      peak = nominal * DB_TO_RATIO (SOURCE_CREST_DB);
      assumed = TRUE;
    }
  if (assumed)
    stage->assumed |= RIG_TRACE_ASSUMED_PEAK | RIG_TRACE_ASSUMED_CLIP;
  stage->nominal_v = nominal;
  stage->peak_v = peak;
  stage->noise_v = jack->noise_level;
}

void
_rig_trace_source_stage (RigRegion *region, guint node, RigTraceStage *stage)
{
  RigJack jack = *rig_node_jack_spec (region, node);

  /* A headset's plug sends its mic on the mic contact only (§3.1). */
  if (!(rig_region_contacts (region, node) & RIG_CONTACT_SEND_MAIN))
    {
      jack.signal = RIG_SIGNAL_MIC;
      jack.max_output_voltage = NAN;
    }
  stage_at (region, node, stage);
  own_levels (&jack, stage);
  stage->gain_db = 0;
  stage_finish (stage);
}

/* What the input @snk presents to the line: a speaker net's load, a
 * listener's impedance, else its input impedance (may be NAN). */
static double
load_of (RigRegion *region, guint snk)
{
  const RigJack *jack = rig_node_jack_spec (region, snk);
  RigDevNode *dev = region->node_dev[snk];
  RigCategory category = rig_dev_category (dev);

  if (jack->signal == RIG_SIGNAL_SPEAKER && region->net_of[snk] != RIG_NO_NET)
    {
      double load = rig_region_net_load (region, region->net_of[snk]);
      if (isfinite (load) && load > 0)
        return load;
    }
  if (category == RIG_CATEGORY_PASSIVE_SPEAKER || category == RIG_CATEGORY_HEADPHONES)
    return rig_speaker_impedance (dev, jack);
  return jack->input_impedance;
}

void
_rig_trace_input_controls (RigRegion *region, guint node, RigTraceInputControls *out)
{
  RigDevNode *dev = region->node_dev[node];
  const RigDeviceModel *model = dev->device->model;
  int jack = rig_node_jack (region, node);

  *out = (RigTraceInputControls){ 0, -1, 0 };
  for (guint r = 0; r < dev->info->n_routes; r++)
    {
      double makeup = 0;

      for (guint c = 0; dev->info->route_from[r] == jack && model->routes[r].controls != NULL
                        && model->routes[r].controls[c] != NULL;
           c++)
        {
          int i = rig_device_model_control_index (model, model->routes[r].controls[c]);
          double setting;

          if (i < 0)
            continue;
          setting = rig_device_get_control_db (dev->device, (guint) i);
          if (model->controls[i].kind != RIG_CONTROL_PAD)
            makeup += model->controls[i].max_db - setting;
          else if (setting == model->controls[i].max_db && out->idle_pad < 0)
            out->idle_pad = i;
          else
            out->engaged_pad_db = MAX (out->engaged_pad_db, -setting);
        }
      out->makeup_db = MAX (out->makeup_db, makeup);
    }
}

/* @volts, at most @limit; unknown (a digital stage) stays unknown, where
 * MIN() would make it the limit. */
static double
capped (double volts, double limit)
{
  return isnan (volts) ? NAN : MIN (volts, limit);
}

void
_rig_trace_input_stage (RigRegion *region, guint src, guint snk, const RigTraceStage *from,
                        RigTraceStage *stage)
{
  const RigJack *out = rig_node_jack_spec (region, src);
  const RigJack *in = rig_node_jack_spec (region, snk);
  double zo = out->output_impedance, zin = load_of (region, snk);
  double gain = 0, limit = from->clip_v;
  gboolean assumed = FALSE;
  g_autoptr (GPtrArray) cables = NULL;
  RigTraceInputControls controls;

  stage_at (region, snk, stage);
  stage->is_input = TRUE;
  cables = rig_region_net_path (region, src, snk);
  if (cables->len > 0)
    {
      RigCabNode *cable = g_ptr_array_index (cables, cables->len - 1);
      stage->cable_id = cable->cable->id;
      stage->cable_number = cable->cable->number;
    }
  /* The divider of output and input impedance (§6.1). */
  if (rig_figure_is_set (zo) && zo > 0 && rig_figure_is_set (zin) && zin > 0)
    gain = 20 * log10 (zin / (zin + zo));
  stage->gain_db = gain;
  /* An output gives no more than its maximum: beyond it, it clips itself. */
  if (!rig_figure_is_set (limit))
    limit = INFINITY;
  stage->nominal_v = capped (from->nominal_v, limit) * DB_TO_RATIO (gain);
  stage->peak_v = capped (from->peak_v, limit) * DB_TO_RATIO (gain);
  stage->noise_v = from->noise_v * DB_TO_RATIO (gain);
  stage->assumed = from->assumed & ~(guint) RIG_TRACE_ASSUMED_CLIP;
  if (rig_jack_is_input (in)
      && rig_dev_category (region->node_dev[snk]) != RIG_CATEGORY_PASSIVE_SPEAKER
      && rig_dev_category (region->node_dev[snk]) != RIG_CATEGORY_HEADPHONES)
    {
      /* A pad sits before the preamp: engaged, it lifts the clipping point. */
      _rig_trace_input_controls (region, snk, &controls);
      stage->clip_v = rig_level_input_clip (in, &assumed) * DB_TO_RATIO (controls.engaged_pad_db);
    }
  if (assumed)
    stage->assumed |= RIG_TRACE_ASSUMED_CLIP;
  stage_finish (stage);
}

int
_rig_trace_find_route (const RigDevNode *dev, int from, int to)
{
  for (guint r = 0; r < dev->info->n_routes; r++)
    if (dev->info->route_from[r] == from && dev->info->route_to[r] == to)
      return (int) r;
  return -1;
}

gboolean
_rig_trace_is_listener (const RigRegion *region, guint node)
{
  RigCategory category = rig_dev_category (region->node_dev[node]);

  return category == RIG_CATEGORY_PASSIVE_SPEAKER || category == RIG_CATEGORY_ACTIVE_SPEAKER
         || category == RIG_CATEGORY_HEADPHONES;
}

static gboolean
is_passive (const RigDevNode *dev)
{
  double power = rig_device_get_figure (dev->device, RIG_FIGURE_POWER_SOURCE);

  return rig_dev_category (dev) == RIG_CATEGORY_ADAPTER
         || (rig_figure_is_set (power) && power == RIG_POWER_SOURCE_NONE);
}

/* The sum of the route's controls as set, or with @at_max each at its
 * maximum (0 without controls). */
static double
controls_db (const RigDevice *device, const RigRoute *route, gboolean at_max)
{
  RigRoute bare = *route;
  double sum = 0;

  if (route->controls == NULL)
    return 0;
  if (!at_max)
    {
      bare.gain_db = 0;
      return rig_device_route_gain_db (device, &bare);
    }
  for (guint c = 0; route->controls[c] != NULL; c++)
    {
      int i = rig_device_model_control_index (device->model, route->controls[c]);

      if (i >= 0)
        sum += device->model->controls[i].max_db;
    }
  return sum;
}

/* Scales @from's levels by @gain_db into @stage. */
static void
pass (const RigTraceStage *from, double gain_db, RigTraceStage *stage)
{
  stage->nominal_v = from->nominal_v * DB_TO_RATIO (gain_db);
  stage->peak_v = from->peak_v * DB_TO_RATIO (gain_db);
  stage->noise_v = from->noise_v * DB_TO_RATIO (gain_db);
  stage->gain_db = gain_db;
  stage->assumed |= from->assumed & ~(guint) RIG_TRACE_ASSUMED_CLIP;
}

/* An amplifier: the gain that takes its input sensitivity to its rated
 * output, V_out = sqrt(P·R) (§5.1, §9). */
static gboolean
amplifier_gain (const RigDevNode *dev, const RigJack *in, const RigJack *out, double *gain,
                gboolean *assumed)
{
  double volts = rated_volts (out);
  RigCategory category = rig_dev_category (dev);
  double sensitivity;
  gboolean line_in = in->signal == RIG_SIGNAL_LINE_CONSUMER || in->signal == RIG_SIGNAL_LINE_PRO
                     || in->signal == RIG_SIGNAL_HEADPHONE;

  if (!rig_figure_is_set (volts))
    return FALSE;
  if (!rig_figure_is_set (in->input_sensitivity)
      && !(line_in
           && (out->signal == RIG_SIGNAL_SPEAKER || category == RIG_CATEGORY_AMPLIFIER
               || category == RIG_CATEGORY_HEADPHONE_AMPLIFIER)))
    return FALSE;
  sensitivity = rig_level_amp_sensitivity (in, assumed);
  *gain = 20 * log10 (volts / sensitivity);
  return TRUE;
}

void
_rig_trace_device_stage (RigRegion *region, guint in, guint out, int route,
                         const RigTraceStage *from, gboolean at_max, RigTraceStage *stage)
{
  RigDevNode *dev = region->node_dev[out];
  const RigJack *ijack = rig_node_jack_spec (region, in);
  const RigJack *ojack = rig_node_jack_spec (region, out);
  const RigRoute *rt = &dev->device->model->routes[route];
  double controls = controls_db (dev->device, rt, at_max);
  /* The route's fixed gain and its controls (rig_device_route_gain_db). */
  double fixed = isnan (rt->gain_db) && rt->controls == NULL
                     ? NAN
                     : (isnan (rt->gain_db) ? 0 : rt->gain_db) + controls;
  double gain;
  gboolean assumed = FALSE;

  stage_at (region, out, stage);
  if (is_digital (ijack->signal) || is_digital (ojack->signal))
    {
      /* A new signal: a DAC's output has its own level, then its volume. */
      own_levels (ojack, stage);
      stage->nominal_v *= DB_TO_RATIO (controls);
      stage->peak_v *= DB_TO_RATIO (controls);
      stage->gain_db = NAN;
    }
  else if (!rig_figure_is_set (rt->gain_db) && amplifier_gain (dev, ijack, ojack, &gain, &assumed))
    pass (from, gain + controls, stage);
  else if (rig_figure_is_set (fixed))
    pass (from, fixed, stage);
  else if (is_passive (dev) && ijack->signal != ojack->signal && ojack->signal == RIG_SIGNAL_MIC)
    {
      pass (from, PASSIVE_DI_DB, stage);
      assumed = TRUE;
    }
  else if (is_passive (dev))
    pass (from, 0, stage);
  else
    {
      /* An active device that states no gain: its output's own level. */
      own_levels (ojack, stage);
      stage->gain_db = NAN;
      assumed = TRUE;
    }
  if (assumed)
    stage->assumed |= RIG_TRACE_ASSUMED_GAIN;
  /* The most the output can give. */
  if (rig_figure_is_set (ojack->max_output_voltage) && ojack->max_output_voltage > 0)
    stage->clip_v = ojack->max_output_voltage;
  else if (rig_figure_is_set (rated_volts (ojack)))
    stage->clip_v = rated_volts (ojack);
  else if (!is_passive (dev) && rig_figure_is_set (rig_level_peak_volts (ojack->signal)))
    {
      stage->clip_v = rig_level_peak_volts (ojack->signal);
      stage->assumed |= RIG_TRACE_ASSUMED_CLIP;
    }
  else
    stage->clip_v = NAN;
  if (rig_figure_is_set (ojack->noise_level))
    stage->noise_v = rig_figure_is_set (stage->noise_v) ? hypot (stage->noise_v, ojack->noise_level)
                                                        : ojack->noise_level;
  stage_finish (stage);
}

void
_rig_trace_loudness (RigRegion *region, guint node, RigTracePath *path)
{
  RigDevNode *dev = region->node_dev[node];
  const RigJack *jack = rig_node_jack_spec (region, node);
  const RigTraceStage *last = &path->stages[path->n_stages - 1];
  double sens = rig_device_get_figure (dev->device, RIG_FIGURE_SENSITIVITY);
  double z = rig_speaker_impedance (dev, jack);
  double metres = rig_loudness_distance (region, dev, NULL);

  if (!rig_figure_is_set (sens) || !rig_figure_is_set (last->nominal_v))
    return;
  switch (rig_dev_category (dev))
    {
      case RIG_CATEGORY_PASSIVE_SPEAKER:
        if (!rig_figure_is_set (z) || z <= 0)
          return;
        path->spl_nominal_db
            = rig_loudness_speaker_spl (sens, last->nominal_v * last->nominal_v / z, metres);
        path->spl_peak_db
            = rig_loudness_speaker_spl (sens, last->peak_v * last->peak_v / z, metres);
        break;
      case RIG_CATEGORY_HEADPHONES:
        if (!rig_figure_is_set (z) || z <= 0)
          return;
        path->spl_nominal_db
            = rig_loudness_headphone_spl (sens, last->nominal_v * last->nominal_v / z);
        path->spl_peak_db = rig_loudness_headphone_spl (sens, last->peak_v * last->peak_v / z);
        break;
      case RIG_CATEGORY_ACTIVE_SPEAKER:
        {
          /* Its own amplifier: rated power at its input sensitivity. */
          double watts = rig_device_get_figure (dev->device, RIG_FIGURE_AMP_POWER);
          gboolean assumed;
          double s_in = rig_level_amp_sensitivity (jack, &assumed);
          double pn, pp;

          if (!rig_figure_is_set (watts) || watts <= 0)
            return;
          pn = MIN (watts, watts * pow (last->nominal_v / s_in, 2));
          pp = MIN (watts, watts * pow (last->peak_v / s_in, 2));
          path->spl_nominal_db = rig_loudness_speaker_spl (sens, pn, metres);
          path->spl_peak_db = rig_loudness_speaker_spl (sens, pp, metres);
          break;
        }
      default:
        break;
    }
}
