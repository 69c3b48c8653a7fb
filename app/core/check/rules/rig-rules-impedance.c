/* rig-rules-impedance.c: loads, dividers and drive.
 *
 * impedance.below-minimum-load physics.md §6.2 (minimum load; parallel
 *                              1/Z = Σ 1/Zi, series Z = Σ Zi)
 * impedance.damping            physics.md §6.3 (rule of eighths; judged by
 *                              the level swing across the speaker's curve)
 * impedance.bridging           physics.md §6.1 (input ≥ 10x the source, 2x for
 *                              mic links; error below 1x; loss =
 *                              20·log10(Zin / (Zin + Zout)))
 * impedance.headphone-drive    physics.md §6.4 (P = 10^((L - S)/10) mW,
 *                              V = sqrt(P/1000·Z), L = 100 dB SPL)
 * impedance.headphone-output   physics.md §6.4 (headphones ≥ 8x the output
 *                              impedance; judged by the level swing across
 *                              the headphones' curve)
 * impedance.parallel-load      physics.md §6.2 (splitters and daisy chains)
 *
 * The load of a speaker net is every speaker input on it in parallel; a
 * speaker adapter wired in series (an adapter model with the keyword
 * "series") adds the loads of the nets on its outputs.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-loudness.h"
#include "rig-rule-i18n.h"
#include "rig-rules.h"
#include "rig-trace-private.h"

gboolean
rig_region_is_speaker_load (const RigRegion *region, guint node)
{
  const RigJack *jack = rig_node_jack_spec (region, node);
  return !(rig_node_jflags (region, node) & RIG_JACK_TRANSIT) && jack->signal == RIG_SIGNAL_SPEAKER
         && rig_jack_is_input (jack);
}

/* The load of a speaker net (physics.md §6.2: speakers in parallel,
 * 1/Z = Σ 1/Zi; in series, Z = Σ Zi): NAN if a speaker's impedance is
 * unknown, INFINITY with no speaker. */
double
rig_region_net_load (RigRegion *region, guint net_id)
{
  RigNet *net = &region->nets[net_id];
  double g = 0;
  gboolean unknown = FALSE, any = FALSE;

  if (net->load_state == 2)
    return net->load;
  if (net->load_state == 1)
    return NAN; /* a loop of series adapters */
  net->load_state = 1;

  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      RigDevNode *dev = region->node_dev[node];
      int j = rig_node_jack (region, node);
      double z;

      if (!rig_region_is_speaker_load (region, node))
        continue;
      if (dev->info->flags & RIG_MODEL_SERIES)
        {
          gboolean open = FALSE, used = FALSE;
          z = 0;
          for (guint r = 0; r < dev->info->n_routes; r++)
            {
              guint out_net;
              double zl;

              if (dev->info->route_from[r] != j || dev->info->route_to[r] < 0)
                continue;
              used = TRUE;
              out_net = region->net_of[rig_node_of (dev, dev->info->route_to[r])];
              zl = out_net == RIG_NO_NET ? INFINITY : rig_region_net_load (region, out_net);
              if (isnan (zl))
                unknown = TRUE;
              else if (isinf (zl))
                open = TRUE;
              else
                z += zl;
            }
          if (!used || open || unknown)
            continue;
        }
      else
        {
          z = rig_speaker_impedance (dev, rig_dev_jack (dev, j));
          if (!rig_figure_is_set (z) || z <= 0)
            {
              unknown = TRUE;
              continue;
            }
        }
      any = TRUE;
      g += 1 / z;
    }

  net->load = unknown ? NAN : !any ? INFINITY : 1 / g;
  net->load_state = 2;
  return net->load;
}

/* ------------------------------------------------------------------ */
/* Amplifier outputs                                                   */

/* The level change across a load's impedance curve on a source of @zout
 * (physics.md §6.3, §6.4): the divider Z / (Z + Zout) at the curve's lowest
 * and highest impedance, in dB. */
