/* rig-validator-region.c: a region of a rig, the paths inside its nets, and
 * the diagnostics its rules emit.
 *
 * A region is what the rules judge (rig-rule.h); its private state (search
 * scratch, the diagnostics found) is in rig-validator-private.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define RIG_VALIDATOR_COMPILATION
#include "rig-trace-private.h"
#include "rig-validator-private.h"

RigRegion *
rig_region_new (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gboolean attach)
{
  RigRegionPrivate *priv = g_new0 (RigRegionPrivate, 1);
  RigRegion *region = &priv->pub;
  guint n = 0;

  priv->index = index;
  region->listening_distance = index->listening_distance;
  region->devices = devices;
  region->cables = cables;
  for (guint i = 0; i < devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (devices, i);
      dev->base = n;
      dev->pos = i;
      dev->flags = 0;
      n += dev->n_jacks;
    }
  region->n_nodes = n;
  region->node_dev = g_new (RigDevNode *, MAX (n, 1));
  for (guint i = 0; i < devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (devices, i);
      for (guint j = 0; j < dev->n_jacks; j++)
        region->node_dev[dev->base + j] = dev;
    }
  for (guint i = 0; i < cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (cables, i);
      cable->index = i;
      cable->flags = 0;
    }
  region->node_flags = g_new0 (guint8, MAX (n, 1));
  priv->out = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
  priv->attach = attach;
  if (attach)
    {
      priv->attach_dev = g_ptr_array_new ();
      priv->attach_cab = g_ptr_array_new ();
    }
  return region;
}

void
rig_region_free (RigRegion *region)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);

  if (region == NULL)
    return;
  g_ptr_array_unref (region->devices);
  g_ptr_array_unref (region->cables);
  g_free (region->node_dev);
  g_free (region->node_flags);
  g_free (region->net_of);
  g_free (region->nets);
  g_free (region->members);
  g_free (region->net_cables);
  g_free (region->fwd_start);
  g_free (region->fwd);
  g_free (region->rev_start);
  g_free (region->rev);
  g_free (region->reached);
  g_clear_pointer ((RigRegionTrace **) &priv->trace, rig_region_trace_free);
  g_clear_pointer ((RigRegionTrace **) &priv->trace_at_max, rig_region_trace_free);
  g_free (priv->contacts);
  g_free (priv->vvisit);
  g_free (priv->visit);
  g_free (priv->parent_node);
  g_free (priv->parent_cable);
  if (priv->queue != NULL)
    g_array_unref (priv->queue);
  if (priv->link_path != NULL)
    g_ptr_array_unref (priv->link_path);
  if (priv->link_transit != NULL)
    g_ptr_array_unref (priv->link_transit);
  g_ptr_array_unref (priv->out);
  g_clear_pointer (&priv->number_texts, g_hash_table_unref);
  if (priv->attach_dev != NULL)
    g_ptr_array_unref (priv->attach_dev);
  if (priv->attach_cab != NULL)
    g_ptr_array_unref (priv->attach_cab);
  g_free (priv);
}

GPtrArray *
rig_region_get_diagnostics (RigRegion *region)
{
  return RIG_REGION_PRIVATE (region)->out;
}

/* ------------------------------------------------------------------ */
/* Paths inside a net                                                  */

GPtrArray *
rig_region_net_path (RigRegion *region, guint from, guint to)
{
  GPtrArray *path = g_ptr_array_new ();
  rig_region_net_path_into (region, from, to, path);
  return path;
}

/* One step of the search: @other reached from @node through @cable (NULL:
 * through a device's route). */
static void
path_visit (RigRegionPrivate *priv, guint epoch, guint node, guint other, RigCabNode *cable)
{
  if (priv->visit[other] == epoch)
    return;
  priv->visit[other] = epoch;
  priv->parent_node[other] = node;
  priv->parent_cable[other] = cable;
  g_array_append_val (priv->queue, other);
}

static void
path_visit_cable (RigRegionPrivate *priv, guint epoch, guint node, RigCabNode *cable)
{
  RigDevNode *dev = priv->pub.node_dev[node];
  int jack = rig_node_jack (&priv->pub, node);
  guint end = (cable->dev[0] == dev && cable->jack[0] == jack) ? 1 : 0;

  if (cable->jack[end] >= 0)
    path_visit (priv, epoch, node, rig_node_of (cable->dev[end], cable->jack[end]), cable);
}

