/* rig-layout.c: card, port and cable geometry; the spatial index that finds
 * what is in a rectangle is in rig-layout-index.c, the shapes of cards in
 * rig-card-shape.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-layout-private.h"
#include "rig-route.h"

/* ---- the layout -------------------------------------------------------- */

typedef RigLayoutEntry Entry;

struct _RigLayout
{
  GObject parent_instance;

  RigDocument *document;
  gulong changed_id;

  GHashTable *shapes;  /* RigDeviceModel* (a reference) -> RigCardShape* */
  GHashTable *devices; /* id (borrowed from the entry) -> Entry* (owned) */
  GHashTable *cables;
  RigLayoutIndex *index;
  RigLayoutScratch *scratch;
  double max_extent; /* the largest width or height of a card shape */
  /* Made by rig_layout_new_deferred() and not finished: cables are their
   * plain curves, numbers at their middles. */
  gboolean provisional;
};

G_DEFINE_FINAL_TYPE (RigLayout, rig_layout, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);  /* (the id is in the entry's block) */
  g_free (entry->cells); /* and the buckets, in the same block */
  g_free (entry->route_keys);
  g_free (entry);
}

const RigCardShape *
rig_layout_get_shape (RigLayout *self, RigDeviceModel *model)
{
  RigCardShape *shape;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), NULL);
  shape = g_hash_table_lookup (self->shapes, model);
  if (shape == NULL)
    {
      shape = _rig_card_shape_new (model);
      self->max_extent = MAX (self->max_extent, MAX (shape->width, shape->height));
      g_hash_table_insert (self->shapes, rig_device_model_ref (model), shape);
    }
  return shape;
}

/* ---- entries ----------------------------------------------------------- */

static Entry *
entry_new (const char *id, gboolean is_cable)
{
  gsize size = strlen (id) + 1;
  /* The id right after the entry: one allocation. */
  Entry *entry = g_malloc0 (sizeof (Entry) + size);

  entry->id = memcpy (entry + 1, id, size);
  entry->is_cable = is_cable;
  entry->level = -1;
  return entry;
}

static void
compute_device (RigLayout *self, Entry *entry)
{
  RigDevice *device = entry->device;

  entry->shape = rig_layout_get_shape (self, device->model);
  entry->card = (RigRect){ device->x, device->y, entry->shape->width, entry->shape->height };
  entry->bounds = entry->card;
  rig_rect_inflate (&entry->bounds, RIG_LAYOUT_DEVICE_MARGIN, RIG_LAYOUT_DEVICE_MARGIN);
}

/* One end of a cable: its card, anchor and side. */
static void
cable_end (RigLayout *self, const RigCable *cable, RigEnd end, RigLayoutCableEnd *out)
{
  Entry *dev = g_hash_table_lookup (self->devices, cable->device[end]);
  int index;

  out->device = NULL;
  out->along = 0;
  out->side = end == RIG_END_FROM ? RIG_PORT_SIDE_RIGHT : RIG_PORT_SIDE_LEFT;
  if (dev == NULL)
    {
      out->anchor = (RigPoint){ 0, 0 };
      return;
    }
  index = rig_device_model_jack_index (dev->device->model, cable->jack[end]);
  if (index < 0)
    {
      out->anchor
          = (RigPoint){ dev->card.x + dev->card.width / 2, dev->card.y + dev->card.height / 2 };
      return;
    }
  out->device = dev;
  out->anchor = (RigPoint){ dev->card.x + dev->shape->ports[index].anchor.x,
                            dev->card.y + dev->shape->ports[index].anchor.y };
  out->side = dev->shape->ports[index].side;
  out->along = out->side == RIG_PORT_SIDE_BOTTOM ? dev->shape->ports[index].anchor.x
                                                 : dev->shape->ports[index].anchor.y;
}

typedef enum
{
  CABLE_LABEL,         /* place the label of a routed cable */
  CABLE_LABEL_ORDERED, /* the same, every cable's order set (a rebuild) */
  CABLE_ROUTE,         /* route it */
  CABLE_CURVE,         /* its plain curve, number at the middle (provisional) */
} CableWork;

/* Routes a cable (not in the index) around the cards near it, places its
 * label on its route, or makes it its plain curve. */
