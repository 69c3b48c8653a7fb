/* rig-command-devices.c: adding, inserting (paste) and removing devices. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-device-label.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"

/* ---- add device --------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  RigDeviceModel *model;
  char *label;
  double x, y;
} AddDevice;

static gboolean
add_device_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  AddDevice *self = (AddDevice *) command;
  RigDeviceModel *resolved;

  if (!rig_position_check (self->x, self->y, error))
    return FALSE;
  if (command->created_id == NULL)
    command->created_id = rig_document_new_device_id (document);
  else if (rig_document_find_device (document, command->created_id) != NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("The device id “%s” is already in use."),
                   command->created_id);
      return FALSE;
    }
  if (self->label == NULL)
    self->label = rig_document_new_device_label (document, self->model);

  /* A different model under the same id as one in the document gets its
   * own id (rig-document-models.c). */
  resolved = rig_document_resolve_model (document, self->model);
  rig_device_model_unref (self->model);
  self->model = resolved;
  _rig_document_insert_device (
      document, rig_device_new (command->created_id, self->model, self->label, self->x, self->y),
      G_MAXUINT, change);
  return TRUE;
}

static void
add_device_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  rig_device_free (_rig_document_take_device (document, command->created_id, NULL, change));
}

static void
add_device_free (RigCommand *command)
{
  AddDevice *self = (AddDevice *) command;

  rig_device_model_unref (self->model);
  g_free (self->label);
}

static char *
add_device_label (RigCommand *command, RigDocument *document)
{
  AddDevice *self = (AddDevice *) command;

  /* Translators: an undo label; %s is a device name. */
  return g_strdup_printf (
      _ ("Add %s"), self->label ? self->label : rig_device_model_get_display_name (self->model));
}

static const RigCommandClass add_device_class = {
  "add-device", add_device_apply, add_device_revert, NULL, add_device_free, add_device_label,
};

RigCommand *
rig_command_add_device (RigDeviceModel *model, const char *label, double x, double y)
{
  AddDevice *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = _rig_command_alloc (&add_device_class, sizeof *self);
  self->model = rig_device_model_ref (model);
  self->label = g_strdup (label);
  self->x = x;
  self->y = y;
  return _rig_command_init_label (&self->parent);
}

/* ---- insert device ------------------------------------------------ */

typedef struct
{
  RigCommand parent;
  RigDevice *device; /* the value to insert; its id is the wanted one */
} InsertDevice;

static gboolean
insert_device_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  InsertDevice *self = (InsertDevice *) command;
  RigDevice *device;
  RigDeviceModel *resolved;

  if (!rig_position_check (self->device->x, self->device->y, error))
    return FALSE;
  if (command->created_id == NULL)
    {
      if (self->device->id == NULL || self->device->id[0] == '\0'
          || rig_document_find_device (document, self->device->id) != NULL)
        command->created_id = rig_document_new_device_id (document);
      else
        command->created_id = g_strdup (self->device->id);
    }
  else if (rig_document_find_device (document, command->created_id) != NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("The device id “%s” is already in use."),
                   command->created_id);
      return FALSE;
    }

  resolved = rig_document_resolve_model (document, self->device->model);
  rig_device_model_unref (self->device->model);
  self->device->model = resolved;
  device = rig_device_copy (self->device);
  g_free (device->id);
  device->id = g_strdup (command->created_id);
  _rig_document_insert_device (document, device, G_MAXUINT, change);
  return TRUE;
}

static void
insert_device_free (RigCommand *command)
{
  rig_device_free (((InsertDevice *) command)->device);
}

static char *
insert_device_label (RigCommand *command, RigDocument *document)
{
  return g_strdup_printf (_ ("Add %s"), ((InsertDevice *) command)->device->label);
}

static const RigCommandClass insert_device_class = {
  "insert-device",    insert_device_apply, add_device_revert, NULL,
  insert_device_free, insert_device_label,
};

