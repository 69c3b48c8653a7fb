/* rig-command-cable-edits.c: changing a cable: its spec, its number, the jack
 * at one end. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"

/* ---- set cable spec ----------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *id;
  RigCableSpec spec;
  gboolean has_old;
  RigCableSpec old_spec;
} SetCableSpec;

static gboolean
set_cable_spec_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  SetCableSpec *self = (SetCableSpec *) command;
  RigCable *cable = rig_document_find_cable (document, self->id);

  if (cable == NULL)
    return _rig_command_cable_not_found (error, self->id);
  if (!_rig_command_check_cable_unlocked (document, self->id, error))
    return FALSE;
  if (!rig_cable_spec_check_adapters (&self->spec, error))
    return FALSE;

  if (self->has_old)
    rig_cable_spec_clear (&self->old_spec);
  rig_cable_spec_copy (&self->old_spec, &cable->spec);
  self->has_old = TRUE;
  _rig_command_resolve_spec (document, &self->spec);
  _rig_document_set_cable_spec (document, cable, &self->spec, change);
  return TRUE;
}

static void
set_cable_spec_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetCableSpec *self = (SetCableSpec *) command;

  _rig_document_set_cable_spec (document, rig_document_find_cable (document, self->id),
                                &self->old_spec, change);
}

static void
set_cable_spec_free (RigCommand *command)
{
  SetCableSpec *self = (SetCableSpec *) command;

  g_free (self->id);
  rig_cable_spec_clear (&self->spec);
  if (self->has_old)
    rig_cable_spec_clear (&self->old_spec);
}

/* "Change Cable A-003", or without the number if it has none. */
static char *
cable_label (RigDocument *document, const char *id, const char *with_number,
             const char *without_number)
{
  const char *number = _rig_command_cable_number (document, id);

  if (number != NULL)
    return g_strdup_printf (with_number, number);
  return g_strdup (without_number);
}

static char *
set_cable_spec_label (RigCommand *command, RigDocument *document)
{
  /* Translators: an undo label; %s is a cable number like A-003. */
  return cable_label (document, ((SetCableSpec *) command)->id, _ ("Change Cable %s"),
                      _ ("Change Cable"));
}

static const RigCommandClass set_cable_spec_class = {
  "set-cable-spec",    set_cable_spec_apply, set_cable_spec_revert, NULL,
  set_cable_spec_free, set_cable_spec_label,
};

RigCommand *
rig_command_set_cable_spec (const char *cable_id, const RigCableSpec *spec)
{
  SetCableSpec *self;

  g_return_val_if_fail (spec != NULL, NULL);

  self = _rig_command_alloc (&set_cable_spec_class, sizeof *self);
  self->id = g_strdup (cable_id);
  rig_cable_spec_copy (&self->spec, spec);
  return _rig_command_init_label (&self->parent);
}

/* ---- set cable number --------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *id;
  char *number; /* NULL: a fresh number, chosen at the first apply */
  char *old_number;
} SetCableNumber;

static gboolean
set_cable_number_apply (RigCommand *command, RigDocument *document, RigChange *change,
                        GError **error)
{
  SetCableNumber *self = (SetCableNumber *) command;
  RigCable *cable = rig_document_find_cable (document, self->id);

  if (cable == NULL)
    return _rig_command_cable_not_found (error, self->id);

  if (self->number == NULL)
    self->number = rig_document_new_cable_number (
        document, rig_cable_prefix_to_letter (rig_document_cable_prefix (document, cable)));

  g_free (self->old_number);
  self->old_number = g_strdup (cable->number);
  _rig_document_set_cable_number (document, cable, self->number, change);
  return TRUE;
}

static void
set_cable_number_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetCableNumber *self = (SetCableNumber *) command;

  _rig_document_set_cable_number (document, rig_document_find_cable (document, self->id),
                                  self->old_number, change);
}