static void
compute_cable (RigLayout *self, Entry *entry, CableWork work)
{
  RigLayoutCableEnd ends[2];

  if (work == CABLE_ROUTE || work == CABLE_CURVE)
    {
      cable_end (self, entry->cable, RIG_END_FROM, &ends[0]);
      cable_end (self, entry->cable, RIG_END_TO, &ends[1]);
      rig_layout_curve_between (&ends[0].anchor, ends[0].side, &ends[1].anchor, ends[1].side,
                                entry->curve);
    }
  if (work == CABLE_ROUTE)
    _rig_layout_route_cable (self->index, self->scratch, entry, ends);
  else if (work == CABLE_CURVE)
    _rig_layout_curve_cable (entry);
  else
    _rig_layout_place_label (self->index, self->scratch, self->document, entry,
                             work == CABLE_LABEL_ORDERED);
  entry->bounds = entry->path_bounds;
  rig_rect_union (&entry->bounds, &entry->label_box, &entry->bounds);
  rig_rect_inflate (&entry->bounds, RIG_LAYOUT_CABLE_MARGIN, RIG_LAYOUT_CABLE_MARGIN);
}

static void
add_damage (GArray *damage, const RigRect *rect)
{
  if (damage != NULL && rect->width > 0 && rect->height > 0)
    g_array_append_val (damage, *rect);
}

/* A cable's damage: its bounds, or the boxes along its route when they
 * cover much less (a long diagonal or bent cable). */
static void
add_cable_damage (GArray *damage, const Entry *entry)
{
  RigRect pieces[_RIG_LAYOUT_MAX_RECTS];
  guint n;
  double area = 0;

  if (damage == NULL)
    return;
  n = _rig_layout_entry_rects (entry, pieces);
  /* The label box: with the margin, like the pieces. */
  rig_rect_inflate (&pieces[n - 1], RIG_LAYOUT_CABLE_MARGIN, RIG_LAYOUT_CABLE_MARGIN);
  for (guint i = 0; i < n; i++)
    area += pieces[i].width * pieces[i].height;
  if (area >= 0.5 * entry->bounds.width * entry->bounds.height)
    add_damage (damage, &entry->bounds);
  else
    for (guint i = 0; i < n; i++)
      add_damage (damage, &pieces[i]);
}

/* Brings the entry of a device up to date; returns TRUE when its card moved
 * or changed shape (so its cables must follow). Appends the card's old and
 * new rects to @moved (if not NULL) when it moved, came or went. */
static gboolean
update_device (RigLayout *self, const char *id, GArray *damage, GArray *moved)
{
  RigDevice *device = rig_document_find_device (self->document, id);
  Entry *entry = g_hash_table_lookup (self->devices, id);
  RigRect old_card;

  if (device == NULL)
    {
      if (entry != NULL)
        {
          add_damage (damage, &entry->bounds);
          if (moved != NULL)
            g_array_append_val (moved, entry->card);
          _rig_layout_index_remove (self->index, entry);
          g_hash_table_remove (self->devices, id);
        }
      return FALSE;
    }
  if (entry == NULL)
    {
      entry = entry_new (id, FALSE);
      g_hash_table_insert (self->devices, entry->id, entry);
      old_card = (RigRect){ 0, 0, -1, -1 };
    }
  else
    {
      old_card = entry->card;
      add_damage (damage, &entry->bounds);
    }
  entry->device = device;
  compute_device (self, entry);
  add_damage (damage, &entry->bounds);
  if (memcmp (&old_card, &entry->card, sizeof old_card) != 0)
    {
      _rig_layout_index_remove (self->index, entry);
      _rig_layout_index_add (self->index, entry);
      if (moved != NULL)
        {
          if (old_card.width >= 0)
            g_array_append_val (moved, old_card);
          g_array_append_val (moved, entry->card);
        }
      return TRUE;
    }
  return FALSE;
}

/* Routes a cable (@route), or places its label; removes it if it is gone. */
static void
update_cable (RigLayout *self, const char *id, GArray *damage, gboolean route)
{
  RigCable *cable = rig_document_find_cable (self->document, id);
  Entry *entry = g_hash_table_lookup (self->cables, id);

  if (cable == NULL)
    {
      if (entry != NULL)
        {
          add_cable_damage (damage, entry);
          _rig_layout_index_remove (self->index, entry);
          g_hash_table_remove (self->cables, id);
        }
      return;
    }
  if (entry == NULL)
    {
      entry = entry_new (id, TRUE);
      g_hash_table_insert (self->cables, entry->id, entry);
    }
  else
    {
      add_cable_damage (damage, entry);
      _rig_layout_index_remove (self->index, entry);
    }
  entry->cable = cable;
  if (entry->path == NULL)
    route = TRUE;
  compute_cable (self, entry, route ? CABLE_ROUTE : CABLE_LABEL);
  _rig_layout_index_add (self->index, entry);
  add_cable_damage (damage, entry);
}

