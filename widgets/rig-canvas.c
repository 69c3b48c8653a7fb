/* rig-canvas.c: the rig diagram editor widget.
 *
 * Drawing: the view is kept in a scene cache, an image surface the size of
 * the widget (in device pixels) holding the background and every object at
 * the current zoom and scroll position. A frame blits the cache and draws on
 * top only what is in motion: the devices being dragged (and their cables),
 * the cable being pulled out of a port, the rubber band. The cache is not
 * redrawn as a whole unless the zoom or the size changes:
 * - a document change damages the old and new bounds of what it touched
 *   (RigLayout::changed), a status change the bounds of the objects whose
 *   status changed, a selection or hover change those of the objects
 *   concerned; only the damaged region is cleared and redrawn, with the
 *   objects the layout's index finds there;
 * - scrolling shifts the cache by whole device pixels (the origin is kept on
 *   the pixel grid) and draws the strips that came into view;
 * - while devices are dragged they are left out of the cache (drawn once
 *   without them when the drag starts) and drawn on top each frame, so a
 *   drag costs the dragged objects, not the rig.
 * Every edit goes through a command and the document's history; the canvas
 * redraws from the signals, never from its own edits.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-canvas-private.h"
#include "rig-catalog.h"
#include "rig-history.h"

#define DRAG_THRESHOLD 3.0  /* px before a press becomes a drag */
#define PORT_TOLERANCE 5.0  /* px around a port glyph */
#define CABLE_TOLERANCE 5.0 /* px around a cable */
#define END_REACH 40.0      /* px from its port where a cable's end can be grabbed */
#define FIT_PADDING 32.0    /* px around the rig when zooming to fit */
#define ZOOM_STEP 1.25
#define MODEL_PREFIX "rigwire-model:"

typedef enum
{
  MODE_NONE,
  MODE_PENDING_MOVE, /* pressed on a device, not moved yet */
  MODE_MOVE,
  MODE_CONNECT,
  MODE_RECONNECT,
  MODE_RUBBER,
  MODE_PAN,
  MODE_CABLE_CLICK, /* pressed on a cable end that may become a reconnect */
} Mode;

struct _RigCanvas
{
  GtkWidget parent_instance;

  RigDocument *document;
  RigHistory *history; /* where edits go */
  RigValidator *validator;
  RigSelection *selection;
  RigLayout *layout;
  RigPainter *painter;
  gulong layout_changed_id;
  gulong statuses_id;
  gulong selection_id;

  double zoom;
  double ox, oy; /* the canvas point at the widget's top-left corner */
  gboolean snap;
  gboolean show_paths;
  gboolean fit_pending;

  /* The scene cache. */
  cairo_surface_t *cache;
  cairo_surface_t *spare;
  int cache_w, cache_h, cache_scale;
  double cache_zoom, cache_ox, cache_oy;
  gboolean cache_full; /* redraw all of it */
  GArray *damage;      /* cairo_rectangle_int_t: device px of the cache to redraw */
  RigCanvasStats stats;

  /* What the painter was last told (for damage). */
  char **painted_sel_devices;
  char **painted_sel_cables;
  char **highlight_devices;
  char **highlight_cables;
  char *hover_device, *hover_jack, *hover_cable;

  /* The gesture in progress. */
  Mode mode;
  double press_x, press_y; /* widget px */
  double last_x, last_y;
  GdkModifierType press_state;
  char *press_device; /* the device pressed on */
  gboolean select_only_on_release;
  char **floating;               /* devices being dragged */
  char **floating_cables;        /* cables on them */
  double grab_x, grab_y;         /* the pressed device's position at the press */
  char *from_device, *from_jack; /* connect: the port the cable leaves */
  RigPortSide from_side;
  RigPoint from_anchor;
  char *cable_id; /* reconnect: the cable, and which end moves */
  RigEnd cable_end;
  char *target_device, *target_jack;
  RigPoint pointer;     /* canvas units */
  GHashTable *verdicts; /* "device\x1fjack" -> severity + 1, per drag */
  double pan_ox, pan_oy;
  gboolean space_down;
  double zoom_start;

  double motion_x, motion_y; /* the pointer, for zooming around it */
  guint accessible_id;       /* a pending update of the accessible description */
  GtkGesture *drag;
};

