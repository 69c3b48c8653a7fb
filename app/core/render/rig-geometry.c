/* rig-geometry.c: rectangles, Bézier curves and the curve of a cable.
 *
 * The plain geometry under the layout (declared in rig-layout.h): no state,
 * no document; the layout, the painter and the canvas's tools use it.
 */
#include "config.h"

#include <math.h>

#include "rig-layout.h"

/* ---- rects ------------------------------------------------------------- */

gboolean
rig_rect_intersects (const RigRect *a, const RigRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width && a->y <= b->y + b->height
         && b->y <= a->y + a->height;
}

gboolean
rig_rect_contains_point (const RigRect *rect, double x, double y)
{
  return x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height;
}

gboolean
rig_rect_contains_rect (const RigRect *outer, const RigRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

void
rig_rect_union (const RigRect *a, const RigRect *b, RigRect *out)
{
  double x0, y0, x1, y1;

  if (a->width <= 0 && a->height <= 0)
    {
      *out = *b;
      return;
    }
  if (b->width <= 0 && b->height <= 0)
    {
      *out = *a;
      return;
    }
  x0 = MIN (a->x, b->x);
  y0 = MIN (a->y, b->y);
  x1 = MAX (a->x + a->width, b->x + b->width);
  y1 = MAX (a->y + a->height, b->y + b->height);
  *out = (RigRect){ x0, y0, x1 - x0, y1 - y0 };
}

void
rig_rect_inflate (RigRect *rect, double dx, double dy)
{
  rect->x -= dx;
  rect->y -= dy;
  rect->width += 2 * dx;
  rect->height += 2 * dy;
}

void
rig_rect_from_corners (RigRect *out, double x0, double y0, double x1, double y1)
{
  out->x = MIN (x0, x1);
  out->y = MIN (y0, y1);
  out->width = fabs (x1 - x0);
  out->height = fabs (y1 - y0);
}

/* ---- Bézier ------------------------------------------------------------ */

void
rig_bezier_point (const RigPoint c[4], double t, RigPoint *out)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;

  out->x = a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x;
  out->y = a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y;
}

/* Extremes of one coordinate of a cubic Bézier: the roots of its derivative. */
static void
bezier_axis_range (double p0, double p1, double p2, double p3, double *lo, double *hi)
{
  double a = -p0 + 3 * p1 - 3 * p2 + p3;
  double b = 2 * (p0 - 2 * p1 + p2);
  double c = p1 - p0;
  double roots[2];
  guint n = 0;

  *lo = MIN (p0, p3);
  *hi = MAX (p0, p3);

  if (fabs (a) < 1e-12)
    {
      if (fabs (b) > 1e-12)
        roots[n++] = -c / b;
    }
  else
    {
      double disc = b * b - 4 * a * c;
      if (disc >= 0)
        {
          double s = sqrt (disc);
          roots[n++] = (-b + s) / (2 * a);
          roots[n++] = (-b - s) / (2 * a);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      double t = roots[i], u = 1 - t, v;
      if (t <= 0 || t >= 1)
        continue;
      v = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
}

void
rig_bezier_bounds (const RigPoint c[4], RigRect *out)
{
  double x0, x1, y0, y1;

  bezier_axis_range (c[0].x, c[1].x, c[2].x, c[3].x, &x0, &x1);
  bezier_axis_range (c[0].y, c[1].y, c[2].y, c[3].y, &y0, &y1);
  *out = (RigRect){ x0, y0, x1 - x0, y1 - y0 };
}

static double
segment_distance (const RigPoint *a, const RigPoint *b, double x, double y, double *s)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((x - a->x) * dx + (y - a->y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  *s = t;
  return hypot (a->x + t * dx - x, a->y + t * dy - y);
}

double
rig_bezier_distance (const RigPoint c[4], double x, double y, double *t)
{
  enum
  {
    STEPS = 48
  };
  RigPoint prev = c[0];
  double best = G_MAXDOUBLE, best_t = 0;

  for (guint i = 1; i <= STEPS; i++)
    {
      RigPoint p;
      double s, d;

      rig_bezier_point (c, (double) i / STEPS, &p);
      d = segment_distance (&prev, &p, x, y, &s);
      if (d < best)
        {
          best = d;
          best_t = (i - 1 + s) / STEPS;
        }
      prev = p;
    }
  if (t != NULL)
    *t = best_t;
  return best;
}

void
rig_port_side_normal (RigPortSide side, double *nx, double *ny)
{
  switch (side)
    {
      case RIG_PORT_SIDE_LEFT:
        *nx = -1, *ny = 0;
        break;
      case RIG_PORT_SIDE_RIGHT:
        *nx = 1, *ny = 0;
        break;
      case RIG_PORT_SIDE_BOTTOM:
      default:
        *nx = 0, *ny = 1;
        break;
    }
}

/* How far a control point sits out from its anchor: longer for long cables,
 * and longer still when the other end lies behind the port, so the cable
 * leaves the card before it turns. */
static double
handle_length (const RigPoint *from, double nx, double ny, const RigPoint *to)
{
  double dx = to->x - from->x, dy = to->y - from->y;
  double dist = hypot (dx, dy);
  double ahead = dx * nx + dy * ny;
  double k = CLAMP (dist * 0.4, 28.0, 200.0);

  if (ahead < 0)
    k = MAX (k, MIN (-ahead * 0.5 + 70.0, 260.0));
  return MIN (k, MAX (dist, 28.0));
}

void
rig_layout_curve_between (const RigPoint *from, RigPortSide from_side, const RigPoint *to,
                          RigPortSide to_side, RigPoint curve[4])
{
  double n0x, n0y, n1x, n1y, k0, k1;

  rig_port_side_normal (from_side, &n0x, &n0y);
  rig_port_side_normal (to_side, &n1x, &n1y);
  k0 = handle_length (from, n0x, n0y, to);
  k1 = handle_length (to, n1x, n1y, from);
  curve[0] = *from;
  curve[1] = (RigPoint){ from->x + n0x * k0, from->y + n0y * k0 };
  curve[2] = (RigPoint){ to->x + n1x * k1, to->y + n1y * k1 };
  curve[3] = *to;
}

void
rig_layout_curve_to_point (const RigPoint *from, RigPortSide from_side, const RigPoint *to,
                           RigPoint curve[4])
{
  RigPortSide to_side;

  switch (from_side)
    {
      case RIG_PORT_SIDE_LEFT:
        to_side = RIG_PORT_SIDE_RIGHT;
        break;
      case RIG_PORT_SIDE_RIGHT:
        to_side = RIG_PORT_SIDE_LEFT;
        break;
      case RIG_PORT_SIDE_BOTTOM:
      default:
        to_side = RIG_PORT_SIDE_BOTTOM;
        break;
    }
  rig_layout_curve_between (from, from_side, to, to_side, curve);
}
