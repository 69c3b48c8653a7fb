/* test-hear.c: the "Hear it" clips, measured, never judged by ear.
 *
 * Each fault takes a rule's own diagnostic (the rigs of rig-test-rigs.c
 * that raise it) and checks that the clip "as wired" differs from the one
 * "wired right" by what the rule's figures say: a channel's RMS, the centre
 * in L − R, the hum's peaks (Goertzel), the low-pass corner, the share of
 * clipped samples, the level in dB, silence, the delay (cross-correlation).
 */
#include "config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rig-fault-audio.h"
#include "rig-hear.h"
#include "rig-synth.h"
#include "rig-test-rigs.h"
#include "rig-wav.h"

/* ---- measuring ---------------------------------------------------------- */

static double
rms (const float *x, gsize n)
{
  double sum = 0;

  for (gsize i = 0; i < n; i++)
    sum += (double) x[i] * x[i];
  return n > 0 ? sqrt (sum / n) : 0;
}

/* The RMS of both channels together. */
static double
rms_stereo (const RigAudio *a)
{
  double l = rms (a->left, a->n_frames), r = rms (a->right, a->n_frames);
  return sqrt ((l * l + r * r) / 2);
}

static double
db (double ratio)
{
  return 20 * log10 (MAX (ratio, 1e-12));
}

/* The amplitude of the sine at @hz in @x (Goertzel, Hann window, scaled so
 * a full-scale sine reads 1). */
static double
goertzel (const float *x, gsize n, guint rate, double hz)
{
  double w = 2 * G_PI * hz / rate, c = 2 * cos (w), s1 = 0, s2 = 0, wsum = 0, power;

  for (gsize i = 0; i < n; i++)
    {
      double win = 0.5 - 0.5 * cos (2 * G_PI * i / (n - 1));
      double s = x[i] * win + c * s1 - s2;
      s2 = s1;
      s1 = s;
      wsum += win;
    }
  power = s1 * s1 + s2 * s2 - c * s1 * s2;
  return 2 * sqrt (MAX (power, 0)) / wsum;
}

/* The mono sum (L + R) / 2 of a clip, or the difference (L − R) / 2. */
static float *
mid_or_side (const RigAudio *a, gboolean side)
{
  float *out = g_new (float, a->n_frames);

  for (gsize i = 0; i < a->n_frames; i++)
    out[i] = (a->left[i] + (side ? -a->right[i] : a->right[i])) / 2;
  return out;
}

/* ---- the rules' own diagnostics ------------------------------------------ */

typedef struct
{
  RigDocument *doc;
  GPtrArray *diags;
  const RigDiagnostic *diag;
} Raised;

static void
raised_clear (Raised *r)
{
  g_clear_pointer (&r->diags, g_ptr_array_unref);
  g_clear_object (&r->doc);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Raised, raised_clear)

/* The diagnostic the rule case @path raises, with its figures of @kind. */
static void
raise_case (Raised *r, const char *path, RigHearKind kind)
{
  guint n;
  const RigTestRuleCase *cases = rig_test_rule_cases (&n);

  for (guint i = 0; i < n; i++)
    if (strcmp (cases[i].path, path) == 0)
      {
        const char *object;
        r->doc = rig_document_new ();
        object = cases[i].build (r->doc, FALSE);
        r->diags = rig_test_check (r->doc);
        r->diag = rig_test_find (r->diags, cases[i].code, object);
        g_assert_nonnull (r->diag);
        g_assert_cmpint (r->diag->figures.kind, ==, kind);
        return;
      }
  g_assert_not_reached ();
}

typedef struct
{
  RigAudio *wired;
  RigAudio *right;
} Pair;