/* The cables on @node's jack, in id order. */
static void
path_visit_cables (RigRegionPrivate *priv, guint epoch, guint node)
{
  RigDevEntry *dev = RIG_DEV_ENTRY (priv->pub.node_dev[node]);
  int jack = rig_node_jack (&priv->pub, node);
  RigCabNode *around[8];
  guint n_around = 0;

  RIG_FOREACH_JACK_CABLE (dev, jack, cable)
  if (n_around < G_N_ELEMENTS (around))
    around[n_around++] = &cable->node;
  if (n_around == G_N_ELEMENTS (around))
    {
      /* A crowded jack: take them all, still in id order. */
      g_autoptr (GPtrArray) all = g_ptr_array_new ();
      RIG_FOREACH_JACK_CABLE (dev, jack, cable)
      g_ptr_array_add (all, &cable->node);
      g_ptr_array_sort (all, rig_cab_compare_by_id);
      for (guint i = 0; i < all->len; i++)
        path_visit_cable (priv, epoch, node, g_ptr_array_index (all, i));
      return;
    }
  if (n_around > 1)
    qsort (around, n_around, sizeof (RigCabNode *), rig_cab_compare_by_id);
  for (guint i = 0; i < n_around; i++)
    path_visit_cable (priv, epoch, node, around[i]);
}

/* Through passive routes (plain wires, both ways): those with a transit jack
 * at either end, as rig_region_build_nets() joins them. */
static void
path_visit_routes (RigRegionPrivate *priv, guint epoch, guint node)
{
  RigDevNode *dev = priv->pub.node_dev[node];
  int jack = rig_node_jack (&priv->pub, node);
  const RigModelInfo *info = dev->info;

  for (guint r = 0; r < info->n_routes; r++)
    {
      int other_jack = -1;

      if (info->route_from[r] == jack)
        other_jack = info->route_to[r];
      else if (info->route_to[r] == jack)
        other_jack = info->route_from[r];
      if (other_jack < 0
          || !((info->jack_flags[jack] | info->jack_flags[other_jack]) & RIG_JACK_TRANSIT))
        continue;
      path_visit (priv, epoch, node, rig_node_of (dev, other_jack), NULL);
    }
}

void
rig_region_net_path_into (RigRegion *region, guint from, guint to, GPtrArray *path)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);
  guint net = region->net_of[from];
  const RigNet *n;
  guint epoch, head = 0, start = path->len;

  if (from == to || net == RIG_NO_NET || region->net_of[to] != net)
    return;
  n = &region->nets[net];

  /* A net of one cable: that cable. */
  if (n->n_cables == 1)
    {
      g_ptr_array_add (path, region->net_cables[n->first_cable]);
      return;
    }

  /* Breadth-first from @from; a node's cables are taken in id order so that
   * the path does not depend on the order they were added in. */
  if (priv->visit == NULL)
    {
      priv->visit = g_new0 (guint, MAX (region->n_nodes, 1));
      priv->parent_node = g_new0 (guint, MAX (region->n_nodes, 1));
      priv->parent_cable = g_new0 (RigCabNode *, MAX (region->n_nodes, 1));
      priv->queue = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  epoch = ++priv->visit_epoch;
  g_array_set_size (priv->queue, 0);
  priv->visit[from] = epoch;
  priv->parent_cable[from] = NULL;
  g_array_append_val (priv->queue, from);
  while (head < priv->queue->len)
    {
      guint node = g_array_index (priv->queue, guint, head++);

      if (node == to)
        break;
      path_visit_cables (priv, epoch, node);
      path_visit_routes (priv, epoch, node);
    }

  if (priv->visit[to] != epoch)
    return;
  for (guint node = to; node != from; node = priv->parent_node[node])
    if (priv->parent_cable[node] != NULL)
      g_ptr_array_add (path, priv->parent_cable[node]);
  /* Reverse into source-to-sink order. */
  for (guint i = 0; i < (path->len - start) / 2; i++)
    {
      gpointer t = path->pdata[start + i];
      path->pdata[start + i] = path->pdata[path->len - 1 - i];
      path->pdata[path->len - 1 - i] = t;
    }
}

/* ------------------------------------------------------------------ */
/* Results                                                             */

