/* rig-inspector-text.c: the inspector's texts: figures and lengths as
 * shown and as typed, and descriptions of jacks.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-error.h"
#include "rig-inspector-text.h"
#include "rig-units.h"

/* ---- figures as shown ------------------------------------------------------------ */

char *
rig_inspector_format_number (double value)
{
  if (!rig_figure_is_set (value))
    return g_strdup ("");
  return g_strdup_printf ("%g", value);
}

static char *
format_with_unit (double value, const char *unit)
{
  if (!rig_figure_is_set (value))
    return g_strdup (_ ("not set"));
  return rig_units_format (value, unit);
}

#define format_ohms rig_units_ohms
#define format_watts rig_units_watts

const char *
rig_inspector_figure_unit (RigFigure figure)
{
  const char *unit = rig_figure_unit (figure);

  return unit != NULL ? unit : "";
}

/* The text a figure shows when it is the model's own, for the subtitle. */
char *
rig_inspector_describe_figure_value (RigFigure figure, double value)
{
  if (!rig_figure_is_set (value))
    return g_strdup (_ ("not set"));
  switch (figure)
    {
      case RIG_FIGURE_POWER_SOURCE:
        return g_strdup (rig_power_source_to_label ((RigPowerSource) value));
      case RIG_FIGURE_BATTERY:
      case RIG_FIGURE_EARTHED:
      case RIG_FIGURE_PHANTOM_ON:
        return g_strdup (value != 0 ? _ ("yes") : _ ("no"));
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
      case RIG_FIGURE_POWER_HANDLING:
      case RIG_FIGURE_SENSITIVITY:
      case RIG_FIGURE_AMP_POWER:
      case RIG_FIGURE_LISTENING_DISTANCE:
      case RIG_N_FIGURES:
      default:
        return format_with_unit (value, rig_inspector_figure_unit (figure));
    }
}

/* Whether two figures are the same, unset (NAN) included. */
gboolean
rig_inspector_same_number (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* ---- parsing ----------------------------------------------------------------- */

/* Reads a number, forgiving a decimal comma and a trailing unit ("8 Ω",
 * "8ohm", "3 m"). Empty text is NAN (unset). */
gboolean
rig_inspector_parse_number (const char *text, const char *const *units, double *value,
                            GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *folded = NULL;
  char *end = NULL;
  double parsed;

  if (copy[0] == '\0')
    {
      *value = NAN;
      return TRUE;
    }

  folded = g_utf8_casefold (copy, -1);
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      g_autofree char *unit = g_utf8_casefold (units[i], -1);

      if (g_str_has_suffix (folded, unit) && strlen (folded) > strlen (unit))
        {
          folded[strlen (folded) - strlen (unit)] = '\0';
          g_strchomp (folded);
          break;
        }
    }
  g_strdelimit (folded, ",", '.');

  /* Only plain decimal numbers: no "nan", "inf" or hexadecimal. */
  for (const char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("+-.e", *p) == NULL)
      goto not_a_number;

  parsed = g_ascii_strtod (folded, &end);
  if (end == folded || *end != '\0' || !isfinite (parsed))
    goto not_a_number;

  *value = parsed;
  return TRUE;

not_a_number:
  g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("“%s” is not a number."), copy);
  return FALSE;
}

const char *const *
rig_inspector_units_for_figure (RigFigure figure)
{
  static const char *const ohms[] = { "Ω", "ohms", "ohm", NULL };
  static const char *const watts[] = { "W", NULL };
  static const char *const decibels[] = { "dB SPL", "dB", NULL };
  static const char *const metres[] = { "m", NULL };

  switch (figure)
    {
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
        return ohms;
      case RIG_FIGURE_POWER_HANDLING:
      case RIG_FIGURE_AMP_POWER:
        return watts;
      case RIG_FIGURE_SENSITIVITY:
        return decibels;
      case RIG_FIGURE_LISTENING_DISTANCE:
        return metres;
      case RIG_FIGURE_POWER_SOURCE:
      case RIG_FIGURE_BATTERY:
      case RIG_FIGURE_EARTHED:
      case RIG_FIGURE_PHANTOM_ON:
      case RIG_N_FIGURES:
      default:
        return NULL;
    }
}

gboolean
rig_inspector_validate_length (double metres, GError **error)
{
  if (rig_figure_is_set (metres) && (metres <= 0 || metres > 1000))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("A length must be more than 0 m and at most 1000 m; %g m is not "
                      "plausible."),
                   metres);
      return FALSE;
    }
  return TRUE;
}

