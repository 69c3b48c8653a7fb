/* rig-rules-supply.c: what powers devices.
 *
 * power.supply-voltage     physics.md §5.3 (a supply's volts must match the
 *                          inlet's: too high damages, too low will not start
 *                          or cuts out)
 * power.supply-budget      physics.md §5.3 (a supply's watts must cover the
 *                          draw; an amplifier that states no draw takes its
 *                          output / 0.85 at full power)
 * power.usb-budget         physics.md §5.3 (the same on USB bus power: 2.5 W,
 *                          4.5 W, 7.5/15 W); the code of older ignore lists
 * power.not-a-power-source physics.md §5.3 (an audio output cannot power or
 *                          charge anything)
 * power.unpowered          physics.md §5.3, §5.4 (a device fed through an inlet
 *                          is off until the inlet is cabled to a live supply;
 *                          a power strip is live only when plugged in; a mains
 *                          device with no inlet has a captive cord and is
 *                          assumed plugged in; battery devices need
 *                          RIG_FIGURE_BATTERY = 1 or a charger on an inlet)
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-rule-i18n.h"
#include "rig-rules.h"

/* A class-D amplifier's efficiency at full power (physics.md §5.3). */
#define CLASS_D_EFFICIENCY 0.85
/* How far a supply's volts may stray from the inlet's. */
#define VOLTS_TOLERANCE 0.1
/* Below this share of the volts a device does not start at all. */
#define VOLTS_NO_START 0.75
/* Chains of power strips followed at most. */
#define MAX_SUPPLY_DEPTH 8

/* A jack through which its device takes power: one that states a draw, or a
 * power input that states none (an amplifier's DC inlet). */
static gboolean
is_inlet (const RigJack *jack)
{
  return rig_jack_requires_power (jack)
         || (jack->signal == RIG_SIGNAL_POWER && jack->direction == RIG_DIRECTION_IN
             && !rig_jack_supplies_power (jack));
}

/* The watts an inlet draws: its own figure, else for an amplifier its
 * output power at full volume over a class-D amplifier's efficiency
 * (physics.md §5.3); @estimated is set when computed. NAN when unknown. */
static double
inlet_draw (RigDevNode *dev, const RigJack *jack, gboolean *estimated)
{
  double out = 0;

  *estimated = FALSE;
  if (rig_jack_requires_power (jack))
    return jack->power_required_w;
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *o = rig_dev_jack (dev, (int) j);
      double w;

      if (o->signal != RIG_SIGNAL_SPEAKER || !rig_jack_is_output (o) || o->n_ratings == 0)
        continue;
      w = rig_device_jack_power_at_load (dev->device, o, o->ratings[0].load_ohms);
      if (rig_figure_is_set (w))
        out += w * MAX (o->channels, 1);
    }
  if (out <= 0)
    return NAN;
  *estimated = TRUE;
  return out / CLASS_D_EFFICIENCY;
}

/* Whether @dev can give power (physics.md §5.4): it takes none through an
 * inlet (a wall outlet, a battery device, a mains device with a captive
 * cord), or an inlet of it is cabled to a live supplier. */
static gboolean
dev_live (RigRegion *region, RigDevNode *dev, int depth)
{
  gboolean has_inlet = FALSE;

  if (depth > MAX_SUPPLY_DEPTH)
    return FALSE;
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      guint net_id = region->net_of[node];
      const RigNet *net;

      if ((dev->info->jack_flags[j] & RIG_JACK_TRANSIT) || !is_inlet (rig_dev_jack (dev, (int) j)))
        continue;
      has_inlet = TRUE;
      if (net_id == RIG_NO_NET)
        continue;
      net = &region->nets[net_id];
      for (guint m = 0; m < net->n_members; m++)
        {
          guint other = region->members[net->first + m];
          if (other != node && !(rig_node_jflags (region, other) & RIG_JACK_TRANSIT)
              && rig_jack_supplies_power (rig_node_jack_spec (region, other))
              && dev_live (region, region->node_dev[other], depth + 1))
            return TRUE;
        }
    }
  return !has_inlet;
}

/* The power jacks of a net: those that take power, those that give it and
 * the audio jacks, each sorted. */
