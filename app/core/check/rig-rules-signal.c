/* rig-rules-signal.c: direction, level, kind, channels, cables and ground.
 *
 * signal.input-to-input        doc §3 (a dead end, article 001)
 * signal.output-to-output      doc §3 (two sources fight; damage)
 * signal.mic-into-line         doc §4 (30-50 dB too quiet, article 001)
 * signal.line-into-mic         doc §4 (overload)
 * signal.instrument-into-line  doc §4 (dull, quiet; needs Hi-Z or a DI)
 * signal.phono-into-line       doc §1, §2 RCA (needs an RIAA preamp)
 * signal.line-into-phono       doc §1, §2 RCA (the reverse: overload)
 * signal.speaker-into-line     doc §4 (never; damage)
 * signal.digital-analog        doc §7 (digital and analog do not mix)
 * signal.channels              doc §2 (TS on stereo, stereo into mono, a side lost)
 * signal.balance               doc §2 (balanced into stereo, stereo into balanced)
 * signal.cable-length          doc §7 (5 m unbalanced, 5 m USB, 10 m TOSLINK,
 *                              100 m balanced; speaker wire in rig-rules-impedance.c)
 * signal.ground-loop           doc §7 (two ground paths; article 000)
 * signal.bluetooth-latency     doc §2 (Bluetooth 100-300 ms; article 000)
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-rules-private.h"

/* ------------------------------------------------------------------ */
/* Cable length (doc §7)                                               */

/* signal.cable-length (doc §7: unbalanced about 5 m, balanced 100 m, USB 2.0
 * 5 m, TOSLINK 5-10 m; speaker wire is judged in rig-rules-impedance.c). */
void
rig_rules_signal_cable (RigRegion *region, RigCabNode *cable)
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
      fix = g_strdup (_ ("Use a shorter optical cable, or a coaxial S/PDIF connection."));
    }
  else if (rig_signal_is_analog (a->signal) && rig_signal_is_analog (b->signal))
    {
      if (rig_jack_is_balanced (a) && rig_jack_is_balanced (b))
        {
          limit = 100;
          why = g_strdup_printf (_ ("Balanced lines run about 100 m; this one is %s m."), len);
          hear = g_strdup (_ ("Dull highs and more noise."));
          fix = g_strdup (_ ("Shorten the run, or carry the signal digitally over the "
                             "distance."));
        }
      else
        {
          limit = 5;
          why = g_strdup_printf (_ ("Unbalanced cables pick up hum and lose treble as they get "
                                    "longer: keep them under about 5 m. This one is %s m."),
                                 len);
          hear = g_strdup (_ ("Hum and buzz, and dull, muffled highs."));
          fix = g_strdup (_ ("Use a shorter cable, or balanced outputs and inputs with balanced "
                             "(XLR or TRS) cable for long runs, or a DI box at the source "
                             "end."));
        }
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

/* ------------------------------------------------------------------ */
/* Direction (doc §3)                                                  */

static char *
join_jacks (RigRegion *region, GArray *nodes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = g_array_index (nodes, guint, i);
      g_autofree char *name = rig_text_jack (region->node_dev[node], rig_node_jack (region, node));
      if (i > 0)
        g_string_append (out, i + 1 == nodes->len ? _ (" and ") : ", ");
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

/* signal.output-to-output and signal.input-to-input, per net (doc §3: "Input
 * to input: nothing drives the line ... Output to output: two sources fight,
 * silence or distortion, and either output stage can be damaged"). */
void
rig_rules_signal_net (RigRegion *region, guint net_id)
{
  const RigNet *net = &region->nets[net_id];
  g_autoptr (GArray) outs = NULL;
  g_autoptr (GArray) ins = NULL;
  guint boths = 0, n_outs = 0, n_ins = 0;
  RigDiagBuilder b;
  g_autofree char *title = NULL;
  g_autofree char *names = NULL;

  /* Count first: most nets join one output to inputs. */
  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      guint8 f = rig_node_jflags (region, node);
      RigDirection d = rig_node_jack_spec (region, node)->direction;

      if (!(f & RIG_JACK_AUDIO) || (f & RIG_JACK_TRANSIT))
        continue;
      if (d == RIG_DIRECTION_OUT)
        n_outs++;
      else if (d == RIG_DIRECTION_IN)
        n_ins++;
      else
        boths++;
    }
  if (!(n_outs >= 2 || (n_outs == 0 && boths == 0 && n_ins >= 2)))
    return;
  outs = g_array_new (FALSE, FALSE, sizeof (guint));
  ins = g_array_new (FALSE, FALSE, sizeof (guint));
  boths = 0;

  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      guint8 f = rig_node_jflags (region, node);
      const RigJack *jack = rig_node_jack_spec (region, node);

      if (!(f & RIG_JACK_AUDIO) || (f & RIG_JACK_TRANSIT))
        continue;
      if (jack->direction == RIG_DIRECTION_OUT)
        g_array_append_val (outs, node);
      else if (jack->direction == RIG_DIRECTION_IN)
        g_array_append_val (ins, node);
      else
        boths++;
    }

  rig_region_sort_nodes (region, (guint *) outs->data, outs->len);
  rig_region_sort_nodes (region, (guint *) ins->data, ins->len);
  if (outs->len >= 2)
    {
      gboolean speaker = FALSE;
      for (guint i = 0; i < outs->len; i++)
        if (rig_node_jack_spec (region, g_array_index (outs, guint, i))->signal
            == RIG_SIGNAL_SPEAKER)
          speaker = TRUE;
      names = join_jacks (region, outs);
      title = rig_text_cable_title (region->net_cables[net->first_cable]);
      rig_diag_init (&b);
      for (guint c = 0; c < net->n_cables; c++)
        rig_diag_add_cable (&b, region->net_cables[net->first_cable + c]);
      for (guint i = 0; i < outs->len; i++)
        {
          guint node = g_array_index (outs, guint, i);
          rig_diag_add_jack (&b, region->node_dev[node], rig_node_jack (region, node));
        }
      rig_diag_emit (
          region, &b, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, RIG_SEVERITY_ERROR,
          g_strdup_printf (_ ("%s: outputs joined: %s"), title, names),
          g_strdup_printf (_ ("%s all send signal. Joined together, none of them has an input to "
                              "drive: each output pushes against the low impedance of the "
                              "other, close to a short circuit."),
                           names),
          g_strdup (speaker ? _ ("Silence or harsh distortion; an amplifier's speaker output "
                                 "joined to another output can destroy it.")
                            : _ ("Silence or distortion, and either output stage can be "
                                 "damaged.")),
          g_strdup (_ ("Connect each output to an input: for example a phone's headphone out to "
                       "an amplifier's or an active speaker's aux in.")));
    }
  else if (outs->len == 0 && boths == 0 && ins->len >= 2)
    {
      names = join_jacks (region, ins);
      title = rig_text_cable_title (region->net_cables[net->first_cable]);
      rig_diag_init (&b);
      for (guint c = 0; c < net->n_cables; c++)
        rig_diag_add_cable (&b, region->net_cables[net->first_cable + c]);
      for (guint i = 0; i < ins->len; i++)
        {
          guint node = g_array_index (ins, guint, i);
          rig_diag_add_jack (&b, region->node_dev[node], rig_node_jack (region, node));
        }
      rig_diag_emit (
          region, &b, RIG_CODE_SIGNAL_INPUT_TO_INPUT, RIG_SEVERITY_ERROR,
          g_strdup_printf (_ ("%s: inputs joined: %s"), title, names),
          g_strdup_printf (_ ("%s are all inputs: each waits for a signal and nothing drives the "
                              "line, a dead end. An aux in cannot be used as an aux out."),
                           names),
          g_strdup (_ ("Silence.")),
          g_strdup (_ ("Connect an output to each input instead: a phone's headphone out, a "
                       "player's line out, a mixer's main out.")));
    }
}

