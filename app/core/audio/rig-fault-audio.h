/* rig-fault-audio.h: what wiring faults do to sound, as plain signal
 * processing on a clip in place. Each function is one fault of
 * doc/physics.md; rig-hear.h picks them from a problem's figures.
 */
#pragma once

#include "rig-audio.h"

G_BEGIN_DECLS

/* A channel that never arrives (physics.md §2.1): @channel 0 left, 1 right. */
void
rig_fault_drop_channel (RigAudio *audio, guint channel);

/* The difference of the two channels (physics.md §2.2, §4.2): left becomes
 * (L − R) / 2 and right @right_sign · (L − R) / 2; whatever is the same on
 * both sides (the centre) cancels. */
void
rig_fault_difference (RigAudio *audio, double right_sign);

/* The mono sum on the left, an inverted copy on the right (physics.md §4.2:
 * a balanced output into a stereo input). */
void
rig_fault_inverted (RigAudio *audio);

/* Mains hum (physics.md §7.3): a steady tone at @mains_hz with its first
 * harmonics, the fundamental's peak at @dbfs, added to both channels. */
void
rig_fault_add_hum (RigAudio *audio, double mains_hz, double dbfs);

/* Louder or quieter by @db. */
void
rig_fault_gain (RigAudio *audio, double db);

/* An input driven @over_db past its clipping point (physics.md §4.1): the
 * clip is scaled so that its peak stands @over_db above @threshold, then
 * every sample is held within ±@threshold. */
void
rig_fault_hard_clip (RigAudio *audio, double over_db, float threshold);

/* A first-order low-pass whose −3 dB corner is @corner_hz (physics.md
 * §7.1: a source's impedance and a cable's capacitance, f = 1 / (2πRC)),
 * by the bilinear transform, prewarped so the corner falls exactly there. */
void
rig_fault_lowpass (RigAudio *audio, double corner_hz);

/* Nothing at all. */
void
rig_fault_silence (RigAudio *audio);

/* Everything @seconds late (physics.md §2.5); the clip is a loop, so what
 * runs off its end comes round to its start. */
void
rig_fault_delay (RigAudio *audio, double seconds);

G_END_DECLS
