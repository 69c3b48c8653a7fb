/* rig-hear.c: a problem, heard (rig-hear.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rig-fault-audio.h"
#include "rig-hear.h"
#include "rig-synth.h"

#define QUIETEST_DB (-80.0) /* below this a level is as good as silence */

gboolean
rig_hear_has_sound (const RigHearFigures *figures)
{
  return figures != NULL && figures->kind > RIG_HEAR_NONE && figures->kind < RIG_N_HEAR_KINDS;
}

/* "en_US.UTF-8" → "US". */
static gboolean
territory_of (const char *locale, char out[3])
{
  const char *u = locale != NULL ? strchr (locale, '_') : NULL;

  if (u == NULL || !g_ascii_isalpha (u[1]) || !g_ascii_isalpha (u[2]))
    return FALSE;
  out[0] = g_ascii_toupper (u[1]);
  out[1] = g_ascii_toupper (u[2]);
  out[2] = '\0';
  return TRUE;
}

double
rig_hear_local_mains_hz (void)
{
  static const char *const sixty[]
      = { "US", "CA", "MX", "BR", "CO", "VE", "PE", "EC", "CU", "DO", "GT",
          "HN", "NI", "CR", "PA", "SV", "PR", "KR", "TW", "PH", "SA" };
  const char *names[] = {
#ifdef LC_MEASUREMENT
    setlocale (LC_MEASUREMENT, NULL),
#endif
    setlocale (LC_CTYPE, NULL),
    g_getenv ("LC_ALL"),
    g_getenv ("LANG"),
  };
  char territory[3];

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    if (territory_of (names[n], territory))
      {
        for (guint i = 0; i < G_N_ELEMENTS (sixty); i++)
          if (strcmp (sixty[i], territory) == 0)
            return 60;
        return 50;
      }
  return 50;
}

static double
hum_hz (const RigHearFigures *figures, double mains_hz)
{
  if (figures->value[0] > 0)
    return figures->value[0];
  return mains_hz > 0 ? mains_hz : rig_hear_local_mains_hz ();
}

void
rig_hear_apply (const RigHearFigures *figures, RigAudio *audio, double mains_hz)
{
  switch (figures->kind)
    {
      case RIG_HEAR_CHANNEL_LOST:
        rig_fault_drop_channel (audio, figures->value[0] > 0 ? 1 : 0);
        break;
      case RIG_HEAR_DIFFERENCE:
        rig_fault_difference (audio, figures->value[0]);
        break;
      case RIG_HEAR_INVERTED:
        rig_fault_inverted (audio);
        break;
      case RIG_HEAR_HUM:
        rig_fault_add_hum (audio, hum_hz (figures, mains_hz), figures->value[1]);
        break;
      case RIG_HEAR_LEVEL:
        rig_fault_gain (audio, MAX (figures->value[0], QUIETEST_DB));
        break;
      case RIG_HEAR_CLIP:
        /* The clean clip peaks RIG_HEAR_CLIP_HEADROOM_DB under the clipping
         * point; the hot one the rule's figure over it. */
        rig_fault_hard_clip (audio, figures->value[0],
                             rig_audio_peak (audio) * powf (10, RIG_HEAR_CLIP_HEADROOM_DB / 20));
        break;
      case RIG_HEAR_LOWPASS:
        rig_fault_lowpass (audio, figures->value[0]);
        break;
      case RIG_HEAR_SILENCE:
        rig_fault_silence (audio);
        break;
      case RIG_HEAR_DELAY:
        rig_fault_delay (audio, figures->value[0]);
        break;
      case RIG_HEAR_NONE:
      case RIG_N_HEAR_KINDS:
      default:
        break;
    }
}

RigAudio *
rig_hear_render (const RigHearFigures *figures, RigHearVersion version, double mains_hz)
{
  RigAudio *audio;

  if (!rig_hear_has_sound (figures))
    return NULL;
  audio = rig_synth_band (RIG_SYNTH_BAND);
  if (version == RIG_HEAR_AS_WIRED)
    rig_hear_apply (figures, audio, mains_hz);
  /* The picture's beat, which the sound should follow. */
  if (figures->kind == RIG_HEAR_DELAY)
    rig_synth_add_clicks (audio);
  return audio;
}

const RigDiagnostic *
rig_hear_find_for_cable (GPtrArray *diagnostics, const char *cable_id)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diagnostics, i);
      if (rig_diagnostic_concerns_cable (d, cable_id) && rig_hear_has_sound (&d->figures))
        return d;
    }
  return NULL;
}

char *
rig_hear_describe (const RigHearFigures *figures, double mains_hz)
{
  double v = figures->value[0];

  switch (figures->kind)
    {
      case RIG_HEAR_CHANNEL_LOST:
        return g_strdup (v > 0 ? _ ("the right channel missing") : _ ("the left channel missing"));
      case RIG_HEAR_DIFFERENCE:
        return g_strdup (_ ("left minus right: the centre cancels"));
      case RIG_HEAR_INVERTED:
        return g_strdup (_ ("one side inverted"));
      case RIG_HEAR_HUM:
        return g_strdup_printf (_ ("mains hum at %.0f Hz"), hum_hz (figures, mains_hz));
      case RIG_HEAR_LEVEL:
        return v < 0 ? g_strdup_printf (_ ("%.1f dB quieter"), -MAX (v, QUIETEST_DB))
                     : g_strdup_printf (_ ("%.1f dB louder"), v);
      case RIG_HEAR_CLIP:
        return g_strdup_printf (_ ("clipped, %.1f dB over"), v);
      case RIG_HEAR_LOWPASS:
        return g_strdup_printf (_ ("treble rolled off above %.0f Hz"), v);
      case RIG_HEAR_SILENCE:
        return g_strdup (_ ("silence"));
      case RIG_HEAR_DELAY:
        return g_strdup_printf (_ ("%.0f ms late"), v * 1000);
      case RIG_HEAR_NONE:
      case RIG_N_HEAR_KINDS:
      default:
        return g_strdup (_ ("nothing to hear"));
    }
}
