/* rig-canvas-tiles.c: the scene cache shown as tiles.
 *
 * The frame shows the scene cache (rig-canvas-cache.c) as a grid of render
 * nodes, TILE_PX device px square, each made from the cache's pixels the
 * first time it is shown after they changed, and kept, the same node, while
 * they do not. GTK compares a frame's render nodes with the last frame's
 * and repaints where they differ, and a node is the same as itself: a press
 * that recolours one card repaints the tiles under that card, not the whole
 * view, and a GL renderer, which keeps what it drew of a node while the
 * node lives, uploads those tiles alone. One node the size of the view, as
 * the canvas drew before, differed every frame: every frame repainted and
 * uploaded all of it.
 *
 * A tile holds a copy of its part of the cache (a texture node would too,
 * but GTK's cairo renderer converts a texture's every pixel each frame it
 * draws it): the cache stays the one picture that damage, scrolling and
 * redrawing work on.
 */
#include "config.h"

#include <string.h>

#include "rig-canvas-private.h"

#define TILE_PX 256

/* Drops every tile and sets the grid for a cache of @w x @h device px. */
void
_rig_canvas_tiles_reset (RigCanvas *self, int w, int h)
{
  _rig_canvas_tiles_free (self);
  self->tile_cols = (w + TILE_PX - 1) / TILE_PX;
  self->tile_rows = (h + TILE_PX - 1) / TILE_PX;
  self->tiles = g_new0 (GskRenderNode *, (gsize) self->tile_cols * self->tile_rows);
}

void
_rig_canvas_tiles_free (RigCanvas *self)
{
  for (int i = 0; self->tiles != NULL && i < self->tile_cols * self->tile_rows; i++)
    g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
  g_clear_pointer (&self->tiles, g_free);
  self->tile_cols = self->tile_rows = 0;
}

/* The cache's pixels in @px (device px) changed: the tiles over them are
 * made again when next shown. NULL: all of them. */
void
_rig_canvas_tiles_invalidate (RigCanvas *self, const cairo_rectangle_int_t *px)
{
  int c0 = 0, r0 = 0, c1 = self->tile_cols - 1, r1 = self->tile_rows - 1;

  if (self->tiles == NULL)
    return;
  if (px != NULL)
    {
      if (px->width <= 0 || px->height <= 0)
        return;
      c0 = MAX (px->x / TILE_PX, 0);
      r0 = MAX (px->y / TILE_PX, 0);
      c1 = MIN ((px->x + px->width - 1) / TILE_PX, self->tile_cols - 1);
      r1 = MIN ((px->y + px->height - 1) / TILE_PX, self->tile_rows - 1);
    }
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      g_clear_pointer (&self->tiles[r * self->tile_cols + c], gsk_render_node_unref);
}

/* A node showing the cache's @w x @h device px at (@x, @y), at its place
 * in the widget: a copy of them, painted pixel for pixel. */
static GskRenderNode *
make_tile (RigCanvas *self, int x, int y, int w, int h)
{
  double s = self->cache_scale;
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x / s, y / s, w / s, h / s));
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  const guchar *src = cairo_image_surface_get_data (self->cache);
  guchar *dst = cairo_image_surface_get_data (copy);
  int src_stride = cairo_image_surface_get_stride (self->cache);
  int dst_stride = cairo_image_surface_get_stride (copy);
  cairo_t *cr;

  for (int row = 0; row < h; row++)
    memcpy (dst + (gsize) row * dst_stride, src + (gsize) (y + row) * src_stride + (gsize) x * 4,
            (gsize) w * 4);
  cairo_surface_mark_dirty (copy);

  cr = gsk_cairo_node_get_draw_context (node);
  cairo_translate (cr, x / s, y / s);
  cairo_scale (cr, 1 / s, 1 / s);
  cairo_set_source_surface (cr, copy, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (copy);
  return node;
}

/* Appends the cache to @snapshot as tiles, each at its place in the
 * widget (the cache is the widget's size in device px). */
void
_rig_canvas_tiles_snapshot (RigCanvas *self, GtkSnapshot *snapshot)
{
  cairo_surface_flush (self->cache);
  for (int r = 0; r < self->tile_rows; r++)
    for (int c = 0; c < self->tile_cols; c++)
      {
        GskRenderNode **tile = &self->tiles[r * self->tile_cols + c];
        int x = c * TILE_PX, y = r * TILE_PX;

        if (*tile == NULL)
          {
            *tile = make_tile (self, x, y, MIN (TILE_PX, self->cache_w - x),
                               MIN (TILE_PX, self->cache_h - y));
            self->stats.tiles_made++;
          }
        gtk_snapshot_append_node (snapshot, *tile);
      }
}
