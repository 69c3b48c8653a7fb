/* rig-fragment.c: copy and paste parts of a rig. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-fragment.h"

GBytes *
rig_fragment_copy (RigDocument *document, const char *const *device_ids)
{
  g_autoptr (RigDocument) fragment = rig_document_new ();
  g_autoptr (GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);

  /* Devices in document order, so a paste keeps their stacking order. */
  for (guint i = 0; device_ids != NULL && device_ids[i] != NULL; i++)
    if (rig_document_find_device (document, device_ids[i]) != NULL)
      g_hash_table_add (chosen, (gpointer) device_ids[i]);
  if (g_hash_table_size (chosen) == 0)
    return NULL;

  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    {
      RigDevice *device = rig_document_get_device (document, i);
      if (g_hash_table_contains (chosen, device->id))
        _rig_document_insert_device (fragment, rig_device_copy (device), G_MAXUINT, NULL);
    }
  for (guint i = 0; i < rig_document_get_n_cables (document); i++)
    {
      RigCable *cable = rig_document_get_cable (document, i);
      if (g_hash_table_contains (chosen, cable->device[RIG_END_FROM])
          && g_hash_table_contains (chosen, cable->device[RIG_END_TO]))
        _rig_document_insert_cable (fragment, rig_cable_copy (cable), G_MAXUINT, NULL);
    }

  return rig_format_save_bytes (fragment);
}

RigCommand *
rig_fragment_paste_command (RigDocument *document, GBytes *bytes, double dx, double dy,
                            char ***new_device_ids, GError **error)
{
  g_autoptr (RigDocument) fragment = NULL;
  g_autoptr (GHashTable) renamed = NULL; /* fragment id -> new id */
  g_autoptr (GPtrArray) commands = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  guint n_devices;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);

  fragment = rig_format_load_bytes (bytes, _ ("the clipboard"), NULL, error);
  if (fragment == NULL)
    return NULL;
  n_devices = rig_document_get_n_devices (fragment);
  if (n_devices == 0)
    {
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID,
                           _ ("The clipboard holds no devices to paste."));
      return NULL;
    }

  renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr (RigDevice) device = rig_device_copy (rig_document_get_device (fragment, i));
      char *new_id = rig_document_new_device_id (document);

      g_hash_table_insert (renamed, g_strdup (device->id), g_strdup (new_id));
      g_strv_builder_add (ids, new_id);
      g_free (device->id);
      device->id = new_id;
      device->x += dx;
      device->y += dy;
      g_ptr_array_add (commands, rig_command_insert_device (device));
    }

  for (guint i = 0; i < rig_document_get_n_cables (fragment); i++)
    {
      g_autoptr (RigCable) cable = rig_cable_copy (rig_document_get_cable (fragment, i));

      for (guint end = 0; end < 2; end++)
        {
          const char *new_id = g_hash_table_lookup (renamed, cable->device[end]);
          g_free (cable->device[end]);
          cable->device[end] = g_strdup (new_id);
        }
      /* Fresh id and number: the pasted cable is a new cable to buy. */
      g_clear_pointer (&cable->id, g_free);
      g_clear_pointer (&cable->number, g_free);
      g_ptr_array_add (commands, rig_command_insert_cable (cable));
    }

  if (new_device_ids != NULL)
    *new_device_ids = g_strv_builder_end (ids);

  return rig_command_group (ngettext ("Paste Device", "Paste Devices", n_devices),
                            (RigCommand **) commands->pdata, commands->len);
}
