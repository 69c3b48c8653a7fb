/* rig-units.c: figures with their units (rig-units.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-units.h"

/* "12.50" -> "12.5", "3.00" -> "3" (or with the locale's decimal comma). */
static char *
trim_zeros (char *text)
{
  char *dot = strchr (text, '.');

  if (dot == NULL)
    dot = strchr (text, ',');

  if (dot != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  return text;
}

char *
rig_units_number (double value)
{
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("?");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  /* In the user's locale: "12,5" where a decimal comma is the norm. */
  if (a >= 100 || a == 0)
    return g_strdup_printf ("%.0f", value);
  if (a >= 10)
    return trim_zeros (g_strdup_printf ("%.1f", value));
  if (a >= 0.1)
    return trim_zeros (g_strdup_printf ("%.2f", value));
  return trim_zeros (g_strdup_printf ("%.2g", value));
}

/* @value with the prefix that keeps it in [1, 1000), from milli to mega;
 * milli only below @milli_below ("0.32 V" reads better than "316 mV"). */
static char *
with_prefix (double value, const char *unit, double milli_below)
{
  static const struct
  {
    double scale;
    const char *prefix;
  } prefixes[] = { { 1e6, "M" }, { 1e3, "k" }, { 1, "" }, { 1e-3, "m" } };
  double a = fabs (value);
  g_autofree char *number = NULL;

  if (isnan (value) || isinf (value) || a == 0)
    {
      number = rig_units_number (value);
      return g_strdup_printf ("%s %s", number, unit);
    }
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    /* Rounding first: 999.96 W reads "1 kW", not "1000 W". */
    if (a >= prefixes[i].scale * (1 - 5e-4) || i == G_N_ELEMENTS (prefixes) - 1
        || (prefixes[i].scale == 1 && a >= milli_below))
      {
        number = rig_units_number (value / prefixes[i].scale);
        return g_strdup_printf ("%s %s%s", number, prefixes[i].prefix, unit);
      }
  g_assert_not_reached ();
}

char *
rig_units_ohms (double ohms)
{
  /* No milliohms: a speaker cable's 0.13 Ω reads as such. */
  return with_prefix (ohms, "Ω", 0);
}

char *
rig_units_volts (double volts)
{
  return with_prefix (volts, "V", 0.1);
}

char *
rig_units_watts (double watts)
{
  return with_prefix (watts, "W", 1);
}

char *
rig_units_db (double db)
{
  if (isnan (db))
    return g_strdup ("?");
  return trim_zeros (g_strdup_printf ("%.1f", db));
}

char *
rig_units_metres (double metres)
{
  g_autofree char *number = rig_units_number (metres);

  return g_strdup_printf ("%s m", number);
}

char *
rig_units_format (double value, const char *unit)
{
  g_autofree char *number = NULL;

  if (unit == NULL || unit[0] == '\0')
    return rig_units_number (value);
  if (strcmp (unit, "Ω") == 0)
    return rig_units_ohms (value);
  if (strcmp (unit, "V") == 0)
    return rig_units_volts (value);
  if (strcmp (unit, "W") == 0)
    return rig_units_watts (value);
  if (strcmp (unit, "V RMS") == 0)
    {
      g_autofree char *volts = rig_units_volts (value);
      return g_strdup_printf ("%s RMS", volts);
    }
  number = rig_units_number (value);
  return g_strdup_printf ("%s %s", number, unit);
}

char *
rig_units_supply (double volts, double watts)
{
  g_autofree char *v = isnan (volts) ? NULL : rig_units_volts (volts);
  g_autofree char *w = isnan (watts) ? NULL : rig_units_watts (watts);

  if (v != NULL && w != NULL)
    return g_strdup_printf ("%s, %s", v, w);
  if (v != NULL || w != NULL)
    return g_strdup (v != NULL ? v : w);
  return g_strdup ("?");
}
