/* rig-layout-route.c: a cable's route and the place of its number, from the
 * cards the layout's index holds near it (the router is rig-route.c). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-layout-private.h"
#include "rig-route.h"

/* How far routes keep from cards: beyond the port glyphs and the casing. */
#define OBSTACLE_MARGIN 14
/* The corner radius of a route. */
#define CORNER_RADIUS 10.0
/* How far around its two cards a route may look, first and last try. */
#define NEAR_PAD 160
#define FAR_PAD 560
G_STATIC_ASSERT (FAR_PAD + OBSTACLE_MARGIN <= _RIG_LAYOUT_ROUTE_PAD);
/* More cards than this in the window: the curve instead (a crowd). */
#define MAX_OBSTACLES 160
/* What a cable running under a label counts, against the area of a card
 * or label under it (any of which weighs more). */
#define CABLE_UNDER_LABEL 0.01

/* Lanes: parallel cables run this far apart in a shared channel. */
#define LANE_STEP 9.0
#define N_LANES 8

/* What a label needs of an entry near it, side by side with the others';
 * the rest is found when first needed. */
typedef struct
{
  RigRect bounds;
  const RigLayoutEntry *entry;
  int order;      /* a cable's document index; -1 for a card, G_MININT until needed */
  guint from, to; /* the segments of a cable's route that meet the reach (none when
                   * from > to), G_MAXUINT until needed */
} NearInfo;

struct _RigLayoutScratch
{
  RigRouteScratch *route;
  GPtrArray *found; /* RigLayoutEntry*: what a query found */
  GArray *corners;  /* RigPoint */
  GArray *path;     /* RigPoint */
  GArray *info;     /* NearInfo: of each entry near a label */
  GArray *runs;     /* double: the length of a route up to each point, then of
                     * each segment */
};

RigLayoutScratch *
_rig_layout_scratch_new (void)
{
  RigLayoutScratch *s = g_new0 (RigLayoutScratch, 1);

  s->route = rig_route_scratch_new ();
  s->found = g_ptr_array_new ();
  s->corners = g_array_new (FALSE, FALSE, sizeof (RigPoint));
  s->path = g_array_new (FALSE, FALSE, sizeof (RigPoint));
  s->info = g_array_new (FALSE, FALSE, sizeof (NearInfo));
  s->runs = g_array_new (FALSE, FALSE, sizeof (double));
  return s;
}

void
_rig_layout_scratch_free (RigLayoutScratch *s)
{
  rig_route_scratch_free (s->route);
  g_ptr_array_unref (s->found);
  g_array_unref (s->corners);
  g_array_unref (s->path);
  g_array_unref (s->info);
  g_array_unref (s->runs);
  g_free (s);
}

/* The row (or slot) of a cable's port along its edge. */
static int
row_of (const RigLayoutCableEnd *end)
{
  double pitch = end->side == RIG_PORT_SIDE_BOTTOM ? RIG_LAYOUT_SLOT_WIDTH : RIG_LAYOUT_ROW_HEIGHT;

  return (int) floor (end->along / pitch);
}

/* The lane of a cable: the rows of its two ports pick one of N_LANES
 * lanes (so that cables from one card, or to one card, differ), in the
 * order that keeps the cables of neighbouring ports from crossing: when
 * they turn towards @sign (+1: down or right), the last row turns first. */
static double
lane_of (const RigLayoutCableEnd ends[2], int sign)
{
  int row = row_of (&ends[0]) + row_of (&ends[1]);
  double lane = ((row % N_LANES + N_LANES) % N_LANES - (N_LANES - 1) / 2.0) * LANE_STEP;

  return sign > 0 ? -lane : lane;
}

static gboolean
route_in (RigLayoutIndex *index, RigLayoutScratch *scratch, const RigLayoutCableEnd ends[2],
          double pad, RigRect *window_out)
{
  const RigRect *obstacles;
  RigRouteEnd re[2];
  RigRect window;
  guint n;

  for (guint e = 0; e < 2; e++)
    {
      re[e].anchor = ends[e].anchor;
      re[e].side = ends[e].side;
      re[e].card = ends[e].device->card;
      rig_rect_inflate (&re[e].card, OBSTACLE_MARGIN, OBSTACLE_MARGIN);
    }
  /* The x lanes by the FROM port, the y lanes by the TO port. */
  re[0].lane = lane_of (ends, ends[1].anchor.y > ends[0].anchor.y ? 1 : -1);
  re[1].lane = lane_of (ends, ends[1].anchor.x > ends[0].anchor.x ? -1 : 1);
  rig_rect_union (&re[0].card, &re[1].card, &window);
  rig_rect_inflate (&window, pad, pad);
  *window_out = window;

  /* The obstacles: the cards there, with the margin. */
  n = _rig_layout_index_query_cards (index, &window, OBSTACLE_MARGIN, &obstacles);
  if (n > MAX_OBSTACLES)
    return FALSE;
  return rig_route_find_with (scratch->route, obstacles, n, &window, &re[0], &re[1],
                              scratch->corners);
}

