/* rig-device-model.c: device models. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-catalog-text.h"
#include "rig-device-model.h"
#include "rig-error.h"

G_DEFINE_BOXED_TYPE (RigDeviceModel, rig_device_model, rig_device_model_ref, rig_device_model_unref)

/* The nicks are RIG_TYPE_FIGURE's (rig-enum-types.h). */
static const struct
{
  const char *label;
  const char *unit;
} figure_info[] = {
  [RIG_FIGURE_NOMINAL_IMPEDANCE] = { N_ ("Impedance"), "Ω" },
  [RIG_FIGURE_POWER_HANDLING] = { N_ ("Power handling"), "W" },
  [RIG_FIGURE_SENSITIVITY] = { N_ ("Sensitivity"), "dB" },
  [RIG_FIGURE_AMP_POWER] = { N_ ("Amplifier power per channel"), "W" },
  [RIG_FIGURE_POWER_SOURCE] = { N_ ("Power source"), "" },
  [RIG_FIGURE_BATTERY] = { N_ ("Battery fitted"), "" },
  [RIG_FIGURE_EARTHED] = { N_ ("Earthed mains plug"), "" },
  [RIG_FIGURE_PHANTOM_ON] = { N_ ("Phantom power on"), "" },
  [RIG_FIGURE_LISTENING_DISTANCE] = { N_ ("Listening distance"), "m" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (figure_info) == RIG_N_FIGURES);

const char *
rig_figure_to_nick (RigFigure figure)
{
  return rig_enum_to_nick (RIG_TYPE_FIGURE, (int) figure);
}

int
rig_figure_from_nick (const char *nick)
{
  return rig_enum_from_nick (RIG_TYPE_FIGURE, nick);
}

const char *
rig_figure_to_label (RigFigure figure)
{
  return (guint) figure < RIG_N_FIGURES ? _ (figure_info[figure].label) : NULL;
}

const char *
rig_figure_unit (RigFigure figure)
{
  return (guint) figure < RIG_N_FIGURES ? figure_info[figure].unit : "";
}

gboolean
rig_figure_validate (RigFigure figure, double value, GError **error)
{
  if (!rig_figure_is_set (value))
    return TRUE;

  if (!isfinite (value))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("%s must be a finite number."),
                   rig_figure_to_label (figure));
      return FALSE;
    }

  switch (figure)
    {
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
        if (value < 0.5 || value > 100000)
          {
            g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                         _ ("An impedance must be between 0.5 Ω and 100 kΩ; %g Ω is not "
                            "plausible."),
                         value);
            return FALSE;
          }
        return TRUE;
      case RIG_FIGURE_POWER_HANDLING:
      case RIG_FIGURE_AMP_POWER:
        if (value <= 0 || value > 100000)
          {
            g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                         _ ("%s must be more than 0 W and at most 100 kW; %g W is not plausible."),
                         rig_figure_to_label (figure), value);
            return FALSE;
          }
        return TRUE;
      case RIG_FIGURE_SENSITIVITY:
        if (value < 50 || value > 140)
          {
            g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                         _ ("A sensitivity must be between 50 and 140 dB SPL; %g dB is not "
                            "plausible."),
                         value);
            return FALSE;
          }
        return TRUE;
      case RIG_FIGURE_LISTENING_DISTANCE:
        if (value < 0.05 || value > 1000)
          {
            g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                         _ ("A listening distance must be between 0.05 m and 1000 m; %g m is not "
                            "plausible."),
                         value);
            return FALSE;
          }
        return TRUE;
      case RIG_FIGURE_POWER_SOURCE:
        if (value != floor (value) || value < 0 || value >= RIG_N_POWER_SOURCES)
          {
            g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID,
                                 _ ("The power source must be none, mains, USB, battery, DC or "
                                    "phantom."));
            return FALSE;
          }
        return TRUE;
      case RIG_FIGURE_BATTERY:
      case RIG_FIGURE_EARTHED:
      case RIG_FIGURE_PHANTOM_ON:
        if (value != 0 && value != 1)
          {
            g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("%s must be yes (1) or no (0)."),
                         rig_figure_to_label (figure));
            return FALSE;
          }
        return TRUE;
      case RIG_N_FIGURES:
      default:
        g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Unknown figure."));
        return FALSE;
    }
}