gboolean
rig_inspector_validate_gauge (double awg, GError **error)
{
  if (rig_figure_is_set (awg) && (awg < 10 || awg > 24))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Speaker wire gauge must be between 10 and 24 AWG; %g AWG is not "
                      "plausible."),
                   awg);
      return FALSE;
    }
  return TRUE;
}

/* ---- jacks ------------------------------------------------------------------------ */

/* "Socket · Headphone level · Stereo" */
char *
rig_inspector_describe_jack_kind (const RigJack *jack)
{
  g_autofree char *connector = rig_jack_describe_connector (jack);
  g_autofree char *channels = NULL;

  if (jack->channels == 1)
    channels = g_strdup (_ ("mono"));
  else if (jack->channels == 2)
    channels = g_strdup (_ ("stereo"));
  else
    channels
        = g_strdup_printf (ngettext ("%u channel", "%u channels", jack->channels), jack->channels);

  if (jack->gender == RIG_GENDER_PLUG && jack->connector != RIG_CONNECTOR_BLUETOOTH)
    {
      g_autofree char *plug = NULL;

      /* Translators: a captive plug, "3.5 mm TRS plug". */
      plug = g_strdup_printf (_ ("%s plug"), connector);
      g_free (connector);
      connector = g_steal_pointer (&plug);
    }

  /* Translators: a jack: connector, signal, channels:
   * "3.5 mm TRRS (CTIA) · Headphone level · stereo". */
  return g_strdup_printf (_ ("%s · %s · %s"), connector, rig_signal_to_label (jack->signal),
                          channels);
}

/* The jack's key figures, "Output 1 Ω · Up to 1 V · 30 mW into 32 Ω". */
char *
rig_inspector_describe_jack_figures (const RigJack *jack)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (rig_figure_is_set (jack->output_impedance))
    {
      g_autofree char *ohms = format_ohms (jack->output_impedance);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Output impedance %s"), ohms));
    }
  if (rig_figure_is_set (jack->input_impedance))
    {
      g_autofree char *ohms = format_ohms (jack->input_impedance);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Input impedance %s"), ohms));
    }
  if (rig_figure_is_set (jack->max_output_voltage))
    {
      g_autofree char *volts = rig_units_volts (jack->max_output_voltage);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Up to %s"), volts));
    }
  if (jack->n_ratings > 0)
    {
      GString *ratings = g_string_new (NULL);

      for (guint i = 0; i < jack->n_ratings; i++)
        {
          g_autofree char *watts = format_watts (jack->ratings[i].watts);
          g_autofree char *ohms = format_ohms (jack->ratings[i].load_ohms);

          if (i > 0)
            g_string_append (ratings, ", ");
          /* Translators: an amplifier rating, "100 W into 8 Ω". */
          g_string_append_printf (ratings, _ ("%s into %s"), watts, ohms);
        }
      g_ptr_array_add (parts, g_string_free (ratings, FALSE));
    }
  if (rig_figure_is_set (jack->min_load))
    {
      g_autofree char *ohms = format_ohms (jack->min_load);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Minimum load %s"), ohms));
    }
  if (jack->phantom == RIG_SUPPLY_SUPPLIES)
    g_ptr_array_add (parts, g_strdup (_ ("Phantom power (48 V)")));
  else if (jack->phantom == RIG_SUPPLY_REQUIRES)
    g_ptr_array_add (parts, g_strdup (_ ("Needs phantom power")));
  if (jack->plugin_power == RIG_SUPPLY_SUPPLIES)
    g_ptr_array_add (parts, g_strdup (_ ("Plug-in power")));
  else if (jack->plugin_power == RIG_SUPPLY_REQUIRES)
    g_ptr_array_add (parts, g_strdup (_ ("Needs plug-in power")));
  if (rig_jack_supplies_power (jack))
    {
      g_autofree char *supply = rig_units_supply (jack->power_supplied_v, jack->power_supplied_w);
      /* Translators: "Supplies 12 V, 36 W". */
      g_ptr_array_add (parts, g_strdup_printf (_ ("Supplies %s"), supply));
    }
  if (rig_jack_requires_power (jack))
    {
      g_autofree char *draw = rig_units_supply (jack->power_required_v, jack->power_required_w);
      /* Translators: "Needs 5 V, 2.5 W". */
      g_ptr_array_add (parts, g_strdup_printf (_ ("Needs %s"), draw));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

const char *
rig_inspector_direction_short_label (RigDirection direction)
{
  switch (direction)
    {
      case RIG_DIRECTION_IN:
        /* Translators: a jack's direction, short. */
        return C_ ("jack", "In");
      case RIG_DIRECTION_OUT:
        return C_ ("jack", "Out");
      case RIG_DIRECTION_BOTH:
      case RIG_N_DIRECTIONS:
      default:
        return C_ ("jack", "In/Out");
    }
}
