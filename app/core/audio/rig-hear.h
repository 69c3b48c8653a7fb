/* rig-hear.h: a problem, heard. A diagnostic's figures (rig-diagnostic.h,
 * set by the rule from its own numbers) pick a fault model
 * (rig-fault-audio.h); the band loop (rig-synth.h) goes through it for the
 * version "as wired" and past it for the version "wired right", so a
 * listener can compare the two.
 */
#pragma once

#include "rig-audio.h"
#include "rig-diagnostic.h"

G_BEGIN_DECLS

typedef enum
{
  RIG_HEAR_AS_WIRED,    /* through the fault */
  RIG_HEAR_WIRED_RIGHT, /* the same clip, as the right rig plays it */
} RigHearVersion;

/* The headroom the right rig leaves under a hot input's clipping point:
 * the clean clip peaks this far below it, dB. */
#define RIG_HEAR_CLIP_HEADROOM_DB 1.0

/* Whether @figures describe a sound to play (not RIG_HEAR_NONE). */
gboolean
rig_hear_has_sound (const RigHearFigures *figures);

/* The mains frequency where the user is, from the locale's territory: 60 Hz
 * in the Americas' 60 Hz countries, Korea, Taiwan, the Philippines and
 * Saudi Arabia, else 50 Hz. */
double
rig_hear_local_mains_hz (void);

/* The fault of @figures, in place on any clip @audio: what
 * rig_hear_render() does to the band loop for RIG_HEAR_AS_WIRED. */
void
rig_hear_apply (const RigHearFigures *figures, RigAudio *audio, double mains_hz);

/* The clip for @figures, RIG_AUDIO_RATE stereo, RIG_SYNTH_SECONDS long.
 * @mains_hz is the hum's frequency when the figures leave it open (0: the
 * local one). NULL when @figures have no sound. */
RigAudio *
rig_hear_render (const RigHearFigures *figures, RigHearVersion version, double mains_hz);

/* The first diagnostic in @diagnostics (RigDiagnostic *, in the
 * validator's order: the worst first) that concerns @cable_id and has a
 * sound; NULL if none. */
const RigDiagnostic *
rig_hear_find_for_cable (GPtrArray *diagnostics, const char *cable_id);

/* What @figures make the clip sound like, in a few translated words:
 * "mains hum at 50 Hz", "24.3 dB quieter". */
char *
rig_hear_describe (const RigHearFigures *figures, double mains_hz);

G_END_DECLS