/* Starts over with the cards alone in the index. */
static void
rebuild_devices (RigLayout *self)
{
  guint n;

  _rig_layout_index_clear (self->index);
  g_hash_table_remove_all (self->cables);
  g_hash_table_remove_all (self->devices);

  n = rig_document_get_n_devices (self->document);
  for (guint i = 0; i < n; i++)
    update_device (self, rig_document_get_device (self->document, i)->id, NULL, NULL);
}

/* A new entry for @cable, or NULL if it has one (a document that names a
 * cable twice). */
static Entry *
add_cable_entry (RigLayout *self, RigCable *cable)
{
  Entry *entry;

  if (g_hash_table_contains (self->cables, cable->id))
    return NULL;
  entry = entry_new (cable->id, TRUE);
  g_hash_table_insert (self->cables, entry->id, entry);
  entry->cable = cable;
  return entry;
}

/* The cards, and every cable as its plain curve with its number at the
 * middle: what a layout shows until it is finished. */
static void
rebuild_provisional (RigLayout *self)
{
  guint n = rig_document_get_n_cables (self->document);

  rebuild_devices (self);
  for (guint i = 0; i < n; i++)
    {
      Entry *entry = add_cable_entry (self, rig_document_get_cable (self->document, i));

      if (entry == NULL)
        continue;
      compute_cable (self, entry, CABLE_CURVE);
      _rig_layout_index_add (self->index, entry);
    }
}

static void
rebuild (RigLayout *self)
{
  guint n = rig_document_get_n_cables (self->document);
  g_autofree Entry **entries = g_new0 (Entry *, MAX (n, 1));
  gboolean twice = FALSE;

  rebuild_devices (self);
  /* Routes go round cards only: route every cable while the index holds
   * the cards alone (its queries then meet nothing else), then index the
   * routes, then place the numbers in document order. */
  for (guint i = 0; i < n; i++)
    {
      RigCable *cable = rig_document_get_cable (self->document, i);

      if ((entries[i] = add_cable_entry (self, cable)) == NULL)
        {
          twice = TRUE;
          continue;
        }
      entries[i]->order = rig_document_cable_index (self->document, cable->id);
      compute_cable (self, entries[i], CABLE_ROUTE);
    }
  for (guint i = 0; i < n; i++)
    if (entries[i] != NULL)
      _rig_layout_index_add (self->index, entries[i]);
  /* A cable named twice is labelled for each: the slow way. */
  for (guint i = 0; i < n; i++)
    if (twice)
      update_cable (self, rig_document_get_cable (self->document, i)->id, NULL, FALSE);
    else
      {
        _rig_layout_index_remove (self->index, entries[i]);
        compute_cable (self, entries[i], CABLE_LABEL_ORDERED);
        _rig_layout_index_add (self->index, entries[i]);
      }
}

/* Adds to @ids the cables that a card's old or new place (@rects) may
 * concern: those whose route looked at the cards there (its window), or
 * whose label could sit there. */
static void
add_cables_near (RigLayout *self, GArray *rects, GHashTable *ids)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  double reach = _RIG_LAYOUT_ROUTE_PAD + self->max_extent + _RIG_LAYOUT_ROUTE_REACH;

  for (guint i = 0; i < rects->len; i++)
    {
      RigRect rect = g_array_index (rects, RigRect, i), probe = rect;

      rig_rect_inflate (&probe, reach, reach);
      g_ptr_array_set_size (found, 0);
      _rig_layout_index_query (self->index, &probe, found);
      for (guint j = 0; j < found->len; j++)
        {
          Entry *e = g_ptr_array_index (found, j);
          RigRect window;

          if (!e->is_cable)
            continue;
          window = e->window;
          if (window.width <= 0)
            window = e->path_bounds;
          rig_rect_inflate (&window, _RIG_LAYOUT_ROUTE_REACH, _RIG_LAYOUT_ROUTE_REACH);
          if (rig_rect_intersects (&window, &rect))
            g_hash_table_add (ids, g_strdup (e->id));
        }
    }
}