typedef struct
{
  GArray *req, *sup, *audio; /* guint nodes */
  gboolean usb;              /* a supplier is a USB port */
  gboolean live;             /* a supplier is live */
  gboolean estimated;        /* a draw is estimated from an amplifier's output */
  double need, give;         /* watts */
} PowerCensus;

static void
census_clear (PowerCensus *c)
{
  g_clear_pointer (&c->req, g_array_unref);
  g_clear_pointer (&c->sup, g_array_unref);
  g_clear_pointer (&c->audio, g_array_unref);
}

static void
census_add (RigRegion *region, PowerCensus *c, guint node)
{
  const RigJack *jack = rig_node_jack_spec (region, node);
  guint8 f = rig_node_jflags (region, node);

  if (f & RIG_JACK_TRANSIT)
    return;
  if (is_inlet (jack))
    {
      gboolean estimated;
      double w = inlet_draw (region->node_dev[node], jack, &estimated);

      g_array_append_val (c->req, node);
      if (rig_figure_is_set (w))
        c->need += w;
      c->estimated |= estimated;
    }
  else if (rig_jack_supplies_power (jack))
    {
      g_array_append_val (c->sup, node);
      c->give += jack->power_supplied_w;
      if (rig_connector_is_usb (jack->connector))
        c->usb = TRUE;
      if (!c->live && dev_live (region, region->node_dev[node], 0))
        c->live = TRUE;
    }
  else if (f & RIG_JACK_AUDIO)
    g_array_append_val (c->audio, node);
}

/* Counts the power jacks of @net; FALSE when no inlet is on it. Marks what
 * power.unpowered (a device rule, run after every net rule) reads: each
 * inlet whose net has a live supplier (RIG_NODE_POWERED), and each device
 * whose inlet is wired to audio jacks only (RIG_DEV_POWER_EXPLAINED, named by
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
            && is_inlet (rig_node_jack_spec (region, node));
    }
  if (!any)
    return FALSE;
  c->req = g_array_new (FALSE, FALSE, sizeof (guint));
  c->sup = g_array_new (FALSE, FALSE, sizeof (guint));
  c->audio = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = 0; m < net->n_members; m++)
    census_add (region, c, region->members[net->first + m]);
  rig_region_sort_nodes (region, (guint *) c->req->data, c->req->len);
  rig_region_sort_nodes (region, (guint *) c->sup->data, c->sup->len);
  rig_region_sort_nodes (region, (guint *) c->audio->data, c->audio->len);
  for (guint i = 0; i < c->req->len; i++)
    {
      guint r = g_array_index (c->req, guint, i);
      if (c->live)
        region->node_flags[r] |= RIG_NODE_POWERED;
      else if (c->sup->len == 0 && c->audio->len > 0)
        region->node_dev[r]->flags |= RIG_DEV_POWER_EXPLAINED;
    }
  return c->req->len > 0;
}

/* A builder with the net's cables, its suppliers and its inlets (and their
 * devices); @who: the inlets' devices, "A, B and C". */
static void
census_builder (RigRegion *region, guint net_id, PowerCensus *c, RigDiagBuilder *b, GString *who)
{
  const RigNet *net = &region->nets[net_id];

  rig_diag_init (b);
  for (guint k = 0; k < net->n_cables; k++)
    rig_diag_add_cable (b, region->net_cables[net->first_cable + k]);
  for (guint i = 0; i < c->sup->len; i++)
    {
      guint node = g_array_index (c->sup, guint, i);
      rig_diag_add_jack (b, region->node_dev[node], rig_node_jack (region, node));
    }
  for (guint i = 0; i < c->req->len; i++)
    {
      guint node = g_array_index (c->req, guint, i);
      rig_diag_add_jack (b, region->node_dev[node], rig_node_jack (region, node));
      rig_diag_add_device (b, region->node_dev[node]);
      if (i > 0)
        g_string_append (who, i + 1 == c->req->len ? _ (" and ") : ", ");
      g_string_append (who, rig_text_label (region->node_dev[node]));
    }
}

