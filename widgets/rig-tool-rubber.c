/* rig-tool-rubber.c: the canvas tool that selects with a rubber band.
 *
 * A press on empty space clears the selection (unless Shift or Ctrl is
 * held) and starts a band from the press to the pointer; the release selects
 * the devices and the cables that lie wholly in it (Shift or Ctrl: adds
 * them to the selection).
 */
#include "config.h"

#include <math.h>

#include "rig-canvas-private.h"
#include "rig-route.h"

/* A press on empty space; @extend: Shift or Ctrl was held. */
void
_rig_canvas_rubber_begin (RigCanvas *self, gboolean extend)
{
  if (!extend)
    rig_selection_clear (self->selection);
  self->mode = RIG_CANVAS_MODE_RUBBER;
}

/* The band, in canvas units, from the press to the pointer. */
static void
get_band (RigCanvas *self, RigRect *band)
{
  double x0, y0, x1, y1;

  rig_canvas_widget_to_canvas (self, self->press_x, self->press_y, &x0, &y0);
  rig_canvas_widget_to_canvas (self, self->last_x, self->last_y, &x1, &y1);
  rig_rect_from_corners (band, x0, y0, x1, y1);
}

/* The cables whose whole route lies in @band (NULL-terminated). */
static GPtrArray *
cables_in_band (RigCanvas *self, const RigRect *band)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  GPtrArray *ids = g_ptr_array_new ();

  rig_layout_query (self->layout, band, NULL, cables);
  for (guint i = 0; i < cables->len; i++)
    {
      RigCable *cable = g_ptr_array_index (cables, i);
      const RigPoint *path;
      guint n_path;
      RigRect bounds;

      if (!rig_layout_get_cable_path (self->layout, cable->id, &path, &n_path))
        continue;
      rig_polyline_bounds (path, n_path, &bounds);
      if (rig_rect_contains_rect (band, &bounds))
        g_ptr_array_add (ids, cable->id);
    }
  g_ptr_array_add (ids, NULL);
  return ids;
}

/* The release (the pointer at last_x, last_y): past the drag threshold,
 * selects what the band holds. */
void
_rig_canvas_rubber_end (RigCanvas *self)
{
  RigRect band;
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GPtrArray) cable_ids = NULL;

  if (hypot (self->last_x - self->press_x, self->last_y - self->press_y)
      < RIG_CANVAS_DRAG_THRESHOLD)
    return;
  get_band (self, &band);
  ids = rig_layout_devices_in_rect (self->layout, &band, FALSE);
  g_ptr_array_add (ids, NULL);
  cable_ids = cables_in_band (self, &band);
  if (self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
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

/* Draws the band over the cache. */
void
_rig_canvas_rubber_draw (RigCanvas *self, cairo_t *cr)
{
  RigRect band;

  get_band (self, &band);
  rig_painter_draw_rubber_band (self->painter, cr, &band, self->zoom);
}