/* Marks in @pending the cables after @after (document order) whose label
 * could meet @box: a label or route there changed, so theirs may move. */
static void
mark_near_label (RigLayout *self, const RigRect *box, int after, guint8 *pending)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  RigRect probe = *box;

  rig_rect_inflate (&probe, _RIG_LAYOUT_ROUTE_REACH, _RIG_LAYOUT_ROUTE_REACH);
  _rig_layout_index_query (self->index, &probe, found);
  for (guint j = 0; j < found->len; j++)
    {
      Entry *e = g_ptr_array_index (found, j);
      int index;

      if (e->is_cable && (index = rig_document_cable_index (self->document, e->id)) > after)
        pending[index] = 1;
    }
}

/* Routes a cable again; marks in @labels the cables (any) whose label may
 * now sit elsewhere: itself, and those near its old or new route. */
static void
reroute_cable (RigLayout *self, const char *id, GArray *damage, guint8 *labels)
{
  Entry *entry = g_hash_table_lookup (self->cables, id);
  RigRect rects[2][_RIG_LAYOUT_MAX_RECTS];
  guint n_rects[2] = { 0, 0 };
  g_autofree RigPoint *old_path = NULL;
  guint n_old_path = 0;

  if (entry != NULL && entry->path != NULL)
    {
      n_rects[0] = _rig_layout_entry_rects (entry, rects[0]);
      old_path = g_memdup2 (entry->path, entry->n_path * sizeof (RigPoint));
      n_old_path = entry->n_path;
    }
  update_cable (self, id, damage, TRUE);
  entry = g_hash_table_lookup (self->cables, id);
  if (entry != NULL)
    {
      int index = rig_document_cable_index (self->document, id);

      labels[index] = 1;
      if (n_old_path == entry->n_path
          && memcmp (old_path, entry->path, n_old_path * sizeof (RigPoint)) == 0)
        return;
      n_rects[1] = _rig_layout_entry_rects (entry, rects[1]);
    }
  for (guint k = 0; k < 2; k++)
    for (guint r = 0; r < n_rects[k]; r++)
      mark_near_label (self, &rects[k][r], -1, labels);
}

/* Updates the cables @ids names: first their routes, which depend on the
 * cards only; then, in document order, the labels that may have to move: a
 * label avoids the routes and the labels before it, so one that moves makes
 * the later ones near it look again. The result equals a fresh layout's. */
static void
update_cables (RigLayout *self, GHashTable *ids, GArray *damage)
{
  guint n = rig_document_get_n_cables (self->document);
  g_autofree guint8 *labels = g_new0 (guint8, n + 1);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    reroute_cable (self, key, damage, labels);
  for (guint i = 0; i < n; i++)
    {
      RigCable *cable;
      Entry *entry;
      RigRect old;

      if (!labels[i])
        continue;
      cable = rig_document_get_cable (self->document, i);
      entry = g_hash_table_lookup (self->cables, cable->id);
      old = entry->label_box;
      update_cable (self, cable->id, damage, FALSE);
      if (memcmp (&old, &entry->label_box, sizeof old) != 0)
        {
          mark_near_label (self, &old, (int) i, labels);
          mark_near_label (self, &entry->label_box, (int) i, labels);
        }
    }
}

/* Lays everything out again, and says so with @change as one that
 * replaced the whole document. */
static void
relayout_all (RigLayout *self, const RigChange *change)
{
  g_autoptr (GArray) damage = g_array_new (FALSE, FALSE, sizeof (RigRect));
  g_autoptr (RigChange) all = rig_change_new ();
  RigRect bounds;

  if (change != NULL)
    rig_change_merge (all, change);
  all->flags |= RIG_CHANGE_ALL;
  self->provisional = FALSE;
  if (rig_layout_get_bounds (self, &bounds))
    add_damage (damage, &bounds);
  rebuild (self);
  if (rig_layout_get_bounds (self, &bounds))
    add_damage (damage, &bounds);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, all, damage);
}