G_DEFINE_FINAL_TYPE (RigCanvas, rig_canvas, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_SNAP_TO_GRID,
  PROP_SHOW_SIGNAL_PATHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_highlight (RigCanvas *self);
static gboolean
judge_port (const char *device_id, const char *jack_id, RigSeverity *severity, gpointer data);

/* ---- coordinates ------------------------------------------------------- */

void
rig_canvas_widget_to_canvas (RigCanvas *self, double wx, double wy, double *cx, double *cy)
{
  *cx = self->ox + wx / self->zoom;
  *cy = self->oy + wy / self->zoom;
}

void
rig_canvas_canvas_to_widget (RigCanvas *self, double cx, double cy, double *wx, double *wy)
{
  *wx = (cx - self->ox) * self->zoom;
  *wy = (cy - self->oy) * self->zoom;
}

static int
scale_factor (RigCanvas *self)
{
  return MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

/* Keeps the origin on the device-pixel grid, so that scrolling shifts the
 * cache by whole pixels and what it redraws matches what it keeps. */
static void
set_origin (RigCanvas *self, double ox, double oy)
{
  double k = self->zoom * scale_factor (self);

  self->ox = round (ox * k) / k;
  self->oy = round (oy * k) / k;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- damage ------------------------------------------------------------ */

static void
invalidate_all (RigCanvas *self)
{
  self->cache_full = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
rect_area (const cairo_rectangle_int_t *r)
{
  return (double) r->width * r->height;
}

static void
rect_union (const cairo_rectangle_int_t *a, const cairo_rectangle_int_t *b,
            cairo_rectangle_int_t *out)
{
  int x0 = MIN (a->x, b->x), y0 = MIN (a->y, b->y);
  int x1 = MAX (a->x + a->width, b->x + b->width), y1 = MAX (a->y + a->height, b->y + b->height);

  *out = (cairo_rectangle_int_t){ x0, y0, x1 - x0, y1 - y0 };
}

/* Adds a device-px rect to the damage, merging it with the rects it meets
 * when their union is not much larger than they are: each rect is redrawn
 * whole (every object in it), so few compact rects cost least. A cairo
 * region would cut a card into bands and redraw it once per band. */
static void
damage_add (RigCanvas *self, const cairo_rectangle_int_t *px)
{
  cairo_rectangle_int_t r = *px;
  gboolean merged = TRUE;

  while (merged)
    {
      merged = FALSE;
      for (guint i = 0; i < self->damage->len; i++)
        {
          cairo_rectangle_int_t *e = &g_array_index (self->damage, cairo_rectangle_int_t, i), u;

          rect_union (e, &r, &u);
          if (rect_area (&u) <= 1.25 * (rect_area (e) + rect_area (&r)) + 64 * 64)
            {
              r = u;
              g_array_remove_index_fast (self->damage, i);
              merged = TRUE;
              break;
            }
        }
    }
  g_array_append_val (self->damage, r);
  if (self->damage->len > 96)
    {
      /* Scattered all over: one rect over everything. */
      cairo_rectangle_int_t all = g_array_index (self->damage, cairo_rectangle_int_t, 0);

      for (guint i = 1; i < self->damage->len; i++)
        rect_union (&all, &g_array_index (self->damage, cairo_rectangle_int_t, i), &all);
      g_array_set_size (self->damage, 1);
      g_array_index (self->damage, cairo_rectangle_int_t, 0) = all;
    }
}

/* Marks a canvas-unit rect of the cache for redrawing. */
static void
damage_rect (RigCanvas *self, const RigRect *r)
{
  double k, m;
  cairo_rectangle_int_t px;
  double x0, y0, x1, y1;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->cache == NULL || self->cache_full)
    return;
  k = self->cache_zoom * self->cache_scale;
  m = rig_painter_margin (self->cache_zoom);
  x0 = floor ((r->x - m - self->cache_ox) * k) - 1;
  y0 = floor ((r->y - m - self->cache_oy) * k) - 1;
  x1 = ceil ((r->x + r->width + m - self->cache_ox) * k) + 1;
  y1 = ceil ((r->y + r->height + m - self->cache_oy) * k) + 1;
  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, self->cache_w);
  y1 = MIN (y1, self->cache_h);
  if (x1 <= x0 || y1 <= y0)
    return;
  px = (cairo_rectangle_int_t){ (int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0) };
  damage_add (self, &px);
}

static void
damage_device (RigCanvas *self, const char *id)
{
  RigRect r;

  if (id != NULL && self->layout != NULL && rig_layout_get_device_bounds (self->layout, id, &r))
    damage_rect (self, &r);
}

static void
damage_cable (RigCanvas *self, const char *id)
{
  g_autoptr (GArray) rects = NULL;

  if (id == NULL || self->layout == NULL)
    return;
  rects = g_array_new (FALSE, FALSE, sizeof (RigRect));
  if (rig_layout_get_cable_damage (self->layout, id, rects))
    for (guint i = 0; i < rects->len; i++)
      damage_rect (self, &g_array_index (rects, RigRect, i));
}

/* Damages a device and every cable on it. */
static void
damage_device_and_cables (RigCanvas *self, const char *id)
{
  GPtrArray *list;

  damage_device (self, id);
  if (self->document == NULL)
    return;
  list = rig_document_get_device_cables (self->document, id);
  for (guint i = 0; i < list->len; i++)
    damage_cable (self, ((RigCable *) g_ptr_array_index (list, i))->id);
}

static void
damage_ids (RigCanvas *self, const char *const *devices, const char *const *cables)
{
  guint n = (devices ? g_strv_length ((char **) devices) : 0)
            + (cables ? g_strv_length ((char **) cables) : 0);

  /* Many scattered rects cost more than one redraw. */
  if (n > 400)
    {
      invalidate_all (self);
      return;
    }
  for (guint i = 0; devices != NULL && devices[i] != NULL; i++)
    damage_device (self, devices[i]);
  for (guint i = 0; cables != NULL && cables[i] != NULL; i++)
    damage_cable (self, cables[i]);
}

/* ---- hit tests ----------------------------------------------------------- */

/* Ports can be grabbed only where they are drawn: zoomed far out, a press
 * on a card moves it. */
static gboolean
port_at (RigCanvas *self, double cx, double cy, double tolerance, const char **device_id,
         const char **jack_id)
{
  if (self->layout == NULL || self->zoom * scale_factor (self) < RIG_PAINTER_LOD_GLYPHS)
    return FALSE;
  return rig_layout_port_at (self->layout, cx, cy, self->zoom, tolerance, device_id, jack_id);
}

/* ---- the scene cache --------------------------------------------------- */

static void
render_area (RigCanvas *self, cairo_t *cr, const cairo_rectangle_int_t *px)
{
  double k = self->zoom * self->cache_scale;
  RigRect visible = { self->ox + px->x / k, self->oy + px->y / k, px->width / k, px->height / k };

  rig_painter_set_device_scale (self->painter, self->cache_scale);
  cairo_save (cr);
  cairo_rectangle (cr, px->x, px->y, px->width, px->height);
  cairo_clip (cr);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -self->ox, -self->oy);
  rig_painter_draw_background (self->painter, cr, &visible, self->zoom,
                               self->snap ? RIG_CANVAS_GRID : 0);
  rig_painter_draw (self->painter, cr, &visible, self->zoom);
  cairo_restore (cr);
  self->stats.rendered_px += (double) px->width * px->height;
}

static void
update_cache (RigCanvas *self, int width, int height)
{
  int scale = scale_factor (self);
  int w = width * scale, h = height * scale;
  cairo_t *cr;

  if (self->cache == NULL || self->cache_w != w || self->cache_h != h || self->cache_scale != scale)
    {
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      g_clear_pointer (&self->spare, cairo_surface_destroy);
      self->cache = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      self->cache_w = w;
      self->cache_h = h;
      self->cache_scale = scale;
      self->cache_full = TRUE;
    }
  if (self->cache_zoom != self->zoom)
    self->cache_full = TRUE;

  if (!self->cache_full && (self->cache_ox != self->ox || self->cache_oy != self->oy))
    {
      /* Scrolled: shift what is still in view, draw the new strips. */
      double k = self->zoom * scale;
      double fdx = (self->cache_ox - self->ox) * k, fdy = (self->cache_oy - self->oy) * k;
      int dx = (int) lround (fdx), dy = (int) lround (fdy);

      if (fabs (fdx - dx) > 1e-3 || fabs (fdy - dy) > 1e-3 || abs (dx) >= w || abs (dy) >= h)
        self->cache_full = TRUE;
      else
        {
          cairo_rectangle_int_t kept = { MAX (dx, 0), MAX (dy, 0), w - abs (dx), h - abs (dy) };
          g_autoptr (GArray) old = self->damage;

          if (self->spare == NULL)
            self->spare = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
          cr = cairo_create (self->spare);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_set_source_surface (cr, self->cache, dx, dy);
          cairo_paint (cr);
          cairo_destroy (cr);
          {
            cairo_surface_t *tmp = self->cache;
            self->cache = self->spare;
            self->spare = tmp;
          }
          /* The damage moves with the picture; the strips that came into
           * view are new damage. */
          self->damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
          for (guint i = 0; i < old->len; i++)
            {
              cairo_rectangle_int_t r = g_array_index (old, cairo_rectangle_int_t, i);
              int x0 = MAX (r.x + dx, kept.x), y0 = MAX (r.y + dy, kept.y);
              int x1 = MIN (r.x + dx + r.width, kept.x + kept.width);
              int y1 = MIN (r.y + dy + r.height, kept.y + kept.height);

              if (x1 > x0 && y1 > y0)
                damage_add (self, &(cairo_rectangle_int_t){ x0, y0, x1 - x0, y1 - y0 });
            }
          if (dx > 0)
            damage_add (self, &(cairo_rectangle_int_t){ 0, 0, dx, h });
          else if (dx < 0)
            damage_add (self, &(cairo_rectangle_int_t){ w + dx, 0, -dx, h });
          if (dy > 0)
            damage_add (self, &(cairo_rectangle_int_t){ 0, 0, w, dy });
          else if (dy < 0)
            damage_add (self, &(cairo_rectangle_int_t){ 0, h + dy, w, -dy });
          self->stats.scrolls++;
        }
    }

  self->cache_zoom = self->zoom;
  self->cache_ox = self->ox;
  self->cache_oy = self->oy;

  if (self->cache_full)
    {
      cairo_rectangle_int_t all = { 0, 0, w, h };

      cr = cairo_create (self->cache);
      render_area (self, cr, &all);
      cairo_destroy (cr);
      self->cache_full = FALSE;
      g_array_set_size (self->damage, 0);
      self->stats.full_renders++;
      return;
    }

  if (self->damage->len > 0)
    {
      cr = cairo_create (self->cache);
      for (guint i = 0; i < self->damage->len; i++)
        render_area (self, cr, &g_array_index (self->damage, cairo_rectangle_int_t, i));
      cairo_destroy (cr);
      g_array_set_size (self->damage, 0);
      self->stats.partial_renders++;
    }
}

/* The devices and cables being dragged, for the overlay. */
static void
floating_objects (RigCanvas *self, GPtrArray *devices, GPtrArray *cables)
{
  for (guint i = 0; self->floating != NULL && self->floating[i] != NULL; i++)
    {
      RigDevice *device = rig_document_find_device (self->document, self->floating[i]);
      if (device != NULL)
        g_ptr_array_add (devices, device);
    }
  for (guint i = 0; self->floating_cables != NULL && self->floating_cables[i] != NULL; i++)
    {
      RigCable *cable = rig_document_find_cable (self->document, self->floating_cables[i]);
      if (cable != NULL)
        g_ptr_array_add (cables, cable);
    }
}

static void
rig_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RigCanvas *self = RIG_CANVAS (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  self->stats.frames++;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->painter == NULL)
    {
      cairo_set_source_rgb (cr, ((RIG_PAINTER_COLOR_BACKGROUND >> 16) & 0xff) / 255.0,
                            ((RIG_PAINTER_COLOR_BACKGROUND >> 8) & 0xff) / 255.0,
                            (RIG_PAINTER_COLOR_BACKGROUND & 0xff) / 255.0);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }

  update_cache (self, width, height);

  cairo_save (cr);
  cairo_scale (cr, 1.0 / self->cache_scale, 1.0 / self->cache_scale);
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);

  /* What moves, on top. */
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->ox, -self->oy);
  if (self->mode == MODE_MOVE && self->floating != NULL)
    {
      g_autoptr (GPtrArray) devices = g_ptr_array_new ();
      g_autoptr (GPtrArray) cables = g_ptr_array_new ();

      floating_objects (self, devices, cables);
      rig_painter_draw_objects (self->painter, cr, devices, cables, self->zoom);
    }
  else if (self->mode == MODE_CONNECT || self->mode == MODE_RECONNECT)
    {
      RigPoint curve[4];
      int status = -1;
      RigPortGeometry target;
      RigRect view = { self->ox, self->oy, width / self->zoom, height / self->zoom };

      rig_painter_draw_port_marks (self->painter, cr, &view, self->zoom, judge_port, self);

      if (self->target_device != NULL
          && rig_layout_get_port (self->layout, self->target_device, self->target_jack, &target))
        {
          RigSeverity verdict = RIG_SEVERITY_NONE;
          gpointer found;
          g_autofree char *key
              = g_strdup_printf ("%s\x1f%s", self->target_device, self->target_jack);

          if (self->verdicts != NULL && (found = g_hash_table_lookup (self->verdicts, key)) != NULL)
            verdict = GPOINTER_TO_INT (found) - 1;
          status = self->validator != NULL ? (int) verdict : -1;
          rig_layout_curve_between (&self->from_anchor, self->from_side, &target.anchor,
                                    target.side, curve);
        }
      else
        rig_layout_curve_to_point (&self->from_anchor, self->from_side, &self->pointer, curve);
      rig_painter_draw_wire (self->painter, cr, curve, status, self->zoom);
    }
  else if (self->mode == MODE_RUBBER)
    {
      RigRect band;
      double x0, y0, x1, y1;

      rig_canvas_widget_to_canvas (self, self->press_x, self->press_y, &x0, &y0);
      rig_canvas_widget_to_canvas (self, self->last_x, self->last_y, &x1, &y1);
      rig_rect_from_corners (&band, x0, y0, x1, y1);
      rig_painter_draw_rubber_band (self->painter, cr, &band, self->zoom);
    }
  cairo_destroy (cr);
}

