/* rig-validator-index.c: the validator's index of a rig.
 *
 * An entry per device (with the cables on each of its jacks) and per cable,
 * the per-model facts the rules read (RigModelInfo), and the collection of
 * connected components into regions (rig-validator-private.h).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#define RIG_VALIDATOR_COMPILATION
#include "rig-validator-private.h"

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
   * daisy chain puts the next speaker in parallel (physics.md §6.2). */
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

      /* The speaker outputs rig_amp_outputs_foreach() walks. */
      if (jack->signal == RIG_SIGNAL_SPEAKER && rig_jack_is_output (jack)
          && !(f & RIG_JACK_TRANSIT))
        info->flags |= RIG_MODEL_AMP;
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
dev_node_free (RigIndex *index, RigDevEntry *node)
{
  if (index->dev_pool != NULL)
    return;
  if (node->diags != NULL)
    g_ptr_array_unref (node->diags);
  g_free (node->heads);
  if (index->owns)
    rig_device_free (node->node.device);
  g_free (node);
}

static void
cab_node_free (RigIndex *index, RigCabEntry *node)
{
  if (index->cab_pool != NULL && node >= index->cab_pool
      && node < index->cab_pool + index->n_cab_pool)
    return;
  if (node->diags != NULL)
    g_ptr_array_unref (node->diags);
  if (index->owns)
    rig_cable_free (node->node.cable);
  g_free (node);
}

RigIndex *
rig_index_new (gboolean owns)
{
  RigIndex *index = g_new0 (RigIndex, 1);

  index->owns = owns;
  index->listening_distance = NAN;
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
link_head (RigCabEntry *cable, guint end)
{
  RigDevEntry *dev = RIG_CAB_DEV (cable, end);
  int jack = cable->node.jack[end];
  return &dev->heads[jack >= 0 ? (guint) jack : dev->node.n_jacks];
}

static void
cable_link (RigCabEntry *cable)
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
  cable->linked = TRUE;
}

static void
cable_unlink (RigCabEntry *cable)
{
  if (!cable->linked)
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
  cable->linked = FALSE;
}

static void
cable_resolve (RigCabEntry *cable)
{
  for (guint end = 0; end < 2; end++)
    cable->node.jack[end] = rig_device_model_jack_index (cable->node.dev[end]->device->model,
                                                         cable->node.cable->jack[end]);
}

RigDevEntry *
rig_index_add_device (RigIndex *index, RigDevice *device)
{
  RigDevEntry *node = g_new0 (RigDevEntry, 1);

  node->node.device = device;
  node->node.info = rig_index_model_info (index, device->model);
  node->node.n_jacks = device->model->n_jacks;
  node->heads = g_new0 (RigCabLink *, node->node.n_jacks + 1);
  g_hash_table_insert (index->devices, device->id, node);
  return node;
}

void
rig_index_replace_device (RigIndex *index, RigDevEntry *node, RigDevice *device)
{
  RigDevice *old = node->node.device;

  g_hash_table_remove (index->devices, old->id);
  if (device->model != old->model)
    {
      /* Another model: the jack numbering changes, relink the cables. */
      g_autoptr (GPtrArray) cables = g_ptr_array_new ();

      for (guint j = 0; j <= node->node.n_jacks; j++)
        for (RigCabLink *l = node->heads[j]; l != NULL; l = l->next)
          if (!g_ptr_array_find (cables, l->cable, NULL))
            g_ptr_array_add (cables, l->cable);
      for (guint i = 0; i < cables->len; i++)
        cable_unlink (g_ptr_array_index (cables, i));
      node->node.device = device;
      node->node.info = rig_index_model_info (index, device->model);
      node->node.n_jacks = device->model->n_jacks;
      g_free (node->heads);
      node->heads = g_new0 (RigCabLink *, node->node.n_jacks + 1);
      for (guint i = 0; i < cables->len; i++)
        {
          cable_resolve (g_ptr_array_index (cables, i));
          cable_link (g_ptr_array_index (cables, i));
        }
    }
  else
    node->node.device = device;
  g_hash_table_insert (index->devices, device->id, node);
  if (index->owns)
    rig_device_free (old);
}

void
rig_index_remove_device (RigIndex *index, RigDevEntry *node)
{
  /* Its cables should be gone; drop any left so nothing dangles. */
  for (guint j = 0; j <= node->node.n_jacks; j++)
    while (node->heads[j] != NULL)
      rig_index_remove_cable (index, node->heads[j]->cable, TRUE);
  g_hash_table_remove (index->devices, node->node.device->id);
  index->recent[0] = index->recent[1] = NULL;
  dev_node_free (index, node);
}

static RigDevEntry *
lookup_device (RigIndex *index, const char *id)
{
  RigDevEntry *dev;

  /* Cables mostly come in the order of their devices. */
  for (guint i = 0; i < 2; i++)
    if (index->recent[i] != NULL && strcmp (index->recent[i]->node.device->id, id) == 0)
      return index->recent[i];
  dev = g_hash_table_lookup (index->devices, id);
  if (dev != NULL)
    {
      index->recent[1] = index->recent[0];
      index->recent[0] = dev;
    }
  return dev;
}

