/* rig-rules-power.c: what drives speakers, how loud, and phantom power
 * (supplies are rig-rules-supply.c's).
 *
 * power.passive-unamplified      physics.md §5.1 (a line/headphone output gives
 *                                a passive speaker milliwatts: the power and
 *                                SPL it makes, from the rig)
 * power.headphone-amp-to-speaker physics.md §5.1 (built for headphones, no
 *                                speaker terminals; its power into the
 *                                speaker's impedance and the SPL)
 * power.phantom-missing          physics.md §5.5 (P48 only from XLR mic inputs with
 *                                it switched on; aux never; plug-in power for
 *                                electrets). RIG_FIGURE_PHANTOM_ON unset reads as
 *                                off, as desks ship.
 * power.phantom-unbalanced       physics.md §5.5 (phantom into an unbalanced adapter
 *                                or a ribbon mic: noise or damage)
 * power.amp-underpowered         physics.md §5.1, §5.2 (the peaks at the listening
 *                                distance fall short of the target, rig-loudness.h)
 * power.amp-overpowered          physics.md §5.2 (more than twice the speaker's
 *                                power handling into the actual load)
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-loudness.h"
#include "rig-rule-i18n.h"
#include "rig-rules.h"
#include "rig-trace-private.h"

/* ------------------------------------------------------------------ */
/* Driving a passive speaker (physics.md §5.1)                         */

/* A link into a passive speaker's input from anything but a speaker output. */
static gboolean
drives_passive_speaker (const RigLink *link)
{
  return link->sclass != RIG_SIGNAL_POWER && link->kclass == RIG_SIGNAL_SPEAKER
         && link->sclass != RIG_SIGNAL_SPEAKER && rig_signal_is_analog (link->sclass);
}

/* What a line or headphone output gives a passive speaker (physics.md §5.1):
 * its voltage across the speaker (through its output impedance), and no more
 * current than at its lowest rated load: P = I² · Z below that load. */
typedef struct
{
  double ohms;                /* the speaker's impedance (8 Ω when unknown) */
  double volts;               /* the source's open voltage */
  double watts;               /* into the speaker */
  double rated_w, rated_ohms; /* the source's lowest-load rating, or NAN */
  double sensitivity;         /* the speaker's, or NAN */
  double metres, spl1, spl;   /* at the listener; spl1 at 1 m */
  gboolean assumed;
} Drive;

static void
drive_compute (RigRegion *region, const RigLink *link, Drive *d)
{
  const RigJack *s = link->sjack;
  double zo = rig_figure_is_set (s->output_impedance) ? s->output_impedance : 0;
  double v;

  d->ohms = rig_speaker_impedance (link->kdev, link->kjack);
  if (!rig_figure_is_set (d->ohms) || d->ohms <= 0)
    d->ohms = 8;
  d->volts = rig_figure_is_set (s->max_output_voltage) ? s->max_output_voltage
                                                       : rig_signal_typical_volts (link->sclass);
  v = d->volts * d->ohms / (d->ohms + zo);
  d->watts = v * v / d->ohms;
  d->rated_w = d->rated_ohms = NAN;
  for (guint i = 0; i < s->n_ratings; i++)
    if (!rig_figure_is_set (d->rated_ohms) || s->ratings[i].load_ohms < d->rated_ohms)
      d->rated_ohms = s->ratings[i].load_ohms;
  if (rig_figure_is_set (d->rated_ohms))
    {
      double cap;
      d->rated_w = rig_device_jack_power_at_load (link->sdev->device, s, d->rated_ohms);
      cap = d->ohms < d->rated_ohms ? d->rated_w * d->ohms / d->rated_ohms
                                    : d->rated_w * d->rated_ohms / d->ohms;
      if (rig_figure_is_set (cap) && (!rig_figure_is_set (d->watts) || cap < d->watts))
        d->watts = cap;
    }
  d->sensitivity = rig_device_get_figure (link->kdev->device, RIG_FIGURE_SENSITIVITY);
  d->metres = rig_loudness_distance (region, link->kdev, &d->assumed);
  d->spl1 = d->spl = NAN;
  if (rig_figure_is_set (d->sensitivity) && rig_figure_is_set (d->watts) && d->watts > 0)
    {
      d->spl1 = rig_loudness_speaker_spl (d->sensitivity, d->watts, 1);
      d->spl = rig_loudness_speaker_spl (d->sensitivity, d->watts, d->metres);
    }
}

