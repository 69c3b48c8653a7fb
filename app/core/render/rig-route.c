/* rig-route.c: orthogonal cable routes around cards (see rig-route.h).
 *
 * Why a sparse grid: between two neighbouring card edges (sorted on one
 * axis) a vertical line meets the same cards wherever it runs, so one line
 * per channel is enough to find any way around; taking the channel's middle
 * keeps cables off the card edges. A grid edge between two neighbouring
 * lines then enters a card exactly when one of its two nodes is inside it,
 * so blocking is a mark per node and the A* needs no geometry.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rig-route.h"

/* The cost of one bend, in canvas units of length. */
#define BEND_COST 60.0
/* Above this many grid nodes the search is not worth it (the caller falls
 * back to a curve). */
#define MAX_NODES 60000
/* How far a lane keeps from the edges of its channel (which are the cards'
 * margins already): so far that a number centred on it (half as high as
 * this) clears the port glyphs on the card's edge. */
#define LANE_KEEP 9.0

/* Directions: 0 +x, 1 +y, 2 -x, 3 -y. */

/* A route's edges or lines on one axis: a GArray's calls cost more than
 * the little work done on each of these few values. */
typedef struct
{
  double *v;
  guint len, size;
} Lines;

/* Makes room for @n values, keeping those there. */
static void
lines_reserve (Lines *l, guint n)
{
  if (l->size < n)
    {
      l->size = MAX (n, 2 * l->size);
      l->v = g_renew (double, l->v, l->size);
    }
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @v and drops values within 0.01 of the previous one. Few values
 * (a route's channels), often sorted already: an insertion sort, stable as
 * qsort() is, so equal values keep their order. */
static void
sort_unique (Lines *v)
{
  double *d = v->v;
  guint n = 0, len = v->len;

  if (len == 0)
    return;
  if (len > 64)
    qsort (d, len, sizeof (double), compare_doubles);
  else
    for (guint i = 1; i < len; i++)
      {
        double x = d[i];
        guint j = i;

        /* compare_doubles (&d[j - 1], &x) > 0, without the call. */
        for (; j > 0 && d[j - 1] > x; j--)
          d[j] = d[j - 1];
        d[j] = x;
      }
  for (guint i = 1; i < len; i++)
    if (d[i] - d[n] > 0.01)
      d[++n] = d[i];
  v->len = n + 1;
}

/* The channel lines: the middle of each gap between sorted @edges, moved by
 * @lane but kept LANE_KEEP inside its gap (a line at the very edge of a
 * wide channel would leave a number on it no room clear of the card).
 * Then sort_unique (@lines), which has nothing to do when each line lies
 * more than 0.01 beyond the one before (the usual case: each lies inside
 * its gap): it then keeps every line where it is. */
static void
channel_lines (Lines *edges, double lane, Lines *lines)
{
  guint n = lines->len, first = n;
  gboolean spaced = TRUE;

  sort_unique (edges);
  /* Room for every gap, then what there is. */
  lines_reserve (lines, n + edges->len);
  for (guint i = 0; i + 1 < edges->len; i++)
    {
      double a = edges->v[i], b = edges->v[i + 1];
      double half = (b - a) / 2, room = MAX (half - LANE_KEEP, 0), o = CLAMP (lane, -room, room);

      if (half > 1)
        {
          lines->v[n] = a + half + o;
          spaced = spaced && (n == first || lines->v[n] - lines->v[n - 1] > 0.01);
          n++;
        }
    }
  lines->len = n;
  if (first > 0 || !spaced)
    sort_unique (lines);
}

static int
find_line (const Lines *lines, double v)
{
  guint lo = 0, hi = lines->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (lines->v[mid] < v - 0.01)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < lines->len && fabs (lines->v[lo] - v) <= 0.01)
    return (int) lo;
  return -1;
}

/* The first channel line beyond @edge going in @sign, or NAN. */
static double
line_beyond (const Lines *lines, double edge, int sign)
{
  if (sign > 0)
    {
      for (guint i = 0; i < lines->len; i++)
        if (lines->v[i] > edge)
          return lines->v[i];
    }
  else
    for (guint i = lines->len; i-- > 0;)
      if (lines->v[i] < edge)
        return lines->v[i];
  return NAN;
}

/* Where the search starts or ends for @end: the anchor moved outward to the
 * first channel line beyond its card. FALSE if there is none. */
static gboolean
port_node (const RigRouteEnd *end, const Lines *xs, const Lines *ys, RigPoint *node)
{
  const RigRect *c = &end->card;
  double nx, ny;

  rig_port_side_normal (end->side, &nx, &ny);
  if (nx != 0)
    *node = (RigPoint){ line_beyond (xs, nx > 0 ? c->x + c->width : c->x, nx > 0 ? 1 : -1),
                        end->anchor.y };
  else
    *node = (RigPoint){ end->anchor.x, line_beyond (ys, c->y + c->height, 1) };
  return !isnan (node->x) && !isnan (node->y);
}

static void
add_port_line (const RigRouteEnd *end, const RigPoint *node, Lines *xs, Lines *ys)
{
  Lines *l = end->side == RIG_PORT_SIDE_BOTTOM ? xs : ys;

  lines_reserve (l, l->len + 1);
  l->v[l->len++] = end->side == RIG_PORT_SIDE_BOTTOM ? node->x : node->y;
}

static int
outward_dir (RigPortSide side)
{
  return side == RIG_PORT_SIDE_LEFT ? 2 : side == RIG_PORT_SIDE_RIGHT ? 0 : 1;
}

/* ---- the search ---------------------------------------------------------- */

typedef struct
{
  double f;
  guint state;
} HeapItem;

/* A binary heap of HeapItem, its array kept from one search to the next. */
typedef struct
{
  HeapItem *items;
  guint len, size;
} Heap;

static void
heap_push (Heap *heap, double f, guint state)
{
  HeapItem *h;
  guint i = heap->len;

  if (heap->len == heap->size)
    {
      heap->size = MAX (64, 2 * heap->size);
      heap->items = g_renew (HeapItem, heap->items, heap->size);
    }
  heap->len++;
  h = heap->items;
  /* Up while the parent is greater: the parents move down into the hole,
   * the item goes where swapping it up would have left it. */
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (h[parent].f <= f)
        break;
      h[i] = h[parent];
      i = parent;
    }
  h[i] = (HeapItem){ f, state };
}

