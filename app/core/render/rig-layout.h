/* rig-layout.h: where everything of a rig is on the canvas.
 *
 * Canvas units: 1 unit = 1 px at zoom 1. A device is a card whose top-left
 * corner is at (device->x, device->y): a header (label and model name), then
 * one row per jack: input jacks on the LEFT edge first, then output and
 * both-direction jacks on the RIGHT edge, so that signal flows from left to
 * right; power-only jacks (signal "power") sit on the BOTTOM edge. A cable is
 * a route from port to port that leaves each port outward, at right angles
 * to the port's edge, and runs around the cards in horizontal and vertical
 * stretches with rounded corners (rig-route.h); where no route is found
 * nearby it is the plain cubic Bézier between its ports. Its number sits on
 * the route where it covers no card, port or other number.
 *
 * A RigLayout follows its document's RigDocument::changed signal and keeps a
 * spatial index (a uniform grid of buckets) of the devices and cables, updated
 * incrementally from each RigChange (only the devices and cables it names, and
 * the cables on devices that moved), so that finding what is in a viewport or
 * under the pointer costs the number of objects there, not the size of the rig.
 * After it has updated itself it emits RigLayout::changed, so listeners that
 * connect to the layout (not to the document) always see a current layout.
 *
 * Signals:
 *   changed (RigLayout *self, const RigChange *change, const GArray *damage)
 *     after the layout followed a document change; @damage is a GArray of
 *     RigRect: the areas (old and new bounds) of every device and cable whose
 *     geometry or content changed.
 *
 * GTK-free: the painter, the exports and the canvas share it.
 */
#pragma once

#include <glib-object.h>

#include "rig-document.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y;
} RigPoint;

typedef struct
{
  double x, y, width, height;
} RigRect;

gboolean
rig_rect_intersects (const RigRect *a, const RigRect *b);
gboolean
rig_rect_contains_point (const RigRect *rect, double x, double y);
/* TRUE when @inner lies entirely inside @outer. */
gboolean
rig_rect_contains_rect (const RigRect *outer, const RigRect *inner);
/* The smallest rect holding both; an empty (0 x 0) @a or @b is ignored. */
void
rig_rect_union (const RigRect *a, const RigRect *b, RigRect *out);
void
rig_rect_inflate (RigRect *rect, double dx, double dy);
/* A rect from two corners in any order (a rubber band). */
void
rig_rect_from_corners (RigRect *out, double x0, double y0, double x1, double y1);

/* Card and port metrics (canvas units). */
#define RIG_LAYOUT_CARD_WIDTH 200.0
#define RIG_LAYOUT_HEADER_HEIGHT 48.0
#define RIG_LAYOUT_ROW_HEIGHT 22.0
#define RIG_LAYOUT_BAND_HEIGHT 40.0 /* the bottom band of power jacks */
#define RIG_LAYOUT_SLOT_WIDTH 68.0  /* minimum width of one power jack's slot */
#define RIG_LAYOUT_PORT_RADIUS 6.0  /* half the size of a port glyph */
/* How far drawing may reach outside a card's rect (port glyphs, badge,
 * shadow, selection halo) or outside a cable's curve (stroke, halo, label). */
#define RIG_LAYOUT_DEVICE_MARGIN 12.0
#define RIG_LAYOUT_CABLE_MARGIN 8.0
/* The size of the cable number label box centred on the label point. */
#define RIG_LAYOUT_LABEL_HALF_WIDTH 40.0
#define RIG_LAYOUT_LABEL_HALF_HEIGHT 11.0

typedef enum
{
  RIG_PORT_SIDE_LEFT,   /* inputs; two-way plugs of headphones, speakers, adapters */
  RIG_PORT_SIDE_RIGHT,  /* outputs and the other two-way jacks */
  RIG_PORT_SIDE_BOTTOM, /* power-only jacks */
} RigPortSide;

/* The side a jack of @model is drawn on, so signal flows left to right. */
RigPortSide
rig_layout_jack_side (const RigDeviceModel *model, const RigJack *jack);

/* The unit vector pointing out of a card from @side. */
void
rig_port_side_normal (RigPortSide side, double *nx, double *ny);

/* One port of a card, relative to the card's top-left corner. */
typedef struct
{
  guint jack_index; /* in the model's jacks */
  RigPortSide side;
  RigPoint anchor; /* where the cable attaches: on the card's edge */
  RigRect glyph;   /* the glyph, centred on the anchor */
  RigRect label;   /* where the jack's name and connector go, inside the card */
} RigPortShape;

/* The shape of every card of one model (shared, owned by the layout). */
typedef struct
{
  double width, height;
  double header_height;
  guint n_rows;        /* left and right rows */
  guint n_bottom;      /* bottom ports */
  double band_top;     /* top of the bottom band (== height when n_bottom == 0) */
  guint n_ports;       /* == model->n_jacks */
  RigPortShape *ports; /* indexed by jack index */
} RigCardShape;

/* A port in canvas coordinates. */
typedef struct
{
  const RigJack *jack;
  guint jack_index;
  RigPortSide side;
  RigPoint anchor;
  RigRect glyph;
  RigRect label;
} RigPortGeometry;

#define RIG_TYPE_LAYOUT (rig_layout_get_type ())
G_DECLARE_FINAL_TYPE (RigLayout, rig_layout, RIG, LAYOUT, GObject)

/* A layout of @document that follows its changes. */
RigLayout *
rig_layout_new (RigDocument *document);
/* A layout of @document whose cables are their plain curves, numbers at
 * their middles, until rig_layout_finish() or the document's first change
 * routes them all (then it emits changed, as for a replaced document, with
 * the whole rig as damage). Routing every cable of a big rig takes longer
 * than drawing it: the editor shows it first, and finishes after (#13). */
