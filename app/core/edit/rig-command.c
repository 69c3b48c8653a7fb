/* rig-command.c: edit commands.
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

#include "rig-command-private.h"
#include "rig-document-private.h"
#include "rig-error.h"

typedef struct _RigCommandClass RigCommandClass;

struct _RigCommandClass
{
  const char *name;
  gboolean (*apply) (RigCommand *command, RigDocument *document, RigChange *change, GError **error);
  void (*revert) (RigCommand *command, RigDocument *document, RigChange *change);
  /* NULL when the kind never merges. */
  gboolean (*merge) (RigCommand *command, RigCommand *next);
  void (*free) (RigCommand *command);
  /* The undo label; @document is NULL before the first apply, else the
   * document as it is just before that apply. */
  char *(*label) (RigCommand *command, RigDocument *document);
};

struct _RigCommand
{
  const RigCommandClass *klass;
  char *label;
  char *created_id;
  gboolean applied; /* at least once */
};

static gpointer
command_alloc (const RigCommandClass *klass, gsize size)
{
  RigCommand *command = g_malloc0 (size);

  command->klass = klass;
  return command;
}

/* Called by each constructor once its fields are set. */
static RigCommand *
command_init_label (RigCommand *command)
{
  command->label = command->klass->label (command, NULL);
  return command;
}

/* ---- helpers ------------------------------------------------------------ */

static gboolean
set_device_not_found (GError **error, const char *id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("There is no device “%s” in this rig."),
               id ? id : "");
  return FALSE;
}

static gboolean
set_cable_not_found (GError **error, const char *id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("There is no cable “%s” in this rig."),
               id ? id : "");
  return FALSE;
}

static gboolean
set_jack_not_found (GError **error, const RigDevice *device, const char *jack_id)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND, _ ("“%s” has no jack “%s”."), device->label,
               jack_id ? jack_id : "");
  return FALSE;
}

/* The device and jack at one end of a cable to be, or an error. */
static gboolean
lookup_end (RigDocument *document, const char *device_id, const char *jack_id, RigDevice **device,
            const RigJack **jack, GError **error)
{
  *device = rig_document_find_device (document, device_id);
  if (*device == NULL)
    return set_device_not_found (error, device_id);
  *jack = rig_device_find_jack (*device, jack_id);
  if (*jack == NULL)
    return set_jack_not_found (error, *device, jack_id);
  return TRUE;
}

static const char *
device_name (RigDocument *document, const char *id)
{
  RigDevice *device = document ? rig_document_find_device (document, id) : NULL;

  return device != NULL ? device->label : id;
}

static const char *
cable_number (RigDocument *document, const char *id)
{
  RigCable *cable = document ? rig_document_find_cable (document, id) : NULL;

  return cable != NULL ? cable->number : NULL;
}

/* A copy of @ids without repeats, in first-seen order. */
static GStrv
unique_ids (const char *const *ids)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) ids[i]))
      g_ptr_array_add (out, g_strdup (ids[i]));
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* A removed object and where it was. */
typedef struct
{
  guint index;
  gpointer object;
} Removed;

static int
compare_removed_descending (gconstpointer a, gconstpointer b)
{
  guint x = ((const Removed *) a)->index, y = ((const Removed *) b)->index;

  return x > y ? -1 : x < y;
}

/* Removes @cables (RigCable*, each once) from the document, highest index
 * first, and records them in @removed (highest first), owned. */
static void
take_cables (RigDocument *document, GPtrArray *cables, GArray *removed, RigChange *change)
{
  guint first = removed->len;

  for (guint i = 0; i < cables->len; i++)
    {
      RigCable *cable = g_ptr_array_index (cables, i);
      Removed r = { (guint) rig_document_cable_index (document, cable->id), NULL };
      r.object = cable;
      g_array_append_val (removed, r);
    }
  g_qsort_with_data (removed->data + first * sizeof (Removed), removed->len - first,
                     sizeof (Removed), (GCompareDataFunc) compare_removed_descending, NULL);
  for (guint i = first; i < removed->len; i++)
    {
      Removed *r = &g_array_index (removed, Removed, i);
      r->object
          = _rig_document_take_cable (document, ((RigCable *) r->object)->id, &r->index, change);
    }
}

