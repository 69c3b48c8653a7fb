/* rig-canvas-cache.c: the canvas's scene cache, its damage and the frame.
 *
 * The view is kept in a scene cache, an image surface the size of the widget
 * (in device pixels) holding the background and every object at the current
 * zoom and scroll position. A frame blits the cache and draws on top only
 * what is in motion: the devices being dragged (and their cables), the cable
 * being pulled out of a port, the rubber band (each tool draws its own). The
 * cache is not redrawn as a whole unless the zoom or the size changes:
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
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rig-canvas-private.h"

void
_rig_canvas_invalidate_all (RigCanvas *self)
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
void
_rig_canvas_damage_rect (RigCanvas *self, const RigRect *r)
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

void
_rig_canvas_damage_device (RigCanvas *self, const char *id)
{
  RigRect r;

  if (id != NULL && self->layout != NULL && rig_layout_get_device_bounds (self->layout, id, &r))
    _rig_canvas_damage_rect (self, &r);
}

void
_rig_canvas_damage_cable (RigCanvas *self, const char *id)
{
  g_autoptr (GArray) rects = NULL;

  if (id == NULL || self->layout == NULL)
    return;
  rects = g_array_new (FALSE, FALSE, sizeof (RigRect));
  if (rig_layout_get_cable_damage (self->layout, id, rects))
    for (guint i = 0; i < rects->len; i++)
      _rig_canvas_damage_rect (self, &g_array_index (rects, RigRect, i));
}

/* Damages a device and every cable on it. */
void
_rig_canvas_damage_device_and_cables (RigCanvas *self, const char *id)
{
  GPtrArray *list;

  _rig_canvas_damage_device (self, id);
  if (self->document == NULL)
    return;
  list = rig_document_get_device_cables (self->document, id);
  for (guint i = 0; i < list->len; i++)
    _rig_canvas_damage_cable (self, ((RigCable *) g_ptr_array_index (list, i))->id);
}

void
_rig_canvas_damage_ids (RigCanvas *self, const char *const *devices, const char *const *cables)
{
  guint n = (devices ? g_strv_length ((char **) devices) : 0)
            + (cables ? g_strv_length ((char **) cables) : 0);

  /* Many scattered rects cost more than one redraw. */
  if (n > 400)
    {
      _rig_canvas_invalidate_all (self);
      return;
    }
  for (guint i = 0; devices != NULL && devices[i] != NULL; i++)
    _rig_canvas_damage_device (self, devices[i]);
  for (guint i = 0; cables != NULL && cables[i] != NULL; i++)
    _rig_canvas_damage_cable (self, cables[i]);
}

/* What was shown as *@devices and *@cables is now shown as @new_devices
 * and @new_cables (taken): damages both, keeps the new ones. */
