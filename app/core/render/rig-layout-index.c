/* rig-layout-index.c: the layout's spatial index.
 *
 * A hierarchy of uniform grids: level L has cells of CELL * 16^L units, each
 * kept in a hash table of non-empty buckets. A device is registered in every
 * cell its bounds touch; a cable in the cells its flattened curve (and label
 * box) touch, so a long diagonal cable does not fill the whole rectangle it
 * spans. Each entry goes to the finest level where that is at most
 * MAX_CELLS cells, so registering, moving or removing one costs a bounded
 * amount whatever its size or coordinates (a cable across a million units
 * used to fill a million cells). What no level holds in MAX_CELLS cells
 * (beyond some 10^10 units, or not finite) goes to a list of huge entries that
 * every query looks at. Each entry remembers its cells.
 *
 * A query visits, on each level, the cells of its rectangle (or every bucket
 * of the level, when the rectangle covers more cells than it has buckets),
 * and marks entries with a stamp so that each is looked at once. It reports
 * exactly what the single grid of 256-unit cells reported: entries whose
 * bounds meet the rectangle, and for a cable only if its curve or label
 * touches one of the rectangle's 256-unit cells, on whatever level it is. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-layout-private.h"
#include "rig-route.h"

#define CELL 256.0
#define CELL_MAX 1073741823.0 /* cell coordinates stay within 31 bits */
#define FLATTEN 16            /* segments of a cable when indexing it */
#define N_LEVELS 7            /* cells of 256 up to 256 * 16^6 (about 4.3e9) units */
#define LEVEL_FACTOR 16.0
#define MAX_CELLS 256 /* cells one entry may be registered in */
#define MAX_RECTS _RIG_LAYOUT_MAX_RECTS
#define HUGE_LEVEL N_LEVELS

/* Room for this many entries in the bucket itself: most buckets hold no
 * more, and need no array of their own. */
#define BUCKET_INLINE 4

typedef struct
{
  gint64 key;
  RigLayoutEntry **entries; /* borrowed; == inline_entries until it grows */
  guint len, size;
  RigLayoutEntry *inline_entries[BUCKET_INLINE];
  gpointer next_spare; /* the next of the index's spare buckets */
} Bucket;

/* Buckets come out of chunks of this many (one allocation for them all). */
#define BUCKET_CHUNK 512

/* The buckets of one level by their keys, for finding them: open
 * addressing, linear probing, at most half full. The GHashTable keeps
 * owning them and gives the order a query that visits every bucket
 * visits them in; looking a cell up here costs a fraction of its look-up. */
typedef struct
{
  Bucket **slots; /* NULL: empty */
  guint mask;     /* the number of slots - 1 (a power of two) */
  guint count;
} Lookup;

struct _RigLayoutIndex
{
  GHashTable *buckets[N_LEVELS]; /* &bucket->key -> Bucket* (owned) */
  Lookup lookup[N_LEVELS];       /* the same buckets, borrowed */
  GPtrArray *huge;               /* RigLayoutEntry*, borrowed */
  guint stamp;
  /* The entry removed last, if every bucket it left kept others and
   * nothing changed since: adding it back to the same cells (a cable whose
   * label moved within its route's cells) needs no look-up. (Should it be
   * freed and a new entry take its address, that one has no cells yet, so
   * it looks its cells up.) */
  RigLayoutEntry *removed;
  int removed_level;
  /* Where buckets come from: spare ones (removed, linked), then the rest
   * of the last chunk. The GHashTables do not free them. */
  Bucket *spare;
  GPtrArray *chunks; /* Bucket[BUCKET_CHUNK], owned */
  guint chunk_used;  /* buckets handed out of the last chunk */
  /* What _rig_layout_index_query_cards() found last. */
  RigRect *cards;
  guint cards_size;
};

typedef struct
{
  gint64 x0, y0, x1, y1;
} CellRange;