static double
swing_db (double zout, double zmin, double zmax)
{
  return 20 * log10 (zmax / (zmax + zout)) - 20 * log10 (zmin / (zmin + zout));
}

/* A level swing from about this many dB across the band is plainly heard
 * (physics.md §6.3, §6.4); below it, a missed rule of eighths is a note. */
#define AUDIBLE_SWING_DB 1.5

/* A speaker's impedance curve, assumed from its nominal figure (physics.md
 * §6.3): a minimum of about 0.8 times and a bass resonance peak of about 3
 * times. */
#define SPEAKER_ZMIN 0.8
#define SPEAKER_ZMAX 3.0

/* impedance.damping (physics.md §6.3: the amplifier's output impedance
 * should be at most 1/8 of the speaker's, a damping factor of 8 or more;
 * what is heard is the level swing across the speaker's curve). */
static void
damping (RigRegion *region, const RigAmpOutput *ctx, RigDevNode *speaker, int sj, GPtrArray *path,
         double z, double volts, gpointer data)
{
  g_autofree char *a = NULL;
  g_autofree char *s = NULL;
  g_autofree char *zo = NULL;
  g_autofree char *zs = NULL;
  g_autofree char *df = NULL;
  g_autofree char *sw = NULL;
  g_autofree char *zlo = NULL;
  g_autofree char *zhi = NULL;
  double swing;
  gboolean audible;
  RigDiagBuilder b;

  if (!rig_figure_is_set (ctx->zout) || ctx->zout <= z / 8)
    return;
  swing = swing_db (ctx->zout, SPEAKER_ZMIN * z, SPEAKER_ZMAX * z);
  audible = swing >= AUDIBLE_SWING_DB;
  a = rig_text_jack (ctx->amp, ctx->amp_jack);
  s = rig_text_jack (speaker, sj);
  zo = rig_text_ohms (ctx->zout);
  zs = rig_text_ohms (z);
  df = rig_text_num (z / ctx->zout);
  sw = rig_text_db (swing);
  zlo = rig_text_ohms (SPEAKER_ZMIN * z);
  zhi = rig_text_ohms (SPEAKER_ZMAX * z);
  rig_diag_init (&b);
  rig_diag_add_path (&b, path);
  rig_diag_add_jack (&b, ctx->amp, ctx->amp_jack);
  rig_diag_add_jack (&b, speaker, sj);
  rig_diag_add_device (&b, ctx->amp);
  rig_diag_emit (
      region, &b, RIG_CODE_IMPEDANCE_DAMPING, audible ? RIG_SEVERITY_WARNING : RIG_SEVERITY_INFO,
      g_strdup_printf (_ ("%s → %s: damping factor %s"), a, s, df),
      g_strdup_printf (_ ("%s has an output impedance of %s and %s is %s: a damping factor of "
                          "%s, below the 8 of the rule of eighths. A speaker's impedance swings "
                          "with frequency, assumed here from about %s to %s at its bass "
                          "resonance; across that swing the level changes by %s dB."),
                       rig_text_label (ctx->amp), zo, rig_text_label (speaker), zs, df, zlo, zhi,
                       sw),
      g_strdup (audible ? _ ("Loose, boomy bass, and a tone that follows the speaker's "
                             "impedance curve.")
                        : _ ("A slight change of tone at most; few would hear it.")),
      g_strdup (audible ? _ ("Use an amplifier with a lower output impedance (solid-state hi-fi "
                             "amps are well under 0.1 Ω), or speakers of higher impedance.")
                        : _ ("Fine as it is; an amplifier with a lower output impedance would "
                             "hold the bass a little tighter.")));
}

void
rig_rule_impedance_damping (RigRegion *region, RigDevNode *dev)
{
  rig_amp_outputs_foreach (region, dev, damping, NULL, NULL);
}

/* impedance.below-minimum-load (physics.md §6.2: the load on an amp channel,
 * its speakers in parallel or in series, must not be below its rated
 * minimum). */