static void
document_changed_cb (RigDocument *document, const RigChange *change, RigLayout *self)
{
  g_autoptr (GArray) damage = g_array_new (FALSE, FALSE, sizeof (RigRect));
  g_autoptr (GHashTable) done = NULL;
  g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (RigRect));

  /* A provisional layout finishes with the first edit, edit included. */
  if ((change->flags & RIG_CHANGE_ALL) || self->provisional)
    {
      relayout_all (self, change);
      return;
    }

  /* Devices first: cables take their anchors and their obstacles from the
   * device entries. The device pointers of every named device are refreshed
   * (a removal undone puts a new copy in place). */
  /* Copies: an entry (and its id) goes when its cable does. */
  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < change->devices->len; i++)
    {
      const char *id = g_ptr_array_index (change->devices, i);

      if (update_device (self, id, damage, moved))
        {
          GPtrArray *list = rig_document_get_device_cables (self->document, id);

          for (guint j = 0; j < list->len; j++)
            g_hash_table_add (done, g_strdup (((RigCable *) g_ptr_array_index (list, j))->id));
        }
    }
  for (guint i = 0; i < change->cables->len; i++)
    g_hash_table_add (done, g_strdup (g_ptr_array_index (change->cables, i)));
  add_cables_near (self, moved, done);
  update_cables (self, done, damage);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, change, damage);
}

static void
rig_layout_dispose (GObject *object)
{
  RigLayout *self = RIG_LAYOUT (object);

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_object (&self->document);
    }
  G_OBJECT_CLASS (rig_layout_parent_class)->dispose (object);
}

static void
rig_layout_finalize (GObject *object)
{
  RigLayout *self = RIG_LAYOUT (object);

  _rig_layout_index_free (self->index);
  _rig_layout_scratch_free (self->scratch);
  g_hash_table_unref (self->cables);
  g_hash_table_unref (self->devices);
  g_hash_table_unref (self->shapes);
  G_OBJECT_CLASS (rig_layout_parent_class)->finalize (object);
}

static void
rig_layout_class_init (RigLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rig_layout_dispose;
  object_class->finalize = rig_layout_finalize;

  /**
   * RigLayout::changed:
   * @change: (type gpointer): the const RigChange * the layout followed
   * @damage: (type gpointer): a const GArray * of RigRect: what to redraw
   */
  signals[SIGNAL_CHANGED]
      = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
}

static void
rig_layout_init (RigLayout *self)
{
  self->shapes = g_hash_table_new_full (
      g_direct_hash, g_direct_equal, (GDestroyNotify) rig_device_model_unref, _rig_card_shape_free);
  self->devices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->cables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->index = _rig_layout_index_new ();
  self->scratch = _rig_layout_scratch_new ();
}

static RigLayout *
layout_new (RigDocument *document, gboolean provisional)
{
  RigLayout *self = g_object_new (RIG_TYPE_LAYOUT, NULL);

  self->document = g_object_ref (document);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
  self->provisional = provisional;
  if (provisional)
    rebuild_provisional (self);
  else
    rebuild (self);
  return self;
}

RigLayout *
rig_layout_new (RigDocument *document)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  return layout_new (document, FALSE);
}

RigLayout *
rig_layout_new_deferred (RigDocument *document)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  return layout_new (document, TRUE);
}

gboolean
rig_layout_is_provisional (RigLayout *self)
{
  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  return self->provisional;
}

void
rig_layout_finish (RigLayout *self)
{
  g_return_if_fail (RIG_IS_LAYOUT (self));
  if (self->provisional)
    relayout_all (self, NULL);
}

RigDocument *
rig_layout_get_document (RigLayout *self)
{
  g_return_val_if_fail (RIG_IS_LAYOUT (self), NULL);
  return self->document;
}

/* ---- geometry getters -------------------------------------------------- */

gboolean
rig_layout_get_card_rect (RigLayout *self, const char *device_id, RigRect *rect)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (device_id == NULL || (entry = g_hash_table_lookup (self->devices, device_id)) == NULL)
    return FALSE;
  *rect = entry->card;
  return TRUE;
}

gboolean
rig_layout_get_device_bounds (RigLayout *self, const char *device_id, RigRect *rect)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (device_id == NULL || (entry = g_hash_table_lookup (self->devices, device_id)) == NULL)
    return FALSE;
  *rect = entry->bounds;
  return TRUE;
}

static void
port_from_shape (const Entry *entry, guint index, RigPortGeometry *port)
{
  const RigPortShape *ps = &entry->shape->ports[index];
  double x = entry->card.x, y = entry->card.y;

  port->jack = &entry->device->model->jacks[index];
  port->jack_index = index;
  port->side = ps->side;
  port->anchor = (RigPoint){ x + ps->anchor.x, y + ps->anchor.y };
  port->glyph = (RigRect){ x + ps->glyph.x, y + ps->glyph.y, ps->glyph.width, ps->glyph.height };
  port->label = (RigRect){ x + ps->label.x, y + ps->label.y, ps->label.width, ps->label.height };
}