/* "about 20 mW into this 8 Ω speaker: about 70 dB SPL at 1 m and 62 dB at
 * 2.5 m, against peaks of 95 dB SPL (...)". */
static char *
drive_text (const Drive *d)
{
  g_autofree char *w = rig_text_watts (d->watts);
  g_autofree char *z = rig_text_ohms (d->ohms);
  g_autofree char *l1 = NULL;
  g_autofree char *l = NULL;
  g_autofree char *dist = NULL;
  g_autofree char *target = NULL;

  if (!rig_figure_is_set (d->spl))
    return g_strdup_printf (_ ("about %s into this %s speaker"), w, z);
  l1 = rig_text_db (d->spl1);
  l = rig_text_db (d->spl);
  dist = rig_loudness_text_distance (d->metres, d->assumed);
  target = rig_loudness_text_target ();
  return g_strdup_printf (_ ("about %s into this %s speaker: about %s dB SPL at 1 m and %s dB at "
                             "the listening distance of %s, against %s"),
                          w, z, l1, l, dist, target);
}

/* What the hearer gets from @d. */
static char *
drive_hear (const Drive *d)
{
  g_autofree char *l = NULL;

  if (!rig_figure_is_set (d->spl))
    return g_strdup (_ ("Quiet, thin sound at best, distorting as you turn it up."));
  l = rig_text_db (d->spl);
  if (d->spl < 40)
    return g_strdup_printf (_ ("Next to silence: about %s dB SPL at the listener."), l);
  return g_strdup_printf (_ ("Quiet but audible: peaks of about %s dB SPL at the listener, thin "
                             "and with little bass, distorting as you turn it up."),
                          l);
}

/* power.headphone-amp-to-speaker (physics.md §5.1: a headphone amplifier is
 * built for 16-600 Ω headphones, has no speaker terminals and cannot give a
 * speaker's current). */
void
rig_rule_power_headphone_amp_to_speaker (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  g_autofree char *drive = NULL;
  g_autofree char *rating = NULL;
  Drive d;

  if (!drives_passive_speaker (link)
      || rig_dev_category (link->sdev) != RIG_CATEGORY_HEADPHONE_AMPLIFIER)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  drive_compute (region, link, &d);
  drive = drive_text (&d);
  if (rig_figure_is_set (d.rated_ohms) && d.ohms < d.rated_ohms)
    {
      g_autofree char *w = rig_text_watts (d.rated_w);
      g_autofree char *l = rig_text_ohms (d.rated_ohms);
      rating = g_strdup_printf (_ ("It is rated %s into %s; into a lower impedance its output "
                                   "current does not grow, so the power falls. "),
                                w, l);
    }
  else
    rating = g_strdup ("");
  if (rig_figure_is_set (d.spl))
    rig_diag_set_hear (region, RIG_HEAR_LEVEL, d.spl - RIG_LOUDNESS_PEAK_DB, 0);
  rig_diag_emit_link_full (
      region, link, RIG_DIAG_WITH_SINK, RIG_CODE_POWER_HEADPHONE_AMP_TO_SPEAKER, RIG_SEVERITY_ERROR,
      _ ("a headphone amplifier driving a speaker"),
      g_strdup_printf (_ ("%s is a headphone amplifier, built for headphones of 16 to 600 Ω, "
                          "with no speaker terminals. %s%s is passive; %s can give it %s."),
                       src, rating, snk, src, drive),
      drive_hear (&d),
      g_strdup_printf (_ ("Use a power amplifier for passive speakers: %s's output → the "
                          "amplifier's input, the amplifier's speaker out → %s. Or use "
                          "powered speakers."),
                       src, snk));
}

/* power.passive-unamplified (physics.md §5.1: a line or headphone output
 * gives a passive speaker milliwatts: quiet at best, never a way to run it). */
