/* rig-rules-power.c: what drives speakers, and what powers devices.
 *
 * power.passive-unamplified      physics.md §5.1 (a line/headphone output cannot
 *                                drive a passive speaker)
 * power.headphone-amp-to-speaker physics.md §5.1 (well under 1 W, no speaker
 *                                terminals)
 * power.unpowered                physics.md §5.3 (an active speaker needs mains,
 *                                USB or a charged battery). Mains devices are
 *                                assumed plugged in; USB and DC devices need a cable
 *                                from a power-requiring jack to a supplying one
 *                                (through passive adapters and hubs); battery
 *                                devices need RIG_FIGURE_BATTERY = 1 (or a charger
 *                                on an inlet).
 * power.not-a-power-source       physics.md §5.3 (an audio output cannot power or
 *                                charge anything)
 * power.phantom-missing          physics.md §5.5 (P48 only from XLR mic inputs with
 *                                it switched on; aux never; plug-in power for
 *                                electrets). RIG_FIGURE_PHANTOM_ON unset reads as
 *                                off, as desks ship.
 * power.phantom-unbalanced       physics.md §5.5 (phantom into an unbalanced adapter
 *                                or a ribbon mic: noise or damage)
 * power.amp-underpowered         physics.md §5.1 (below 0.5x the speaker's rating)
 * power.amp-overpowered          physics.md §5.2 (above 2x)
 * power.usb-budget               physics.md §5.3 (USB bus power: 2.5 W, 4.5 W,
 *                                7.5/15 W)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-rules.h"

static double
link_source_volts (const RigLink *link)
{
  const RigJack *s = link->sjack;

  if (rig_figure_is_set (s->max_output_voltage))
    return s->max_output_voltage;
  return rig_signal_typical_volts (link->sclass);
}

/* ------------------------------------------------------------------ */
/* Driving a passive speaker (physics.md §5.1)                         */

/* A link into a passive speaker's input from anything but a speaker output. */
static gboolean
drives_passive_speaker (const RigLink *link)
{
  return link->sclass != RIG_SIGNAL_POWER && link->kclass == RIG_SIGNAL_SPEAKER
         && link->sclass != RIG_SIGNAL_SPEAKER && rig_signal_is_analog (link->sclass);
}

/* What the speaker at the sink of @link needs (V = sqrt(P·Z)): "to play at
 * its rated 20 W it needs about 12.6 V"; @z_t: its impedance. */
static char *
speaker_need (const RigLink *link, char **z_t)
{
  double z = rig_speaker_impedance (link->kdev, link->kjack);
  double p = rig_device_get_figure (link->kdev->device, RIG_FIGURE_POWER_HANDLING);
  gboolean rated = rig_figure_is_set (p);
  g_autofree char *p_t = NULL;
  g_autofree char *v_t = NULL;

  if (!rig_figure_is_set (z))
    z = 8;
  if (!rated)
    p = 1;
  *z_t = rig_text_ohms (z);
  p_t = rig_text_watts (p);
  v_t = rig_text_volts (sqrt (p * z));
  return rated ? g_strdup_printf (_ ("to play at its rated %s it needs about %s"), p_t, v_t)
               : g_strdup_printf (_ ("even 1 W into it needs about %s"), v_t);
}

/* power.headphone-amp-to-speaker (physics.md §5.1: a headphone amplifier
 * makes well under 1 W and has no speaker terminals). */