static void
bucket_add (Bucket *bucket, RigLayoutEntry *entry)
{
  if (bucket->len == bucket->size)
    {
      bucket->size = 2 * bucket->size;
      if (bucket->entries != bucket->inline_entries)
        bucket->entries = g_renew (RigLayoutEntry *, bucket->entries, bucket->size);
      else
        {
          bucket->entries = g_new (RigLayoutEntry *, bucket->size);
          memcpy (bucket->entries, bucket->inline_entries, sizeof bucket->inline_entries);
        }
    }
  bucket->entries[bucket->len++] = entry;
}

/* As g_ptr_array_remove_fast(): the last entry takes its place. */
static void
bucket_remove (Bucket *bucket, RigLayoutEntry *entry)
{
  for (guint i = 0; i < bucket->len; i++)
    if (bucket->entries[i] == entry)
      {
        bucket->entries[i] = bucket->entries[--bucket->len];
        return;
      }
}

/* A new empty bucket for @key. */
static Bucket *
bucket_new (RigLayoutIndex *index, gint64 key)
{
  Bucket *bucket = index->spare;

  if (bucket != NULL)
    index->spare = bucket->next_spare;
  else
    {
      if (index->chunks->len == 0 || index->chunk_used == BUCKET_CHUNK)
        {
          g_ptr_array_add (index->chunks, g_new (Bucket, BUCKET_CHUNK));
          index->chunk_used = 0;
        }
      bucket = (Bucket *) g_ptr_array_index (index->chunks, index->chunks->len - 1)
               + index->chunk_used++;
    }
  bucket->key = key;
  bucket->entries = bucket->inline_entries;
  bucket->len = 0;
  bucket->size = BUCKET_INLINE;
  return bucket;
}

/* Frees what @bucket owns. */
static void
bucket_clear (Bucket *bucket)
{
  if (bucket->entries != bucket->inline_entries)
    g_free (bucket->entries);
  bucket->entries = bucket->inline_entries;
}

/* Calls @func on every bucket of every level. */
static void
foreach_bucket (RigLayoutIndex *index, void (*func) (Bucket *bucket))
{
  for (guint l = 0; l < N_LEVELS; l++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, index->buckets[l]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        func (value);
    }
}

/* Lets go of every bucket (the GHashTables hold none after). */
static void
forget_buckets (RigLayoutIndex *index)
{
  foreach_bucket (index, bucket_clear);
  for (guint l = 0; l < N_LEVELS; l++)
    g_hash_table_remove_all (index->buckets[l]);
  g_ptr_array_set_size (index->chunks, 0);
  index->spare = NULL;
  index->chunk_used = 0;
}

/* A cell's key packs its x and y; g_int64_hash() folds them together as
 * x ^ y, which sends every cell of a diagonal to one hash chain: mix the
 * bits instead (Fibonacci hashing). */
static guint
key_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

/* ---- looking buckets up ------------------------------------------------ */

static inline guint
lookup_home (const Lookup *t, gint64 key)
{
  return (guint) ((guint64) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 32) & t->mask;
}

static inline Bucket *
lookup_find (const Lookup *t, gint64 key)
{
  if (t->count == 0)
    return NULL;
  for (guint i = lookup_home (t, key);; i = (i + 1) & t->mask)
    {
      Bucket *bucket = t->slots[i];

      if (bucket == NULL || bucket->key == key)
        return bucket;
    }
}

static void
lookup_put (Lookup *t, Bucket *bucket)
{
  guint i;

  if (2 * (t->count + 1) > t->mask + 1 || t->slots == NULL)
    {
      Bucket **old = t->slots;
      guint n_old = t->slots != NULL ? t->mask + 1 : 0;

      t->mask = MAX (64, 2 * n_old) - 1;
      t->slots = g_new0 (Bucket *, t->mask + 1);
      t->count = 0;
      for (guint k = 0; k < n_old; k++)
        if (old[k] != NULL)
          lookup_put (t, old[k]);
      g_free (old);
    }
  for (i = lookup_home (t, bucket->key); t->slots[i] != NULL; i = (i + 1) & t->mask)
    ;
  t->slots[i] = bucket;
  t->count++;
}

