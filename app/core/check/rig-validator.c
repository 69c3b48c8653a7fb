/* rig-validator.c: the index of a rig, the region driver, and RigValidator.
 *
 * See rig-rules-private.h for the design: an index of nodes, regions closed
 * under cables, nets of electrically joined jacks, links between an output
 * and an input of a net.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-rules-private.h"
#include "rig-validator.h"

/* Jacks per region when a whole rig is checked in batches. */
static const guint foreach_batch_size = 4096;

/* ------------------------------------------------------------------ */
/* Model info                                                          */

static gboolean
text_has_word (const char *text, const char *const *words)
{
  g_autofree char *lower = NULL;
  char *p, *start;

  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);
  for (p = start = lower;; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          char saved = *p;
          *p = '\0';
          for (guint i = 0; words[i] != NULL; i++)
            if (p > start && strcmp (start, words[i]) == 0)
              return TRUE;
          *p = saved;
          if (saved == '\0')
            return FALSE;
          start = p + 1;
        }
    }
}

static gboolean
model_has_word (const RigDeviceModel *model, const char *const *words)
{
  return text_has_word (model->id, words) || text_has_word (model->name, words)
         || text_has_word (model->keywords, words);
}

static void
model_info_free (gpointer data)
{
  RigModelInfo *info = data;

  rig_device_model_unref (info->model);
  g_free (info->jack_flags);
  g_free (info->route_from);
  g_free (info->route_to);
  g_free (info);
}

static RigModelInfo *
model_info_new (RigDeviceModel *model)
{
  static const char *const series_words[] = { "series", NULL };
  static const char *const video_words[]
      = { "tv", "television", "game", "games", "gaming", "console", "video", "projector", NULL };
  static const char *const ribbon_words[] = { "ribbon", NULL };
  RigModelInfo *info = g_new0 (RigModelInfo, 1);

  info->model = rig_device_model_ref (model);
  info->jack_flags = g_new0 (guint8, MAX (model->n_jacks, 1));
  info->n_routes = model->n_routes;
  info->route_from = g_new0 (int, MAX (model->n_routes, 1));
  info->route_to = g_new0 (int, MAX (model->n_routes, 1));

  if (model->category == RIG_CATEGORY_HEADPHONES || model->category == RIG_CATEGORY_MICROPHONE)
    info->flags |= RIG_MODEL_HEADSET;
  /* A speaker adapter wired in series says so in its keywords (the model has
   * no field for it). */
  if (model->category == RIG_CATEGORY_ADAPTER && model_has_word (model, series_words))
    info->flags |= RIG_MODEL_SERIES;
  else if (model->category == RIG_CATEGORY_ADAPTER)
    info->flags |= RIG_MODEL_TRANSIT;
  if (model->category == RIG_CATEGORY_SOURCE && model_has_word (model, video_words))
    info->flags |= RIG_MODEL_VIDEO;
  if (model->category == RIG_CATEGORY_MICROPHONE && model_has_word (model, ribbon_words))
    info->flags |= RIG_MODEL_RIBBON;

  for (guint r = 0; r < model->n_routes; r++)
    {
      info->route_from[r] = rig_device_model_jack_index (model, model->routes[r].from_jack);
      info->route_to[r] = rig_device_model_jack_index (model, model->routes[r].to_jack);
      if (info->route_to[r] >= 0)
        info->jack_flags[info->route_to[r]] |= RIG_JACK_ROUTE_TARGET;
    }

  for (guint j = 0; j < model->n_jacks; j++)
    {
      const RigJack *jack = &model->jacks[j];
      guint8 *f = &info->jack_flags[j];

      if (jack->signal != RIG_SIGNAL_POWER)
        *f |= RIG_JACK_AUDIO;
      if (rig_jack_is_balanced (jack))
        *f |= RIG_JACK_BALANCED;
      if (info->flags & RIG_MODEL_TRANSIT)
        *f |= RIG_JACK_TRANSIT;
    }

  /* A passive speaker's link terminals are wired straight to its input: a
   * daisy chain puts the next speaker in parallel (doc §6). */
  if (model->category == RIG_CATEGORY_PASSIVE_SPEAKER)
    for (guint r = 0; r < model->n_routes; r++)
      {
        int from = info->route_from[r], to = info->route_to[r];
        if (from >= 0 && to >= 0 && model->jacks[from].signal == RIG_SIGNAL_SPEAKER
            && model->jacks[to].signal == RIG_SIGNAL_SPEAKER)
          info->jack_flags[to] |= RIG_JACK_TRANSIT;
      }

  for (guint j = 0; j < model->n_jacks; j++)
    {
      const RigJack *jack = &model->jacks[j];
      guint8 f = info->jack_flags[j];
      gboolean makes_sound = model->category == RIG_CATEGORY_SOURCE
                             || model->category == RIG_CATEGORY_INSTRUMENT
                             || model->category == RIG_CATEGORY_MICROPHONE;

      /* Signal starts at a source's outputs, and at any output no route
       * feeds (a mixer's outputs are fed by its inputs). */
      if ((f & RIG_JACK_AUDIO) && !(f & RIG_JACK_TRANSIT) && rig_jack_is_output (jack)
          && model->category != RIG_CATEGORY_ADAPTER
          && (makes_sound || !(f & RIG_JACK_ROUTE_TARGET)))
        info->jack_flags[j] |= RIG_JACK_ORIGIN;
    }

  return info;
}