static HeapItem
heap_pop (Heap *heap)
{
  HeapItem *h = heap->items, top = h[0];
  guint n = heap->len - 1, i = 0;
  HeapItem last = h[n];

  heap->len = n;
  /* The last item sinks from the top, as by swaps: the smaller child
   * (the left one on a tie) moves up into the hole while it is smaller. */
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      double f = last.f;

      if (l < n && h[l].f < f)
        {
          m = l;
          f = h[l].f;
        }
      if (r < n && h[r].f < f)
        m = r;
      if (m == i)
        break;
      h[i] = h[m];
      i = m;
    }
  h[i] = last;
  return top;
}

struct _RigRouteScratch
{
  Lines ex, ey, xs, ys;
  guint *path; /* the nodes of the route found, goal first */
  guint n_path, path_size;
  Heap heap;
  /* Per search state: its cost and parent, valid where seen == stamp. */
  double *cost;
  guint *parent, *seen;
  guint n_states, stamp;
  guint8 *blocked;
  guint n_blocked;
};

RigRouteScratch *
rig_route_scratch_new (void)
{
  return g_new0 (RigRouteScratch, 1);
}

void
rig_route_scratch_free (RigRouteScratch *s)
{
  if (s == NULL)
    return;
  g_free (s->ex.v);
  g_free (s->ey.v);
  g_free (s->xs.v);
  g_free (s->ys.v);
  g_free (s->path);
  g_free (s->heap.items);
  g_free (s->cost);
  g_free (s->parent);
  g_free (s->seen);
  g_free (s->blocked);
  g_free (s);
}