static void
pair_clear (Pair *p)
{
  g_clear_pointer (&p->wired, rig_audio_free);
  g_clear_pointer (&p->right, rig_audio_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pair, pair_clear)

static void
render_pair (Pair *p, const RigHearFigures *figures, double mains_hz)
{
  p->wired = rig_hear_render (figures, RIG_HEAR_AS_WIRED, mains_hz);
  p->right = rig_hear_render (figures, RIG_HEAR_WIRED_RIGHT, mains_hz);
  g_assert_nonnull (p->wired);
  g_assert_nonnull (p->right);
  g_assert_cmpuint (p->wired->n_frames, ==, p->right->n_frames);
  g_assert_cmpuint (p->wired->rate, ==, RIG_AUDIO_RATE);
}

/* The diagnostic of rule case @path, and its clips. */
static void
raise_and_render (Raised *r, Pair *p, const char *path, RigHearKind kind, double mains_hz)
{
  raise_case (r, path, kind);
  render_pair (p, &r->diag->figures, mains_hz);
}

/* ---- the band loop ------------------------------------------------------ */

static void
test_band_is_a_centred_mix_near_minus_6_dbfs (void)
{
  g_autoptr (RigAudio) band = rig_synth_band (RIG_SYNTH_BAND);
  g_autoptr (RigAudio) again = rig_synth_band (RIG_SYNTH_BAND);
  g_autoptr (RigAudio) centre = rig_synth_band (RIG_SYNTH_VOICE | RIG_SYNTH_BASS);
  g_autoptr (RigAudio) hats = rig_synth_band (RIG_SYNTH_HATS);
  g_autoptr (RigAudio) keys = rig_synth_band (RIG_SYNTH_KEYS);
  double seconds = (double) band->n_frames / band->rate;
  double peak = db (rig_audio_peak (band));

  g_assert_cmpfloat (seconds, >=, 4);
  g_assert_cmpfloat (seconds, <=, 6);
  g_assert_cmpfloat (peak, >, -9);
  g_assert_cmpfloat (peak, <, -3);
  g_assert_true (memcmp (band->left, again->left, sizeof (float) * band->n_frames) == 0);
  /* The centre is the same on both sides; the hats lean left, the keys right. */
  g_assert_true (memcmp (centre->left, centre->right, sizeof (float) * band->n_frames) == 0);
  g_assert_cmpfloat (rms (centre->left, centre->n_frames), >, 0.05);
  g_assert_cmpfloat (db (rms (hats->left, hats->n_frames) / rms (hats->right, hats->n_frames)), >,
                     6);
  g_assert_cmpfloat (db (rms (keys->right, keys->n_frames) / rms (keys->left, keys->n_frames)), >,
                     6);
}

/* ---- one channel missing ------------------------------------------------ */

static void
check_channel_lost (const char *path)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };
  gsize n;

  raise_and_render (&r, &p, path, RIG_HEAR_CHANNEL_LOST, 50);
  n = p.wired->n_frames;
  g_assert_cmpfloat (r.diag->figures.value[0], ==, 1); /* the right one */
  g_assert_cmpfloat (rms (p.wired->right, n), <, 1e-6);
  g_assert_cmpfloat (rms (p.right->right, n), >, 0.05);
  g_assert_cmpfloat (fabs (db (rms (p.wired->left, n) / rms (p.right->left, n))), <, 0.01);
}

static void
test_stereo_into_mono_loses_the_right_channel (void)
{
  check_channel_lost ("/rules/signal/channels");
}

static void
test_two_conductors_lose_the_right_channel (void)
{
  check_channel_lost ("/rules/signal/channels/conductors");
}

static void
test_mono_plug_in_stereo_socket_loses_the_right_channel (void)
{
  check_channel_lost ("/rules/connector/poles");
}

/* ---- the centre cancels ------------------------------------------------- */

/* The fault of @figures on one part of the band: the drop of its energy in
 * dB (both channels), negative when it falls. */
static double
part_change_db (const RigHearFigures *figures, RigSynthParts parts)
{
  g_autoptr (RigAudio) before = rig_synth_band (parts);
  g_autoptr (RigAudio) after = rig_audio_copy (before);

  rig_hear_apply (figures, after, 50);
  return db (rms_stereo (after) / rms_stereo (before));
}