/* Whether segment @i of @p (from point i - 1 to point i) lies wholly on
 * one side of @r. */
static inline gboolean
segment_misses (const RigPoint *p, guint i, const RigRect *r)
{
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;
  const RigPoint *a = &p[i - 1], *b = &p[i];

  return (a->x <= x0 && b->x <= x0) || (a->x >= x1 && b->x >= x1) || (a->y <= y0 && b->y <= y0)
         || (a->y >= y1 && b->y >= y1);
}

/* The segments of @e's route not wholly on one side of @reach (the first
 * to the last of them): a box within @reach meets only those. */
static void
segments_in (const RigLayoutEntry *e, const RigRect *reach, NearInfo *info)
{
  guint from, to;

  /* The first that meets it, then the last: the ones between need no look. */
  for (from = 1; from < e->n_path && segment_misses (e->path, from, reach); from++)
    ;
  for (to = e->n_path - 1; to > from && segment_misses (e->path, to, reach); to--)
    ;
  info->from = from < e->n_path ? from : 1;
  info->to = from < e->n_path ? to : 0;
}

/* How much of @box cards, ports and the labels of the cables before
 * @order cover (area), and a little for each other cable's route that runs
 * under it, or as soon as that is @best or more, something no less; @near
 * holds the entries near @box (those that meet @reach, which holds @box). */
static double
label_overlap (RigDocument *document, NearInfo *near, guint n_near, const RigRect *reach, int order,
               const RigRect *box, double best)
{
  double bx0 = box->x, bx1 = box->x + box->width, by0 = box->y, by1 = box->y + box->height;
  double area = 0;

  for (guint i = 0; i < n_near && area < best; i++)
    {
      NearInfo *in = &near[i];
      const RigLayoutEntry *e = in->entry;
      const RigRect *b = &in->bounds;
      RigRect r;

      /* Whatever of an entry could meet @box is within its bounds. */
      if (!(b->x <= bx1 && bx0 <= b->x + b->width && b->y <= by1 && by0 <= b->y + b->height))
        continue;
      if (e->is_cable)
        {
          if (in->order == G_MININT)
            in->order = rig_document_cable_index (document, e->id);
          if (in->order == order)
            continue;
          if (in->from == G_MAXUINT)
            segments_in (e, reach, in);
          if (in->from <= in->to
              && rig_polyline_crosses_rect (e->path + in->from - 1, in->to - in->from + 2, box))
            area += CABLE_UNDER_LABEL;
          if (in->order < 0 || in->order > order)
            continue;
          r = e->label_box;
        }
      else
        {
          /* The card and the glyphs of its ports, which straddle its edges. */
          r = e->card;
          rig_rect_inflate (&r, RIG_LAYOUT_PORT_RADIUS + 2, RIG_LAYOUT_PORT_RADIUS + 2);
        }
      if (r.x <= bx1 && bx0 <= r.x + r.width && r.y <= by1 && by0 <= r.y + r.height)
        {
          double w = MIN (r.x + r.width, box->x + box->width) - MAX (r.x, box->x);
          double h = MIN (r.y + r.height, box->y + box->height) - MAX (r.y, box->y);
          area += MAX (w, 0.5) * MAX (h, 0.5);
        }
    }
  return area;
}

/* The number's box: the pill with the text and the status badge that sits
 * on its left end (rig-painter.c), centred on the point. */
static void
label_size (const RigCable *cable, double *half_w, double *half_h)
{
  gsize len = cable->number != NULL ? g_utf8_strlen (cable->number, -1) : 0;

  *half_w = MIN ((6.5 * len + 12) / 2 + 12, RIG_LAYOUT_LABEL_HALF_WIDTH);
  *half_h = 9;
}