RigModelInfo *
rig_index_model_info (RigIndex *index, RigDeviceModel *model)
{
  RigModelInfo *info = g_hash_table_lookup (index->models, model);

  if (info == NULL)
    {
      info = model_info_new (model);
      g_hash_table_insert (index->models, model, info);
    }
  return info;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */

static void
dev_node_free (RigIndex *index, RigDevNode *node)
{
  if (index->dev_pool != NULL)
    return;
  if (node->diags != NULL)
    g_ptr_array_unref (node->diags);
  g_free (node->heads);
  if (index->owns)
    rig_device_free (node->device);
  g_free (node);
}

static void
cab_node_free (RigIndex *index, RigCabNode *node)
{
  if (index->cab_pool != NULL && node >= index->cab_pool
      && node < index->cab_pool + index->n_cab_pool)
    return;
  if (node->diags != NULL)
    g_ptr_array_unref (node->diags);
  if (index->owns)
    rig_cable_free (node->cable);
  g_free (node);
}

RigIndex *
rig_index_new (gboolean owns)
{
  RigIndex *index = g_new0 (RigIndex, 1);

  index->owns = owns;
  index->devices = g_hash_table_new (g_str_hash, g_str_equal);
  index->cables = g_hash_table_new (g_str_hash, g_str_equal);
  index->models = g_hash_table_new_full (NULL, NULL, NULL, model_info_free);
  return index;
}

void
rig_index_free (RigIndex *index)
{
  GHashTableIter iter;
  gpointer value;

  if (index == NULL)
    return;
  g_hash_table_iter_init (&iter, index->cables);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    cab_node_free (index, value);
  g_free (index->dev_pool);
  g_free (index->cab_pool);
  g_free (index->head_pool);
  g_hash_table_iter_init (&iter, index->devices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    dev_node_free (index, value);
  g_hash_table_unref (index->cables);
  g_hash_table_unref (index->devices);
  g_hash_table_unref (index->models);
  g_free (index);
}

static RigCabLink **
link_head (RigCabNode *cable, guint end)
{
  RigDevNode *dev = cable->dev[end];
  int jack = cable->jack[end];
  return &dev->heads[jack >= 0 ? (guint) jack : dev->n_jacks];
}

static void
cable_link (RigCabNode *cable)
{
  for (guint end = 0; end < 2; end++)
    {
      RigCabLink **head = link_head (cable, end);
      RigCabLink *l = &cable->link[end];

      l->cable = cable;
      l->prev = NULL;
      l->next = *head;
      if (*head != NULL)
        (*head)->prev = l;
      *head = l;
    }
  cable->flags |= RIG_CAB_LINKED;
}

static void
cable_unlink (RigCabNode *cable)
{
  if (!(cable->flags & RIG_CAB_LINKED))
    return;
  for (guint end = 0; end < 2; end++)
    {
      RigCabLink *l = &cable->link[end];

      if (l->prev != NULL)
        l->prev->next = l->next;
      else
        *link_head (cable, end) = l->next;
      if (l->next != NULL)
        l->next->prev = l->prev;
      l->prev = l->next = NULL;
    }
  cable->flags &= ~RIG_CAB_LINKED;
}

static void
cable_resolve (RigCabNode *cable)
{
  for (guint end = 0; end < 2; end++)
    cable->jack[end]
        = rig_device_model_jack_index (cable->dev[end]->device->model, cable->cable->jack[end]);
}

RigDevNode *
rig_index_add_device (RigIndex *index, RigDevice *device)
{
  RigDevNode *node = g_new0 (RigDevNode, 1);

  node->device = device;
  node->info = rig_index_model_info (index, device->model);
  node->n_jacks = device->model->n_jacks;
  node->heads = g_new0 (RigCabLink *, node->n_jacks + 1);
  g_hash_table_insert (index->devices, device->id, node);
  return node;
}

void
rig_index_replace_device (RigIndex *index, RigDevNode *node, RigDevice *device)
{
  RigDevice *old = node->device;

  g_hash_table_remove (index->devices, old->id);
  if (device->model != old->model)
    {
      /* Another model: the jack numbering changes, relink the cables. */
      g_autoptr (GPtrArray) cables = g_ptr_array_new ();

      for (guint j = 0; j <= node->n_jacks; j++)
        for (RigCabLink *l = node->heads[j]; l != NULL; l = l->next)
          if (!g_ptr_array_find (cables, l->cable, NULL))
            g_ptr_array_add (cables, l->cable);
      for (guint i = 0; i < cables->len; i++)
        cable_unlink (g_ptr_array_index (cables, i));
      node->device = device;
      node->info = rig_index_model_info (index, device->model);
      node->n_jacks = device->model->n_jacks;
      g_free (node->heads);
      node->heads = g_new0 (RigCabLink *, node->n_jacks + 1);
      for (guint i = 0; i < cables->len; i++)
        {
          cable_resolve (g_ptr_array_index (cables, i));
          cable_link (g_ptr_array_index (cables, i));
        }
    }
  else
    node->device = device;
  g_hash_table_insert (index->devices, device->id, node);
  if (index->owns)
    rig_device_free (old);
}

void
rig_index_remove_device (RigIndex *index, RigDevNode *node)
{
  /* Its cables should be gone; drop any left so nothing dangles. */
  for (guint j = 0; j <= node->n_jacks; j++)
    while (node->heads[j] != NULL)
      rig_index_remove_cable (index, node->heads[j]->cable, TRUE);
  g_hash_table_remove (index->devices, node->device->id);
  index->recent[0] = index->recent[1] = NULL;
  dev_node_free (index, node);
}

static RigDevNode *
lookup_device (RigIndex *index, const char *id)
{
  RigDevNode *dev;

  /* Cables mostly come in the order of their devices. */
  for (guint i = 0; i < 2; i++)
    if (index->recent[i] != NULL && strcmp (index->recent[i]->device->id, id) == 0)
      return index->recent[i];
  dev = g_hash_table_lookup (index->devices, id);
  if (dev != NULL)
    {
      index->recent[1] = index->recent[0];
      index->recent[0] = dev;
    }
  return dev;
}

RigCabNode *
rig_index_add_cable (RigIndex *index, RigCable *cable, gboolean in_table)
{
  RigDevNode *a = lookup_device (index, cable->device[0]);
  RigDevNode *b = lookup_device (index, cable->device[1]);
  RigCabNode *node;

  if (a == NULL || b == NULL)
    {
      if (index->owns)
        rig_cable_free (cable);
      return NULL;
    }
  node = g_new0 (RigCabNode, 1);
  node->cable = cable;
  node->dev[0] = a;
  node->dev[1] = b;
  cable_resolve (node);
  cable_link (node);
  if (in_table)
    g_hash_table_insert (index->cables, cable->id, node);
  return node;
}

void
rig_index_remove_cable (RigIndex *index, RigCabNode *node, gboolean in_table)
{
  cable_unlink (node);
  if (in_table)
    g_hash_table_remove (index->cables, node->cable->id);
  cab_node_free (index, node);
}

void
rig_index_fill (RigIndex *index, RigDocument *doc)
{
  guint n_devices = rig_document_get_n_devices (doc);
  guint n_cables = rig_document_get_n_cables (doc);

  for (guint i = 0; i < n_devices; i++)
    {
      RigDevice *device = rig_document_get_device (doc, i);
      rig_index_add_device (index, index->owns ? rig_device_copy (device) : device);
    }
  for (guint i = 0; i < n_cables; i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);
      rig_index_add_cable (index, index->owns ? rig_cable_copy (cable) : cable, TRUE);
    }
}

/* A small open-addressing table from device id to node, for the pooled
 * fill: the hash is kept beside the pointer so that misses cost no string
 * comparison. */
typedef struct
{
  guint hash;
  RigDevNode *node;
} IdSlot;

static RigDevNode *
id_table_find (const IdSlot *slots, guint mask, const char *id)
{
  guint h = g_str_hash (id);

  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      if (slots[i].node == NULL)
        return NULL;
      if (slots[i].hash == h && strcmp (slots[i].node->device->id, id) == 0)
        return slots[i].node;
    }
}

