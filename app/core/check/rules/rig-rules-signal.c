/* rig-rules-signal.c: direction, level, kind and channels.
 *
 * signal.input-to-input        physics.md §3.3 (a dead end)
 * signal.output-to-output      physics.md §3.2 (two sources fight; damage)
 * signal.mic-into-line         physics.md §4.3 (30-50 dB too quiet)
 * signal.line-into-mic         physics.md §4.3 (overload)
 * signal.instrument-into-line  physics.md §4.3 (dull, quiet; needs Hi-Z or a DI)
 * signal.phono-into-line       physics.md §4.3, §2.3 RCA (needs an RIAA preamp)
 * signal.line-into-phono       physics.md §4.3, §2.3 RCA (the reverse: overload)
 * signal.speaker-into-line     physics.md §4.3 (never; damage)
 * signal.digital-analog        physics.md §2.5 (digital and analog do not mix)
 * signal.channels              physics.md §2.1 (TS on stereo, stereo into mono, a side lost)
 * signal.balance               physics.md §4.2 (balanced into stereo, stereo into balanced)
 * signal.bluetooth-latency     physics.md §2.5 (Bluetooth 100-300 ms)
 *
 * signal.ground-loop is in rig-rules-ground.c, signal.cable-length in
 * rig-cable-corner.c.
 */
#include "config.h"

#include <math.h>

#include "rig-levels.h"
#include "rig-rule-i18n.h"
#include "rig-rules.h"

/* ------------------------------------------------------------------ */
/* Direction (physics.md §3)                                           */

/* The audio endpoints of a net by the contacts they send and receive on
 * (physics.md §3.1), each array sorted: @main the outputs that drive tip and
 * ring (pure outputs, a phone's headset socket), @mic those that drive a
 * headset socket's mic contact (a headset's plug whose mic is in play, a
 * microphone on a net with a headset socket); @n_ins counts pure receivers,
 * @n_other the other two-way jacks (USB, inserts). With the arrays NULL,
 * only counts. */
typedef struct
{
  guint n_main, n_mic, n_ins, n_other;
  GArray *main, *mic, *ins;
} NetEnds;

static gboolean
is_headset_socket (RigRegion *region, guint node)
{
  return rig_jack_is_headset (rig_node_jack_spec (region, node))
         && !(region->node_dev[node]->info->flags & RIG_MODEL_HEADSET);
}

static void
ends_add (guint *n, GArray *nodes, guint node)
{
  (*n)++;
  if (nodes != NULL)
    g_array_append_val (nodes, node);
}

static void
net_endpoints (RigRegion *region, guint net_id, NetEnds *e)
{
  const RigNet *net = &region->nets[net_id];

  e->n_main = e->n_mic = e->n_ins = e->n_other = 0;
  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      guint c = rig_region_contacts (region, node);
      const RigJack *jack = rig_node_jack_spec (region, node);

      if (c == 0)
        continue;
      if (!rig_jack_is_headset (jack) && jack->direction == RIG_DIRECTION_BOTH)
        e->n_other++;
      else if (c & RIG_CONTACT_SEND_MAIN)
        ends_add (&e->n_main, e->main, node);
      else if (c & RIG_CONTACT_SEND_MIC)
        ends_add (&e->n_mic, e->mic, node);
      else
        ends_add (&e->n_ins, e->ins, node);
    }
  if (e->main != NULL)
    rig_region_sort_nodes (region, (guint *) e->main->data, e->main->len);
  if (e->mic != NULL)
    rig_region_sort_nodes (region, (guint *) e->mic->data, e->mic->len);
  if (e->ins != NULL)
    rig_region_sort_nodes (region, (guint *) e->ins->data, e->ins->len);
}

/* A diagnostic on a whole net: its cables and the jacks @nodes. */
static void
net_builder (RigRegion *region, guint net_id, GArray *nodes, RigDiagBuilder *b)
{
  const RigNet *net = &region->nets[net_id];

  rig_diag_init (b);
  for (guint c = 0; c < net->n_cables; c++)
    rig_diag_add_cable (b, region->net_cables[net->first_cable + c]);
  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = g_array_index (nodes, guint, i);
      rig_diag_add_jack (b, region->node_dev[node], rig_node_jack (region, node));
    }
}

/* What the fight of exactly two outputs @a and @b costs (physics.md §3.2:
 * I = (V1 - V2) / (Z1 + Z2), at most the larger voltage against a silent
 * other), when both outputs state their figures; else "". */