static double
segment_length (const RigPoint *p, guint i)
{
  return rig_route_step_length (p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
}

/* rig_polyline_point() with the lengths along the route measured once
 * (@runs[i]: from the start to point i; @lens[i]: of the segment that ends
 * there), to the same bits. */
static void
point_at (const RigPoint *p, const double *runs, const double *lens, guint n, double t,
          RigPoint *out)
{
  double want = CLAMP (t, 0, 1) * runs[n - 1];
  guint i = 1;

  /* Finite lengths only grow along the route: skip, by halves, the
   * points before @want (a scan would skip them one by one). */
  if (isfinite (runs[n - 1]))
    for (guint hi = n; i < hi;)
      {
        guint mid = (i + hi) / 2;
        gboolean before = runs[mid] < want;

        i = before ? mid + 1 : i;
        hi = before ? hi : mid;
      }
  for (; i < n; i++)
    {
      double l;

      if (runs[i] < want || (l = lens[i]) <= 0)
        continue;
      {
        double u = (want - runs[i - 1]) / l;
        *out = (RigPoint){ p[i - 1].x + (p[i].x - p[i - 1].x) * u,
                           p[i - 1].y + (p[i].y - p[i - 1].y) * u };
        return;
      }
    }
  *out = p[n - 1];
}

/* Tries points along the route from its middle outward and keeps the first
 * whose box meets nothing, else the one that meets least. */
void
_rig_layout_place_label (RigLayoutIndex *index, RigLayoutScratch *scratch, RigDocument *document,
                         RigLayoutEntry *entry, gboolean known_orders)
{
  GPtrArray *near = scratch->found;
  NearInfo *info;
  double *runs, *lens;
  double half_w, half_h, best = G_MAXDOUBLE;
  RigRect reach;

  if (!known_orders)
    entry->order = rig_document_cable_index (document, entry->id);
  label_size (entry->cable, &half_w, &half_h);
  /* One query for every box tried: they all lie on the route. */
  reach = entry->path_bounds;
  rig_rect_inflate (&reach, half_w + 1, half_h + 1);
  g_ptr_array_set_size (near, 0);
  _rig_layout_index_query (index, &reach, near);
  g_array_set_size (scratch->info, near->len);
  info = (NearInfo *) (void *) scratch->info->data;
  for (guint i = 0; i < near->len; i++)
    {
      const RigLayoutEntry *e = g_ptr_array_index (near, i);

      info[i].bounds = e->bounds;
      info[i].entry = e;
      info[i].order = !e->is_cable ? -1 : known_orders ? e->order : G_MININT;
      info[i].from = G_MAXUINT;
    }
  g_array_set_size (scratch->runs, 2 * entry->n_path);
  runs = (double *) (void *) scratch->runs->data;
  lens = runs + entry->n_path;
  runs[0] = 0;
  for (guint i = 1; i < entry->n_path; i++)
    {
      lens[i] = segment_length (entry->path, i);
      runs[i] = runs[i - 1] + lens[i];
    }
  for (int k = 0; k <= 36; k++)
    {
      double t = 0.5 + (k % 2 ? 1 : -1) * ((k + 1) / 2) * 0.025;
      RigPoint p;
      RigRect box;
      double score;

      point_at (entry->path, runs, lens, entry->n_path, t, &p);
      box = (RigRect){ p.x - half_w, p.y - half_h, 2 * half_w, 2 * half_h };
      /* Adding areas only grows the sum: once it reaches @best, the box
       * is not the best. */
      score = label_overlap (document, info, near->len, &reach, entry->order, &box, best);
      if (score < best)
        {
          best = score;
          entry->label = p;
          entry->label_box = box;
        }
      if (score == 0)
        break;
    }
}

void
_rig_layout_route_cable (RigLayoutIndex *index, RigLayoutScratch *scratch, RigLayoutEntry *entry,
                         const RigLayoutCableEnd ends[2])
{
  GArray *corners = scratch->corners, *path = scratch->path;

  g_array_set_size (corners, 0);
  g_array_set_size (path, 0);
  entry->window = (RigRect){ 0, 0, 0, 0 };
  if (ends[0].device != NULL && ends[1].device != NULL
      && (route_in (index, scratch, ends, NEAR_PAD, &entry->window)
          || route_in (index, scratch, ends, FAR_PAD, &entry->window)))
    rig_route_round ((const RigPoint *) corners->data, corners->len, CORNER_RADIUS, path);
  else
    rig_route_flatten (entry->curve, 24, path);
  entry->n_path = path->len;
  entry->path = g_renew (RigPoint, entry->path, path->len);
  entry->route_known = FALSE;
  memcpy (entry->path, path->data, path->len * sizeof (RigPoint));
  rig_polyline_bounds (entry->path, entry->n_path, &entry->path_bounds);
  /* No label until _rig_layout_place_label(): a point at the start. */
  entry->label = entry->path[0];
  entry->label_box = (RigRect){ entry->label.x, entry->label.y, 0, 0 };
}

void
_rig_layout_curve_cable (RigLayoutEntry *entry)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (RigPoint));
  double half_w, half_h;

  rig_route_flatten (entry->curve, 24, path);
  g_free (entry->path);
  entry->n_path = path->len;
  entry->path = (RigPoint *) (void *) g_array_free (path, FALSE);
  entry->route_known = FALSE;
  rig_polyline_bounds (entry->path, entry->n_path, &entry->path_bounds);
  entry->window = entry->path_bounds;
  label_size (entry->cable, &half_w, &half_h);
  entry->label = entry->path[entry->n_path / 2];
  entry->label_box
      = (RigRect){ entry->label.x - half_w, entry->label.y - half_h, 2 * half_w, 2 * half_h };
}
