/* rig-wav.c: a clip as a WAV file (rig-wav.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-safe-file.h"
#include "rig-wav.h"

static void
put_u32 (guint8 *p, guint32 v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static void
put_u16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

static gint16
to_16 (float x)
{
  double v = round ((double) x * 32767.0);
  return (gint16) CLAMP (v, -32768.0, 32767.0);
}

GBytes *
rig_wav_encode (const RigAudio *audio)
{
  const guint channels = 2, bytes_per_sample = 2;
  gsize data = audio->n_frames * channels * bytes_per_sample;
  guint8 *wav;

  g_return_val_if_fail (data <= G_MAXUINT32 - RIG_WAV_HEADER_BYTES, NULL);
  wav = g_malloc (RIG_WAV_HEADER_BYTES + data);
  memcpy (wav, "RIFF", 4);
  put_u32 (wav + 4, (guint32) (36 + data));
  memcpy (wav + 8, "WAVEfmt ", 8);
  put_u32 (wav + 16, 16); /* the fmt chunk's size */
  put_u16 (wav + 20, 1);  /* PCM */
  put_u16 (wav + 22, channels);
  put_u32 (wav + 24, audio->rate);
  put_u32 (wav + 28, audio->rate * channels * bytes_per_sample);
  put_u16 (wav + 32, channels * bytes_per_sample);
  put_u16 (wav + 34, 8 * bytes_per_sample);
  memcpy (wav + 36, "data", 4);
  put_u32 (wav + 40, (guint32) data);
  for (gsize i = 0; i < audio->n_frames; i++)
    {
      guint8 *p = wav + RIG_WAV_HEADER_BYTES + 4 * i;
      put_u16 (p, (guint16) to_16 (audio->left[i]));
      put_u16 (p + 2, (guint16) to_16 (audio->right[i]));
    }
  return g_bytes_new_take (wav, RIG_WAV_HEADER_BYTES + data);
}

gboolean
rig_wav_write (const RigAudio *audio, GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = rig_wav_encode (audio);

  return rig_safe_file_write_bytes (file, bytes, error);
}
