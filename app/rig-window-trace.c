/* rig-window-trace.c: the window's Trace action (issue #11): the level
 * diagram of the signal paths through the selected device or cable, in a
 * window of its own beside the editor that follows every edit, so a gain
 * turned in the inspector moves its bars. One per editor window, reused.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rig-trace-view.h"
#include "rig-window-private.h"

static void
style_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, RigTraceView *view)
{
  rig_trace_view_set_style (view, adw_style_manager_get_dark (manager),
                            adw_style_manager_get_high_contrast (manager));
}

static void
ensure_trace_window (RigWindow *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *view;

  if (self->trace_window != NULL)
    return;
  self->trace_window = gtk_window_new ();
  g_object_add_weak_pointer (G_OBJECT (self->trace_window), (gpointer *) &self->trace_window);
  /* The application's shortcuts (Ctrl+Q, Ctrl+?) work in it too. */
  gtk_window_set_application (GTK_WINDOW (self->trace_window),
                              gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_set_title (GTK_WINDOW (self->trace_window), _ ("Signal Trace"));
  gtk_window_set_transient_for (GTK_WINDOW (self->trace_window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->trace_window), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self->trace_window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self->trace_window), 900, 540);

  view = rig_trace_view_new ();
  gtk_window_set_child (GTK_WINDOW (self->trace_window), view);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), view, 0);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), view, 0);
  style_changed_cb (style, NULL, RIG_TRACE_VIEW (view));
}

RigTraceView *
rig_window_get_trace_view (RigWindow *self)
{
  if (self->trace_window == NULL)
    return NULL;
  return RIG_TRACE_VIEW (gtk_window_get_child (GTK_WINDOW (self->trace_window)));
}

/* The selected device, else the selected cable: what to trace. */
static char *
traced_object (RigWindow *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);

  if (devices != NULL && devices[0] != NULL)
    return g_strdup (devices[0]);
  if (cables != NULL && cables[0] != NULL)
    return g_strdup (cables[0]);
  return NULL;
}

static void
trace_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  g_autofree char *object_id = traced_object (self);

  if (object_id == NULL)
    {
      rig_window_show_notice (self, _ ("Select a device or cable to trace its signal."));
      return;
    }
  ensure_trace_window (self);
  rig_trace_view_set_object (rig_window_get_trace_view (self), self->document, object_id);
  gtk_window_present (GTK_WINDOW (self->trace_window));
}

void
rig_window_class_install_trace_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.trace", NULL, trace_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.trace",
                                       NULL);
}

void
rig_window_trace_set_document (RigWindow *self)
{
  RigTraceView *view = rig_window_get_trace_view (self);

  /* Another rig: what was traced is not in it. */
  if (view != NULL)
    rig_trace_view_set_object (view, self->document, NULL);
}

void
rig_window_trace_dispose (RigWindow *self)
{
  if (self->trace_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->trace_window));
}