void
rig_diag_set_hear (RigRegion *region, RigHearKind kind, double value0, double value1)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);

  priv->hear = (RigHearFigures){ kind, { value0, value1 } };
}

void
rig_diag_emit (RigRegion *region, RigDiagBuilder *builder, const char *code, RigSeverity severity,
               char *message, char *why, char *hear, char *fix)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);
  const char **cables, **devices;
  RigDiagnostic *d;

  /* Every diagnostic names a cable or a device, so that the validator can
   * find it again (a link's path is never empty, but be safe). */
  if (builder->cables->len == 0 && builder->devices->len == 0)
    for (guint i = 0; i < builder->jack_devs->len; i++)
      rig_diag_add_device (builder, g_ptr_array_index (builder->jack_devs, i));

  cables = g_newa (const char *, builder->cables->len + 1);
  devices = g_newa (const char *, builder->devices->len + 1);
  for (guint i = 0; i < builder->cables->len; i++)
    cables[i] = ((RigCabNode *) g_ptr_array_index (builder->cables, i))->cable->id;
  for (guint i = 0; i < builder->devices->len; i++)
    devices[i] = ((RigDevNode *) g_ptr_array_index (builder->devices, i))->device->id;

  d = _rig_diagnostic_new (code, severity, cables, builder->cables->len, devices,
                           builder->devices->len, (const char **) builder->jacks->pdata,
                           builder->jacks->len, message, why, hear, fix);
  d->figures = priv->hear;
  priv->hear = (RigHearFigures){ RIG_HEAR_NONE, { 0, 0 } };
  g_free (message);
  g_free (why);
  g_free (hear);
  g_free (fix);
  g_ptr_array_add (priv->out, d);

  if (priv->attach)
    {
      for (guint i = 0; i < builder->cables->len; i++)
        {
          g_ptr_array_add (priv->attach_cab, g_ptr_array_index (builder->cables, i));
          g_ptr_array_add (priv->attach_cab, d);
        }
      for (guint i = 0; i < builder->devices->len; i++)
        {
          g_ptr_array_add (priv->attach_dev, g_ptr_array_index (builder->devices, i));
          g_ptr_array_add (priv->attach_dev, d);
        }
    }

  g_ptr_array_unref (builder->cables);
  g_ptr_array_unref (builder->devices);
  g_ptr_array_unref (builder->jacks);
  g_ptr_array_unref (builder->jack_devs);
  builder->cables = builder->devices = builder->jacks = builder->jack_devs = NULL;
}

/* A number's text: the function that made it and the value's bits (-0 and
 * 0 are told apart, every NAN of one pattern is one key). */
typedef struct
{
  RigNumberTextFunc make;
  guint64 bits;
} NumberKey;

static guint
number_key_hash (gconstpointer p)
{
  const NumberKey *k = p;

  return g_int64_hash (&k->bits);
}

static gboolean
number_key_equal (gconstpointer a, gconstpointer b)
{
  const NumberKey *x = a, *y = b;

  return x->make == y->make && x->bits == y->bits;
}

const char *
rig_region_number_text (RigRegion *region, RigNumberTextFunc make, double value)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);
  NumberKey key = { make, 0 };
  char *text;

  G_STATIC_ASSERT (sizeof value == sizeof key.bits);
  memcpy (&key.bits, &value, sizeof value);
  if (priv->number_texts == NULL)
    priv->number_texts = g_hash_table_new_full (number_key_hash, number_key_equal, g_free, g_free);
  text = g_hash_table_lookup (priv->number_texts, &key);
  if (text == NULL)
    {
      text = make (value);
      g_hash_table_insert (priv->number_texts, g_memdup2 (&key, sizeof key), text);
    }
  return text;
}

RigRegionTrace *
rig_region_get_trace (RigRegion *region)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);

  if (priv->trace == NULL)
    priv->trace = _rig_region_trace_new_for_rules (region, FALSE);
  return priv->trace;
}

RigRegionTrace *
rig_region_get_trace_at_max (RigRegion *region)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);

  if (priv->trace_at_max == NULL)
    {
      priv->trace_at_max = _rig_region_trace_new_for_rules (region, TRUE);
      _rig_trace_index_drives (priv->trace_at_max);
    }
  return priv->trace_at_max;
}