typedef struct
{
  const double *xs, *ys;
  guint nx, ny;
  guint8 *blocked;
  gboolean nan; /* a line is NAN: not sorted */
} Grid;

/* The first of the sorted @v greater than @x. */
static guint
first_above (const double *v, guint n, double x)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (v[mid] > x)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* Blocks the nodes strictly inside an obstacle: with the lines sorted, a
 * run of them on each axis (NAN in the rects: every line, one by one). */
static void
mark_obstacles (Grid *g, const RigRect *obstacles, guint n)
{
  for (guint k = 0; k < n; k++)
    {
      const RigRect *o = &obstacles[k];
      gboolean nan = g->nan || isnan (o->x + o->width) || isnan (o->x) || isnan (o->y + o->height)
                     || isnan (o->y);
      guint j0 = nan ? 0 : first_above (g->ys, g->ny, o->y);

      for (guint i = nan ? 0 : first_above (g->xs, g->nx, o->x); i < g->nx; i++)
        {
          double x = g->xs[i];

          if (x >= o->x + o->width && !nan)
            break;
          if (x <= o->x || x >= o->x + o->width)
            continue;
          for (guint j = j0; j < g->ny; j++)
            {
              double y = g->ys[j];

              if (y >= o->y + o->height && !nan)
                break;
              if (y > o->y && y < o->y + o->height)
                g->blocked[j * g->nx + i] = 1;
            }
        }
    }
}

/* Makes room in @s for @n_states search states, all unseen. */
static void
scratch_states (RigRouteScratch *s, guint n_states)
{
  if (s->n_states < n_states)
    {
      g_free (s->cost);
      g_free (s->parent);
      g_free (s->seen);
      s->n_states = MAX (n_states, 2 * s->n_states);
      s->cost = g_new (double, s->n_states);
      s->parent = g_new (guint, s->n_states);
      s->seen = g_new0 (guint, s->n_states);
      s->stamp = 0;
    }
  if (++s->stamp == 0)
    {
      memset (s->seen, 0, s->n_states * sizeof (guint));
      s->stamp = 1;
    }
}

/* What the search's steps share, in locals (the arrays' fields would be
 * read again after every store). */
typedef struct
{
  const double *xs, *ys;
  guint nx;
  const guint8 *blocked;
  double gx, gy; /* the goal */
  double *cost;
  guint *parent, *seen, stamp;
  Heap *heap;
} Astar;

/* One step of the search: from state @from (cost @c, heading @d, at
 * (@x, @y)) to the node (@ni, @nj), heading @nd. */
static inline void
relax (const Astar *a, double c, guint from, double x, double y, guint ni, guint nj, guint nd,
       guint d)
{
  guint next = nj * a->nx + ni, state;
  double step, nc, h;

  if (a->blocked[next])
    return;
  step = fabs (a->xs[ni] - x) + fabs (a->ys[nj] - y);
  nc = c + step + (nd == d ? 0 : BEND_COST);
  state = next * 4 + nd;
  if (a->seen[state] == a->stamp && nc >= a->cost[state])
    return;
  a->seen[state] = a->stamp;
  a->cost[state] = nc;
  a->parent[state] = from;
  h = fabs (a->gx - a->xs[ni]) + fabs (a->gy - a->ys[nj]);
  heap_push (a->heap, nc + h, state);
}

/* A* from (si, sj) leaving in @start_dir to (gi, gj) arriving in @goal_dir
 * (a last bend costs extra). Fills @s's path with node indices, goal
 * first. */