void
rig_rule_power_passive_unamplified (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  g_autofree char *vs_t = NULL;
  g_autofree char *drive = NULL;
  Drive d;

  if (!drives_passive_speaker (link)
      || rig_dev_category (link->sdev) == RIG_CATEGORY_HEADPHONE_AMPLIFIER)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  drive_compute (region, link, &d);
  vs_t = rig_text_volts (d.volts);
  drive = drive_text (&d);
  if (rig_figure_is_set (d.spl))
    rig_diag_set_hear (region, RIG_HEAR_LEVEL, d.spl - RIG_LOUDNESS_PEAK_DB, 0);
  rig_diag_emit_link_full (
      region, link, RIG_DIAG_WITH_SINK, RIG_CODE_POWER_PASSIVE_UNAMPLIFIED, RIG_SEVERITY_ERROR,
      _ ("passive speaker with no amplifier"),
      g_strdup_printf (_ ("%s gives about %s of signal (%s), with little current behind it. %s "
                          "is a passive speaker with no amplifier inside; %s gives it %s."),
                       src, vs_t, rig_text_signal (link->sclass), snk, src, drive),
      drive_hear (&d),
      g_strdup_printf (_ ("Put an amplifier between them: %s → amplifier's aux in, "
                          "amplifier's speaker out → %s. Or use an active (powered) speaker "
                          "instead."),
                       src, snk));
}

/* ------------------------------------------------------------------ */
/* Phantom power (physics.md §5.5)                                     */

static gboolean
jack_unbalanced (const RigJack *jack)
{
  return jack->connector == RIG_CONNECTOR_RCA
         || (jack->connector == RIG_CONNECTOR_PHONE
             && (jack->wiring == RIG_WIRING_MONO || jack->wiring == RIG_WIRING_STEREO));
}

static gboolean
model_unbalanced (const RigDeviceModel *model)
{
  for (guint j = 0; j < model->n_jacks; j++)
    if (jack_unbalanced (&model->jacks[j]))
      return TRUE;
  return FALSE;
}

static gboolean
path_unbalanced (const RigLink *link)
{
  for (guint i = 0; i < link->path->len; i++)
    {
      const RigCableSpec *spec = &((RigCabNode *) g_ptr_array_index (link->path, i))->cable->spec;
      if (spec->kind == RIG_CABLE_KIND_CABLE)
        for (guint e = 0; e < 2; e++)
          if (spec->ends[e].connector == RIG_CONNECTOR_RCA
              || (spec->ends[e].connector == RIG_CONNECTOR_PHONE
                  && spec->ends[e].poles == RIG_POLES_TS))
            return TRUE;
      for (guint a = 0; a < spec->n_adapters; a++)
        if (model_unbalanced (spec->adapters[a].model))
          return TRUE;
    }
  for (guint i = 0; i < link->transit->len; i++)
    if (model_unbalanced (((RigDevNode *) g_ptr_array_index (link->transit, i))->device->model))
      return TRUE;
  return FALSE;
}

/* The links the phantom rules judge: analog at both ends. */
static gboolean
phantom_link (const RigLink *link)
{
  return link->sclass != RIG_SIGNAL_POWER && link->kclass != RIG_SIGNAL_POWER
         && rig_signal_is_analog (link->sclass) && rig_signal_is_analog (link->kclass);
}

/* power.phantom-missing (physics.md §5.5: condenser microphones need +48 V
 * phantom power, supplied only on balanced XLR mic inputs that have it
 * switched on, never by aux ports; electrets need plug-in power). */