void
rig_index_fill_pooled (RigIndex *index, RigDocument *doc, GPtrArray *devices, GPtrArray *cables)
{
  guint n_devices = rig_document_get_n_devices (doc);
  guint n_cables = rig_document_get_n_cables (doc);
  guint n_heads = 0, size = 16, mask, h = 0;
  g_autofree IdSlot *slots = NULL;
  RigDeviceModel *last_model = NULL;
  RigModelInfo *last_info = NULL;

  g_return_if_fail (!index->owns && index->dev_pool == NULL);

  while (size < 2 * n_devices)
    size *= 2;
  mask = size - 1;
  slots = g_new0 (IdSlot, size);

  index->dev_pool = g_new0 (RigDevNode, MAX (n_devices, 1));
  index->n_dev_pool = n_devices;
  for (guint i = 0; i < n_devices; i++)
    n_heads += rig_document_get_device (doc, i)->model->n_jacks + 1;
  index->head_pool = g_new0 (RigCabLink *, MAX (n_heads, 1));

  for (guint i = 0; i < n_devices; i++)
    {
      RigDevice *device = rig_document_get_device (doc, i);
      RigDevNode *node = &index->dev_pool[i];
      guint hash;

      node->device = device;
      if (device->model != last_model)
        {
          last_model = device->model;
          last_info = rig_index_model_info (index, device->model);
        }
      node->info = last_info;
      node->n_jacks = device->model->n_jacks;
      node->heads = index->head_pool + h;
      h += node->n_jacks + 1;
      g_ptr_array_add (devices, node);

      hash = g_str_hash (device->id);
      for (guint k = hash & mask;; k = (k + 1) & mask)
        if (slots[k].node == NULL)
          {
            slots[k].hash = hash;
            slots[k].node = node;
            break;
          }
    }

  index->cab_pool = g_new0 (RigCabNode, MAX (n_cables, 1));
  index->n_cab_pool = n_cables;
  for (guint i = 0; i < n_cables; i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);
      RigCabNode *node = &index->cab_pool[i];

      node->cable = cable;
      node->dev[0] = id_table_find (slots, mask, cable->device[0]);
      node->dev[1] = id_table_find (slots, mask, cable->device[1]);
      if (node->dev[0] == NULL || node->dev[1] == NULL)
        continue;
      cable_resolve (node);
      cable_link (node);
      g_ptr_array_add (cables, node);
    }
}

/* Grows @devices from index @start into whole connected components, adding
 * every cable met to @cables; objects already marked with @epoch are taken.
 * Returns the jacks of the devices visited. */
static guint
flood (GPtrArray *devices, GPtrArray *cables, guint start, guint epoch)
{
  guint jacks = 0;

  for (guint head = start; head < devices->len; head++)
    {
      RigDevNode *dev = g_ptr_array_index (devices, head);

      jacks += dev->n_jacks;
      for (guint j = 0; j <= dev->n_jacks; j++)
        for (RigCabLink *l = dev->heads[j]; l != NULL; l = l->next)
          {
            RigCabNode *cable = l->cable;

            if (cable->mark == epoch)
              continue;
            cable->mark = epoch;
            g_ptr_array_add (cables, cable);
            for (guint end = 0; end < 2; end++)
              if (cable->dev[end]->mark != epoch)
                {
                  cable->dev[end]->mark = epoch;
                  g_ptr_array_add (devices, cable->dev[end]);
                }
          }
    }
  return jacks;
}

void
rig_index_collect (RigIndex *index, GPtrArray *seeds, GPtrArray *devices, GPtrArray *cables)
{
  guint epoch = ++index->epoch;

  for (guint i = 0; i < seeds->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (seeds, i);
      if (dev->mark != epoch)
        {
          dev->mark = epoch;
          g_ptr_array_add (devices, dev);
        }
    }
  flood (devices, cables, 0, epoch);
}

/* Whole components, gathered into batches of about @max_jacks jacks: a
 * region that fits in the processor's caches checks faster than the whole
 * rig at once, and any union of components is a valid region. */
void
rig_index_foreach_batch (RigIndex *index, GPtrArray *all, guint max_jacks, RigBatchFunc func,
                         gpointer data)
{
  guint epoch = ++index->epoch;
  GPtrArray *devices = g_ptr_array_new ();
  GPtrArray *cables = g_ptr_array_new ();
  guint jacks = 0;

  for (guint i = 0; i < all->len; i++)
    {
      RigDevNode *seed = g_ptr_array_index (all, i);

      if (seed->mark == epoch)
        continue;
      seed->mark = epoch;
      g_ptr_array_add (devices, seed);
      jacks += flood (devices, cables, devices->len - 1, epoch);
      if (jacks >= max_jacks)
        {
          func (index, devices, cables, data);
          devices = g_ptr_array_new ();
          cables = g_ptr_array_new ();
          jacks = 0;
        }
    }
  if (devices->len > 0)
    func (index, devices, cables, data);
  else
    {
      g_ptr_array_unref (devices);
      g_ptr_array_unref (cables);
    }
}

/* ------------------------------------------------------------------ */
/* Regions                                                             */

