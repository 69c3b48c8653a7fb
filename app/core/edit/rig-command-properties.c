/* rig-command-properties.c: a device's label and figure overrides, and the
 * rig's title, author and notes. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-document-private.h"
#include "rig-error.h"

/* ---- set device label --------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *id;
  char *label;     /* NULL: the model's name */
  char *old_label; /* while applied */
} SetDeviceLabel;

static gboolean
set_device_label_apply (RigCommand *command, RigDocument *document, RigChange *change,
                        GError **error)
{
  SetDeviceLabel *self = (SetDeviceLabel *) command;
  RigDevice *device = rig_document_find_device (document, self->id);

  if (device == NULL)
    return _rig_command_device_not_found (error, self->id);

  g_free (self->old_label);
  self->old_label = g_strdup (device->label);
  _rig_document_set_device_label (document, device, self->label, change);
  return TRUE;
}

static void
set_device_label_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetDeviceLabel *self = (SetDeviceLabel *) command;

  _rig_document_set_device_label (document, rig_document_find_device (document, self->id),
                                  self->old_label, change);
}

static void
set_device_label_free (RigCommand *command)
{
  SetDeviceLabel *self = (SetDeviceLabel *) command;

  g_free (self->id);
  g_free (self->label);
  g_free (self->old_label);
}

static char *
set_device_label_label (RigCommand *command, RigDocument *document)
{
  SetDeviceLabel *self = (SetDeviceLabel *) command;

  /* Translators: an undo label; %s is the device's name before. */
  return g_strdup_printf (_ ("Rename %s"), _rig_command_device_name (document, self->id));
}

static const RigCommandClass set_device_label_class = {
  "set-device-label",    set_device_label_apply, set_device_label_revert, NULL,
  set_device_label_free, set_device_label_label,
};

RigCommand *
rig_command_set_device_label (const char *device_id, const char *label)
{
  SetDeviceLabel *self = _rig_command_alloc (&set_device_label_class, sizeof *self);

  self->id = g_strdup (device_id);
  self->label = g_strdup (label);
  return _rig_command_init_label (&self->parent);
}

/* ---- set device figure -------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *id;
  RigFigure figure;
  double value;
  double old_value;
} SetDeviceFigure;

static gboolean
set_device_figure_apply (RigCommand *command, RigDocument *document, RigChange *change,
                         GError **error)
{
  SetDeviceFigure *self = (SetDeviceFigure *) command;
  RigDevice *device = rig_document_find_device (document, self->id);

  if (device == NULL)
    return _rig_command_device_not_found (error, self->id);
  if ((guint) self->figure >= RIG_N_FIGURES)
    {
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Unknown figure."));
      return FALSE;
    }
  if (!rig_figure_validate (self->figure, self->value, error))
    return FALSE;

  self->old_value = device->overrides[self->figure];
  _rig_document_set_device_override (document, device, self->figure, self->value, change);
  return TRUE;
}

static void
set_device_figure_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetDeviceFigure *self = (SetDeviceFigure *) command;

  _rig_document_set_device_override (document, rig_document_find_device (document, self->id),
                                     self->figure, self->old_value, change);
}

static void
set_device_figure_free (RigCommand *command)
{
  g_free (((SetDeviceFigure *) command)->id);
}

static char *
set_device_figure_label (RigCommand *command, RigDocument *document)
{
  SetDeviceFigure *self = (SetDeviceFigure *) command;
  const char *figure = rig_figure_to_label (self->figure);

  if (figure == NULL)
    figure = _ ("Figure");
  if (!rig_figure_is_set (self->value))
    /* Translators: an undo label, "Reset Impedance of Bookshelf L". */
    return g_strdup_printf (_ ("Reset %s of %s"), figure,
                            _rig_command_device_name (document, self->id));
  /* Translators: an undo label, "Change Impedance of Bookshelf L". */
  return g_strdup_printf (_ ("Change %s of %s"), figure,
                          _rig_command_device_name (document, self->id));
}

static const RigCommandClass set_device_figure_class = {
  "set-device-figure",    set_device_figure_apply, set_device_figure_revert, NULL,
  set_device_figure_free, set_device_figure_label,
};

RigCommand *
rig_command_set_device_figure (const char *device_id, RigFigure figure, double value)
{
  SetDeviceFigure *self = _rig_command_alloc (&set_device_figure_class, sizeof *self);

  self->id = g_strdup (device_id);
  self->figure = figure;
  self->value = value;
  self->old_value = NAN;
  return _rig_command_init_label (&self->parent);
}