static void
below_minimum (RigRegion *region, const RigAmpOutput *out, gpointer data)
{
  if (!out->too_low)
    return;
  {
    g_autofree char *a = rig_text_jack (out->amp, out->amp_jack);
    g_autofree char *zl = rig_text_ohms (out->load);
    g_autofree char *zm = rig_text_ohms (out->min_load);
    GString *list = g_string_new (NULL);
    RigDiagBuilder b;

    for (guint i = 0; i < out->speakers->len; i++)
      {
        RigDevNode *s = g_ptr_array_index (out->speakers, i);
        int sj = -1;
        g_autofree char *zs = NULL;
        for (guint k = 0; k < s->n_jacks && sj < 0; k++)
          if (rig_dev_jack (s, (int) k)->signal == RIG_SIGNAL_SPEAKER
              && rig_jack_is_input (rig_dev_jack (s, (int) k)))
            sj = (int) k;
        zs = rig_text_ohms (rig_speaker_impedance (s, rig_dev_jack (s, MAX (sj, 0))));
        if (i > 0)
          g_string_append (list, i + 1 == out->speakers->len ? _ (" and ") : ", ");
        g_string_append_printf (list, "%s (%s)", rig_text_label (s), zs);
      }

    rig_diag_init (&b);
    rig_diag_add_device (&b, out->amp);
    rig_diag_add_jack (&b, out->amp, out->amp_jack);
    for (guint i = 0; i < out->speakers->len; i++)
      rig_diag_add_device (&b, out->speakers->pdata[i]);
    rig_diag_add_path (&b, out->cables);
    rig_diag_emit (
        region, &b, RIG_CODE_IMPEDANCE_BELOW_MINIMUM_LOAD, RIG_SEVERITY_ERROR,
        g_strdup_printf (_ ("%s: a %s load, below its %s minimum"), a, zl, zm),
        g_strdup_printf (_ ("The speakers on this output, %s, make a load of %s (in "
                            "parallel 1/Z = 1/Z1 + 1/Z2 + …, in series Z = Z1 + Z2 + …). "
                            "%s is rated down to %s: a lower load draws more current than "
                            "it can give."),
                         list->str, zl, rig_text_label (out->amp), zm),
        g_strdup (_ ("Sound at first, then distortion, the protection cutting in and out, "
                     "or the amplifier overheating and failing.")),
        g_strdup_printf (_ ("Connect fewer speakers to this output, wire them in series "
                            "instead of parallel, or use an amplifier rated for %s."),
                         zl));
    g_string_free (list, TRUE);
  }
}

void
rig_rule_impedance_below_minimum_load (RigRegion *region, RigDevNode *dev)
{
  rig_amp_outputs_foreach (region, dev, NULL, below_minimum, NULL);
}

/* ------------------------------------------------------------------ */
/* Nets: speaker wire, parallel loads                                  */

static double
sink_load (const RigRegion *region, guint node)
{
  const RigDevNode *dev = region->node_dev[node];
  const RigJack *jack = rig_node_jack_spec (region, node);

  if (rig_dev_category (dev) == RIG_CATEGORY_HEADPHONES)
    {
      double z = rig_device_get_figure (dev->device, RIG_FIGURE_NOMINAL_IMPEDANCE);
      if (rig_figure_is_set (z))
        return z;
    }
  return jack->input_impedance;
}

/* impedance.parallel-load (physics.md §6.2: "Splitters and daisy chains put loads in
 * parallel: the load seen by the source drops and volume with it", article
 * 001): INFO, or WARNING from a 3 dB drop. */