RigRegion *
rig_region_new (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gboolean attach)
{
  RigRegion *region = g_new0 (RigRegion, 1);
  guint n = 0;

  region->index = index;
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
      cable->flags &= RIG_CAB_LINKED;
    }
  region->node_flags = g_new0 (guint8, MAX (n, 1));
  region->out = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
  region->attach = attach;
  if (attach)
    {
      region->attach_dev = g_ptr_array_new ();
      region->attach_cab = g_ptr_array_new ();
    }
  return region;
}

void
rig_region_free (RigRegion *region)
{
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
  g_free (region->vvisit);
  g_free (region->visit);
  g_free (region->parent_node);
  g_free (region->parent_cable);
  if (region->queue != NULL)
    g_array_unref (region->queue);
  if (region->link_path != NULL)
    g_ptr_array_unref (region->link_path);
  if (region->link_transit != NULL)
    g_ptr_array_unref (region->link_transit);
  g_ptr_array_unref (region->out);
  if (region->attach_dev != NULL)
    g_ptr_array_unref (region->attach_dev);
  if (region->attach_cab != NULL)
    g_ptr_array_unref (region->attach_cab);
  g_free (region);
}

guint
rig_region_new_visit (RigRegion *region)
{
  if (region->visit == NULL)
    {
      region->visit = g_new0 (guint, MAX (region->n_nodes, 1));
      region->parent_node = g_new0 (guint, MAX (region->n_nodes, 1));
      region->parent_cable = g_new0 (RigCabNode *, MAX (region->n_nodes, 1));
    }
  return ++region->visit_epoch;
}

static int
cable_id_compare (gconstpointer a, gconstpointer b)
{
  const RigCabNode *x = *(RigCabNode *const *) a;
  const RigCabNode *y = *(RigCabNode *const *) b;
  return rig_id_compare (x->cable->id, y->cable->id);
}

GPtrArray *
rig_region_net_path (RigRegion *region, guint from, guint to)
{
  GPtrArray *path = g_ptr_array_new ();
  rig_region_net_path_into (region, from, to, path);
  return path;
}

void
rig_region_net_path_into (RigRegion *region, guint from, guint to, GPtrArray *path)
{
  guint net = region->net_of[from];
  const RigNet *n;
  guint epoch, head = 0, start = path->len;
  GArray *queue;
  RigCabNode *around[8];
  guint n_around;

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
  epoch = rig_region_new_visit (region);
  if (region->queue == NULL)
    region->queue = g_array_new (FALSE, FALSE, sizeof (guint));
  queue = region->queue;
  g_array_set_size (queue, 0);
  region->visit[from] = epoch;
  region->parent_cable[from] = NULL;
  g_array_append_val (queue, from);
  while (head < queue->len)
    {
      guint node = g_array_index (queue, guint, head++);
      RigDevNode *dev = region->node_dev[node];
      int jack = rig_node_jack (region, node);

      if (node == to)
        break;

      n_around = 0;
      for (RigCabLink *l = dev->heads[jack]; l != NULL; l = l->next)
        if (n_around < G_N_ELEMENTS (around))
          around[n_around++] = l->cable;
      if (n_around == G_N_ELEMENTS (around))
        {
          /* A crowded jack: take them all, still in id order. */
          g_autoptr (GPtrArray) all = g_ptr_array_new ();
          for (RigCabLink *l = dev->heads[jack]; l != NULL; l = l->next)
            g_ptr_array_add (all, l->cable);
          g_ptr_array_sort (all, cable_id_compare);
          for (guint i = 0; i < all->len; i++)
            {
              RigCabNode *cable = g_ptr_array_index (all, i);
              guint end = (cable->dev[0] == dev && cable->jack[0] == jack) ? 1 : 0;
              guint other;

              if (cable->jack[end] < 0)
                continue;
              other = rig_node_of (cable->dev[end], cable->jack[end]);
              if (region->visit[other] == epoch)
                continue;
              region->visit[other] = epoch;
              region->parent_node[other] = node;
              region->parent_cable[other] = cable;
              g_array_append_val (queue, other);
            }
          n_around = 0;
        }
      else if (n_around > 1)
        qsort (around, n_around, sizeof (RigCabNode *), cable_id_compare);
      for (guint i = 0; i < n_around; i++)
        {
          RigCabNode *cable = around[i];
          guint end = (cable->dev[0] == dev && cable->jack[0] == jack) ? 1 : 0;
          guint other;

          if (cable->jack[end] < 0)
            continue;
          other = rig_node_of (cable->dev[end], cable->jack[end]);
          if (region->visit[other] == epoch)
            continue;
          region->visit[other] = epoch;
          region->parent_node[other] = node;
          region->parent_cable[other] = cable;
          g_array_append_val (queue, other);
        }

      /* Through passive routes (plain wires, both ways): those with a transit
       * jack at either end, as rig_region_build_nets() joins them. */
      {
        const RigModelInfo *info = dev->info;
        for (guint r = 0; r < info->n_routes; r++)
          {
            int other_jack = -1;
            guint other;

            if (info->route_from[r] == jack)
              other_jack = info->route_to[r];
            else if (info->route_to[r] == jack)
              other_jack = info->route_from[r];
            if (other_jack < 0
                || !((info->jack_flags[jack] | info->jack_flags[other_jack]) & RIG_JACK_TRANSIT))
              continue;
            other = rig_node_of (dev, other_jack);
            if (region->visit[other] == epoch)
              continue;
            region->visit[other] = epoch;
            region->parent_node[other] = node;
            region->parent_cable[other] = NULL;
            g_array_append_val (queue, other);
          }
      }
    }

  if (region->visit[to] != epoch)
    return;
  for (guint node = to; node != from; node = region->parent_node[node])
    if (region->parent_cable[node] != NULL)
      g_ptr_array_add (path, region->parent_cable[node]);
  /* Reverse into source-to-sink order. */
  for (guint i = 0; i < (path->len - start) / 2; i++)
    {
      gpointer t = path->pdata[start + i];
      path->pdata[start + i] = path->pdata[path->len - 1 - i];
      path->pdata[path->len - 1 - i] = t;
    }
}