static gboolean
search (RigRouteScratch *s, Grid *g, guint start, int start_dir, guint goal, int goal_dir)
{
  guint nx = g->nx, ny = g->ny;
  Heap *heap = &s->heap;
  guint best = G_MAXUINT, n;
  double best_cost = G_MAXDOUBLE;
  Astar a;

  /* A state not seen in this search costs G_MAXDOUBLE. */
  scratch_states (s, nx * ny * 4);
  a = (Astar){ .xs = g->xs,
               .ys = g->ys,
               .nx = nx,
               .blocked = g->blocked,
               .cost = s->cost,
               .parent = s->parent,
               .seen = s->seen,
               .stamp = s->stamp,
               .heap = heap };
  a.gx = a.xs[goal % nx];
  a.gy = a.ys[goal / nx];
  heap->len = 0;
  a.seen[start * 4 + start_dir] = a.stamp;
  a.cost[start * 4 + start_dir] = 0;
  a.parent[start * 4 + start_dir] = G_MAXUINT;
  heap_push (heap, 0, start * 4 + start_dir);
  while (heap->len > 0)
    {
      HeapItem item = heap_pop (heap);
      guint node = item.state / 4, d = item.state % 4;
      guint i = node % nx, j = node / nx;
      double c = a.cost[item.state], x, y;

      if (item.f >= best_cost)
        break;
      if (node == goal)
        {
          double total = c + ((int) d == goal_dir ? 0 : BEND_COST);
          if (total < best_cost)
            {
              best_cost = total;
              best = item.state;
            }
          continue;
        }
      /* The four ways on, in the order of their numbers: never back. */
      x = a.xs[i];
      y = a.ys[j];
      if (d != 2 && i + 1 < nx)
        relax (&a, c, item.state, x, y, i + 1, j, 0, d);
      if (d != 3 && j + 1 < ny)
        relax (&a, c, item.state, x, y, i, j + 1, 1, d);
      if (d != 0 && i > 0)
        relax (&a, c, item.state, x, y, i - 1, j, 2, d);
      if (d != 1 && j > 0)
        relax (&a, c, item.state, x, y, i, j - 1, 3, d);
    }
  if (best == G_MAXUINT)
    return FALSE;
  /* Its length, then its nodes. */
  n = 0;
  for (guint st = best; st != G_MAXUINT; st = a.parent[st])
    n++;
  if (s->path_size < n)
    {
      s->path_size = MAX (n, 2 * s->path_size);
      g_free (s->path);
      s->path = g_new (guint, s->path_size);
    }
  s->n_path = n;
  for (guint st = best, k = 0; st != G_MAXUINT; st = a.parent[st])
    s->path[k++] = st / 4;
  return TRUE;
}

/* Appends @p to the @n points at @c (room for one more) unless it
 * continues the straight line of the last two. */
static inline void
add_corner (RigPoint *c, guint *n_corners, RigPoint p)
{
  guint n = *n_corners;

  if (n >= 1 && fabs (c[n - 1].x - p.x) < 0.01 && fabs (c[n - 1].y - p.y) < 0.01)
    return;
  if (n >= 2
      && ((fabs (c[n - 2].x - c[n - 1].x) < 0.01 && fabs (c[n - 1].x - p.x) < 0.01)
          || (fabs (c[n - 2].y - c[n - 1].y) < 0.01 && fabs (c[n - 1].y - p.y) < 0.01)))
    {
      c[n - 1] = p;
      return;
    }
  c[(*n_corners)++] = p;
}

/* Appends to @corners the route's: its anchors, and the nodes of @path
 * (goal first) where it turns. */
static void
add_corners (GArray *corners, const RigRouteEnd *from, const RigRouteEnd *to, const Grid *g,
             const guint *path, guint n_path)
{
  guint first = corners->len, n = 0;
  RigPoint *c;

  g_array_set_size (corners, first + n_path + 2);
  c = &g_array_index (corners, RigPoint, first);
  c[n++] = from->anchor;
  for (guint k = n_path; k-- > 0;)
    {
      guint node = path[k];
      RigPoint p = { g->xs[node % g->nx], g->ys[node / g->nx] };
      add_corner (c, &n, p);
    }
  add_corner (c, &n, to->anchor);
  g_array_set_size (corners, first + n);
}

