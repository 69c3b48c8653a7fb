/* rig-command.c: the base of the edit commands, and the helpers that the
 * command families (rig-command-devices.c, -cables.c, -cable-edits.c,
 * -properties.c, -group.c) share through rig-command-class.h.
 *
 * Each command kind is a struct that starts with a RigCommand and a vtable
 * (RigCommandClass). apply() checks everything it needs before it changes
 * anything, so a failed apply leaves the document exactly as it was; revert()
 * undoes the last apply and cannot fail. What an apply chooses the first time
 * (new ids, cable numbers, positions) is kept, so a redo gives the very same
 * document as the first apply.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-command-private.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"

gpointer
_rig_command_alloc (const RigCommandClass *klass, gsize size)
{
  RigCommand *command = g_malloc0 (size);

  command->klass = klass;
  return command;
}

/* Called by each constructor once its fields are set. */
RigCommand *
_rig_command_init_label (RigCommand *command)
{
  command->label = command->klass->label (command, NULL);
  return command;
}

/* ---- helpers ------------------------------------------------------------ */

gboolean
_rig_command_device_not_found (GError **error, const char *id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("There is no device “%s” in this rig."),
               id ? id : "");
  return FALSE;
}

gboolean
_rig_command_cable_not_found (GError **error, const char *id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("There is no cable “%s” in this rig."),
               id ? id : "");
  return FALSE;
}

gboolean
_rig_command_jack_not_found (GError **error, const RigDevice *device, const char *jack_id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("“%s” has no jack “%s”."), device->label,
               jack_id ? jack_id : "");
  return FALSE;
}

/* The device and jack at one end of a cable to be, or an error. */
gboolean
_rig_command_lookup_end (RigDocument *document, const char *device_id, const char *jack_id,
                         RigDevice **device, const RigJack **jack, GError **error)
{
  *device = rig_document_find_device (document, device_id);
  if (*device == NULL)
    return _rig_command_device_not_found (error, device_id);
  *jack = rig_device_find_jack (*device, jack_id);
  if (*jack == NULL)
    return _rig_command_jack_not_found (error, *device, jack_id);
  return TRUE;
}

gboolean
_rig_command_check_ends (RigDocument *document, const char *cable_id, const char *const device[2],
                         const char *const jack[2], GError **error)
{
  RigDevice *devices[2];
  const RigJack *jacks[2];

  for (guint end = 0; end < 2; end++)
    if (!_rig_command_lookup_end (document, device[end], jack[end], &devices[end], &jacks[end],
                                  error))
      return FALSE;
  if (g_strcmp0 (device[0], device[1]) == 0 && g_strcmp0 (jack[0], jack[1]) == 0)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("A cable cannot join %s of %s to itself."), jacks[0]->name,
                   devices[0]->label);
      return FALSE;
    }
  for (guint end = 0; end < 2; end++)
    if (!rig_document_check_jack_free (document, device[end], jack[end], cable_id, error))
      return FALSE;
  return TRUE;
}

void
_rig_command_resolve_spec (RigDocument *document, RigCableSpec *spec)
{
  for (guint i = 0; i < spec->n_adapters; i++)
    {
      RigDeviceModel *resolved = rig_document_resolve_model (document, spec->adapters[i].model);

      rig_device_model_unref (spec->adapters[i].model);
      spec->adapters[i].model = resolved;
    }
}

const char *
_rig_command_device_name (RigDocument *document, const char *id)
{
  RigDevice *device = document ? rig_document_find_device (document, id) : NULL;

  return device != NULL ? device->label : id;
}

const char *
_rig_command_cable_number (RigDocument *document, const char *id)
{
  RigCable *cable = document ? rig_document_find_cable (document, id) : NULL;

  return cable != NULL ? cable->number : NULL;
}

/* A copy of @ids without repeats, in first-seen order. */
GStrv
_rig_command_unique_ids (const char *const *ids)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) ids[i]))
      g_ptr_array_add (out, g_strdup (ids[i]));
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

int
_rig_command_compare_removed_descending (gconstpointer a, gconstpointer b)
{
  guint x = ((const RigRemoved *) a)->index, y = ((const RigRemoved *) b)->index;

  return x > y ? -1 : x < y;
}

/* Removes @cables (RigCable*, each once) from the document, highest index
 * first, and records them in @removed (highest first), owned. */
void
_rig_command_take_cables (RigDocument *document, GPtrArray *cables, GArray *removed,
                          RigChange *change)
{
  guint first = removed->len;

  for (guint i = 0; i < cables->len; i++)
    {
      RigCable *cable = g_ptr_array_index (cables, i);
      RigRemoved r = { (guint) rig_document_cable_index (document, cable->id), NULL };
      r.object = cable;
      g_array_append_val (removed, r);
    }
  /* Nothing to sort (and no data yet) when no cable is on the devices. */
  if (removed->len > first)
    g_qsort_with_data (&g_array_index (removed, RigRemoved, first), removed->len - first,
                       sizeof (RigRemoved),
                       (GCompareDataFunc) _rig_command_compare_removed_descending, NULL);
  for (guint i = first; i < removed->len; i++)
    {
      RigRemoved *r = &g_array_index (removed, RigRemoved, i);
      r->object
          = _rig_document_take_cable (document, ((RigCable *) r->object)->id, &r->index, change);
    }
}

/* Puts back what _rig_command_take_cables() removed, lowest index first. */
void
_rig_command_restore_cables (RigDocument *document, GArray *removed, RigChange *change)
{
  for (guint i = removed->len; i > 0; i--)
    {
      RigRemoved *r = &g_array_index (removed, RigRemoved, i - 1);
      _rig_document_insert_cable (document, g_steal_pointer (&r->object), r->index, change);
    }
  g_array_set_size (removed, 0);
}

void
_rig_command_free_removed (GArray *removed, GDestroyNotify free_func)
{
  if (removed == NULL)
    return;
  for (guint i = 0; i < removed->len; i++)
    g_clear_pointer (&g_array_index (removed, RigRemoved, i).object, free_func);
  g_array_unref (removed);
}

GArray *
_rig_command_removed_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (RigRemoved));
}

/* ---- public and core API ------------------------------------------------ */

const char *
rig_command_get_label (RigCommand *command)
{
  g_return_val_if_fail (command != NULL, NULL);
  return command->label;
}

const char *
rig_command_get_created_id (RigCommand *command)
{
  g_return_val_if_fail (command != NULL, NULL);
  return command->created_id;
}

void
rig_command_free (RigCommand *command)
{
  if (command == NULL)
    return;
  if (command->klass->free != NULL)
    command->klass->free (command);
  g_free (command->label);
  g_free (command->created_id);
  g_free (command);
}

gboolean
_rig_command_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), FALSE);

  /* The final label names things as they are before the first apply
   * ("Delete Cable A-003" must be computed while the cable exists). */
  if (!command->applied)
    label = command->klass->label (command, document);
  if (!command->klass->apply (command, document, change, error))
    return FALSE;
  if (!command->applied)
    {
      g_free (command->label);
      command->label = g_steal_pointer (&label);
      command->applied = TRUE;
    }
  return TRUE;
}

void
_rig_command_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  g_return_if_fail (command != NULL && command->applied);
  g_return_if_fail (RIG_IS_DOCUMENT (document));

  command->klass->revert (command, document, change);
}

gboolean
_rig_command_merge (RigCommand *command, RigCommand *next)
{
  g_return_val_if_fail (command != NULL && next != NULL, FALSE);

  if (command->klass != next->klass || command->klass->merge == NULL)
    return FALSE;
  return command->klass->merge (command, next);
}
