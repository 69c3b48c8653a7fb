/* rig-command-cables.c: adding, inserting (paste) and removing cables. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"

/* ---- add cable ---------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *device[2];
  char *jack[2];
  gboolean has_spec;
  RigCableSpec spec;
  char *number; /* given, or chosen at the first apply */
} AddCable;

static gboolean
add_cable_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  AddCable *self = (AddCable *) command;
  RigDevice *devices[2];
  const RigJack *jacks[2];
  RigCable *cable;

  if (!_rig_command_check_ends (document, NULL, (const char *const *) self->device,
                                (const char *const *) self->jack, error))
    return FALSE;
  for (guint end = 0; end < 2; end++)
    _rig_command_lookup_end (document, self->device[end], self->jack[end], &devices[end],
                             &jacks[end], NULL);
  if (command->created_id != NULL && rig_document_find_cable (document, command->created_id))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("The cable id “%s” is already in use."),
                   command->created_id);
      return FALSE;
    }

  if (!self->has_spec)
    {
      rig_cable_spec_init_for_jacks (&self->spec, jacks[RIG_END_FROM], jacks[RIG_END_TO]);
      self->has_spec = TRUE;
    }
  if (!rig_cable_spec_check_adapters (&self->spec, error))
    return FALSE;
  _rig_command_resolve_spec (document, &self->spec);
  if (self->number == NULL)
    self->number = rig_document_new_cable_number (
        document, rig_cable_number_prefix (jacks[RIG_END_FROM], jacks[RIG_END_TO]));
  if (command->created_id == NULL)
    command->created_id = rig_document_new_cable_id (document);

  cable = rig_cable_new (command->created_id, self->number, self->device[0], self->jack[0],
                         self->device[1], self->jack[1], &self->spec);
  _rig_document_insert_cable (document, cable, G_MAXUINT, change);
  return TRUE;
}

static void
add_cable_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  rig_cable_free (_rig_document_take_cable (document, command->created_id, NULL, change));
}

static void
add_cable_free (RigCommand *command)
{
  AddCable *self = (AddCable *) command;

  for (guint end = 0; end < 2; end++)
    {
      g_free (self->device[end]);
      g_free (self->jack[end]);
    }
  if (self->has_spec)
    rig_cable_spec_clear (&self->spec);
  g_free (self->number);
}

static char *
connect_label (RigDocument *document, const char *from, const char *to)
{
  /* Translators: an undo label, "Connect Phone to Amplifier"; the two %s are
   * device names. */
  return g_strdup_printf (_ ("Connect %s to %s"), _rig_command_device_name (document, from),
                          _rig_command_device_name (document, to));
}

static char *
add_cable_label (RigCommand *command, RigDocument *document)
{
  AddCable *self = (AddCable *) command;

  return connect_label (document, self->device[0], self->device[1]);
}

static const RigCommandClass add_cable_class = {
  "add-cable", add_cable_apply, add_cable_revert, NULL, add_cable_free, add_cable_label,
};

RigCommand *
rig_command_add_cable (const char *from_device, const char *from_jack, const char *to_device,
                       const char *to_jack, const RigCableSpec *spec, const char *number)
{
  AddCable *self = _rig_command_alloc (&add_cable_class, sizeof *self);

  self->device[RIG_END_FROM] = g_strdup (from_device);
  self->jack[RIG_END_FROM] = g_strdup (from_jack);
  self->device[RIG_END_TO] = g_strdup (to_device);
  self->jack[RIG_END_TO] = g_strdup (to_jack);
  if (spec != NULL)
    {
      rig_cable_spec_copy (&self->spec, spec);
      self->has_spec = TRUE;
    }
  self->number = g_strdup (number);
  return _rig_command_init_label (&self->parent);
}

/* ---- insert cable ------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  RigCable *cable; /* its id is the wanted one; number NULL takes a fresh one */
} InsertCable;