/* Puts in @ex and @ey the window's edges and the obstacles' inside it. */
static void
collect_edges (const RigRect *obstacles, guint n_obstacles, const RigRect *window, Lines *ex,
               Lines *ey)
{
  double wx0 = window->x, wx1 = window->x + window->width;
  double wy0 = window->y, wy1 = window->y + window->height;
  double *x, *y;
  guint nx = 0, ny = 0;

  lines_reserve (ex, 2 + 2 * n_obstacles);
  lines_reserve (ey, 2 + 2 * n_obstacles);
  x = ex->v;
  y = ey->v;
  /* The window's far edges go last: every other is less (an insertion
   * sort then moves none past them), so sorted they are where they were. */
  x[nx++] = wx0;
  y[ny++] = wy0;
  for (guint k = 0; k < n_obstacles; k++)
    {
      double v[4] = { obstacles[k].x, obstacles[k].x + obstacles[k].width, obstacles[k].y,
                      obstacles[k].y + obstacles[k].height };

      for (guint e = 0; e < 2; e++)
        if (v[e] > wx0 && v[e] < wx1)
          x[nx++] = v[e];
      for (guint e = 2; e < 4; e++)
        if (v[e] > wy0 && v[e] < wy1)
          y[ny++] = v[e];
    }
  x[nx++] = wx1;
  y[ny++] = wy1;
  ex->len = nx;
  ey->len = ny;
}

gboolean
rig_route_find (const RigRect *obstacles, guint n_obstacles, const RigRect *window,
                const RigRouteEnd *from, const RigRouteEnd *to, GArray *corners)
{
  RigRouteScratch *scratch = rig_route_scratch_new ();
  gboolean found = rig_route_find_with (scratch, obstacles, n_obstacles, window, from, to, corners);

  rig_route_scratch_free (scratch);
  return found;
}

gboolean
rig_route_find_with (RigRouteScratch *scratch, const RigRect *obstacles, guint n_obstacles,
                     const RigRect *window, const RigRouteEnd *from, const RigRouteEnd *to,
                     GArray *corners)
{
  Lines *ex = &scratch->ex, *ey = &scratch->ey, *xs = &scratch->xs, *ys = &scratch->ys;
  guint8 *blocked;
  RigPoint a, b;
  int ai, aj, bi, bj;
  Grid g;

  xs->len = 0;
  ys->len = 0;
  collect_edges (obstacles, n_obstacles, window, ex, ey);
  channel_lines (ex, from->lane, xs);
  channel_lines (ey, to->lane, ys);
  if (!port_node (from, xs, ys, &a) || !port_node (to, xs, ys, &b))
    return FALSE;
  /* The ports' own lines. */
  add_port_line (from, &a, xs, ys);
  add_port_line (to, &b, xs, ys);
  sort_unique (xs);
  sort_unique (ys);
  if ((gsize) xs->len * ys->len > MAX_NODES)
    return FALSE;

  ai = find_line (xs, a.x);
  aj = find_line (ys, a.y);
  bi = find_line (xs, b.x);
  bj = find_line (ys, b.y);
  if (ai < 0 || aj < 0 || bi < 0 || bj < 0)
    return FALSE;
  if (scratch->n_blocked < xs->len * ys->len)
    {
      g_free (scratch->blocked);
      scratch->n_blocked = MAX (xs->len * ys->len, 2 * scratch->n_blocked);
      scratch->blocked = g_new (guint8, scratch->n_blocked);
    }
  blocked = scratch->blocked;
  memset (blocked, 0, xs->len * ys->len);
  g = (Grid){ xs->v, ys->v, xs->len, ys->len, blocked, FALSE };
  for (guint i = 0; i < xs->len; i++)
    g.nan = g.nan || isnan (xs->v[i]);
  for (guint j = 0; j < ys->len; j++)
    g.nan = g.nan || isnan (ys->v[j]);
  mark_obstacles (&g, obstacles, n_obstacles);
  if (blocked[aj * g.nx + ai] || blocked[bj * g.nx + bi])
    return FALSE;
  if (!search (scratch, &g, aj * g.nx + ai, outward_dir (from->side), bj * g.nx + bi,
               (outward_dir (to->side) + 2) % 4))
    return FALSE;
  add_corners (corners, from, to, &g, scratch->path, scratch->n_path);
  return TRUE;
}