RigDeviceModel *
rig_device_model_new (const char *id, const char *name, RigCategory category)
{
  RigDeviceModel *model = g_new0 (RigDeviceModel, 1);

  g_atomic_ref_count_init (&model->ref_count);
  model->id = g_strdup (id);
  model->name = g_strdup (name);
  model->category = category;
  for (guint i = 0; i < RIG_N_FIGURES; i++)
    model->figures[i] = NAN;
  return model;
}

RigDeviceModel *
rig_device_model_ref (RigDeviceModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_atomic_ref_count_inc (&model->ref_count);
  return model;
}

void
rig_device_model_unref (RigDeviceModel *model)
{
  g_return_if_fail (model != NULL);
  if (!g_atomic_ref_count_dec (&model->ref_count))
    return;

  for (guint i = 0; i < model->n_jacks; i++)
    rig_jack_clear (&model->jacks[i]);
  g_free (model->jacks);
  g_clear_pointer (&model->jack_index, g_hash_table_unref);
  for (guint i = 0; i < model->n_routes; i++)
    {
      g_free (model->routes[i].from_jack);
      g_free (model->routes[i].to_jack);
      g_strfreev (model->routes[i].controls);
    }
  g_free (model->routes);
  for (guint i = 0; i < model->n_controls; i++)
    rig_control_clear (&model->controls[i]);
  g_free (model->controls);
  g_free (model->id);
  g_free (model->name);
  g_free (model->description);
  g_free (model->keywords);
  g_free (model);
}

RigJack *
rig_device_model_add_jack (RigDeviceModel *model, const RigJack *jack)
{
  RigJack copy;

  /* Copy before growing: @jack may point into model->jacks itself. Grow by
   * half again each time, so a model of many jacks is built in linear time. */
  rig_jack_copy (&copy, jack);
  if (model->n_jacks == model->jacks_allocated)
    {
      model->jacks_allocated = MAX (4, model->jacks_allocated + model->jacks_allocated / 2);
      model->jacks = g_renew (RigJack, model->jacks, model->jacks_allocated);
    }
  model->jacks[model->n_jacks] = copy;
  if (model->jack_index == NULL)
    model->jack_index = g_hash_table_new (g_str_hash, g_str_equal);
  /* The first jack of an id wins, as a search in order would find it. */
  if (copy.id != NULL && !g_hash_table_contains (model->jack_index, copy.id))
    g_hash_table_insert (model->jack_index, copy.id, GUINT_TO_POINTER (model->n_jacks + 1));
  return &model->jacks[model->n_jacks++];
}

void
rig_device_model_add_route_full (RigDeviceModel *model, const char *from_jack, const char *to_jack,
                                 double gain_db, const char *const *controls)
{
  RigRoute *route;

  if (model->n_routes == model->routes_allocated)
    {
      model->routes_allocated = MAX (4, model->routes_allocated + model->routes_allocated / 2);
      model->routes = g_renew (RigRoute, model->routes, model->routes_allocated);
    }
  route = &model->routes[model->n_routes++];
  route->from_jack = g_strdup (from_jack);
  route->to_jack = g_strdup (to_jack);
  route->gain_db = gain_db;
  route->controls = controls != NULL && controls[0] != NULL ? g_strdupv ((char **) controls) : NULL;
}

void
rig_device_model_add_route (RigDeviceModel *model, const char *from_jack, const char *to_jack)
{
  rig_device_model_add_route_full (model, from_jack, to_jack, NAN, NULL);
}

void
rig_device_model_add_control (RigDeviceModel *model, const RigControl *control)
{
  RigControl copy;

  rig_control_copy (&copy, control);
  if (model->n_controls == model->controls_allocated)
    {
      model->controls_allocated = MAX (2, model->controls_allocated * 2);
      model->controls = g_renew (RigControl, model->controls, model->controls_allocated);
    }
  model->controls[model->n_controls++] = copy;
}

int
rig_device_model_control_index (const RigDeviceModel *model, const char *control_id)
{
  /* Models have a handful of controls: a search in order is the fastest. */
  for (guint i = 0; i < model->n_controls; i++)
    if (g_strcmp0 (model->controls[i].id, control_id) == 0)
      return (int) i;
  return -1;
}

const RigControl *
rig_device_model_find_control (const RigDeviceModel *model, const char *control_id)
{
  int index = rig_device_model_control_index (model, control_id);
  return index < 0 ? NULL : &model->controls[index];
}

