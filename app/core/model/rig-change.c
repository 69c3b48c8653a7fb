/* rig-change.c: what a command changed. */
#include "config.h"

#include "rig-change.h"

RigChange *
rig_change_new (void)
{
  RigChange *change = g_new0 (RigChange, 1);

  change->devices = g_ptr_array_new_with_free_func (g_free);
  change->cables = g_ptr_array_new_with_free_func (g_free);
  change->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return change;
}

void
rig_change_free (RigChange *change)
{
  if (change == NULL)
    return;
  g_ptr_array_unref (change->devices);
  g_ptr_array_unref (change->cables);
  g_hash_table_unref (change->seen);
  g_free (change);
}

static void
add_id (RigChange *change, GPtrArray *ids, char kind, const char *id)
{
  char *key;

  if (id == NULL)
    return;
  key = g_strdup_printf ("%c:%s", kind, id);
  if (g_hash_table_add (change->seen, key))
    g_ptr_array_add (ids, g_strdup (id));
}

void
rig_change_add_device (RigChange *change, RigChangeFlags flag, const char *device_id)
{
  change->flags |= flag;
  add_id (change, change->devices, 'd', device_id);
}

void
rig_change_add_cable (RigChange *change, RigChangeFlags flag, const char *cable_id)
{
  change->flags |= flag;
  add_id (change, change->cables, 'c', cable_id);
}

static gboolean
has_id (const RigChange *change, char kind, const char *id)
{
  g_autofree char *key = g_strdup_printf ("%c:%s", kind, id);
  return g_hash_table_contains (change->seen, key);
}

gboolean
rig_change_has_device (const RigChange *change, const char *device_id)
{
  return has_id (change, 'd', device_id);
}

gboolean
rig_change_has_cable (const RigChange *change, const char *cable_id)
{
  return has_id (change, 'c', cable_id);
}

void
rig_change_merge (RigChange *change, const RigChange *other)
{
  change->flags |= other->flags;
  for (guint i = 0; i < other->devices->len; i++)
    add_id (change, change->devices, 'd', g_ptr_array_index (other->devices, i));
  for (guint i = 0; i < other->cables->len; i++)
    add_id (change, change->cables, 'c', g_ptr_array_index (other->cables, i));
}