static int
dev_id_compare (gconstpointer a, gconstpointer b)
{
  const RigDevNode *x = *(RigDevNode *const *) a;
  const RigDevNode *y = *(RigDevNode *const *) b;
  return rig_id_compare (x->device->id, y->device->id);
}

/* Source and sink roles of a jack (doc §2: a TRRS headset socket sends
 * stereo and receives the mic; the headset's plug the other way round). */
static void
link_roles (RigDevNode *dev, int j, RigSignal *as_source, RigSignal *as_sink, guint *source_ch,
            guint *sink_ch)
{
  const RigJack *jack = rig_dev_jack (dev, j);
  gboolean headset
      = jack->direction == RIG_DIRECTION_BOTH
        && (jack->wiring == RIG_WIRING_HEADSET_CTIA || jack->wiring == RIG_WIRING_HEADSET_OMTP);

  *as_source = *as_sink = jack->signal;
  *source_ch = *sink_ch = MAX (jack->channels, 1);
  if (!headset)
    return;
  if (dev->info->flags & RIG_MODEL_HEADSET)
    {
      *as_source = RIG_SIGNAL_MIC;
      *source_ch = 1;
      if (*as_sink == RIG_SIGNAL_MIC)
        *as_sink = RIG_SIGNAL_HEADPHONE;
    }
  else
    {
      *as_sink = RIG_SIGNAL_MIC;
      *sink_ch = 1;
      if (*as_source == RIG_SIGNAL_MIC)
        *as_source = RIG_SIGNAL_HEADPHONE;
    }
}

static void
judge_link (RigRegion *region, guint net, guint src, guint snk)
{
  RigLink link = { 0 };
  RigSignal unused;
  guint unused_ch;

  link.region = region;
  link.net = net;
  link.src = src;
  link.snk = snk;
  link.sdev = region->node_dev[src];
  link.kdev = region->node_dev[snk];
  link.sj = rig_node_jack (region, src);
  link.kj = rig_node_jack (region, snk);
  link.sjack = rig_dev_jack (link.sdev, link.sj);
  link.kjack = rig_dev_jack (link.kdev, link.kj);
  link_roles (link.sdev, link.sj, &link.sclass, &unused, &link.schannels, &unused_ch);
  link_roles (link.kdev, link.kj, &unused, &link.kclass, &unused_ch, &link.kchannels);
  if (region->link_path == NULL)
    {
      region->link_path = g_ptr_array_new ();
      region->link_transit = g_ptr_array_new ();
    }
  link.path = region->link_path;
  link.transit = region->link_transit;
  g_ptr_array_set_size (link.path, 0);
  g_ptr_array_set_size (link.transit, 0);
  rig_region_net_path_into (region, src, snk, link.path);
  for (guint i = 0; i < link.path->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (link.path, i);
      for (guint end = 0; end < 2; end++)
        if (cable->jack[end] >= 0
            && (cable->dev[end]->info->jack_flags[cable->jack[end]] & RIG_JACK_TRANSIT)
            && !g_ptr_array_find (link.transit, cable->dev[end], NULL))
          g_ptr_array_add (link.transit, cable->dev[end]);
    }
  if (link.transit->len > 1)
    g_ptr_array_sort (link.transit, dev_id_compare);

  rig_rules_signal_link (region, &link);
  rig_rules_power_link (region, &link);
  rig_rules_impedance_link (region, &link);
}

void
rig_region_judge (RigRegion *region)
{
  rig_region_build_nets (region);
  rig_region_build_graph (region);
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      if (cable->jack[0] < 0 || cable->jack[1] < 0)
        continue;
      rig_rules_connector_cable (region, cable);
      rig_rules_signal_cable (region, cable);
    }

  for (guint net = 0; net < region->n_nets; net++)
    {
      const RigNet *n = &region->nets[net];

      rig_rules_signal_net (region, net);
      rig_rules_power_net (region, net);

      /* Every output endpoint with every other input endpoint. */
      for (guint a = 0; a < n->n_members; a++)
        {
          guint src = region->members[n->first + a];
          guint8 sf = rig_node_jflags (region, src);

          if (!(sf & RIG_JACK_AUDIO) || (sf & RIG_JACK_TRANSIT)
              || !rig_jack_is_output (rig_node_jack_spec (region, src)))
            continue;
          for (guint b = 0; b < n->n_members; b++)
            {
              guint snk = region->members[n->first + b];
              guint8 kf = rig_node_jflags (region, snk);

              if (snk == src || !(kf & RIG_JACK_AUDIO) || (kf & RIG_JACK_TRANSIT)
                  || !rig_jack_is_input (rig_node_jack_spec (region, snk)))
                continue;
              judge_link (region, net, src, snk);
            }
        }

      rig_rules_impedance_net (region, net);
    }

  for (guint i = 0; i < region->devices->len; i++)
    rig_rules_impedance_device (region, g_ptr_array_index (region->devices, i));
  for (guint i = 0; i < region->devices->len; i++)
    rig_rules_power_device (region, g_ptr_array_index (region->devices, i));

  rig_rules_topology (region);
  rig_rules_signal_ground_loops (region);
}

/* ------------------------------------------------------------------ */
/* RigValidator                                                        */

struct _RigValidator
{
  GObject parent_instance;

  RigDocument *doc;
  gulong changed_id;
  RigIndex *index;
  GHashTable *live;               /* RigDiagnostic * set, owning a reference */
  guint counts[RIG_N_SEVERITIES]; /* of the live set, by severity */
  GPtrArray *sorted;              /* cache of the sorted live set, or NULL */
};

