/* rig-jack.c: jack specifications. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-catalog-text.h"
#include "rig-error.h"
#include "rig-jack.h"

void
rig_jack_init (RigJack *jack)
{
  memset (jack, 0, sizeof *jack);
  jack->channels = 1;
  jack->output_impedance = NAN;
  jack->input_impedance = NAN;
  jack->max_output_voltage = NAN;
  jack->nominal_level = NAN;
  jack->clip_level = NAN;
  jack->input_sensitivity = NAN;
  jack->noise_level = NAN;
  jack->min_load = NAN;
  jack->power_supplied_v = NAN;
  jack->power_supplied_w = NAN;
  jack->power_required_v = NAN;
  jack->power_required_w = NAN;
}

const char *
rig_jack_get_display_name (const RigJack *jack)
{
  if (jack->name == NULL || *jack->name == '\0')
    return jack->id;
  return rig_catalog_text (jack->name);
}

void
rig_jack_clear (RigJack *jack)
{
  g_clear_pointer (&jack->id, g_free);
  g_clear_pointer (&jack->name, g_free);
}

void
rig_jack_copy (RigJack *dest, const RigJack *src)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->name = g_strdup (src->name);
}

gboolean
rig_jack_is_phone (const RigJack *jack)
{
  return jack->connector == RIG_CONNECTOR_PHONE;
}

gboolean
rig_jack_is_output (const RigJack *jack)
{
  return jack->direction == RIG_DIRECTION_OUT || jack->direction == RIG_DIRECTION_BOTH;
}

gboolean
rig_jack_is_input (const RigJack *jack)
{
  return jack->direction == RIG_DIRECTION_IN || jack->direction == RIG_DIRECTION_BOTH;
}

gboolean
rig_jack_supplies_power (const RigJack *jack)
{
  return rig_figure_is_set (jack->power_supplied_w) && jack->power_supplied_w > 0;
}

gboolean
rig_jack_requires_power (const RigJack *jack)
{
  return rig_figure_is_set (jack->power_required_w) && jack->power_required_w > 0;
}

double
rig_jack_power_at_load (const RigJack *jack, double load_ohms)
{
  const RigPowerRating *best = NULL;
  double best_distance = 0;

  if (jack->n_ratings == 0 || !(load_ohms > 0))
    return NAN;

  /* Scale from the rating nearest the actual load (by ratio): an amplifier
   * keeps roughly constant voltage as the load changes, so P scales as 1/Z.
   * On a tie the higher load wins, the conservative figure. */
  for (guint i = 0; i < jack->n_ratings; i++)
    {
      const RigPowerRating *r = &jack->ratings[i];
      double distance = fabs (log (r->load_ohms / load_ohms));

      if (best == NULL || distance < best_distance
          || (distance == best_distance && r->load_ohms > best->load_ohms))
        {
          best = r;
          best_distance = distance;
        }
    }

  return best->watts * best->load_ohms / load_ohms;
}

char *
rig_jack_describe_connector (const RigJack *jack)
{
  if (rig_jack_is_phone (jack))
    {
      const char *wiring = "";
      switch (jack->wiring)
        {
          case RIG_WIRING_HEADSET_CTIA:
            wiring = " (CTIA)";
            break;
          case RIG_WIRING_HEADSET_OMTP:
            wiring = " (OMTP)";
            break;
          case RIG_WIRING_BALANCED:
          case RIG_WIRING_BALANCED_STEREO:
          case RIG_WIRING_BALANCED_STEREO_2_5:
            wiring = " (balanced)";
            break;
          case RIG_WIRING_INSERT:
            wiring = " (insert)";
            break;
          case RIG_WIRING_NONE:
          case RIG_WIRING_MONO:
          case RIG_WIRING_STEREO:
          case RIG_N_WIRINGS:
          default:
            break;
        }
      return g_strdup_printf ("%s %s%s", rig_phone_size_to_label (jack->size),
                              rig_poles_to_label (jack->poles), wiring);
    }
  if (jack->connector == RIG_CONNECTOR_RCA && jack->channels == 2)
    return g_strdup (_ ("RCA pair"));
  return g_strdup (rig_connector_to_label (jack->connector));
}

static gboolean
positive_or_unset (double value)
{
  return !rig_figure_is_set (value) || (value > 0 && isfinite (value));
}