/* Puts back what take_cables() removed, lowest index first. */
static void
restore_cables (RigDocument *document, GArray *removed, RigChange *change)
{
  for (guint i = removed->len; i > 0; i--)
    {
      Removed *r = &g_array_index (removed, Removed, i - 1);
      _rig_document_insert_cable (document, g_steal_pointer (&r->object), r->index, change);
    }
  g_array_set_size (removed, 0);
}

static void
free_removed (GArray *removed, GDestroyNotify free_func)
{
  if (removed == NULL)
    return;
  for (guint i = 0; i < removed->len; i++)
    g_clear_pointer (&g_array_index (removed, Removed, i).object, free_func);
  g_array_unref (removed);
}

static GArray *
removed_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Removed));
}

/* ---- add device --------------------------------------------------------- */

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

  if (command->created_id == NULL)
    command->created_id = rig_document_new_device_id (document);
  else if (rig_document_find_device (document, command->created_id) != NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("The device id “%s” is already in use."),
                   command->created_id);
      return FALSE;
    }

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
  return g_strdup_printf (_ ("Add %s"), self->label ? self->label : self->model->name);
}

static const RigCommandClass add_device_class = {
  "add-device", add_device_apply, add_device_revert, NULL, add_device_free, add_device_label,
};

RigCommand *
rig_command_add_device (RigDeviceModel *model, const char *label, double x, double y)
{
  AddDevice *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = command_alloc (&add_device_class, sizeof *self);
  self->model = rig_device_model_ref (model);
  self->label = g_strdup (label);
  self->x = x;
  self->y = y;
  return command_init_label (&self->parent);
}

/* ---- insert device ------------------------------------------------------ */

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

  self = command_alloc (&insert_device_class, sizeof *self);
  self->device = rig_device_copy (device);
  if (self->device->label == NULL)
    self->device->label = g_strdup (device->model->name);
  return command_init_label (&self->parent);
}

/* ---- remove devices ----------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  GStrv ids;
  GArray *devices; /* Removed: RigDevice*, highest index first, while applied */
  GArray *cables;  /* Removed: RigCable* */
} RemoveDevices;

static gboolean
remove_devices_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  RemoveDevices *self = (RemoveDevices *) command;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();

  for (guint i = 0; self->ids[i] != NULL; i++)
    if (rig_document_find_device (document, self->ids[i]) == NULL)
      return set_device_not_found (error, self->ids[i]);

  /* The cables first, so that none dangles. */
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      GPtrArray *on_device = rig_document_get_device_cables (document, self->ids[i]);
      for (guint j = 0; j < on_device->len; j++)
        if (g_hash_table_add (seen, g_ptr_array_index (on_device, j)))
          g_ptr_array_add (cables, g_ptr_array_index (on_device, j));
    }
  take_cables (document, cables, self->cables, change);

  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      Removed r = { (guint) rig_document_device_index (document, self->ids[i]), NULL };
      r.object = (gpointer) self->ids[i];
      g_array_append_val (self->devices, r);
    }
  g_array_sort (self->devices, compare_removed_descending);
  for (guint i = 0; i < self->devices->len; i++)
    {
      Removed *r = &g_array_index (self->devices, Removed, i);
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
      Removed *r = &g_array_index (self->devices, Removed, i - 1);
      _rig_document_insert_device (document, g_steal_pointer (&r->object), r->index, change);
    }
  g_array_set_size (self->devices, 0);
  restore_cables (document, self->cables, change);
}

static void
remove_devices_free (RigCommand *command)
{
  RemoveDevices *self = (RemoveDevices *) command;

  g_strfreev (self->ids);
  free_removed (self->cables, (GDestroyNotify) rig_cable_free);
  free_removed (self->devices, (GDestroyNotify) rig_device_free);
}

static char *
remove_devices_label (RigCommand *command, RigDocument *document)
{
  RemoveDevices *self = (RemoveDevices *) command;
  guint n = g_strv_length (self->ids);

  if (n == 1)
    /* Translators: an undo label; %s is a device name. */
    return g_strdup_printf (_ ("Delete %s"), device_name (document, self->ids[0]));
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
  RemoveDevices *self = command_alloc (&remove_devices_class, sizeof *self);

  self->ids = unique_ids (device_ids);
  self->devices = removed_new ();
  self->cables = removed_new ();
  return command_init_label (&self->parent);
}