G_DEFINE_FINAL_TYPE (RigValidator, rig_validator, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  STATUSES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a re-check touched: the old diagnostics of each object, by id. */
typedef struct
{
  GHashTable *cables;  /* id (owned) -> GPtrArray of old RigDiagnostic * (refs) */
  GHashTable *devices; /* id (owned) -> GPtrArray */
} Snapshot;

static void
snapshot_init (Snapshot *snap)
{
  snap->cables
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  snap->devices
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static void
snapshot_clear (Snapshot *snap)
{
  g_hash_table_unref (snap->cables);
  g_hash_table_unref (snap->devices);
}

static GPtrArray *
copy_list (GPtrArray *list)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (copy, rig_diagnostic_ref (g_ptr_array_index (list, i)));
  return copy;
}

static void
snapshot_cable (Snapshot *snap, RigCabNode *node)
{
  if (!g_hash_table_contains (snap->cables, node->cable->id))
    g_hash_table_insert (snap->cables, g_strdup (node->cable->id), copy_list (node->diags));
}

static void
snapshot_device (Snapshot *snap, RigDevNode *node)
{
  if (!g_hash_table_contains (snap->devices, node->device->id))
    g_hash_table_insert (snap->devices, g_strdup (node->device->id), copy_list (node->diags));
}

/* Removes @d from the live set and from the list of every object it names. */
static void
retire (RigValidator *self, Snapshot *snap, RigDiagnostic *d)
{
  if (!g_hash_table_steal (self->live, d))
    return;
  self->counts[d->severity]--;
  for (guint i = 0; d->cables[i] != NULL; i++)
    {
      RigCabNode *node = g_hash_table_lookup (self->index->cables, d->cables[i]);
      if (node != NULL && node->diags != NULL)
        {
          snapshot_cable (snap, node);
          g_ptr_array_remove (node->diags, d);
        }
    }
  for (guint i = 0; d->devices[i] != NULL; i++)
    {
      RigDevNode *node = g_hash_table_lookup (self->index->devices, d->devices[i]);
      if (node != NULL && node->diags != NULL)
        {
          snapshot_device (snap, node);
          g_ptr_array_remove (node->diags, d);
        }
    }
  rig_diagnostic_unref (d);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
}

static void
retire_list (RigValidator *self, Snapshot *snap, GPtrArray *list)
{
  g_autoptr (GPtrArray) copy = NULL;

  if (list == NULL || list->len == 0)
    return;
  copy = copy_list (list);
  for (guint i = 0; i < copy->len; i++)
    retire (self, snap, g_ptr_array_index (copy, i));
}

static void
retire_cable (RigValidator *self, Snapshot *snap, RigCabNode *node)
{
  snapshot_cable (snap, node);
  retire_list (self, snap, node->diags);
}

static void
retire_device (RigValidator *self, Snapshot *snap, RigDevNode *node)
{
  snapshot_device (snap, node);
  retire_list (self, snap, node->diags);
}

static void
attach (GPtrArray **list, RigDiagnostic *d)
{
  if (*list == NULL)
    *list = g_ptr_array_new ();
  g_ptr_array_add (*list, d);
}

static gboolean
lists_equal (GPtrArray *a, GPtrArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!rig_diagnostic_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static int
str_id_compare (gconstpointer a, gconstpointer b)
{
  return rig_id_compare (*(const char *const *) a, *(const char *const *) b);
}

/* Checks a region (taking the arrays) and installs its diagnostics. */
static void
install (RigValidator *self, Snapshot *snap, GPtrArray *devices, GPtrArray *cables)
{
  RigRegion *region;

  for (guint i = 0; i < devices->len; i++)
    retire_device (self, snap, g_ptr_array_index (devices, i));
  for (guint i = 0; i < cables->len; i++)
    retire_cable (self, snap, g_ptr_array_index (cables, i));

  region = rig_region_new (self->index, devices, cables, TRUE);
  rig_region_judge (region);

  for (guint i = 0; i < region->out->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (region->out, i);
      if (g_hash_table_add (self->live, rig_diagnostic_ref (d)))
        self->counts[d->severity]++;
    }
  if (region->out->len > 0)
    g_clear_pointer (&self->sorted, g_ptr_array_unref);
  for (guint i = 0; i < region->attach_cab->len; i += 2)
    attach (&((RigCabNode *) region->attach_cab->pdata[i])->diags,
            region->attach_cab->pdata[i + 1]);
  for (guint i = 0; i < region->attach_dev->len; i += 2)
    attach (&((RigDevNode *) region->attach_dev->pdata[i])->diags,
            region->attach_dev->pdata[i + 1]);
  rig_region_free (region);
}

/* Compares what each touched object has now with what it had, and reports. */
static void
report (RigValidator *self, Snapshot *snap)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr (GPtrArray) changed_cables = g_ptr_array_new ();
  g_autoptr (GPtrArray) changed_devices = g_ptr_array_new ();

  /* Compare each touched object's diagnostics with what it had. */
  g_hash_table_iter_init (&iter, snap->cables);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RigCabNode *node = g_hash_table_lookup (self->index->cables, key);
      GPtrArray *now = node ? node->diags : NULL;

      if (now != NULL && now->len > 1)
        g_ptr_array_sort (now, rig_diagnostic_compare_indirect);
      if (node != NULL)
        node->status = rig_diagnostics_worst (now);
      if (!lists_equal (value, now))
        g_ptr_array_add (changed_cables, key);
    }
  g_hash_table_iter_init (&iter, snap->devices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RigDevNode *node = g_hash_table_lookup (self->index->devices, key);
      GPtrArray *now = node ? node->diags : NULL;

      if (now != NULL && now->len > 1)
        g_ptr_array_sort (now, rig_diagnostic_compare_indirect);
      if (node != NULL)
        node->status = rig_diagnostics_worst (now);
      if (!lists_equal (value, now))
        g_ptr_array_add (changed_devices, key);
    }

  if (changed_cables->len > 0 || changed_devices->len > 0)
    {
      g_ptr_array_sort (changed_cables, str_id_compare);
      g_ptr_array_sort (changed_devices, str_id_compare);
      g_ptr_array_add (changed_cables, NULL);
      g_ptr_array_add (changed_devices, NULL);
      g_signal_emit (self, signals[STATUSES_CHANGED], 0, changed_cables->pdata,
                     changed_devices->pdata);
    }
}

typedef struct
{
  RigValidator *self;
  Snapshot *snap;
} InstallBatch;

static void
install_batch (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gpointer data)
{
  InstallBatch *batch = data;
  install (batch->self, batch->snap, devices, cables);
}

static void
check_everything (RigValidator *self, Snapshot *snap)
{
  g_autoptr (GPtrArray) all = g_ptr_array_sized_new (g_hash_table_size (self->index->devices));
  InstallBatch batch = { self, snap };
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->index->devices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  rig_index_foreach_batch (self->index, all, foreach_batch_size, install_batch, &batch);
  report (self, snap);
}