static char *
fight_current (RigRegion *region, guint a, guint b)
{
  const RigJack *ja = rig_node_jack_spec (region, a), *jb = rig_node_jack_spec (region, b);
  double v, z, amps;
  g_autofree char *vt = NULL, *za = NULL, *zb = NULL, *it = NULL, *num = NULL;

  if (!rig_figure_is_set (ja->output_impedance) || !rig_figure_is_set (jb->output_impedance)
      || !rig_figure_is_set (ja->max_output_voltage) || !rig_figure_is_set (jb->max_output_voltage))
    return g_strdup ("");
  v = MAX (ja->max_output_voltage, jb->max_output_voltage);
  z = ja->output_impedance + jb->output_impedance;
  if (!(z > 0))
    return g_strdup ("");
  amps = v / z;
  vt = rig_text_volts (v);
  za = rig_text_ohms (ja->output_impedance);
  zb = rig_text_ohms (jb->output_impedance);
  num = rig_text_num (amps < 1 ? amps * 1000 : amps);
  it = amps < 1 ? g_strdup_printf (_ ("%s mA"), num) : g_strdup_printf (_ ("%s A"), num);
  /* Translators: a sentence appended to the explanation of two joined
   * outputs: "Up to 1 V apart, they drive 500 mA through their output
   * impedances (1 Ω + 1 Ω)." */
  return g_strdup_printf (_ (" Up to %s apart, they drive %s through their output impedances "
                             "(%s + %s)."),
                          vt, it, za, zb);
}

/* For outputs that include a phone's headset socket, which of its contacts
 * the plug puts in play (physics.md §2.2, §3.1); else "". */
static const char *
fight_contacts (RigRegion *region, GArray *outs)
{
  for (guint i = 0; i < outs->len; i++)
    {
      guint node = g_array_index (outs, guint, i);
      if (!is_headset_socket (region, node))
        continue;
      if (region->node_flags[node] & RIG_NODE_MIC_LIVE)
        return _ (" The 4-pole cable joins the headset sockets' outputs to each other and their "
                  "mic contacts to each other: no output reaches a mic input.");
      return _ (" A 3-pole plug grounds the mic contact of a headset socket, so only its left "
                "and right outputs are in play: this is not a line feeding a mic.");
    }
  return "";
}

/* signal.output-to-output, per net (physics.md §3.2: two sources fight,
 * silence or distortion, and either output stage can be damaged; §3.1:
 * outputs fight only on the same contacts, so a phone's headset socket and a
 * mic on its mic contact do not). */
void
rig_rule_signal_output_to_output (RigRegion *region, guint net_id)
{
  const RigNet *net = &region->nets[net_id];
  NetEnds e = { 0 };
  GArray *outs;
  gboolean speaker = FALSE;
  RigDiagBuilder b;
  g_autofree char *title = NULL;
  g_autofree char *names = NULL;
  g_autofree char *amps = NULL;
  const char *contacts;
  guint n_outs;

  /* Count first: most nets join one output to inputs. */
  net_endpoints (region, net_id, &e);
  if (e.n_main < 2 && e.n_mic < 2)
    return;
  e.main = g_array_new (FALSE, FALSE, sizeof (guint));
  e.mic = g_array_new (FALSE, FALSE, sizeof (guint));
  net_endpoints (region, net_id, &e);
  outs = e.main->len >= 2 ? e.main : e.mic;
  for (guint i = 0; i < outs->len; i++)
    if (rig_node_jack_spec (region, g_array_index (outs, guint, i))->signal == RIG_SIGNAL_SPEAKER)
      speaker = TRUE;
  names = rig_text_join_jacks (region, outs);
  title = rig_text_cable_title (region->net_cables[net->first_cable]);
  amps = outs->len == 2 ? fight_current (region, g_array_index (outs, guint, 0),
                                         g_array_index (outs, guint, 1))
                        : g_strdup ("");
  contacts = fight_contacts (region, outs);
  net_builder (region, net_id, outs, &b);
  n_outs = outs->len;
  g_array_unref (e.main);
  g_array_unref (e.mic);
  rig_diag_emit (
      region, &b, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, RIG_SEVERITY_ERROR,
      g_strdup_printf (_ ("%s: outputs joined: %s"), title, names),
      /* Translators: the two %s at the end are optional sentences (numbers,
       * contacts), each starting with a space. */
      g_strdup_printf (n_outs == 2
                           ? _ ("%s both send signal on the same contacts: each output pushes "
                                "against the low impedance of the other, close to a short "
                                "circuit.%s%s")
                           : _ ("%s all send signal on the same contacts: each output pushes "
                                "against the low impedance of the others, close to a short "
                                "circuit.%s%s"),
                       names, amps, contacts),
      g_strdup (speaker ? _ ("Silence or harsh distortion; an amplifier's speaker output "
                             "joined to another output can destroy it.")
                        : _ ("Silence or distortion, and either output stage can be "
                             "damaged.")),
      g_strdup_printf (n_outs == 2 ? _ ("Give %s each an input of its own; to hear them "
                                        "together, add a mixer and connect each to one of its "
                                        "inputs.")
                                   : _ ("Give each of %s an input of its own; to hear them "
                                        "together, add a mixer and connect each to one of its "
                                        "inputs."),
                       names));
}

/* signal.input-to-input, per net (physics.md §3.3: inputs joined with no
 * output: nothing drives the line). */