/* "12 V × 1 A = 12 W", or "12 W" when the volts are unknown. */
static char *
text_supply (double volts, double watts)
{
  g_autofree char *w = rig_text_watts (watts);
  g_autofree char *v = NULL;
  g_autofree char *a = NULL;

  if (!rig_figure_is_set (volts) || volts <= 0)
    return g_steal_pointer (&w);
  v = rig_text_volts (volts);
  a = rig_text_num (watts / volts);
  return g_strdup_printf (_ ("%s × %s A = %s"), v, a, w);
}

/* The volts every inlet of @c asks for when they agree, else NAN. */
static double
inlets_volts (RigRegion *region, const PowerCensus *c)
{
  double volts = NAN;

  for (guint i = 0; i < c->req->len; i++)
    {
      double v = rig_node_jack_spec (region, g_array_index (c->req, guint, i))->power_required_v;
      if (!rig_figure_is_set (v) || (rig_figure_is_set (volts) && v != volts))
        return NAN;
      volts = v;
    }
  return volts;
}

/* The fix of power.usb-budget, naming only what the rig has or a device to
 * add (physics.md §5.3): a powered hub where the cable carries audio too, a
 * USB charger where it carries power only; the device's own other inlet; a
 * free port of the rig that gives enough. */
static char *
usb_budget_fix (RigRegion *region, const PowerCensus *c, guint s0)
{
  guint r0 = g_array_index (c->req, guint, 0);
  RigDevNode *rdev = region->node_dev[r0];
  const char *label = rig_text_label (rdev);
  g_autofree char *need = rig_text_watts (c->need);
  GString *fix = g_string_new (NULL);

  if (c->audio->len > 0 || (rig_node_jflags (region, r0) & RIG_JACK_AUDIO))
    g_string_append_printf (fix,
                            _ ("Put a powered USB hub (one with its own adapter) that gives at "
                               "least %s per port between %s and %s"),
                            need, rig_text_label (region->node_dev[s0]), label);
  else
    g_string_append_printf (fix, _ ("Power %s from a USB charger that gives at least %s"), label,
                            need);
  for (guint j = 0; j < rdev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (rdev, (int) j);
      g_autofree char *name = NULL;
      if ((int) j == rig_node_jack (region, r0) || !is_inlet (jack)
          || rig_connector_is_usb (jack->connector))
        continue;
      name = rig_text_jack (rdev, (int) j);
      g_string_append_printf (fix, _ (", or power it through %s"), name);
      break;
    }
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      for (guint j = 0; j < dev->n_jacks; j++)
        {
          const RigJack *jack = rig_dev_jack (dev, (int) j);
          g_autofree char *name = NULL;
          g_autofree char *w = NULL;
          if (rig_node_of (dev, (int) j) == s0 || !rig_connector_is_usb (jack->connector)
              || !rig_jack_supplies_power (jack) || jack->power_supplied_w < c->need
              || region->net_of[rig_node_of (dev, (int) j)] != RIG_NO_NET)
            continue;
          name = rig_text_jack (dev, (int) j);
          w = rig_text_watts (jack->power_supplied_w);
          g_string_append_printf (fix, _ (", or use %s, which gives %s"), name, w);
          return g_string_free (g_string_append (fix, "."), FALSE);
        }
    }
  return g_string_free (g_string_append (fix, "."), FALSE);
}

/* power.usb-budget, power.supply-budget (physics.md §5.3: the supply's watts
 * must cover the draw; USB 2.0 gives 2.5 W, USB 3 4.5 W, USB-C 7.5 or 15 W).
 * @usb: judge USB nets (power.usb-budget) or the others. */