static void
rebuild (RigValidator *self)
{
  Snapshot snap;
  GHashTableIter iter;
  gpointer value;

  snapshot_init (&snap);
  if (self->index != NULL)
    {
      /* Remember what every object had, then start over. */
      g_hash_table_iter_init (&iter, self->index->cables);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        snapshot_cable (&snap, value);
      g_hash_table_iter_init (&iter, self->index->devices);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        snapshot_device (&snap, value);
      g_hash_table_remove_all (self->live);
      memset (self->counts, 0, sizeof self->counts);
      g_clear_pointer (&self->sorted, g_ptr_array_unref);
      g_clear_pointer (&self->index, rig_index_free);
    }
  self->index = rig_index_new (TRUE);
  rig_index_fill (self->index, self->doc);
  check_everything (self, &snap);
  snapshot_clear (&snap);
}

static void
on_changed (RigDocument *doc, const RigChange *change, RigValidator *self)
{
  Snapshot snap;
  g_autoptr (GPtrArray) seed_ids = NULL;
  g_autoptr (GPtrArray) doomed = NULL;
  GPtrArray *seeds, *devices, *cables;

  if (change == NULL || (change->flags & RIG_CHANGE_ALL))
    {
      rebuild (self);
      return;
    }
  if ((change->flags & ~(RIG_CHANGE_DEVICES_MOVED | RIG_CHANGE_METADATA)) == 0)
    return;

  snapshot_init (&snap);
  seed_ids = g_ptr_array_new_with_free_func (g_free);
  doomed = g_ptr_array_new ();

  /* Devices first (cables need their ends), removals last. */
  for (guint i = 0; change->devices != NULL && i < change->devices->len; i++)
    {
      const char *id = g_ptr_array_index (change->devices, i);
      RigDevNode *node = g_hash_table_lookup (self->index->devices, id);
      RigDevice *device = rig_document_find_device (doc, id);

      g_ptr_array_add (seed_ids, g_strdup (id));
      if (node != NULL && device != NULL)
        rig_index_replace_device (self->index, node, rig_device_copy (device));
      else if (node == NULL && device != NULL)
        rig_index_add_device (self->index, rig_device_copy (device));
      else if (node != NULL)
        g_ptr_array_add (doomed, node);
    }

  for (guint i = 0; change->cables != NULL && i < change->cables->len; i++)
    {
      const char *id = g_ptr_array_index (change->cables, i);
      RigCabNode *node = g_hash_table_lookup (self->index->cables, id);
      RigCable *cable = rig_document_find_cable (doc, id);

      if (node != NULL)
        {
          for (guint end = 0; end < 2; end++)
            g_ptr_array_add (seed_ids, g_strdup (node->dev[end]->device->id));
          retire_cable (self, &snap, node);
          rig_index_remove_cable (self->index, node, TRUE);
        }
      if (cable != NULL)
        {
          node = rig_index_add_cable (self->index, rig_cable_copy (cable), TRUE);
          for (guint end = 0; node != NULL && end < 2; end++)
            g_ptr_array_add (seed_ids, g_strdup (cable->device[end]));
        }
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      RigDevNode *node = g_ptr_array_index (doomed, i);

      /* Cables the change did not name (it should have): their other ends
       * need a re-check too. */
      for (guint j = 0; j <= node->n_jacks; j++)
        while (node->heads[j] != NULL)
          {
            RigCabNode *cable = node->heads[j]->cable;
            for (guint end = 0; end < 2; end++)
              g_ptr_array_add (seed_ids, g_strdup (cable->dev[end]->device->id));
            retire_cable (self, &snap, cable);
            rig_index_remove_cable (self->index, cable, TRUE);
          }
      retire_device (self, &snap, node);
      rig_index_remove_device (self->index, node);
    }

  seeds = g_ptr_array_new ();
  for (guint i = 0; i < seed_ids->len; i++)
    {
      RigDevNode *node = g_hash_table_lookup (self->index->devices, seed_ids->pdata[i]);
      if (node != NULL)
        g_ptr_array_add (seeds, node);
    }
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (self->index, seeds, devices, cables);
  g_ptr_array_unref (seeds);
  install (self, &snap, devices, cables);
  report (self, &snap);
  snapshot_clear (&snap);
}

static void
rig_validator_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigValidator *self = RIG_VALIDATOR (object);

  switch (prop_id)
    {
      case PROP_DOCUMENT:
        self->doc = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_validator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigValidator *self = RIG_VALIDATOR (object);

  switch (prop_id)
    {
      case PROP_DOCUMENT:
        g_value_set_object (value, self->doc);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_validator_constructed (GObject *object)
{
  RigValidator *self = RIG_VALIDATOR (object);

  G_OBJECT_CLASS (rig_validator_parent_class)->constructed (object);
  g_return_if_fail (RIG_IS_DOCUMENT (self->doc));
  self->changed_id = g_signal_connect (self->doc, "changed", G_CALLBACK (on_changed), self);
  rebuild (self);
}

static void
rig_validator_dispose (GObject *object)
{
  RigValidator *self = RIG_VALIDATOR (object);

  if (self->doc != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->doc);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (rig_validator_parent_class)->dispose (object);
}

static void
rig_validator_finalize (GObject *object)
{
  RigValidator *self = RIG_VALIDATOR (object);

  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->index, rig_index_free);
  g_hash_table_unref (self->live);
  G_OBJECT_CLASS (rig_validator_parent_class)->finalize (object);
}

static void
rig_validator_class_init (RigValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = rig_validator_set_property;
  object_class->get_property = rig_validator_get_property;
  object_class->constructed = rig_validator_constructed;
  object_class->dispose = rig_validator_dispose;
  object_class->finalize = rig_validator_finalize;

  properties[PROP_DOCUMENT]
      = g_param_spec_object ("document", NULL, NULL, RIG_TYPE_DOCUMENT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATUSES_CHANGED]
      = g_signal_new ("statuses-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRV);
}

static void
rig_validator_init (RigValidator *self)
{
  self->live = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) rig_diagnostic_unref, NULL);
}

RigValidator *
rig_validator_new (RigDocument *doc)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  return g_object_new (RIG_TYPE_VALIDATOR, "document", doc, NULL);
}