void
rig_rule_signal_input_to_input (RigRegion *region, guint net_id)
{
  const RigNet *net = &region->nets[net_id];
  NetEnds e = { 0 };
  RigDiagBuilder b;
  g_autofree char *title = NULL;
  g_autofree char *names = NULL;
  guint n_ins;

  net_endpoints (region, net_id, &e);
  if (!(e.n_main == 0 && e.n_mic == 0 && e.n_other == 0 && e.n_ins >= 2))
    return;
  e.ins = g_array_new (FALSE, FALSE, sizeof (guint));
  net_endpoints (region, net_id, &e);
  names = rig_text_join_jacks (region, e.ins);
  title = rig_text_cable_title (region->net_cables[net->first_cable]);
  net_builder (region, net_id, e.ins, &b);
  n_ins = e.ins->len;
  g_array_unref (e.ins);
  rig_diag_emit (
      region, &b, RIG_CODE_SIGNAL_INPUT_TO_INPUT, RIG_SEVERITY_ERROR,
      g_strdup_printf (_ ("%s: inputs joined: %s"), title, names),
      g_strdup_printf (n_ins == 2
                           ? _ ("%s are both inputs: each waits for a signal and nothing drives "
                                "the line, a dead end. An aux in cannot be used as an aux out.")
                           : _ ("%s are all inputs: each waits for a signal and nothing drives "
                                "the line, a dead end. An aux in cannot be used as an aux out."),
                       names),
      g_strdup (_ ("Silence.")),
      g_strdup (_ ("Connect an output to each input instead: a phone's headphone out, a "
                   "player's line out, a mixer's main out.")));
}

/* ------------------------------------------------------------------ */
/* Level and kind (physics.md §4, §2.5)                               */

static const char *
signal_name (RigSignal signal)
{
  return rig_text_signal (signal);
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

static gboolean
is_line (RigSignal s)
{
  return s == RIG_SIGNAL_LINE_CONSUMER || s == RIG_SIGNAL_LINE_PRO;
}

/* Both ends carry analog audio (no power, no digital). */
static gboolean
analog_link (const RigLink *link)
{
  return link->sclass != RIG_SIGNAL_POWER && link->kclass != RIG_SIGNAL_POWER
         && !rig_signal_is_digital (link->sclass) && !rig_signal_is_digital (link->kclass);
}

/* A link the level rules judge: analog, with no speaker level at either end
 * (speaker outputs are signal.speaker-into-line's, speaker inputs the power
 * rules'). */
static gboolean
level_link (const RigLink *link)
{
  return analog_link (link) && link->sclass != RIG_SIGNAL_SPEAKER
         && link->kclass != RIG_SIGNAL_SPEAKER;
}

/* signal.digital-analog (physics.md §2.5: "Digital and analog do not
 * mix"; §1 digital row; §2.3 RCA carries S/PDIF too). */
void
rig_rule_signal_digital_analog (RigRegion *region, const RigLink *link)
{
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  gboolean digital_source = rig_signal_is_digital (link->sclass);
  RigSignal digital = digital_source ? link->sclass : link->kclass;
  char *why, *fix;

  if (link->sclass == RIG_SIGNAL_POWER || link->kclass == RIG_SIGNAL_POWER
      || digital_source == rig_signal_is_digital (link->kclass))
    return;
  /* One cable between jacks that no cable joins (USB to an analog jack):
   * connector.family reports it, naming the converter (physics.md §2.5). */
  if (link->path->len == 1 && link->transit->len == 0
      && !rig_connectors_cable_exists (link->sjack->connector, link->sjack->size,
                                       link->kjack->connector, link->kjack->size))
    return;
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

  rig_diag_emit_link (region, link, RIG_CODE_SIGNAL_DIGITAL_ANALOG, RIG_SEVERITY_ERROR,
                      digital_source ? _ ("digital into analog") : _ ("analog into digital"), why,
                      g_strdup (_ ("Silence, or loud digital noise.")), fix);
}

/* The first jack of @dev of @signal that is an output (@output) or an input,
 * or -1. */
static int
speaker_fix_input (const RigDevNode *dev, RigSignal signal, gboolean output)
{
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (dev, (int) j);
      if (jack->signal == signal && (output ? rig_jack_is_output (jack) : rig_jack_is_input (jack))
          && !(dev->info->jack_flags[j] & RIG_JACK_TRANSIT))
        return (int) j;
    }
  return -1;
}

/* The fix of signal.speaker-into-line for a low-level input: a jack the rig's
 * devices really have (the sink's high-level input, the source's line
 * output), else a device to add. */
