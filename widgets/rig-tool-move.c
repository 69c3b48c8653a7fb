/* rig-tool-move.c: the canvas tool that moves the selected devices.
 *
 * A press on a selected device arms the tool; past the drag threshold the
 * selected devices (and their cables) leave the scene cache and float on
 * top, drawn each frame, while every motion applies a move command. The
 * history merges the moves of one drag into one undo step; the release
 * seals it, Escape undoes it.
 */
#include "config.h"

#include <math.h>

#include "rig-canvas-private.h"

/* Arms a move of the selection, grabbed at @device. */
void
_rig_canvas_move_press (RigCanvas *self, RigDevice *device)
{
  self->mode = RIG_CANVAS_MODE_PENDING_MOVE;
  self->press_device = g_strdup (device->id);
  self->grab_x = device->x;
  self->grab_y = device->y;
}

/* The dragged devices leave the cache and float on top. */
static void
begin_move (RigCanvas *self)
{
  g_auto (GStrv) ids = rig_selection_get_devices (self->selection);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GStrvBuilder *builder = g_strv_builder_new ();

  self->mode = RIG_CANVAS_MODE_MOVE;
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
    _rig_canvas_damage_device_and_cables (self, self->floating[i]);
  rig_painter_set_excluded (self->painter, (const char *const *) self->floating);
  _rig_canvas_set_hover (self, NULL, NULL, NULL);
}

/* The pointer is at widget point (x, y): past the threshold, the grabbed
 * device follows it (snapped to the grid if the canvas snaps), and the
 * other selected devices with it. */
void
_rig_canvas_move_update (RigCanvas *self, double x, double y)
{
  RigDevice *grabbed;
  double tx, ty;

  if (self->mode == RIG_CANVAS_MODE_PENDING_MOVE)
    {
      if (hypot (x - self->press_x, y - self->press_y) < RIG_CANVAS_DRAG_THRESHOLD)
        return;
      self->select_only_on_release = FALSE;
      begin_move (self);
    }

  grabbed = rig_document_find_device (self->document, self->press_device);
  if (grabbed == NULL)
    return;
  tx = self->grab_x + (x - self->press_x) / self->zoom;
  ty = self->grab_y + (y - self->press_y) / self->zoom;
  _rig_canvas_snap_point (self, &tx, &ty);
  if (tx != grabbed->x || ty != grabbed->y)
    _rig_canvas_apply (self, rig_command_move_devices ((const char *const *) self->floating,
                                                       tx - grabbed->x, ty - grabbed->y));
}

/* The release: a press that did not move selects only the device pressed
 * on (when it was already selected with others); a move becomes one undo
 * step. */
void
_rig_canvas_move_end (RigCanvas *self)
{
  if (self->mode == RIG_CANVAS_MODE_PENDING_MOVE)
    {
      if (self->select_only_on_release && self->press_device != NULL)
        rig_selection_set (self->selection, (const char *const[]){ self->press_device, NULL },
                           NULL);
    }
  else if (self->mode == RIG_CANVAS_MODE_MOVE)
    rig_history_seal (self->history);
}

/* Escape: the devices go back where they were. */
void
_rig_canvas_move_cancel (RigCanvas *self)
{
  RigDevice *grabbed;

  if (self->mode != RIG_CANVAS_MODE_MOVE || self->document == NULL)
    return;
  grabbed = rig_document_find_device (self->document, self->press_device);
  rig_history_seal (self->history);
  if (grabbed != NULL && (grabbed->x != self->grab_x || grabbed->y != self->grab_y))
    rig_history_undo (self->history);
}

/* The dragged devices go back into the cache where they now are. */
void
_rig_canvas_move_clear (RigCanvas *self)
{
  if (self->floating == NULL)
    return;
  if (self->painter != NULL)
    rig_painter_set_excluded (self->painter, NULL);
  for (guint i = 0; self->floating[i] != NULL; i++)
    _rig_canvas_damage_device_and_cables (self, self->floating[i]);
  g_clear_pointer (&self->floating, g_strfreev);
  g_clear_pointer (&self->floating_cables, g_strfreev);
}

/* Draws the devices being dragged, and their cables, over the cache. */
void
_rig_canvas_move_draw (RigCanvas *self, cairo_t *cr)
{
  g_autoptr (GPtrArray) devices = NULL;
  g_autoptr (GPtrArray) cables = NULL;

  if (self->floating == NULL)
    return;
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  for (guint i = 0; self->floating[i] != NULL; i++)
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
  rig_painter_draw_objects (self->painter, cr, devices, cables, self->zoom);
}

/* Grows *@bounds (nothing yet unless *@any) to hold @r. */
static void
grow (RigRect *bounds, gboolean *any, const RigRect *r)
{
  if (*any)
    rig_rect_union (bounds, r, bounds);
  else
    *bounds = *r;
  *any = TRUE;
}

/* The rect (canvas units) within which _rig_canvas_move_draw() draws;
 * FALSE when nothing floats. */
gboolean
_rig_canvas_move_bounds (RigCanvas *self, RigRect *bounds)
{
  gboolean any = FALSE;
  double m = rig_painter_margin (self->zoom);
  RigRect r;

  if (self->floating == NULL || self->layout == NULL)
    return FALSE;
  for (guint i = 0; self->floating[i] != NULL; i++)
    if (rig_layout_get_device_bounds (self->layout, self->floating[i], &r))
      grow (bounds, &any, &r);
  for (guint i = 0; self->floating_cables != NULL && self->floating_cables[i] != NULL; i++)
    if (rig_layout_get_cable_bounds (self->layout, self->floating_cables[i], &r))
      grow (bounds, &any, &r);
  /* The layout's bounds hold a card's halo at 100 %; zoomed out, a halo of
   * a few px reaches further. */
  if (any)
    rig_rect_inflate (bounds, m, m);
  return any;
}
