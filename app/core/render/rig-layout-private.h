/* rig-layout-private.h: what rig-layout.c shares with its spatial index
 * (rig-layout-index.c) and nothing else sees. */
#pragma once

#include "rig-layout.h"

G_BEGIN_DECLS

/* A device or a cable as the layout keeps it. */
typedef struct
{
  char *id; /* in the block of the entry itself */
  gboolean is_cable;
  RigRect bounds; /* what the index holds: the drawing's extent */

  /* Kept by the index. */
  int level;         /* where it is registered; -1 when it is not */
  gint64 *cells;     /* the sorted keys of its cells on that level (owned) */
  gpointer *buckets; /* the bucket of each cell (in the block of @cells) */
  guint n_cells, cells_size;
  guint stamp; /* the last query that looked at it */
  /* A cable's route's cells on level 0 (sorted keys, owned) and how many
   * cells its pieces count there, while @route_known: whoever changes
   * @path clears it. */
  gboolean route_known;
  gint64 *route_keys;
  guint n_route_keys, route_keys_size;
  double route_cells;

  /* devices */
  RigDevice *device; /* borrowed from the document, refreshed on each change */
  const RigCardShape *shape;
  RigRect card;

  /* cables */
  RigCable *cable;   /* borrowed */
  RigPoint curve[4]; /* the plain curve between the ends (a route's fallback) */
  RigPoint *path;    /* the route as drawn: a polyline from FROM to TO (owned) */
  guint n_path;
  RigRect path_bounds; /* rig_polyline_bounds() of @path, set with it */
  RigPoint label;      /* the centre of the number's box */
  RigRect label_box;
  RigRect window; /* what the route depends on: the cards in this rect */
  int order;      /* the cable's index in the document when last placed */
} RigLayoutEntry;

/* The shape of every card of @model (rig-card-shape.c), and its end. */
RigCardShape *
_rig_card_shape_new (RigDeviceModel *model);
void
_rig_card_shape_free (gpointer shape);

/* One end of a cable, for routing it (rig-layout-route.c). */
typedef struct
{
  const RigLayoutEntry *device; /* NULL when the end is unknown */
  RigPoint anchor;
  RigPortSide side;
  double along; /* the port's place along its edge, from the card's corner */
} RigLayoutCableEnd;

typedef struct _RigLayoutIndex RigLayoutIndex;

RigLayoutIndex *
_rig_layout_index_new (void);
void
_rig_layout_index_free (RigLayoutIndex *index);
/* Forgets every entry (without touching them): free them after. */
void
_rig_layout_index_clear (RigLayoutIndex *index);

/* Registers @entry (its bounds, and a cable's curve, are set) in at most a
 * fixed number of cells, whatever its size and coordinates. */
void
_rig_layout_index_add (RigLayoutIndex *index, RigLayoutEntry *entry);
void
_rig_layout_index_remove (RigLayoutIndex *index, RigLayoutEntry *entry);

/* The rects an entry is registered by (a cable: pieces of its route, then
 * its label box); returns how many (at most _RIG_LAYOUT_MAX_RECTS). */
#define _RIG_LAYOUT_MAX_RECTS 17
guint
_rig_layout_entry_rects (const RigLayoutEntry *entry, RigRect *rects);

/* The arrays that routing cables and placing their labels reuse from one
 * cable to the next (rig-layout-route.c), so that laying out a big rig
 * allocates little. One per layout. */
typedef struct _RigLayoutScratch RigLayoutScratch;

RigLayoutScratch *
_rig_layout_scratch_new (void);
void
_rig_layout_scratch_free (RigLayoutScratch *scratch);

/* Sets @cable's path and window: a route around the cards the index holds
 * (the cable itself must not be in it), or its curve. Its label is a point
 * at its start until placed. A route depends on the cards only. */
void
_rig_layout_route_cable (RigLayoutIndex *index, RigLayoutScratch *scratch, RigLayoutEntry *cable,
                         const RigLayoutCableEnd ends[2]);
/* Sets @cable's path to its plain curve (set), its window to the curve's
 * extent, and its number at the middle, sized for its text: a layout's
 * provisional cable. */
void
_rig_layout_curve_cable (RigLayoutEntry *cable);
/* Sets @cable's label and label box (it must not be in the index): on its
 * route where they cover no card, port or label of a cable before it in
 * @document, and as few routes as can be. So that a layout is a function
 * of its document, the layout routes every cable first. With
 * @known_orders, the order of every cable in the index (@cable's too) is
 * its index in @document already. */
void
_rig_layout_place_label (RigLayoutIndex *index, RigLayoutScratch *scratch, RigDocument *document,
                         RigLayoutEntry *cable, gboolean known_orders);
/* How far beyond a cable's window a card still matters to it (its label
 * reaches this far from the route). */
#define _RIG_LAYOUT_ROUTE_REACH 48.0
/* How far a route's window reaches beyond its two cards, at most. */
#define _RIG_LAYOUT_ROUTE_PAD 600

/* Appends to @out (RigLayoutEntry*, each once, in no order) the entries
 * whose bounds meet @rect; for a cable, only if its flattened curve or label
 * box shares a 256-unit cell with @rect. */
void
_rig_layout_index_query (RigLayoutIndex *index, const RigRect *rect, GPtrArray *out);

/* What _rig_layout_index_query() finds of the cards (no cables), as their
 * rects inflated by @margin, in *@cards (owned by the index, valid until
 * its next query); returns how many. */
guint
_rig_layout_index_query_cards (RigLayoutIndex *index, const RigRect *rect, double margin,
                               const RigRect **cards);

/* How many buckets it uses, and its buckets as text for tests. */
guint
_rig_layout_index_get_n_buckets (RigLayoutIndex *index);
void
_rig_layout_index_dump (RigLayoutIndex *index, GPtrArray *lines);

/* For tests: the rect a cable's route depended on (0 x 0 for a curve). */
gboolean
_rig_layout_get_cable_window (RigLayout *self, const char *cable_id, RigRect *window);

G_END_DECLS