static void
supply_budget (RigRegion *region, guint net_id, gboolean usb)
{
  PowerCensus c;
  RigDiagBuilder b;
  guint s0;
  double volts, want;
  gboolean wrong_volts;
  g_autofree char *give_t = NULL;
  g_autofree char *need_t = NULL;
  g_autofree char *title = NULL;
  g_autofree char *port = NULL;
  GString *who;

  if (!census_take (region, net_id, &c) || c.sup->len == 0 || c.usb != usb || c.need <= 0
      || c.need <= c.give * 1.0001)
    {
      census_clear (&c);
      return;
    }
  s0 = g_array_index (c.sup, guint, 0);
  volts = rig_node_jack_spec (region, s0)->power_supplied_v;
  want = inlets_volts (region, &c);
  /* A supply of the wrong voltage (power.supply-voltage says so): the draw
   * is the devices' own watts at their own volts. */
  wrong_volts = rig_figure_is_set (want) && rig_figure_is_set (volts)
                && fabs (volts - want) > want * VOLTS_TOLERANCE;
  give_t = text_supply (volts, c.give);
  need_t = text_supply (wrong_volts ? want : volts, c.need);
  title = rig_text_cable_title (region->net_cables[region->nets[net_id].first_cable]);
  port = rig_text_jack (region->node_dev[s0], rig_node_jack (region, s0));
  who = g_string_new (NULL);
  census_builder (region, net_id, &c, &b, who);
  if (usb)
    rig_diag_emit (
        region, &b, RIG_CODE_POWER_USB_BUDGET, RIG_SEVERITY_WARNING,
        g_strdup_printf (_ ("%s: %s draws %s from %s, which gives %s"), title, who->str, need_t,
                         port, give_t),
        g_strdup_printf (_ ("%s supplies %s; %s needs %s: more than the port can give (a USB "
                            "2.0 port gives 2.5 W, USB 3 4.5 W, USB-C 7.5 or 15 W)."),
                         port, give_t, who->str, need_t),
        g_strdup (_ ("Dropouts and clicks, the device resetting or not starting; the port "
                     "may shut off.")),
        usb_budget_fix (region, &c, s0));
  else
    rig_diag_emit (
        region, &b, RIG_CODE_POWER_SUPPLY_BUDGET, RIG_SEVERITY_WARNING,
        g_strdup_printf (_ ("%s: %s needs %s, %s gives %s"), title, who->str, need_t, port, give_t),
        g_strdup_printf (_ ("%s gives at most %s; %s needs %s%s. A device takes what it needs, "
                            "so the supply must cover the draw."),
                         port, give_t, who->str, need_t,
                         c.estimated ? _ (" at full volume (its output power divided by 0.85, "
                                          "a class-D amplifier's efficiency)")
                                     : ""),
        g_strdup (_ ("Fine when quiet; when the music gets loud the supply's voltage sags: "
                     "distortion, the device cutting out or restarting, and a hot adapter.")),
        wrong_volts ? g_strdup_printf (
            _ ("Use a supply of the right voltage that gives at least %s."), need_t)
                    : g_strdup_printf (
                        _ ("Use a supply of the same voltage that gives at least %s."), need_t));
  g_string_free (who, TRUE);
  census_clear (&c);
}

void
rig_rule_power_usb_budget (RigRegion *region, guint net_id)
{
  supply_budget (region, net_id, TRUE);
}

void
rig_rule_power_supply_budget (RigRegion *region, guint net_id)
{
  supply_budget (region, net_id, FALSE);
}

/* power.supply-voltage (physics.md §5.3: volts must match; too high damages
 * the device, too low and it will not start or cuts out when the draw
 * rises). An inlet that states no voltage takes any (a universal 100-240 V
 * mains inlet). */