/* ---- move devices ------------------------------------------------------- */

typedef struct
{
  double old_x, old_y;
  double new_x, new_y;
} Positions;

typedef struct
{
  RigCommand parent;
  GStrv ids; /* sorted: the same set gives the same array */
  double dx, dy;
  Positions *positions; /* per id, from the first apply (so redo is exact) */
} MoveDevices;

static gboolean
move_devices_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  MoveDevices *self = (MoveDevices *) command;
  guint n = g_strv_length (self->ids);

  for (guint i = 0; i < n; i++)
    if (rig_document_find_device (document, self->ids[i]) == NULL)
      return set_device_not_found (error, self->ids[i]);

  if (self->positions == NULL)
    {
      self->positions = g_new (Positions, n);
      for (guint i = 0; i < n; i++)
        {
          RigDevice *device = rig_document_find_device (document, self->ids[i]);
          self->positions[i].old_x = device->x;
          self->positions[i].old_y = device->y;
          self->positions[i].new_x = device->x + self->dx;
          self->positions[i].new_y = device->y + self->dy;
        }
    }

  for (guint i = 0; i < n; i++)
    _rig_document_move_device (document, rig_document_find_device (document, self->ids[i]),
                               self->positions[i].new_x, self->positions[i].new_y, change);
  return TRUE;
}

static void
move_devices_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  MoveDevices *self = (MoveDevices *) command;

  for (guint i = 0; self->ids[i] != NULL; i++)
    _rig_document_move_device (document, rig_document_find_device (document, self->ids[i]),
                               self->positions[i].old_x, self->positions[i].old_y, change);
}

static gboolean
move_devices_merge (RigCommand *command, RigCommand *next_command)
{
  MoveDevices *self = (MoveDevices *) command;
  MoveDevices *next = (MoveDevices *) next_command;
  guint n = g_strv_length (self->ids);

  if (self->positions == NULL || next->positions == NULL
      || !g_strv_equal ((const char *const *) self->ids, (const char *const *) next->ids))
    return FALSE;

  self->dx += next->dx;
  self->dy += next->dy;
  for (guint i = 0; i < n; i++)
    {
      self->positions[i].new_x = next->positions[i].new_x;
      self->positions[i].new_y = next->positions[i].new_y;
    }
  return TRUE;
}

static void
move_devices_free (RigCommand *command)
{
  MoveDevices *self = (MoveDevices *) command;

  g_strfreev (self->ids);
  g_free (self->positions);
}

static char *
move_devices_label (RigCommand *command, RigDocument *document)
{
  MoveDevices *self = (MoveDevices *) command;
  guint n = g_strv_length (self->ids);

  if (n == 1)
    /* Translators: an undo label; %s is a device name. */
    return g_strdup_printf (_ ("Move %s"), device_name (document, self->ids[0]));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Device", "Move %u Devices", n), n);
}

static const RigCommandClass move_devices_class = {
  "move-devices",     move_devices_apply, move_devices_revert,
  move_devices_merge, move_devices_free,  move_devices_label,
};

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

RigCommand *
rig_command_move_devices (const char *const *device_ids, double dx, double dy)
{
  MoveDevices *self = command_alloc (&move_devices_class, sizeof *self);

  self->ids = unique_ids (device_ids);
  qsort (self->ids, g_strv_length (self->ids), sizeof (char *), compare_strings);
  self->dx = dx;
  self->dy = dy;
  return command_init_label (&self->parent);
}

/* ---- set device label --------------------------------------------------- */

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
    return set_device_not_found (error, self->id);

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
  return g_strdup_printf (_ ("Rename %s"), device_name (document, self->id));
}

static const RigCommandClass set_device_label_class = {
  "set-device-label",    set_device_label_apply, set_device_label_revert, NULL,
  set_device_label_free, set_device_label_label,
};

RigCommand *
rig_command_set_device_label (const char *device_id, const char *label)
{
  SetDeviceLabel *self = command_alloc (&set_device_label_class, sizeof *self);

  self->id = g_strdup (device_id);
  self->label = g_strdup (label);
  return command_init_label (&self->parent);
}