static gboolean
insert_cable_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  InsertCable *self = (InsertCable *) command;
  RigDevice *devices[2];
  const RigJack *jacks[2];
  RigCable *cable;

  if (!_rig_command_check_ends (document, NULL, (const char *const *) self->cable->device,
                                (const char *const *) self->cable->jack, error))
    return FALSE;
  for (guint end = 0; end < 2; end++)
    _rig_command_lookup_end (document, self->cable->device[end], self->cable->jack[end],
                             &devices[end], &jacks[end], NULL);
  if (!rig_cable_spec_check_adapters (&self->cable->spec, error))
    return FALSE;
  _rig_command_resolve_spec (document, &self->cable->spec);

  if (command->created_id == NULL)
    {
      if (self->cable->id == NULL || self->cable->id[0] == '\0'
          || rig_document_find_cable (document, self->cable->id) != NULL)
        command->created_id = rig_document_new_cable_id (document);
      else
        command->created_id = g_strdup (self->cable->id);
      if (self->cable->number == NULL)
        self->cable->number = rig_document_new_cable_number (
            document, rig_cable_number_prefix (jacks[RIG_END_FROM], jacks[RIG_END_TO]));
    }
  else if (rig_document_find_cable (document, command->created_id) != NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("The cable id “%s” is already in use."),
                   command->created_id);
      return FALSE;
    }

  cable = rig_cable_copy (self->cable);
  g_free (cable->id);
  cable->id = g_strdup (command->created_id);
  _rig_document_insert_cable (document, cable, G_MAXUINT, change);
  return TRUE;
}

static void
insert_cable_free (RigCommand *command)
{
  rig_cable_free (((InsertCable *) command)->cable);
}

static char *
insert_cable_label (RigCommand *command, RigDocument *document)
{
  InsertCable *self = (InsertCable *) command;

  return connect_label (document, self->cable->device[0], self->cable->device[1]);
}

static const RigCommandClass insert_cable_class = {
  "insert-cable", insert_cable_apply, add_cable_revert, NULL, insert_cable_free, insert_cable_label,
};

RigCommand *
rig_command_insert_cable (const RigCable *cable)
{
  InsertCable *self;

  g_return_val_if_fail (cable != NULL, NULL);

  self = _rig_command_alloc (&insert_cable_class, sizeof *self);
  self->cable = rig_cable_copy (cable);
  return _rig_command_init_label (&self->parent);
}

/* ---- remove cables ------------------------------------------------ */

typedef struct
{
  RigCommand parent;
  GStrv ids;
  GArray *cables; /* RigRemoved: RigCable*, highest index first, while applied */
} RemoveCables;

static gboolean
remove_cables_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  RemoveCables *self = (RemoveCables *) command;
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();

  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      RigCable *cable = rig_document_find_cable (document, self->ids[i]);
      if (cable == NULL)
        return _rig_command_cable_not_found (error, self->ids[i]);
      g_ptr_array_add (cables, cable);
    }
  if (!_rig_command_check_cables_unlocked (document, cables, error))
    return FALSE;
  _rig_command_take_cables (document, cables, self->cables, change);
  return TRUE;
}

static void
remove_cables_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  _rig_command_restore_cables (document, ((RemoveCables *) command)->cables, change);
}

static void
remove_cables_free (RigCommand *command)
{
  RemoveCables *self = (RemoveCables *) command;

  g_strfreev (self->ids);
  _rig_command_free_removed (self->cables, (GDestroyNotify) rig_cable_free);
}

static char *
remove_cables_label (RigCommand *command, RigDocument *document)
{
  RemoveCables *self = (RemoveCables *) command;
  guint n = g_strv_length (self->ids);

  if (n == 1)
    {
      const char *number = _rig_command_cable_number (document, self->ids[0]);
      if (number != NULL)
        /* Translators: an undo label; %s is a cable number like A-003. */
        return g_strdup_printf (_ ("Delete Cable %s"), number);
      return g_strdup (_ ("Delete Cable"));
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Cable", "Delete %u Cables", n),
                          n);
}

static const RigCommandClass remove_cables_class = {
  "remove-cables",    remove_cables_apply, remove_cables_revert, NULL,
  remove_cables_free, remove_cables_label,
};

RigCommand *
rig_command_remove_cables (const char *const *cable_ids)
{
  RemoveCables *self = _rig_command_alloc (&remove_cables_class, sizeof *self);

  self->ids = _rig_command_unique_ids (cable_ids);
  self->cables = _rig_command_removed_new ();
  return _rig_command_init_label (&self->parent);
}