/* ------------------------------------------------------------------ */
/* Level and kind (doc §4, §7)                                          */

static const char *
signal_name (RigSignal signal)
{
  switch (signal)
    {
      case RIG_SIGNAL_MIC:
        return _ ("mic level");
      case RIG_SIGNAL_INSTRUMENT:
        return _ ("instrument level");
      case RIG_SIGNAL_LINE_CONSUMER:
        return _ ("consumer line level");
      case RIG_SIGNAL_LINE_PRO:
        return _ ("pro line level");
      case RIG_SIGNAL_PHONO:
        return _ ("phono level");
      case RIG_SIGNAL_HEADPHONE:
        return _ ("headphone level");
      case RIG_SIGNAL_SPEAKER:
        return _ ("speaker level");
      case RIG_SIGNAL_SPDIF:
        return _ ("S/PDIF digital audio");
      case RIG_SIGNAL_USB_AUDIO:
        return _ ("USB digital audio");
      case RIG_SIGNAL_BLUETOOTH:
        return _ ("Bluetooth digital audio");
      case RIG_SIGNAL_POWER:
      case RIG_N_SIGNALS:
      default:
        return _ ("power");
    }
}

/* The voltage a source jack gives: its own maximum, else an amplifier's
 * rated power into its first rated load, else the class's nominal level. */
static double
source_volts (const RigLink *link)
{
  const RigJack *s = link->sjack;

  if (rig_figure_is_set (s->max_output_voltage))
    return s->max_output_voltage;
  if (s->n_ratings > 0)
    {
      double p = rig_device_jack_power_at_load (link->sdev->device, s, s->ratings[0].load_ohms);
      if (rig_figure_is_set (p))
        return sqrt (p * s->ratings[0].load_ohms);
    }
  return rig_signal_typical_volts (link->sclass);
}

static void
emit_link (RigRegion *region, const RigLink *link, const char *code, RigSeverity severity,
           const char *what, char *why, char *hear, char *fix)
{
  RigDiagBuilder b;
  g_autofree char *head = rig_text_link (link);

  rig_diag_init (&b);
  rig_diag_add_link (&b, link);
  rig_diag_emit (region, &b, code, severity, g_strdup_printf (_ ("%s: %s"), head, what), why, hear,
                 fix);
}

