/* rig-tool-connect.c: the canvas tool that connects ports.
 *
 * A drag from a port pulls a new cable out of it; a drag that starts near
 * one end of a cable pulls that end to another port (the other end stays).
 * While the cable is pulled every port in view shows the validator's verdict
 * on a cable to it (judged once per port and drag, when it is first drawn),
 * and the wire to the port under the pointer takes that verdict's colour.
 * The release on a port applies one command: add a cable, or reconnect one.
 * A new cable runs from the port that sends to the one that receives,
 * whichever the drag started from.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-canvas-private.h"

#define END_REACH 40.0 /* px from its port where a cable's end can be grabbed */

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

/* The ends of a new cable between the dragged port and (device, jack): the
 * one that sends first. */
typedef struct
{
  const char *device[2];
  const char *jack[2];
} Ends;

static void
new_cable_ends (RigCanvas *self, const char *device_id, const char *jack_id, Ends *ends)
{
  RigEnd a = RIG_END_FROM, b = RIG_END_TO;

  if (should_swap (find_jack (self, self->from_device, self->from_jack),
                   find_jack (self, device_id, jack_id)))
    {
      a = RIG_END_TO;
      b = RIG_END_FROM;
    }
  ends->device[a] = self->from_device;
  ends->jack[a] = self->from_jack;
  ends->device[b] = device_id;
  ends->jack[b] = jack_id;
}

/* The verdict on a cable from the dragged port to (device, jack), judged
 * once per drag. */
static gboolean
judge_port (const char *device_id, const char *jack_id, RigSeverity *severity, gpointer data)
{
  RigCanvas *self = data;
  g_autofree char *key = NULL;
  gpointer found;
  RigSeverity verdict;
  Ends ends;

  /* Hidden verdicts (an exercise) hide those of a cable not made yet too. */
  if (self->validator == NULL || self->verdicts_hidden || self->verdicts == NULL
      || self->from_device == NULL)
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

  new_cable_ends (self, device_id, jack_id, &ends);
  verdict = rig_validator_judge_connection (self->validator, ends.device[RIG_END_FROM],
                                            ends.jack[RIG_END_FROM], ends.device[RIG_END_TO],
                                            ends.jack[RIG_END_TO]);
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
  self->mode = cable_id != NULL ? RIG_CANVAS_MODE_RECONNECT : RIG_CANVAS_MODE_CONNECT;
  self->from_device = g_strdup (device_id);
  self->from_jack = g_strdup (jack_id);
  self->from_side = port.side;
  self->from_anchor = port.anchor;
  self->cable_id = g_strdup (cable_id);
  self->cable_end = end;
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _rig_canvas_set_hover (self, NULL, NULL, NULL);
  /* Every port in view shows its verdict, drawn over the cache. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A press on a port: a new cable leaves it. */
void
_rig_canvas_connect_begin (RigCanvas *self, const char *device_id, const char *jack_id)
{
  begin_connect (self, device_id, jack_id, NULL, RIG_END_FROM);
}

/* A press on @cable at canvas point (cx, cy): near one of its ends (where
 * ports are drawn), a drag will pull that end to another port. */
void
_rig_canvas_connect_press_cable (RigCanvas *self, RigCable *cable, double cx, double cy)
{
  RigPoint curve[4];
  double d0, d1;

  if (!rig_layout_get_cable_curve (self->layout, cable->id, curve))
    return;
  d0 = hypot (curve[0].x - cx, curve[0].y - cy) * self->zoom;
  d1 = hypot (curve[3].x - cx, curve[3].y - cy) * self->zoom;
  if (MIN (d0, d1) <= END_REACH
      && self->zoom * _rig_canvas_scale_factor (self) >= RIG_PAINTER_LOD_GLYPHS)
    {
      self->mode = RIG_CANVAS_MODE_CABLE_CLICK;
      self->cable_id = g_strdup (cable->id);
      self->cable_end = d0 <= d1 ? RIG_END_FROM : RIG_END_TO;
    }
}

/* Past the drag threshold, the pressed cable end comes out of its port:
 * the cable is pulled from its other end. FALSE if the cable is gone. */
static gboolean
begin_reconnect (RigCanvas *self)
{
  RigCable *cable = rig_document_find_cable (self->document, self->cable_id);
  g_autofree char *id = g_strdup (self->cable_id);
  RigEnd moving = self->cable_end;
  RigEnd fixed = moving == RIG_END_FROM ? RIG_END_TO : RIG_END_FROM;

  g_clear_pointer (&self->cable_id, g_free);
  if (cable == NULL)
    {
      self->mode = RIG_CANVAS_MODE_NONE;
      return FALSE;
    }
  begin_connect (self, cable->device[fixed], cable->jack[fixed], id, moving);
  return TRUE;
}

/* The port under canvas point (cx, cy), other than the one the cable
 * leaves, becomes the target (judged now, for the overlay). */
static void
update_target (RigCanvas *self, double cx, double cy)
{
  const char *device = NULL, *jack = NULL;
  gboolean found;

  found = _rig_canvas_port_at (self, cx, cy, RIG_CANVAS_PORT_TOLERANCE * 2, &device, &jack);
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

/* The pointer moved to canvas point (cx, cy) (widget point last_x,
 * last_y). */
void
_rig_canvas_connect_update (RigCanvas *self, double cx, double cy)
{
  if (self->mode == RIG_CANVAS_MODE_CABLE_CLICK)
    {
      if (hypot (self->last_x - self->press_x, self->last_y - self->press_y)
          < RIG_CANVAS_DRAG_THRESHOLD)
        return;
      if (!begin_reconnect (self))
        return;
    }
  update_target (self, cx, cy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The release: a cable to the target port, or the moved end into it. */
void
_rig_canvas_connect_end (RigCanvas *self)
{
  Ends ends;

  if (self->target_device == NULL)
    return;
  if (self->mode == RIG_CANVAS_MODE_CONNECT)
    {
      new_cable_ends (self, self->target_device, self->target_jack, &ends);
      _rig_canvas_apply (
          self, rig_command_add_cable (ends.device[RIG_END_FROM], ends.jack[RIG_END_FROM],
                                       ends.device[RIG_END_TO], ends.jack[RIG_END_TO], NULL, NULL));
    }
  else if (self->mode == RIG_CANVAS_MODE_RECONNECT)
    _rig_canvas_apply (self, rig_command_reconnect_cable (self->cable_id, self->cable_end,
                                                          self->target_device, self->target_jack));
}

void
_rig_canvas_connect_clear (RigCanvas *self)
{
  g_clear_pointer (&self->from_device, g_free);
  g_clear_pointer (&self->from_jack, g_free);
  g_clear_pointer (&self->cable_id, g_free);
  g_clear_pointer (&self->target_device, g_free);
  g_clear_pointer (&self->target_jack, g_free);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
}

/* Draws, over the cache, every port's verdict in the @width x @height px
 * view and the wire being pulled: to the target port in its verdict's
 * colour, else to the pointer. */
void
_rig_canvas_connect_draw (RigCanvas *self, cairo_t *cr, int width, int height)
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

      /* Judged when it became the target. */
      if (self->validator != NULL)
        status = judge_port (self->target_device, self->target_jack, &verdict, self)
                     ? (int) verdict
                     : (int) RIG_SEVERITY_NONE;
      rig_layout_curve_between (&self->from_anchor, self->from_side, &target.anchor, target.side,
                                curve);
    }
  else
    rig_layout_curve_to_point (&self->from_anchor, self->from_side, &self->pointer, curve);
  rig_painter_draw_wire (self->painter, cr, curve, status, self->zoom);
}
