/* rig-command-control.c: setting a device's volume, gain or pad control
 * (issue #11). Consecutive settings of one control merge into one step, as a
 * drag does, until the history is sealed (rig_history_seal()). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-command-class.h"
#include "rig-document-private.h"
#include "rig-error.h"

typedef struct
{
  RigCommand parent;
  char *device_id;
  char *control_id;
  double value;     /* dB; NAN: the control's default */
  double old_value; /* while applied */
} SetDeviceControl;

static gboolean
set_device_control_apply (RigCommand *command, RigDocument *document, RigChange *change,
                          GError **error)
{
  SetDeviceControl *self = (SetDeviceControl *) command;
  RigDevice *device = rig_document_find_device (document, self->device_id);
  const RigControl *control;
  int index;

  if (device == NULL)
    return _rig_command_device_not_found (error, self->device_id);
  index = rig_device_model_control_index (device->model, self->control_id);
  if (index < 0)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("“%s” has no control “%s”."),
                   device->label, self->control_id);
      return FALSE;
    }
  control = &device->model->controls[index];
  if (!rig_control_accepts (control, self->value))
    {
      if (control->kind == RIG_CONTROL_PAD)
        g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                     _ ("%s is a switch: set it to %g dB or %g dB."),
                     rig_control_get_display_name (control), control->min_db, control->max_db);
      else
        g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("%s goes from %g dB to %g dB."),
                     rig_control_get_display_name (control), control->min_db, control->max_db);
      return FALSE;
    }

  self->old_value = device->settings != NULL ? device->settings[index] : NAN;
  _rig_document_set_device_setting (document, device, (guint) index, self->value, change);
  return TRUE;
}

static void
set_device_control_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetDeviceControl *self = (SetDeviceControl *) command;
  RigDevice *device = rig_document_find_device (document, self->device_id);
  int index = rig_device_model_control_index (device->model, self->control_id);

  _rig_document_set_device_setting (document, device, (guint) index, self->old_value, change);
}

static gboolean
set_device_control_merge (RigCommand *command, RigCommand *next_command)
{
  SetDeviceControl *self = (SetDeviceControl *) command;
  SetDeviceControl *next = (SetDeviceControl *) next_command;

  if (g_strcmp0 (self->device_id, next->device_id) != 0
      || g_strcmp0 (self->control_id, next->control_id) != 0)
    return FALSE;
  /* The merged step undoes to where the first one started. */
  self->value = next->value;
  return TRUE;
}

static void
set_device_control_free (RigCommand *command)
{
  SetDeviceControl *self = (SetDeviceControl *) command;

  g_free (self->device_id);
  g_free (self->control_id);
}

static char *
set_device_control_label (RigCommand *command, RigDocument *document)
{
  SetDeviceControl *self = (SetDeviceControl *) command;
  RigDevice *device
      = document != NULL ? rig_document_find_device (document, self->device_id) : NULL;
  const RigControl *control
      = device != NULL ? rig_device_model_find_control (device->model, self->control_id) : NULL;

  /* Translators: an undo label, "Set Master volume of Mixer 1". */
  return g_strdup_printf (_ ("Set %s of %s"),
                          control != NULL ? rig_control_get_display_name (control)
                                          : self->control_id,
                          _rig_command_device_name (document, self->device_id));
}

static const RigCommandClass set_device_control_class = {
  "set-device-control",     set_device_control_apply, set_device_control_revert,
  set_device_control_merge, set_device_control_free,  set_device_control_label,
};

RigCommand *
rig_command_set_device_control (const char *device_id, const char *control_id, double value_db)
{
  SetDeviceControl *self = _rig_command_alloc (&set_device_control_class, sizeof *self);

  self->device_id = g_strdup (device_id);
  self->control_id = g_strdup (control_id);
  self->value = value_db;
  self->old_value = NAN;
  return _rig_command_init_label (&self->parent);
}