static gboolean
is_line (RigSignal s)
{
  return s == RIG_SIGNAL_LINE_CONSUMER || s == RIG_SIGNAL_LINE_PRO;
}

/* signal.digital-analog (doc §7: "Digital and analog do not mix"; doc §1
 * digital row; doc §2 RCA carries S/PDIF too). */
static void
digital_analog (RigRegion *region, RigLink *link)
{
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  gboolean digital_source = rig_signal_is_digital (link->sclass);
  RigSignal digital = digital_source ? link->sclass : link->kclass;
  char *why, *fix;

  if (digital_source)
    why = g_strdup_printf (_ ("%s sends %s: a stream of data, not an audio voltage. %s expects "
                              "an analog signal (%s) and cannot decode it."),
                           src, signal_name (link->sclass), snk, signal_name (link->kclass));
  else
    why = g_strdup_printf (_ ("%s gives an analog signal (%s); %s expects %s and cannot take a "
                              "voltage."),
                           src, signal_name (link->sclass), snk, signal_name (link->kclass));

  switch (digital)
    {
      case RIG_SIGNAL_BLUETOOTH:
        fix = digital_source ? g_strdup_printf (_ ("Use a Bluetooth receiver: pair it with %s and "
                                                   "connect its output to %s."),
                                                src, snk)
                             : g_strdup_printf (_ ("Use a Bluetooth transmitter on the output of "
                                                   "%s and pair it with %s."),
                                                src, snk);
        break;
      case RIG_SIGNAL_USB_AUDIO:
        fix = digital_source ? g_strdup_printf (_ ("Use a USB DAC or audio interface: %s → DAC's "
                                                   "USB input, DAC's line out → %s."),
                                                src, snk)
                             : g_strdup_printf (_ ("Use an audio interface: %s → interface input, "
                                                   "interface USB → %s."),
                                                src, snk);
        break;
      case RIG_SIGNAL_SPDIF:
      default:
        fix = digital_source ? g_strdup_printf (_ ("Put a DAC between them: %s → DAC's digital "
                                                   "input, DAC's analog out → %s."),
                                                src, snk)
                             : g_strdup_printf (_ ("Put an ADC (analog to S/PDIF converter) "
                                                   "between them, or connect %s to an analog "
                                                   "input."),
                                                src);
        break;
    }

  emit_link (region, link, RIG_CODE_SIGNAL_DIGITAL_ANALOG, RIG_SEVERITY_ERROR,
             digital_source ? _ ("digital into analog") : _ ("analog into digital"), why,
             g_strdup (_ ("Silence, or loud digital noise.")), fix);
  link->class_issue = TRUE;
}

/* signal.speaker-into-line (doc §4: "Speaker-level output into a line or
 * headphone input: overload, and damage ... into headphones: damage to the
 * headphones and your ears"). */
static void
speaker_into_line (RigRegion *region, RigLink *link)
{
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  double vs = source_volts (link);
  double vk = rig_signal_typical_volts (link->kclass);
  g_autofree char *vs_t = rig_text_volts (vs);
  g_autofree char *vk_t = rig_text_volts (vk);
  g_autofree char *db = rig_text_db (20 * log10 (vs / vk));
  gboolean ears = link->kclass == RIG_SIGNAL_HEADPHONE
                  || rig_dev_category (link->kdev) == RIG_CATEGORY_HEADPHONES;

  emit_link (
      region, link, RIG_CODE_SIGNAL_SPEAKER_INTO_LINE, RIG_SEVERITY_ERROR,
      ears ? _ ("speaker output into headphones") : _ ("speaker output into a low-level input"),
      g_strdup_printf (_ ("%s puts out speaker level, up to about %s; %s expects %s, about %s: "
                          "some %s dB too much."),
                       src, vs_t, snk, signal_name (link->kclass), vk_t, db),
      g_strdup (ears ? _ ("Painfully loud, distorted sound, then perhaps nothing: the headphones "
                          "and your hearing can be damaged.")
                     : _ ("Heavy distortion, and the input can be damaged.")),
      ears ? g_strdup_printf (_ ("Plug the headphones into the headphone socket of %s (or a "
                                 "headphone amplifier), never into its speaker terminals."),
                              src)
           : g_strdup_printf (_ ("Take the signal from a line output of %s (pre-out, tape or "
                                 "rec out) instead of its speaker terminals."),
                              src));
  link->class_issue = TRUE;
}

/* signal.mic-into-line, signal.line-into-mic, signal.instrument-into-line
 * (doc §4), signal.phono-into-line and signal.line-into-phono (doc §1 phono
 * level, doc §2 RCA: "phono ... needs RIAA preamp"). Levels from doc §1. */
