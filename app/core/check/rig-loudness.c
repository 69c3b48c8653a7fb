/* rig-loudness.c: sound levels at the listener (doc/physics.md §5.1, §6.4). */
#include "config.h"

#include <math.h>

#include "rig-document.h"
#include "rig-loudness.h"
#include "rig-rule-i18n.h"

double
rig_loudness_distance (const RigRegion *region, const RigDevNode *listener, gboolean *assumed)
{
  double own = rig_device_get_figure (listener->device, RIG_FIGURE_LISTENING_DISTANCE);

  if (assumed != NULL)
    *assumed = FALSE;
  if (rig_figure_is_set (own) && own > 0)
    return own;
  if (rig_figure_is_set (region->listening_distance) && region->listening_distance > 0)
    return region->listening_distance;
  if (assumed != NULL)
    *assumed = TRUE;
  return RIG_DEFAULT_LISTENING_DISTANCE;
}

double
rig_loudness_speaker_spl (double sensitivity, double watts, double metres)
{
  return sensitivity + 10 * log10 (watts) - 20 * log10 (metres);
}

double
rig_loudness_speaker_watts (double sensitivity, double spl, double metres)
{
  return pow (10, (spl - sensitivity + 20 * log10 (metres)) / 10);
}

double
rig_loudness_headphone_spl (double sensitivity, double watts)
{
  return sensitivity + 10 * log10 (watts * 1000);
}

double
rig_loudness_sum (const double *spl, guint n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += pow (10, spl[i] / 10);
  return n > 0 ? 10 * log10 (sum) : NAN;
}

double
rig_loudness_each_db (guint n)
{
  return RIG_LOUDNESS_PEAK_DB - 10 * log10 (MAX (n, 1));
}

char *
rig_loudness_text_distance (double metres, gboolean assumed)
{
  g_autofree char *m = rig_text_num (metres);

  if (assumed)
    return g_strdup_printf (_ ("%s m (assumed: the rig sets no listening distance)"), m);
  return g_strdup_printf (_ ("%s m"), m);
}

char *
rig_loudness_text_target (void)
{
  g_autofree char *peak = rig_text_num (RIG_LOUDNESS_PEAK_DB);
  g_autofree char *average = rig_text_num (RIG_LOUDNESS_AVERAGE_DB);
  g_autofree char *headroom = rig_text_num (RIG_LOUDNESS_HEADROOM_DB);

  return g_strdup_printf (_ ("peaks of %s dB SPL (music averaging %s dB with %s dB peaks)"), peak,
                          average, headroom);
}