void
rig_rule_power_phantom_missing (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  gboolean on;

  if (!phantom_link (link))
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  on = rig_dev_phantom_on (link->kdev);

  if (link->sjack->phantom == RIG_SUPPLY_REQUIRES)
    {
      gboolean can = link->kjack->phantom == RIG_SUPPLY_SUPPLIES;
      if (!(can && on))
        {
          rig_diag_set_hear (region, RIG_HEAR_SILENCE, 0, 0);
          rig_diag_emit_link_full (
              region, link, RIG_DIAG_WITH_SOURCE, RIG_CODE_POWER_PHANTOM_MISSING,
              RIG_SEVERITY_ERROR,
              can ? _ ("phantom power is off") : _ ("no phantom power for a condenser mic"),
              can ? g_strdup_printf (_ ("%s is a condenser mic: it needs +48 V phantom power from "
                                        "the input. The input of %s can give it, but phantom is "
                                        "switched off."),
                                     src, snk)
                  : g_strdup_printf (_ ("%s is a condenser mic: it needs +48 V phantom power, "
                                        "which only balanced XLR mic inputs give, with phantom "
                                        "switched on. %s gives none here (an aux or line input "
                                        "never does)."),
                                     src, snk),
              g_strdup (_ ("Silence from the mic, or a faint crackle.")),
              can ? g_strdup_printf (_ ("Switch on 48 V phantom power on %s."), snk)
                  : g_strdup_printf (_ ("Plug %s into a mic input with phantom power (a mixer's "
                                        "or an audio interface's XLR input) and switch phantom "
                                        "on."),
                                     src));
        }
    }
  else if (link->sjack->plugin_power == RIG_SUPPLY_REQUIRES
           && link->kjack->plugin_power != RIG_SUPPLY_SUPPLIES)
    {
      rig_diag_set_hear (region, RIG_HEAR_SILENCE, 0, 0);
      rig_diag_emit_link_full (
          region, link, RIG_DIAG_WITH_SOURCE, RIG_CODE_POWER_PHANTOM_MISSING, RIG_SEVERITY_ERROR,
          _ ("no plug-in power for an electret mic"),
          g_strdup_printf (_ ("%s is an electret mic that runs on 2 to 5 V plug-in power "
                              "from a computer's or camera's mic input; %s gives none."),
                           src, snk),
          g_strdup (_ ("Silence from the mic.")),
          g_strdup (_ ("Plug it into a mic input with plug-in power (a computer's or a "
                       "camera's mic socket), or use a mic with its own battery.")));
    }
}

/* power.phantom-unbalanced (physics.md §5.5: equal DC on both legs of a
 * balanced line leaves the audio and a balanced mic untouched; an adapter or
 * jack that unbalances the line grounds one leg, so DC flows: noise, damage
 * to the gear, a ribbon stretched). A ribbon mic says "ribbon" in its
 * keywords; on a balanced line it gets advice only (INFO). */
void
rig_rule_power_phantom_unbalanced (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  gboolean ribbon, unbalanced;

  if (!phantom_link (link) || link->kjack->phantom != RIG_SUPPLY_SUPPLIES
      || !rig_dev_phantom_on (link->kdev))
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  ribbon = (link->sdev->info->flags & RIG_MODEL_RIBBON) != 0;
  unbalanced = !rig_jack_is_balanced (link->sjack) || path_unbalanced (link);
  if (ribbon && unbalanced)
    rig_diag_emit_link_full (
        region, link, RIG_DIAG_WITH_SOURCE, RIG_CODE_POWER_PHANTOM_UNBALANCED, RIG_SEVERITY_ERROR,
        _ ("phantom power on a ribbon mic through an unbalanced connection"),
        g_strdup_printf (_ ("Phantom power (48 V) is on at the input of %s, and the ribbon "
                            "mic %s reaches it through an unbalanced connection: one leg is "
                            "grounded, so the 48 V is no longer equal on both legs and DC "
                            "flows through the ribbon, which can stretch or destroy it."),
                         snk, src),
        g_strdup (_ ("Loud pops, then perhaps nothing ever again.")),
        g_strdup_printf (_ ("Switch phantom power off on %s, and join the ribbon mic with a "
                            "balanced XLR cable and no adapter."),
                         snk));
  else if (ribbon)
    rig_diag_emit_link_full (
        region, link, RIG_DIAG_WITH_SOURCE, RIG_CODE_POWER_PHANTOM_UNBALANCED, RIG_SEVERITY_INFO,
        _ ("phantom power is on for a ribbon mic"),
        g_strdup_printf (_ ("Phantom power (48 V) is on at the input of %s. On this balanced "
                            "XLR connection both legs carry the same 48 V, so no DC flows "
                            "through the ribbon of %s and it is not harmed. Only a cable "
                            "fault or an adapter that grounds one leg would put unequal DC "
                            "on it."),
                         snk, src),
        g_strdup (_ ("Nothing different: the mic works normally.")),
        g_strdup_printf (_ ("Advice, not a fault: with a vintage ribbon mic, many engineers "
                            "switch phantom power off on %s before plugging it in, in case a "
                            "cable is faulty."),
                         snk));
  else if (unbalanced)
    rig_diag_emit_link_full (
        region, link, 0, RIG_CODE_POWER_PHANTOM_UNBALANCED, RIG_SEVERITY_WARNING,
        _ ("phantom power into an unbalanced connection"),
        g_strdup_printf (_ ("Phantom power (48 V) is on at the input of %s, and "
                            "the signal from %s reaches it through an unbalanced "
                            "connection: the 48 V lands on a contact meant for "
                            "audio only."),
                         snk, src),
        g_strdup (_ ("Loud pops and crackles, hum, or nothing; the device at the "
                     "other end can be damaged.")),
        g_strdup_printf (_ ("Switch phantom power off on %s (only condenser mics "
                            "need it), or use a balanced XLR connection."),
                         snk));
}