int
rig_device_model_jack_index (const RigDeviceModel *model, const char *jack_id)
{
  gpointer slot;

  if (jack_id == NULL || model->jack_index == NULL)
    return -1;
  slot = g_hash_table_lookup (model->jack_index, jack_id);
  return slot != NULL ? (int) GPOINTER_TO_UINT (slot) - 1 : -1;
}

const RigJack *
rig_device_model_find_jack (const RigDeviceModel *model, const char *jack_id)
{
  int index = rig_device_model_jack_index (model, jack_id);
  return index < 0 ? NULL : &model->jacks[index];
}

gboolean
rig_device_model_routes (const RigDeviceModel *model, const char *from_jack, const char *to_jack)
{
  for (guint i = 0; i < model->n_routes; i++)
    if (g_strcmp0 (model->routes[i].from_jack, from_jack) == 0
        && g_strcmp0 (model->routes[i].to_jack, to_jack) == 0)
      return TRUE;
  return FALSE;
}

const char *
rig_device_model_route_missing_jack (const RigDeviceModel *model, guint route)
{
  const RigRoute *r;

  g_return_val_if_fail (route < model->n_routes, NULL);

  r = &model->routes[route];
  if (rig_device_model_find_jack (model, r->from_jack) == NULL)
    return r->from_jack;
  if (rig_device_model_find_jack (model, r->to_jack) == NULL)
    return r->to_jack;
  return NULL;
}

static gboolean
is_model_id (const char *id)
{
  if (id == NULL || !g_ascii_isalnum (*id))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.' || *p == '_'))
      return FALSE;
  return TRUE;
}

/* Controls valid with unique ids, route gains finite within range, and every
 * control a route names one of the model's. */
static gboolean
validate_controls (const RigDeviceModel *model, GError **error)
{
  for (guint i = 0; i < model->n_controls; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!rig_control_validate (&model->controls[i], &local_error))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Device model “%s”: %s"), model->id,
                       local_error->message);
          return FALSE;
        }
      if (rig_device_model_control_index (model, model->controls[i].id) != (int) i)
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Device model “%s” has two controls with the id “%s”."), model->id,
                       model->controls[i].id);
          return FALSE;
        }
    }
  for (guint i = 0; i < model->n_routes; i++)
    {
      const RigRoute *route = &model->routes[i];
      double gain = route->gain_db;

      if (!isnan (gain)
          && !(isfinite (gain) && gain >= RIG_CONTROL_MIN_DB && gain <= RIG_CONTROL_MAX_DB))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Device model “%s” gives the way from “%s” to “%s” a gain outside "
                          "±120 dB."),
                       model->id, route->from_jack, route->to_jack);
          return FALSE;
        }
      for (guint c = 0; route->controls != NULL && route->controls[c] != NULL; c++)
        if (rig_device_model_control_index (model, route->controls[c]) < 0)
          {
            g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                         _ ("Device model “%s” sets the way from “%s” to “%s” with the control "
                            "“%s”, which is not one of its controls."),
                         model->id, route->from_jack, route->to_jack, route->controls[c]);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
rig_device_model_validate (const RigDeviceModel *model, GError **error)
{
  const char *name = model->name ? model->name : "?";

  if (!is_model_id (model->id))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Device model “%s” has no valid id (lower-case letters, digits and "
                      "dashes)."),
                   name);
      return FALSE;
    }
  if (model->name == NULL || *model->name == '\0')
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Device model “%s” has no name."),
                   model->id);
      return FALSE;
    }
  if ((guint) model->category >= RIG_N_CATEGORIES)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Device model “%s” has an unknown category."), model->id);
      return FALSE;
    }

  for (guint i = 0; i < model->n_jacks; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!rig_jack_validate (&model->jacks[i], &local_error))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Device model “%s”: %s"), model->id,
                       local_error->message);
          return FALSE;
        }
      /* The index holds the first jack of each id: a later one is a twin. */
      if (rig_device_model_jack_index (model, model->jacks[i].id) != (int) i)
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Device model “%s” has two jacks with the id “%s”."), model->id,
                       model->jacks[i].id);
          return FALSE;
        }
    }

  for (guint i = 0; i < model->n_routes; i++)
    {
      const RigRoute *route = &model->routes[i];
      const char *missing = rig_device_model_route_missing_jack (model, i);

      if (missing != NULL)
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Device model “%s” routes signal through “%s”, which is not one of its "
                          "jacks."),
                       model->id, missing);
          return FALSE;
        }
      if (g_strcmp0 (route->from_jack, route->to_jack) == 0)
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("Device model “%s” routes jack “%s” to itself."), model->id,
                       route->from_jack);
          return FALSE;
        }
    }

  if (!validate_controls (model, error))
    return FALSE;

  for (guint f = 0; f < RIG_N_FIGURES; f++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!rig_figure_validate (f, model->figures[f], &local_error))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Device model “%s”: %s"), model->id,
                       local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