static void
level_rules (RigRegion *region, RigLink *link)
{
  RigSignal s = link->sclass, k = link->kclass;
  const char *src, *snk;
  double vs, vk;
  g_autofree char *vs_t = NULL;
  g_autofree char *vk_t = NULL;
  g_autofree char *db = NULL;
  gboolean fires;

  /* Most links are fine: decide before building any text. */
  fires = (s == RIG_SIGNAL_MIC && (is_line (k) || k == RIG_SIGNAL_HEADPHONE))
          || (k == RIG_SIGNAL_MIC
              && (is_line (s) || s == RIG_SIGNAL_HEADPHONE || s == RIG_SIGNAL_INSTRUMENT))
          || (s == RIG_SIGNAL_INSTRUMENT && is_line (k))
          || (s == RIG_SIGNAL_PHONO && k != RIG_SIGNAL_PHONO && k != RIG_SIGNAL_SPEAKER)
          || (k == RIG_SIGNAL_PHONO && (is_line (s) || s == RIG_SIGNAL_HEADPHONE));
  if (!fires)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  vs = source_volts (link);
  vk = rig_signal_typical_volts (k);
  vs_t = rig_text_volts (vs);
  vk_t = rig_text_volts (vk);
  db = rig_text_db (fabs (20 * log10 (vs / vk)));

  if (s == RIG_SIGNAL_MIC && (is_line (k) || k == RIG_SIGNAL_HEADPHONE))
    {
      emit_link (region, link, RIG_CODE_SIGNAL_MIC_INTO_LINE, RIG_SEVERITY_WARNING,
                 _ ("microphone into a line input"),
                 g_strdup_printf (_ ("A microphone gives about %s (1 to 10 mV); %s expects %s, "
                                     "about %s: the mic is some %s dB too quiet, and nothing "
                                     "there boosts it."),
                                  vs_t, snk, signal_name (k), vk_t, db),
                 g_strdup (_ ("A faint, noisy whisper, even with the volume all the way up.")),
                 g_strdup_printf (_ ("Plug %s into a mic input with a preamp (a mixer's or an "
                                     "audio interface's XLR input), and feed %s from there."),
                                  src, snk));
      link->class_issue = TRUE;
    }
  else if (k == RIG_SIGNAL_MIC
           && (is_line (s) || s == RIG_SIGNAL_HEADPHONE || s == RIG_SIGNAL_INSTRUMENT))
    {
      emit_link (region, link, RIG_CODE_SIGNAL_LINE_INTO_MIC, RIG_SEVERITY_WARNING,
                 _ ("line level into a mic input"),
                 g_strdup_printf (_ ("%s gives %s, about %s; the mic input of %s expects about "
                                     "5 mV and boosts it 40 to 60 dB: the signal is some %s dB "
                                     "too hot."),
                                  src, signal_name (s), vs_t, snk, db),
                 g_strdup (_ ("Loud, harsh distortion (clipping), even with the gain at its "
                              "lowest.")),
                 g_strdup_printf (_ ("Use a line input of %s instead, or put a pad (attenuator) "
                                     "or a DI box before the mic input."),
                                  snk));
      link->class_issue = TRUE;
    }
  else if (s == RIG_SIGNAL_INSTRUMENT && is_line (k))
    {
      g_autofree char *zin = rig_figure_is_set (link->kjack->input_impedance)
                                 ? rig_text_ohms (link->kjack->input_impedance)
                                 : g_strdup (_ ("about 10 kΩ"));
      emit_link (region, link, RIG_CODE_SIGNAL_INSTRUMENT_INTO_LINE, RIG_SEVERITY_WARNING,
                 _ ("instrument into a line input"),
                 g_strdup_printf (_ ("A passive pickup needs a Hi-Z input of about 1 MΩ and "
                                     "gives about %s; the line input of %s (%s) loads it down "
                                     "and expects about %s."),
                                  vs_t, snk, zin, vk_t),
                 g_strdup (_ ("Dull, quiet sound with the treble gone.")),
                 g_strdup_printf (_ ("Use a Hi-Z (instrument) input, or put a DI box between "
                                     "them: %s → DI in, DI out → a mic input."),
                                  src));
      link->class_issue = TRUE;
    }
  else if (s == RIG_SIGNAL_PHONO && k != RIG_SIGNAL_PHONO && k != RIG_SIGNAL_SPEAKER)
    {
      emit_link (region, link, RIG_CODE_SIGNAL_PHONO_INTO_LINE, RIG_SEVERITY_WARNING,
                 _ ("turntable with no phono preamp"),
                 g_strdup_printf (_ ("A turntable's cartridge gives about %s, with the bass cut "
                                     "and the treble boosted (RIAA) to fit the groove; %s "
                                     "expects about %s and applies no correction."),
                                  vs_t, snk, vk_t),
                 g_strdup (_ ("Very quiet, thin and tinny sound with no bass.")),
                 g_strdup_printf (_ ("Put a phono preamp between them: %s → phono preamp in, "
                                     "preamp out → %s (or use an amplifier's phono input)."),
                                  src, snk));
      link->class_issue = TRUE;
    }
  else if (k == RIG_SIGNAL_PHONO && s != RIG_SIGNAL_PHONO
           && (is_line (s) || s == RIG_SIGNAL_HEADPHONE))
    {
      emit_link (region, link, RIG_CODE_SIGNAL_LINE_INTO_PHONO, RIG_SEVERITY_WARNING,
                 _ ("line level into a phono input"),
                 g_strdup_printf (_ ("The phono input of %s expects about 5 mV and boosts it "
                                     "some 40 dB, with extra bass (RIAA); %s gives %s, about "
                                     "%s."),
                                  snk, src, signal_name (s), vs_t),
                 g_strdup (_ ("Loud, distorted, boomy sound.")),
                 g_strdup_printf (_ ("Use a line input of %s (CD, aux) instead."), snk));
      link->class_issue = TRUE;
    }
}