/* ------------------------------------------------------------------ */
/* Amplifier power: loudness and power handling (physics.md §5.1, §5.2) */

/* One speaker an amplifier drives, as heard at its listener. */
typedef struct
{
  RigDevNode *speaker;
  double ohms, watts, sensitivity, metres, spl;
  gboolean assumed; /* the distance is the default */
  double spl_rated; /* at the amplifier's rated power, whatever feeds it */
} Heard;

typedef struct
{
  GArray *heard; /* Heard; NULL (and @b not begun) until a speaker is heard */
  RigDiagBuilder b;
  gboolean by_path;    /* judge by what the path can drive the amplifier to */
  RigRegionTrace *rt;  /* the region's trace at maximum, when first needed (borrowed) */
  gboolean limited;    /* the source limits an output */
  RigTraceDrive drive; /* the first output it limits, with its load: */
  double load;
} LoudWalk;

/* The share (≤ 1) of its rated swing the path feeding @out drives it to
 * (physics.md §5.1, §9), noting in @w the first output the source limits. */
static double
driven_share (RigRegion *region, const RigAmpOutput *out, LoudWalk *w)
{
  const RigJack *jack = rig_dev_jack (out->amp, out->amp_jack);
  double power = rig_device_jack_power_at_load (out->amp->device, jack, out->load);
  RigTraceDrive drive;

  if (!w->by_path || !rig_figure_is_set (power) || power <= 0)
    return 1;
  if (w->rt == NULL)
    w->rt = rig_region_get_trace_at_max (region);
  if (!_rig_trace_source_limits (w->rt, rig_node_of (out->amp, out->amp_jack),
                                 sqrt (power * out->load), &drive))
    return 1;
  if (!w->limited)
    {
      w->limited = TRUE;
      w->drive = drive;
      w->load = out->load;
    }
  return drive.peak_v / drive.rated_v;
}

static void
loud_speaker (RigRegion *region, const RigAmpOutput *out, RigDevNode *speaker, int speaker_jack,
              GPtrArray *path, double speaker_ohms, double volts, gpointer data)
{
  LoudWalk *w = data;
  Heard h = { speaker, speaker_ohms, NAN, NAN, NAN, NAN, FALSE, NAN };

  /* Below the minimum load, power figures mean nothing (the amplifier
   * protects itself): impedance.below-minimum-load speaks instead. */
  h.sensitivity = rig_device_get_figure (speaker->device, RIG_FIGURE_SENSITIVITY);
  if (out->too_low || !rig_figure_is_set (volts) || volts <= 0
      || !rig_figure_is_set (h.sensitivity))
    return;
  h.metres = rig_loudness_distance (region, speaker, &h.assumed);
  h.spl_rated = rig_loudness_speaker_spl (h.sensitivity, volts * volts / speaker_ohms, h.metres);
  volts *= driven_share (region, out, w);
  h.watts = volts * volts / speaker_ohms;
  h.spl = rig_loudness_speaker_spl (h.sensitivity, h.watts, h.metres);
  /* Begun at the first speaker: most devices drive none. */
  if (w->heard == NULL)
    {
      w->heard = g_array_new (FALSE, FALSE, sizeof (Heard));
      rig_diag_init (&w->b);
    }
  g_array_append_val (w->heard, h);
  rig_diag_add_path (&w->b, path);
  rig_diag_add_jack (&w->b, out->amp, out->amp_jack);
  rig_diag_add_jack (&w->b, speaker, speaker_jack);
  rig_diag_add_device (&w->b, speaker);
}

