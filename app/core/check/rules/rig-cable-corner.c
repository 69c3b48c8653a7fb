/* rig-cable-corner.c: signal.cable-length (physics.md §7.1, §7.2): for
 * unbalanced analog cables the treble corner 1/(2πRC) of the source
 * impedance against the cable's capacitance and the hum risk of a run beyond
 * 10 m; 5 m USB, 10 m TOSLINK, 100 m balanced, speaker wire against its load.
 */
#include "config.h"

#include <math.h>

#include "rig-rule-i18n.h"
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
  if (corner < top)
    rig_diag_set_hear (region, RIG_HEAR_LOWPASS, corner, 0);
  rig_diag_emit (region, &b, RIG_CODE_SIGNAL_CABLE_LENGTH, RIG_SEVERITY_WARNING, message, why, hear,
                 fix);
}

/* ------------------------------------------------------------------ */
/* Cable length (physics.md §7.1)                                      */

/* A coaxial S/PDIF jack of @dev facing the way @like does, or -1. */
static int
coax_jack (const RigDevNode *dev, const RigJack *like)
{
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (dev, (int) j);
      if (jack->signal == RIG_SIGNAL_SPDIF && jack->connector != RIG_CONNECTOR_TOSLINK
          && jack->direction == like->direction)
        return (int) j;
    }
  return -1;
}

/* The fix of a TOSLINK run too long: a coaxial S/PDIF cable only where both
 * devices have the jacks for it (physics.md §2.5), else a shorter run, glass
 * fibre or a repeater. */
static char *
toslink_fix (RigCabNode *cable)
{
  int ca = coax_jack (cable->dev[0], rig_dev_jack (cable->dev[0], cable->jack[0]));
  int cb = coax_jack (cable->dev[1], rig_dev_jack (cable->dev[1], cable->jack[1]));
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  if (ca < 0 || cb < 0)
    return g_strdup (_ ("Use a shorter optical cable, a glass-fibre optical cable, or an "
                        "optical repeater on the way."));
  ja = rig_text_jack (cable->dev[0], ca);
  jb = rig_text_jack (cable->dev[1], cb);
  return g_strdup_printf (_ ("Use a shorter optical cable, or join %s to %s with a 75 Ω "
                             "coaxial S/PDIF cable instead."),
                          ja, jb);
}

/* signal.cable-length by the kind of cable (physics.md §7.1, §7.2:
 * balanced 100 m, USB 2.0 5 m, TOSLINK 5-10 m; unbalanced analog cables
 * by their treble corner and hum risk, rig-cable-corner.c). */
static void
kind_length (RigRegion *region, RigCabNode *cable)
{
  const RigJack *a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *b = rig_dev_jack (cable->dev[1], cable->jack[1]);
  double length = cable->cable->spec.length_m;
  double limit;
  char *why, *hear, *fix;
  g_autofree char *len = NULL;
  g_autofree char *head = NULL;
  RigDiagBuilder builder;

  if (!rig_figure_is_set (length) || cable->cable->spec.kind == RIG_CABLE_KIND_WIRELESS)
    return;
  /* Speaker wire is judged against its load (rig-rules-impedance.c). */
  if (a->signal == RIG_SIGNAL_SPEAKER || b->signal == RIG_SIGNAL_SPEAKER)
    return;

  len = rig_text_num (length);
  if (rig_connector_is_usb (a->connector) || rig_connector_is_usb (b->connector))
    {
      limit = 5;
      why = g_strdup_printf (_ ("USB 2.0 cables work up to 5 m; this one is %s m."), len);
      hear = g_strdup (_ ("Dropouts and clicks, or the device is not found at all."));
      fix = g_strdup (_ ("Use a USB cable of 5 m or less, or an active (repeater) USB "
                         "extension."));
    }
  else if (a->connector == RIG_CONNECTOR_TOSLINK || b->connector == RIG_CONNECTOR_TOSLINK)
    {
      limit = 10;
      why = g_strdup_printf (_ ("Plastic optical fibre carries S/PDIF about 5 to 10 m; this one "
                                "is %s m."),
                             len);
      hear = g_strdup (_ ("Dropouts, clicks or silence."));
      fix = toslink_fix (cable);
    }
  else if (rig_signal_is_analog (a->signal) && rig_signal_is_analog (b->signal))
    {
      if (!(rig_jack_is_balanced (a) && rig_jack_is_balanced (b)))
        {
          rig_rule_signal_cable_length_unbalanced (region, cable);
          return;
        }
      limit = 100;
      why = g_strdup_printf (_ ("Balanced lines run about 100 m; this one is %s m."), len);
      hear = g_strdup (_ ("More noise, and a duller top on a high-impedance source."));
      fix = g_strdup (_ ("Shorten the run, or carry the signal digitally over the distance."));
    }
  else
    return;

  if (length <= limit)
    {
      g_free (why);
      g_free (hear);
      g_free (fix);
      return;
    }

  head = rig_text_cable (cable);
  rig_diag_init (&builder);
  rig_diag_add_cable (&builder, cable);
  {
    g_autofree char *lim = rig_text_num (limit);
    rig_diag_emit (region, &builder, RIG_CODE_SIGNAL_CABLE_LENGTH, RIG_SEVERITY_WARNING,
                   g_strdup_printf (_ ("%s: %s m long, over %s m"), head, len, lim), why, hear,
                   fix);
  }
}