void
rig_rule_power_supply_voltage (RigRegion *region, guint net_id)
{
  PowerCensus c;

  if (!census_take (region, net_id, &c))
    {
      census_clear (&c);
      return;
    }
  for (guint i = 0; i < c.req->len; i++)
    for (guint k = 0; k < c.sup->len; k++)
      {
        guint r = g_array_index (c.req, guint, i), s = g_array_index (c.sup, guint, k);
        double want = rig_node_jack_spec (region, r)->power_required_v;
        double have = rig_node_jack_spec (region, s)->power_supplied_v;
        RigDevNode *rdev = region->node_dev[r];
        gboolean high;
        g_autofree char *want_t = NULL;
        g_autofree char *have_t = NULL;
        g_autofree char *rn = NULL;
        g_autofree char *sn = NULL;
        g_autoptr (GPtrArray) path = NULL;
        RigDiagBuilder b;

        if (!rig_figure_is_set (want) || !rig_figure_is_set (have)
            || fabs (have - want) <= want * VOLTS_TOLERANCE)
          continue;
        high = have > want;
        want_t = rig_text_volts (want);
        have_t = rig_text_volts (have);
        rn = rig_text_jack (rdev, rig_node_jack (region, r));
        sn = rig_text_jack (region->node_dev[s], rig_node_jack (region, s));
        path = rig_region_net_path (region, s, r);
        rig_diag_init (&b);
        rig_diag_add_path (&b, path);
        rig_diag_add_jack (&b, rdev, rig_node_jack (region, r));
        rig_diag_add_jack (&b, region->node_dev[s], rig_node_jack (region, s));
        rig_diag_add_device (&b, rdev);
        rig_diag_emit (
            region, &b, RIG_CODE_POWER_SUPPLY_VOLTAGE,
            high || have < want * VOLTS_NO_START ? RIG_SEVERITY_ERROR : RIG_SEVERITY_WARNING,
            g_strdup_printf (_ ("%s → %s: %s needs %s; the supply gives %s"), sn, rn,
                             rig_text_label (rdev), want_t, have_t),
            high ? g_strdup_printf (_ ("%s takes %s; %s gives %s. Too high a voltage drives "
                                       "more current through the device than it is built "
                                       "for."),
                                    rn, want_t, sn, have_t)
                 : g_strdup_printf (_ ("%s takes %s; %s gives only %s. Below its rated voltage "
                                       "a device starts badly or not at all, and its "
                                       "amplifier runs out of voltage early."),
                                    rn, want_t, sn, have_t),
            high ? g_strdup_printf (_ ("%s can be damaged at once: a burnt smell, then "
                                       "nothing."),
                                    rig_text_label (rdev))
                 : g_strdup_printf (_ ("%s does not start, or cuts out and distorts when the "
                                       "music gets loud."),
                                    rig_text_label (rdev)),
            g_strdup_printf (_ ("Use a %s supply for %s (its own adapter)."), want_t,
                             rig_text_label (rdev)));
      }
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
      gboolean estimated;
      double draw = inlet_draw (rdev, rj, &estimated);
      const char *w
          = rig_figure_is_set (draw) ? rig_region_number_text (region, rig_text_watts, draw) : "?";
      g_autofree char *v = rig_figure_is_set (rj->power_required_v)
                               ? rig_text_volts (rj->power_required_v)
                               : g_strdup (_ ("mains voltage"));
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

/* The device whose supplier feeds inlet @node, if that supplier is dead (a
 * power strip not plugged in), or NULL. */
static RigDevNode *
dead_supplier (RigRegion *region, guint node)
{
  guint net_id = region->net_of[node];
  const RigNet *net;

  if (net_id == RIG_NO_NET)
    return NULL;
  net = &region->nets[net_id];
  for (guint m = 0; m < net->n_members; m++)
    {
      guint other = region->members[net->first + m];
      if (other != node && !(rig_node_jflags (region, other) & RIG_JACK_TRANSIT)
          && rig_jack_supplies_power (rig_node_jack_spec (region, other)))
        return region->node_dev[other];
    }
  return NULL;
}

/* Whether any jack of @dev is cabled. */
static gboolean
dev_wired (RigRegion *region, RigDevNode *dev)
{
  for (guint j = 0; j < dev->n_jacks; j++)
    if (region->net_of[rig_node_of (dev, (int) j)] != RIG_NO_NET)
      return TRUE;
  return FALSE;
}

/* Whether @dev passes mains on through outlets of its own (a power strip). */
static gboolean
has_outlets (const RigDevNode *dev)
{
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (dev, (int) j);
      if (jack->connector == RIG_CONNECTOR_IEC && rig_jack_supplies_power (jack))
        return TRUE;
    }
  return FALSE;
}

