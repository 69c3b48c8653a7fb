/* rig-levels.h: the typical levels of each signal class (physics.md §1,
 * §4.1), in one table, and the clipping point a mic input is assumed to
 * have at its lowest gain. Voltages are RMS. */
#pragma once

#include "rig-jack.h"

G_BEGIN_DECLS

/* The nominal level of a class (V): MM phono about 5 mV, mics 5 mV (1 to
 * 10 mV), consumer line 0.316 V (−10 dBV), pro line 1.228 V (+4 dBu); NAN
 * for digital and power. */
double
rig_level_nominal_volts (RigSignal signal);

/* The peaks of a class (V), when the class has typical ones: consumer line
 * up to 2 V, pro line +24 dBu (12.3 V), instrument about 1 V, headphone
 * outputs about 2 V; NAN otherwise. */
double
rig_level_peak_volts (RigSignal signal);

/* The peak level a source jack reaches: its stated maximum, else its class's
 * peak (*@assumed TRUE), else its nominal level. */
double
rig_level_source_peak (const RigJack *jack, RigSignal signal, gboolean *assumed);

/* The nominal programme level a source of @signal sends down a line: its
 * class's nominal level, a headphone output's that of consumer line
 * (−10 dBV: a phone's headphone out is its line out, physics.md §4.3), and
 * at least 10 dB under its peaks @peak (§4.1: music peaks sit 10-20 dB
 * above the nominal level); NAN for digital and power. */
double
rig_level_programme_nominal (RigSignal signal, double peak);

/* The level at which a mic input clips with its gain at the lowest (V),
 * assumed by kind (physics.md §4.1): a balanced (XLR) mic preamp about
 * +10 dBu, an unbalanced 3.5 mm mic input (computers, cameras) about
 * −20 dBV. */
double
rig_level_mic_input_clip (const RigJack *jack);

/* dBu and dBV of a voltage. */
double
rig_level_dbu (double volts);
double
rig_level_dbv (double volts);

G_END_DECLS

G_BEGIN_DECLS

/* The level at which an input clips (V RMS, physics.md §4.1, §9): its own
 * clip-level, else by class (*@assumed TRUE): a mic input as
 * rig_level_mic_input_clip(), consumer line 2 V, pro line +24 dBu, an
 * instrument input +10 dBu; NAN for the others (headphones, speakers,
 * phono, digital). */
double
rig_level_input_clip (const RigJack *jack, gboolean *assumed);

/* The design (nominal) level of an input, V: its own nominal-level, else its
 * class's (*@assumed TRUE) for line inputs; NAN for other classes. */
double
rig_level_input_nominal (const RigJack *jack, gboolean *assumed);

/* An amplifier input's sensitivity (the input level for rated power), V:
 * its own, else (*@assumed TRUE) by class: consumer line 0.5 V, pro line
 * +4 dBu. */
double
rig_level_amp_sensitivity (const RigJack *jack, gboolean *assumed);

G_END_DECLS