RigCommand *
rig_command_insert_device (const RigDevice *device)
{
  InsertDevice *self;

  g_return_val_if_fail (device != NULL && device->model != NULL, NULL);

  self = _rig_command_alloc (&insert_device_class, sizeof *self);
  self->device = rig_device_copy (device);
  if (self->device->label == NULL)
    self->device->label = g_strdup (device->model->name);
  return _rig_command_init_label (&self->parent);
}

/* ---- remove devices ----------------------------------------------- */

typedef struct
{
  RigCommand parent;
  GStrv ids;
  GArray *devices; /* RigRemoved: RigDevice*, highest index first, while applied */
  GArray *cables;  /* RigRemoved: RigCable* */
} RemoveDevices;

static gboolean
remove_devices_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  RemoveDevices *self = (RemoveDevices *) command;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();

  for (guint i = 0; self->ids[i] != NULL; i++)
    if (rig_document_find_device (document, self->ids[i]) == NULL)
      return _rig_command_device_not_found (error, self->ids[i]);
  if (!_rig_command_check_devices_unlocked (document, (const char *const *) self->ids, error))
    return FALSE;

  /* The cables first, so that none dangles. */
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      GPtrArray *on_device = rig_document_get_device_cables (document, self->ids[i]);
      for (guint j = 0; j < on_device->len; j++)
        if (g_hash_table_add (seen, g_ptr_array_index (on_device, j)))
          g_ptr_array_add (cables, g_ptr_array_index (on_device, j));
    }
  if (!_rig_command_check_cables_unlocked (document, cables, error))
    return FALSE;
  _rig_command_take_cables (document, cables, self->cables, change);

  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      RigRemoved r = { (guint) rig_document_device_index (document, self->ids[i]), NULL };
      r.object = (gpointer) self->ids[i];
      g_array_append_val (self->devices, r);
    }
  g_array_sort (self->devices, _rig_command_compare_removed_descending);
  for (guint i = 0; i < self->devices->len; i++)
    {
      RigRemoved *r = &g_array_index (self->devices, RigRemoved, i);
      r->object = _rig_document_take_device (document, r->object, &r->index, change);
    }
  return TRUE;
}

static void
remove_devices_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  RemoveDevices *self = (RemoveDevices *) command;

  for (guint i = self->devices->len; i > 0; i--)
    {
      RigRemoved *r = &g_array_index (self->devices, RigRemoved, i - 1);
      _rig_document_insert_device (document, g_steal_pointer (&r->object), r->index, change);
    }
  g_array_set_size (self->devices, 0);
  _rig_command_restore_cables (document, self->cables, change);
}

static void
remove_devices_free (RigCommand *command)
{
  RemoveDevices *self = (RemoveDevices *) command;

  g_strfreev (self->ids);
  _rig_command_free_removed (self->cables, (GDestroyNotify) rig_cable_free);
  _rig_command_free_removed (self->devices, (GDestroyNotify) rig_device_free);
}

static char *
remove_devices_label (RigCommand *command, RigDocument *document)
{
  RemoveDevices *self = (RemoveDevices *) command;
  guint n = g_strv_length (self->ids);

  if (n == 1)
    /* Translators: an undo label; %s is a device name. */
    return g_strdup_printf (_ ("Delete %s"), _rig_command_device_name (document, self->ids[0]));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Device", "Delete %u Devices", n),
                          n);
}

static const RigCommandClass remove_devices_class = {
  "remove-devices",    remove_devices_apply, remove_devices_revert, NULL,
  remove_devices_free, remove_devices_label,
};

RigCommand *
rig_command_remove_devices (const char *const *device_ids)
{
  RemoveDevices *self = _rig_command_alloc (&remove_devices_class, sizeof *self);

  self->ids = _rig_command_unique_ids (device_ids);
  self->devices = _rig_command_removed_new ();
  self->cables = _rig_command_removed_new ();
  return _rig_command_init_label (&self->parent);
}