RigPins
rig_jack_pins (const RigJack *jack)
{
  if (!rig_connector_has_pins (jack->connector))
    return RIG_PINS_NONE;
  if (jack->pins == RIG_PINS_MALE || jack->pins == RIG_PINS_FEMALE)
    return jack->pins;
  switch (jack->direction)
    {
      case RIG_DIRECTION_OUT:
        return RIG_PINS_MALE;
      case RIG_DIRECTION_IN:
        return RIG_PINS_FEMALE;
      case RIG_DIRECTION_BOTH:
      case RIG_N_DIRECTIONS:
      default:
        return jack->gender == RIG_GENDER_PLUG ? RIG_PINS_MALE : RIG_PINS_FEMALE;
    }
}

/* Pin gender only on connectors that have one (physics.md §2.3). */
static gboolean
validate_pins (const RigJack *jack, const char *id, GError **error)
{
  if ((guint) jack->pins >= RIG_N_PINS)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Jack “%s” has an unknown pin gender."),
                   id);
      return FALSE;
    }
  if (jack->pins != RIG_PINS_NONE && !rig_connector_has_pins (jack->connector))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s”: only XLR connectors have a pin gender (male or female)."), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rig_jack_validate (const RigJack *jack, GError **error)
{
  const char *id = jack->id ? jack->id : "?";

  if (jack->id == NULL || *jack->id == '\0')
    {
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("A jack has no id."));
      return FALSE;
    }
  if ((guint) jack->connector >= RIG_N_CONNECTORS || (guint) jack->gender >= RIG_N_GENDERS
      || (guint) jack->direction >= RIG_N_DIRECTIONS || (guint) jack->signal >= RIG_N_SIGNALS)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Jack “%s” has an unknown type."), id);
      return FALSE;
    }

  if (rig_jack_is_phone (jack))
    {
      if (jack->size == RIG_PHONE_SIZE_NONE || jack->poles == RIG_POLES_NONE
          || jack->wiring == RIG_WIRING_NONE)
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Phone jack “%s” needs a size, a pole count and a wiring."), id);
          return FALSE;
        }
      if (rig_wiring_poles (jack->wiring) != jack->poles)
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Jack “%s”: %s wiring needs a %s connector, not %s."), id,
                       rig_wiring_to_label (jack->wiring),
                       rig_poles_to_label (rig_wiring_poles (jack->wiring)),
                       rig_poles_to_label (jack->poles));
          return FALSE;
        }
    }
  else if (jack->size != RIG_PHONE_SIZE_NONE || jack->poles != RIG_POLES_NONE
           || jack->wiring != RIG_WIRING_NONE)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s” is not a phone connector but has a phone size, poles or wiring."),
                   id);
      return FALSE;
    }

  if (jack->channels < 1 || jack->channels > 16)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s” must have between 1 and 16 channels."), id);
      return FALSE;
    }

  if (!positive_or_unset (jack->output_impedance) || !positive_or_unset (jack->input_impedance)
      || !positive_or_unset (jack->max_output_voltage) || !positive_or_unset (jack->min_load)
      || !positive_or_unset (jack->nominal_level) || !positive_or_unset (jack->clip_level)
      || !positive_or_unset (jack->input_sensitivity) || !positive_or_unset (jack->noise_level)
      || !positive_or_unset (jack->power_supplied_v) || !positive_or_unset (jack->power_supplied_w)
      || !positive_or_unset (jack->power_required_v) || !positive_or_unset (jack->power_required_w))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s” has a figure that is zero, negative or not a number."), id);
      return FALSE;
    }

  if (jack->n_ratings > RIG_MAX_POWER_RATINGS)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s” has more than %d power ratings."), id, RIG_MAX_POWER_RATINGS);
      return FALSE;
    }
  for (guint i = 0; i < jack->n_ratings; i++)
    {
      const RigPowerRating *r = &jack->ratings[i];
      if (!(r->load_ohms > 0 && r->load_ohms < 1e6 && r->watts > 0 && r->watts <= 1e5))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Jack “%s” has a power rating that is not a positive power into a "
                          "positive load."),
                       id);
          return FALSE;
        }
      if (!rig_jack_is_output (jack))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Jack “%s” has a power rating but is not an output."), id);
          return FALSE;
        }
    }

  if ((guint) jack->phantom >= RIG_N_SUPPLIES || (guint) jack->plugin_power >= RIG_N_SUPPLIES)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s” has an unknown phantom or plug-in power setting."), id);
      return FALSE;
    }
  if (jack->phantom != RIG_SUPPLY_NONE && jack->connector != RIG_CONNECTOR_XLR3)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Jack “%s”: phantom power travels only on XLR connectors."), id);
      return FALSE;
    }

  return validate_pins (jack, id, error);
}