static double
ohms_per_metre (double awg)
{
  /* physics.md §7.1 for the usual gauges; otherwise copper from the AWG
   * diameter. */
  if (awg == 18)
    return 0.021;
  if (awg == 16)
    return 0.0132;
  if (awg == 14)
    return 0.0083;
  if (awg == 12)
    return 0.0052;
  {
    double d_mm = 0.127 * pow (92, (36 - awg) / 39);
    double area = G_PI * d_mm * d_mm / 4 * 1e-6;
    return 1.72e-8 / area;
  }
}

/* signal.cable-length for speaker wire (physics.md §7.1: keep the
 * round-trip resistance under 5% of the speaker impedance, with the table of
 * copper per metre): a cable of a net that has speakers on it. */
/* signal.cable-length for one length of speaker wire into a @load. */
static void
speaker_wire_report (RigRegion *region, RigCabNode *cable, double load)
{
  const RigCableSpec *spec = &cable->cable->spec;
  gboolean assumed = !rig_figure_is_set (spec->gauge_awg);
  double awg = assumed ? 16 : spec->gauge_awg;
  double r, limit = 0.05 * load;
  static const double gauges[] = { 18, 16, 14, 12, 10, 8 };
  double better = 0;
  g_autofree char *head = NULL;
  g_autofree char *len = NULL;
  g_autofree char *rt = NULL;
  g_autofree char *zl = NULL;
  g_autofree char *pct = NULL;
  g_autofree char *lim = NULL;
  RigDiagBuilder b;

  if (!rig_figure_is_set (spec->length_m) || spec->kind != RIG_CABLE_KIND_CABLE)
    return;
  r = 2 * spec->length_m * ohms_per_metre (awg);
  if (r <= limit)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (gauges) && better == 0; i++)
    if (2 * spec->length_m * ohms_per_metre (gauges[i]) <= limit)
      better = gauges[i];

  head = rig_text_cable (cable);
  len = rig_text_num (spec->length_m);
  rt = rig_text_ohms (r);
  zl = rig_text_ohms (load);
  pct = rig_text_num (100 * r / load);
  lim = rig_text_ohms (limit);
  rig_diag_init (&b);
  rig_diag_add_cable (&b, cable);
  rig_diag_set_hear (region, RIG_HEAR_LEVEL, 20 * log10 (load / (load + r)), 0);
  rig_diag_emit (
      region, &b, RIG_CODE_SIGNAL_CABLE_LENGTH, RIG_SEVERITY_WARNING,
      g_strdup_printf (_ ("%s: %s m of %g AWG speaker wire"), head, len, awg),
      g_strdup_printf (assumed ? _ ("There and back, %s m of %g AWG copper (assumed, the "
                                    "gauge is not given) measures about %s: %s%% of the %s "
                                    "load, over the 5%% limit. The wire eats power and "
                                    "loosens the amplifier's grip.")
                               : _ ("There and back, %s m of %g AWG copper measures about "
                                    "%s: %s%% of the %s load, over the 5%% limit. The wire "
                                    "eats power and loosens the amplifier's grip."),
                       len, awg, rt, pct, zl),
      g_strdup (_ ("Less volume, and looser, duller bass.")),
      better > 0 ? g_strdup_printf (_ ("Use %g AWG wire or heavier (under %s there and "
                                       "back), or a shorter run."),
                                    better, lim)
                 : g_strdup_printf (_ ("Shorten the run (under %s there and back), or put "
                                       "the amplifier nearer the speakers."),
                                    lim));
}

static void
speaker_wire_length (RigRegion *region, RigCabNode *cable)
{
  guint net_id = region->net_of[rig_node_of (cable->dev[0], cable->jack[0])];
  const RigNet *net = &region->nets[net_id];
  gboolean speakers = FALSE;
  double load;

  for (guint m = 0; m < net->n_members && !speakers; m++)
    if (rig_region_is_speaker_load (region, region->members[net->first + m]))
      speakers = TRUE;
  if (!speakers)
    return;
  load = rig_region_net_load (region, net_id);
  if (!isfinite (load) || load <= 0)
    return;
  speaker_wire_report (region, cable, load);
}

void
rig_rule_signal_cable_length (RigRegion *region, RigCabNode *cable)
{
  kind_length (region, cable);
  speaker_wire_length (region, cable);
}