/* ---- following the document, the validator and the selection ---------- */

static gboolean
strv_contains (char **strv, const char *s)
{
  return strv != NULL && s != NULL && g_strv_contains ((const char *const *) strv, s);
}

static void
update_accessible_now (RigCanvas *self)
{
  g_autofree char *text = NULL;

  if (self->document == NULL)
    text = g_strdup (_ ("No rig"));
  else if (self->validator != NULL)
    text = g_strdup_printf (_ ("%u devices, %u cables; %u errors, %u warnings"),
                            rig_document_get_n_devices (self->document),
                            rig_document_get_n_cables (self->document),
                            rig_validator_count (self->validator, RIG_SEVERITY_ERROR),
                            rig_validator_count (self->validator, RIG_SEVERITY_WARNING));
  else
    text
        = g_strdup_printf (_ ("%u devices, %u cables"), rig_document_get_n_devices (self->document),
                           rig_document_get_n_cables (self->document));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static gboolean
accessible_timeout_cb (gpointer data)
{
  RigCanvas *self = data;

  self->accessible_id = 0;
  update_accessible_now (self);
  return G_SOURCE_REMOVE;
}

/* The description counts problems, which costs a pass over every
 * diagnostic: once for a burst of edits, outside the frame. */
static void
update_accessible (RigCanvas *self)
{
  if (self->accessible_id == 0)
    self->accessible_id
        = g_timeout_add_full (G_PRIORITY_LOW, 300, accessible_timeout_cb, self, NULL);
}

static void
layout_changed_cb (RigLayout *layout, const RigChange *change, const GArray *damage,
                   RigCanvas *self)
{
  gboolean only_floating = FALSE;

  /* Moving the dragged devices touches nothing in the cache. */
  if (self->mode == MODE_MOVE && self->floating != NULL
      && (change->flags & ~RIG_CHANGE_DEVICES_MOVED) == 0)
    {
      only_floating = TRUE;
      for (guint i = 0; i < change->devices->len && only_floating; i++)
        only_floating = strv_contains (self->floating, g_ptr_array_index (change->devices, i));
    }

  if (change->flags & RIG_CHANGE_ALL)
    invalidate_all (self);
  else if (!only_floating)
    {
      if (damage->len > 2000)
        invalidate_all (self);
      else
        for (guint i = 0; i < damage->len; i++)
          damage_rect (self, &g_array_index (damage, RigRect, i));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (change->flags & (RIG_CHANGE_DEVICES_REMOVED | RIG_CHANGE_CABLES_REMOVED | RIG_CHANGE_ALL))
    rig_selection_prune (self->selection, self->document);
  if (change->flags & ~RIG_CHANGE_DEVICES_MOVED)
    {
      if (self->show_paths)
        update_highlight (self);
      update_accessible (self);
    }
}

static void
statuses_changed_cb (RigValidator *validator, char **cable_ids, char **device_ids, RigCanvas *self)
{
  damage_ids (self, (const char *const *) device_ids, (const char *const *) cable_ids);
  if (self->show_paths)
    update_highlight (self);
  update_accessible (self);
}

/* Tells the painter what is selected, damaging what changed. */
static void
sync_selection (RigCanvas *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);

  damage_ids (self, (const char *const *) self->painted_sel_devices,
              (const char *const *) self->painted_sel_cables);
  damage_ids (self, (const char *const *) devices, (const char *const *) cables);
  if (self->painter != NULL)
    rig_painter_set_selection (self->painter, (const char *const *) devices,
                               (const char *const *) cables);
  g_strfreev (self->painted_sel_devices);
  g_strfreev (self->painted_sel_cables);
  self->painted_sel_devices = g_steal_pointer (&devices);
  self->painted_sel_cables = g_steal_pointer (&cables);
}

static void
selection_changed_cb (RigSelection *selection, RigCanvas *self)
{
  sync_selection (self);
  if (self->show_paths)
    update_highlight (self);
}

/* The signal paths of the selected devices (and the selected cables' source
 * devices), for the highlight. */
static void
update_highlight (RigCanvas *self)
{
  g_autoptr (GHashTable) cables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) devices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto (GStrv) sel_devices = NULL;
  g_auto (GStrv) sel_cables = NULL;
  GStrvBuilder *b_dev, *b_cab;
  GHashTableIter iter;
  gpointer key;
  char **new_devices, **new_cables;

  if (self->painter == NULL)
    return;

  if (self->show_paths && self->validator != NULL && self->selection != NULL)
    {
      sel_devices = rig_selection_get_devices (self->selection);
      sel_cables = rig_selection_get_cables (self->selection);
      for (guint i = 0; sel_cables[i] != NULL; i++)
        {
          RigCable *cable = rig_document_find_cable (self->document, sel_cables[i]);
          char **paths;

          if (cable == NULL)
            continue;
          paths = rig_validator_signal_paths (self->validator, cable->device[RIG_END_FROM]);
          g_ptr_array_add (keep, paths);
          for (guint j = 0; paths[j] != NULL; j++)
            g_hash_table_add (cables, paths[j]);
        }
      for (guint i = 0; sel_devices[i] != NULL; i++)
        {
          char **paths = rig_validator_signal_paths (self->validator, sel_devices[i]);

          g_ptr_array_add (keep, paths);
          g_hash_table_add (devices, sel_devices[i]);
          for (guint j = 0; paths[j] != NULL; j++)
            g_hash_table_add (cables, paths[j]);
        }
      g_hash_table_iter_init (&iter, cables);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          RigCable *cable = rig_document_find_cable (self->document, key);
          if (cable != NULL)
            {
              g_hash_table_add (devices, cable->device[RIG_END_FROM]);
              g_hash_table_add (devices, cable->device[RIG_END_TO]);
            }
        }
    }

  b_dev = g_strv_builder_new ();
  b_cab = g_strv_builder_new ();
  g_hash_table_iter_init (&iter, devices);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (b_dev, key);
  g_hash_table_iter_init (&iter, cables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (b_cab, key);
  new_devices = g_strv_builder_end (b_dev);
  new_cables = g_strv_builder_end (b_cab);
  g_strv_builder_unref (b_dev);
  g_strv_builder_unref (b_cab);

  /* Nothing to redraw when the highlight did not change. */
  if (self->highlight_devices != NULL && self->highlight_cables != NULL
      && g_strv_length (new_devices) == g_strv_length (self->highlight_devices)
      && g_strv_length (new_cables) == g_strv_length (self->highlight_cables))
    {
      gboolean same = TRUE;
      for (guint i = 0; same && new_devices[i] != NULL; i++)
        same = strv_contains (self->highlight_devices, new_devices[i]);
      for (guint i = 0; same && new_cables[i] != NULL; i++)
        same = strv_contains (self->highlight_cables, new_cables[i]);
      if (same)
        {
          g_strfreev (new_devices);
          g_strfreev (new_cables);
          return;
        }
    }

  damage_ids (self, (const char *const *) self->highlight_devices,
              (const char *const *) self->highlight_cables);
  damage_ids (self, (const char *const *) new_devices, (const char *const *) new_cables);
  rig_painter_set_highlight (self->painter, (const char *const *) new_devices,
                             (const char *const *) new_cables);
  g_strfreev (self->highlight_devices);
  g_strfreev (self->highlight_cables);
  self->highlight_devices = new_devices;
  self->highlight_cables = new_cables;
}

/* ---- hover ------------------------------------------------------------- */