static void
check_centre_cancels (const char *path, double right_sign)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };
  gsize n;

  raise_case (&r, path, RIG_HEAR_DIFFERENCE);
  g_assert_cmpfloat (r.diag->figures.value[0], ==, right_sign);
  g_assert_cmpfloat (part_change_db (&r.diag->figures, RIG_SYNTH_VOICE), <, -30);
  g_assert_cmpfloat (part_change_db (&r.diag->figures, RIG_SYNTH_BASS), <, -30);
  g_assert_cmpfloat (part_change_db (&r.diag->figures, RIG_SYNTH_HATS), >, -12);
  g_assert_cmpfloat (part_change_db (&r.diag->figures, RIG_SYNTH_KEYS), >, -12);

  /* The whole clip: the right side is the left's copy, inverted or not. */
  render_pair (&p, &r.diag->figures, 50);
  n = p.wired->n_frames;
  for (gsize i = 0; i < n; i += 97)
    g_assert_cmpfloat (p.wired->right[i], ==, (float) right_sign * p.wired->left[i]);
  g_assert_cmpfloat (rms (p.wired->left, n), >, 0.005);
}

static void
test_stereo_into_balanced_hears_left_minus_right (void)
{
  check_centre_cancels ("/rules/signal/balance", 1);
}

static void
test_ctia_into_omtp_hears_left_minus_right (void)
{
  check_centre_cancels ("/rules/connector/headset-standard", -1);
}

/* Balanced mono into a stereo input: an inverted copy on the right, which
 * vanishes when the two sides are summed. */
static void
test_balanced_into_stereo_cancels_in_mono (void)
{
  RigHearFigures figures = { RIG_HEAR_INVERTED, { 1, 0 } };
  g_auto (Pair) p = { 0 };
  g_autofree float *sum_wired = NULL;
  g_autofree float *sum_right = NULL;
  gsize n;

  render_pair (&p, &figures, 50);
  n = p.wired->n_frames;
  sum_wired = mid_or_side (p.wired, FALSE);
  sum_right = mid_or_side (p.right, FALSE);
  g_assert_cmpfloat (db (rms (sum_wired, n) / rms (sum_right, n)), <, -30);
  g_assert_cmpfloat (fabs (db (rms (p.wired->left, n) / rms (sum_right, n))), <, 0.01);
}

/* ---- mains hum ---------------------------------------------------------- */

static void
check_hum (double mains_hz)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };
  gsize n;

  raise_and_render (&r, &p, "/rules/signal/ground-loop", RIG_HEAR_HUM, mains_hz);
  n = p.wired->n_frames;
  /* What the fault adds is the hum alone, its fundamental at the rule's
   * level; its peaks stand out of the clip, and the clean clip has none. */
  g_assert_cmpfloat (r.diag->figures.value[1], >=, -40);
  g_assert_cmpfloat (r.diag->figures.value[1], <=, -30);
  for (guint k = 1; k <= 3; k++)
    {
      double hz = k * mains_hz;
      double wired = db (goertzel (p.wired->left, n, RIG_AUDIO_RATE, hz));
      double right = db (goertzel (p.right->left, n, RIG_AUDIO_RATE, hz));
      g_autofree float *added = g_new (float, n);

      for (gsize i = 0; i < n; i++)
        added[i] = p.wired->left[i] - p.right->left[i];
      g_test_message ("%g Hz: %.1f dBFS as wired, %.1f wired right", hz, wired, right);
      if (k == 1)
        g_assert_cmpfloat (
            fabs (db (goertzel (added, n, RIG_AUDIO_RATE, hz)) - r.diag->figures.value[1]), <, 0.1);
      g_assert_cmpfloat (wired, >, -50);
      g_assert_cmpfloat (wired - right, >, 10);
      g_assert_cmpfloat (right, <, -55);
    }
}

static void
test_ground_loop_hums_at_50_hz (void)
{
  check_hum (50);
}