void
rig_rule_power_headphone_amp_to_speaker (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  g_autofree char *z_t = NULL;
  g_autofree char *need = NULL;

  if (!drives_passive_speaker (link)
      || rig_dev_category (link->sdev) != RIG_CATEGORY_HEADPHONE_AMPLIFIER)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  need = speaker_need (link, &z_t);
  const RigJack *out = link->sjack;
  g_autofree char *rating = NULL;

  /* The headphone amplifier's own rating, into headphones. */
  if (out->n_ratings > 0)
    {
      g_autofree char *w = rig_text_watts (out->ratings[0].watts);
      g_autofree char *l = rig_text_ohms (out->ratings[0].load_ohms);
      rating = g_strdup_printf (_ (" (rated %s into %s)"), w, l);
    }
  else
    rating = g_strdup ("");
  rig_diag_emit_link_full (
      region, link, RIG_DIAG_WITH_SINK, RIG_CODE_POWER_HEADPHONE_AMP_TO_SPEAKER, RIG_SEVERITY_ERROR,
      _ ("a headphone amplifier driving a speaker"),
      g_strdup_printf (_ ("%s is a headphone amplifier: it is built to give a few volts into "
                          "headphones of 32 Ω and more, well under 1 W%s, and cannot deliver "
                          "the current that this %s speaker draws; it has no speaker "
                          "terminals. %s "
                          "is passive: %s, and the current to go with it."),
                       src, rating, z_t, snk, need),
      g_strdup (_ ("Very quiet, thin sound at best, distorting as you turn it up; the "
                   "headphone amplifier can overheat.")),
      g_strdup_printf (_ ("Use a power amplifier for passive speakers: %s's output → the "
                          "amplifier's input, the amplifier's speaker out → %s. Or use "
                          "powered speakers."),
                       src, snk));
}

/* power.passive-unamplified (physics.md §5.1: a line or headphone output
 * cannot drive a passive speaker, a faint whisper at best). */
