/* rig-synth.h: the band loop every "Hear it" clip is made of, synthesized
 * here (no recorded audio): two bars at 96 beats a minute, 5 seconds.
 *
 *   voice  centre        a sung vowel: a buzz shaped by three formants
 *   bass   centre        plucked notes, the root of each chord
 *   hats   mostly left   noise ticks on every eighth note
 *   keys   mostly right  chord stabs on beats 2 and 4
 *
 * The centred parts are the same in both channels, sample for sample, so
 * that L − R cancels them exactly; the panned parts are louder on their own
 * side. Peaks stay near −6 dBFS: the level the right rig plays at.
 */
#pragma once

#include "rig-audio.h"

G_BEGIN_DECLS

#define RIG_SYNTH_BPM 96.0
#define RIG_SYNTH_BEATS 8
#define RIG_SYNTH_SECONDS (RIG_SYNTH_BEATS * 60.0 / RIG_SYNTH_BPM)

typedef enum
{
  RIG_SYNTH_VOICE = 1 << 0,
  RIG_SYNTH_BASS = 1 << 1,
  RIG_SYNTH_HATS = 1 << 2,
  RIG_SYNTH_KEYS = 1 << 3,
  RIG_SYNTH_BAND = 0xf, /* every part */
} RigSynthParts;

/* The loop with @parts, at RIG_AUDIO_RATE. Deterministic: the same call
 * gives the same samples. */
RigAudio *
rig_synth_band (RigSynthParts parts);

/* Adds a short tick on every beat to both channels (what a picture shows:
 * a clap, a hit), at the time the band plays it. */
void
rig_synth_add_clicks (RigAudio *audio);

G_END_DECLS