static void
test_ground_loop_hums_at_60_hz (void)
{
  check_hum (60);
}

/* ---- loudness ----------------------------------------------------------- */

static void
check_level (const char *path)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };
  double change;

  raise_and_render (&r, &p, path, RIG_HEAR_LEVEL, 50);
  change = db (rms_stereo (p.wired) / rms_stereo (p.right));
  g_test_message ("%s: the rule says %.2f dB, the clip %.2f dB", path, r.diag->figures.value[0],
                  change);
  g_assert_cmpfloat (r.diag->figures.value[0], <, 0);
  g_assert_cmpfloat (fabs (change - r.diag->figures.value[0]), <, 0.5);
}

static void
test_passive_speaker_on_a_phone_is_quieter_by_the_rules_db (void)
{
  check_level ("/rules/power/passive-unamplified");
}

static void
test_headphone_amp_on_a_speaker_is_quieter_by_the_rules_db (void)
{
  check_level ("/rules/power/headphone-amp-to-speaker");
}

static void
test_weak_headphone_drive_is_quieter_by_the_rules_db (void)
{
  g_auto (Raised) r = { 0 };
  g_autofree char *said = NULL;

  check_level ("/rules/impedance/headphone-drive");
  /* The figure is the rule's own: the message's "at most N dB SPL", less
   * the target peaks of 95 dB SPL. */
  raise_case (&r, "/rules/impedance/headphone-drive", RIG_HEAR_LEVEL);
  said = g_strdup_printf ("%.1f", 95 + r.diag->figures.value[0]);
  g_assert_nonnull (strstr (r.diag->message, said));
}

static void
test_balanced_into_ts_is_6_db_quieter (void)
{
  g_auto (Raised) r = { 0 };

  check_level ("/rules/connector/poles/balanced");
  raise_case (&r, "/rules/connector/poles/balanced", RIG_HEAR_LEVEL);
  g_assert_cmpfloat (fabs (r.diag->figures.value[0] + 6.02), <, 0.01);
}

static void
test_mic_into_line_is_quieter_by_the_rules_db (void)
{
  check_level ("/rules/signal/mic-into-line");
}

/* ---- clipping ----------------------------------------------------------- */

/* The share of samples of @a at or above @limit (both channels). */
static double
clipped_share (const RigAudio *a, float limit)
{
  gsize clipped = 0;

  for (gsize i = 0; i < a->n_frames; i++)
    clipped += (fabsf (a->left[i]) >= limit) + (fabsf (a->right[i]) >= limit);
  return (double) clipped / (2 * a->n_frames);
}

static void
check_clip (const char *path)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };
  float limit;

  raise_and_render (&r, &p, path, RIG_HEAR_CLIP, 50);
  /* The clipping point is where the hot clip flattens. */
  limit = rig_audio_peak (p.wired) * 0.9999f;
  g_test_message ("%s: %.1f dB over, %.2f %% clipped", path, r.diag->figures.value[0],
                  100 * clipped_share (p.wired, limit));
  g_assert_cmpfloat (r.diag->figures.value[0], >, 0);
  g_assert_cmpfloat (clipped_share (p.wired, limit), >, 0.001);
  g_assert_cmpfloat (clipped_share (p.right, limit), ==, 0);
  /* The clean clip peaks its headroom under that point. */
  g_assert_cmpfloat (
      fabs (db (rig_audio_peak (p.wired) / rig_audio_peak (p.right)) - RIG_HEAR_CLIP_HEADROOM_DB),
      <, 0.01);
}

static void
test_line_into_mic_clips (void)
{
  check_clip ("/rules/signal/line-into-mic");
}

static void
test_speaker_into_line_clips (void)
{
  check_clip ("/rules/signal/speaker-into-line");
}