/* ---- set device figure -------------------------------------------------- */

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
    return set_device_not_found (error, self->id);
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
    return g_strdup_printf (_ ("Reset %s of %s"), figure, device_name (document, self->id));
  /* Translators: an undo label, "Change Impedance of Bookshelf L". */
  return g_strdup_printf (_ ("Change %s of %s"), figure, device_name (document, self->id));
}

static const RigCommandClass set_device_figure_class = {
  "set-device-figure",    set_device_figure_apply, set_device_figure_revert, NULL,
  set_device_figure_free, set_device_figure_label,
};

RigCommand *
rig_command_set_device_figure (const char *device_id, RigFigure figure, double value)
{
  SetDeviceFigure *self = command_alloc (&set_device_figure_class, sizeof *self);

  self->id = g_strdup (device_id);
  self->figure = figure;
  self->value = value;
  self->old_value = NAN;
  return command_init_label (&self->parent);
}

/* ---- add cable ---------------------------------------------------------- */

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

  for (guint end = 0; end < 2; end++)
    if (!lookup_end (document, self->device[end], self->jack[end], &devices[end], &jacks[end],
                     error))
      return FALSE;
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
  return g_strdup_printf (_ ("Connect %s to %s"), device_name (document, from),
                          device_name (document, to));
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
  AddCable *self = command_alloc (&add_cable_class, sizeof *self);

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
  return command_init_label (&self->parent);
}

/* ---- insert cable ------------------------------------------------------- */

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

  for (guint end = 0; end < 2; end++)
    if (!lookup_end (document, self->cable->device[end], self->cable->jack[end], &devices[end],
                     &jacks[end], error))
      return FALSE;

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

  self = command_alloc (&insert_cable_class, sizeof *self);
  self->cable = rig_cable_copy (cable);
  return command_init_label (&self->parent);
}

/* ---- remove cables ------------------------------------------------------ */

typedef struct
{
  RigCommand parent;
  GStrv ids;
  GArray *cables; /* Removed: RigCable*, highest index first, while applied */
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
        return set_cable_not_found (error, self->ids[i]);
      g_ptr_array_add (cables, cable);
    }
  take_cables (document, cables, self->cables, change);
  return TRUE;
}

static void
remove_cables_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  restore_cables (document, ((RemoveCables *) command)->cables, change);
}

static void
remove_cables_free (RigCommand *command)
{
  RemoveCables *self = (RemoveCables *) command;

  g_strfreev (self->ids);
  free_removed (self->cables, (GDestroyNotify) rig_cable_free);
}

static char *
remove_cables_label (RigCommand *command, RigDocument *document)
{
  RemoveCables *self = (RemoveCables *) command;
  guint n = g_strv_length (self->ids);

  if (n == 1)
    {
      const char *number = cable_number (document, self->ids[0]);
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
  RemoveCables *self = command_alloc (&remove_cables_class, sizeof *self);

  self->ids = unique_ids (cable_ids);
  self->cables = removed_new ();
  return command_init_label (&self->parent);
}

/* ---- set cable spec ----------------------------------------------------- */

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
    return set_cable_not_found (error, self->id);

  if (self->has_old)
    rig_cable_spec_clear (&self->old_spec);
  rig_cable_spec_copy (&self->old_spec, &cable->spec);
  self->has_old = TRUE;
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
  const char *number = cable_number (document, id);

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

  self = command_alloc (&set_cable_spec_class, sizeof *self);
  self->id = g_strdup (cable_id);
  rig_cable_spec_copy (&self->spec, spec);
  return command_init_label (&self->parent);
}

/* ---- set cable number --------------------------------------------------- */

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
    return set_cable_not_found (error, self->id);

  if (self->number == NULL)
    {
      const RigJack *from = rig_document_cable_jack (document, cable, RIG_END_FROM);
      const RigJack *to = rig_document_cable_jack (document, cable, RIG_END_TO);
      self->number = rig_document_new_cable_number (
          document, from != NULL && to != NULL ? rig_cable_number_prefix (from, to) : "A");
    }

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
  SetCableNumber *self = command_alloc (&set_cable_number_class, sizeof *self);

  self->id = g_strdup (cable_id);
  self->number = g_strdup (number);
  return command_init_label (&self->parent);
}

