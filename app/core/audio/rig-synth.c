/* rig-synth.c: the band loop (rig-synth.h). Additive synthesis throughout,
 * so every part is band-limited and nothing aliases. */
#include "config.h"

#include <math.h>

#include "rig-synth.h"

#define BEAT (60.0 / RIG_SYNTH_BPM) /* seconds */

/* The voice: one sung note per two beats, each on its vowel. */
typedef struct
{
  double hz;
  double formant[3][3]; /* centre Hz, bandwidth Hz, gain */
} VoiceNote;

static const VoiceNote voice_notes[] = {
  { 220.00, { { 730, 90, 1.0 }, { 1090, 110, 0.5 }, { 2440, 170, 0.25 } } }, /* "ah" */
  { 261.63, { { 570, 80, 1.0 }, { 840, 100, 0.45 }, { 2410, 170, 0.15 } } }, /* "oh" */
  { 329.63, { { 530, 60, 1.0 }, { 1840, 100, 0.5 }, { 2480, 120, 0.3 } } },  /* "eh" */
  { 293.66, { { 730, 90, 1.0 }, { 1090, 110, 0.5 }, { 2440, 170, 0.25 } } }, /* "ah" */
};

/* The bass: a note per two beats, plucked on every beat. */
/* Clear of the mains' first harmonics (50, 60, 100, 120, 150, 180 Hz), so
 * that a hum stands out against it. */
static const double bass_notes[] = { 110.00, 87.31, 82.41, 110.00 };

/* The keys: a chord per bar, on beats 2 and 4. */
static const double key_chords[2][3] = {
  { 440.00, 523.25, 659.26 }, /* A minor */
  { 349.23, 440.00, 523.25 }, /* F major */
};

/* Attack and release ramps around a note of @length seconds at time @t. */
static double
note_envelope (double t, double length, double attack, double release)
{
  if (t < 0 || t >= length)
    return 0;
  if (t < attack)
    return t / attack;
  if (t > length - release)
    return (length - t) / release;
  return 1;
}

/* A harmonic's amplitude under the vowel's formants, with the −6 dB per
 * octave fall of a glottal buzz. */
static double
formant_gain (const VoiceNote *note, double hz, guint k)
{
  double g = 0.04;

  for (guint i = 0; i < 3; i++)
    {
      double x = (hz - note->formant[i][0]) / (note->formant[i][1] / 2);
      g += note->formant[i][2] / sqrt (1 + x * x);
    }
  return g / sqrt ((double) k);
}

/* Σ a_k sin(kφ) by the Chebyshev recurrence sin(kφ) = 2 cos φ sin((k−1)φ)
 * − sin((k−2)φ). */
static double
harmonics (const double *amp, guint n, double phi)
{
  double c = 2 * cos (phi), s_prev = 0, s = sin (phi), sum = 0;

  for (guint k = 0; k < n; k++)
    {
      double next = c * s - s_prev;
      sum += amp[k] * s;
      s_prev = s;
      s = next;
    }
  return sum;
}

static void
add_voice (RigAudio *audio, float gain)
{
  double rate = audio->rate, length = 2 * BEAT;

  for (guint n = 0; n < G_N_ELEMENTS (voice_notes); n++)
    {
      const VoiceNote *note = &voice_notes[n];
      double amp[32], total = 0, phi = 0;
      guint count = 0;
      gsize start = (gsize) (n * length * rate),
            end = MIN ((gsize) ((n + 1) * length * rate), audio->n_frames);

      for (guint k = 1; k <= G_N_ELEMENTS (amp) && k * note->hz * 1.01 < 5000; k++)
        total += amp[count++] = formant_gain (note, k * note->hz, k);
      for (guint k = 0; k < count; k++)
        amp[k] /= total;
      for (gsize i = start; i < end; i++)
        {
          double t = (i - start) / rate;
          /* A vibrato of ±0.6 %, 5.5 times a second, growing in. */
          double depth = 0.006 * MIN (1.0, t / 0.4);
          double hz = note->hz * (1 + depth * sin (2 * G_PI * 5.5 * t));
          float v;

          phi = fmod (phi + 2 * G_PI * hz / rate, 2 * G_PI);
          v = gain * note_envelope (t, length, 0.04, 0.08) * harmonics (amp, count, phi);
          audio->left[i] += v;
          audio->right[i] += v;
        }
    }
}