RigCabEntry *
rig_index_add_cable (RigIndex *index, RigCable *cable, gboolean in_table)
{
  RigDevEntry *a = lookup_device (index, cable->device[0]);
  RigDevEntry *b = lookup_device (index, cable->device[1]);
  RigCabEntry *node;

  if (a == NULL || b == NULL)
    {
      if (index->owns)
        rig_cable_free (cable);
      return NULL;
    }
  node = g_new0 (RigCabEntry, 1);
  node->node.cable = cable;
  node->node.dev[0] = &a->node;
  node->node.dev[1] = &b->node;
  cable_resolve (node);
  cable_link (node);
  if (in_table)
    g_hash_table_insert (index->cables, cable->id, node);
  return node;
}

void
rig_index_remove_cable (RigIndex *index, RigCabEntry *node, gboolean in_table)
{
  cable_unlink (node);
  if (in_table)
    g_hash_table_remove (index->cables, node->node.cable->id);
  cab_node_free (index, node);
}

void
rig_index_fill (RigIndex *index, RigDocument *doc, GPtrArray *devices, GPtrArray *cables)
{
  guint n_devices = rig_document_get_n_devices (doc);
  guint n_cables = rig_document_get_n_cables (doc);

  index->listening_distance = rig_document_get_listening_distance (doc);
  for (guint i = 0; i < n_devices; i++)
    {
      RigDevice *device = rig_document_get_device (doc, i);
      RigDevEntry *entry
          = rig_index_add_device (index, index->owns ? rig_device_copy (device) : device);

      if (devices != NULL)
        g_ptr_array_add (devices, entry);
    }
  for (guint i = 0; i < n_cables; i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);
      RigCabEntry *entry
          = rig_index_add_cable (index, index->owns ? rig_cable_copy (cable) : cable, TRUE);

      if (cables != NULL && entry != NULL)
        g_ptr_array_add (cables, entry);
    }
}

/* A small open-addressing table from device id to node, for the pooled
 * fill: the hash is kept beside the pointer so that misses cost no string
 * comparison. */
typedef struct
{
  guint hash;
  RigDevEntry *node;
} IdSlot;

static RigDevEntry *
id_table_find (const IdSlot *slots, guint mask, const char *id)
{
  guint h = g_str_hash (id);

  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      if (slots[i].node == NULL)
        return NULL;
      if (slots[i].hash == h && strcmp (slots[i].node->node.device->id, id) == 0)
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
  index->listening_distance = rig_document_get_listening_distance (doc);

  while (size < 2 * n_devices)
    size *= 2;
  mask = size - 1;
  slots = g_new0 (IdSlot, size);

  index->dev_pool = g_new0 (RigDevEntry, MAX (n_devices, 1));
  index->n_dev_pool = n_devices;
  for (guint i = 0; i < n_devices; i++)
    n_heads += rig_document_get_device (doc, i)->model->n_jacks + 1;
  index->head_pool = g_new0 (RigCabLink *, MAX (n_heads, 1));

  for (guint i = 0; i < n_devices; i++)
    {
      RigDevice *device = rig_document_get_device (doc, i);
      RigDevEntry *node = &index->dev_pool[i];
      guint hash;

      node->node.device = device;
      if (device->model != last_model)
        {
          last_model = device->model;
          last_info = rig_index_model_info (index, device->model);
        }
      node->node.info = last_info;
      node->node.n_jacks = device->model->n_jacks;
      node->heads = index->head_pool + h;
      h += node->node.n_jacks + 1;
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

  index->cab_pool = g_new0 (RigCabEntry, MAX (n_cables, 1));
  index->n_cab_pool = n_cables;
  for (guint i = 0; i < n_cables; i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);
      RigCabEntry *node = &index->cab_pool[i];

      node->node.cable = cable;
      node->node.dev[0] = (RigDevNode *) id_table_find (slots, mask, cable->device[0]);
      node->node.dev[1] = (RigDevNode *) id_table_find (slots, mask, cable->device[1]);
      if (node->node.dev[0] == NULL || node->node.dev[1] == NULL)
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
      RigDevEntry *dev = g_ptr_array_index (devices, head);

      jacks += dev->node.n_jacks;
      for (guint j = 0; j <= dev->node.n_jacks; j++)
        for (RigCabLink *l = dev->heads[j]; l != NULL; l = l->next)
          {
            RigCabEntry *cable = l->cable;

            if (cable->mark == epoch)
              continue;
            cable->mark = epoch;
            g_ptr_array_add (cables, cable);
            for (guint end = 0; end < 2; end++)
              if (RIG_CAB_DEV (cable, end)->mark != epoch)
                {
                  RIG_CAB_DEV (cable, end)->mark = epoch;
                  g_ptr_array_add (devices, cable->node.dev[end]);
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
      RigDevEntry *dev = g_ptr_array_index (seeds, i);
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
      RigDevEntry *seed = g_ptr_array_index (all, i);

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
