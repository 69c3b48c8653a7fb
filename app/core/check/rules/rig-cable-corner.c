/* rig-cable-corner.c: signal.cable-length for unbalanced analog cables
 * (physics.md §7.1, §7.2): the treble corner of the source impedance against
 * the cable's capacitance, and the hum risk of a long unbalanced run. USB,
 * TOSLINK, balanced lines and speaker wire are judged in rig-rules-signal.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-rules.h"

/* The capacitance per metre assumed for a cable by its connectors
 * (physics.md §7.1: about 50-150 pF/m), and what the text calls it. */
static double
picofarads_per_metre (const RigCabNode *cable, const char **kind)
{
  const RigJack *a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *b = rig_dev_jack (cable->dev[1], cable->jack[1]);

  if (a->connector == RIG_CONNECTOR_RCA || b->connector == RIG_CONNECTOR_RCA)
    {
      *kind = _ ("an RCA cable");
      return 80;
    }
  if (a->connector == RIG_CONNECTOR_PHONE && a->size == RIG_PHONE_SIZE_6_35
      && b->connector == RIG_CONNECTOR_PHONE && b->size == RIG_PHONE_SIZE_6_35)
    {
      *kind = _ ("a 6.35 mm instrument cable");
      return 100;
    }
  if (a->connector == RIG_CONNECTOR_PHONE || b->connector == RIG_CONNECTOR_PHONE)
    {
      *kind = _ ("a thin 3.5 mm cable");
      return 120;
    }
  *kind = _ ("a shielded audio cable");
  return 100;
}

/* The source impedance a net's cable capacitance works against in the
 * treble (physics.md §7.1): a passive pickup's rises to about 50 kΩ at
 * 3 kHz; any other source its output impedance (600 Ω when unstated).
 * Also whether a listener on the net is no more than headphones. */
typedef struct
{
  double zs;           /* Ω, the highest source impedance on the net */
  gboolean pickup;     /* that source is a passive pickup */
  gboolean any_source; /* the net has a source */
  gboolean line_sink;  /* some input on it is not headphones */
} NetSource;

static void
net_source (RigRegion *region, guint net_id, NetSource *ns)
{
  const RigNet *net = &region->nets[net_id];

  ns->zs = 0;
  ns->pickup = ns->any_source = ns->line_sink = FALSE;
  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      const RigJack *jack = rig_node_jack_spec (region, node);
      double z = jack->output_impedance;
      gboolean pickup = FALSE;

      if (rig_region_is_sink (region, node) && jack->signal != RIG_SIGNAL_HEADPHONE)
        ns->line_sink = TRUE;
      if (!rig_region_is_source (region, node) || !rig_signal_is_analog (jack->signal))
        continue;
      ns->any_source = TRUE;
      if (jack->signal == RIG_SIGNAL_INSTRUMENT && (!rig_figure_is_set (z) || z >= 5000))
        {
          z = 50000;
          pickup = TRUE;
        }
      else if (!rig_figure_is_set (z) || z <= 0)
        z = 600;
      if (z > ns->zs)
        {
          ns->zs = z;
          ns->pickup = pickup;
        }
    }
}

/* "800 Hz", "3.2 kHz", "1.3 MHz". */
static char *
frequency_text (double hz)
{
  g_autofree char *n = NULL;

  if (hz >= 1e6)
    {
      n = rig_text_db (hz / 1e6);
      return g_strdup_printf (_ ("%s MHz"), n);
    }
  if (hz >= 1000)
    {
      n = rig_text_db (hz / 1000);
      return g_strdup_printf (_ ("%s kHz"), n);
    }
  n = rig_text_num (round (hz));
  return g_strdup_printf (_ ("%s Hz"), n);
}

/* The corner below which a passive pickup's treble must reach the amp
 * (its bite lives around 2-5 kHz; physics.md §7.1), and the top of hearing
 * for everything else. */
#define PICKUP_CORNER_HZ 4000.0
#define AUDIBLE_TOP_HZ 20000.0
/* Unbalanced runs beyond this pick up hum and noise (physics.md §7.2). */
#define UNBALANCED_HUM_M 10.0

/* signal.cable-length for an unbalanced analog cable (physics.md §7.1, §7.2):
 * the treble corner f = 1 / (2π · R · C) of the net's source impedance
 * against all its cables' capacitance, and the hum risk of a long unbalanced
 * run. Judged once per net, on its longest cable. */