static char *
speaker_into_line_fix (const RigLink *link)
{
  const char *src = rig_text_label (link->sdev);
  int hl = speaker_fix_input (link->kdev, RIG_SIGNAL_SPEAKER, FALSE);
  int line = speaker_fix_input (link->sdev, RIG_SIGNAL_LINE_CONSUMER, TRUE);
  g_autofree char *jack = NULL;

  if (line < 0)
    line = speaker_fix_input (link->sdev, RIG_SIGNAL_LINE_PRO, TRUE);
  if (hl >= 0)
    {
      jack = rig_text_jack (link->kdev, hl);
      return g_strdup_printf (_ ("Wire the speaker output of %s to %s instead: a high-level "
                                 "input is made for speaker level."),
                              src, jack);
    }
  if (line >= 0)
    {
      jack = rig_text_jack (link->sdev, line);
      return g_strdup_printf (_ ("Take the signal from %s instead of the speaker terminals."),
                              jack);
    }
  return g_strdup_printf (_ ("Put a line output converter (speaker level to line level) between "
                             "the speaker output of %s and this input."),
                          src);
}

/* The fix for headphones on speaker terminals: the source's own headphone
 * output if it has one, else a headphone amplifier to add. */
static char *
speaker_into_headphones_fix (const RigLink *link)
{
  int hp = speaker_fix_input (link->sdev, RIG_SIGNAL_HEADPHONE, TRUE);
  g_autofree char *jack = NULL;

  if (hp < 0)
    return g_strdup_printf (_ ("Feed the headphones from a headphone amplifier on a line output "
                               "of the rig, never from the speaker terminals of %s."),
                            rig_text_label (link->sdev));
  jack = rig_text_jack (link->sdev, hp);
  return g_strdup_printf (_ ("Plug the headphones into %s, never into the speaker terminals."),
                          jack);
}

/* signal.speaker-into-line (physics.md §4.3: "Speaker-level output into a line or
 * headphone input: overload, and damage ... into headphones: damage to the
 * headphones and your ears"). A high-level input (a powered subwoofer's
 * speaker-level input, signal speaker with an input impedance of kΩ) takes
 * speaker level by design: the link's sink class is then speaker, and this
 * rule says nothing. */
void
rig_rule_signal_speaker_into_line (RigRegion *region, const RigLink *link)
{
  const char *src, *snk;
  double vs, vk;
  g_autofree char *vs_t = NULL;
  g_autofree char *vk_t = NULL;
  g_autofree char *db = NULL;
  gboolean ears;

  if (!analog_link (link) || link->sclass != RIG_SIGNAL_SPEAKER
      || link->kclass == RIG_SIGNAL_SPEAKER)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  vs = source_volts (link);
  vk = rig_signal_typical_volts (link->kclass);
  vs_t = rig_text_volts (vs);
  vk_t = rig_text_volts (vk);
  db = rig_text_db (20 * log10 (vs / vk));
  ears = link->kclass == RIG_SIGNAL_HEADPHONE
         || rig_dev_category (link->kdev) == RIG_CATEGORY_HEADPHONES;

  rig_diag_set_hear (region, RIG_HEAR_CLIP, 20 * log10 (vs / vk), 0);
  rig_diag_emit_link (
      region, link, RIG_CODE_SIGNAL_SPEAKER_INTO_LINE, RIG_SEVERITY_ERROR,
      ears ? _ ("speaker output into headphones") : _ ("speaker output into a low-level input"),
      g_strdup_printf (_ ("%s puts out speaker level, up to about %s; %s expects %s, about %s: "
                          "some %s dB too much."),
                       src, vs_t, snk, signal_name (link->kclass), vk_t, db),
      g_strdup (ears ? _ ("Painfully loud, distorted sound, then perhaps nothing: the headphones "
                          "and your hearing can be damaged.")
                     : _ ("Heavy distortion, and the input can be damaged.")),
      ears ? speaker_into_headphones_fix (link) : speaker_into_line_fix (link));
}

/* The level rules (physics.md §4.3; levels from §1): each judges a link of
 * the classes it names. */
typedef struct
{
  RigSignal s, k;
  const char *src, *snk;
  char *vs_t, *vk_t, *db;
} LevelText;

static void
level_text_init (LevelText *t, const RigLink *link)
{
  /* Typical levels, not maxima (physics.md §4.1). */
  double vs = rig_level_nominal_volts (link->sclass);
  double vk = rig_level_nominal_volts (link->kclass);

  t->s = link->sclass;
  t->k = link->kclass;
  t->src = rig_text_label (link->sdev);
  t->snk = rig_text_label (link->kdev);
  t->vs_t = rig_text_volts (vs);
  t->vk_t = rig_text_volts (vk);
  t->db = rig_text_db (fabs (20 * log10 (vs / vk)));
}

/* The first input jack of @dev that takes one of the classes @a or @b, or
 * -1: a fix names only jacks the rig's devices have. */
static int
input_of_class (const RigDevNode *dev, RigSignal a, RigSignal b)
{
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (dev, (int) j);
      if (jack->direction == RIG_DIRECTION_IN && (jack->signal == a || jack->signal == b))
        return (int) j;
    }
  return -1;
}

/* "Use DEVICE JACK instead…" with @format when the sink device has an input
 * of class @cls, else NULL. */
