/* rig-rule-registry.c: every rule, one row each.
 *
 * A row is a rule's code, family, default severity, scope, the section of
 * doc/physics.md it follows, the function that checks it and a one-line
 * description. Adding a rule is one function (rules/) and one row here.
 *
 * The rows are in the order the validator runs them (rig-validator-judge.c):
 * cable rules, then per net its net rules and its links, then device rules,
 * then region rules. The order matters in three places only: the connector
 * rules (family "connector") run on every cable before the nets are built,
 * and connector.size marks a cable whose plugs cannot meet (RIG_CAB_UNFIT:
 * another family, size or gender at some mate, or Bluetooth to a wired
 * jack: what connector.family, .size and .gender report), which then joins
 * no net, so that no net, link or other cable rule judges the signal it
 * cannot carry (physics.md §3); connector.poles marks the cables whose
 * contacts it reports (RIG_CAB_POLES_ISSUE), which the link rules
 * signal.balance and signal.channels then leave alone; and the power census
 * of a net (power.supply-voltage and the rules after it) marks the powered
 * inlets that power.unpowered, a device rule, reads.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rig-rule.h"
#include "rig-rules.h"

// clang-format off
#define ROW(code, family, severity, section, scope_nick, scope, field, func, description)          \
  {                                                                                                \
    { code, RIG_SEVERITY_##severity, description, "physics.md §" section, family, scope_nick,      \
      section },                                                                                   \
    scope,                                                                                         \
    { .field = func },                                                                             \
  }
// clang-format on
#define CABLE_RULE(c, f, s, sec, fn, d)                                                            \
  ROW (c, f, s, sec, "cable", RIG_RULE_SCOPE_CABLE, cable, fn, d)
#define NET_RULE(c, f, s, sec, fn, d) ROW (c, f, s, sec, "net", RIG_RULE_SCOPE_NET, net, fn, d)
#define LINK_RULE(c, f, s, sec, fn, d) ROW (c, f, s, sec, "link", RIG_RULE_SCOPE_LINK, link, fn, d)
#define DEVICE_RULE(c, f, s, sec, fn, d)                                                           \
  ROW (c, f, s, sec, "device", RIG_RULE_SCOPE_DEVICE, device, fn, d)
#define REGION_RULE(c, f, s, sec, fn, d)                                                           \
  ROW (c, f, s, sec, "region", RIG_RULE_SCOPE_REGION, region, fn, d)

static const RigRule registry[] = {
  CABLE_RULE (RIG_CODE_CONNECTOR_FAMILY, "connector", ERROR, "2.6", rig_rule_connector_family,
              N_ ("A plug and a socket of different connector families meet with no adapter, "
                  "or a cable that is not made (optical to RCA, USB to analog): the converter "
                  "to add is named.")),
  CABLE_RULE (RIG_CODE_CONNECTOR_SIZE, "connector", ERROR, "2.1", rig_rule_connector_size,
              N_ ("Phone connectors of different sizes meet with no adapter.")),
  CABLE_RULE (RIG_CODE_CONNECTOR_GENDER, "connector", ERROR, "2.3", rig_rule_connector_gender,
              N_ ("Plug meets plug, socket meets socket, or XLR pins meet pins of their own "
                  "gender: a standard XLR cable never joins two outputs or two inputs.")),
  CABLE_RULE (RIG_CODE_CONNECTOR_POLES, "connector", WARNING, "2.1", rig_rule_connector_poles,
              N_ ("Phone plug and socket with different contacts: a channel or the mic is lost or "
                  "shorted (an error for a TRS lavalier in a headset socket; information only for "
                  "a balanced output's grounded cold leg).")),
  CABLE_RULE (RIG_CODE_CONNECTOR_HEADSET_STANDARD, "connector", WARNING, "2.2",
              rig_rule_connector_headset_standard,
              N_ ("A CTIA headset connector meets an OMTP one: ground and mic are swapped.")),
  CABLE_RULE (RIG_CODE_SIGNAL_CABLE_LENGTH, "signal", WARNING, "7.1", rig_rule_signal_cable_length,
              N_ ("A cable too long for what it carries: a treble corner in the audible band, "
                  "hum beyond 10 m unbalanced, USB 5 m, TOSLINK 10 m, balanced 100 m, speaker "
                  "wire over 5% of the load.")),
  NET_RULE (RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, "signal", ERROR, "3.2",
            rig_rule_signal_output_to_output,
            N_ ("Outputs joined on the same contacts (a headset socket judged from the plug "
                "that meets it): they fight, and can be damaged.")),
  NET_RULE (RIG_CODE_SIGNAL_INPUT_TO_INPUT, "signal", ERROR, "3.3", rig_rule_signal_input_to_input,
            N_ ("Inputs joined with no output: nothing drives the line.")),
  NET_RULE (RIG_CODE_POWER_SUPPLY_VOLTAGE, "power", ERROR, "5.3", rig_rule_power_supply_voltage,
            N_ ("A supply's voltage does not match the inlet's: too high damages the device, too "
                "low and it will not start or cuts out (a warning when only a little low).")),
  NET_RULE (RIG_CODE_POWER_SUPPLY_BUDGET, "power", WARNING, "5.3", rig_rule_power_supply_budget,
            N_ ("Devices draw more power from a supply (a DC adapter, an outlet) than it "
                "gives.")),
  NET_RULE (RIG_CODE_POWER_USB_BUDGET, "power", WARNING, "5.3", rig_rule_power_usb_budget,
            N_ ("Devices draw more power from a USB port than it supplies.")),
  NET_RULE (RIG_CODE_POWER_NOT_A_POWER_SOURCE, "power", ERROR, "5.3",
            rig_rule_power_not_a_power_source,
            N_ ("A power inlet is wired to an audio jack, which carries no power.")),
  LINK_RULE (RIG_CODE_SIGNAL_BLUETOOTH_LATENCY, "signal", INFO, "2.5",
             rig_rule_signal_bluetooth_latency,
             N_ ("Bluetooth carries the sound of a TV or game: it lags the picture.")),
  LINK_RULE (RIG_CODE_SIGNAL_DIGITAL_ANALOG, "signal", ERROR, "2.5", rig_rule_signal_digital_analog,
             N_ ("A digital signal (S/PDIF, USB audio, Bluetooth) meets an analog jack with no "
                 "converter.")),
  LINK_RULE (RIG_CODE_SIGNAL_SPEAKER_INTO_LINE, "signal", ERROR, "4.3",
             rig_rule_signal_speaker_into_line,
             N_ ("An amplifier's speaker output into a line, mic or headphone input, or into "
                 "headphones.")),
  LINK_RULE (RIG_CODE_SIGNAL_MIC_INTO_LINE, "signal", WARNING, "4.3", rig_rule_signal_mic_into_line,
             N_ ("A microphone into a line input, with no preamp.")),
  LINK_RULE (RIG_CODE_SIGNAL_LINE_INTO_MIC, "signal", WARNING, "4.3", rig_rule_signal_line_into_mic,
             N_ ("A line, headphone or instrument level signal into a mic input: judged by its "
                 "nominal level and peaks against the input's clipping point.")),
  LINK_RULE (RIG_CODE_SIGNAL_INSTRUMENT_INTO_LINE, "signal", WARNING, "4.3",
             rig_rule_signal_instrument_into_line, N_ ("An instrument (Hi-Z) into a line input.")),
  LINK_RULE (RIG_CODE_SIGNAL_PHONO_INTO_LINE, "signal", WARNING, "4.3",
             rig_rule_signal_phono_into_line,
             N_ ("A turntable into a line input with no phono preamp.")),
  LINK_RULE (RIG_CODE_SIGNAL_LINE_INTO_PHONO, "signal", WARNING, "4.3",
             rig_rule_signal_line_into_phono,
             N_ ("A line level signal into a phono (turntable) input.")),
  LINK_RULE (RIG_CODE_SIGNAL_BALANCE, "signal", WARNING, "4.2", rig_rule_signal_balance,
             N_ ("Balanced mono into a stereo input, or stereo (a headset socket's too) into a "
                 "balanced input.")),
  LINK_RULE (RIG_CODE_SIGNAL_CHANNELS, "signal", WARNING, "2.1", rig_rule_signal_channels,
             N_ ("Stereo into mono, mono into stereo, or a two-conductor cable on a stereo link: a "
                 "side is lost.")),
  LINK_RULE (
      RIG_CODE_POWER_PASSIVE_UNAMPLIFIED, "power", ERROR, "5.1", rig_rule_power_passive_unamplified,
      N_ ("A passive speaker is fed by something other than an amplifier's speaker output.")),
  LINK_RULE (RIG_CODE_POWER_HEADPHONE_AMP_TO_SPEAKER, "power", ERROR, "5.1",
             rig_rule_power_headphone_amp_to_speaker,
             N_ ("A headphone amplifier drives a passive speaker.")),
  LINK_RULE (RIG_CODE_POWER_PHANTOM_MISSING, "power", ERROR, "5.5", rig_rule_power_phantom_missing,
             N_ ("A condenser (or electret) mic on an input that does not give it phantom (or "
                 "plug-in) power.")),
  LINK_RULE (RIG_CODE_POWER_PHANTOM_UNBALANCED, "power", WARNING, "5.5",
             rig_rule_power_phantom_unbalanced,
             N_ ("Phantom power on an input that feeds an unbalanced adapter or source (an error "
                 "for a ribbon mic; a ribbon mic on a balanced line gets advice only).")),
  LINK_RULE (RIG_CODE_IMPEDANCE_HEADPHONE_OUTPUT, "impedance", WARNING, "6.4",
             rig_rule_impedance_headphone_output,
             N_ ("Headphones under 8 times the output impedance: a warning where their impedance "
                 "swing changes the level audibly, else a note.")),
  LINK_RULE (
      RIG_CODE_IMPEDANCE_HEADPHONE_DRIVE, "impedance", WARNING, "6.4",
      rig_rule_impedance_headphone_drive,
      N_ ("The source cannot drive these headphones to the peaks of loud listening (95 dB SPL: "
          "80 dB average, 15 dB peaks).")),
  LINK_RULE (RIG_CODE_IMPEDANCE_BRIDGING, "impedance", WARNING, "6.1", rig_rule_impedance_bridging,
             N_ ("An input impedance below the ratio its link is designed for (10 times, 2 for a "
                 "mic; an error below 1 time): level is lost.")),
  NET_RULE (RIG_CODE_IMPEDANCE_PARALLEL_LOAD, "impedance", INFO, "6.2",
            rig_rule_impedance_parallel_load,
            N_ ("A splitter or daisy chain puts loads in parallel and lowers the volume (a warning "
                "from 3 dB).")),
  DEVICE_RULE (RIG_CODE_IMPEDANCE_BELOW_MINIMUM_LOAD, "impedance", ERROR, "6.2",
               rig_rule_impedance_below_minimum_load,
               N_ ("The speakers on an amplifier channel (in series or parallel) load it below its "
                   "rated minimum.")),
  DEVICE_RULE (RIG_CODE_POWER_AMP_UNDERPOWERED, "power", WARNING, "5.1",
               rig_rule_power_amp_underpowered,
               N_ ("The amplifier cannot reach the peaks of loud listening (95 dB SPL) at the "
                   "listening distance.")),
  DEVICE_RULE (RIG_CODE_POWER_AMP_OVERPOWERED, "power", WARNING, "5.2",
               rig_rule_power_amp_overpowered,
               N_ ("The amplifier can give a speaker more than twice its power handling.")),
  DEVICE_RULE (RIG_CODE_IMPEDANCE_DAMPING, "impedance", WARNING, "6.3", rig_rule_impedance_damping,
               N_ ("An amplifier output impedance above 1/8 of the speaker's: a warning where the "
                   "speaker's impedance swing changes the level audibly.")),
  DEVICE_RULE (RIG_CODE_POWER_UNPOWERED, "power", ERROR, "5.3", rig_rule_power_unpowered,
               N_ ("A device that needs power has none: its inlet (mains, USB or DC) is not "
                   "connected to a live supply, or it has no charged battery.")),
  DEVICE_RULE (RIG_CODE_TOPOLOGY_NO_SIGNAL, "topology", ERROR, "7.4", rig_rule_topology_no_signal,
               N_ ("A wired speaker or headphones that no source reaches through the rig.")),
  REGION_RULE (RIG_CODE_TOPOLOGY_FEEDBACK, "topology", WARNING, "7.4", rig_rule_topology_feedback,
               N_ ("A signal path leads from a device's output back to its own input.")),
  REGION_RULE (RIG_CODE_SIGNAL_GROUND_LOOP, "signal", WARNING, "7.3", rig_rule_signal_ground_loop,
               N_ ("An unbalanced audio cable closes a loop with two earth or power references: "
                   "hum.")),
  REGION_RULE (RIG_CODE_SIGNAL_CLIPPING, "signal", WARNING, "4.1", rig_rule_signal_clipping,
               N_ ("Along a path from a source to a listener, a stage's peaks pass the next "
                   "input's clipping point, or a control is set so high that a device's output "
                   "clips.")),
  REGION_RULE (RIG_CODE_SIGNAL_LEVEL_MISMATCH, "signal", INFO, "4.1",
               rig_rule_signal_level_mismatch,
               N_ ("Too little level for the next stage: a consumer level into a pro input with no "
                   "gain to make it up, or a source too weak to drive an amplifier to its rated "
                   "power (a warning from 10 dB short).")),
};

const RigRule *
rig_rule_registry (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (registry);
  return registry;
}

/* The public view: the rows' descriptions, sorted by code. */
static RigRuleInfo sorted[G_N_ELEMENTS (registry)];

static int
info_compare (const void *a, const void *b)
{
  return strcmp (((const RigRuleInfo *) a)->code, ((const RigRuleInfo *) b)->code);
}

const RigRuleInfo *
rig_rules_list (guint *n_rules)
{
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
        sorted[i] = registry[i].info;
      qsort (sorted, G_N_ELEMENTS (sorted), sizeof (RigRuleInfo), info_compare);
      g_once_init_leave (&ready, 1);
    }
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (sorted);
  return sorted;
}

const RigRuleInfo *
rig_rules_find (const char *code)
{
  guint n;
  const RigRuleInfo *rules = rig_rules_list (&n);

  for (guint i = 0; code != NULL && i < n; i++)
    if (strcmp (rules[i].code, code) == 0)
      return &rules[i];
  return NULL;
}