static void
set_hover (RigCanvas *self, const char *device, const char *jack, const char *cable)
{
  if (g_strcmp0 (device, self->hover_device) == 0 && g_strcmp0 (jack, self->hover_jack) == 0
      && g_strcmp0 (cable, self->hover_cable) == 0)
    return;
  damage_device (self, self->hover_device);
  damage_cable (self, self->hover_cable);
  g_free (self->hover_device);
  g_free (self->hover_jack);
  g_free (self->hover_cable);
  self->hover_device = g_strdup (device);
  self->hover_jack = g_strdup (jack);
  self->hover_cable = g_strdup (cable);
  damage_device (self, self->hover_device);
  damage_cable (self, self->hover_cable);
  if (self->painter != NULL)
    rig_painter_set_hover (self->painter, device, jack, cable);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), device != NULL ? "crosshair" : NULL);
}

static void
update_hover (RigCanvas *self, double x, double y)
{
  const char *device = NULL, *jack = NULL;
  RigCable *cable = NULL;
  double cx, cy;

  if (self->layout == NULL || self->mode != MODE_NONE)
    return;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  if (!port_at (self, cx, cy, PORT_TOLERANCE, &device, &jack))
    {
      device = jack = NULL;
      if (rig_layout_device_at (self->layout, cx, cy) == NULL)
        cable = rig_layout_cable_at (self->layout, cx, cy, self->zoom, CABLE_TOLERANCE, NULL);
    }
  set_hover (self, device, jack, cable ? cable->id : NULL);
}

/* ---- connecting -------------------------------------------------------- */

/* Whether a cable dragged from @a to @b should run from @b to @a, so that
 * its FROM end is the one that sends (an output to an input). */
static gboolean
should_swap (const RigJack *a, const RigJack *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->direction == RIG_DIRECTION_IN && b->direction != RIG_DIRECTION_IN)
    return TRUE;
  if (a->direction == RIG_DIRECTION_BOTH && b->direction == RIG_DIRECTION_OUT)
    return TRUE;
  return FALSE;
}

static const RigJack *
find_jack (RigCanvas *self, const char *device_id, const char *jack_id)
{
  RigDevice *device = rig_document_find_device (self->document, device_id);

  return device != NULL ? rig_device_find_jack (device, jack_id) : NULL;
}

/* The verdict on a cable from the dragged port to (device, jack), judged
 * once per drag. */
static gboolean
judge_port (const char *device_id, const char *jack_id, RigSeverity *severity, gpointer data)
{
  RigCanvas *self = data;
  g_autofree char *key = NULL;
  gpointer found;
  const char *a_dev, *a_jack;
  RigSeverity verdict;

  if (self->validator == NULL || self->verdicts == NULL || self->from_device == NULL)
    return FALSE;
  if (strcmp (device_id, self->from_device) == 0 && strcmp (jack_id, self->from_jack) == 0)
    return FALSE;

  key = g_strdup_printf ("%s\x1f%s", device_id, jack_id);
  found = g_hash_table_lookup (self->verdicts, key);
  if (found != NULL)
    {
      *severity = GPOINTER_TO_INT (found) - 1;
      return TRUE;
    }

  a_dev = self->from_device;
  a_jack = self->from_jack;
  if (should_swap (find_jack (self, a_dev, a_jack), find_jack (self, device_id, jack_id)))
    verdict = rig_validator_judge_connection (self->validator, device_id, jack_id, a_dev, a_jack);
  else
    verdict = rig_validator_judge_connection (self->validator, a_dev, a_jack, device_id, jack_id);
  g_hash_table_insert (self->verdicts, g_steal_pointer (&key), GINT_TO_POINTER (verdict + 1));
  *severity = verdict;
  return TRUE;
}

/* Starts pulling a cable out of (device, jack), or the @end of @cable_id. */
static void
begin_connect (RigCanvas *self, const char *device_id, const char *jack_id, const char *cable_id,
               RigEnd end)
{
  RigPortGeometry port;

  if (!rig_layout_get_port (self->layout, device_id, jack_id, &port))
    return;
  self->mode = cable_id != NULL ? MODE_RECONNECT : MODE_CONNECT;
  self->from_device = g_strdup (device_id);
  self->from_jack = g_strdup (jack_id);
  self->from_side = port.side;
  self->from_anchor = port.anchor;
  self->cable_id = g_strdup (cable_id);
  self->cable_end = end;
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set_hover (self, NULL, NULL, NULL);
  /* Every port in view shows its verdict, drawn over the cache. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_target (RigCanvas *self, double cx, double cy)
{
  const char *device = NULL, *jack = NULL;
  gboolean found;

  found = port_at (self, cx, cy, PORT_TOLERANCE * 2, &device, &jack);
  if (found && strcmp (device, self->from_device) == 0 && strcmp (jack, self->from_jack) == 0)
    found = FALSE;
  if (found)
    {
      RigSeverity verdict;
      judge_port (device, jack, &verdict, self); /* fills the cache for the overlay */
    }
  if (!found)
    device = jack = NULL;
  if (g_strcmp0 (device, self->target_device) != 0 || g_strcmp0 (jack, self->target_jack) != 0)
    {
      g_free (self->target_device);
      g_free (self->target_jack);
      self->target_device = g_strdup (device);
      self->target_jack = g_strdup (jack);
    }
}

static void
apply (RigCanvas *self, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  if (!rig_history_apply (self->history, command, &error))
    g_debug ("Canvas edit refused: %s", error->message);
}

static void
finish_connect (RigCanvas *self)
{
  if (self->target_device != NULL)
    {
      if (self->mode == MODE_CONNECT)
        {
          const char *a_dev = self->from_device, *a_jack = self->from_jack;
          const char *b_dev = self->target_device, *b_jack = self->target_jack;

          if (should_swap (find_jack (self, a_dev, a_jack), find_jack (self, b_dev, b_jack)))
            apply (self, rig_command_add_cable (b_dev, b_jack, a_dev, a_jack, NULL, NULL));
          else
            apply (self, rig_command_add_cable (a_dev, a_jack, b_dev, b_jack, NULL, NULL));
        }
      else
        apply (self, rig_command_reconnect_cable (self->cable_id, self->cable_end,
                                                  self->target_device, self->target_jack));
    }
}

/* ---- the primary drag -------------------------------------------------- */

