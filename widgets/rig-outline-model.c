/* rig-outline-model.c: the devices and cables of a rig as a live list.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-outline-model.h"

struct _RigOutlineModel
{
  GObject parent_instance;

  RigDocument *document;
  RigValidator *validator;
  GPtrArray *items; /* RigOutlineItem *, owned, in the document's order */
};

static void
rig_outline_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RigOutlineModel, rig_outline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rig_outline_model_list_init))

static GType
get_item_type (GListModel *list)
{
  return RIG_TYPE_OUTLINE_ITEM;
}

static guint
get_n_items (GListModel *list)
{
  return RIG_OUTLINE_MODEL (list)->items->len;
}

static gpointer
get_item (GListModel *list, guint position)
{
  RigOutlineModel *self = RIG_OUTLINE_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
rig_outline_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
item_is (RigOutlineItem *item, RigOutlineKind kind, const char *id)
{
  return rig_outline_item_get_kind (item) == kind
         && g_str_equal (rig_outline_item_get_id (item), id);
}

int
rig_outline_model_find (RigOutlineModel *self, RigOutlineKind kind, const char *id)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_MODEL (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->items->len; i++)
    if (item_is (g_ptr_array_index (self->items, i), kind, id))
      return (int) i;
  return -1;
}

static char *
key_of (RigOutlineKind kind, const char *id)
{
  return g_strconcat (kind == RIG_OUTLINE_DEVICE ? "d:" : "c:", id, NULL);
}

/* What the list should hold now: "d:ID" for every device, then "c:ID" for
 * every cable. */
static GPtrArray *
wanted_keys (RigOutlineModel *self)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  if (self->document == NULL)
    return keys;
  for (guint i = 0; i < rig_document_get_n_devices (self->document); i++)
    g_ptr_array_add (keys,
                     key_of (RIG_OUTLINE_DEVICE, rig_document_get_device (self->document, i)->id));
  for (guint i = 0; i < rig_document_get_n_cables (self->document); i++)
    g_ptr_array_add (keys,
                     key_of (RIG_OUTLINE_CABLE, rig_document_get_cable (self->document, i)->id));
  return keys;
}

static void
remove_at (RigOutlineModel *self, guint position)
{
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
insert_at (RigOutlineModel *self, guint position, RigOutlineItem *item)
{
  g_ptr_array_insert (self->items, position, item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* Makes the items match the document: the items of objects that went are
 * removed, new objects get items, moved ones move; the others stay. */
static void
sync_items (RigOutlineModel *self)
{
  g_autoptr (GPtrArray) keys = wanted_keys (self);
  g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (keys, i));
  for (guint i = self->items->len; i-- > 0;)
    {
      RigOutlineItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *key
          = key_of (rig_outline_item_get_kind (item), rig_outline_item_get_id (item));

      if (!g_hash_table_contains (wanted, key))
        remove_at (self, i);
    }
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      RigOutlineKind kind = key[0] == 'd' ? RIG_OUTLINE_DEVICE : RIG_OUTLINE_CABLE;
      int at;

      if (i < self->items->len && item_is (g_ptr_array_index (self->items, i), kind, key + 2))
        continue;
      at = rig_outline_model_find (self, kind, key + 2);
      if (at >= 0)
        {
          RigOutlineItem *item = g_object_ref (g_ptr_array_index (self->items, at));

          remove_at (self, at);
          insert_at (self, i, item);
        }
      else
        {
          RigOutlineItem *item = rig_outline_item_new (kind, key + 2);

          rig_outline_item_refresh (item, self->document, self->validator);
          insert_at (self, i, item);
        }
    }
}

/* Labels, cable counts and verdicts can change anywhere an edit reaches:
 * every item is worked out again (each emits "changed" only if it did). */
static void
refresh_items (RigOutlineModel *self)
{
  if (self->document == NULL)
    return;
  for (guint i = 0; i < self->items->len; i++)
    rig_outline_item_refresh (g_ptr_array_index (self->items, i), self->document, self->validator);
}

static void
document_changed_cb (RigDocument *document, const RigChange *change, RigOutlineModel *self)
{
  if (change->flags == RIG_CHANGE_DEVICES_MOVED || change->flags == RIG_CHANGE_METADATA
      || change->flags == RIG_CHANGE_SETTINGS)
    return;
  sync_items (self);
  refresh_items (self);
}

static void
statuses_changed_cb (RigValidator *validator, const char *const *cables, const char *const *devices,
                     RigOutlineModel *self)
{
  refresh_items (self);
}

void
rig_outline_model_set_document (RigOutlineModel *self, RigDocument *document,
                                RigValidator *validator)
{
  g_return_if_fail (RIG_IS_OUTLINE_MODEL (self));
  g_return_if_fail (document == NULL || RIG_IS_DOCUMENT (document));
  g_return_if_fail (validator == NULL || RIG_IS_VALIDATOR (validator));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_set_object (&self->document, document);
  g_set_object (&self->validator, validator);

  /* A new rig: new items (the old ones may share ids with the new rig's). */
  if (self->items->len > 0)
    {
      guint n = self->items->len;

      g_ptr_array_set_size (self->items, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
    }
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, 0);
  if (validator != NULL)
    g_signal_connect_object (validator, "statuses-changed", G_CALLBACK (statuses_changed_cb), self,
                             0);
  sync_items (self);
}

RigOutlineModel *
rig_outline_model_new (void)
{
  return g_object_new (RIG_TYPE_OUTLINE_MODEL, NULL);
}

static void
rig_outline_model_dispose (GObject *object)
{
  RigOutlineModel *self = RIG_OUTLINE_MODEL (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_clear_object (&self->document);
  g_clear_object (&self->validator);

  G_OBJECT_CLASS (rig_outline_model_parent_class)->dispose (object);
}

static void
rig_outline_model_finalize (GObject *object)
{
  RigOutlineModel *self = RIG_OUTLINE_MODEL (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (rig_outline_model_parent_class)->finalize (object);
}

static void
rig_outline_model_class_init (RigOutlineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rig_outline_model_dispose;
  object_class->finalize = rig_outline_model_finalize;
}

static void
rig_outline_model_init (RigOutlineModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
