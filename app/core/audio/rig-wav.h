/* rig-wav.h: a clip as a WAV file: RIFF, 16-bit PCM, two channels. */
#pragma once

#include <gio/gio.h>

#include "rig-audio.h"

G_BEGIN_DECLS

#define RIG_WAV_HEADER_BYTES 44

/* The whole file in memory: the 44-byte header, then the samples
 * interleaved (left, right), rounded to 16 bits and held within full scale. */
GBytes *
rig_wav_encode (const RigAudio *audio);

/* Writes @audio to @file atomically (rig-safe-file.h): the old file or the
 * new one, never half of one. */
gboolean
rig_wav_write (const RigAudio *audio, GFile *file, GError **error);

G_END_DECLS