/* The why and fix of power.unpowered for a device fed through @inlet. */
static void
inlet_texts (RigRegion *region, RigDevNode *dev, RigPowerSource source, int inlet, char **why,
             char **fix)
{
  const char *label = rig_text_label (dev);
  const RigJack *spec = rig_dev_jack (dev, inlet);
  RigDevNode *dead = dead_supplier (region, rig_node_of (dev, inlet));
  g_autofree char *jack = rig_text_jack (dev, inlet);
  gboolean estimated;
  double draw = inlet_draw (dev, spec, &estimated);
  const char *w
      = rig_figure_is_set (draw) ? rig_region_number_text (region, rig_text_watts, draw) : "?";

  if (dead != NULL)
    {
      *why = g_strdup_printf (_ ("%s is connected to %s, which has no power itself: it is not "
                                 "plugged in."),
                              jack, rig_text_label (dead));
      *fix = g_strdup_printf (_ ("Plug %s into a wall outlet (or a live power strip)."),
                              rig_text_label (dead));
    }
  else if (spec->connector == RIG_CONNECTOR_IEC && rig_jack_is_input (spec)
           && spec->gender == RIG_GENDER_PLUG && has_outlets (dev))
    {
      *why = g_strdup_printf (_ ("%s is not plugged in: its outlets give nothing until %s goes "
                                 "into a wall outlet."),
                              label, jack);
      *fix = g_strdup_printf (_ ("Plug %s into a wall outlet."), jack);
    }
  else if (spec->connector == RIG_CONNECTOR_IEC && rig_jack_is_input (spec)
           && spec->gender == RIG_GENDER_PLUG)
    {
      *why = g_strdup_printf (_ ("%s takes mains power (%s) through its own mains plug, %s, and "
                                 "that plug is not in an outlet."),
                              label, w, jack);
      *fix = g_strdup_printf (_ ("Plug %s into a wall outlet or a power strip."), jack);
    }
  else if (source == RIG_POWER_SOURCE_MAINS || spec->connector == RIG_CONNECTOR_IEC)
    {
      *why = g_strdup_printf (_ ("%s takes mains power (%s) through %s, and nothing is plugged "
                                 "into it: a powered speaker has its amplifier inside, and "
                                 "that amplifier needs mains even when the audio is "
                                 "connected."),
                              label, w, jack);
      *fix = g_strdup_printf (_ ("Connect %s to a wall outlet or a power strip with a mains "
                                 "(IEC) cord."),
                              jack);
    }
  else if (source == RIG_POWER_SOURCE_USB || rig_connector_is_usb (spec->connector))
    {
      *why = g_strdup_printf (_ ("%s takes its power over USB (%s), and %s is not connected "
                                 "to anything that supplies power: it has no battery and no "
                                 "mains plug."),
                              label, w, jack);
      *fix = g_strdup_printf (_ ("Connect %s to a USB charger or a computer's USB port."), jack);
    }
  else
    {
      *why = g_strdup_printf (_ ("%s takes its power from a DC adapter (%s), and %s is not "
                                 "connected to one."),
                              label, w, jack);
      *fix = g_strdup_printf (_ ("Plug its DC power adapter into %s."), jack);
    }
}

/* power.unpowered (physics.md §5.3, §5.4: a device fed through an inlet needs
 * that inlet cabled to a live supply; a battery device needs a charged
 * battery). Reads the marks of the power census (census_take()). */
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
      && source != RIG_POWER_SOURCE_BATTERY && source != RIG_POWER_SOURCE_MAINS)
    return;

  for (guint j = 0; j < dev->n_jacks; j++)
    if (!(dev->info->jack_flags[j] & RIG_JACK_TRANSIT) && is_inlet (rig_dev_jack (dev, (int) j)))
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
      /* A model with no inlet cannot be checked (a mains device with a
       * captive cord is assumed plugged in); a mains device not wired at all
       * is not begun yet. */
      if (inlet < 0 || (dev->flags & RIG_DEV_POWER_EXPLAINED)
          || (source == RIG_POWER_SOURCE_MAINS && !dev_wired (region, dev)))
        return;
      /* Its inlet's only cable cannot be plugged in: the connector verdict
       * on that cable says it, and what it would carry is not judged
       * (physics.md §3). */
      if (region->node_flags[rig_node_of (dev, inlet)] & RIG_NODE_UNPLUGGED)
        return;
      inlet_texts (region, dev, source, inlet, &why, &fix);
    }

  rig_diag_init (&b);
  rig_diag_add_device (&b, dev);
  if (inlet >= 0 && source != RIG_POWER_SOURCE_BATTERY)
    rig_diag_add_jack (&b, dev, inlet);
  rig_diag_emit (region, &b, RIG_CODE_POWER_UNPOWERED, RIG_SEVERITY_ERROR,
                 g_strdup_printf (_ ("%s: no power"), label), why,
                 g_strdup_printf (_ ("Nothing: %s stays off."), label), fix);
}