/* ---- shapes -------------------------------------------------------------- */

void
rig_route_flatten (const RigPoint curve[4], guint pieces, GArray *out)
{
  guint first = out->len;

  g_array_set_size (out, first + pieces + 1);
  for (guint i = 0; i <= pieces; i++)
    rig_bezier_point (curve, (double) i / pieces, &g_array_index (out, RigPoint, first + i));
}

/* The corners of rig_route_round(): quarter circles flattened into this
 * many pieces. */
#define ARC_PIECES 6

void
rig_route_round (const RigPoint *c, guint n, double radius, GArray *out)
{
  /* The handle length of a cubic that approximates a quarter circle. */
  const double kappa = 0.5523;
  /* rig_bezier_point()'s weights at t = i / ARC_PIECES, to the same bits,
   * the same for every corner. */
  double w[ARC_PIECES + 1][4];
  guint first = out->len, m = 0;
  RigPoint *o;

  for (guint i = 0; i <= ARC_PIECES; i++)
    {
      double t = (double) i / ARC_PIECES, u = 1 - t;

      w[i][0] = u * u * u;
      w[i][1] = 3 * u * u * t;
      w[i][2] = 3 * u * t * t;
      w[i][3] = t * t * t;
    }
  /* Room for the ends and a flattened arc at every corner. */
  g_array_set_size (out, first + (n > 1 ? 2 + (ARC_PIECES + 1) * (n - 2) : 1));
  o = &g_array_index (out, RigPoint, first);
  o[m++] = c[0];
  for (guint k = 1; k + 1 < n; k++)
    {
      double lin = rig_route_step_length (c[k].x - c[k - 1].x, c[k].y - c[k - 1].y);
      double lout = rig_route_step_length (c[k + 1].x - c[k].x, c[k + 1].y - c[k].y);
      double r = MIN (radius, MIN (k == 1 ? lin : lin / 2, k + 2 == n ? lout : lout / 2));
      double ix, iy, ox, oy;
      RigPoint arc[4];

      if (lin < 1e-6 || lout < 1e-6 || r < 0.5)
        {
          o[m++] = c[k];
          continue;
        }
      ix = (c[k].x - c[k - 1].x) / lin;
      iy = (c[k].y - c[k - 1].y) / lin;
      ox = (c[k + 1].x - c[k].x) / lout;
      oy = (c[k + 1].y - c[k].y) / lout;
      arc[0] = (RigPoint){ c[k].x - ix * r, c[k].y - iy * r };
      arc[3] = (RigPoint){ c[k].x + ox * r, c[k].y + oy * r };
      arc[1] = (RigPoint){ arc[0].x + ix * r * kappa, arc[0].y + iy * r * kappa };
      arc[2] = (RigPoint){ arc[3].x - ox * r * kappa, arc[3].y - oy * r * kappa };
      for (guint i = 0; i <= ARC_PIECES; i++)
        o[m++] = (RigPoint){
          w[i][0] * arc[0].x + w[i][1] * arc[1].x + w[i][2] * arc[2].x + w[i][3] * arc[3].x,
          w[i][0] * arc[0].y + w[i][1] * arc[1].y + w[i][2] * arc[2].y + w[i][3] * arc[3].y
        };
    }
  if (n > 1)
    o[m++] = c[n - 1];
  g_array_set_size (out, first + m);
}

