/* rig-canvas-tooltip.c: the canvas's tooltips.
 *
 * Over a port: its connector, wiring, direction, signal, figures and
 * cables; over a cable: its spec, its ends and its problems; over a device:
 * its label, model and problems (each problem with its fix).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-canvas-private.h"
#include "rig-units.h"

static const char *
severity_mark (RigSeverity severity)
{
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        return "✕";
      case RIG_SEVERITY_WARNING:
        return "!";
      case RIG_SEVERITY_INFO:
        return "i";
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        return "";
    }
}

/* Appends the problems of a device or a cable (the other id NULL), each
 * with its fix. */
static void
append_problems (RigCanvas *self, GString *text, const char *device_id, const char *cable_id)
{
  g_autoptr (GPtrArray) diagnostics = NULL;

  if (self->validator == NULL || self->verdicts_hidden)
    return;
  diagnostics = device_id != NULL
                    ? rig_validator_get_device_diagnostics (self->validator, device_id)
                    : rig_validator_get_cable_diagnostics (self->validator, cable_id);
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_string_append_printf (text, "\n\n%s %s: %s", severity_mark (d->severity),
                              rig_severity_to_label (d->severity), d->message);
      if (d->fix != NULL && *d->fix != '\0')
        g_string_append_printf (text, "\n%s %s", _ ("Fix:"), d->fix);
    }
}

static void
append_figure (GString *text, const char *label, double value, const char *unit)
{
  if (rig_figure_is_set (value))
    {
      g_autofree char *figure = rig_units_format (value, unit);
      g_string_append_printf (text, "\n%s: %s", label, figure);
    }
}

static char *
port_tooltip (RigCanvas *self, const char *device_id, const char *jack_id)
{
  RigDevice *device = rig_document_find_device (self->document, device_id);
  const RigJack *jack = device ? rig_device_find_jack (device, jack_id) : NULL;
  g_autofree char *connector = NULL;
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  GString *text;

  if (jack == NULL)
    return NULL;
  connector = rig_jack_describe_connector (jack);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s — %s", rig_jack_get_display_name (jack), device->label);
  g_string_append_printf (text, "\n%s: %s %s", _ ("Connector"), connector,
                          rig_gender_to_label (jack->gender));
  if (rig_jack_is_phone (jack))
    g_string_append_printf (text, "\n%s: %s, %s", _ ("Wiring"), rig_poles_to_label (jack->poles),
                            rig_wiring_to_label (jack->wiring));
  g_string_append_printf (text, "\n%s: %s", _ ("Direction"),
                          rig_direction_to_label (jack->direction));
  g_string_append_printf (text, "\n%s: %s", _ ("Signal"), rig_signal_to_label (jack->signal));
  if (jack->channels > 0)
    g_string_append_printf (text, "\n%s: %u", _ ("Channels"), jack->channels);
  append_figure (text, _ ("Output impedance"), jack->output_impedance, "Ω");
  append_figure (text, _ ("Input impedance"), jack->input_impedance, "Ω");
  append_figure (text, _ ("Maximum output"), jack->max_output_voltage, "V RMS");
  for (guint i = 0; i < jack->n_ratings; i++)
    {
      g_autofree char *watts = rig_units_watts (
          rig_device_jack_power_at_load (device, jack, jack->ratings[i].load_ohms));
      g_autofree char *ohms = rig_units_ohms (jack->ratings[i].load_ohms);

      /* Translators: an amplifier's power in a tooltip, "Power: 100 W into 8 Ω". */
      g_string_append_printf (text, _ ("\n%s: %s into %s"), _ ("Power"), watts, ohms);
    }
  append_figure (text, _ ("Minimum load"), jack->min_load, "Ω");
  if (jack->phantom != RIG_SUPPLY_NONE)
    g_string_append_printf (text, "\n%s: %s", _ ("Phantom power (48 V)"),
                            rig_supply_to_label (jack->phantom));
  if (jack->plugin_power != RIG_SUPPLY_NONE)
    g_string_append_printf (text, "\n%s: %s", _ ("Plug-in power"),
                            rig_supply_to_label (jack->plugin_power));
  if (rig_jack_supplies_power (jack))
    {
      g_autofree char *supply = rig_units_supply (jack->power_supplied_v, jack->power_supplied_w);
      g_string_append_printf (text, "\n%s: %s", _ ("Supplies"), supply);
    }
  if (rig_jack_requires_power (jack))
    {
      g_autofree char *draw = rig_units_supply (jack->power_required_v, jack->power_required_w);
      g_string_append_printf (text, "\n%s: %s", _ ("Needs"), draw);
    }
  if (rig_document_get_jack_cables (self->document, device_id, jack_id, cables) > 0)
    {
      g_string_append_printf (text, "\n%s:", _ ("Cables"));
      for (guint i = 0; i < cables->len; i++)
        g_string_append_printf (text, " %s", ((RigCable *) g_ptr_array_index (cables, i))->number);
    }
  return g_string_free (text, FALSE);
}

static char *
cable_tooltip (RigCanvas *self, RigCable *cable)
{
  g_autofree char *description = rig_cable_spec_describe (&cable->spec);
  RigDevice *from = rig_document_cable_device (self->document, cable, RIG_END_FROM);
  RigDevice *to = rig_document_cable_device (self->document, cable, RIG_END_TO);
  const RigJack *fj = rig_document_cable_jack (self->document, cable, RIG_END_FROM);
  const RigJack *tj = rig_document_cable_jack (self->document, cable, RIG_END_TO);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s\n%s", _ ("Cable"), cable->number, description);
  if (from != NULL && to != NULL && fj != NULL && tj != NULL)
    g_string_append_printf (text, "\n%s — %s → %s — %s", from->label,
                            rig_jack_get_display_name (fj), to->label,
                            rig_jack_get_display_name (tj));
  append_problems (self, text, NULL, cable->id);
  return g_string_free (text, FALSE);
}

static char *
device_tooltip (RigCanvas *self, RigDevice *device)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s", device->label,
                          rig_device_model_get_display_name (device->model));
  append_problems (self, text, device->id, NULL);
  return g_string_free (text, FALSE);
}

static char *
tooltip_at (RigCanvas *self, double x, double y)
{
  RigCanvasHit hit;

  if (self->layout == NULL || self->mode != RIG_CANVAS_MODE_NONE)
    return NULL;
  _rig_canvas_hit (self, x, y, TRUE, &hit);
  if (hit.jack_id != NULL)
    return port_tooltip (self, hit.device_id, hit.jack_id);
  if (hit.cable != NULL)
    return cable_tooltip (self, hit.cable);
  if (hit.device != NULL)
    return device_tooltip (self, hit.device);
  return NULL;
}

gboolean
_rig_canvas_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = tooltip_at (RIG_CANVAS (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

char *
rig_canvas_test_tooltip (RigCanvas *self, double x, double y)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  return tooltip_at (self, x, y);
}