static void
parallel_load (RigRegion *region, guint net_id)
{
  const RigNet *net = &region->nets[net_id];
  guint source = G_MAXUINT, n_sources = 0;
  g_autoptr (GArray) sinks = NULL;
  double g = 0, zmax = 0, zo;
  gboolean known = TRUE;
  RigSeverity severity = RIG_SEVERITY_INFO;
  g_autofree char *title = NULL;
  g_autofree char *src = NULL;
  char *why;
  RigDiagBuilder b;

  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      const RigJack *jack = rig_node_jack_spec (region, node);
      guint8 f = rig_node_jflags (region, node);

      if (!(f & RIG_JACK_AUDIO) || (f & RIG_JACK_TRANSIT) || !rig_signal_is_analog (jack->signal))
        continue;
      if (jack->signal == RIG_SIGNAL_SPEAKER)
        return; /* the amplifier rules judge speaker loads */
      if (rig_jack_is_output (jack) && !(region->node_dev[node]->info->flags & RIG_MODEL_HEADSET))
        {
          source = node;
          n_sources++;
        }
    }
  if (n_sources != 1 || net->n_members < 3)
    return;
  sinks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      const RigJack *jack = rig_node_jack_spec (region, node);
      guint8 f = rig_node_jflags (region, node);
      double z;

      if (node == source || !(f & RIG_JACK_AUDIO) || (f & RIG_JACK_TRANSIT)
          || !rig_signal_is_analog (jack->signal) || !rig_jack_is_input (jack)
          || !rig_region_in_contact (region, source, node))
        continue; /* only the inputs the source's contacts touch load it (§3.1) */
      g_array_append_val (sinks, node);
      z = sink_load (region, node);
      if (!rig_figure_is_set (z) || z <= 0)
        known = FALSE;
      else
        {
          g += 1 / z;
          zmax = MAX (zmax, z);
        }
    }
  if (sinks->len < 2)
    return;

  zo = rig_node_jack_spec (region, source)->output_impedance;
  title = rig_text_cable_title (region->net_cables[net->first_cable]);
  src = rig_text_jack (region->node_dev[source], rig_node_jack (region, source));
  if (known && g > 0)
    {
      double zp = 1 / g;
      g_autofree char *zp_t = rig_text_ohms (zp);
      g_autofree char *zm_t = rig_text_ohms (zmax);
      if (rig_figure_is_set (zo))
        {
          double drop = 20 * log10 ((zp / (zp + zo)) / (zmax / (zmax + zo)));
          g_autofree char *zo_t = rig_text_ohms (zo);
          g_autofree char *db = rig_text_db (fabs (drop));
          if (drop <= -3)
            severity = RIG_SEVERITY_WARNING;
          why = g_strdup_printf (_ ("%s drives %u inputs at once: in parallel they make %s "
                                    "instead of %s for one (1/Z = 1/Z1 + 1/Z2 + …). With its %s "
                                    "output impedance the level drops about %s dB."),
                                 src, sinks->len, zp_t, zm_t, zo_t, db);
        }
      else
        why = g_strdup_printf (_ ("%s drives %u inputs at once: in parallel they make %s instead "
                                  "of %s for one (1/Z = 1/Z1 + 1/Z2 + …), and the level drops "
                                  "with the load."),
                               src, sinks->len, zp_t, zm_t);
    }
  else
    why = g_strdup_printf (_ ("%s drives %u inputs at once: in parallel they lower the load it "
                              "sees, and the level drops with it."),
                           src, sinks->len);

  rig_diag_init (&b);
  for (guint c = 0; c < net->n_cables; c++)
    rig_diag_add_cable (&b, region->net_cables[net->first_cable + c]);
  rig_diag_add_jack (&b, region->node_dev[source], rig_node_jack (region, source));
  for (guint i = 0; i < sinks->len; i++)
    {
      guint node = g_array_index (sinks, guint, i);
      rig_diag_add_jack (&b, region->node_dev[node], rig_node_jack (region, node));
    }
  rig_diag_emit (
      region, &b, RIG_CODE_IMPEDANCE_PARALLEL_LOAD, severity,
      g_strdup_printf (_ ("%s: %s feeds %u inputs in parallel"), title, src, sinks->len), why,
      g_strdup (severity == RIG_SEVERITY_WARNING
                    ? _ ("Noticeably quieter than with one, and thinner bass on headphones.")
                    : _ ("Each one a little quieter than it would be alone.")),
      g_strdup (severity == RIG_SEVERITY_WARNING
                    ? _ ("Use a headphone or distribution amplifier with one output per "
                         "listener.")
                    : _ ("Fine as it is; for more level, use a headphone or distribution "
                         "amplifier with one output per listener.")));
}

