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
 * a scroll none of them takes goes on to the scrolled window around.
 * @scrolls: the control's GtkEventControllerScroll, which it owns. */
static void
set_wheel_taken (GPtrArray *scrolls, gboolean taken)
{
  for (guint i = 0; i < scrolls->len; i++)
    gtk_event_controller_set_propagation_phase (scrolls->pdata[i],
                                                taken ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
}

static void
enter_cb (GtkEventControllerFocus *focus, GPtrArray *scrolls)
{
  set_wheel_taken (scrolls, TRUE);
}

static void
leave_cb (GtkEventControllerFocus *focus, GPtrArray *scrolls)
{
  set_wheel_taken (scrolls, FALSE);
}

void
rig_wheel_guard_attach (GtkWidget *control)
{
  GPtrArray *scrolls = g_ptr_array_new ();
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_RANGE (control) || GTK_IS_SPIN_BUTTON (control));

  /* Looked up once: GTK keeps track of a widget's controllers for as long
   * as a list of them is observed, which slows every change to them. */
  {
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (control);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
          g_ptr_array_add (scrolls, controller);
      }
  }
  set_wheel_taken (scrolls,
                   (gtk_widget_get_state_flags (control) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0);
  /* A spin button's focus is in its text: "enter" and "leave" are for the
   * focus coming into the control or any part of it, and going out. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_data (focus, "enter", G_CALLBACK (enter_cb), scrolls,
                         (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect (focus, "leave", G_CALLBACK (leave_cb), scrolls);
  gtk_widget_add_controller (control, focus);
}
