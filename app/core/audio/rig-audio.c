/* rig-audio.c: a stereo clip in memory. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-audio.h"

RigAudio *
rig_audio_new (gsize n_frames, guint rate)
{
  RigAudio *audio = g_new0 (RigAudio, 1);

  audio->rate = rate;
  audio->n_frames = n_frames;
  audio->left = g_new0 (float, MAX (n_frames, 1));
  audio->right = g_new0 (float, MAX (n_frames, 1));
  return audio;
}

RigAudio *
rig_audio_copy (const RigAudio *audio)
{
  RigAudio *copy = rig_audio_new (audio->n_frames, audio->rate);

  memcpy (copy->left, audio->left, sizeof (float) * audio->n_frames);
  memcpy (copy->right, audio->right, sizeof (float) * audio->n_frames);
  return copy;
}

void
rig_audio_free (RigAudio *audio)
{
  if (audio == NULL)
    return;
  g_free (audio->left);
  g_free (audio->right);
  g_free (audio);
}

float
rig_audio_peak (const RigAudio *audio)
{
  float peak = 0;

  for (gsize i = 0; i < audio->n_frames; i++)
    peak = MAX (peak, MAX (fabsf (audio->left[i]), fabsf (audio->right[i])));
  return peak;
}

void
rig_audio_mix (RigAudio *audio, const RigAudio *other, float gain)
{
  g_return_if_fail (other->n_frames == audio->n_frames && other->rate == audio->rate);

  for (gsize i = 0; i < audio->n_frames; i++)
    {
      audio->left[i] += gain * other->left[i];
      audio->right[i] += gain * other->right[i];
    }
}