static void
clear_gesture_state (RigCanvas *self)
{
  g_clear_pointer (&self->press_device, g_free);
  g_clear_pointer (&self->from_device, g_free);
  g_clear_pointer (&self->from_jack, g_free);
  g_clear_pointer (&self->cable_id, g_free);
  g_clear_pointer (&self->target_device, g_free);
  g_clear_pointer (&self->target_jack, g_free);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  if (self->floating != NULL)
    {
      /* The dragged devices go back into the cache where they now are. */
      if (self->painter != NULL)
        rig_painter_set_excluded (self->painter, NULL);
      for (guint i = 0; self->floating[i] != NULL; i++)
        damage_device_and_cables (self, self->floating[i]);
      g_clear_pointer (&self->floating, g_strfreev);
      g_clear_pointer (&self->floating_cables, g_strfreev);
    }
  self->mode = MODE_NONE;
  self->select_only_on_release = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The dragged devices leave the cache and float on top. */
static void
begin_move (RigCanvas *self)
{
  g_auto (GStrv) ids = rig_selection_get_devices (self->selection);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GStrvBuilder *builder = g_strv_builder_new ();

  self->mode = MODE_MOVE;
  self->floating = g_steal_pointer (&ids);
  for (guint i = 0; self->floating[i] != NULL; i++)
    {
      GPtrArray *list = rig_document_get_device_cables (self->document, self->floating[i]);

      for (guint j = 0; j < list->len; j++)
        {
          RigCable *cable = g_ptr_array_index (list, j);
          if (g_hash_table_add (seen, cable->id))
            g_strv_builder_add (builder, cable->id);
        }
    }
  self->floating_cables = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  for (guint i = 0; self->floating[i] != NULL; i++)
    damage_device_and_cables (self, self->floating[i]);
  rig_painter_set_excluded (self->painter, (const char *const *) self->floating);
  set_hover (self, NULL, NULL, NULL);
}

static void
press (RigCanvas *self, double x, double y, GdkModifierType state)
{
  const char *device_id = NULL, *jack_id = NULL;
  RigDevice *device;
  RigCable *cable;
  double cx, cy, t;
  gboolean add = (state & GDK_SHIFT_MASK) != 0, toggle = (state & GDK_CONTROL_MASK) != 0;

  if (self->mode != MODE_NONE)
    clear_gesture_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = self->last_x = x;
  self->press_y = self->last_y = y;
  self->press_state = state;
  if (self->document == NULL)
    return;
  rig_history_seal (self->history);
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  self->pointer = (RigPoint){ cx, cy };

  if (self->space_down)
    {
      self->mode = MODE_PAN;
      self->pan_ox = self->ox;
      self->pan_oy = self->oy;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }

  if (port_at (self, cx, cy, PORT_TOLERANCE, &device_id, &jack_id))
    {
      begin_connect (self, device_id, jack_id, NULL, RIG_END_FROM);
      return;
    }

  device = rig_layout_device_at (self->layout, cx, cy);
  cable = device == NULL
              ? rig_layout_cable_at (self->layout, cx, cy, self->zoom, CABLE_TOLERANCE, &t)
              : NULL;
  if (cable != NULL)
    {
      RigPoint curve[4];

      if (toggle)
        rig_selection_toggle_cable (self->selection, cable->id);
      else if (add)
        rig_selection_add_cable (self->selection, cable->id);
      else if (!rig_selection_has_cable (self->selection, cable->id))
        rig_selection_set (self->selection, NULL, (const char *const[]){ cable->id, NULL });

      /* Near one of its ends the cable's end can be pulled to another port. */
      if (rig_layout_get_cable_curve (self->layout, cable->id, curve))
        {
          double d0 = hypot (curve[0].x - cx, curve[0].y - cy) * self->zoom;
          double d1 = hypot (curve[3].x - cx, curve[3].y - cy) * self->zoom;

          if (MIN (d0, d1) <= END_REACH
              && self->zoom * scale_factor (self) >= RIG_PAINTER_LOD_GLYPHS)
            {
              self->mode = MODE_CABLE_CLICK;
              self->cable_id = g_strdup (cable->id);
              self->cable_end = d0 <= d1 ? RIG_END_FROM : RIG_END_TO;
            }
        }
      return;
    }

  if (device != NULL)
    {
      if (toggle)
        rig_selection_toggle_device (self->selection, device->id);
      else if (add)
        rig_selection_add_device (self->selection, device->id);
      else if (!rig_selection_has_device (self->selection, device->id))
        rig_selection_set (self->selection, (const char *const[]){ device->id, NULL }, NULL);
      else
        self->select_only_on_release = TRUE;

      if (rig_selection_has_device (self->selection, device->id))
        {
          self->mode = MODE_PENDING_MOVE;
          self->press_device = g_strdup (device->id);
          self->grab_x = device->x;
          self->grab_y = device->y;
        }
      return;
    }

  if (!add && !toggle)
    rig_selection_clear (self->selection);
  self->mode = MODE_RUBBER;
}

static void
motion (RigCanvas *self, double x, double y)
{
  double cx, cy;
  gboolean beyond = hypot (x - self->press_x, y - self->press_y) >= DRAG_THRESHOLD;

  self->last_x = x;
  self->last_y = y;
  if (self->document == NULL)
    return;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  self->pointer = (RigPoint){ cx, cy };

  switch (self->mode)
    {
      case MODE_PENDING_MOVE:
        if (!beyond)
          return;
        self->select_only_on_release = FALSE;
        begin_move (self);
        G_GNUC_FALLTHROUGH;
      case MODE_MOVE:
        {
          RigDevice *grabbed = rig_document_find_device (self->document, self->press_device);
          double tx = self->grab_x + (x - self->press_x) / self->zoom;
          double ty = self->grab_y + (y - self->press_y) / self->zoom;
          double dx, dy;

          if (grabbed == NULL)
            return;
          if (self->snap)
            {
              tx = round (tx / RIG_CANVAS_GRID) * RIG_CANVAS_GRID;
              ty = round (ty / RIG_CANVAS_GRID) * RIG_CANVAS_GRID;
            }
          dx = tx - grabbed->x;
          dy = ty - grabbed->y;
          if (dx != 0 || dy != 0)
            apply (self, rig_command_move_devices ((const char *const *) self->floating, dx, dy));
        }
        break;
      case MODE_CABLE_CLICK:
        if (!beyond)
          return;
        {
          RigCable *cable = rig_document_find_cable (self->document, self->cable_id);
          g_autofree char *id = g_strdup (self->cable_id);
          RigEnd moving = self->cable_end;
          RigEnd fixed = moving == RIG_END_FROM ? RIG_END_TO : RIG_END_FROM;

          g_clear_pointer (&self->cable_id, g_free);
          if (cable == NULL)
            {
              self->mode = MODE_NONE;
              return;
            }
          begin_connect (self, cable->device[fixed], cable->jack[fixed], id, moving);
        }
        G_GNUC_FALLTHROUGH;
      case MODE_CONNECT:
      case MODE_RECONNECT:
        update_target (self, cx, cy);
        gtk_widget_queue_draw (GTK_WIDGET (self));
        break;
      case MODE_RUBBER:
        gtk_widget_queue_draw (GTK_WIDGET (self));
        break;
      case MODE_PAN:
        set_origin (self, self->pan_ox - (x - self->press_x) / self->zoom,
                    self->pan_oy - (y - self->press_y) / self->zoom);
        break;
      case MODE_NONE:
      default:
        break;
    }
}

static void
release (RigCanvas *self, double x, double y)
{
  if (self->document == NULL)
    {
      clear_gesture_state (self);
      return;
    }
  motion (self, x, y);

  switch (self->mode)
    {
      case MODE_PENDING_MOVE:
        if (self->select_only_on_release && self->press_device != NULL)
          rig_selection_set (self->selection, (const char *const[]){ self->press_device, NULL },
                             NULL);
        break;
      case MODE_MOVE:
        rig_history_seal (self->history);
        break;
      case MODE_CONNECT:
      case MODE_RECONNECT:
        finish_connect (self);
        break;
      case MODE_RUBBER:
        if (hypot (x - self->press_x, y - self->press_y) >= DRAG_THRESHOLD)
          {
            double x0, y0, x1, y1;
            RigRect band;
            g_autoptr (GPtrArray) ids = NULL;
            g_autoptr (GPtrArray) cables = g_ptr_array_new ();
            gboolean extend = (self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

            rig_canvas_widget_to_canvas (self, self->press_x, self->press_y, &x0, &y0);
            rig_canvas_widget_to_canvas (self, x, y, &x1, &y1);
            rig_rect_from_corners (&band, x0, y0, x1, y1);
            ids = rig_layout_devices_in_rect (self->layout, &band, FALSE);
            /* Cables whose whole curve lies in the band. */
            rig_layout_query (self->layout, &band, NULL, cables);
            {
              g_autoptr (GPtrArray) cable_ids = g_ptr_array_new ();
              for (guint i = 0; i < cables->len; i++)
                {
                  RigCable *cable = g_ptr_array_index (cables, i);
                  RigPoint curve[4];
                  RigRect bounds;

                  rig_layout_get_cable_curve (self->layout, cable->id, curve);
                  rig_bezier_bounds (curve, &bounds);
                  if (rig_rect_contains_rect (&band, &bounds))
                    g_ptr_array_add (cable_ids, cable->id);
                }
              g_ptr_array_add (ids, NULL);
              g_ptr_array_add (cable_ids, NULL);
              if (extend)
                {
                  for (guint i = 0; g_ptr_array_index (ids, i) != NULL; i++)
                    rig_selection_add_device (self->selection, g_ptr_array_index (ids, i));
                  for (guint i = 0; g_ptr_array_index (cable_ids, i) != NULL; i++)
                    rig_selection_add_cable (self->selection, g_ptr_array_index (cable_ids, i));
                }
              else
                rig_selection_set (self->selection, (const char *const *) ids->pdata,
                                   (const char *const *) cable_ids->pdata);
            }
          }
        break;
      case MODE_CABLE_CLICK:
      case MODE_PAN:
      case MODE_NONE:
      default:
        break;
    }
  clear_gesture_state (self);
  update_hover (self, x, y);
}

/* Escape: a move is undone, a connection or band dropped. */
static void
cancel_gesture (RigCanvas *self)
{
  if (self->mode == MODE_MOVE && self->document != NULL)
    {
      RigHistory *history = self->history;
      RigDevice *grabbed = rig_document_find_device (self->document, self->press_device);

      rig_history_seal (history);
      if (grabbed != NULL && (grabbed->x != self->grab_x || grabbed->y != self->grab_y))
        rig_history_undo (history);
    }
  clear_gesture_state (self);
  if (self->drag != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, RigCanvas *self)
{
  press (self, x, y, gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, RigCanvas *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y))
    motion (self, x + dx, y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, RigCanvas *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y))
    release (self, x + dx, y + dy);
}

void
rig_canvas_test_press (RigCanvas *self, double x, double y, GdkModifierType state)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  press (self, x, y, state);
}

void
rig_canvas_test_motion (RigCanvas *self, double x, double y)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  motion (self, x, y);
}

void
rig_canvas_test_release (RigCanvas *self, double x, double y)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  release (self, x, y);
}

/* ---- panning and zooming ----------------------------------------------- */