static char *
own_input_fix (const RigLink *link, RigSignal cls, const char *format)
{
  int j = input_of_class (link->kdev, cls, cls);
  g_autofree char *jt = NULL;

  if (j < 0)
    return NULL;
  jt = rig_text_jack (link->kdev, j);
  return g_strdup_printf (format, rig_text_label (link->sdev), jt);
}

static void
level_text_clear (LevelText *t)
{
  g_free (t->vs_t);
  g_free (t->vk_t);
  g_free (t->db);
}

static gboolean
mic_into_line (RigSignal s, RigSignal k)
{
  return s == RIG_SIGNAL_MIC && (is_line (k) || k == RIG_SIGNAL_HEADPHONE);
}

static gboolean
line_into_mic (RigSignal s, RigSignal k)
{
  return k == RIG_SIGNAL_MIC
         && (is_line (s) || s == RIG_SIGNAL_HEADPHONE || s == RIG_SIGNAL_INSTRUMENT);
}

static gboolean
instrument_into_line (RigSignal s, RigSignal k)
{
  return s == RIG_SIGNAL_INSTRUMENT && is_line (k);
}

static gboolean
phono_into_line (RigSignal s, RigSignal k)
{
  return s == RIG_SIGNAL_PHONO && k != RIG_SIGNAL_PHONO && k != RIG_SIGNAL_SPEAKER;
}

static gboolean
line_into_phono (RigSignal s, RigSignal k)
{
  return k == RIG_SIGNAL_PHONO && s != RIG_SIGNAL_PHONO
         && (is_line (s) || s == RIG_SIGNAL_HEADPHONE);
}

gboolean
rig_link_level_mismatch (const RigLink *link)
{
  RigSignal s = link->sclass, k = link->kclass;

  return level_link (link)
         && (mic_into_line (s, k) || line_into_mic (s, k) || instrument_into_line (s, k)
             || phono_into_line (s, k) || line_into_phono (s, k));
}

/* signal.mic-into-line (physics.md §4.3: a mic is some 30 to 50 dB below line
 * level). */
void
rig_rule_signal_mic_into_line (RigRegion *region, const RigLink *link)
{
  LevelText t;
  char *fix;

  if (!level_link (link) || !mic_into_line (link->sclass, link->kclass))
    return;
  level_text_init (&t, link);
  fix = own_input_fix (link, RIG_SIGNAL_MIC,
                       _ ("Plug %s into %s instead: its preamp gives the 40 to 60 dB a mic "
                          "needs."));
  rig_diag_set_hear (region, RIG_HEAR_LEVEL,
                     20 * log10 (rig_level_nominal_volts (t.s) / rig_level_nominal_volts (t.k)), 0);
  rig_diag_emit_link (
      region, link, RIG_CODE_SIGNAL_MIC_INTO_LINE, RIG_SEVERITY_WARNING,
      _ ("microphone into a line input"),
      g_strdup_printf (_ ("A microphone gives about %s (1 to 10 mV); %s expects %s, "
                          "about %s: the mic is some %s dB too quiet, and nothing "
                          "there boosts it."),
                       t.vs_t, t.snk, signal_name (t.k), t.vk_t, t.db),
      g_strdup (_ ("A faint, noisy whisper, even with the volume all the way up.")),
      fix != NULL ? fix
                  : g_strdup_printf (_ ("Plug %s into a mic input with a preamp (a mixer's or an "
                                        "audio interface's XLR input), and feed %s from there."),
                                     t.src, t.snk));
  level_text_clear (&t);
}

/* The verdict of a line-level source on a mic input (physics.md §4.1, §4.3):
 * its nominal level and its peaks against the input's clipping point at the
 * lowest gain. */
typedef struct
{
  double nominal, peak, clip;
  gboolean peak_assumed;
} MicOverload;

/* "+4", "−20.3": a level in dB with its sign. */
static char *
signed_db (double db)
{
  g_autofree char *n = rig_text_db (fabs (db));
  return g_strdup_printf ("%s%s", db >= 0 ? "+" : "−", n);
}