/* Takes @bucket (there) out, moving back the buckets after it that
 * belong before the hole (so that no probe stops short of them). */
static void
lookup_take (Lookup *t, const Bucket *bucket)
{
  guint i = lookup_home (t, bucket->key), j;

  while (t->slots[i] != bucket)
    i = (i + 1) & t->mask;
  for (j = (i + 1) & t->mask; t->slots[j] != NULL; j = (j + 1) & t->mask)
    {
      guint home = lookup_home (t, t->slots[j]->key);

      /* Stays when its home is cyclically in (i, j]. */
      if (i < j ? (home > i && home <= j) : (home > i || home <= j))
        continue;
      t->slots[i] = t->slots[j];
      i = j;
    }
  t->slots[i] = NULL;
  t->count--;
}

RigLayoutIndex *
_rig_layout_index_new (void)
{
  RigLayoutIndex *index = g_new0 (RigLayoutIndex, 1);

  for (guint l = 0; l < N_LEVELS; l++)
    index->buckets[l] = g_hash_table_new (key_hash, g_int64_equal);
  index->huge = g_ptr_array_new ();
  index->chunks = g_ptr_array_new_with_free_func (g_free);
  return index;
}

void
_rig_layout_index_free (RigLayoutIndex *index)
{
  forget_buckets (index);
  g_ptr_array_unref (index->chunks);
  g_free (index->cards);
  for (guint l = 0; l < N_LEVELS; l++)
    {
      g_hash_table_unref (index->buckets[l]);
      g_free (index->lookup[l].slots);
    }
  g_ptr_array_unref (index->huge);
  g_free (index);
}

void
_rig_layout_index_clear (RigLayoutIndex *index)
{
  index->removed = NULL;
  forget_buckets (index);
  for (guint l = 0; l < N_LEVELS; l++)
    {
      if (index->lookup[l].slots != NULL)
        memset (index->lookup[l].slots, 0, (index->lookup[l].mask + 1) * sizeof (Bucket *));
      index->lookup[l].count = 0;
    }
  g_ptr_array_set_size (index->huge, 0);
}

/* ---- cells ------------------------------------------------------------- */

/* CELL * LEVEL_FACTOR^level, and its inverse: powers of two, so that
 * multiplying by the inverse gives the quotient's very bits. */
static const double cell_sizes[N_LEVELS][2] = {
  { 256.0, 1.0 / 256.0 },
  { 4096.0, 1.0 / 4096.0 },
  { 65536.0, 1.0 / 65536.0 },
  { 1048576.0, 1.0 / 1048576.0 },
  { 16777216.0, 1.0 / 16777216.0 },
  { 268435456.0, 1.0 / 268435456.0 },
  { 4294967296.0, 1.0 / 4294967296.0 },
};
G_STATIC_ASSERT (N_LEVELS == 7 && (int) CELL == 256 && (int) LEVEL_FACTOR == 16);

static inline gint64
cell_coord (double v, double inverse)
{
  double q = v * inverse;
  gint64 i;

  if (!(q > -CELL_MAX && q < CELL_MAX))
    return isnan (v) ? 0 : (gint64) CLAMP (floor (q), -CELL_MAX, CELL_MAX);
  /* floor() without the call: truncate, then step down below zero. */
  i = (gint64) q;
  return (double) i > q ? i - 1 : i;
}

static gboolean
rect_is_finite (const RigRect *r)
{
  /* A width that is not finite makes x + width not finite either. */
  return isfinite (r->x) && isfinite (r->y) && isfinite (r->x + r->width)
         && isfinite (r->y + r->height);
}

static inline CellRange
cell_range (const RigRect *r, guint level)
{
  double inverse = cell_sizes[level][1];

  return (CellRange){ cell_coord (r->x, inverse), cell_coord (r->y, inverse),
                      cell_coord (r->x + r->width, inverse),
                      cell_coord (r->y + r->height, inverse) };
}