static void
pan_begin_cb (GtkGestureDrag *gesture, double x, double y, RigCanvas *self)
{
  self->pan_ox = self->ox;
  self->pan_oy = self->oy;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_update_cb (GtkGestureDrag *gesture, double dx, double dy, RigCanvas *self)
{
  set_origin (self, self->pan_ox - dx / self->zoom, self->pan_oy - dy / self->zoom);
}

static void
pan_end_cb (GtkGestureDrag *gesture, double dx, double dy, RigCanvas *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

/* Zooms keeping the canvas point under widget point (wx, wy) in place. */
static void
zoom_at (RigCanvas *self, double zoom, double wx, double wy)
{
  double cx, cy;

  zoom = CLAMP (zoom, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  rig_canvas_widget_to_canvas (self, wx, wy, &cx, &cy);
  self->zoom = zoom;
  set_origin (self, cx - wx / zoom, cy - wy / zoom);
  invalidate_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
scroll (RigCanvas *self, double dx, double dy, GdkModifierType state, gboolean wheel)
{
  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.15, -dy) : exp (-dy * 0.01);
      zoom_at (self, self->zoom * factor, self->motion_x, self->motion_y);
      return;
    }
  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= 60;
      dy *= 60;
    }
  set_origin (self, self->ox + dx / self->zoom, self->oy + dy / self->zoom);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, RigCanvas *self)
{
  scroll (self, dx, dy,
          gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller)),
          gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL);
  return TRUE;
}

void
rig_canvas_test_scroll (RigCanvas *self, double x, double y, double dx, double dy,
                        GdkModifierType state)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  self->motion_x = x;
  self->motion_y = y;
  scroll (self, dx, dy, state, TRUE);
}

static void
pinch_begin_cb (GtkGesture *gesture, GdkEventSequence *sequence, RigCanvas *self)
{
  self->zoom_start = self->zoom;
}

static void
pinch_scale_cb (GtkGestureZoom *gesture, double scale, RigCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->zoom_start * scale, x, y);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, RigCanvas *self)
{
  self->motion_x = x;
  self->motion_y = y;
  update_hover (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller, RigCanvas *self)
{
  if (self->mode == MODE_NONE)
    set_hover (self, NULL, NULL, NULL);
}

static void
click_cb (GtkGestureClick *gesture, int n_press, double x, double y, RigCanvas *self)
{
  double cx, cy;
  RigDevice *device;
  RigCable *cable;

  if (n_press != 2 || self->layout == NULL)
    return;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  device = rig_layout_device_at (self->layout, cx, cy);
  if (device != NULL)
    {
      g_signal_emit (self, signals[SIGNAL_OBJECT_ACTIVATED], 0, device->id, NULL);
      return;
    }
  cable = rig_layout_cable_at (self->layout, cx, cy, self->zoom, CABLE_TOLERANCE, NULL);
  if (cable != NULL)
    g_signal_emit (self, signals[SIGNAL_OBJECT_ACTIVATED], 0, NULL, cable->id);
}

/* ---- keyboard ---------------------------------------------------------- */

static void
delete_selection (RigCanvas *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);
  g_autoptr (GPtrArray) loose = g_ptr_array_new ();
  RigCommand *commands[2];
  guint n = 0;

  /* Cables on deleted devices go with them. */
  for (guint i = 0; cables[i] != NULL; i++)
    {
      RigCable *cable = rig_document_find_cable (self->document, cables[i]);
      if (cable != NULL && !strv_contains (devices, cable->device[RIG_END_FROM])
          && !strv_contains (devices, cable->device[RIG_END_TO]))
        g_ptr_array_add (loose, cables[i]);
    }
  g_ptr_array_add (loose, NULL);
  if (loose->len > 1)
    commands[n++] = rig_command_remove_cables ((const char *const *) loose->pdata);
  if (devices[0] != NULL)
    commands[n++] = rig_command_remove_devices ((const char *const *) devices);
  if (n == 0)
    return;
  rig_selection_clear (self->selection);
  apply (self, n == 1 ? commands[0] : rig_command_group (_ ("Delete"), commands, n));
}

/* Keyboard selection: Tab and Shift+Tab walk through the devices, then the
 * cables, in document order, and bring each into view; Ctrl+Tab leaves the
 * canvas (as in a text view). */
static gboolean
select_next_object (RigCanvas *self, gboolean backward)
{
  guint n_devices, n_cables, n, current = G_MAXUINT, next;
  const char *device = rig_selection_get_single_device (self->selection);
  const char *cable = rig_selection_get_single_cable (self->selection);

  if (self->document == NULL)
    return FALSE;
  n_devices = rig_document_get_n_devices (self->document);
  n_cables = rig_document_get_n_cables (self->document);
  n = n_devices + n_cables;
  if (n == 0)
    return FALSE;

  if (device != NULL && rig_document_device_index (self->document, device) >= 0)
    current = rig_document_device_index (self->document, device);
  else if (cable != NULL && rig_document_cable_index (self->document, cable) >= 0)
    current = n_devices + rig_document_cable_index (self->document, cable);

  if (current == G_MAXUINT)
    next = backward ? n - 1 : 0;
  else
    next = backward ? (current + n - 1) % n : (current + 1) % n;

  if (next < n_devices)
    {
      const char *ids[] = { rig_document_get_device (self->document, next)->id, NULL };
      rig_selection_set (self->selection, ids, NULL);
      rig_canvas_scroll_to (self, ids, NULL);
    }
  else
    {
      const char *ids[] = { rig_document_get_cable (self->document, next - n_devices)->id, NULL };
      rig_selection_set (self->selection, NULL, ids);
      rig_canvas_scroll_to (self, NULL, ids);
    }
  return TRUE;
}

static gboolean
key (RigCanvas *self, guint keyval, GdkModifierType state)
{
  double step = (state & GDK_SHIFT_MASK) ? 1.0 : RIG_CANVAS_GRID;
  double dx = 0, dy = 0;

  switch (keyval)
    {
      case GDK_KEY_Tab:
      case GDK_KEY_KP_Tab:
      case GDK_KEY_ISO_Left_Tab:
        if ((state & GDK_CONTROL_MASK) || self->mode != MODE_NONE)
          return FALSE;
        return select_next_object (self,
                                   keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
      case GDK_KEY_space:
        self->space_down = TRUE;
        if (self->mode == MODE_NONE)
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
        return TRUE;
      case GDK_KEY_Escape:
        if (self->mode != MODE_NONE)
          {
            cancel_gesture (self);
            return TRUE;
          }
        return FALSE;
      case GDK_KEY_Delete:
      case GDK_KEY_KP_Delete:
      case GDK_KEY_BackSpace:
        if (self->document == NULL || rig_selection_is_empty (self->selection))
          return FALSE;
        delete_selection (self);
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        dx = -step;
        break;
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        dx = step;
        break;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        dy = -step;
        break;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        dy = step;
        break;
      default:
        return FALSE;
    }

  if (self->document == NULL || rig_selection_get_n_devices (self->selection) == 0
      || self->mode != MODE_NONE)
    return FALSE;
  {
    g_auto (GStrv) ids = rig_selection_get_devices (self->selection);
    apply (self, rig_command_move_devices ((const char *const *) ids, dx, dy));
  }
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, RigCanvas *self)
{
  return key (self, keyval, state);
}

static void
key_released_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                 GdkModifierType state, RigCanvas *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      if (self->mode == MODE_NONE)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

gboolean
rig_canvas_test_key_press (RigCanvas *self, guint keyval, GdkModifierType state)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return key (self, keyval, state);
}

void
rig_canvas_test_key_release (RigCanvas *self, guint keyval, GdkModifierType state)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  key_released_cb (NULL, keyval, 0, state, self);
}

gboolean
rig_canvas_test_key (RigCanvas *self, guint keyval, GdkModifierType state)
{
  gboolean handled = rig_canvas_test_key_press (self, keyval, state);

  rig_canvas_test_key_release (self, keyval, state);
  return handled;
}

/* ---- placing models ---------------------------------------------------- */

/* Adds a device of @model with its card centred on (cx, cy); selects it. */
static char *
place_at (RigCanvas *self, RigDeviceModel *model, double cx, double cy)
{
  const RigCardShape *shape;
  RigCommand *command;
  g_autoptr (GError) error = NULL;
  double x, y;
  char *id;

  if (self->document == NULL || model == NULL)
    return NULL;
  shape = rig_layout_get_shape (self->layout, model);
  x = cx - shape->width / 2;
  y = cy - shape->header_height / 2;
  if (self->snap)
    {
      x = round (x / RIG_CANVAS_GRID) * RIG_CANVAS_GRID;
      y = round (y / RIG_CANVAS_GRID) * RIG_CANVAS_GRID;
    }
  /* Do not land exactly on another card's corner: cascade. */
  for (guint i = 0; i < 50; i++)
    {
      RigDevice *other = rig_layout_device_at (self->layout, x + 1, y + 1);
      if (other == NULL || other->x != x || other->y != y)
        break;
      x += RIG_CANVAS_GRID;
      y += RIG_CANVAS_GRID;
    }

  command = rig_command_add_device (model, NULL, x, y);
  if (!rig_history_apply (self->history, command, &error))
    {
      g_debug ("Cannot place %s: %s", model->id, error->message);
      return NULL;
    }
  id = g_strdup (rig_command_get_created_id (command));
  rig_selection_set (self->selection, (const char *const[]){ id, NULL }, NULL);
  return id;
}