/* More dB over, more of the clip clipped. */
static void
test_clipping_grows_with_the_db_over (void)
{
  double share[3];
  const double over[3] = { 3, 10, 30 };

  for (guint i = 0; i < 3; i++)
    {
      RigHearFigures figures = { RIG_HEAR_CLIP, { over[i], 0 } };
      g_autoptr (RigAudio) a = rig_hear_render (&figures, RIG_HEAR_AS_WIRED, 50);
      share[i] = clipped_share (a, rig_audio_peak (a) * 0.9999f);
    }
  g_assert_cmpfloat (share[0], >, 0);
  g_assert_cmpfloat (share[1], >, share[0]);
  g_assert_cmpfloat (share[2], >, share[1]);
}

/* ---- treble roll-off ---------------------------------------------------- */

/* The gain in dB of @figures' fault on a sine at @hz (steady state). */
static double
tone_gain_db (const RigHearFigures *figures, double hz)
{
  g_autoptr (RigAudio) tone = rig_audio_new (RIG_AUDIO_RATE, RIG_AUDIO_RATE);
  gsize skip = RIG_AUDIO_RATE / 4, n = tone->n_frames - skip;
  double before, after;

  for (gsize i = 0; i < tone->n_frames; i++)
    tone->left[i] = tone->right[i] = 0.5f * sinf (2 * G_PI * hz * i / RIG_AUDIO_RATE);
  before = rms (tone->left + skip, n);
  rig_hear_apply (figures, tone, 50);
  after = rms (tone->left + skip, n);
  return db (after / before);
}

static void
test_long_pickup_cable_rolls_off_at_the_rules_corner (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cable = rig_test_connect (doc, rig_test_add (doc, "guitar", "Guitar"), "out",
                                        rig_test_add (doc, "interface", "Interface"), "inst");
  g_autoptr (GPtrArray) diags = NULL;
  g_auto (Pair) p = { 0 };
  const RigDiagnostic *d;
  double corner, lo = 20, hi = 20000;

  rig_test_set_length (doc, cable, 10);
  diags = rig_test_check (doc);
  d = rig_hear_find_for_cable (diags, cable);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->code, ==, "signal.cable-length");
  g_assert_cmpint (d->figures.kind, ==, RIG_HEAR_LOWPASS);
  corner = d->figures.value[0];
  g_assert_cmpfloat (corner, >, 3000);
  g_assert_cmpfloat (corner, <, 3400); /* "3.2 kHz", as the rule says */

  /* Swept sines: where the fault's gain crosses −3 dB. */
  for (guint step = 0; step < 30; step++)
    {
      double mid = sqrt (lo * hi);
      if (tone_gain_db (&d->figures, mid) > -3.0103)
        lo = mid;
      else
        hi = mid;
    }
  g_test_message ("the rule's corner %.0f Hz, measured %.0f Hz", corner, sqrt (lo * hi));
  g_assert_cmpfloat (fabs (sqrt (lo * hi) / corner - 1), <, 0.05);
  /* An octave below, nearly flat; two above, down by some 12 dB. */
  g_assert_cmpfloat (tone_gain_db (&d->figures, corner / 2), >, -1.1);
  g_assert_cmpfloat (tone_gain_db (&d->figures, corner * 4), <, -11);

  /* The clip as wired keeps its bass and loses treble. */
  render_pair (&p, &d->figures, 50);
  g_assert_cmpfloat (fabs (db (goertzel (p.wired->left, p.wired->n_frames, RIG_AUDIO_RATE, 220)
                               / goertzel (p.right->left, p.right->n_frames, RIG_AUDIO_RATE, 220))),
                     <, 0.5);
}

/* ---- silence ------------------------------------------------------------ */

static void
check_silence (const char *path)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };

  raise_and_render (&r, &p, path, RIG_HEAR_SILENCE, 50);
  g_assert_cmpfloat (rig_audio_peak (p.wired), ==, 0);
  g_assert_cmpfloat (rms_stereo (p.right), >, 0.05);
}

static void
test_no_signal_is_silent (void)
{
  check_silence ("/rules/topology/no-signal");
}

static void
test_missing_phantom_is_silent (void)
{
  check_silence ("/rules/power/phantom-missing");
}

