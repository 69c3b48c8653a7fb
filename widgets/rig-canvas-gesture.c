/* rig-canvas-gesture.c: the canvas's pointer.
 *
 * The primary-button drag decides at the press what it will do, from what
 * lies under the pointer: with Space held it pans; on a port it pulls out a
 * cable (rig-tool-connect.c); on a cable it selects it, and near one of its
 * ends may pull that end to another port; on a device it selects it (Shift
 * adds, Ctrl toggles) and may move the selection (rig-tool-move.c); on empty
 * space it starts a rubber band (rig-tool-rubber.c). Motion and release go to
 * the tool the press chose. The pointer's motion also sets the hover (the
 * port, or the cable, under it), and a double-click activates a device or a
 * cable.
 */
#include "config.h"

#include "rig-canvas-private.h"

/* ---- hit tests and hover ------------------------------------------------ */

/* Ports can be grabbed only where they are drawn: zoomed far out, a press
 * on a card moves it. */
gboolean
_rig_canvas_port_at (RigCanvas *self, double cx, double cy, double tolerance,
                     const char **device_id, const char **jack_id)
{
  if (self->layout == NULL || self->zoom * _rig_canvas_scale_factor (self) < RIG_PAINTER_LOD_GLYPHS)
    return FALSE;
  return rig_layout_port_at (self->layout, cx, cy, self->zoom, tolerance, device_id, jack_id);
}

void
_rig_canvas_hit (RigCanvas *self, double wx, double wy, gboolean ports, RigCanvasHit *hit)
{
  double cx, cy;

  *hit = (RigCanvasHit){ NULL, NULL, NULL, NULL };
  rig_canvas_widget_to_canvas (self, wx, wy, &cx, &cy);
  if (ports
      && _rig_canvas_port_at (self, cx, cy, RIG_CANVAS_PORT_TOLERANCE, &hit->device_id,
                              &hit->jack_id))
    return;
  hit->device_id = hit->jack_id = NULL;
  hit->device = rig_layout_device_at (self->layout, cx, cy);
  if (hit->device == NULL)
    hit->cable
        = rig_layout_cable_at (self->layout, cx, cy, self->zoom, RIG_CANVAS_CABLE_TOLERANCE, NULL);
}

void
_rig_canvas_set_hover (RigCanvas *self, const char *device, const char *jack, const char *cable)
{
  if (g_strcmp0 (device, self->hover_device) == 0 && g_strcmp0 (jack, self->hover_jack) == 0
      && g_strcmp0 (cable, self->hover_cable) == 0)
    return;
  _rig_canvas_damage_device (self, self->hover_device);
  _rig_canvas_damage_cable (self, self->hover_cable);
  g_free (self->hover_device);
  g_free (self->hover_jack);
  g_free (self->hover_cable);
  self->hover_device = g_strdup (device);
  self->hover_jack = g_strdup (jack);
  self->hover_cable = g_strdup (cable);
  _rig_canvas_damage_device (self, self->hover_device);
  _rig_canvas_damage_cable (self, self->hover_cable);
  if (self->painter != NULL)
    rig_painter_set_hover (self->painter, device, jack, cable);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), device != NULL ? "crosshair" : NULL);
}

/* The hover: the port under widget point (x, y), else the cable (not a
 * device: cards do not light up). */
static void
update_hover (RigCanvas *self, double x, double y)
{
  RigCanvasHit hit;

  if (self->layout == NULL || self->mode != RIG_CANVAS_MODE_NONE)
    return;
  _rig_canvas_hit (self, x, y, TRUE, &hit);
  _rig_canvas_set_hover (self, hit.device_id, hit.jack_id, hit.cable ? hit.cable->id : NULL);
}

/* ---- the primary drag ---------------------------------------------------- */