static void
add_bass (RigAudio *audio, float gain)
{
  static const double amp[3] = { 1.0, 0.35, 0.15 };
  double rate = audio->rate;

  for (guint beat = 0; beat < RIG_SYNTH_BEATS; beat++)
    {
      double hz = bass_notes[beat / 2 % G_N_ELEMENTS (bass_notes)];
      gsize start = (gsize) (beat * BEAT * rate);
      gsize end = MIN ((gsize) ((beat + 1) * BEAT * rate), audio->n_frames);

      for (gsize i = start; i < end; i++)
        {
          double t = (i - start) / rate;
          float v = gain * note_envelope (t, BEAT, 0.015, 0.04) * exp (-t / 0.6)
                    * harmonics (amp, 3, 2 * G_PI * hz * t);
          audio->left[i] += v;
          audio->right[i] += v;
        }
    }
}

/* A small deterministic noise source (xorshift32), in [−1, 1). */
static float
noise (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return (float) ((double) x / 2147483648.0 - 1);
}

static void
add_hats (RigAudio *audio, float gain)
{
  double rate = audio->rate, step = BEAT / 2;
  guint32 state = 0x2545f491;

  for (guint tick = 0; tick < 2 * RIG_SYNTH_BEATS; tick++)
    {
      /* Closed on the beat, a little open between. */
      double decay = tick % 2 ? 0.06 : 0.025;
      gsize start = (gsize) (tick * step * rate);
      gsize end = MIN ((gsize) ((tick + 1) * step * rate), audio->n_frames);
      float x1 = 0, x2 = 0;

      for (gsize i = start; i < end; i++)
        {
          double t = (i - start) / rate;
          float x = noise (&state);
          /* A second difference: a high-pass that keeps the hiss. */
          float hiss = (x - 2 * x1 + x2) / 4;
          float v = gain * note_envelope (t, step, 0.001, 0.01) * exp (-t / decay) * hiss;

          x2 = x1;
          x1 = x;
          audio->left[i] += 0.9f * v;
          audio->right[i] += 0.25f * v;
        }
    }
}

static void
add_keys (RigAudio *audio, float gain)
{
  static const double amp[3] = { 1.0, 0.3, 0.1 };
  double rate = audio->rate;

  for (guint beat = 1; beat < RIG_SYNTH_BEATS; beat += 2)
    {
      const double *chord = key_chords[beat / 4 % G_N_ELEMENTS (key_chords)];
      gsize start = (gsize) (beat * BEAT * rate);
      gsize end = MIN ((gsize) ((beat + 1) * BEAT * rate), audio->n_frames);

      for (gsize i = start; i < end; i++)
        {
          double t = (i - start) / rate;
          double env = note_envelope (t, BEAT, 0.005, 0.03) * exp (-t / 0.25);
          float v = 0;

          for (guint n = 0; n < 3; n++)
            v += gain * env * harmonics (amp, 3, 2 * G_PI * chord[n] * t);
          audio->left[i] += 0.25f * v;
          audio->right[i] += 0.9f * v;
        }
    }
}

RigAudio *
rig_synth_band (RigSynthParts parts)
{
  RigAudio *audio = rig_audio_new ((gsize) (RIG_SYNTH_SECONDS * RIG_AUDIO_RATE), RIG_AUDIO_RATE);

  if (parts & RIG_SYNTH_VOICE)
    add_voice (audio, 0.3f);
  if (parts & RIG_SYNTH_BASS)
    add_bass (audio, 0.2f);
  if (parts & RIG_SYNTH_HATS)
    add_hats (audio, 0.2f);
  if (parts & RIG_SYNTH_KEYS)
    add_keys (audio, 0.07f);
  return audio;
}

void
rig_synth_add_clicks (RigAudio *audio)
{
  double rate = audio->rate, length = 0.004;

  for (guint beat = 0; beat < RIG_SYNTH_BEATS; beat++)
    {
      gsize start = (gsize) (beat * BEAT * rate);
      gsize end = MIN (start + (gsize) (length * rate), audio->n_frames);

      for (gsize i = start; i < end; i++)
        {
          double t = (i - start) / rate;
          /* A Hann-windowed 2 kHz blip. */
          float v = 0.4f * (0.5 - 0.5 * cos (2 * G_PI * t / length)) * sin (2 * G_PI * 2000 * t);
          audio->left[i] += v;
          audio->right[i] += v;
        }
    }
}