/* ---- set metadata ------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *fields[4];     /* title, author, notes, revision; NULL: unchanged */
  char *old_fields[4]; /* while applied */
} SetMetadata;

static gboolean
set_metadata_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  SetMetadata *self = (SetMetadata *) command;
  const char *now[4] = { rig_document_get_title (document), rig_document_get_author (document),
                         rig_document_get_notes (document), rig_document_get_revision (document) };

  for (guint i = 0; i < 4; i++)
    {
      g_free (self->old_fields[i]);
      self->old_fields[i] = self->fields[i] != NULL ? g_strdup (now[i]) : NULL;
    }
  _rig_document_set_metadata (document, self->fields[0], self->fields[1], self->fields[2], change);
  _rig_document_set_revision (document, self->fields[3], change);
  return TRUE;
}

static void
set_metadata_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetMetadata *self = (SetMetadata *) command;

  _rig_document_set_metadata (document, self->old_fields[0], self->old_fields[1],
                              self->old_fields[2], change);
  _rig_document_set_revision (document, self->old_fields[3], change);
}

static void
set_metadata_free (RigCommand *command)
{
  SetMetadata *self = (SetMetadata *) command;

  for (guint i = 0; i < 4; i++)
    {
      g_free (self->fields[i]);
      g_free (self->old_fields[i]);
    }
}

static char *
set_metadata_label (RigCommand *command, RigDocument *document)
{
  SetMetadata *self = (SetMetadata *) command;
  guint n = 0, which = 0;

  for (guint i = 0; i < 4; i++)
    if (self->fields[i] != NULL)
      {
        n++;
        which = i;
      }
  if (n == 1 && which == 0)
    return g_strdup (_ ("Change Title"));
  if (n == 1 && which == 1)
    return g_strdup (_ ("Change Author"));
  if (n == 1 && which == 2)
    return g_strdup (_ ("Change Notes"));
  if (n == 1 && which == 3)
    return g_strdup (_ ("Change Revision"));
  return g_strdup (_ ("Change Rig Details"));
}

static const RigCommandClass set_metadata_class = {
  "set-metadata", set_metadata_apply, set_metadata_revert,
  NULL,           set_metadata_free,  set_metadata_label,
};

RigCommand *
rig_command_set_metadata (const char *title, const char *author, const char *notes)
{
  SetMetadata *self = _rig_command_alloc (&set_metadata_class, sizeof *self);

  self->fields[0] = g_strdup (title);
  self->fields[1] = g_strdup (author);
  self->fields[2] = g_strdup (notes);
  return _rig_command_init_label (&self->parent);
}

RigCommand *
rig_command_set_revision (const char *revision)
{
  SetMetadata *self;

  g_return_val_if_fail (revision != NULL, NULL);

  self = _rig_command_alloc (&set_metadata_class, sizeof *self);
  self->fields[3] = g_strdup (revision);
  return _rig_command_init_label (&self->parent);
}

/* ---- set the listening distance ------------------------------------ */

typedef struct
{
  RigCommand parent;
  double metres;     /* NAN: unset (the rules assume the default) */
  double old_metres; /* while applied */
} SetListeningDistance;

static gboolean
set_listening_distance_apply (RigCommand *command, RigDocument *document, RigChange *change,
                              GError **error)
{
  SetListeningDistance *self = (SetListeningDistance *) command;

  if (!rig_figure_validate (RIG_FIGURE_LISTENING_DISTANCE, self->metres, error))
    return FALSE;
  self->old_metres = rig_document_get_listening_distance (document);
  _rig_document_set_listening_distance (document, self->metres, change);
  return TRUE;
}

static void
set_listening_distance_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetListeningDistance *self = (SetListeningDistance *) command;

  _rig_document_set_listening_distance (document, self->old_metres, change);
}

static char *
set_listening_distance_label (RigCommand *command, RigDocument *document)
{
  return g_strdup (_ ("Change Listening Distance"));
}

static const RigCommandClass set_listening_distance_class = {
  "set-listening-distance",
  set_listening_distance_apply,
  set_listening_distance_revert,
  NULL,
  NULL,
  set_listening_distance_label,
};

RigCommand *
rig_command_set_listening_distance (double metres)
{
  SetListeningDistance *self = _rig_command_alloc (&set_listening_distance_class, sizeof *self);

  self->metres = metres;
  self->old_metres = NAN;
  return _rig_command_init_label (&self->parent);
}