gboolean
rig_layout_get_port (RigLayout *self, const char *device_id, const char *jack_id,
                     RigPortGeometry *port)
{
  Entry *entry;
  int index;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (device_id == NULL || jack_id == NULL
      || (entry = g_hash_table_lookup (self->devices, device_id)) == NULL)
    return FALSE;
  index = rig_device_model_jack_index (entry->device->model, jack_id);
  if (index < 0)
    return FALSE;
  port_from_shape (entry, index, port);
  return TRUE;
}

gboolean
rig_layout_get_cable_curve (RigLayout *self, const char *cable_id, RigPoint curve[4])
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (cable_id == NULL || (entry = g_hash_table_lookup (self->cables, cable_id)) == NULL)
    return FALSE;
  memcpy (curve, entry->curve, sizeof entry->curve);
  return TRUE;
}

gboolean
rig_layout_get_cable_bounds (RigLayout *self, const char *cable_id, RigRect *rect)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (cable_id == NULL || (entry = g_hash_table_lookup (self->cables, cable_id)) == NULL)
    return FALSE;
  *rect = entry->bounds;
  return TRUE;
}

gboolean
rig_layout_get_cable_damage (RigLayout *self, const char *cable_id, GArray *rects)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (cable_id == NULL || (entry = g_hash_table_lookup (self->cables, cable_id)) == NULL)
    return FALSE;
  add_cable_damage (rects, entry);
  return TRUE;
}

gboolean
rig_layout_get_cable_label_point (RigLayout *self, const char *cable_id, RigPoint *point)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if (cable_id == NULL || (entry = g_hash_table_lookup (self->cables, cable_id)) == NULL)
    return FALSE;
  *point = entry->label;
  return TRUE;
}

static Entry *
cable_entry (RigLayout *self, const char *cable_id)
{
  return cable_id != NULL ? g_hash_table_lookup (self->cables, cable_id) : NULL;
}

gboolean
rig_layout_get_cable_path (RigLayout *self, const char *cable_id, const RigPoint **points,
                           guint *n_points)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if ((entry = cable_entry (self, cable_id)) == NULL)
    return FALSE;
  *points = entry->path;
  *n_points = entry->n_path;
  return TRUE;
}

gboolean
rig_layout_get_cable_point (RigLayout *self, const char *cable_id, double t, RigPoint *point)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if ((entry = cable_entry (self, cable_id)) == NULL)
    return FALSE;
  rig_polyline_point (entry->path, entry->n_path, t, point);
  return TRUE;
}

gboolean
rig_layout_get_cable_label_box (RigLayout *self, const char *cable_id, RigRect *box)
{
  Entry *entry;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  if ((entry = cable_entry (self, cable_id)) == NULL)
    return FALSE;
  *box = entry->label_box;
  return TRUE;
}

gboolean
_rig_layout_get_cable_window (RigLayout *self, const char *cable_id, RigRect *window)
{
  Entry *entry = RIG_IS_LAYOUT (self) ? cable_entry (self, cable_id) : NULL;

  if (entry != NULL)
    *window = entry->window;
  return entry != NULL;
}

/* ---- queries ----------------------------------------------------------- */

typedef struct
{
  int index;
  Entry *entry;
} Ranked;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;

  return x->index < y->index ? -1 : x->index > y->index;
}

/* Appends to @out the entries of @ranked by their indices in the document
 * (which has @n_items). When they are many of the document's, each is put
 * in its place, which costs less than sorting them; the order is the same,
 * each index being one item's (else, or for a few, they are sorted). */