/* The parallel-load row: nets with no speaker on them (speaker nets are the
 * amplifier rules'). */
void
rig_rule_impedance_parallel_load (RigRegion *region, guint net_id)
{
  const RigNet *net = &region->nets[net_id];

  for (guint m = 0; m < net->n_members; m++)
    if (rig_region_is_speaker_load (region, region->members[net->first + m]))
      return;
  parallel_load (region, net_id);
}

/* ------------------------------------------------------------------ */
/* Links: bridging, headphones                                         */

/* rig_diag_emit_link(), taking @what. */
static void
emit_impedance_link (RigRegion *region, const RigLink *link, const char *code, RigSeverity severity,
                     char *what, char *why, char *hear, char *fix)
{
  rig_diag_emit_link (region, link, code, severity, what, why, hear, fix);
  g_free (what);
}

/* The links the impedance rules judge: analog line-like levels (speaker
 * links are the amplifier rules'), with no level rule firing. */
static gboolean
impedance_link (const RigLink *link)
{
  return rig_signal_is_analog (link->sclass) && rig_signal_is_analog (link->kclass)
         && link->sclass != RIG_SIGNAL_SPEAKER && link->kclass != RIG_SIGNAL_SPEAKER
         && !rig_link_level_mismatch (link);
}

/* Headphones on a headphone-level link: judged by their own rules instead
 * of impedance.bridging. */
static gboolean
headphone_link (const RigLink *link)
{
  return rig_dev_category (link->kdev) == RIG_CATEGORY_HEADPHONES
         && link->kclass == RIG_SIGNAL_HEADPHONE;
}

/* The headphones' impedance: their nominal figure, else the input's; 0 when
 * unknown. */
static double
headphone_ohms (const RigLink *link)
{
  double z = rig_device_get_figure (link->kdev->device, RIG_FIGURE_NOMINAL_IMPEDANCE);

  if (!rig_figure_is_set (z))
    z = link->kjack->input_impedance;
  return rig_figure_is_set (z) && z > 0 ? z : 0;
}

/* Headphones whose impedance swings widely (in-ear monitors, often
 * multi-driver): a keyword of their model. */
static gboolean
in_ear (const RigDevNode *dev)
{
  const char *k = dev->device->model->keywords;
  return k != NULL
         && (strstr (k, "iem") != NULL || strstr (k, "in-ear") != NULL
             || strstr (k, "in ear") != NULL);
}

/* impedance.headphone-output (physics.md §6.4: headphones of at least 8x
 * the output impedance; what is heard is the level change across the
 * headphones' impedance curve: 300 Ω rising to 500 Ω on 47 Ω is 0.5 dB, an
 * IEM swinging from 8 to 30 Ω on 10 Ω is 4.5 dB). The curve is assumed from
 * the nominal figure: dynamic headphones rise to about 1.7 times at their
 * bass resonance, in-ear monitors swing from about half to twice. */