static char *
line_into_mic_why (const LevelText *t, const RigLink *link, const MicOverload *o)
{
  g_autofree char *nom_t = rig_text_volts (o->nominal);
  g_autofree char *nom_dbu = signed_db (rig_level_dbu (o->nominal));
  g_autofree char *pk_t = rig_text_volts (o->peak);
  g_autofree char *pk_dbu = signed_db (rig_level_dbu (o->peak));
  g_autofree char *clip_t = rig_text_volts (o->clip);
  g_autofree char *clip_dbu = signed_db (rig_level_dbu (o->clip));
  g_autofree char *over_nom = rig_text_db (fabs (20 * log10 (o->nominal / o->clip)));
  g_autofree char *over_pk = rig_text_db (fabs (20 * log10 (o->peak / o->clip)));
  gboolean xlr = o->clip > 1;
  GString *why = g_string_new (NULL);

  g_string_append_printf (why,
                          o->peak_assumed ? _ ("%s gives %s: about %s (%s dBu) nominal, with "
                                               "peaks up to about %s (%s dBu), typical of the "
                                               "class.")
                                          : _ ("%s gives %s: about %s (%s dBu) nominal, with "
                                               "peaks up to %s (%s dBu), its stated maximum "
                                               "output."),
                          t->src, signal_name (t->s), nom_t, nom_dbu, pk_t, pk_dbu);
  g_string_append_c (why, ' ');
  g_string_append_printf (why,
                          xlr ? _ ("The mic input of %s is built for millivolts; with its gain "
                                   "at the lowest it clips at about %s (%s dBu, assumed for an "
                                   "XLR mic preamp).")
                              : _ ("The mic input of %s is built for millivolts; with its gain "
                                   "at the lowest it clips at about %s (%s dBu, assumed for a "
                                   "3.5 mm mic input)."),
                          t->snk, clip_t, clip_dbu);
  g_string_append_c (why, ' ');
  if (o->nominal >= o->clip)
    g_string_append_printf (why, _ ("The nominal level alone is %s dB over that."), over_nom);
  else if (o->peak > o->clip)
    g_string_append_printf (why,
                            _ ("The nominal level fits with %s dB to spare, but the peaks go "
                               "%s dB over."),
                            over_nom, over_pk);
  else
    g_string_append_printf (why,
                            _ ("Even the peaks stay %s dB under it: it works with the gain "
                               "turned all the way down, with little headroom."),
                            over_pk);
  if (link->sclass == RIG_SIGNAL_INSTRUMENT && rig_figure_is_set (link->kjack->input_impedance)
      && rig_figure_is_set (link->sjack->output_impedance))
    {
      g_autofree char *zin = rig_text_ohms (link->kjack->input_impedance);
      g_string_append_c (why, ' ');
      g_string_append_printf (why,
                              _ ("Its %s input also loads the pickup, which wants about 1 MΩ: "
                                 "the treble goes."),
                              zin);
    }
  return g_string_free (why, FALSE);
}

/* signal.line-into-mic (physics.md §4.3: a mic input at its lowest gain
 * clips near 0 to +10 dBu, a 3.5 mm one far lower; §4.1 levels). WARNING
 * when the nominal level or the peaks clip it, INFO when only the lowest
 * gain keeps it clean. */
void
rig_rule_signal_line_into_mic (RigRegion *region, const RigLink *link)
{
  LevelText t;
  MicOverload o;
  RigSeverity severity;
  int line_in;
  const char *hear;
  char *fix;

  if (!level_link (link) || !line_into_mic (link->sclass, link->kclass))
    return;
  level_text_init (&t, link);
  o.peak = rig_level_source_peak (link->sjack, link->sclass, &o.peak_assumed);
  o.nominal = rig_level_programme_nominal (link->sclass, o.peak);
  o.clip = rig_level_mic_input_clip (link->kjack);
  severity = o.peak > o.clip || link->sclass == RIG_SIGNAL_INSTRUMENT ? RIG_SEVERITY_WARNING
                                                                      : RIG_SEVERITY_INFO;
  if (o.nominal >= o.clip)
    hear = _ ("Loud, harsh distortion (clipping), even with the gain at its lowest.");
  else if (o.peak > o.clip)
    hear = _ ("Distortion on loud passages, even with the gain at its lowest.");
  else if (link->sclass == RIG_SIGNAL_INSTRUMENT)
    hear = _ ("Thin, dull sound with the treble gone.");
  else
    hear = _ ("Clean, as long as the gain stays at its lowest.");
  line_in = input_of_class (link->kdev, RIG_SIGNAL_LINE_CONSUMER, RIG_SIGNAL_LINE_PRO);
  if (line_in >= 0)
    {
      g_autofree char *jt = rig_text_jack (link->kdev, line_in);
      fix = g_strdup_printf (_ ("Use %s instead, or put a pad (an inline attenuator of 20 to "
                                "30 dB) or a DI box before the mic input."),
                             jt);
    }
  else
    fix = g_strdup (_ ("Put a pad (an inline attenuator of 20 to 30 dB) or a DI box before the "
                       "mic input."));
  if (o.peak > o.clip)
    rig_diag_set_hear (region, RIG_HEAR_CLIP, 20 * log10 (o.peak / o.clip), 0);
  rig_diag_emit_link (region, link, RIG_CODE_SIGNAL_LINE_INTO_MIC, severity,
                      _ ("line level into a mic input"), line_into_mic_why (&t, link, &o),
                      g_strdup (hear), fix);
  level_text_clear (&t);
}

/* signal.instrument-into-line (physics.md §4.3: a passive pickup wants a
 * Hi-Z input). */
