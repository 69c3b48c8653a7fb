/* rig-tool-pan-zoom.c: the canvas tools that move the view.
 *
 * Middle-drag and Space+drag pan; the wheel scrolls (Shift: sideways),
 * Ctrl+wheel zooms around the pointer, and so does a touchpad or touchscreen
 * pinch around its centre. None of them edits the document.
 */
#include "config.h"

#include <math.h>

#include "rig-canvas-private.h"

/* A pan starts at the view where it is now. */
void
_rig_canvas_pan_begin (RigCanvas *self)
{
  self->pan_ox = self->ox;
  self->pan_oy = self->oy;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

/* The pointer moved (dx, dy) px since the pan began: the rig follows it. */
void
_rig_canvas_pan_update (RigCanvas *self, double dx, double dy)
{
  _rig_canvas_set_origin (self, self->pan_ox - dx / self->zoom, self->pan_oy - dy / self->zoom);
}

static void
pan_begin_cb (GtkGestureDrag *gesture, double x, double y, RigCanvas *self)
{
  _rig_canvas_pan_begin (self);
}

static void
pan_update_cb (GtkGestureDrag *gesture, double dx, double dy, RigCanvas *self)
{
  _rig_canvas_pan_update (self, dx, dy);
}

static void
pan_end_cb (GtkGestureDrag *gesture, double dx, double dy, RigCanvas *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

/* The middle button pans. */
void
_rig_canvas_add_pan_gesture (RigCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

static void
scroll (RigCanvas *self, double dx, double dy, GdkModifierType state, gboolean wheel)
{
  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.15, -dy) : exp (-dy * 0.01);
      _rig_canvas_zoom_at (self, self->zoom * factor, self->motion_x, self->motion_y);
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
  _rig_canvas_set_origin (self, self->ox + dx / self->zoom, self->oy + dy / self->zoom);
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
  _rig_canvas_zoom_at (self, self->zoom_start * scale, x, y);
}

/* Pinch and scroll. */
void
_rig_canvas_add_zoom_controllers (RigCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_zoom_new ();
  GtkEventController *controller;

  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