static void
add_in_order (GArray *ranked, guint n_items, GPtrArray *out)
{
  if (ranked->len > 64 && ranked->len >= n_items / 8)
    {
      g_autofree Entry **places = g_new0 (Entry *, n_items);
      guint i;

      for (i = 0; i < ranked->len; i++)
        {
          const Ranked *r = &g_array_index (ranked, Ranked, i);

          if (r->index < 0 || (guint) r->index >= n_items || places[r->index] != NULL)
            break;
          places[r->index] = r->entry;
        }
      if (i == ranked->len)
        {
          for (guint k = 0; k < n_items; k++)
            if (places[k] != NULL)
              g_ptr_array_add (out, places[k]);
          return;
        }
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (out, g_array_index (ranked, Ranked, i).entry);
}

/* The entries the index finds in @rect (rig-layout-private.h); fills
 * @devices and @cables with Entry* in document order. */
static void
query_entries (RigLayout *self, const RigRect *rect, GPtrArray *devices, GPtrArray *cables)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GArray) dev = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr (GArray) cab = g_array_new (FALSE, FALSE, sizeof (Ranked));

  _rig_layout_index_query (self->index, rect, found);
  for (guint i = 0; i < found->len; i++)
    {
      Entry *e = g_ptr_array_index (found, i);
      Ranked r = { 0, e };

      if (e->is_cable && cables != NULL)
        {
          r.index = rig_document_cable_index (self->document, e->id);
          g_array_append_val (cab, r);
        }
      else if (!e->is_cable && devices != NULL)
        {
          r.index = rig_document_device_index (self->document, e->id);
          g_array_append_val (dev, r);
        }
    }

  if (devices != NULL)
    add_in_order (dev, rig_document_get_n_devices (self->document), devices);
  if (cables != NULL)
    add_in_order (cab, rig_document_get_n_cables (self->document), cables);
}

void
rig_layout_query (RigLayout *self, const RigRect *rect, GPtrArray *devices, GPtrArray *cables)
{
  g_autoptr (GPtrArray) dev = NULL;
  g_autoptr (GPtrArray) cab = NULL;

  g_return_if_fail (RIG_IS_LAYOUT (self));
  if (devices != NULL)
    {
      g_ptr_array_set_size (devices, 0);
      dev = g_ptr_array_new ();
    }
  if (cables != NULL)
    {
      g_ptr_array_set_size (cables, 0);
      cab = g_ptr_array_new ();
    }
  query_entries (self, rect, dev, cab);
  if (dev != NULL)
    for (guint i = 0; i < dev->len; i++)
      g_ptr_array_add (devices, ((Entry *) g_ptr_array_index (dev, i))->device);
  if (cab != NULL)
    for (guint i = 0; i < cab->len; i++)
      g_ptr_array_add (cables, ((Entry *) g_ptr_array_index (cab, i))->cable);
}

RigDevice *
rig_layout_device_at (RigLayout *self, double x, double y)
{
  g_autoptr (GPtrArray) dev = g_ptr_array_new ();
  RigRect probe = { x, y, 0, 0 };

  g_return_val_if_fail (RIG_IS_LAYOUT (self), NULL);
  query_entries (self, &probe, dev, NULL);
  for (guint i = dev->len; i-- > 0;)
    {
      Entry *entry = g_ptr_array_index (dev, i);
      if (rig_rect_contains_point (&entry->card, x, y))
        return entry->device;
    }
  return NULL;
}

gboolean
rig_layout_port_at (RigLayout *self, double x, double y, double zoom, double tolerance_px,
                    const char **device_id, const char **jack_id)
{
  g_autoptr (GPtrArray) dev = g_ptr_array_new ();
  double reach = RIG_LAYOUT_PORT_RADIUS + tolerance_px / MAX (zoom, 1e-6);
  RigRect probe = { x - reach, y - reach, 2 * reach, 2 * reach };
  Entry *best_entry = NULL;
  guint best_port = 0;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  query_entries (self, &probe, dev, NULL);
  for (guint i = 0; i < dev->len; i++)
    {
      Entry *entry = g_ptr_array_index (dev, i);
      RigRect near = entry->card;

      rig_rect_inflate (&near, reach, reach);
      if (!rig_rect_contains_point (&near, x, y))
        continue;
      for (guint p = 0; p < entry->shape->n_ports; p++)
        {
          const RigPortShape *ps = &entry->shape->ports[p];
          double d = hypot (entry->card.x + ps->anchor.x - x, entry->card.y + ps->anchor.y - y);

          /* <= : a later (upper) device wins a tie. */
          if (d <= reach && d <= best)
            {
              best = d;
              best_entry = entry;
              best_port = p;
            }
        }
    }
  if (best_entry == NULL)
    return FALSE;
  if (device_id != NULL)
    *device_id = best_entry->device->id;
  if (jack_id != NULL)
    *jack_id = best_entry->device->model->jacks[best_port].id;
  return TRUE;
}