/* ------------------------------------------------------------------ */
/* Channels and balance (doc §2)                                        */

static gboolean
path_has_poles_issue (const RigLink *link)
{
  for (guint i = 0; i < link->path->len; i++)
    if (((RigCabNode *) g_ptr_array_index (link->path, i))->flags & RIG_CAB_POLES_ISSUE)
      return TRUE;
  return FALSE;
}

/* signal.balance (doc §2: "Balanced TRS output into a stereo TRS input: ...
 * an inverted copy. Stereo TRS output into a balanced TRS input: the input
 * hears L-R"). */
static gboolean
balance_rules (RigRegion *region, RigLink *link)
{
  const RigJack *s = link->sjack, *k = link->kjack;
  gboolean s_bal_mono = (s->connector == RIG_CONNECTOR_XLR3 && link->schannels == 1)
                        || s->wiring == RIG_WIRING_BALANCED;
  gboolean k_bal_mono = (k->connector == RIG_CONNECTOR_XLR3 && link->kchannels == 1)
                        || k->wiring == RIG_WIRING_BALANCED;
  gboolean s_stereo = s->connector == RIG_CONNECTOR_PHONE && s->wiring == RIG_WIRING_STEREO;
  gboolean k_stereo = k->connector == RIG_CONNECTOR_PHONE && k->wiring == RIG_WIRING_STEREO
                      && link->kchannels >= 2;
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);

  if (path_has_poles_issue (link))
    return FALSE;
  if (s_bal_mono && k_stereo)
    {
      emit_link (region, link, RIG_CODE_SIGNAL_BALANCE, RIG_SEVERITY_WARNING,
                 _ ("balanced mono into a stereo input"),
                 g_strdup_printf (_ ("%s is a balanced mono output: hot on one contact, cold (an "
                                     "inverted copy) on another. The stereo input of %s takes "
                                     "hot as left and cold as right."),
                                  src, snk),
                 g_strdup (_ ("Sound on both sides, but one side is upside down: a strange, "
                              "phasey, hollow image that vanishes when summed to mono.")),
                 g_strdup_printf (_ ("Connect %s to a balanced (or mono) input, or use a cable "
                                     "that carries only the hot signal to both sides."),
                                  src));
      return TRUE;
    }
  if (s_stereo && k_bal_mono && link->schannels >= 2)
    {
      emit_link (region, link, RIG_CODE_SIGNAL_BALANCE, RIG_SEVERITY_WARNING,
                 _ ("stereo into a balanced input"),
                 g_strdup_printf (_ ("%s is stereo, left and right on two contacts; the balanced "
                                     "input of %s takes the difference of the two: it hears left "
                                     "minus right."),
                                  src, snk),
                 g_strdup (_ ("Thin, hollow sound: everything in the centre (voice, bass, kick "
                              "drum) cancels.")),
                 g_strdup (_ ("Use a stereo-to-mono (summing) cable or adapter, or two inputs "
                              "with a cable that splits left and right (3.5 mm TRS to 2 × "
                              "6.35 mm TS).")));
      return TRUE;
    }
  return FALSE;
}

/* signal.channels (doc §2: stereo into mono "right is lost", mono into a
 * stereo input "right is silent", a 2-conductor cable on a stereo link). */