RigDocument *
rig_validator_get_document (RigValidator *self)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  return self->doc;
}

static GPtrArray *
sorted_live (RigValidator *self)
{
  if (self->sorted == NULL)
    {
      GHashTableIter iter;
      gpointer key;

      self->sorted = g_ptr_array_new_full (g_hash_table_size (self->live),
                                           (GDestroyNotify) rig_diagnostic_unref);
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (self->sorted, rig_diagnostic_ref (key));
      g_ptr_array_sort (self->sorted, rig_diagnostic_compare_indirect);
    }
  return self->sorted;
}

GPtrArray *
rig_validator_get_diagnostics (RigValidator *self)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  return copy_list (sorted_live (self));
}

guint
rig_validator_count (RigValidator *self, RigSeverity severity)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), 0);
  g_return_val_if_fail ((guint) severity < RIG_N_SEVERITIES, 0);

  /* Kept up to date as diagnostics come and go: no sort of the whole set. */
  return self->counts[severity];
}

RigSeverity
rig_validator_get_cable_status (RigValidator *self, const char *cable_id)
{
  RigCabNode *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), RIG_SEVERITY_NONE);
  node = cable_id ? g_hash_table_lookup (self->index->cables, cable_id) : NULL;
  return node ? node->status : RIG_SEVERITY_NONE;
}

RigSeverity
rig_validator_get_device_status (RigValidator *self, const char *device_id)
{
  RigDevNode *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), RIG_SEVERITY_NONE);
  node = device_id ? g_hash_table_lookup (self->index->devices, device_id) : NULL;
  return node ? node->status : RIG_SEVERITY_NONE;
}

GPtrArray *
rig_validator_get_cable_diagnostics (RigValidator *self, const char *cable_id)
{
  RigCabNode *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  node = cable_id ? g_hash_table_lookup (self->index->cables, cable_id) : NULL;
  return copy_list (node ? node->diags : NULL);
}

GPtrArray *
rig_validator_get_device_diagnostics (RigValidator *self, const char *device_id)
{
  RigDevNode *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  node = device_id ? g_hash_table_lookup (self->index->devices, device_id) : NULL;
  return copy_list (node ? node->diags : NULL);
}

RigSeverity
rig_validator_judge_connection (RigValidator *self, const char *from_device, const char *from_jack,
                                const char *to_device, const char *to_jack)
{
  RigDevNode *a, *b;
  const RigJack *ja, *jb;
  RigCableSpec spec;
  RigCable *cable;
  RigCabNode *node;
  RigRegion *region;
  GPtrArray *seeds, *devices, *cables;
  RigSeverity worst = RIG_SEVERITY_NONE;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), RIG_SEVERITY_NONE);
  a = from_device ? g_hash_table_lookup (self->index->devices, from_device) : NULL;
  b = to_device ? g_hash_table_lookup (self->index->devices, to_device) : NULL;
  if (a == NULL || b == NULL)
    return RIG_SEVERITY_NONE;
  ja = rig_device_find_jack (a->device, from_jack);
  jb = rig_device_find_jack (b->device, to_jack);
  if (ja == NULL || jb == NULL)
    return RIG_SEVERITY_NONE;

  rig_cable_spec_init_for_jacks (&spec, ja, jb);
  cable = rig_cable_new (RIG_JUDGE_CABLE_ID, "", from_device, from_jack, to_device, to_jack, &spec);
  rig_cable_spec_clear (&spec);
  node = rig_index_add_cable (self->index, cable, FALSE);
  if (node == NULL)
    return RIG_SEVERITY_NONE;

  seeds = g_ptr_array_new ();
  g_ptr_array_add (seeds, a);
  g_ptr_array_add (seeds, b);
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (self->index, seeds, devices, cables);
  g_ptr_array_unref (seeds);

  region = rig_region_new (self->index, devices, cables, FALSE);
  rig_region_judge (region);
  for (guint i = 0; i < region->out->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (region->out, i);
      if (rig_diagnostic_concerns_cable (d, RIG_JUDGE_CABLE_ID))
        worst = MAX (worst, d->severity);
    }
  rig_region_free (region);
  rig_index_remove_cable (self->index, node, FALSE);
  return worst;
}

char **
rig_validator_signal_paths (RigValidator *self, const char *device_id)
{
  RigDevNode *dev;
  RigRegion *region;
  GPtrArray *seeds, *devices, *cables;
  g_autoptr (GPtrArray) ids = NULL;
  char **out;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  dev = device_id ? g_hash_table_lookup (self->index->devices, device_id) : NULL;
  if (dev == NULL)
    return g_new0 (char *, 1);

  seeds = g_ptr_array_new ();
  g_ptr_array_add (seeds, dev);
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (self->index, seeds, devices, cables);
  g_ptr_array_unref (seeds);
  region = rig_region_new (self->index, devices, cables, FALSE);
  rig_region_build_nets (region);
  rig_region_build_graph (region);
  ids = rig_region_signal_paths (region, dev);
  out = g_new0 (char *, ids->len + 1);
  for (guint i = 0; i < ids->len; i++)
    out[i] = g_strdup (g_ptr_array_index (ids, i));
  rig_region_free (region);
  return out;
}

static void
judge_batch (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gpointer data)
{
  GPtrArray *out = data;
  RigRegion *region = rig_region_new (index, devices, cables, FALSE);

  rig_region_judge (region);
  for (guint i = 0; i < region->out->len; i++)
    g_ptr_array_add (out, rig_diagnostic_ref (region->out->pdata[i]));
  rig_region_free (region);
}

GPtrArray *
rig_validator_check_full (RigDocument *doc)
{
  RigIndex *index;
  GPtrArray *devices, *cables, *out;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  index = rig_index_new (FALSE);
  devices = g_ptr_array_sized_new (rig_document_get_n_devices (doc));
  cables = g_ptr_array_sized_new (rig_document_get_n_cables (doc));
  rig_index_fill_pooled (index, doc, devices, cables);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
  rig_index_foreach_batch (index, devices, foreach_batch_size, judge_batch, out);
  g_ptr_array_unref (devices);
  g_ptr_array_unref (cables);
  rig_index_free (index);
  g_ptr_array_sort (out, rig_diagnostic_compare_indirect);
  return out;
}