RigCable *
rig_layout_cable_at (RigLayout *self, double x, double y, double zoom, double tolerance_px,
                     double *t)
{
  g_autoptr (GPtrArray) cab = g_ptr_array_new ();
  double reach = tolerance_px / MAX (zoom, 1e-6);
  RigRect probe = { x - reach, y - reach, 2 * reach, 2 * reach };
  Entry *best_entry = NULL;
  double best = G_MAXDOUBLE, best_t = 0;

  g_return_val_if_fail (RIG_IS_LAYOUT (self), NULL);
  query_entries (self, &probe, NULL, cab);
  for (guint i = 0; i < cab->len; i++)
    {
      Entry *entry = g_ptr_array_index (cab, i);
      double d, s;

      if (rig_rect_contains_point (&entry->label_box, x, y))
        {
          rig_polyline_distance (entry->path, entry->n_path, entry->label.x, entry->label.y, &s);
          d = 0;
        }
      else
        d = rig_polyline_distance (entry->path, entry->n_path, x, y, &s);
      if (d <= reach && d <= best)
        {
          best = d;
          best_t = s;
          best_entry = entry;
        }
    }
  if (best_entry == NULL)
    return NULL;
  if (t != NULL)
    *t = best_t;
  return best_entry->cable;
}

GPtrArray *
rig_layout_devices_in_rect (RigLayout *self, const RigRect *rect, gboolean inside)
{
  g_autoptr (GPtrArray) dev = g_ptr_array_new ();
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (RIG_IS_LAYOUT (self), ids);
  query_entries (self, rect, dev, NULL);
  for (guint i = 0; i < dev->len; i++)
    {
      Entry *entry = g_ptr_array_index (dev, i);
      if (inside ? rig_rect_contains_rect (rect, &entry->card)
                 : rig_rect_intersects (rect, &entry->card))
        g_ptr_array_add (ids, entry->device->id);
    }
  return ids;
}

gboolean
rig_layout_get_bounds (RigLayout *self, RigRect *rect)
{
  GHashTable *tables[2];
  gboolean any = FALSE;
  RigRect all = { 0, 0, 0, 0 };

  g_return_val_if_fail (RIG_IS_LAYOUT (self), FALSE);
  tables[0] = self->devices;
  tables[1] = self->cables;
  for (guint t = 0; t < 2; t++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Entry *entry = value;
          RigRect r = t == 0 ? entry->card : entry->bounds;

          if (t == 1)
            rig_rect_inflate (&r, -RIG_LAYOUT_CABLE_MARGIN, -RIG_LAYOUT_CABLE_MARGIN);
          if (!any)
            all = r;
          else
            rig_rect_union (&all, &r, &all);
          any = TRUE;
        }
    }
  if (any)
    *rect = all;
  return any;
}

guint
rig_layout_get_n_buckets (RigLayout *self)
{
  g_return_val_if_fail (RIG_IS_LAYOUT (self), 0);
  return _rig_layout_index_get_n_buckets (self->index);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
rig_layout_dump_index (RigLayout *self, const RigRect *rect)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) dev = g_ptr_array_new ();
  g_autoptr (GPtrArray) cab = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RIG_IS_LAYOUT (self), NULL);

  /* What a query finds, with the geometry. */
  query_entries (self, rect, dev, cab);
  for (guint i = 0; i < dev->len; i++)
    {
      Entry *e = g_ptr_array_index (dev, i);
      g_ptr_array_add (lines, g_strdup_printf ("device %s %.2f %.2f %.2f %.2f", e->id, e->card.x,
                                               e->card.y, e->card.width, e->card.height));
    }
  for (guint i = 0; i < cab->len; i++)
    {
      Entry *e = g_ptr_array_index (cab, i);
      RigRect b;

      /* The ends, the route's extent and length, and the label. */
      rig_polyline_bounds (e->path, e->n_path, &b);
      g_ptr_array_add (lines,
                       g_strdup_printf ("cable %s %.2f %.2f %.2f %.2f route %u %.2f %.2f %.2f "
                                        "%.2f %.2f label %.2f %.2f",
                                        e->id, e->curve[0].x, e->curve[0].y, e->curve[3].x,
                                        e->curve[3].y, e->n_path, b.x, b.y, b.width, b.height,
                                        rig_polyline_length (e->path, e->n_path), e->label.x,
                                        e->label.y));
    }
  /* The buckets themselves: which ids each cell holds. */
  _rig_layout_index_dump (self->index, lines);
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