/* ---- Bluetooth delay ---------------------------------------------------- */

static void
test_bluetooth_is_late_against_the_click (void)
{
  g_auto (Raised) r = { 0 };
  g_auto (Pair) p = { 0 };
  g_autofree float *wired = NULL;
  g_autofree float *right = NULL;
  gsize n, best_lag = 0;
  double best = -1;

  raise_and_render (&r, &p, "/rules/signal/bluetooth-latency", RIG_HEAR_DELAY, 50);
  n = p.wired->n_frames;
  wired = mid_or_side (p.wired, FALSE);
  right = mid_or_side (p.right, FALSE);
  /* Cross-correlation, beyond the click's own few milliseconds (the click,
   * the picture's beat, is where it was in both). */
  for (gsize lag = RIG_AUDIO_RATE / 50; lag < RIG_AUDIO_RATE * 2 / 5; lag += 24)
    {
      double sum = 0;
      for (gsize i = 0; i < n; i += 2)
        sum += (double) wired[(i + lag) % n] * right[i];
      if (sum > best)
        {
          best = sum;
          best_lag = lag;
        }
    }
  g_test_message ("the rule says %.0f ms, the clip is %.1f ms late",
                  r.diag->figures.value[0] * 1000, 1000.0 * best_lag / RIG_AUDIO_RATE);
  g_assert_cmpfloat (fabs ((double) best_lag / RIG_AUDIO_RATE - r.diag->figures.value[0]), <,
                     0.005);
  g_assert_cmpfloat (r.diag->figures.value[0], >=, 0.15);
  g_assert_cmpfloat (r.diag->figures.value[0], <=, 0.25);
  /* The click stays on the beat in both. */
  g_assert_cmpfloat (
      fabs (wired[RIG_AUDIO_RATE * 60 / 96 + 96] - right[RIG_AUDIO_RATE * 60 / 96 + 96]), <, 0.5);
}

/* ---- the rest ----------------------------------------------------------- */

static void
test_no_sound_for_a_problem_without_figures (void)
{
  RigHearFigures none = { RIG_HEAR_NONE, { 0, 0 } };
  g_auto (Raised) r = { 0 };

  g_assert_false (rig_hear_has_sound (&none));
  g_assert_null (rig_hear_render (&none, RIG_HEAR_AS_WIRED, 50));
  /* A plug that does not fit: a problem, but no sound of its own. */
  raise_case (&r, "/rules/connector/size", RIG_HEAR_NONE);
  g_assert_nonnull (r.diag->cables[0]);
  g_assert_null (rig_hear_find_for_cable (r.diags, r.diag->cables[0]));
}