static void
set_cable_number_free (RigCommand *command)
{
  SetCableNumber *self = (SetCableNumber *) command;

  g_free (self->id);
  g_free (self->number);
  g_free (self->old_number);
}

static char *
set_cable_number_label (RigCommand *command, RigDocument *document)
{
  /* Translators: an undo label; %s is the cable's number before, like A-003. */
  return cable_label (document, ((SetCableNumber *) command)->id, _ ("Renumber Cable %s"),
                      _ ("Renumber Cable"));
}

static const RigCommandClass set_cable_number_class = {
  "set-cable-number",    set_cable_number_apply, set_cable_number_revert, NULL,
  set_cable_number_free, set_cable_number_label,
};

RigCommand *
rig_command_set_cable_number (const char *cable_id, const char *number)
{
  SetCableNumber *self = _rig_command_alloc (&set_cable_number_class, sizeof *self);

  self->id = g_strdup (cable_id);
  self->number = g_strdup (number);
  return _rig_command_init_label (&self->parent);
}

/* ---- reconnect cable ---------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *id;
  RigEnd end;
  char *device;
  char *jack;
  char *old_device;
  char *old_jack;
} ReconnectCable;

static gboolean
reconnect_cable_apply (RigCommand *command, RigDocument *document, RigChange *change,
                       GError **error)
{
  ReconnectCable *self = (ReconnectCable *) command;
  RigCable *cable = rig_document_find_cable (document, self->id);
  RigDevice *device;
  const RigJack *jack;

  if (self->end != RIG_END_FROM && self->end != RIG_END_TO)
    {
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("A cable has only two ends."));
      return FALSE;
    }
  if (cable == NULL)
    return _rig_command_cable_not_found (error, self->id);
  if (!_rig_command_check_cable_unlocked (document, self->id, error))
    return FALSE;
  if (!_rig_command_lookup_end (document, self->device, self->jack, &device, &jack, error))
    return FALSE;
  {
    const char *devices[2], *jacks[2];

    devices[self->end] = self->device;
    jacks[self->end] = self->jack;
    devices[1 - self->end] = cable->device[1 - self->end];
    jacks[1 - self->end] = cable->jack[1 - self->end];
    if (!_rig_command_check_ends (document, cable->id, devices, jacks, error))
      return FALSE;
  }

  g_free (self->old_device);
  g_free (self->old_jack);
  self->old_device = g_strdup (cable->device[self->end]);
  self->old_jack = g_strdup (cable->jack[self->end]);
  _rig_document_set_cable_end (document, cable, self->end, self->device, self->jack, change);
  return TRUE;
}

static void
reconnect_cable_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  ReconnectCable *self = (ReconnectCable *) command;

  _rig_document_set_cable_end (document, rig_document_find_cable (document, self->id), self->end,
                               self->old_device, self->old_jack, change);
}

static void
reconnect_cable_free (RigCommand *command)
{
  ReconnectCable *self = (ReconnectCable *) command;

  g_free (self->id);
  g_free (self->device);
  g_free (self->jack);
  g_free (self->old_device);
  g_free (self->old_jack);
}

static char *
reconnect_cable_label (RigCommand *command, RigDocument *document)
{
  /* Translators: an undo label; %s is a cable number like A-003. */
  return cable_label (document, ((ReconnectCable *) command)->id, _ ("Reconnect Cable %s"),
                      _ ("Reconnect Cable"));
}

static const RigCommandClass reconnect_cable_class = {
  "reconnect-cable",    reconnect_cable_apply, reconnect_cable_revert, NULL,
  reconnect_cable_free, reconnect_cable_label,
};

RigCommand *
rig_command_reconnect_cable (const char *cable_id, RigEnd end, const char *device_id,
                             const char *jack_id)
{
  ReconnectCable *self = _rig_command_alloc (&reconnect_cable_class, sizeof *self);

  self->id = g_strdup (cable_id);
  self->end = end;
  self->device = g_strdup (device_id);
  self->jack = g_strdup (jack_id);
  return _rig_command_init_label (&self->parent);
}