void
_rig_canvas_damage_swap (RigCanvas *self, char ***devices, char ***cables, char **new_devices,
                         char **new_cables)
{
  _rig_canvas_damage_ids (self, (const char *const *) *devices, (const char *const *) *cables);
  _rig_canvas_damage_ids (self, (const char *const *) new_devices,
                          (const char *const *) new_cables);
  g_strfreev (*devices);
  g_strfreev (*cables);
  *devices = new_devices;
  *cables = new_cables;
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

/* Scrolled: shifts what is still in view by (dx, dy) device px; the damage
 * moves with the picture, and the strips that came into view are new
 * damage. */
static void
shift_cache (RigCanvas *self, int dx, int dy)
{
  int w = self->cache_w, h = self->cache_h;
  cairo_rectangle_int_t kept = { MAX (dx, 0), MAX (dy, 0), w - abs (dx), h - abs (dy) };
  g_autoptr (GArray) old = self->damage;
  cairo_surface_t *tmp;
  cairo_t *cr;

  if (self->spare == NULL)
    self->spare = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (self->spare);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->cache, dx, dy);
  cairo_paint (cr);
  cairo_destroy (cr);
  tmp = self->cache;
  self->cache = self->spare;
  self->spare = tmp;
  _rig_canvas_tiles_invalidate (self, NULL);

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

/* Brings the cache up to date with the view: a new surface if the size
 * changed, a shift if it scrolled by whole pixels, then the damage (or all
 * of it) redrawn. */
static void
update_cache (RigCanvas *self, int width, int height)
{
  int scale = _rig_canvas_scale_factor (self);
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
      _rig_canvas_tiles_reset (self, w, h);
    }
  if (self->cache_zoom != self->zoom)
    self->cache_full = TRUE;

  if (!self->cache_full && (self->cache_ox != self->ox || self->cache_oy != self->oy))
    {
      double k = self->zoom * scale;
      double fdx = (self->cache_ox - self->ox) * k, fdy = (self->cache_oy - self->oy) * k;
      int dx = (int) lround (fdx), dy = (int) lround (fdy);

      if (fabs (fdx - dx) > 1e-3 || fabs (fdy - dy) > 1e-3 || abs (dx) >= w || abs (dy) >= h)
        self->cache_full = TRUE;
      else
        shift_cache (self, dx, dy);
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
      _rig_canvas_tiles_invalidate (self, NULL);
      self->cache_full = FALSE;
      g_array_set_size (self->damage, 0);
      self->stats.full_renders++;
      return;
    }

  if (self->damage->len > 0)
    {
      cr = cairo_create (self->cache);
      for (guint i = 0; i < self->damage->len; i++)
        {
          cairo_rectangle_int_t *px = &g_array_index (self->damage, cairo_rectangle_int_t, i);

          render_area (self, cr, px);
          _rig_canvas_tiles_invalidate (self, px);
        }
      cairo_destroy (cr);
      g_array_set_size (self->damage, 0);
      self->stats.partial_renders++;
    }
}

void
_rig_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RigCanvas *self = RIG_CANVAS (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  self->stats.frames++;

  if (self->painter == NULL)
    {
      guint32 rgb = self->dark ? RIG_PAINTER_DARK_COLOR_BACKGROUND : RIG_PAINTER_COLOR_BACKGROUND;

      gtk_snapshot_append_color (snapshot,
                                 &(GdkRGBA){ ((rgb >> 16) & 0xff) / 255.0,
                                             ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1 },
                                 &bounds);
      return;
    }

  update_cache (self, width, height);
  _rig_canvas_tiles_snapshot (self, snapshot);

  /* What moves, on top. */
  switch (self->mode)
    {
      case RIG_CANVAS_MODE_MOVE:
      case RIG_CANVAS_MODE_CONNECT:
      case RIG_CANVAS_MODE_RECONNECT:
      case RIG_CANVAS_MODE_RUBBER:
        break;
      case RIG_CANVAS_MODE_NONE:
      case RIG_CANVAS_MODE_PENDING_MOVE:
      case RIG_CANVAS_MODE_PAN:
      case RIG_CANVAS_MODE_CABLE_CLICK:
      default:
        return;
    }
  if (self->mode == RIG_CANVAS_MODE_MOVE)
    {
      /* Only where the dragged devices are: GTK repaints (and a GL
       * renderer uploads) the node's area every frame. */
      RigRect moving;
      double x0, y0, x1, y1;

      if (!_rig_canvas_move_bounds (self, &moving))
        return;
      x0 = MAX (floor ((moving.x - self->ox) * self->zoom), 0);
      y0 = MAX (floor ((moving.y - self->oy) * self->zoom), 0);
      x1 = MIN (ceil ((moving.x + moving.width - self->ox) * self->zoom), width);
      y1 = MIN (ceil ((moving.y + moving.height - self->oy) * self->zoom), height);
      if (x1 <= x0 || y1 <= y0)
        return;
      bounds = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
    }
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->ox, -self->oy);
  if (self->mode == RIG_CANVAS_MODE_MOVE)
    _rig_canvas_move_draw (self, cr);
  else if (self->mode == RIG_CANVAS_MODE_RUBBER)
    _rig_canvas_rubber_draw (self, cr);
  else
    _rig_canvas_connect_draw (self, cr, width, height);
  cairo_destroy (cr);
}

void
rig_canvas_get_stats (RigCanvas *self, RigCanvasStats *stats)
{
  *stats = self->stats;
}