static void
builder_clear (RigDiagBuilder *b)
{
  g_ptr_array_unref (b->cables);
  g_ptr_array_unref (b->devices);
  g_ptr_array_unref (b->jacks);
  g_ptr_array_unref (b->jack_devs);
}

/* "Left speaker (87 dB SPL at 1 W, 1 m) gets 5 W: 81.9 dB SPL at 4 m; Right
 * speaker ...". */
static char *
heard_list (GArray *heard)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < heard->len; i++)
    {
      const Heard *h = &g_array_index (heard, Heard, i);
      g_autofree char *sens = rig_text_num (h->sensitivity);
      g_autofree char *w = rig_text_watts (h->watts);
      g_autofree char *l = rig_text_db (h->spl);
      g_autofree char *d = rig_loudness_text_distance (h->metres, FALSE);

      if (i > 0)
        g_string_append (s, "; ");
      g_string_append_printf (s, _ ("%s (%s dB SPL at 1 W, 1 m) gets %s: %s dB SPL at %s"),
                              rig_text_label (h->speaker), sens, w, l, d);
    }
  return g_string_free (s, FALSE);
}

/* " Listening distance: 2.5 m (assumed: ...)." when the distance is the
 * default, else "". */
static char *
distance_note (const Heard *h0)
{
  g_autofree char *dist_t = NULL;

  if (!h0->assumed)
    return g_strdup ("");
  dist_t = rig_loudness_text_distance (h0->metres, TRUE);
  return g_strdup_printf (_ (" Listening distance: %s."), dist_t);
}

/* @s followed by @tail, @s freed. */
static char *
append_free (char *s, const char *tail)
{
  char *r = g_strconcat (s, tail, NULL);

  g_free (s);
  return r;
}

/* When the source is the limit (physics.md §5.1, §9): the why, and a fix
 * that names the source's level, not the amplifier's size. */
static void
limited_texts (RigDevNode *dev, const LoudWalk *w, double total, double need, char **why,
               char **fix)
{
  const RigTraceDrive *d = &w->drive;
  const Heard *h0 = &g_array_index (w->heard, Heard, 0);
  double *rated = g_newa (double, w->heard->len + 1);
  double total_rated;
  g_autofree char *list = heard_list (w->heard);
  g_autofree char *src_t = rig_text_volts (d->source_peak_v);
  g_autofree char *got_t = rig_text_watts (d->peak_v * d->peak_v / w->load);
  g_autofree char *full_t = rig_text_watts (d->rated_v * d->rated_v / w->load);
  g_autofree char *total_t = rig_text_db (total);
  g_autofree char *short_t = rig_text_db (RIG_LOUDNESS_PEAK_DB - total);
  g_autofree char *target = rig_loudness_text_target ();
  g_autofree char *more_t = NULL;
  g_autofree char *need_t = rig_text_watts (need);
  g_autofree char *z_t = rig_text_ohms (h0->ohms);

  for (guint i = 0; i < w->heard->len; i++)
    rated[i] = g_array_index (w->heard, Heard, i).spl_rated;
  total_rated = rig_loudness_sum (rated, w->heard->len);
  *why = g_strdup_printf (
      _ ("%s's peaks of %s drive %s to only %s of its %s, even at full volume: %s. Together: %s "
         "dB SPL at the listener. Loud music wants %s, %s dB more.%s"),
      d->source_label, src_t, rig_text_label (dev), got_t, full_t, list, total_t, target, short_t,
      (d->assumed & RIG_TRACE_ASSUMED_PEAK)
          ? _ (" The source's peak level is assumed from its kind.")
          : "");
  if (total_rated >= RIG_LOUDNESS_PEAK_DB - 1e-9)
    {
      more_t = rig_text_db (RIG_LOUDNESS_PEAK_DB - total);
      *fix = g_strdup_printf (_ ("Give %s about %s dB more level: a source with a stronger "
                                 "output, a preamp between them, or an amplifier with more gain "
                                 "(a more sensitive input). Its power is enough."),
                              rig_text_label (dev), more_t);
    }
  else
    {
      more_t = rig_text_db (20 * log10 (d->rated_v / d->peak_v));
      *fix = g_strdup_printf (_ ("Give %s more level (a source with a stronger output, a preamp "
                                 "between them, or an amplifier with more gain): %s dB more takes "
                                 "it to its full power. Even then, loud music wants about %s per "
                                 "channel into %s, more sensitive speakers, or a closer seat."),
                              rig_text_label (dev), more_t, need_t, z_t);
    }
}

