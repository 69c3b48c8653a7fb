/* rig-validator-reach.c: where a rig's signal goes, for the exercise goals
 * (rig-goals.h): which listeners no source reaches, and whether one device's
 * signal reaches another. Both read the validator's nets and signal graph
 * (rig-validator-nets.c, doc/physics.md §7.4), built afresh for the
 * document: nothing is shared between calls, so separate documents can be
 * judged in separate threads. */
#include "config.h"

#define RIG_VALIDATOR_COMPILATION
#include "rig-goals.h"
#include "rig-validator-private.h"

#define IN_V(node) (2 * (node))
#define OUT_V(node) (2 * (node) + 1)

/* How many jacks a batch of whole components holds at most. */
#define BATCH_JACKS 4096

static gboolean
is_listener (const RigDevNode *dev)
{
  RigCategory c = rig_dev_category (dev);

  return c == RIG_CATEGORY_PASSIVE_SPEAKER || c == RIG_CATEGORY_ACTIVE_SPEAKER
         || c == RIG_CATEGORY_HEADPHONES;
}

/* Whether signal from some origin arrives at an audio input of @dev; @has_input
 * says whether it has one at all. */
static gboolean
dev_is_reached (RigRegion *region, const RigDevNode *dev, gboolean *has_input)
{
  *has_input = FALSE;
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);

      if (!rig_region_is_sink (region, node))
        continue;
      *has_input = TRUE;
      if (region->reached[IN_V (node)])
        return TRUE;
    }
  return FALSE;
}

static void
silent_batch (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gpointer data)
{
  GHashTable *silent = data;
  RigRegion *region = rig_region_new (index, devices, cables, FALSE);

  rig_region_build_nets (region);
  rig_region_build_graph (region);
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      gboolean has_input;

      if (is_listener (dev) && !dev_is_reached (region, dev, &has_input) && has_input)
        g_hash_table_add (silent, dev->device->id);
    }
  rig_region_free (region);
}

GPtrArray *
rig_goals_silent_listeners (RigDocument *document)
{
  g_autoptr (GHashTable) silent = g_hash_table_new (g_str_hash, g_str_equal);
  RigIndex *index;
  GPtrArray *devices, *cables, *out;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  index = rig_index_new (FALSE);
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_fill_pooled (index, document, devices, cables);
  rig_index_foreach_batch (index, devices, BATCH_JACKS, silent_batch, silent);
  g_ptr_array_unref (devices);
  g_ptr_array_unref (cables);
  rig_index_free (index);

  out = g_ptr_array_new ();
  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    {
      RigDevice *device = rig_document_get_device (document, i);

      if (g_hash_table_contains (silent, device->id))
        g_ptr_array_add (out, device->id);
    }
  return out;
}

/* Breadth-first from every out vertex of @from; TRUE at an in vertex of @to. */
static gboolean
search (RigRegion *region, const RigDevNode *from, const RigDevNode *to)
{
  guint nv = 2 * region->n_nodes;
  g_autofree guint8 *seen = g_new0 (guint8, MAX (nv, 1));
  g_autofree guint *queue = g_new (guint, MAX (nv, 1));
  guint head = 0, tail = 0;

  for (guint j = 0; j < from->n_jacks; j++)
    {
      guint v = OUT_V (rig_node_of (from, (int) j));
      seen[v] = 1;
      queue[tail++] = v;
    }
  while (head < tail)
    {
      guint v = queue[head++];

      if (v % 2 == 0 && region->node_dev[v / 2] == to)
        return TRUE;
      for (guint e = region->fwd_start[v]; e < region->fwd_start[v + 1]; e++)
        if (!seen[region->fwd[e]])
          {
            seen[region->fwd[e]] = 1;
            queue[tail++] = region->fwd[e];
          }
    }
  return FALSE;
}

gboolean
rig_goals_signal_reaches (RigDocument *document, const char *from_device, const char *to_device)
{
  RigIndex *index;
  RigDevEntry *from, *to;
  GPtrArray *seeds, *devices, *cables;
  RigRegion *region;
  gboolean reaches = FALSE;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), FALSE);
  if (from_device == NULL || to_device == NULL
      || rig_document_find_device (document, from_device) == NULL
      || rig_document_find_device (document, to_device) == NULL)
    return FALSE;

  index = rig_index_new (FALSE);
  rig_index_fill (index, document, NULL, NULL);
  from = g_hash_table_lookup (index->devices, from_device);
  to = g_hash_table_lookup (index->devices, to_device);
  seeds = g_ptr_array_new ();
  g_ptr_array_add (seeds, from);
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (index, seeds, devices, cables);
  g_ptr_array_unref (seeds);
  region = rig_region_new (index, devices, cables, FALSE);
  /* Only when both are in the region (joined by cables) can it reach. */
  if (from != to && g_ptr_array_find (region->devices, &to->node, NULL))
    {
      rig_region_build_nets (region);
      rig_region_build_graph (region);
      reaches = search (region, &from->node, &to->node);
    }
  rig_region_free (region);
  rig_index_free (index);
  return reaches;
}
