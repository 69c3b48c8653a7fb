/* rig-route.h: orthogonal cable routes around cards.
 *
 * A route leaves its FROM port outward, runs in horizontal and vertical
 * segments through the channels between cards (never into a card's rect
 * inflated by a margin, its own two end cards included) and enters its TO
 * port from outside. The search is an A* over a sparse grid: one line
 * through the middle of each channel between neighbouring card edges (offset
 * by the cable's lane, so that parallel cables run side by side), plus the
 * lines of the two ports. The cost is the length plus a penalty per bend, so
 * a route takes few bends and the shortest way around.
 *
 * GLib only: the layout (rig-layout.c) calls it with the cards near a cable.
 */
#pragma once

#include <math.h>

#include "rig-layout.h"

G_BEGIN_DECLS

typedef struct
{
  RigPoint anchor;  /* where the cable meets the card */
  RigPortSide side; /* the card's edge the port is on */
  RigRect card;     /* the end's card, inflated by the obstacle margin */
  double lane;      /* offset from the middle of a channel, canvas units */
} RigRouteEnd;

/* Appends to @corners (a GArray of RigPoint) the corners of a route from
 * @from to @to (both anchors included) that enters none of @obstacles
 * (rects, inflated already) and stays inside @window; FALSE (nothing
 * appended) when there is none there or the search would be too large. */
gboolean
rig_route_find (const RigRect *obstacles, guint n_obstacles, const RigRect *window,
                const RigRouteEnd *from, const RigRouteEnd *to, GArray *corners);

/* What rig_route_find_with() reuses from one route to the next (its
 * arrays), so that routing many cables allocates little. */
typedef struct _RigRouteScratch RigRouteScratch;

RigRouteScratch *
rig_route_scratch_new (void);
void
rig_route_scratch_free (RigRouteScratch *scratch);
/* rig_route_find() with @scratch's arrays. */
gboolean
rig_route_find_with (RigRouteScratch *scratch, const RigRect *obstacles, guint n_obstacles,
                     const RigRect *window, const RigRouteEnd *from, const RigRouteEnd *to,
                     GArray *corners);

/* Appends to @out the polyline of @corners (an orthogonal route) with each
 * corner replaced by a quarter circle of at most @radius, flattened. */
void
rig_route_round (const RigPoint *corners, guint n_corners, double radius, GArray *out);

/* Appends to @out the cubic Bézier @curve flattened into @pieces pieces. */
void
rig_route_flatten (const RigPoint curve[4], guint pieces, GArray *out);

/* hypot (@dx, @dy), to the bit, without the call for a horizontal or
 * vertical step, as most of a route's are (C11 F.10.4.3: hypot (x, ±0) is
 * fabs (x)). */
static inline double
rig_route_step_length (double dx, double dy)
{
  if (dy == 0)
    return fabs (dx);
  if (dx == 0)
    return fabs (dy);
  return hypot (dx, dy);
}

/* Polylines (@n points, @n >= 1). */
double
rig_polyline_length (const RigPoint *points, guint n);
/* The point at fraction @t (0..1) of the length. */
void
rig_polyline_point (const RigPoint *points, guint n, double t, RigPoint *out);
/* The distance from (x, y), and where (fraction of length; @t may be NULL). */
double
rig_polyline_distance (const RigPoint *points, guint n, double x, double y, double *t);
void
rig_polyline_bounds (const RigPoint *points, guint n, RigRect *out);
/* TRUE when a segment of the polyline enters the interior of @rect. */
gboolean
rig_polyline_crosses_rect (const RigPoint *points, guint n, const RigRect *rect);

G_END_DECLS