static guint32
get_u32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static void
test_wav_is_16_bit_stereo_48_khz (void)
{
  g_autoptr (RigAudio) a = rig_audio_new (1000, RIG_AUDIO_RATE);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-hear-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const guint8 *p;
  gsize size;

  g_assert_no_error (error);
  a->left[0] = 1.5f; /* held at full scale */
  a->right[0] = -0.5f;
  a->left[1] = 0.25f;
  bytes = rig_wav_encode (a);
  p = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, ==, RIG_WAV_HEADER_BYTES + 4 * 1000);
  g_assert_true (memcmp (p, "RIFF", 4) == 0 && memcmp (p + 8, "WAVEfmt ", 8) == 0);
  g_assert_cmpuint (get_u32 (p + 4), ==, size - 8);
  g_assert_cmpuint (p[20] | p[21] << 8, ==, 1); /* PCM */
  g_assert_cmpuint (p[22] | p[23] << 8, ==, 2); /* stereo */
  g_assert_cmpuint (get_u32 (p + 24), ==, 48000);
  g_assert_cmpuint (p[34] | p[35] << 8, ==, 16); /* bits */
  g_assert_true (memcmp (p + 36, "data", 4) == 0);
  g_assert_cmpuint (get_u32 (p + 40), ==, 4000);
  g_assert_cmpint ((gint16) (p[44] | p[45] << 8), ==, 32767);
  g_assert_cmpint ((gint16) (p[46] | p[47] << 8), ==, -16384);
  g_assert_cmpint ((gint16) (p[48] | p[49] << 8), ==, 8192);

  path = g_build_filename (dir, "clip.wav", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (rig_wav_write (a, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_cmpuint (size, ==, g_bytes_get_size (bytes));
  g_assert_true (memcmp (contents, p, size) == 0);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_descriptions_name_the_figures (void)
{
  RigHearFigures hum = { RIG_HEAR_HUM, { 0, -36 } };
  RigHearFigures quiet = { RIG_HEAR_LEVEL, { -26.01, 0 } };
  g_autofree char *h = rig_hear_describe (&hum, 60);
  g_autofree char *q = rig_hear_describe (&quiet, 50);

  g_assert_nonnull (strstr (h, "60 Hz"));
  g_assert_nonnull (strstr (q, "26.0 dB"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hear/band/centred-mix-near-minus-6-dbfs",
                   test_band_is_a_centred_mix_near_minus_6_dbfs);
  g_test_add_func ("/hear/channels/stereo-into-mono-loses-right",
                   test_stereo_into_mono_loses_the_right_channel);
  g_test_add_func ("/hear/channels/two-conductors-lose-right",
                   test_two_conductors_lose_the_right_channel);
  g_test_add_func ("/hear/channels/stereo-plug-in-mono-socket-loses-right",
                   test_mono_plug_in_stereo_socket_loses_the_right_channel);
  g_test_add_func ("/hear/centre/stereo-into-balanced-cancels",
                   test_stereo_into_balanced_hears_left_minus_right);
  g_test_add_func ("/hear/centre/ctia-into-omtp-cancels",
                   test_ctia_into_omtp_hears_left_minus_right);
  g_test_add_func ("/hear/centre/balanced-into-stereo-cancels-in-mono",
                   test_balanced_into_stereo_cancels_in_mono);
  g_test_add_func ("/hear/hum/50-hz", test_ground_loop_hums_at_50_hz);
  g_test_add_func ("/hear/hum/60-hz", test_ground_loop_hums_at_60_hz);
  g_test_add_func ("/hear/level/passive-unamplified",
                   test_passive_speaker_on_a_phone_is_quieter_by_the_rules_db);
  g_test_add_func ("/hear/level/headphone-amp-to-speaker",
                   test_headphone_amp_on_a_speaker_is_quieter_by_the_rules_db);
  g_test_add_func ("/hear/level/headphone-drive",
                   test_weak_headphone_drive_is_quieter_by_the_rules_db);
  g_test_add_func ("/hear/level/mic-into-line", test_mic_into_line_is_quieter_by_the_rules_db);
  g_test_add_func ("/hear/level/balanced-into-ts", test_balanced_into_ts_is_6_db_quieter);
  g_test_add_func ("/hear/clip/line-into-mic", test_line_into_mic_clips);
  g_test_add_func ("/hear/clip/speaker-into-line", test_speaker_into_line_clips);
  g_test_add_func ("/hear/clip/grows-with-db-over", test_clipping_grows_with_the_db_over);
  g_test_add_func ("/hear/treble/pickup-cable-corner",
                   test_long_pickup_cable_rolls_off_at_the_rules_corner);
  g_test_add_func ("/hear/silence/no-signal", test_no_signal_is_silent);
  g_test_add_func ("/hear/silence/phantom-missing", test_missing_phantom_is_silent);
  g_test_add_func ("/hear/delay/bluetooth", test_bluetooth_is_late_against_the_click);
  g_test_add_func ("/hear/none/no-figures-no-sound", test_no_sound_for_a_problem_without_figures);
  g_test_add_func ("/hear/wav/16-bit-stereo-48-khz", test_wav_is_16_bit_stereo_48_khz);
  g_test_add_func ("/hear/describe/names-the-figures", test_descriptions_name_the_figures);
  return g_test_run ();
}
