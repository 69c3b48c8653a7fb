/* rig-document-rules.c: what a document may hold (rig-document-rules.h). */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rig-document-rules.h"
#include "rig-error.h"

gboolean
rig_position_is_valid (double x, double y)
{
  return isfinite (x) && isfinite (y) && fabs (x) <= RIG_POSITION_LIMIT
         && fabs (y) <= RIG_POSITION_LIMIT;
}

gboolean
rig_position_check (double x, double y, GError **error)
{
  if (rig_position_is_valid (x, y))
    return TRUE;
  g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
               _ ("The position (%g, %g) is off the canvas, which reaches %.0f units each way "
                  "from the middle."),
               x, y, RIG_POSITION_LIMIT);
  return FALSE;
}

gboolean
rig_jack_takes_several_cables (const RigJack *jack)
{
  g_return_val_if_fail (jack != NULL, FALSE);
  return jack->connector == RIG_CONNECTOR_SPEAKER_TERMINAL;
}

RigCable *
rig_document_jack_occupant (RigDocument *self, const char *device_id, const char *jack_id,
                            const char *ignore_cable_id)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  RigDevice *device;
  const RigJack *jack;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  device = rig_document_find_device (self, device_id);
  jack = device != NULL ? rig_device_find_jack (device, jack_id) : NULL;
  if (jack == NULL || rig_jack_takes_several_cables (jack))
    return NULL;
  rig_document_get_jack_cables (self, device_id, jack_id, cables);
  for (guint i = 0; i < cables->len; i++)
    {
      RigCable *cable = g_ptr_array_index (cables, i);
      if (g_strcmp0 (cable->id, ignore_cable_id) != 0)
        return cable;
    }
  return NULL;
}

gboolean
rig_document_check_jack_free (RigDocument *self, const char *device_id, const char *jack_id,
                              const char *cable_id, GError **error)
{
  RigCable *occupant = rig_document_jack_occupant (self, device_id, jack_id, cable_id);
  RigDevice *device;
  const RigJack *jack;

  if (occupant == NULL)
    return TRUE;
  device = rig_document_find_device (self, device_id);
  jack = rig_device_find_jack (device, jack_id);
  g_set_error (error, RIG_ERROR, RIG_ERROR_OCCUPIED,
               /* Translators: "Optical out of Television already holds cable D-001. A jack
                * takes one plug: ..." */
               _ ("%s of %s already holds cable %s. A jack takes one plug: remove that cable or "
                  "move its end first."),
               jack->name != NULL ? jack->name : jack->id,
               device->label != NULL ? device->label : device->model->name,
               occupant->number != NULL ? occupant->number : occupant->id);
  return FALSE;
}

gboolean
rig_cable_spec_check_adapters (const RigCableSpec *spec, GError **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);

  if (spec->n_adapters <= RIG_CABLE_MAX_ADAPTERS)
    return TRUE;
  g_set_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE,
               _ ("A cable with %u adapters is more than Rigwire keeps (at most %d)."),
               spec->n_adapters, RIG_CABLE_MAX_ADAPTERS);
  return FALSE;
}