/* power.amp-underpowered (physics.md §5.1: the peaks at the listener,
 * sensitivity + 10·log10(P) − 20·log10(d) from each speaker, summed, must
 * reach the target; a small amplifier matters only when it must clip to
 * reach them, §5.2; P is what the path feeding the amplifier drives it to at
 * full volume when that is less than its rating, §9). */
void
rig_rule_power_amp_underpowered (RigRegion *region, RigDevNode *dev)
{
  LoudWalk w = { 0 };
  double *spl, total, each, need;
  const Heard *h0;

  w.by_path = TRUE;
  rig_amp_outputs_foreach (region, dev, loud_speaker, NULL, &w);
  if (w.heard == NULL)
    return;
  spl = g_newa (double, w.heard->len + 1);
  for (guint i = 0; i < w.heard->len; i++)
    spl[i] = g_array_index (w.heard, Heard, i).spl;
  total = rig_loudness_sum (spl, w.heard->len);
  if (w.heard->len == 0 || total >= RIG_LOUDNESS_PEAK_DB - 1e-9)
    {
      builder_clear (&w.b);
      g_array_unref (w.heard);
      return;
    }
  h0 = &g_array_index (w.heard, Heard, 0);
  /* What each speaker must make so that together they reach the target. */
  each = rig_loudness_each_db (w.heard->len);
  need = rig_loudness_speaker_watts (h0->sensitivity, each, h0->metres);
  {
    g_autofree char *list = heard_list (w.heard);
    g_autofree char *total_t = rig_text_db (total);
    g_autofree char *short_t = rig_text_db (RIG_LOUDNESS_PEAK_DB - total);
    g_autofree char *target = rig_loudness_text_target ();
    g_autofree char *peak_t = rig_text_num (RIG_LOUDNESS_PEAK_DB);
    g_autofree char *dist_t = distance_note (h0);
    g_autofree char *need_t = rig_text_watts (need);
    g_autofree char *z_t = rig_text_ohms (h0->ohms);
    char *why, *hear, *fix;

    if (w.limited)
      {
        limited_texts (dev, &w, total, need, &why, &fix);
        why = append_free (why, dist_t);
        hear = g_strdup (_ ("Too quiet for loud music, whatever the volume: the amplifier never "
                            "gets enough signal to use its power."));
      }
    else
      {
        why = g_strdup_printf (_ ("At full power, from %s: %s. Together: %s dB SPL at the "
                                  "listener. Loud music wants %s, %s dB more.%s"),
                               rig_text_label (dev), list, total_t, target, short_t, dist_t);
        hear = g_strdup (_ ("Fine at moderate volume; for loud music the amplifier runs out of "
                            "power on the peaks and clips them: a harsh, flattened sound."));
        fix = g_strdup_printf (_ ("Use an amplifier giving about %s per channel into %s, more "
                                  "sensitive speakers, or sit closer (half the distance gains "
                                  "6 dB)."),
                               need_t, z_t);
      }
    rig_diag_add_device (&w.b, dev);
    rig_diag_emit (region, &w.b, RIG_CODE_POWER_AMP_UNDERPOWERED, RIG_SEVERITY_WARNING,
                   g_strdup_printf (_ ("%s: peaks of %s dB SPL at the listener, %s dB wanted"),
                                    rig_text_label (dev), total_t, peak_t),
                   why, hear, fix);
  }
  g_array_unref (w.heard);
}

/* power.amp-overpowered (physics.md §5.2: the amplifier's continuous power
 * into the actual load against the speaker's continuous power handling; more
 * than about twice can cook the voice coil if turned up). */
