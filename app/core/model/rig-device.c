/* rig-device.c: device instances. */
#include "config.h"

#include "rig-device.h"

RigDevice *
rig_device_new (const char *id, RigDeviceModel *model, const char *label, double x, double y)
{
  RigDevice *device = g_new0 (RigDevice, 1);

  device->id = g_strdup (id);
  device->model = rig_device_model_ref (model);
  device->label = g_strdup (label ? label : model->name);
  device->x = x;
  device->y = y;
  for (guint i = 0; i < RIG_N_FIGURES; i++)
    device->overrides[i] = NAN;
  if (model->n_controls > 0)
    {
      device->settings = g_new (double, model->n_controls);
      for (guint i = 0; i < model->n_controls; i++)
        device->settings[i] = NAN;
    }
  return device;
}

RigDevice *
rig_device_copy (const RigDevice *device)
{
  RigDevice *copy = g_memdup2 (device, sizeof *device);

  copy->id = g_strdup (device->id);
  copy->label = g_strdup (device->label);
  copy->model = rig_device_model_ref (device->model);
  if (device->settings != NULL)
    copy->settings = g_memdup2 (device->settings, device->model->n_controls * sizeof (double));
  return copy;
}

void
rig_device_free (RigDevice *device)
{
  if (device == NULL)
    return;
  g_free (device->id);
  g_free (device->label);
  g_free (device->settings);
  g_clear_pointer (&device->model, rig_device_model_unref);
  g_free (device);
}

double
rig_device_get_figure (const RigDevice *device, RigFigure figure)
{
  g_return_val_if_fail ((guint) figure < RIG_N_FIGURES, NAN);
  if (rig_figure_is_set (device->overrides[figure]))
    return device->overrides[figure];
  return device->model->figures[figure];
}

RigPowerSource
rig_device_get_power_source (const RigDevice *device)
{
  double value = rig_device_get_figure (device, RIG_FIGURE_POWER_SOURCE);

  if (!rig_figure_is_set (value) || value < 0 || value >= RIG_N_POWER_SOURCES)
    return RIG_POWER_SOURCE_NONE;
  return (RigPowerSource) value;
}

const RigJack *
rig_device_find_jack (const RigDevice *device, const char *jack_id)
{
  return rig_device_model_find_jack (device->model, jack_id);
}

double
rig_device_jack_power_at_load (const RigDevice *device, const RigJack *jack, double load_ohms)
{
  double power = rig_jack_power_at_load (jack, load_ohms);
  double override = device->overrides[RIG_FIGURE_AMP_POWER];

  if (rig_figure_is_set (power) && rig_figure_is_set (override) && jack->n_ratings > 0)
    power *= override / jack->ratings[0].watts;
  return power;
}

double
rig_device_get_control_db (const RigDevice *device, guint index)
{
  g_return_val_if_fail (index < device->model->n_controls, NAN);
  if (device->settings != NULL && !isnan (device->settings[index]))
    return device->settings[index];
  return device->model->controls[index].default_db;
}

double
rig_device_route_gain_db (const RigDevice *device, const RigRoute *route)
{
  double gain = route->gain_db;

  if (isnan (gain) && route->controls == NULL)
    return NAN;
  if (isnan (gain))
    gain = 0;
  for (guint c = 0; route->controls != NULL && route->controls[c] != NULL; c++)
    {
      int index = rig_device_model_control_index (device->model, route->controls[c]);

      if (index >= 0)
        gain += rig_device_get_control_db (device, (guint) index);
    }
  return gain;
}

gboolean
rig_device_equal (const RigDevice *a, const RigDevice *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->label, b->label) != 0 || a->x != b->x
      || a->y != b->y || !rig_device_model_equal (a->model, b->model))
    return FALSE;
  for (guint i = 0; i < RIG_N_FIGURES; i++)
    if (!(isnan (a->overrides[i]) && isnan (b->overrides[i])) && a->overrides[i] != b->overrides[i])
      return FALSE;
  for (guint i = 0; i < a->model->n_controls; i++)
    {
      double sa = a->settings != NULL ? a->settings[i] : NAN;
      double sb = b->settings != NULL ? b->settings[i] : NAN;

      if (!(isnan (sa) && isnan (sb)) && sa != sb)
        return FALSE;
    }
  return TRUE;
}
