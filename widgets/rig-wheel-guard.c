/* rig-wheel-guard.c: a slider or spin button takes the mouse wheel only
 * once it has the keyboard focus (rig-wheel-guard.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-wheel-guard.h"

/* The control's own wheel handlers (GTK adds one to a range and one to a
 * spin button) run in the bubble phase as GTK set them, or not at all:
 * a scroll none of them takes goes on to the scrolled window around. */
static void
set_wheel_taken (GtkWidget *control, gboolean taken)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (control);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller,
                                                    taken ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
    }
}

static void
enter_cb (GtkEventControllerFocus *focus, GtkWidget *control)
{
  set_wheel_taken (control, TRUE);
}

static void
leave_cb (GtkEventControllerFocus *focus, GtkWidget *control)
{
  set_wheel_taken (control, FALSE);
}

void
rig_wheel_guard_attach (GtkWidget *control)
{
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_RANGE (control) || GTK_IS_SPIN_BUTTON (control));

  set_wheel_taken (control,
                   (gtk_widget_get_state_flags (control) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0);
  /* A spin button's focus is in its text: "enter" and "leave" are for the
   * focus coming into the control or any part of it, and going out. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (enter_cb), control);
  g_signal_connect (focus, "leave", G_CALLBACK (leave_cb), control);
  gtk_widget_add_controller (control, focus);
}