char *
rig_canvas_place_model (RigCanvas *self, RigDeviceModel *model)
{
  double cx, cy;

  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  g_return_val_if_fail (model != NULL, NULL);
  rig_canvas_widget_to_canvas (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &cx, &cy);
  return place_at (self, model, cx, cy);
}

static gboolean
drop (RigCanvas *self, const char *value, double x, double y)
{
  RigDeviceModel *model;
  g_autofree char *id = NULL;
  double cx, cy;

  if (self->document == NULL || value == NULL || !g_str_has_prefix (value, MODEL_PREFIX))
    return FALSE;
  model = rig_catalog_lookup (rig_catalog_get_default (), value + strlen (MODEL_PREFIX));
  if (model == NULL)
    return FALSE;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  id = place_at (self, model, cx, cy);
  if (id != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  return id != NULL;
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, RigCanvas *self)
{
  return G_VALUE_HOLDS_STRING (value) && drop (self, g_value_get_string (value), x, y);
}

gboolean
rig_canvas_test_drop (RigCanvas *self, const char *value, double x, double y)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return drop (self, value, x, y);
}

/* ---- tooltips ---------------------------------------------------------- */

static const char *
severity_mark (RigSeverity severity)
{
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        return "✕";
      case RIG_SEVERITY_WARNING:
        return "!";
      case RIG_SEVERITY_INFO:
        return "i";
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        return "";
    }
}

static void
append_diagnostics (GString *text, GPtrArray *diagnostics)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_string_append_printf (text, "\n\n%s %s: %s", severity_mark (d->severity),
                              rig_severity_to_label (d->severity), d->message);
      if (d->fix != NULL && *d->fix != '\0')
        g_string_append_printf (text, "\n%s %s", _ ("Fix:"), d->fix);
    }
}

static void
append_figure (GString *text, const char *label, double value, const char *unit)
{
  if (rig_figure_is_set (value))
    g_string_append_printf (text, "\n%s: %g %s", label, value, unit);
}

static char *
port_tooltip (RigCanvas *self, const char *device_id, const char *jack_id)
{
  RigDevice *device = rig_document_find_device (self->document, device_id);
  const RigJack *jack = device ? rig_device_find_jack (device, jack_id) : NULL;
  g_autofree char *connector = NULL;
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  GString *text;

  if (jack == NULL)
    return NULL;
  connector = rig_jack_describe_connector (jack);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s — %s", jack->name, device->label);
  g_string_append_printf (text, "\n%s: %s %s", _ ("Connector"), connector,
                          rig_gender_to_label (jack->gender));
  if (rig_jack_is_phone (jack))
    g_string_append_printf (text, "\n%s: %s, %s", _ ("Wiring"), rig_poles_to_label (jack->poles),
                            rig_wiring_to_label (jack->wiring));
  g_string_append_printf (text, "\n%s: %s", _ ("Direction"),
                          rig_direction_to_label (jack->direction));
  g_string_append_printf (text, "\n%s: %s", _ ("Signal"), rig_signal_to_label (jack->signal));
  if (jack->channels > 0)
    g_string_append_printf (text, "\n%s: %u", _ ("Channels"), jack->channels);
  append_figure (text, _ ("Output impedance"), jack->output_impedance, "Ω");
  append_figure (text, _ ("Input impedance"), jack->input_impedance, "Ω");
  append_figure (text, _ ("Maximum output"), jack->max_output_voltage, "V RMS");
  for (guint i = 0; i < jack->n_ratings; i++)
    g_string_append_printf (
        text, "\n%s: %g W %s %g Ω", _ ("Power"),
        rig_device_jack_power_at_load (device, jack, jack->ratings[i].load_ohms), _ ("into"),
        jack->ratings[i].load_ohms);
  append_figure (text, _ ("Minimum load"), jack->min_load, "Ω");
  if (jack->phantom != RIG_SUPPLY_NONE)
    g_string_append_printf (text, "\n%s: %s", _ ("Phantom power (48 V)"),
                            rig_supply_to_label (jack->phantom));
  if (jack->plugin_power != RIG_SUPPLY_NONE)
    g_string_append_printf (text, "\n%s: %s", _ ("Plug-in power"),
                            rig_supply_to_label (jack->plugin_power));
  if (rig_jack_supplies_power (jack))
    g_string_append_printf (text, "\n%s: %g V, %g W", _ ("Supplies"), jack->power_supplied_v,
                            jack->power_supplied_w);
  if (rig_jack_requires_power (jack))
    g_string_append_printf (text, "\n%s: %g V, %g W", _ ("Needs"), jack->power_required_v,
                            jack->power_required_w);
  if (rig_document_get_jack_cables (self->document, device_id, jack_id, cables) > 0)
    {
      g_string_append_printf (text, "\n%s:", _ ("Cables"));
      for (guint i = 0; i < cables->len; i++)
        g_string_append_printf (text, " %s", ((RigCable *) g_ptr_array_index (cables, i))->number);
    }
  return g_string_free (text, FALSE);
}

static char *
cable_tooltip (RigCanvas *self, RigCable *cable)
{
  g_autofree char *description = rig_cable_spec_describe (&cable->spec);
  RigDevice *from = rig_document_cable_device (self->document, cable, RIG_END_FROM);
  RigDevice *to = rig_document_cable_device (self->document, cable, RIG_END_TO);
  const RigJack *fj = rig_document_cable_jack (self->document, cable, RIG_END_FROM);
  const RigJack *tj = rig_document_cable_jack (self->document, cable, RIG_END_TO);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s\n%s", _ ("Cable"), cable->number, description);
  if (from != NULL && to != NULL && fj != NULL && tj != NULL)
    g_string_append_printf (text, "\n%s — %s → %s — %s", from->label, fj->name, to->label,
                            tj->name);
  if (self->validator != NULL)
    {
      g_autoptr (GPtrArray) diagnostics
          = rig_validator_get_cable_diagnostics (self->validator, cable->id);
      append_diagnostics (text, diagnostics);
    }
  return g_string_free (text, FALSE);
}

static char *
device_tooltip (RigCanvas *self, RigDevice *device)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s", device->label, device->model->name);
  if (self->validator != NULL)
    {
      g_autoptr (GPtrArray) diagnostics
          = rig_validator_get_device_diagnostics (self->validator, device->id);
      append_diagnostics (text, diagnostics);
    }
  return g_string_free (text, FALSE);
}

static char *
tooltip_at (RigCanvas *self, double x, double y)
{
  const char *device_id, *jack_id;
  RigDevice *device;
  RigCable *cable;
  double cx, cy;

  if (self->layout == NULL || self->mode != MODE_NONE)
    return NULL;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  if (port_at (self, cx, cy, PORT_TOLERANCE, &device_id, &jack_id))
    return port_tooltip (self, device_id, jack_id);
  device = rig_layout_device_at (self->layout, cx, cy);
  if (device == NULL
      && (cable = rig_layout_cable_at (self->layout, cx, cy, self->zoom, CABLE_TOLERANCE, NULL))
             != NULL)
    return cable_tooltip (self, cable);
  if (device != NULL)
    return device_tooltip (self, device);
  return NULL;
}