void
rig_rule_impedance_headphone_output (RigRegion *region, const RigLink *link)
{
  double z, zo = link->sjack->output_impedance, zmin, zmax, swing, loss;
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  gboolean iem, audible;

  if (!impedance_link (link) || !headphone_link (link) || (z = headphone_ohms (link)) == 0
      || !rig_figure_is_set (zo) || zo <= 0)
    return;
  iem = in_ear (link->kdev);
  zmin = iem ? z / 2 : z;
  zmax = iem ? 2 * z : 1.7 * z;
  swing = swing_db (zo, zmin, zmax);
  audible = swing >= AUDIBLE_SWING_DB;
  if (!audible && z >= 8 * zo)
    return;
  loss = 20 * log10 (z / (z + zo));
  {
    g_autofree char *z_t = rig_text_ohms (z);
    g_autofree char *zo_t = rig_text_ohms (zo);
    g_autofree char *min_t = rig_text_ohms (8 * zo);
    g_autofree char *max_t = rig_text_ohms (zmin / 8);
    g_autofree char *lo_t = rig_text_ohms (zmin);
    g_autofree char *hi_t = rig_text_ohms (zmax);
    g_autofree char *sw_t = rig_text_db (swing);
    g_autofree char *loss_t = rig_text_db (fabs (loss));
    emit_impedance_link (
        region, link, RIG_CODE_IMPEDANCE_HEADPHONE_OUTPUT,
        audible ? RIG_SEVERITY_WARNING : RIG_SEVERITY_INFO,
        g_strdup_printf (_ ("%s headphones on a %s output"), z_t, zo_t),
        g_strdup_printf (iem ? _ ("%s has an output impedance of %s and %s are %s (the rule of "
                                  "eighths asks for 8 times the output impedance or more). The "
                                  "two form a divider, %s dB down, and in-ear monitors swing "
                                  "with frequency, assumed here from about %s to %s: across "
                                  "that swing the level changes by %s dB.")
                             : _ ("%s has an output impedance of %s and %s are %s (the rule of "
                                  "eighths asks for 8 times the output impedance or more). The "
                                  "two form a divider, %s dB down, and headphones rise with "
                                  "frequency, assumed here from %s to about %s at their bass "
                                  "resonance: across that swing the level changes by %s dB."),
                         src, zo_t, snk, z_t, loss_t, lo_t, hi_t, sw_t),
        g_strdup (audible ? _ ("Boomy or thin bass and a changed tonal balance.")
                          : _ ("A slight change of tone at most; few would hear it.")),
        audible ? g_strdup_printf (_ ("Use headphones of %s or more on this output, or a "
                                      "headphone amplifier with an output impedance under %s."),
                                   min_t, max_t)
                : g_strdup (_ ("Fine as it is; a headphone amplifier with a low output "
                               "impedance would be a little more neutral.")));
  }
}

/* impedance.headphone-drive when the source is the limit (physics.md §9):
 * the output could give its maximum, but what feeds it never takes it there;
 * the fix is more level before it, not another output. */
static void
headphone_drive_limited (const RigLink *link, const RigTraceDrive *d, double v_need, double v_have,
                         double l_have, char **why, char **fix)
{
  double z = headphone_ohms (link);
  double sens = rig_device_get_figure (link->kdev->device, RIG_FIGURE_SENSITIVITY);
  double more = 20 * log10 (v_need / v_have);
  g_autofree char *z_t = rig_text_ohms (z);
  g_autofree char *s_t = rig_text_num (sens);
  g_autofree char *src_t = rig_text_volts (d->source_peak_v);
  g_autofree char *got_t = rig_text_volts (d->peak_v);
  g_autofree char *max_t = rig_text_volts (d->rated_v);
  g_autofree char *vn_t = rig_text_volts (v_need);
  g_autofree char *l_t = rig_text_db (l_have);
  g_autofree char *more_t = rig_text_db (more);
  g_autofree char *target = rig_loudness_text_target ();
  const char *amp = rig_text_label (link->sdev);
  const char *assumed = (d->assumed & RIG_TRACE_ASSUMED_PEAK)
                            ? _ (" The source's peak level is assumed from its kind.")
                            : "";

  *why = g_strdup_printf (_ ("%s are %s with a sensitivity of %s dB SPL/mW: for %s they need "
                             "about %s. %s could give %s, but %s's peaks of %s drive it to only "
                             "%s, even at full volume: about %s dB SPL.%s"),
                          rig_text_label (link->kdev), z_t, s_t, target, vn_t, amp, max_t,
                          d->source_label, src_t, got_t, l_t, assumed);
  if (d->rated_v * v_have / d->peak_v >= v_need)
    *fix = g_strdup_printf (_ ("Give %s about %s dB more level: a source with a stronger "
                               "output, or a headphone amplifier with more gain. Its output "
                               "is enough."),
                            amp, more_t);
  else
    *fix = g_strdup_printf (_ ("Give %s more level (a source with a stronger output, or more "
                               "gain before it), and use a headphone amplifier that gives "
                               "more, or headphones of lower impedance or higher "
                               "sensitivity."),
                            amp);
}

