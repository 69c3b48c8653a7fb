/* rig-selection.c: the editor's selection. */
#include "config.h"

#include "rig-selection.h"

struct _RigSelection
{
  GObject parent_instance;

  GPtrArray *devices; /* char *, in selection order */
  GPtrArray *cables;
  GHashTable *device_set; /* borrowed keys from devices */
  GHashTable *cable_set;
};

G_DEFINE_FINAL_TYPE (RigSelection, rig_selection, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rig_selection_finalize (GObject *object)
{
  RigSelection *self = RIG_SELECTION (object);

  g_hash_table_unref (self->device_set);
  g_hash_table_unref (self->cable_set);
  g_ptr_array_unref (self->devices);
  g_ptr_array_unref (self->cables);

  G_OBJECT_CLASS (rig_selection_parent_class)->finalize (object);
}

static void
rig_selection_class_init (RigSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rig_selection_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
rig_selection_init (RigSelection *self)
{
  self->devices = g_ptr_array_new_with_free_func (g_free);
  self->cables = g_ptr_array_new_with_free_func (g_free);
  self->device_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->cable_set = g_hash_table_new (g_str_hash, g_str_equal);
}

RigSelection *
rig_selection_new (void)
{
  return g_object_new (RIG_TYPE_SELECTION, NULL);
}

static gboolean
add_id (GPtrArray *array, GHashTable *set, const char *id)
{
  char *copy;

  if (id == NULL || g_hash_table_contains (set, id))
    return FALSE;
  copy = g_strdup (id);
  g_ptr_array_add (array, copy);
  g_hash_table_add (set, copy);
  return TRUE;
}

static gboolean
remove_id (GPtrArray *array, GHashTable *set, const char *id)
{
  if (id == NULL || !g_hash_table_remove (set, id))
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), id))
      {
        g_ptr_array_remove_index (array, i);
        break;
      }
  return TRUE;
}

static void
clear_all (RigSelection *self)
{
  g_hash_table_remove_all (self->device_set);
  g_hash_table_remove_all (self->cable_set);
  g_ptr_array_set_size (self->devices, 0);
  g_ptr_array_set_size (self->cables, 0);
}

static void
emit_changed (RigSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
rig_selection_is_empty (RigSelection *self)
{
  return self->devices->len == 0 && self->cables->len == 0;
}

guint
rig_selection_get_n_devices (RigSelection *self)
{
  return self->devices->len;
}

guint
rig_selection_get_n_cables (RigSelection *self)
{
  return self->cables->len;
}

gboolean
rig_selection_has_device (RigSelection *self, const char *device_id)
{
  return device_id != NULL && g_hash_table_contains (self->device_set, device_id);
}

gboolean
rig_selection_has_cable (RigSelection *self, const char *cable_id)
{
  return cable_id != NULL && g_hash_table_contains (self->cable_set, cable_id);
}

static char **
to_strv (GPtrArray *array)
{
  char **strv = g_new0 (char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));
  return strv;
}

char **
rig_selection_get_devices (RigSelection *self)
{
  return to_strv (self->devices);
}

char **
rig_selection_get_cables (RigSelection *self)
{
  return to_strv (self->cables);
}

const char *
rig_selection_get_single_device (RigSelection *self)
{
  if (self->devices->len == 1 && self->cables->len == 0)
    return g_ptr_array_index (self->devices, 0);
  return NULL;
}

const char *
rig_selection_get_single_cable (RigSelection *self)
{
  if (self->cables->len == 1 && self->devices->len == 0)
    return g_ptr_array_index (self->cables, 0);
  return NULL;
}

void
rig_selection_clear (RigSelection *self)
{
  if (rig_selection_is_empty (self))
    return;
  clear_all (self);
  emit_changed (self);
}

static gboolean
same_ids (GPtrArray *array, const char *const *ids)
{
  guint n = ids ? g_strv_length ((char **) ids) : 0;

  if (n != array->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (g_ptr_array_index (array, i), ids[i]))
      return FALSE;
  return TRUE;
}

void
rig_selection_set (RigSelection *self, const char *const *device_ids, const char *const *cable_ids)
{
  if (same_ids (self->devices, device_ids) && same_ids (self->cables, cable_ids))
    return;
  clear_all (self);
  for (guint i = 0; device_ids != NULL && device_ids[i] != NULL; i++)
    add_id (self->devices, self->device_set, device_ids[i]);
  for (guint i = 0; cable_ids != NULL && cable_ids[i] != NULL; i++)
    add_id (self->cables, self->cable_set, cable_ids[i]);
  emit_changed (self);
}

void
rig_selection_add_device (RigSelection *self, const char *device_id)
{
  if (add_id (self->devices, self->device_set, device_id))
    emit_changed (self);
}

void
rig_selection_add_cable (RigSelection *self, const char *cable_id)
{
  if (add_id (self->cables, self->cable_set, cable_id))
    emit_changed (self);
}

void
rig_selection_toggle_device (RigSelection *self, const char *device_id)
{
  if (!remove_id (self->devices, self->device_set, device_id))
    add_id (self->devices, self->device_set, device_id);
  emit_changed (self);
}

void
rig_selection_toggle_cable (RigSelection *self, const char *cable_id)
{
  if (!remove_id (self->cables, self->cable_set, cable_id))
    add_id (self->cables, self->cable_set, cable_id);
  emit_changed (self);
}

void
rig_selection_prune (RigSelection *self, RigDocument *document)
{
  gboolean changed = FALSE;

  for (guint i = self->devices->len; i > 0; i--)
    {
      const char *id = g_ptr_array_index (self->devices, i - 1);
      if (rig_document_find_device (document, id) == NULL)
        {
          g_hash_table_remove (self->device_set, id);
          g_ptr_array_remove_index (self->devices, i - 1);
          changed = TRUE;
        }
    }
  for (guint i = self->cables->len; i > 0; i--)
    {
      const char *id = g_ptr_array_index (self->cables, i - 1);
      if (rig_document_find_cable (document, id) == NULL)
        {
          g_hash_table_remove (self->cable_set, id);
          g_ptr_array_remove_index (self->cables, i - 1);
          changed = TRUE;
        }
    }
  if (changed)
    emit_changed (self);
}