/* ---- polylines ----------------------------------------------------------- */

double
rig_polyline_length (const RigPoint *p, guint n)
{
  double length = 0;

  for (guint i = 1; i < n; i++)
    length += rig_route_step_length (p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
  return length;
}

void
rig_polyline_point (const RigPoint *p, guint n, double t, RigPoint *out)
{
  double want = CLAMP (t, 0, 1) * rig_polyline_length (p, n), run = 0;

  for (guint i = 1; i < n; i++)
    {
      double l = rig_route_step_length (p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);

      if (run + l >= want && l > 0)
        {
          double u = (want - run) / l;
          *out = (RigPoint){ p[i - 1].x + (p[i].x - p[i - 1].x) * u,
                             p[i - 1].y + (p[i].y - p[i - 1].y) * u };
          return;
        }
      run += l;
    }
  *out = p[n - 1];
}

double
rig_polyline_distance (const RigPoint *p, guint n, double x, double y, double *t)
{
  double best = hypot (x - p[0].x, y - p[0].y), best_at = 0, run = 0, total;

  for (guint i = 1; i < n; i++)
    {
      double dx = p[i].x - p[i - 1].x, dy = p[i].y - p[i - 1].y;
      double l2 = dx * dx + dy * dy, l = sqrt (l2), u = 0, d;

      if (l2 > 0)
        u = CLAMP (((x - p[i - 1].x) * dx + (y - p[i - 1].y) * dy) / l2, 0, 1);
      d = hypot (x - (p[i - 1].x + u * dx), y - (p[i - 1].y + u * dy));
      if (d < best)
        {
          best = d;
          best_at = run + u * l;
        }
      run += l;
    }
  total = run;
  if (t != NULL)
    *t = total > 0 ? best_at / total : 0;
  return best;
}

void
rig_polyline_bounds (const RigPoint *p, guint n, RigRect *out)
{
  double x0 = p[0].x, y0 = p[0].y, x1 = p[0].x, y1 = p[0].y;

  for (guint i = 1; i < n; i++)
    {
      x0 = MIN (x0, p[i].x);
      y0 = MIN (y0, p[i].y);
      x1 = MAX (x1, p[i].x);
      y1 = MAX (y1, p[i].y);
    }
  *out = (RigRect){ x0, y0, x1 - x0, y1 - y0 };
}

/* Liang-Barsky: whether the segment meets the open rect. */
static gboolean
segment_enters (const RigPoint *a, const RigPoint *b, const RigRect *r)
{
  double t0 = 0, t1 = 1, dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - r->x, r->x + r->width - a->x, a->y - r->y, r->y + r->height - a->y };

  for (guint k = 0; k < 4; k++)
    {
      if (fabs (p[k]) < 1e-12)
        {
          if (q[k] <= 0)
            return FALSE;
          continue;
        }
      if (p[k] < 0)
        t0 = MAX (t0, q[k] / p[k]);
      else
        t1 = MIN (t1, q[k] / p[k]);
    }
  return t1 - t0 > 1e-9;
}

gboolean
rig_polyline_crosses_rect (const RigPoint *p, guint n, const RigRect *rect)
{
  double x0 = rect->x, y0 = rect->y, x1 = rect->x + rect->width, y1 = rect->y + rect->height;

  for (guint i = 1; i < n; i++)
    {
      const RigPoint *a = &p[i - 1], *b = &p[i];

      /* A segment wholly on one side of the rect cannot enter it (the test
       * below says so too, at more cost). */
      if ((a->x <= x0 && b->x <= x0) || (a->x >= x1 && b->x >= x1) || (a->y <= y0 && b->y <= y0)
          || (a->y >= y1 && b->y >= y1))
        continue;
      if (segment_enters (a, b, rect))
        return TRUE;
    }
  return FALSE;
}
