/* rig-painter-levels.c: the drawing order of many shapes, kept where they
 * touch.
 *
 * Far out, thousands of cards, or of cables' badges, are drawn in batches
 * whose parts share paths, layer by layer. That changes the order in which
 * shapes are drawn, which matters only where they touch: each shape gets a
 * level, one above the highest of the shapes before it (in drawing order)
 * whose bounds its own touch, so that shapes of a level never touch one
 * another and each comes after every earlier one it touches when the
 * levels are drawn in turn (rig-painter-far.c, rig-painter-badges.c).
 * A uniform grid finds the shapes a shape's bounds may touch.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-painter-private.h"

/* A uniform grid over the shapes' bounds: each cell lists the shapes whose
 * bounds reach into it. */
typedef struct
{
  double x0, y0, cell;
  gint cols, rows;
  gint *head;      /* per cell: its first entry, or -1 */
  GArray *entries; /* Entry */
} Grid;

typedef struct
{
  guint shape;
  gint next;
} Entry;

static void
grid_init (Grid *g, const RigRect *bounds, guint n)
{
  double x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE, size = 0;

  g->x0 = g->y0 = G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      g->x0 = MIN (g->x0, bounds[i].x);
      g->y0 = MIN (g->y0, bounds[i].y);
      x1 = MAX (x1, bounds[i].x + bounds[i].width);
      y1 = MAX (y1, bounds[i].y + bounds[i].height);
      size += MAX (bounds[i].width, bounds[i].height);
    }
  /* Cells the size of a shape on average, at most about four a shape. */
  g->cell = MAX (size / MAX (n, 1), 1e-6);
  while ((x1 - g->x0) / g->cell * (y1 - g->y0) / g->cell > 4.0 * n + 16)
    g->cell *= 2;
  g->cols = (gint) ((x1 - g->x0) / g->cell) + 1;
  g->rows = (gint) ((y1 - g->y0) / g->cell) + 1;
  g->head = g_new (gint, (gsize) g->cols * g->rows);
  memset (g->head, 0xff, sizeof (gint) * g->cols * g->rows);
  g->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 4 * n);
}

static void
grid_cells (const Grid *g, const RigRect *r, gint *c0, gint *r0, gint *c1, gint *r1)
{
  *c0 = CLAMP ((gint) ((r->x - g->x0) / g->cell), 0, g->cols - 1);
  *r0 = CLAMP ((gint) ((r->y - g->y0) / g->cell), 0, g->rows - 1);
  *c1 = CLAMP ((gint) ((r->x + r->width - g->x0) / g->cell), 0, g->cols - 1);
  *r1 = CLAMP ((gint) ((r->y + r->height - g->y0) / g->cell), 0, g->rows - 1);
}

guint
_rig_painter_assign_levels (const RigRect *bounds, guint n, guint *level)
{
  Grid g;
  guint top = 0;

  grid_init (&g, bounds, n);
  for (guint i = 0; i < n; i++)
    {
      gint c0, r0, c1, r1;

      level[i] = 0;
      grid_cells (&g, &bounds[i], &c0, &r0, &c1, &r1);
      for (gint row = r0; row <= r1; row++)
        for (gint col = c0; col <= c1; col++)
          {
            gint *head = &g.head[(gsize) row * g.cols + col];

            for (gint e = *head; e >= 0; e = g_array_index (g.entries, Entry, e).next)
              {
                guint k = g_array_index (g.entries, Entry, e).shape;

                if (level[k] + 1 > level[i] && rig_rect_intersects (&bounds[i], &bounds[k]))
                  level[i] = level[k] + 1;
              }
            g_array_append_val (g.entries, ((Entry){ i, *head }));
            *head = (gint) g.entries->len - 1;
          }
      top = MAX (top, level[i] + 1);
    }
  g_free (g.head);
  g_array_unref (g.entries);
  return top;
}

double
_rig_painter_device_pixel (cairo_t *cr)
{
  cairo_matrix_t m;
  double sx = 1, sy = 1, sum, det, least;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  sum = m.xx * m.xx + m.yx * m.yx + m.xy * m.xy + m.yy * m.yy;
  det = m.xx * m.yy - m.xy * m.yx;
  /* The matrix's smaller singular value: the least it stretches a length. */
  least = sqrt (MAX (0, (sum - sqrt (MAX (0, sum * sum - 4 * det * det))) / 2)) * MIN (sx, sy);
  return least > 1e-9 ? 1 / least : G_MAXDOUBLE;
}

gboolean
_rig_painter_on_vector_file (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
      case CAIRO_SURFACE_TYPE_PDF:
      case CAIRO_SURFACE_TYPE_PS:
      case CAIRO_SURFACE_TYPE_SVG:
        return TRUE;
      default:
        return FALSE;
    }
}