void
rig_rule_power_passive_unamplified (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  g_autofree char *vs_t = NULL;
  g_autofree char *z_t = NULL;
  g_autofree char *need = NULL;

  if (!drives_passive_speaker (link)
      || rig_dev_category (link->sdev) == RIG_CATEGORY_HEADPHONE_AMPLIFIER)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  vs_t = rig_text_volts (link_source_volts (link));
  need = speaker_need (link, &z_t);
  rig_diag_emit_link_full (
      region, link, RIG_DIAG_WITH_SINK, RIG_CODE_POWER_PASSIVE_UNAMPLIFIED, RIG_SEVERITY_ERROR,
      _ ("passive speaker with no amplifier"),
      g_strdup_printf (_ ("%s gives about %s of signal (%s), with almost no current behind "
                          "it. %s is a passive %s speaker: %s, from an amplifier."),
                       src, vs_t, rig_signal_to_label (link->sclass), snk, z_t, need),
      g_strdup (_ ("Silence, or at best a faint, thin whisper.")),
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
        rig_diag_emit_link_full (
            region, link, RIG_DIAG_WITH_SOURCE, RIG_CODE_POWER_PHANTOM_MISSING, RIG_SEVERITY_ERROR,
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
  else if (link->sjack->plugin_power == RIG_SUPPLY_REQUIRES
           && link->kjack->plugin_power != RIG_SUPPLY_SUPPLIES)
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

/* power.phantom-unbalanced (physics.md §5.5: phantom into an unbalanced
 * adapter or a vintage ribbon mic can cause damage or noise; a ribbon mic
 * says "ribbon" in its keywords). */
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
  if (ribbon)
    rig_diag_emit_link_full (
        region, link, RIG_DIAG_WITH_SOURCE, RIG_CODE_POWER_PHANTOM_UNBALANCED, RIG_SEVERITY_ERROR,
        _ ("phantom power on a ribbon mic"),
        g_strdup_printf (_ ("Phantom power (48 V) is on at the input of %s, and %s "
                            "is a ribbon mic: a fault or a miswired cable puts that "
                            "voltage across the ribbon and can destroy it."),
                         snk, src),
        g_strdup (_ ("Loud pops, then perhaps nothing ever again.")),
        g_strdup_printf (_ ("Switch phantom power off on %s before plugging in the "
                            "ribbon mic."),
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
/* Supplies (physics.md §5.3)                                          */

/* The power jacks of a net: those that need power, those that give it and
 * the audio jacks, each sorted. */
typedef struct
{
  GArray *req, *sup, *audio; /* guint nodes */
  gboolean usb;              /* a supplier is a USB port */
  double need, give;         /* watts */
} PowerCensus;

static void
census_clear (PowerCensus *c)
{
  g_clear_pointer (&c->req, g_array_unref);
  g_clear_pointer (&c->sup, g_array_unref);
  g_clear_pointer (&c->audio, g_array_unref);
}

/* Counts the power jacks of @net; FALSE when none needs power. Marks what
 * power.unpowered (a device rule, run after every net rule) reads: each
 * inlet whose net has a supplier (RIG_NODE_POWERED), and each device whose
 * inlet is wired to audio jacks only (RIG_DEV_POWER_EXPLAINED, named by
 * power.not-a-power-source). */
static gboolean
census_take (RigRegion *region, guint net_id, PowerCensus *c)
{
  const RigNet *net = &region->nets[net_id];
  gboolean any = FALSE;

  memset (c, 0, sizeof (*c));
  for (guint m = 0; m < net->n_members && !any; m++)
    {
      guint node = region->members[net->first + m];
      any = !(rig_node_jflags (region, node) & RIG_JACK_TRANSIT)
            && rig_jack_requires_power (rig_node_jack_spec (region, node));
    }
  if (!any)
    return FALSE;
  c->req = g_array_new (FALSE, FALSE, sizeof (guint));
  c->sup = g_array_new (FALSE, FALSE, sizeof (guint));
  c->audio = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      const RigJack *jack = rig_node_jack_spec (region, node);
      guint8 f = rig_node_jflags (region, node);

      if (f & RIG_JACK_TRANSIT)
        continue;
      if (rig_jack_requires_power (jack))
        {
          g_array_append_val (c->req, node);
          c->need += jack->power_required_w;
        }
      else if (rig_jack_supplies_power (jack))
        {
          g_array_append_val (c->sup, node);
          c->give += jack->power_supplied_w;
          if (rig_connector_is_usb (jack->connector))
            c->usb = TRUE;
        }
      else if (f & RIG_JACK_AUDIO)
        g_array_append_val (c->audio, node);
    }
  rig_region_sort_nodes (region, (guint *) c->req->data, c->req->len);
  rig_region_sort_nodes (region, (guint *) c->sup->data, c->sup->len);
  rig_region_sort_nodes (region, (guint *) c->audio->data, c->audio->len);
  for (guint i = 0; i < c->req->len; i++)
    {
      guint r = g_array_index (c->req, guint, i);
      if (c->sup->len > 0)
        region->node_flags[r] |= RIG_NODE_POWERED;
      else if (c->audio->len > 0)
        region->node_dev[r]->flags |= RIG_DEV_POWER_EXPLAINED;
    }
  return c->req->len > 0;
}

/* power.usb-budget (physics.md §5.3: a USB 2.0 port gives 5 V 500 mA
 * (2.5 W); USB 3.x 900 mA (4.5 W); USB-C 1.5 A or 3 A). */
void
rig_rule_power_usb_budget (RigRegion *region, guint net_id)
{
  const RigNet *net = &region->nets[net_id];
  PowerCensus c;
  RigDiagBuilder b;
  g_autofree char *give_t = NULL;
  g_autofree char *need_t = NULL;
  g_autofree char *title = NULL;
  GString *who;

  if (!census_take (region, net_id, &c) || c.sup->len == 0 || !c.usb || c.need <= c.give * 1.0001)
    {
      census_clear (&c);
      return;
    }
  give_t = rig_text_watts (c.give);
  need_t = rig_text_watts (c.need);
  title = rig_text_cable_title (region->net_cables[net->first_cable]);
  who = g_string_new (NULL);
  rig_diag_init (&b);
  for (guint k = 0; k < net->n_cables; k++)
    rig_diag_add_cable (&b, region->net_cables[net->first_cable + k]);
  for (guint i = 0; i < c.sup->len; i++)
    {
      guint node = g_array_index (c.sup, guint, i);
      rig_diag_add_jack (&b, region->node_dev[node], rig_node_jack (region, node));
    }
  for (guint i = 0; i < c.req->len; i++)
    {
      guint node = g_array_index (c.req, guint, i);
      rig_diag_add_jack (&b, region->node_dev[node], rig_node_jack (region, node));
      rig_diag_add_device (&b, region->node_dev[node]);
      if (i > 0)
        g_string_append (who, i + 1 == c.req->len ? _ (" and ") : ", ");
      g_string_append (who, rig_text_label (region->node_dev[node]));
    }
  {
    guint s0 = g_array_index (c.sup, guint, 0);
    g_autofree char *port = rig_text_jack (region->node_dev[s0], rig_node_jack (region, s0));
    rig_diag_emit (
        region, &b, RIG_CODE_POWER_USB_BUDGET, RIG_SEVERITY_WARNING,
        g_strdup_printf (_ ("%s: %s draws %s from %s, which gives %s"), title, who->str, need_t,
                         port, give_t),
        g_strdup_printf (_ ("%s supplies %s; %s needs %s: more than the port can give (a USB "
                            "2.0 port gives 2.5 W, USB 3 4.5 W, USB-C 7.5 or 15 W)."),
                         port, give_t, who->str, need_t),
        g_strdup (_ ("Dropouts and clicks, the device resetting or not starting; the port "
                     "may shut off.")),
        g_strdup (_ ("Use a powered USB hub or the device's own power supply, or a port that "
                     "gives more (USB 3 or USB-C).")));
  }
  g_string_free (who, TRUE);
  census_clear (&c);
}

/* power.not-a-power-source (physics.md §5.3: an audio output cannot charge or
 * power anything): an inlet wired to audio jacks only. */
void
rig_rule_power_not_a_power_source (RigRegion *region, guint net_id)
{
  PowerCensus c;

  if (!census_take (region, net_id, &c) || c.sup->len > 0 || c.audio->len == 0)
    {
      census_clear (&c);
      return;
    }

  for (guint i = 0; i < c.req->len; i++)
    {
      guint r = g_array_index (c.req, guint, i);
      guint a = g_array_index (c.audio, guint, 0);
      RigDevNode *rdev = region->node_dev[r];
      RigDevNode *adev = region->node_dev[a];
      const RigJack *rj = rig_node_jack_spec (region, r);
      const RigJack *aj = rig_node_jack_spec (region, a);
      g_autoptr (GPtrArray) path = rig_region_net_path (region, a, r);
      g_autofree char *title
          = path->len > 0 ? rig_text_cable_title (path->pdata[path->len - 1]) : g_strdup ("");
      g_autofree char *an = rig_text_jack (adev, rig_node_jack (region, a));
      g_autofree char *rn = rig_text_jack (rdev, rig_node_jack (region, r));
      g_autofree char *w = rig_text_watts (rj->power_required_w);
      g_autofree char *v = rig_figure_is_set (rj->power_required_v)
                               ? rig_text_volts (rj->power_required_v)
                               : g_strdup ("?");
      double av = rig_figure_is_set (aj->max_output_voltage)
                      ? aj->max_output_voltage
                      : rig_signal_typical_volts (aj->signal);
      g_autofree char *av_t
          = rig_figure_is_set (av) ? rig_text_volts (av) : g_strdup (_ ("a signal"));
      RigDiagBuilder b;

      rig_diag_init (&b);
      rig_diag_add_path (&b, path);
      rig_diag_add_jack (&b, rdev, rig_node_jack (region, r));
      rig_diag_add_jack (&b, adev, rig_node_jack (region, a));
      rig_diag_add_device (&b, rdev);
      rig_diag_emit (
          region, &b, RIG_CODE_POWER_NOT_A_POWER_SOURCE, RIG_SEVERITY_ERROR,
          g_strdup_printf (_ ("%s: %s → %s: an audio jack gives no power"), title, an, rn),
          g_strdup_printf (_ ("%s is an audio jack: it carries a signal of about %s with almost "
                              "no current behind it, and no supply. %s needs %s at %s on its "
                              "power inlet (an aux cable cannot power or charge "
                              "anything)."),
                           an, av_t, rig_text_label (rdev), w, v),
          g_strdup_printf (_ ("Nothing: %s stays off. Forcing power through an audio jack can "
                              "damage the source."),
                           rig_text_label (rdev)),
          g_strdup_printf (_ ("Connect the power inlet of %s to a power supply (a USB charger, a "
                              "computer's USB port, or its own adapter), and keep the audio "
                              "cable for sound only."),
                           rig_text_label (rdev)));
    }
  census_clear (&c);
}

/* power.unpowered (physics.md §5.3: an active (powered) speaker has its own
 * amplifier but needs power: mains, USB, or a charged battery). Reads the
 * marks of the power census (census_take()). */
void
rig_rule_power_unpowered (RigRegion *region, RigDevNode *dev)
{
  RigPowerSource source = rig_device_get_power_source (dev->device);
  const char *label = rig_text_label (dev);
  int inlet = -1;
  gboolean powered = FALSE;
  RigDiagBuilder b;
  char *why, *fix;

  if (source != RIG_POWER_SOURCE_USB && source != RIG_POWER_SOURCE_DC
      && source != RIG_POWER_SOURCE_BATTERY)
    return;

  for (guint j = 0; j < dev->n_jacks; j++)
    if (rig_jack_requires_power (rig_dev_jack (dev, (int) j)))
      {
        if (inlet < 0)
          inlet = (int) j;
        if (region->node_flags[rig_node_of (dev, (int) j)] & RIG_NODE_POWERED)
          powered = TRUE;
      }
  if (powered)
    return;

  if (source == RIG_POWER_SOURCE_BATTERY)
    {
      if (rig_device_get_figure (dev->device, RIG_FIGURE_BATTERY) == 1)
        return;
      why = g_strdup_printf (_ ("%s runs on its battery, and it is marked flat or missing; no "
                                "charger is connected."),
                             label);
      fix = g_strdup_printf (_ ("Charge or fit the battery of %s (set “Battery fitted”), or "
                                "connect it to a charger."),
                             label);
    }
  else
    {
      g_autofree char *jack = NULL;
      const RigJack *spec;
      g_autofree char *w = NULL;

      /* A model with no inlet cannot be checked; trust it. */
      if (inlet < 0 || (dev->flags & RIG_DEV_POWER_EXPLAINED))
        return;
      spec = rig_dev_jack (dev, inlet);
      jack = rig_text_jack (dev, inlet);
      w = rig_text_watts (spec->power_required_w);
      if (source == RIG_POWER_SOURCE_USB)
        {
          why = g_strdup_printf (_ ("%s takes its power over USB (%s), and %s is not connected "
                                    "to anything that supplies power: it has no battery and no "
                                    "mains plug."),
                                 label, w, jack);
          fix = g_strdup_printf (_ ("Connect %s to a USB charger or a computer's USB port."), jack);
        }
      else
        {
          why = g_strdup_printf (_ ("%s takes its power from a DC adapter (%s), and %s is not "
                                    "connected to one."),
                                 label, w, jack);
          fix = g_strdup_printf (_ ("Plug its DC power adapter into %s."), jack);
        }
    }

  rig_diag_init (&b);
  rig_diag_add_device (&b, dev);
  if (inlet >= 0 && source != RIG_POWER_SOURCE_BATTERY)
    rig_diag_add_jack (&b, dev, inlet);
  rig_diag_emit (region, &b, RIG_CODE_POWER_UNPOWERED, RIG_SEVERITY_ERROR,
                 g_strdup_printf (_ ("%s: no power"), label), why,
                 g_strdup_printf (_ ("Nothing: %s stays off."), label), fix);
}

/* ------------------------------------------------------------------ */
/* Amplifier power against the speaker's rating (physics.md §5.1, §5.2)*/

/* power.amp-underpowered, power.amp-overpowered (physics.md §5.1, §5.2:
 * compare the amp's continuous (RMS) power per channel at the speaker's
 * impedance with the speaker's continuous power handling; below 0.5x the amp
 * clips early, above 2x the speaker can be overdriven). @data: TRUE for
 * underpowered. */
static void
amp_power (RigRegion *region, const RigAmpOutput *out, RigDevNode *speaker, int speaker_jack,
           GPtrArray *path, double speaker_ohms, double volts, gpointer data)
{
  gboolean want_under = GPOINTER_TO_INT (data);
  double handling = rig_device_get_figure (speaker->device, RIG_FIGURE_POWER_HANDLING);
  double speaker_watts, ratio;
  g_autofree char *a = NULL;
  g_autofree char *s = NULL;
  g_autofree char *pw = NULL;
  g_autofree char *hw = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *z = NULL;
  g_autofree char *half = NULL;
  RigDiagBuilder b;

  /* Below the minimum load, power figures mean nothing (the amplifier
   * protects itself): impedance.below-minimum-load speaks instead. */
  if (out->too_low || !rig_figure_is_set (volts))
    return;
  speaker_watts = volts * volts / speaker_ohms;
  if (!rig_figure_is_set (handling) || !rig_figure_is_set (speaker_watts) || handling <= 0)
    return;
  /* A little tolerance: the share is computed through V = sqrt(P·Z). */
  ratio = speaker_watts / handling;
  if ((ratio >= 0.5 * (1 - 1e-9) && ratio <= 2 * (1 + 1e-9)) || (ratio < 0.5) != want_under)
    return;

  a = rig_text_jack (out->amp, out->amp_jack);
  s = rig_text_jack (speaker, speaker_jack);
  pw = rig_text_watts (speaker_watts);
  hw = rig_text_watts (handling);
  lo = rig_text_watts (handling);
  hi = rig_text_watts (2 * handling);
  z = rig_text_ohms (out->load);
  half = rig_text_watts (speaker_watts / 2);

  rig_diag_init (&b);
  rig_diag_add_path (&b, path);
  rig_diag_add_jack (&b, out->amp, out->amp_jack);
  rig_diag_add_jack (&b, speaker, speaker_jack);
  rig_diag_add_device (&b, out->amp);
  rig_diag_add_device (&b, speaker);
  if (ratio < 0.5)
    rig_diag_emit (
        region, &b, RIG_CODE_POWER_AMP_UNDERPOWERED, RIG_SEVERITY_WARNING,
        g_strdup_printf (_ ("%s → %s: %s for a speaker rated %s"), a, s, pw, hw),
        g_strdup_printf (_ ("Into the %s load on this channel, %s gives %s about %s; the speaker "
                            "is rated %s continuous: less than half. An amplifier of 1 to 2 "
                            "times the rating is the usual advice (slightly more "
                            "powerful)."),
                         z, rig_text_label (out->amp), rig_text_label (speaker), pw, hw),
        g_strdup (_ ("Fine at low volume; pushed loud, the amplifier clips: harsh, gritty sound, "
                     "and clipping can burn the tweeters.")),
        g_strdup_printf (_ ("Use an amplifier giving about %s to %s per channel into %s, or keep "
                            "the volume moderate."),
                         lo, hi, z));
  else
    rig_diag_emit (
        region, &b, RIG_CODE_POWER_AMP_OVERPOWERED, RIG_SEVERITY_WARNING,
        g_strdup_printf (_ ("%s → %s: %s for a speaker rated %s"), a, s, pw, hw),
        g_strdup_printf (_ ("Into the %s load on this channel, %s can give %s about %s; the "
                            "speaker is rated %s continuous: more than twice that."),
                         z, rig_text_label (out->amp), rig_text_label (speaker), pw, hw),
        g_strdup (_ ("Fine at normal volume; turned up, the speaker is overdriven: distortion, "
                     "then a burnt voice coil or a torn cone.")),
        g_strdup_printf (_ ("Keep the volume well below maximum, or choose speakers rated about "
                            "%s or more (or a smaller amplifier)."),
                         half));
}

void
rig_rule_power_amp_underpowered (RigRegion *region, RigDevNode *dev)
{
  rig_amp_outputs_foreach (region, dev, amp_power, NULL, GINT_TO_POINTER (TRUE));
}

void
rig_rule_power_amp_overpowered (RigRegion *region, RigDevNode *dev)
{
  rig_amp_outputs_foreach (region, dev, amp_power, NULL, GINT_TO_POINTER (FALSE));
}