void
rig_rule_signal_instrument_into_line (RigRegion *region, const RigLink *link)
{
  LevelText t;

  if (!level_link (link) || !instrument_into_line (link->sclass, link->kclass))
    return;
  level_text_init (&t, link);
  g_autofree char *zin = rig_figure_is_set (link->kjack->input_impedance)
                             ? rig_text_ohms (link->kjack->input_impedance)
                             : g_strdup (_ ("about 10 kΩ"));
  char *fix = own_input_fix (link, RIG_SIGNAL_INSTRUMENT,
                             _ ("Plug %s into %s instead: a Hi-Z input made for a pickup."));
  if (fix == NULL)
    fix = own_input_fix (link, RIG_SIGNAL_MIC,
                         _ ("Put a DI box between them: %s → DI in, DI out → %s."));
  if (fix == NULL)
    fix = g_strdup_printf (_ ("Put a DI box between them (%s → DI in) and its output into the "
                              "mic input of a mixer or audio interface, or use an amplifier "
                              "with a Hi-Z input."),
                           t.src);
  rig_diag_emit_link (region, link, RIG_CODE_SIGNAL_INSTRUMENT_INTO_LINE, RIG_SEVERITY_WARNING,
                      _ ("instrument into a line input"),
                      g_strdup_printf (_ ("A passive pickup needs a Hi-Z input of about 1 MΩ and "
                                          "gives about %s; the line input of %s (%s) loads it down "
                                          "and expects about %s."),
                                       t.vs_t, t.snk, zin, t.vk_t),
                      g_strdup (_ ("Dull, quiet sound with the treble gone.")), fix);
  level_text_clear (&t);
}

/* signal.phono-into-line (physics.md §4.3, §2.3: a cartridge needs an RIAA
 * preamp). */
void
rig_rule_signal_phono_into_line (RigRegion *region, const RigLink *link)
{
  LevelText t;
  char *fix;

  if (!level_link (link) || !phono_into_line (link->sclass, link->kclass))
    return;
  level_text_init (&t, link);
  fix = own_input_fix (link, RIG_SIGNAL_PHONO,
                       _ ("Plug %s into %s instead: its phono preamp gives the gain and the "
                          "RIAA correction."));
  rig_diag_set_hear (region, RIG_HEAR_LEVEL,
                     20 * log10 (rig_level_nominal_volts (t.s) / rig_level_nominal_volts (t.k)), 0);
  rig_diag_emit_link (
      region, link, RIG_CODE_SIGNAL_PHONO_INTO_LINE, RIG_SEVERITY_WARNING,
      _ ("turntable with no phono preamp"),
      g_strdup_printf (_ ("A turntable's cartridge gives about %s, with the bass cut "
                          "and the treble boosted (RIAA) to fit the groove; %s "
                          "expects about %s and applies no correction."),
                       t.vs_t, t.snk, t.vk_t),
      g_strdup (_ ("Very quiet, thin and tinny sound with no bass.")),
      fix != NULL ? fix
                  : g_strdup_printf (_ ("Put a phono preamp between them: %s → phono preamp in, "
                                        "preamp out → %s."),
                                     t.src, t.snk));
  level_text_clear (&t);
}

/* signal.line-into-phono (physics.md §4.3: the reverse, an overload). */
void
rig_rule_signal_line_into_phono (RigRegion *region, const RigLink *link)
{
  LevelText t;
  int line_in;
  char *fix;

  if (!level_link (link) || !line_into_phono (link->sclass, link->kclass))
    return;
  level_text_init (&t, link);
  line_in = input_of_class (link->kdev, RIG_SIGNAL_LINE_CONSUMER, RIG_SIGNAL_LINE_PRO);
  if (line_in >= 0)
    {
      g_autofree char *jt = rig_text_jack (link->kdev, line_in);
      fix = g_strdup_printf (_ ("Use %s instead."), jt);
    }
  else
    fix = g_strdup (_ ("Feed the phono input only from a turntable; a line source needs a line "
                       "input."));
  rig_diag_set_hear (region, RIG_HEAR_CLIP,
                     20 * log10 (rig_level_nominal_volts (t.s) / rig_level_nominal_volts (t.k)), 0);
  rig_diag_emit_link (region, link, RIG_CODE_SIGNAL_LINE_INTO_PHONO, RIG_SEVERITY_WARNING,
                      _ ("line level into a phono input"),
                      g_strdup_printf (_ ("The phono input of %s expects about 5 mV and boosts it "
                                          "some 40 dB, with extra bass (RIAA); %s gives %s, about "
                                          "%s."),
                                       t.snk, t.src, signal_name (t.s), t.vs_t),
                      g_strdup (_ ("Loud, distorted, boomy sound.")), fix);
  level_text_clear (&t);
}

/* ------------------------------------------------------------------ */
/* Channels and balance (physics.md §2.1, §4.2)                       */

static gboolean
path_has_poles_issue (const RigLink *link)
{
  for (guint i = 0; i < link->path->len; i++)
    if (((RigCabNode *) g_ptr_array_index (link->path, i))->flags & RIG_CAB_POLES_ISSUE)
      return TRUE;
  return FALSE;
}