RigLayout *
rig_layout_new_deferred (RigDocument *document);
/* TRUE until a deferred layout is finished. */
gboolean
rig_layout_is_provisional (RigLayout *self);
void
rig_layout_finish (RigLayout *self);
RigDocument *
rig_layout_get_document (RigLayout *self);

/* The shape a card of @model has (owned by the layout, valid while it lives). */
const RigCardShape *
rig_layout_get_shape (RigLayout *self, RigDeviceModel *model);

/* A device's card, in canvas units. FALSE for an unknown id. */
gboolean
rig_layout_get_card_rect (RigLayout *self, const char *device_id, RigRect *rect);
/* The area a device's drawing may cover (its card plus the margin). */
gboolean
rig_layout_get_device_bounds (RigLayout *self, const char *device_id, RigRect *rect);
/* One port of a device. FALSE for an unknown device or jack. */
gboolean
rig_layout_get_port (RigLayout *self, const char *device_id, const char *jack_id,
                     RigPortGeometry *port);

/* The cubic Bézier that joins two anchors leaving outward from their sides. */
void
rig_layout_curve_between (const RigPoint *from, RigPortSide from_side, const RigPoint *to,
                          RigPortSide to_side, RigPoint curve[4]);
/* The Bézier for a drag in progress: from a port to a free point (the
 * pointer), arriving in the direction a port there would need. */
void
rig_layout_curve_to_point (const RigPoint *from, RigPortSide from_side, const RigPoint *to,
                           RigPoint curve[4]);
/* The point at @t of a cubic Bézier. */
void
rig_bezier_point (const RigPoint curve[4], double t, RigPoint *out);
/* The exact bounding box of a cubic Bézier (no stroke width). */
void
rig_bezier_bounds (const RigPoint curve[4], RigRect *out);
/* The distance from (x, y) to the curve, and where on it (@t, may be NULL). */
double
rig_bezier_distance (const RigPoint curve[4], double x, double y, double *t);

/* A cable's route as drawn: a polyline from its FROM anchor to its TO anchor
 * (@points owned by the layout, valid until it next changes). */
gboolean
rig_layout_get_cable_path (RigLayout *self, const char *cable_id, const RigPoint **points,
                           guint *n_points);
/* The point at fraction @t (0..1) of the length of a cable's route. */
gboolean
rig_layout_get_cable_point (RigLayout *self, const char *cable_id, double t, RigPoint *point);
/* The box of a cable's number (what it may cover, badge included). */
gboolean
rig_layout_get_cable_label_box (RigLayout *self, const char *cable_id, RigRect *box);
/* The plain Bézier between a cable's ends (4 control points, from FROM to
 * TO): its ends are the route's; what is drawn is the route. */
gboolean
rig_layout_get_cable_curve (RigLayout *self, const char *cable_id, RigPoint curve[4]);
/* The route's bounding box with the label box and the margin. */
gboolean
rig_layout_get_cable_bounds (RigLayout *self, const char *cable_id, RigRect *rect);
/* The areas that redrawing a cable must cover, appended to @rects (a GArray
 * of RigRect): its bounds, or for a long diagonal cable the boxes of the
 * pieces of its curve and its label, which cover far less. FALSE for an
 * unknown id. */
gboolean
rig_layout_get_cable_damage (RigLayout *self, const char *cable_id, GArray *rects);
/* Where the cable's number is drawn: the centre of its label box, on the
 * route. */
gboolean
rig_layout_get_cable_label_point (RigLayout *self, const char *cable_id, RigPoint *point);

/* Hit tests. (x, y) in canvas units; @zoom (screen px per unit) turns a
 * tolerance in screen px into canvas units. */

/* The topmost device (last in document order) whose card holds the point, or NULL. */
RigDevice *
rig_layout_device_at (RigLayout *self, double x, double y);
/* The port whose glyph is within @tolerance_px of the point (the nearest);
 * sets the device and jack ids (borrowed). */
gboolean
rig_layout_port_at (RigLayout *self, double x, double y, double zoom, double tolerance_px,
                    const char **device_id, const char **jack_id);
/* The cable nearest the point if its route (or its label box) is within
 * @tolerance_px; @t (may be NULL) gets where on the route (fraction of its
 * length). */
RigCable *
rig_layout_cable_at (RigLayout *self, double x, double y, double zoom, double tolerance_px,
                     double *t);
/* The ids (borrowed, in document order) of the devices whose card intersects
 * @rect, or with @inside, lies entirely inside it. A new array. */
GPtrArray *
rig_layout_devices_in_rect (RigLayout *self, const RigRect *rect, gboolean inside);

/* The devices and cables (RigDevice* / RigCable*, borrowed, document order)
 * whose bounds intersect @rect: what to draw for a viewport. Either array may
 * be NULL; the arrays are cleared first. */
void
rig_layout_query (RigLayout *self, const RigRect *rect, GPtrArray *devices, GPtrArray *cables);

/* The bounds of the whole rig (cards and cables); FALSE when it is empty. */
gboolean
rig_layout_get_bounds (RigLayout *self, RigRect *rect);

/* For tests: the devices and cables the index finds in @rect, ids sorted.
 * Two layouts of equal documents give equal strings. */
char *
rig_layout_dump_index (RigLayout *self, const RigRect *rect);
/* How many grid buckets the index uses (for tests and benchmarks). */
guint
rig_layout_get_n_buckets (RigLayout *self);

G_END_DECLS
