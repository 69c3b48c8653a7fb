/* rig-rules.h: the rule functions of every family (rules/rig-rules-*.c),
 * for the registry (rig-rule-registry.c), and what one family's rules share
 * with another's. A rule file includes this header and nothing of the
 * validator's. */
#pragma once

#include "rig-rule.h"

G_BEGIN_DECLS

/* rig-rules-connector.c */
void
rig_rule_connector_family (RigRegion *region, RigCabNode *cable);
void
rig_rule_connector_size (RigRegion *region, RigCabNode *cable);
void
rig_rule_connector_gender (RigRegion *region, RigCabNode *cable);
void
rig_rule_connector_poles (RigRegion *region, RigCabNode *cable);
void
rig_rule_connector_headset_standard (RigRegion *region, RigCabNode *cable);

/* rig-rules-signal.c */
void
rig_rule_signal_cable_length (RigRegion *region, RigCabNode *cable);
/* rules/rig-cable-corner.c: the unbalanced analog part of the above. */
void
rig_rule_signal_cable_length_unbalanced (RigRegion *region, RigCabNode *cable);
void
rig_rule_signal_output_to_output (RigRegion *region, guint net);
void
rig_rule_signal_input_to_input (RigRegion *region, guint net);
void
rig_rule_signal_bluetooth_latency (RigRegion *region, const RigLink *link);
void
rig_rule_signal_digital_analog (RigRegion *region, const RigLink *link);
void
rig_rule_signal_speaker_into_line (RigRegion *region, const RigLink *link);
void
rig_rule_signal_mic_into_line (RigRegion *region, const RigLink *link);
void
rig_rule_signal_line_into_mic (RigRegion *region, const RigLink *link);
void
rig_rule_signal_instrument_into_line (RigRegion *region, const RigLink *link);
void
rig_rule_signal_phono_into_line (RigRegion *region, const RigLink *link);
void
rig_rule_signal_line_into_phono (RigRegion *region, const RigLink *link);
void
rig_rule_signal_balance (RigRegion *region, const RigLink *link);
void
rig_rule_signal_channels (RigRegion *region, const RigLink *link);
void
rig_rule_signal_ground_loop (RigRegion *region);

/* rig-rules-supply.c */
void
rig_rule_power_usb_budget (RigRegion *region, guint net);
void
rig_rule_power_supply_budget (RigRegion *region, guint net);
void
rig_rule_power_supply_voltage (RigRegion *region, guint net);
void
rig_rule_power_not_a_power_source (RigRegion *region, guint net);

/* rig-rules-power.c */
void
rig_rule_power_passive_unamplified (RigRegion *region, const RigLink *link);
void
rig_rule_power_headphone_amp_to_speaker (RigRegion *region, const RigLink *link);
void
rig_rule_power_phantom_missing (RigRegion *region, const RigLink *link);
void
rig_rule_power_phantom_unbalanced (RigRegion *region, const RigLink *link);
void
rig_rule_power_amp_underpowered (RigRegion *region, RigDevNode *dev);
void
rig_rule_power_amp_overpowered (RigRegion *region, RigDevNode *dev);
void
rig_rule_power_unpowered (RigRegion *region, RigDevNode *dev);

/* rig-rules-impedance.c */
void
rig_rule_impedance_headphone_output (RigRegion *region, const RigLink *link);
void
rig_rule_impedance_headphone_drive (RigRegion *region, const RigLink *link);
void
rig_rule_impedance_bridging (RigRegion *region, const RigLink *link);
void
rig_rule_impedance_parallel_load (RigRegion *region, guint net);
void
rig_rule_impedance_below_minimum_load (RigRegion *region, RigDevNode *dev);
void
rig_rule_impedance_damping (RigRegion *region, RigDevNode *dev);

/* rig-rules-topology.c */
void
rig_rule_topology_no_signal (RigRegion *region, RigDevNode *dev);
void
rig_rule_topology_feedback (RigRegion *region);

/* Shared between families. */

/* TRUE when a level or kind rule of the link fires (mic into line, line
 * into mic, instrument into line, phono into line, line into phono): the
 * impedance rules then say nothing of it (physics.md §4.3). */
gboolean
rig_link_level_mismatch (const RigLink *link);

/* The amplifier outputs of @dev with a known, finite speaker load: calls
 * @speaker for every speaker the output drives (with the voltage it gets,
 * NAN when unknown) and then @output once with every speaker and cable
 * (rules/rig-amp-outputs.c). */
typedef struct
{
  RigDevNode *amp;
  int amp_jack;
  double zout;         /* the output's impedance (may be unset) */
  double load;         /* the load on the output, Ω */
  double min_load;     /* the output's rated minimum (may be unset) */
  gboolean too_low;    /* load below the rated minimum */
  GPtrArray *speakers; /* RigDevNode *, every speaker reached */
  GPtrArray *cables;   /* RigCabNode *, every cable to them */
} RigAmpOutput;

typedef void (*RigAmpSpeakerFunc) (RigRegion *region, const RigAmpOutput *out, RigDevNode *speaker,
                                   int speaker_jack, GPtrArray *path, double speaker_ohms,
                                   double volts, gpointer data);
typedef void (*RigAmpOutputFunc) (RigRegion *region, const RigAmpOutput *out, gpointer data);

void
rig_amp_outputs_foreach (RigRegion *region, RigDevNode *dev, RigAmpSpeakerFunc speaker,
                         RigAmpOutputFunc output, gpointer data);

/* rig-rules-levels.c: the level trace's rules (physics.md §9). */
void
rig_rule_signal_clipping (RigRegion *region);
void
rig_rule_signal_level_mismatch (RigRegion *region);

G_END_DECLS