void
rig_rule_signal_cable_length_unbalanced (RigRegion *region, RigCabNode *cable)
{
  guint net_id = region->net_of[rig_node_of (cable->dev[0], cable->jack[0])];
  const RigNet *net;
  NetSource ns;
  double length = cable->cable->spec.length_m, total = 0, farads = 0, corner, top;
  const char *kind;
  double pf = picofarads_per_metre (cable, &kind);
  g_autofree char *head = NULL;
  g_autofree char *len = NULL;
  RigDiagBuilder b;
  char *why, *hear, *fix, *message;

  if (net_id == RIG_NO_NET)
    return;
  net = &region->nets[net_id];
  for (guint c = 0; c < net->n_cables; c++)
    {
      RigCabNode *other = region->net_cables[net->first_cable + c];
      const char *k;
      double l = other->cable->spec.length_m;
      if (!rig_figure_is_set (l) || other->cable->spec.kind != RIG_CABLE_KIND_CABLE)
        continue;
      if (l > length || (l == length && rig_id_compare (other->cable->id, cable->cable->id) < 0))
        return; /* judged on the longest */
      total += l;
      farads += l * picofarads_per_metre (other, &k) * 1e-12;
    }
  net_source (region, net_id, &ns);
  if (!ns.any_source || farads <= 0)
    return;
  corner = 1 / (2 * G_PI * ns.zs * farads);
  top = ns.pickup ? PICKUP_CORNER_HZ : AUDIBLE_TOP_HZ;
  head = rig_text_cable (cable);
  len = rig_text_num (total);

  if (corner < top)
    {
      g_autofree char *zs_t = rig_text_ohms (ns.zs);
      g_autofree char *pf_t = rig_text_num (pf);
      g_autofree char *nf_t = rig_text_num (farads * 1e12);
      g_autofree char *f_t = frequency_text (corner);
      g_autofree char *max_t = rig_text_num (floor (total * corner / top));
      message = g_strdup_printf (_ ("%s: %s m of cable dulls the treble"), head, len);
      why = g_strdup_printf (
          ns.pickup ? _ ("A passive pickup's impedance rises to about %s in the treble. %s m of "
                         "cable at about %s pF/m (assumed for %s) adds %s pF, and the two make "
                         "a low-pass corner at 1 / (2π · R · C) = %s, inside the range that "
                         "gives a guitar its bite.")
                    : _ ("The source impedance is %s. %s m of cable at about %s pF/m (assumed "
                         "for %s) adds %s pF, and the two make a low-pass corner at "
                         "1 / (2π · R · C) = %s, inside the audible band."),
          zs_t, len, pf_t, kind, nf_t, f_t);
      hear = g_strdup (_ ("Dull, muffled highs."));
      fix = g_strdup_printf (_ ("Keep the cable to about %s m, or put a buffer (a DI box or a "
                                "buffered pedal) near the source and run the long way from "
                                "there."),
                             max_t);
    }
  else if (total > UNBALANCED_HUM_M && ns.line_sink)
    {
      g_autofree char *f_t = frequency_text (corner);
      g_autofree char *pf_t = rig_text_num (pf);
      g_autofree char *lim = rig_text_num (UNBALANCED_HUM_M);
      message = g_strdup_printf (_ ("%s: %s m unbalanced run, hum and noise risk"), head, len);
      why = g_strdup_printf (_ ("In an unbalanced cable the shield is also the signal's return, "
                                "so hum along it and fields picked up land in the signal; "
                                "beyond about %s m hum and buzz become likely, worse near mains "
                                "wiring. The treble is safe: at about %s pF/m (assumed for %s) "
                                "the cable's corner is about %s, far above hearing."),
                             lim, pf_t, kind, f_t);
      hear = g_strdup (_ ("Possible hum, buzz and noise; the treble stays."));
      fix = g_strdup_printf (_ ("Keep the run under about %s m, or put a DI box at the source "
                                "end and run balanced from there."),
                             lim);
    }
  else
    return;

  rig_diag_init (&b);
  rig_diag_add_cable (&b, cable);
  rig_diag_emit (region, &b, RIG_CODE_SIGNAL_CABLE_LENGTH, RIG_SEVERITY_WARNING, message, why, hear,
                 fix);
}