double_equal (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
strv_equal (char **a, char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

static gboolean
jack_equal (const RigJack *a, const RigJack *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->name, b->name) != 0
      || a->connector != b->connector || a->size != b->size || a->poles != b->poles
      || a->wiring != b->wiring || a->gender != b->gender || a->direction != b->direction
      || a->signal != b->signal || a->channels != b->channels || a->phantom != b->phantom
      || a->plugin_power != b->plugin_power || a->n_ratings != b->n_ratings
      || rig_jack_pins (a) != rig_jack_pins (b))
    return FALSE;
  if (!double_equal (a->output_impedance, b->output_impedance)
      || !double_equal (a->input_impedance, b->input_impedance)
      || !double_equal (a->max_output_voltage, b->max_output_voltage)
      || !double_equal (a->min_load, b->min_load)
      || !double_equal (a->nominal_level, b->nominal_level)
      || !double_equal (a->clip_level, b->clip_level)
      || !double_equal (a->input_sensitivity, b->input_sensitivity)
      || !double_equal (a->noise_level, b->noise_level)
      || !double_equal (a->power_supplied_v, b->power_supplied_v)
      || !double_equal (a->power_supplied_w, b->power_supplied_w)
      || !double_equal (a->power_required_v, b->power_required_v)
      || !double_equal (a->power_required_w, b->power_required_w))
    return FALSE;
  for (guint i = 0; i < a->n_ratings; i++)
    if (!double_equal (a->ratings[i].load_ohms, b->ratings[i].load_ohms)
        || !double_equal (a->ratings[i].watts, b->ratings[i].watts))
      return FALSE;
  return TRUE;
}

const char *
rig_device_model_get_display_name (const RigDeviceModel *model)
{
  return rig_catalog_text (model->name);
}

const char *
rig_device_model_get_display_description (const RigDeviceModel *model)
{
  return rig_catalog_text (model->description);
}

const char *
rig_device_model_get_display_keywords (const RigDeviceModel *model)
{
  return rig_catalog_text (model->keywords);
}

gboolean
rig_device_model_same_controls (const RigDeviceModel *a, const RigDeviceModel *b)
{
  if (a == b)
    return TRUE;
  if (a->n_controls != b->n_controls)
    return FALSE;
  for (guint i = 0; i < a->n_controls; i++)
    if (!rig_control_equal (&a->controls[i], &b->controls[i]))
      return FALSE;
  return TRUE;
}

gboolean
rig_device_model_equal (const RigDeviceModel *a, const RigDeviceModel *b)
{
  if (a == b)
    return TRUE;
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->description, b->description) != 0
      || g_strcmp0 (a->keywords, b->keywords) != 0 || a->category != b->category
      || a->n_jacks != b->n_jacks || a->n_routes != b->n_routes
      || a->isolates_ground != b->isolates_ground)
    return FALSE;
  for (guint i = 0; i < a->n_jacks; i++)
    if (!jack_equal (&a->jacks[i], &b->jacks[i]))
      return FALSE;
  for (guint i = 0; i < a->n_routes; i++)
    if (g_strcmp0 (a->routes[i].from_jack, b->routes[i].from_jack) != 0
        || g_strcmp0 (a->routes[i].to_jack, b->routes[i].to_jack) != 0
        || !double_equal (a->routes[i].gain_db, b->routes[i].gain_db)
        || !strv_equal (a->routes[i].controls, b->routes[i].controls))
      return FALSE;
  if (!rig_device_model_same_controls (a, b))
    return FALSE;
  for (guint f = 0; f < RIG_N_FIGURES; f++)
    if (!double_equal (a->figures[f], b->figures[f]))
      return FALSE;
  return TRUE;
}