static void
channel_rules (RigRegion *region, RigLink *link)
{
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  guint sc = link->schannels, kc = link->kchannels;
  gboolean split = FALSE;

  if (link->kclass == RIG_SIGNAL_SPEAKER || link->sclass == RIG_SIGNAL_SPEAKER
      || !rig_signal_is_analog (link->sclass) || !rig_signal_is_analog (link->kclass))
    return;
  if (path_has_poles_issue (link))
    return; /* connector.poles already says which contact is lost */

  /* A cable whose sink end is a pair of plugs feeds both sides. */
  if (link->path->len > 0)
    {
      RigCabNode *last = g_ptr_array_index (link->path, link->path->len - 1);
      guint end = last->dev[1] == link->kdev && last->jack[1] == link->kj ? 1 : 0;
      split = last->cable->spec.kind == RIG_CABLE_KIND_CABLE
              && last->cable->spec.ends[end].plugs >= 2;
    }

  if (sc >= 2 && kc == 1)
    {
      emit_link (region, link, RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
                 _ ("stereo into a mono input"),
                 g_strdup_printf (_ ("%s sends %u channels; %s takes one: the right channel goes "
                                     "nowhere."),
                                  src, sc, snk),
                 g_strdup (_ ("Only one side of the mix: whatever is panned right is "
                              "missing.")),
                 g_strdup (_ ("Use a stereo input, or a stereo-to-mono (summing) adapter.")));
      return;
    }
  if (sc == 1 && kc >= 2 && !split)
    {
      emit_link (region, link, RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
                 _ ("mono into a stereo input"),
                 g_strdup_printf (_ ("%s sends one channel into the stereo input of %s: it "
                                     "reaches the left side only."),
                                  src, snk),
                 g_strdup (_ ("Sound from one side only.")),
                 g_strdup (_ ("Use a mono-to-stereo adapter (or a Y cable) that feeds both "
                              "sides.")));
      return;
    }
  if (sc >= 2 && kc >= 2)
    for (guint i = 0; i < link->path->len; i++)
      {
        RigCabNode *cable = g_ptr_array_index (link->path, i);
        const RigCableSpec *spec = &cable->cable->spec;
        g_autofree char *title = NULL;

        if (spec->kind != RIG_CABLE_KIND_CABLE || spec->conductors != 2 || spec->ends[0].plugs >= 2
            || spec->ends[1].plugs >= 2)
          continue;
        title = rig_text_cable_title (cable);
        emit_link (region, link, RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
                   _ ("a two-conductor cable on a stereo link"),
                   g_strdup_printf (_ ("%s has only 2 conductors: it carries one signal and "
                                       "ground, so the right channel of this stereo link is "
                                       "lost."),
                                    title),
                   g_strdup (_ ("Only the left channel.")),
                   g_strdup (_ ("Use a 3-conductor (TRS stereo) cable.")));
        return;
      }
}

/* signal.bluetooth-latency (doc §2: Bluetooth "100-300 ms latency typical
 * (article 000: lip sync, gaming)"); a video source is a SOURCE model whose
 * id, name or keywords say tv, television, game, console, video or
 * projector. */
static void
bluetooth_latency (RigRegion *region, RigLink *link)
{
  if (link->sjack->connector != RIG_CONNECTOR_BLUETOOTH
      && link->kjack->connector != RIG_CONNECTOR_BLUETOOTH)
    return;
  if (!rig_region_upstream_has (region, 2 * link->src + 1, RIG_MODEL_VIDEO))
    return;
  emit_link (region, link, RIG_CODE_SIGNAL_BLUETOOTH_LATENCY, RIG_SEVERITY_INFO,
             _ ("Bluetooth sound for a picture"),
             g_strdup_printf (_ ("Bluetooth audio is compressed and buffered: it reaches %s some "
                                 "100 to 300 ms after the picture it belongs to."),
                              rig_text_label (link->kdev)),
             g_strdup (_ ("Voices out of step with lips; in games, sounds that come late after "
                          "the action.")),
             g_strdup (_ ("Use a wired or optical connection for TV and games, or a low-latency "
                          "Bluetooth pair (aptX Low Latency) and the TV's audio delay "
                          "setting.")));
}

void
rig_rules_signal_link (RigRegion *region, RigLink *link)
{
  gboolean sd = rig_signal_is_digital (link->sclass), kd = rig_signal_is_digital (link->kclass);

  if (link->sclass == RIG_SIGNAL_POWER || link->kclass == RIG_SIGNAL_POWER)
    return;

  bluetooth_latency (region, link);

  if (sd != kd)
    {
      digital_analog (region, link);
      return;
    }
  if (sd)
    return; /* digital to digital: the connector rules judge the plugs */

  if (link->sclass == RIG_SIGNAL_SPEAKER && link->kclass != RIG_SIGNAL_SPEAKER)
    {
      speaker_into_line (region, link);
      return;
    }
  if (link->kclass == RIG_SIGNAL_SPEAKER)
    {
      /* Amplified speaker level is judged by the amplifier rules; anything
       * else into a speaker input is power.passive-unamplified. */
      if (link->sclass != RIG_SIGNAL_SPEAKER)
        link->class_issue = TRUE;
      return;
    }

  level_rules (region, link);
  if (!balance_rules (region, link))
    channel_rules (region, link);
}

/* ------------------------------------------------------------------ */
/* Ground loops (doc §7)                                               */

static gboolean
carries_ground (const RigCabNode *cable)
{
  const RigCableSpec *spec = &cable->cable->spec;
  const RigJack *a, *b;

  if (cable->jack[0] < 0 || cable->jack[1] < 0 || spec->kind == RIG_CABLE_KIND_WIRELESS)
    return FALSE;
  a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  b = rig_dev_jack (cable->dev[1], cable->jack[1]);
  if (a->connector == RIG_CONNECTOR_TOSLINK || b->connector == RIG_CONNECTOR_TOSLINK
      || a->connector == RIG_CONNECTOR_BLUETOOTH || b->connector == RIG_CONNECTOR_BLUETOOTH
      || a->connector == RIG_CONNECTOR_IEC || b->connector == RIG_CONNECTOR_IEC)
    return FALSE;
  for (guint i = 0; i < spec->n_adapters; i++)
    if (spec->adapters[i].model->isolates_ground)
      return FALSE;
  return TRUE;
}