/* impedance.headphone-drive (physics.md §6.4: P = 10^((L - S)/10) mW,
 * V = sqrt(P/1000 · Z), against the one target of rig-loudness.h: peaks of
 * 95 dB SPL on music averaging 80 dB; the output gives its maximum, or less
 * when the path feeding it cannot drive it there, §9). */
void
rig_rule_impedance_headphone_drive (RigRegion *region, const RigLink *link)
{
  double z, zo = link->sjack->output_impedance;
  double sens = rig_device_get_figure (link->kdev->device, RIG_FIGURE_SENSITIVITY);
  double vmax = link->sjack->max_output_voltage;
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  double p_mw, v_need, v_have, l_have;
  RigRegionTrace *rt;
  RigTraceDrive drive;
  gboolean limited;

  if (!impedance_link (link) || !headphone_link (link) || (z = headphone_ohms (link)) == 0)
    return;
  if (!rig_figure_is_set (sens) || !rig_figure_is_set (vmax) || vmax <= 0)
    return;
  rt = rig_region_get_trace_at_max (region);
  limited = _rig_trace_source_limits (rt, link->src, vmax, &drive);
  p_mw = pow (10, (RIG_LOUDNESS_PEAK_DB - sens) / 10);
  v_need = sqrt (p_mw / 1000 * z);
  v_have = (limited ? drive.peak_v : vmax) * (rig_figure_is_set (zo) && zo > 0 ? z / (z + zo) : 1);
  l_have = rig_loudness_headphone_spl (sens, v_have * v_have / z);
  if (v_have >= v_need)
    return;
  {
    g_autofree char *z_t = rig_text_ohms (z);
    g_autofree char *s_t = rig_text_num (sens);
    g_autofree char *p_t = rig_text_num (p_mw);
    g_autofree char *vn_t = rig_text_volts (v_need);
    g_autofree char *vm_t = rig_text_volts (vmax);
    g_autofree char *vh_t = rig_text_volts (v_have);
    g_autofree char *l_t = rig_text_db (l_have);
    g_autofree char *short_t = rig_text_db (RIG_LOUDNESS_PEAK_DB - l_have);
    g_autofree char *target = rig_loudness_text_target ();
    g_autofree char *avg_t = rig_text_num (RIG_LOUDNESS_AVERAGE_DB);
    char *hear, *why, *fix;

    if (l_have < RIG_LOUDNESS_AVERAGE_DB)
      hear = g_strdup_printf (_ ("Too quiet: even at full volume the music does not reach an "
                                 "average of %s dB SPL."),
                              avg_t);
    else if (limited)
      hear = g_strdup_printf (_ ("Loud enough for most listening, but even at full volume the "
                                 "loudest peaks stay %s dB short."),
                              short_t);
    else
      hear = g_strdup_printf (_ ("Loud enough for most listening, but at full volume the loudest "
                                 "peaks are clipped or compressed, %s dB short."),
                              short_t);
    rig_diag_set_hear (region, RIG_HEAR_LEVEL, l_have - RIG_LOUDNESS_PEAK_DB, 0);
    if (limited)
      headphone_drive_limited (link, &drive, v_need, v_have, l_have, &why, &fix);
    else
      {
        why = g_strdup_printf (_ ("%s are %s with a sensitivity of %s dB SPL/mW: for %s they "
                                  "need %s mW, about %s. %s gives at most %s (%s across them): "
                                  "about %s dB SPL at full volume."),
                               snk, z_t, s_t, target, p_t, vn_t, src, vm_t, vh_t, l_t);
        fix = g_strdup_printf (_ ("Put a headphone amplifier between them (%s → amp in, amp out "
                                  "→ %s), or use headphones of lower impedance or higher "
                                  "sensitivity."),
                               src, snk);
      }
    emit_impedance_link (region, link, RIG_CODE_IMPEDANCE_HEADPHONE_DRIVE, RIG_SEVERITY_WARNING,
                         g_strdup_printf (_ ("at most %s dB SPL from these headphones"), l_t), why,
                         hear, fix);
  }
}