/* signal.balance (physics.md §4.2: "Balanced TRS output into a stereo TRS input: ...
 * an inverted copy. Stereo TRS output into a balanced TRS input: the input
 * hears L-R"). */
typedef enum
{
  BALANCE_FINE,
  BALANCE_INTO_STEREO, /* balanced mono into a stereo input */
  BALANCE_FROM_STEREO, /* stereo into a balanced input */
} BalanceCase;

static BalanceCase
balance_case (const RigLink *link)
{
  const RigJack *s = link->sjack, *k = link->kjack;
  gboolean s_bal_mono = (s->connector == RIG_CONNECTOR_XLR3 && link->schannels == 1)
                        || s->wiring == RIG_WIRING_BALANCED;
  gboolean k_bal_mono = (k->connector == RIG_CONNECTOR_XLR3 && link->kchannels == 1)
                        || k->wiring == RIG_WIRING_BALANCED;
  /* A headset socket sends stereo on tip and ring 1, as a stereo jack does
   * (physics.md §2.2). */
  gboolean s_stereo = s->connector == RIG_CONNECTOR_PHONE
                      && (s->wiring == RIG_WIRING_STEREO || rig_jack_is_headset (s));
  gboolean k_stereo = k->connector == RIG_CONNECTOR_PHONE && k->wiring == RIG_WIRING_STEREO
                      && link->kchannels >= 2;

  if (path_has_poles_issue (link))
    return BALANCE_FINE;
  if (s_bal_mono && k_stereo)
    return BALANCE_INTO_STEREO;
  if (s_stereo && k_bal_mono && link->schannels >= 2)
    return BALANCE_FROM_STEREO;
  return BALANCE_FINE;
}

/* signal.balance (physics.md §4.2: a balanced TRS output into a stereo TRS
 * input gives an inverted copy on one side; a stereo TRS output into a
 * balanced TRS input hears L-R). */
void
rig_rule_signal_balance (RigRegion *region, const RigLink *link)
{
  BalanceCase c;
  const char *src, *snk;

  if (!level_link (link) || (c = balance_case (link)) == BALANCE_FINE)
    return;
  src = rig_text_label (link->sdev);
  snk = rig_text_label (link->kdev);
  rig_diag_set_hear (region, c == BALANCE_INTO_STEREO ? RIG_HEAR_INVERTED : RIG_HEAR_DIFFERENCE, 1,
                     0);
  if (c == BALANCE_INTO_STEREO)
    rig_diag_emit_link (
        region, link, RIG_CODE_SIGNAL_BALANCE, RIG_SEVERITY_WARNING,
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
  else
    rig_diag_emit_link (
        region, link, RIG_CODE_SIGNAL_BALANCE, RIG_SEVERITY_WARNING,
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
}

/* signal.channels (physics.md §2.1: stereo into mono "right is lost", mono into a
 * stereo input "right is silent", a 2-conductor cable on a stereo link). */
void
rig_rule_signal_channels (RigRegion *region, const RigLink *link)
{
  const char *src = rig_text_label (link->sdev);
  const char *snk = rig_text_label (link->kdev);
  guint sc = link->schannels, kc = link->kchannels;
  gboolean split = FALSE;

  if (!level_link (link) || balance_case (link) != BALANCE_FINE)
    return; /* signal.balance says what happens to the two sides */
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
      rig_diag_set_hear (region, RIG_HEAR_CHANNEL_LOST, 1, 0);
      rig_diag_emit_link (
          region, link, RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
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
      rig_diag_set_hear (region, RIG_HEAR_CHANNEL_LOST, 1, 0);
      rig_diag_emit_link (
          region, link, RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
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
        rig_diag_set_hear (region, RIG_HEAR_CHANNEL_LOST, 1, 0);
        rig_diag_emit_link (
            region, link, RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
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

/* signal.bluetooth-latency (physics.md §2.5: Bluetooth adds 100-300 ms of
 * latency, which breaks lip sync and games); a video source is a SOURCE model whose
 * id, name or keywords say tv, television, game, console, video or
 * projector. */
void
rig_rule_signal_bluetooth_latency (RigRegion *region, const RigLink *link)
{
  if (link->sclass == RIG_SIGNAL_POWER || link->kclass == RIG_SIGNAL_POWER)
    return;
  if (link->sjack->connector != RIG_CONNECTOR_BLUETOOTH
      && link->kjack->connector != RIG_CONNECTOR_BLUETOOTH)
    return;
  if (!rig_region_upstream_has (region, 2 * link->src + 1, RIG_MODEL_VIDEO))
    return;
  rig_diag_set_hear (region, RIG_HEAR_DELAY, 0.2, 0); /* the middle of 100 to 300 ms */
  rig_diag_emit_link (
      region, link, RIG_CODE_SIGNAL_BLUETOOTH_LATENCY, RIG_SEVERITY_INFO,
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