static gboolean
is_earthed (const RigDevNode *dev)
{
  return rig_device_get_power_source (dev->device) == RIG_POWER_SOURCE_MAINS
         && rig_device_get_figure (dev->device, RIG_FIGURE_EARTHED) == 1;
}

/* The ground node of a jack: one per device, one per jack on a device that
 * isolates its jacks from each other (a ground-loop isolator, a DI box with
 * its ground lift). @gbase: each device's first ground node, by position. */
static guint
ground_node (const guint *gbase, const RigDevNode *dev, int jack)
{
  return dev->device->model->isolates_ground ? gbase[dev->pos] + (guint) jack : gbase[dev->pos];
}

static gboolean
unbalanced_audio (const RigCabNode *cable)
{
  const RigJack *a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *b = rig_dev_jack (cable->dev[1], cable->jack[1]);

  if (!rig_signal_is_analog (a->signal) || !rig_signal_is_analog (b->signal)
      || a->signal == RIG_SIGNAL_SPEAKER || b->signal == RIG_SIGNAL_SPEAKER)
    return FALSE;
  return !(rig_jack_is_balanced (a) && rig_jack_is_balanced (b));
}

/* signal.ground-loop (doc §7: "two earthed devices joined by an unbalanced
 * audio cable and another ground path (both on mains earth, or a PC powering
 * USB speakers that also take its aux output, article 000) hum").
 *
 * The ground graph has a node per device (per jack on an isolating device)
 * and one for mains earth, joined to every earthed device; every cable but
 * Bluetooth, TOSLINK, IEC and those with an isolating adapter joins grounds.
 * An unbalanced analog cable closes a loop when it is not a bridge of that
 * graph and its 2-edge-connected part holds an earthed device. Bridges are
 * found with Tarjan's algorithm, in O(V + E) for the region. */
