/* rig-window-notice.c: a short message over the canvas.
 *
 * When an edit made on the canvas is refused (a second cable on a jack that
 * takes one plug, a device dragged off the canvas), nothing changes in the
 * rig, and the user needs to know why: an in-app notification slides in at
 * the bottom of the canvas, says it in words, and goes after a while or when
 * closed. As GNOME applications show such notices (app-notification).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-window-private.h"

#define NOTICE_SECONDS 8

static void
hide_notice (RigWindow *self)
{
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static gboolean
notice_timeout_cb (gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);

  self->notice_timeout = 0;
  hide_notice (self);
  return G_SOURCE_REMOVE;
}

void
rig_window_show_notice (RigWindow *self, const char *message)
{
  g_return_if_fail (RIG_IS_WINDOW (self));

  gtk_label_set_text (self->notice_label, message);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  self->notice_timeout = g_timeout_add_seconds (NOTICE_SECONDS, notice_timeout_cb, self);
}

void
rig_window_notice_dispose (RigWindow *self)
{
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
}

static void
edit_refused_cb (RigCanvas *canvas, const char *message, RigWindow *self)
{
  rig_window_show_notice (self, message);
}

GtkWidget *
rig_window_notice_build (RigWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *revealer = gtk_revealer_new ();

  self->notice_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->notice_label, TRUE);
  gtk_label_set_max_width_chars (self->notice_label, 60);
  gtk_label_set_xalign (self->notice_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notice_label));
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _ ("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Close"), -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (hide_notice), self);
  gtk_box_append (GTK_BOX (box), close);
  gtk_widget_add_css_class (box, "app-notification");

  self->notice_revealer = GTK_REVEALER (revealer);
  gtk_revealer_set_transition_type (self->notice_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (self->notice_revealer, box);
  gtk_widget_set_halign (revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (revealer, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (revealer, 12);
  gtk_widget_set_name (revealer, "notice");

  g_signal_connect_object (self->canvas, "edit-refused", G_CALLBACK (edit_refused_cb), self, 0);
  return revealer;
}