/* The ratio of input to output impedance a link of the source's class is
 * designed for (physics.md §6.1): line and the rest bridge at 10 times; mic
 * preamps are designed around 5-10 times, and a mic link is judged only
 * below 2 times (3.5 dB lost, a 600 Ω mic into 1.2 kΩ). */
static double
design_ratio (RigSignal source)
{
  return source == RIG_SIGNAL_MIC ? 2 : 10;
}

/* impedance.bridging (physics.md §6.1: an input should present at least the
 * ratio its class is designed for; loss dB = 20·log10(Zin / (Zin + Zout));
 * below 1x, most of the signal is lost). */
void
rig_rule_impedance_bridging (RigRegion *region, const RigLink *link)
{
  double zin = link->kjack->input_impedance, zo = link->sjack->output_impedance;
  double ratio, loss;
  RigSeverity severity;
  g_autofree char *zin_t = NULL;
  g_autofree char *zo_t = NULL;
  g_autofree char *r_t = NULL;
  g_autofree char *l_t = NULL;
  g_autofree char *want = NULL;
  g_autofree char *r_min = NULL;

  if (!impedance_link (link) || headphone_link (link) || !rig_figure_is_set (zin)
      || !rig_figure_is_set (zo) || zin <= 0 || zo <= 0)
    return;
  /* An electret on plug-in power is loaded by its bias resistor by design. */
  if (link->sjack->plugin_power == RIG_SUPPLY_REQUIRES)
    return;
  ratio = zin / zo;
  if (ratio >= design_ratio (link->sclass))
    return;
  severity = ratio < 1 ? RIG_SEVERITY_ERROR : RIG_SEVERITY_WARNING;
  loss = 20 * log10 (zin / (zin + zo));
  zin_t = rig_text_ohms (zin);
  zo_t = rig_text_ohms (zo);
  r_t = rig_text_num (ratio);
  l_t = rig_text_db (fabs (loss));
  want = rig_text_ohms (design_ratio (link->sclass) * zo);
  r_min = rig_text_num (design_ratio (link->sclass));
  emit_impedance_link (
      region, link, RIG_CODE_IMPEDANCE_BRIDGING, severity,
      g_strdup_printf (_ ("a %s input for a %s source, %s dB lost"), zin_t, zo_t, l_t),
      g_strdup_printf (_ ("The input of %s (%s) is only %s times the output impedance of "
                          "%s (%s); a link of this kind is designed for at least %s times. The "
                          "two make a voltage divider: %s dB of the signal is lost."),
                       rig_text_label (link->kdev), zin_t, r_t, rig_text_label (link->sdev), zo_t,
                       r_min, l_t),
      g_strdup (severity == RIG_SEVERITY_ERROR
                    ? _ ("Most of the signal is lost: very quiet, dull sound.")
                    : _ ("Somewhat quieter, and possibly duller, sound.")),
      g_strdup_printf (_ ("Use an input of %s or more, or put a buffer (a preamp, a DI "
                          "box) between them."),
                       want));
}