void
rig_rules_signal_ground_loops (RigRegion *region)
{
  guint nv, earth;
  g_autofree guint *gbase = g_new (guint, MAX (region->devices->len, 1));
  g_autoptr (GArray) eu = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ev = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) ecable = g_ptr_array_new ();
  guint *start, *adj_v, *adj_e, *fill, *disc, *low, *st_v, *st_e, *st_it, *parent;
  guint8 *bridge, *earthed_root;
  guint ne, timer = 1;
  gboolean any_candidate = FALSE;

  nv = 0;
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      gbase[i] = nv;
      nv += dev->device->model->isolates_ground ? MAX (dev->n_jacks, 1) : 1;
    }
  earth = nv++;

  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      guint a, b;

      if (!carries_ground (cable))
        continue;
      a = ground_node (gbase, cable->dev[0], cable->jack[0]);
      b = ground_node (gbase, cable->dev[1], cable->jack[1]);
      if (a == b)
        continue;
      g_array_append_val (eu, a);
      g_array_append_val (ev, b);
      g_ptr_array_add (ecable, cable);
      if (unbalanced_audio (cable))
        any_candidate = TRUE;
    }
  if (!any_candidate)
    return;
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      guint a;
      if (dev->n_jacks == 0 || !is_earthed (dev))
        continue;
      a = gbase[i];
      g_array_append_val (eu, a);
      g_array_append_val (ev, earth);
      g_ptr_array_add (ecable, NULL);
    }
  ne = eu->len;

  start = g_new0 (guint, nv + 1);
  for (guint e = 0; e < ne; e++)
    {
      start[g_array_index (eu, guint, e) + 1]++;
      start[g_array_index (ev, guint, e) + 1]++;
    }
  for (guint v = 0; v < nv; v++)
    start[v + 1] += start[v];
  adj_v = g_new (guint, MAX (2 * ne, 1));
  adj_e = g_new (guint, MAX (2 * ne, 1));
  fill = g_memdup2 (start, sizeof (guint) * (nv + 1));
  for (guint e = 0; e < ne; e++)
    {
      guint a = g_array_index (eu, guint, e), b = g_array_index (ev, guint, e);
      adj_v[fill[a]] = b;
      adj_e[fill[a]++] = e;
      adj_v[fill[b]] = a;
      adj_e[fill[b]++] = e;
    }

  /* Bridges (Tarjan), iteratively; parallel cables are distinct edges. */
  disc = g_new0 (guint, nv);
  low = g_new0 (guint, nv);
  st_v = g_new (guint, nv);
  st_e = g_new (guint, nv);
  st_it = g_new (guint, nv);
  bridge = g_new0 (guint8, MAX (ne, 1));
  for (guint root = 0; root < nv; root++)
    {
      guint sp = 0;
      if (disc[root] != 0 || start[root] == start[root + 1])
        continue;
      disc[root] = low[root] = timer++;
      st_v[sp] = root;
      st_e[sp] = G_MAXUINT;
      st_it[sp++] = start[root];
      while (sp > 0)
        {
          guint v = st_v[sp - 1];
          if (st_it[sp - 1] < start[v + 1])
            {
              guint k = st_it[sp - 1]++;
              guint w = adj_v[k], e = adj_e[k];
              if (e == st_e[sp - 1])
                continue;
              if (disc[w] == 0)
                {
                  disc[w] = low[w] = timer++;
                  st_v[sp] = w;
                  st_e[sp] = e;
                  st_it[sp++] = start[w];
                }
              else
                low[v] = MIN (low[v], disc[w]);
              continue;
            }
          sp--;
          if (sp > 0)
            {
              guint p = st_v[sp - 1];
              low[p] = MIN (low[p], low[v]);
              if (low[v] > disc[p])
                bridge[st_e[sp]] = 1;
            }
        }
    }

  /* Two-edge-connected parts: join the ends of every edge that is not a
   * bridge; a part with earth in it makes a hum loop. */
  parent = g_new (guint, nv);
  for (guint v = 0; v < nv; v++)
    parent[v] = v;
  for (guint e = 0; e < ne; e++)
    if (!bridge[e])
      {
        guint a = g_array_index (eu, guint, e), b = g_array_index (ev, guint, e);
        while (parent[a] != a)
          a = parent[a] = parent[parent[a]];
        while (parent[b] != b)
          b = parent[b] = parent[parent[b]];
        if (a != b)
          parent[MAX (a, b)] = MIN (a, b);
      }
  earthed_root = g_new0 (guint8, nv);
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      guint a;
      if (dev->n_jacks == 0 || !is_earthed (dev))
        continue;
      for (a = gbase[i]; parent[a] != a;)
        a = parent[a];
      earthed_root[a] = 1;
    }

  for (guint e = 0; e < ne; e++)
    {
      RigCabNode *cable = g_ptr_array_index (ecable, e);
      guint a, r;
      RigDevNode *da, *db;
      RigCabNode *other = NULL;
      RigDiagBuilder b;
      g_autofree char *head = NULL;
      char *why;

      if (cable == NULL || bridge[e] || !unbalanced_audio (cable))
        continue;
      a = g_array_index (eu, guint, e);
      for (r = a; parent[r] != r;)
        r = parent[r];
      if (!earthed_root[r])
        continue;

      da = cable->dev[0];
      db = cable->dev[1];
      /* Name the other path when it is a second cable between the same two. */
      {
        guint u = g_array_index (eu, guint, e), w = g_array_index (ev, guint, e);
        for (guint k = start[u]; k < start[u + 1]; k++)
          {
            RigCabNode *c = g_ptr_array_index (ecable, adj_e[k]);
            if (adj_v[k] != w || c == NULL || c == cable)
              continue;
            if (other == NULL || rig_id_compare (c->cable->id, other->cable->id) < 0)
              other = c;
          }
      }
      /* In the order the signal flows. */
      if (rig_dev_jack (da, cable->jack[0])->direction == RIG_DIRECTION_IN
          && rig_jack_is_output (rig_dev_jack (db, cable->jack[1])))
        {
          RigDevNode *t = da;
          da = db;
          db = t;
        }

      if (is_earthed (da) && is_earthed (db))
        why = g_strdup_printf (_ ("%s and %s are both earthed through their mains plugs, and "
                                  "this unbalanced cable joins their grounds a second time: the "
                                  "two paths make a loop that picks up mains hum."),
                               rig_text_label (da), rig_text_label (db));
      else if (other != NULL)
        {
          g_autofree char *ot = rig_text_cable_title (other);
          why = g_strdup_printf (_ ("%s and %s already share a ground through %s; this "
                                    "unbalanced cable is a second path, and the loop they make "
                                    "picks up hum (a PC powering USB speakers that "
                                    "also take its aux output)."),
                                 rig_text_label (da), rig_text_label (db), ot);
        }
      else
        why = g_strdup_printf (_ ("%s and %s already share a ground through other cables and "
                                  "mains earth; this unbalanced cable is a second path, and the "
                                  "loop picks up hum."),
                               rig_text_label (da), rig_text_label (db));

      head = rig_text_cable (cable);
      rig_diag_init (&b);
      rig_diag_add_cable (&b, cable);
      rig_diag_add_jack (&b, cable->dev[0], cable->jack[0]);
      rig_diag_add_jack (&b, cable->dev[1], cable->jack[1]);
      rig_diag_emit (
          region, &b, RIG_CODE_SIGNAL_GROUND_LOOP, RIG_SEVERITY_WARNING,
          g_strdup_printf (_ ("%s: ground loop"), head), why,
          g_strdup (_ ("A steady 50 or 60 Hz hum or buzz, often with whine and clicks from the "
                       "computer.")),
          g_strdup_printf (_ ("Put a ground-loop isolator on this cable (%s → isolator → %s), "
                              "or use balanced connections, or power both from one source."),
                           rig_text_label (da), rig_text_label (db)));
    }

  g_free (start);
  g_free (adj_v);
  g_free (adj_e);
  g_free (fill);
  g_free (disc);
  g_free (low);
  g_free (st_v);
  g_free (st_e);
  g_free (st_it);
  g_free (bridge);
  g_free (parent);
  g_free (earthed_root);
}