/* How many cells a range has (as choose_level() counts them). */
static inline double
range_cells (const CellRange *c)
{
  return (double) (c->x1 - c->x0 + 1) * (double) (c->y1 - c->y0 + 1);
}

static gboolean
ranges_meet (const CellRange *a, const CellRange *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

static gint64
cell_key (gint64 cx, gint64 cy)
{
  return (gint64) (((guint64) cx << 32) | (guint32) cy);
}

static void
key_cell (gint64 key, gint64 *cx, gint64 *cy)
{
  *cx = key >> 32;
  *cy = (gint32) (guint32) (key & 0xffffffff);
}

/* The rectangles an entry is registered by: a device's bounds; a cable's
 * route, in up to FLATTEN runs of its points, and its label box. */
guint
_rig_layout_entry_rects (const RigLayoutEntry *entry, RigRect *rects)
{
  guint n = entry->n_path, pieces;

  if (!entry->is_cable)
    {
      rects[0] = entry->bounds;
      return 1;
    }
  G_STATIC_ASSERT (MAX_RECTS == FLATTEN + 1);
  pieces = MIN (FLATTEN, n - 1);
  for (guint i = 0; i < pieces; i++)
    {
      guint first = i * (n - 1) / pieces, last = (i + 1) * (n - 1) / pieces;
      const RigPoint *p = entry->path;
      double x0 = p[first].x, y0 = p[first].y, x1 = x0, y1 = y0;

      /* rig_polyline_bounds() and rig_rect_inflate(), to the same bits. */
      for (guint k = first + 1; k <= last; k++)
        {
          x0 = MIN (x0, p[k].x);
          y0 = MIN (y0, p[k].y);
          x1 = MAX (x1, p[k].x);
          y1 = MAX (y1, p[k].y);
        }
      rects[i] = (RigRect){ x0 - RIG_LAYOUT_CABLE_MARGIN, y0 - RIG_LAYOUT_CABLE_MARGIN,
                            (x1 - x0) + 2 * RIG_LAYOUT_CABLE_MARGIN,
                            (y1 - y0) + 2 * RIG_LAYOUT_CABLE_MARGIN };
    }
  rects[pieces] = entry->label_box;
  return pieces + 1;
}

/* The finest level on which @rects take at most MAX_CELLS cells, or
 * HUGE_LEVEL; @ranges gets their cells on that level. Counts, never
 * enumerates. */
static guint
choose_level (const RigRect *rects, guint n_rects, CellRange *ranges)
{
  for (guint r = 0; r < n_rects; r++)
    if (!rect_is_finite (&rects[r]))
      return HUGE_LEVEL;
  for (guint level = 0; level < N_LEVELS; level++)
    {
      double n_cells = 0;

      for (guint r = 0; r < n_rects; r++)
        {
          CellRange c = ranges[r] = cell_range (&rects[r], level);

          n_cells += range_cells (&c);
        }
      if (n_cells <= MAX_CELLS)
        return level;
    }
  return HUGE_LEVEL;
}

/* ---- registering ------------------------------------------------------- */

/* Adds to the @n sorted @keys the cells in @ranges, keeping them sorted,
 * each once; returns how many there are then (at most MAX_CELLS:
 * choose_level() counted them). */
static guint
collect_cells (const CellRange *ranges, guint n_rects, gint64 *keys, guint n)
{
  for (guint r = 0; r < n_rects; r++)
    {
      CellRange c = ranges[r];

      /* The pieces of a route follow each other: one whose cells the last
       * one had adds none. */
      if (r > 0 && c.x0 >= ranges[r - 1].x0 && c.x1 <= ranges[r - 1].x1 && c.y0 >= ranges[r - 1].y0
          && c.y1 <= ranges[r - 1].y1)
        continue;
      for (gint64 cx = c.x0; cx <= c.x1; cx++)
        for (gint64 cy = c.y0; cy <= c.y1; cy++)
          {
            gint64 key = cell_key (cx, cy);
            guint lo = 0, hi = n;

            while (lo < hi)
              {
                guint mid = (lo + hi) / 2;

                if (keys[mid] < key)
                  lo = mid + 1;
                else
                  hi = mid;
              }
            if (lo < n && keys[lo] == key)
              continue;
            memmove (&keys[lo + 1], &keys[lo], (n - lo) * sizeof *keys);
            keys[lo] = key;
            n++;
          }
    }
  return n;
}

/* Sets @entry's cells to @keys and finds (or makes) their buckets. */
static void
take_cells (RigLayoutIndex *index, RigLayoutEntry *entry, guint level, const gint64 *keys, guint n)
{
  if (entry->cells_size < n)
    {
      /* One block: the keys, then the buckets (whatever it held goes). */
      entry->cells_size = MAX (n, 2 * entry->cells_size);
      g_free (entry->cells);
      entry->cells = g_malloc (entry->cells_size * (sizeof (gint64) + sizeof (gpointer)));
      entry->buckets = (gpointer *) (void *) (entry->cells + entry->cells_size);
    }
  memcpy (entry->cells, keys, n * sizeof *keys);
  entry->n_cells = n;
  for (guint i = 0; i < n; i++)
    {
      Bucket *bucket = lookup_find (&index->lookup[level], keys[i]);

      if (bucket == NULL)
        {
          bucket = bucket_new (index, keys[i]);
          g_hash_table_insert (index->buckets[level], &bucket->key, bucket);
          lookup_put (&index->lookup[level], bucket);
        }
      entry->buckets[i] = bucket;
    }
}

/* Keeps a cable's route's cells on level 0 (the sorted @keys) and how
 * many cells its pieces (@ranges) count there, in choose_level()'s order:
 * while its path stays, placing its label again needs no more. */
static void
remember_route (RigLayoutEntry *entry, const CellRange *ranges, guint n_pieces, const gint64 *keys,
                guint n)
{
  double n_cells = 0;

  for (guint r = 0; r < n_pieces; r++)
    n_cells += range_cells (&ranges[r]);
  if (entry->route_keys_size < n)
    {
      entry->route_keys_size = MAX (n, 2 * entry->route_keys_size);
      g_free (entry->route_keys);
      entry->route_keys = g_new (gint64, entry->route_keys_size);
    }
  memcpy (entry->route_keys, keys, n * sizeof *keys);
  entry->n_route_keys = n;
  entry->route_cells = n_cells;
  entry->route_known = TRUE;
}

/* Puts in @keys the cells @entry is registered in on the level it goes
 * to (@level; HUGE_LEVEL: none), returns how many. */
static guint
entry_cells (RigLayoutEntry *entry, gint64 *keys, guint *level)
{
  RigRect rects[MAX_RECTS];
  CellRange ranges[MAX_RECTS];
  guint n_rects, n;

  /* A route whose cells are known, and its label: choose_level() would
   * count the same and pick level 0 when they fit there (the route's
   * pieces are finite: they went to level 0). */
  if (entry->is_cable && entry->route_known && rect_is_finite (&entry->label_box))
    {
      CellRange label = cell_range (&entry->label_box, 0);

      if (entry->route_cells + range_cells (&label) <= MAX_CELLS)
        {
          *level = 0;
          memcpy (keys, entry->route_keys, entry->n_route_keys * sizeof *keys);
          return collect_cells (&label, 1, keys, entry->n_route_keys);
        }
    }
  n_rects = _rig_layout_entry_rects (entry, rects);
  *level = choose_level (rects, n_rects, ranges);
  if (*level == HUGE_LEVEL)
    return 0;
  if (!entry->is_cable || *level != 0)
    return collect_cells (ranges, n_rects, keys, 0);
  /* The route's pieces, kept, then the label box. */
  n = collect_cells (ranges, n_rects - 1, keys, 0);
  remember_route (entry, ranges, n_rects - 1, keys, n);
  return collect_cells (&ranges[n_rects - 1], 1, keys, n);
}

void
_rig_layout_index_add (RigLayoutIndex *index, RigLayoutEntry *entry)
{
  gint64 keys[MAX_CELLS];
  guint level, n = entry_cells (entry, keys, &level);
  gboolean back = index->removed == entry && index->removed_level == (int) level;

  index->removed = NULL;
  entry->level = (int) level;
  if (level == HUGE_LEVEL)
    {
      entry->n_cells = 0;
      g_ptr_array_add (index->huge, entry);
      return;
    }
  /* Back in the cells it just left, which all still exist. */
  if (!back || n != entry->n_cells || memcmp (keys, entry->cells, n * sizeof *keys) != 0)
    take_cells (index, entry, level, keys, n);
  for (guint i = 0; i < n; i++)
    bucket_add (entry->buckets[i], entry);
}

void
_rig_layout_index_remove (RigLayoutIndex *index, RigLayoutEntry *entry)
{
  gboolean kept = TRUE;

  index->removed = NULL;
  if (entry->level == HUGE_LEVEL)
    g_ptr_array_remove_fast (index->huge, entry);
  else if (entry->level >= 0)
    {
      for (guint i = 0; i < entry->n_cells; i++)
        {
          Bucket *bucket = entry->buckets[i];

          bucket_remove (bucket, entry);
          if (bucket->len == 0)
            {
              gint64 key = bucket->key;

              lookup_take (&index->lookup[entry->level], bucket);
              g_hash_table_remove (index->buckets[entry->level], &key);
              bucket_clear (bucket);
              bucket->next_spare = index->spare;
              index->spare = bucket;
              kept = FALSE;
            }
        }
      if (kept)
        {
          index->removed = entry;
          index->removed_level = entry->level;
        }
    }
  entry->level = -1;
}

/* ---- queries ----------------------------------------------------------- */

typedef struct
{
  RigLayoutIndex *index;
  const RigRect *rect;
  CellRange fine; /* the rectangle's 256-unit cells */
  GPtrArray *out; /* NULL: the cards found go to index->cards */
  double margin;  /* by which those are inflated */
  guint n_cards;
} Query;

/* Whether a cable's curve or label shares a 256-unit cell with the query:
 * what finding it in the query's cells of level 0 means. */
static gboolean
cable_touches (const RigLayoutEntry *entry, const CellRange *fine)
{
  RigRect rects[MAX_RECTS];
  guint n_rects = _rig_layout_entry_rects (entry, rects);

  for (guint r = 0; r < n_rects; r++)
    {
      CellRange c = cell_range (&rects[r], 0);

      if (ranges_meet (&c, fine))
        return TRUE;
    }
  return FALSE;
}

static void
visit (Query *q, RigLayoutEntry *entry)
{
  if (entry->stamp == q->index->stamp)
    return;
  entry->stamp = q->index->stamp;
  if (!rig_rect_intersects (&entry->bounds, q->rect))
    return;
  if (q->out == NULL)
    {
      RigLayoutIndex *index = q->index;
      const RigRect *c = &entry->card;

      if (entry->is_cable)
        return;
      if (q->n_cards == index->cards_size)
        {
          index->cards_size = MAX (64, 2 * index->cards_size);
          index->cards = g_renew (RigRect, index->cards, index->cards_size);
        }
      /* rig_rect_inflate() by the margin, to the same bits. */
      index->cards[q->n_cards++] = (RigRect){ c->x - q->margin, c->y - q->margin,
                                              c->width + 2 * q->margin, c->height + 2 * q->margin };
      return;
    }
  if (entry->is_cable && entry->level != 0 && !cable_touches (entry, &q->fine))
    return;
  g_ptr_array_add (q->out, entry);
}

static void
visit_bucket (Query *q, const Bucket *bucket)
{
  for (guint k = 0; k < bucket->len; k++)
    visit (q, bucket->entries[k]);
}

static void
reset_bucket_stamps (Bucket *bucket)
{
  for (guint k = 0; k < bucket->len; k++)
    bucket->entries[k]->stamp = 0;
}

static void
reset_stamps (RigLayoutIndex *index)
{
  foreach_bucket (index, reset_bucket_stamps);
  for (guint k = 0; k < index->huge->len; k++)
    ((RigLayoutEntry *) g_ptr_array_index (index->huge, k))->stamp = 0;
}

static void
query_level (Query *q, guint level)
{
  GHashTable *buckets = q->index->buckets[level];
  const Lookup *lookup = &q->index->lookup[level];
  CellRange c;
  double n_cells;

  if (lookup->count == 0)
    return;
  c = cell_range (q->rect, level);
  n_cells = (double) (c.x1 - c.x0 + 1) * (double) (c.y1 - c.y0 + 1);
  if (n_cells > 2.0 * lookup->count)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, buckets);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Bucket *bucket = value;
          gint64 cx, cy;

          key_cell (bucket->key, &cx, &cy);
          if (cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1)
            visit_bucket (q, bucket);
        }
      return;
    }
  for (gint64 cx = c.x0; cx <= c.x1; cx++)
    for (gint64 cy = c.y0; cy <= c.y1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        Bucket *bucket = lookup_find (lookup, key);

        if (bucket != NULL)
          visit_bucket (q, bucket);
      }
}