static gboolean
rig_canvas_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = tooltip_at (RIG_CANVAS (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

char *
rig_canvas_test_tooltip (RigCanvas *self, double x, double y)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  return tooltip_at (self, x, y);
}

/* ---- the view ---------------------------------------------------------- */

static void
fit_rect (RigCanvas *self, const RigRect *r, gboolean zoom_out_only)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom = self->zoom;
  double avail_w = MAX (w - 2 * FIT_PADDING, 16), avail_h = MAX (h - 2 * FIT_PADDING, 16);
  double fit = MIN (avail_w / MAX (r->width, 1), avail_h / MAX (r->height, 1));

  if (!zoom_out_only || r->width * zoom > avail_w || r->height * zoom > avail_h)
    zoom = zoom_out_only ? MIN (zoom, fit) : MIN (fit, 1.5);
  zoom = CLAMP (zoom, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      invalidate_all (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  set_origin (self, r->x + r->width / 2 - w / 2.0 / zoom, r->y + r->height / 2 - h / 2.0 / zoom);
}

void
rig_canvas_zoom_to_fit (RigCanvas *self)
{
  RigRect bounds;

  g_return_if_fail (RIG_IS_CANVAS (self));
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  if (self->layout == NULL || !rig_layout_get_bounds (self->layout, &bounds))
    {
      rig_canvas_set_zoom (self, 1.0);
      set_origin (self, -FIT_PADDING, -FIT_PADDING);
      return;
    }
  fit_rect (self, &bounds, FALSE);
}

void
rig_canvas_scroll_to (RigCanvas *self, const char *const *device_ids, const char *const *cable_ids)
{
  RigRect all = { 0, 0, 0, 0 }, r;
  gboolean any = FALSE;

  g_return_if_fail (RIG_IS_CANVAS (self));
  if (self->layout == NULL)
    return;
  for (guint i = 0; device_ids != NULL && device_ids[i] != NULL; i++)
    if (rig_layout_get_card_rect (self->layout, device_ids[i], &r))
      {
        rig_rect_union (&all, &r, &all);
        any = TRUE;
      }
  for (guint i = 0; cable_ids != NULL && cable_ids[i] != NULL; i++)
    if (rig_layout_get_cable_bounds (self->layout, cable_ids[i], &r))
      {
        rig_rect_union (&all, &r, &all);
        any = TRUE;
      }
  if (any)
    fit_rect (self, &all, TRUE);
}

double
rig_canvas_get_zoom (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
rig_canvas_set_zoom (RigCanvas *self, double zoom)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
rig_canvas_zoom_in (RigCanvas *self)
{
  rig_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
rig_canvas_zoom_out (RigCanvas *self)
{
  rig_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
}

void
rig_canvas_zoom_reset (RigCanvas *self)
{
  rig_canvas_set_zoom (self, 1.0);
}

gboolean
rig_canvas_get_snap_to_grid (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return self->snap;
}

void
rig_canvas_set_snap_to_grid (RigCanvas *self, gboolean snap)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  snap = !!snap;
  if (snap == self->snap)
    return;
  self->snap = snap;
  invalidate_all (self); /* the grid dots */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_GRID]);
}

gboolean
rig_canvas_get_show_signal_paths (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return self->show_paths;
}

void
rig_canvas_set_show_signal_paths (RigCanvas *self, gboolean show)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  show = !!show;
  if (show == self->show_paths)
    return;
  self->show_paths = show;
  update_highlight (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIGNAL_PATHS]);
}

/* ---- the document ------------------------------------------------------ */

static void
disconnect_document (RigCanvas *self)
{
  clear_gesture_state (self);
  if (self->layout != NULL)
    g_clear_signal_handler (&self->layout_changed_id, self->layout);
  if (self->validator != NULL)
    g_clear_signal_handler (&self->statuses_id, self->validator);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_id, self->selection);
  g_clear_pointer (&self->painter, rig_painter_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->validator);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_pointer (&self->painted_sel_devices, g_strfreev);
  g_clear_pointer (&self->painted_sel_cables, g_strfreev);
  g_clear_pointer (&self->highlight_devices, g_strfreev);
  g_clear_pointer (&self->highlight_cables, g_strfreev);
  g_clear_pointer (&self->hover_device, g_free);
  g_clear_pointer (&self->hover_jack, g_free);
  g_clear_pointer (&self->hover_cable, g_free);
}

void
rig_canvas_set_document (RigCanvas *self, RigDocument *document, RigHistory *history,
                         RigValidator *validator, RigSelection *selection)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  g_return_if_fail (document == NULL || RIG_IS_DOCUMENT (document));
  g_return_if_fail (document == NULL || RIG_IS_HISTORY (history));
  g_return_if_fail (history == NULL || rig_history_get_document (history) == document);

  disconnect_document (self);
  self->selection = selection != NULL ? g_object_ref (selection) : rig_selection_new ();
  self->selection_id
      = g_signal_connect (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->history = g_object_ref (history);
      self->layout = rig_layout_new (document);
      self->painter = rig_painter_new (self->layout);
      self->layout_changed_id
          = g_signal_connect (self->layout, "changed", G_CALLBACK (layout_changed_cb), self);
      if (validator != NULL)
        {
          self->validator = g_object_ref (validator);
          rig_painter_set_validator (self->painter, validator);
          self->statuses_id = g_signal_connect (validator, "statuses-changed",
                                                G_CALLBACK (statuses_changed_cb), self);
        }
      sync_selection (self);
      update_highlight (self);
    }
  update_accessible (self);
  invalidate_all (self);
  rig_canvas_zoom_to_fit (self);
}

RigDocument *
rig_canvas_get_document (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  return self->document;
}

RigSelection *
rig_canvas_get_selection (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  return self->selection;
}

RigLayout *
rig_canvas_get_layout (RigCanvas *self)
{
  return self->layout;
}

RigPainter *
rig_canvas_get_painter (RigCanvas *self)
{
  return self->painter;
}

void
rig_canvas_get_origin (RigCanvas *self, double *x, double *y)
{
  *x = self->ox;
  *y = self->oy;
}

void
rig_canvas_test_set_view (RigCanvas *self, double zoom, double x, double y)
{
  zoom = CLAMP (zoom, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      invalidate_all (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  set_origin (self, x, y);
}

void
rig_canvas_get_stats (RigCanvas *self, RigCanvasStats *stats)
{
  *stats = self->stats;
}

/* ---- GObject and GtkWidget --------------------------------------------- */

static void
rig_canvas_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RigCanvas *self = RIG_CANVAS (widget);

  if (self->fit_pending && width > 0 && height > 0)
    rig_canvas_zoom_to_fit (self);
}

static void
rig_canvas_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                    int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
scale_factor_cb (RigCanvas *self, GParamSpec *pspec, gpointer data)
{
  invalidate_all (self);
}

static void
rig_canvas_dispose (GObject *object)
{
  RigCanvas *self = RIG_CANVAS (object);

  disconnect_document (self);
  g_clear_handle_id (&self->accessible_id, g_source_remove);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->spare, cairo_surface_destroy);
  G_OBJECT_CLASS (rig_canvas_parent_class)->dispose (object);
}

static void
rig_canvas_finalize (GObject *object)
{
  RigCanvas *self = RIG_CANVAS (object);

  g_array_unref (self->damage);
  G_OBJECT_CLASS (rig_canvas_parent_class)->finalize (object);
}

static void
rig_canvas_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigCanvas *self = RIG_CANVAS (object);

  switch (prop_id)
    {
      case PROP_ZOOM:
        g_value_set_double (value, self->zoom);
        break;
      case PROP_SNAP_TO_GRID:
        g_value_set_boolean (value, self->snap);
        break;
      case PROP_SHOW_SIGNAL_PATHS:
        g_value_set_boolean (value, self->show_paths);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_canvas_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigCanvas *self = RIG_CANVAS (object);

  switch (prop_id)
    {
      case PROP_ZOOM:
        rig_canvas_set_zoom (self, g_value_get_double (value));
        break;
      case PROP_SNAP_TO_GRID:
        rig_canvas_set_snap_to_grid (self, g_value_get_boolean (value));
        break;
      case PROP_SHOW_SIGNAL_PATHS:
        rig_canvas_set_show_signal_paths (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_canvas_class_init (RigCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_canvas_dispose;
  object_class->finalize = rig_canvas_finalize;
  object_class->get_property = rig_canvas_get_property;
  object_class->set_property = rig_canvas_set_property;

  widget_class->snapshot = rig_canvas_snapshot;
  widget_class->measure = rig_canvas_measure;
  widget_class->size_allocate = rig_canvas_size_allocate;
  widget_class->query_tooltip = rig_canvas_query_tooltip;

  properties[PROP_ZOOM]
      = g_param_spec_double ("zoom", NULL, NULL, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX, 1.0,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SNAP_TO_GRID]
      = g_param_spec_boolean ("snap-to-grid", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_SIGNAL_PATHS]
      = g_param_spec_boolean ("show-signal-paths", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RigCanvas::object-activated:
   * @device_id: (nullable): the device double-clicked
   * @cable_id: (nullable): the cable double-clicked
   */
  signals[SIGNAL_OBJECT_ACTIVATED]
      = g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "rigcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rig_canvas_init (RigCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkDropTarget *target;

  self->zoom = 1.0;
  self->snap = TRUE;
  self->damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  self->cache_full = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
  self->drag = gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (widget, controller);

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  self->selection = rig_selection_new ();
  self->selection_id
      = g_signal_connect (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Rig diagram"), -1);
  update_accessible_now (self);
}

GtkWidget *
rig_canvas_new (void)
{
  return g_object_new (RIG_TYPE_CANVAS, NULL);
}