/* ---- reconnect cable ---------------------------------------------------- */

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
    return set_cable_not_found (error, self->id);
  if (!lookup_end (document, self->device, self->jack, &device, &jack, error))
    return FALSE;

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
  ReconnectCable *self = command_alloc (&reconnect_cable_class, sizeof *self);

  self->id = g_strdup (cable_id);
  self->end = end;
  self->device = g_strdup (device_id);
  self->jack = g_strdup (jack_id);
  return command_init_label (&self->parent);
}

/* ---- set metadata ------------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *fields[3];     /* title, author, notes; NULL: unchanged */
  char *old_fields[3]; /* while applied */
} SetMetadata;

static gboolean
set_metadata_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  SetMetadata *self = (SetMetadata *) command;
  const char *now[3] = { rig_document_get_title (document), rig_document_get_author (document),
                         rig_document_get_notes (document) };

  for (guint i = 0; i < 3; i++)
    {
      g_free (self->old_fields[i]);
      self->old_fields[i] = self->fields[i] != NULL ? g_strdup (now[i]) : NULL;
    }
  _rig_document_set_metadata (document, self->fields[0], self->fields[1], self->fields[2], change);
  return TRUE;
}

static void
set_metadata_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  SetMetadata *self = (SetMetadata *) command;

  _rig_document_set_metadata (document, self->old_fields[0], self->old_fields[1],
                              self->old_fields[2], change);
}

static void
set_metadata_free (RigCommand *command)
{
  SetMetadata *self = (SetMetadata *) command;

  for (guint i = 0; i < 3; i++)
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

  for (guint i = 0; i < 3; i++)
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
  return g_strdup (_ ("Change Rig Details"));
}

static const RigCommandClass set_metadata_class = {
  "set-metadata", set_metadata_apply, set_metadata_revert,
  NULL,           set_metadata_free,  set_metadata_label,
};

RigCommand *
rig_command_set_metadata (const char *title, const char *author, const char *notes)
{
  SetMetadata *self = command_alloc (&set_metadata_class, sizeof *self);

  self->fields[0] = g_strdup (title);
  self->fields[1] = g_strdup (author);
  self->fields[2] = g_strdup (notes);
  return command_init_label (&self->parent);
}

/* ---- group -------------------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *label; /* NULL: the only child's, or a generic one */
  RigCommand **children;
  guint n_children;
} Group;

static gboolean
group_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  Group *self = (Group *) command;

  for (guint i = 0; i < self->n_children; i++)
    if (!_rig_command_apply (self->children[i], document, change, error))
      {
        /* Roll back what was applied: the document is as before. The caller
         * throws @change away. */
        for (guint j = i; j > 0; j--)
          _rig_command_revert (self->children[j - 1], document, NULL);
        return FALSE;
      }
  return TRUE;
}

static void
group_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  Group *self = (Group *) command;

  for (guint i = self->n_children; i > 0; i--)
    _rig_command_revert (self->children[i - 1], document, change);
}

static void
group_free (RigCommand *command)
{
  Group *self = (Group *) command;

  for (guint i = 0; i < self->n_children; i++)
    rig_command_free (self->children[i]);
  g_free (self->children);
  g_free (self->label);
}

static char *
group_label (RigCommand *command, RigDocument *document)
{
  Group *self = (Group *) command;

  if (self->label != NULL)
    return g_strdup (self->label);
  if (self->n_children == 1)
    return self->children[0]->klass->label (self->children[0], document);
  return g_strdup (_ ("Edit"));
}

static const RigCommandClass group_class = {
  "group", group_apply, group_revert, NULL, group_free, group_label,
};

RigCommand *
rig_command_group (const char *label, RigCommand **commands, guint n_commands)
{
  Group *self;

  g_return_val_if_fail (commands != NULL || n_commands == 0, NULL);

  self = command_alloc (&group_class, sizeof *self);
  self->label = g_strdup (label);
  self->children = g_new0 (RigCommand *, MAX (n_commands, 1));
  for (guint i = 0; i < n_commands; i++)
    if (commands[i] != NULL)
      self->children[self->n_children++] = commands[i];
  return command_init_label (&self->parent);
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