static void
run_query (Query *q)
{
  RigLayoutIndex *index = q->index;

  if (++index->stamp == 0)
    {
      /* The stamp wrapped around: forget every mark. */
      reset_stamps (index);
      index->stamp++;
    }
  q->fine = cell_range (q->rect, 0);
  for (guint level = 0; level < N_LEVELS; level++)
    query_level (q, level);
  for (guint k = 0; k < index->huge->len; k++)
    visit (q, g_ptr_array_index (index->huge, k));
}

void
_rig_layout_index_query (RigLayoutIndex *index, const RigRect *rect, GPtrArray *out)
{
  Query q = { index, rect, { 0 }, out, 0, 0 };

  run_query (&q);
}

guint
_rig_layout_index_query_cards (RigLayoutIndex *index, const RigRect *rect, double margin,
                               const RigRect **cards)
{
  Query q = { index, rect, { 0 }, NULL, margin, 0 };

  run_query (&q);
  *cards = index->cards;
  return q.n_cards;
}

/* ---- for tests --------------------------------------------------------- */

guint
_rig_layout_index_get_n_buckets (RigLayoutIndex *index)
{
  guint n = index->huge->len > 0 ? 1 : 0;

  for (guint l = 0; l < N_LEVELS; l++)
    n += g_hash_table_size (index->buckets[l]);
  return n;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
describe_entries (const char *head, RigLayoutEntry *const *entries, guint n)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GString *line = g_string_new (head);

  for (guint k = 0; k < n; k++)
    {
      RigLayoutEntry *e = entries[k];
      g_ptr_array_add (ids, g_strdup_printf ("%s%s", e->is_cable ? "c:" : "d:", e->id));
    }
  g_ptr_array_sort (ids, compare_strings);
  for (guint k = 0; k < ids->len; k++)
    g_string_append_printf (line, " %s", (char *) g_ptr_array_index (ids, k));
  return g_string_free (line, FALSE);
}

void
_rig_layout_index_dump (RigLayoutIndex *index, GPtrArray *lines)
{
  for (guint l = 0; l < N_LEVELS; l++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, index->buckets[l]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Bucket *bucket = value;
          g_autofree char *head = NULL;
          gint64 cx, cy;

          key_cell (bucket->key, &cx, &cy);
          head = g_strdup_printf ("cell %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ":", l, cx, cy);
          g_ptr_array_add (lines, describe_entries (head, bucket->entries, bucket->len));
        }
    }
  if (index->huge->len > 0)
    g_ptr_array_add (lines, describe_entries ("huge:", (RigLayoutEntry **) index->huge->pdata,
                                              index->huge->len));
}
