/* rig-canvas-highlight.c: the signal paths of the selection, highlighted.
 *
 * With the show-signal-paths property set, the canvas highlights the cables
 * on the signal paths (as the validator traces them) of the selected devices
 * and of the selected cables' source devices, and the devices those cables
 * join. The highlight follows the selection, the statuses and the document;
 * only what enters or leaves it is redrawn.
 */
#include "config.h"

#include "rig-canvas-private.h"

/* Adds the paths from @device_id to @cables; @keep holds the strings. */
static void
add_paths (RigCanvas *self, const char *device_id, GHashTable *cables, GPtrArray *keep)
{
  char **paths = rig_validator_signal_paths (self->validator, device_id);

  g_ptr_array_add (keep, paths);
  for (guint i = 0; paths[i] != NULL; i++)
    g_hash_table_add (cables, paths[i]);
}

/* The devices and the cables to highlight (borrowed from @keep and the
 * document). */
static void
collect (RigCanvas *self, GHashTable *devices, GHashTable *cables, GPtrArray *keep)
{
  char **sel_devices = rig_selection_get_devices (self->selection);
  char **sel_cables = rig_selection_get_cables (self->selection);
  GHashTableIter iter;
  gpointer key;

  g_ptr_array_add (keep, sel_devices);
  g_ptr_array_add (keep, sel_cables);
  for (guint i = 0; sel_cables[i] != NULL; i++)
    {
      RigCable *cable = rig_document_find_cable (self->document, sel_cables[i]);

      if (cable != NULL)
        add_paths (self, cable->device[RIG_END_FROM], cables, keep);
    }
  for (guint i = 0; sel_devices[i] != NULL; i++)
    {
      add_paths (self, sel_devices[i], cables, keep);
      g_hash_table_add (devices, sel_devices[i]);
    }
  g_hash_table_iter_init (&iter, cables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      RigCable *cable = rig_document_find_cable (self->document, key);

      if (cable != NULL)
        {
          g_hash_table_add (devices, cable->device[RIG_END_FROM]);
          g_hash_table_add (devices, cable->device[RIG_END_TO]);
        }
    }
}

static char **
set_to_strv (GHashTable *set)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;
  char **strv;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

/* Whether @a and @b (sets, in any order) hold the same strings. */
static gboolean
same_set (char **a, char **b)
{
  if (a == NULL || b == NULL || g_strv_length (a) != g_strv_length (b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    if (!_rig_canvas_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

void
_rig_canvas_update_highlight (RigCanvas *self)
{
  g_autoptr (GHashTable) cables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) devices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **new_devices, **new_cables;

  if (self->painter == NULL)
    return;
  if (self->show_paths && self->validator != NULL && self->selection != NULL)
    collect (self, devices, cables, keep);
  new_devices = set_to_strv (devices);
  new_cables = set_to_strv (cables);

  /* Nothing to redraw when the highlight did not change. */
  if (same_set (new_devices, self->highlight_devices)
      && same_set (new_cables, self->highlight_cables))
    {
      g_strfreev (new_devices);
      g_strfreev (new_cables);
      return;
    }
  rig_painter_set_highlight (self->painter, (const char *const *) new_devices,
                             (const char *const *) new_cables);
  _rig_canvas_damage_swap (self, &self->highlight_devices, &self->highlight_cables, new_devices,
                           new_cables);
}