void
_rig_canvas_clear_gesture (RigCanvas *self)
{
  g_clear_pointer (&self->press_device, g_free);
  _rig_canvas_connect_clear (self);
  _rig_canvas_move_clear (self);
  self->mode = RIG_CANVAS_MODE_NONE;
  self->select_only_on_release = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click on a device or a cable: Ctrl toggles it, Shift adds it, a plain
 * click selects only it, unless it is selected already: then it returns
 * TRUE and the selection is left as it is (a drag moves it all). */
static gboolean
click_select (RigCanvas *self, const char *device_id, const char *cable_id, gboolean add,
              gboolean toggle)
{
  const char *const one[] = { device_id != NULL ? device_id : cable_id, NULL };

  if (toggle && device_id != NULL)
    rig_selection_toggle_device (self->selection, device_id);
  else if (toggle)
    rig_selection_toggle_cable (self->selection, cable_id);
  else if (add && device_id != NULL)
    rig_selection_add_device (self->selection, device_id);
  else if (add)
    rig_selection_add_cable (self->selection, cable_id);
  else if (device_id != NULL && !rig_selection_has_device (self->selection, device_id))
    rig_selection_set (self->selection, one, NULL);
  else if (device_id == NULL && !rig_selection_has_cable (self->selection, cable_id))
    rig_selection_set (self->selection, NULL, one);
  else
    return TRUE;
  return FALSE;
}

static void
press (RigCanvas *self, double x, double y, GdkModifierType state)
{
  RigCanvasHit hit;
  double cx, cy;
  gboolean add = (state & GDK_SHIFT_MASK) != 0, toggle = (state & GDK_CONTROL_MASK) != 0;

  if (self->mode != RIG_CANVAS_MODE_NONE)
    _rig_canvas_clear_gesture (self);
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
      self->mode = RIG_CANVAS_MODE_PAN;
      _rig_canvas_pan_begin (self);
      return;
    }

  _rig_canvas_hit (self, x, y, TRUE, &hit);
  if (hit.jack_id != NULL)
    _rig_canvas_connect_begin (self, hit.device_id, hit.jack_id);
  else if (hit.cable != NULL)
    {
      click_select (self, NULL, hit.cable->id, add, toggle);
      _rig_canvas_connect_press_cable (self, hit.cable, cx, cy);
    }
  else if (hit.device != NULL)
    {
      self->select_only_on_release = click_select (self, hit.device->id, NULL, add, toggle);
      if (rig_selection_has_device (self->selection, hit.device->id))
        _rig_canvas_move_press (self, hit.device);
    }
  else
    _rig_canvas_rubber_begin (self, add || toggle);
}

static void
motion (RigCanvas *self, double x, double y)
{
  double cx, cy;

  self->last_x = x;
  self->last_y = y;
  if (self->document == NULL)
    return;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  self->pointer = (RigPoint){ cx, cy };

  switch (self->mode)
    {
      case RIG_CANVAS_MODE_PENDING_MOVE:
      case RIG_CANVAS_MODE_MOVE:
        _rig_canvas_move_update (self, x, y);
        break;
      case RIG_CANVAS_MODE_CABLE_CLICK:
      case RIG_CANVAS_MODE_CONNECT:
      case RIG_CANVAS_MODE_RECONNECT:
        _rig_canvas_connect_update (self, cx, cy);
        break;
      case RIG_CANVAS_MODE_RUBBER:
        gtk_widget_queue_draw (GTK_WIDGET (self));
        break;
      case RIG_CANVAS_MODE_PAN:
        _rig_canvas_pan_update (self, x - self->press_x, y - self->press_y);
        break;
      case RIG_CANVAS_MODE_NONE:
      default:
        break;
    }
}

static void
release (RigCanvas *self, double x, double y)
{
  if (self->document == NULL)
    {
      _rig_canvas_clear_gesture (self);
      return;
    }
  motion (self, x, y);

  switch (self->mode)
    {
      case RIG_CANVAS_MODE_PENDING_MOVE:
      case RIG_CANVAS_MODE_MOVE:
        _rig_canvas_move_end (self);
        break;
      case RIG_CANVAS_MODE_CONNECT:
      case RIG_CANVAS_MODE_RECONNECT:
        _rig_canvas_connect_end (self);
        break;
      case RIG_CANVAS_MODE_RUBBER:
        _rig_canvas_rubber_end (self);
        break;
      case RIG_CANVAS_MODE_CABLE_CLICK:
      case RIG_CANVAS_MODE_PAN:
      case RIG_CANVAS_MODE_NONE:
      default:
        break;
    }
  _rig_canvas_clear_gesture (self);
  update_hover (self, x, y);
}

/* Escape: a move is undone, a connection or band dropped. */
void
_rig_canvas_cancel_gesture (RigCanvas *self)
{
  _rig_canvas_move_cancel (self);
  _rig_canvas_clear_gesture (self);
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
_rig_canvas_add_drag_gesture (RigCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag = gesture;
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

/* ---- double-click and the pointer's motion --------------------------------- */

static void
click_cb (GtkGestureClick *gesture, int n_press, double x, double y, RigCanvas *self)
{
  RigCanvasHit hit;

  if (n_press != 2 || self->layout == NULL)
    return;
  _rig_canvas_hit (self, x, y, FALSE, &hit);
  if (hit.device != NULL)
    _rig_canvas_activate (self, hit.device->id, NULL);
  else if (hit.cable != NULL)
    _rig_canvas_activate (self, NULL, hit.cable->id);
}

void
_rig_canvas_add_click_gesture (RigCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, RigCanvas *self)
{
  self->motion_x = x;
  self->motion_y = y;
  update_hover (self, x, y);
}

void
rig_canvas_test_hover (RigCanvas *self, double x, double y)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  motion_cb (NULL, x, y, self);
}

static void
leave_cb (GtkEventControllerMotion *controller, RigCanvas *self)
{
  if (self->mode == RIG_CANVAS_MODE_NONE)
    _rig_canvas_set_hover (self, NULL, NULL, NULL);
}

void
_rig_canvas_add_motion_controller (RigCanvas *self)
{
  GtkEventController *controller = gtk_event_controller_motion_new ();

  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
