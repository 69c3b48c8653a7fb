/* rig-audio.h: a stereo clip in memory, the material of the "Hear it"
 * player: two channels of float samples (full scale ±1) at one rate.
 *
 * The audio layer makes clips itself (rig-synth.h: no recorded audio),
 * changes them the way a wiring fault does (rig-fault-audio.h), pairs a
 * problem with its fault (rig-hear.h) and writes WAV files (rig-wav.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RIG_AUDIO_RATE 48000 /* Hz: every clip the program makes */

typedef struct
{
  guint rate;     /* samples per second */
  gsize n_frames; /* samples per channel */
  float *left;    /* n_frames samples */
  float *right;   /* n_frames samples */
} RigAudio;

/* @n_frames of silence at @rate. */
RigAudio *
rig_audio_new (gsize n_frames, guint rate);
RigAudio *
rig_audio_copy (const RigAudio *audio);
void
rig_audio_free (RigAudio *audio);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigAudio, rig_audio_free)

/* Channel 0 is the left, 1 the right. */
static inline float *
rig_audio_channel (const RigAudio *audio, guint channel)
{
  return channel == 0 ? audio->left : audio->right;
}

/* The largest absolute sample of both channels. */
float
rig_audio_peak (const RigAudio *audio);

/* Adds @other (of the same length and rate) times @gain. */
void
rig_audio_mix (RigAudio *audio, const RigAudio *other, float gain);

G_END_DECLS