static void
over_speaker (RigRegion *region, const RigAmpOutput *out, RigDevNode *speaker, int speaker_jack,
              GPtrArray *path, double speaker_ohms, double volts, gpointer data)
{
  double handling = rig_device_get_figure (speaker->device, RIG_FIGURE_POWER_HANDLING);
  double sens = rig_device_get_figure (speaker->device, RIG_FIGURE_SENSITIVITY);
  double watts;
  gboolean assumed;
  double metres = rig_loudness_distance (region, speaker, &assumed);
  g_autofree char *a = NULL;
  g_autofree char *s = NULL;
  g_autofree char *pw = NULL;
  g_autofree char *hw = NULL;
  g_autofree char *z = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *half = NULL;
  RigDiagBuilder b;
  guint n_heard = *(const guint *) data;

  if (out->too_low || !rig_figure_is_set (volts) || !rig_figure_is_set (handling) || handling <= 0)
    return;
  watts = volts * volts / speaker_ohms;
  if (watts <= 2 * handling * (1 + 1e-9))
    return;

  a = rig_text_jack (out->amp, out->amp_jack);
  s = rig_text_jack (speaker, speaker_jack);
  pw = rig_text_watts (watts);
  hw = rig_text_watts (handling);
  z = rig_text_ohms (out->load);
  half = rig_text_watts (watts / 2);
  if (rig_figure_is_set (sens))
    {
      /* Summed over the speakers the amplifier drives, as
       * power.amp-underpowered does (physics.md §5.1). */
      g_autofree char *need = rig_text_watts (
          rig_loudness_speaker_watts (sens, rig_loudness_each_db (n_heard), metres));
      g_autofree char *peak = rig_text_num (RIG_LOUDNESS_PEAK_DB);
      g_autofree char *d = rig_loudness_text_distance (metres, assumed);
      if (n_heard == 2)
        normal = g_strdup_printf (_ ("Fine at normal volume: with both speakers of %s playing "
                                     "together, peaks of %s dB SPL at %s take only about %s "
                                     "each. "),
                                  rig_text_label (out->amp), peak, d, need);
      else if (n_heard > 2)
        normal = g_strdup_printf (_ ("Fine at normal volume: with the %u speakers of %s playing "
                                     "together, peaks of %s dB SPL at %s take only about %s "
                                     "each. "),
                                  n_heard, rig_text_label (out->amp), peak, d, need);
      else
        normal = g_strdup_printf (_ ("Fine at normal volume: peaks of %s dB SPL at %s take "
                                     "only about %s. "),
                                  peak, d, need);
    }
  else
    normal = g_strdup (_ ("Fine at normal volume. "));

  rig_diag_init (&b);
  rig_diag_add_path (&b, path);
  rig_diag_add_jack (&b, out->amp, out->amp_jack);
  rig_diag_add_jack (&b, speaker, speaker_jack);
  rig_diag_add_device (&b, out->amp);
  rig_diag_add_device (&b, speaker);
  rig_diag_emit (
      region, &b, RIG_CODE_POWER_AMP_OVERPOWERED, RIG_SEVERITY_WARNING,
      g_strdup_printf (_ ("%s → %s: %s for a speaker rated %s"), a, s, pw, hw),
      g_strdup_printf (_ ("Into the %s load on this channel, %s can give %s about %s at full "
                          "volume; the speaker handles %s continuous: more than twice that."),
                       z, rig_text_label (out->amp), rig_text_label (speaker), pw, hw),
      g_strdup_printf (_ ("%sTurned far up, the speaker is overdriven: distortion, then a "
                          "burnt voice coil or a torn cone."),
                       normal),
      g_strdup_printf (_ ("Keep the volume well below maximum, or choose speakers that handle "
                          "about %s or more (or a smaller amplifier)."),
                       half));
}

void
rig_rule_power_amp_overpowered (RigRegion *region, RigDevNode *dev)
{
  LoudWalk w = { 0 };
  guint n_heard;

  /* The speakers heard together, counted as power.amp-underpowered counts
   * them. */
  rig_amp_outputs_foreach (region, dev, loud_speaker, NULL, &w);
  n_heard = w.heard != NULL ? w.heard->len : 0;
  if (w.heard != NULL)
    {
      builder_clear (&w.b);
      g_array_unref (w.heard);
    }
  rig_amp_outputs_foreach (region, dev, over_speaker, NULL, &n_heard);
}
