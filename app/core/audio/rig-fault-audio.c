/* rig-fault-audio.c: wiring faults as signal processing (rig-fault-audio.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-fault-audio.h"

void
rig_fault_drop_channel (RigAudio *audio, guint channel)
{
  memset (rig_audio_channel (audio, channel ? 1 : 0), 0, sizeof (float) * audio->n_frames);
}

void
rig_fault_difference (RigAudio *audio, double right_sign)
{
  float sign = right_sign < 0 ? -1.0f : 1.0f;

  for (gsize i = 0; i < audio->n_frames; i++)
    {
      float d = (audio->left[i] - audio->right[i]) / 2;
      audio->left[i] = d;
      audio->right[i] = sign * d;
    }
}

void
rig_fault_inverted (RigAudio *audio)
{
  for (gsize i = 0; i < audio->n_frames; i++)
    {
      float m = (audio->left[i] + audio->right[i]) / 2;
      audio->left[i] = m;
      audio->right[i] = -m;
    }
}

void
rig_fault_add_hum (RigAudio *audio, double mains_hz, double dbfs)
{
  /* A transformer's hum: the fundamental, then a buzz of odd harmonics
   * above a weaker even series (relative amplitudes). */
  static const double harmonic[] = { 1.0, 0.5, 0.6, 0.2, 0.35, 0.1, 0.2 };
  double amp = pow (10, dbfs / 20);

  for (gsize i = 0; i < audio->n_frames; i++)
    {
      double t = (double) i / audio->rate, v = 0;
      for (guint k = 0; k < G_N_ELEMENTS (harmonic); k++)
        if ((k + 1) * mains_hz < audio->rate / 2.0)
          v += harmonic[k] * sin (2 * G_PI * (k + 1) * mains_hz * t);
      audio->left[i] += (float) (amp * v);
      audio->right[i] += (float) (amp * v);
    }
}

void
rig_fault_gain (RigAudio *audio, double db)
{
  float g = (float) pow (10, db / 20);

  for (gsize i = 0; i < audio->n_frames; i++)
    {
      audio->left[i] *= g;
      audio->right[i] *= g;
    }
}

static inline float
clamp_sample (float x, float limit)
{
  return x > limit ? limit : x < -limit ? -limit : x;
}

void
rig_fault_hard_clip (RigAudio *audio, double over_db, float threshold)
{
  float peak = rig_audio_peak (audio);

  if (peak <= 0)
    return;
  rig_fault_gain (audio, 20 * log10 (threshold / peak) + over_db);
  for (gsize i = 0; i < audio->n_frames; i++)
    {
      audio->left[i] = clamp_sample (audio->left[i], threshold);
      audio->right[i] = clamp_sample (audio->right[i], threshold);
    }
}

void
rig_fault_lowpass (RigAudio *audio, double corner_hz)
{
  double k, b0, a1;

  if (corner_hz <= 0 || corner_hz >= 0.49 * audio->rate)
    return;
  /* H(s) = 1 / (1 + s/ωc), s = (2/T)(1 − z⁻¹)/(1 + z⁻¹), with ωc prewarped:
   * K = tan(π fc / fs), H(z) = K (1 + z⁻¹) / ((1 + K) + (K − 1) z⁻¹). */
  k = tan (G_PI * corner_hz / audio->rate);
  b0 = k / (1 + k);
  a1 = (k - 1) / (k + 1);
  for (guint c = 0; c < 2; c++)
    {
      float *x = rig_audio_channel (audio, c);
      double x1 = 0, y1 = 0;

      for (gsize i = 0; i < audio->n_frames; i++)
        {
          double y = b0 * (x[i] + x1) - a1 * y1;
          x1 = x[i];
          y1 = y;
          x[i] = (float) y;
        }
    }
}

void
rig_fault_silence (RigAudio *audio)
{
  rig_fault_drop_channel (audio, 0);
  rig_fault_drop_channel (audio, 1);
}

void
rig_fault_delay (RigAudio *audio, double seconds)
{
  gsize n = audio->n_frames;
  gsize shift = n > 0 ? (gsize) llround (seconds * audio->rate) % n : 0;

  if (shift == 0)
    return;
  for (guint c = 0; c < 2; c++)
    {
      float *x = rig_audio_channel (audio, c);
      g_autofree float *copy = g_memdup2 (x, sizeof (float) * n);

      memcpy (x + shift, copy, sizeof (float) * (n - shift));
      memcpy (x, copy + n - shift, sizeof (float) * shift);
    }
}
