/* rig-first-frame.c: work that waits until a widget's first frame is shown. */
#include "config.h"

#include "rig-first-frame.h"

struct _RigFirstFrame
{
  GtkWidget *widget;
  GSourceFunc func;
  gpointer data;
  gulong map_id, paint_id;
  GdkFrameClock *clock;
  guint idle_id;
};

static void
stop_waiting (RigFirstFrame *self)
{
  /* A window's frame clock drops its handlers when the window is
   * unrealized, and a widget its own when it is disposed. */
  if (self->clock != NULL && g_signal_handler_is_connected (self->clock, self->paint_id))
    g_signal_handler_disconnect (self->clock, self->paint_id);
  self->paint_id = 0;
  g_clear_object (&self->clock);
  if (self->map_id != 0 && g_signal_handler_is_connected (self->widget, self->map_id))
    g_signal_handler_disconnect (self->widget, self->map_id);
  self->map_id = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

static gboolean
idle_cb (gpointer data)
{
  RigFirstFrame *self = data;

  self->idle_id = 0;
  stop_waiting (self);
  self->func (self->data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock, RigFirstFrame *self)
{
  stop_waiting (self);
  self->idle_id = g_idle_add (idle_cb, self);
}

static void
wait_for_paint (RigFirstFrame *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (self->widget);

  stop_waiting (self);
  if (clock == NULL)
    {
      self->idle_id = g_idle_add (idle_cb, self);
      return;
    }
  self->clock = g_object_ref (clock);
  self->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
map_cb (GtkWidget *widget, RigFirstFrame *self)
{
  wait_for_paint (self);
}

RigFirstFrame *
rig_first_frame_run (GtkWidget *widget, GSourceFunc func, gpointer data)
{
  RigFirstFrame *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (RigFirstFrame, 1);
  self->widget = widget;
  self->func = func;
  self->data = data;
  if (gtk_widget_get_mapped (widget))
    wait_for_paint (self);
  else
    {
      /* A widget shown right after it is made (as windows are, once their
       * rig is open) maps before the main loop is idle. */
      self->map_id = g_signal_connect (widget, "map", G_CALLBACK (map_cb), self);
      self->idle_id = g_idle_add_full (G_PRIORITY_LOW, idle_cb, self, NULL);
    }
  return self;
}

void
rig_first_frame_cancel (RigFirstFrame **handle)
{
  g_return_if_fail (handle != NULL);

  if (*handle == NULL)
    return;
  stop_waiting (*handle);
  g_clear_pointer (handle, g_free);
}
